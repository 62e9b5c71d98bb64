"""The journal's schema: its migrations, the objects it may hold, and its error."""

from __future__ import annotations

from ..errors import InterviewPrepError

# "IPJ1" in the database header: how a journal tells itself apart from any other SQLite file
APPLICATION_ID = 0x49504A31

# Each migration takes the schema one version forward; the list only ever grows at the end.
MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "people, meetings, logged steps and notes",
        """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            title TEXT, org TEXT, field TEXT, email TEXT, phone TEXT,
            linkedin TEXT UNIQUE,
            referred_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
            how_found TEXT,
            added_on TEXT NOT NULL
        );
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            starts_at TEXT NOT NULL,
            minutes INTEGER NOT NULL,
            field TEXT, stage TEXT,
            mode TEXT NOT NULL,
            place TEXT,
            seed INTEGER,
            learned TEXT
        );
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            on_day TEXT NOT NULL,
            channel TEXT
        );
        CREATE TABLE notes (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            item_id TEXT,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            PRIMARY KEY (meeting_id, position)
        );
        CREATE INDEX events_by_person ON events(person_id, kind);
        CREATE INDEX meetings_by_person ON meetings(person_id);
        """,
    ),
    (
        "meeting formats; removed people and meetings, cancelled meetings",
        """
        ALTER TABLE people ADD COLUMN removed_on TEXT;
        ALTER TABLE meetings ADD COLUMN format TEXT;
        ALTER TABLE meetings ADD COLUMN cancelled_on TEXT;
        ALTER TABLE meetings ADD COLUMN removed_on TEXT;
        """,
    ),
    (
        "given and family names, as LinkedIn gives them",
        """
        ALTER TABLE people ADD COLUMN given_name TEXT;
        ALTER TABLE people ADD COLUMN family_name TEXT;
        """,
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
# the only schema objects a journal holds; anything else (a view, a trigger) was put there by
# someone else and could make every query hang
TABLES = ("people", "meetings", "events", "notes", "schema_versions")
INDEXES = ("events_by_person", "meetings_by_person")


class JournalError(InterviewPrepError):
    """The journal file cannot be used as asked; it was left as it was."""
