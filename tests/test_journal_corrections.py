"""The journal can be corrected: people and meetings edited, merged, cancelled or removed,
logged steps undone; `due` forgets what was removed, and removing keeps a record."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

import interview_prep as ip
from interview_prep.cli import main
from interview_prep.journal.store import MIGRATIONS, SCHEMA_VERSION


class Cli:
    def __init__(self, journal: Path) -> None:
        self.journal = journal

    def __call__(self, *args: str, code: int = 0) -> str:
        result = CliRunner().invoke(main, [*args, "--journal", str(self.journal)])
        assert result.exit_code == code, result.output
        return result.output


@pytest.fixture
def run(tmp_path: Path) -> Cli:
    cli = Cli(tmp_path / "j.journal")
    cli("people", "add", "Sam Lee", "--title", "Charge nurse", "--org", "Mercy General")
    cli("people", "add", "Dana Ortiz", "--title", "Staff RN", "--referred-by", "Sam Lee")
    return cli


def test_people_edit_corrects_renames_and_blanks(run: Cli) -> None:
    run("people", "edit", "dana ortiz", "--title", "Charge nurse", "--email", "d@x.org")
    assert "updated Dana Ortíz" in run("people", "edit", "Dana Ortiz", "--name", "Dana Ortíz")
    run("people", "edit", "Dana Ortíz", "--email", "", "--referred-by", "")
    person = json.loads(run("people", "list", "--format", "json"))[0]
    assert (person["name"], person["title"], person["email"]) == (
        "Dana Ortíz",
        "Charge nurse",
        None,
    )
    assert person["referred_by"] is None
    assert "'Sam Lee' is already in the journal" in run(
        "people", "edit", "Dana Ortíz", "--name", "sam lee", code=2
    )
    assert "nothing to change" in run("people", "edit", "Sam Lee", code=2)


def test_an_unknown_name_close_to_a_stored_one_suggests_it_and_no_duplicate(run: Cli) -> None:
    for command in (("people", "show", "Dana Ortis"), ("log", "reply", "dana ortis")):
        out = run(*command, code=2)
        assert "did you mean 'Dana Ortiz'" in out
        assert "people add" not in out
    out = run("people", "show", "Dana", code=2)  # a first name alone
    assert "did you mean 'Dana Ortiz'" in out and "people add" not in out
    assert "add 'Priya Natarajan' to the journal first" in run(
        "people", "show", "Priya Natarajan", code=2
    )


def test_removing_a_person_hides_them_from_lists_and_due_but_keeps_the_record(
    run: Cli, tmp_path: Path
) -> None:
    run("log", "request", "Dana Ortiz", "--on", "2026-03-02")
    run("meetings", "add", "Dana Ortiz", "--when", "2026-03-16T15:30", "-s", "college")
    assert "Dana Ortiz" in run("due", "--on", "2026-03-16")
    assert "removed Dana Ortiz" in run("people", "remove", "Dana Ortiz")
    assert "Dana Ortiz" not in run("due", "--on", "2026-03-16")
    assert "Dana Ortiz" not in run("people", "list")
    assert "no meetings yet" in run("meetings", "list")
    out = run("people", "show", "Dana Ortiz", code=2)
    assert "Dana Ortiz was removed from the journal on" in out and "forget them" in out
    assert "was removed" in run("prep-sheet", "--meeting", "1", code=2)
    assert "was removed" in run("people", "add", "Dana Ortiz", code=2)
    record = json.loads(run("journal", "export"))
    dana = next(p for p in record["people"] if p["name"] == "Dana Ortiz")
    assert dana["removed_on"] is not None and len(record["meetings"]) == 1
    out = run("people", "remove", "Dana Ortiz", "--purge")
    assert out.startswith("forgot Dana Ortiz: 1 meeting, 1 logged step, 0 notes")
    assert "Dana Ortiz" not in run("journal", "export")


def test_merge_makes_two_entries_one(run: Cli) -> None:
    run("people", "add", "D. Ortiz", "--email", "dana@example.org", "--how-found", "staff page")
    run("people", "add", "Priya Natarajan", "--referred-by", "D. Ortiz")
    run("log", "request", "D. Ortiz", "--on", "2026-03-02")
    run("meetings", "add", "D. Ortiz", "--when", "2026-03-16T15:30", "-s", "college")
    out = run("people", "merge", "Dana Ortiz", "D. Ortiz")
    assert out.strip() == (
        "merged D. Ortiz into Dana Ortiz: moved 1 meeting, 1 logged step, 1 referral; "
        "took their email, how_found"
    )
    people = {p["name"]: p for p in json.loads(run("people", "list", "--format", "json"))}
    assert sorted(people) == ["Dana Ortiz", "Priya Natarajan", "Sam Lee"]
    assert people["Dana Ortiz"]["email"] == "dana@example.org"
    assert people["Dana Ortiz"]["referred_by"] == "Sam Lee"
    assert people["Priya Natarajan"]["referred_by"] == "Dana Ortiz"
    assert json.loads(run("meetings", "list", "--format", "json"))[0]["person"] == "Dana Ortiz"
    assert "Follow up with" not in run("due", "--on", "2026-03-20")


def test_meetings_edit_cancel_and_remove(run: Cli) -> None:
    run("meetings", "add", "Dana Ortiz", "--when", "2026-03-16T15:30")
    # a stored meeting without a stage says so, and how to store one
    out = run("prep-sheet", "--meeting", "1", code=2)
    assert "meeting 1 in the journal has no stage" in out and "Missing option" not in out
    run("meetings", "edit", "1", "--stage", "college", "--meeting-format", "video", "-m", "45")
    sheet = run("prep-sheet", "--meeting", "1")
    assert "Video · 45 minutes" in sheet and "Test the call" in sheet
    assert "unknown stage 'colege'" in run("meetings", "edit", "1", "--stage", "colege", code=2)
    run("meetings", "edit", "1", "--when", "2026-03-17T09:00")
    assert "Meet Dana Ortiz" in run("due", "--on", "2026-03-17")

    assert "cancelled meeting 1 with Dana Ortiz" in run("meetings", "cancel", "1")
    assert "Dana Ortiz" not in run("due", "--on", "2026-03-17")
    assert "cancelled 20" in run("meetings", "list")
    run("meetings", "add", "Sam Lee", "--when", "2026-03-18T10:00", "-s", "college")
    assert "(kept in `journal export`)" in run("meetings", "remove", "2")
    assert "Sam Lee" not in run("meetings", "list")
    assert "Sam Lee" not in run("due", "--on", "2026-03-18")
    assert "meeting 2 was removed" in run("notes", "2", code=2)
    assert len(json.loads(run("journal", "export"))["meetings"]) == 2
    assert "deleted with its notes" in run("meetings", "remove", "1", "--purge")
    assert [m["id"] for m in json.loads(run("journal", "export"))["meetings"]] == [2]


def test_log_undo_takes_back_the_latest_or_a_numbered_step(run: Cli) -> None:
    assert "nothing to undo" in run("log", "undo", code=2)
    assert "(step 1)" in run("log", "request", "Dana Ortiz", "--on", "2026-03-02")
    run("log", "reply", "Dana Ortiz", "--on", "2026-03-04")
    assert "Follow up" not in run("due", "--on", "2026-03-09")
    assert "undid step 2: reply with Dana Ortiz on March 4, 2026" in run("log", "undo")
    assert "Follow up with Dana Ortiz" in run("due", "--on", "2026-03-09")
    assert "Step 1: March 2, 2026 request" in run("people", "show", "Dana Ortiz")
    assert "undid step 1" in run("log", "undo", "1")
    assert "there is no logged step 1" in run("log", "undo", "1", code=2)
    assert "not a step number" in run("log", "undo", "Dana", code=2)


def test_the_meeting_format_is_stored_and_used(run: Cli) -> None:
    run("meetings", "add", "Dana Ortiz", "--when", "2026-03-16T15:30", "-s", "college",
        "--meeting-format", "phone")  # fmt: skip
    assert json.loads(run("meetings", "list", "--format", "json"))[0]["format"] == "phone"
    letter = run("letter", "confirm", "--meeting", "1", "--from", "Alex Kim")
    assert "by phone" in letter
    with ip.Journal(run.journal) as journal:
        assert journal.meeting(1).meeting.format == "phone"


def test_a_first_version_journal_is_migrated_and_the_step_recorded(tmp_path: Path) -> None:
    path = tmp_path / "old.journal"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA application_id = 1229998641")
        connection.execute(
            "CREATE TABLE schema_versions (version INTEGER PRIMARY KEY,"
            " description TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        connection.executescript(MIGRATIONS[0][1])
        connection.execute("INSERT INTO schema_versions VALUES (1, 'first', '2026-01-01')")
        connection.execute(
            "INSERT INTO people (name, name_key, added_on) VALUES ('Dana', 'dana', '2026-01-02')"
        )
        connection.execute("PRAGMA user_version = 1")
    connection.close()
    path.chmod(0o600)
    with ip.Journal(path) as journal:
        journal.add_meeting("Dana", datetime(2026, 3, 16, 15, 30), format="video")
        assert journal.meetings()[0].format == "video"
    with sqlite3.connect(path) as connection:
        versions = connection.execute("SELECT version, description FROM schema_versions").fetchall()
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    connection.close()
    assert versions[1] == (2, MIGRATIONS[1][0])
    assert versions[2] == (3, MIGRATIONS[2][0])  # given and family names
