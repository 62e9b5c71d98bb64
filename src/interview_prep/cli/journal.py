"""The journal commands, one module per family: people, meetings and steps, notes and
what is due, the journal file."""

from . import journal_file, journal_meetings, journal_notes, journal_people

__all__ = ["journal_file", "journal_meetings", "journal_notes", "journal_people"]
