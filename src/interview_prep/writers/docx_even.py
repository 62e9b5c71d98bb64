"""Lines by minutes across a Word worksheet, as the PDF shares them: no question more than
a line above the fewest lines a minute, a closing ask no more than the shortest question, and
the rows a page has spare after that given back to its questions that have fewest."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..pageheights import Space, Unit
    from .docx_fill import WritingSpace

    Page = list[tuple[Unit, float]]  # a page's units and where each starts


def even_out(
    spares: list[tuple[Page, float]], timed: list[tuple[WritingSpace, Space]], row: float
) -> None:
    """The rows each page has spare (``spares``: a page and its spare points) once the sheet
    is even (a cap can free a page's rows) go to its questions with the fewest lines a
    minute, one at a time, then the sheet is evened again: a 2-minute question left one line
    no longer holds every other to two."""
    for page, spare in spares:
        on_page = {id(e) for unit, _ in page for e in unit.spaces}
        mine = [(s, e) for s, e in timed if id(e) in on_page and not s.closing]
        while spare >= row:
            roomy = [(s, e) for s, e in mine if e.lines < 3 * (s.minutes or 1)]
            if not roomy:
                break
            _, estimate = min(roomy, key=lambda p: p[1].lines / (p[0].minutes or 1))
            estimate.lines += 1
            spare -= row
    by_minutes(timed)


def by_minutes(timed: list[tuple[WritingSpace, Space]]) -> None:
    """Lines by minutes across the sheet, within a line: none more than a line above the
    fewest lines a minute of a question of two minutes or more, and a closing ask never more
    than the shortest question (a page's spare height stays spare rather than pile onto the
    questions that happen to share it)."""
    questions = [(s, e) for s, e in timed if not s.closing]
    rates = [e.lines / (s.minutes or 1) for s, e in questions if (s.minutes or 0) >= 2]
    if not rates:
        return
    rate, shortest = min(rates), min(e.lines for _, e in questions)
    for space, estimate in timed:
        most = int(rate * (space.minutes or 0)) + 1
        if space.closing:
            most = min(most, shortest)
        estimate.lines = max(estimate.least, min(estimate.lines, most))


__all__ = ("by_minutes", "even_out")
