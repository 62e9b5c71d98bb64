"""What is due on a day: the timeline's rules applied to what the journal holds; done steps
drop out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ..documents.templating import format_when
from ..documents.timeline import (
    KEEP_IN_TOUCH_DAYS,
    Step,
    Timeline,
    add_business_days,
    business_days_before,
    thank_you_time,
)
from ..markdown.typography import short_date, us_date
from ..vocabulary import RANGES
from .meetings import Event, StoredMeeting
from .people import Person

CONFIRM_WINDOW_DAYS = 14
MAX_RANGE_DAYS = RANGES["due days"][1]
ORDER = ("meeting", "confirm", "follow-up", "notes", "thank-you", "keep-in-touch")


@dataclass(frozen=True)
class DueStep:
    """One thing to do for one person; ``day`` is when it fell due (before today: late)."""

    kind: str
    person: str
    day: date
    title: str
    detail: str
    meeting_id: int | None = None
    at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "person": self.person,
            "day": self.day.isoformat(),
            "title": self.title,
            "detail": self.detail,
            "meeting": self.meeting_id,
            "at": self.at.isoformat() if self.at else None,
        }

    @property
    def key(self) -> str:
        """What makes this the same task on every day it is listed: its kind, its meeting or
        person, and the day it first fell due."""
        return f"due|{self.kind}|{self.meeting_id or self.person}|{self.day.isoformat()}"


@dataclass(frozen=True)
class Journey:
    """Everything the rules look at, read from the journal in one snapshot."""

    people: Sequence[Person]
    meetings: Sequence[StoredMeeting]
    events: Sequence[Event]
    meetings_with_notes: frozenset[int]


@dataclass(frozen=True)
class _Lookup:
    """The journey's steps and meetings grouped once, so that each rule looks only at the
    rows of its own person or meeting (linear in the journal's size, not people x steps)."""

    by_person: dict[str, list[Event]]
    by_meeting: dict[int, list[Event]]
    meetings_of: dict[int, list[StoredMeeting]]

    @classmethod
    def of(cls, journey: Journey) -> _Lookup:
        lookup = cls({}, {}, {})
        for event in journey.events:
            lookup.by_person.setdefault(event.person, []).append(event)
            if event.meeting_id is not None:
                lookup.by_meeting.setdefault(event.meeting_id, []).append(event)
        for meeting in journey.meetings:
            lookup.meetings_of.setdefault(meeting.person.id, []).append(meeting)
        return lookup


def _logged(events: Sequence[Event], kinds: Sequence[str], since: date) -> bool:
    return any(e.kind in kinds and e.on >= since for e in events)


def due_steps(journey: Journey, on: date, *, follow_up_after: int = 5) -> list[DueStep]:
    """The steps due on ``on`` or overdue by then, soonest first."""
    lookup = _Lookup.of(journey)
    steps = _follow_ups(journey, lookup, on, follow_up_after)
    for meeting in journey.meetings:
        steps += _around(journey, lookup, meeting, on)
    steps += _keep_in_touch(journey, lookup, on)
    return sorted(steps, key=lambda s: (s.day, ORDER.index(s.kind), s.person))


def due_between(
    journey: Journey, start: date, end: date, *, follow_up_after: int = 5
) -> list[tuple[date, DueStep]]:
    """Each step due on a day from ``start`` to ``end``, once, with the first day of the
    range it is listed on (``start`` for one already late), soonest first."""
    from ..errors import InterviewPrepError

    if end < start:
        raise InterviewPrepError(
            f"the range ends ({end}) before it starts ({start})", hint="swap the two dates"
        )
    if (end - start).days >= MAX_RANGE_DAYS:
        raise InterviewPrepError(
            f"a range of {(end - start).days + 1} days is too long",
            hint=f"ask for at most {MAX_RANGE_DAYS} days at a time",
        )
    first: dict[str, tuple[date, DueStep]] = {}
    day = start
    while day <= end:
        for step in due_steps(journey, day, follow_up_after=follow_up_after):
            first.setdefault(step.key, (day, step))
        day += timedelta(days=1)
    return sorted(
        first.values(), key=lambda pair: (pair[0], ORDER.index(pair[1].kind), pair[1].person)
    )


def _follow_ups(journey: Journey, lookup: _Lookup, on: date, after: int) -> list[DueStep]:
    steps = []
    for person in journey.people:
        theirs = lookup.by_person.get(person.name, [])
        requests = [e for e in theirs if e.kind == "request"]
        if not requests:
            continue
        sent = max(e.on for e in requests)
        answered = _logged(theirs, ("reply", "confirm", "follow-up"), sent) or any(
            m.when.date() >= sent for m in lookup.meetings_of.get(person.id, [])
        )
        day = add_business_days(sent, after)
        if not answered and day <= on:
            steps.append(
                DueStep(
                    "follow-up",
                    person.name,
                    day,
                    f"Follow up with {person.name}",
                    f"No reply since your request of {us_date(sent)}; write once more.",
                )
            )
    return steps


def _around(journey: Journey, lookup: _Lookup, meeting: StoredMeeting, on: date) -> list[DueStep]:
    name, day = meeting.person.name, meeting.when.date()
    steps = []
    if day == on:
        steps.append(
            DueStep(
                "meeting",
                name,
                day,
                f"Meet {name}, {format_when(meeting.when)}",
                f"{meeting.minutes} minutes"
                + (f", {meeting.where}" if meeting.where else "")
                + f". Print the prep sheet: interview-prep prep-sheet --meeting {meeting.id}",
                meeting.id,
                meeting.when,
            )
        )
    confirm_day = business_days_before(day, 1)
    nearby = [*lookup.by_meeting.get(meeting.id, []), *lookup.by_person.get(name, [])]
    confirmed = any(
        e.kind == "confirm"
        and (
            e.meeting_id == meeting.id
            or (
                e.meeting_id is None
                and e.person == name
                and day - timedelta(days=CONFIRM_WINDOW_DAYS) <= e.on <= day
            )
        )
        for e in nearby
    )
    if confirm_day <= on < day and not confirmed:
        steps.append(
            DueStep(
                "confirm",
                name,
                confirm_day,
                f"Confirm the meeting with {name}",
                f"Restate the day, time and place: {format_when(meeting.when)}.",
                meeting.id,
            )
        )
    if day > on:
        return steps
    if meeting.id not in journey.meetings_with_notes:
        steps.append(
            DueStep(
                "notes",
                name,
                day,
                f"Write down what {name} said",
                f"interview-prep notes {meeting.id} --template -o notes.md, then --from notes.md",
                meeting.id,
            )
        )
    thanked = any(
        e.kind == "thank-you"
        and (
            e.meeting_id == meeting.id
            or (e.meeting_id is None and e.person == name and e.on >= day)
        )
        for e in nearby
    )
    if not thanked:
        send_by = thank_you_time(meeting.when + timedelta(minutes=meeting.minutes))
        steps.append(
            DueStep(
                "thank-you",
                name,
                send_by.date(),
                f"Thank {name}",
                f"Within 24 hours: interview-prep letter thank-you --meeting {meeting.id}",
                meeting.id,
            )
        )
    return steps


def _keep_in_touch(journey: Journey, lookup: _Lookup, on: date) -> list[DueStep]:
    steps = []
    for person in journey.people:
        met = [m.when.date() for m in lookup.meetings_of.get(person.id, [])]
        met = [day for day in met if day <= on]
        if not met:
            continue
        touched = [e.on for e in lookup.by_person.get(person.name, []) if e.kind == "keep-in-touch"]
        last = max(met + touched)
        day = last + timedelta(days=KEEP_IN_TOUCH_DAYS)
        if day <= on:
            steps.append(
                DueStep(
                    "keep-in-touch",
                    person.name,
                    day,
                    f"Keep in touch with {person.name}",
                    f"Tell them how things have gone since {us_date(last)}.",
                )
            )
    return steps


Listed = Sequence[tuple[date, DueStep]]


def _span(start: date, end: date) -> str:
    return f"on {us_date(start)}" if start == end else f"from {us_date(start)} to {us_date(end)}"


def due_text(steps: Sequence[DueStep] | Listed, on: date, end: date | None = None) -> str:
    """The steps as lines to read in a terminal; over a range, each under its day."""
    listed = _listed(steps, on)
    end = end or on
    if not listed:
        return f"Nothing due {_span(on, end)}."
    lines = [f"Due {_span(on, end)}:"]
    shown = None
    for day, step in listed:
        if end != on and day != shown:
            lines.append(f"{day:%A}, {us_date(day)}:")
            shown = day
        late = f" (due {short_date(step.day)})" if step.day < day else ""
        lines.append(f"- [ ] {step.title}{late}: {step.detail}")
    return "\n".join(lines)


def _listed(steps: Sequence[DueStep] | Listed, on: date) -> list[tuple[date, DueStep]]:
    return [item if isinstance(item, tuple) else (on, item) for item in steps]


def due_calendar(
    steps: Sequence[DueStep] | Listed,
    on: date,
    end: date | None = None,
    *,
    tz: str | None = None,
) -> Timeline:
    """The steps as a timeline document, for its .ics file: each on the day it is listed,
    with an alarm. A task keeps one UID whatever day or range it is exported for, so a
    calendar that imports the file again updates it rather than adding a copy; timed
    events carry the time zone ``tz`` (default: the system's)."""
    listed = _listed(steps, on)
    timeline_steps = tuple(
        Step(
            f"{step.kind}-{step.meeting_id or step.person}",
            step.title,
            step.detail,
            max(step.day, day),
            start=step.at,
            end=step.at + timedelta(minutes=30) if step.at else None,
            key=step.key,
            sequence=max(0, (day - step.day).days),
        )
        for day, step in listed
    )
    span = _span(on, end or on)
    markdown = due_text(listed, on, end).replace(f"Due {span}:", f"# Due {span}\n")
    return Timeline("due", f"Due {span}", markdown + "\n", steps=timeline_steps, tz=tz)
