"""After the meeting: a reflection sheet, and a sheet comparing several conversations."""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike

from ..errors import PlanError
from ..model import Contact, Meeting
from ..select import Plan
from .document import Document

MAX_COMPARED = 5


def reflection_sheet(
    plan: Plan | None = None,
    contact: Contact | None = None,
    meeting: Meeting | None = None,
    *,
    learner: str | None = None,
    template_dirs: Sequence[str | PathLike[str]] = (),
) -> Document:
    """Questions to answer in writing the same day: what you learned, and what comes next."""
    from ..templates_env import render_template

    context = {
        "plan": plan,
        "contact": contact or Contact(),
        "meeting": meeting or Meeting(),
        "learner": learner,
    }
    markdown = render_template("reflection.md.j2", context, template_dirs)
    title = "Reflection" + (f": {plan.field.title}" if plan else "")
    return Document("reflection", title, markdown)


def comparison_sheet(
    plan: Plan,
    contacts: Sequence[str],
    *,
    template_dirs: Sequence[str | PathLike[str]] = (),
) -> Document:
    """The same questions side by side for several people, so patterns show."""
    names = [name.strip() for name in contacts if name.strip()]
    if not 2 <= len(names) <= MAX_COMPARED:
        raise PlanError(
            f"compare 2 to {MAX_COMPARED} conversations, not {len(names)}",
            hint="name each person with --contact, once per person",
        )
    from ..templates_env import render_template

    themes = {theme.id: theme for theme in plan.taxonomy.themes}
    context = {"plan": plan, "names": names, "themes": themes}
    markdown = render_template("comparison.md.j2", context, template_dirs)
    return Document("comparison", f"Comparison: {plan.field.title}", markdown)
