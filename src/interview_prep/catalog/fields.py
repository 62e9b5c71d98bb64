"""Turn what a person types ("RN", "Health Science", "software developer") into a field."""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass
from functools import cached_property

from ..errors import AmbiguousFieldError, FieldTextTooLongError, UnknownNameError
from ..model import ANY_FIELD, Cluster, Item, Occupation, Subcluster, Taxonomy

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


MAX_FIELD_TEXT = 200
FIND_IN_CACHE = 50_000  # titles whose field `FieldIndex.find_in` remembers
_UNSEEN = object()
# words that name a kind of role, not one job: typed alone, they ask which job is meant
GENERIC_WORDS = frozenset(
    [
        "engineer",
        "therapist",
        "designer",
        "scientist",
        "law",
        "teacher",
        "technician",
        "tech",
        "manager",
        "analyst",
        "assistant",
        "officer",
        "artist",
        "counselor",
        "specialist",
        "consultant",
        "operator",
        "worker",
        "instructor",
        "inspector",
        "coordinator",
        "administrator",
        "developer",
    ]
)
# endings that make a person from a word: law -> lawyer, design -> designer
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "yer", "ant", "ent")
_SUFFIXES = ("ologist", "ology", "ists", "ist", "ians", "ian", "ers", "er", "ors", "or", "ing", "s")


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
        for key in {normalize(name), _singular(normalize(name))}:
            bucket = self._names.setdefault(key, [])
            if match not in bucket:
                bucket.append(match)
            if match.kind == "occupation":
                for word in key.split():
                    self._words.setdefault(word, set()).add(match)

    def sharing(self, word: str) -> list[FieldMatch]:
        """Occupations with ``word`` in a name, or a person-word made from it (law: lawyer)."""
        found = set(self._words.get(word, ()))
        for ending in _AGENT_ENDINGS:
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
        matches = self._names.get(key) or self._names.get(_singular(key))
        word = _singular(key)
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
        stems = [_stem(word) for word in key.split()]
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
                score = _related(stems, key, name)
            if score:
                # a shorter matching name is a closer match: "nurse" before "nursery"
                for match in matches:
                    scored[match] = max(scored.get(match, (0.0, 0)), (score, -len(name)))
        ranked = sorted(scored.items(), key=lambda pair: (-pair[1][0], -pair[1][1], pair[0].title))
        return [match for match, _ in ranked[:limit]]

    def suggest(self, text: str, limit: int = 4) -> list[FieldMatch]:
        """Fields to offer for a name that matched none: only those sharing a word stem."""
        return self.search(text, limit)


def _stem(word: str) -> str:
    """A word without the endings that make people and plurals: biologist -> biolog."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _same_stem(stem: str, word: str) -> bool:
    """True when ``word`` shares the stem, or is a likely typo of a word that does."""
    other = _stem(word)
    if stem == other:
        return True
    if min(len(stem), len(other)) >= 5 and (stem.startswith(other) or other.startswith(stem)):
        return True  # electric / electrician, manage / management
    # a typo keeps the first letter and is one slip away: nurce / nurse, not zookeeper /
    # bookkeeper, not translat(or) / transit
    return min(len(stem), len(other)) >= 5 and stem[0] == other[0] and _one_slip(stem, other)


def _one_slip(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with one letter changed, added, dropped or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _related(stems: list[str], key: str, name: str) -> float:
    """Below 2 (the part-of-a-name score): the share of typed stems found in ``name``, with
    how alike the two look as a tiebreak; 0 when they share no stem."""
    words = name.split()
    shared = sum(1 for stem in stems if any(_same_stem(stem, word) for word in words))
    if not shared:
        return 0.0
    alike = difflib.SequenceMatcher(None, key, name).ratio()
    return 1.0 + 0.6 * shared / len(stems) + 0.3 * alike


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
