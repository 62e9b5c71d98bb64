"""LinkedIn's own export of connections (Connections.csv): notes above the header, then one
row per connection."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..errors import InterviewPrepError
from .people import insert_person, name_key

HEADER = ("First Name", "Last Name")


@dataclass(frozen=True)
class Connection:
    """One row of the export."""

    name: str
    given_name: str | None
    family_name: str | None
    url: str | None
    email: str | None
    company: str | None
    position: str | None
    connected_on: str | None


def read_connections(path: Path) -> list[Connection]:
    """The connections in LinkedIn's Connections.csv, skipping the notes above its header."""
    from ..files.read import MEGABYTE, csv_rows, read_input

    raw = read_input(path, what="connections file", limit=50 * MEGABYTE)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InterviewPrepError(
            f"cannot read {path}: {error}", hint="give the Connections.csv LinkedIn sent you"
        ) from None
    rows = csv_rows(text, path)
    start = next(
        (i for i, row in enumerate(rows) if [c.strip() for c in row[:2]] == list(HEADER)), None
    )
    if start is None:
        raise InterviewPrepError(
            f"{path} has no 'First Name,Last Name,...' header row",
            hint="export it from LinkedIn: Settings, Data privacy, Get a copy of your data, "
            "Connections",
        )
    header = [cell.strip() for cell in rows[start]]
    connections = []
    for row in rows[start + 1 :]:
        record = dict(zip(header, (cell.strip() for cell in row), strict=False))
        given = " ".join(record.get("First Name", "").split())
        family = " ".join(record.get("Last Name", "").split())
        name = " ".join(part for part in (given, family) if part)
        if not name:
            continue
        connections.append(
            Connection(
                name,
                given or None,
                family or None,
                record.get("URL") or None,
                record.get("Email Address") or None,
                record.get("Company") or None,
                record.get("Position") or None,
                _day(record.get("Connected On")),
            )
        )
    return connections


def _day(text: str | None) -> str | None:
    if not text:
        return None
    for pattern in ("%d %b %Y", "%m/%d/%y", "%m/%d/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return text


def add_connections(
    connection: sqlite3.Connection, connections: list[Connection], today: date
) -> tuple[int, int]:
    """Add the connections not yet in the journal; returns (added, already there).

    Someone already there by name gets the profile, title, organization and email they
    lacked; nothing they had is replaced.
    """
    added = 0
    for row in connections:
        known = connection.execute(
            "SELECT id FROM people WHERE linkedin = ? OR name_key = ?",
            (row.url, name_key(row.name)),
        ).fetchone()
        if known:
            if (
                row.url
                and not connection.execute(
                    "SELECT 1 FROM people WHERE linkedin = ?", (row.url,)
                ).fetchone()
            ):
                connection.execute(
                    "UPDATE people SET linkedin = ?, title = coalesce(title, ?),"
                    " org = coalesce(org, ?), email = coalesce(email, ?) WHERE id = ?",
                    (row.url, row.position, row.company, row.email, known[0]),
                )
            # the name's parts, when the journal had only the whole name
            connection.execute(
                "UPDATE people SET given_name = ?, family_name = ? WHERE id = ?"
                " AND given_name IS NULL AND family_name IS NULL AND name_key = ?",
                (row.given_name, row.family_name, known[0], name_key(row.name)),
            )
            continue
        found = "LinkedIn connection" + (f" since {row.connected_on}" if row.connected_on else "")
        details = {
            "title": row.position,
            "org": row.company,
            "email": row.email,
            "linkedin": row.url,
            "how_found": found,
        }
        insert_person(connection, row.name, details, None, today, (row.given_name, row.family_name))
        added += 1
    return added, len(connections) - added
