"""The teacher's assignment handout: what informational interviews and shadows are, the
steps with due dates, and a rubric for the reflection."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from os import PathLike

from ..errors import PlanError
from .document import Document

# (step, days after the start it is due)
SCHEDULE = (
    ("choose", 3),
    ("research", 7),
    ("request", 9),
    ("prepare", 16),
    ("meet", 24),
    ("thank", 25),
    ("reflect", 28),
)


@dataclass(frozen=True)
class DueDate:
    step: str
    due: date


def _weekday(day: date) -> date:
    """The day itself, or the Monday after when it falls on a weekend."""
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def assignment_handout(
    start: date,
    *,
    weeks: int = 4,
    course: str | None = None,
    teacher: str | None = None,
    shadow: bool = False,
    template_dirs: Sequence[str | PathLike[str]] = (),
) -> Document:
    """A handout for a class: the assignment, its steps with due dates, and a rubric.

    Due dates spread over ``weeks`` (2 to 12) from ``start``, in the usual proportions.
    """
    from ..values import checked_date

    checked_date(start, "start date")
    if not 2 <= weeks <= 12:
        raise PlanError(
            f"the assignment runs 2 to 12 weeks, not {weeks}",
            hint="four weeks gives time to find someone and meet",
        )
    scale = weeks * 7 / 28
    dues = [
        DueDate(step, _weekday(start + timedelta(days=round(days * scale))))
        for step, days in SCHEDULE
    ]
    from .templating import render_template

    context = {
        "start": start,
        "dues": {d.step: d.due for d in dues},
        "course": course,
        "teacher": teacher,
        "shadow": shadow,
        "weeks": weeks,
    }
    markdown = render_template("handout.md.j2", context, template_dirs)
    from ..markdown.typography import short_date

    parts = [part for part in (course, teacher) if part]
    footer = " · ".join([*parts, f"from {short_date(start)}"])
    return Document(
        "handout",
        "Assignment: " + ("job shadow and " if shadow else "") + "informational interview",
        markdown,
        footer=footer + ", " + str(start.year),
    )
