"""The journal commands, one module per family: people, meetings and steps, the file."""

from . import journal_file, journal_meetings, journal_people

__all__ = ["journal_file", "journal_meetings", "journal_people"]
