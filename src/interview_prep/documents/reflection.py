"""After the meeting: a reflection sheet, and a sheet comparing several conversations."""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike

from ..errors import PlanError
from ..markdown.typography import series
from ..model import Contact, Meeting, Notes
from ..planning.plan import Plan
from .document import Document, footer_line, with_person

MAX_COMPARED = 5


def reflection_sheet(
    plan: Plan | None = None,
    contact: Contact | None = None,
    meeting: Meeting | None = None,
    *,
    learner: str | None = None,
    notes: Notes | None = None,
    template_dirs: Sequence[str | PathLike[str]] = (),
) -> Document:
    """Questions to answer in writing the same day: what you learned, and what comes next.

    With ``notes`` the sheet carries what was said, what was learned and who was named."""
    from .templating import render_template

    context = {
        "plan": plan,
        "contact": contact or Contact(),
        "meeting": meeting or Meeting(),
        "learner": learner,
        "notes": notes,
    }
    markdown = render_template("reflection.md.j2", context, template_dirs)
    title = "Reflection" + (f": {plan.field.title}" if plan else "")
    when = meeting.when.date() if meeting and meeting.when else None
    person = contact.name if contact else None
    return Document(
        "reflection",
        with_person(title, person),
        markdown,
        footer=footer_line(learner, person, when),
    )


def comparison_sheet(
    plan: Plan,
    contacts: Sequence[str],
    *,
    notes: Sequence[Notes] | None = None,
    template_dirs: Sequence[str | PathLike[str]] = (),
) -> Document:
    """The same questions side by side for several people, so patterns show.

    With ``notes`` (one per person, in order) each cell holds what that person said."""
    names = [name.strip() for name in contacts if name.strip()]
    if not 2 <= len(names) <= MAX_COMPARED:
        raise PlanError(
            f"compare 2 to {MAX_COMPARED} conversations, not {len(names)}",
            hint="name each person you talked with, once per person",
            parameter="contact",
        )
    from .templating import render_template

    themes = {theme.id: theme for theme in plan.taxonomy.themes}
    if notes is not None and len(notes) != len(names):
        raise PlanError(f"{len(names)} people but notes for {len(notes)}")
    said = [n.by_item() for n in notes] if notes else [{} for _ in names]
    learned = [n.learned for n in notes] if notes else []
    context = {"plan": plan, "names": names, "themes": themes, "said": said, "learned": learned}
    markdown = render_template("comparison.md.j2", context, template_dirs)
    return Document(
        "comparison",
        f"Comparison: {plan.field.title}, with {series(names)}",
        markdown,
        footer=footer_line(None, series(names)),
    )
