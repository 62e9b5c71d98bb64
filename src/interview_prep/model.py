"""The plain, immutable data that flows through the library: vocabulary, items, banks, people."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .errors import Location
from .vocabulary import KINDS as KINDS
from .vocabulary import MEETING_FORMATS as MEETING_FORMATS
from .vocabulary import MODES as MODES

ANY_FIELD = "any"


@dataclass(frozen=True)
class Theme:
    """A topic a conversation covers; core themes are covered by every script."""

    id: str
    title: str
    order: int
    core: bool = False
    modes: tuple[str, ...] = MODES


@dataclass(frozen=True)
class Stage:
    """Where the learner is in their career (high-school, career-changer, ...)."""

    id: str
    title: str


@dataclass(frozen=True)
class Seniority:
    """How far along the person being interviewed is (early, mid, senior)."""

    id: str
    title: str


@dataclass(frozen=True)
class Occupation:
    """A job people ask about, inside exactly one cluster and at most one of its sub-clusters.

    ``popular`` marks one of the most explored occupations, held to richer question sets;
    ``parent`` names the occupation a specialty belongs to (neurosurgeon -> surgeon).
    """

    id: str
    title: str
    cluster: str
    soc: str | None = None
    aliases: tuple[str, ...] = ()
    subcluster: str | None = None
    popular: bool = False
    parent: str | None = None


@dataclass(frozen=True)
class Subcluster:
    """A sub-cluster of the 2024 framework: a level between a cluster and its occupations."""

    id: str
    title: str
    cluster: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cluster:
    """A career cluster of the 2024 framework, with the classic names that map to it."""

    id: str
    title: str
    aliases: tuple[str, ...] = ()
    formerly: tuple[str, ...] = ()
    occupations: tuple[Occupation, ...] = ()
    subclusters: tuple[Subcluster, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    """The shared vocabulary every bank is written against."""

    themes: tuple[Theme, ...]
    stages: tuple[Stage, ...]
    seniority: tuple[Seniority, ...]
    clusters: tuple[Cluster, ...]

    def theme(self, theme_id: str) -> Theme:
        return next(theme for theme in self.themes if theme.id == theme_id)

    def stage(self, stage_id: str) -> Stage:
        return next(stage for stage in self.stages if stage.id == stage_id)

    def cluster(self, cluster_id: str) -> Cluster:
        return next(cluster for cluster in self.clusters if cluster.id == cluster_id)

    @property
    def occupations(self) -> tuple[Occupation, ...]:
        return tuple(occ for cluster in self.clusters for occ in cluster.occupations)

    @property
    def subclusters(self) -> tuple[Subcluster, ...]:
        return tuple(sub for cluster in self.clusters for sub in cluster.subclusters)

    def occupation(self, occupation_id: str) -> Occupation:
        return next(occ for occ in self.occupations if occ.id == occupation_id)

    def parents(self, occupation_id: str) -> tuple[str, ...]:
        """The parent chain of an occupation, nearest first (surgeon, physician)."""
        by_id = {occ.id: occ for occ in self.occupations}
        chain: list[str] = []
        current = by_id.get(occupation_id)
        while current is not None and current.parent and current.parent not in chain:
            chain.append(current.parent)
            current = by_id.get(current.parent)
        return tuple(chain)

    def reach(self, field_id: str) -> frozenset[str]:
        """The sub-cluster and occupation ids a cluster or sub-cluster field reaches."""
        reached: set[str] = set()
        for cluster in self.clusters:
            if cluster.id == field_id:
                reached.update(sub.id for sub in cluster.subclusters)
                reached.update(occ.id for occ in cluster.occupations)
            else:
                reached.update(occ.id for occ in cluster.occupations if occ.subcluster == field_id)
        return frozenset(reached)

    @property
    def core_themes(self) -> tuple[Theme, ...]:
        return tuple(theme for theme in self.themes if theme.core)

    @property
    def field_ids(self) -> frozenset[str]:
        return frozenset(
            [c.id for c in self.clusters]
            + [s.id for s in self.subclusters]
            + [o.id for o in self.occupations]
            + [ANY_FIELD]
        )


@dataclass(frozen=True)
class Item:
    """One question, observation prompt or research task from a bank."""

    id: str
    text: str
    theme: str
    kind: str = "question"
    fields: tuple[str, ...] = (ANY_FIELD,)
    stages: tuple[str, ...] = ()
    seniority: tuple[str, ...] = ()
    modes: tuple[str, ...] = ("interview",)
    minutes: int = 3
    priority: int = 2
    follow_ups: tuple[str, ...] = ()
    why: str | None = None
    tags: tuple[str, ...] = ()
    topic: str | None = None
    not_for: tuple[str, ...] = ()
    replaces: bool = False
    lint_ignore: Mapping[str, str] = field(default_factory=dict)
    review_by: str | None = None
    bank: str = ""
    location: Location | None = field(default=None, compare=False)

    def suits_stage(self, stage: str) -> bool:
        """True when the item is meant for learners at ``stage`` (no stages means all)."""
        return not self.stages or stage in self.stages

    def suits_mode(self, mode: str) -> bool:
        """True when usable in ``mode``; the talk after a shadow may use any interview question."""
        return mode in self.modes or (mode == "shadow" and self.kind == "question")

    def suits_seniority(self, seniority: str | None) -> bool:
        """True for the person met; items aimed at one level need that level to be known."""
        if not self.seniority:
            return True
        return seniority is not None and seniority in self.seniority


@dataclass(frozen=True)
class Bank:
    """A file of items with its metadata."""

    id: str
    title: str
    items: tuple[Item, ...]
    version: str = "1"
    language: str = "en"
    description: str = ""
    source: str = ""


def _strip_text(instance: object) -> None:
    """Trim the text fields of a person or meeting, so stray spaces never reach a page."""
    for name, value in vars(instance).items():
        if isinstance(value, str):
            object.__setattr__(instance, name, value.strip() or None)


@dataclass(frozen=True)
class Contact:
    """The person the learner meets; every part is optional and left blank to fill by hand."""

    name: str | None = None
    title: str | None = None
    org: str | None = None
    email: str | None = None

    def __post_init__(self) -> None:
        _strip_text(self)


@dataclass(frozen=True)
class Sender:
    """The learner who writes: name, school or program, and how to reach them."""

    name: str | None = None
    school: str | None = None
    stage: str | None = None
    email: str | None = None
    phone: str | None = None

    def __post_init__(self) -> None:
        _strip_text(self)


@dataclass(frozen=True)
class Meeting:
    """When and where the meeting happens; optional, printed as blanks when absent."""

    when: datetime | None = None
    where: str | None = None
    format: str | None = None
    minutes: int | None = None

    def __post_init__(self) -> None:
        _strip_text(self)
        if self.format is not None:
            from .vocabulary import normalize_choice

            normalized = normalize_choice("meeting-format", self.format, what="meeting format")
            object.__setattr__(self, "format", normalized)


@dataclass(frozen=True)
class Branding:
    """What a school adds to every page: its name and logo, and a stylesheet of its own."""

    school: str | None = None
    logo: Path | None = None
    css: Path | None = None


@dataclass(frozen=True)
class Answer:
    """What was said to one question; ``item_id`` ties it to the bank's question."""

    question: str
    answer: str
    item_id: str | None = None


@dataclass(frozen=True)
class Notes:
    """What the learner wrote after a meeting: answers, one thing learned, people named."""

    answers: tuple[Answer, ...] = ()
    learned: str | None = None
    referrals: tuple[str, ...] = ()

    def by_item(self) -> dict[str, str]:
        """Answers keyed by the bank question they answer, for documents to place."""
        return {a.item_id: a.answer for a in self.answers if a.item_id}

    def __bool__(self) -> bool:
        return bool(self.answers or self.learned)
