"""What each file in a batch folder was made from, so a rerun keeps only what still fits.

The manifest is a JSON-lines file in the output folder: one line per file made, naming its
recipe (a hash of the row, the options and the banks), its size, its SHA-256 and its
modification time. A rerun keeps a file only when its recipe still matches and the file is
as the batch left it; a file the batch did not make, or one changed since, is never replaced
without ``force``. Lines are appended as files are made (by the worker that wrote the file),
so a batch killed halfway still knows what it finished. While a batch runs, the first line
holds its token: a worker that reads it knows it sees the batch's own folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import stat
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import OutputError
from .make import Job

MANIFEST_NAME = ".interview-prep-batch.jsonl"
MAX_MANIFEST_BYTES = 50_000_000
_APPEND = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
_READ = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


@dataclass(frozen=True)
class Entry:
    """One file's line: its recipe, size, content hash and modification time."""

    recipe: str
    size: int
    sha256: str = ""  # empty in lines written before content hashes were kept
    mtime_ns: int = 0


def recipe(job: Job, bank_digest: str) -> str:
    """A hash of everything that shapes the file a job makes."""
    record = asdict(job)
    record["student"] = sorted(job.student.values.items())
    record["banks"] = bank_digest
    record["package"] = _package_version()
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@lru_cache(maxsize=1)
def _package_version() -> str:
    from importlib.metadata import version

    return version("interview-prep")


def bank_digest(banks: Iterable[str]) -> str:
    """A hash of the extra bank files' contents (a folder: every file in it)."""
    digest = hashlib.sha256()
    for source in banks:
        path = Path(source)
        files = sorted(path.rglob("*.y*ml")) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file).encode() + b"\0")
            try:
                if file.is_file() and file.stat().st_size <= MAX_MANIFEST_BYTES:
                    digest.update(file.read_bytes())
            except OSError:
                digest.update(b"unreadable")
    return digest.hexdigest()[:32]


def file_entry(target: Path, made_from: str, sha256: str) -> Entry:
    """The entry for ``target`` as it is on disk now."""
    info = target.lstat()
    return Entry(made_from, info.st_size, sha256, info.st_mtime_ns)


def append_entry(folder: Path, name: str, entry: Entry) -> None:
    """Add one line to the folder's record: one write, so lines from several workers never
    interleave; never through a link, never into a pipe or device."""
    line = json.dumps({"file": name, **asdict(entry)}) + "\n"
    path = folder / MANIFEST_NAME
    try:
        descriptor = os.open(path, _APPEND | getattr(os, "O_NONBLOCK", 0), 0o644)
    except OSError as error:
        raise _not_a_record(path, error.strerror or str(error)) from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise _not_a_record(path, "it is not a regular file")
        os.write(descriptor, line.encode("utf-8"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def batch_token(folder: Path) -> str | None:
    """The running batch's token from the record's first line, or None (read by workers)."""
    try:
        descriptor = os.open(folder / MANIFEST_NAME, _READ)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        first = os.read(descriptor, 256).split(b"\n", 1)[0]
    except OSError:
        return None
    finally:
        os.close(descriptor)
    try:
        token = json.loads(first).get("batch")
    except (ValueError, AttributeError):
        return None
    return token if isinstance(token, str) else None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _not_a_record(path: Path, why: str) -> OutputError:
    return _refused(path, f"cannot use the batch record {path}: {why}")


def _refused(path: Path, message: str) -> OutputError:
    return OutputError(
        f"{message}; nothing was made",
        hint=f"delete {path.name} from that folder (the batch keeps its record there as an "
        "ordinary file) and run the batch again",
    )


class Manifest:
    """The record of one output folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / MANIFEST_NAME
        self.entries: dict[str, Entry] = {}
        self._read()

    def _read(self) -> None:
        from ..errors import InputFileError
        from ..files.read import read_input

        try:
            info = self.path.lstat()
        except FileNotFoundError:
            return
        except OSError as error:
            raise _not_a_record(self.path, error.strerror or str(error)) from None
        if stat.S_ISLNK(info.st_mode):
            raise _not_a_record(self.path, "it is a symbolic link")
        try:
            raw = read_input(self.path, what="batch record", limit=MAX_MANIFEST_BYTES)
        except InputFileError as error:
            raise _refused(self.path, error.message) from None
        for line in raw.decode("utf-8", errors="replace").splitlines():
            try:
                entry = json.loads(line)
                if "file" not in entry:
                    continue  # a batch's token line
                self.entries[str(entry["file"])] = Entry(
                    str(entry["recipe"]),
                    int(entry["size"]),
                    str(entry.get("sha256", "")),
                    int(entry.get("mtime_ns", 0)),
                )
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # a line cut short by a kill: that file is simply made again

    def start(self) -> str:
        """Rewrite the record for a new run, headed by a fresh token; return the token."""
        token = secrets.token_hex(16)
        self._rewrite({"batch": token})
        return token

    def made_here(self, target: Path) -> bool:
        """True when this folder's record says the batch made ``target``."""
        return target.name in self.entries

    def untouched(self, target: Path) -> bool:
        """True when ``target`` is a regular file the batch made and nobody changed since."""
        entry = self.entries.get(target.name)
        try:
            info = target.lstat()
        except OSError:
            return False
        if entry is None or not stat.S_ISREG(info.st_mode) or info.st_size != entry.size:
            return False
        if not entry.sha256 or info.st_mtime_ns == entry.mtime_ns:
            return True
        try:
            return sha256_of(target) == entry.sha256
        except OSError:
            return False

    def still_fits(self, target: Path, wanted: str) -> bool:
        """True when ``target`` is there, whole, untouched and made from ``wanted``."""
        entry = self.entries.get(target.name)
        return (
            entry is not None
            and entry.recipe == wanted
            and entry.size > 0
            and self.untouched(target)
        )

    def note(self, name: str, entry: Entry) -> None:
        """Remember a line a worker has already appended."""
        self.entries[name] = entry

    def record(self, target: Path, made_from: str, sha256: str) -> None:
        """Note that ``target`` was just written from the recipe ``made_from``."""
        entry = file_entry(target, made_from, sha256)
        append_entry(self.folder, target.name, entry)
        self.entries[target.name] = entry

    def compact(self) -> None:
        """Rewrite the record with one line per file still in the folder."""
        self._rewrite(None)

    def _rewrite(self, header: dict[str, str] | None) -> None:
        from ..files.write import atomic_write

        lines = [json.dumps(header) + "\n"] if header else []
        lines += [
            json.dumps({"file": name, **asdict(entry)}) + "\n"
            for name, entry in sorted(self.entries.items())
            if (self.folder / name).is_file()
        ]
        atomic_write(self.path, "".join(lines), force=True)
