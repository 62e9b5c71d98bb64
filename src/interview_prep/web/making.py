"""Making one document or letter from a form: the form page with its problems, the page with
the preview, or a download. Shared by the document and letter routes."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..errors import InterviewPrepWarning
from . import controls as ui
from .forms import FieldProblem, FormInvalid, Values, build, form_values, output_request
from .forms import output_values as read_output
from .pages import page
from .pool import RenderPool

MAX_FIELDS = 200
IN_PROCESS = ("md", "txt", "ics")
LABELS = {"in-person": "In person", "high-school": "High school", "linkedin": "LinkedIn"}


@lru_cache(maxsize=1)
def choices() -> dict[str, tuple[tuple[str, str], ...]]:
    """The options of every select and radio group, from the catalog and the vocabulary."""
    from .. import default_catalog
    from ..vocabulary import CHOICES

    taxonomy = default_catalog().taxonomy
    found: dict[str, tuple[tuple[str, str], ...]] = {
        name: tuple(
            (value, LABELS.get(value, value.replace("-", " ").capitalize())) for value in values
        )
        for name, values in CHOICES.items()
    }
    found["stage"] = tuple((s.id, s.title) for s in taxonomy.stages)
    found["seniority"] = tuple((s.id, s.title) for s in taxonomy.seniority)
    found["theme"] = tuple((t.id, t.title) for t in taxonomy.themes)
    return found


def form_page(
    family: str,
    kind: str,
    values: Values | dict[str, Any],
    problems: Sequence[FieldProblem] = (),
    *,
    document: Any = None,
    notes: Sequence[str] = (),
    status: int = 200,
) -> Response:
    """The form for ``kind``, filled with ``values``; with ``document``, its preview too."""
    from .preview import preview_html

    documents = family == "documents"
    controls = ui.document_controls(kind) if documents else ui.LETTER_CONTROLS[kind]
    look = (ui.SCHOOL, ui.PAPER)
    letter_text = None
    if document is not None and not documents and document.channel in ("email", "linkedin"):
        letter_text = document.text
    shown = {c.name for c in (*controls, *look)}
    errors = FormInvalid(problems).by_field()
    return page(
        "make.html",
        status,
        title=ui.document_title(kind) if documents else ui.LETTER_TITLES[kind],
        summary=ui.document_summary(kind) if documents else "",
        noun=kind.replace("-", " ") if documents else "letter",
        action=f"/{family}/{kind}",
        current=f"/{family}/{kind}" if documents else "/letters",
        controls=controls,
        look=look,
        values=values,
        problems=problems,
        errors=errors,
        shown=shown,
        choices=choices(),
        formats=ui.formats_for(kind) if documents else ui.LETTER_FORMATS,
        format_labels=ui.FORMAT_LABELS
        if documents
        else {**ui.FORMAT_LABELS, "pdf": "PDF (to print)"},
        preview=preview_html(document) if document is not None else None,
        doc_kind=getattr(document, "kind", kind),
        notes=notes,
        letter_text=letter_text,
        letter_limit=getattr(document, "limit", None),
        letter_counts=getattr(document, "counts", ""),
        letter_characters=getattr(document, "characters", 0),
    )


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def problems_response(
    request: Request, family: str, kind: str, values: Values, error: FormInvalid
) -> Response:
    if _wants_json(request):
        return JSONResponse(
            {
                "problems": [
                    {"field": p.field, "message": p.message, "hint": p.hint, "choices": p.choices}
                    for p in error.problems
                ]
            },
            status_code=422,
        )
    return form_page(family, kind, values, error.problems, status=422)


def _built(family: str, kind: str, values: Values) -> tuple[Any, list[str]]:
    """Build in the event loop's thread (it takes milliseconds), keeping the library's
    warnings to show beside the result."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InterviewPrepWarning)
        document = build(family, kind, values)
    return document, [
        str(w.message) for w in caught if issubclass(w.category, InterviewPrepWarning)
    ]


async def make(request: Request, family: str, kind: str, pool: RenderPool) -> Response:
    """POST /documents/{kind} and /letters/{kind}."""
    form = await request.form(max_files=0, max_fields=MAX_FIELDS)
    items = form.multi_items()
    values = form_values(items)
    wanted = read_output(items)
    fmt = wanted.pop("format", "html").strip().lower()
    try:
        document, notes = _built(family, kind, values)
        if fmt == "html":
            output_request(wanted, _formats(family, kind))  # page options checked for a preview
            return form_page(family, kind, {**values, **wanted}, document=document, notes=notes)
        output = output_request({**wanted, "format": fmt}, _formats(family, kind))
    except FormInvalid as error:
        return problems_response(request, family, kind, {**values, **wanted}, error)
    if fmt in IN_PROCESS:
        content = output.render(document)
        data = content.encode("utf-8") if isinstance(content, str) else content
    else:
        key = (family, kind, _frozen(values), _frozen(wanted), fmt)
        data = await pool.run(key, render_output, document, output)
    return download(data, output.format, kind)


def _formats(family: str, kind: str) -> tuple[str, ...]:
    return ("html", *(ui.formats_for(kind) if family == "documents" else ui.LETTER_FORMATS))


def download(data: bytes, fmt: str, stem: str) -> Response:
    """A file to save: its name says what it is, never who it is for."""
    return Response(
        data,
        media_type=ui.MEDIA_TYPES.get(fmt, "application/octet-stream"),
        headers={"content-disposition": f'attachment; filename="{stem}.{fmt}"'},
    )


def render_output(document: Any, output: Any) -> bytes:
    """In a worker process: the document in the requested format, as bytes."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InterviewPrepWarning)  # shown with the preview
        content = output.render(document)
    return content.encode("utf-8") if isinstance(content, str) else content


def _frozen(values: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in values.items()))
