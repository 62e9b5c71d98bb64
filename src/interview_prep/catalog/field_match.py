"""A resolved field (occupation, sub-cluster, cluster, or general) and how items reach it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..model import ANY_FIELD, Cluster, Item, Occupation, Subcluster, Taxonomy
from .words import title_in_sentence

LEVELS = ("occupation", "subcluster", "cluster", ANY_FIELD)


@dataclass(frozen=True)
class FieldMatch:
    """A resolved field: an occupation, a sub-cluster or a whole cluster, with what contains it.

    ``kind`` is ``occupation``, ``subcluster``, ``cluster``, or ``general`` for a job the
    taxonomy lacks and no group is near; ``parents`` is a specialty's chain of broader
    occupations, nearest first (neurosurgeon: surgeon, physician); ``fallback`` says, for a
    job typed that the taxonomy lacks, which field stands in for it.
    """

    kind: str
    id: str
    title: str
    cluster_id: str
    cluster_title: str
    subcluster_id: str | None = None
    subcluster_title: str | None = None
    parents: tuple[str, ...] = ()
    fallback: str | None = None

    @property
    def phrase(self) -> str:
        """How a sentence names the field: 'work as a registered nurse', 'careers in Education'."""
        if self.kind == "occupation":
            title = title_in_sentence(self.title)
            article = "an" if title[:1].lower() in "aeiou" else "a"
            return f"work as {article} {title}"
        if self.kind == "general":
            return "your line of work"
        return f"careers in {self.title}"

    @property
    def your_work(self) -> str:
        """'your work as a registered nurse', 'your work in Education'."""
        if self.kind == "occupation":
            return "your " + self.phrase
        if self.kind == "general":
            return "your work"
        return f"your work in {self.title}"

    @property
    def scope(self) -> tuple[str, ...]:
        """Field ids whose items apply, most specific first."""
        return tuple(self._levels)

    @cached_property
    def _levels(self) -> dict[str, int]:
        """Each field id in scope with its level: 0 occupation, 1 sub-cluster, 2 cluster, 3 any."""
        levels: dict[str, int] = {}
        if self.kind == "occupation":
            levels[self.id] = 0
            levels.update((parent, 0) for parent in self.parents)  # a specialty's own too
        if self.subcluster_id is not None:
            levels[self.subcluster_id] = 1
        if self.kind != "general":
            levels[self.cluster_id] = 2
        levels[ANY_FIELD] = 3
        return levels

    def specificity(self, item_fields: tuple[str, ...]) -> int | None:
        """How specific an item is for this field: 0 the occupation's own, 1 its sub-cluster's,
        2 its cluster's, 3 for any field; None when the item does not apply."""
        levels = self._levels
        ranks = [levels[f] for f in item_fields if f in levels]
        return min(ranks) if ranks else None

    def closeness(self, item_fields: tuple[str, ...]) -> int:
        """Where the nearest of an item's fields stands in `scope`: the occupation's own
        before its parent's, its parent's before its grandparent's."""
        scope = self.scope
        return min((scope.index(f) for f in item_fields if f in scope), default=len(scope))

    def reaches(self, item: Item) -> bool:
        """True when ``item`` is for this field: one of its fields is in scope, and its
        ``not_for`` does not name this job."""
        return self.specificity(item.fields) is not None and not self.excludes(item.not_for)

    def excludes(self, not_for: tuple[str, ...]) -> bool:
        """True when an item's ``not_for`` names this job, a job it specializes, or its
        sub-cluster (a plan for a whole cluster keeps every item)."""
        if not not_for or self.kind in ("cluster", "general"):
            return False
        own = {self.id, *self.parents}
        if self.subcluster_id is not None:
            own.add(self.subcluster_id)
        return not own.isdisjoint(not_for)


def _cluster_match(cluster: Cluster) -> FieldMatch:
    return FieldMatch("cluster", cluster.id, cluster.title, cluster.id, cluster.title)


def _subcluster_match(sub: Subcluster, cluster: Cluster) -> FieldMatch:
    return FieldMatch("subcluster", sub.id, sub.title, cluster.id, cluster.title, sub.id, sub.title)


def _occupation_match(
    occ: Occupation, cluster: Cluster, parents: tuple[str, ...] = ()
) -> FieldMatch:
    sub = next((s for s in cluster.subclusters if s.id == occ.subcluster), None)
    return FieldMatch(
        "occupation",
        occ.id,
        occ.title,
        cluster.id,
        cluster.title,
        sub.id if sub else None,
        sub.title if sub else None,
        parents,
    )


def parent_chains(taxonomy: Taxonomy) -> dict[str, tuple[str, ...]]:
    """Each specialty's chain of parents, nearest first; occupations with none are left out."""
    parent = {occ.id: occ.parent for occ in taxonomy.occupations if occ.parent}
    chains: dict[str, tuple[str, ...]] = {}
    for occupation in parent:
        chain: list[str] = []
        current = parent.get(occupation)
        while current is not None and current not in chain and current != occupation:
            chain.append(current)
            current = parent.get(current)
        chains[occupation] = tuple(chain)
    return chains
