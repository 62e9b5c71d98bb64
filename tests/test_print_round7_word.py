"""Word as the PDF prints it, round 7 (the sixth review's defects 4 and 6, Word side), checked
as LibreOffice prints the Word files (one soffice run for the module) and measured with
pdfplumber: handout lists and the plan kept whole on a page, short due dates on one line,
one type scale (16 / 12 / 11 pt) in every kind, and room between stacked tick boxes. The
closing asks are found by the template's mark, not by their English heading."""

from __future__ import annotations

import dataclasses
import io
import itertools
from collections.abc import Iterator
from datetime import date
from typing import Any

import docx
import pytest

import interview_prep as ip

from .test_print_round3_word import DOCUMENTS
from .tools import printed_word

HANDOUTS = {  # as the review's pictures: a January course, clear of the winter break
    "handout-jan": lambda: ip.assignment_handout(date(2027, 1, 11), course="Careers 10"),
    "handout-shadow-jan": lambda: ip.assignment_handout(date(2027, 1, 11), shadow=True),
}
SCALED = ("prep30", "script30", "reflection", "shadow3", "handout")
NAMES = (*SCALED, "script60", *HANDOUTS)
# DejaVu Sans's ☐ (LibreOffice's box) is drawn from the baseline up 1493 of its 2048 units
BOX_EM = 1493 / 2048


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("round7-word")
    with printed_word(folder, {**DOCUMENTS, **HANDOUTS}, NAMES) as opened:
        yield opened


def _lines(page: Any) -> list[dict[str, Any]]:
    """A page's text lines, less its running head and footer (8.5 pt)."""
    return [
        line
        for line in page.extract_text_lines()
        if max(char["size"] for char in line["chars"]) > 9
    ]


def _page_of(pdf: Any, text: str) -> int:
    pages = [p.page_number for p in pdf.pages for line in _lines(p) if line["text"] == text]
    assert pages, f"no line reads {text!r}"
    return pages[0]


@pytest.mark.slow
@pytest.mark.parametrize("name", list(HANDOUTS))
def test_no_lone_bullet_or_split_plan(printed: dict[str, Any], name: str) -> None:
    """No page starts with a list item cut from its list (the shadow handout's third tip sat
    alone atop p2), and My plan is one block (Field and Who were on p1, the rest on p2)."""
    pdf = printed[name]
    for page in pdf.pages[1:]:
        first = _lines(page)[0]["text"]
        assert not first.startswith("•"), (page.page_number, first)
    tips = {
        _page_of(pdf, text)
        for text in (
            "Tips",
            "• Dress for their workplace, arrive a few minutes early, or test the call beforehand.",
            "• Ask before you mention their name to anyone they suggest.",  # round 7 words
        )
    }
    assert len(tips) == 1, tips
    plan = {_page_of(pdf, "My plan"), _page_of(pdf, "What I hope to learn:")}
    plan |= {p.page_number for p in pdf.pages if "Field:" in p.extract_text()}
    plan |= {p.page_number for p in pdf.pages if "Who I will ask:" in p.extract_text()}
    assert len(plan) == 1, plan


@pytest.mark.slow
@pytest.mark.parametrize("name", list(HANDOUTS))
def test_short_due_dates_stay_on_one_line(printed: dict[str, Any], name: str) -> None:
    """The Due column is wide enough for "Wed, Jan 20" in bold (it wrapped "Wed, Jan / 20")."""
    text = "\n".join(page.extract_text() for page in printed[name].pages)
    for due in ("Thu, Jan 14", "Tue, Jan 19", "Wed, Jan 20", "Wed, Jan 27", "Mon, Feb 8"):
        assert due in text, due


def _style_size(style: Any) -> float:
    while style is not None:
        if style.font.size is not None:
            return float(style.font.size.pt)
        style = style.base_style
    return 0.0


def _sizes(pdf: Any, text: str) -> set[float]:
    return {
        round(char["size"], 1)
        for page in pdf.pages
        for line in page.extract_text_lines()
        if line["text"] == text
        for char in line["chars"]
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", SCALED)
def test_one_type_scale(printed: dict[str, Any], name: str) -> None:
    """As the PDF: a 16 pt title, 12 pt section heads and 11 pt subheads in every Word kind,
    in the styles and as LibreOffice prints them (the reflection was 17 / 13, the script's
    heads 10.5 under 11.5 pt subheads, the shadow's time blocks 10 pt, under the body)."""
    word = printed[f"{name}.docx"]
    sizes = {level: _style_size(word.styles[f"Heading {level}"]) for level in (1, 2, 3)}
    assert sizes == {1: 16, 2: 12, 3: 11}, sizes
    measured = 0
    for paragraph in word.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if not style.startswith("Heading ") or not paragraph.text.strip():
            continue
        found = _sizes(printed[name], paragraph.text.strip())
        if found:  # a title that wraps is measured by its style only
            measured += 1
            assert found == {sizes[int(style[-1])]}, (paragraph.text, found)
    assert measured >= 3


@pytest.mark.slow
def test_shadow_time_blocks_sit_between_body_and_section_heads(printed: dict[str, Any]) -> None:
    """A shadow's time blocks print 11 pt: above the 10.5 pt body, under the 12 pt heads."""
    assert _sizes(printed["shadow3"], "7:00–8:00 AM") == {11.0}


@pytest.mark.slow
@pytest.mark.parametrize("name", ["prep30", "reflection", "shadow3"])
def test_stacked_tick_boxes_have_room_between(printed: dict[str, Any], name: str) -> None:
    """About 5 pt of paper between stacked boxes as drawn (their font boxes touched, and
    the drawn boxes were 4.2 pt apart, against the PDF's 4.3 pt under a box a third taller)."""
    gaps = []
    for page in printed[name].pages:
        boxes = sorted(
            (c for c in page.chars if c["text"] == "☐"), key=lambda c: (c["x0"], c["top"])
        )
        for above, below in itertools.pairwise(boxes):
            pitch = (above["matrix"][5] - below["matrix"][5]) if above["x0"] == below["x0"] else 0
            if 0 < pitch < 20:  # stacked rows of one list
                gaps.append(pitch - BOX_EM * below["size"])
    assert len(gaps) >= 3, gaps
    assert min(gaps) >= 4.8, gaps


@pytest.mark.slow
@pytest.mark.parametrize("name", ["script30", "script60"])
def test_script_estimate_is_what_libreoffice_prints(printed: dict[str, Any], name: str) -> None:
    """The script's page estimate (which spreads a short last page) is LibreOffice's own
    within 5% of a page, page by page, with no fitted scale (it took 0.95 of every height)."""
    from interview_prep.pageshare import page_used, paginate
    from interview_prep.writers.docx_spread import body_units

    units, _, breaks, height = body_units(printed[f"{name}.docx"])
    estimated = [page_used(page) for page in paginate(units, height, breaks)]
    top = printed[f"{name}.docx"].sections[0].top_margin.pt
    pdf = printed[name]
    measured = [_lines(page)[-1]["bottom"] - top for page in pdf.pages]
    assert len(estimated) == len(measured), (estimated, measured)
    for guess, real in zip(estimated, measured, strict=True):
        assert abs(guess - real) <= 0.05 * height, (estimated, measured)


def _rows(document: ip.Document) -> list[int]:
    """The rows of each question's writing space in ``document``'s Word file, in order, up
    to the referral table (the closing ask's is the last)."""
    word = docx.Document(io.BytesIO(document.to_docx()))
    rows = []
    for table in word.tables:
        if len(table.columns) > 2:
            break
        if len(table.columns) == 1:
            rows.append(len(table.rows))
    return rows


@pytest.mark.slow
def test_closing_asks_found_by_their_mark_not_their_heading() -> None:
    """A closing ask keeps to the shortest question's lines under any heading (Word found it
    by the English "Closing asks" and gave a renamed one a 3-minute question's room)."""
    document = DOCUMENTS["prep30"]()
    renamed = document.source.replace("## Closing asks", "## Preguntas finales")
    assert renamed != document.source
    rows = _rows(document)
    assert _rows(dataclasses.replace(document, source=renamed)) == rows
    *questions, closing = rows
    assert len(questions) == 8 and closing <= min(questions), rows


def test_rows_a_page_frees_go_to_its_thinnest_questions() -> None:
    """A 2-minute question left one line no longer holds the 3-minute ones to two: the page's
    spare rows go to the questions with the fewest lines a minute first (was 2, 2, 1)."""
    from xml.etree.ElementTree import Element

    from interview_prep.pageheights import Space, Unit
    from interview_prep.writers.docx_even import by_minutes, even_out
    from interview_prep.writers.docx_fill import WritingSpace

    row = 20.0
    timed = [
        (WritingSpace(None, lines, minutes), Space(Element("div"), lines, 1, float(minutes)))  # type: ignore[arg-type]
        for lines, minutes in ((2, 3), (2, 3), (1, 2))
    ]
    units = [Unit([Element("table")], e.lines * row, 0, 0, spaces=[e]) for _, e in timed]
    by_minutes(timed)
    assert [e.lines for _, e in timed] == [2, 2, 1]
    page = [(unit, 0.0) for unit in units]
    even_out([(page, 3 * row + 5)], timed, row)  # a page with three rows spare
    assert [e.lines for _, e in timed] == [3, 3, 2]
