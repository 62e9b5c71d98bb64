"""Inline text of portable Markdown: as few backslashes as CommonMark allows, proven by a parse.

A run of text is first written with only the escapes it cannot do without; if markdown-it then
reads it back differently (an underscore pairing into emphasis, say), the run is written again
with more escapes, up to every punctuation mark, so what a reader sees never changes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from ..render import markdown_parser

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~]|$)")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINK_START = re.compile(r"\[(?=[^\]]*\]\s*[(\[])")
_TASK_BOX = re.compile(r"^\[(?=[ xX]\])")
_TASK_PREFIX = re.compile(r"^\s*\[[ xX]\]\s*")
_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|=+\s*$|`{3,}|~{3,})")
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_BLANK_SPLIT = re.compile(r"(_{3,})")
_MEDIUM_MARKS = re.compile(r"([*\[\]]|(?<![^\W_])_|_(?![^\W_]))")  # "_" inside a word is text


def _light(text: str, *, links: bool = True) -> str:
    """Only what any CommonMark or GitHub reader would otherwise take as markup."""
    text = _BACKSLASH.sub(r"\\\\", text)
    text = text.replace("`", "\\`")
    text = _TAG_START.sub(r"\\<", text)
    text = _ENTITY.sub(r"\\&", text)
    if links:
        text = _LINK_START.sub(r"\\[", text)
    if text.count("~") >= 2:
        text = text.replace("~", "\\~")
    return text


def _medium(text: str) -> str:
    """Also every ``*`` and every ``_`` outside a blank (a run of three or more)."""
    pieces = _BLANK_SPLIT.split(text)  # blanks at odd places
    return "".join(
        piece if odd else _MEDIUM_MARKS.sub(r"\\\1", _light(piece, links=False))
        for odd, piece in zip(itertools.cycle((False, True)), pieces)
    )


def _full(text: str) -> str:
    """Every ASCII punctuation mark: always reads literally."""
    return _PUNCTUATION.sub(r"\\\1", text)


_HARDBREAK = SyntaxTreeNode([Token("hardbreak", "br", 0)], create_root=True).children[0]
_TIERS: tuple[Callable[[str], str], ...] = (_light, _medium, _full)


def _line_start(text: str) -> str:
    """Keep text at the start of a line from opening a heading, quote, list or fence."""
    text = _TASK_BOX.sub(r"\\[", text)
    number = _LIST_NUMBER.match(text)
    if number:
        return f"{number.group(1)}\\{number.group(2)}{text[number.end() :]}"
    if _BLOCK_START.match(text):
        return "\\" + text
    return text


def _code(content: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if content[:1] in "` " or content[-1:] in "` " else ""
    if content.strip(" ") == "":
        pad = ""
    return f"{fence}{pad}{content}{pad}{fence}"


def _write(
    nodes: Sequence[SyntaxTreeNode], escape: Callable[[str], str], at_line_start: bool
) -> str:
    out: list[str] = []
    start = at_line_start
    for node in nodes:
        kind = node.type
        if kind == "text":
            text = escape(node.content)
            out.append(_line_start(text) if start else text)
        elif kind == "code_inline":
            out.append(_code(node.content))
        elif kind == "softbreak":
            out.append("\n")
        elif kind == "hardbreak":
            # two spaces, not a backslash: Python-Markdown (MkDocs) reads only this form
            out.append("  \n")
        elif kind in ("strong", "em", "s"):
            mark = {"strong": "**", "em": "*", "s": "~~"}[kind]
            out.append(mark + _write(node.children, escape, False) + mark)
        elif kind == "link":
            href = str(node.attrs.get("href", ""))
            target = f"<{href}>" if re.search(r"[\s()<>]", href) else href
            out.append(f"[{_write(node.children, escape, False)}]({target})")
        elif kind == "html_inline":
            out.append(escape(node.content))
        start = kind in ("softbreak", "hardbreak")
    return "".join(out)


def _signature(nodes: Iterable[SyntaxTreeNode]) -> list[tuple[str, str]]:
    """What a reader sees of inline nodes: their kinds and texts, adjacent text joined."""
    seen: list[tuple[str, str]] = []
    for node in nodes:
        if node.type == "text":
            if not node.content:
                continue
            if seen and seen[-1][0] == "text":
                seen[-1] = ("text", seen[-1][1] + node.content)
            else:
                seen.append(("text", node.content))
        elif node.children:
            seen.append((node.type, str(node.attrs.get("href", ""))))
            seen.extend(_signature(node.children))
            seen.append(("/" + node.type, ""))
        else:
            seen.append((node.type, node.content))
    return seen


def write_inline(
    inline: SyntaxTreeNode,
    *,
    at_line_start: bool = True,
    table: bool = False,
    lead: Sequence[SyntaxTreeNode] = (),
) -> str:
    """CommonMark for an inline node (a task box left out), escaped only as far as needed;
    ``lead`` holds inline nodes set first, each on a line of its own.

    Each try is read back by markdown-it; if none reads as the source did (only odd nestings
    of emphasis do that), the source text itself is kept.
    """
    box, own = without_task_box(inline)
    nodes: list[SyntaxTreeNode] = []
    for line in lead:
        nodes += [*line.children, _HARDBREAK]
    nodes += own
    wanted = _signature(nodes)
    for tier in _TIERS:

        def escape(text: str, tier: Callable[[str], str] = tier) -> str:
            escaped = tier(text)
            return escaped.replace("|", "\\|") if table and tier is not _full else escaped

        text = _write(nodes, escape, at_line_start)
        parsed = markdown_parser().parseInline(text)[0].children or []
        if _signature(SyntaxTreeNode(parsed, create_root=True).children) == wanted:
            return text
    raw = _TASK_PREFIX.sub("", inline.content) if box else inline.content
    return "".join(f"{line.content}\\\n" for line in lead) + raw


def without_task_box(inline: SyntaxTreeNode) -> tuple[str | None, list[SyntaxTreeNode]]:
    """A task list item's box (``[ ]`` or ``[x]``) and the inline nodes after it."""
    children = list(inline.children)
    if children and children[0].type == "html_inline" and "checkbox" in children[0].content:
        box = "[x]" if "checked" in children[0].content else "[ ]"
        rest = children[1:]
        if rest and rest[0].type == "text" and rest[0].token is not None:
            rest[0].token.content = rest[0].token.content.lstrip()
        return box, rest
    return None, children


__all__: Sequence[str] = ("without_task_box", "write_inline")
