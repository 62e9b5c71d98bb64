"""The parameter layer: strings in, checked values out, every problem at once."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import interview_prep as ip
from interview_prep.cli import main
from interview_prep.params import DOCUMENT_KINDS, OutputRequest, build_document, build_letter
from interview_prep.values import parse_datetime
from interview_prep.vocabulary import CHOICES, choice_key, normalize_choice


def test_a_form_with_four_mistakes_hears_about_all_four() -> None:
    with pytest.raises(ip.ParameterError) as caught:
        build_document(
            "prep-sheet",
            {"field": "nursee", "stage": "collge", "minutes": "5", "when": "2026-03-14"},
        )
    problems = {p.parameter: p for p in caught.value.problems}
    assert set(problems) == {"field", "stage", "minutes", "when"}
    assert "Registered Nurse" in problems["field"].choices
    assert problems["stage"].choices == ("college",)
    assert "10 to 120" in problems["minutes"].message
    assert "no time of day" in problems["when"].message
    assert "2026-03-14T15:30" in (problems["when"].hint or "")


def test_an_ambiguous_job_offers_its_choices() -> None:
    with pytest.raises(ip.ParameterError) as caught:
        build_document("script", {"field": "engineer", "stage": "college"})
    [problem] = caught.value.problems
    assert problem.parameter == "field" and "civil-engineer" in problem.choices


@pytest.mark.parametrize("typed", ["High School", "high school", "HIGH-SCHOOL", "high_school"])
def test_choices_ignore_case_and_separators(typed: str) -> None:
    document = build_document("script", {"field": "nurse", "stage": typed, "mode": "Interview"})
    assert "Registered Nurse" in document.title
    assert ip.plan_interview("nurse", typed).stage == "high-school"


@given(st.sampled_from(sorted(CHOICES)), st.data())
@settings(max_examples=60, deadline=None)
def test_any_spelling_of_a_choice_finds_it(parameter: str, data: st.DataObject) -> None:
    choice = data.draw(st.sampled_from(CHOICES[parameter]))
    spaced = data.draw(st.sampled_from([" ", "_", "-", " - "])).join(choice.split("-"))
    typed = data.draw(st.sampled_from([spaced.upper(), spaced.title(), spaced]))
    assert normalize_choice(parameter, typed) == choice
    assert choice_key(typed) == choice_key(choice)


def test_letters_take_channels_and_paper_in_any_case() -> None:
    letter = build_letter("Thank You", {"channel": "Email", "from": "Alex", "to": "Dana"})
    assert letter.channel == "email" and letter.letter_kind == "thank-you"
    assert OutputRequest.from_strings({"paper": "A4", "format": "PDF"}).paper == "a4"


def test_every_document_kind_builds_from_strings() -> None:
    values = {
        "field": "electrician",
        "stage": "high-school",
        "contact": ["Ray Chen", "Sam Lee"],
        "request-date": "2026-03-02",
        "start": "2026-03-02",
        "when": "2026-03-14 09:00",
    }
    for kind in DOCUMENT_KINDS:
        document = build_document(kind, values)
        assert document.source.strip(), kind


def test_a_meeting_time_reaches_the_document() -> None:
    document = build_document(
        "prep-sheet", {"field": "nurse", "stage": "college", "when": "2026-03-14T15:30"}
    )
    assert "3:30" in document.source


def test_output_problems_come_with_the_documents() -> None:
    result = CliRunner().invoke(
        main, ["prep-sheet", "-f", "nurse", "-s", "nope", "--paper", "A3", "-m", "x"]
    )
    assert result.exit_code == 2
    assert "3 problems" in result.output
    for flag in ("--stage", "--paper", "--minutes"):
        assert flag in result.output


def test_library_errors_name_their_parameter_and_the_cli_adds_the_flag(tmp_path: Path) -> None:
    target = tmp_path / "sheet.md"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(ip.OutputError) as caught:
        ip.prep_sheet(ip.plan_interview("nurse", "college")).save(target)
    assert caught.value.parameter == "force" and "--force" not in str(caught.value)
    result = CliRunner().invoke(main, ["script", "-f", "nurse", "-s", "college", "-o", str(target)])
    assert result.exit_code == 2 and "(--force)" in result.output
    assert target.read_text(encoding="utf-8") == "mine"


def test_plans_lists_and_documents_print_a_summary() -> None:
    plan = ip.plan_interview("nurse", "college", 30)
    assert repr(plan).startswith("<Plan Registered Nurse (registered-nurse), college, 30 minutes")
    assert str(plan) == plan.to_markdown()
    found = ip.find_questions("nurse", "college", theme="advice")
    assert repr(found) == f"<QuestionList: {len(found)} items>"
    sheet = ip.prep_sheet(plan)
    assert repr(sheet).startswith("<Document prep-sheet 'Prep sheet: Registered Nurse': ")
    assert "source=" not in repr(sheet)


def test_a_date_alone_is_not_midnight() -> None:
    with pytest.raises(ip.InvalidValueError, match="no time of day"):
        parse_datetime("2026-03-14")
    assert parse_datetime("2026-03-14 15:30") == datetime(2026, 3, 14, 15, 30)


@pytest.mark.parametrize(
    ("count", "noun", "plural", "expected"),
    [(1, "row", None, "1 row"), (2, "row", None, "2 rows"), (0, "error", None, "0 errors"),
     (1, "person", "people", "1 person"), (1200, "person", "people", "1,200 people")],
)  # fmt: skip
def test_counts_agree_with_their_nouns(
    count: int, noun: str, plural: str | None, expected: str
) -> None:
    from interview_prep.values import counted

    assert counted(count, noun, plural) == expected


@pytest.mark.parametrize("typed", ["²", "x", "1.5"])
def test_a_number_that_is_not_one_is_a_message(typed: str) -> None:
    result = CliRunner().invoke(main, ["script", "-f", "nurse", "-s", "college", "-m", typed])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert "--minutes: minutes must be a whole number" in result.output
