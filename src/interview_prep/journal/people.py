"""People in the journal: who they are, how they were found, and who referred whom."""

from __future__ import annotations

import functools
import sqlite3
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..catalog.catalog import Catalog
from ..catalog.fields import FieldMatch
from ..errors import InterviewPrepError, UnknownNameError
from ..model import Contact
from . import rows
from .store import JournalError

DETAILS = ("title", "org", "field", "email", "phone", "linkedin", "how_found")


@dataclass(frozen=True)
class Person:
    """Someone the learner knows, asks or meets; ``referred_by`` is the name of who sent them."""

    id: int
    name: str
    title: str | None = None
    org: str | None = None
    field: str | None = None
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    how_found: str | None = None
    referred_by: str | None = None
    added_on: date | None = None
    # the name's parts when a source gave them apart (LinkedIn's First Name and Last Name);
    # None when only the whole name is known, which is never split by guesswork
    given_name: str | None = None
    family_name: str | None = None

    @property
    def contact(self) -> Contact:
        """The person as the documents take them."""
        return Contact(self.name, self.title, self.org, self.email)

    def to_dict(self) -> dict[str, Any]:
        data = {
            key: getattr(self, key)
            for key in ("id", "name", "given_name", "family_name", *DETAILS, "referred_by")
        }
        data["added_on"] = self.added_on.isoformat() if self.added_on else None
        return data


def name_key(name: str) -> str:
    """The form of a name used to find it again: case, spacing and accents' encoding ignored."""
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def clean_name(name: str) -> str:
    """The name as typed, without spaces around it: kept literally, found by `name_key`."""
    cleaned = name.strip()
    if not cleaned:
        raise InterviewPrepError("a person needs a name", hint='e.g. people add "Dana Ortiz"')
    return cleaned


def clean(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def reach_details(text: str) -> dict[str, str | None]:
    """How to reach someone, as written beside their name: an email address, a phone
    number, a LinkedIn address, or anything else as a note of how they were found."""
    details: dict[str, str | None] = {}
    notes = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if "@" in part and " " not in part:
            details["email"] = part
        elif "linkedin.com/" in part:
            details["linkedin"] = part
        elif (
            part and sum(ch.isdigit() for ch in part) >= 7 and not any(ch.isalpha() for ch in part)
        ):
            details["phone"] = part
        elif part:
            notes.append(part)
    details["how_found"] = ", ".join(notes) or None
    return details


PERSON_QUERY = """
    SELECT p.*, r.name AS referrer FROM people p LEFT JOIN people r ON r.id = p.referred_by
"""
ACTIVE = " p.removed_on IS NULL "


def person_from_row(row: sqlite3.Row) -> Person:
    values = dict(zip(row.keys(), row, strict=True))
    for key in ("name", *DETAILS, "referrer", "given_name", "family_name"):
        if not isinstance(values[key], str | None):  # a hand-edited row
            values[key] = rows.text(values[key])
    added_on = values["added_on"]
    return Person(
        id=values["id"],
        name=values["name"] or f"(person {values['id']})",
        **{key: values[key] for key in DETAILS},
        referred_by=values["referrer"],
        added_on=(_day(added_on) if isinstance(added_on, str) else None)
        or rows.optional_day("people", values["id"], "added_on", added_on),
        given_name=values.get("given_name"),
        family_name=values.get("family_name"),
    )


@functools.lru_cache(maxsize=4096)
def _day(text: str) -> date | None:
    """A day read from text once: many people share the day they were added."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def find_person(
    connection: sqlite3.Connection, name: str, *, include_removed: bool = False
) -> Person:
    """The person called ``name`` (any case); unknown names get the closest known ones."""
    row = connection.execute(PERSON_QUERY + " WHERE p.name_key = ?", (name_key(name),)).fetchone()
    if row is not None and row["removed_on"] and not include_removed:
        raise JournalError(
            f"{row['name']} was removed from the journal on {row['removed_on']}",
            hint="their record stays in the journal's export; forget them to delete it for good",
        )
    if row is None:
        names = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM people p WHERE" + ACTIVE + "ORDER BY name_key"
            )
        ]
        suggestions = close_names(name, names)
        raise UnknownNameError(
            "person",
            name,
            names,
            suggestions=suggestions,
            # a close name is most likely a slip: never invite a duplicate of it
            hint="check the spelling; the list of people shows everyone"
            if suggestions
            else f"add {name.strip()!r} to the journal first",
        )
    return person_from_row(row)


def close_names(name: str, names: list[str]) -> list[str]:
    """Stored names like ``name``: spelled alike, or sharing its first or last word."""
    from ..errors import closest

    found = closest(name, names)
    words = {word.casefold() for word in name.split()}
    if not found and words:
        found = [n for n in names if words & {w.casefold() for w in n.split()}][:3]
    return found


def insert_person(
    connection: sqlite3.Connection,
    name: str,
    details: dict[str, str | None],
    referred_by: str | None,
    added_on: date,
    parts: tuple[str | None, str | None] = (None, None),
) -> Person:
    """Add someone; ``parts`` are their given and family names when a source gave them."""
    name = clean_name(name)
    check_name_free(connection, name)
    referrer = find_person(connection, referred_by).id if referred_by else None
    values = {key: clean(details.get(key)) for key in DETAILS}
    if values["linkedin"]:
        row = connection.execute(
            "SELECT name FROM people WHERE linkedin = ?", (values["linkedin"],)
        ).fetchone()
        if row:
            raise JournalError(
                f"the LinkedIn profile {values['linkedin']} already belongs to {row[0]!r}",
                hint="check the address",
            )
    cursor = connection.execute(
        "INSERT INTO people (name, name_key, title, org, field, email, phone, linkedin,"
        " how_found, referred_by, added_on, given_name, family_name)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            name,
            name_key(name),
            *(values[key] for key in DETAILS),
            referrer,
            added_on.isoformat(),
            *(clean(part) for part in parts),
        ),
    )
    return find_by_id(connection, cursor.lastrowid or 0)


def check_name_free(connection: sqlite3.Connection, name: str) -> None:
    row = connection.execute(
        "SELECT name, removed_on FROM people WHERE name_key = ?", (name_key(name),)
    ).fetchone()
    if row and row["removed_on"]:
        raise JournalError(
            f"{row['name']!r} was removed from the journal on {row['removed_on']}; their record "
            "is kept",
            hint="to add them again, forget the old record first",
        )
    if row:
        raise JournalError(
            f"{row['name']!r} is already in the journal",
            hint="correct or merge the entry that is there instead of adding another",
        )


def find_by_id(connection: sqlite3.Connection, person_id: int) -> Person:
    row = connection.execute(PERSON_QUERY + " WHERE p.id = ?", (person_id,)).fetchone()
    return person_from_row(row)


def all_people(connection: sqlite3.Connection) -> list[Person]:
    found = connection.execute(PERSON_QUERY + " WHERE" + ACTIVE + "ORDER BY p.name_key, p.id")
    return [person_from_row(row) for row in found]


def referred(connection: sqlite3.Connection, person: Person) -> list[Person]:
    found = connection.execute(
        PERSON_QUERY + " WHERE p.referred_by = ? AND" + ACTIVE + "ORDER BY p.name_key",
        (person.id,),
    )
    return [person_from_row(row) for row in found]


def field_of(person: Person, catalog: Catalog) -> FieldMatch | None:
    """The field a person works in, from their field or else their title: the whole text
    first, then its longest run of words that names a field ("Staff RN" is a Registered
    Nurse), worked out once per text (`Catalog.field_in`)."""
    for text in (person.field, person.title):
        found = catalog.field_in(text) if text else None
        if found is not None:
            return found
    return None


def in_field(
    person: Person,
    wanted: FieldMatch,
    catalog: Catalog,
) -> bool:
    """True when the person works in ``wanted``: the occupation itself, or inside the cluster."""
    found = field_of(person, catalog)
    if found is None:
        return False
    if wanted.kind == "cluster":
        return found.cluster_id == wanted.cluster_id
    return found.id == wanted.id
