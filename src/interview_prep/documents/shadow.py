"""The job-shadow plan: the practical checklist, what to watch through the day, the debrief."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from os import PathLike

from ..catalog.catalog import Catalog, default_catalog
from ..errors import PlanError
from ..model import Contact, Item, Meeting
from ..planning.plan import Plan, plan_interview
from .document import Document, footer_line, with_person

PARTS_OF_DAY = ("morning", "midday", "afternoon", "anytime")
MAX_HOURS = 40
DEBRIEF_MINUTES = 20
# Prompts tied to where the host's day stands, not only to the clock: the start of the day
# belongs in the shadow's first block, its end in the last one, a comparison with the morning
# after a morning block.
STARTS_THE_DAY = (
    "first hour", "start of the day", "before work begins", "before the main work starts",
    "arrive", "last shift or yesterday", "tackles first",
)  # fmt: skip
ENDS_THE_DAY = (
    "wraps up", "end of the day", "end-of-day", "before leaving", "leaves compared",
    "late in the day",
)  # fmt: skip
AFTER_THE_MORNING = ("with the morning", "morning's plan")


def _part_of_day(hour: int) -> str:
    """The bank's tag for an hour of the day: before 11 morning, to 2 PM midday, to 6 PM
    afternoon, then evening (no bank prompt is written for the evening)."""
    if hour < 11:
        return "morning"
    return "midday" if hour < 14 else ("afternoon" if hour < 18 else "evening")


def _says(item: Item, phrases: tuple[str, ...]) -> bool:
    text = item.text.lower()
    return any(phrase in text for phrase in phrases)


def _fits(item: Item, index: int, blocks: list[tuple[str, set[str]]]) -> bool:
    """Whether a prompt's place in the day agrees with block ``index`` of the shadow."""
    parts = blocks[index][1]
    if len(blocks) > 1 and parts == set(PARTS_OF_DAY):
        return True  # a whole day
    if _says(item, STARTS_THE_DAY) and index != 0:
        return False
    if _says(item, ENDS_THE_DAY) and (index != len(blocks) - 1 or "evening" in parts):
        return False
    if _says(item, AFTER_THE_MORNING):
        return any("morning" in earlier for _, earlier in blocks[:index])
    return True


def _blocks(start: datetime | None, hours: int) -> list[tuple[str, set[str]]]:
    """The day's blocks, each with the parts of the day it covers: an hour each for a shadow
    of up to 8 hours ("7:00-8:00 AM" when the start is known, else "Hour 1"), a day each for
    a longer one."""
    from .templating import time_range

    if hours > 8:
        days = (hours + 7) // 8
        every = set(PARTS_OF_DAY)
        return [(f"Day {day}", every) for day in range(1, days + 1)]
    if start is None:
        return [(f"Hour {hour}", {"anytime"}) for hour in range(1, hours + 1)]
    blocks = []
    for hour in range(hours):
        begin = start + timedelta(hours=hour)
        parts = {_part_of_day(begin.hour), _part_of_day((begin + timedelta(minutes=59)).hour)}
        blocks.append((time_range(begin, begin + timedelta(hours=1)), parts | {"anytime"}))
    return blocks


def _observations(
    plan: Plan, catalog: Catalog, hours: int, start: datetime | None
) -> list[tuple[str, list[Item]]]:
    """Observation prompts for each block of the day, a few a block, more for a longer shadow;
    a prompt tied to a part of the day ("over lunch") only goes to a block in that part."""
    blocks = _blocks(start, hours)
    wanted = max(6, min(16, hours * 2), len(blocks))
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
    chosen: list[list[Item]] = [[] for _ in blocks]
    taken = 0
    while taken < wanted:
        placed = False
        for index, ((_, parts), items) in enumerate(zip(blocks, chosen, strict=True)):
            if taken >= wanted:
                break
            # the block's own part of the day first, then prompts for any time
            for part in sorted(parts, key=lambda p: p == "anytime"):
                fitting = [item for item in groups.get(part, []) if _fits(item, index, blocks)]
                if fitting:
                    items.append(fitting[0])
                    groups[part].remove(fitting[0])
                    taken += 1
                    placed = True
                    break
        if not placed:
            break
    return [(label, items) for (label, _), items in zip(blocks, chosen, strict=True) if items]


def _debrief_start(meeting: Meeting | None, hours: int) -> datetime | None:
    """When the talk after a shadow of ``hours`` starts, if the shadow's start is known."""
    if meeting is None or meeting.when is None or hours > 8:
        return None
    return meeting.when + timedelta(hours=hours)


EARLIEST_HOUR, LATEST_HOUR = 6, 20  # a shadow outside 6 AM-8 PM needs a word with the host


def _check_hours(meeting: Meeting | None, hours: int, debrief_minutes: int) -> None:
    """Warn when a day of the shadow, with the talk after it, starts before 6 AM or ends
    after 8 PM: a student should not be asked to stay so early or so late."""
    if meeting is None or meeting.when is None:
        return
    start = meeting.when
    end = start + timedelta(hours=min(hours, 8), minutes=debrief_minutes if hours <= 8 else 0)
    latest = start.replace(hour=LATEST_HOUR, minute=0, second=0, microsecond=0)
    if start.hour >= EARLIEST_HOUR and end <= latest:
        return
    import warnings

    from ..errors import LateHoursWarning
    from ..markdown.typography import us_date
    from .templating import format_time

    day = f"{start:%A}, {us_date(start)}"
    if start.hour < EARLIEST_HOUR:
        what = f"starts at {format_time(start)} on {day}, before 6 AM"
        better = "a later start"
    else:
        talk = f" with the {debrief_minutes}-minute talk after it" if hours <= 8 else " each day"
        what = f"from {format_time(start)} on {day}, ends at {format_time(end)}{talk}, after 8 PM"
        better = "an earlier start"
    warnings.warn(
        LateHoursWarning(
            f"the shadow {what}; ask your host for a daytime block, or choose {better} or "
            "fewer hours"
        ),
        stacklevel=3,
    )


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
    _check_hours(meeting, hours, debrief_minutes)
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
        "observations": _observations(
            plan, catalog, hours, meeting.when if meeting and hours <= 8 else None
        ),
        "learner": learner,
    }
    markdown = render_template("shadow-plan.md.j2", context, template_dirs)
    person = contact.name if contact else None
    when = meeting.when.date() if meeting and meeting.when else None
    return Document(
        "shadow-plan",
        with_person(f"Job shadow plan: {plan.field.title}", person),
        markdown,
        footer=footer_line(learner, person, when),
    )
