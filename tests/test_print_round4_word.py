"""Word as the PDF prints it (issue 19, round 4, the third review's defect 6), checked as
LibreOffice prints the Word files (one soffice run for the module) and measured with
pdfplumber: pages used to their foot, the timeline's and the comparison's ruled cells, the
footer's words, the meeting table's labels, and lines by minutes."""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterator
from typing import Any

import docx
import pytest

from .test_docx import three
from .test_print_round3_word import BOTTOM, DOCUMENTS, INCH, LEFT, MM, RIGHT, RULE, TOP, _color
from .tools import printed_word

pytestmark = pytest.mark.slow

NAMES = ("compare3", "handout-shadow", "timeline", "shadow3", "prep30", "prep15")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with printed_word(tmp_path_factory.mktemp("round4-word"), DOCUMENTS, NAMES) as opened:
        yield opened


def _unused(page: Any) -> float:
    """Inches between the page's last text or rule and the footer."""
    foot = page.height - BOTTOM
    marks = [c["bottom"] for c in page.chars if c["bottom"] <= foot]
    marks += [line["bottom"] for line in page.lines if line["bottom"] <= foot]
    return (foot - max(marks)) / INCH


def _rules(page: Any, x0: float = 0.0, x1: float = 10_000.0) -> list[float]:
    """The tops of the writing rules between ``x0`` and ``x1``."""
    return sorted(
        {
            round(line["top"], 1)
            for line in page.lines
            if _color(line) == RULE and line["x0"] >= x0 - 1 and line["x1"] <= x1 + 1
        }
    )


@pytest.mark.parametrize("name", ["compare3", "handout-shadow", "timeline"])
def test_every_page_is_used_to_its_foot(printed: dict[str, Any], name: str) -> None:
    """No page ends more than 1.5 in above the footer, the last one included: the comparison's
    notes, the handout's questions and the timeline's Notes grow into the spare height."""
    pdf = printed[name]
    shortfalls = [_unused(page) for page in pdf.pages]
    assert all(unused <= 1.5 for unused in shortfalls), shortfalls


def test_comparison_boxes_take_five_lines_or_more(printed: dict[str, Any]) -> None:
    """Where they agree / differ / the pattern: 5-6 rules each on p2, as on the PDF (was 4)."""
    page = printed["compare3"].pages[-1]
    heads = sorted(
        line["top"]
        for line in page.extract_text_lines()
        if line["text"].startswith(("Where they agree", "Where they differ", "What the pattern"))
    )
    assert len(heads) == 3
    full = [top for top in _rules(page) if top > heads[0]]  # the boxes' full-width rules
    ends = [*heads[1:], page.height - BOTTOM]
    counts = [sum(a < top < b for top in full) for a, b in zip(heads, ends, strict=True)]
    assert min(counts) >= 5, counts


def test_comparison_cells_have_two_rules_to_write_on(printed: dict[str, Any]) -> None:
    """As print.css: two light rules 7.1 mm apart in each person's cell, over its border."""
    page = printed["compare3"].pages[0]
    body = page.crop((0, TOP + 20, page.width, page.height - BOTTOM))  # the table's header
    words = {w["text"]: w for w in reversed(body.extract_words())}
    left, right = words["Dana"]["x0"], words["Sam"]["x0"]
    tops = _rules(page, left - 6, right)
    rows = [b - a for a, b in itertools.pairwise(tops)]
    assert len(tops) >= 2 * 6  # two a row, six rows or more on the first page
    assert any(abs(gap - 7.1 * MM) < 0.8 for gap in rows)


def test_timeline_notes_are_ruled_and_rows_as_tall_as_the_pdfs(printed: dict[str, Any]) -> None:
    pdf = printed["timeline"]
    page = pdf.pages[0]
    notes = next(w for w in page.extract_words() if w["text"] == "Notes")
    tops = _rules(page, notes["x0"] - 8, page.width - RIGHT)
    short = [top for top in tops if top < page.height / 2 + 200]
    steps = [w for w in page.extract_words() if w["text"] == "☐"]
    assert len(steps) == 7
    assert len(short) >= 2 * len(steps)  # two rules a row: three lines with the row's border
    pitch = [b["top"] - a["top"] for a, b in itertools.pairwise(steps)]
    assert min(pitch) >= 22.4 * MM - 0.5  # the PDF's 22.4 mm rows


def test_footer_says_page_n_of_m_at_the_right(printed: dict[str, Any]) -> None:
    for name in ("prep30", "compare3", "timeline"):
        pdf = printed[name]
        for number, page in enumerate(pdf.pages, start=1):
            foot = page.crop((0, page.height - BOTTOM, page.width, page.height))
            text = foot.extract_text() or ""
            # round 8: a one-page document says "Page 1", not "Page 1 of 1"
            pages = len(pdf.pages)
            assert text.endswith(f"Page {number} of {pages}" if pages > 1 else "Page 1"), text
            assert "page " not in text
            words = foot.extract_words()
            assert abs(max(w["x1"] for w in words) - (page.width - RIGHT)) < 1.5, name


def test_meeting_table_labels_are_bold(printed: dict[str, Any]) -> None:
    page = printed["prep30"].pages[0]
    for label in ("With", "When", "Where"):
        word = next(w for w in page.extract_words(extra_attrs=["fontname"]) if w["text"] == label)
        assert "Bold" in word["fontname"], label
    dana = next(w for w in page.extract_words(extra_attrs=["fontname"]) if w["text"] == "Dana")
    assert "Bold" not in dana["fontname"]
    width = page.width - LEFT - RIGHT  # the values start past a label column of 26%, as the PDF
    assert abs(dana["x0"] - LEFT - 0.26 * width - 5) < 2, dana["x0"]


def _lines_by_space(name: str) -> list[tuple[int, int | None, bool]]:
    """Each writing space of the Word file: its lines, its minutes and whether it is a
    closing ask, in the Markdown's order."""
    source = DOCUMENTS[name]().source
    marks = re.findall(r"::: (?:notes|lines) \d+(?: (\d+)min)?", source)
    closing = source.index("Closing asks")
    starts = [m.start() for m in re.finditer(r"::: (?:notes|lines) \d+", source)]
    word = docx.Document(io.BytesIO(DOCUMENTS[name]().to_docx()))
    ruled = [
        t for t in word.tables if (t.style is None or t.style.name != "Table Grid") and not three(t)
    ]
    assert len(ruled) == len(marks)
    return [
        (len(table.rows), int(minutes) if minutes else None, start > closing)
        for table, minutes, start in zip(ruled, marks, starts, strict=True)
    ]


@pytest.mark.parametrize("name", ["shadow3", "prep30", "prep15"])
def test_lines_follow_the_minutes(printed: dict[str, Any], name: str) -> None:
    """Questions of the same minutes get lines within one of each other (the third review:
    Word shadow3 gave Q4 and the closing ask 9 lines, Q1-Q3 3), and a closing ask never gets
    more than the shortest question; the pages still end near their foot."""
    spaces = _lines_by_space(name)
    questions = [(lines, m) for lines, m, closing in spaces if m and not closing]
    for minutes in {m for _, m in questions}:
        same = [lines for lines, m in questions if m == minutes]
        assert max(same) - min(same) <= 1, (minutes, same)
    rate = min(lines / m for lines, m in questions if m >= 2)
    assert all(lines <= rate * m + 1 for lines, m in questions), questions  # by minutes
    shortest = min(lines for lines, _ in questions)
    asks = [lines for lines, m, closing in spaces if closing]
    assert max(asks, default=0) <= shortest, (asks, shortest)  # the referral ask is a table
    pdf = printed[name]
    for number, page in enumerate(pdf.pages, start=1):
        unused = _unused(page)
        if number < len(pdf.pages):
            assert unused <= 1.5, (number, unused)
        else:
            used = (page.height - BOTTOM - unused * INCH - TOP) / (page.height - TOP - BOTTOM)
            assert used >= 0.6


def test_running_head_from_the_second_page_at_the_right(printed: dict[str, Any]) -> None:
    """As print.css: the first page's title names the document, so its running head is
    left out; later pages carry it flush right."""
    pdf = printed["prep30"]
    first, second = pdf.pages[0], pdf.pages[1]
    assert not [c for c in first.chars if c["bottom"] < TOP - 1]
    head = [c for c in second.chars if c["bottom"] < TOP - 1]
    assert head and "Prep sheet" in "".join(c["text"] for c in head)
    assert abs(max(c["x1"] for c in head) - (second.width - RIGHT)) < 1.5


def test_rubric_scores_at_the_right_over_a_navy_total_rule(printed: dict[str, Any]) -> None:
    """As print.css: the Score column flush right, and a navy rule above the total."""
    page = printed["handout-shadow"].pages[-1]
    scores = [w for w in page.extract_words() if re.fullmatch(r"/(4|24)", w["text"])]
    assert len(scores) == 7
    right = page.width - RIGHT - 5  # the cell's padding
    assert all(abs(w["x1"] - right) < 1.5 for w in scores), [w["x1"] for w in scores]
    total = next(w for w in page.extract_words() if w["text"] == "Total")
    navy = [
        line
        for line in page.lines
        if _color(line) == (0.07, 0.24, 0.35) and 0 < total["top"] - line["top"] < 8
    ]
    assert navy
