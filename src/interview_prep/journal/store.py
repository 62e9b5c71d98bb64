"""The journal file: opening it safely, its schema and forward migrations, one transaction
per change."""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from ..errors import InterviewPrepError

T = TypeVar("T")

# "IPJ1" in the database header: how a journal tells itself apart from any other SQLite file
APPLICATION_ID = 0x49504A31
ENV_VARIABLE = "INTERVIEW_PREP_JOURNAL"
BUSY_TIMEOUT_MS = 5000
GIVE_UP_AFTER_SECONDS = 60.0
SQLITE_BUSY, SQLITE_LOCKED = 5, 6  # result codes; named in sqlite3 only from Python 3.11

# Each migration takes the schema one version forward; the list only ever grows at the end.
MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "people, meetings, logged steps and notes",
        """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            title TEXT, org TEXT, field TEXT, email TEXT, phone TEXT,
            linkedin TEXT UNIQUE,
            referred_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
            how_found TEXT,
            added_on TEXT NOT NULL
        );
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            starts_at TEXT NOT NULL,
            minutes INTEGER NOT NULL,
            field TEXT, stage TEXT,
            mode TEXT NOT NULL,
            place TEXT,
            seed INTEGER,
            learned TEXT
        );
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            on_day TEXT NOT NULL,
            channel TEXT
        );
        CREATE TABLE notes (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            item_id TEXT,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            PRIMARY KEY (meeting_id, position)
        );
        CREATE INDEX events_by_person ON events(person_id, kind);
        CREATE INDEX meetings_by_person ON meetings(person_id);
        """,
    ),
    (
        "given and family names, as LinkedIn gives them",
        """
        ALTER TABLE people ADD COLUMN given_name TEXT;
        ALTER TABLE people ADD COLUMN family_name TEXT;
        """,
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


class JournalError(InterviewPrepError):
    """The journal file cannot be used as asked; it was left as it was."""


def default_path() -> Path:
    """The journal used when none is named: INTERVIEW_PREP_JOURNAL, else the user's data
    folder."""
    named = os.environ.get(ENV_VARIABLE)
    if named:
        return Path(named)
    from platformdirs import user_data_path

    return user_data_path("interview-prep", appauthor=False) / "journal.sqlite"


def _is_busy(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
    return "locked" in str(error) or "busy" in str(error)


def _check_existing(path: Path) -> None:
    """Refuse a file that is not a journal, or is newer than this program, without writing."""
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise JournalError(
            f"cannot open the journal {path}: {error}", hint="check the file and its rights"
        ) from None
    try:
        application_id = probe.execute("PRAGMA application_id").fetchone()[0]
        version = probe.execute("PRAGMA user_version").fetchone()[0]
        has_tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    except sqlite3.DatabaseError:
        raise JournalError(
            f"{path} is not an interview-prep journal; it was left untouched",
            hint="name another file with --journal FILE (a new name makes a new journal)",
        ) from None
    finally:
        probe.close()
    if application_id != APPLICATION_ID and (application_id != 0 or has_tables):
        raise JournalError(
            f"{path} is an SQLite database of another program, not an interview-prep "
            "journal; it was left untouched",
            hint="name another file with --journal FILE (a new name makes a new journal)",
        )
    if version > SCHEMA_VERSION:
        raise JournalError(
            f"the journal {path} was written by a newer interview-prep (schema {version}, "
            f"this version knows up to {SCHEMA_VERSION}); it was left untouched",
            hint="upgrade interview-prep: pip install --upgrade interview-prep",
        )


class Store:
    """One open connection to a journal file, with transactions that wait their turn."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise JournalError(f"{self.path} is a folder", hint="name a file, e.g. class.journal")
        if not self.path.parent.is_dir():
            raise JournalError(
                f"the folder {self.path.parent} does not exist",
                hint="create it first, or name a journal file somewhere else",
            )
        if self.path.exists() and self.path.stat().st_size > 0:
            _check_existing(self.path)
        try:
            # autocommit mode: this class opens and ends every transaction itself
            self.connection = sqlite3.connect(
                self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
            )
        except sqlite3.Error as error:
            raise JournalError(f"cannot open the journal {self.path}: {error}") from None
        self.connection.row_factory = sqlite3.Row
        # wait up to 5 s for another process's lock before SQLite reports "busy"
        self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # enforce the links between people, meetings, steps and notes (off by default)
        self.connection.execute("PRAGMA foreign_keys = ON")
        # every commit reaches the disk before the command reports success
        self.connection.execute("PRAGMA synchronous = FULL")
        self._retry(self._prepare)

    def close(self) -> None:
        self.connection.close()

    def _prepare(self) -> None:
        # write-ahead log: readers never block the writer, and a crash loses no commit
        self.connection.execute("PRAGMA journal_mode = WAL")
        self.write(self._migrate)

    def _migrate(self, connection: sqlite3.Connection) -> None:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:  # a newer program migrated it after our check
            raise JournalError(
                f"the journal {self.path} was written by a newer interview-prep",
                hint="upgrade interview-prep: pip install --upgrade interview-prep",
            )
        if version == 0:
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(
                "CREATE TABLE schema_versions (version INTEGER PRIMARY KEY,"
                " description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
        for number, (description, script) in enumerate(MIGRATIONS, start=1):
            if number <= version:
                continue
            # one statement at a time: executescript() would end the open transaction
            for statement in script.split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(
                "INSERT INTO schema_versions VALUES (?, ?, ?)",
                (number, description, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
            connection.execute(f"PRAGMA user_version = {number}")

    def _retry(self, action: Callable[[], T]) -> T:
        """Run ``action`` again while another process holds the file, up to a minute."""
        deadline = time.monotonic() + GIVE_UP_AFTER_SECONDS
        pause = 0.01
        while True:
            try:
                return action()
            except sqlite3.OperationalError as error:
                if not _is_busy(error):
                    raise JournalError(f"the journal {self.path}: {error}") from None
                if time.monotonic() > deadline:
                    raise JournalError(
                        f"the journal {self.path} stayed busy for a minute; nothing was changed",
                        hint="another program is holding it; close it and try again",
                    ) from None
                time.sleep(pause * (1 + random.random()))
                pause = min(pause * 2, 0.5)

    def write(self, change: Callable[[sqlite3.Connection], T]) -> T:
        """Apply ``change`` as one transaction: all of it is kept, or none of it."""

        def attempt() -> T:
            with self._transaction("BEGIN IMMEDIATE"):
                return change(self.connection)

        return self._retry(attempt)

    def read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``query`` on one consistent snapshot of the journal."""

        def attempt() -> T:
            with self._transaction("BEGIN"):
                return query(self.connection)

        return self._retry(attempt)

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[None]:
        self.connection.execute(begin)
        try:
            yield
            self.connection.execute("COMMIT")
        except BaseException:
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
            raise
