"""The journal is private: owner-only files and folder whatever the umask, a warning for a
shared journal, personal exports owner-only, and `forget` / `delete` that leave nothing."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

import interview_prep as ip
from interview_prep.cli import main
from interview_prep.files import write

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o002], ids=["umask022", "umask002"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def cli(*args: str, journal: Path, code: int = 0, input: str | None = None) -> str:
    result = CliRunner().invoke(
        main, [*args, "--journal", str(journal)], input=input, catch_exceptions=False
    )
    assert result.exit_code == code, result.output
    return result.output  # standard output and error, as a terminal shows them


def test_a_new_journal_and_its_side_files_are_owner_only(tmp_path: Path, umask: int) -> None:
    path = tmp_path / "class.journal"
    with ip.Journal(path) as journal:
        journal.add_person("Dana Ortiz", field="nurse")
        journal.add_meeting("Dana Ortiz", datetime(2026, 3, 16, 15, 30), stage="college")
        sides = [p for p in tmp_path.iterdir() if p.name != path.name]
        assert {p.name for p in sides} >= {"class.journal-wal", "class.journal-shm"}
        assert {p.name: mode(p) for p in [path, *sides]} == {p.name: 0o600 for p in [path, *sides]}
    cli("log", "request", "Dana Ortiz", journal=path)
    assert mode(path) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["class.journal"]


def test_the_default_journal_folder_is_owner_only(
    tmp_path: Path, umask: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTERVIEW_PREP_JOURNAL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with ip.Journal() as journal:
        journal.add_person("Dana Ortiz")
        path = journal.path
    assert path == tmp_path / "data" / "interview-prep" / "journal.sqlite"
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600


def test_personal_exports_are_owner_only(tmp_path: Path, umask: int) -> None:
    path = tmp_path / "j.journal"
    cli("people", "add", "Dana Ortiz", "--field", "nurse", "--email", "d@x.org", journal=path)
    cli(
        "meetings", "add", "Dana Ortiz", "--when", "2026-03-16T15:30", "-s", "college", journal=path
    )
    outputs = [
        ("people", "export", "-o", "people.vcf"),
        ("people", "export", "-o", "people.csv"),
        ("people", "export", "-o", "people.json"),
        ("journal", "export", "-o", "journal.json"),
        ("notes", "1", "--template", "-o", "notes.md"),
        ("notes", "1", "-o", "stored-notes.md"),
        ("due", "--on", "2026-03-16", "-o", "due.ics"),
    ]
    for args in outputs:
        cli(*args[:-1], str(tmp_path / args[-1]), journal=path)
        assert mode(tmp_path / args[-1]) == 0o600, args
    # a document made only from what was typed keeps the usual rights
    write.atomic_write(tmp_path / "plain.md", "x")
    assert mode(tmp_path / "plain.md") == 0o666 & ~write._UMASK


def test_a_journal_others_can_read_gets_a_warning_and_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "shared.journal"
    cli("people", "add", "Dana Ortiz", journal=path)
    assert "warning" not in cli("people", "list", journal=path)
    path.chmod(0o644)
    out = cli("people", "list", journal=path)
    warnings = [line for line in out.splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: the journal {path} can be read by other accounts on this computer; "
        f"make it private with: chmod 600 {path}"
    ]
    assert mode(path) == 0o644


def _names(path: Path, name: str) -> list[tuple[str, str, object]]:
    """Every value in every table that holds ``name``, in any case."""
    found = []
    with sqlite3.connect(path) as connection:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        for table in tables:
            cursor = connection.execute(f"SELECT * FROM {table}")
            columns = [d[0] for d in cursor.description]
            for row in cursor:
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, str) and name.lower() in value.lower():
                        found.append((table, column, value))
    connection.close()
    return found


def test_forget_leaves_no_row_that_names_the_person(tmp_path: Path) -> None:
    path = tmp_path / "j.journal"
    with ip.Journal(path) as journal:
        journal.add_person("Sam Lee", title="Charge nurse", how_found="met Dana Ortiz's team")
        journal.add_person(
            "Dana Ortiz", field="nurse", email="dana@example.org", referred_by="Sam Lee"
        )
        journal.add_person("Priya Natarajan", referred_by="Dana Ortiz")
        dana = journal.add_meeting("Dana Ortiz", datetime(2026, 3, 16, 15, 30), stage="college")
        sam = journal.add_meeting("Sam Lee", datetime(2026, 3, 20, 10, 0), stage="college")
        journal.log("request", "Dana Ortiz")
        journal.log("confirm", dana.id)
        journal.log("thank-you", sam.id)
        for meeting in (dana, sam):
            plan = meeting.plan()
            notes = tmp_path / f"notes-{meeting.id}.md"
            notes.write_text(
                f"## 1. {plan.questions[0].item.text}\n\nDANA  ORTIZ said to ask about nights.\n\n"
                "## One thing I learned\n\nDana Ortiz works nights.\n\n"
                "## People I was referred to\n\n"
                + ("- Marco Diaz, marco@example.org\n" if meeting is dana else ""),
                encoding="utf-8",
            )
            journal.store_notes(meeting.id, notes)
    assert _names(path, "Dana Ortiz")  # named in notes, how found, referrals...
    out = cli("journal", "forget", "dana ortiz", "--yes", journal=path)
    assert out.splitlines()[0] == (
        "forgot Dana Ortiz: 1 meeting, 2 logged steps, 1 note; "
        "their name was taken out of 4 other entries"
    )
    assert _names(path, "Dana Ortiz") == [] and _names(path, "dana@example.org") == []
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("j.journal"))
    assert b"Dana Ortiz" not in raw and b"dana@example.org" not in raw
    with ip.Journal(path) as journal:
        assert [p.name for p in journal.people()] == ["Marco Diaz", "Priya Natarajan", "Sam Lee"]
        assert journal.person("Priya Natarajan").referred_by is None
        assert [m.person.name for m in journal.meetings()] == ["Sam Lee"]
        assert journal.notes(sam.id).learned == "[removed] works nights."
        assert journal.person("Sam Lee").how_found == "met [removed]'s team"
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_forget_asks_first_and_an_unknown_name_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "j.journal"
    cli("people", "add", "Dana Ortiz", journal=path)
    assert "Aborted" in cli("journal", "forget", "Dana Ortiz", journal=path, input="n\n", code=1)
    assert "did you mean 'Dana Ortiz'" in cli(
        "journal", "forget", "Dana Ortis", "-y", journal=path, code=2
    )
    assert "Dana Ortiz" in cli("people", "list", journal=path)


def test_delete_removes_the_journal_and_its_side_files(tmp_path: Path) -> None:
    path = tmp_path / "j.journal"
    cli("people", "add", "Dana Ortiz", journal=path)
    with ip.Journal(path) as journal:  # open elsewhere: its side files are there
        journal.add_person("Sam Lee")
        assert Path(f"{path}-wal").exists()
        assert "Aborted" in cli("journal", "delete", journal=path, input="n\n", code=1)
        assert path.exists()
        out = cli("journal", "delete", journal=path, input="y\n")
    assert f"deleted {path}, {path}-wal, {path}-shm" in out
    assert list(tmp_path.iterdir()) == []
    assert "no journal" in cli("journal", "delete", "--yes", journal=path, code=2)


def test_delete_refuses_a_file_that_is_no_journal(tmp_path: Path) -> None:
    path = tmp_path / "thesis.docx"
    path.write_bytes(b"PK\x03\x04 not a journal")
    assert "not a journal of interview-prep" in cli(
        "journal", "delete", "--yes", journal=path, code=2
    )
    assert path.read_bytes() == b"PK\x03\x04 not a journal"


def test_documents_filled_from_the_journal_are_owner_only(tmp_path: Path, umask: int) -> None:
    journal = tmp_path / "journal.sqlite"
    cli("people", "add", "Dana Ortiz", "--title", "ICU nurse", journal=journal)
    cli("meetings", "add", "Dana Ortiz", "--when", "2026-03-14T15:30", "-s", "college",
        journal=journal)  # fmt: skip
    cli("prep-sheet", "--meeting", "1", "-o", str(tmp_path / "mine.md"), journal=journal)
    assert "Dana Ortiz" in (tmp_path / "mine.md").read_text(encoding="utf-8")
    assert mode(tmp_path / "mine.md") == 0o600
    typed = tmp_path / "typed.md"
    result = CliRunner().invoke(main, ["script", "-f", "nurse", "-s", "college", "-o", str(typed)])
    assert result.exit_code == 0
    assert mode(typed) & 0o044 == 0o044  # only what was typed: the usual rights
