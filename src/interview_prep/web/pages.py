"""The app's own page templates (UI only), in a Jinja environment of their own that escapes
every value and fails on a missing one."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2
from starlette.responses import HTMLResponse

NAV = (
    ("/", "Home"),
    ("/documents/prep-sheet", "Prep sheet"),
    ("/letters", "Letters"),
    ("/questions", "Browse questions"),
    ("/classroom", "For teachers"),
    ("/about", "About and privacy"),
)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("interview_prep.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["nav"] = NAV
    return env


def render(name: str, **context: Any) -> str:
    context.setdefault("problems", ())
    context.setdefault("current", "")
    return environment().get_template(name).render(**context)


def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(name, **context), status_code=status)


def plain_page(title: str, message: str) -> str:
    """A page with a heading and one paragraph, for errors like 404 and 413."""
    return render("message.html", title=title, message=message)
