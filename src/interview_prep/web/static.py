"""The app's own CSS and JavaScript, and the documents' stylesheet scoped for the preview:
every asset comes from this server."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

CACHE = "public, max-age=3600"


async def document_css(request: Request) -> Response:
    from .preview import document_css as css

    return Response(css(), media_type="text/css; charset=utf-8", headers={"cache-control": CACHE})


def static_routes() -> list[BaseRoute]:
    return [
        Route("/static/document.css", document_css, methods=["GET"]),
        Mount("/static", StaticFiles(packages=[("interview_prep.web", "static")]), name="static"),
    ]
