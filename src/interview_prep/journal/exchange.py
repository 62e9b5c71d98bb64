"""The whole journal as JSON and back: the same people, meetings, steps and notes, same
numbers."""

from __future__ import annotations

import sqlite3
from typing import Any

from ..catalog.catalog import Catalog
from .checks import checked_rows
from .store import SCHEMA_VERSION, JournalError

FORMAT = "interview-prep journal"
TABLES = {
    "people": (
        "id",
        "name",
        "name_key",
        "title",
        "org",
        "field",
        "email",
        "phone",
        "linkedin",
        "referred_by",
        "how_found",
        "added_on",
        "removed_on",
        "given_name",
        "family_name",
    ),
    "meetings": (
        "id",
        "person_id",
        "starts_at",
        "minutes",
        "field",
        "stage",
        "mode",
        "place",
        "seed",
        "learned",
        "format",
        "cancelled_on",
        "removed_on",
    ),
    "events": ("id", "person_id", "meeting_id", "kind", "on_day", "channel"),
    "notes": ("meeting_id", "position", "item_id", "question", "answer"),
}


# The statements below are built only from the constant names above; every value goes
# to SQLite as a parameter.


def export_data(connection: sqlite3.Connection) -> dict[str, Any]:
    """Every row of the journal, by table, in a stable order."""
    data: dict[str, Any] = {"format": FORMAT, "schema": SCHEMA_VERSION}
    for table, columns in TABLES.items():
        rows = connection.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY {columns[0]}, {columns[1]}"
        )
        data[table] = [dict(zip(columns, row, strict=False)) for row in rows]
    return data


def import_data(connection: sqlite3.Connection, data: Any, source: str, catalog: Catalog) -> int:
    """Fill an empty journal from ``export_data``'s output; returns the number of rows."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise JournalError(
            f"{source} is not a journal export made by interview-prep",
            hint="give a file made by exporting a journal",
        )
    if (
        not isinstance(data.get("schema"), int)
        or isinstance(data["schema"], bool)
        or not 1 <= data["schema"] <= SCHEMA_VERSION
    ):
        raise JournalError(
            f"{source} comes from a newer interview-prep, or is damaged "
            f"(schema {str(data.get('schema'))[:20]!r})",
            hint="upgrade interview-prep: pip install --upgrade interview-prep",
        )
    if connection.execute("SELECT count(*) FROM people").fetchone()[0]:
        raise JournalError(
            "the journal already holds people; an export is imported into a new journal",
            hint="name a new journal file to import into",
            parameter="journal",
        )
    rows = checked_rows(data, TABLES, catalog, source)
    count = 0
    try:
        for table, columns in TABLES.items():
            values = [tuple(row[column] for column in columns) for row in rows[table]]
            if table == "people":  # a referrer may come after the person they referred
                values = [(*v[:9], None, *v[10:]) for v in values]
            connection.executemany(
                f"INSERT INTO {table} ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})",
                values,
            )
            count += len(values)
        connection.executemany(
            "UPDATE people SET referred_by = ? WHERE id = ?",
            [(row["referred_by"], row["id"]) for row in rows["people"] if row["referred_by"]],
        )
    except sqlite3.IntegrityError as error:
        raise JournalError(
            f"{source} is damaged ({error}); nothing was imported",
            hint="export the journal again",
        ) from None
    return count
