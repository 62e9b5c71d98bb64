"""`Journal`: the public face of the journal file, one method per thing a learner does."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from ..catalog.catalog import Catalog, default_catalog
from ..errors import InterviewPrepError
from ..model import Notes
from ..writers.escaping import spreadsheet_cell
from . import corrections, exchange, linkedin, vcard
from . import due as due_rules
from . import meetings as meeting_rows
from . import notes as note_files
from . import people as person_rows
from .due import DueStep, Journey
from .files import make_private_folder
from .meetings import Event, StoredMeeting
from .people import Person
from .privacy import Forgotten, forget_person
from .store import Store, default_path

CSV_COLUMNS = (
    "name",
    "title",
    "org",
    "field",
    "email",
    "phone",
    "linkedin",
    "how_found",
    "referred_by",
    "added_on",
)


class Journal:
    """A local journal of people, requests, meetings and notes, kept in one SQLite file.

    ``Journal()`` opens the default journal (INTERVIEW_PREP_JOURNAL, else the user's data
    folder); ``Journal(path)`` another, made on first use. Every change is one transaction.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        catalog: Catalog | None = None,
        create: bool = True,
    ) -> None:
        if path is None:
            path = default_path()
            if create:
                make_private_folder(Path(path).parent)
        self._path = Path(path)
        if not create and self._path.parent.is_dir() and not self._path.exists():
            # reading a journal that was never started: an empty one, and no file made
            self._store = Store(":memory:")
        else:
            self._store = Store(path)
        self._catalog = catalog

    @property
    def path(self) -> Path:
        return self._path

    @property
    def catalog(self) -> Catalog:
        return self._catalog or default_catalog()

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Journal({str(self.path)!r})"

    # people
    def add_person(
        self,
        name: str,
        *,
        title: str | None = None,
        org: str | None = None,
        field: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        linkedin: str | None = None,
        referred_by: str | None = None,
        how_found: str | None = None,
        on: date | None = None,
    ) -> Person:
        """Add someone; ``referred_by`` names a person already in the journal."""
        if field:
            self.catalog.resolve_field(field)
        details = {
            "title": title,
            "org": org,
            "field": field,
            "email": email,
            "phone": phone,
            "linkedin": linkedin,
            "how_found": how_found,
        }
        return self._store.write(
            lambda c: person_rows.insert_person(c, name, details, referred_by, on or date.today())
        )

    def person(self, name: str) -> Person:
        """The person called ``name``; an unknown name gets "did you mean"."""
        return self._store.read(lambda c: person_rows.find_person(c, name))

    def people(self, field: str | None = None) -> list[Person]:
        """Everyone, by name; ``field`` keeps those whose field or title is in it."""
        everyone = self._store.read(person_rows.all_people)
        if field is None:
            return everyone
        wanted = self.catalog.resolve_field(field)
        # the catalog resolves each distinct title once (Catalog.field_in)
        return [p for p in everyone if person_rows.in_field(p, wanted, self.catalog)]

    def referred_by(self, name: str) -> list[Person]:
        """The people ``name`` referred the learner to."""
        return self._store.read(lambda c: person_rows.referred(c, person_rows.find_person(c, name)))

    def import_linkedin(self, path: str | os.PathLike[str]) -> tuple[int, int]:
        """Add the connections in LinkedIn's Connections.csv; returns (added, already there)."""
        connections = linkedin.read_connections(Path(path))
        return self._store.write(lambda c: linkedin.add_connections(c, connections, date.today()))

    def export_people(self, format: str, field: str | None = None) -> str:
        """Everyone (or those in ``field``) as ``vcf`` (vCard 3.0), ``contacts`` (a CSV
        Outlook and Google Contacts import), ``csv`` (the journal's columns) or ``json``."""
        everyone = self.people(field)
        if format == "vcf":
            return vcard.vcards(everyone)
        if format == "contacts":
            from .contacts import contacts_csv

            return contacts_csv(everyone)
        if format == "json":
            return json.dumps([p.to_dict() for p in everyone], indent=2, ensure_ascii=False)
        if format == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(CSV_COLUMNS)
            for person in everyone:
                data = person.to_dict()
                writer.writerow(
                    [spreadsheet_cell(str(data[column] or "")) for column in CSV_COLUMNS]
                )
            return buffer.getvalue()
        raise InterviewPrepError(
            f"people export to {format!r}: use vcf, contacts, csv or json", parameter="format"
        )

    def forget(self, name: str) -> Forgotten:
        """Delete a person and everything tied to them (meetings, steps, notes), take their
        name out of other entries, and rewrite the file so none of it can be recovered."""
        forgotten = self._store.write(lambda c: forget_person(c, name))
        self._store.vacuum()
        return forgotten

    def edit_person(self, name: str, /, **changes: str | None) -> Person:
        """Change ``name``'s details (``name=`` renames; ``""`` blanks a detail)."""
        if changes.get("field"):
            self.catalog.resolve_field(str(changes["field"]))
        return self._store.write(lambda c: corrections.edit_person(c, name, changes))

    def remove_person(self, name: str, *, purge: bool = False) -> Person | Forgotten:
        """Take someone out of lists and `due`, keeping their record for `export_json`;
        ``purge`` forgets them for good (see `forget`)."""
        if purge:
            return self.forget(name)
        return self._store.write(lambda c: corrections.remove_person(c, name, date.today()))

    def merge_people(self, keep: str, other: str) -> corrections.Merged:
        """Make two entries for one person into ``keep``: ``other``'s meetings, steps and
        referrals move over, with the details ``keep`` lacked; ``other`` is deleted."""
        return self._store.write(lambda c: corrections.merge_people(c, keep, other))

    # steps and meetings
    def log(
        self, kind: str, who: str | int, *, on: date | None = None, channel: str | None = None
    ) -> Event:
        """Log a step (request, reply, follow-up, confirm, thank-you, keep-in-touch) for a
        person, or for a meeting given by its number."""
        return self._store.write(
            lambda c: meeting_rows.insert_event(c, kind, who, on or date.today(), channel)
        )

    def undo(self, step_id: int | None = None) -> Event:
        """Delete a logged step (the latest, unless ``step_id`` names one) and return it."""
        return self._store.write(lambda c: corrections.undo_step(c, step_id))

    def events(self, name: str | None = None) -> list[Event]:
        def query(c: Any) -> list[Event]:
            return meeting_rows.all_events(c, person_rows.find_person(c, name) if name else None)

        return self._store.read(query)

    def add_meeting(
        self,
        name: str,
        when: datetime,
        *,
        minutes: int = 30,
        stage: str | None = None,
        mode: str = "interview",
        where: str | None = None,
        seed: int | None = None,
        field: str | None = None,
        format: str | None = None,
    ) -> StoredMeeting:
        """Add a meeting with someone; its field is theirs unless ``field`` says otherwise.
        ``format`` is how you meet: in-person, phone or video."""
        return self._store.write(
            lambda c: meeting_rows.insert_meeting(
                c,
                name,
                when,
                minutes=minutes,
                mode=mode,
                field=field,
                stage=stage,
                where=where,
                seed=seed,
                catalog=self.catalog,
                format=format,
            )
        )

    def edit_meeting(self, meeting_id: int, **changes: Any) -> StoredMeeting:
        """Change a meeting's ``when``, ``minutes``, ``stage``, ``mode``, ``format``,
        ``where``, ``field`` or ``seed``."""
        return self._store.write(
            lambda c: corrections.edit_meeting(c, meeting_id, changes, self.catalog)
        )

    def cancel_meeting(self, meeting_id: int) -> StoredMeeting:
        """Mark a meeting cancelled: listed as such, and nothing around it is due."""
        return self._store.write(lambda c: corrections.cancel_meeting(c, meeting_id, date.today()))

    def remove_meeting(self, meeting_id: int, *, purge: bool = False) -> StoredMeeting:
        """Take a meeting out of lists and `due` (kept for `export_json`), or delete it with
        its notes and steps when ``purge``."""
        removed = self._store.write(
            lambda c: corrections.remove_meeting(c, meeting_id, date.today(), purge=purge)
        )
        if purge:
            self._store.vacuum()
        return removed

    def meeting(self, meeting_id: int) -> StoredMeeting:
        return self._store.read(lambda c: meeting_rows.find_meeting(c, meeting_id))

    def meetings(self, name: str | None = None) -> list[StoredMeeting]:
        def query(c: Any) -> list[StoredMeeting]:
            return meeting_rows.all_meetings(c, person_rows.find_person(c, name) if name else None)

        return self._store.read(query)

    # notes
    def notes_template(self, meeting_id: int, *, stage: str | None = None) -> str:
        """A Markdown file with a heading per planned question, to fill in after the meeting."""
        stored = self.meeting(meeting_id)
        plan = stored.plan(self.catalog, stage=stage)
        return note_files.notes_template(
            plan,
            stored.person.name,
            stored.id,
            f"{stored.when:%B} {stored.when.day}, {stored.when.year}",
        )

    def store_notes(
        self,
        meeting_id: int,
        source: str | os.PathLike[str],
        *,
        stage: str | None = None,
        replace: bool = False,
    ) -> Notes:
        """Store the notes in a filled-in template (Markdown, or a fillable PDF); the people
        named as referrals are added, referred by the person met. Notes stored before are
        replaced only when ``replace`` is true, and a file with nothing written in it
        changes nothing."""
        stored = self.meeting(meeting_id)
        plan = stored.plan(self.catalog, stage=stage)
        path = Path(source)
        if path.suffix.lower() == ".pdf":
            text = note_files.read_pdf_form(path, plan)
        else:
            from ..files.read import MEGABYTE, read_input

            raw = read_input(path, what="notes file", limit=5 * MEGABYTE)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise InterviewPrepError(f"cannot read the notes {path}: {error}") from None
        parsed, referrals = note_files.parse_notes(text, plan, str(path))
        if not (parsed.answers or parsed.learned or referrals):
            raise InterviewPrepError(
                f"{path} holds no answers, nothing learned and no names; nothing was changed",
                hint="write under the headings of the meeting's notes template, then store it "
                "again",
            )

        def change(c: Any) -> None:
            note_files.check_replacing(c, meeting_id, replace)
            note_files.store_notes(c, meeting_id, parsed)
            for name, detail in referrals:
                exists = c.execute(
                    "SELECT 1 FROM people WHERE name_key = ?", (person_rows.name_key(name),)
                ).fetchone()
                if not exists:
                    details = person_rows.reach_details(detail)
                    named = f"named by {stored.person.name} on {stored.when:%Y-%m-%d}"
                    note = details["how_found"]
                    details["how_found"] = f"{named}: {note}" if note else named
                    person_rows.insert_person(c, name, details, stored.person.name, date.today())

        self._store.write(change)
        return self.notes(meeting_id)

    def notes(self, meeting_id: int) -> Notes:
        def query(c: Any) -> Notes:
            meeting_rows.find_meeting(c, meeting_id)
            return note_files.load_notes(c, meeting_id)

        return self._store.read(query)

    # what is due
    def due(self, on: date | None = None, *, follow_up_after: int = 5) -> list[DueStep]:
        """What to do on ``on`` (today by default), late steps included, done steps left out."""
        return due_rules.due_steps(
            self._journey(), on or date.today(), follow_up_after=follow_up_after
        )

    def due_between(
        self, start: date, end: date, *, follow_up_after: int = 5
    ) -> list[tuple[date, DueStep]]:
        """Each step due from ``start`` to ``end``, once, with the first day it is listed."""
        return due_rules.due_between(self._journey(), start, end, follow_up_after=follow_up_after)

    def _journey(self) -> Journey:
        def query(c: Any) -> Journey:
            noted = frozenset(
                r[0]
                for r in c.execute(
                    "SELECT id FROM meetings WHERE learned IS NOT NULL"
                    " UNION SELECT meeting_id FROM notes"
                )
            )
            everyone = person_rows.all_people(c)
            return Journey(
                everyone,
                [m for m in meeting_rows.all_meetings(c, None, everyone) if m.cancelled_on is None],
                meeting_rows.all_events(c),
                noted,
            )

        return self._store.read(query)

    # the whole journal
    def export_json(self) -> dict[str, Any]:
        """Everything in the journal, as data to save with `json.dump`."""
        return self._store.read(exchange.export_data)

    def import_json(self, data: Any, *, source: str = "the import") -> int:
        """Fill this (empty) journal from `export_json`'s data; returns the rows added."""
        return self._store.write(lambda c: exchange.import_data(c, data, source, self.catalog))
