"""A batch worker's task: make one student's file, write it, and send back a small record."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .make import Job, make_one
from .manifest import Entry, append_entry, batch_token, file_entry


@dataclass(frozen=True)
class Destination:
    """Where one job's file goes, what it is made from, and the running batch's token."""

    folder: str
    name: str
    recipe: str
    token: str


@dataclass(frozen=True)
class Written:
    """What a worker sends back: the file's name, size, content hash and recipe. ``data``
    holds the document only when the worker runs where the batch folder is not (a cluster
    machine without the shared folder): the calling process then writes it."""

    name: str
    entry: Entry
    missing_glyphs: tuple[str, ...] = ()
    data: bytes | None = None


def make_into(job: Job, destination: Destination) -> Written:
    """Make ``job``'s document and write it into the batch folder, whole or not at all."""
    from ..files.write import atomic_write

    made = make_one(job)
    digest = hashlib.sha256(made.data).hexdigest()
    folder = Path(destination.folder)
    if batch_token(folder) != destination.token:
        entry = Entry(destination.recipe, len(made.data), digest)
        return Written(destination.name, entry, made.missing_glyphs, made.data)
    target = atomic_write(folder / destination.name, made.data, force=True)
    entry = file_entry(target, destination.recipe, digest)
    append_entry(folder, destination.name, entry)
    return Written(destination.name, entry, made.missing_glyphs)
