"""From a submitted form to a document, through the parameter layer the CLI uses too: the
same checks, the same messages. Every problem comes back at once, each tied to its field."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import InterviewPrepError

OUTPUT_NAMES = ("format", "paper", "school")
MAX_VALUE_CHARS = 2_000  # longer than any name, place or note a letter holds


@dataclass(frozen=True)
class FieldProblem:
    """One problem to show in the error summary and beside its field (``field`` is None when
    it belongs to no single field)."""

    field: str | None
    message: str
    hint: str | None = None
    choices: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The message as a page shows it: a capital first letter, the hint after it."""
        text = self.message if not self.hint else f"{self.message} ({self.hint})"
        return text[:1].upper() + text[1:]


class FormInvalid(Exception):
    """The form holds problems; every one is in ``problems``."""

    def __init__(self, problems: Iterable[FieldProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(p.text for p in self.problems))

    def by_field(self) -> dict[str, FieldProblem]:
        found: dict[str, FieldProblem] = {}
        for problem in self.problems:
            if problem.field is not None:
                found.setdefault(problem.field, problem)
        return found


Values = dict[str, "str | list[str]"]


def form_values(items: Iterable[tuple[str, Any]]) -> Values:
    """What was typed, by the CLI's option names (dashes), without the output choices. Empty
    values are dropped; a name given more than once (the people compared, the people
    referred) keeps every filled value, in order."""
    values: Values = {}
    for raw_key, raw in items:
        if not isinstance(raw, str):
            continue  # a file where text was expected: ignored, as an unknown field is
        key = raw_key.replace("_", "-")
        value = raw.strip()
        if not value or key in OUTPUT_NAMES:
            continue
        before = values.get(key)
        if before is None:
            values[key] = value
        elif isinstance(before, list):
            before.append(value)
        else:
            values[key] = [before, value]
    return values


def output_values(items: Iterable[tuple[str, Any]]) -> dict[str, str]:
    """The output choices (format, paper, school) as typed."""
    return {
        key: value.strip()
        for key, value in items
        if key in OUTPUT_NAMES and isinstance(value, str) and value.strip()
    }


def _too_long(values: Mapping[str, str | list[str]]) -> list[FieldProblem]:
    problems = []
    for key, value in values.items():
        for one in [value] if isinstance(value, str) else value:
            if len(one) > MAX_VALUE_CHARS:
                problems.append(
                    FieldProblem(
                        key,
                        f"{key} is {len(one):,} characters long; the most is {MAX_VALUE_CHARS:,}",
                        "shorten it",
                    )
                )
                break
    return problems


def build(family: str, kind: str, values: Values) -> Any:
    """The document (``family`` "documents") or letter of ``kind`` from ``values``; raises
    `FormInvalid` with every problem."""
    from ..params import ParameterError, build_document, build_letter

    long = _too_long(values)
    if long:
        raise FormInvalid(long)
    builder = build_document if family == "documents" else build_letter
    try:
        return builder(kind, values)
    except ParameterError as error:
        raise FormInvalid(
            FieldProblem(
                _field_name(problem.parameter),
                problem.message,
                problem.hint,
                tuple(problem.choices or ()),
            )
            for problem in error.problems
        ) from None
    except InterviewPrepError as error:
        raise FormInvalid([problem_from_error(error)]) from None


def output_request(values: Mapping[str, str], formats: Sequence[str]) -> Any:
    """The parameter layer's output request (format, paper, school), or `FormInvalid`."""
    from ..params import OutputRequest, ParameterError

    try:
        return OutputRequest.from_strings(dict(values), formats=formats)
    except ParameterError as error:
        raise FormInvalid(
            FieldProblem(_field_name(p.parameter), p.message, p.hint) for p in error.problems
        ) from None
    except InterviewPrepError as error:
        raise FormInvalid([problem_from_error(error)]) from None


def problem_from_error(error: InterviewPrepError, default: str | None = None) -> FieldProblem:
    """A library error as a form problem, tied to the field it is about when that is known."""
    from ..params import ParameterProblem

    problem = ParameterProblem.from_error(default or "", error)
    return FieldProblem(
        _field_name(problem.parameter), problem.message, problem.hint, problem.choices
    )


def build_unit(values: Values) -> tuple[Any, str]:
    """The course unit and its paper size, through the parameter layer."""
    from ..params import ParameterError, ValueReader
    from ..params import build_unit as build_course_unit
    from ..vocabulary import PAPERS

    reader = ValueReader(values)
    paper = reader.choice("paper", "letter", PAPERS) or "letter"
    try:
        unit = build_course_unit({**values, "logo": None})
        reader.raise_problems()
    except ParameterError as error:
        raise FormInvalid(
            FieldProblem(_field_name(p.parameter), p.message, p.hint, p.choices)
            for p in [*error.problems, *reader.problems]
        ) from None
    return unit, paper


def _field_name(parameter: str | None) -> str | None:
    if not parameter:
        return None
    return parameter.strip().replace("_", "-").replace(" ", "-").lower()
