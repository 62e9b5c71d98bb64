"""The days a US school is closed: weekends, federal holidays and the winter break.

The federal holidays are fixed by law (5 U.S.C. 6103) as a date or the nth weekday of a month,
so eleven rules cover them; a holiday on a Saturday is observed the Friday before, one on a
Sunday the Monday after. Schools also close for a winter break; most run about Christmas Eve
to New Year's Day, so that window is closed too (a district's own calendar may differ).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

# (month, day) of the holidays on a fixed date, and the year each was first kept
FIXED = ((1, 1, 1870), (6, 19, 2021), (7, 4, 1870), (11, 11, 1938), (12, 25, 1870))
# (month, weekday (Monday 0), which one: 1 first ... -1 last)
NTH_WEEKDAY = ((1, 0, 3), (2, 0, 3), (5, 0, -1), (9, 0, 1), (10, 0, 2), (11, 3, 4))
WINTER_BREAK = ((12, 24), (1, 1))  # first and last day, inclusive


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: date) -> date:
    if day.weekday() == 5:
        return day - timedelta(days=1)
    return day + timedelta(days=1) if day.weekday() == 6 else day


@lru_cache(maxsize=64)
def federal_holidays(year: int) -> frozenset[date]:
    """The days federal offices close in ``year``, as observed (one may fall on December 31
    of the year before: New Year's Day on a Saturday)."""
    days = set()
    for around in (year, year + 1):
        days |= {_observed(date(around, m, d)) for m, d, since in FIXED if around >= since}
    days |= {_nth_weekday(year, m, weekday, nth) for m, weekday, nth in NTH_WEEKDAY}
    return frozenset(day for day in days if day.year == year)


def in_winter_break(day: date) -> bool:
    """Whether ``day`` falls in the winter break (December 24 to January 1)."""
    (first_month, first_day), (last_month, last_day) = WINTER_BREAK
    return (day.month, day.day) >= (first_month, first_day) or (day.month, day.day) <= (
        last_month,
        last_day,
    )


def is_school_day(day: date) -> bool:
    """A weekday that is neither a federal holiday nor in the winter break."""
    return day.weekday() < 5 and day not in federal_holidays(day.year) and not in_winter_break(day)
