"""The dated steps around one meeting, as a Markdown checklist and as an iCalendar file."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from os import PathLike
from pathlib import Path
from typing import Any

from ..errors import InterviewPrepError, PlanError
from ..model import Contact
from ..values import checked_date, checked_int
from .document import Document
from .zones import calendar_zone, placed

FOLLOW_UP_BUSINESS_DAYS = 5
KEEP_IN_TOUCH_DAYS = 90
THANKS_LATEST_HOUR = 20
THANKS_MORNING = time(9, 0)


@dataclass(frozen=True)
class Step:
    """One thing to do: on a day, or (for the meeting and the thank-you) at a time."""

    id: str
    title: str
    detail: str
    day: date | None
    start: datetime | None = None
    end: datetime | None = None
    due: datetime | None = None
    # what makes the step the same calendar entry from one export to the next (its UID);
    # by default the title, the step and its dates
    key: str | None = None
    sequence: int = 0  # how often the entry moved since it first fell due


@dataclass(frozen=True)
class Timeline(Document):
    """A timeline document; its steps also go to an .ics file with `to_ics`."""

    steps: tuple[Step, ...] = ()
    tz: str | None = None  # the IANA zone of the timed steps; None: the system's

    def to_ics(self, path: str | PathLike[str] | None = None, *, force: bool = False) -> bytes:
        """The steps as an iCalendar file: the meeting as an event, each step as a reminder.
        Timed events carry their time zone (``tz``, else the system's)."""
        data = _calendar(self.steps, self.title, calendar_zone(self.tz))
        if path is not None:
            from ..files.write import atomic_write

            atomic_write(Path(path), data, force=force)
        return data

    def render(self, format: str, **options: Any) -> bytes | str:
        """Also ``ics``: the steps as calendar reminders."""
        return self.to_ics() if format == "ics" else super().render(format, **options)


def add_business_days(start: date, days: int) -> date:
    """The date ``days`` working days (Monday to Friday) after ``start``."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def next_business_day(day: date, *, school: bool = False) -> date:
    """The day itself, or the Monday after when it falls on a weekend; with ``school``, the
    first school day from it on (no federal holiday, nothing in the winter break)."""
    if school:
        from .holidays import is_school_day

        while not is_school_day(day):
            day += timedelta(days=1)
        return day
    return day + timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day


def business_days_before(end: date, days: int) -> date:
    """The date ``days`` working days before ``end``."""
    current = end
    while days > 0:
        current -= timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def thank_you_time(meeting_end: datetime) -> datetime:
    """When to write the thank-you: an hour after the meeting, or next morning if that is late.

    Always within 24 hours of the meeting's end.
    """
    soon = meeting_end + timedelta(hours=1)
    if soon.hour < THANKS_LATEST_HOUR and soon.date() == meeting_end.date():
        return soon
    return datetime.combine(
        meeting_end.date() + timedelta(days=1), THANKS_MORNING, meeting_end.tzinfo
    )


def timeline(
    request_date: date | None = None,
    meeting: datetime | None = None,
    *,
    minutes: int = 30,
    contact: Contact | None = None,
    follow_up_after: int = FOLLOW_UP_BUSINESS_DAYS,
    replied: bool = False,
    template_dirs: Sequence[str | PathLike[str]] = (),
    tz: str | None = None,
) -> Timeline:
    """The steps from the request to keeping in touch, dated from what is known.

    Either date may be missing; steps that depend on a missing date are listed undated.
    ``tz`` names the time zone of the meeting's time in the calendar file (default: the
    system's).
    """
    if tz is not None:
        calendar_zone(tz)
    if request_date is None and meeting is None:
        raise PlanError(
            "a timeline needs the request date, the meeting date, or both",
            hint="give the request date (2026-03-02), the meeting (2026-03-14T15:30), or both",
        )
    if request_date and meeting and meeting.date() < request_date:
        raise PlanError(
            f"the meeting ({meeting.date()}) is before the request ({request_date})",
            hint="check the two dates",
        )
    checked_int("follow-up days", follow_up_after)
    checked_int("minutes", minutes)
    for day in (request_date, meeting):
        if day is not None:
            checked_date(day if not isinstance(day, datetime) else day.date())
    end = meeting + timedelta(minutes=minutes) if meeting else None
    who = contact.name if contact and contact.name else None
    steps = [
        Step(
            "request",
            "Send your request",
            "Email, message, letter, or call, as planned.",
            request_date,
        ),
    ]
    confirm_day = business_days_before(meeting.date(), 1) if meeting else None
    if confirm_day and request_date and confirm_day < request_date:
        confirm_day = request_date
    follow_up_day = add_business_days(request_date, follow_up_after) if request_date else None
    # a meeting set before a follow-up would fall due means they replied: no follow-up step,
    # which would otherwise be dated after the confirmation it comes before
    late = follow_up_day is not None and confirm_day is not None and follow_up_day >= confirm_day
    if not replied and not late:
        steps.append(
            Step(
                "follow-up",
                "Follow up if there is no reply",
                f"No answer in {follow_up_after} business days? Write or call once more.",
                follow_up_day,
            )
        )
    steps += [
        Step(
            "confirm",
            "Confirm the meeting",
            "Restate the time and place; attach your résumé, for their information.",
            confirm_day,
        ),
        Step(
            "meeting",
            "Informational interview" + (f" with {who}" if who else ""),
            f"Bring your prep sheet; keep to {minutes} minutes.",
            meeting.date() if meeting else None,
            start=meeting,
            end=end,
        ),
        Step(
            "notes",
            "Write down what you learned",
            "That day: what surprised you, names, and next steps.",
            meeting.date() if meeting else None,
        ),
    ]
    thanks_at = thank_you_time(end) if end else None
    steps += [
        Step(
            "thank-you",
            "Send a thank-you note",
            "Within 24 hours; name one thing you learned.",
            thanks_at.date() if thanks_at else None,
            start=thanks_at,
            end=thanks_at + timedelta(minutes=15) if thanks_at else None,
            due=end + timedelta(hours=24) if end else None,
        ),
        Step(
            "keep-in-touch",
            "Keep in touch",
            "If you made a real connection, tell them later what you did next.",
            next_business_day(meeting.date() + timedelta(days=KEEP_IN_TOUCH_DAYS))
            if meeting
            else None,
        ),
    ]
    from .templating import render_template

    markdown = render_template(
        "timeline.md.j2",
        {"steps": steps, "contact": contact or Contact(), "meeting": meeting},
        template_dirs,
    )
    title = "Timeline" + (f": {who}" if who else "")
    from .document import footer_line

    footer = footer_line(None, who, meeting.date() if meeting else None)
    return Timeline("timeline", title, markdown, footer=footer, steps=tuple(steps), tz=tz)


def _uid(step: Step, title: str) -> str:
    seed = (step.key or f"{title}|{step.id}|{step.day}|{step.start}").encode()
    return hashlib.sha1(seed, usedforsecurity=False).hexdigest()[:20] + "@interview-prep"


def _calendar(steps: Sequence[Step], title: str, zone: tzinfo | None) -> bytes:
    from ..writers.escaping import calendar_text

    try:
        from icalendar import Alarm, Calendar, Event
    except ImportError as error:  # pragma: no cover - a declared dependency
        raise InterviewPrepError(f"calendar files need icalendar: {error}") from None
    calendar = Calendar()
    calendar.add("prodid", "-//interview-prep//timeline//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", calendar_text(title))
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    for step in steps:
        if step.day is None:
            continue
        event = Event()
        event.add("uid", _uid(step, title))
        event.add("dtstamp", stamp)
        if step.sequence:
            event.add("sequence", step.sequence)
        event.add("summary", calendar_text(step.title))
        event.add("description", calendar_text(step.detail))
        if step.start is not None and step.end is not None:
            event.add("dtstart", placed(step.start, zone))
            event.add("dtend", placed(step.end, zone))
        else:
            event.add("dtstart", step.day)
            event.add("dtend", step.day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", calendar_text(step.title))
        alarm.add("trigger", timedelta(minutes=-30) if step.start else timedelta(hours=9))
        event.add_component(alarm)
        calendar.add_component(event)
    timed = [step.start.date() for step in steps if step.start is not None and step.day]
    if timed:  # a VTIMEZONE for each zone a time names, with the rules of the years around
        calendar.add_missing_timezones(
            first_date=min(timed) - timedelta(days=366), last_date=max(timed) + timedelta(days=366)
        )
    return bytes(calendar.to_ical())
