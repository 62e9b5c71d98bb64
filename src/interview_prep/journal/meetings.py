"""Meetings in the journal, and the steps logged around them (request, reply, confirm...)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..catalog.catalog import Catalog, default_catalog
from ..documents.letters import CHANNELS
from ..errors import PlanError, UnknownNameError
from ..model import MEETING_FORMATS, MODES, Contact, Meeting
from ..planning.plan import MAX_MINUTES, MIN_MINUTES, Plan, plan_interview
from . import rows
from .people import Person, all_people, clean, field_of, find_by_id, find_person
from .store import JournalError

LOG_KINDS = ("request", "reply", "follow-up", "confirm", "thank-you", "keep-in-touch")
LOG_CHANNELS = (*CHANNELS, "in-person", "text")


@dataclass(frozen=True)
class StoredMeeting:
    """A meeting kept in the journal: whom, when, and what to plan it for."""

    id: int
    person: Person
    when: datetime
    minutes: int
    mode: str
    field: str | None = None
    stage: str | None = None
    where: str | None = None
    seed: int | None = None
    learned: str | None = None
    format: str | None = None
    cancelled_on: date | None = None

    @property
    def contact(self) -> Contact:
        return self.person.contact

    @property
    def meeting(self) -> Meeting:
        """The meeting as the documents take it."""
        return Meeting(self.when, self.where, self.format, self.minutes)

    def plan(self, catalog: Catalog | None = None, *, stage: str | None = None) -> Plan:
        """The questions for this meeting, planned as they were when it was added."""
        stage = stage or self.stage
        if self.field is None:
            raise PlanError(
                f"meeting {self.id} has no field, and {self.person.name}'s title names none",
                hint="give a field, or store one in the meeting",
                parameter="field",
            )
        if stage is None:
            raise PlanError(
                f"meeting {self.id} has no stage",
                hint="give a stage (high-school, college, ...), or store one in the meeting",
                parameter="stage",
            )
        return plan_interview(
            self.field, stage, self.minutes, mode=self.mode, seed=self.seed, catalog=catalog
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "person": self.person.name,
            "when": self.when.isoformat(),
            "minutes": self.minutes,
            "mode": self.mode,
            "field": self.field,
            "stage": self.stage,
            "where": self.where,
            "seed": self.seed,
            "learned": self.learned,
            "format": self.format,
            "cancelled_on": self.cancelled_on.isoformat() if self.cancelled_on else None,
        }


@dataclass(frozen=True)
class Event:
    """One step the learner logged: a request sent, a reply received, thanks given..."""

    id: int
    kind: str
    person: str
    on: date
    meeting_id: int | None = None
    channel: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "person": self.person,
            "on": self.on.isoformat(),
            "meeting": self.meeting_id,
            "channel": self.channel,
        }


def insert_meeting(
    connection: sqlite3.Connection,
    name: str,
    when: datetime,
    *,
    minutes: int,
    mode: str,
    field: str | None,
    stage: str | None,
    where: str | None,
    seed: int | None,
    catalog: Catalog | None,
    format: str | None = None,
) -> StoredMeeting:
    person = find_person(connection, name)
    catalog = catalog or default_catalog()
    check_meeting_values(catalog, minutes=minutes, mode=mode, stage=stage, format=format)
    match = catalog.resolve_field(field) if field else field_of(person, catalog)
    cursor = connection.execute(
        "INSERT INTO meetings (person_id, starts_at, minutes, field, stage, mode, place, seed,"
        " format) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            person.id,
            when.isoformat(),
            minutes,
            match.id if match else None,
            stage,
            mode,
            clean(where),
            seed,
            format,
        ),
    )
    return find_meeting(connection, cursor.lastrowid or 0)


def check_meeting_values(catalog: Catalog, **values: Any) -> None:
    """Refuse a value a meeting cannot have: the rules `meetings add` and `edit` share."""
    minutes = values.get("minutes")
    if minutes is not None and not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise PlanError(f"minutes must be from {MIN_MINUTES} to {MAX_MINUTES}, not {minutes}")
    if values.get("mode") is not None and values["mode"] not in MODES:
        raise UnknownNameError("mode", values["mode"], MODES)
    if values.get("format") is not None and values["format"] not in MEETING_FORMATS:
        raise UnknownNameError("meeting format", values["format"], MEETING_FORMATS)
    if values.get("stage") is not None:
        stages = [s.id for s in catalog.taxonomy.stages]
        if values["stage"] not in stages:
            raise UnknownNameError("stage", values["stage"], stages)


MEETING_QUERY = """
    SELECT m.* FROM meetings m JOIN people p ON p.id = m.person_id
    WHERE m.removed_on IS NULL AND p.removed_on IS NULL
"""


def meeting_from_row(
    connection: sqlite3.Connection, row: sqlite3.Row, people: dict[int, Person] | None = None
) -> StoredMeeting | None:
    """The stored meeting, or None (with a warning naming the row) when a value it needs
    cannot be read."""
    person = people.get(row["person_id"]) if people is not None else None
    if person is None:
        person = find_by_id(connection, row["person_id"])
    try:
        when = rows.moment(row["starts_at"])
    except (TypeError, ValueError):
        rows.warn_row("meetings", row["id"], "starts_at", row["starts_at"], "it was left out")
        return None
    minutes, mode = row["minutes"], row["mode"]
    if not isinstance(minutes, int) or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        rows.warn_row("meetings", row["id"], "minutes", minutes, "it was left out")
        return None
    if mode not in MODES:
        rows.warn_row("meetings", row["id"], "mode", mode, "it was left out")
        return None
    meeting_format = row["format"] if row["format"] in MEETING_FORMATS else None
    if row["format"] is not None and meeting_format is None:
        rows.warn_row("meetings", row["id"], "format", row["format"], "it is read as blank")
    seed = row["seed"] if isinstance(row["seed"], int) else None
    return StoredMeeting(
        id=row["id"],
        person=person,
        when=when,
        minutes=minutes,
        mode=mode,
        field=rows.text(row["field"]),
        stage=rows.text(row["stage"]),
        where=rows.text(row["place"]),
        seed=seed,
        learned=rows.text(row["learned"]),
        format=meeting_format,
        cancelled_on=rows.optional_day("meetings", row["id"], "cancelled_on", row["cancelled_on"]),
    )


def find_meeting(connection: sqlite3.Connection, meeting_id: int) -> StoredMeeting:
    """The meeting numbered ``meeting_id``; a removed or unknown one is a clear error."""
    row = None
    if rows.valid_id(meeting_id):
        row = connection.execute(
            "SELECT m.*, p.removed_on AS person_removed FROM meetings m"
            " JOIN people p ON p.id = m.person_id WHERE m.id = ?",
            (meeting_id,),
        ).fetchone()
    if row is not None and (row["removed_on"] or row["person_removed"]):
        raise JournalError(
            f"meeting {meeting_id} was removed from the journal on "
            f"{row['removed_on'] or row['person_removed']}",
            hint="its record stays in the journal's export",
        )
    if row is None:
        known = [str(r[0]) for r in connection.execute(MEETING_QUERY + " ORDER BY m.id LIMIT 20")]
        raise JournalError(
            f"there is no meeting {meeting_id} in the journal"
            + (f"; its meetings are {', '.join(known)}" if known else ""),
            hint="the list of meetings shows their numbers",
        )
    meeting = meeting_from_row(connection, row)
    if meeting is None:
        raise JournalError(
            f"meeting {meeting_id} holds a value that cannot be read (see the warning)",
            hint="correct that value by editing the meeting",
        )
    return meeting


def all_meetings(
    connection: sqlite3.Connection,
    person: Person | None = None,
    everyone: list[Person] | None = None,
) -> list[StoredMeeting]:
    """The meetings not removed (cancelled ones included), by time; ``everyone`` saves
    reading the people again when the caller has them."""
    if everyone is None:
        everyone = [person] if person else all_people(connection)
    people = {p.id: p for p in everyone}
    query = MEETING_QUERY + (" AND m.person_id = ?" if person else "")
    found = connection.execute(
        query + " ORDER BY m.starts_at, m.id", (person.id,) if person else ()
    ).fetchall()
    meetings = [meeting_from_row(connection, row, people) for row in found]
    return [m for m in meetings if m is not None]


def insert_event(
    connection: sqlite3.Connection,
    kind: str,
    target: str | int,
    on: date,
    channel: str | None,
) -> Event:
    """Log a step for a person by name, or for a meeting when ``target`` is its number (an
    int: a name made of digits is still a name)."""
    if kind not in LOG_KINDS:
        raise UnknownNameError("step", kind, LOG_KINDS)
    if channel is not None and channel not in LOG_CHANNELS:
        raise UnknownNameError("channel", channel, LOG_CHANNELS)
    meeting_id: int | None = None
    if isinstance(target, int):
        meeting = find_meeting(connection, target)
        person, meeting_id = meeting.person, meeting.id
    else:
        try:
            person = find_person(connection, target)
        except UnknownNameError as error:
            if target.strip().isdigit():
                raise UnknownNameError(
                    "person",
                    target,
                    error.choices,
                    suggestions=error.suggestions,
                    hint=f"to log a step for meeting {target.strip()}, give it as the meeting",
                    parameter="meeting",
                ) from None
            raise
    cursor = connection.execute(
        "INSERT INTO events (person_id, meeting_id, kind, on_day, channel) VALUES (?, ?, ?, ?, ?)",
        (person.id, meeting_id, kind, on.isoformat(), channel),
    )
    return Event(cursor.lastrowid or 0, kind, person.name, on, meeting_id, channel)


def all_events(connection: sqlite3.Connection, person: Person | None = None) -> list[Event]:
    """The logged steps of the people and meetings not removed, by day."""
    query = (
        "SELECT e.*, p.name FROM events e JOIN people p ON p.id = e.person_id"
        " LEFT JOIN meetings m ON m.id = e.meeting_id"
        " WHERE p.removed_on IS NULL AND m.removed_on IS NULL"
        + (" AND e.person_id = ?" if person else "")
        + " ORDER BY e.on_day, e.id"
    )
    events = []
    for row in connection.execute(query, (person.id,) if person else ()):
        try:
            on = rows.day(row["on_day"])
        except (TypeError, ValueError):
            rows.warn_row("events", row["id"], "on_day", row["on_day"], "it was left out")
            continue
        if row["kind"] not in LOG_KINDS:
            rows.warn_row("events", row["id"], "kind", row["kind"], "it was left out")
            continue
        events.append(
            Event(
                row["id"],
                row["kind"],
                row["name"],
                on,
                row["meeting_id"],
                rows.text(row["channel"]),
            )
        )
    return events
