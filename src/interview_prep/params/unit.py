"""A course unit's parameters, checked: for the `unit` command and the teachers' web page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocabulary import DEFAULT_MINUTES, DEFAULT_WEEKS
from .reader import ValueReader, Values

if TYPE_CHECKING:
    from ..catalog.catalog import Catalog
    from ..documents import CourseUnit


def build_unit(values: Values, *, catalog: Catalog | None = None) -> CourseUnit:
    """The course unit that ``values`` ask for (``start``, ``weeks``, ``shadow``, ``field``,
    ``stage``, ``minutes``, ``course``, ``teacher``, ``school``, ``logo``).

    Raises `ParameterError` listing every problem at once.
    """
    from ..catalog.catalog import default_catalog
    from ..documents import course_unit
    from ..model import Branding

    catalog = catalog or default_catalog()
    reader = ValueReader(values)
    start = reader.day("start", "start date")
    if start is None and not reader.given("start"):
        reader.add("start", "when does the unit start?", "a date like 2026-03-02")
    weeks = reader.number("weeks", DEFAULT_WEEKS)
    stage = reader.choice("stage", None, [s.id for s in catalog.taxonomy.stages])
    minutes = reader.number("minutes", DEFAULT_MINUTES)
    field = reader.text("field")
    if field is not None:
        with reader.check("field"):
            catalog.resolve_field(field)
    reader.raise_problems()
    assert start is not None
    with reader.check("field"):
        unit = course_unit(
            start,
            weeks=DEFAULT_WEEKS if weeks is None else weeks,
            shadow=reader.flag("shadow"),
            field=field,
            stage=stage,
            minutes=DEFAULT_MINUTES if minutes is None else minutes,
            course=reader.text("course"),
            teacher=reader.text("teacher"),
        )
        school, logo = reader.text("school"), reader.text("logo")
        if school or logo:
            from pathlib import Path

            unit = unit.branded(Branding(school, Path(logo) if logo else None))
        return unit
    reader.raise_problems()
    raise AssertionError("unreachable: a problem was recorded")
