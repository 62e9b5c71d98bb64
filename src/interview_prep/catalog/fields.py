"""Turn what a person types ("RN", "Health Science", "software developer") into a field."""

from __future__ import annotations

import itertools
from functools import cached_property

from ..errors import AmbiguousFieldError, FieldTextTooLongError, UnknownNameError
from ..model import Taxonomy
from .field_match import (
    LEVELS,
    FieldMatch,
    _cluster_match,
    _occupation_match,
    _subcluster_match,
    parent_chains,
)
from .words import (
    AGENT_ENDINGS,
    GENERIC_WORDS,
    normalize,
    related,
    singular,
    stem,
    title_in_sentence,
)

__all__ = ["LEVELS", "FieldIndex", "FieldMatch", "normalize", "parent_chains", "title_in_sentence"]


MAX_FIELD_TEXT = 200


FIND_IN_CACHE = 50_000  # titles whose field `FieldIndex.find_in` remembers


_UNSEEN = object()


class FieldIndex:
    """Every name of every cluster and occupation, for exact lookups and ranked search."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._names: dict[str, list[FieldMatch]] = {}
        self._words: dict[str, set[FieldMatch]] = {}
        chains = parent_chains(taxonomy)
        for cluster in taxonomy.clusters:
            match = _cluster_match(cluster)
            for name in (cluster.id, cluster.title, *cluster.aliases, *cluster.formerly):
                self._add(name, match)
            for sub in cluster.subclusters:
                sub_match = _subcluster_match(sub, cluster)
                for name in (sub.id, sub.title, *sub.aliases):
                    self._add(name, sub_match)
            for occ in cluster.occupations:
                occ_match = _occupation_match(occ, cluster, chains.get(occ.id, ()))
                for name in (occ.id, occ.title, *occ.aliases):
                    self._add(name, occ_match)

    def to_data(self) -> dict[str, dict[str, list[str]]]:
        """The index as plain data (names and words to field ids), to keep in the cache."""
        return {
            "names": {key: [m.id for m in found] for key, found in self._names.items()},
            "words": {word: sorted(m.id for m in found) for word, found in self._words.items()},
        }

    @classmethod
    def from_data(cls, taxonomy: Taxonomy, data: object) -> FieldIndex | None:
        """The index ``to_data`` described, or None when the data does not fit the taxonomy."""
        matches: dict[str, FieldMatch] = {}
        chains = parent_chains(taxonomy)
        for cluster in taxonomy.clusters:
            matches[cluster.id] = _cluster_match(cluster)
            matches.update((s.id, _subcluster_match(s, cluster)) for s in cluster.subclusters)
            matches.update(
                (o.id, _occupation_match(o, cluster, chains.get(o.id, ())))
                for o in cluster.occupations
            )
        if not isinstance(data, dict):
            return None
        try:
            index = cls.__new__(cls)
            index.taxonomy = taxonomy
            index._names = {key: [matches[i] for i in ids] for key, ids in data["names"].items()}
            index._words = {word: {matches[i] for i in ids} for word, ids in data["words"].items()}
        except (KeyError, TypeError, AttributeError):
            return None  # made for another taxonomy: the caller rebuilds it
        return index

    def _add(self, name: str, match: FieldMatch) -> None:
        for key in {normalize(name), singular(normalize(name))}:
            bucket = self._names.setdefault(key, [])
            if match not in bucket:
                bucket.append(match)
            if match.kind == "occupation":
                for word in key.split():
                    self._words.setdefault(word, set()).add(match)

    def sharing(self, word: str) -> list[FieldMatch]:
        """Occupations with ``word`` in a name, or a person-word made from it (law: lawyer)."""
        found = set(self._words.get(word, ()))
        for ending in AGENT_ENDINGS:
            found |= self._words.get(word + ending, set())
        return sorted(found, key=lambda m: m.title)

    def resolve(self, text: str) -> FieldMatch:
        """The one field ``text`` names. Raise `AmbiguousFieldError` listing the candidates
        when it could mean several, and `UnknownNameError` with names that share a word
        stem with it when it names none."""
        if len(text) > MAX_FIELD_TEXT:
            raise FieldTextTooLongError(len(text), MAX_FIELD_TEXT)
        found = self._lookup(normalize(text))
        if isinstance(found, FieldMatch):
            return found
        if found is None:
            suggestions = [m.title for m in self.suggest(text, limit=4)]
            raise UnknownNameError(
                "field",
                text,
                [],
                suggestions=suggestions,
                hint="search the fields by a word of the job's name",
                parameter="field",
            )
        ids, titles, from_word = found
        if from_word:
            raise AmbiguousFieldError(text, ids, titles, clusters_only=False)
        raise AmbiguousFieldError(text, ids)

    def _lookup(self, key: str) -> FieldMatch | tuple[list[str], list[str], bool] | None:
        """What a normalized name names, from the index alone (no fuzzy search): a field,
        the candidates' ids and titles when it could mean several (and whether a shared
        word made them), or None."""
        matches = self._names.get(key) or self._names.get(singular(key))
        word = singular(key)
        if " " not in word and (matches is None or word in GENERIC_WORDS):
            shared = self.sharing(word)
            if len(shared) >= 2:
                broad = [m for m in matches or [] if m.kind != "occupation"]
                options = [*broad, *shared]
                return [m.id for m in options], [m.title for m in options], True
        if matches is None:
            return None
        if len(matches) == 1:
            return matches[0]
        by_id = [m for m in matches if normalize(m.id) == key]
        if len(by_id) == 1:
            return by_id[0]
        for kind in ("cluster", "subcluster"):
            broadest = [m for m in matches if m.kind == kind]
            if len(broadest) == 1:
                return broadest[0]
        return [m.id for m in matches], [m.title for m in matches], False

    def find_in(self, text: str) -> FieldMatch | None:
        """The field a title or headline names: the whole text if it names exactly one,
        else its longest run of words that does, leftmost first ("Staff RN at Mercy" is a
        Registered Nurse); None when no run does.

        Runs are looked up in the index, never searched fuzzily, and each text is worked
        out once: a 13-word headline costs a fraction of a millisecond, then nothing.
        """
        cached = self._found_in.get(text, _UNSEEN)
        if cached is not _UNSEEN:
            return cached  # type: ignore[return-value]
        found = self._find_in(text)
        if len(self._found_in) >= FIND_IN_CACHE:
            self._found_in.clear()
        self._found_in[text] = found
        return found

    def _find_in(self, text: str) -> FieldMatch | None:
        words = text.replace(",", " ").split()
        keys = [normalize(word) for word in words]
        # sums[i]: normalized words in the first i words; a run over the longest name's
        # count of words cannot name a field, so runs stop at the widest that fits
        sums = list(itertools.accumulate((len(key.split()) for key in keys), initial=0))
        longest, widest, low = self._longest_name, 0, 0
        for high in range(1, len(words) + 1):
            while sums[high] - sums[low] > longest:
                low += 1
            widest = max(widest, high - low)
        for size in range(widest, 0, -1):
            for start in range(len(words) - size + 1):
                if sums[start + size] - sums[start] > longest:
                    continue
                if len(" ".join(words[start : start + size])) > MAX_FIELD_TEXT:
                    continue
                key = " ".join(k for k in keys[start : start + size] if k)
                found = self._lookup(key) if key else None
                if isinstance(found, FieldMatch):
                    return found
        return None

    @cached_property
    def _found_in(self) -> dict[str, FieldMatch | None]:
        return {}

    @cached_property
    def _longest_name(self) -> int:
        """The most words any name has."""
        return max((len(name.split()) for name in self._names), default=0)

    def search(self, query: str, limit: int = 10) -> list[FieldMatch]:
        """Fields whose names match ``query``, best first: exact, prefix, word, part, then
        names sharing a word stem with it (by how many, then by how alike they look)."""
        if len(query) > MAX_FIELD_TEXT:
            raise FieldTextTooLongError(len(query), MAX_FIELD_TEXT)
        key = normalize(query)
        if not key:
            return [_cluster_match(c) for c in self.taxonomy.clusters][:limit]
        stems = [stem(word) for word in key.split()]
        scored: dict[FieldMatch, tuple[float, int]] = {}
        for name, matches in self._names.items():
            score: float
            if name == key:
                score = 4.0
            elif name.startswith(key):
                score = 3.0
            elif any(word.startswith(key) for word in name.split()):
                score = 2.5
            elif len(key) >= 4 and key in name:
                score = 2.0
            else:
                score = related(stems, key, name)
            if score:
                # a shorter matching name is a closer match: "nurse" before "nursery"
                for match in matches:
                    scored[match] = max(scored.get(match, (0.0, 0)), (score, -len(name)))
        ranked = sorted(scored.items(), key=lambda pair: (-pair[1][0], -pair[1][1], pair[0].title))
        return [match for match, _ in ranked[:limit]]

    def suggest(self, text: str, limit: int = 4) -> list[FieldMatch]:
        """Fields to offer for a name that matched none: only those sharing a word stem."""
        return self.search(text, limit)
