"""For teachers: a roster in, a zip of every student's sheet out (through the library's own
batch runner), and the course unit as a Common Cartridge."""

from __future__ import annotations

import io
import tempfile
import zipfile
from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ...errors import InterviewPrepError
from ..controls import PAPER, Control
from ..forms import FieldProblem, FormInvalid, form_values, output_values, problem_from_error
from ..making import choices, download
from ..pages import page
from ..pool import PoolFull


def roster_suffixes() -> tuple[str, ...]:
    """The class-list files the library reads: Excel too once it reads uploads' bytes."""
    from ...batch import roster

    reads_bytes = hasattr(roster, "parse_roster")
    return (".csv", ".yaml", ".yml", *((".xlsx",) if reads_bytes else ()))


def roster_kinds() -> str:
    return "CSV or Excel (.xlsx)" if ".xlsx" in roster_suffixes() else "CSV"


BATCH_CONTROLS = (
    Control("roster", "Class list", kind="file", required=True),
    Control("document", "Sheet to make", "", "radios", "batch-document", default="prep-sheet"),
    Control("format", "File format", "", "radios", "batch-format", default="pdf"),
    Control(
        "stage",
        "Stage, for students whose row gives none",
        "",
        "radios",
        "stage",
        default="college",
    ),
    PAPER,
)
UNIT_CONTROLS = (
    Control("start", "First day of the unit", "For example 2026-03-02.", "date", required=True),
    Control("weeks", "Weeks", "From 2 to 12.", "number", default="4"),
    Control("course", "Course or class name"),
    Control("teacher", "Teacher or counselor"),
    Control("shadow", "Include a job shadow", "", "checkbox"),
    Control("field", "A job for the sample prep sheet (optional)", "With a stage below.", "job"),
    Control("stage", "The students' stage (optional)", "", "select", "stage"),
    Control("school", "School name for the page header (optional)"),
    PAPER,
)


def _batch_choices() -> dict[str, Any]:
    from ...batch import BATCH_DOCUMENTS, BATCH_FORMATS

    labels = {"pdf": "PDF", "docx": "Word", "md": "Markdown", "html": "Web page"}
    return {
        **choices(),
        "batch-document": tuple((d, d.replace("-", " ").capitalize()) for d in BATCH_DOCUMENTS),
        "batch-format": tuple((f, labels.get(f, f)) for f in BATCH_FORMATS),
    }


def classroom_page(
    request: Request,
    values: dict[str, Any],
    problems: tuple[FieldProblem, ...] = (),
    status: int = 200,
) -> Response:
    from ...batch import COLUMNS

    settings = request.app.state.settings
    return page(
        "classroom.html",
        status,
        title="For teachers",
        current="/classroom",
        batch_controls=BATCH_CONTROLS,
        unit_controls=UNIT_CONTROLS,
        values=values,
        problems=problems,
        errors=FormInvalid(problems).by_field(),
        shown={c.name for c in (*BATCH_CONTROLS, *UNIT_CONTROLS)},
        choices=_batch_choices(),
        roster_kinds=roster_kinds(),
        roster_accept=",".join((*roster_suffixes(), "text/csv")),
        optional_columns=", ".join(c for c in COLUMNS if c not in ("name", "field")),
        max_rows=settings.max_rows,
        max_size=_size(settings.upload_limit),
    )


def _size(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB" if limit >= 1_000_000 else f"{limit // 1000} KB"


async def classroom(request: Request) -> Response:
    return classroom_page(request, {})


async def batch(request: Request) -> Response:
    """POST /batch: ``roster`` (a file), ``document``, ``format`` (and ``stage``, ``paper``)
    -> a zip of every student's file, the combined PDF and a summary."""
    settings, pool = request.app.state.settings, request.app.state.pool
    async with request.form(max_files=1, max_fields=20) as form:
        upload = form.get("roster")
        items = form.multi_items()
        values = {**form_values(items), **output_values(items)}
        name = upload.filename if isinstance(upload, UploadFile) else None
        raw = await upload.read() if isinstance(upload, UploadFile) and name else b""
    wanted = {
        "document": values.get("document") or "prep-sheet",
        "format": values.get("format") or "pdf",
        "stage": values.get("stage") or "college",
        "paper": values.get("paper") or "letter",
    }
    try:
        suffix = _roster_suffix(name)
        with pool.admit():
            data = await run_in_threadpool(
                _run, raw, suffix, wanted, settings.max_rows, pool.executor
            )
    except FormInvalid as error:
        return classroom_page(request, {**values, **wanted}, error.problems, 422)
    return download(data, "zip", f"{wanted['document']}s")


def _roster_suffix(name: str | None) -> str:
    if not name:
        raise FormInvalid(
            [
                FieldProblem(
                    "roster",
                    "choose the class list to upload",
                    "a CSV file with a name and a field column",
                )
            ]
        )
    suffix = Path(name).suffix.lower()
    if suffix not in roster_suffixes():
        raise FormInvalid(
            [
                FieldProblem(
                    "roster",
                    f"a class list is a CSV file, not {suffix or 'a file without a suffix'}",
                    "save it from your spreadsheet as CSV (comma separated)",
                )
            ]
        )
    return suffix


def _run(
    raw: bytes, suffix: str, wanted: dict[str, Any], max_rows: int, executor: Executor
) -> bytes:
    """Read the roster, run the batch on the app's worker processes, zip what was made."""
    from ...batch import roster, run_batch

    with tempfile.TemporaryDirectory(prefix="interview-prep-") as folder:
        path = Path(folder) / f"roster{suffix}"
        out = Path(folder) / "out"
        try:
            parse = getattr(roster, "parse_roster", None)
            if parse is not None:  # the library reads the upload's bytes itself
                students = parse(raw, f"the class list{suffix}")
            else:
                path.write_bytes(raw)
                students = roster.read_roster(path)
            if len(students) > max_rows:
                raise FormInvalid(
                    [
                        FieldProblem(
                            "roster",
                            f"the class list has {len(students):,} students; this page makes "
                            f"at most {max_rows:,} at a time",
                            "split it into smaller lists",
                        )
                    ]
                )
            result = run_batch(
                students,
                out,
                document=str(wanted["document"]),
                format=str(wanted["format"]),
                stage=str(wanted["stage"]),
                paper=str(wanted["paper"]),
                executor=executor,
            )
        except InterviewPrepError as error:
            problem = problem_from_error(error)
            field = {"batch document": "document", "batch format": "format"}.get(
                getattr(error, "what", ""), problem.field if problem.field in wanted else "roster"
            )
            text = problem.message.replace(str(path), "the class list")
            raise FormInvalid([FieldProblem(field, text, problem.hint, problem.choices)]) from None
        except BrokenProcessPool:
            raise PoolFull(5, "a document worker stopped; try again") from None
        summary = result.summary().replace(f"{out}/", "")
        if not result.made:
            raise FormInvalid([FieldProblem("roster", "no sheet could be made: " + summary)])
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in [o.path for o in result.made if o.path] + list(result.combined):
                archive.write(path, path.name)
            archive.writestr("summary.txt", summary + "\n")
        return buffer.getvalue()


async def unit(request: Request) -> Response:
    """POST /unit: the course unit as an IMS Common Cartridge (.imscc)."""
    from ..forms import build_unit

    form = await request.form(max_files=0, max_fields=40)
    values = form_values(form.multi_items())
    try:
        course_unit, paper = build_unit(values)
    except FormInvalid as error:
        return classroom_page(request, values, error.problems, 422)
    pool = request.app.state.pool
    key = ("unit", tuple(sorted((k, str(v)) for k, v in values.items())))
    data = await pool.run(key, _cartridge, course_unit, paper)
    return download(data, "imscc", "course-unit")


def _cartridge(course_unit: Any, paper: str | None) -> bytes:
    return bytes(course_unit.to_cartridge(paper=paper))


routes = [
    Route("/classroom", classroom, methods=["GET"]),
    Route("/batch", batch, methods=["POST"]),
    Route("/unit", unit, methods=["POST"]),
]
