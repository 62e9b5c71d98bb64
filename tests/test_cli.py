"""The command line, through click's runner and through a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from interview_prep.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_prep_sheet_markdown_goes_to_stdout(runner: CliRunner) -> None:
    code, out, _ = run(runner, "prep-sheet", "--field", "nurse", "--stage", "college")
    assert code == 0
    assert out.startswith("# Prep sheet: Registered Nurse")


def test_prep_sheet_pdf_by_suffix(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "prep.pdf"
    code, _, err = run(
        runner,
        "prep-sheet",
        "-f",
        "RN",
        "-s",
        "college",
        "--contact",
        "Dana Ortiz",
        "--when",
        "2026-03-14T15:30",
        "--paper",
        "a4",
        "-o",
        str(target),
    )
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF-")
    assert f"wrote {target}" in err


def test_existing_output_is_kept_without_force(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "script.md"
    target.write_text("my own notes", encoding="utf-8")
    code, _, err = run(runner, "script", "-f", "chef", "-s", "college", "-o", str(target))
    assert code == 2 and "already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "my own notes"
    code, _, _ = run(runner, "script", "-f", "chef", "-s", "college", "-o", str(target), "--force")
    assert code == 0 and target.read_text(encoding="utf-8").startswith("# Interview script")


def test_plan_json(runner: CliRunner) -> None:
    code, out, _ = run(runner, "plan", "-f", "nurse", "-s", "college", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["minutes"] == 30 and data["total_minutes"] <= 30
    assert data["field"]["id"] == "registered-nurse"
    assert {"id", "theme", "minutes", "priority", "field"} <= set(data["questions"][0])
    assert data["uncovered_core_themes"] == []
    assert all(x["reason"] for x in data["left_out"])


def test_plan_markdown_summary(runner: CliRunner) -> None:
    code, out, _ = run(runner, "plan", "-f", "nurse", "-s", "college", "--format", "md")
    assert code == 0 and "minutes planned" in out


def test_misspelt_names_exit_2_with_suggestions(runner: CliRunner) -> None:
    code, out, err = run(runner, "prep-sheet", "-f", "nurce", "-s", "college")
    assert code == 2 and "Registered Nurse" in err and "Traceback" not in err + out
    code, _, err = run(runner, "script", "-f", "nurse", "-s", "colege")
    assert code == 2 and "did you mean 'college'?" in err
    code, _, err = run(runner, "questions", "--theme", "advise")
    assert code == 2 and "did you mean 'advice'?" in err
    code, _, err = run(runner, "script", "-f", "nurse", "-s", "college", "--when", "tuesday")
    assert code == 2 and "2026-03-14T15:30" in err


def test_bad_bank_exits_2_with_every_problem(runner: CliRunner) -> None:
    code, out, err = run(runner, "banks", "validate", str(FIXTURES / "broken-bank.yaml"))
    assert code == 2
    assert err.count("line ") >= 5 and "Traceback" not in err + out


def test_extra_bank_adds_questions(runner: CliRunner) -> None:
    bank = str(FIXTURES / "teacher-bank.yaml")
    code, out, _ = run(runner, "banks", "validate", bank)
    assert code == 0 and "2 items" in out
    code, out, _ = run(runner, "banks", "list", "--bank", bank)
    assert code == 0 and "mercy-health-class" in out and "general" in out
    code, out, _ = run(
        runner,
        "questions",
        "-f",
        "nurse",
        "-s",
        "high-school",
        "--theme",
        "path",
        "--bank",
        bank,
        "--format",
        "json",
    )
    assert "mercy-path-hospital-volunteer" in {q["id"] for q in json.loads(out)}


def test_fields_search(runner: CliRunner) -> None:
    code, out, _ = run(runner, "fields", "nurs")
    assert code == 0 and out.splitlines()[0].startswith("registered-nurse")
    code, out, _ = run(runner, "fields", "health science", "--format", "json")
    assert json.loads(out)[0]["id"] == "healthcare-human-services"
    code, out, _ = run(runner, "fields")
    assert code == 0 and len(out.splitlines()) == 14
    code, _, err = run(runner, "fields", "zzzzqqq")
    assert code == 2 and "no field matches" in err


def test_pdf_to_a_terminal_is_refused_but_a_pipe_works() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "interview_prep",
            "prep-sheet",
            "-f",
            "nurse",
            "-s",
            "college",
            "--format",
            "pdf",
        ],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0 and result.stdout.startswith(b"%PDF-")


def test_real_process_exit_status_and_no_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "interview_prep", "plan", "-f", "STEM", "-s", "college"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "matches several clusters" in result.stderr and "Traceback" not in result.stderr


def test_letter_prints_text_and_counts(runner: CliRunner) -> None:
    code, out, err = run(
        runner,
        "letter",
        "request",
        "--channel",
        "linkedin",
        "--from",
        "Alex Kim",
        "--to",
        "Dana Ortiz",
        "-f",
        "nurse",
        "-s",
        "college",
        "--referral",
        "Sam Lee",
    )
    assert code == 0 and out.startswith("Hi Dana, Sam Lee suggested I write.")
    assert "characters (limit 200)" in err


def test_letter_errors_exit_2(runner: CliRunner) -> None:
    code, _, err = run(runner, "letter", "requets")
    assert code == 2 and "did you mean 'request'?" in err
    code, _, err = run(runner, "letter", "request", "--channel", "fax")
    assert code == 2 and "unknown channel 'fax'" in err
    code, _, err = run(runner, "letter", "follow-up", "--request-date", "March 2")
    assert code == 2 and "2026-03-14" in err
    code, _, err = run(
        runner, "letter", "request", "-c", "linkedin", "--from", "X" * 150, "--to", "Y" * 150
    )
    assert code == 2 and "nothing was cut" in err


def test_letter_as_pdf_and_markdown(runner: CliRunner, tmp_path: Path) -> None:
    pdf = tmp_path / "request.pdf"
    code, _, _ = run(
        runner,
        "letter",
        "request",
        "-c",
        "letter",
        "--from",
        "Alex",
        "--to",
        "Dana",
        "-o",
        str(pdf),
    )
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF-")
    code, out, _ = run(runner, "letter", "confirm", "--format", "md", "--when", "2026-03-14T15:30")
    assert code == 0 and out.startswith("# Email: confirm")


def test_timeline_writes_ics(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    code, _, _ = run(
        runner,
        "timeline",
        "--request-date",
        "2026-03-02",
        "--meeting",
        "2026-03-14T15:30",
        "-o",
        str(target),
    )
    assert code == 0 and target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    code, out, _ = run(runner, "timeline", "--meeting", "2026-03-14T15:30")
    assert code == 0 and "Saturday, March 14, 2026, at 3:30 PM" in out
    code, _, err = run(runner, "timeline")
    assert code == 2 and "needs the request date" in err


def test_shadow_plan_reflection_and_compare(runner: CliRunner, tmp_path: Path) -> None:
    code, out, _ = run(runner, "shadow-plan", "-f", "chef", "-s", "high-school", "--hours", "8")
    assert code == 0 and "# Job shadow plan: Chef" in out and "parent or guardian" in out
    code, _, err = run(runner, "shadow-plan", "-f", "chef", "-s", "college", "--hours", "90")
    assert code == 2 and "from 1 to 40" in err
    code, out, _ = run(runner, "reflection", "-f", "nurse", "--contact", "Dana Ortiz")
    assert code == 0 and "# Reflection: Registered Nurse" in out
    code, out, _ = run(
        runner,
        "compare",
        "-f",
        "nurse",
        "-s",
        "college",
        "--contact",
        "A",
        "--contact",
        "B",
        "--contact",
        "C",
    )
    assert code == 0 and "| Question | A | B | C |" in out
    code, _, err = run(runner, "compare", "-f", "nurse", "-s", "college", "--contact", "A")
    assert code == 2 and "compare 2 to 5" in err


def test_branding_and_templates_from_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "script.md.j2").write_text("# Ours: {{ field.title }}\n", encoding="utf-8")
    code, out, _ = run(
        runner, "script", "-f", "nurse", "-s", "college", "--templates", str(tmp_path)
    )
    assert code == 0 and out == "# Ours: Registered Nurse\n"
    code, out, _ = run(
        runner,
        "script",
        "-f",
        "nurse",
        "-s",
        "college",
        "--school",
        "Lakeside High",
        "--format",
        "html",
    )
    assert code == 0 and "Lakeside High" in out
    code, _, err = run(
        runner, "script", "-f", "nurse", "-s", "college", "--templates", str(tmp_path / "nope")
    )
    assert code == 2 and "does not exist" in err
