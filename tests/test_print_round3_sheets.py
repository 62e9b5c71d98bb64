"""Issue 19, round 3 (second review, defects 13-15): letters balanced on the sheet with US date
commas and no bare blanks; the handout's steps on school days, its second page used and its
lists kept whole; the reflection's sections whole on a page, "Circle one:" on the line of its
circles, and a field to type in for every section on screen."""

from __future__ import annotations

import io
import itertools
import re
import warnings
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import holidays
import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import interview_prep as ip
from interview_prep.documents import LETTER_KINDS, letter
from interview_prep.documents.handout import due_dates
from interview_prep.documents.holidays import federal_holidays, is_school_day
from interview_prep.documents.timeline import next_business_day

from .browser import AXE, SERIOUS, axe_violations, chromium, missing_tools, require_browser
from .pdf_measure import MM, measure

DANA = ip.Contact("Dana Ortiz", title="ICU charge nurse", org="Mercy General Hospital")
MEETING = ip.Meeting(datetime(2026, 12, 14, 15, 30), "Mercy General Hospital", "in-person")
SENDER = ip.Sender("Alex Kim", "Lakeside Community College", "college", "alex.kim@example.edu")
LONG = {
    "referral": "Samantha Lee-Washington, my academic advisor at Lakeside",
    "availability": "on Monday, Wednesday and Friday afternoons after 2 PM, and on Tuesday and "
    "Thursday mornings before my 11 AM classes, or any weekend day",
    "sender": ip.Sender(
        "Alexandra Kimberly-Johnson",
        "Lakeside Community College of Applied Sciences and Technology",
        "college",
        "alexandra.kimberly-johnson@students.example.edu",
        "555-0100-2233",
    ),
    "contact": ip.Contact(
        "Dana Ortiz-Hernandez",
        title="ICU charge nurse and clinical educator, cardiac surgery",
        org="Mercy General Hospital and Regional Trauma Center",
    ),
}


def write(kind: str, channel: str = "letter", **extra: Any) -> ip.Letter:
    arguments: dict[str, Any] = {
        "field": "nurse",
        "sender": SENDER,
        "contact": DANA,
        "meeting": MEETING,
        "today": date(2026, 12, 15),
        "request_date": date(2026, 11, 30),
        "learned": "How a charge nurse plans a shift",
        "hours": 3,
    }
    arguments.update(extra)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return letter(kind, channel, **arguments)


def _text_block(pdf: bytes) -> tuple[int, float, float]:
    """Pages, and the space (points) above the first word and below the last on page 1."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        words = page.extract_words()
        top = min(float(w["top"]) for w in words)
        bottom = max(float(w["bottom"]) for w in words)
        return len(document.pages), top, float(page.height) - bottom


@pytest.fixture(scope="module")
def letter_blocks() -> dict[str, tuple[int, float, float]]:
    found = {kind: _text_block(write(kind).to_pdf()) for kind in LETTER_KINDS}
    found["long-request"] = _text_block(write("request", **LONG).to_pdf())
    return found


# --- letters ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", LETTER_KINDS)
def test_a_short_letter_is_balanced_on_the_sheet(
    letter_blocks: dict[str, tuple[int, float, float]], kind: str
) -> None:
    pages, above, below = letter_blocks[kind]
    assert pages == 1
    # a typed business letter: about as much paper above the sender's block as below the
    # signature (before: a third of the spare height above, 2.8-3.6 in below)
    assert 0.8 <= above / below <= 1.2, (above / 72, below / 72)
    assert below < 3.2 * 72


def test_a_long_letter_keeps_to_one_page(
    letter_blocks: dict[str, tuple[int, float, float]],
) -> None:
    pages, above, below = letter_blocks["long-request"]
    assert pages == 1
    assert above >= 25 * MM and below >= 22 * MM  # inside the page's margins
    short_above = letter_blocks["request"][1]
    assert above < short_above  # a longer letter starts higher


BLANK_LINE = re.compile(r"^\W*_{4,}\W*$")
DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{1,2}, \d{4}"
)


@pytest.mark.parametrize("channel", ["email", "letter", "phone"])
@pytest.mark.parametrize("kind", LETTER_KINDS)
def test_no_unlabeled_blank_and_a_comma_after_the_year(kind: str, channel: str) -> None:
    text = write(kind, channel).text
    assert not [line for line in text.splitlines() if BLANK_LINE.match(line)], text
    for found in DATE.finditer(text):
        after = text[found.end() : found.end() + 1]
        # US style: "on December 14, 2026, about ..." (a comma, or the sentence or line ends)
        assert after in ("", ",", ".", "\n", '"', "?"), text[found.start() : found.end() + 20]


def test_keep_in_touch_without_news_says_something_real() -> None:
    text = write("keep-in-touch", news=None).text
    assert "____" not in text
    assert "I have kept reading about the work and thinking about my next steps." in text
    # round 5: a thank-you dated the day after says "yesterday" (a later one keeps the date,
    # "on December 14, 2026, about": tests/test_print_round5_words.py)
    assert "talking with me yesterday about" in write("thank-you").text
    assert "on November 30, 2026, to ask" in write("follow-up").text


# --- handout dates: school days -------------------------------------------------------------


def _closed(day: date) -> bool:
    us = holidays.country_holidays("US", years=day.year)
    winter = (day.month, day.day) >= (12, 24) or (day.month, day.day) <= (1, 1)
    return day.weekday() >= 5 or day in us or winter


def test_the_federal_holiday_rules_match_the_holidays_package() -> None:
    for year in range(2000, 2041):
        reference = holidays.country_holidays("US", years=[year - 1, year, year + 1])
        # the package lists the holiday itself and its observed day; a weekend is closed anyway
        expected = {d for d in reference if d.year == year and d.weekday() < 5}
        assert set(federal_holidays(year)) == expected, year


@settings(max_examples=300, deadline=None)
@given(
    start=st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
    weeks=st.integers(min_value=2, max_value=12),
)
def test_handout_steps_fall_on_school_days(start: date, weeks: int) -> None:
    dues = due_dates(start, weeks)
    for due in dues:
        assert not _closed(due.due), (start, weeks, due)
        assert is_school_day(due.due)
    days = [due.due for due in dues]
    assert days == sorted(days) and len(set(days)) == len(days)
    assert days[0] > start and days[-1] - start < timedelta(weeks=weeks + 3)


def test_a_december_start_skips_new_years_eve_and_day() -> None:
    dues = {d.step: d.due for d in due_dates(date(2026, 12, 7), 4)}
    assert dues["meet"] == date(2027, 1, 4) and dues["thank"] == date(2027, 1, 5)
    handout = ip.assignment_handout(date(2026, 12, 7))
    assert "Thu, Dec 31" not in handout.markdown and "Fri, Jan 1" not in handout.markdown
    assert "Mon, Jan 4" in handout.markdown


def test_the_timeline_keeps_its_business_days() -> None:
    # the school rule is asked for; the timeline's weekday rule is unchanged
    assert next_business_day(date(2026, 12, 26)) == date(2026, 12, 28)
    assert next_business_day(date(2026, 12, 25)) == date(2026, 12, 25)
    assert next_business_day(date(2026, 12, 25), school=True) == date(2027, 1, 4)
    assert next_business_day(date(2026, 11, 26), school=True) == date(2026, 11, 27)


# --- handout pages ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def handouts() -> dict[str, bytes]:
    return {
        "plain": ip.assignment_handout(date(2026, 12, 7), course="Careers 10").to_pdf(),
        "shadow": ip.assignment_handout(date(2026, 12, 7), shadow=True).to_pdf(),
    }


def _page_of(pdf: bytes, text: str) -> int:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages):
            if text in (page.extract_text() or ""):
                return number
    raise AssertionError(f"{text!r} not found")


@pytest.mark.parametrize("name", ["plain", "shadow"])
def test_handout_pages_are_used(handouts: dict[str, bytes], name: str) -> None:
    measured = measure(handouts[name])
    assert measured.pages == 2
    assert measured.unused_mm[0] <= 38, measured.unused_mm
    assert measured.used[-1] >= 0.85, measured.used  # before: page 2 was 70% empty
    pdf = handouts[name]
    assert _page_of(pdf, "Criterion") == _page_of(pdf, "Total")  # the rubric stays whole
    assert _page_of(pdf, "Questions I want to ask") == 1


def test_no_bullet_starts_a_page_alone(handouts: dict[str, bytes]) -> None:
    pdf = handouts["shadow"]
    assert _page_of(pdf, "Privacy.") == _page_of(pdf, "What to wear.")
    assert _page_of(pdf, "Permission.") == _page_of(pdf, "Safety.")


def test_handout_due_dates_stay_in_their_column(handouts: dict[str, bytes]) -> None:
    with pdfplumber.open(io.BytesIO(handouts["plain"])) as document:
        words = document.pages[0].extract_words()
    dates = [
        day
        for month, day in itertools.pairwise(words)
        if month["text"] in ("Dec", "Jan") and re.fullmatch(r"\d{1,2}", day["text"])
    ]
    step_column = min(float(w["x0"]) for w in words if w["text"] in ("Choose", "Confirm"))
    assert dates and max(float(w["x1"]) for w in dates) < step_column - 3


# --- reflection ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reflections() -> dict[str, bytes]:
    plan = ip.plan_interview("nurse", "college", 30, seed=1)
    notes = ip.Notes(learned="Charge nurses plan around the sickest patients.", referrals=("Sam",))
    return {
        "blank": ip.reflection_sheet().to_pdf(),
        "nurse": ip.reflection_sheet(plan, DANA, MEETING, learner="Alex Kim").to_pdf(),
        "notes": ip.reflection_sheet(plan, DANA, MEETING, notes=notes).to_pdf(),
    }


def test_circle_one_sits_on_the_line_of_its_circles(reflections: dict[str, bytes]) -> None:
    with pdfplumber.open(io.BytesIO(reflections["nurse"])) as document:
        page = document.pages[0]
        words = page.extract_words()
        circles = [c for c in page.curves if 8 < c["width"] < 14 and 8 < c["height"] < 14]
    labels = [w for w in words if w["text"] == "Circle"]
    assert len(labels) == 2
    for label in labels:
        line = [w for w in words if abs(float(w["bottom"]) - float(label["bottom"])) < 1]
        assert len(line) >= 5, line  # "Circle one:" and the choices on one baseline
        beside = [c for c in circles if abs(c["top"] - label["top"]) < 8]
        # a ring is painted as two curves: three circles, three centers
        assert len({round((c["x0"] + c["x1"]) / 2) for c in beside}) == 3
        assert all(c["x0"] > label["x1"] for c in beside)
        # the circles sit on the label's line, not above it (within half a line)
        assert all(abs(c["bottom"] - label["bottom"]) < 4 for c in beside)


SECTIONS = (
    ("What I noticed about myself", "Weaknesses,"),
    ("Did it make me more curious?", "Why?"),
    ("Do I want to pursue this?", "What would I need"),
    ("How I did as an interviewer", "What went well"),
    ("People I was referred to", "Contacted"),
)


@pytest.mark.parametrize("name", ["blank", "nurse", "notes"])
def test_no_reflection_section_splits_across_pages(
    reflections: dict[str, bytes], name: str
) -> None:
    pdf = reflections[name]
    measured = measure(pdf)
    assert measured.pages == 2
    assert all(unused <= 38 for unused in measured.unused_mm), measured.unused_mm
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages[1:]:
            words = sorted(
                (w for w in page.extract_words(extra_attrs=["fontname"]) if w["top"] > 11 * MM),
                key=lambda w: (round(w["top"]), w["x0"]),
            )
            assert "Serif" in str(words[0]["fontname"]), words[0]  # a page starts with a heading
        rules = measured.writing_rules()
    for heading, inside in SECTIONS:
        assert _page_of(pdf, heading) == _page_of(pdf, inside), (heading, inside)
    # each writing space's rules on its heading's page: no page starts with bare rules
    first_texts = [min(float(w["top"]) for w in page) for page in measured.words[1:]]
    for rule in rules:
        if rule.page > 0:
            assert rule.y > first_texts[rule.page - 1]


# --- reflection on screen -----------------------------------------------------------------


@pytest.fixture(scope="module")
def reflection_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    plan = ip.plan_interview("nurse", "college", 30, seed=1)
    path = tmp_path_factory.mktemp("html") / "reflection.html"
    path.write_text(ip.reflection_sheet(plan, DANA, MEETING).to_html(), encoding="utf-8")
    return path


SECTION_FIELDS = """
const out = [];
for (const heading of document.querySelectorAll('main h2')) {
  const fields = [];
  for (let e = heading.nextElementSibling; e && e.tagName !== 'H2'; e = e.nextElementSibling) {
    fields.push(...e.querySelectorAll('textarea, input'));
  }
  const usable = fields.filter(f => !f.disabled && f.getClientRects().length
    && f.getBoundingClientRect().width >= 16 && f.getBoundingClientRect().height >= 14);
  const typed = usable.find(f => f.tagName === 'TEXTAREA' || f.type === 'text');
  out.push({heading: heading.textContent, count: usable.length,
            id: typed ? (typed.name) : null,
            height: typed ? typed.getBoundingClientRect().height : 0,
            width: typed ? typed.getBoundingClientRect().width : 0});
}
return out;
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if (missing_tools() or "").startswith(("chromium", "selenium")):
        require_browser()  # axe-core is not needed here: only a missing browser skips
    with chromium(1280, 900) as driver:
        yield driver


@pytest.mark.parametrize("width", [1280, 390])
def test_every_reflection_section_has_a_field_to_type_in(
    browser: Any, reflection_page: Path, width: int
) -> None:
    from selenium.webdriver.common.by import By

    browser.set_window_size(width, 900)
    browser.get(reflection_page.as_uri())
    sections = browser.execute_script(SECTION_FIELDS)
    assert len(sections) == 7
    for section in sections:
        assert section["count"] >= 1, section
    typed = [s for s in sections if s["id"]]
    assert len(typed) >= 6  # all but "Next steps" (tick boxes) take typed text
    for section in typed:
        field = browser.find_element(By.NAME, section["id"])
        field.send_keys("Charge nurses plan the shift around the sickest patients.")
        assert field.get_attribute("value").startswith("Charge nurses plan")
        if field.tag_name == "textarea":
            assert section["height"] >= 7 * 3 * 96 / 25.4 - 2  # as tall as 3 ruled lines
    boxes = browser.find_elements(By.CSS_SELECTOR, "li.task-list-item input")
    boxes[0].click()
    assert boxes[0].is_selected()
    # "Circle one" on screen: a click on a choice's words marks it, and only it
    choices = browser.find_elements(By.CSS_SELECTOR, "div.choices label")
    assert [c.text for c in choices[:3]] == ["More curious", "About the same", "Less curious"]
    choices[1].click()
    radios = browser.find_elements(By.CSS_SELECTOR, "input[name='choice-1']")
    assert [r.is_selected() for r in radios] == [False, True, False]
    names = browser.execute_script(
        "return [...document.querySelectorAll('textarea, td input:not([type=radio])')].map(t => "
        "document.getElementById(t.getAttribute('aria-labelledby')).textContent"
        ".replace(/\u00a0/g, ' ').trim())"
    )
    # each field is labeled by words a reader sees: its prompt, heading or column
    assert "Weaknesses, or gaps I want to work on:" in names and "What I learned" in names
    assert names.count("Name") == 3 and names.count("Contacted on") == 3
    if AXE.exists():  # the fields pass axe-core (labels a reader sees), phone and desktop
        assert [v for v in axe_violations(browser) if v["impact"] in SERIOUS] == []
    overflow = browser.execute_script("return document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0
