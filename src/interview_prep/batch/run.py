"""Run a batch: one document per student on a pool of workers, plus the PDFs to print."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from contextlib import closing
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InterviewPrepError, OutputError
from .combine import Part, merge, part_recipe, plan_parts
from .make import Job, catalog_for, glyph_list, safe_file_name
from .pool import bounded, worker_pool
from .roster import Student, normal_choice, read_roster
from .worker import Destination, Written, make_into

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from .manifest import Manifest

BATCH_DOCUMENTS = ("prep-sheet", "script", "reflection", "shadow-plan")
BATCH_FORMATS = ("pdf", "md", "html", "docx")


@dataclass(frozen=True)
class Outcome:
    """What happened to one row: a file made or kept (its path and size), or the problem
    that skipped it."""

    row: int
    name: str
    path: Path | None = None
    skipped: bool = False
    error: str | None = None
    missing_glyphs: tuple[str, ...] = ()
    size: int | None = None


@dataclass(frozen=True)
class BatchResult:
    """Every row's outcome in roster order, the PDFs to print (one for a class; one per 50
    students for a bigger roster), and any of those that could not be written."""

    outcomes: tuple[Outcome, ...]
    combined: tuple[Path, ...] = ()
    problems: tuple[str, ...] = ()

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
        """Every row made, every character printable, every file to print written."""
        return not self.failed and not self.unprintable and not self.problems

    def summary(self) -> str:
        kept = sum(o.skipped for o in self.outcomes)
        failed = len(self.failed)
        lines = [
            f"{len(self.made)} of {len(self.outcomes)} students done"
            + (f" ({kept} already there, kept)" if kept else "")
            + (f"; {failed} {'row' if failed == 1 else 'rows'} skipped:" if failed else ".")
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
        lines += [f"combined: {path}" for path in self.combined]
        lines += [f"not combined: {problem}" for problem in self.problems]
        return "\n".join(lines)


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
    """Make one document per student into ``out_dir``, plus the PDFs to print in roster
    order (one for a class; one per 50 students for a bigger roster).

    Each worker writes its student's file itself and sends back a small record, and each
    part to print is merged from disk as soon as its students' files exist, so the memory
    this takes does not grow with the roster. A bad row is reported with its row number and
    skipped; the others are made. A rerun keeps the files this batch already made from the
    same row, options and banks (so an interrupted batch finishes where it stopped) and
    remakes the ones whose recipe changed; a file it did not make, or one changed since it
    made it, is replaced only with ``force``. Work runs in ``jobs`` processes (default:
    every core), or on any ``executor`` you pass, such as a thread pool or a Dask client's
    executor (whose workers write into ``out_dir`` when they can see it, and otherwise send
    each document back to be written here). ``on_done`` is called in this process with each
    row's `Outcome` as it finishes. A PDF holding characters no installed font can draw is
    made and listed in `BatchResult.unprintable`; with ``strict`` it is an error instead.
    """
    from ..errors import UnknownNameError
    from ..values import checked_int
    from .manifest import Manifest, bank_digest, recipe

    document, format, stage, paper = (
        normal_choice(name, value)
        for name, value in (
            ("document", document),
            ("format", format),
            ("stage", stage),
            ("paper", paper),
        )
    )
    if document not in BATCH_DOCUMENTS:
        raise UnknownNameError("batch document", document, BATCH_DOCUMENTS)
    if format not in BATCH_FORMATS:
        raise UnknownNameError("batch format", format, BATCH_FORMATS)
    if jobs is not None:
        checked_int("jobs", jobs)
    checked_int("minutes", minutes)
    students = read_roster(roster) if isinstance(roster, (str, os.PathLike)) else list(roster)
    catalog_for(tuple(map(str, banks)))  # a bad bank is refused before any folder is made
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create the folder {folder}: {error.strerror}") from None
    resolved = folder.resolve()
    manifest = Manifest(folder)
    digest = bank_digest(map(str, banks))
    run = _Run(manifest, students, on_done)
    if combined and format == "pdf":
        run.plan_parts(plan_parts(len(students), folder, document), force)
    token = manifest.start()
    pending: list[tuple[int, tuple[Job, Destination]]] = []
    for position, student in enumerate(students, start=1):
        target = folder / safe_file_name(position, student.name, format)
        if target.resolve().parent != resolved:  # pragma: no cover - the name is sanitized
            raise OutputError(f"refusing to write outside {folder}: {target}")
        job = Job(
            student, document, format, stage, minutes, tuple(map(str, banks)), paper, seed, strict
        )
        wanted = recipe(job, digest)
        if not student.name or not student.values.get("field"):
            missing = "name" if not student.name else "field"
            run.finish(position, Outcome(student.row, student.name, error=f"no {missing}"))
        elif not force and manifest.still_fits(target, wanted):
            size = manifest.entries[target.name].size
            run.finish(position, Outcome(student.row, student.name, target, True, size=size))
        elif not force and _protected(target, manifest):
            run.finish(position, Outcome(student.row, student.name, error=_foreign(target)))
        else:
            destination = Destination(str(folder), target.name, wanted, token)
            pending.append((position, (job, destination)))
    if pending and executor is None:
        _warm_up(banks, pdf=format == "pdf")
    workers = worker_pool(executor, jobs, bool(pending))
    with workers as pool:
        results = bounded(pool, make_into, pending, workers.window, owned=workers.owned)
        with closing(results):
            for position, future in results:
                run.finish(position, _outcome(students[position - 1], future, folder, manifest))
    manifest.compact()
    return run.result()


def _outcome(
    student: Student, future: Future[Written], folder: Path, manifest: Manifest
) -> Outcome:
    """Turn a worker's answer into the row's outcome (writing the file here if the worker
    could not)."""
    try:
        written = future.result()
        target = folder / written.name
        if written.data is not None:
            from ..files.write import atomic_write

            atomic_write(target, written.data, force=True)
            manifest.record(target, written.entry.recipe, written.entry.sha256)
        else:
            manifest.note(written.name, written.entry)
    except InterviewPrepError as error:
        return Outcome(student.row, student.name, error=row_problem(error))
    except Exception as error:  # one student's unforeseen failure must not stop a district
        return Outcome(
            student.row,
            student.name,
            error=f"could not be made ({type(error).__name__}: {error}); this is a bug in "
            "interview-prep: please report it with this row",
        )
    return Outcome(
        student.row,
        student.name,
        target,
        missing_glyphs=written.missing_glyphs,
        size=written.entry.size,
    )


def _foreign(target: Path) -> str:
    return (
        f"{target.name} is already there and this batch did not make it (or it was changed "
        "since); move it away, or pass --force to replace it"
    )


class _Run:
    """One run's outcomes, in the order rows finish, and the parts to print merged as soon
    as every student in them is done."""

    def __init__(
        self,
        manifest: Manifest,
        students: Sequence[Student],
        on_done: Callable[[Outcome], None] | None,
    ) -> None:
        self.manifest = manifest
        self.students = students
        self.on_done = on_done
        self.outcomes: dict[int, Outcome] = {}
        self.parts: list[Part] = []
        self.waiting: dict[int, int] = {}  # part index: students not finished yet
        self.blocked: set[int] = set()
        self.printable: dict[int, Path] = {}
        self.problems: list[str] = []

    def plan_parts(self, parts: list[Part], force: bool) -> None:
        self.parts = parts
        for index, part in enumerate(parts):
            self.waiting[index] = part.last - part.first + 1
            if not force and _protected(part.path, self.manifest):
                self.blocked.add(index)
                self.problems.append(_foreign(part.path))

    def finish(self, position: int, outcome: Outcome) -> None:
        self.outcomes[position] = outcome
        if self.on_done:
            self.on_done(outcome)
        if not self.parts:
            return
        index = (position - 1) // (self.parts[0].last - self.parts[0].first + 1)
        self.waiting[index] -= 1
        if self.waiting[index] == 0 and index not in self.blocked:
            self._merge(index, self.parts[index])

    def _merge(self, index: int, part: Part) -> None:
        members = [
            o.path
            for o in (self.outcomes[p] for p in range(part.first, part.last + 1))
            if o.path is not None
        ]
        if not members:
            return
        made_from = part_recipe(
            [(p.name, *astuple(self.manifest.entries[p.name])[:2]) for p in members]
        )
        if not self.manifest.still_fits(part.path, made_from):
            try:
                digest = merge(members, part.path)
                self.manifest.record(part.path, made_from, digest)
            except OutputError as error:
                self.problems.append(str(error).replace("\n", " "))
                return
        self.printable[index] = part.path

    def result(self) -> BatchResult:
        ordered = tuple(self.outcomes[p] for p in range(1, len(self.students) + 1))
        printable = tuple(self.printable[index] for index in sorted(self.printable))
        return BatchResult(ordered, printable, tuple(self.problems))


def _protected(target: Path, manifest: Manifest) -> bool:
    """True when ``target`` holds something the batch must not replace without force:
    anything there but an empty file, unless the batch made it and nobody changed it."""
    import stat

    try:
        info = target.lstat()
    except OSError:
        return False
    if stat.S_ISREG(info.st_mode) and info.st_size == 0:
        return False  # a file cut short: nothing in it to lose
    return not manifest.untouched(target)


def _warm_up(banks: Sequence[str], *, pdf: bool) -> None:
    """Load the banks (and the PDF engine, for PDFs) before starting workers: forked workers
    inherit them instead of each paying for them again."""
    import multiprocessing

    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork"):
        return
    catalog_for(tuple(map(str, banks)))
    if pdf:
        from ..pdf import warm_up_pdf_engine

        warm_up_pdf_engine()


def row_problem(error: InterviewPrepError) -> str:
    """One line for a bad row, each problem led by the column it is about."""
    from ..errors import ParameterError

    problems = error.problems if isinstance(error, ParameterError) else ()
    if not problems:
        text = error.message + (f" (hint: {error.hint})" if error.hint else "")
        column = error.parameter.replace("-", "_") if error.parameter else None
        return f"{column}: {text}" if column else text
    return "; ".join(f"{p.parameter.replace('-', '_')}: {p}" for p in problems)
