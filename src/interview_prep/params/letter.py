"""A letter's parameters, checked, and filled from a journal record."""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike
from typing import TYPE_CHECKING, Any

from ..model import Contact, Meeting, Sender
from ..vocabulary import (
    CHANNELS,
    LETTER_KINDS,
    LINKEDIN_ACCOUNTS,
    MEETING_FORMATS,
    normalize_choice,
)
from .meeting import stored_meeting
from .reader import ValueReader, Values

if TYPE_CHECKING:
    from ..catalog.catalog import Catalog
    from ..documents import Letter


def build_letter(
    kind: str,
    values: Values,
    *,
    record: Any = None,
    catalog: Catalog | None = None,
    template_dirs: Sequence[str | PathLike[str]] = (),
) -> Letter:
    """The letter of ``kind`` that ``values`` (strings keyed by parameter name, as typed in a
    form or on a command line) ask for; what was not typed comes from the journal ``record``.

    Raises `ParameterError` listing every problem at once.
    """
    from ..catalog.catalog import default_catalog
    from ..documents import letter

    catalog = catalog or default_catalog()
    reader = ValueReader(values)
    with reader.check("kind"):
        kind = normalize_choice("letter-kind", kind, LETTER_KINDS, what="letter kind")
    stored = stored_meeting(record)
    notes = record.notes if record is not None else None
    channel = reader.choice("channel", "email", CHANNELS)
    stage = reader.choice("stage", None, [s.id for s in catalog.taxonomy.stages])
    field = reader.text("field") or (stored.field if stored else None)
    if field is not None:
        with reader.check("field"):
            catalog.resolve_field(field)
    person = stored.person if stored else None
    contact = Contact(
        reader.text("to") or (person.name if person else None),
        reader.text("title") or (person.title if person else None),
        reader.text("org") or (person.org if person else None),
    )
    meeting = Meeting(
        reader.when("when", "meeting time") or (stored.when if stored else None),
        reader.text("where") or (stored.where if stored else None),
        reader.choice("meeting-format", None, MEETING_FORMATS)
        or (getattr(stored, "format", None) if stored else None),
        stored.minutes if stored else None,
    )
    sender = Sender(
        reader.text("from"),
        reader.text("from-school"),
        stage or (stored.stage if stored else None),
        reader.text("from-email"),
        reader.text("from-phone"),
    )
    minutes = reader.number("minutes", None, range_name="letter minutes")
    hours = reader.number("hours", None)
    follow_up = reader.day("follow-up-date", "follow-up date")
    request_date = reader.day("request-date", "request date") or (
        record.request_date if record is not None else None
    )
    referred = reader.texts("referred") or (notes.referrals if notes else ())
    linkedin = reader.choice("linkedin", "free", LINKEDIN_ACCOUNTS)
    may_use_name = reader.flag("may-use-name")
    reader.raise_problems()
    with reader.check("channel"):  # a note over LinkedIn's limit
        return letter(
            kind,
            channel or "email",
            field=field,
            sender=sender,
            contact=contact,
            referral=reader.text("referral"),
            how_found=reader.text("how-found"),
            minutes=minutes,
            meeting=meeting,
            availability=reader.text("availability"),
            follow_up=follow_up,
            request_date=request_date,
            learned=reader.text("learned") or (notes.learned if notes else None),
            news=reader.text("news"),
            referrals=referred,
            may_use_name=may_use_name,
            hours=hours,
            linkedin=linkedin or "free",
            catalog=catalog,
            template_dirs=template_dirs,
        )
    reader.raise_problems()
    raise AssertionError("unreachable: a problem was recorded")
