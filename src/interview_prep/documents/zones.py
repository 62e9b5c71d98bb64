"""The time zone a calendar file's timed events are written in: a named IANA zone (with its
VTIMEZONE), the system's own by default, so no event is "floating" (read in whatever zone
the reader happens to be in)."""

from __future__ import annotations

import contextlib
import os
from datetime import datetime, timezone, tzinfo
from pathlib import Path

from ..errors import InterviewPrepError

LOCALTIME = Path("/etc/localtime")
TIMEZONE_FILE = Path("/etc/timezone")


def _zone(name: str) -> tzinfo | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def system_zone_name() -> str | None:
    """The system's IANA zone name (``TZ``, /etc/localtime's target, /etc/timezone), or
    None where the system names none (Windows without tzlocal)."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = str(LOCALTIME.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    with contextlib.suppress(OSError):
        candidates.append(TIMEZONE_FILE.read_text(encoding="utf-8").strip())
    return next((name for name in candidates if name and _zone(name) is not None), None)


def calendar_zone(name: str | None = None) -> tzinfo | None:
    """The zone named ``name`` (e.g. "America/Chicago"), or the system's when None; None
    when the system names no zone, and times are then written in UTC from local time."""
    if name is None:
        found = system_zone_name()
        return _zone(found) if found else None
    zone = _zone(name.strip()) if name.strip() else None
    if zone is None:
        raise InterviewPrepError(
            f"unknown time zone {name!r}",
            hint="name an IANA time zone, e.g. America/Chicago, Europe/London or UTC",
            parameter="tz",
        )
    return zone


def placed(moment: datetime, zone: tzinfo | None) -> datetime:
    """``moment`` with a time zone: a naive time is a wall-clock time in ``zone`` (or, with
    no zone, in the system's local time, written as UTC)."""
    if moment.tzinfo is not None:
        return moment
    if zone is not None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(timezone.utc)
