"""Issue 19, round 6: the fifth review's worksheet-layout defects 1, 3, 7 and 9, measured in
real PDFs with pdfplumber."""

from __future__ import annotations

import io
from functools import cache
from typing import Any

import pdfplumber

from .test_print_round4_pfill import pdf


@cache
def _pages(kind: str) -> list[Any]:
    with pdfplumber.open(io.BytesIO(pdf(kind))) as opened:
        return [
            (page.extract_words(extra_attrs=["size", "fontname"]), page.height)
            for page in opened.pages
        ]


# --- 1: a blank meeting table is rows to write on -----------------------------------------


def test_a_blank_meeting_table_is_tall_rows_without_underscores() -> None:
    words, height = _pages("prep20")[0]
    before = next(w["top"] for w in words if w["text"] == "Before")
    table = [w for w in words if w["top"] < before]
    assert not [w for w in table if "____" in w["text"]]  # the row's rule is the line
    labels = sorted(w["top"] for w in table if w["text"] in ("With", "When", "Where"))
    assert len(labels) == 3
    gaps = [b - a for a, b in zip(labels, labels[1:], strict=False)]
    assert min(gaps) >= 22  # was 15.2 pt: no room to write a name and a company


# --- 3: a page's leftover goes to its questions, not to a Notes box mid-document ----------


def test_no_notes_box_before_the_last_page() -> None:
    pages = _pages("prep60")
    assert len(pages) == 4
    for words, _ in pages[:-1]:
        assert "Notes" not in [w["text"] for w in words]  # p1 had a Notes box after Q2
