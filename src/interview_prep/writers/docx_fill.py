"""Use the whole page in Word too: a worksheet's spare height becomes writing space.

Once the Word file is written, the height of every paragraph and table is estimated from the
fonts' metrics and the styles the file sets (Word, LibreOffice and Google Docs set Arial, or
its metric twin Liberation Sans), the blocks are paginated as a word processor breaks them (a
heading and a question stay with their writing space, which never splits), and the spare
height of each page is shared among its writing spaces by the minutes each question gets, with
pagefill.py's own sharing (the PDF's), so the two agree. The ruled tables then get that many
rows.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import Element

from ..pagefill import SLACK, fill_spaces
from ..pageheights import Space, Unit
from ..pageshare import page_used, paginate
from .docx_even import by_minutes, even_out
from .docx_style import BODY_FONT
from .fonts import text_width

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table

FILLED_KINDS = ("prep-sheet", "shadow-plan", "reflection", "handout", "timeline", "comparison")
# a kind's writing spaces without minutes may shrink to this share of their lines to fit a
# page (the handout's questions, under a rubric kept whole), then grow back into the page's
# spare height up to this many lines (None: as many as the Markdown asks for)
SHRINK: dict[str, tuple[float, int | None]] = {"handout": (0.5, 40), "timeline": (1.0, 40)}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Arial's advance widths against DejaVu Sans's (fonts.py reads DejaVu's), in running text:
# 0.878 regular and 0.84 bold, measured on the templates' sentences with Liberation Sans
ARIAL, ARIAL_BOLD = 0.88, 0.85
# a line in ems, before line spacing: Liberation Sans (Arial's twin), and the serif that
# stands in for Georgia in LibreOffice (Noto Serif, taller than Georgia itself)
EM_LINE, SERIF_EM_LINE = 1.15, 1.37
# Noto Serif set at 100% or more: LibreOffice prints a 12 pt section head at 1.1 on 14.95 pt
# (measured on the handout: 48.5 pt from a body line over a head to the next body line)
SERIF_LOOSE_EM = 1.133
HEADER_GAP = 2.0  # points LibreOffice keeps between a running head and the text
LETTER_SLACK = 24.0  # points a letter leaves spare for what the estimate cannot see


@dataclass
class WritingSpace:
    """A ruled table to grow: its table, its lines now, and the minutes its question gets."""

    table: Table
    lines: int
    minutes: int | None
    least: int | None = None
    most: int | None = None
    closing: bool = False  # a closing ask, never given more lines than the shortest question


@dataclass
class _Format:
    size: float
    line: float
    before: float
    after: float
    keep: bool
    base: float = 10.5  # the size of a run that sets none (a box to tick sets its own)


def fill(
    word: WordDocument, spaces: list[WritingSpace], row_height: float, balance: bool = False
) -> None:
    """Grow ``spaces`` (tables of ruled rows ``row_height`` points apart) into each page's
    spare height, by minutes; ``balance``: a page may break before its last question where
    that evens out the lines a minute (as the PDF's worksheets)."""
    if not spaces:
        return
    section = word.sections[0]
    width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    height = (section.page_height or 0) - _top(word) - (section.bottom_margin or 0)
    by_table = {id(space.table._tbl): space for space in spaces}
    planned: list[tuple[WritingSpace, Space]] = []
    units: list[Unit] = []
    starts: dict[int, Any] = {}  # a unit's first element (a stand-in): its paragraph
    for block in word.element.body:
        tag = block.tag.split("}")[1]
        if tag == "p":
            from docx.text.paragraph import Paragraph

            paragraph = Paragraph(block, word._body)
            lines, form = _paragraph(word, paragraph, _emu_pt(width))
            marker = Element("p")
            starts[id(marker)] = paragraph
            tall = lines * form.line + form.before + form.after
            units.append(Unit([marker], tall, 0, 0, keep=form.keep))
        elif tag == "tbl":
            space = by_table.get(id(block))
            if space is None:
                units.extend(_table_units(word, block))
                continue
            minutes = space.minutes
            least = max(1, min(2, minutes - 1)) if minutes else space.least or space.lines
            rules = Element("div", {"data-weight": str(minutes)} if minutes else {})
            estimate = Space(rules, space.lines, least, float(minutes or space.lines))
            ruled = space.lines * row_height
            units.append(Unit([], ruled, 0, 0, keep=_keeps(block), spaces=[estimate]))
            planned.append((space, estimate))
    for unit in units:
        unit.elements = unit.elements or [Element("table")]
    fill_spaces(units, _emu_pt(height) - 4, None, balance=balance)
    for unit in units:
        if unit.elements[0].get("data-break") and id(unit.elements[0]) in starts:
            starts[id(unit.elements[0])].paragraph_format.page_break_before = True
    shrunk = {id(e): space.most or space.lines for space, e in planned if space.least}
    for page in paginate(units, _emu_pt(height) - 4):  # back toward their lines, if room
        spare = _emu_pt(height) - 4 - SLACK - page_used(page)
        for unit, _ in page:
            for estimate in (e for e in unit.spaces if id(e) in shrunk):
                more = max(0, min(shrunk[id(estimate)] - estimate.lines, int(spare // row_height)))
                estimate.lines += more
                spare -= more * row_height
    timed = [(space, estimate) for space, estimate in planned if space.minutes]
    by_minutes(timed)
    for unit in units:  # a writing space's unit is its ruled table alone
        if unit.spaces:
            unit.height = sum(space.lines for space in unit.spaces) * row_height
    breaks = frozenset(id(u) for u in units if u.elements[0].get("data-break"))
    pages = paginate(units, _emu_pt(height) - 4, breaks)
    even_out([(p, _emu_pt(height) - 4 - SLACK - page_used(p)) for p in pages], timed, row_height)
    for space, estimate in planned:
        set_rows(space.table, estimate.lines)


def place_lower(word: WordDocument) -> None:
    """A short one-page letter starts lower on the sheet, with a third of the spare height
    above it, as the PDF places it (not three inches of blank paper below)."""
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph

    section = word.sections[0]
    width = _emu_pt((section.page_width or 0) - (section.left_margin or 0))
    width -= _emu_pt(section.right_margin or 0)
    height = _emu_pt((section.page_height or 0) - _top(word) - (section.bottom_margin or 0))
    paragraphs = [Paragraph(p, word._body) for p in word.element.body.iter(f"{{{W}}}p")]
    written = [p for p in paragraphs if p.text.strip()]
    if not written or len(paragraphs) != len(word.element.body.findall(f"{{{W}}}p")):
        return  # a letter with a table or more: leave it at the top
    used = 0.0
    for paragraph in paragraphs:
        lines, form = _paragraph(word, paragraph, width)
        used += lines * form.line + form.before + form.after
    spare = height - used - LETTER_SLACK
    if spare > 0:
        first = written[0].paragraph_format
        first.space_before = Pt((first.space_before.pt if first.space_before else 0) + spare / 3)


def leave_room_to_sign(word: WordDocument, room: float) -> None:
    """``room`` mm to sign above the typed name at the foot of a printed letter."""
    from docx.shared import Mm

    written = [p for p in word.paragraphs if p.text.strip()]
    if len(written) > 1:
        written[-1].paragraph_format.space_before = Mm(room)


def set_rows(table: Table, lines: int) -> None:
    """Give a ruled table ``lines`` rows (at least one)."""
    keep_last = _keeps(table._tbl)
    rows = table._tbl.tr_lst
    while len(rows) < lines:
        rows[-1].addnext(copy.deepcopy(rows[-1]))
        rows = table._tbl.tr_lst
    while len(rows) > max(1, lines):
        table._tbl.remove(rows[-1])
        rows = table._tbl.tr_lst
    _keep_rows_together(table, keep_last)


def keep_together(blocks: list[Any]) -> None:
    """Paragraphs and tables that a page never splits: each paragraph keeps with the next,
    but the last one (or a last table's last row, which would keep the table)."""
    if not blocks:
        return
    last = blocks[-1].findall(f"{{{W}}}tr")[-1:] or [blocks[-1]]
    ends = list(last[0].iter(f"{{{W}}}p"))  # held, so lxml hands back these same proxies
    for block in blocks:
        for paragraph in block.iter(f"{{{W}}}p"):
            if not any(paragraph is end for end in ends):
                paragraph.get_or_add_pPr().keepNext_val = True


SHORT_LIST = 5  # items: a list this short is never split; a longer one keeps two a page


def keep_list(blocks: list[Any]) -> None:
    """A list of paragraphs with no lone item at a page's top or foot: a short list whole,
    a longer one its first two items and its last two together."""
    if not blocks or any(not block.tag.endswith("}p") for block in blocks):
        return  # a list that holds a table or writing space keeps as its questions do
    if len(blocks) <= SHORT_LIST:
        keep_together(blocks)
    else:
        keep_together(blocks[:2])
        keep_together(blocks[-2:])


def _keeps(table: Any) -> bool:
    """Whether ``table`` (an element) stays with what follows: its last paragraph keeps."""
    last = [*table.iter(f"{{{W}}}p")][-1:]
    return bool(last) and last[0].find(f"{{{W}}}pPr/{{{W}}}keepNext") is not None


def _keep_rows_together(table: Table, keep_last: bool) -> None:
    rows = table._tbl.tr_lst
    for number, row in enumerate(rows, start=1):
        keep = number < len(rows) or keep_last  # the last row too, inside a section
        for paragraph in row.iter(f"{{{W}}}p"):
            # on when present, off when absent: never w:val="false" (or "true")
            paragraph.get_or_add_pPr().keepNext_val = True if keep else None


def _emu_pt(emu: int) -> float:
    return emu / 12700


def _top(word: WordDocument) -> int:
    """Where the text starts (EMU): the top margin, or below a running head that is taller
    than the room the margin leaves it (a logo)."""
    section = word.sections[0]
    top = section.top_margin or 0
    pictures = section.header._element.findall(f".//{{{W}}}drawing")
    if not pictures:
        return top
    from docx.shared import Mm, Pt

    tallest = max(int(e.get("cy")) for e in section.header._element.iter() if e.get("cy"))
    return max(top, (section.header_distance or 0) + tallest + Pt(HEADER_GAP) + Mm(1))


def _format(word: WordDocument, paragraph: Any) -> _Format:
    """The size, line height, spacing and keep of a paragraph, through its style's chain."""
    fmt = paragraph.paragraph_format
    style = paragraph.style
    chain = []
    while style is not None:
        chain.append(style)
        style = style.base_style
    chain.append(word.styles["Normal"])

    def first(get: Any, default: Any) -> Any:
        for holder in (fmt, *(s.paragraph_format for s in chain)):
            value = get(holder)
            if value is not None:
                return value
        return default

    size = base = next((s.font.size.pt for s in chain if s.font.size is not None), 10.5)
    serif = next((s.font.name for s in chain if s.font.name), BODY_FONT) != BODY_FONT
    sizes = [run.font.size.pt for run in paragraph.runs if run.font.size is not None]
    size = max([size, *sizes]) if paragraph.text.strip() else size
    spacing = first(lambda f: f.line_spacing, 1.0)
    em = EM_LINE if not serif else SERIF_LOOSE_EM if float(spacing) >= 1 else SERIF_EM_LINE
    line = spacing.pt if hasattr(spacing, "pt") else size * em * float(spacing)
    before = first(lambda f: f.space_before, None)
    after = first(lambda f: f.space_after, None)
    keep = bool(first(lambda f: f.keep_with_next, False))
    rule = sum(_rule(s.element) for s in chain[:1])  # a heading's rule: its width and gap
    own = paragraph._p.find(f"{{{W}}}pPr/{{{W}}}contextualSpacing")
    spaced = own is not None and own.get(f"{{{W}}}val") in ("0", "false")
    if not spaced and any(
        s.element.find(f"{{{W}}}pPr/{{{W}}}contextualSpacing") is not None for s in chain
    ):
        before = after = None  # list items: no space between paragraphs of their style
    return _Format(
        size,
        line,
        before.pt if before is not None else 0.0,
        (after.pt if after is not None else 0.0) + rule,
        keep,
        base,
    )


def _rule(style: Any) -> float:
    """Points a style's bottom rule adds below its text."""
    rule = style.find(f"{{{W}}}pPr/{{{W}}}pBdr/{{{W}}}bottom")
    if rule is None:
        return 0.0
    return int(rule.get(f"{{{W}}}sz", "0")) / 8 + int(rule.get(f"{{{W}}}space", "0"))


def _paragraph(word: WordDocument, paragraph: Any, width: float) -> tuple[int, _Format]:
    """The lines ``paragraph`` takes at ``width`` points less its indent, and its format."""
    form = _format(word, paragraph)
    indent = paragraph.paragraph_format.left_indent
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if indent is not None:  # a paragraph's own indent (a question's past its box)
        indent_pt = indent.pt
    elif numbered:
        level = paragraph._p.pPr.numPr.ilvl
        indent_pt = 18.0 * ((level.val if level is not None else 0) + 1)
    else:
        indent_pt = 0.0
    if "\t" in paragraph.text and not numbered:  # a line of fields to write on
        return 1, form
    return _lines(paragraph.runs, width - indent_pt, form.base), form


def _lines(runs: Any, width: float, size: float) -> int:
    """Lines the runs' words take, set greedily at ``width`` points."""
    words: list[float] = []
    space = text_width(" ", size) * ARIAL
    for run in runs:
        run_size = run.font.size.pt if run.font.size is not None else size
        bold = bool(run.bold)
        for number, word in enumerate(run.text.replace("\t", " ").split(" ")):
            advance = text_width(word, run_size, bold=bold) * (ARIAL_BOLD if bold else ARIAL)
            if number and words is not None:
                words.append(-1.0)  # a space between words
            words.append(advance)
    lines, used = 1, 0.0
    pending = 0.0
    for item in words:
        if item < 0:
            pending += space
            continue
        if used and used + pending + item > width:
            lines, used = lines + 1, item
        else:
            used += pending + item
        pending = 0.0
    return max(1, lines) if any(w > 0 for w in words) else 1


def _table_units(word: WordDocument, element: Any) -> list[Unit]:
    """A data table as the pages break it: whole when its rows keep together, else a unit a
    row (a page breaks between rows, and repeats the header row atop the next)."""
    heights = _table(word, element)
    rows = element.findall(f"{{{W}}}tr")
    whole = all(
        any(p.find(f"{{{W}}}pPr/{{{W}}}keepNext") is not None for p in row.iter(f"{{{W}}}p"))
        for row in rows[:-1]
    )
    if whole or len(heights) < 2:
        return [Unit([], sum(heights), 0, 0, keep=_keeps(element))]
    header = heights[0]
    units = [Unit([], header + heights[1], 0, 0, header=header)]
    units += [Unit([], height, 0, 0, header=header) for height in heights[2:]]
    units[-1].keep = _keeps(element)
    return units


def _table(word: WordDocument, element: Any) -> list[float]:
    """A data table's rows' heights: each row's tallest cell, plus the cells' padding."""
    from docx.table import Table

    table = Table(element, word._body)
    total: list[float] = []
    for row in table.rows:
        tallest = 0.0
        for cell in row.cells:
            width = (cell.width or 0) / 12700 - 10
            height = 0.0
            for paragraph in cell.paragraphs:
                lines, form = _paragraph(word, paragraph, width)
                height += lines * form.line + form.before + form.after
            tallest = max(tallest, height)
        least = row.height.pt if row.height is not None else 0.0
        total.append(max(tallest + 5.0, least))
    return total


__all__ = (
    "FILLED_KINDS",
    "SHRINK",
    "WritingSpace",
    "fill",
    "keep_list",
    "keep_together",
    "leave_room_to_sign",
    "place_lower",
    "set_rows",
)
