"""Turn pydantic's validation errors into located, plain-English problems."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from ..errors import Problem, closest
from ..files.yamlfile import YamlDocument


def describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "missing": "a value",
    "extra_forbidden": "no such key",
    "string_pattern_mismatch": "kebab-case, e.g. 'my-bank-path-first-job'",
    "string_too_short": "non-empty text",
}


def _data_path(loc: tuple[int | str, ...], data: Any) -> tuple[int | str, ...]:
    """The part of a pydantic error location that exists in the data: pydantic puts the
    names of union members ("list[str]") between real keys."""
    path: list[int | str] = []
    for position, part in enumerate(loc):
        last = position == len(loc) - 1
        in_dict = isinstance(data, dict) and part in data
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if in_dict or in_list:
            data = data[part]
        elif isinstance(data, dict) and isinstance(part, str) and last:
            path.append(part)  # a missing key: the error is about it
            break
        else:
            continue  # a union member's name
        path.append(part)
    return tuple(path)


def problems_from(
    error: ValidationError,
    data: Any,
    doc: YamlDocument,
    prefix: tuple[str | int, ...],
    allowed_keys: Iterable[str] = (),
) -> list[Problem]:
    problems = []
    for detail in error.errors():
        loc = _data_path(detail["loc"], data)
        path = (*prefix, *loc)
        key = ".".join(str(part) for part in path)
        kind = detail["type"]
        hint = None
        if kind == "missing":
            message = f"missing key {loc[-1]!r}"
            hint = f"add `{loc[-1]}:`"
            where = doc.locate(path[:-1])
        elif kind == "extra_forbidden":
            message = f"unknown key {loc[-1]!r}"
            near = closest(str(loc[-1]), allowed_keys)
            hint = f"did you mean {near[0]!r}?" if near else "remove it or fix its spelling"
            where = doc.locate(path)
        else:
            expected = _EXPECTED.get(kind) or detail["msg"].removeprefix("Input should be ")
            if kind == "literal_error":
                expected = "one of " + str(detail.get("ctx", {}).get("expected", ""))
            elif kind in ("greater_than_equal", "less_than_equal"):
                expected = detail["msg"].removeprefix("Input should be ").replace("equal to", "")
                expected = "a number " + expected.replace("  ", " ").strip()
            elif kind == "string_pattern_mismatch" and loc and loc[-1] == "soc":
                expected = "an O*NET-SOC code like '29-1141.00'"
            elif kind == "string_pattern_mismatch" and loc and loc[-1] == "review_by":
                expected = "a year and month like '2027-06'"
            message = f"expected {expected} but found {describe(detail.get('input'))}"
            where = doc.locate(path)
        problems.append(Problem(message, where, key=key, hint=hint))
    return problems
