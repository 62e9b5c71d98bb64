"""The journal file: opening it safely, bringing its schema up to date, one transaction per
change."""

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

from .files import (
    PRIVATE_FILE,
    check_existing,
    connect_read_only,
    private_copy_name,
    remove_with_side_files,
    rename_if_free,
    sync,
    warn_if_shared,
    writable,
)
from .schema import APPLICATION_ID as APPLICATION_ID
from .schema import MIGRATIONS as MIGRATIONS
from .schema import SCHEMA_VERSION as SCHEMA_VERSION
from .schema import JournalError as JournalError

T = TypeVar("T")
ENV_VARIABLE = "INTERVIEW_PREP_JOURNAL"
BUSY_TIMEOUT_MS = 5000
GIVE_UP_AFTER_SECONDS = 60.0
SQLITE_BUSY, SQLITE_LOCKED = 5, 6  # result codes; named in sqlite3 only from Python 3.11


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


class Store:
    """One open connection to a journal file, with transactions that wait their turn.

    A journal that does not exist yet is built in a private temporary file and given its
    name, atomically, by the first change that succeeds: a failed first change leaves no
    file, and no process ever deletes a journal another one may be writing to.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.read_only = False
        self._pending: Path | None = None
        if str(path) == ":memory:":
            self._open(":memory:")
            return
        if self.path.is_dir():
            raise JournalError(f"{self.path} is a folder", hint="name a file, e.g. class.journal")
        if not self.path.parent.is_dir():
            raise JournalError(
                f"the folder {self.path.parent} does not exist",
                hint="create it first, or name a journal file somewhere else",
            )
        if not self.path.exists():
            self._pending = private_copy_name(self.path)
            try:
                self._open(str(self._pending))
            except BaseException:
                remove_with_side_files(self._pending)
                raise
            return
        if self.path.stat().st_size > 0:
            check_existing(self.path)
        warn_if_shared(self.path)
        self.read_only = not writable(self.path)
        self._open(str(self.path))

    def _open(self, target: str) -> None:
        try:
            if self.read_only:
                self.connection = connect_read_only(self.path)
            else:
                # autocommit mode: this class opens and ends every transaction itself
                self.connection = sqlite3.connect(
                    target, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
                )
        except sqlite3.Error as error:
            raise JournalError(f"cannot open the journal {self.path}: {error}") from None
        self.connection.row_factory = sqlite3.Row
        # wait up to 5 s for another process's lock before SQLite reports "busy"
        self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # enforce the links between people, meetings, steps and notes (off by default)
        self.connection.execute("PRAGMA foreign_keys = ON")
        # every commit reaches the disk before the command reports success; a journal still
        # being built is made durable once, before it gets its name (see _publish)
        building = self._pending is not None
        self.connection.execute(f"PRAGMA synchronous = {'OFF' if building else 'FULL'}")
        # no function runs from a schema object the journal did not make
        self.connection.execute("PRAGMA trusted_schema = OFF")
        if self.read_only:
            self._check_read_only_schema()
        else:
            self._retry(self._prepare)

    def _check_read_only_schema(self) -> None:
        try:
            version = self.connection.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error as error:
            raise JournalError(f"cannot read the journal {self.path}: {error}") from None
        if version != SCHEMA_VERSION:
            raise JournalError(
                f"the journal {self.path} is read-only and was made by an older "
                "interview-prep; it cannot be brought up to date",
                hint="copy it to a folder you can write to, and use the copy",
                parameter="journal",
            )

    def close(self) -> None:
        self.connection.close()
        if self._pending is not None:
            remove_with_side_files(self._pending)
            self._pending = None

    def _prepare(self) -> None:
        # write-ahead log: readers never block the writer, and a crash loses no commit
        self.connection.execute("PRAGMA journal_mode = WAL")
        self._write_here(self._migrate)

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
        if self.read_only:
            raise JournalError(
                f"the journal {self.path} is read-only (this account cannot change it or "
                "its folder); nothing was changed",
                hint="copy it to a folder you can write to, or ask for write permission",
            )
        result = self._write_here(change)
        if self._pending is not None and not self._publish():
            return self.write(change)  # another process made the journal first: use it
        return result

    def _write_here(self, change: Callable[[sqlite3.Connection], T]) -> T:
        def attempt() -> T:
            with self._transaction("BEGIN IMMEDIATE"):
                return change(self.connection)

        return self._retry(attempt)

    def _publish(self) -> bool:
        """Give the new journal its name; False when another process made it first."""
        assert self._pending is not None
        pending, self._pending = self._pending, None
        self.connection.close()  # the last connection: SQLite folds the -wal into the file
        try:
            sync(pending)
            os.link(pending, self.path)
            published = True
        except FileExistsError:
            published = False
        except OSError:
            # no hard links here (some USB sticks, network shares): a rename that refuses to
            # replace on Windows, else the journal is made in place as SQLite does
            published = os.name == "nt" and rename_if_free(pending, self.path)
        finally:
            remove_with_side_files(pending)
        if not self.path.exists():
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
        elif self.path.stat().st_size > 0:
            check_existing(self.path)
        self._open(str(self.path))
        return published

    def vacuum(self) -> None:
        """Rewrite the file so that the bytes of deleted rows are gone from it and its log."""
        if self.read_only or self._pending is not None:
            return
        self._retry(lambda: self.connection.execute("VACUUM"))
        self._retry(lambda: self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)"))

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
