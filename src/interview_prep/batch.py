"""Personalised handouts for a whole class, from a roster, in parallel."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InterviewPrepError, Location, OutputError, Problem

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from .catalog import Catalog

BATCH_DOCUMENTS = ("prep-sheet", "script", "reflection", "shadow-plan")
BATCH_FORMATS = ("pdf", "md", "html")
COLUMNS = {
    "name": "the student's name (required)",
    "field": "occupation or cluster (required)",
    "stage": "high-school, college, recent-grad, career-changer or returning",
    "minutes": "length of the meeting (default 30)",
    "mode": "interview or shadow",
    "seniority": "early, mid or senior: the person met",
    "seed": "a whole number; by default one is made from the name",
    "hours": "shadow plans: hours of shadowing",
    "contact": "name of the person met",
    "title": "their job title",
    "org": "their organisation",
    "when": "date and time, e.g. 2026-03-14T15:30",
    "where": "place, or how they meet",
    "meeting_format": "in-person, phone or video",
}
REQUIRED = ("name", "field")
MAX_ROWS = 5_000


class RosterError(InterviewPrepError, ValueError):
    """A roster cannot be read at all (as opposed to a bad row, which is skipped)."""


@dataclass(frozen=True)
class Student:
    """One roster row: its line number and its values."""

    row: int
    values: Mapping[str, str]

    @property
    def name(self) -> str:
        return self.values.get("name", "")


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


@dataclass(frozen=True)
class Outcome:
    """What happened to one row: a file made or kept, or the problem that skipped it."""

    row: int
    name: str
    path: Path | None = None
    skipped: bool = False
    error: str | None = None
    data: bytes | None = field(default=None, repr=False)
    missing_glyphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class BatchResult:
    """Every row's outcome in roster order, and the combined file if one was made."""

    outcomes: tuple[Outcome, ...]
    combined: Path | None

    @property
    def made(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.error is None)

    @property
    def failed(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.error is not None)

    @property
    def unprintable(self) -> tuple[Outcome, ...]:
        """Documents made with characters no installed font can draw (empty boxes on paper)."""
        return tuple(o for o in self.outcomes if o.missing_glyphs and o.error is None)

    @property
    def ok(self) -> bool:
        """Every row made, and every character printable."""
        return not self.failed and not self.unprintable

    def summary(self) -> str:
        kept = sum(o.skipped for o in self.outcomes)
        lines = [
            f"{len(self.made)} of {len(self.outcomes)} students done"
            + (f" ({kept} already there, kept)" if kept else "")
            + (f"; {len(self.failed)} rows skipped:" if self.failed else ".")
        ]
        lines += [f"  row {o.row} ({o.name or 'no name'}): {o.error}" for o in self.failed]
        if self.unprintable:
            lines.append(
                f"{len(self.unprintable)} "
                + ("document has" if len(self.unprintable) == 1 else "documents have")
                + " characters no installed font can draw "
                "(they print as empty boxes); run scripts/setup as root, or install "
                "fonts-noto-core and fonts-noto-cjk, then rerun with --force:"
            )
            lines += [
                f"  row {o.row} ({o.name or 'no name'}): {glyph_list(o.missing_glyphs)}"
                for o in self.unprintable
            ]
        if self.combined:
            lines.append(f"combined: {self.combined}")
        return "\n".join(lines)


def read_roster(path: str | os.PathLike[str]) -> list[Student]:
    """Read a CSV or YAML roster; column names are checked, rows are checked later."""
    source = Path(path)
    try:
        raw = source.read_bytes()
    except OSError as error:
        raise RosterError(
            f"cannot read the roster {source}: {error.strerror or error}", hint="check the path"
        ) from None
    text = raw.decode("utf-8-sig", errors="replace")
    if source.suffix.lower() in (".yaml", ".yml"):
        rows = _yaml_rows(text, str(source))
    else:
        rows = _csv_rows(text, str(source))
    if not rows:
        raise RosterError(f"the roster {source} has no students", hint="add one row per student")
    if len(rows) > MAX_ROWS:
        raise RosterError(f"the roster has {len(rows):,} rows, over the limit of {MAX_ROWS:,}")
    return rows


def _normal_column(name: str) -> str:
    return re.sub(r"[^a-z]+", "_", name.strip().lower()).strip("_")


def _check_columns(columns: Iterable[str], source: str) -> None:
    from .errors import closest

    problems = []
    found = list(columns)
    for column in found:
        if column not in COLUMNS:
            near = closest(column, COLUMNS)
            problems.append(
                Problem(
                    f"unknown column {column!r}",
                    Location(source, 1),
                    hint=(
                        f"did you mean {near[0]!r}?"
                        if near
                        else "known columns: " + ", ".join(COLUMNS)
                    ),
                )
            )
    for column in REQUIRED:
        if column not in found:
            problems.append(
                Problem(
                    f"missing column {column!r}",
                    Location(source, 1),
                    hint=f"add a {column!r} column: {COLUMNS[column]}",
                )
            )
    if problems:
        from .errors import BankError

        raise RosterError(
            str(BankError(source, problems)).replace(" problem", " roster problem"),
            hint="see `interview-prep batch --help` for the columns",
        )


def _csv_rows(text: str, source: str) -> list[Student]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        return []
    except csv.Error as error:
        raise RosterError(f"{source}: not a CSV file: {error}") from None
    columns = [_normal_column(c) for c in header]
    _check_columns([c for c in columns if c], source)
    students = []
    try:
        for line, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            values = {
                col: cell.strip()
                for col, cell in zip(columns, cells, strict=False)
                if col and cell.strip()
            }
            students.append(Student(line, values))
    except csv.Error as error:
        raise RosterError(f"{source}, line {reader.line_num}: {error}") from None
    return students


def _yaml_rows(text: str, source: str) -> list[Student]:
    from .yamlfile import read_yaml

    doc = read_yaml(text, source)
    data = doc.data.get("students") if isinstance(doc.data, dict) else doc.data
    if not isinstance(data, list):
        raise RosterError(f"{source}: expected a list of students (or `students:` holding one)")
    columns = {_normal_column(str(k)) for row in data if isinstance(row, dict) for k in row}
    _check_columns(columns, source)
    students = []
    for index, row in enumerate(data):
        line = doc.locate(("students", index) if isinstance(doc.data, dict) else (index,)).line
        values = (
            {_normal_column(str(k)): str(v).strip() for k, v in row.items() if v is not None}
            if isinstance(row, dict)
            else {}
        )
        students.append(Student(line or index + 1, values))
    return students


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
    from . import documents
    from .model import Contact, Meeting
    from .select import plan_interview

    values = job.student.values
    if not job.student.name:
        raise InterviewPrepError("no name", hint="fill in the name column")
    catalog = _catalog_for(job.banks)
    minutes = _int(values, "minutes", job.minutes)
    seed = _int(values, "seed", default_seed(job.student.name, job.seed))
    when = None
    if values.get("when"):
        try:
            when = datetime.fromisoformat(values["when"])
        except ValueError:
            raise InterviewPrepError(
                f"when {values['when']!r} is not a date and time",
                hint="write it like 2026-03-14T15:30",
            ) from None
    contact = Contact(values.get("contact"), values.get("title"), values.get("org"))
    meeting = Meeting(when, values.get("where"), values.get("meeting_format"))
    stage = values.get("stage", job.stage)
    if job.document == "shadow-plan":
        document = documents.shadow_plan(
            values.get("field", ""),
            stage,
            _int(values, "hours", 4),
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
    if job.format != "pdf":
        return Made(str(document.render(job.format)).encode("utf-8"))
    import warnings

    from .errors import MissingGlyphsWarning
    from .fonts import missing_characters

    missing = tuple(missing_characters(f"{document.title}\n{document.markdown}"))
    if missing and job.strict:
        raise InterviewPrepError(
            f"no installed font can draw {glyph_list(missing)}; nothing was written",
            hint="run scripts/setup as root, or install fonts-noto-core and fonts-noto-cjk",
        )
    with warnings.catch_warnings():  # reported once, in the batch summary
        warnings.simplefilter("ignore", MissingGlyphsWarning)
        return Made(document.to_pdf(paper=job.paper), missing)


@lru_cache(maxsize=4)
def _catalog_for(banks: tuple[str, ...]) -> Catalog:
    """The catalog for a batch's extra banks, read once per worker rather than once a row."""
    from .catalog import default_catalog, load_catalog

    return load_catalog(banks) if banks else default_catalog()


def _int(values: Mapping[str, str], key: str, default: int) -> int:
    if key not in values:
        return default
    try:
        return int(values[key])
    except ValueError:
        raise InterviewPrepError(f"{key} {values[key]!r} is not a whole number") from None


def run_batch(
    roster: str | os.PathLike[str] | Sequence[Student],
    out_dir: str | os.PathLike[str],
    *,
    document: str = "prep-sheet",
    format: str = "pdf",
    stage: str = "college",
    minutes: int = 30,
    banks: Sequence[str] = (),
    paper: str = "letter",
    seed: int | None = None,
    jobs: int | None = None,
    executor: Executor | None = None,
    combined: bool = True,
    force: bool = False,
    strict: bool = False,
    on_done: Callable[[Outcome], None] | None = None,
) -> BatchResult:
    """Make one document per student, plus one combined PDF in roster order.

    A bad row is reported with its row number and skipped; the others are made. A file that
    is already there is kept (a rerun finishes an interrupted batch) unless ``force``. Work
    runs in ``jobs`` processes (default: every core), or on any ``executor`` you pass, such as
    a Dask or Ray one. A PDF holding characters no installed font can draw is made and
    listed in `BatchResult.unprintable`; with ``strict`` it is an error instead.
    """
    from .errors import UnknownNameError

    if document not in BATCH_DOCUMENTS:
        raise UnknownNameError("batch document", document, BATCH_DOCUMENTS)
    if format not in BATCH_FORMATS:
        raise UnknownNameError("batch format", format, BATCH_FORMATS)
    students = read_roster(roster) if isinstance(roster, (str, os.PathLike)) else list(roster)
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create the folder {folder}: {error.strerror}") from None
    resolved = folder.resolve()
    outcomes: dict[int, Outcome] = {}
    pending: list[tuple[Job, Path]] = []
    for position, student in enumerate(students, start=1):
        target = folder / safe_file_name(position, student.name, format)
        if target.resolve().parent != resolved:  # pragma: no cover - the name is sanitised
            raise OutputError(f"refusing to write outside {folder}: {target}")
        if not student.name or not student.values.get("field"):
            missing = "name" if not student.name else "field"
            outcome = Outcome(student.row, student.name, error=f"no {missing}")
        elif target.exists() and not force:
            outcome = Outcome(student.row, student.name, target, skipped=True)
        else:
            pending.append(
                (
                    Job(
                        student,
                        document,
                        format,
                        stage,
                        minutes,
                        tuple(map(str, banks)),
                        paper,
                        seed,
                        strict,
                    ),
                    target,
                )
            )
            continue
        outcomes[student.row] = outcome
        if on_done:
            on_done(outcome)
    from concurrent.futures import ProcessPoolExecutor

    owned = executor is None
    if owned and pending:
        _warm_up(banks)
    pool = executor or ProcessPoolExecutor(max_workers=jobs or os.cpu_count() or 1)
    try:
        futures = [(pool.submit(make_one, job), job, target) for job, target in pending]
        for future, job, target in futures:
            try:
                made = future.result()
            except InterviewPrepError as error:
                outcome = Outcome(
                    job.student.row, job.student.name, error=str(error).replace("\n", " ")
                )
            else:
                from .output import atomic_write

                atomic_write(target, made.data, force=True)
                outcome = Outcome(
                    job.student.row,
                    job.student.name,
                    target,
                    missing_glyphs=made.missing_glyphs,
                )
            outcomes[job.student.row] = outcome
            if on_done:
                on_done(outcome)
    finally:
        if owned:
            pool.shutdown(cancel_futures=True)
    ordered = tuple(outcomes[s.row] for s in students)
    combined_path = None
    if combined and format == "pdf" and any(o.path for o in ordered):
        combined_path = _combine(ordered, folder / f"all-{document}s.pdf")
    return BatchResult(ordered, combined_path)


def _warm_up(banks: Sequence[str]) -> None:
    """Load the banks and the PDF engine before starting workers: forked workers inherit
    them instead of each paying for them again."""
    import multiprocessing

    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork"):
        return
    _catalog_for(tuple(map(str, banks)))
    from .render import warm_up_pdf_engine

    warm_up_pdf_engine()


def _combine(outcomes: Sequence[Outcome], target: Path) -> Path:
    """One PDF of every student's pages, in roster order, for printing."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for outcome in outcomes:
        if outcome.path is not None:
            writer.append(str(outcome.path))
    buffer = io.BytesIO()
    writer.write(buffer)
    from .output import atomic_write

    return atomic_write(target, buffer.getvalue(), force=True)
