"""A plan's parameters and a meeting's details, checked, and filled from a journal record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import Contact, Meeting
from ..vocabulary import DEFAULT_MINUTES, DEFAULT_MODE, MEETING_FORMATS, MODES
from .reader import ValueReader

if TYPE_CHECKING:
    from ..catalog.catalog import Catalog
    from ..planning.plan import Plan


def stored_meeting(record: Any) -> Any:
    """The journal meeting a record holds (the documents never see SQLite)."""
    return None if record is None else record.meeting


@dataclass(frozen=True)
class PlanParams:
    """What to plan a meeting for: field, stage, minutes, mode, seniority and seed."""

    field: str
    stage: str
    minutes: int = DEFAULT_MINUTES
    mode: str = DEFAULT_MODE
    seniority: str | None = None
    seed: int | None = None

    @classmethod
    def read(
        cls,
        reader: ValueReader,
        catalog: Catalog,
        record: Any = None,
        *,
        default_stage: str | None = None,
    ) -> PlanParams:
        """The plan's parameters from ``reader``; what was not typed comes from the journal
        ``record`` when there is one. Problems are recorded in the reader."""
        stored = stored_meeting(record)
        taxonomy = catalog.taxonomy
        field = reader.text("field") or (stored.field if stored else None)
        if field is None:
            reader.add(
                "field",
                "which field? give an occupation or a career cluster",
                "for example nurse, electrician or Health Science",
            )
        else:
            with reader.check("field"):
                catalog.field_for_plan(field)
        stage = reader.choice("stage", None, [s.id for s in taxonomy.stages])
        stage = stage or (stored.stage if stored else None) or default_stage
        if stage is None and not reader.given("stage"):
            if stored is not None:
                reader.add(
                    "stage",
                    f"meeting {stored.id} in the journal has no stage; which stage are you at?",
                    "for example high-school, college or career-changer",
                )
            else:
                reader.add(
                    "stage",
                    "which stage are you at?",
                    "one of " + ", ".join(s.id for s in taxonomy.stages),
                )
        minutes = reader.number("minutes", stored.minutes if stored else DEFAULT_MINUTES)
        mode = reader.choice("mode", stored.mode if stored else DEFAULT_MODE, MODES)
        seniority = reader.choice("seniority", None, [s.id for s in taxonomy.seniority])
        seed = reader.number("seed", stored.seed if stored else None)
        return cls(
            field or "",
            stage or "",
            DEFAULT_MINUTES if minutes is None else minutes,
            mode or DEFAULT_MODE,
            seniority,
            seed,
        )

    def plan(self, catalog: Catalog | None = None) -> Plan:
        """The questions for this meeting."""
        from ..planning.plan import plan_interview

        return plan_interview(
            self.field,
            self.stage,
            self.minutes,
            mode=self.mode,
            seniority=self.seniority,
            seed=self.seed,
            catalog=catalog,
        )


@dataclass(frozen=True)
class MeetingParams:
    """The person met and the meeting's when, where and how; every part optional."""

    contact: Contact
    meeting: Meeting

    @classmethod
    def read(cls, reader: ValueReader, record: Any = None) -> MeetingParams:
        """The details from ``reader``, the journal ``record`` filling what was not typed."""
        stored = stored_meeting(record)
        name, title, org = reader.text("contact"), reader.text("title"), reader.text("org")
        when = reader.when("when", "meeting time")
        where = reader.text("where")
        meeting_format = reader.choice("meeting-format", None, MEETING_FORMATS)
        if stored is None:
            return cls(Contact(name, title, org), Meeting(when, where, meeting_format))
        person = stored.person
        contact = Contact(
            name or person.name,
            title or person.title,
            org or person.org,
            person.email if name is None else None,
        )
        meeting = Meeting(
            when or stored.when,
            where or stored.where,
            meeting_format or getattr(stored, "format", None),
            stored.minutes,
        )
        return cls(contact, meeting)
