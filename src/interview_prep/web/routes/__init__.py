"""The app's routes, one module per family of pages."""

from __future__ import annotations

from starlette.routing import BaseRoute

from . import about, browse, classroom, documents, letters


def all_routes() -> list[BaseRoute]:
    return [
        *about.routes,
        *documents.routes,
        *letters.routes,
        *browse.routes,
        *classroom.routes,
    ]
