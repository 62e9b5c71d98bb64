"""The home page, about and privacy, and the health check."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from ..controls import LETTER_TITLES, document_kinds, document_summary, document_title
from ..pages import page


async def home(request: Request) -> Response:
    documents = tuple((k, document_title(k), document_summary(k)) for k in document_kinds())
    return page(
        "home.html",
        title="Get ready to talk with someone about their job",
        current="/",
        documents=documents,
        letters=tuple(LETTER_TITLES.items()),
    )


async def about(request: Request) -> Response:
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("interview-prep")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        number = "(source)"
    return page("about.html", title="About and privacy", current="/about", version=number)


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


routes = [
    Route("/", home, methods=["GET"]),
    Route("/about", about, methods=["GET"]),
    Route("/healthz", healthz, methods=["GET"]),
]
