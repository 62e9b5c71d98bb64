"""The printed page, measured: type sizes, ruled writing space, page breaks, page counts."""

from __future__ import annotations

import io
from datetime import date, datetime
from functools import cache

import pytest
from pypdf import PdfReader

import interview_prep as ip

from .pdf_measure import MM, Measures, measure

DANA = ip.Contact("Dana Ortiz", title="ICU nurse", org="Mercy General")
MEETING = ip.Meeting(datetime(2026, 3, 14, 15, 30), "Mercy General, 4th floor", "in-person")


@cache
def pdf_of(kind: str) -> bytes:
    """One PDF per document kind and length, made once for every test that measures it."""
    name, _, size = kind.partition("-")
    if name == "prep":
        plan = ip.plan_interview("nurse", "college", int(size), seed=1)
        return ip.prep_sheet(plan, DANA, MEETING).to_pdf()
    if name == "script":
        plan = ip.plan_interview("nurse", "college", int(size), seed=1)
        return ip.interview_script(plan, DANA, MEETING).to_pdf()
    if name == "shadow":
        return ip.shadow_plan("electrician", "high-school", int(size), seed=1).to_pdf()
    if name == "compare":
        plan = ip.plan_interview("nurse", "college", 30, seed=1)
        return ip.comparison_sheet(plan, ["Dana Ortiz", "Sam Lee", "Priya Patel"]).to_pdf()
    if name == "handout":
        handout = ip.assignment_handout(date(2026, 3, 2), weeks=4, shadow=size == "shadow")
        return handout.to_pdf()
    if name == "reflection":
        plan = ip.plan_interview("nurse", "college", 30, seed=1)
        return ip.reflection_sheet(plan, DANA, MEETING).to_pdf()
    if name == "letter":
        sender = ip.Sender("Ana Lopez", "Lakeside College", email="ana@example.edu")
        return ip.letter(size, "letter", field="nurse", sender=sender, contact=DANA).to_pdf()
    raise ValueError(kind)


@cache
def measured(kind: str) -> Measures:
    return measure(pdf_of(kind))


WORKSHEETS = ["prep-15", "prep-30", "prep-60", "shadow-3", "compare-3", "reflection-1"]
EVERY_KIND = [
    *WORKSHEETS,
    "script-30",
    "script-60",
    "handout-plain",
    "handout-shadow",
    "letter-request",
    "letter-confirm",
    "letter-thank-you",
    "letter-keep-in-touch",
]


@pytest.mark.parametrize("kind", EVERY_KIND)
def test_type_reads_at_arms_length(kind: str) -> None:
    page = measured(kind)
    assert page.body_pt >= 10.5
    assert page.smallest_pt >= 9  # timing cues and field labels included
    assert page.chars_per_line <= 92, page.chars_per_line
    if kind.startswith(("prep", "script", "handout", "shadow")):
        assert page.chars_per_line >= 70, page.chars_per_line


@pytest.mark.parametrize("kind", EVERY_KIND)
def test_no_document_ends_on_a_nearly_empty_page(kind: str) -> None:
    page = measured(kind)
    assert page.pages == 1 or page.last_page_fill >= 0.25, page.last_page_fill


@pytest.mark.parametrize(
    ("kind", "most"), [("script-30", 1), ("prep-15", 2), ("prep-30", 3), ("reflection-1", 2)]
)
def test_page_counts(kind: str, most: int) -> None:
    assert measured(kind).pages <= most


@pytest.mark.parametrize("kind", WORKSHEETS)
def test_writing_lines_are_far_apart_and_lighter_than_heading_rules(kind: str) -> None:
    page = measured(kind)
    gaps = page.writing_gaps_mm()
    assert gaps and min(gaps) >= 6.5
    writing = page.writing_rules()
    headings = [r for r in page.rules if r not in writing and r.thickness >= 0.8]
    if headings:
        assert max(r.thickness for r in writing) < min(r.thickness for r in headings)
        assert min(r.grey for r in writing) > max(r.grey for r in headings)


def test_each_prep_sheet_question_has_twenty_mm_of_lines_scaled_by_its_minutes() -> None:
    plan = ip.plan_interview("nurse", "college", 60, seed=1)
    spaces = measured("prep-60").writing_spaces_mm()
    asked = [*plan.questions, *plan.closing]
    assert len(spaces) == len(asked)
    assert min(spaces) >= 19.5  # 20 mm, or 3 x 6.5 mm in the tighter layout
    longest = max(range(len(plan.questions)), key=lambda i: plan.questions[i].item.minutes)
    shortest = min(range(len(plan.questions)), key=lambda i: plan.questions[i].item.minutes)
    if plan.questions[longest].item.minutes > plan.questions[shortest].item.minutes:
        assert spaces[longest] > spaces[shortest]


def test_reflection_prompts_have_room_for_several_sentences() -> None:
    assert min(measured("reflection-1").writing_spaces_mm()) >= 20


@pytest.mark.parametrize("kind", ["prep-60", "script-60"])
def test_follow_ups_stay_inside_their_numbered_item_past_question_nine(kind: str) -> None:
    page = measured(kind)
    follow_ups = page.find("Follow-up:")
    assert len(follow_ups) >= 12
    indents = {round(float(str(w["x0"]))) for w in follow_ups}
    assert len(indents) == 1, indents  # the same indent for question 3 and question 13
    questions = page.find("10.") + page.find("2.")
    assert questions and all(float(str(w["x0"])) < min(indents) for w in questions)


def test_questions_are_eleven_point_bold() -> None:
    plan = ip.plan_interview("nurse", "college", 30, seed=1)
    page = measured("prep-30")
    first_word = plan.questions[0].item.text.split()[0]
    word = next(w for w in page.find(first_word) if "Bold" in str(w["fontname"]))
    assert round(float(str(word["size"])), 1) >= 11


def test_cues_give_clock_times_when_the_start_is_known() -> None:
    text = " ".join(
        (p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf_of("script-30"))).pages
    )
    assert "done by 3:35 PM" in text and "by 4:00 PM" in text
    assert "0:05" not in text


def test_the_prep_sheet_and_reflection_are_fillable_forms_that_keep_their_rules() -> None:
    for kind in ("prep-30", "reflection-1"):
        fields = PdfReader(io.BytesIO(pdf_of(kind))).get_fields() or {}
        spaces = measured(kind).writing_spaces_mm()
        assert len(fields) == len(spaces) > 3
        assert all(f.get("/FT") == "/Tx" for f in fields.values())
    assert not PdfReader(io.BytesIO(pdf_of("script-30"))).get_fields()


def test_a_flat_prep_sheet_can_be_asked_for() -> None:
    plan = ip.plan_interview("nurse", "college", 15, seed=1)
    pdf = ip.prep_sheet(plan).to_pdf(fillable=False)
    assert not PdfReader(io.BytesIO(pdf)).get_fields()


def test_letters_have_business_margins() -> None:
    page = measured("letter-request")
    with_text = [w for words in page.words for w in words]
    assert min(float(str(w["x0"])) for w in with_text) >= 24 * MM
    assert min(float(str(w["top"])) for w in with_text) >= 24 * MM


def test_branding_sits_inside_the_printable_area(tmp_path: object) -> None:
    from pathlib import Path

    logo = Path(str(tmp_path)) / "logo.svg"
    logo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
        '<rect width="40" height="40" fill="#123c5a"/></svg>',
        encoding="utf-8",
    )
    sheet = ip.interview_script(ip.plan_interview("nurse", "college", 30, seed=1))
    pdf = sheet.branded(ip.Branding("Lakeside High", logo)).to_pdf()
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        logo_boxes = [*page.images, *[r for r in page.rects if r["width"] < 40 * MM]]
        school = [c for c in page.chars if c["text"] == "L" and c["top"] < 25 * MM]
        assert school and min(c["top"] for c in school) >= 6 * MM
        marks = [b for b in logo_boxes if b["top"] < 25 * MM]
        assert marks and min(b["top"] for b in marks) >= 6 * MM
        assert min(b["x0"] for b in marks) >= 6 * MM
        logo_middle = (marks[0]["top"] + marks[0]["bottom"]) / 2
        school_middle = (school[0]["top"] + school[0]["bottom"]) / 2
        assert abs(logo_middle - school_middle) < 2.5 * MM
