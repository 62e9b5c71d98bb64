"""Shared output of the journal commands: tables, and files only their owner can read."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from .app import say

# files that carry people's details or notes are written owner-only, whatever the umask
PRIVATE_MODE = 0o600


def when_text(value: datetime) -> str:
    """'Saturday, March 14, 2026, 3:30 PM': a meeting's time as the documents write it."""
    from ..documents.templating import format_when  # Jinja: only when a time is shown

    return format_when(value)


def day_text(value: date) -> str:
    """'March 14, 2026'."""
    from ..markdown.typography import us_date

    return us_date(value)


def table(rows: list[dict[str, Any]], columns: tuple[tuple[str, str], ...]) -> str:
    """Rows as aligned columns under a header, for a terminal."""
    cells = [[title for _, title in columns]]
    cells += [[str(row.get(key) or "") for key, _ in columns] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in cells
    ]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


def emit_private(content: str | bytes, output: Path | None, force: bool) -> None:
    """Like `emit`, but a file written is readable by its owner only."""
    if output is None:
        from .options import to_stdout

        to_stdout(content)
        return
    from ..files.write import atomic_write

    atomic_write(output, content, force=force, mode=PRIVATE_MODE)
    say(f"wrote {output}", err=True)
