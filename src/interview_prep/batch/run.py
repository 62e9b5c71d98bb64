"""Run a batch: one document per student on a pool of workers, plus one PDF to print."""

from __future__ import annotations

import os
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InterviewPrepError, OutputError
from .make import Job, catalog_for, glyph_list, make_one, safe_file_name
from .roster import Student, read_roster

if TYPE_CHECKING:
    from concurrent.futures import Executor

BATCH_DOCUMENTS = ("prep-sheet", "script", "reflection", "shadow-plan")
BATCH_FORMATS = ("pdf", "md", "html", "docx")


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
    """Every row's outcome in roster order, and the combined PDFs to print (one for a
    class; one per 50 students for a bigger roster)."""

    outcomes: tuple[Outcome, ...]
    combined: tuple[Path, ...] = ()

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
        lines += [f"combined: {path}" for path in self.combined]
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
    """Make one document per student, plus one combined PDF in roster order.

    A bad row is reported with its row number and skipped; the others are made. A rerun
    keeps the files this batch already made from the same row, options and banks (so an
    interrupted batch finishes where it stopped) and remakes the ones whose recipe changed;
    a file it did not make is replaced only with ``force``. Work runs in ``jobs`` processes
    (default: every core), or on any ``executor`` you pass, such as a Dask or Ray one. A PDF
    holding characters no installed font can draw is made and listed in
    `BatchResult.unprintable`; with ``strict`` it is an error instead.
    """
    from ..errors import UnknownNameError
    from ..values import checked_int
    from .manifest import Manifest, bank_digest, recipe

    if document not in BATCH_DOCUMENTS:
        raise UnknownNameError("batch document", document, BATCH_DOCUMENTS)
    if format not in BATCH_FORMATS:
        raise UnknownNameError("batch format", format, BATCH_FORMATS)
    if jobs is not None:
        checked_int("jobs", jobs)
    checked_int("minutes", minutes)
    students = read_roster(roster) if isinstance(roster, (str, os.PathLike)) else list(roster)
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create the folder {folder}: {error.strerror}") from None
    resolved = folder.resolve()
    manifest = Manifest(folder)
    digest = bank_digest(map(str, banks))
    outcomes: dict[int, Outcome] = {}
    pending: list[tuple[Job, Path, str]] = []
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
            outcome = Outcome(student.row, student.name, error=f"no {missing}")
        elif not force and manifest.still_fits(target, wanted):
            outcome = Outcome(student.row, student.name, target, skipped=True)
        elif not force and _exists(target) and not manifest.made_here(target):
            outcome = Outcome(
                student.row,
                student.name,
                error=f"{target.name} is already there and this batch did not make it; "
                "move it away, or pass --force to replace it",
            )
        else:
            pending.append((job, target, wanted))
            continue
        outcomes[student.row] = outcome
        if on_done:
            on_done(outcome)
    owned = executor is None
    if owned and pending:
        _warm_up(banks)
    with _worker_pool(executor, jobs, bool(pending)) as pool:
        futures = [(pool.submit(make_one, job), job, target, made) for job, target, made in pending]
        for future, job, target, made_from in futures:
            try:
                made = future.result()
            except InterviewPrepError as error:
                outcome = Outcome(
                    job.student.row, job.student.name, error=str(error).replace("\n", " ")
                )
            else:
                from ..files.write import atomic_write

                atomic_write(target, made.data, force=True)
                manifest.record(target, made_from)
                outcome = Outcome(
                    job.student.row, job.student.name, target, missing_glyphs=made.missing_glyphs
                )
            outcomes[job.student.row] = outcome
            if on_done:
                on_done(outcome)
    manifest.compact()
    ordered = tuple(outcomes[s.row] for s in students)
    printable: tuple[Path, ...] = ()
    if combined and format == "pdf" and any(o.path for o in ordered):
        printable = _combine(ordered, folder, document)
    return BatchResult(ordered, printable)


def _exists(target: Path) -> bool:
    return target.is_symlink() or target.exists()


class _worker_pool:
    """The executor a batch runs on. One it starts itself is shut down however the batch
    ends; on an interrupt or a kill its workers are stopped too, never left running."""

    def __init__(self, executor: Executor | None, jobs: int | None, needed: bool) -> None:
        self.owned = executor is None
        self.executor = executor
        self.jobs = jobs or os.cpu_count() or 1
        self.needed = needed
        self.previous: object = None

    def __enter__(self) -> Executor:
        if self.executor is not None:
            return self.executor
        from concurrent.futures import ProcessPoolExecutor

        self.executor = ProcessPoolExecutor(
            max_workers=self.jobs if self.needed else 1, initializer=_die_with_parent
        )
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGTERM, _terminate)
        return self.executor

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if not self.owned or self.executor is None:
            return
        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)  # type: ignore[arg-type]
        if kind is None:
            self.executor.shutdown(cancel_futures=True)
            return
        # stopped early: end the workers now rather than wait for their current documents
        processes = list(getattr(self.executor, "_processes", {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=5)


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _die_with_parent() -> None:
    """In a worker: ask Linux to end this process if the batch process dies (even by
    SIGKILL, which leaves it no chance to stop its workers itself)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the handler inherited from the batch
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the parent already died before the request took effect
        os._exit(1)


def _warm_up(banks: Sequence[str]) -> None:
    """Load the banks and the PDF engine before starting workers: forked workers inherit
    them instead of each paying for them again."""
    import multiprocessing

    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork"):
        return
    catalog_for(tuple(map(str, banks)))
    from ..render import warm_up_pdf_engine

    warm_up_pdf_engine()


COMBINED_CHUNK = 50


def _combine(outcomes: Sequence[Outcome], folder: Path, document: str) -> tuple[Path, ...]:
    """The students' pages in roster order, for printing: one PDF for a class, and for a
    bigger roster one PDF per 50 students, so memory stays flat however long the roster."""
    made = [o.path for o in outcomes if o.path is not None]
    stem = f"all-{document}s"
    if len(made) <= COMBINED_CHUNK:
        return (_merge(made, folder / f"{stem}.pdf"),)
    parts = []
    for start in range(0, len(made), COMBINED_CHUNK):
        chunk = made[start : start + COMBINED_CHUNK]
        end = start + len(chunk)
        parts.append(_merge(chunk, folder / f"{stem}-{start + 1:04d}-{end:04d}.pdf"))
    return tuple(parts)


def _merge(sources: Sequence[Path], target: Path) -> Path:
    """One PDF of ``sources``' pages, written whole or not at all (qpdf, through pikepdf)."""
    import tempfile

    import pikepdf

    from ..files.write import atomic_write

    combined = pikepdf.new()
    opened = []
    try:
        for source in sources:
            try:
                pdf = pikepdf.open(source)
            except (pikepdf.PdfError, OSError) as error:
                raise OutputError(
                    f"cannot add {source.name} to the combined PDF: {error}",
                    hint="delete that file and run the batch again to remake it",
                ) from None
            opened.append(pdf)
            for page in pdf.pages:  # each sheet keeps its form fields; paper needs none
                if "/Annots" in page:
                    kept = [a for a in page.Annots if a.get("/Subtype") != pikepdf.Name.Widget]
                    page.Annots = pdf.make_indirect(pikepdf.Array(kept))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
                combined.pages.extend(pdf.pages)
        with tempfile.TemporaryFile(dir=target.parent) as buffer, warnings.catch_warnings():
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            combined.save(buffer)
            buffer.seek(0)
            data = buffer.read()
    finally:
        for pdf in opened:
            pdf.close()
        combined.close()
    return atomic_write(target, data, force=True)
