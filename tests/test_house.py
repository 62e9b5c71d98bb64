"""The shape of the house: the public API lists agree, rooms import one way, modules stay
small, and library messages never assume a terminal."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

import interview_prep as ip

PACKAGE = Path(ip.__file__).parent
# each layer may import only its own and the layers before it
LAYERS = (
    {"errors", "vocabulary", "_compat", "model", "values", "files", "markdown", "catalog"},
    {"planning", "lint", "writers", "render", "pdf"},
    {"documents"},
    {"params"},
    {"journal", "batch", "integrations"},
    {"cli", "web"},
)
MAX_LINES = 400


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "banks" not in p.parts)


def _dotted(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every interview_prep module ``path`` imports, at the top or inside a function."""
    package = _dotted(path) if path.name == "__init__.py" else _dotted(path).rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("interview_prep")}


def test_all_and_the_lazy_table_agree() -> None:
    source = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    eager = set(re.findall(r"^from \.errors import (\w+) as \1$", source, re.M))
    typed = set(re.findall(r"^    from \.[\w.]+ import (\w+) as \1", source, re.M))
    lazy = set(ip._LAZY)  # type: ignore[attr-defined]
    assert typed == lazy
    assert set(ip.__all__) == eager | lazy
    assert len(ip.__all__) == len(set(ip.__all__))
    for name in ip.__all__:
        assert getattr(ip, name) is not None, name
    for name, module in ip._LAZY.items():  # type: ignore[attr-defined]
        assert getattr(importlib.import_module(f"interview_prep.{module}"), name) is getattr(
            ip, name
        )


def _layer(room: str) -> int | None:
    return next((n for n, layer in enumerate(LAYERS) if room in layer), None)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: _dotted(p))
def test_rooms_import_only_rooms_below_them(path: Path) -> None:
    own = _layer(path.relative_to(PACKAGE).parts[0].removesuffix(".py"))
    if own is None:
        return
    upward = set()
    for name in _imports(path):
        parts = name.split(".")
        target = _layer(parts[1]) if len(parts) > 1 else None
        if target is not None and target > own:
            upward.add(name)
    assert not upward, f"{_dotted(path)} imports {sorted(upward)}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: _dotted(p))
def test_no_module_passes_four_hundred_lines(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{_dotted(path)} has {lines} lines: split it by job"


def _our_flags() -> set[str]:
    import click

    from interview_prep.cli import main

    flags: set[str] = set()
    commands: list[click.Command] = [main]
    while commands:
        command = commands.pop()
        flags.update(o for p in command.params for o in p.opts if o.startswith("--"))
        if isinstance(command, click.Group):
            commands.extend(command.commands.values())
    return flags - {"--help", "--version"}


def _command_names() -> list[str]:
    from interview_prep.cli import main

    return sorted(main.commands)


FLAGS = _our_flags()
FLAG = re.compile(
    "|".join(re.escape(f) + r"(?![\w-])" for f in sorted(FLAGS, key=len, reverse=True))
    + r"|(?<!an )(?<!a )interview-prep (?:"
    + "|".join(re.escape(name) for name in _command_names())
    + r")\b"
)


def _message_strings(tree: ast.AST) -> list[str]:
    """The literal text of every error or warning message and hint raised in a module."""
    texts = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        if not (name.endswith(("Error", "Warning", "Problem")) or name == "finding"):
            continue
        for part in [*node.args, *(k.value for k in node.keywords)]:
            for leaf in ast.walk(part):
                if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str):
                    texts.append(leaf.value)
    return texts


@pytest.mark.parametrize(
    "path",
    [p for p in _modules() if p.relative_to(PACKAGE).parts[0] not in ("cli", "web")],
    ids=lambda p: _dotted(p),
)
def test_library_messages_name_no_command_line_flag(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    flagged = [text for text in _message_strings(tree) if FLAG.search(text)]
    assert not flagged, f"{_dotted(path)}: {flagged}"
