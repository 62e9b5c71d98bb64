"""Choose the items for a meeting: filter by field, stage and mode, then fit the time budget."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from ..catalog.catalog import Catalog, builtin_bank_ids, default_catalog
from ..catalog.fields import FieldMatch
from ..errors import PlanError
from ..model import Item, Taxonomy
from ..values import checked_int
from ..vocabulary import MODES, RANGES, normalize_choice
from .paraphrase import field_words
from .similar import similarity
from .steps import (
    TARGETED_FROM_MINUTES,
    Choice,
    LeftOut,
    Ranking,
    closing_asks,
    cover_themes,
    fill_time,
    left_out_reasons,
)
from .targeted import reserve_targeted
from .topics import WHAT_TO_ASK, fits_theme

MIN_MINUTES, MAX_MINUTES = RANGES["minutes"][:2]
THANKS_MINUTES = 1
CLOSING_REASON = "closing ask, in conversation order"
WHAT_TO_ASK_REASON = "asks what you did not know to ask (in every plan of 20 minutes or more)"
HOMEWORK_ITEMS = 3
HOMEWORK_LIKENESS = 0.5  # shared words and order, as the linter measures them
# the task every plan's homework ends with; a bank's task that says the same gives way to it
STANDING_HOMEWORK = "Write down what you hope to learn that no website can tell you."
OBSERVATION_ITEMS = 12
EXPLAINED_RUNNERS_UP = 12


@dataclass(frozen=True)
class PlannedItem:
    """An item placed in a plan, with the minute (from the start) by which it should be done,
    and why it was chosen."""

    item: Item
    specificity: int
    ends_at: int
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plan:
    """The items chosen for one meeting, in conversation order, and what was left out."""

    field: FieldMatch
    stage: str
    minutes: int
    mode: str
    seniority: str | None
    seed: int | None
    opening_minutes: int
    questions: tuple[PlannedItem, ...]
    closing: tuple[PlannedItem, ...]
    research: tuple[Item, ...]
    observations: tuple[Item, ...]
    uncovered: tuple[str, ...]
    left_out: tuple[LeftOut, ...]
    taxonomy: Taxonomy
    notes: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return (
            f"<Plan {self.field.title} ({self.field.id}), {self.stage}, {self.minutes} minutes, "
            f"{self.mode}: {len(self.questions)} questions, {len(self.closing)} closing asks>"
        )

    def __str__(self) -> str:
        return self.to_markdown()

    @property
    def budget(self) -> int:
        """Minutes available for questions, after the opening, closing asks and thanks."""
        return self.minutes - self.reserved_minutes

    @property
    def reserved_minutes(self) -> int:
        return self.opening_minutes + sum(p.item.minutes for p in self.closing) + THANKS_MINUTES

    @property
    def question_minutes(self) -> int:
        return sum(p.item.minutes for p in self.questions)

    @property
    def total_minutes(self) -> int:
        """Minutes the planned conversation takes; never more than ``minutes``."""
        return self.reserved_minutes + self.question_minutes

    @cached_property
    def must_ask(self) -> frozenset[str]:
        """The ids of the questions marked ★: the 3-5 to keep when time runs short
        (`stars.must_ask_ids` says which)."""
        from .stars import must_ask_ids

        return must_ask_ids(self.questions, self.taxonomy, self.minutes)

    def is_must_ask(self, planned: PlannedItem) -> bool:
        """Whether ``planned`` is one of the plan's ★ questions."""
        return planned.item.id in self.must_ask and planned in self.questions

    @property
    def covered_themes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.item.theme for p in self.questions))

    def by_theme(self) -> list[tuple[str, list[PlannedItem]]]:
        """Questions grouped by theme, in conversation order."""
        groups: dict[str, list[PlannedItem]] = {}
        for planned in self.questions:
            groups.setdefault(planned.item.theme, []).append(planned)
        return list(groups.items())

    def to_dict(self) -> dict[str, object]:
        """The plan as plain data (what ``plan --format json`` prints)."""

        def entry(planned: PlannedItem) -> dict[str, object]:
            item = planned.item
            return {
                "id": item.id,
                "theme": item.theme,
                "text": item.text,
                "minutes": item.minutes,
                "priority": item.priority,
                "must_ask": self.is_must_ask(planned),
                "field": _field_of(item, self.field),
                "ends_at": planned.ends_at,
                "why": list(planned.reasons),
            }

        return {
            "field": {
                "kind": self.field.kind,
                "id": self.field.id,
                "title": self.field.title,
                "cluster": self.field.cluster_id,
                "fallback": self.field.fallback,
            },
            "stage": self.stage,
            "mode": self.mode,
            "seniority": self.seniority,
            "seed": self.seed,
            "minutes": self.minutes,
            "budget": self.budget,
            "opening_minutes": self.opening_minutes,
            "total_minutes": self.total_minutes,
            "questions": [entry(p) for p in self.questions],
            "closing": [entry(p) for p in self.closing],
            "research": [item.id for item in self.research],
            "observations": [item.id for item in self.observations],
            "uncovered_core_themes": list(self.uncovered),
            "notes": list(self.notes),
            "left_out": [
                {"id": x.item_id, "theme": x.theme, "reason": x.reason} for x in self.left_out
            ],
        }

    def to_markdown(self, *, explain: bool = False) -> str:
        """The plan as a Markdown table (what a notebook shows); ``explain`` adds why each
        question was chosen and why the runners-up were not."""
        from ..markdown.escape import escape_markdown

        lines = [
            f"# Plan: {escape_markdown(self.field.title)}, {self.minutes} minutes",
            "",
            *([f"> {escape_markdown(self.field.fallback)}", ""] if self.field.fallback else []),
            f"{self.total_minutes} of {self.minutes} minutes planned "
            f"(opening {self.opening_minutes}, questions {self.question_minutes}, closing and "
            f"thanks {self.reserved_minutes - self.opening_minutes}).",
            "",
            "| by | min | theme | question |",
            "|---|---|---|---|",
        ]
        for planned in (*self.questions, *self.closing):
            item = planned.item
            star = "★ " if self.is_must_ask(planned) else ""
            lines.append(
                f"| {planned.ends_at} | {item.minutes} | {item.theme} | "
                f"{star}{escape_markdown(item.text)} |"
            )
        if self.uncovered:
            lines += ["", "Core themes not covered: " + ", ".join(self.uncovered)]
        if not explain:
            lines += ["", f"Left out: {len(self.left_out)} questions (the explanation says why)."]
            return "\n".join(lines) + "\n"
        lines += ["", "## Why these questions", ""]
        for planned in (*self.questions, *self.closing):
            reasons = "; ".join(planned.reasons)
            lines.append(f"- **{escape_markdown(planned.item.id)}**: {escape_markdown(reasons)}")
        if self.notes:
            lines += ["", "## Slots without a fitting question of the job's own", ""]
            lines += [f"- {escape_markdown(note)}" for note in self.notes]
        # near-twins first, then those that lost their theme to a chosen question
        runners = sorted(
            self.left_out,
            key=lambda x: (not x.reason.endswith("already planned"), "; " not in x.reason),
        )
        lines += ["", "## Runners-up, and why not", ""]
        for left in runners[:EXPLAINED_RUNNERS_UP]:
            lines.append(f"- {escape_markdown(left.item_id)}: {escape_markdown(left.reason)}")
        if len(runners) > EXPLAINED_RUNNERS_UP:
            more = len(runners) - EXPLAINED_RUNNERS_UP
            lines.append(f"- and {more} more for lack of time (the JSON form gives every reason)")
        return "\n".join(lines) + "\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        from ..render import markdown_to_html

        return markdown_to_html(self.to_markdown())


def _distinct(items: Sequence[Item], limit: int) -> tuple[Item, ...]:
    """The first ``limit`` items, skipping any that says much the same as one already taken
    (homework is short: two tasks that read alike waste a line)."""
    taken: list[Item] = []
    for item in items:
        if len(taken) == limit:
            break
        said = [STANDING_HOMEWORK, *(other.text for other in taken)]
        if all(similarity(item.text, text) < HOMEWORK_LIKENESS for text in said):
            taken.append(item)
    return tuple(taken)


def _field_of(item: Item, field: FieldMatch) -> str:
    return next((f for f in field.scope if f in item.fields), item.fields[0])


def _check_name(what: str, value: str, known: Sequence[str]) -> str:
    """``value`` as the vocabulary spells it (case and separators do not matter)."""
    return normalize_choice(what, value, known)


def plan_interview(
    field: str,
    stage: str,
    minutes: int = 30,
    *,
    mode: str = "interview",
    seniority: str | None = None,
    seed: int | None = None,
    catalog: Catalog | None = None,
) -> Plan:
    """Pick the questions for a meeting of ``minutes`` that fit the learner and the field.

    Time for the opening, the closing asks (in the order they are written) and thanks is set
    aside first. From 20 minutes, two questions written for the learner's stage, and one for
    the person's seniority when given, are reserved. Every core theme then gets one question
    (the most specific field first, your own banks before the built-in ones, must-ask before
    standard) while the time allows, and a more specific question on a theme already asked
    only while every core theme keeps room; the rest of the time goes by priority, spread
    across themes. No question nearly repeats another in the plan. The same inputs give the same
    plan; ``seed`` varies the choice among equal questions. Each planned item says why it was
    chosen, and each left-out candidate why not.
    """
    catalog = catalog or default_catalog()
    taxonomy = catalog.taxonomy
    match = catalog.field_for_plan(field)
    stage = _check_name("stage", stage, [s.id for s in taxonomy.stages])
    mode = _check_name("mode", mode, MODES)
    if seniority is not None:
        seniority = _check_name("seniority", seniority, [s.id for s in taxonomy.seniority])
    minutes = checked_int("minutes", minutes)

    builtin = builtin_bank_ids()
    own = frozenset(i.id for b in catalog.banks if b.id not in builtin for i in b.items)
    ranking = Ranking(catalog, match, seed, own)
    candidates = [
        item
        for item in catalog.items
        if ranking.applies(item)
        and item.suits_mode(mode)
        and item.suits_stage(stage)
        and item.suits_seniority(seniority)
    ]
    questions = sorted((i for i in candidates if i.kind == "question"), key=ranking.key)
    closing = closing_asks(questions, ranking, minutes)
    talk = [i for i in questions if i.theme != "closing" and i.topic != WHAT_TO_ASK]
    opening = 1 if minutes < 20 else 2
    budget = minutes - opening - sum(i.minutes for i in closing) - THANKS_MINUTES
    if budget < 1:
        raise PlanError(
            f"{minutes} minutes leaves no time for questions after the opening and closing",
            hint="ask for a longer meeting",
        )
    required = [t.id for t in taxonomy.themes if t.core]
    if mode == "shadow":
        required = ["debrief", *required]
    own_texts = [i.text for i in talk if ranking.rank(i) == 0]
    choice = Choice(
        budget, taxonomy, ranking, fixed=list(closing), job_words=field_words(match, own_texts)
    )
    choice.rank_by_theme(talk)
    if minutes >= TARGETED_FROM_MINUTES:
        reserve_targeted(choice, talk, required, stage, seniority)
    uncovered = cover_themes(choice, talk, required)
    rest = fill_time(choice, talk, mode)

    order = {t.id: t.order for t in taxonomy.themes}
    if mode == "shadow":
        order["debrief"] = -1  # after a shadow, talk over what was seen first
    chosen = sorted(
        choice.taken,
        key=lambda i: (order[i.theme], not fits_theme(i, i.theme), i.priority, *ranking.key(i)),
    )
    elapsed = opening
    planned = []
    for item in (*chosen, *closing):
        elapsed += item.minutes
        closing_reason = WHAT_TO_ASK_REASON if item.topic == WHAT_TO_ASK else CLOSING_REASON
        reasons = choice.reasons.get(item.id) or [closing_reason]
        planned.append(PlannedItem(item, ranking.rank(item), elapsed, tuple(reasons)))
    return Plan(
        field=match,
        stage=stage,
        minutes=minutes,
        mode=mode,
        seniority=seniority,
        seed=seed,
        opening_minutes=opening,
        questions=tuple(planned[: len(chosen)]),
        closing=tuple(planned[len(chosen) :]),
        research=_distinct(
            sorted((i for i in candidates if i.kind == "research"), key=ranking.key),
            HOMEWORK_ITEMS,
        ),
        observations=tuple(
            sorted((i for i in candidates if i.kind == "observation"), key=ranking.key)[
                :OBSERVATION_ITEMS
            ]
        )
        if mode == "shadow"
        else (),
        uncovered=tuple(uncovered),
        notes=tuple(choice.notes),
        left_out=tuple(left_out_reasons(choice, rest, talk)),
        taxonomy=taxonomy,
    )
