"""The interview script (held during the meeting) and the prep sheet (studied before it)."""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike
from typing import Any

from ..model import Contact, Meeting
from ..planning.plan import STANDING_HOMEWORK, Plan
from .document import Document, footer_line, with_person


def _context(
    plan: Plan, contact: Contact | None, meeting: Meeting | None, learner: str | None = None
) -> dict[str, Any]:
    taxonomy = plan.taxonomy
    return {
        "plan": plan,
        "field": plan.field,
        "stage": taxonomy.stage(plan.stage),
        "themes": {theme.id: theme for theme in taxonomy.themes},
        "contact": contact or Contact(),
        "meeting": meeting or Meeting(),
        "learner": learner,
        "homework": plan.research,
        "own_task": STANDING_HOMEWORK,
    }


def interview_script(
    plan: Plan,
    contact: Contact | None = None,
    meeting: Meeting | None = None,
    *,
    learner: str | None = None,
    template_dirs: Sequence[str | PathLike[str]] = (),
) -> Document:
    """What to hold during the meeting: opening, questions by theme with timing, closing asks."""
    from .templating import render_template

    markdown = render_template(
        "script.md.j2", _context(plan, contact, meeting, learner), template_dirs
    )
    return Document(
        "script",
        with_person(f"Interview script: {plan.field.title}", contact.name if contact else None),
        markdown,
        footer=_footer(learner, contact, meeting),
    )


def prep_sheet(
    plan: Plan,
    contact: Contact | None = None,
    meeting: Meeting | None = None,
    *,
    paper: str = "letter",
    learner: str | None = None,
    template_dirs: Sequence[str | PathLike[str]] = (),
) -> Document:
    """The night-before sheet: meeting details, homework, checklist, the script with room for
    notes, and what to do after."""
    from .templating import render_template

    markdown = render_template(
        "prep-sheet.md.j2", _context(plan, contact, meeting, learner), template_dirs
    )
    return Document(
        "prep-sheet",
        with_person(f"Prep sheet: {plan.field.title}", contact.name if contact else None),
        markdown,
        paper=paper,
        footer=_footer(learner, contact, meeting),
    )


def _footer(learner: str | None, contact: Contact | None, meeting: Meeting | None) -> str:
    when = meeting.when.date() if meeting and meeting.when else None
    return footer_line(learner, contact.name if contact else None, when)
