"""One place that checks the numbers and dates a user gives, for the CLI and the API alike."""

from __future__ import annotations

from contextlib import suppress
from datetime import date, datetime

from .errors import InvalidValueError
from .vocabulary import RANGES

EARLIEST_YEAR = 1900
LATEST_YEAR = 2200


def checked_int(name: str, value: object, *, parameter: str | None = None) -> int:
    """``value`` when it is a whole number inside the range named ``name``; else a clear error.

    A string of digits (from a form, a roster cell or a directive) counts as its number.
    """
    low, high, meaning, example = RANGES[name]
    parameter = parameter or name.replace(" ", "-")
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        with suppress(ValueError):  # "²" is a digit to str.isdigit, but no number to int()
            value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValueError(
            f"{name} must be a whole number, not {value!r}",
            hint=f"for example {example}",
            parameter=parameter,
        )
    if not low <= value <= high:
        raise InvalidValueError(
            f"{name} must be from {low} to {high} ({meaning}), not {value}",
            hint=f"for example {example}",
            parameter=parameter,
        )
    return value


def checked_date(value: date, what: str = "date") -> date:
    """``value`` when its year is one a calendar and the date arithmetic here can handle."""
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise InvalidValueError(
            f"the {what} {value.isoformat()} is outside the years {EARLIEST_YEAR} to {LATEST_YEAR}",
            hint="check the year",
        )
    return value


def parse_date(text: str, what: str = "date") -> date:
    """A date written like 2026-03-14."""
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidValueError(
            f"the {what} {text!r} is not a date", hint="write it like 2026-03-14"
        ) from None
    return checked_date(value, what)


def parse_datetime(text: str, what: str = "date and time") -> datetime:
    """A date and time written like 2026-03-14T15:30 (or with a space for the T).

    A date alone is refused rather than read as midnight: the documents print clock times.
    """
    cleaned = text.strip()
    try:
        value = datetime.fromisoformat(cleaned)
    except ValueError:
        raise InvalidValueError(
            f"the {what} {text!r} is not a date and time", hint="write it like 2026-03-14T15:30"
        ) from None
    if len(cleaned) <= len("2026-03-14"):
        raise InvalidValueError(
            f"the {what} {text!r} has a date but no time of day",
            hint=f"add the time, like {cleaned}T15:30 (or {cleaned} 15:30)",
        )
    checked_date(value.date(), what)
    return value


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``1 row``, ``2 rows``, ``1,200 people``: a number with its noun in agreement."""
    word = noun if count == 1 else (plural or noun + "s")
    return f"{count:,} {word}"
