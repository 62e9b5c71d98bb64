"""The second print review's defects (December 2026), measured on the PDF: tables inside the
margin, shadow prompts that match the clock, writing space by minutes, and the script's star."""

from __future__ import annotations

import io
from datetime import date, datetime
from functools import cache

import pdfplumber
import pytest

import interview_prep as ip

from .pdf_measure import MM

DANA = ip.Contact("Dana Ortiz", "ICU charge nurse", "Mercy General Hospital")
NAMES = ["Dana Ortiz", "Sam Lee", "Priya Patel"]
SIDE_MARGIN = 19 * MM  # print.css: @page margin


@cache
def table_pdf(kind: str) -> bytes:
    plan = ip.plan_interview("nurse", "college", 30, seed=1)
    when = datetime(2026, 12, 14, 15, 30)
    documents = {
        "handout": lambda: ip.assignment_handout(date(2026, 12, 7)),
        "handout-shadow": lambda: ip.assignment_handout(date(2026, 12, 7), shadow=True),
        "timeline": lambda: ip.timeline(date(2026, 12, 1), when, contact=DANA),
        "comparison": lambda: ip.comparison_sheet(plan, NAMES),
    }
    return documents[kind]().to_pdf()


@pytest.mark.parametrize("kind", ["handout", "handout-shadow", "timeline", "comparison"])
def test_every_table_stays_inside_the_right_margin(kind: str) -> None:
    with pdfplumber.open(io.BytesIO(table_pdf(kind))) as document:
        for page in document.pages:
            top, body = 14 * MM, page.height - 14 * MM  # running head and footer: margin boxes
            rules = [line for line in page.lines + page.rects if top < line["top"] < body]
            assert rules
            # the text block is centered: its right edge mirrors the left one
            edge = min(page.width - SIDE_MARGIN, page.width - min(r["x0"] for r in rules))
            words = [word for word in page.extract_words() if top < word["top"] < body]
            assert max(line["x1"] for line in rules) <= edge + 0.5
            assert max(word["x1"] for word in words) <= edge + 0.5  # "/4" and "Score" too
