"""An executable MyST plugin: the ``interview-script`` and ``interview-questions`` directives
for Jupyter Book 2 and other mystmd sites, with the options and errors of the Sphinx extension.

mystmd runs the program ``interview-prep-myst`` (installed with the package; ``interview-prep
myst-plugin --path`` prints where): with no arguments it prints the plugin's description as
JSON; with ``--directive NAME`` it reads the directive's data as JSON on standard input and
prints the MyST syntax tree of what it makes. In ``myst.yml``::

    project:
      plugins:
        - type: executable
          path: /path/printed/by/interview-prep/myst-plugin/--path
"""

from __future__ import annotations

import json
import shutil
import sys
import sysconfig
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InterviewPrepError
from .directives import DIRECTIVES, OPTIONS

if TYPE_CHECKING:
    from markdown_it.token import Token

PROGRAM = "interview-prep-myst"
Node = dict[str, Any]


def plugin_spec() -> dict[str, Any]:
    """The description mystmd reads: the plugin's name and its directives with their options."""
    options = {name: {"type": kind, "doc": doc} for name, (kind, doc) in OPTIONS.items()}
    return {
        "name": "interview-prep",
        "directives": [
            {"name": name, "doc": doc, "options": options} for name, doc in DIRECTIVES.items()
        ],
    }


def run_directive(name: str, data: dict[str, Any]) -> list[Node]:
    """The MyST nodes for one use of a directive."""
    from .directives import directive_markdown, whole_number

    options = data.get("options") or {}
    markdown = directive_markdown(name, options)
    offset = whole_number(options, "heading-offset", 1) or 0
    return markdown_to_mdast(markdown, offset)


def markdown_to_mdast(markdown: str, heading_offset: int = 0) -> list[Node]:
    """Markdown as MyST (mdast) block nodes: headings, paragraphs, lists, tables, emphasis."""
    from ..render import markdown_parser

    root: Node = {"type": "root", "children": []}
    stack = [root]
    for token in markdown_parser().parse(markdown):
        if token.nesting == -1:
            stack.pop()
            continue
        if token.type == "inline":
            stack[-1]["children"].extend(_inline(token.children or []))
            continue
        node = _block(token, heading_offset)
        if token.nesting == 1:
            # a wrapper with no node of its own (thead, a notes container) adds its children
            # to its parent
            if node is not None:
                stack[-1]["children"].append(node)
            stack.append(node if node is not None else stack[-1])
        elif node is not None:
            stack[-1]["children"].append(node)
    children: list[Node] = root["children"]
    return children


BLOCKS = {
    "paragraph": "paragraph",
    "bullet_list": "list",
    "ordered_list": "list",
    "list_item": "listItem",
    "blockquote": "blockquote",
    "table": "table",
    "tr": "tableRow",
    "th": "tableCell",
    "td": "tableCell",
}


def _block(token: Token, heading_offset: int) -> Node | None:
    """The node a block token opens (or stands for); None for tokens with no node."""
    kind = token.type.rsplit("_", 1)[0] if token.nesting else token.type
    if kind == "heading":
        return {
            "type": "heading",
            "depth": min(6, int(token.tag[1]) + heading_offset),
            "children": [],
        }
    if kind in BLOCKS:
        node: Node = {"type": BLOCKS[kind], "children": []}
        if kind in ("bullet_list", "ordered_list"):
            node.update(ordered=kind == "ordered_list", spread=False)
            if kind == "ordered_list":
                node["start"] = int(token.attrGet("start") or 1)
        if kind == "th":
            node["header"] = True
        return node
    if token.type in ("fence", "code_block"):
        return {"type": "code", "lang": token.info.strip(), "value": token.content.rstrip("\n")}
    if token.type == "hr":
        return {"type": "thematicBreak"}
    return None


def _inline(children: Sequence[Token]) -> list[Node]:
    """Phrasing nodes from a markdown-it inline token's children."""
    root: Node = {"children": []}
    stack = [root]
    wrappers = {"strong": "strong", "em": "emphasis", "s": "delete", "link": "link"}
    for child in children:
        base = child.type.rsplit("_", 1)[0]
        if base in wrappers and child.nesting == 1:
            node: Node = {"type": wrappers[base], "children": []}
            if base == "link":
                node["url"] = str(child.attrGet("href") or "")
            stack[-1]["children"].append(node)
            stack.append(node)
        elif base in wrappers and child.nesting == -1:
            stack.pop()
        elif child.type == "text":
            stack[-1]["children"].append({"type": "text", "value": child.content})
        elif child.type == "code_inline":
            stack[-1]["children"].append({"type": "inlineCode", "value": child.content})
        elif child.type == "softbreak":
            stack[-1]["children"].append({"type": "text", "value": " "})
        elif child.type == "hardbreak":
            stack[-1]["children"].append({"type": "break"})
        elif child.type == "html_inline" and "task-list-item-checkbox" in child.content:
            box = "☑" if "checked" in child.content else "☐"
            stack[-1]["children"].append({"type": "text", "value": box})
    nodes: list[Node] = root["children"]
    return nodes


def plugin_path() -> Path:
    """Where the ``interview-prep-myst`` program is installed."""
    beside = Path(sysconfig.get_path("scripts")) / PROGRAM
    if beside.is_file():
        return beside
    found = shutil.which(PROGRAM)
    if found is None:
        raise InterviewPrepError(
            f"the MyST plugin program {PROGRAM} is not installed",
            hint="reinstall the package: pip install interview-prep",
        )
    return Path(found)


def main(argv: Sequence[str] | None = None) -> int:
    """The program mystmd runs; errors go to standard error with exit status 1."""
    import argparse

    parser = argparse.ArgumentParser(prog=PROGRAM, description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--directive")
    group.add_argument("--role")
    group.add_argument("--transform")
    arguments = parser.parse_args(argv)
    if arguments.role or arguments.transform:
        print(f"{PROGRAM}: this plugin has directives only", file=sys.stderr)
        return 1
    if not arguments.directive:
        json.dump(plugin_spec(), sys.stdout)
        return 0
    try:
        data = read_directive_data(sys.stdin.buffer.read(MAX_INPUT_BYTES + 1))
        json.dump(run_directive(arguments.directive, data), sys.stdout)
    except InterviewPrepError as error:
        print(f"{arguments.directive}: {error}", file=sys.stderr)
        return 1
    return 0


MAX_INPUT_BYTES = 1_000_000


def read_directive_data(raw: bytes) -> dict[str, Any]:
    """The JSON object mystmd sends for one directive, with its ``options`` checked against
    the plugin's option types; anything else is an `InterviewPrepError` saying what."""
    if len(raw) > MAX_INPUT_BYTES:
        raise InterviewPrepError(f"the directive data is over {MAX_INPUT_BYTES:,} bytes")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InterviewPrepError(f"the directive data is not JSON: {error}") from None
    except RecursionError:
        raise InterviewPrepError("the directive data is nested too deeply") from None
    if not isinstance(data, dict):
        raise InterviewPrepError(
            f"the directive data must be a JSON object, not {json.dumps(data)[:60]}"
        )
    options = data.get("options")
    if options is None:
        options = {}
    if not isinstance(options, dict):
        raise InterviewPrepError(
            f"the directive's options must be an object, not {json.dumps(options)[:60]}"
        )
    for name, value in options.items():
        if name not in OPTIONS:
            from ..errors import UnknownNameError

            raise UnknownNameError("option", name, list(OPTIONS))
        text = OPTIONS[name][0] == "string"
        if not isinstance(value, str if text else (str, int)) or isinstance(value, bool):
            wanted = "text" if text else "a whole number"
            raise InterviewPrepError(f":{name}: must be {wanted}, not {json.dumps(value)[:60]}")
    return {**data, "options": options}
