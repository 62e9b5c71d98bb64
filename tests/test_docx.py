"""Word output: every document kind opened with python-docx, read back by pandoc, and printed
by LibreOffice, against the structure of its own Markdown."""

from __future__ import annotations

import base64
import io
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Inches
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import interview_prep as ip
from interview_prep.cli import main
from interview_prep.render import markdown_parser

from .test_documents import CASES
from .tools import need

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=60)
PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def markdown_facts(markdown: str) -> dict[str, Any]:
    """What the Markdown asks of a Word version: its headings, lists, tables and boxes."""
    tokens = markdown_parser().parse(markdown)
    headings = [
        (int(token.tag[1]), _shown(tokens[i + 1].children or []))
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
    ]
    starts = [int(t.attrGet("start") or 1) for t in tokens if t.type == "ordered_list_open"]
    ordered_items, depth = 0, 0
    for token in tokens:
        if token.type == "ordered_list_open":
            depth += 1
        elif token.type == "ordered_list_close":
            depth -= 1
        elif token.type == "list_item_open" and token.info and depth:
            ordered_items += 1
    return {
        "headings": headings,
        "list_starts": starts,
        "ordered_items": ordered_items,
        "tables": sum(t.type == "table_open" for t in tokens),
        "boxes": sum(
            "task-list-item-checkbox" in child.content for t in tokens for child in t.children or []
        ),
        "ruled": sum(t.type in ("container_notes_open", "container_lines_open") for t in tokens),
    }


def _shown(children: list[Any]) -> str:
    """The text an inline token shows, escapes undone."""
    return "".join(
        " " if c.type == "softbreak" else c.content
        for c in children
        if c.type in ("text", "code_inline", "softbreak")
    )


def word_facts(data: bytes) -> dict[str, Any]:
    """The same facts, read from a Word file with python-docx."""
    word = docx.Document(io.BytesIO(data))
    numbering = word.part.numbering_part.element
    decimal_abstracts = {
        a.get(f"{W}abstractNumId")
        for a in numbering.iter(f"{W}abstractNum")
        if a.find(f"{W}lvl/{W}numFmt").get(f"{W}val") == "decimal"
    }
    ordered_nums = {}
    for num in numbering.iter(f"{W}num"):
        if num.find(f"{W}abstractNumId").get(f"{W}val") in decimal_abstracts:
            override = num.find(f"{W}lvlOverride/{W}startOverride")
            if override is not None:  # the template's own lists have none
                ordered_nums[num.get(f"{W}numId")] = int(override.get(f"{W}val"))
    numbered = [
        p._p.pPr.numPr.numId.val
        for p in word.paragraphs
        if p._p.pPr is not None and p._p.pPr.numPr is not None
    ]
    used_ordered = list(dict.fromkeys(str(n) for n in numbered if str(n) in ordered_nums))
    return {
        "headings": [
            (int(p.style.name.split()[-1]), p.text)
            for p in word.paragraphs
            if p.style.name.startswith("Heading")
        ],
        "list_starts": [ordered_nums[n] for n in used_ordered],
        "ordered_items": sum(str(n) in ordered_nums for n in numbered),
        "tables": sum(t.style is not None and t.style.name == "Table Grid" for t in word.tables),
        "boxes": sum(p.text.startswith(("☐", "☑")) for p in word.paragraphs),
        "ruled": sum(t.style is None or t.style.name != "Table Grid" for t in word.tables),
    }


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_document_kind_keeps_its_structure_in_word(name: str) -> None:
    document = CASES[name]()
    data = document.to_docx()
    expected = markdown_facts(document.source)
    assert expected["headings"][0][0] == 1
    if document.kind == "letter":  # as on paper, a letter shows no title
        expected["headings"] = expected["headings"][1:]
    assert word_facts(data) == expected
    assert docx.Document(io.BytesIO(data)).core_properties.title == document.title


def test_numbered_lists_restart_and_keep_their_start_number() -> None:
    sheet = CASES["prep-sheet-nurse-college-30"]()
    facts = word_facts(sheet.to_docx())
    # the questions of each theme section, then the closing asks: numbers run on
    assert facts["list_starts"] == markdown_facts(sheet.source)["list_starts"]
    assert facts["list_starts"][0] == 1
    assert facts["list_starts"] == sorted(set(facts["list_starts"]))


@pytest.mark.parametrize(("paper", "size"), [("letter", (215.9, 279.4)), ("a4", (210, 297))])
def test_page_size_follows_the_paper(paper: str, size: tuple[float, float]) -> None:
    data = CASES["reflection-nurse"]().to_docx(paper=paper)
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == size
    assert section.left_margin == section.right_margin == Inches(0.7)


def test_letters_have_no_page_furniture_and_comparisons_lie_landscape() -> None:
    letter = docx.Document(io.BytesIO(CASES["letter-confirm-letter"]().to_docx()))
    section = letter.sections[0]
    assert section.header.paragraphs[0].text == "" and section.footer.paragraphs[0].text == ""
    assert letter.paragraphs[0].text.split("\n")[0] == "Alex Kim"
    comparison = docx.Document(io.BytesIO(CASES["comparison-nurse-three"]().to_docx()))
    section = comparison.sections[0]
    assert section.page_width > section.page_height
    rows = comparison.tables[0].rows
    assert rows[0].height is None and rows[1].height == Inches(0.8)


def test_tables_repeat_their_header_row_and_ruled_space_counts_lines() -> None:
    handout = CASES["handout-four-weeks-shadow"]()
    word = docx.Document(io.BytesIO(handout.to_docx()))
    steps = word.tables[0]
    assert [c.text for c in steps.rows[0].cells] == ["Due", "Step", "Hand in"]
    assert steps.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    assert steps.rows[1].cells[0].text == "Thu, Mar 5"  # a short US date
    rubric = word.tables[1]
    assert len(rubric.columns) == 6 and rubric.rows[0].cells[1].text == "Excellent (4)"

    markdown = "# Notes\n\n::: notes 5\n:::\n\n::: lines\n:::\n\n::: notes\n:::\n"
    ruled = docx.Document(io.BytesIO(ip.Document("x", "Notes", markdown).to_docx())).tables
    assert [len(t.rows) for t in ruled] == [5, 5, 3]


def test_header_footer_and_branding(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PIXEL_PNG)
    sheet = CASES["prep-sheet-nurse-college-30"]().branded(
        ip.Branding(school="Lakeside High School", logo=logo)
    )
    data = sheet.to_docx()
    word = docx.Document(io.BytesIO(data))
    section = word.sections[0]
    assert "Lakeside High School" in section.header.paragraphs[0].text
    assert "Prep sheet: Registered Nurse" in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert any(n.startswith("word/media/") for n in zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert word.core_properties.title == "Prep sheet: Registered Nurse, with Dana Ortiz"

    svg = tmp_path / "logo.svg"
    svg.write_text("<svg/>", encoding="utf-8")
    with pytest.raises(ip.OutputError, match=r"\.png, \.jpg or \.gif"):
        sheet.branded(ip.Branding(logo=svg)).to_docx()


def test_user_text_with_control_characters_still_makes_a_file() -> None:
    contact = ip.Contact("Dana\x01 <b>Ortiz</b> **bold** \\_", "ICU & nurse", "Mercy\x0b")
    sheet = ip.prep_sheet(ip.plan_interview("nurse", "college", 30), contact)
    text = "\n".join(
        c.text
        for t in docx.Document(io.BytesIO(sheet.to_docx())).tables
        for r in t.rows
        for c in r.cells
    )
    assert "Dana <b>Ortiz</b> **bold** \\_ · ICU & nurse, Mercy" in text


def test_pandoc_reads_headings_numbered_questions_and_tables(tmp_path: Path) -> None:
    pandoc = need("pandoc", "pandoc")
    sheet = CASES["prep-sheet-nurse-college-30"]()
    path = tmp_path / "sheet.docx"
    sheet.to_docx(path)
    result = subprocess.run(
        [pandoc, "-f", "docx", "-t", "gfm", str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    markdown = result.stdout
    for level, heading in markdown_facts(sheet.source)["headings"]:
        assert f"{'#' * level} {heading}" in markdown
    assert "1.  **How did you land" in markdown
    assert "| With " in markdown and "Dana Ortiz" in markdown
    assert markdown.count("☐") == markdown_facts(sheet.source)["boxes"]


def test_libreoffice_prints_letter_and_a4_pages(tmp_path: Path) -> None:
    soffice = need("soffice", "libreoffice-writer-nogui")
    sheet = CASES["prep-sheet-nurse-college-30"]()
    sheet.to_docx(tmp_path / "letter.docx")
    sheet.to_docx(tmp_path / "a4.docx", paper="a4")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "letter.docx"),
            str(tmp_path / "a4.docx"),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    for name, size in (("letter", (612, 792)), ("a4", (595, 842))):
        reader = PdfReader(tmp_path / f"{name}.pdf")
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size
        assert 2 <= len(reader.pages) <= 6
        first = reader.pages[0].extract_text()
        assert "Prep sheet: Registered Nurse" in first and "page 1 of" in first


def test_cli_writes_word_files_and_batch_makes_one_per_student(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "script.docx"
    result = runner.invoke(
        main, ["script", "-f", "electrician", "-s", "high-school", "--paper", "a4", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert round(docx.Document(str(out)).sections[0].page_width.mm) == 210
    refused = runner.invoke(main, ["script", "-f", "nurse", "-s", "college", "-o", str(out)])
    assert refused.exit_code == 2 and "already exists" in refused.output

    letter = tmp_path / "thanks.docx"
    result = runner.invoke(
        main, ["letter", "thank-you", "--from", "Alex Kim", "--to", "Dana Ortiz", "-o", str(letter)]
    )
    assert result.exit_code == 0, result.output
    assert "Dana Ortiz" in "\n".join(p.text for p in docx.Document(str(letter)).paragraphs)

    roster = tmp_path / "roster.csv"
    roster.write_text("name,field\nMaria García,nurse\nLiam O'Brien,electrician\n", "utf-8")
    result = runner.invoke(
        main, ["batch", str(roster), "--out", str(tmp_path / "class"), "--format", "docx"]
    )
    assert result.exit_code == 0, result.output
    made = sorted(p.name for p in (tmp_path / "class").iterdir() if not p.name.startswith("."))
    assert made == ["001-maria-garcia.docx", "002-liam-o-brien.docx"]
    first = docx.Document(str(tmp_path / "class" / made[0]))
    assert first.paragraphs[0].style.name == "Heading 1"


def test_save_and_render_know_word(tmp_path: Path) -> None:
    sheet = CASES["script-nurse-college-30"]()
    saved = sheet.save(tmp_path / "script.DOCX")
    assert docx.Document(str(saved)).paragraphs[0].text == sheet.title
    rendered = sheet.render("docx")
    assert isinstance(rendered, bytes) and rendered[:2] == b"PK"
    assert zipfile.ZipFile(io.BytesIO(rendered)).testzip() is None


@settings(max_examples=25, deadline=None)
# control characters are dropped on the way (see the test above), so they are left out here
@given(PRINTABLE, PRINTABLE)
def test_any_user_text_makes_a_word_file_with_the_same_structure(first: str, second: str) -> None:
    from interview_prep.markdown.escape import escape_markdown

    a, b = escape_markdown(first), escape_markdown(second)
    markdown = (
        f"# Title {a}\n\n## {b}\n\n1. {a}\n2. {b}\n\n- [ ] {a}\n- {b}\n\n"
        f"| Name | Note |\n|---|---|\n| {a} | {b} |\n\n::: notes\n:::\n"
    )
    data = ip.Document("x", f"Title {first}", markdown).to_docx()
    assert word_facts(data) == markdown_facts(markdown)
