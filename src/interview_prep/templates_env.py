"""The Jinja environment every document is written with: strict, sandboxed, Markdown-escaping."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
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
    return f"{value:%A} {value.day} {value:%B %Y}, {format_time(value)}"


def format_day(value: date) -> str:
    """A date as people write it: 'Tuesday 3 March 2026'."""
    return f"{value:%A} {value.day} {value:%B %Y}"


def clock(minutes: int) -> str:
    """Elapsed minutes as h:mm, the way a timer reads."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def format_time(value: datetime) -> str:
    """A time of day as people write it: '3:35 PM'."""
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {'AM' if value.hour < 12 else 'PM'}"


def by_time(minutes: int, start: datetime | None = None) -> str:
    """When a point ``minutes`` into a meeting falls: 'by 3:35 PM' once the start is known,
    else 'by minute 5' (a bare '0:30' reads as half past midnight)."""
    if start is None:
        return f"by minute {minutes}"
    return f"by {format_time(start + timedelta(minutes=minutes))}"


RULED_LINES_MIN = 3
RULED_LINES_MAX = 6


def writing_lines(minutes: int) -> int:
    """Ruled lines to leave under a question: one a minute, from 3 (about 22 mm) to 6."""
    return max(RULED_LINES_MIN, min(RULED_LINES_MAX, minutes))


def sentence(text: str) -> str:
    """A phrase the user typed, ended with exactly one full stop (or their own ! or ?)."""
    text = text.strip()
    return text if text[-1:] in ".!?…" else text + "."


def clause(text: str) -> str:
    """A phrase the user typed, to be set inside a sentence: its closing full stop dropped."""
    return text.strip().rstrip(".").rstrip()


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
    env.filters["by_time"] = by_time
    env.filters["writing_lines"] = writing_lines
    env.filters["sentence"] = sentence
    env.filters["clause"] = clause
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
