"""Markdown as docutils nodes, so Sphinx's text, LaTeX and other builders get formatted text
(numbered questions, bold, lists, tables) rather than the Markdown itself."""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from markdown_it.tree import SyntaxTreeNode


def markdown_to_nodes(markdown: str) -> list[nodes.Node]:
    """The block nodes of ``markdown``: headings become rubrics (a directive cannot open a
    section), writing spaces disappear, everything else keeps its shape."""
    from ..render import markdown_parser

    tree = SyntaxTreeNode(markdown_parser().parse(markdown))
    return _blocks(tree.children)


def _blocks(children: Iterable[SyntaxTreeNode]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for child in children:
        out.extend(_block(child))
    return out


def _block(node: SyntaxTreeNode) -> list[nodes.Node]:
    kind = node.type
    if kind.startswith("container_"):
        return _blocks(node.children)
    if kind == "heading":
        return [nodes.rubric("", "", *_inline(node.children[0].children))]
    if kind == "paragraph":
        return [nodes.paragraph("", "", *_inline(node.children[0].children))]
    if kind in ("bullet_list", "ordered_list"):
        return [_list(node)]
    if kind == "blockquote":
        return [nodes.block_quote("", *_blocks(node.children))]
    if kind == "table":
        return [_table(node)]
    if kind in ("fence", "code_block"):
        return [nodes.literal_block(node.content, node.content)]
    if kind == "hr":
        return [nodes.transition()]
    return []


def _list(node: SyntaxTreeNode) -> nodes.Element:
    if node.type == "ordered_list":
        made: nodes.Element = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
        start = int(node.attrs.get("start", 1))
        if start != 1:
            made["start"] = start
    else:
        made = nodes.bullet_list(bullet="-")
    for item in node.children:
        made += nodes.list_item("", *_blocks(item.children))
    return made


def _table(node: SyntaxTreeNode) -> nodes.table:
    rows = [row for section in node.children for row in section.children]
    columns = max((len(row.children) for row in rows), default=1)
    group = nodes.tgroup(cols=columns)
    group += [nodes.colspec(colwidth=1) for _ in range(columns)]
    for section in node.children:
        body: nodes.Element = nodes.thead() if section.type == "thead" else nodes.tbody()
        for row in section.children:
            made = nodes.row()
            for cell in row.children:
                inline = cell.children[0].children if cell.children else []
                made += nodes.entry("", nodes.paragraph("", "", *_inline(inline)))
            body += made
        group += body
    return nodes.table("", group)


def _inline(children: Iterable[SyntaxTreeNode]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for child in children:
        kind = child.type
        if kind == "text":
            out.append(nodes.Text(child.content))
        elif kind == "softbreak":
            out.append(nodes.Text(" "))
        elif kind == "hardbreak":
            out.append(nodes.Text("\n"))
        elif kind == "code_inline":
            out.append(nodes.literal(child.content, child.content))
        elif kind == "strong":
            out.append(nodes.strong("", "", *_inline(child.children)))
        elif kind == "em":
            out.append(nodes.emphasis("", "", *_inline(child.children)))
        elif kind == "s":
            out.append(nodes.inline("", "", *_inline(child.children)))
        elif kind == "link":
            href = str(child.attrs.get("href", ""))
            out.append(nodes.reference("", "", *_inline(child.children), refuri=href))
    return out
