"""Documents as a career center hands them out: timeline table, comparison, handout rubric,
footers on every page, and the script's marks. Measured on the PDF."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from functools import cache

import pdfplumber
import pytest

import interview_prep as ip

from .pdf_measure import MM

DANA = ip.Contact("Dana Ortiz", "ICU charge nurse", "Mercy General Hospital")
MEETING = ip.Meeting(datetime(2026, 12, 14, 15, 30), "Mercy General Hospital", "in-person")
NAMES = ["Dana Ortiz", "Sam Lee", "Priya Patel"]


@cache
def pdf(kind: str) -> bytes:
    plan = ip.plan_interview("nurse", "college", 30, seed=1)
    documents = {
        "timeline": lambda: ip.timeline(date(2026, 12, 1), MEETING.when, contact=DANA),
        "comparison": lambda: ip.comparison_sheet(plan, NAMES),
        "handout": lambda: ip.assignment_handout(date(2026, 12, 7)),
        "handout-shadow": lambda: ip.assignment_handout(date(2026, 12, 7), shadow=True),
        "prep": lambda: ip.prep_sheet(plan, DANA, MEETING, learner="Alex Kim"),
        "script": lambda: ip.interview_script(plan, DANA, MEETING, learner="Alex Kim"),
        "shadow": lambda: ip.shadow_plan(
            "nurse", "college", 3, contact=DANA, meeting=MEETING, learner="Alex Kim"
        ),
        "reflection": lambda: ip.reflection_sheet(plan, DANA, MEETING, learner="Alex Kim"),
    }
    return documents[kind]().to_pdf()


def lines_of(page: pdfplumber.page.Page) -> list[str]:
    return (page.extract_text() or "").splitlines()


def test_the_timeline_is_a_table_of_short_us_dates_on_business_days() -> None:
    with pdfplumber.open(io.BytesIO(pdf("timeline"))) as document:
        assert len(document.pages) == 1
        page = document.pages[0]
        text = lines_of(page)
        words = page.extract_words()
    assert "Date Step Done Notes" in text
    dates = [line for line in text if re.match(r"[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}\b", line)]
    assert len(dates) == 7, text
    assert not any(line.startswith(("Sat", "Sun")) for line in dates)
    assert dates[-1].startswith("Mon, Mar 15")  # 90 days on is a Sunday: moved to Monday
    boxes = [w for w in words if w["text"] == "☐"]
    notes = next(w for w in words if w["text"] == "Notes")
    assert len(boxes) == 7 and all(b["x1"] < notes["x0"] for b in boxes)  # notes to the right


def test_the_timeline_leaves_room_for_notes() -> None:
    with pdfplumber.open(io.BytesIO(pdf("timeline"))) as document:
        page = document.pages[0]
        lowest = max(r["bottom"] for r in page.rects)
    assert lowest > page.height * 0.6


def test_three_people_compare_on_two_landscape_pages_with_full_width_boxes() -> None:
    with pdfplumber.open(io.BytesIO(pdf("comparison"))) as document:
        assert len(document.pages) == 2
        for page in document.pages:
            assert page.width > page.height
        last = document.pages[-1]
        words = last.extract_words()
        for heading in ("agree", "differ"):
            top = next(w["top"] for w in words if w["text"] == heading)
            under = [r for r in last.rects if top < r["top"] < top + 40 and r["height"] < 25]
            widest = max(r["width"] for r in under)
            assert widest > 0.9 * (last.width - 2 * 19 * MM), (heading, widest)
        text = last.extract_text() or ""
    assert "Where they agree" in text and "Where they differ" in text


@pytest.mark.parametrize(("kind", "total"), [("handout", "/20"), ("handout-shadow", "/24")])
def test_the_rubric_has_a_score_column_and_a_total(kind: str, total: str) -> None:
    with pdfplumber.open(io.BytesIO(pdf(kind))) as document:
        text = "\n".join(line for page in document.pages for line in lines_of(page))
        words = [w for page in document.pages for w in page.extract_words()]
    assert "Score" in text and total in text and "Total" in text
    assert sum(1 for w in words if w["text"] == "/4") == (6 if kind == "handout-shadow" else 5)


def test_hand_in_cells_fit_their_words() -> None:
    with pdfplumber.open(io.BytesIO(pdf("handout"))) as document:
        text = lines_of(document.pages[0])
    assert any(line.endswith("Your reflection sheet") for line in text), text  # one line
    assert any(line.endswith("Your field and reason") for line in text), text


def test_the_shadow_handout_says_what_a_shadow_needs() -> None:
    with pdfplumber.open(io.BytesIO(pdf("handout-shadow"))) as document:
        text = " ".join(" ".join(lines_of(page)) for page in document.pages)
    for need in ("permission form", "Safety", "What to wear", "Forms in on time"):
        assert need in text
    with pdfplumber.open(io.BytesIO(pdf("handout"))) as document:
        plain = " ".join(" ".join(lines_of(page)) for page in document.pages)
    assert "permission form" not in plain and "Forms in on time" not in plain


@pytest.mark.parametrize("kind", ["prep", "script", "shadow", "reflection"])
def test_every_page_footer_names_the_student_the_person_and_the_date(kind: str) -> None:
    with pdfplumber.open(io.BytesIO(pdf(kind))) as document:
        for page in document.pages:
            footer = [c for c in page.chars if c["top"] > page.height - 12 * MM]
            text = "".join(c["text"] for c in sorted(footer, key=lambda c: c["x0"]))
            for part in ("Alex Kim", "with Dana Ortiz", "Mon, Dec 14, 2026"):
                assert part in text, (kind, text)
            assert "interview-prep" not in text
            assert min(page.height - c["bottom"] for c in footer) >= 6.5 * MM  # off the edge


@pytest.mark.parametrize("kind", ["prep", "script", "shadow", "comparison", "timeline"])
def test_the_pdf_title_names_the_person(kind: str) -> None:
    from pypdf import PdfReader

    title = str((PdfReader(io.BytesIO(pdf(kind))).metadata or {}).get("/Title"))
    assert "Dana Ortiz" in title, title


def test_the_script_marks_must_ask_questions_and_has_a_box_per_question() -> None:
    plan = ip.plan_interview("nurse", "college", 30, seed=1)
    with pdfplumber.open(io.BytesIO(pdf("script"))) as document:
        assert len(document.pages) == 1
        page = document.pages[0]
        text = page.extract_text() or ""
        boxes = [
            r
            for r in page.rects
            if abs(r["width"] - 3.8 * MM) < 0.8 and abs(r["height"] - 3.8 * MM) < 0.8
        ]
        numbers = [w for w in page.extract_words() if re.fullmatch(r"\d+\.", w["text"])]
    # the name ask is spoken under the referral question, not numbered (as on the worksheets)
    asked = len(plan.questions) + len(plan.closing) - 1
    must = sum(1 for p in plan.questions if plan.is_must_ask(p))
    assert len(boxes) == asked == len(numbers)
    for number in numbers:  # each box just right of its question's number
        assert any(
            0 < b["x0"] - number["x1"] < 3 * MM and abs(b["top"] - number["top"]) < 4 for b in boxes
        )
    # and once in the line on what to drop, when a question has a star to keep
    assert text.count("★") == must + (1 if must else 0)
    assert "If time runs short: skip questions 8, 7, and 5 first" in text.replace("\n", " ")
