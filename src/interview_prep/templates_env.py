"""The Jinja environment every document is written with: strict, sandboxed, Markdown-escaping."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    UndefinedError,
)
from jinja2.sandbox import SandboxedEnvironment

from .errors import RenderError
from .markdown_text import MarkdownSafe, escape_markdown


def format_when(value: datetime) -> str:
    """A date and time as people write it: 'Tuesday 3 March 2026, 2:30 PM'."""
    hour = value.hour % 12 or 12
    clock = f"{hour}:{value.minute:02d} {'AM' if value.hour < 12 else 'PM'}"
    return f"{value:%A} {value.day} {value:%B %Y}, {clock}"


def format_day(value: date) -> str:
    """A date as people write it: 'Tuesday 3 March 2026'."""
    return f"{value:%A} {value.day} {value:%B %Y}"


def clock(minutes: int) -> str:
    """Elapsed minutes as h:mm, the way a timer reads."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def _plain(value: object) -> str:
    """Plain-text output: the value with its white space folded, nothing escaped."""
    if isinstance(value, MarkdownSafe):
        return value
    return "" if value is None else re.sub(r"\s+", " ", str(value))


@lru_cache(maxsize=8)
def environment(
    template_dirs: tuple[str, ...] = (), *, markdown: bool = True
) -> SandboxedEnvironment:
    """The environment; folders in ``template_dirs`` override built-in templates by name.

    With ``markdown`` every value is escaped so it shows literally; without, it is plain text.
    """
    loaders = [FileSystemLoader(list(template_dirs))] if template_dirs else []
    env = SandboxedEnvironment(
        loader=ChoiceLoader([*loaders, PackageLoader("interview_prep", "templates")]),
        undefined=StrictUndefined,
        finalize=escape_markdown if markdown else _plain,  # every value shows literally
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["when"] = format_when
    env.filters["day"] = format_day
    env.filters["clock"] = clock
    env.filters["raw_md"] = MarkdownSafe
    finalize = escape_markdown if markdown else _plain
    env.filters["sentences"] = lambda parts: MarkdownSafe(
        " ".join(finalize(part) for part in parts if part)
    )
    return env


def render_template(
    name: str,
    context: dict[str, Any],
    template_dirs: Sequence[str | PathLike[str]] = (),
    *,
    markdown: bool = True,
) -> str:
    """Render a template as Markdown (values escaped) or as plain text.

    A mistake in a template becomes a `RenderError`.
    """
    dirs = tuple(str(Path(d)) for d in template_dirs)
    try:
        template = environment(dirs, markdown=markdown).get_template(name)
        text = template.render({**context, "md": markdown})
    except UndefinedError as error:
        raise RenderError(
            f"template {name!r} uses a value it was not given: {error.message}",
            hint="check the variable names in your template",
        ) from None
    except TemplateError as error:
        raise RenderError(f"template {name!r} failed: {error}") from None
    return _tidy(text)


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy).strip() + "\n"
