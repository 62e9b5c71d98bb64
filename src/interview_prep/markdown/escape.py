"""Make any text safe to place inside Markdown: it shows literally, never as markup."""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_\[\]<>|~!&#{}])")
_SPACES = re.compile(r"\s+")
_LINE_START = re.compile(r"^(\s*)([-+=:>]|\d+[.)])")


class MarkdownSafe(str):
    """Markdown written by the templates themselves; the escaper leaves it alone."""

    __slots__ = ()


def escape_markdown(value: object) -> str:
    """Backslash-escape what Markdown would treat as markup; fold white space into one space."""
    if value is None:
        return ""
    if isinstance(value, MarkdownSafe):
        return value
    text = _SPACES.sub(" ", str(value))  # keeps one space at either end, for joining
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + _escape_start(m.group(2)), text)


def _escape_start(marker: str) -> str:
    if marker[-1] in ".)" and marker[:-1].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker
