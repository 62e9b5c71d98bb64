"""Make one student's document: the work each batch worker does."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import InterviewPrepError
from .roster import Student

if TYPE_CHECKING:
    from ..catalog.catalog import Catalog


@dataclass(frozen=True)
class Job:
    """Everything one worker needs to make one student's document (picklable)."""

    student: Student
    document: str
    format: str
    stage: str
    minutes: int
    banks: tuple[str, ...]
    paper: str
    seed: int | None
    strict: bool = False


@dataclass(frozen=True)
class Made:
    """One student's document, and the characters in it that no installed font can draw."""

    data: bytes
    missing_glyphs: tuple[str, ...] = ()


def safe_file_name(row_number: int, name: str, suffix: str) -> str:
    """A file name from a student's name that stays inside the output folder and is unique:
    the roster position first, then the name in plain letters."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower()[:60] or "student"
    return f"{row_number:03d}-{slug}.{suffix}"


def default_seed(name: str, base: int | None) -> int:
    """A seed made from the name (and the class's seed), so classmates get varied questions
    and a rerun makes the same files."""
    digest = hashlib.sha256(f"{base}|{name.strip().lower()}".encode()).hexdigest()
    return int(digest[:8], 16)


@lru_cache(maxsize=4)
def catalog_for(banks: tuple[str, ...]) -> Catalog:
    """The catalog for a batch's extra banks, read once per worker rather than once a row."""
    from ..catalog.catalog import catalog_for as load

    return load(banks)


def glyph_list(characters: Sequence[str]) -> str:
    """'王 (U+738B) 芳 (U+82B3)', at most 8 of them."""
    shown = " ".join(f"{c} (U+{ord(c):04X})" for c in characters[:8])
    return shown + (f" and {len(characters) - 8} more" if len(characters) > 8 else "")


def make_one(job: Job) -> Made:
    """Build one student's document (runs in a worker process) through the parameter layer,
    as the command line and the web page do: the row's cells are the values typed.

    With ``job.strict``, a PDF with characters no installed font can draw is an error.
    """
    from ..params import OutputRequest, build_document

    if not job.student.name:
        raise InterviewPrepError("no name", hint="fill in the name column", parameter="name")
    values: dict[str, object] = {
        "stage": job.stage,
        "minutes": str(job.minutes),
        "seed": str(default_seed(job.student.name, job.seed)),
        **{key: value for key, value in job.student.values.items() if value},
        "learner": job.student.name,
    }
    document = build_document(job.document, values, catalog=catalog_for(job.banks))
    document = replace(document, title=f"{document.title} · {job.student.name}")
    output = OutputRequest(job.format, paper=job.paper)
    if job.format != "pdf":
        data = output.render(document)
        return Made(data if isinstance(data, bytes) else data.encode("utf-8"))
    import warnings

    from ..errors import MissingGlyphsWarning
    from ..writers.fonts import missing_characters

    missing = tuple(missing_characters(f"{document.title}\n{document.source}"))
    if missing and job.strict:
        raise InterviewPrepError(
            f"no installed font can draw {glyph_list(missing)}; nothing was written",
            hint="run scripts/setup as root, or install fonts-noto-core and fonts-noto-cjk",
        )
    with warnings.catch_warnings():  # reported once, in the batch summary
        warnings.simplefilter("ignore", MissingGlyphsWarning)
        data = output.render(document)
        assert isinstance(data, bytes)
        return Made(data, missing)
