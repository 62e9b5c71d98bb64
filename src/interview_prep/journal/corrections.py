"""Correcting the journal: editing, merging and removing people, editing, cancelling and
removing meetings, and undoing a logged step. A removal keeps the record (for `journal
export`) unless purged."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..catalog.catalog import Catalog
from . import rows
from .meetings import Event, StoredMeeting, all_events, check_meeting_values, find_meeting
from .people import DETAILS, Person, check_name_free, clean, clean_name, find_by_id, find_person
from .people import name_key as key_of
from .store import JournalError

MEETING_CHANGES = ("when", "minutes", "stage", "mode", "format", "where", "field", "seed")


def edit_person(connection: sqlite3.Connection, name: str, changes: dict[str, Any]) -> Person:
    """Change the given details (``None`` leaves one as it is, ``""`` blanks it); ``name``
    renames and ``referred_by`` names another person in the journal."""
    person = find_person(connection, name)
    updates: dict[str, Any] = {}
    new_name = changes.get("name")
    if new_name is not None:
        new_name = clean_name(new_name)
        if key_of(new_name) != key_of(person.name):
            check_name_free(connection, new_name)
        updates["name"], updates["name_key"] = new_name, key_of(new_name)
        if new_name != person.name:  # the parts a source gave belong to the old name
            updates["given_name"] = updates["family_name"] = None
    for key in DETAILS:
        if changes.get(key) is not None:
            updates[key] = clean(changes[key])
    if updates.get("linkedin"):
        owner = connection.execute(
            "SELECT name FROM people WHERE linkedin = ? AND id != ?",
            (updates["linkedin"], person.id),
        ).fetchone()
        if owner:
            raise JournalError(
                f"the LinkedIn profile {updates['linkedin']} already belongs to {owner[0]!r}",
                hint=f"if they are one person, merge {person.name!r} into {owner[0]!r}",
                parameter="linkedin",
            )
    referrer = changes.get("referred_by")
    if referrer is not None:
        updates["referred_by"] = None
        if referrer.strip():
            found = find_person(connection, referrer)
            if found.id == person.id:
                raise JournalError(f"{person.name} cannot be referred by themselves")
            updates["referred_by"] = found.id
    if not updates:
        raise JournalError(
            f"nothing to change for {person.name}",
            hint="name at least one detail to change: a title, an email address, a name...",
        )
    # column names come from the constants above; values go as parameters
    assignments = ", ".join(f"{column} = ?" for column in updates)
    connection.execute(
        f"UPDATE people SET {assignments} WHERE id = ?", (*updates.values(), person.id)
    )
    return find_by_id(connection, person.id)


def remove_person(connection: sqlite3.Connection, name: str, on: date) -> Person:
    """Take a person out of lists and of `due`; their record stays for `journal export`."""
    person = find_person(connection, name)
    connection.execute("UPDATE people SET removed_on = ? WHERE id = ?", (on.isoformat(), person.id))
    return person


@dataclass(frozen=True)
class Merged:
    """What `merge` moved from the second entry to the first."""

    kept: Person
    gone: str
    meetings: int
    steps: int
    referred: int
    details: tuple[str, ...]


def merge_people(connection: sqlite3.Connection, keep: str, other: str) -> Merged:
    """Make two entries for one person into one: ``other``'s meetings, steps and referrals
    move to ``keep``, who also gets the details they lacked; ``other`` is deleted."""
    kept, gone = find_person(connection, keep), find_person(connection, other)
    if kept.id == gone.id:
        raise JournalError(f"{kept.name!r} and {gone.name!r} are the same entry")
    meetings = connection.execute(
        "UPDATE meetings SET person_id = ? WHERE person_id = ?", (kept.id, gone.id)
    ).rowcount
    steps = connection.execute(
        "UPDATE events SET person_id = ? WHERE person_id = ?", (kept.id, gone.id)
    ).rowcount
    referred = connection.execute(
        "UPDATE people SET referred_by = ? WHERE referred_by = ? AND id != ?",
        (kept.id, gone.id, kept.id),
    ).rowcount
    filled = tuple(
        key for key in DETAILS if getattr(kept, key) is None and getattr(gone, key) is not None
    )
    row = connection.execute("SELECT referred_by FROM people WHERE id = ?", (gone.id,)).fetchone()
    connection.execute("DELETE FROM people WHERE id = ?", (gone.id,))  # frees its LinkedIn
    for key in filled:
        connection.execute(
            f"UPDATE people SET {key} = ? WHERE id = ?", (getattr(gone, key), kept.id)
        )
    if kept.referred_by is None and row["referred_by"] not in (None, kept.id):
        connection.execute(
            "UPDATE people SET referred_by = ? WHERE id = ?", (row["referred_by"], kept.id)
        )
    return Merged(find_by_id(connection, kept.id), gone.name, meetings, steps, referred, filled)


def edit_meeting(
    connection: sqlite3.Connection, meeting_id: int, changes: dict[str, Any], catalog: Catalog
) -> StoredMeeting:
    """Change the given values of a meeting, checked as `meetings add` checks them."""
    meeting = find_meeting(connection, meeting_id)
    given = {k: v for k, v in changes.items() if k in MEETING_CHANGES and v is not None}
    if not given:
        raise JournalError(
            f"nothing to change for meeting {meeting_id}",
            hint="name at least one thing to change: its time, stage, length, format...",
        )
    check_meeting_values(catalog, **given)
    updates: dict[str, Any] = {}
    for key, value in given.items():
        if key == "when":
            updates["starts_at"] = value.isoformat() if isinstance(value, datetime) else value
        elif key == "where":
            updates["place"] = clean(value)
        elif key == "field":
            updates["field"] = catalog.resolve_field(value).id if value.strip() else None
        else:
            updates[key] = value
    assignments = ", ".join(f"{column} = ?" for column in updates)
    connection.execute(
        f"UPDATE meetings SET {assignments} WHERE id = ?", (*updates.values(), meeting.id)
    )
    return find_meeting(connection, meeting.id)


def cancel_meeting(connection: sqlite3.Connection, meeting_id: int, on: date) -> StoredMeeting:
    """Mark a meeting as cancelled: it stays in the list, and nothing around it is due."""
    meeting = find_meeting(connection, meeting_id)
    connection.execute(
        "UPDATE meetings SET cancelled_on = ? WHERE id = ?", (on.isoformat(), meeting.id)
    )
    return meeting


def remove_meeting(
    connection: sqlite3.Connection, meeting_id: int, on: date, *, purge: bool = False
) -> StoredMeeting:
    """Take a meeting out of lists and of `due` (kept for `journal export`), or delete it
    with its notes and steps when ``purge``."""
    meeting = find_meeting(connection, meeting_id)
    if purge:
        connection.execute("PRAGMA secure_delete = ON")
        connection.execute("DELETE FROM meetings WHERE id = ?", (meeting.id,))
    else:
        connection.execute(
            "UPDATE meetings SET removed_on = ? WHERE id = ?", (on.isoformat(), meeting.id)
        )
    return meeting


def undo_step(connection: sqlite3.Connection, step_id: int | None) -> Event:
    """Delete a logged step: the one numbered ``step_id``, else the latest logged."""
    if step_id is None:
        row = connection.execute("SELECT max(id) FROM events").fetchone()
        if row[0] is None:
            raise JournalError("no step is logged yet; nothing to undo")
        step_id = row[0]
    assert step_id is not None
    found = [e for e in all_events(connection) if e.id == step_id] if rows.valid_id(step_id) else []
    if not found:
        raise JournalError(
            f"there is no logged step {step_id}",
            hint="each person's steps are shown with their numbers",
        )
    connection.execute("DELETE FROM events WHERE id = ?", (step_id,))
    return found[0]
