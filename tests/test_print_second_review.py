"""The second print review's defects (December 2026), measured on the PDF: tables inside the
margin, shadow prompts that match the clock, writing space by minutes, and the script's star."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from functools import cache

import pdfplumber
import pytest

import interview_prep as ip

from .pdf_measure import MM, measure

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


def _blocks(markdown: str) -> list[tuple[str, str]]:
    """The shadow plan's hour blocks: (heading, prompts) in order."""
    found = re.findall(r"^### (.+?)\n(.*?)(?=^#{2,3} |\Z)", markdown, flags=re.M | re.S)
    return [(label, text) for label, text in found if re.search(r"\d:\d\d", label)]


def _hour(label: str) -> int:
    """The 24-hour clock hour a block like '3:30–4:30 PM' or '11:00 AM–12:00 PM' starts."""
    first, _, last = label.partition("\u2013")
    suffix = (re.search(r"[AP]M", first) or re.search(r"[AP]M", last)).group()  # type: ignore[union-attr]
    hour = int(first.split(":")[0]) % 12
    if suffix == "PM" and "AM" not in first:
        hour += 12
    return hour


@pytest.mark.parametrize(
    ("start", "hours"), [((7, 0), 3), ((15, 30), 6), ((9, 0), 8), ((13, 0), 4), ((6, 0), 8)]
)
@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.filterwarnings("ignore::interview_prep.LateHoursWarning")  # the 3:30 PM one runs late
def test_shadow_prompts_never_contradict_the_clock(
    start: tuple[int, int], hours: int, seed: int
) -> None:
    meeting = ip.Meeting(datetime(2026, 12, 14, *start), "Mercy General Hospital", "in-person")
    plan = ip.shadow_plan("nurse", "college", hours, meeting=meeting, seed=seed)
    blocks = _blocks(plan.markdown)
    assert len(blocks) == hours
    starts = [_hour(label) for label, _ in blocks]
    for index, ((label, prompts), hour) in enumerate(zip(blocks, starts, strict=True)):
        text = prompts.lower().replace("\u2019", "'")
        if "first hour" in text or "start of the day" in text:
            assert index == 0 and hour < 11, label
        if any(end in text for end in ("wraps up", "end of the day", "before leaving")):
            assert index == len(blocks) - 1 and 14 <= hour < 18, label
        if "afternoon with the morning" in text:
            assert 14 <= hour < 18 and min(starts[:index]) < 11, label
        if "morning" in text and "with the morning" not in text and "morning's" not in text:
            assert hour < 11, label


@pytest.mark.parametrize(("minutes", "pages"), [(15, 2), (20, 2), (60, 4)])
def test_three_minute_questions_get_three_lines_and_closing_asks_no_block(
    minutes: int, pages: int
) -> None:
    plan = ip.plan_interview("nurse", "college", minutes, seed=1)
    meeting = ip.Meeting(datetime(2026, 12, 14, 15, 30), "Mercy General Hospital", "in-person")
    page = measure(ip.prep_sheet(plan, DANA, meeting, learner="Alex Kim").to_pdf())
    assert page.pages == pages
    # round 4: the referral ask has a table to write in (which answers the name ask too), and
    # a page with room beyond its questions' fair share may end in a Notes box
    tabled = {"gen-closing-who-else", "gen-closing-use-name"}
    asked = [q for q in [*plan.questions, *plan.closing] if q.item.id not in tabled]
    lines = [round(space / 7) for space in page.answer_spaces_mm()]
    assert len(asked) <= len(lines) <= len(asked) + 3, lines  # perhaps a Three things box
    # round 5: a closing ask (no time cue) is a short one, whatever its bank minutes
    timed = len([q for q in plan.questions if q.item.id not in tabled])
    questions = [n for q, n in zip(asked[:timed], lines, strict=False) if q.item.minutes >= 3]
    asks = lines[timed : len(asked)]
    assert questions and min(questions) >= 3, lines
    # a one-minute closing ask ("Who else would you suggest…") gets no block of notes
    assert not asks or (max(asks) <= 3 and max(asks) <= min(questions)), lines


@pytest.mark.parametrize("minutes", [20, 30, 60])
def test_the_script_names_the_star_only_when_a_question_has_one(minutes: int) -> None:
    plan = ip.plan_interview("nurse", "college", minutes, seed=1)
    meeting = ip.Meeting(datetime(2026, 12, 14, 15, 30), "Mercy General Hospital", "in-person")
    script = ip.interview_script(plan, DANA, meeting, learner="Alex Kim")
    with pdfplumber.open(io.BytesIO(script.to_pdf())) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    lines = text.splitlines()
    short = " ".join(
        lines[i] + " " + lines[i + 1] for i, line in enumerate(lines) if "time runs short" in line
    )
    assert "the closing asks" in short
    starred = [line for line in lines if line.lstrip("0123456789. ☐").startswith("★")]
    assert ("★" in short) == bool(starred), (short, starred)
