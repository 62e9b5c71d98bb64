"""The registry of document kinds: each builds its document from typed values."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from os import PathLike
from typing import TYPE_CHECKING, Any

from ..vocabulary import (
    DEFAULT_DEBRIEF_MINUTES,
    DEFAULT_FOLLOW_UP_DAYS,
    DEFAULT_MINUTES,
    DEFAULT_SHADOW_HOURS,
    DEFAULT_STAGE,
    DEFAULT_WEEKS,
    choice_key,
)
from .meeting import MeetingParams, PlanParams, stored_meeting
from .reader import ValueReader, Values

if TYPE_CHECKING:
    from ..catalog.catalog import Catalog
    from ..documents import Document


@dataclass(frozen=True)
class BuildContext:
    """What every builder may use beside the typed values."""

    catalog: Catalog
    records: Sequence[Any] = ()
    template_dirs: Sequence[str | PathLike[str]] = ()

    @property
    def record(self) -> Any:
        """The first journal record, or None."""
        return self.records[0] if self.records else None


Builder = Callable[[ValueReader, BuildContext], "Document"]


@dataclass(frozen=True)
class DocumentKind:
    """A kind of document: its name, what it is, the formats it comes in, and its builder."""

    name: str
    summary: str
    build: Builder = field(repr=False)
    formats: tuple[str, ...] = ("md", "html", "pdf", "docx")


def _plan_document(builder_name: str) -> Builder:
    def build(reader: ValueReader, context: BuildContext) -> Document:
        from .. import documents

        plan = PlanParams.read(reader, context.catalog, context.record)
        details = MeetingParams.read(reader, context.record)
        learner = reader.text("learner")
        reader.raise_problems()
        builder = getattr(documents, builder_name)
        with reader.check("minutes"):
            return builder(  # type: ignore[no-any-return]
                plan.plan(context.catalog),
                details.contact,
                details.meeting,
                learner=learner,
                template_dirs=context.template_dirs,
            )
        reader.raise_problems()
        raise AssertionError("unreachable")

    return build


def _shadow_plan(reader: ValueReader, context: BuildContext) -> Document:
    from ..documents import shadow_plan

    plan = PlanParams.read(reader, context.catalog, context.record)
    details = MeetingParams.read(reader, context.record)
    hours = reader.number("hours", DEFAULT_SHADOW_HOURS)
    debrief = reader.number("debrief-minutes", DEFAULT_DEBRIEF_MINUTES)
    learner = reader.text("learner")
    reader.raise_problems()
    return shadow_plan(
        plan.field,
        plan.stage,
        DEFAULT_SHADOW_HOURS if hours is None else hours,
        contact=details.contact,
        meeting=details.meeting,
        debrief_minutes=DEFAULT_DEBRIEF_MINUTES if debrief is None else debrief,
        seniority=plan.seniority,
        seed=plan.seed,
        catalog=context.catalog,
        learner=learner,
        template_dirs=context.template_dirs,
    )


def _reflection(reader: ValueReader, context: BuildContext) -> Document:
    from ..documents import reflection_sheet

    stored = stored_meeting(context.record)
    plan = None
    if reader.given("field") or (stored is not None and stored.field):
        plan = PlanParams.read(reader, context.catalog, context.record, default_stage=DEFAULT_STAGE)
    details = MeetingParams.read(reader, context.record)
    learner = reader.text("learner")
    reader.raise_problems()
    return reflection_sheet(
        plan.plan(context.catalog) if plan else None,
        details.contact,
        details.meeting,
        learner=learner,
        notes=context.record.notes if context.record is not None else None,
        template_dirs=context.template_dirs,
    )


def _comparison(reader: ValueReader, context: BuildContext) -> Document:
    from ..documents import comparison_sheet

    plan = PlanParams.read(reader, context.catalog, context.record)
    names = tuple(r.meeting.person.name for r in context.records) or reader.texts("contact")
    if not names:
        reader.add(
            "contact",
            "whom do you compare? name each person you talked with",
            "two to five people",
        )
    reader.raise_problems()
    notes = [r.notes for r in context.records] or None
    with reader.check("contact"):
        return comparison_sheet(
            plan.plan(context.catalog), names, notes=notes, template_dirs=context.template_dirs
        )
    reader.raise_problems()
    raise AssertionError("unreachable")


def _timeline(reader: ValueReader, context: BuildContext) -> Document:
    from ..documents import timeline
    from ..model import Contact

    stored = stored_meeting(context.record)
    request_date = reader.day("request-date", "request date")
    meeting = reader.when("meeting", "meeting time") or reader.when("when", "meeting time")
    minutes = reader.number("minutes", None)
    contact = reader.text("contact")
    follow_up = reader.number(
        "follow-up-after", DEFAULT_FOLLOW_UP_DAYS, range_name="follow-up days"
    )
    replied = reader.flag("replied")
    tz = reader.text("tz")  # the calendar's time zone; None: the system's
    if stored is not None:
        meeting = meeting or stored.when
        minutes = stored.minutes if minutes is None else minutes
        contact = contact or stored.person.name
        request_date = request_date or context.record.request_date
        replied = True  # a meeting in the journal means they said yes
    reader.raise_problems()
    with reader.check("request-date"):
        return timeline(
            request_date,
            meeting,
            minutes=DEFAULT_MINUTES if minutes is None else minutes,
            contact=Contact(contact),
            follow_up_after=DEFAULT_FOLLOW_UP_DAYS if follow_up is None else follow_up,
            replied=replied,
            template_dirs=context.template_dirs,
            tz=tz,
        )
    reader.raise_problems()
    raise AssertionError("unreachable")


def _handout(reader: ValueReader, context: BuildContext) -> Document:
    from ..documents import assignment_handout

    start = reader.day("start", "start date")
    if start is None and not reader.given("start"):
        reader.add("start", "when does the assignment start?", "a date like 2026-03-02")
    weeks = reader.number("weeks", DEFAULT_WEEKS)
    course, teacher, shadow = reader.text("course"), reader.text("teacher"), reader.flag("shadow")
    reader.raise_problems()
    assert start is not None
    return assignment_handout(
        start,
        weeks=DEFAULT_WEEKS if weeks is None else weeks,
        course=course,
        teacher=teacher,
        shadow=shadow,
        template_dirs=context.template_dirs,
    )


def _family_guide(reader: ValueReader, context: BuildContext) -> Document:
    from ..documents import family_guide

    student, field = reader.text("student"), reader.text("field")
    if field is not None:
        with reader.check("field"):
            context.catalog.field_for_plan(field)
    stages = [s.id for s in context.catalog.taxonomy.stages]
    stage = reader.choice("stage", "high-school", stages)
    reader.raise_problems()
    return family_guide(
        student=student,
        field=field,
        stage=stage or "high-school",
        catalog=context.catalog,
        template_dirs=context.template_dirs,
    )


DOCUMENT_KIND_LIST: tuple[DocumentKind, ...] = (
    DocumentKind(
        "prep-sheet",
        "A prep sheet: meeting details, homework, checklist, the questions with room for "
        "notes, and what to do after.",
        _plan_document("prep_sheet"),
    ),
    DocumentKind(
        "script",
        "An interview script to hold during the meeting.",
        _plan_document("interview_script"),
    ),
    DocumentKind(
        "shadow-plan",
        "A job-shadow plan: what to arrange, what to watch through the day, the talk after.",
        _shadow_plan,
    ),
    DocumentKind(
        "reflection", "A reflection sheet to fill in the same day as the meeting.", _reflection
    ),
    DocumentKind(
        "compare", "The same questions side by side for several conversations.", _comparison
    ),
    DocumentKind(
        "timeline",
        "The dated steps from request to thank-you, as a checklist or calendar.",
        _timeline,
        ("md", "ics", "html", "pdf", "docx"),
    ),
    DocumentKind(
        "handout", "The teacher's assignment handout: steps with due dates, and a rubric.", _handout
    ),
    DocumentKind(
        "family-guide",
        "A guide for parents and families: finding people to ask, what to ask, what comes after.",
        _family_guide,
    ),
)
DOCUMENT_KINDS: dict[str, DocumentKind] = {kind.name: kind for kind in DOCUMENT_KIND_LIST}


def document_kind(name: str) -> DocumentKind:
    """The kind called ``name`` (case and separators do not matter)."""
    from ..errors import UnknownNameError

    wanted = choice_key(name)
    for kind in DOCUMENT_KIND_LIST:
        if choice_key(kind.name) == wanted:
            return kind
    raise UnknownNameError("document", name, list(DOCUMENT_KINDS), parameter="document")


def build_document(
    kind: str,
    values: Values,
    *,
    records: Sequence[Any] = (),
    catalog: Catalog | None = None,
    template_dirs: Sequence[str | PathLike[str]] = (),
) -> Document:
    """The document of ``kind`` that ``values`` ask for: strings keyed by parameter name (the
    CLI's long option names; ``_`` and ``-`` alike), as typed in a form, on a command line or in
    a roster row. What was not typed comes from the journal ``records`` when given.

    Raises `ParameterError` listing every problem at once.
    """
    from ..catalog.catalog import default_catalog

    chosen = document_kind(kind)
    context = BuildContext(catalog or default_catalog(), tuple(records), tuple(template_dirs))
    return chosen.build(ValueReader(values), context)
