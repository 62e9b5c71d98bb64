"""The printed page, measured: type sizes, ruled writing space, page breaks, page counts."""

from __future__ import annotations

import io
import itertools
from datetime import date, datetime
from functools import cache

import pytest

import interview_prep as ip

from .pdf_measure import MARGIN_TOP, MM, Measures, measure

DANA = ip.Contact("Dana Ortiz", title="ICU nurse", org="Mercy General")
MEETING = ip.Meeting(datetime(2026, 3, 14, 15, 30), "Mercy General, 4th floor", "in-person")


@cache
def pdf_of(kind: str) -> bytes:
    """One PDF per document kind and length, made once for every test that measures it."""
    name, _, size = kind.partition("-")
    if name == "prep":
        plan = ip.plan_interview("nurse", "college", int(size), seed=1)
        return ip.prep_sheet(plan, DANA, MEETING).to_pdf()
    if name == "blank":  # no contact, no meeting, no name: every blank line to fill in
        field, stage = {"20": ("software developer", "high-school")}.get(
            size, ("electrician", "career-changer")
        )
        return ip.prep_sheet(ip.plan_interview(field, stage, int(size), seed=1)).to_pdf()
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
FILLED = ["prep-10", "prep-15", "blank-20", "prep-30", "blank-30", "prep-60", "shadow-3"]
FILLED += ["shadow-6"]
FILLED += ["reflection-1"]
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
    ("kind", "most"),
    [
        ("script-30", 1),
        ("prep-15", 2),
        ("blank-20", 2),
        ("prep-30", 2),
        ("blank-30", 2),
        ("reflection-1", 2),
    ],
)
def test_page_counts(kind: str, most: int) -> None:
    assert measured(kind).pages <= most


@pytest.mark.parametrize("kind", FILLED)
def test_a_worksheet_uses_the_whole_page(kind: str) -> None:
    """No page ends with more than 38 mm unused, except a last page at least 60% used."""
    page = measured(kind)
    for number, (unused, used) in enumerate(zip(page.unused_mm, page.used, strict=True)):
        last = number == page.pages - 1
        assert unused <= 38 or (last and used >= 0.6), (number, unused, used)


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


def test_writing_space_is_shared_by_minutes_on_each_page() -> None:
    plan = ip.plan_interview("nurse", "college", 60, seed=1)
    page = measured("prep-60")
    spaces = page.answer_spaces_mm()
    # round 4: the referral ask has a table to write in (which answers the name ask too), and
    # a page with room beyond its questions' fair share gets a Notes box
    tabled = {"gen-closing-who-else", "gen-closing-use-name"}
    asked = [q for q in [*plan.questions, *plan.closing] if q.item.id not in tabled]
    assert len(asked) <= len(spaces) <= len(asked) + 3  # and perhaps a Three things box
    # two lines at least; one for a one-minute closing ask
    assert min(spaces[: len(plan.questions)]) >= 13.9 and min(spaces) >= 6.9
    starts = sorted(
        {(r.page, r.y) for r in page.writing_rules()},
    )
    first_rule_page = []
    seen = 0.0
    for page_number, y in starts:  # the page each space starts on, in order
        if not first_rule_page or y - seen > 12 * MM or page_number != first_rule_page[-1]:
            first_rule_page.append(page_number)
        seen = y
    by_page: dict[int, list[tuple[int, float]]] = {}
    for planned, space, number in zip(asked, spaces, first_rule_page, strict=False):
        by_page.setdefault(number, []).append((planned.item.minutes, space))
    compared = 0
    for pairs in by_page.values():
        for minutes, space in pairs:
            for other_minutes, other in pairs:
                if minutes > other_minutes:
                    assert space >= other, (minutes, space, other_minutes, other)
                    compared += 1
    assert compared  # some page holds questions of different lengths


def test_leftover_room_on_the_last_page_becomes_a_three_things_box() -> None:
    page = measured("prep-10")  # ten minutes of questions leave room on the second page
    text = " ".join(str(w["text"]) for w in page.words[-1])
    assert "Three things I learned" in text
    label = next(w for w in page.words[-1] if w["text"] == "Three")
    lines = [r for r in page.writing_rules() if r.page == page.pages - 1 and r.y > label["top"]]
    assert len(lines) >= 3


def test_the_layout_is_estimated_and_laid_out_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    """The heights come from the fonts' metrics: these worksheets lay out on the first try."""
    from interview_prep import pagefill

    def missed(*args: object) -> None:
        raise AssertionError("the estimate missed: laid out twice")

    monkeypatch.setattr(pagefill, "measure", missed)
    for minutes in (15, 20, 30, 45, 60):
        plan = ip.plan_interview("nurse", "college", minutes, seed=2)
        ip.prep_sheet(plan, DANA, MEETING).to_pdf()
    ip.shadow_plan("nurse", "college", 4, seed=2).to_pdf()
    ip.prep_sheet(ip.plan_interview("nurse", "college", 30, seed=2), paper="a4").to_pdf()
    from pathlib import Path

    logo = Path(str(tmp_path)) / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>', "utf-8")
    branded = ip.prep_sheet(ip.plan_interview("nurse", "college", 30, seed=2))
    branded.branded(ip.Branding("Lakeside High", logo)).to_pdf()


def test_stacked_tick_boxes_are_four_points_apart() -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf_of("prep-30"))) as document:
        boxes = [
            r
            for r in document.pages[0].rects
            if abs(r["width"] - 3.8 * MM) < 0.8 and abs(r["height"] - 3.8 * MM) < 0.8
        ]
    assert len(boxes) >= 9
    columns: dict[int, list[float]] = {}
    for box in boxes:
        columns.setdefault(round(box["x0"]), []).append(box["top"])
    gaps = []
    for tops in columns.values():
        tops.sort()
        gaps += [b - a - 3.8 * MM for a, b in itertools.pairwise(tops)]
    assert gaps and min(gaps) >= 4, min(gaps)


@pytest.mark.parametrize("kind", ["prep-30", "shadow-3", "handout-plain", "reflection-1"])
def test_headings_have_about_twice_the_space_above_as_below(kind: str) -> None:
    """Measured text to text: from what stands above a heading (text or a rule) to the
    heading, and from the heading to the text under it."""
    import pdfplumber

    ratios = []
    with pdfplumber.open(io.BytesIO(pdf_of(kind))) as document:
        for page in document.pages:
            chars = [
                c
                for c in page.chars
                if MARGIN_TOP < c["top"] < page.height - 12 * MM and c["text"].strip()
            ]
            headings: dict[int, list[dict[str, object]]] = {}
            for char in chars:
                if "Serif" in str(char["fontname"]) and float(char["size"]) < 16:
                    headings.setdefault(round(float(char["top"])), []).append(char)
            for key, line in headings.items():
                top = min(float(str(c["top"])) for c in line)
                bottom = max(float(str(c["bottom"])) for c in line)
                marks_above = [float(c["bottom"]) for c in chars if c["bottom"] < top - 0.5]
                marks_above += [float(r["bottom"]) for r in page.rects if r["bottom"] < top - 0.5]
                under = [float(c["top"]) for c in chars if c["top"] > bottom - 0.5]
                ruled = [r["bottom"] for r in page.rects if bottom + 5 < r["bottom"] < min(under)]
                subheading = any(0 < key - other < 25 for other in headings)
                if not marks_above or not under or max(marks_above) < MARGIN_TOP + 1:
                    continue  # a heading at the top of a page has nothing above it
                if ruled or subheading:
                    continue  # ruled lines under it, or a subheading under its section's

                ratios.append((top - max(marks_above)) / (min(under) - bottom))
    assert ratios and min(ratios) >= 1.6, ratios
