"""The planner's steps: rank the candidates, cover the core themes, fill the time; and say why
for each choice (`targeted` reserves the questions for the learner's stage and seniority)."""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..catalog.catalog import Catalog
from ..catalog.fields import FieldMatch
from ..model import Item, Taxonomy
from .paraphrase import same_ask
from .similar import Gist, gist, near_duplicate
from .topics import WHAT_TO_ASK, fits_theme, topic_of

TARGETED_FROM_MINUTES = 20
BROADER = ("", "the sub-cluster's", "the cluster's", "a general one")
LEVEL_NAMES = ("its own question", "for its sub-cluster", "for its cluster", "for every field")


@dataclass(frozen=True)
class LeftOut:
    """A candidate the plan did not use, and why."""

    item_id: str
    theme: str
    reason: str


class Ranking:
    """How good a choice an item is for a field: the most specific field first (a job's own,
    then its parent's), then the user's own banks before the built-in ones, then must-ask
    before standard, then the banks' order (or, with a seed, chance). Without a seed, equal
    sub-cluster- and cluster-wide items are ordered by a hash of the job's id, so that
    neighboring jobs do not all get the same broad question."""

    def __init__(
        self, catalog: Catalog, match: FieldMatch, seed: int | None, own: frozenset[str]
    ) -> None:
        self.match = match
        self.own = own
        self.position = {item.id: index for index, item in enumerate(catalog.items)}
        self.jitter: dict[str, float] = {}
        self.spread = seed is None and match.kind == "occupation"
        if seed is not None:
            rng = random.Random(seed)
            self.jitter = {i.id: rng.random() for i in sorted(catalog.items, key=lambda i: i.id)}

        self._levels: dict[tuple[str, ...], tuple[int | None, int]] = {}

    def _level(self, fields: tuple[str, ...]) -> tuple[int | None, int]:
        """Specificity and closeness of a fields tuple (the banks hold few distinct ones)."""
        level = self._levels.get(fields)
        if level is None:
            level = (self.match.specificity(fields), self.match.closeness(fields))
            self._levels[fields] = level
        return level

    def applies(self, item: Item) -> bool:
        return self._level(item.fields)[0] is not None and not self.match.excludes(item.not_for)

    def rank(self, item: Item) -> int:
        rank = self._level(item.fields)[0]
        assert rank is not None  # only items that apply are ranked
        return rank

    def is_own(self, item: Item) -> bool:
        return item.id in self.own

    def tiebreak(self, item: Item) -> tuple[float, int]:
        jitter = self.jitter.get(item.id)
        if jitter is None:
            spread = self.spread and self.rank(item) in (1, 2)
            jitter = self.jitter[item.id] = _spread(self.match.id, item.id) if spread else 0.0
        return (jitter, self.position[item.id])

    def key(self, item: Item) -> tuple[int, int, bool, int, float, int]:
        return (
            self.rank(item),
            self._level(item.fields)[1],
            not self.is_own(item),
            item.priority,
            *self.tiebreak(item),
        )


def _spread(job: str, item: str) -> float:
    """A stable number in [0, 1) from a job and an item (the same in every process)."""
    digest = hashlib.blake2b(f"{job}\0{item}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


@dataclass
class Choice:
    """The questions chosen so far, with their reasons, and the ones turned away."""

    budget: int
    taxonomy: Taxonomy
    ranking: Ranking
    taken: list[Item] = field(default_factory=list)
    taken_ids: set[str] = field(default_factory=set)  # (comparing items field by field is slow)
    fixed: list[Item] = field(default_factory=list)  # closing asks: not in the budget
    reasons: dict[str, list[str]] = field(default_factory=dict)
    twins: dict[str, str] = field(default_factory=dict)
    twin_topics: dict[str, str] = field(default_factory=dict)
    gists: dict[str, Gist] = field(default_factory=dict)

    best_rank: dict[str, int] = field(default_factory=dict)
    job_words: frozenset[str] = frozenset()  # the field's own names, said by many questions
    notes: list[str] = field(default_factory=list)  # slots with no fitting question
    # how many chosen questions each candidate is known not to repeat (they are only added)
    unrepeated: dict[str, int] = field(default_factory=dict)

    @property
    def left(self) -> int:
        return self.budget - sum(i.minutes for i in self.taken)

    def rank_by_theme(self, talk: Sequence[Item]) -> None:
        """Remember the most specific level each theme has, to tell a theme truly covered."""
        for item in talk:
            rank = self.ranking.rank(item)
            self.best_rank[item.theme] = min(rank, self.best_rank.get(item.theme, rank))

    def room_for(self, talk: Sequence[Item], themes: Sequence[str], *, best: bool) -> int:
        """Minutes to keep for the cheapest question of each theme not yet covered; with
        ``best``, the cheapest of its most specific questions; without, none for a theme
        that already has a question (only a more specific one would add to it), and none of
        those that repeat a chosen question (they cannot be asked)."""
        asked = {i.theme for i in self.taken}
        total = 0
        for t in themes:
            if self.covers(t) or (not best and t in asked):
                continue
            fitting = sorted(
                (
                    i
                    for i in talk
                    if i.theme == t
                    and (not best or self.ranking.rank(i) <= self.best_rank.get(t, 0))
                ),
                key=lambda i: i.minutes,
            )
            total += next(
                (i.minutes for i in fitting if best or not self.repeats(i)),
                fitting[0].minutes if fitting else 0,
            )
        return total

    def covers(self, theme: str) -> bool:
        """True when a chosen question covers ``theme`` at the most specific level it has: a
        general question for the stage leaves the cluster's own question on it to be asked."""
        best = self.best_rank.get(theme, 0)
        return any(
            i.theme == theme and self.ranking.rank(i) <= best and fits_theme(i, theme)
            for i in self.taken
        )

    def twin_of(self, item: Item, among: Sequence[Item] | None = None) -> Item | None:
        """A chosen question (closing asks included; or one of ``among``) that ``item``
        repeats: the same topic, nearly the same words, or the same ask in other words."""
        mine = self.gists.setdefault(item.id, gist(item.text))
        topic = topic_of(item)
        for other in (*self.fixed, *self.taken) if among is None else among:
            if topic is not None and topic == topic_of(other):
                self.twin_topics[item.id] = topic
                return other
            theirs = self.gists.setdefault(other.id, gist(other.text))
            if near_duplicate(mine, theirs) or same_ask(item.text, other.text, self.job_words):
                return other
        return None

    def repeats(self, item: Item) -> bool:
        """Whether ``item`` repeats a chosen question (`twin_of`, checking each chosen
        question against it only once)."""
        chosen = (*self.fixed, *self.taken)
        start = self.unrepeated.get(item.id, 0)
        if start == len(chosen):
            return False
        twin = self.twin_of(item, chosen[start:])
        if twin is None:
            self.unrepeated[item.id] = len(chosen)
        return twin is not None

    def take(self, item: Item, reason: str) -> None:
        self.taken.append(item)
        self.taken_ids.add(item.id)
        self.reasons[item.id] = [reason, *self._describe(item)]

    def offer(self, item: Item, reason: str) -> bool:
        """Take ``item`` unless it repeats a chosen question; remember the twin if it does."""
        twin = self.twin_of(item)
        if twin is not None:
            self.twins.setdefault(item.id, twin.id)
            return False
        self.take(item, reason)
        return True

    def _describe(self, item: Item) -> list[str]:
        label = _field_label(item, self)
        level = LEVEL_NAMES[self.ranking.rank(item)]
        if label in self.ranking.match.parents:
            level = "its parent job's question"
        said = [f"{level} ({label})"]
        if self.ranking.is_own(item):
            said.append(f"from your bank {item.bank!r}")
        if item.priority == 1:
            said.append("must ask")
        elif item.priority == 3:
            said.append("if time allows")
        return said


def _field_label(item: Item, choice: Choice) -> str:
    match = choice.ranking.match
    return next((f for f in match.scope if f in item.fields), item.fields[0])


def closing_asks(questions: Sequence[Item], ranking: Ranking, minutes: int) -> list[Item]:
    """The closing asks: from 20 minutes one "what should I have asked you?" question (the
    best ranked), then the must-ask closing items in the order they are written ("who else?"
    before "may I say?"), one per topic."""
    asks = [i for i in questions if i.topic == WHAT_TO_ASK]  # ranked best first
    musts = sorted(
        (
            i
            for i in questions
            if i.theme == "closing" and i.priority == 1 and i.topic != WHAT_TO_ASK
        ),
        key=lambda i: ranking.position[i.id],
    )
    chosen = asks[:1] if minutes >= TARGETED_FROM_MINUTES else []
    topics = {WHAT_TO_ASK}
    for item in musts:
        if item.topic not in topics:
            chosen.append(item)
            if item.topic:
                topics.add(item.topic)
    return chosen


def cover_themes(choice: Choice, talk: Sequence[Item], required: Sequence[str]) -> list[str]:
    """One question per required theme not yet covered, best first, keeping room for the
    cheapest question of every theme still to cover; a question counts for a theme only when
    its topic belongs there (re-entry is not promotion). Returns the themes that did not fit;
    `Choice.notes` says which slots had no fitting question of the job's own."""
    uncovered: list[str] = []
    titles = {t.id: t.title for t in choice.taxonomy.themes}
    for index, theme in enumerate(required):
        if choice.covers(theme):
            continue
        reserve = choice.room_for(talk, required[index + 1 :], best=False)
        asked = [choice.ranking.rank(i) for i in choice.taken if i.theme == theme]
        options = [
            i
            for i in talk
            if i.theme == theme
            and i.id not in choice.taken_ids
            and fits_theme(i, theme)
            and choice.ranking.rank(i) < min(asked, default=4)  # an equally broad one adds nothing
        ]
        reason = f"covers the theme {titles.get(theme, theme)!r}"
        # the best question that leaves room for the rest; when none does (not every theme can
        # have one), the best that fits, but only for a theme without a question: a more
        # specific one is an extra, and never costs another theme its question
        limits = (choice.left - reserve, choice.left) if not asked else (choice.left - reserve,)
        taken: Item | None = None
        for limit in limits:
            taken = next(
                (i for i in options if i.minutes <= limit and choice.offer(i, reason)), None
            )
            if taken:
                break
        title = titles.get(theme, theme)
        if taken is None and not any(i.theme == theme for i in choice.taken):
            uncovered.append(theme)
            why = "no time left for one" if options else "no question fits it"
            choice.notes.append(f"{title}: {why}")
        elif taken is not None and choice.ranking.rank(taken) > 0 and _is_job(choice):
            level = BROADER[choice.ranking.rank(taken)]
            choice.notes.append(
                f"{title}: no question of the job's own fits this slot; took {level}"
            )
            choice.reasons[taken.id].append("no question of the job's own fits this slot")
    return uncovered


def _is_job(choice: Choice) -> bool:
    return choice.ranking.match.kind == "occupation"


def fill_time(choice: Choice, talk: Sequence[Item], mode: str) -> list[Item]:
    """Spend the time left: other themes before a second question on one, the mode's own
    questions first, your own banks' before the built-in ones, "if time allows" last, never
    a near-twin of a chosen question. Returns the questions left for lack of time."""
    per_theme = Counter(i.theme for i in choice.taken)
    rest = [i for i in talk if i.id not in choice.taken_ids and i.id not in choice.twins]
    ranking = choice.ranking
    while fitting := [i for i in rest if i.minutes <= choice.left]:
        pick = min(
            fitting,
            key=lambda i: (
                i.priority == 3,
                mode not in i.modes,
                per_theme[i.theme],
                not ranking.is_own(i),
                ranking.rank(i),
                i.priority,
                *ranking.tiebreak(i),
            ),
        )
        rest = [i for i in rest if i is not pick]
        second = ", a second question on it" if per_theme[pick.theme] else ""
        title = choice.taxonomy.theme(pick.theme).title
        if choice.offer(pick, f"fills the time left: {title!r}{second}"):
            per_theme[pick.theme] += 1
    return rest


def _twin_reason(choice: Choice, item_id: str) -> str:
    twin = choice.twins[item_id]
    topic = choice.twin_topics.get(item_id)
    if topic is not None:
        return f"same topic ({topic}) as {twin}, already planned"
    return f"too like {twin}, already planned"


def left_out_reasons(choice: Choice, rest: Sequence[Item], talk: Sequence[Item]) -> list[LeftOut]:
    """Why each candidate not chosen was left out: a near-twin, or no time after better ones."""
    chosen_ids = {i.id for i in choice.taken}
    best_of_theme: dict[str, Item] = {}
    for item in choice.taken:
        best_of_theme.setdefault(item.theme, item)
    out = [
        LeftOut(i.id, i.theme, _twin_reason(choice, i.id))
        for i in talk
        if i.id in choice.twins and i.id not in chosen_ids
    ]
    for item in rest:
        if item.id in choice.twins:
            continue
        reason = f"no time left (needs {item.minutes} min, {choice.left} left)"
        better = best_of_theme.get(item.theme)
        if better is not None and choice.ranking.key(better) < choice.ranking.key(item):
            reason = f"ranked below {better.id} on {item.theme!r}; " + reason
        elif better is not None:
            reason = f"{better.id} took {item.theme!r} in fewer minutes; " + reason
        out.append(LeftOut(item.id, item.theme, reason))
    return out
