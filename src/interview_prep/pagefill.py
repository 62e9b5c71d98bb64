"""Use the whole page: a worksheet's spare height becomes writing space, laid out once.

Before WeasyPrint lays out a worksheet, the height of every block is estimated from the fonts'
metrics and print.css's sizes, the blocks are paginated as WeasyPrint will (questions, list
items and writing spaces are never split, headings stay with what follows), and each page's
spare height is shared among its writing spaces by the minutes each question gets; spare room
on the last page becomes a "Three things I learned" box. The page is then laid out once. Only
when the layout shows the estimate missed (a block on another page than planned) are the
heights measured from that layout and the page laid out a second time.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import Element, SubElement

from .pagebalance import LABEL, THREE_THINGS_LINES, share_pages
from .pagebalance import balance as even_breaks
from .pageheights import REFERRAL_ROW, RULE, WORKSHEETS, Space, Unit, units
from .pagelast import LAST_BOX_KINDS, grow_last_box
from .pageshare import MOST_LINES, measure, most_lines, page_used, pages_of, paginate
from .pagetext import MM
from .pagetouch import cues_first, footer_for, three_last_words
from .render import BRANDED_TOP_MM

if TYPE_CHECKING:
    from .render import PageOptions

FILLED_KINDS = ("prep-sheet", "shadow-plan", "reflection", "comparison", "timeline")
SLACK = 3 * MM  # left unused at a page's foot, for what the estimate cannot see
ONE_SHEET = 2  # pages: a sheet that fits one sheet printed on both sides keeps to it
FAIR_MORE = 2  # lines a question may take over its fair share before a page gets a Notes box
PAPER = {"letter": (612.0, 792.0), "a4": (595.28, 841.89)}


@dataclass
class Filled:
    """A worksheet's blocks and writing spaces, with the spaces planned for each page."""

    main: Element
    height: float
    units: list[Unit]
    plan: list[list[Space]]
    three: Space | None
    balance: bool


def plan_fill(root: Element, options: PageOptions) -> Filled | None:
    """Grow the writing spaces of a worksheet's HTML tree (in place) into each page's spare
    height, as estimated; None for a document that has no writing spaces to grow."""
    body = root.find("body")
    main = body.find("main") if body is not None else None
    if main is not None:
        three_last_words(main)
    if main is None or options.kind not in FILLED_KINDS:
        return None
    width, height = _content_box(options)
    _blank_cells(main, options.kind)
    cues_first(main, options.kind)
    blocks = units(main, width, options.kind)
    if not any(unit.spaces for unit in blocks):
        return None
    worksheet = options.kind in WORKSHEETS
    three = _three_things(main, options) if worksheet else None
    plan = fill_spaces(blocks, height, three, balance=worksheet)
    return Filled(main, height, blocks, plan, three, worksheet)


def fill_pages(page: Any, options: PageOptions, render: Callable[[], Any]) -> Any:
    """Lay out ``page`` (a WeasyPrint HTML) with its writing spaces grown into spare height:
    once, or twice when the first layout shows the estimate missed (a handout: twice when its
    last page has room for its last box to grow)."""
    filled = plan_fill(page.etree_element, options)
    root, plain = page.etree_element, options.kind == "letter"  # a letter has no page numbers
    one = not plain and len(filled.plan if filled else estimate(root, options)) == 1
    footer_for(root, one)
    document = render()
    if not plain and (len(document.pages) == 1) != one:  # the estimate missed the page count
        one = not one
        footer_for(root, one)
        if filled is None:
            return render()
    if filled is None and options.kind in LAST_BOX_KINDS:
        top = (BRANDED_TOP_MM if (options.school or options.logo) else 11) * MM
        return grow_last_box(root, document, top, _content_box(options)[1], SLACK, render)
    if filled is None:
        return document
    spaces = [space for page_spaces in filled.plan for space in page_spaces]
    landed = pages_of(document, spaces)
    if len(document.pages) == len(filled.plan) and all(
        landed.get(id(space.rules)) == number
        for number, page_spaces in enumerate(filled.plan)
        for space in page_spaces
    ):
        return document
    measure(document, filled.units)  # the estimate missed: lay out again with measured heights
    for unit in filled.units:
        if unit.notes is not None and unit.notes.box is not None:
            unit.elements[0].remove(unit.notes.box)
            unit.height -= LABEL + unit.notes.lines * RULE
            unit.notes = None
    three = filled.three
    if three is not None:
        _drop(filled.main, three)
        three = _three_things(filled.main, options)
    # a line more to spare
    fill_spaces(filled.units, filled.height, three, SLACK + RULE, filled.balance)
    document = render()
    if not plain and (len(document.pages) == 1) != one:
        footer_for(root, len(document.pages) == 1)
        document = render()
    return document


def estimate(root: Element, options: PageOptions) -> list[list[tuple[Unit, float]]]:
    """The pages a document without writing spaces takes, as estimated (for its footer)."""
    main = root.find("body/main")
    if main is None:
        return []
    width, height = _content_box(options)
    return paginate(units(main, width, options.kind), height)


def _blank_cells(main: Element, kind: str) -> None:
    """Make a blank field of a worksheet's meeting table a writing line: the underscores go,
    the row is set tall (print.css: tr.blank) and its rule is the line to write on."""
    if kind not in ("prep-sheet", "shadow-plan"):
        return
    for table in main.findall("table"):
        for row in table.iter("tr"):
            for cell in row.findall("td"):
                text = cell.text or ""
                if "__________" not in text or len(cell):
                    continue
                before, _, after = text.partition("__________")
                cell.text = before
                # what follows the blank ("· 30 minutes") sits at the row's right end
                note = after.lstrip("_").strip().lstrip("·").strip()
                if note:
                    SubElement(cell, "span", {"class": "blank-note"}).text = note
                SubElement(cell, "span", {"class": "blank"})
                row.set("class", (row.get("class", "") + " blank").strip())


def _content_box(options: PageOptions) -> tuple[float, float]:
    """The width and height (points) of a page's content area, as print.css sets it."""
    width, height = PAPER[options.paper]
    if options.kind == "comparison":  # print.css: a landscape page
        width, height = height, width
    top = BRANDED_TOP_MM * MM if (options.school or options.logo) else 11 * MM
    return width - 38 * MM, height - top - 12 * MM


def _grow(units: list[Unit], height: float) -> None:
    """Give every question the same lines per minute across the whole sheet, as many as keep
    its page count (a search on the level); so spare room goes to the questions by minutes,
    not to whatever happens to end a page."""
    spaces = [(unit, space) for unit in units for space in unit.spaces if space.weight > 0]
    pages = len(paginate(units, height))
    if pages > ONE_SHEET:
        # past one sheet printed on both sides a page more costs little: a line a minute first
        for unit, space in spaces:
            lines = max(space.lines, min(most_lines(space), int(space.weight)))
            unit.height += (lines - space.lines) * RULE
            space.lines = lines
        pages = len(paginate(units, height))
    least = {id(space): space.lines for _, space in spaces}

    def level(step: int) -> None:
        for unit, space in spaces:
            lines = max(
                least[id(space)], min(most_lines(space), math.floor(step * space.weight / 6))
            )
            unit.height += (lines - space.lines) * RULE
            space.lines = lines

    low, high = 0, 6 * MOST_LINES  # steps of a sixth of a line per minute
    while low < high:
        middle = (low + high + 1) // 2
        level(middle)
        if len(paginate(units, height)) > pages:
            high = middle - 1
        else:
            low = middle
    level(low)


def fill_spaces(
    units: list[Unit],
    height: float,
    three: Space | None,
    slack: float = SLACK,
    balance: bool = False,
) -> list[list[Space]]:
    """Grow the writing spaces into the sheet's spare height; return the spaces by page."""
    for unit in units:
        for space in unit.spaces:
            unit.height += (space.least - space.lines) * RULE
            space.lines = space.least
        for element in unit.elements:
            element.attrib.pop("data-break", None)
        if unit.marker is not None:  # laid out again: the page breaks may move
            item = unit.elements[0]
            item.remove(unit.marker)
            classes = (item.get("class") or "").split()
            item.set("class", " ".join(c for c in classes if c != "continued"))
            unit.marker = None
    _grow(units, height - slack)
    most, filling = _fair(units, height, three, slack) if balance else (most_lines, most_lines)
    breaks = even_breaks(units, height, three, slack, most) if balance else frozenset()
    pages = paginate(units, height, breaks)
    grown = {id(space): space.lines for unit in units for space in unit.spaces}
    by_page = share_pages(pages, height, three, slack, most)
    if balance and len(pages) <= ONE_SHEET and _short(units) and _drop_a_row(units):
        for unit in units:  # a row less to write a referral in, a line more for a question
            for space in unit.spaces:
                space.lines = grown[id(space)]
        pages = paginate(units, height, breaks)
        by_page = share_pages(pages, height, three, slack, most)
    if balance:
        for page in pages[1:]:
            _continue_heading(page[0][0])
        # the last page's leftover goes to its questions only where a "Three things" box
        # could have taken it and did not fit (the Word writer places its own box)
        ends = pages if three is not None and not three.lines else pages[:-1]
        for unit, space in _notes_boxes(ends, by_page, height, slack, grown, (most, filling)):
            _set_lines(space)
            unit.notes = space
    for unit in units:
        if id(unit) in breaks:
            unit.elements[0].set("data-break", "page")  # print.css: a page starts here
        for space in unit.spaces:
            _set_lines(space)
    if three is not None:
        _set_lines(three)
    return by_page


def _short(units: list[Unit]) -> bool:
    """Whether a 3-minute question has fewer than three lines."""
    return any(s.weight >= 3 and s.lines < 3 for unit in units for s in unit.spaces)


def _drop_a_row(units: list[Unit]) -> bool:
    """Take the last row from a question's table to write in (the referral ask's), if it has
    two; whether one was taken."""
    for unit in units:
        body = unit.elements[0].find("table/tbody")
        rows = body.findall("tr") if body is not None else []
        if unit.elements[0].tag == "li" and body is not None and len(rows) >= 2:
            body.remove(rows[-1])
            unit.height -= REFERRAL_ROW
            return True
    return False


def _fair(
    units: list[Unit], height: float, three: Space | None, slack: float
) -> tuple[Callable[[Space], int], Callable[[Space], int]]:
    """The most lines each space takes on a fair share: lines in proportion to minutes at the
    rate the most crowded page allows, plus two; a closing ask no more than the shortest
    question. What a roomier page has left over becomes its Notes box (``_notes_boxes``)."""
    spaces = [space for unit in units for space in unit.spaces]
    kept = {id(space): space.lines for space in spaces}
    kept_three = three.lines if three is not None else 0
    by_page = share_pages(paginate(units, height), height, three, slack)
    rates = [
        sum(s.lines for s in timed) / sum(s.weight for s in timed)
        for timed in ([s for s in page if s.weight >= 2 and s is not three] for page in by_page)
        if timed
    ]
    for space in spaces:
        space.lines = kept[id(space)]
    if three is not None:
        three.lines = kept_three
    rate = min(rates, default=0.0)
    shortest = min((kept[id(s)] for s in spaces if s.weight >= 2), default=MOST_LINES)
    # past one sheet, the sheet's base: no question takes more than a line over the fewest
    # lines its minutes get anywhere (the grown level, which every page holds); on one sheet
    # the page breaks even the lines out instead (a 3-minute question keeps three lines)
    base: dict[float, int] = {}
    for space in spaces:
        least = kept[id(space)] if len(by_page) > ONE_SHEET else MOST_LINES
        base[space.weight] = min(base.get(space.weight, MOST_LINES), least)

    def most(space: Space) -> int:
        if space.weight >= 2:
            fair = min(round(rate * space.weight) + FAIR_MORE, base[space.weight] + 1)
            return max(space.least, min(most_lines(space), fair))
        return max(space.least, min(most_lines(space), shortest))

    def filling(space: Space) -> int:
        # a page's leftover: a timed question up to two lines over the base (questions of
        # the same minutes stay within two lines), a shadow's prompt up to three a minute
        timed = space.rules.get("data-weight") is not None
        return min(MOST_LINES, most_lines(space), base[space.weight] + 2 if timed else MOST_LINES)

    return most, filling


def _continue_heading(unit: Unit) -> None:
    """Repeat a shadow prompt's time heading when the prompt starts a page."""
    if not unit.continued:
        return
    item = unit.elements[0]
    marker = Element("p", {"class": "continued"})
    marker.text = f"{unit.continued} (continued)"
    item.insert(0, marker)
    item.set("class", " ".join([*(item.get("class") or "").split(), "continued"]))
    unit.marker = marker


def _notes_boxes(
    pages: list[list[tuple[Unit, float]]],
    by_page: list[list[Space]],
    height: float,
    slack: float,
    grown: dict[int, int],
    caps: tuple[Callable[[Space], int], Callable[[Space], int]],
) -> list[tuple[Unit, Space]]:
    """A labeled Notes box at the foot of a page (before the last) whose questions have taken
    all they may of its spare lines and at least three lines are still left, in its last
    question. A page's leftover goes first to its questions' fair share (``caps[0]``), then
    to its own prompts and questions (``caps[1]``), the last page's too when it has no
    "Three things" box."""
    boxes: list[tuple[Unit, Space]] = []
    for number, (page, spaces) in enumerate(zip(pages, by_page, strict=False)):
        last = number == len(by_page) - 1
        unit = page[-1][0]
        added = sum(s.lines - grown.get(id(s), s.lines) for s in spaces) * RULE
        lines = int((height - page_used(page) - added - slack) // RULE)
        for most in caps:  # the fair share first, then the page's own leftover
            lines -= _to_questions(spaces, lines, most)
        lines = int((lines * RULE - LABEL) // RULE)
        if last or lines < THREE_THINGS_LINES or unit.elements[0].tag != "li":
            continue
        box = SubElement(unit.elements[0], "div", {"class": "writing page-notes"})
        SubElement(SubElement(box, "p"), "strong").text = "Notes"
        rules = SubElement(box, "div", {"class": "rules", "data-box": "notes"})
        space = Space(rules, lines, 0, 0.0, box)
        spaces.append(space)
        boxes.append((unit, space))
    return boxes


def _to_questions(spaces: list[Space], lines: int, most: Callable[[Space], int]) -> int:
    """Give a page's spare ``lines`` to its timed questions over their fair share, one at a
    time to the fewest lines a minute, each up to three lines a minute (``most_lines``): a page
    before the last gets no Notes box in mid-document while its questions can use the room,
    even when they then take more lines a minute than the sheet's other pages. The lines
    given."""
    timed = [space for space in spaces if space.weight >= 2]
    given = 0
    while given < lines:
        open_ = [space for space in timed if space.lines < most(space)]
        if not open_:
            break
        min(open_, key=lambda space: space.lines / space.weight).lines += 1
        given += 1
    return given


def _set_lines(space: Space) -> None:
    rules = space.rules
    three = space.box is not None and "three-things" in (space.box.get("class") or "")
    if three and space.box is not None and space.box.find("p/strong") is not None:
        label = "Three things I learned" + (", and other notes" if space.lines > 9 else "")
        space.box.find("p/strong").text = label  # type: ignore[union-attr]
    for rule in [child for child in rules if child.tag == "div"]:
        rules.remove(rule)
    for _ in range(space.lines):
        rules.insert(0, Element("div", {"class": "rule"}))
    rules.set("style", f"height: {space.lines * 7:g}mm")
    if space.box is not None:
        space.box.set("style", "" if space.lines else "display: none")


def _three_things(main: Element, options: PageOptions) -> Space:
    """A "Three things I learned" writing space at the end, shown if the last page has room."""
    box = SubElement(main, "div", {"class": "writing three-things"})
    label = SubElement(box, "p")
    SubElement(label, "strong").text = "Three things I learned"
    rules = SubElement(box, "div", {"class": "rules", "data-box": "three-things"})
    if options.fillable:
        fields = sum(1 for _ in main.iter("textarea"))
        SubElement(
            rules, "textarea", {"name": f"notes-{fields + 1}", "title": "Three things I learned"}
        ).text = ""
    return Space(rules, THREE_THINGS_LINES, 0, 1.0, box)


def _drop(main: Element, three: Space) -> None:
    for box in main.findall("div"):
        if "three-things" in (box.get("class") or "").split():
            main.remove(box)
