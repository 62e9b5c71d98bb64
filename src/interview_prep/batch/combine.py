"""The pages to print: the students' PDFs merged in roster order, 50 students a part.

Each part is merged as soon as its students' files exist, straight from disk into a file
in the batch folder, and nothing of it stays in memory afterwards: a district roster needs
no more memory than a class.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError

CHUNK = 50


@dataclass(frozen=True)
class Part:
    """One file to print: the students at roster positions ``first`` to ``last``."""

    first: int
    last: int
    path: Path


def plan_parts(count: int, folder: Path, document: str) -> list[Part]:
    """One part for a class; for a bigger roster one per 50 students, named by position."""
    stem, size = f"all-{document}s", CHUNK
    if count <= size:
        return [Part(1, count, folder / f"{stem}.pdf")]
    return [
        Part(start + 1, end, folder / f"{stem}-{start + 1:04d}-{end:04d}.pdf")
        for start in range(0, count, size)
        for end in [min(start + size, count)]
    ]


def part_recipe(members: Sequence[tuple[str, str, int]]) -> str:
    """A hash of the (name, recipe, size) of every file a part is made from."""
    text = "\n".join(f"{name}\t{made_from}\t{size}" for name, made_from, size in members)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def merge(sources: Sequence[Path], target: Path) -> str:
    """Merge ``sources``' pages into ``target``, written whole or not at all; return the
    written file's SHA-256. Fillable fields are dropped: paper needs none."""
    import pikepdf

    combined = pikepdf.new()
    opened = []
    try:
        for source in sources:
            try:
                pdf = pikepdf.open(source)
            except (pikepdf.PdfError, OSError) as error:
                raise OutputError(
                    f"cannot add {source.name} to {target.name}: {error}",
                    hint="delete that file and run the batch again to remake it",
                ) from None
            opened.append(pdf)
            for page in pdf.pages:
                if "/Annots" in page:
                    kept = [a for a in page.Annots if a.get("/Subtype") != pikepdf.Name.Widget]
                    page.Annots = pdf.make_indirect(pikepdf.Array(kept))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
                combined.pages.extend(pdf.pages)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            return write_through(target, combined.save)
    finally:
        for pdf in opened:
            pdf.close()
        combined.close()


def write_through(target: Path, write: Callable[[Path], object]) -> str:
    """Let ``write`` stream a file to a temporary name beside ``target``, then rename it into
    place (a link at ``target`` is replaced, never followed); return the file's SHA-256."""
    from ..files.write import _UMASK
    from .manifest import sha256_of

    if target.is_dir() and not target.is_symlink():
        raise OutputError(f"{target} is a folder; nothing was written")
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from None
    os.close(handle)
    path = Path(temporary)
    try:
        write(path)
        with path.open("rb+") as stream:
            os.fsync(stream.fileno())
        digest = sha256_of(path)
        path.chmod(0o666 & ~_UMASK)
        path.replace(target)
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from None
    finally:
        path.unlink(missing_ok=True)
    return digest
