"""Turn what a person types ("RN", "Health Science", "software developer") into a field."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .errors import AmbiguousFieldError, UnknownNameError
from .model import Cluster, Occupation, Taxonomy


@dataclass(frozen=True)
class FieldMatch:
    """A resolved field: an occupation (with its cluster) or a whole cluster."""

    kind: str
    id: str
    title: str
    cluster_id: str
    cluster_title: str

    @property
    def phrase(self) -> str:
        """How a sentence names the field: 'work as a registered nurse', 'careers in Education'."""
        if self.kind == "occupation":
            title = title_in_sentence(self.title)
            article = "an" if title[:1].lower() in "aeiou" else "a"
            return f"work as {article} {title}"
        return f"careers in {self.title}"

    @property
    def your_work(self) -> str:
        """'your work as a registered nurse', 'your work in Education'."""
        if self.kind == "occupation":
            return "your " + self.phrase
        return f"your work in {self.title}"

    @property
    def scope(self) -> tuple[str, ...]:
        """Field ids whose items apply, most specific first."""
        if self.kind == "occupation":
            return (self.id, self.cluster_id, "any")
        return (self.cluster_id, "any")

    def specificity(self, item_fields: tuple[str, ...]) -> int | None:
        """0 for the occupation, 1 for its cluster, 2 for any field; None when it does not apply."""
        ranks = [self.scope.index(f) for f in item_fields if f in self.scope]
        if not ranks:
            return None
        offset = 0 if self.kind == "occupation" else 1
        return min(ranks) + offset


PROPER_WORDS = frozenset({"English", "Spanish", "French", "American", "Native", "Internet"})


def title_in_sentence(title: str) -> str:
    """A job title as it reads mid-sentence: 'Registered Nurse' -> 'registered nurse';
    acronyms (HVAC, IT) and proper words (English) keep their capitals."""
    words = []
    for word in title.split(" "):
        plain = word[:1].isupper() and word[1:] == word[1:].lower() and word not in PROPER_WORDS
        words.append(word.lower() if plain else word)
    return " ".join(words)


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
        clusters = [m for m in matches if m.kind == "cluster"]
        if len(clusters) == 1:
            return clusters[0]
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


def _occupation_match(occ: Occupation, cluster: Cluster) -> FieldMatch:
    return FieldMatch("occupation", occ.id, occ.title, cluster.id, cluster.title)
