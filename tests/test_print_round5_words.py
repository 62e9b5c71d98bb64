"""Issue 19, round 5, words: the fourth review's defects 3 and 9 (the name question asked once
on a worksheet; "and … and" lists; serial commas in the banks; "yesterday" in a thank-you;
the keep-in-touch sample's date; letter titles that name the person)."""

from __future__ import annotations

import io
import re
import warnings
from datetime import date, datetime
from functools import cache
from importlib.machinery import SourceFileLoader
from importlib.resources import files
from importlib.util import module_from_spec, spec_from_loader
from pathlib import Path

import docx
import pdfplumber
import pytest

import interview_prep as ip
from interview_prep.markdown.typography import series

DANA = ip.Contact("Dana Ortiz", title="ICU charge nurse", org="Mercy General Hospital")
SENDER = ip.Sender("Alex Kim", "Lakeside Community College", "college", "alex.kim@example.edu")
WHEN = datetime(2026, 12, 14, 15, 30)
MEETING = ip.Meeting(WHEN, "Mercy General Hospital, 4th floor", "in-person")
NAME_ASK = "When I reach out to them, may I mention your name?"  # round 7: one wording


def plan(minutes: int, field: str = "nurse", stage: str = "college") -> ip.Plan:
    return ip.plan_interview(field, stage, minutes, seed=1)


@cache
def pdf_text(kind: str) -> str:
    if kind == "shadow":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ip.InterviewPrepWarning)
            document = ip.shadow_plan("nurse", "college", 3, contact=DANA, learner="Alex Kim")
    elif kind == "script":
        document = ip.interview_script(plan(30), DANA, MEETING, learner="Alex Kim")
    else:
        document = ip.prep_sheet(plan(int(kind)), DANA, MEETING, learner="Alex Kim")
    with pdfplumber.open(io.BytesIO(document.to_pdf())) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def numbers(text: str) -> list[int]:
    """The question numbers a reader sees, in order, at the start of a line."""
    return [int(n) for n in re.findall(r"^(\d{1,2})\. ", text, flags=re.MULTILINE)]


# ---- 3. the name question, once --------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["15", "30", "shadow"])
def test_a_worksheet_asks_the_name_question_in_the_referral_table_only(kind: str) -> None:
    text = pdf_text(kind)
    assert "mentioning your name" not in text
    assert "Name OK to mention?" in text
    assert "Use my contact" not in text
    assert "may I mention your name?" in text  # the line that says to ask it aloud
    # the numbers run 1, 2, 3 … with no gap and end on the referral question
    shown = numbers(text)
    assert shown == list(range(1, len(shown) + 1)), shown
    last = re.search(rf"^{shown[-1]}\. (.*)$", text, flags=re.MULTILINE)
    assert last is not None and last.group(1).startswith("Who else would you suggest")


def test_a_worksheet_counts_the_name_ask_out_of_its_questions() -> None:
    asked = plan(30)
    markdown = ip.prep_sheet(asked, DANA, MEETING).markdown
    count = len(asked.questions) + len(asked.closing) - 1
    assert f"\n{count}. **Who else would you suggest" in markdown
    assert f"\n{count + 1}. " not in markdown


@pytest.mark.slow
def test_the_script_still_speaks_both_questions() -> None:
    text = " ".join(pdf_text("script").split())
    assert "Who else would you suggest I talk to about this work?" in text
    # round 6: spoken under the referral question, not numbered on its own
    assert f"Then ask: “{NAME_ASK}”" in text
    shown = numbers(pdf_text("script"))
    assert shown == list(range(1, len(shown) + 1)), shown


@pytest.mark.slow
def test_word_asks_the_name_question_once_too() -> None:
    data = ip.prep_sheet(plan(30), DANA, MEETING, learner="Alex Kim").to_docx()
    word = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in word.paragraphs)
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "mentioning your name" not in text
    assert "Name OK to mention?" in cells
    # asked aloud under the table (round 7: the bank's wording), never numbered on its own
    assert f"ask aloud: “{NAME_ASK}”" in text
    assert not re.search(rf"^\d+\.\s*{re.escape(NAME_ASK)}", text, flags=re.MULTILINE)


# ---- 9. lists whose items hold "and" ---------------------------------------------------


def test_series_sets_off_items_that_hold_and_or_commas() -> None:
    assert series(["growth", "advice"]) == "growth and advice"
    assert series(["growth and advancement", "advice"]) == "growth and advancement, and advice"
    assert series(["a", "b and c", "d"]) == "a, b and c, and d"
    assert series(["Skills, education, and training", "advice"]) == (
        "Skills, education, and training; and advice"
    )
    assert series(["8", "7", "5"]) == "8, 7, and 5"
    assert series(["Sam", "Priya"], "or") == "Sam or Priya"


@pytest.mark.slow
def test_prep15_says_what_it_leaves_out_without_and_and() -> None:
    text = " ".join(pdf_text("15").split())
    assert "Not covered in 15 minutes: growth and advancement, and advice for someone" in text
    assert "advancement and advice" not in text


BANKS = files("interview_prep") / "banks"
WORD = r"(?!(?:and|or)\b)[\w'’/&-]+"  # a word of a list item, not its conjunction
ITEM = rf"{WORD}(?: {WORD}){{0,3}}"
# three or more items before "and"/"or" with no comma before it: "X, Y, Z and W"
LONG_LIST = re.compile(rf"(?:{ITEM}, ){{2,}}{ITEM} (?:and|or) ")


def bank_lines() -> list[str]:
    paths = [BANKS / "general.yaml", BANKS / "shadow.yaml"]
    paths += sorted((p for p in (BANKS / "clusters").iterdir()), key=lambda p: p.name)
    lines = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("text:", "- ")) and not stripped.startswith("- {"):
                lines.append(stripped)
    return lines


def test_the_electrician_question_uses_the_serial_comma() -> None:
    lines = bank_lines()
    assert any("heat pumps, solar, and EV chargers" in line for line in lines)
    assert not any("solar and EV chargers" in line for line in lines)


def test_bank_questions_put_a_serial_comma_in_long_lists() -> None:
    # appositives that are not lists: "Which specialty, like sports or neuro, have you…"
    not_lists = ("like sports or neuro", "like CT or MRI", "its ride-along or visitor")
    missing = [
        line
        for line in bank_lines()
        if LONG_LIST.search(line) and not any(phrase in line for phrase in not_lists)
    ]
    assert not missing, missing


# ---- 9. letters: "yesterday", titles, the sample dates ---------------------------------


def thank_you(today: date, channel: str = "letter") -> ip.Letter:
    return ip.letter(
        "thank-you", channel, field="nurse", sender=SENDER, contact=DANA, meeting=MEETING,
        today=today,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("today", "said"),
    [
        (date(2026, 12, 14), "Thank you for talking with me today about"),
        (date(2026, 12, 15), "Thank you for talking with me yesterday about"),
        (date(2026, 12, 18), "Thank you for talking with me on December 14, 2026, about"),
    ],
)
def test_a_thank_you_says_yesterday_for_the_day_before(today: date, said: str) -> None:
    assert said in " ".join(thank_you(today).text.split())


def test_a_keep_in_touch_note_months_on_keeps_the_date() -> None:
    letter = ip.letter(
        "keep-in-touch", "email", field="nurse", sender=SENDER, contact=DANA, meeting=MEETING,
        today=date(2027, 3, 15),
    )  # fmt: skip
    assert "When we spoke on December 14, 2026, you gave me" in " ".join(letter.text.split())


@pytest.mark.slow
def test_a_letters_pdf_and_word_titles_name_the_person() -> None:
    letter = thank_you(date(2026, 12, 15))
    assert letter.title == "Thank-you letter to Dana Ortiz"
    with pdfplumber.open(io.BytesIO(letter.to_pdf())) as pdf:
        assert pdf.metadata["Title"] == "Thank-you letter to Dana Ortiz"
    word = docx.Document(io.BytesIO(letter.to_docx()))
    assert word.core_properties.title == "Thank-you letter to Dana Ortiz"
    email = ip.letter("request", "email", field="nurse", sender=SENDER, contact=DANA)
    assert email.title == "Request email to Dana Ortiz"
    assert ip.letter("confirm", "letter", field="nurse", sender=SENDER).title == (
        "Confirmation letter"
    )


@pytest.mark.slow
def test_the_sample_keep_in_touch_is_dated_months_after_the_meeting(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parent.parent / "scripts" / "print-pictures"
    loader = SourceFileLoader("print_pictures", str(script))
    spec = spec_from_loader("print_pictures", loader)
    assert spec is not None
    module = module_from_spec(spec)
    loader.exec_module(module)
    docs = module.documents(tmp_path)
    keep = " ".join(docs["letter-keep-in-touch"].text.split())
    thanks = " ".join(docs["letter-thank-you"].text.split())
    assert "March 15, 2027" in keep and "December 15, 2026" not in keep
    # round 6: sent the day of the meeting, as the timeline's "by 5 PM" has it
    assert "December 14, 2026" in thanks and "talking with me today" in thanks
