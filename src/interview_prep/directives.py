"""What the page directives make, shared by the Sphinx extension and the MyST plugin:
``interview-script`` and ``interview-questions``, with the same options and errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import InterviewPrepError

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
SMALLEST = {"minutes": 1, "seed": 0, "heading-offset": 0}
DIRECTIVES = {
    "interview-script": "An interview script for a field and stage, fitted to the minutes.",
    "interview-questions": "A list of the questions that suit a field, stage, theme or mode.",
}


def whole_number(options: Mapping[str, Any], name: str, default: int | None) -> int | None:
    """A whole-number option, checked as the Sphinx extension checks it."""
    value = options.get(name)
    if value is None:
        return default
    try:
        number = int(str(value))
    except ValueError:
        number = -1
    if number < SMALLEST[name] or str(number) != str(value).strip():
        raise InterviewPrepError(
            f":{name}: must be a whole number of at least {SMALLEST[name]}, not {value!r}"
        )
    return number


def script_markdown(options: Mapping[str, Any]) -> str:
    """The Markdown of ``interview-script``; needs ``field`` and ``stage``."""
    from .documents import interview_script
    from .select import plan_interview

    if "field" not in options or "stage" not in options:
        raise InterviewPrepError("needs :field: and :stage:")
    plan = plan_interview(
        str(options["field"]),
        str(options["stage"]),
        whole_number(options, "minutes", 30) or 30,
        mode=str(options.get("mode", "interview")),
        seniority=options.get("seniority"),
        seed=whole_number(options, "seed", None),
    )
    return interview_script(plan).source


def questions_markdown(options: Mapping[str, Any]) -> str:
    """The Markdown of ``interview-questions``: a bullet list; every option is optional."""
    from .markdown_text import escape_markdown
    from .select import find_questions

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
    from .errors import UnknownNameError

    raise UnknownNameError("directive", name, list(DIRECTIVES))
