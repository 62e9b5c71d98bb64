"""What each file in a batch folder was made from, so a rerun keeps only what still fits.

The manifest is a JSON-lines file in the output folder: one line per file made, naming its
recipe (a hash of the row, the options and the banks) and its size. A rerun keeps a file only
when its recipe and size still match; a file the batch did not make is never replaced
without ``force``. Lines are appended as files are made, so a batch killed halfway still
knows what it finished.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from .make import Job

MANIFEST_NAME = ".interview-prep-batch.jsonl"
MAX_MANIFEST_BYTES = 50_000_000


def recipe(job: Job, bank_digest: str) -> str:
    """A hash of everything that shapes the file a job makes."""
    from importlib.metadata import version

    record = asdict(job)
    record["student"] = sorted(job.student.values.items())
    record["banks"] = bank_digest
    record["package"] = version("interview-prep")
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


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


class Manifest:
    """The record of one output folder."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / MANIFEST_NAME
        self.entries: dict[str, tuple[str, int]] = {}
        self._read()

    def _read(self) -> None:
        try:
            if not self.path.is_file() or self.path.stat().st_size > MAX_MANIFEST_BYTES:
                return
            lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return
        for line in lines:
            try:
                entry = json.loads(line)
                self.entries[str(entry["file"])] = (str(entry["recipe"]), int(entry["size"]))
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a kill: that file is simply made again

    def made_here(self, target: Path) -> bool:
        """True when this batch folder's record says it made ``target``."""
        return target.name in self.entries

    def still_fits(self, target: Path, wanted: str) -> bool:
        """True when ``target`` is there, whole, and made from the ``wanted`` recipe."""
        entry = self.entries.get(target.name)
        if entry is None:
            return False
        try:
            size = target.stat().st_size
        except OSError:
            return False
        return entry == (wanted, size) and size > 0

    def record(self, target: Path, made_from: str) -> None:
        """Note that ``target`` was just written from the recipe ``made_from``."""
        size = target.stat().st_size
        self.entries[target.name] = (made_from, size)
        line = json.dumps({"file": target.name, "recipe": made_from, "size": size}) + "\n"
        with self.path.open("a", encoding="utf-8") as stream:
            stream.write(line)
            stream.flush()
            os.fsync(stream.fileno())

    def compact(self) -> None:
        """Rewrite the record with one line per file still in the folder."""
        from ..files.write import atomic_write

        lines = [
            json.dumps({"file": name, "recipe": made_from, "size": size}) + "\n"
            for name, (made_from, size) in sorted(self.entries.items())
            if (self.path.parent / name).is_file()
        ]
        atomic_write(self.path, "".join(lines), force=True)
