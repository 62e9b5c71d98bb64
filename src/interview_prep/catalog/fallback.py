"""A plan for any job typed: when the taxonomy lacks it, the closest sub-cluster or cluster
stands in if one is clearly near, else general questions and a prompt to choose a cluster."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from ..errors import UnknownNameError
from ..model import ANY_FIELD, Taxonomy
from .fields import FieldIndex, FieldMatch
from .words import normalize, one_slip, same_stem, stem

# words that say nothing about which job is meant
FILLER = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "on",
        "for",
        "to",
        "at",
        "as",
        "or",
        "with",
        "my",
        "be",
        "become",
        "job",
        "jobs",
        "work",
        "career",
        "careers",
        "professional",
        "pro",
        "person",
        "people",
        "worker",
        "workers",
        "join",
    ]
)
SMALL_WORDS = frozenset(
    ["no", "not", "none", "such", "any", "all", "some", "thing", "something", "nothing", "yes"]
)
NAME_CHARACTERS = re.compile(r"[\w\s'’.,&/+#()-]+")
MIN_SHARE = 0.5  # a group is near when its jobs' names hold at least half the typed words


def resolve_or_fall_back(index: FieldIndex, text: str) -> FieldMatch:
    """The field ``text`` names; for a job the taxonomy lacks, a stand-in whose ``fallback``
    says so. A likely misspelling of a known name, and text that is no job's name (markup,
    formulas, only small words), still raise `UnknownNameError` with suggestions, and a word
    several jobs share still asks which one is meant."""
    # what was typed is shown in the document: control and format characters (escapes,
    # bidirectional overrides) are dropped, so it can only ever read as text
    typed = "".join(c for c in " ".join(text.split()) if unicodedata.category(c)[0] != "C")
    try:
        return index.resolve(text)
    except UnknownNameError:
        if not _looks_like_a_job(typed) or _misspelt(index.taxonomy, text):
            raise
    near = closest_group(index, text)
    if near is not None:
        where = "sub-cluster" if near.kind == "subcluster" else "career cluster"
        note = (
            f"“{typed}” is not one of the jobs listed; these questions are for the closest "
            f"{where}, {near.title}."
        )
        return dataclasses.replace(near, fallback=note)
    note = (
        f"“{typed}” is not one of the jobs listed, and no group of jobs is clearly near: "
        "these are questions for any field. Choose a career cluster for questions about "
        "the field."
    )
    return FieldMatch("general", ANY_FIELD, typed, ANY_FIELD, "Any field", fallback=note)


def closest_group(index: FieldIndex, text: str) -> FieldMatch | None:
    """The sub-cluster, else the cluster, that holds two thirds or more of the names that
    share the most typed words (at least half of them)."""
    stems = [stem(word) for word in normalize(text).split() if word not in FILLER]
    if not stems:
        return None
    scored: dict[str, float] = {}
    for field_id, name in _names(index.taxonomy):
        words = name.split()
        share = sum(any(same_stem(s, w) for w in words) for s in stems) / len(stems)
        if share >= MIN_SHARE:
            scored[field_id] = max(share, scored.get(field_id, 0.0))
    if not scored:
        return None
    best = max(scored.values())
    top = [field_id for field_id, share in scored.items() if share == best]
    groups = _groups(index.taxonomy)
    for level in (0, 1):
        votes = Counter(groups[field_id][level] for field_id in top)
        group, count = votes.most_common(1)[0]
        if group is not None and 3 * count >= 2 * len(top):
            return index.resolve(group)
    return None


def _names(taxonomy: Taxonomy) -> Iterator[tuple[str, str]]:
    for cluster in taxonomy.clusters:
        for name in (cluster.title, *cluster.aliases):
            yield cluster.id, normalize(name)
        for sub in cluster.subclusters:
            for name in (sub.title, *sub.aliases):
                yield sub.id, normalize(name)
        for occ in cluster.occupations:
            for name in (occ.title, *occ.aliases):
                yield occ.id, normalize(name)


def _groups(taxonomy: Taxonomy) -> dict[str, tuple[str | None, str]]:
    """Each field id's sub-cluster (None for a cluster or a job outside one) and cluster."""
    groups: dict[str, tuple[str | None, str]] = {}
    for cluster in taxonomy.clusters:
        groups[cluster.id] = (None, cluster.id)
        groups.update((sub.id, (sub.id, cluster.id)) for sub in cluster.subclusters)
        groups.update((occ.id, (occ.subcluster, cluster.id)) for occ in cluster.occupations)
    return groups


def _looks_like_a_job(text: str) -> bool:
    """True for what could name a job: letters, digits and a name's punctuation only, with
    at least one word of three letters or more that is not a small word."""
    if not NAME_CHARACTERS.fullmatch(text.strip()):
        return False
    return any(
        len(word) >= 3 and word.isalpha() and word not in FILLER | SMALL_WORDS
        for word in normalize(text).split()
    )


def _misspelt(taxonomy: Taxonomy, text: str) -> bool:
    """True when a typed word is unknown but one slip from a word of a known name (nurce),
    or such a word cut short by one to three letters (nurs)."""
    known = {word for _, name in _names(taxonomy) for word in name.split()}
    for word in normalize(text).split():
        if word in known or word in FILLER:
            continue
        if len(word) >= 4 and any(
            other.startswith(word) and len(other) - len(word) <= 3 for other in known
        ):
            return True
        if len(word) < 5:
            continue
        if any(
            len(other) >= 5 and word[0] == other[0] and one_slip(word, other) for other in known
        ):
            return True
    return False
