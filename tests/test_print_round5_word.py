"""Word as the PDF prints it, round 5 (the fourth review's defect 8), checked as LibreOffice
prints the Word files (one soffice run for the module) and measured with pdfplumber: a
worksheet's short last page gets a "Three things I learned" box, a 60-minute script's last
page is used as the PDF's, a wrapped time cue hangs under its question's text, and a
question's referral table sits under the question's text."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

import pytest

from .test_print_round3_word import BOTTOM, DOCUMENTS, INCH, TOP
from .test_print_round4_word import _rules, _unused
from .tools import printed_word

pytestmark = pytest.mark.slow

NAMES = ("prep15", "prep30", "shadow3", "script30", "script60", "handout")
CUE = re.compile(r"^\d+ min · done by")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with printed_word(tmp_path_factory.mktemp("round5-word"), DOCUMENTS, NAMES) as opened:
        yield opened


def _used(page: Any) -> float:
    """The share of the page's text height used down to its last text or rule."""
    return (page.height - BOTTOM - _unused(page) * INCH - TOP) / (page.height - TOP - BOTTOM)


def _pages_end_near_their_foot(pdf: Any) -> None:
    """No page more than 1.5 in short, but a last page used 60% or more."""
    for number, page in enumerate(pdf.pages, start=1):
        if number < len(pdf.pages):
            assert _unused(page) <= 1.5, (number, _unused(page))
        else:
            assert _used(page) >= 0.6, (number, _used(page))


def test_prep15_ends_with_three_things_i_learned(printed: dict[str, Any]) -> None:
    """As the PDF: the last page's spare height is a "Three things I learned" box of ruled
    lines (none numbered, as the PDF's: test_print_round6_word), and the page ends near its
    foot (was 2.0 in short)."""
    pdf = printed["prep15"]
    page = pdf.pages[-1]
    label = next(
        line for line in page.extract_text_lines() if line["text"] == "Three things I learned"
    )
    rules = [top for top in _rules(page) if top > label["bottom"]]
    assert len(rules) >= 3
    assert _unused(page) <= 1.0, _unused(page)
    _pages_end_near_their_foot(pdf)


@pytest.mark.parametrize("name", ["prep30", "shadow3"])
def test_worksheets_keep_their_pages_used(printed: dict[str, Any], name: str) -> None:
    _pages_end_near_their_foot(printed[name])


def test_script60_uses_its_second_page_as_the_pdf(printed: dict[str, Any]) -> None:
    """Two pages, the first full and the second at least 60% used (was 46%; the PDF's 65%)."""
    pdf = printed["script60"]
    assert len(pdf.pages) == 2
    assert _unused(pdf.pages[0]) <= 1.0, _unused(pdf.pages[0])
    assert _used(pdf.pages[1]) >= 0.6, _used(pdf.pages[1])
    assert len(printed["script30"].pages) == 1


@pytest.mark.parametrize("name", ["script30", "script60"])
def test_a_wrapped_cue_hangs_under_the_question_text(printed: dict[str, Any], name: str) -> None:
    """A time cue on a line of its own starts where its question's text starts (past the
    number and the box), not under the box."""
    wrapped = 0
    for page in printed[name].pages:
        lines = page.extract_text_lines()
        texts = [  # where a question's words start: the first word after its box
            min(c["x0"] for c in line["chars"] if c["x0"] > box["x1"] and c["text"].strip())
            for line in lines
            for box in line["chars"]
            if box["text"] == "☐"
        ]
        assert texts
        for line in lines:
            if CUE.match(line["text"]):
                wrapped += 1
                assert abs(line["x0"] - min(texts)) < 1.5, (line["text"], line["x0"], texts)
    assert wrapped >= 1


@pytest.mark.parametrize("name", ["prep15", "prep30"])
def test_referral_table_sits_under_its_question_text(printed: dict[str, Any], name: str) -> None:
    """As the PDF: the "Who else…" table's left edge at the question's text, not the margin."""
    for page in printed[name].pages:
        words = page.extract_words()
        pairs = itertools.pairwise(words)
        asks = [a for a, b in pairs if (a["text"], b["text"]) == ("Who", "else")]
        if asks:
            break
    question = asks[0]
    head = next(w for w in words if w["text"] == "Name" and w["top"] > question["top"])
    assert 0 <= head["x0"] - question["x0"] < 7, (head["x0"], question["x0"])


def test_script_follow_ups_sit_under_the_question_text(printed: dict[str, Any]) -> None:
    """As the PDF: a follow-up's bullet under its question's text, past the box (was under
    the box)."""
    page = printed["script60"].pages[0]
    box = next(c for c in page.chars if c["text"] == "☐")
    text = min(
        c["x0"]
        for c in page.chars
        if abs(c["bottom"] - box["bottom"]) < 4 and c["x0"] > box["x1"] and c["text"].strip()
    )
    bullets = [c for c in page.chars if c["text"] == "◦"]
    assert bullets and all(abs(c["x0"] - text) < 2 for c in bullets), (text, bullets[0]["x0"])


def test_a_label_stays_with_its_lines_to_write_on(printed: dict[str, Any]) -> None:
    """The handout's "What I hope to learn:" is never left at a page's foot without its
    lines (LibreOffice put them on the next page)."""
    for page in printed["handout"].pages:
        label = [w for w in page.extract_words() if w["text"] == "learn:"]
        if label:
            rules = [top for top in _rules(page) if top > label[0]["bottom"]]
            assert len(rules) >= 3, rules
            return
    raise AssertionError("no “What I hope to learn:” on the handout")
