"""Reserve the questions written for the learner's stage and the person's seniority, without
costing a core theme its question when that can be helped."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Item
from .steps import Choice
from .topics import fits_theme

STAGE_ITEMS = 2
SENIORITY_ITEMS = 1
# themes where a question written for the learner's stage helps most
STAGE_THEMES = ("path", "advice")


def reserve_targeted(
    choice: Choice,
    talk: Sequence[Item],
    required: Sequence[str],
    stage: str,
    seniority: str | None,
) -> None:
    """Questions written for the learner's stage (two) and the person's seniority (one),
    core themes first, path and advice before the others, while the core themes keep room for
    their best questions, else for any question of each; only when neither is possible does
    a targeted question go in regardless (the stage and seniority always show)."""
    stage_title = next((s.title for s in choice.taxonomy.stages if s.id == stage), stage)
    level_title = next((s.title for s in choice.taxonomy.seniority if s.id == seniority), "")
    targets: list[tuple[list[Item], int, str]] = [
        (
            [i for i in talk if stage in i.stages],
            STAGE_ITEMS,
            f"written for your stage ({stage_title})",
        )
    ]
    if seniority is not None:
        targets.append(
            (
                [i for i in talk if seniority in i.seniority],
                SENIORITY_ITEMS,
                f"written for the seniority of the person you meet ({level_title})",
            )
        )
    for pool, wanted, reason in targets:
        pool = sorted(
            pool,
            key=lambda i: (
                choice.ranking.rank(i) > choice.best_rank.get(i.theme, 0),
                choice.ranking.rank(i),
                i.theme not in required,
                i.theme not in STAGE_THEMES,
                *choice.ranking.key(i),
            ),
        )
        got = 0
        # room for the best question of every core theme, else for any question of each;
        # other themes before a second question on one
        for best, distinct in ((True, True), (True, False), (False, True), (False, False)):
            for item in pool:
                if got >= wanted:
                    break
                themes = {i.theme for i in choice.taken}
                if item.id in choice.taken_ids or (distinct and item.theme in themes):
                    continue
                room = _room_besides(choice, talk, required, item, best=best)
                if item.minutes <= choice.left - room:
                    got += choice.offer(item, reason)
        for item in pool:  # when the core themes cannot all keep room, the stage still shows
            if got >= wanted:
                break
            if item.id not in choice.taken_ids and item.minutes <= choice.left:
                got += choice.offer(item, reason)


def _room_besides(
    choice: Choice, talk: Sequence[Item], required: Sequence[str], item: Item, *, best: bool
) -> int:
    """Minutes the core themes need besides the one ``item`` would cover (with ``best``, at
    the most specific level the theme has)."""
    covers = fits_theme(item, item.theme) and (
        not best or choice.ranking.rank(item) <= choice.best_rank.get(item.theme, 0)
    )
    others = [t for t in required if not (covers and t == item.theme)]
    return choice.room_for(talk, others, best=best)
