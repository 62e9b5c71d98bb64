"""A meeting with all a document needs from the journal: the meeting, its notes, the request."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..model import Notes
from .api import Journal
from .meetings import StoredMeeting


@dataclass(frozen=True)
class MeetingRecord:
    """A stored meeting, its notes, and when the request to that person went out."""

    meeting: StoredMeeting
    notes: Notes
    request_date: date | None = None


def load_records(journal: Journal, meeting_ids: Sequence[int]) -> list[MeetingRecord]:
    """The meetings, in the order named, each with its notes and request date."""
    records = []
    for meeting_id in meeting_ids:
        meeting = journal.meeting(meeting_id)
        requests = [
            e.on
            for e in journal.events(meeting.person.name)
            if e.kind == "request" and e.on <= meeting.when.date()
        ]
        sent = max(requests, default=None)
        records.append(MeetingRecord(meeting, journal.notes(meeting_id), sent))
    return records
