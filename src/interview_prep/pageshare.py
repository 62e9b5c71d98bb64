"""Pages and lines: blocks paginated as WeasyPrint breaks them, ruled lines shared by
minutes, and the laid-out pages checked against the plan (for pagefill.py)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from .pageheights import PX, Space, Unit

MOST_LINES = 12


def paginate(
    units: list[Unit], height: float, breaks: frozenset[int] = frozenset()
) -> list[list[tuple[Unit, float]]]:
    """Units placed on pages as WeasyPrint breaks them: (unit, its top) by page. A heading
    goes to the next page with what follows it when the two do not fit together; a unit in
    ``breaks`` (by id) starts a page, below its top margin (a forced break keeps it)."""
    pages: list[list[tuple[Unit, float]]] = [[]]
    used, below, index = 0.0, 0.0, 0
    while index < len(units):
        group = [units[index]]
        while group[-1].keep and index + len(group) < len(units):
            group.append(units[index + len(group)])
        need, after = 0.0, below
        for number, unit in enumerate(group):
            need += (max(after, unit.top) if pages[-1] or number else 0.0) + unit.height
            after = unit.bottom
        forced = id(group[0]) in breaks
        if pages[-1] and (used + need > height or forced):
            pages.append([])
            # a table's header row repeats on the new page; a forced break keeps the margin
            used, below = group[0].header + (group[0].top if forced else 0.0), 0.0
        for unit in group:
            gap = max(below, unit.top) if pages[-1] else 0.0
            pages[-1].append((unit, used + gap))
            used += gap + unit.height
            below = unit.bottom
        index += len(group)
    return pages


def page_used(page: list[tuple[Unit, float]]) -> float:
    unit, top = page[-1]
    return top + unit.height


def most_lines(space: Space) -> int:
    """The most lines a space takes: three a minute, at most MOST_LINES (a one-minute closing
    ask never becomes a block of notes)."""
    return max(space.least, min(MOST_LINES, math.ceil(3 * space.weight)))


def share(spaces: list[Space], lines: int, most: Callable[[Space], int] = most_lines) -> None:
    """Set the spaces' lines to ``lines`` in all, shared by weight, none below its least."""
    pinned: dict[int, int] = {}
    while True:
        free = [s for s in spaces if id(s) not in pinned]
        left = lines - sum(pinned.values())
        weight = sum(s.weight for s in free) or 1.0
        wanted = {id(s): left * s.weight / weight for s in free}
        low = [s for s in free if wanted[id(s)] < s.least or wanted[id(s)] > most(s)]
        if not low:
            break
        for s in low:
            pinned[id(s)] = s.least if wanted[id(s)] < s.least else most(s)
    given = {key: math.floor(value) for key, value in wanted.items()}
    spare = left - sum(given.values())
    weights = {id(s): s.weight for s in free}

    # the lines left after the whole shares go by minutes (the largest part of a line owed
    # first, then the longest question), a 3-minute question short of three lines first
    def owed(key: int) -> tuple[bool, float, float]:
        short = weights[key] >= 3 and given[key] < 3
        return (not short, given[key] - wanted[key], -weights[key])

    for key in sorted(wanted, key=owed)[: max(0, spare)]:
        given[key] += 1
    for s in spaces:
        s.lines = pinned.get(id(s), given.get(id(s), s.least))


def share_on_top(spaces: list[Space], extra: int, most: Callable[[Space], int]) -> int:
    """Share ``extra`` lines among ``spaces`` on top of what they have; the lines given."""
    before = sum(s.lines for s in spaces)
    floors = [s.least for s in spaces]
    for s in spaces:
        s.least = s.lines
    share(spaces, before + extra, most)
    for s, floor in zip(spaces, floors, strict=True):
        s.least = floor
    return sum(s.lines for s in spaces) - before


# --- checking the layout --------------------------------------------------------------------


def pages_of(document: Any, spaces: list[Space]) -> dict[int, int]:
    """The page each writing space (by its rules element) was laid out on."""
    wanted = {id(space.rules) for space in spaces if space.lines}
    found: dict[int, int] = {}
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is not None and id(element) in wanted and id(element) not in found:
                found[id(element)] = number
    return found


def measure(document: Any, units: list[Unit]) -> None:
    """Replace the estimated heights with those WeasyPrint laid out."""
    index = {id(element): unit for unit in units for element in unit.elements}
    heights: dict[int, float] = {}
    for page in document.pages:
        tallest: dict[int, float] = {}
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is None or id(element) not in index or not hasattr(box, "border_height"):
                continue
            if getattr(box, "element_tag", None) != element.tag:
                continue
            key = id(index[id(element)])
            tallest[key] = max(tallest.get(key, 0.0), float(box.border_height()) * PX)
        for key, value in tallest.items():
            heights[key] = heights.get(key, 0.0) + value
    for unit in units:
        if id(unit) in heights:
            unit.height = heights[id(unit)]
