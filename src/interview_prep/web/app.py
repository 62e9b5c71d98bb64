"""The web app: one Starlette application built from the library's public API, like the CLI.

``create_app()`` makes one; ``app`` is one with the settings from the environment, for
``uvicorn interview_prep.web.app:app`` or gunicorn with uvicorn workers.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .pages import plain_page
from .pool import PoolFull, RenderPool, ResultCache
from .security import BodyTooLarge, Guard

log = logging.getLogger("interview_prep.web")


@dataclass(frozen=True)
class Settings:
    """How much the app takes on: render processes, waiting renders, time per render, cache
    size, and the largest form, upload and roster."""

    render_workers: int = 2
    render_queue: int | None = None
    render_timeout: float = 60.0
    cache_entries: int = 64
    cache_bytes: int = 64_000_000
    body_limit: int = 64_000
    upload_limit: int = 2_000_000
    max_rows: int = 500
    warm_up: bool = True

    @classmethod
    def from_environment(cls) -> Settings:
        """Settings from ``INTERVIEW_PREP_RENDER_WORKERS`` and friends, for a hosted app."""
        from ..errors import InvalidValueError

        found: dict[str, object] = {}
        for name, kind in cls.__annotations__.items():
            variable = f"INTERVIEW_PREP_{name.upper()}"
            raw = os.environ.get(variable, "").strip()
            if not raw:
                continue
            if "bool" in str(kind):
                found[name] = raw.lower() not in ("0", "no", "false", "off")
                continue
            try:
                found[name] = float(raw) if "float" in str(kind) else int(raw)
            except ValueError:
                raise InvalidValueError(
                    f"{variable} must be a number, not {raw!r}", hint="for example 2"
                ) from None
        return cls(**found)  # type: ignore[arg-type]


def create_app(settings: Settings | None = None, *, pool: RenderPool | None = None) -> Guard:
    """The ASGI app. ``pool`` replaces the render pool (tests pass a small one)."""
    from .routes import all_routes
    from .static import static_routes

    settings = settings or Settings()
    if pool is None:
        pool = RenderPool(
            settings.render_workers,
            queue=settings.render_queue,
            timeout=settings.render_timeout,
            cache=ResultCache(settings.cache_entries, settings.cache_bytes),
        )
    owned_pool, warm = pool, settings.warm_up

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if warm:
            owned_pool.warm_up()
            _warm_up_pages()
        yield
        owned_pool.close()

    routes: list[Route] = [*all_routes(), *static_routes()]  # type: ignore[list-item]
    starlette = Starlette(
        routes=routes,
        exception_handlers={
            HTTPException: _http_error,
            PoolFull: _busy,
            BodyTooLarge: _too_large,
            Exception: _server_error,
        },
        lifespan=lifespan,
    )
    starlette.state.settings = settings
    starlette.state.pool = pool
    return Guard(starlette, {"/batch": settings.upload_limit}, settings.body_limit)


def _warm_up_pages() -> None:
    """Load the banks and the templates once, before the first student waits for them."""
    from ..params import build_document
    from .preview import document_css, preview_html

    preview_html(build_document("prep-sheet", {"field": "nurse", "stage": "college"}))
    document_css()


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    titles = {404: "Page not found", 405: "Not allowed here", 400: "Bad request"}
    title = titles.get(error.status_code, "Something is not right")
    message = (
        error.detail
        if error.status_code != 404
        else ("There is no page at this address. Check it, or start again from the home page.")
    )
    return _html(plain_page(title, str(message)), error.status_code, error.headers)


async def _busy(request: Request, error: Exception) -> Response:
    assert isinstance(error, PoolFull)
    return _html(
        plain_page("Busy, please try again", error.message),
        503,
        {"retry-after": str(error.retry_after)},
    )


async def _too_large(request: Request, error: Exception) -> Response:
    assert isinstance(error, BodyTooLarge)
    message = f"What you sent is larger than {error.limit // 1000:,} KB, the most this page takes."
    return _html(plain_page("Too large", message), 413, {"connection": "close"})


async def _server_error(request: Request, error: Exception) -> Response:
    # the type only: a traceback's values could hold what someone typed
    log.error("error on %s %s: %s", request.method, request.url.path, type(error).__name__)
    return _html(
        plain_page(
            "Something went wrong",
            "The page could not be made. Nothing you typed was kept. Please try again.",
        ),
        500,
    )


def _html(body: str, status: int, headers: Mapping[str, str] | None = None) -> Response:
    return Response(body, status, headers=headers, media_type="text/html; charset=utf-8")


app = create_app(Settings.from_environment())
