"""The journal's files: checking one before use, opening it read-only, its rights, and the
private temporary file a new journal is built in."""

from __future__ import annotations

import os
import shlex
import sqlite3
import tempfile
import warnings
from contextlib import suppress
from pathlib import Path

from ..errors import InterviewPrepWarning
from .schema import APPLICATION_ID, INDEXES, SCHEMA_VERSION, TABLES, JournalError

PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


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


def check_existing(path: Path) -> None:
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
            f"{path} is not a journal of interview-prep; it was left untouched",
            hint="name another journal file (a new name makes a new journal)",
            parameter="journal",
        ) from None
    finally:
        probe.close()
    if application_id != APPLICATION_ID and (application_id != 0 or objects):
        raise JournalError(
            f"{path} is an SQLite database of another program, not a journal of "
            "interview-prep; it was left untouched",
            hint="name another journal file (a new name makes a new journal)",
            parameter="journal",
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
    queries = ["mode=ro"] + ([] if writable(path) else ["immutable=1"])
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


def writable(path: Path) -> bool:
    """True when this account may change the journal and make its side files beside it."""
    folder = path.parent if str(path.parent) else Path()
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


def private_copy_name(path: Path) -> Path:
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


def sync(path: Path) -> None:
    """Flush a file and its folder's entry to the disk."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def rename_if_free(source: Path, target: Path) -> bool:
    try:
        source.rename(target)  # on Windows, fails when the target exists
    except FileExistsError:
        return False
    return True


def remove_with_side_files(path: Path) -> None:
    for name in (path, *side_files(path)):
        with suppress(OSError):
            name.unlink(missing_ok=True)
