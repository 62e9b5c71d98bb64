"""Taking things out of the journal for good: one person and all that is tied to them, or
the whole file with its side files."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..values import counted
from .files import side_files
from .people import find_person
from .store import JournalError, Store

REMOVED = "[removed]"
# free text where another row may name the person: how someone was found ("named by ..."),
# a meeting's place and what was learned, and the notes of other meetings
FREE_TEXT = {
    "people": ("title", "org", "how_found"),
    "meetings": ("place", "learned"),
    "notes": ("question", "answer"),
}


@dataclass(frozen=True)
class Forgotten:
    """What `forget` removed: the person, and how many rows went with them."""

    name: str
    meetings: int
    steps: int
    notes: int
    mentions: int

    def summary(self) -> str:
        parts = [
            counted(self.meetings, "meeting"),
            counted(self.steps, "logged step"),
            counted(self.notes, "note"),
        ]
        text = f"forgot {self.name}: " + ", ".join(parts)
        if self.mentions:
            others = counted(self.mentions, "other entry", "other entries")
            text += f"; their name was taken out of {others}"
        return text


def forget_person(connection: sqlite3.Connection, name: str) -> Forgotten:
    """Delete the person, their meetings, steps and notes, and their name from other rows."""
    person = find_person(connection, name, include_removed=True)
    rows = connection.execute("SELECT id FROM meetings WHERE person_id = ?", (person.id,))
    meetings = [row[0] for row in rows]
    marks = ",".join("?" for _ in meetings)
    steps = connection.execute(
        f"SELECT count(*) FROM events WHERE person_id = ? OR meeting_id IN ({marks})",
        (person.id, *meetings),
    ).fetchone()[0]
    notes = connection.execute(
        f"SELECT count(*) FROM notes WHERE meeting_id IN ({marks})", meetings
    ).fetchone()[0]
    # the deleted rows' bytes are overwritten with zeros, not left in free pages
    connection.execute("PRAGMA secure_delete = ON")
    connection.execute("DELETE FROM people WHERE id = ?", (person.id,))  # cascades
    mentions = _scrub(connection, person.name)
    return Forgotten(person.name, len(meetings), steps, notes, mentions)


def _scrub(connection: sqlite3.Connection, name: str) -> int:
    """Replace the name (any case, any spacing) in the free text of the remaining rows."""
    words = [re.escape(word) for word in name.split()]
    pattern = re.compile(r"\s+".join(words), re.IGNORECASE)
    changed = 0
    # table and column names come from the constant above; values go as parameters
    for table, columns in FREE_TEXT.items():
        for column in columns:
            rows = connection.execute(
                f"SELECT rowid, {column} FROM {table} WHERE {column} IS NOT NULL"
            ).fetchall()
            for rowid, text in rows:
                if isinstance(text, str) and pattern.search(text):
                    connection.execute(
                        f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                        (pattern.sub(REMOVED, text), rowid),
                    )
                    changed += 1
    return changed


def delete_journal(path: Path) -> list[Path]:
    """Remove the journal at ``path`` and its side files; refuses a file that is no journal."""
    if not path.exists():
        raise JournalError(f"there is no journal at {path}", hint="nothing to delete")
    store = Store(path)  # refuses another program's file, and checks it can be changed
    try:
        if store.read_only:
            raise JournalError(
                f"the journal {path} is read-only for this account; nothing was deleted",
                hint="ask whoever owns it, or check the folder's rights",
            )
    finally:
        store.close()
    removed = []
    for name in (path, *side_files(path)):
        if name.exists():
            name.unlink()
            removed.append(name)
    return removed
