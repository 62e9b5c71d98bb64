"""Turn what a person types ("RN", "Health Science", "software developer") into a field."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .errors import AmbiguousFieldError, UnknownNameError
from .model import ANY_FIELD, Cluster, Occupation, Subcluster, Taxonomy

LEVELS = ("occupation", "subcluster", "cluster", ANY_FIELD)


@dataclass(frozen=True)
class FieldMatch:
    """A resolved field: an occupation, a sub-cluster or a whole cluster, with what contains it.

    ``kind`` is ``occupation``, ``subcluster`` or ``cluster``.
    """

    kind: str
    id: str
    title: str
    cluster_id: str
    cluster_title: str
    subcluster_id: str | None = None
    subcluster_title: str | None = None

    @property
    def phrase(self) -> str:
        """How a sentence names the field: 'work as a Registered Nurse', 'careers in Education'."""
        if self.kind == "occupation":
            article = "an" if self.title[:1].lower() in "aeiou" else "a"
            return f"work as {article} {self.title}"
        return f"careers in {self.title}"

    @property
    def your_work(self) -> str:
        """'your work as a Registered Nurse', 'your work in Education'."""
        if self.kind == "occupation":
            return "your " + self.phrase
        return f"your work in {self.title}"

    @property
    def scope(self) -> tuple[str, ...]:
        """Field ids whose items apply, most specific first."""
        return tuple(self._levels)

    @property
    def _levels(self) -> dict[str, int]:
        """Each field id in scope with its level: 0 occupation, 1 sub-cluster, 2 cluster, 3 any."""
        levels: dict[str, int] = {}
        if self.kind == "occupation":
            levels[self.id] = 0
        if self.subcluster_id is not None:
            levels[self.subcluster_id] = 1
        levels[self.cluster_id] = 2
        levels[ANY_FIELD] = 3
        return levels

    def specificity(self, item_fields: tuple[str, ...]) -> int | None:
        """How specific an item is for this field: 0 the occupation's own, 1 its sub-cluster's,
        2 its cluster's, 3 for any field; None when the item does not apply."""
        levels = self._levels
        ranks = [levels[f] for f in item_fields if f in levels]
        return min(ranks) if ranks else None


def normalize(text: str) -> str:
    """Lower case, '&' as 'and', punctuation as spaces, single spaces."""
    text = text.lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"[^a-z0-9+#']+", " ", text).replace("'", "")
    return " ".join(text.split())


def _singular(text: str) -> str:
    words = text.split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        word = words[-1]
        word = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        words[-1] = word
    return " ".join(words)


class FieldIndex:
    """Every name of every cluster and occupation, for exact lookups and ranked search."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._names: dict[str, list[FieldMatch]] = {}
        for cluster in taxonomy.clusters:
            match = _cluster_match(cluster)
            for name in (cluster.id, cluster.title, *cluster.aliases, *cluster.formerly):
                self._add(name, match)
            for sub in cluster.subclusters:
                sub_match = _subcluster_match(sub, cluster)
                for name in (sub.id, sub.title, *sub.aliases):
                    self._add(name, sub_match)
            for occ in cluster.occupations:
                occ_match = _occupation_match(occ, cluster)
                for name in (occ.id, occ.title, *occ.aliases):
                    self._add(name, occ_match)

    def _add(self, name: str, match: FieldMatch) -> None:
        for key in {normalize(name), _singular(normalize(name))}:
            bucket = self._names.setdefault(key, [])
            if match not in bucket:
                bucket.append(match)

    def resolve(self, text: str) -> FieldMatch:
        """The one field ``text`` names; raise with the closest names when there is none."""
        key = normalize(text)
        matches = self._names.get(key) or self._names.get(_singular(key))
        if matches is None:
            suggestions = [m.title for m in self.search(text, limit=4)]
            raise UnknownNameError(
                "field",
                text,
                [],
                suggestions=suggestions,
                hint="search the fields with `interview-prep fields WORD`",
            )
        if len(matches) == 1:
            return matches[0]
        by_id = [m for m in matches if normalize(m.id) == key]
        if len(by_id) == 1:
            return by_id[0]
        for kind in ("cluster", "subcluster"):
            broadest = [m for m in matches if m.kind == kind]
            if len(broadest) == 1:
                return broadest[0]
        raise AmbiguousFieldError(text, [m.id for m in matches])

    def search(self, query: str, limit: int = 10) -> list[FieldMatch]:
        """Fields whose names match ``query``, best first: exact, prefix, word, part, fuzzy."""
        key = normalize(query)
        if not key:
            return [_cluster_match(c) for c in self.taxonomy.clusters][:limit]
        scored: dict[FieldMatch, tuple[float, int]] = {}
        for name, matches in self._names.items():
            score: float
            if name == key:
                score = 4.0
            elif name.startswith(key):
                score = 3.0
            elif any(word.startswith(key) for word in name.split()):
                score = 2.5
            elif key in name:
                score = 2.0
            else:
                ratio = difflib.SequenceMatcher(None, key, name).ratio()
                score = ratio if ratio >= 0.72 else 0.0
            if score:
                # a shorter matching name is a closer match: "nurse" before "nursery"
                for match in matches:
                    scored[match] = max(scored.get(match, (0.0, 0)), (score, -len(name)))
        ranked = sorted(scored.items(), key=lambda pair: (-pair[1][0], -pair[1][1], pair[0].title))
        return [match for match, _ in ranked[:limit]]


def _cluster_match(cluster: Cluster) -> FieldMatch:
    return FieldMatch("cluster", cluster.id, cluster.title, cluster.id, cluster.title)


def _subcluster_match(sub: Subcluster, cluster: Cluster) -> FieldMatch:
    return FieldMatch("subcluster", sub.id, sub.title, cluster.id, cluster.title, sub.id, sub.title)


def _occupation_match(occ: Occupation, cluster: Cluster) -> FieldMatch:
    sub = next((s for s in cluster.subclusters if s.id == occ.subcluster), None)
    return FieldMatch(
        "occupation",
        occ.id,
        occ.title,
        cluster.id,
        cluster.title,
        sub.id if sub else None,
        sub.title if sub else None,
    )
