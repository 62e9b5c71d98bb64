"""The document pages: GET shows the form, POST makes the document (preview or download)."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..controls import document_kinds
from ..making import form_page, make


def _kind(request: Request) -> str:
    kind = str(request.path_params["kind"])
    if kind not in document_kinds():
        raise HTTPException(404, f"there is no document called {kind!r}")
    return kind


async def document_form(request: Request) -> Response:
    return form_page("documents", _kind(request), {})


async def document_make(request: Request) -> Response:
    return await make(request, "documents", _kind(request), request.app.state.pool)


routes = [
    Route("/documents/{kind}", document_form, methods=["GET"]),
    Route("/documents/{kind}", document_make, methods=["POST"]),
]
