"""The job-shadow plan: the practical checklist, what to watch through the day, the debrief."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from os import PathLike

from ..catalog.catalog import Catalog, default_catalog
from ..errors import PlanError
from ..model import Contact, Item, Meeting
from ..planning.plan import Plan, plan_interview
from .document import Document

PARTS_OF_DAY = ("morning", "midday", "afternoon", "anytime")
MAX_HOURS = 40
DEBRIEF_MINUTES = 20


def _observations(plan: Plan, catalog: Catalog, hours: int) -> dict[str, list[Item]]:
    """Observation prompts for the day, a few per part of it, more for a longer shadow."""
    wanted = max(6, min(16, hours * 2))
    found = [
        item
        for item in catalog.items
        if item.kind == "observation" and plan.field.reaches(item) and item.suits_stage(plan.stage)
    ]
    groups: dict[str, list[Item]] = {part: [] for part in PARTS_OF_DAY}
    for item in found:
        part = next((t for t in item.tags if t in groups), "anytime")
        groups[part].append(item)
    if plan.seed is not None:
        import random

        shuffler = random.Random(plan.seed)
        for items in groups.values():
            shuffler.shuffle(items)
    chosen: dict[str, list[Item]] = {part: [] for part in PARTS_OF_DAY}
    while sum(map(len, chosen.values())) < wanted and any(groups.values()):
        for part in PARTS_OF_DAY:
            if groups[part] and sum(map(len, chosen.values())) < wanted:
                chosen[part].append(groups[part].pop(0))
    return {part: items for part, items in chosen.items() if items}


def _debrief_start(meeting: Meeting | None, hours: int) -> datetime | None:
    """When the talk after a shadow of ``hours`` starts, if the shadow's start is known."""
    if meeting is None or meeting.when is None or hours > 8:
        return None
    return meeting.when + timedelta(hours=hours)


def shadow_plan(
    field: str,
    stage: str,
    hours: int = 4,
    *,
    contact: Contact | None = None,
    meeting: Meeting | None = None,
    debrief_minutes: int = DEBRIEF_MINUTES,
    seniority: str | None = None,
    seed: int | None = None,
    catalog: Catalog | None = None,
    learner: str | None = None,
    template_dirs: Sequence[str | PathLike[str]] = (),
) -> Document:
    """A plan for shadowing someone for ``hours`` (a few hours up to a working week)."""
    from ..values import checked_int

    checked_int("debrief minutes", debrief_minutes)
    if not isinstance(hours, int) or not 1 <= hours <= MAX_HOURS:
        raise PlanError(
            f"a shadow lasts 1 to {MAX_HOURS} hours, not {hours!r}",
            hint="a few hours is common; a working week is 40",
        )
    catalog = catalog or default_catalog()
    plan = plan_interview(
        field,
        stage,
        debrief_minutes,
        mode="shadow",
        seniority=seniority,
        seed=seed,
        catalog=catalog,
    )
    from .templating import render_template

    context = {
        "plan": plan,
        "field": plan.field,
        "stage": catalog.taxonomy.stage(stage),
        "themes": {theme.id: theme for theme in catalog.taxonomy.themes},
        "contact": contact or Contact(),
        "meeting": meeting or Meeting(),
        "hours": hours,
        "debrief_start": _debrief_start(meeting, hours),
        "observations": _observations(plan, catalog, hours),
        "learner": learner,
    }
    markdown = render_template("shadow-plan.md.j2", context, template_dirs)
    return Document("shadow-plan", f"Job shadow plan: {plan.field.title}", markdown)
