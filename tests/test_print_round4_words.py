"""Round 4, words: the sentences a student reads (letters, timeline, handout, shadow debrief),
serial commas, the plan's must-ask stars, and the late-hours warning for a job shadow."""

from __future__ import annotations

import itertools
import re
import warnings
from datetime import date, datetime
from importlib.resources import files

import pytest
from click.testing import CliRunner

import interview_prep as ip
from interview_prep.cli import main
from interview_prep.documents.timeline import timeline
from interview_prep.markdown.typography import series

DANA = ip.Contact("Dana Ortiz", title="ICU charge nurse", org="Mercy General Hospital")
SENDER = ip.Sender("Alex Kim", "Lakeside Community College", "college", "alex.kim@example.edu")
WHEN = datetime(2026, 12, 14, 15, 30)
MEETING = ip.Meeting(WHEN, "Mercy General Hospital, 4th floor", "in-person")
NEWS = "I start a nursing assistant course in January"
LEARNED = "How a charge nurse plans a shift"


def body(letter: ip.Letter) -> str:
    text = letter.text
    return text[text.index("Dear ") : text.index("With thanks,")]


# ---- letters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("news", "learned"), list(itertools.product([None, NEWS], [None, LEARNED]))
)
def test_keep_in_touch_reads_well_with_and_without_its_optional_parts(
    news: str | None, learned: str | None
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ip.InterviewPrepWarning)
        letter = ip.letter(
            "keep-in-touch", "email", field="nurse", sender=SENDER, contact=DANA,
            meeting=MEETING, news=news, learned=learned, today=date(2027, 3, 1),
        )  # fmt: skip
    text = body(letter)
    paragraphs = [p for p in text.split("\n\n") if p.strip()][1:]
    assert len(paragraphs) == 3  # why I write; my news; thanks
    assert "advice" not in text
    assert text.count("work as a registered nurse") == 1
    assert "Since then" not in text and "made a real difference to that" not in text
    assert ("I start a nursing assistant course in January." in paragraphs[1]) == bool(news)
    assert ("what you told me about how a charge nurse plans a shift." in text) == bool(learned)
    assert paragraphs[2].endswith("I hope your work is going well.")


def test_confirm_letter_gives_time_then_place_and_the_meetings_length() -> None:
    letter = ip.letter(
        "confirm", "letter", field="nurse", sender=SENDER, contact=DANA, meeting=MEETING,
        today=date(2026, 12, 7),
    )  # fmt: skip
    assert (
        "confirm our conversation at Mercy General Hospital, 4th floor, on Monday, "
        "December 14, 2026, at 3:30 PM. I will keep it to about 30 minutes." in letter.text
    )
    request = ip.letter("request", "email", field="nurse", sender=SENDER, contact=DANA)
    assert "20 minutes" in request.text  # a request asks for a short talk
    asked = ip.letter("confirm", "email", field="nurse", contact=DANA, meeting=MEETING, minutes=45)
    assert "about 45 minutes" in asked.text


def test_confirm_letter_from_the_cli_restates_30_minutes() -> None:
    result = CliRunner().invoke(
        main, ["letter", "confirm", "--field", "nurse", "--when", "2026-12-14 15:30"]
    )
    assert result.exit_code == 0, result.output
    assert "at 3:30 PM. I will keep it to about 30 minutes." in result.stdout


# ---- timeline and handout -------------------------------------------------------------


def test_timeline_steps_say_the_meeting() -> None:
    document = timeline(date(2026, 12, 1), WHEN, contact=DANA)
    text = document.to_markdown()
    assert "Within 24 hours; name one thing you learned." in text
    assert "of meeting" not in text
    assert "on Monday, December 14, 2026, at 3:30 PM." in text
    assert "Email, message, letter, or call" in text


def test_handout_asks_for_a_person_and_its_footer_is_a_phrase() -> None:
    shadow = ip.assignment_handout(date(2026, 12, 7), shadow=True)
    text = shadow.to_markdown()
    assert "a call to an organization" not in text
    assert (
        "Find someone among family, neighbors, teachers, and alumni, or call an organization."
        in text
    )
    # round 8: a name to write in first, as on a worksheet
    assert shadow.footer == "Name ______________ · Job shadow assignment · from Mon, Dec 7, 2026"
    plain = ip.assignment_handout(date(2026, 12, 7))
    assert plain.footer == (
        "Name ______________ · Informational interview assignment · from Mon, Dec 7, 2026"
    )
    course = ip.assignment_handout(date(2026, 12, 7), course="Careers 10")
    assert course.footer == "Name ______________ · Careers 10 · from Mon, Dec 7, 2026"


# ---- serial commas ---------------------------------------------------------------------

# three or more one-word items without the comma before "and"/"or": "A, B and C"
NO_SERIAL = re.compile(r"\b[a-z][\w’'-]*, [a-z][\w’'-]* (?:and|or) [a-z][\w’'-]*\b")


def test_series_uses_the_serial_comma() -> None:
    assert (
        series(["Dana Ortiz", "Sam Lee", "Priya Patel"]) == "Dana Ortiz, Sam Lee, and Priya Patel"
    )
    assert series(["A", "B"], "or") == "A or B"


def test_hand_written_lists_in_templates_use_the_serial_comma() -> None:
    templates = files("interview_prep") / "templates"
    found = []
    for path in [*templates.iterdir(), *(templates / "letters").iterdir()]:
        if path.name.endswith(".j2"):
            text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
            found += [f"{path.name}: {m.group()}" for m in NO_SERIAL.finditer(text)]
    assert found == []


def test_theme_titles_use_the_serial_comma() -> None:
    titles = [theme.title for theme in ip.default_catalog().taxonomy.themes]
    assert "Skills, education, and training" in titles
    assert [t for t in titles if re.search(r", [^,]+ (and|or) ", t)] == []


# ---- shadow: debrief opening and hours ------------------------------------------------


def test_shadow_debrief_opening_thanks_for_the_day() -> None:
    document = ip.shadow_plan("nurse", "college", 3, meeting=ip.Meeting(datetime(2026, 12, 14, 7)))
    opening = next(part for part in document.to_markdown().split("\n\n") if "Opening" in part)
    assert "for the day" in opening and "still suits them" in opening
    assert "who you are" not in opening


def test_a_late_shadow_warns_and_says_what_to_do() -> None:
    with pytest.warns(ip.LateHoursWarning) as caught:
        ip.shadow_plan("electrician", "high-school", 6, meeting=ip.Meeting(WHEN), seed=1)
    message = str(caught[0].message)
    assert "from 3:30 PM on Monday, December 14, 2026, ends at 9:50 PM" in message
    assert "after 8 PM" in message and "ask your host for a daytime block" in message
    with pytest.warns(ip.LateHoursWarning, match="starts at 5:00 AM"):
        ip.shadow_plan("nurse", "college", 3, meeting=ip.Meeting(datetime(2026, 12, 14, 5)))


@pytest.mark.parametrize(("start", "hours"), [(7, 3), (9, 8), (12, 7), (None, 6)])
def test_a_daytime_shadow_is_silent(start: int | None, hours: int) -> None:
    meeting = ip.Meeting(datetime(2026, 12, 14, start) if start is not None else None)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ip.LateHoursWarning)
        ip.shadow_plan("nurse", "college", hours, meeting=meeting)


def test_the_cli_shows_the_late_hours_warning() -> None:
    result = CliRunner().invoke(
        main,
        ["shadow-plan", "--field", "electrician", "--stage", "high-school", "--hours", "6",
         "--when", "2026-12-14 15:30"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "warning: the shadow from 3:30 PM" in result.stderr
    assert "daytime block" in result.stderr


def test_the_web_shows_the_late_hours_warning() -> None:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from interview_prep.web import Settings, create_app

    values = {"field": "electrician", "stage": "high-school", "hours": "6",
              "when": "2026-12-14T15:30"}  # fmt: skip
    with TestClient(create_app(Settings(render_workers=1))) as client:
        page = client.post("/documents/shadow-plan", data=values)
    assert page.status_code == 200, page.text
    assert "ends at 9:50 PM" in page.text and "daytime block" in page.text


# ---- must-ask stars --------------------------------------------------------------------

FIELDS = ("nurse", "electrician", "software developer", "chef")
STAGES = ("high-school", "college", "career-changer")


def numbered(markdown: str) -> dict[int, str]:
    return {int(m[1]): m[2] for m in re.finditer(r"^(\d+)\. (.*)$", markdown, flags=re.M)}


@pytest.mark.parametrize("minutes", [15, 20, 30, 45, 60])
@pytest.mark.parametrize(("field", "stage"), list(zip(FIELDS, [*STAGES, "college"], strict=True)))
def test_every_plan_stars_three_to_five_and_never_a_skipped_one(
    field: str, stage: str, minutes: int
) -> None:
    plan = ip.plan_interview(field, stage, minutes, seed=1)
    stars = [p for p in plan.questions if plan.is_must_ask(p)]
    assert len(stars) == min(len(plan.questions), 3 if minutes < 30 else 4 if minutes < 60 else 5)
    assert all(not plan.is_must_ask(p) for p in plan.closing)
    script = ip.interview_script(plan).source
    questions = numbered(script)
    starred = {n for n, line in questions.items() if line.startswith("★")}
    assert len(starred) == len(stars)
    skip = re.search(r"skip questions? ([\d, and]+) first", script)
    assert skip is not None
    skipped = {int(n) for n in re.findall(r"\d+", skip[1])}
    assert skipped and not skipped & starred
    sheet = ip.prep_sheet(plan).source
    assert sheet.count("★ marks a must-ask question") == 1
    assert {n for n, line in numbered(sheet).items() if line.startswith("★")} == starred
    entries = plan.to_dict()["questions"]
    assert isinstance(entries, list)
    assert [entry["must_ask"] for entry in entries].count(True) == len(stars)


def test_a_short_plan_without_bank_must_asks_has_no_star_and_no_key() -> None:
    plan = ip.plan_interview("nurse", "college", 10, seed=1)
    assert not any(p.item.priority == 1 for p in plan.questions)
    assert not plan.must_ask
    sheet = ip.prep_sheet(plan).source
    assert "★" not in sheet
    assert "★" not in ip.interview_script(plan).to_markdown()


def test_a_shadow_debrief_stars_its_question_about_the_day() -> None:
    document = ip.shadow_plan("electrician", "high-school", 6, seed=1)
    about_today = document.source.split("### About today", 1)[1]
    assert re.search(r"^1\. ★ \*\*", about_today.lstrip(), flags=re.M)
