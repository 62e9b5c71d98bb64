"""Reading values back from the journal's rows, which a person may have edited by hand: a
value that cannot be used is a warning naming its row, never a traceback."""

from __future__ import annotations

import warnings
from datetime import date, datetime
from typing import Any

from ..errors import InterviewPrepWarning

MAX_ID = 2**63 - 1  # SQLite's largest integer


class JournalRowWarning(InterviewPrepWarning):
    """A row of the journal holds a value that cannot be used; it was left out or blanked."""


def warn_row(table: str, row_id: object, column: str, value: object, outcome: str) -> None:
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    warnings.warn(
        JournalRowWarning(
            f"the journal's {table} row {row_id} has an unusable {column} ({shown}); {outcome}"
        ),
        stacklevel=3,
    )


def day(value: Any) -> date:
    """A stored day (YYYY-MM-DD); ValueError or TypeError when it is not one."""
    if not isinstance(value, str):
        raise TypeError(value)
    return date.fromisoformat(value)


def moment(value: Any) -> datetime:
    """A stored date and time; ValueError or TypeError when it is not one."""
    if not isinstance(value, str):
        raise TypeError(value)
    return datetime.fromisoformat(value)


def optional_day(table: str, row_id: object, column: str, value: Any) -> date | None:
    """A stored day, or None (with a warning) when the row holds something else."""
    if value is None:
        return None
    try:
        return day(value)
    except (TypeError, ValueError):
        warn_row(table, row_id, column, value, "it is read as blank")
        return None


def text(value: Any) -> str | None:
    """Stored text; a number typed into a text column is read as its digits."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def valid_id(value: int) -> bool:
    return 0 < value <= MAX_ID
