"""Each body cell of a table names its column: ``data-label`` holds the column header's plain
text, so a phone can show a row as a card of labeled lines (screen.css). A markdown-it core
rule; the renderer escapes the attribute like any other."""

from __future__ import annotations

from typing import Any

PLAIN = ("text", "code_inline", "text_special")


def plain_text(inline: Any) -> str:
    """An inline token's words without their markup: ``**Hand in**`` -> ``Hand in``."""
    if inline is None or inline.type != "inline":
        return ""
    if not inline.children:
        return " ".join(str(inline.content).split())
    words = [
        " " if child.type in ("softbreak", "hardbreak") else str(child.content)
        for child in inline.children
        if child.type in PLAIN or child.type in ("softbreak", "hardbreak")
    ]
    return " ".join("".join(words).split())


def label_cells(state: Any) -> None:
    """Set ``data-label`` on every body cell whose column has a header with words."""
    tokens = state.tokens
    headers: list[str] = []
    column = 0
    for index, token in enumerate(tokens):
        if token.type == "thead_open":
            headers = []
        elif token.type == "th_open":
            headers.append(plain_text(tokens[index + 1] if index + 1 < len(tokens) else None))
        elif token.type == "tr_open":
            column = 0
        elif token.type == "td_open":
            label = headers[column] if column < len(headers) else ""
            if label:
                token.attrSet("data-label", label)
            column += 1
        elif token.type == "table_close":
            headers = []
