"""What the page directives make, shared by the Sphinx extension and the MyST plugin:
``interview-script`` and ``interview-questions``, with the same options and errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import InterviewPrepError

# option -> (kind, what it holds); whole numbers carry their smallest allowed value
OPTIONS: dict[str, tuple[str, str]] = {
    "field": ("string", "occupation or cluster, e.g. nurse"),
    "stage": (
        "string",
        "high-school, college, recent-grad, career-changer, returning or returning-new-field",
    ),
    "minutes": ("number", "length of the meeting (default 30)"),
    "mode": ("string", "interview, or shadow"),
    "seniority": ("string", "early, mid or senior"),
    "seed": ("number", "varies the choice among equally good questions"),
    "theme": ("string", "a theme such as advice (interview-questions)"),
    "heading-offset": ("number", "levels to demote the script's headings (default 1)"),
}
DIRECTIVES = {
    "interview-script": "An interview script for a field and stage, fitted to the minutes.",
    "interview-questions": "A list of the questions that suit a field, stage, theme or mode.",
}


def whole_number(options: Mapping[str, Any], name: str, default: int | None) -> int | None:
    """A whole-number option such as ``heading-offset``, checked like every other option."""
    from ..params import ValueReader

    reader = ValueReader(options)
    value = reader.number(name, default, range_name="heading offset")
    _raise_for_directive(reader)
    return value


def _raise_for_directive(reader: Any) -> None:
    """Every problem at once, each led by its ``:option:`` as a page author writes it."""
    if reader.problems:
        raise InterviewPrepError("; ".join(f":{p.parameter}: {p.message}" for p in reader.problems))


def script_markdown(options: Mapping[str, Any]) -> str:
    """The Markdown of ``interview-script``; needs ``field`` and ``stage``."""
    from ..catalog.catalog import default_catalog
    from ..documents import interview_script
    from ..params import PlanParams, ValueReader

    catalog = default_catalog()
    reader = ValueReader(options)
    params = PlanParams.read(reader, catalog)
    _raise_for_directive(reader)
    return interview_script(params.plan(catalog)).source


def questions_markdown(options: Mapping[str, Any]) -> str:
    """The Markdown of ``interview-questions``: a bullet list; every option is optional."""
    from ..markdown.escape import escape_markdown
    from ..planning.questions import find_questions

    found = find_questions(
        options.get("field"),
        options.get("stage"),
        options.get("theme"),
        options.get("mode"),
        kind="question",
    )
    return "\n".join(f"- {escape_markdown(item.text)}" for item in found) + "\n"


def directive_markdown(name: str, options: Mapping[str, Any]) -> str:
    """The Markdown a directive called ``name`` makes from its ``options``."""
    if name == "interview-script":
        return script_markdown(options)
    if name == "interview-questions":
        return questions_markdown(options)
    from ..errors import UnknownNameError

    raise UnknownNameError("directive", name, list(DIRECTIVES))
