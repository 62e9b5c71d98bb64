"""Read one YAML file into plain data plus the line and column of every value in it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import BankError, Location, Problem

if TYPE_CHECKING:
    import yaml

MAX_BYTES = 5_000_000
MAX_NODES = 200_000
MAX_DEPTH = 20

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: its data, and where each value (by key path) starts in the text."""

    source: str
    data: Any
    marks: dict[Path_, tuple[int, int]]

    def locate(self, path: Path_) -> Location:
        """The location of the value at ``path``, or of its nearest enclosing value."""
        while path and path not in self.marks:
            path = path[:-1]
        line, column = self.marks.get(path, (1, 1))
        return Location(self.source, line, column)


def read_yaml(raw: bytes | str, source: str) -> YamlDocument:
    """Parse ``raw``; every way it can fail raises `BankError` with a location."""
    size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
    if size > MAX_BYTES:
        raise BankError(
            source,
            [
                Problem(
                    f"file is {size:,} bytes, over the limit of {MAX_BYTES:,}",
                    Location(source),
                    hint="split it into several bank files",
                )
            ],
        )
    import yaml  # imported here: a command that reads only cached banks never needs it

    text = _decode(raw, source)
    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(source, None, {})
        marks: dict[Path_, tuple[int, int]] = {}
        problems = _walk(node, (), marks, source)
        if problems:
            raise BankError(source, problems)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        raise BankError(source, [_syntax_problem(error, source, text)]) from None
    except yaml.YAMLError as error:
        raise BankError(source, [Problem(f"not valid YAML: {error}", Location(source))]) from None
    finally:
        loader.dispose()
    return YamlDocument(source, data, marks)


def _loader_class() -> type[yaml.SafeLoader]:
    import yaml

    try:
        return yaml.CSafeLoader  # type: ignore[return-value]
    except AttributeError:  # PyYAML built without libyaml
        return yaml.SafeLoader


def _decode(raw: bytes | str, source: str) -> str:
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise BankError(
            source,
            [
                Problem(
                    f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})",
                    Location(source, line),
                    hint="save the file as UTF-8",
                )
            ],
        ) from None


def _syntax_problem(error: yaml.MarkedYAMLError, source: str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    where = Location(source, mark.line + 1, mark.column + 1) if mark else Location(source)
    what = " ".join(part for part in (error.context, error.problem) if part)
    line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
    hint = None
    if "\t" in line[: (mark.column + 1) if mark else 0] or "tab" in what:
        hint = "indent with spaces, not tabs"
    elif "mapping values are not allowed" in what:
        hint = 'a value that contains ": " must be quoted, e.g. text: "Why: ...?"'
    return Problem(f"YAML syntax error: {what or error}", where, hint=hint)


def _walk(
    node: yaml.Node, path: Path_, marks: dict[Path_, tuple[int, int]], source: str
) -> list[Problem]:
    """Record marks, and refuse aliases, duplicate keys and runaway size before building data."""
    import yaml

    problems: list[Problem] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, Path_]] = [(node, path)]
    while stack:
        current, where = stack.pop()
        marks[where] = (current.start_mark.line + 1, current.start_mark.column + 1)
        if id(current) in seen:
            problems.append(
                Problem(
                    "anchors and aliases (&name, *name) are not allowed in banks",
                    Location(source, *marks[where]),
                    hint="write the value out in full",
                )
            )
            continue
        seen.add(id(current))
        if len(seen) > MAX_NODES:
            return [
                Problem(
                    f"more than {MAX_NODES:,} values in one file",
                    Location(source),
                    hint="split it into several bank files",
                )
            ]
        if len(where) > MAX_DEPTH:
            problems.append(
                Problem(
                    f"nested more than {MAX_DEPTH} levels deep", Location(source, *marks[where])
                )
            )
            continue
        if isinstance(current, yaml.MappingNode):
            keys: set[str] = set()
            for key_node, value_node in current.value:
                key = str(key_node.value)
                if key in keys:
                    problems.append(
                        Problem(
                            f"key {key!r} appears twice in the same mapping",
                            Location(
                                source, key_node.start_mark.line + 1, key_node.start_mark.column + 1
                            ),
                            hint="keep one of them",
                        )
                    )
                keys.add(key)
                stack.append((value_node, (*where, key)))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((child, (*where, index)) for index, child in enumerate(current.value))
        elif isinstance(current, yaml.ScalarNode):
            message = _scalar_problem(current)
            if message:
                problems.append(
                    Problem(
                        message,
                        Location(source, *marks[where]),
                        hint="quote it to keep it as text, or correct it",
                    )
                )
    return problems


MAX_DIGITS = 30
_INT_TAG = "tag:yaml.org,2002:int"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _scalar_problem(node: yaml.ScalarNode) -> str | None:
    """Why a number or date in the file cannot be read, checked before it is built."""
    if node.tag == _INT_TAG and len(str(node.value)) > MAX_DIGITS:
        return f"a number with more than {MAX_DIGITS} digits"
    if node.tag == _TIMESTAMP_TAG:
        import yaml

        try:
            yaml.constructor.SafeConstructor().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as error:
            return f"{node.value!r} looks like a date but is not one ({error})"
    return None
