"""The Jinja environment every document is written with: strict, sandboxed, Markdown-escaping."""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    UndefinedError,
)
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from ..errors import InterviewPrepError, RenderError
from ..markdown.escape import MarkdownSafe, escape_markdown
from ..markdown.typography import curly_quotes, fitted, series, short_date, us_date


def format_when(value: datetime) -> str:
    """A date and time as Americans write it: 'Tuesday, March 3, 2026, 2:30 PM'."""
    return f"{value:%A}, {us_date(value)}, {format_time(value)}"


def format_when_at(value: datetime) -> str:
    """The same inside a sentence: 'Tuesday, March 3, 2026, at 2:30 PM'."""
    return f"{value:%A}, {us_date(value)}, at {format_time(value)}"


def format_day(value: date) -> str:
    """A date as an American letter gives it: 'March 3, 2026'."""
    return us_date(value)


def field_day(value: date) -> str:
    """A date short enough for a sheet's Date line: 'Dec 14, 2026'."""
    return f"{value:%b} {value.day}, {value.year}"


def on_day(value: date, today: date) -> str:
    """When something happened, as a letter dated `today` says it: 'today', 'yesterday',
    or 'on March 3, 2026'."""
    day = value.date() if isinstance(value, datetime) else value
    gap = (today - day).days
    return "today" if gap == 0 else "yesterday" if gap == 1 else f"on {us_date(day)}"


def clock(minutes: int) -> str:
    """Elapsed minutes as h:mm, the way a timer reads."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def format_time(value: datetime) -> str:
    """A time of day as people write it: '3:35 PM'."""
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {'AM' if value.hour < 12 else 'PM'}"


def time_range(start: datetime, end: datetime) -> str:
    """A span of clock time: '7:00\u20138:00 AM', or '11:00 AM\u201312:00 PM' across noon."""
    first, last = format_time(start), format_time(end)
    if first[-2:] == last[-2:]:
        first = first[:-3]
    return f"{first}\u2013{last}"


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


MAX_TEMPLATE_BYTES = 1_000_000
MAX_OUTPUT_CHARS = 2_000_000
MAX_SECONDS = 5.0
MAX_ITERATIONS = 1_000_000
# what a template's own code may raise: reported as the template's mistake, not a crash
_TEMPLATE_FAULTS = (
    ArithmeticError,
    TypeError,
    ValueError,
    LookupError,
    AttributeError,
    RecursionError,
)


class _TemplateLimit(Exception):
    """A template ran too long or wrote too much."""


class _UserTemplates(BaseLoader):
    """Templates from a user's folders, read through the bounded reader (a template that
    is a device, a pipe or a huge file is refused rather than read whole)."""

    def __init__(self, folders: Sequence[str]) -> None:
        self.folders = tuple(folders)

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        from ..files.read import read_input

        for folder in self.folders:
            path = Path(folder).joinpath(*split_template_path(template))
            if not path.is_symlink() and not path.exists():
                continue
            raw = read_input(path, what="template", limit=MAX_TEMPLATE_BYTES)
            try:
                source = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise RenderError(
                    f"the template {path} is not UTF-8 text", hint="save it as UTF-8"
                ) from None
            return source, str(path), _unchanged(path, path.stat().st_mtime)
        raise TemplateNotFound(template)


def _unchanged(path: Path, modified: float) -> Callable[[], bool]:
    return lambda: path.exists() and path.stat().st_mtime == modified


class _Budget(threading.local):
    deadline = 0.0
    iterations = 0


_budget = _Budget()


def _spend(count: int = 1) -> None:
    _budget.iterations += count
    if _budget.iterations > MAX_ITERATIONS or time.monotonic() > _budget.deadline:
        raise _TemplateLimit


def _counted_range(*args: int) -> Iterator[int]:
    numbers = range(*args)
    if len(numbers) > MAX_ITERATIONS:
        raise _TemplateLimit
    for number in numbers:
        _spend()
        yield number


class _LimitedSandbox(SandboxedEnvironment):
    """The sandbox, with repetition and powers that cannot build huge values."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
            raise _TemplateLimit
        if operator == "*":
            for sized, count in ((left, right), (right, left)):
                if (
                    isinstance(sized, (str, list, tuple))
                    and isinstance(count, int)
                    and len(sized) * count > MAX_OUTPUT_CHARS
                ):
                    raise _TemplateLimit
        return super().call_binop(context, operator, left, right)


@lru_cache(maxsize=8)
def environment(
    template_dirs: tuple[str, ...] = (), *, markdown: bool = True
) -> SandboxedEnvironment:
    """The environment; folders in ``template_dirs`` override built-in templates by name.

    With ``markdown`` every value is escaped so it shows literally; without, it is plain text.
    """
    loaders: list[BaseLoader] = [_UserTemplates(template_dirs)] if template_dirs else []
    env = _LimitedSandbox(
        loader=ChoiceLoader([*loaders, PackageLoader("interview_prep", "templates")]),
        undefined=StrictUndefined,
        finalize=escape_markdown if markdown else _plain,  # every value shows literally
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["range"] = _counted_range
    env.filters["when"] = format_when
    env.filters["when_at"] = format_when_at
    env.filters["day"] = format_day
    env.filters["on_day"] = on_day
    env.filters["field_day"] = field_day
    env.filters["clock"] = clock
    env.filters["by_time"] = by_time
    env.filters["time"] = format_time
    env.filters["writing_lines"] = writing_lines
    env.filters["sentence"] = sentence
    env.filters["clause"] = clause
    env.filters["fitted"] = fitted
    env.filters["series"] = series
    env.filters["short_day"] = short_date
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
    where = f"template {name!r}" + (" (from " + ", ".join(dirs) + ")" if dirs else "")
    try:
        template = environment(dirs, markdown=markdown).get_template(name)
        with _limits(timer=bool(dirs)):
            text = _render_bounded(template.generate({**context, "md": markdown}))
    except UndefinedError as error:
        raise RenderError(
            f"{where} uses a value it was not given: {error.message}",
            hint="check the variable names in your template",
        ) from None
    except TemplateError as error:
        raise RenderError(f"{where} failed: {error}") from None
    except _TemplateLimit:
        raise RenderError(
            f"{where} ran over its limits ({MAX_SECONDS:g} seconds, "
            f"{MAX_ITERATIONS:,} loop steps, {MAX_OUTPUT_CHARS:,} characters)",
            hint="look for a loop or repetition that runs away",
        ) from None
    except InterviewPrepError:
        raise
    except _TEMPLATE_FAULTS as error:
        raise RenderError(
            f"{where} failed: {type(error).__name__}: {error}",
            hint="fix the expression in the template",
        ) from None
    return curly_quotes(_tidy(text))


def _render_bounded(chunks: Iterator[str]) -> str:
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS or time.monotonic() > _budget.deadline:
            raise _TemplateLimit
        parts.append(chunk)
    return "".join(parts)


class _limits:
    """Start the budget of one render; with ``timer``, also an alarm that stops a template
    stuck in a loop that writes nothing (only possible on the main thread)."""

    def __init__(self, *, timer: bool) -> None:
        self.timer = timer and threading.current_thread() is threading.main_thread()
        self.previous: Any = None

    def __enter__(self) -> None:
        _budget.deadline = time.monotonic() + MAX_SECONDS
        _budget.iterations = 0
        if self.timer and hasattr(signal, "setitimer"):
            self.previous = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, MAX_SECONDS + 0.5)
        else:
            self.timer = False

    def __exit__(self, *exc: object) -> None:
        if self.timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)


def _on_alarm(signum: int, frame: object) -> None:
    raise _TemplateLimit


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy).strip() + "\n"
