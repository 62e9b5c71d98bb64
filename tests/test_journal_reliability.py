"""Issue 21's journal defects, each reproduced: nothing acknowledged is lost (N1, N2), the
journal's data is checked on the way in (N5) and read with care on the way out, ids are range
checked (N13), a person named "1" (N16), a read-only journal (N4), a crafted one (N18)."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import interview_prep as ip
from interview_prep.cli import main


def cli(journal: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, [*args, "--journal", str(journal)])
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.output


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    path = tmp_path / "j.journal"
    with ip.Journal(path) as stored:
        stored.add_person("Dana Ortiz", field="nurse")
        stored.add_person("Sam Lee")
        stored.add_meeting("Dana Ortiz", datetime(2026, 3, 16, 15, 30), stage="college")
        stored.log("request", "Dana Ortiz", on=date(2026, 3, 2))
    return path


# N1: a failed first change never removes a journal another process wrote to


def _add(path: str, name: str, queue: Any) -> None:
    try:
        with ip.Journal(path) as journal:
            journal.add_person(name)
        queue.put(name)  # acknowledged
    except ip.InterviewPrepError:
        pass


def _fail(path: str, name: str, queue: Any) -> None:
    try:
        with ip.Journal(path) as journal:
            journal.add_person(name, referred_by="Nobody")
    except ip.InterviewPrepError:
        pass


@pytest.mark.slow
def test_no_acknowledged_write_is_lost_in_a_creation_race(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    # warm up once here, so that each forked process does only its own work
    warm = tmp_path / "warm" / "j.journal"
    warm.parent.mkdir()
    _add(str(warm), "Warm", queue)
    _fail(str(warm), "Cold", queue)
    assert queue.get() == "Warm"
    paths = [str(tmp_path / f"race{n}.journal") for n in range(30)]
    for path in paths:
        workers = []
        for pair in range(20):
            workers += [
                context.Process(target=_add, args=(path, f"Good {pair}", queue)),
                context.Process(target=_fail, args=(path, f"Bad {pair}", queue)),
            ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        acknowledged = set()
        while not queue.empty():
            acknowledged.add(queue.get())
        assert len(acknowledged) == 20, path
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {row[0] for row in connection.execute("SELECT name FROM people")}
        connection.close()
        assert stored == acknowledged, path
    # a failed first change alone leaves no file, and no temporary file either
    _fail(str(tmp_path / "alone.journal"), "Bad", queue)
    expected = sorted(["warm", *(Path(p).name for p in paths)])
    assert sorted(p.name for p in tmp_path.iterdir()) == expected


# N2: notes --from with nothing in it changes nothing


def test_notes_from_an_empty_file_or_a_plain_pdf_keep_the_stored_notes(
    journal: Path, tmp_path: Path
) -> None:
    template = tmp_path / "notes.md"
    cli(journal, "notes", "1", "--template", "-o", str(template))
    filled = template.read_text(encoding="utf-8").replace(
        "## One thing I learned\n", "## One thing I learned\nNights are busy.\n"
    )
    (tmp_path / "filled.md").write_text(filled, encoding="utf-8")
    assert "stored 0 answers" in cli(journal, "notes", "1", "--from", str(tmp_path / "filled.md"))
    plain = tmp_path / "plain.pdf"
    ip.prep_sheet(ip.plan_interview("nurse", "college"), None, None).to_pdf(plain)
    for source in (template, plain):
        out = cli(journal, "notes", "1", "--from", str(source), "--replace", code=2)
        assert "nothing was changed" in out
    assert "Nights are busy." in cli(journal, "notes", "1")


# N5: journal import checks every value


def _export(journal: Path) -> dict[str, Any]:
    with ip.Journal(journal) as stored:
        return stored.export_json()


@pytest.mark.parametrize(
    ("table", "column", "value", "message"),
    [
        ("people", "added_on", "yesterday", "people[0].added_on 'yesterday' is not a day"),
        ("people", "id", 2**63, "people[0].id 9223372036854775808 is not from 1 to"),
        ("people", "name", {"first": "Dana"}, "people[0].name expected text, found dict"),
        ("people", "title", ["RN"], "people[0].title expected text, found list"),
        ("people", "name", "\ud800", "people[0].name holds a lone surrogate"),
        ("people", "field", "nursse", "people[0].field unknown field 'nursse'"),
        ("people", "name", "dana ORTIZ", "people[1].name 'dana ORTIZ' is there twice"),
        ("meetings", "starts_at", "soon", "meetings[0].starts_at 'soon' is not a date and time"),
        ("meetings", "minutes", "30", "meetings[0].minutes expected a whole number, found str"),
        ("meetings", "minutes", 10**9, "meetings[0].minutes 1000000000 is not from"),
        ("meetings", "mode", "chat", "meetings[0].mode unknown mode 'chat'"),
        ("meetings", "stage", "kindergarten", "meetings[0].stage unknown stage 'kindergarten'"),
        ("meetings", "format", "fax", "meetings[0].format unknown meeting format 'fax'"),
        ("meetings", "person_id", 99, "meetings[0].person_id names no row (99)"),
        ("events", "on_day", "2026-02-30", "events[0].on_day '2026-02-30' is not a day"),
        ("events", "kind", "party", "events[0].kind unknown step 'party'"),
        ("events", "extra", 1, "events[0] has unknown columns ['extra']"),
    ],
)
def test_journal_import_refuses_a_bad_value_with_its_place(
    journal: Path, tmp_path: Path, table: str, column: str, value: Any, message: str
) -> None:
    data = _export(journal)
    row = 1 if (column, value) == ("name", "dana ORTIZ") else 0
    data[table][row][column] = value
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "new.journal"
    out = cli(target, "journal", "import", str(source), code=2)
    assert f"{source}: {message}" in out.replace("\n  hint", " hint")
    assert "nothing was imported" in out
    assert not target.exists()


def test_journal_import_of_deep_nesting_is_a_message(tmp_path: Path) -> None:
    source = tmp_path / "deep.json"
    source.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "nested too deeply" in cli(
        tmp_path / "n.journal", "journal", "import", str(source), code=2
    )


def test_a_good_export_still_imports_whole(journal: Path, tmp_path: Path) -> None:
    source = tmp_path / "good.json"
    cli(journal, "journal", "export", "-o", str(source))
    assert "imported 4 records" in cli(tmp_path / "copy.journal", "journal", "import", str(source))


# reading tolerates a hand-edited row, with a warning naming it


def test_hand_edited_values_are_warnings_that_name_the_row(journal: Path) -> None:
    with sqlite3.connect(journal) as connection:
        connection.execute("UPDATE people SET added_on = 'last week' WHERE name = 'Sam Lee'")
        connection.execute("UPDATE people SET title = 42 WHERE name = 'Dana Ortiz'")
        connection.execute("UPDATE meetings SET minutes = 'x' WHERE id = 1")
        connection.execute("UPDATE events SET on_day = 'yesterday' WHERE id = 1")
    connection.close()
    listed = cli(journal, "people", "list")
    assert "the journal's people row 2 has an unusable added_on ('last week')" in listed
    assert "42" in listed
    out = cli(journal, "meetings", "list")
    assert "meetings row 1 has an unusable minutes ('x'); it was left out" in out
    due = cli(journal, "due", "--on", "2026-03-20")
    assert "events row 1 has an unusable on_day ('yesterday'); it was left out" in due
    assert "  Title: 42" in cli(journal, "people", "show", "Dana Ortiz")
    out = cli(journal, "prep-sheet", "--meeting", "1", code=2)
    assert "meeting 1 holds a value that cannot be read" in out


# N13: ids from the command line are range checked


@pytest.mark.parametrize(
    "args",
    [
        ("notes", str(2**63)),
        ("notes", str(2**64), "--template"),
        ("prep-sheet", "--meeting", str(2**63)),
        ("compare", "--meetings", "1", str(2**70)),
        ("log", "reply", "--meeting", str(2**63)),
        ("meetings", "edit", str(2**63), "--minutes", "45"),
        ("log", "undo", str(2**63)),
        ("notes", "0"),
    ],
)
def test_ids_out_of_range_are_messages(journal: Path, args: tuple[str, ...]) -> None:
    out = cli(journal, *args, code=2)
    assert "there is no" in out and "Traceback" not in out


# N16: a person named "1"


def test_a_person_named_with_digits_is_logged_by_name(journal: Path) -> None:
    cli(journal, "people", "add", "1")
    assert "logged reply with 1 on" in cli(journal, "log", "reply", "1")
    assert "logged confirm with Dana Ortiz" in cli(journal, "log", "confirm", "--meeting", "1")
    out = cli(journal, "log", "reply", "2", code=2)
    assert "unknown person '2'" in out and "give it as the meeting (--meeting)" in out
    with ip.Journal(journal) as stored:
        assert [e.person for e in stored.events("1")] == ["1"]


# N4: a read-only journal is read, or said to be read-only


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A folder and a read-only view of it (a bind mount): even root cannot write there."""
    source, view = tmp_path / "source", tmp_path / "view"
    source.mkdir()
    view.mkdir()
    mount = subprocess.run(["mount", "--bind", str(source), str(view)], capture_output=True)
    if mount.returncode != 0:
        pytest.skip("cannot mount here (needs root)")
    try:
        remount = ["mount", "-o", "remount,ro,bind", str(view)]
        subprocess.run(remount, check=True, capture_output=True)
        yield source, view
    finally:
        subprocess.run(["umount", str(view)], check=True)


def test_a_journal_in_a_folder_nobody_can_write_is_read(
    journal: Path, read_only_folder: tuple[Path, Path]
) -> None:
    source, view = read_only_folder
    (source / "j.journal").write_bytes(journal.read_bytes())
    (source / "j.journal").chmod(0o600)
    copy = view / "j.journal"
    listed = cli(copy, "people", "list")
    assert "Dana Ortiz" in listed and "not a journal of interview-prep" not in listed
    assert "Meet Dana Ortiz" in cli(copy, "due", "--on", "2026-03-16")
    out = cli(copy, "people", "add", "Priya Natarajan", code=2)
    assert "is read-only" in out and "nothing was changed" in out
    assert sorted(p.name for p in source.iterdir()) == ["j.journal"]


# N18: a crafted journal cannot hang a command


@pytest.mark.parametrize(
    "craft",
    [
        "DROP TABLE notes; CREATE VIEW notes AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL "
        "SELECT n + 1 FROM r) SELECT n AS meeting_id, n AS position, '' AS item_id, '' AS "
        "question, '' AS answer FROM r",
        "CREATE TRIGGER slow AFTER INSERT ON people BEGIN SELECT 1; END",
        "CREATE TABLE extra (x)",
    ],
)
def test_a_journal_with_objects_it_did_not_make_is_refused(journal: Path, craft: str) -> None:
    with sqlite3.connect(journal) as connection:
        connection.executescript(craft)
    connection.close()
    before = journal.read_bytes()
    out = cli(journal, "notes", "1", code=2)
    assert "holds schema objects interview-prep did not make" in out
    assert journal.read_bytes() == before
