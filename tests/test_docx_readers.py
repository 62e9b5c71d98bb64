"""Word files as the programs that read them see them: printed by LibreOffice and measured
with pdfplumber, converted by mammoth, read by docx2python. A student's edits (a deleted
question, a typed answer) are made with python-docx before printing."""

from __future__ import annotations

import io
import itertools
import re
import subprocess
import zipfile
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest

from interview_prep.writers.docx_style import margins

from .test_documents import CASES
from .tools import need

pytestmark = pytest.mark.slow

MM = 72 / 25.4  # points per millimeter
# the side margins Word takes from print.css (a document page, a letter's plain page)
SIDE = margins()["document"][3]
LETTER_SIDE = margins()["letter"][3]
NAVY = (0.07, 0.235, 0.353)
ANSWER = [
    "My first typed line of notes about the units she tried.",
    "A second line: she started on a medical-surgical floor.",
    "A third line that must stay visible: ICU after two years.",
]
DOCUMENTS = {
    "prep": "prep-sheet-nurse-college-30",
    "script": "script-nurse-college-30",
    "letter": "letter-confirm-letter",
    "email": "letter-request-email-referral",
    "reflection": "reflection-nurse",
    "handout": "handout-four-weeks-shadow",
}


def _questions(word: Any) -> list[Any]:
    return [
        p
        for p in word.paragraphs
        if p._p.pPr is not None
        and p._p.pPr.numPr is not None
        and p._p.pPr.numPr.ilvl.val == 0
        and any(run.bold for run in p.runs[:2])
    ]


def _question_starts() -> list[str]:
    """The first words of the prep sheet's numbered questions, read from its Markdown."""
    source = CASES[DOCUMENTS["prep"]]().source
    questions = re.findall(r"^\d+\. (?:★ )?\*\*(.+?)\*\*", source, re.M)
    return [" ".join(q.split()[:5]) for q in questions]


def _question_count() -> int:
    return len(_question_starts())


def _delete_first_question(data: bytes) -> bytes:
    word = docx.Document(io.BytesIO(data))
    first = _questions(word)[0]._p
    first.getparent().remove(first)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _type_an_answer(data: bytes) -> bytes:
    """Three lines typed into the first ruled row, as a student would in Word."""
    word = docx.Document(io.BytesIO(data))
    ruled = next(t for t in word.tables if t.style is None or t.style.name != "Table Grid")
    cell = ruled.rows[0].cells[0]
    cell.paragraphs[0].text = ANSWER[0]
    for line in ANSWER[1:]:
        cell.add_paragraph(line)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """Every Word file of this module, and LibreOffice's PDF of each (one soffice run)."""
    soffice = need("soffice", "libreoffice-writer-nogui")
    folder = tmp_path_factory.mktemp("word")
    made = {key: CASES[name]().to_docx() for key, name in DOCUMENTS.items()}
    made["deleted"] = _delete_first_question(made["prep"])
    made["typed"] = _type_an_answer(made["prep"])
    made["script-a4"] = CASES[DOCUMENTS["script"]]().to_docx(paper="a4")
    for key, data in made.items():
        (folder / f"{key}.docx").write_bytes(data)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"{key}.docx") for key in made),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    yield {key: folder / key for key in made}


def _pdf(printed: dict[str, Path], key: str) -> Any:
    return pdfplumber.open(printed[key].with_suffix(".pdf"))


def _lines(page: Any) -> list[str]:
    return [line.strip() for line in (page.extract_text() or "").splitlines()]


def test_deleting_a_question_renumbers_the_rest_in_libreoffice(printed: dict[str, Path]) -> None:
    with _pdf(printed, "prep") as pdf:
        before = "\n".join("\n".join(_lines(page)) for page in pdf.pages)
    with _pdf(printed, "deleted") as pdf:
        after = "\n".join("\n".join(_lines(page)) for page in pdf.pages)
    assert re.search(r"^1\. (★ )?How did you land", before, re.M)  # a must-ask is starred
    count = _question_count()
    assert re.search(rf"^{count}\. Who else would you", before, re.M)
    first, second = _question_starts()[:2]
    assert first not in after
    assert re.search(rf"^1\. (★ )?{re.escape(second)}", after, re.M)
    assert re.search(rf"^{count - 1}\. Who else would you", after, re.M)
    assert not re.search(rf"^{count}\. ", after, re.M)


def test_mammoth_and_docx2python_read_the_question_numbers(printed: dict[str, Path]) -> None:
    import mammoth
    from docx2python import docx2python

    with printed["prep"].with_suffix(".docx").open("rb") as file:
        html = mammoth.convert_to_html(file).value
    items = re.findall(r"<ol><li>(?:★ )?(?:<strong>)?([^<]+)", html)
    count = _question_count()
    assert len(items) == count and items[0].startswith("How did you land")
    with docx2python(printed["prep"].with_suffix(".docx")) as read:
        numbered = re.findall(r"^(\d+)\)\t", read.text, re.M)
    assert numbered == [str(n) for n in range(1, count + 1)]


def test_a_typed_three_line_answer_stays_fully_visible(printed: dict[str, Path]) -> None:
    with _pdf(printed, "typed") as pdf:
        page = pdf.pages[0]
        lines = _lines(page)
        assert all(typed in lines for typed in ANSWER), lines
        tops = [page.search(typed)[0]["top"] for typed in ANSWER]
        follow_up = page.search(_question_starts()[1])[0]["top"]
    # one line under another, and the next question pushed down below them, not covered
    assert tops == sorted(tops) and min(b - a for a, b in itertools.pairwise(tops)) > 9
    assert follow_up > tops[-1] + 12


def test_name_date_and_class_are_lines_to_write_on(printed: dict[str, Path]) -> None:
    with _pdf(printed, "reflection") as pdf:
        page = pdf.pages[0]
        words = {w["text"].split(":")[0]: w for w in page.extract_words() if ":_" in w["text"]}
    assert list(words) == ["Name", "Date", "Class"]
    assert len({round(w["top"]) for w in words.values()}) == 1  # one row, as on the PDF
    name, date, klass = words.values()
    # each label's line runs up to a gap before the next label; the last ends at the margin
    assert name["x0"] == pytest.approx(SIDE * MM, abs=1)
    assert name["x1"] < date["x0"] - 10 and date["x1"] < klass["x0"] - 10
    assert klass["x1"] == pytest.approx(page.width - SIDE * MM, abs=4)
    assert name["x1"] - name["x0"] > 1.7 * (date["x1"] - date["x0"])
    assert "•" not in "".join(_lines(page)[:4])


def test_tables_sit_on_the_margins_with_padding_and_light_rules(
    printed: dict[str, Path],
) -> None:
    with _pdf(printed, "prep") as pdf:
        page = pdf.pages[0]
        margin = SIDE * MM
        rules = [line for line in page.lines if line["top"] < 200]
        with_label = page.search("With")[0]
    assert rules and all(r["x0"] == pytest.approx(margin, abs=1) for r in rules)
    assert all(r["x1"] == pytest.approx(page.width - margin, abs=1) for r in rules)
    header, *rows = sorted(rules, key=lambda r: r["top"])
    assert header["stroking_color"] == pytest.approx(NAVY, abs=0.01)
    assert all(min(r["stroking_color"]) > 0.5 for r in rows)  # light grey, not black
    assert with_label["x0"] - margin >= 4  # padded, not against the rule's end
    assert header["top"] < with_label["top"] - 2 and rows[0]["top"] > with_label["bottom"] + 2


def test_ruled_lines_stay_inside_the_margins(printed: dict[str, Path]) -> None:
    for key in ("prep", "reflection"):
        with _pdf(printed, key) as pdf:
            for page in pdf.pages:
                for line in page.lines:
                    assert line["x0"] >= SIDE * MM - 0.5
                    assert line["x1"] <= page.width - SIDE * MM + 0.5


def test_type_matches_the_pdf_sans_body_navy_serif_headings(printed: dict[str, Path]) -> None:
    with _pdf(printed, "prep") as pdf:
        chars = pdf.pages[0].chars
        foot = [c for c in chars if c["top"] > pdf.pages[0].height - 13 * MM]
    assert foot and {round(c["size"], 1) for c in foot} == {8.5}  # "page 1 of 3" included
    heading = [c for c in chars if c["size"] >= 15.5]  # the title: 16 pt, as on the PDF
    body = [
        c
        for c in chars
        if c["text"].isalpha()
        and 10 <= c["size"] <= 11
        and c["non_stroking_color"] != pytest.approx(NAVY, abs=0.01)  # not a 10 pt heading
    ]
    assert heading and all("Serif" in c["fontname"] for c in heading)
    assert all(c["non_stroking_color"] == pytest.approx(NAVY, abs=0.01) for c in heading)
    fonts = {c["fontname"].split("+")[-1].split("-")[0] for c in body}
    assert fonts == {"LiberationSans"}  # Arial's metric twin: sans, as the PDF's body


def test_letter_has_blank_lines_between_blocks_and_room_to_sign(
    printed: dict[str, Path],
) -> None:
    with _pdf(printed, "letter") as pdf:
        page = pdf.pages[0]
        top = {
            text: page.search(text)[0] for text in ("alex@example.edu", "March 10", "Dana Ortiz")
        }
        regards = page.search("Best regards,")[0]
        name = page.search("Alex Kim")[-1]
        assert len(pdf.pages) == 1
        assert page.chars[0]["x0"] == pytest.approx(LETTER_SIDE * MM, abs=1)
    line = top["March 10"]["bottom"] - top["March 10"]["top"]
    assert top["March 10"]["top"] - top["alex@example.edu"]["bottom"] > line  # a blank line
    assert top["Dana Ortiz"]["top"] - top["March 10"]["bottom"] > line
    assert name["top"] - regards["bottom"] >= 18 * MM  # room to sign
    with _pdf(printed, "email") as pdf:
        page = pdf.pages[0]
        gap = page.search("Alex Kim")[-1]["top"] - page.search("Best regards,")[0]["bottom"]
    assert gap < 10 * MM  # an email is not signed by hand


def test_handout_rubric_columns_hold_their_words_whole(printed: dict[str, Path]) -> None:
    word = docx.Document(str(printed["handout"].with_suffix(".docx")))
    rubric = next(t for t in word.tables if t.rows[0].cells[0].text == "Criterion")
    wanted = {
        w.strip(".,;:()")
        for row in rubric.rows
        for cell in row.cells
        for w in cell.text.split()
        if len(w.strip(".,;:()")) > 3
    }
    with _pdf(printed, "handout") as pdf:
        printed_words = {
            w["text"].strip(".,;:()") for page in pdf.pages for w in page.extract_words()
        }
    assert "Beginning" in wanted and wanted <= printed_words, wanted - printed_words


def test_the_thirty_minute_script_is_one_page(printed: dict[str, Path]) -> None:
    for key in ("script", "script-a4"):
        with _pdf(printed, key) as pdf:
            assert len(pdf.pages) == 1
            assert "Finish on time" in (pdf.pages[0].extract_text() or "")


@pytest.mark.parametrize("name", sorted(CASES))
def test_on_off_properties_carry_no_true_value(name: str) -> None:
    with zipfile.ZipFile(io.BytesIO(CASES[name]().to_docx())) as package:
        body = package.read("word/document.xml").decode()
    assert "<w:tblHeader/>" in body or "<w:tbl>" not in body
    assert 'w:val="true"' not in body


def test_file_properties_carry_the_real_date(monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = CASES["script-nurse-college-30"]()
    before = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    properties = docx.Document(io.BytesIO(sheet.to_docx())).core_properties
    after = datetime.now(timezone.utc).replace(tzinfo=None)
    assert before <= properties.created.replace(tzinfo=None) <= after
    assert properties.modified == properties.created
    assert properties.last_modified_by != "python-docx"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # reproducible builds
    again = docx.Document(io.BytesIO(sheet.to_docx())).core_properties
    assert again.created.replace(tzinfo=None) == datetime(2026, 1, 1)


def test_a_question_and_its_lines_to_write_on_share_a_page(printed: dict[str, Path]) -> None:
    ruled_color = (0.56, 0.64, 0.70)  # docx_parts.RULE_COLOR
    with _pdf(printed, "prep") as pdf:
        for page in pdf.pages:
            ruled = [
                line["top"]
                for line in page.lines
                if line["stroking_color"] == pytest.approx(ruled_color, abs=0.01)
            ]
            questions = [
                w["top"]
                for w in page.extract_words()
                if re.fullmatch(r"\d+\.", w["text"]) and w["x0"] < 70
            ]
            assert ruled and questions
            assert min(questions) < min(ruled)  # no page opens with another page's lines


def test_choices_are_circles_to_mark_on_one_line(printed: dict[str, Path]) -> None:
    with _pdf(printed, "reflection") as pdf:
        lines = _lines(pdf.pages[0])
    row = next(line for line in lines if "More curious" in line)
    assert re.fullmatch(r"Circle one:\s+○ More curious\s+○ About the same\s+○ Less curious", row), (
        row
    )
    assert not any(line.startswith("•") and "curious" in line for line in lines)
