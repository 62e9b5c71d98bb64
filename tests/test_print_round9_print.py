"""Issue 19, round 9: the eighth review's PDF defects (1, 2 and 4), measured in real PDFs with
pdfplumber."""

from __future__ import annotations

import io
from collections import defaultdict
from functools import cache
from typing import Any

import pdfplumber
import pytest

from .pdf_measure import MM
from .test_print_round4_pfill import lines_by_question, pdf

FOOT = 12 * MM  # print.css: the page's bottom margin, where the footer sits


def _free(page: Any) -> float:
    """The height (points) between the lowest text or rule of a page's body and its footer
    area."""
    limit = page.height - FOOT
    words = [w["bottom"] for w in page.extract_words() if w["bottom"] <= limit + 1]
    rules = [r["bottom"] for r in page.rects if r["bottom"] <= limit + 1]
    return float(limit - max(words + rules))


@cache
def _feet(kind: str) -> list[float]:
    with pdfplumber.open(io.BytesIO(pdf(kind))) as opened:
        return [_free(page) for page in opened.pages]


# --- 1: a page's leftover goes to its own prompts and questions ------------------------------


@pytest.mark.parametrize("kind", ["shadow3", "shadow6", "prep60"])
def test_no_page_before_the_last_ends_in_a_blank_band(kind: str) -> None:
    feet = _feet(kind)
    assert len(feet) >= 3
    # was shadow6 p1 1.37 in and p3 1.25 in, shadow3 p2 1.26 in, prep60 p2 1.41 in
    assert max(feet[:-1]) <= 15 * MM, [round(foot / 72, 2) for foot in feet]


@pytest.mark.parametrize("kind", ["shadow3", "shadow6"])
def test_a_shadows_last_page_ends_near_its_foot(kind: str) -> None:
    assert _feet(kind)[-1] <= 0.9 * 72, _feet(kind)  # was 1.31 in (shadow3) and 1.14 in


def test_prep60_keeps_one_base_for_questions_of_the_same_minutes() -> None:
    by_minutes: dict[float, list[int]] = defaultdict(list)
    for minutes, lines, closing in lines_by_question("prep60"):
        if not closing and minutes >= 2:
            by_minutes[minutes].append(lines)
    assert min(by_minutes[3.0]) >= 3  # the last page's no longer half of the others
    for minutes, lines in by_minutes.items():
        assert max(lines) - min(lines) <= 2, (minutes, lines)


# --- 2: the script's last line keeps clear of the footer ------------------------------------


@cache
def _script_lines(minutes: int) -> list[list[dict[str, Any]]]:
    from .test_print_round8_print import _script_pdf

    with pdfplumber.open(io.BytesIO(_script_pdf(minutes))) as opened:
        return [page.extract_text_lines() for page in opened.pages]


@pytest.mark.parametrize("minutes", [30, 60])
def test_the_scripts_last_line_keeps_18_pt_clear_of_the_footer(minutes: int) -> None:
    pages = _script_lines(minutes)
    if minutes == 30:
        assert len(pages) == 1  # still one page
    for lines in pages:
        footer = next(line for line in lines if "Page" in line["text"].split())
        body = [line for line in lines if line["bottom"] < footer["top"] and line["top"] > 40]
        clear = footer["top"] - max(line["bottom"] for line in body)
        assert clear >= 18, (body[-1]["text"], clear)  # was 6.6 pt on script30


def test_the_scripts_heads_keep_more_air_above_than_below() -> None:
    lines = _script_lines(30)[0]
    heads = 0
    for index, line in enumerate(lines[1:-1], 1):
        if abs(line["chars"][0]["size"] - 12) > 0.1:
            continue
        heads += 1
        above = line["top"] - lines[index - 1]["bottom"]
        below = lines[index + 1]["top"] - line["bottom"]
        assert above >= 8.5 and above >= 2.5 * below, (line["text"], above, below)
    assert heads >= 8


# --- 4: the shadow handout's last page goes to "Questions I want to ask" ---------------------


def _questions_box(shadow: bool) -> tuple[int, float]:
    """The rules under "Questions I want to ask" and the free height under the last page."""
    from .test_print_round7_print import _handout

    pages = _handout(shadow)
    words, rules, height = pages[-1]
    head = next(w for w in words if w["text"] == "Questions")
    count = len([rule for rule in rules if rule > head["bottom"]])
    body = [w["bottom"] for w in words if w["bottom"] < height - FOOT]
    lowest = max([*body, *[rule + 7 * MM for rule in rules]])
    return count, height - FOOT - lowest


@pytest.mark.parametrize("shadow", [False, True])
def test_the_handouts_last_page_goes_to_its_questions_box(shadow: bool) -> None:
    from .test_print_round7_print import _handout

    assert len(_handout(shadow)) == 2
    count, free = _questions_box(shadow)
    assert free <= 15 * MM, free / 72  # was 1.30 in on the shadow handout
    assert count >= (5 if shadow else 18), count  # was 3 on the shadow handout
