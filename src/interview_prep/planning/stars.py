"""Which planned questions a plan marks must-ask (★): the few to keep when time runs short."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Taxonomy
from ..vocabulary import MODES

if TYPE_CHECKING:
    from .plan import PlannedItem

STARRED_FROM_MINUTES = 15  # below this a plan stars only the bank's own must-ask items
MOST_STARS = 5


def star_count(minutes: int) -> int:
    """How many questions a plan of ``minutes`` stars: 3 up to 30 minutes, 4 under an hour,
    5 from an hour (a student keeps about a third of a long plan when time runs short)."""
    return 3 if minutes < 30 else 4 if minutes < 60 else MOST_STARS


def must_ask_ids(
    questions: Sequence[PlannedItem], taxonomy: Taxonomy, minutes: int
) -> frozenset[str]:
    """The ids of the questions to star, chosen in this order until the plan has its
    `star_count`: the bank's priority-1 items, the first (top-ranked) question of each theme
    of this kind of meeting only (a shadow's debrief), then of each core theme, in the
    taxonomy's order, the first question of every other theme, then the rest in
    conversation order (more priority-1 items raise the count, to five at most). Below 15
    minutes only priority-1 items are starred."""
    items = [planned.item for planned in questions]
    bank_must = [item.id for item in items if item.priority == 1]
    if minutes < STARRED_FROM_MINUTES:
        return frozenset(bank_must[:MOST_STARS])
    firsts: dict[str, str] = {}
    for item in items:
        firsts.setdefault(item.theme, item.id)
    # a theme only one kind of meeting has (the debrief after a shadow) is that meeting's heart
    themes = sorted(
        taxonomy.themes,
        key=lambda theme: (theme.modes == MODES, not theme.core, theme.order),
    )
    heads = [firsts[theme.id] for theme in themes if theme.id in firsts]
    order = dict.fromkeys([*bank_must, *heads, *(item.id for item in items)])
    count = min(MOST_STARS, max(star_count(minutes), len(bank_must)))
    return frozenset(list(order)[:count])
