"""The family guide: how parents and families can help a student find people to ask, whom
to ask, what to ask, and what to do after."""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike
from typing import TYPE_CHECKING

from .document import Document

if TYPE_CHECKING:
    from ..catalog.catalog import Catalog

GUIDE_QUESTIONS = 7


def family_guide(
    *,
    student: str | None = None,
    field: str | None = None,
    stage: str = "high-school",
    catalog: Catalog | None = None,
    template_dirs: Sequence[str | PathLike[str]] = (),
) -> Document:
    """A guide for parents and families: finding people, why early-career people are worth
    asking, a request for information and never for a job, what to ask, what to do after.

    With ``field``, the questions to ask come from a 30-minute plan for that field and
    ``stage`` (a job the taxonomy lacks falls back as plans do, and the guide says so).
    """
    from .templating import render_template

    match = None
    questions: list[str] = []
    if field is not None:
        from ..planning.plan import plan_interview

        plan = plan_interview(field, stage, 30, catalog=catalog)
        match = plan.field
        core = {t.id for t in plan.taxonomy.themes if t.core}
        themes: set[str] = set()
        for planned in plan.questions:  # the first question on each core theme
            if planned.item.theme in core and planned.item.theme not in themes:
                themes.add(planned.item.theme)
                questions.append(planned.item.text)
        questions = questions[: GUIDE_QUESTIONS - 1]
        questions += [p.item.text for p in plan.closing if p.item.topic == "what-to-ask"]
    context = {
        "student": student.strip() if student and student.strip() else None,
        "field": match,
        "questions": questions,
    }
    markdown = render_template("family-guide.md.j2", context, template_dirs)
    return Document("family-guide", "A guide for families", markdown)
