"""Word as the PDF prints it, round 6 (the fifth review's defects 4 and 9), checked as
LibreOffice prints the Word files (one soffice run for the module) and measured with
pdfplumber: worksheets' section heads 12 pt over the 10.5 pt body, a "Three things I
learned" box with no numbered lines, and a rubric whose cells run to 3 lines at most."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from .test_print_round3_word import DOCUMENTS
from .test_print_round4_word import _rules
from .tools import printed_word

pytestmark = pytest.mark.slow

NAMES = ("prep15", "prep30", "shadow3", "handout", "handout-shadow")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with printed_word(tmp_path_factory.mktemp("round6-word"), DOCUMENTS, NAMES) as opened:
        yield opened


def _sizes(pdf: Any, text: str) -> set[float]:
    """The sizes of the characters of the lines that read ``text``."""
    return {
        round(char["size"], 1)
        for page in pdf.pages
        for line in page.extract_text_lines()
        if line["text"] == text
        for char in line["chars"]
    }


@pytest.mark.parametrize(
    ("name", "heading"),
    [("prep15", "Before the meeting"), ("prep30", "Closing asks"), ("shadow3", "Before the day")],
)
def test_worksheet_section_heads_are_12_points(
    printed: dict[str, Any], name: str, heading: str
) -> None:
    """As the PDF: a section head is 12 pt serif navy (was Georgia 10 pt, under the body)."""
    style = printed[f"{name}.docx"].styles["Heading 2"]
    assert style.font.size.pt == 12
    sizes = _sizes(printed[name], heading)
    assert sizes and min(sizes) >= 11.9, sizes


def test_three_things_lines_are_not_numbered(printed: dict[str, Any]) -> None:
    """As the PDF: the box's lines are plain rules, none numbered (was 3 of 5)."""
    page = printed["prep15"].pages[-1]
    label = next(
        line for line in page.extract_text_lines() if line["text"] == "Three things I learned"
    )
    assert len([top for top in _rules(page) if top > label["bottom"]]) >= 3
    below = [
        w["text"] for w in page.extract_words() if label["bottom"] < w["top"] < page.height - 60
    ]
    assert not [w for w in below if w.rstrip(".").isdigit()], below


@pytest.mark.parametrize("name", ["handout", "handout-shadow"])
def test_rubric_cells_run_to_three_lines_at_most(printed: dict[str, Any], name: str) -> None:
    """Each rubric cell's text takes 3 lines or fewer (a "Good (3)" cell took 4)."""
    table = next(t for t in printed[f"{name}.docx"].tables if len(t.columns) == 6)
    widths = [int(g.get(f"{W}w")) / 20 for g in table._tbl.tblGrid.findall(f"{W}gridCol")]
    rows = [row.cells[0].text for row in table.rows[1:-1]]  # between the header and the total
    pdf = printed[name]
    page = next(p for p in pdf.pages if "Criterion" in (p.extract_text() or ""))
    words = page.extract_words()
    header = next(w for w in words if w["text"] == "Criterion")
    edges = [header["x0"] - 5.4 + sum(widths[:i]) for i in range(len(widths) + 1)]
    starts = [header["top"]]
    for row in rows:  # each row's label, in the first column, below the one before
        label = (w for w in words if w["x0"] < edges[1] and w["top"] > starts[-1] + 1)
        starts.append(next(w for w in label if w["text"] == row.split()[0])["top"])
    starts = starts[1:]
    total = next(w for w in words if w["text"] == "Total" and w["top"] > starts[-1])["top"]
    for top, bottom in zip(starts, [*starts[1:], total], strict=True):
        for x0, x1 in itertools.pairwise(edges):
            lines = {
                round(w["top"])
                for w in words
                if x0 <= w["x0"] < x1 and top - 1 <= w["top"] < bottom - 1
            }
            assert len(lines) <= 3, (name, top, x0, len(lines))
