"""Issue 19, round 5: the fourth review's worksheet-layout defects 2, 4, 6, 7 and 10, measured
in real PDFs with pdfplumber."""

from __future__ import annotations

import io
import itertools
import warnings
from functools import cache
from typing import Any

import pdfplumber
import pytest

import interview_prep as ip

from .pdf_measure import MM, measure
from .test_print_round4_pfill import DANA, MEETING, lines_by_question, plan
from .test_print_round4_pfill import pdf as round4_pdf

SIDE = 19 * MM  # print.css: the page's side margins


@cache
def pdf(kind: str) -> bytes:
    if kind == "reflection":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sheet = ip.reflection_sheet(plan(30), DANA, MEETING, learner="Alex Kim")
            return bytes(sheet.to_pdf())
    return round4_pdf(kind)


@cache
def _pages(kind: str) -> list[Any]:
    with pdfplumber.open(io.BytesIO(pdf(kind))) as opened:
        return [
            (page.extract_words(extra_attrs=["size", "fontname"]), page.rects, page.height)
            for page in opened.pages
        ]


# --- 2: one scale: section heads larger than questions ---------------------------------------


@pytest.mark.parametrize("kind", ["prep15", "prep30", "shadow3"])
def test_section_heads_are_larger_than_questions(kind: str) -> None:
    words = [w for page, _, _ in _pages(kind) for w in page]
    heads = [w for w in words if w["text"] in ("Before", "After") and "Serif" in w["fontname"]]
    questions = [
        w["size"] for w in words if "Bold" in w["fontname"] and "Serif" not in w["fontname"]
    ]
    assert heads, "no section heads found"
    assert min(h["size"] for h in heads) >= 12 - 0.1  # was 10 pt on a prep sheet
    assert min(h["size"] for h in heads) >= max(questions) + 0.9  # questions are 11 pt


def test_the_star_key_shares_the_meeting_captions_line() -> None:
    words, _, _ = _pages("prep30")[0]
    key = next(w for w in words if w["text"] == "★" and w["x0"] > 200)
    caption = next(w for w in words if w["text"] == "Meeting")
    assert abs((key["top"] + key["bottom"]) - (caption["top"] + caption["bottom"])) / 2 < 3


# --- 4: a closing ask never gets more than the shortest question; Notes only at a foot -------


@pytest.mark.parametrize("kind", ["prep20", "prep30", "prep30-electrician", "prep60"])
def test_a_closing_ask_gets_no_more_lines_than_the_shortest_question(kind: str) -> None:
    spaces = lines_by_question(kind)
    shortest = min(lines for minutes, lines, closing in spaces if not closing)
    closing = [lines for _, lines, closing in spaces if closing]
    assert closing, spaces
    assert max(closing) <= shortest, spaces  # was 7 lines against a 2-min question's 4 (prep20)


def test_shadow_plans_first_pages_have_no_notes_box_between_blocks() -> None:
    for kind in ("shadow3", "shadow6"):
        first = _pages(kind)[0][0]
        assert not [w for w in first if w["text"] == "Notes"], kind  # was a 3-line Notes box


# --- 6: the handout's first page is used ----------------------------------------------------


def test_the_handouts_first_page_leaves_under_an_inch_unused() -> None:
    unused = measure(pdf("handout")).unused_mm
    assert unused[0] <= 25.4, unused  # was 1.52 in (38.6 mm) empty


# --- 7: stacked tick boxes at least 4 pt apart, measured on the drawn boxes -----------------


@pytest.mark.parametrize("kind", ["prep15", "prep30", "prep60", "shadow3"])
def test_stacked_tick_boxes_are_four_points_apart_edge_to_edge(kind: str) -> None:
    gaps = []
    for _, rects, _ in _pages(kind):
        # a box is drawn as its border's outer square (12.4 pt) with a white one inside
        outer = [r for r in rects if 12 < r["width"] < 13 and 12 < r["height"] < 13]
        columns: dict[int, list[Any]] = {}
        for box in outer:
            columns.setdefault(round(box["x0"]), []).append(box)
        for column in columns.values():
            column.sort(key=lambda r: r["top"])
            gaps += [b["top"] - a["bottom"] for a, b in itertools.pairwise(column)]
    stacked = [gap for gap in gaps if gap < 12]
    assert stacked, gaps
    assert min(stacked) >= 4, stacked  # was 3.0 pt


# --- 10: the reflection's tables --------------------------------------------------------------


def test_the_reflections_tables_sit_on_the_margin_with_headings_on_one_line() -> None:
    pages = _pages("reflection")
    words = [w for page, _, _ in pages for w in page]
    with_label = next(w for w in words if w["text"] == "With")
    assert abs(with_label["x0"] - SIDE) < 1  # was 5.2 pt in
    name = next(w for w in words if w["text"] == "Name" and "Bold" in w["fontname"])
    header = [w for w in words if abs(w["top"] - name["top"]) < 1]
    below = [w for w in words if 2 < w["top"] - name["top"] < 14 and w["x0"] > name["x0"]]
    assert {"reach", "mention?", "Contacted"} <= {w["text"] for w in header}, header
    assert not below, below  # no heading wraps to a second line
