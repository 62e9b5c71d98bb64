"""The letter pages: every kind, in every channel."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..controls import LETTER_TITLES
from ..making import form_page, make
from ..pages import page


def _kind(request: Request) -> str:
    kind = str(request.path_params["kind"])
    if kind not in LETTER_TITLES:
        raise HTTPException(404, f"there is no letter called {kind!r}")
    return kind


async def letter_list(request: Request) -> Response:
    return page(
        "letters.html", title="Letters", current="/letters", letters=tuple(LETTER_TITLES.items())
    )


async def letter_form(request: Request) -> Response:
    return form_page("letters", _kind(request), {})


async def letter_make(request: Request) -> Response:
    return await make(request, "letters", _kind(request), request.app.state.pool)


routes = [
    Route("/letters", letter_list, methods=["GET"]),
    Route("/letters/{kind}", letter_form, methods=["GET"]),
    Route("/letters/{kind}", letter_make, methods=["POST"]),
]
