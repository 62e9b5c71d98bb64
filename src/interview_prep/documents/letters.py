"""Outreach and follow-up letters: every kind, in email, LinkedIn, printed letter or phone."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from os import PathLike
from typing import TYPE_CHECKING, Any

from ..catalog.catalog import Catalog, default_catalog
from ..errors import LetterTooLongError
from ..model import Contact, Meeting, Sender
from ..planning.plan import Plan
from ..vocabulary import (
    CHANNELS,
    DEFAULT_LETTER_MINUTES,
    LETTER_KINDS,
    LETTER_MINUTES_BY_KIND,
    normalize_choice,
)
from .document import Document

if TYPE_CHECKING:
    from ..render import PageOptions

LINKEDIN_LIMITS = {"free": 200, "premium": 300}
NOTE_VARIANTS = 3
__all__ = ["CHANNELS", "LETTER_KINDS", "LINKEDIN_LIMITS", "Letter", "LetterTooLongError", "letter"]


@dataclass(frozen=True)
class FieldWords:
    """How letters name a field when none was chosen."""

    title: str = "your field"
    phrase: str = "your line of work"
    your_work: str = "your work"


@dataclass(frozen=True)
class Letter(Document):
    """A letter as Markdown (for HTML and PDF) and as plain text to paste or read aloud."""

    channel: str = "email"
    letter_kind: str = "request"
    text: str = ""
    words: int = 0
    characters: int = 0
    limit: int | None = None

    def _options(self, paper: str | None) -> PageOptions:
        from dataclasses import replace

        return replace(super()._options(paper), classes=(f"channel-{self.channel}",))

    def render(self, format: str, **options: Any) -> bytes | str:
        """Also ``txt``: the plain text to paste into an email or read on the phone."""
        return self.text if format == "txt" else super().render(format, **options)

    @property
    def counts(self) -> str:
        """'112 words, 689 characters' (and the limit, for a LinkedIn note)."""
        text = f"{self.words} words, {self.characters} characters"
        return text + (f" (limit {self.limit})" if self.limit else "")


_KIND_WORDS = {"confirm": "Confirmation", "shadow-request": "Shadow request"}
# a kind in running text: nouns keep their hyphen ("a follow-up", "a thank-you")
_KIND_PHRASES = {"shadow-request": "shadow request", "keep-in-touch": "keep in touch"}


def _kind_phrase(kind: str) -> str:
    return _KIND_PHRASES.get(kind, kind)


_CHANNEL_WORDS = {"email": "email", "linkedin": "LinkedIn note", "letter": "letter"}


def _title(kind: str, channel: str, name: str | None) -> str:
    """A letter's title names whom it is for: 'Thank-you letter to Dana Ortiz'."""
    what = _KIND_WORDS.get(kind, kind.capitalize())
    if channel == "phone":
        return f"{what} call script" + (f" for {name}" if name else "")
    return f"{what} {_CHANNEL_WORDS[channel]}" + (f" to {name}" if name else "")


def _words(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", text))


def _body(text: str, signoff_lines: tuple[str, ...]) -> str:
    """The paragraphs between the greeting and the sign-off of an email or letter."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("Dear ")), -1) + 1
    end = next(
        (i for i, line in enumerate(lines) if line in signoff_lines and i > start), len(lines)
    )
    return "\n".join(lines[start:end]).strip()


def _check_numbers(minutes: int | None, hours: int | None, days: Sequence[date | None]) -> None:
    from ..values import checked_date, checked_int

    if minutes is not None:
        checked_int("letter minutes", minutes)
    if hours is not None:
        checked_int("hours", hours)
    for day in days:
        if day is not None:
            checked_date(day.date() if isinstance(day, datetime) else day)


REPLY_BUSINESS_DAYS = 10  # a posted letter takes days each way: two working weeks to answer
ASKS_FOR_A_REPLY = ("request", "shadow-request")


def _follow_up_day(kind: str, channel: str, follow_up: date | None, today: date) -> date | None:
    """The day the letter promises to follow up: a printed request gets a default two working
    weeks out; a day already past is kept, with a `PastDateWarning`."""
    if kind not in ASKS_FOR_A_REPLY:
        return follow_up
    if follow_up is None:
        if channel != "letter":
            return None
        from .timeline import add_business_days

        return add_business_days(today, REPLY_BUSINESS_DAYS)
    if follow_up < today:
        import warnings

        from ..errors import PastDateWarning
        from ..markdown.typography import us_date

        warnings.warn(
            PastDateWarning(
                f"the {_kind_phrase(kind)} promises to follow up by {us_date(follow_up)}, "
                f"which is before the letter's date, {us_date(today)}; choose a later "
                "follow_up date"
            ),
            stacklevel=3,
        )
    return follow_up


LOOKS_BACK = ("thank-you", "keep-in-touch")


def _check_after_meeting(kind: str, meeting: Meeting, today: date) -> None:
    """Warn when a letter that thanks for a meeting is dated before that meeting."""
    if kind not in LOOKS_BACK or meeting.when is None or today >= meeting.when.date():
        return
    import warnings

    from ..errors import BeforeMeetingWarning
    from ..markdown.typography import us_date

    warnings.warn(
        BeforeMeetingWarning(
            f"the {_kind_phrase(kind)} letter is dated {us_date(today)}, before the "
            f"meeting it looks back on, {us_date(meeting.when.date())}; date it on or after "
            "the meeting (the today parameter) or check the meeting's date"
        ),
        stacklevel=3,
    )


def _check_after_request(kind: str, request_date: date | None, today: date) -> None:
    """Warn when a follow-up is dated on or before the request it follows up."""
    if kind != "follow-up" or request_date is None or today > request_date:
        return
    import warnings

    from ..errors import PastDateWarning
    from ..markdown.typography import us_date

    warnings.warn(
        PastDateWarning(
            f"the follow-up letter is dated {us_date(today)}, not after the request it "
            f"follows up, sent {us_date(request_date)}; date it after the request (the today "
            "parameter) or check the request_date"
        ),
        stacklevel=3,
    )


def letter(
    kind: str,
    channel: str = "email",
    *,
    plan: Plan | None = None,
    field: str | None = None,
    sender: Sender | None = None,
    contact: Contact | None = None,
    referral: str | None = None,
    how_found: str | None = None,
    minutes: int | None = None,
    meeting: Meeting | None = None,
    availability: str | None = None,
    follow_up: date | None = None,
    request_date: date | None = None,
    learned: str | None = None,
    news: str | None = None,
    referrals: Sequence[str] = (),
    may_use_name: bool = False,
    hours: int | None = None,
    linkedin: str = "free",
    today: date | None = None,
    catalog: Catalog | None = None,
    template_dirs: Sequence[str | PathLike[str]] = (),
) -> Letter:
    """Write one letter of ``kind`` for ``channel``.

    Every letter says plainly that the learner seeks information, not a job. A LinkedIn
    note is fitted to the character limit of the account (``free``: 200, ``premium``: 300),
    trying shorter wordings before giving up with `LetterTooLongError`.

    ``minutes`` defaults to the meeting's or the plan's length, else to the kind's default:
    a request asks for 20 minutes, a confirmation restates a 30-minute meeting.
    """
    kind = normalize_choice("letter-kind", kind, what="letter kind")
    channel = normalize_choice("channel", channel)
    linkedin = normalize_choice("linkedin", linkedin, what="LinkedIn account")
    _check_numbers(
        minutes, hours, (follow_up, request_date, today, meeting.when if meeting else None)
    )
    from .templating import render_template

    meeting = meeting or Meeting()
    sender = sender or Sender()
    if channel == "letter" and not (sender.email or sender.phone):
        import warnings

        from ..errors import NoReplyAddressWarning

        warnings.warn(
            NoReplyAddressWarning(
                f"the printed {_kind_phrase(kind)} letter gives no phone or email to reply "
                "to; it has a blank line to fill in by hand. Give your email or phone number "
                "to print them."
            ),
            stacklevel=2,
        )
    today = today or date.today()
    follow_up = _follow_up_day(kind, channel, follow_up, today)
    _check_after_meeting(kind, meeting, today)
    _check_after_request(kind, request_date, today)
    stage = sender.stage or (plan.stage if plan else None)
    if stage is not None:
        stages = [s.id for s in (catalog or default_catalog()).taxonomy.stages]
        stage = normalize_choice("stage", stage, stages)
    words: Any = FieldWords()
    if plan is not None:
        words = plan.field
    elif field:
        words = (catalog or default_catalog()).resolve_field(field)
    context: dict[str, Any] = {
        "kind": kind,
        "kind_title": _kind_phrase(kind),
        "channel": channel,
        "field": words,
        "sender": sender,
        "stage": stage,
        "contact": contact or Contact(),
        "referral": referral,
        "how_found": how_found,
        "minutes": meeting.minutes
        or minutes
        or (plan.minutes if plan else None)
        or LETTER_MINUTES_BY_KIND.get(kind, DEFAULT_LETTER_MINUTES),
        "when": meeting.when,
        "where": meeting.where,
        "meeting_format": meeting.format,
        "availability": availability,
        "follow_up": follow_up,
        "request_date": request_date,
        "learned": learned,
        "news": news,
        "referrals": list(referrals),
        "may_use_name": may_use_name,
        "hours": hours,
        "today": today,
        "variant": 0,
    }
    name = f"letters/{kind}.txt.j2"
    limit = LINKEDIN_LIMITS[linkedin] if channel == "linkedin" else None
    text = render_template(name, context, template_dirs, markdown=False)
    if limit is not None:
        lengths = []
        for variant in range(NOTE_VARIANTS):
            context["variant"] = variant
            text = render_template(name, context, template_dirs, markdown=False)
            lengths.append(len(text.strip()))
            if lengths[-1] <= limit:
                break
        else:
            raise LetterTooLongError(
                f"the LinkedIn note needs {min(lengths)} characters even in its shortest "
                f"wording, over the {limit} a {linkedin} account allows; nothing was cut",
                hint="use shorter names, send it by email, or use a premium LinkedIn account (300)",
                parameter="linkedin",
            )
    markdown = render_template(name, context, template_dirs, markdown=True)
    if channel in ("email", "letter"):
        counted = _body(text, ("Best regards,", "With thanks,"))
    else:
        counted = text.strip()
    return Letter(
        kind="letter",
        title=_title(kind, channel, contact.name if contact else None),
        source=markdown,
        channel=channel,
        letter_kind=kind,
        text=text,
        words=_words(counted),
        characters=len(text.strip()) if channel == "linkedin" else len(counted),
        limit=limit,
    )
