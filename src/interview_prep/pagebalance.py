"""A worksheet's pages: each page's spare height shared among its writing spaces, and the
page breaks moved where that evens out the lines a minute across the sheet."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from .pageheights import RULE, Space, Unit
from .pageshare import MOST_LINES, most_lines, page_used, paginate, share_on_top
from .pagetext import BODY_PT, LINE

LABEL = BODY_PT * LINE + 0.6 * BODY_PT  # a writing box's label ("Notes", "Three things")
THREE_THINGS_LINES = 3


def share_pages(
    pages: list[list[tuple[Unit, float]]],
    height: float,
    three: Space | None,
    slack: float,
    most: Callable[[Space], int] = most_lines,
) -> list[list[Space]]:
    """Share each page's spare height among its writing spaces; the spaces by page."""
    by_page: list[list[Space]] = []
    for number, page in enumerate(pages):
        spaces = [s for unit, _ in page for s in unit.spaces]
        spare = height - page_used(page) - slack
        last = three is not None and number == len(pages) - 1
        extra = max(0, int(spare // RULE))
        if spaces and extra:
            spare -= share_on_top(spaces, extra, most) * RULE
            room = (spare - LABEL) // RULE >= THREE_THINGS_LINES
            fair = most is not most_lines  # a fair share's leftover becomes a Notes box instead
            if not (last and room) and not fair and spare >= RULE:  # past the cap
                spare -= share_on_top(spaces, int(spare // RULE), lambda _: MOST_LINES) * RULE
        if three is not None and last:
            lines = int((spare - LABEL) // RULE)
            if lines >= THREE_THINGS_LINES:
                three.lines = lines  # the last page is used to its foot
                spaces = [*spaces, three]
            else:
                three.lines = 0
        by_page.append(spaces)
    return by_page


def balance(
    units: list[Unit],
    height: float,
    three: Space | None,
    slack: float,
    most: Callable[[Space], int] = most_lines,
) -> frozenset[int]:
    """Page breaks moved a question earlier where that evens out the lines a minute: a page's
    spare room otherwise all goes to the questions that happen to share its page."""
    breaks: frozenset[int] = frozenset()
    best = _evenness(units, height, three, slack, breaks, most)
    pages = len(paginate(units, height, breaks))
    moved = True
    while moved:
        moved = False
        laid = paginate(units, height, breaks)
        for page, following in itertools.pairwise(laid):
            start = _last_question(page)
            if start is None:
                continue
            trial = (breaks - {id(following[0][0])}) | {id(page[start][0])}
            if len(paginate(units, height, trial)) != pages:
                continue
            score = _evenness(units, height, three, slack, trial, most)
            if score > best:
                breaks, best, moved = trial, score, True
                break
    return breaks


def _last_question(page: list[tuple[Unit, float]]) -> int | None:
    """Where the page's last question starts (with a heading kept with it), if not at the top."""
    index = max((i for i, (unit, _) in enumerate(page) if unit.spaces), default=None)
    if index is None:
        return None
    while index > 0 and page[index - 1][0].keep:
        index -= 1
    return index or None


def _evenness(
    units: list[Unit],
    height: float,
    three: Space | None,
    slack: float,
    breaks: frozenset[int],
    most: Callable[[Space], int] = most_lines,
) -> tuple[float, ...]:
    """The questions' lines a minute, fewest first, with the pages broken at ``breaks``; none
    (the worst) when a page before the last would be left with blank paper at its foot."""
    spaces = [space for unit in units for space in unit.spaces]
    kept = {id(space): space.lines for space in spaces}
    kept_three = three.lines if three is not None else 0
    pages = paginate(units, height, breaks)
    share_pages(pages, height, three, slack, most)
    score = tuple(sorted(s.lines / s.weight for s in spaces if s.weight >= 2))
    for page in pages[:-1]:
        grown = sum(s.lines - kept[id(s)] for unit, _ in page for s in unit.spaces) * RULE
        blank = height - page_used(page) - grown - slack
        # a Notes box only where the page's questions have all they may take (pagefill.py)
        timed = [s for unit, _ in page for s in unit.spaces if s.weight >= 2]
        full = all(s.lines >= min(MOST_LINES, most_lines(s)) for s in timed)
        room = blank >= LABEL + THREE_THINGS_LINES * RULE and full
        notes = most is not most_lines and room and page[-1][0].elements[0].tag == "li"
        tolerated = 2 * RULE if most is most_lines else LABEL + THREE_THINGS_LINES * RULE
        if blank > tolerated and not notes:
            score = ()
    for space in spaces:
        space.lines = kept[id(space)]
    if three is not None:
        three.lines = kept_three
    return score
