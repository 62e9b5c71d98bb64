"""The journal: people, requests, meetings and notes, kept in one local SQLite file."""

from .api import Journal as Journal
from .due import DueStep as DueStep
from .meetings import LOG_KINDS as LOG_KINDS
from .meetings import Event as Event
from .meetings import StoredMeeting as StoredMeeting
from .people import Person as Person
from .store import JournalError as JournalError
from .store import default_path as default_path
