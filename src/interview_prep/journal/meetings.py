"""Meetings in the journal, and the steps logged around them (request, reply, confirm...)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..catalog.catalog import Catalog, default_catalog
from ..documents.letters import CHANNELS
from ..errors import PlanError, UnknownNameError
from ..model import MODES, Contact, Meeting
from ..planning.plan import MAX_MINUTES, MIN_MINUTES, Plan, plan_interview
from .people import Person, clean, field_of, find_by_id, find_person
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

    @property
    def contact(self) -> Contact:
        return self.person.contact

    @property
    def meeting(self) -> Meeting:
        """The meeting as the documents take it."""
        return Meeting(self.when, self.where, None, self.minutes)

    def plan(self, catalog: Catalog | None = None, *, stage: str | None = None) -> Plan:
        """The questions for this meeting, planned as they were when it was added."""
        stage = stage or self.stage
        if self.field is None:
            raise PlanError(
                f"meeting {self.id} has no field, and {self.person.name}'s title names none",
                hint="pass --field, or add the meeting again with --field",
            )
        if stage is None:
            raise PlanError(
                f"meeting {self.id} has no stage",
                hint="pass --stage (high-school, college, ...), or add the meeting with --stage",
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
) -> StoredMeeting:
    person = find_person(connection, name)
    catalog = catalog or default_catalog()
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise PlanError(f"minutes must be from {MIN_MINUTES} to {MAX_MINUTES}, not {minutes}")
    if mode not in MODES:
        raise UnknownNameError("mode", mode, MODES)
    if stage is not None:
        stages = [s.id for s in catalog.taxonomy.stages]
        if stage not in stages:
            raise UnknownNameError("stage", stage, stages)
    match = catalog.resolve_field(field) if field else field_of(person, catalog)
    cursor = connection.execute(
        "INSERT INTO meetings (person_id, starts_at, minutes, field, stage, mode, place, seed)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            person.id,
            when.isoformat(),
            minutes,
            match.id if match else None,
            stage,
            mode,
            clean(where),
            seed,
        ),
    )
    return find_meeting(connection, cursor.lastrowid or 0)


def meeting_from_row(connection: sqlite3.Connection, row: sqlite3.Row) -> StoredMeeting:
    return StoredMeeting(
        id=row["id"],
        person=find_by_id(connection, row["person_id"]),
        when=datetime.fromisoformat(row["starts_at"]),
        minutes=row["minutes"],
        mode=row["mode"],
        field=row["field"],
        stage=row["stage"],
        where=row["place"],
        seed=row["seed"],
        learned=row["learned"],
    )


def find_meeting(connection: sqlite3.Connection, meeting_id: int) -> StoredMeeting:
    row = connection.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    if row is None:
        known = [str(r[0]) for r in connection.execute("SELECT id FROM meetings ORDER BY id")]
        raise JournalError(
            f"there is no meeting {meeting_id} in the journal"
            + (f"; its meetings are {', '.join(known)}" if known else ""),
            hint="list them with: interview-prep meetings list",
        )
    return meeting_from_row(connection, row)


def all_meetings(
    connection: sqlite3.Connection, person: Person | None = None
) -> list[StoredMeeting]:
    if person is None:
        rows = connection.execute("SELECT * FROM meetings ORDER BY starts_at, id")
    else:
        rows = connection.execute(
            "SELECT * FROM meetings WHERE person_id = ? ORDER BY starts_at, id", (person.id,)
        )
    return [meeting_from_row(connection, row) for row in rows.fetchall()]


def insert_event(
    connection: sqlite3.Connection,
    kind: str,
    target: str,
    on: date,
    channel: str | None,
) -> Event:
    """Log a step for a person, or for a meeting when ``target`` is a meeting's number."""
    if kind not in LOG_KINDS:
        raise UnknownNameError("step", kind, LOG_KINDS)
    if channel is not None and channel not in LOG_CHANNELS:
        raise UnknownNameError("channel", channel, LOG_CHANNELS)
    meeting_id: int | None = None
    if target.strip().isdigit():
        meeting = find_meeting(connection, int(target))
        person, meeting_id = meeting.person, meeting.id
    else:
        person = find_person(connection, target)
    cursor = connection.execute(
        "INSERT INTO events (person_id, meeting_id, kind, on_day, channel) VALUES (?, ?, ?, ?, ?)",
        (person.id, meeting_id, kind, on.isoformat(), channel),
    )
    return Event(cursor.lastrowid or 0, kind, person.name, on, meeting_id, channel)


def all_events(connection: sqlite3.Connection, person: Person | None = None) -> list[Event]:
    query = (
        "SELECT e.*, p.name FROM events e JOIN people p ON p.id = e.person_id"
        + (" WHERE e.person_id = ?" if person else "")
        + " ORDER BY e.on_day, e.id"
    )
    rows = connection.execute(query, (person.id,) if person else ())
    return [
        Event(
            row["id"],
            row["kind"],
            row["name"],
            date.fromisoformat(row["on_day"]),
            row["meeting_id"],
            row["channel"],
        )
        for row in rows
    ]
