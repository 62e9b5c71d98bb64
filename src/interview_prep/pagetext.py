"""Set a worksheet's inline text in lines, from the fonts' advance widths, as print.css sizes it.

The styles mirror print.css for the worksheet kinds; pageheights.py stacks these lines into
blocks. Sizes are in points.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from .writers.fonts import text_width

MM = 72 / 25.4
BODY_PT, LINE = 10.5, 1.27
_SPACES = re.compile(r"([^\S\u00a0]+)")  # a no-break space (nobreak.py) joins its words
INLINE = {"strong", "b", "em", "i", "code", "a", "span", "br", "input", "s", "del", "label"}


@dataclass(frozen=True)
class Style:
    size: float = BODY_PT
    bold: bool = False
    serif: bool = False
    line: float = LINE


def class_names(element: Element) -> set[str]:
    return set((element.get("class") or "").split())


def own_style(element: Element, parent: Style, kind: str) -> Style:
    tag = element.tag
    if tag == "h1":
        return Style(16.0, True, True, 1.2)  # print.css: one title size for the kit
    if tag == "h2":
        if kind in ("prep-sheet", "shadow-plan"):
            return Style(12.0, True, True, 1.05)
        return Style(12.0, True, True, 1.2)
    if tag == "h3":
        if kind in ("prep-sheet", "shadow-plan"):  # print.css: a shadow plan's hour block 11 pt
            return Style(11.0 if kind == "shadow-plan" else 10.0, True, True, 1.05)
        return Style(11.5, True, True, 1.2)
    if tag in ("strong", "b", "th"):
        return Style(parent.size, True, parent.serif, parent.line)
    if tag == "em":
        return Style(9.5, parent.bold, parent.serif, parent.line)
    return parent


def _runs(
    element: Element, style: Style, kind: str, question: bool = False
) -> Iterator[tuple[str, Style, bool]]:
    """The text of an inline run as (text, style, unbreakable) pieces."""
    nowrap = element.tag == "em"
    if element.text:
        yield element.text, style, nowrap
    first = element.find("strong") if question else None
    for child in element:
        if child.tag in INLINE:
            child_style = own_style(child, style, kind)
            if child is first:
                child_style = Style(11.0, True, child_style.serif)  # ol > li > p > strong
            yield from _runs(child, child_style, kind)
        if child.tail:
            yield child.tail, style, nowrap


class Lines:
    """Inline content set in lines: how many, how tall, how full the last one is, and the
    width of a time cue floated at the first line's right (a question's)."""

    def __init__(self, count: int, height: float, last: float, cue: float) -> None:
        self.count, self.height, self.last, self.cue = count, height, last, cue


def text_lines(
    element: Element, style: Style, width: float, kind: str, question: bool = False
) -> tuple[int, float]:
    """How many lines an element's inline content takes at ``width``, and its line height."""
    lines = set_lines(element, style, width, kind, question)
    return lines.count, lines.height


def set_lines(element: Element, style: Style, width: float, kind: str, question: bool) -> Lines:
    words: list[tuple[float, float]] = []  # (width, width of the space after it)
    current, tallest, spaced, cue = 0.0, style.size, True, 0.0
    floats = question and kind in ("prep-sheet", "shadow-plan")
    for text, run, nowrap in _runs(element, style, kind, question):
        tallest = max(tallest, run.size)
        space = text_width(" ", run.size, serif=run.serif, bold=run.bold)
        if nowrap:
            set_width = text_width(" ".join(text.split()), run.size, serif=run.serif, bold=run.bold)
            if floats:  # print.css floats the cue right, 4 mm from the text
                cue += set_width + 4 * MM
                continue
            current += set_width
            spaced = False
            continue
        for piece in _SPACES.split(text):
            if not piece:
                continue
            if piece.isspace():
                if not spaced:
                    words.append((current, space))
                    current, spaced = 0.0, True
                continue
            current += text_width(piece, run.size, serif=run.serif, bold=run.bold)
            spaced = False
    if not spaced:
        words.append((current, 0.0))
    lines, used, room = 1, 0.0, width - cue  # the cue floats at the first line's right
    for word, space in words:
        if used and used + word > room:
            lines, used, room = lines + 1, 0.0, width
        used += word + space
    return Lines(lines, tallest * style.line, used, cue)
