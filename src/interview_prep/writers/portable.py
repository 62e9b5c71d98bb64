"""Portable Markdown: a document's rich source printed back as Markdown any viewer reads cleanly.

The templates write "rich" Markdown for HTML and PDF: containers (``::: notes 5``,
``::: checklist``) and blanks as escaped underscores. This writer walks the markdown-it tokens
of that source and prints plain CommonMark (GitHub tables and task lists aside, which other
viewers show as text): writing space is dropped, other containers leave their content, blanks
become a bare run of underscores, and the numbered questions of a conversation, split by
section headings, become one numbered list with each section's title leading its first item.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from ..render import markdown_parser
from .portable_inline import without_task_box, write_inline

NBSP = "\u00a0"
_RULE_LIKE = re.compile(r" {0,3}([-_*=])(?: *\1)* *")


@dataclass
class _Item:
    """A list item to write: its own nodes, after any blocks carried into it from before."""

    blocks: list[SyntaxTreeNode | _Label]
    source: SyntaxTreeNode | None = None


@dataclass
class _Label:
    """A section heading carried into the list item it introduced, as a line of that item."""

    heading: SyntaxTreeNode


@dataclass
class _List:
    """A numbered list (merged from several, or as written) or a bulleted one."""

    ordered: bool
    start: int
    items: list[_Item] = field(default_factory=list)


def portable_markdown(source: str, *, heading_offset: int = 0) -> str:
    """The portable form of a rich Markdown source; ``heading_offset`` demotes every heading."""
    tree = SyntaxTreeNode(markdown_parser().parse(source))
    writer = _Writer(heading_offset)
    return writer.blocks(_merge_numbered_sections(_unwrap(tree.children)), tight=False) + "\n"


def _unwrap(nodes: Sequence[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """Containers give way to their content; an empty one (writing space) disappears."""
    out: list[SyntaxTreeNode] = []
    for node in nodes:
        if node.type.startswith("container_"):
            out.extend(_unwrap(node.children))
        else:
            out.append(node)
    return out


def _list_of(node: SyntaxTreeNode) -> _List:
    start = int(node.attrs.get("start", 1)) if node.type == "ordered_list" else 1
    items = [_Item(list(_unwrap(item.children)), item) for item in node.children]
    return _List(node.type == "ordered_list", start, items)


def _merge_numbered_sections(
    nodes: list[SyntaxTreeNode],
) -> list[SyntaxTreeNode | _List]:
    """Numbered lists split only by section headings (and notes between them) become one list.

    A viewer that ignores a list's start number (many importers do) would otherwise number
    every section from 1; in one list the numbers cannot go wrong.
    """
    out: list[SyntaxTreeNode | _List] = []
    index = 0
    while index < len(nodes):
        node = nodes[index]
        if not (_is_heading(node) and _is(nodes, index + 1, "ordered_list")):
            out.append(node if node.type not in ("bullet_list", "ordered_list") else _list_of(node))
            index += 1
            continue
        level = int(node.tag[1])
        merged = _list_of(nodes[index + 1])
        merged.items[0].blocks[:0] = [_Label(node)]
        parts = 1
        index += 2
        while True:
            lead_end = index
            while lead_end < len(nodes) and _may_lead(nodes[lead_end], level):
                lead_end += 1
            leads = nodes[index:lead_end]
            follows = _is(nodes, lead_end, "ordered_list")
            if not (follows and any(_is_heading(lead) for lead in leads)):
                break
            part = _list_of(nodes[lead_end])
            if part.start != merged.start + len(merged.items):
                break
            carried: list[SyntaxTreeNode | _Label] = [
                _Label(lead) if _is_heading(lead) else lead for lead in leads
            ]
            part.items[0].blocks[:0] = carried
            merged.items.extend(part.items)
            parts += 1
            index = lead_end + 1
        if parts == 1:
            out.append(node)
            merged.items[0].blocks.pop(0)
        out.append(merged)
    return out


def _is(nodes: Sequence[SyntaxTreeNode], index: int, kind: str) -> bool:
    return index < len(nodes) and nodes[index].type == kind


def _is_heading(node: SyntaxTreeNode) -> bool:
    return node.type == "heading"


def _may_lead(node: SyntaxTreeNode, level: int) -> bool:
    """A block that may sit between two numbered sections and move into the next one."""
    if _is_heading(node):
        return int(node.tag[1]) >= level
    return node.type in ("paragraph", "blockquote")


_Block = SyntaxTreeNode | _List | _Label | str


def _is_list(node: _Block | None) -> bool:
    if isinstance(node, _List):
        return True
    return isinstance(node, SyntaxTreeNode) and node.type in ("bullet_list", "ordered_list")


def _starts_at_one(node: _Block) -> bool:
    if isinstance(node, _List):
        return node.start == 1 or not node.ordered
    return isinstance(node, SyntaxTreeNode) and int(node.attrs.get("start", 1)) == 1


class _Writer:
    def __init__(self, heading_offset: int) -> None:
        self.heading_offset = heading_offset

    def blocks(self, nodes: Sequence[_Block], *, tight: bool) -> str:
        """Blocks one after another; in a tight list item a list follows its text directly."""
        written: list[str] = []
        previous: _Block | None = None
        for node in nodes:
            text = self.block(node, previous)
            if text is None:
                continue
            if written:
                close = tight and _is_list(node) and _starts_at_one(node)
                written.append("\n" if close else "\n\n")
            written.append(text)
            previous = node
        return "".join(written)

    def block(self, node: _Block, previous: _Block | None = None) -> str | None:
        if isinstance(node, str):
            return node
        if isinstance(node, _List):
            after_list = isinstance(previous, _List) and previous.ordered == node.ordered
            return self.list(node, alternate=after_list)
        if isinstance(node, _Label):
            return self.paragraph(node.heading.children[0])
        kind = node.type
        if kind == "heading":
            return self.heading(node)
        if kind == "paragraph":
            return self.paragraph(node.children[0])
        if kind in ("bullet_list", "ordered_list"):
            return self.block(_list_of(node), previous)
        if kind == "blockquote":
            inner = self.blocks(_unwrap(node.children), tight=False)
            return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
        if kind == "table":
            return self.table(node)
        if kind in ("fence", "code_block"):
            body = node.content.rstrip("\n")
            fence = "`" * max(3, *(len(run) + 1 for run in re.findall(r"`{3,}", body)))
            return f"{fence}{node.info.strip()}\n{body}\n{fence}"
        if kind == "hr":
            return "***"
        return None

    def heading(self, node: SyntaxTreeNode) -> str:
        level = min(6, int(node.tag[1]) + self.heading_offset)
        text = write_inline(node.children[0], at_line_start=False).replace("\n", " ")
        text = re.sub(r"(^|\s)(#+\s*)$", r"\1\\\2", text)
        return "#" * level + (" " + text if text else "")

    def paragraph(self, inline: SyntaxTreeNode, lead: Sequence[SyntaxTreeNode] = ()) -> str:
        """A paragraph (a task item's box first); ``lead``: section titles to set above it."""
        box = without_task_box(inline)[0]
        lines = write_inline(inline, lead=lead).split("\n")
        for number, line in enumerate(lines):
            if len(line.strip()) >= 3 and _RULE_LIKE.fullmatch(line):
                # a lone blank would read as a rule; a no-break space after it keeps it text
                lines[number] = line + NBSP
        text = "\n".join(lines)
        return f"{box} {text}" if box else text

    def list(self, node: _List, *, alternate: bool) -> str:
        tight = all(_simple(item) for item in node.items)
        written = []
        for number, item in enumerate(node.items, start=node.start):
            if node.ordered:
                marker = f"{number}{')' if alternate else '.'} "
            else:
                marker = "* " if alternate else "- "
            body = self.item(item, tight)
            # four spaces at least: Python-Markdown (MkDocs) nests nothing indented less
            pad = " " * max(4, len(marker))
            lines = body.split("\n")
            first = marker + lines[0] if lines[0].strip() else marker.rstrip()
            rest = [pad + line if line else "" for line in lines[1:]]
            written.append("\n".join([first, *rest]))
        return ("\n" if tight else "\n\n").join(written)

    def item(self, item: _Item, tight: bool) -> str:
        """An item's blocks; carried section titles lead its next paragraph, line by line."""
        out: list[_Block] = []
        labels: list[SyntaxTreeNode] = []
        for block in item.blocks:
            if isinstance(block, _Label):
                labels.append(block.heading.children[0])
            elif block.type == "paragraph":
                out.append(self.paragraph(block.children[0], lead=labels))
                labels = []
            else:
                if labels:
                    out.append(self.paragraph(labels[-1], lead=labels[:-1]))
                    labels = []
                out.append(block)
        if labels:
            out.append(self.paragraph(labels[-1], lead=labels[:-1]))
        return self.blocks(out, tight=tight)

    def table(self, node: SyntaxTreeNode) -> str:
        rows: list[list[str]] = []
        aligns: list[str] = []
        for section in node.children:
            for row in section.children:
                cells = []
                for cell in row.children:
                    inline = cell.children[0] if cell.children else None
                    text = write_inline(inline, at_line_start=False, table=True) if inline else ""
                    cells.append(text.replace("\n", " "))
                    if section.type == "thead":
                        aligns.append(str(cell.attrs.get("style", "")))
                rows.append(cells)
        marks = {"text-align:left": ":--", "text-align:right": "--:", "text-align:center": ":-:"}
        rule = [marks.get(align, "---") for align in aligns]
        lines = ["|" + "|".join(f" {cell} " if cell else " " for cell in row) + "|" for row in rows]
        lines.insert(1, "|" + "|".join(rule) + "|")
        return "\n".join(lines)


def _simple(item: _Item) -> bool:
    """An item that fits a tight list: at most one paragraph (titles join it), then lists."""
    kinds = [block.type for block in item.blocks if not isinstance(block, _Label)]
    if kinds and kinds[0] == "paragraph":
        kinds = kinds[1:]
    return all(kind in ("bullet_list", "ordered_list") for kind in kinds)


__all__: Sequence[str] = ("portable_markdown",)
