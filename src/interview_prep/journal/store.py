"""The journal file: opening it safely, its schema and forward migrations, one transaction
per change."""

from __future__ import annotations

import os
import random
import shlex
import sqlite3
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from ..errors import InterviewPrepError, InterviewPrepWarning

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
        "meeting formats; removed people and meetings, cancelled meetings",
        """
        ALTER TABLE people ADD COLUMN removed_on TEXT;
        ALTER TABLE meetings ADD COLUMN format TEXT;
        ALTER TABLE meetings ADD COLUMN cancelled_on TEXT;
        ALTER TABLE meetings ADD COLUMN removed_on TEXT;
        """,
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
# the only schema objects a journal holds; anything else (a view, a trigger) was put there by
# someone else and could make every query hang
TABLES = ("people", "meetings", "events", "notes", "schema_versions")
INDEXES = ("events_by_person", "meetings_by_person")


class JournalError(InterviewPrepError):
    """The journal file cannot be used as asked; it was left as it was."""


class JournalPrivacyWarning(InterviewPrepWarning):
    """The journal file can be read by other accounts on this computer."""


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) with the last one readable by its owner only."""
    if folder.is_dir():
        return
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        folder.chmod(PRIVATE_FOLDER)


def warn_if_shared(path: Path) -> None:
    """One line when others can read a journal the user placed: never a silent chmod."""
    if os.name != "posix":
        return
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if mode & 0o077:
        warnings.warn(
            JournalPrivacyWarning(
                f"the journal {path} can be read by other accounts on this computer; "
                f"make it private with: chmod 600 {shlex.quote(str(path))}"
            ),
            stacklevel=3,
        )


def side_files(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in SIDE_SUFFIXES]


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
    probe = connect_read_only(path)
    try:
        application_id = probe.execute("PRAGMA application_id").fetchone()[0]
        version = probe.execute("PRAGMA user_version").fetchone()[0]
        objects = probe.execute("SELECT type, name FROM sqlite_master").fetchall()
    except sqlite3.OperationalError as error:
        raise JournalError(
            f"cannot read the journal {path}: {error}; it was left untouched",
            hint="check the file and its rights",
        ) from None
    except sqlite3.DatabaseError:
        raise JournalError(
            f"{path} is not an interview-prep journal; it was left untouched",
            hint="name another file with --journal FILE (a new name makes a new journal)",
        ) from None
    finally:
        probe.close()
    if application_id != APPLICATION_ID and (application_id != 0 or objects):
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
    strangers = [
        f"{kind} {name!r}"
        for kind, name in objects
        if not (kind == "table" and name in TABLES)
        and not (kind == "index" and (name in INDEXES or name.startswith("sqlite_autoindex_")))
    ]
    if strangers:
        raise JournalError(
            f"the journal {path} holds schema objects interview-prep did not make "
            f"({', '.join(strangers[:3])}); it was left untouched",
            hint="use a journal made by interview-prep, or import its export into a new one",
        )


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes. A journal in a folder this account cannot write has
    no room for the write-ahead log's index: it is then read as a file nobody changes."""
    queries = ["mode=ro"] + ([] if _writable(path) else ["immutable=1"])
    problem: sqlite3.Error | None = None
    for query in queries:
        try:
            connection = sqlite3.connect(
                f"{path.resolve().as_uri()}?{query}", uri=True, isolation_level=None
            )
        except sqlite3.Error as error:
            problem = error
            continue
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.OperationalError as error:
            connection.close()
            problem = error
        except sqlite3.DatabaseError:
            return connection  # not a database at all: the caller says so
    raise JournalError(
        f"cannot open the journal {path}: {problem}; it was left untouched",
        hint="check the file and its rights",
    )


def _writable(path: Path) -> bool:
    """True when this account may change the journal and make its side files beside it."""
    folder = path.parent if str(path.parent) else Path()
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


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
            self._pending = _private_copy_name(self.path)
            self._open(str(self._pending))
            return
        if self.path.stat().st_size > 0:
            _check_existing(self.path)
        warn_if_shared(self.path)
        self.read_only = not _writable(self.path)
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
                hint="copy it to a folder you can write to and name the copy with --journal",
            )

    def close(self) -> None:
        self.connection.close()
        if self._pending is not None:
            _remove_with_side_files(self._pending)
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
            _sync(pending)
            os.link(pending, self.path)
            published = True
        except FileExistsError:
            published = False
        except OSError:
            # no hard links here (some USB sticks, network shares): a rename that refuses to
            # replace on Windows, else the journal is made in place as SQLite does
            published = os.name == "nt" and _rename_if_free(pending, self.path)
        finally:
            _remove_with_side_files(pending)
        if not self.path.exists():
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
        elif self.path.stat().st_size > 0:
            _check_existing(self.path)
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


def _private_copy_name(path: Path) -> Path:
    """An owner-only temporary file beside ``path``, where a new journal is built."""
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new")
    except OSError as error:
        raise JournalError(
            f"cannot create the journal {path}: {error.strerror or error}",
            hint="check the folder's rights, or name a journal somewhere else",
        ) from None
    os.close(handle)
    if os.name == "posix":
        Path(name).chmod(PRIVATE_FILE)
    return Path(name)


def _sync(path: Path) -> None:
    """Flush a file and its folder's entry to the disk."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _rename_if_free(source: Path, target: Path) -> bool:
    try:
        source.rename(target)  # on Windows, fails when the target exists
    except FileExistsError:
        return False
    return True


def _remove_with_side_files(path: Path) -> None:
    for name in (path, *side_files(path)):
        with suppress(OSError):
            name.unlink(missing_ok=True)
