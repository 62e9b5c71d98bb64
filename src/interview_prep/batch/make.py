"""Make one student's document: the work each batch worker does."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
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


def glyph_list(characters: Sequence[str]) -> str:
    """'王 (U+738B) 芳 (U+82B3)', at most 8 of them."""
    shown = " ".join(f"{c} (U+{ord(c):04X})" for c in characters[:8])
    return shown + (f" and {len(characters) - 8} more" if len(characters) > 8 else "")


def make_one(job: Job) -> Made:
    """Build one student's document (runs in a worker process).

    With ``job.strict``, a PDF with characters no installed font can draw is an error.
    """
    from .. import documents
    from ..model import Contact, Meeting
    from ..planning.plan import plan_interview
    from ..values import parse_datetime

    values = job.student.values
    if not job.student.name:
        raise InterviewPrepError("no name", hint="fill in the name column")
    catalog = catalog_for(job.banks)
    minutes = _int(values, "minutes", job.minutes, checked="minutes")
    seed = _int(values, "seed", default_seed(job.student.name, job.seed), checked="seed")
    when = parse_datetime(values["when"], "when") if values.get("when") else None
    contact = Contact(values.get("contact"), values.get("title"), values.get("org"))
    meeting = Meeting(when, values.get("where"), values.get("meeting_format"))
    stage = values.get("stage", job.stage)
    if job.document == "shadow-plan":
        document = documents.shadow_plan(
            values.get("field", ""),
            stage,
            _int(values, "hours", 4, checked="hours"),
            contact=contact,
            meeting=meeting,
            seniority=values.get("seniority"),
            seed=seed,
            catalog=catalog,
            learner=job.student.name,
        )
    else:
        plan = plan_interview(
            values.get("field", ""),
            stage,
            minutes,
            mode=values.get("mode", "interview"),
            seniority=values.get("seniority"),
            seed=seed,
            catalog=catalog,
        )
        builder = {
            "reflection": documents.reflection_sheet,
            "script": documents.interview_script,
        }.get(job.document, documents.prep_sheet)
        document = builder(plan, contact, meeting, learner=job.student.name)
    document = replace(document, title=f"{document.title} · {job.student.name}")
    if job.format == "docx":
        return Made(document.to_docx(paper=job.paper))
    if job.format != "pdf":
        return Made(str(document.render(job.format)).encode("utf-8"))
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
        return Made(document.to_pdf(paper=job.paper), missing)


@lru_cache(maxsize=4)
def catalog_for(banks: tuple[str, ...]) -> Catalog:
    """The catalog for a batch's extra banks, read once per worker rather than once a row."""
    from ..catalog.catalog import default_catalog, load_catalog

    return load_catalog(banks) if banks else default_catalog()


def _int(values: Mapping[str, str], key: str, default: int, *, checked: str = "") -> int:
    if key not in values:
        return default
    try:
        number = int(values[key])
    except ValueError:
        raise InterviewPrepError(f"{key} {values[key]!r} is not a whole number") from None
    if checked:
        from ..values import checked_int

        checked_int(checked, number)
    return number
