"""Browse the questions (by job, stage, theme and mode) and the job search behind the
autocomplete."""

from __future__ import annotations

from dataclasses import replace

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ...errors import InterviewPrepError
from ..controls import JOB, MODE, Control
from ..forms import FieldProblem, problem_from_error
from ..making import choices
from ..pages import page

SHOWN = 200
SUGGESTIONS = 10
MAX_QUERY = 200
CONTROLS = (
    replace(JOB, required=False, hint="Leave it empty for every job."),
    Control("stage", "Where you are now", "", "select", "stage", empty="Any"),
    Control("theme", "Theme", "", "select", "theme", empty="Any"),
    replace(MODE, kind="select", default="", empty="Any"),
)


async def questions(request: Request) -> Response:
    from ... import default_catalog, find_questions

    values = {
        c.name: request.query_params[c.name].strip()[:MAX_QUERY]
        for c in CONTROLS
        if request.query_params.get(c.name, "").strip()
    }
    items = None
    problems: list[FieldProblem] = []
    groups: list[tuple[str, list[object]]] = []
    total = 0
    if values:
        catalog = default_catalog()
        try:
            found = find_questions(
                values.get("field"),
                values.get("stage"),
                values.get("theme"),
                values.get("mode"),
                catalog=catalog,
            )
        except InterviewPrepError as error:
            problems.append(problem_from_error(error, "field"))
        else:
            total = len(found)
            items = found.items[:SHOWN]
            titles = {t.id: t.title for t in catalog.taxonomy.themes}
            for item in items:
                title = titles.get(item.theme, item.theme)
                if not groups or groups[-1][0] != title:
                    groups.append((title, []))
                groups[-1][1].append(item)
    return page(
        "questions.html",
        400 if problems else 200,
        title="Browse the questions",
        current="/questions",
        controls=CONTROLS,
        values=values,
        problems=problems,
        errors={p.field: p for p in problems if p.field},
        shown={c.name for c in CONTROLS},
        choices=choices(),
        items=items,
        groups=groups,
        total=total,
    )


async def fields(request: Request) -> Response:
    """GET /api/fields?q=TEXT: suggestions as ``[{id, title, kind}]``."""
    from ... import default_catalog

    query = request.query_params.get("q", "").strip()
    if not query:
        return JSONResponse([])
    if len(query) > MAX_QUERY:
        return JSONResponse(
            {"error": f"the search is {len(query):,} characters long; the most is {MAX_QUERY}"},
            status_code=400,
        )
    try:
        found = default_catalog().search_fields(query, SUGGESTIONS)
    except InterviewPrepError as error:
        return JSONResponse({"error": str(error)}, status_code=400)
    return JSONResponse([{"id": m.id, "title": m.title, "kind": m.kind} for m in found])


routes = [
    Route("/questions", questions, methods=["GET"]),
    Route("/api/fields", fields, methods=["GET"]),
]
