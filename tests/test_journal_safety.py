"""The journal keeps what it is given: parallel writers, foreign files, names of any kind,
and a JSON round trip."""

from __future__ import annotations

import json
import multiprocessing
import re
import sqlite3
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import vobject
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import interview_prep as ip
from interview_prep.cli import main
from interview_prep.documents.timeline import add_business_days
from interview_prep.journal import JournalError
from interview_prep.journal.store import APPLICATION_ID, SCHEMA_VERSION
from interview_prep.journal.vcard import fold

WRITERS = 30
STEPS_EACH = 4


def _writer(path: str, number: int) -> None:
    with ip.Journal(path) as journal:
        journal.add_person(f"Writer {number}", field="nurse")
        for step in range(STEPS_EACH):
            journal.log("request", f"Writer {number}", on=date(2026, 3, 1 + step))


def test_parallel_writers_lose_nothing(tmp_path: Path, catalog: ip.Catalog) -> None:
    # the catalog is loaded before the fork, so each writer spends its time writing
    path = str(tmp_path / "shared.journal")
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_writer, args=(path, n)) for n in range(WRITERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [w.exitcode for w in workers] == [0] * WRITERS
    with ip.Journal(path) as journal:
        assert len(journal.people()) == WRITERS
        assert len(journal.events()) == WRITERS * STEPS_EACH
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_file_that_is_not_a_journal_is_refused_untouched(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_bytes(b"Shopping list\n- eggs\n" + bytes(range(256)) * 20)
    before = junk.read_bytes()
    result = CliRunner().invoke(main, ["people", "list", "--journal", str(junk)])
    assert result.exit_code == 2
    assert "is not a journal of interview-prep; it was left untouched" in result.stderr
    assert "Traceback" not in result.output
    assert junk.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "photos.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE albums (name TEXT)")
    connection.close()
    before = other.read_bytes()
    with pytest.raises(JournalError, match="SQLite database of another program"):
        ip.Journal(other)
    assert other.read_bytes() == before


def test_a_newer_journal_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.journal"
    with ip.Journal(path) as journal:
        journal.add_person("Dana Ortiz")
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["people", "add", "Sam Lee", "--journal", str(path)])
    assert result.exit_code == 2
    assert "written by a newer interview-prep" in result.stderr
    assert "pip install --upgrade interview-prep" in result.stderr
    assert path.read_bytes() == before


def test_the_schema_is_recorded_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "j.journal"
    with ip.Journal(path) as journal:
        journal.people()
    assert not path.exists()  # made by the first change, not by opening
    with ip.Journal(path) as journal:
        journal.add_person("Dana Ortiz")
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        versions = connection.execute("SELECT version FROM schema_versions").fetchall()
    connection.close()
    assert [v[0] for v in versions] == list(range(1, SCHEMA_VERSION + 1))


def _fill(journal: ip.Journal, tmp_path: Path) -> None:
    journal.add_person("Sam Lee", title="Charge nurse", phone="+1 555 0100")
    journal.add_person('Dana "Dee" O\'Ortiz', field="nurse", referred_by="Sam Lee")
    journal.log("request", "Sam Lee", on=date(2026, 3, 2), channel="linkedin")
    journal.add_meeting("Sam Lee", datetime(2026, 3, 14, 15, 30), stage="college", seed=3)
    journal.log("confirm", 1, on=date(2026, 3, 13))
    notes = tmp_path / "n.md"
    template = journal.notes_template(1)
    template = template.replace("## 2.", "line one\n\nline two\n\n## 2.", 1)
    template = template.replace(
        "## One thing I learned\n", "## One thing I learned\nshift reports\n"
    )
    notes.write_text(template, encoding="utf-8")
    journal.store_notes(1, notes)


def test_export_to_json_and_back_gives_the_same_journal(tmp_path: Path) -> None:
    with ip.Journal(tmp_path / "a.journal") as first:
        _fill(first, tmp_path)
        exported = first.export_json()
    result = CliRunner().invoke(
        main, ["journal", "export", "--journal", str(tmp_path / "a.journal"), "-o",
               str(tmp_path / "a.json")],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8")) == exported
    result = CliRunner().invoke(
        main, ["journal", "import", str(tmp_path / "a.json"), "--journal",
               str(tmp_path / "b.journal")],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    with ip.Journal(tmp_path / "b.journal") as second:
        assert second.export_json() == exported
        assert second.person('dana "dee" o\'ortiz').referred_by == "Sam Lee"
        assert second.notes(1).learned == "shift reports"
        assert second.notes(1).answers[0].answer == "line one\n\nline two"
        assert second.due(date(2026, 3, 14)) == ip.Journal(tmp_path / "a.journal").due(
            date(2026, 3, 14)
        )
        with pytest.raises(JournalError, match="already holds people"):
            second.import_json(exported)


names = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1
).filter(lambda text: text.strip())


@settings(max_examples=40, deadline=None)
@given(name=names)
def test_names_of_any_kind_are_stored_literally(name: str) -> None:
    with tempfile.TemporaryDirectory() as folder, ip.Journal(Path(folder) / "j") as journal:
        added = journal.add_person(name, org=name, title="x'); DROP TABLE people; --")
        assert added.name == name.strip()
        assert journal.person(name) == added
        assert added.org == name.strip()
        assert journal.people()[0].title == "x'); DROP TABLE people; --"
        card = vobject.readOne(journal.export_people("vcf"))
        # vCard has one line break and no other control character (RFC 2426)
        as_lines = re.sub("\r\n|[\r\x85\u2028\u2029]", "\n", added.name)
        as_lines = re.sub("[\x00-\x09\x0b-\x1f\x7f-\x9f]", "", as_lines)
        assert card.fn.value == as_lines
        assert card.org.value == [as_lines]


def test_vcard_lines_fold_at_75_octets_between_characters() -> None:
    line = "NOTE:" + "é" * 100 + "x" * 30
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join(piece.removeprefix(" ") for piece in pieces) == line


def test_a_journal_in_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["people", "list", "--journal", str(tmp_path / "nowhere" / "j.journal")]
    )
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


answer_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="<")
    | st.sampled_from(["\n", "\u2028", "\u2029"]),
    max_size=80,
).filter(lambda text: not any(line.startswith("## ") for line in text.splitlines()))


@settings(max_examples=25, deadline=None)
@given(answers=st.lists(answer_text, min_size=1, max_size=8), learned=answer_text)
def test_notes_written_under_the_headings_come_back_as_written(
    answers: list[str], learned: str, catalog: ip.Catalog
) -> None:
    with tempfile.TemporaryDirectory() as folder, ip.Journal(Path(folder) / "j") as journal:
        journal.add_person("Dana Ortiz", field="nurse")
        stored = journal.add_meeting("Dana Ortiz", datetime(2026, 3, 14, 15, 30), stage="college")
        questions = stored.plan().questions
        lines = []
        for line in journal.notes_template(stored.id).splitlines():
            lines.append(line)
            number = line[3:].split(".", 1)[0] if line.startswith("## ") else ""
            if number.isdigit() and int(number) <= len(answers):
                lines.append(answers[int(number) - 1])
            if line == "## One thing I learned":
                lines.append(learned)
        notes_file = Path(folder) / "notes.md"
        notes_file.write_bytes("\r\n".join(lines).encode("utf-8"))  # as Windows saves it
        expected = {
            planned.item.id: text.strip()
            for planned, text in zip(questions, answers, strict=False)
            if text.strip()
        }
        if not expected and not learned.strip():  # nothing written: nothing changes (N2)
            with pytest.raises(ip.InterviewPrepError, match="nothing was changed"):
                journal.store_notes(stored.id, notes_file)
            return
        notes = journal.store_notes(stored.id, notes_file)
        assert notes.by_item() == expected
        assert notes.learned == (" ".join(learned.split()) or None)


@settings(max_examples=20, deadline=None)
@given(
    sent=st.dates(date(2026, 1, 1), date(2026, 12, 31)),
    later=st.integers(0, 20),
    wait=st.integers(1, 10),
)
def test_a_follow_up_falls_due_after_the_business_days_and_goes_when_done(
    sent: date, later: int, wait: int
) -> None:
    day = sent + timedelta(days=later)
    with tempfile.TemporaryDirectory() as folder, ip.Journal(Path(folder) / "j") as journal:
        journal.add_person("Dana Ortiz")
        journal.log("request", "Dana Ortiz", on=sent)
        kinds = [s.kind for s in journal.due(day, follow_up_after=wait)]
        assert kinds == (["follow-up"] if day >= add_business_days(sent, wait) else [])
        journal.log("follow-up", "Dana Ortiz", on=day)
        assert journal.due(day + timedelta(days=1), follow_up_after=wait) == []
