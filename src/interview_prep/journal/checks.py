"""Every value of a journal export checked by the rules the commands apply, before any of it
is stored: a located message for the first one that breaks them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from ..catalog.catalog import Catalog
from ..errors import InterviewPrepError
from ..model import MEETING_FORMATS, MODES
from ..planning.plan import MAX_MINUTES, MIN_MINUTES
from .meetings import LOG_CHANNELS, LOG_KINDS
from .people import name_key
from .rows import MAX_ID
from .store import JournalError

Rule = Callable[[Any], Any]  # returns the value to store, or raises ValueError saying why


class Refused(ValueError):
    """A value an import cannot take; the message says why."""


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise Refused(f"expected text, found {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Refused("holds a lone surrogate, which is not text") from None
    return value


def _optional(rule: Rule) -> Rule:
    return lambda value: None if value is None else rule(value)


def _name(value: Any) -> str:
    text = _text(value).strip()
    if not text:
        raise Refused("a person needs a name")
    return text


def _integer(low: int, high: int) -> Rule:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Refused(f"expected a whole number, found {type(value).__name__}")
        if not low <= value <= high:
            raise Refused(f"{value} is not from {low} to {high}")
        return value

    return check


def _day(value: Any) -> str:
    try:
        return date.fromisoformat(_text(value)).isoformat()
    except ValueError:
        raise Refused(f"{value!r} is not a day (e.g. 2026-03-14)") from None


def _moment(value: Any) -> str:
    try:
        return datetime.fromisoformat(_text(value)).isoformat()
    except ValueError:
        raise Refused(f"{value!r} is not a date and time (e.g. 2026-03-14T15:30)") from None


def _one_of(choices: tuple[str, ...], what: str) -> Rule:
    def check(value: Any) -> str:
        if _text(value) not in choices:
            raise Refused(f"unknown {what} {value!r}; expected one of {', '.join(choices)}")
        return str(value)

    return check


ID = _integer(1, MAX_ID)
TEXT = _optional(_text)


def rules(catalog: Catalog) -> dict[str, dict[str, Rule]]:
    """The rule for each column of each table; a column not named here is refused."""
    stages = tuple(s.id for s in catalog.taxonomy.stages)

    def field(value: Any) -> str:
        try:
            catalog.resolve_field(_text(value))
        except InterviewPrepError as error:
            raise Refused(str(error)) from None
        return str(value)

    return {
        "people": {
            "id": ID,
            "name": _name,
            "name_key": TEXT,  # made again from the name: a stale one cannot hide a duplicate
            **dict.fromkeys(("title", "org", "email", "phone", "linkedin", "how_found"), TEXT),
            "field": _optional(field),
            "referred_by": _optional(ID),
            "added_on": _day,
            "removed_on": _optional(_day),
            "given_name": TEXT,
            "family_name": TEXT,
        },
        "meetings": {
            "id": ID,
            "person_id": ID,
            "starts_at": _moment,
            "minutes": _integer(MIN_MINUTES, MAX_MINUTES),
            "field": _optional(field),
            "stage": _optional(_one_of(stages, "stage")),
            "mode": _one_of(MODES, "mode"),
            "place": TEXT,
            "seed": _optional(_integer(-MAX_ID - 1, MAX_ID)),
            "learned": TEXT,
            "format": _optional(_one_of(MEETING_FORMATS, "meeting format")),
            "cancelled_on": _optional(_day),
            "removed_on": _optional(_day),
        },
        "events": {
            "id": ID,
            "person_id": ID,
            "meeting_id": _optional(ID),
            "kind": _one_of(LOG_KINDS, "step"),
            "on_day": _day,
            "channel": _optional(_one_of(LOG_CHANNELS, "channel")),
        },
        "notes": {
            "meeting_id": ID,
            "position": _integer(1, MAX_ID),
            "item_id": TEXT,
            "question": _text,
            "answer": _text,
        },
    }


# columns that exports made before they existed do not have
ADDED_LATER = frozenset({"removed_on", "format", "cancelled_on", "given_name", "family_name"})


def checked_rows(
    data: dict[str, Any], tables: dict[str, tuple[str, ...]], catalog: Catalog, source: str
) -> dict[str, list[dict[str, Any]]]:
    """The export's rows with every value checked (and names' keys made again); raises
    `JournalError` naming the table, row and column of the first value refused."""
    table_rules = rules(catalog)
    checked: dict[str, list[dict[str, Any]]] = {}
    for table, columns in tables.items():
        rows = data.get(table, [])
        if not isinstance(rows, list):
            raise _refused(source, table, None, None, "is not a list of rows")
        checked[table] = []
        for index, row in enumerate(rows):
            if not isinstance(row, dict):
                raise _refused(source, table, index, None, "is not an object of columns")
            unknown = sorted(str(key) for key in row if key not in columns)
            if unknown:
                raise _refused(source, table, index, None, f"has unknown columns {unknown}")
            values = {}
            for column in columns:
                if column not in row and column not in ADDED_LATER:
                    raise _refused(source, table, index, column, "is missing")
                try:
                    values[column] = table_rules[table][column](row.get(column))
                except Refused as error:
                    raise _refused(source, table, index, column, str(error)) from None
            checked[table].append(values)
    _check_links(checked, source)
    return checked


def _check_links(checked: dict[str, list[dict[str, Any]]], source: str) -> None:
    """Each name once, each id once, and every reference to a row that is there."""
    people = {row["id"] for row in checked["people"]}
    meetings = {row["id"] for row in checked["meetings"]}
    keys: dict[str, int] = {}
    for index, row in enumerate(checked["people"]):
        row["name_key"] = name_key(row["name"])
        if row["name_key"] in keys:
            raise _refused(
                source, "people", index, "name", f"{row['name']!r} is there twice (any case)"
            )
        keys[row["name_key"]] = index
    links = (
        ("people", "referred_by", people),
        ("meetings", "person_id", people),
        ("events", "person_id", people),
        ("events", "meeting_id", meetings),
        ("notes", "meeting_id", meetings),
    )
    for table, column, targets in links:
        for index, row in enumerate(checked[table]):
            if row[column] is not None and row[column] not in targets:
                raise _refused(source, table, index, column, f"names no row ({row[column]})")
    for table in ("people", "meetings", "events"):
        ids = [row["id"] for row in checked[table]]
        if len(ids) != len(set(ids)):
            raise _refused(source, table, None, "id", "holds the same id twice")


def _refused(
    source: str, table: str, index: int | None, column: str | None, problem: str
) -> JournalError:
    where = table + (f"[{index}]" if index is not None else "") + (f".{column}" if column else "")
    return JournalError(
        f"{source}: {where} {problem}; nothing was imported",
        hint="export the journal again, or correct that value",
    )
