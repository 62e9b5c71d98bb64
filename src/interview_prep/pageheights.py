"""Estimate a worksheet's block heights before it is laid out, from the fonts' metrics.

The sizes, margins and line heights mirror print.css (kept in step by the layout tests:
a missed estimate shows as a second layout); text is set in lines with the faces' advance
widths (fonts.py). Heights are in points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from .pagetext import (
    BODY_PT,
    INLINE,
    LINE,
    MM,
    Style,
    class_names,
    own_style,
    set_lines,
    text_lines,
)

PX = 0.75  # WeasyPrint lays out in CSS pixels, 96 an inch
RULE = 7 * MM  # one ruled line
FEWEST_LINES = 2  # a question's writing space before the page's spare height is shared
WORKSHEETS = ("prep-sheet", "shadow-plan")
TIMELINE_COLUMNS = (0.17, 0.52, 0.07, 0.24)  # print.css: date, step, done, notes
CONTINUED = 11 * 1.05 + 0.3 * 11  # print.css: li > p.continued, a time heading repeated
BLANK_ROW = 24.0  # print.css: tr.blank, a meeting table's blank field
REFERRAL_ROW = 6.6 * MM + 0.2 * 9.5 + 0.5  # print.css: a row of the referral table
REFERRAL_COLUMNS = (0.26, 0.16, 0.26, 0.32)  # print.css: name, role, how to reach, use the name
REFLECTION_REFERRAL = (0.19, 0.30, 0.29, 0.22)  # print.css: the reflection's last table
TICK_GAP = 0.32  # print.css: a worksheet's task-list item margin (em)
QUESTION_LINE = 1.2  # print.css: a worksheet question's lines, set close as a heading's


@dataclass
class Space:
    """A ruled writing space: its rules element, its lines now and at least, its weight."""

    rules: Element
    lines: int
    least: int
    weight: float
    box: Element | None = None  # a box of its own (the "Three things" box), hidden when empty


@dataclass
class Unit:
    """A block the pages never split: its height and margins (points), the writing spaces
    inside it, and whether it stays with the next block (a heading)."""

    elements: list[Element]
    height: float
    top: float
    bottom: float
    keep: bool = False
    spaces: list[Space] = field(default_factory=list)
    header: float = 0.0  # a table row's: its table's header row, repeated atop a new page
    notes: Space | None = None  # a page's Notes box, placed in this unit at its foot
    continued: str = ""  # a shadow prompt's time heading, repeated when it starts a page
    marker: Element | None = None  # that repeated heading, when placed


def _question(item: Element, style: Style, width: float, kind: str, spaces: list[Space]) -> float:
    """A numbered question: its text, wrapping before a time cue floated at the right of its
    first line, the follow-ups at the full measure below, and the writing space."""
    blocks = [child for child in item if child.tag not in INLINE]
    if not blocks or blocks[0].tag != "p":
        return _block(item, style, width, kind, spaces)
    close = Style(style.size, style.bold, style.serif, QUESTION_LINE)
    text = set_lines(blocks[0], close if kind in WORKSHEETS else style, width, kind, True)
    heights = [(text.count * text.height, *_outer_margins(blocks[0], style, kind, "li"))]
    for child in blocks[1:]:
        height = _block(child, style, width, kind, spaces)
        heights.append((height, *_outer_margins(child, style, kind, "li")))
    return _stack(heights)


def _margins(element: Element, style: Style, kind: str, parent: str = "") -> tuple[float, float]:
    """An element's own top and bottom margins (points), as print.css sets them."""
    tag, em = element.tag, style.size
    worksheet = kind in ("prep-sheet", "shadow-plan")
    if tag == "h1":
        return 0.0, 0.2 * em
    if tag == "h2" and kind == "shadow-plan":
        return (0.5 if parent == "after-ol" else 1.2) * em, 0.3 * em
    if tag in ("h2", "h3") and parent == "after-ol" and worksheet:
        return 0.5 * em, 0.1 * em
    if tag in ("h2", "h3") and parent == "after-blockquote":
        return 1.1 * em, (0.1 if worksheet else 0.2 if tag == "h2" else 0.25) * em
    if tag == "h2":
        return (0.9 * em, 0.1 * em) if worksheet else (1.2 * em, 0.2 * em)
    if tag == "h3":
        if parent == "after-h2":
            return 0.15 * em, (0.1 if worksheet else 0.25) * em
        return (0.9 * em, 0.1 * em) if worksheet else (1.1 * em, 0.25 * em)
    if tag == "p" and parent == "after-ol" and worksheet:  # the thanks after the asks
        return 1.0 * em, 0.25 * em
    if tag == "p":
        return (0.1 * em, 0.1 * em) if parent == "li" else (0.25 * em, 0.25 * em)
    if tag in ("ul", "ol"):
        if parent == "li":
            return 0.0, 0.1 * em
        if parent == "div.checklist":
            return 0.1 * em, 0.4 * em
        return 0.2 * em, (0.1 if worksheet and tag == "ol" else 0.4) * em
    if tag == "li":
        if "task-list-item" in class_names(element):
            gap = TICK_GAP if kind in ("prep-sheet", "shadow-plan", "reflection") else 0.25
            return gap * em, gap * em
        if parent == "ol":
            return (0.0 if worksheet else 0.35 * em), 0.06 * em
        return 0.06 * em, 0.06 * em
    if tag == "table" and parent == "li" and worksheet:  # print.css: a question's table
        return 0.1 * 9.5, 0.0
    if tag == "table":
        return (0.1 if parent == "after-h2" else 0.3) * em, 0.6 * em
    if tag == "blockquote":
        return 0.5 * em, 0.5 * em
    if tag == "div" and "writing" in class_names(element):
        return 0.0, 0.15 * em
    if tag == "div" and "fields" in class_names(element):
        return 0.2 * em, 0.4 * em
    if tag == "div" and "choices" in class_names(element):
        return 0.2 * em, 0.3 * em
    return 0.0, 0.0


def _outer_margins(
    element: Element, style: Style, kind: str, parent: str = ""
) -> tuple[float, float]:
    """Margins with those of a first and last child that collapse through the element."""
    top, bottom = _margins(element, style, kind, parent)
    blocks = [c for c in element if c.tag not in INLINE]
    through = element.tag in ("div", "ul", "ol", "li") and not (
        class_names(element) & {"fields", "choices", "rules"}
    )
    if blocks and through and not (element.text or "").strip():
        name = _name(element)
        first = _outer_margins(blocks[0], own_style(blocks[0], style, kind), kind, name)
        last = _outer_margins(blocks[-1], own_style(blocks[-1], style, kind), kind, name)
        top, bottom = max(top, first[0]), max(bottom, last[1])
    return top, bottom


def _name(element: Element) -> str:
    classes = class_names(element)
    return "div.checklist" if element.tag == "div" and "checklist" in classes else element.tag


def _block(
    element: Element,
    style: Style,
    width: float,
    kind: str,
    spaces: list[Space],
    question: bool = False,
) -> float:
    """The border-box height (points) of a block element at ``width``; writing spaces found
    inside are added to ``spaces``. ``question``: a numbered question, whose text is 11 pt."""
    tag, classes = element.tag, class_names(element)
    if tag == "div" and "rules" in classes:
        lines = len(element.findall("div"))
        minutes = element.get("data-weight")
        # a line a minute after the first, at most two; more as the page has room
        least = max(1, min(FEWEST_LINES, int(minutes) - 1)) if minutes else lines
        # a closing ask is a short one, whatever its minutes (the template marks it)
        weight = 1.0 if element.get("data-closing") is not None else float(minutes or lines)
        spaces.append(Space(element, lines, least, weight))
        return lines * RULE
    if tag == "table" and kind in WORKSHEETS:  # print.css: a question's table, rows to write in
        small = Style(9.5, style.bold, style.serif, style.line)
        rows = element.iter("tr")
        return sum(
            _row(row, small, width, kind, 6.6 * MM * (row.find("td") is not None), REFERRAL_COLUMNS)
            for row in rows
        )
    if tag == "table":
        return sum(_row(row, style, width, kind) for row in element.iter("tr"))
    if tag == "div" and "fields" in classes:
        return 3 * MM + 9.5 * LINE + 0.6
    if tag == "div" and "choices" in classes:
        return max(BODY_PT * LINE, 3.8 * MM)
    children = [child for child in element if child.tag not in INLINE]
    if not children or tag in ("p", "h1", "h2", "h3", "th", "td"):
        lines, line_height = text_lines(element, style, width, kind, question)
        worksheet = kind in ("prep-sheet", "shadow-plan")
        rule = 1.2 if worksheet else 0.1 * style.size + 1.2
        extra = rule if tag == "h2" else 0.0  # padding and rule
        return lines * line_height + extra
    inner = width
    if tag in ("ul", "ol"):
        inner -= 7 * MM if "contains-task-list" in classes else (1.9 if tag == "ol" else 1.5) * 10.5
        if tag == "ul" and question:
            inner -= 1.2 * 10.5 - 1.5 * 10.5
    if tag == "blockquote":
        inner -= 1.6 * style.size + 2.5
    heights = []
    name = _name(element)
    for child in children:
        child_style = own_style(child, style, kind)
        height = _block(child, child_style, inner, kind, spaces, question and tag == "li")
        heights.append((height, *_outer_margins(child, child_style, kind, name)))
    if tag == "div" and "checklist" in classes and element.get("data-columns") == "2":
        column = (inner - 8 * MM) / 2  # print.css: two columns 8 mm apart
        return _columns(_item_heights(children[0], style, column, kind))
    total = _stack(heights)
    if tag == "blockquote":
        total += 0.6 * style.size + heights[0][1] + heights[-1][2]
    return total


def _item_heights(
    element: Element, style: Style, width: float, kind: str
) -> list[tuple[float, float, float]]:
    inner = width - 7 * MM
    return [
        (_block(item, style, inner, kind, []), *_margins(item, style, kind, "ul"))
        for item in element
    ]


def _columns(items: list[tuple[float, float, float]]) -> float:
    """The height of items in two columns, balanced as WeasyPrint balances them: the first
    column takes whole items until it holds at least half the height, the second the rest."""
    total = _stack(items)
    for split in range(1, len(items) + 1):
        first = _stack(items[:split])
        if first >= total / 2:
            return max(first, _stack(items[split:])) + 1.5
    return total


def _stack(heights: list[tuple[float, float, float]]) -> float:
    """Blocks stacked with their margins collapsed; the outer margins are the parent's."""
    total, previous = 0.0, None
    for index, (height, top, bottom) in enumerate(heights):
        if index:
            total += max(previous or 0.0, top)
        total += height
        previous = bottom
    return total


def _row(
    row: Element,
    style: Style,
    width: float,
    kind: str,
    least: float = 0.0,
    shares: tuple[float, ...] = (),
) -> float:
    cells = [cell for cell in row if cell.tag in ("td", "th")]
    if not cells:
        return 0.0
    first = 0.26 * width if kind != "comparison" else 0.3 * width
    rest = (width - first) / max(1, len(cells) - 1) if len(cells) > 1 else width
    widths = [first] + [rest] * (len(cells) - 1)
    size = style.size
    if kind == "timeline" and len(cells) == len(TIMELINE_COLUMNS):  # print.css
        widths, size = [share * width for share in TIMELINE_COLUMNS], 10.0
    if len(shares) == len(cells):
        widths = [share * width for share in shares]
    tallest = 0.0
    close = kind in WORKSHEETS  # print.css: a worksheet's table is set close
    line = 1.2 if close else style.line
    for index, cell in enumerate(cells):
        cell_width = (widths[index] if len(cells) > 1 else width) - 1.0 * size
        cell_style = Style(size, cell.tag == "th" or index == 0, False, line)
        lines, line_height = text_lines(cell, cell_style, cell_width, kind)
        tallest = max(tallest, lines * line_height)
    return max(tallest, least) + (0.2 if close else 0.3) * size + 0.5


def _after_label(previous: Element | None) -> bool:
    return previous is not None and previous.tag == "p"


def _key_over_table(main: Element, element: Element, kind: str) -> bool:
    """Whether ``element`` is a worksheet's star key, set at the right of the meeting
    table's caption line (print.css: h1 + p + p:has(+ table))."""
    siblings = list(main)
    index = siblings.index(element)
    return (
        kind in WORKSHEETS
        and element.tag == "p"
        and 2 <= index < len(siblings) - 1
        and [s.tag for s in siblings[index - 2 : index + 2]] == ["h1", "p", "p", "table"]
    )


def units(main: Element, width: float, kind: str) -> list[Unit]:
    """The blocks the pages may break between, with their estimated heights."""
    found: list[Unit] = []
    previous: Element | None = None
    for element in main:
        classes = class_names(element)
        if element.tag == "div" and "checklist" in classes and _after_label(previous):
            element.set("data-columns", "2")  # print.css: p + div.checklist has two columns
        style = own_style(element, Style(), kind)
        after = ""
        if previous is not None and previous.tag in ("h2", "h3", "blockquote"):
            after = "after-blockquote" if previous.tag == "blockquote" else "after-h2"
        elif previous is not None and previous.tag == "ol":
            after = "after-ol"
        top, bottom = _outer_margins(element, style, kind, after)
        if element.tag in ("ol", "ul", "table"):
            items = list(element.iter("tr")) if element.tag == "table" else list(element)
            inner = width - (
                7 * MM
                if "contains-task-list" in classes
                else (1.9 if element.tag == "ol" else 1.5) * 10.5
            )
            header = 0.0
            # a shadow plan's hour block: a prompt atop a page repeats the block's time
            block = kind == "shadow-plan" and previous is not None and previous.tag == "h3"
            label = "".join(previous.itertext()) if block and previous is not None else ""
            for index, item in enumerate(items):
                spaces: list[Space] = []
                if element.tag == "table":
                    # print.css: the reflection's last table has rows 9 mm tall to write in,
                    # the comparison's rows three ruled lines (21.3 mm)
                    tall = kind == "reflection" and element is main.findall("table")[-1]
                    least = 9 * MM if tall and item.find("td") is not None else 0.0
                    if kind == "timeline" and item.find("td") is not None:
                        least = 20.3 * MM + 1.55 * MM - 0.15 * BODY_PT  # print.css
                    if kind == "comparison" and item.find("td") is not None:
                        least = 20.3 * MM + 1.55 * MM - 0.15 * BODY_PT  # print.css
                    if "blank" in class_names(item):  # print.css: tr.blank, a writing line
                        least = BLANK_ROW - 0.2 * style.size - 0.5
                    shares = REFLECTION_REFERRAL if tall else ()
                    height = _row(item, style, width, kind, least, shares)
                    item_top, item_bottom = 0.0, 0.0
                    if index == 0 and item.find("th") is not None:
                        header = height
                else:
                    if element.tag == "ol":
                        height = _question(item, style, inner, kind, spaces)
                    else:
                        height = _block(item, style, inner, kind, spaces)
                    item_top, item_bottom = _outer_margins(item, style, kind, element.tag)
                if index == 0:
                    item_top = max(item_top, top)
                if index == len(items) - 1:
                    item_bottom = max(item_bottom, bottom)
                # print.css: a reflection's table keeps its rows on one page
                whole = kind == "reflection" and element.tag == "table"
                keep = whole and index < len(items) - 1
                repeat = header if element.tag == "table" and index else 0.0
                unit = Unit([item], height, item_top, item_bottom, keep, spaces, header=repeat)
                if label and index:
                    unit.header, unit.continued = CONTINUED, label
                found.append(unit)
        elif _key_over_table(main, element, kind):
            found.append(Unit([element], 0.0, top, 0.0))  # laid over the table's caption line
        else:
            spaces = []
            height = _block(element, style, width, kind, spaces)
            keep = element.tag in ("h1", "h2", "h3") or (
                element.tag == "p"
                and len(element) == 1
                and element[0].tag == "strong"
                and not (element.text or "").strip()
                and not (element[0].tail or "").strip()
            )
            found.append(Unit([element], height, top, bottom, keep, spaces))
        previous = element
    return found
