"""The whole journey on a temporary journal, through the command line and in Python."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import icalendar
import pytest
import vobject
from click.testing import CliRunner

import interview_prep as ip
from interview_prep.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
CONNECTIONS = FIXTURES / "linkedin" / "Connections.csv"

Run = Callable[..., str]


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    return tmp_path / "class.journal"


@pytest.fixture
def run(journal_file: Path) -> Run:
    """Run a command on the temporary journal; fails the test unless it exits as expected."""
    runner = CliRunner()

    def invoke(*args: str, code: int = 0) -> str:
        result = runner.invoke(main, list(args), env={"INTERVIEW_PREP_JOURNAL": str(journal_file)})
        assert result.exit_code == code, result.output + result.stderr
        return result.output if code == 0 else result.stderr

    return invoke


def fill_template(template: str, answers: dict[int, str], learned: str, names: list[str]) -> str:
    """Write answers under numbered headings, the way a learner fills the template in."""
    lines = []
    for line in template.splitlines():
        lines.append(line)
        number = line[3:].split(".", 1)[0] if line.startswith("## ") else ""
        if number.isdigit() and int(number) in answers:
            lines.append(answers[int(number)])
        if line == "## One thing I learned":
            lines.append(learned)
        if line == "## People I was referred to":
            lines += [f"- {name}" for name in names]
    return "\n".join(lines) + "\n"


def test_the_whole_journey(run: Run, tmp_path: Path) -> None:
    # people, starting with those you know, and a referral
    run("people", "add", "Sam Lee", "--title", "Charge nurse", "--org", "Mercy General")
    out = run(
        "people", "add", "Dana Ortiz", "--title", "Staff RN", "--org", "Lakeside Clinic",
        "--referred-by", "sam lee", "--email", "dana@example.org",
    )  # fmt: skip
    assert "referred by Sam Lee" in out
    assert "did you mean 'Dana Ortiz'" in run("people", "show", "Dana Ortis", code=2)

    # LinkedIn's own export, twice: nobody is added twice; who was there gets their profile
    run("people", "add", "maya chen", "--org", "Mercy")
    assert "added 2 people; already in the journal: 1" in run(
        "people", "import", "linkedin", str(CONNECTIONS)
    )
    assert "added 0 people; already in the journal: 3" in run(
        "people", "import", "linkedin", str(CONNECTIONS)
    )
    listed = json.loads(run("people", "list", "--format", "json"))
    assert [p["name"] for p in listed] == [
        "Dana Ortiz", "Luis O'Brien", "maya chen", "Sam Lee", "Zoë Ångström",
    ]  # fmt: skip
    maya = next(p for p in listed if p["name"] == "maya chen")
    assert (maya["title"], maya["org"]) == ("Staff RN, Cardiac ICU", "Mercy")
    assert maya["linkedin"] == "https://www.linkedin.com/in/maya-chen-rn"
    luis = next(p for p in listed if p["name"] == "Luis O'Brien")
    assert luis["how_found"] == "LinkedIn connection since 2024-02-03"
    assert luis["email"] == "luis@example.org"
    # "Staff RN" at a clinic counts as a nurse; the cluster takes in the charge nurse too
    nurses = json.loads(run("people", "list", "--field", "nurse", "--format", "json"))
    assert [p["name"] for p in nurses] == ["Dana Ortiz", "maya chen", "Sam Lee"]
    assert "Luis O'Brien" not in run("people", "list", "--field", "Health Science")

    # a request with no reply shows as a follow-up a week later, not before
    run("log", "request", "Dana Ortiz", "--on", "2026-03-02", "--channel", "email")
    assert "Nothing due" in run("due", "--on", "2026-03-06")
    assert "Follow up with Dana Ortiz" in run("due", "--on", "2026-03-09")
    run("log", "reply", "Dana Ortiz", "--on", "2026-03-09")
    assert "Follow up" not in run("due", "--on", "2026-03-10")

    # two meetings; confirm is due the business day before
    assert "meeting 1" in run(
        "meetings", "add", "Dana Ortiz", "--when", "2026-03-16T15:30", "--stage", "college",
        "--where", "Lakeside Clinic",
    )  # fmt: skip
    run("meetings", "add", "Sam Lee", "--when", "2026-03-20T10:00", "--stage", "college")
    meetings = json.loads(run("meetings", "list", "--format", "json"))
    assert [(m["id"], m["person"], m["field"]) for m in meetings] == [
        (1, "Dana Ortiz", "registered-nurse"),
        (2, "Sam Lee", "registered-nurse"),
    ]
    assert "Confirm the meeting with Dana Ortiz" in run("due", "--on", "2026-03-13")
    assert "Confirm" not in run("due", "--on", "2026-03-12")
    run("log", "confirm", "--meeting", "1", "--on", "2026-03-13")
    assert "Confirm" not in run("due", "--on", "2026-03-13")

    # a prep sheet from the stored meeting: person, field, stage, minutes and time
    sheet = run("prep-sheet", "--meeting", "1")
    assert "# Prep sheet: Registered Nurse" in sheet
    assert "Dana Ortiz · Staff RN, Lakeside Clinic" in sheet
    assert "Monday, March 16, 2026, 3:30 PM" in sheet
    assert sheet == run("prep-sheet", "--meeting", "1")

    # on the day: the meeting, notes to write, thanks to send
    due = run("due", "--on", "2026-03-16")
    assert "Meet Dana Ortiz" in due and "Write down what Dana Ortiz said" in due
    assert "Thank Dana Ortiz" in due

    # notes from the template, stored twice: replaced, never duplicated
    template_path = tmp_path / "notes-1.md"
    run("notes", "1", "--template", "-o", str(template_path))
    template = template_path.read_text(encoding="utf-8")
    assert template.count("\n## ") == len(ip.Journal(run_path(run)).meeting(1).plan().questions) + 2
    filled = fill_template(
        template,
        {1: "She tried two units | then found the ICU.", 2: "Report at *7 AM*, then rounds."},
        "how a charge nurse balances the assignments",
        ["Priya Natarajan, priya@example.org, (555) 010-0199, runs the night shift"],
    )
    template_path.write_text(filled, encoding="utf-8")
    run("notes", "1", "--from", str(template_path))
    assert "already has notes (2 answers); nothing was changed" in run(
        "notes", "1", "--from", str(template_path), code=2
    )
    out = run("notes", "1", "--from", str(template_path), "--replace")
    assert "stored 2 answers" in out and "Priya Natarajan" in out
    with ip.Journal(run_path(run)) as journal:
        assert len(journal.notes(1).answers) == 2
    assert "Write down what Dana" not in run("due", "--on", "2026-03-16")

    # the reflection's referral became a person, referred by Dana
    shown = run("people", "show", "Dana Ortiz")
    assert "Referred by: Sam Lee" in shown and "Referred you to: Priya Natarajan" in shown
    priya = run("people", "show", "Priya Natarajan")
    assert "Email: priya@example.org" in priya and "Phone: (555) 010-0199" in priya
    assert "How found: named by Dana Ortiz on 2026-03-16: runs the night shift" in priya
    assert "Referred you to: Dana Ortiz" in run("people", "show", "Sam Lee")

    # the thank-you names what was learned; it stays due until logged
    thanks = run("letter", "thank-you", "--meeting", "1", "--from", "Alex Kim")
    assert "Dear Dana Ortiz" in thanks
    assert "What stayed with me most was how a charge nurse balances the assignments" in thanks
    assert "I will get in touch with Priya Natarajan" in thanks
    assert "Thank Dana Ortiz" in run("due", "--on", "2026-03-17")
    run("log", "thank-you", "Dana Ortiz", "--on", "2026-03-16")
    assert "Thank Dana" not in run("due", "--on", "2026-03-17")

    # the second meeting's notes, then both side by side
    second = tmp_path / "notes-2.md"
    run("notes", "2", "--template", "-o", str(second))
    second.write_text(
        fill_template(second.read_text(encoding="utf-8"), {1: "Through a residency."},
                      "residencies matter", []),
        encoding="utf-8",
    )  # fmt: skip
    run("notes", "2", "--from", str(second))
    compared = run("compare", "--meetings", "1", "2")
    assert "| Question | Dana Ortiz | Sam Lee |" in compared
    first_row = next(line for line in compared.splitlines() if "Path into the work" in line)
    assert first_row.endswith(
        "| She tried two units \\| then found the ICU. | Through a residency. |"
    )
    assert (
        "| **One thing I learned** | how a charge nurse balances the assignments |"
        " residencies matter |" in compared
    )
    reflection = run("reflection", "--meeting", "1")
    assert "Report at \\*7 AM\\*, then rounds." in reflection
    assert "| Priya Natarajan | | yes / no | |" in reflection

    # keep in touch a few months on; the calendar file, read by icalendar, has alarms
    assert "Keep in touch with Dana Ortiz" in run("due", "--on", "2026-06-15")
    ics_path = tmp_path / "due.ics"
    run("due", "--on", "2026-06-20", "-o", str(ics_path))
    calendar = icalendar.Calendar.from_ical(ics_path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert sorted(str(e["SUMMARY"]) for e in events) == [
        "Keep in touch with Dana Ortiz",
        "Keep in touch with Sam Lee",
        "Thank Sam Lee",
    ]
    assert all(e.walk("VALARM") for e in events)
    assert {e.decoded("DTSTART") for e in events} == {date(2026, 6, 20)}

    # people as vCards, read back by vobject
    vcf = tmp_path / "people.vcf"
    run("people", "export", "-o", str(vcf))
    cards = list(vobject.readComponents(vcf.read_text(encoding="utf-8")))
    by_name = {card.fn.value: card for card in cards}
    assert set(by_name) >= {"Dana Ortiz", "Zoë Ångström", "Luis O'Brien", "Priya Natarajan"}
    assert by_name["maya chen"].title.value == "Staff RN, Cardiac ICU"
    assert by_name["Luis O'Brien"].org.value == ["Bright & Sons Electric"]
    assert by_name["Dana Ortiz"].email.value == "dana@example.org"
    assert "Referred by Sam Lee" in by_name["Dana Ortiz"].note.value


def run_path(run: Run) -> str:
    return run("journal", "where").strip()


def test_timeline_and_shadow_plan_take_a_stored_meeting(run: Run) -> None:
    run("people", "add", "Ray Chen", "--field", "electrician")
    run("log", "request", "Ray Chen", "--on", "2026-04-01")
    run("meetings", "add", "Ray Chen", "--when", "2026-04-10T09:00", "--stage", "high-school",
        "--mode", "shadow", "-m", "45")  # fmt: skip
    timeline = run("timeline", "--meeting", "1")
    assert "# Timeline: Ray Chen" in timeline
    assert "| Wed, Apr 1 | **Send your request.**" in timeline
    assert "| Fri, Apr 10, 9:00 AM | **Informational interview with Ray Chen.** Bring" in (timeline)
    assert "keep to 45 minutes" in timeline
    assert "Follow up" not in timeline  # a meeting was agreed: there was a reply
    plan = run("shadow-plan", "--meeting", "1")
    assert plan.startswith("# Job shadow plan: Electrician")
    script = run("script", "--meeting", "1")
    assert "45-minute" in script and "Ray Chen" in script
    assert "--field: which field?" in run("script", code=2)
    planned = json.loads(run("plan", "--meeting", "1", "--format", "json"))
    assert (planned["field"]["id"], planned["minutes"], planned["mode"]) == (
        "electrician",
        45,
        "shadow",
    )
    assert "no meeting 7" in run("script", "--meeting", "7", code=2)


def test_python_api(tmp_path: Path) -> None:
    with ip.Journal(tmp_path / "j.sqlite") as journal:
        journal.add_person("Dana Ortiz", field="nurse", org="Mercy General")
        stored = journal.add_meeting("dana ortiz", datetime(2026, 3, 14, 15, 30), stage="college")
        assert stored.contact == ip.Contact("Dana Ortiz", None, "Mercy General")
        assert stored.meeting.when == datetime(2026, 3, 14, 15, 30)
        sheet = ip.prep_sheet(stored.plan(), stored.contact, stored.meeting)
        assert "Saturday, March 14, 2026, 3:30 PM" in sheet.markdown
        assert [s.kind for s in journal.due(date(2026, 3, 14))] == [
            "meeting",
            "notes",
            "thank-you",
        ]
        with pytest.raises(ip.UnknownNameError, match="did you mean 'Dana Ortiz'"):
            journal.log("request", "Dana Ortis")
        with pytest.raises(ip.InterviewPrepError, match="already in the journal"):
            journal.add_person(" dana  ORTIZ ")


def test_notes_with_a_heading_that_is_no_question_are_refused(run: Run, tmp_path: Path) -> None:
    run("people", "add", "Dana Ortiz", "--field", "nurse")
    run("meetings", "add", "Dana Ortiz", "--when", "2026-03-14T15:30", "--stage", "college")
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\n## What is your favorite color?\nBlue\n", encoding="utf-8")
    message = run("notes", "1", "--from", str(notes), code=2)
    assert "line 3" in message and "is not one of this meeting's questions" in message
    with ip.Journal(run_path(run)) as journal:
        assert not journal.notes(1)


def test_notes_from_a_filled_in_pdf_form(tmp_path: Path) -> None:
    from weasyprint import HTML

    form = (
        '<form><textarea name="q1">She sorts patients by acuity.</textarea>'
        '<textarea name="q3">Charting &amp; handoffs</textarea>'
        '<input type="text" name="learned" value="how shift report works">'
        '<textarea name="referrals">Priya Natarajan, priya@example.org\nJosé Álvarez</textarea>'
        "</form>"
    )
    pdf = tmp_path / "prep-filled.pdf"
    HTML(string=form).write_pdf(pdf, pdf_forms=True)
    with ip.Journal(tmp_path / "j.journal") as journal:
        journal.add_person("Dana Ortiz", field="nurse")
        stored = journal.add_meeting("Dana Ortiz", datetime(2026, 3, 14, 15, 30), stage="college")
        notes = journal.store_notes(stored.id, pdf)
        questions = stored.plan().questions
        assert notes.by_item() == {
            questions[0].item.id: "She sorts patients by acuity.",
            questions[2].item.id: "Charting & handoffs",
        }
        assert notes.learned == "how shift report works"
        assert notes.referrals == ("José Álvarez", "Priya Natarajan")
        priya = journal.person("Priya Natarajan")
        assert (priya.email, priya.referred_by) == ("priya@example.org", "Dana Ortiz")
        assert priya.how_found == "named by Dana Ortiz on 2026-03-14"


def test_the_default_journal_is_in_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTERVIEW_PREP_JOURNAL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    runner = CliRunner()
    where = runner.invoke(main, ["journal", "where"]).output.strip()
    assert where == str(tmp_path / "data" / "interview-prep" / "journal.sqlite")
    assert runner.invoke(main, ["people", "add", "Dana Ortiz"]).exit_code == 0
    assert Path(where).is_file()
    named = tmp_path / "class.journal"
    assert runner.invoke(main, ["people", "list", "--journal", str(named)]).exit_code == 0
    assert "nobody yet" in runner.invoke(main, ["people", "list", "--journal", str(named)]).stderr


def test_mistakes_in_journal_commands_are_messages(run: Run, tmp_path: Path) -> None:
    run("people", "add", "Dana Ortiz", "--field", "nurse")
    assert "unknown field 'nursse'" in run("people", "add", "Sam Lee", "-f", "nursse", code=2)
    assert "did you mean 'Dana Ortiz'" in run(
        "people", "add", "Sam Lee", "--referred-by", "Dana Ortis", code=2
    )
    assert "unknown channel 'fax'" in run(
        "log", "request", "Dana Ortiz", "--channel", "fax", code=2
    )
    assert "unknown stage 'colege', did you mean 'college'" in run(
        "meetings", "add", "Dana Ortiz", "--when", "2026-03-14T15:30", "--stage", "colege", code=2
    )
    assert "there is no meeting 4" in run("notes", "4", "--template", code=2)
    assert "'Dana Ortiz' is already in the journal" in run("people", "add", "dana ortiz", code=2)
    assert "nobody yet in electrician" in run("people", "list", "--field", "electrician")
    not_linkedin = tmp_path / "contacts.csv"
    not_linkedin.write_text("name,phone\nDana,555\n", encoding="utf-8")
    assert "has no 'First Name,Last Name,...' header row" in run(
        "people", "import", "linkedin", str(not_linkedin), code=2
    )
    with_bom = tmp_path / "Connections.csv"
    with_bom.write_bytes(b"\xef\xbb\xbf" + CONNECTIONS.read_bytes().split(b"\r\n\r\n", 1)[1])
    assert "added 3 people" in run("people", "import", "linkedin", str(with_bom))


def test_notes_from_the_real_fillable_prep_sheet(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    with ip.Journal(tmp_path / "j.journal") as journal:
        journal.add_person("Dana Ortiz", field="nurse")
        stored = journal.add_meeting("Dana Ortiz", datetime(2026, 3, 14, 15, 30), stage="college")
        plan = stored.plan()
        blank = tmp_path / "prep.pdf"
        blank.write_bytes(ip.prep_sheet(plan, ip.Contact("Dana Ortiz")).to_pdf())
        # what a student does on a video call: type into the sheet's first two writing spaces
        writer = PdfWriter(clone_from=PdfReader(blank))
        for page in writer.pages:
            writer.update_page_form_field_values(
                page,
                {"notes-1": "Three units before the ICU.", "notes-2": "Her brain sheet."},
                auto_regenerate=False,
            )
        filled = tmp_path / "prep-filled.pdf"
        with filled.open("wb") as stream:
            writer.write(stream)
        notes = journal.store_notes(stored.id, filled)
        assert notes.by_item() == {
            plan.questions[0].item.id: "Three units before the ICU.",
            plan.questions[1].item.id: "Her brain sheet.",
        }
