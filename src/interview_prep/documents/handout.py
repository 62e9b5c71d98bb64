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


def due_dates(start: date, weeks: int) -> list[DueDate]:
    """The steps' due dates over ``weeks`` from ``start``, in the usual proportions, each on a
    school day and after the step before it (a step that lands on a weekend, a holiday or the
    winter break moves to the next school day)."""
    from .timeline import next_business_day

    scale = weeks * 7 / 28
    dues: list[DueDate] = []
    for step, days in SCHEDULE:
        day = start + timedelta(days=round(days * scale))
        if dues and day <= dues[-1].due:
            day = dues[-1].due + timedelta(days=1)
        dues.append(DueDate(step, next_business_day(day, school=True)))
    return dues


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

    Due dates spread over ``weeks`` (2 to 12) from ``start``, in the usual proportions, on
    school days (see `due_dates`).
    """
    from ..values import checked_date

    checked_date(start, "start date")
    if not 2 <= weeks <= 12:
        raise PlanError(
            f"the assignment runs 2 to 12 weeks, not {weeks}",
            hint="four weeks gives time to find someone and meet",
        )
    dues = due_dates(start, weeks)
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

    # with no course or teacher the footer still says what it is ("from Mon, Dec 7" is a fragment)
    label = "Job shadow assignment" if shadow else "Informational interview assignment"
    parts = [part for part in (course, teacher) if part] or [label]
    # a name to write in, as on a worksheet: page 2 carries the student's questions
    footer = " · ".join(["Name ______________", *parts, f"from {short_date(start)}"])
    return Document(
        "handout",
        "Assignment: " + ("job shadow and " if shadow else "") + "informational interview",
        markdown,
        footer=footer + ", " + str(start.year),
    )
