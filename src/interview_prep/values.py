"""One place that checks the numbers and dates a user gives, for the CLI and the API alike."""

from __future__ import annotations

from datetime import date, datetime

from .errors import InvalidValueError

EARLIEST_YEAR = 1900
LATEST_YEAR = 2200

# name: (lowest, highest, what it counts, an example of a sensible value)
RANGES: dict[str, tuple[int, int, str, str]] = {
    "minutes": (10, 120, "minutes of a meeting", "30"),
    "letter minutes": (5, 120, "minutes you ask for", "20"),
    "hours": (1, 40, "hours of shadowing", "4 (a working week is 40)"),
    "debrief minutes": (10, 120, "minutes to talk after a shadow", "20"),
    "weeks": (2, 12, "weeks of an assignment", "4"),
    "follow-up days": (1, 30, "business days to wait before following up", "5"),
    "jobs": (1, 64, "worker processes", "2"),
    "heading level": (1, 6, "heading level", "2"),
    "limit": (1, 1000, "results to list", "15"),
}


def checked_int(name: str, value: object) -> int:
    """``value`` when it is a whole number inside the range named ``name``; else a clear error."""
    low, high, meaning, example = RANGES[name]
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValueError(
            f"{name} must be a whole number, not {value!r}", hint=f"for example {example}"
        )
    if not low <= value <= high:
        raise InvalidValueError(
            f"{name} must be from {low} to {high} ({meaning}), not {value}",
            hint=f"for example {example}",
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
    """A date and time written like 2026-03-14T15:30."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidValueError(
            f"the {what} {text!r} is not a date and time", hint="write it like 2026-03-14T15:30"
        ) from None
    checked_date(value.date(), what)
    return value
