"""How alike two questions are, so neither a bank nor a plan says the same thing twice."""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

NEAR_DUPLICATE = 0.6

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "you",
        "your",
        "yours",
        "i",
        "me",
        "my",
        "we",
        "our",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "what",
        "which",
        "who",
        "whom",
        "how",
        "why",
        "when",
        "where",
        "there",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "so",
        "if",
        "than",
        "then",
        "too",
        "very",
        "can",
        "could",
        "would",
        "should",
        "will",
        "about",
        "into",
        "out",
        "up",
        "down",
        "over",
        "more",
        "most",
        "some",
        "any",
        "one",
    ]
)


def words(text: str) -> list[str]:
    """Lower-case words of a sentence, keeping contractions whole."""
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower().replace("’", "'"))


# below this share of content words two questions are never near-duplicates (see `similarity`)
MIN_SHARED = 0.3
# a question this long (in content words) said again inside a longer one is a near-duplicate
MIN_CONTAINED = 4
CONTAINED_WEIGHT = 0.7
# word order counts for less than shared words: a reordering is not a new question
ORDER_DISCOUNT = 0.2


@dataclass(frozen=True)
class Gist:
    """What `similarity` compares of a question: its content words in order, and their stems."""

    words: tuple[str, ...]
    stems: frozenset[str]


@lru_cache(maxsize=65536)
def gist(text: str) -> Gist:
    """The content words of ``text`` (no stop words) and their stems (a trailing s dropped)."""
    content = tuple(w for w in words(text) if w not in _STOP)
    return Gist(content, frozenset(w.rstrip("s") for w in content))


def similarity(a: str, b: str) -> float:
    """How alike two questions are, 0 to 1: shared content words, word order, and how much
    of the shorter one the longer repeats."""
    return gist_similarity(gist(a), gist(b))


def gist_similarity(a: Gist, b: Gist) -> float:
    """`similarity` of two questions already reduced to their gists."""
    if not a.words or not b.words:
        return 0.0
    jaccard = len(a.stems & b.stems) / len(a.stems | b.stems)
    if jaccard < MIN_SHARED:
        return jaccard
    return max(jaccard, _contained(a, b), _matcher(a, b).ratio() - ORDER_DISCOUNT)


def near_duplicate(a: Gist, b: Gist, matcher: difflib.SequenceMatcher[str] | None = None) -> bool:
    """``gist_similarity(a, b) >= NEAR_DUPLICATE``, decided with the cheap parts first.

    ``matcher``, from `order_matcher` of ``b``, saves its work when ``b`` meets many others.
    """
    if not a.words or not b.words:
        return False
    jaccard = len(a.stems & b.stems) / len(a.stems | b.stems)
    if jaccard < MIN_SHARED:
        return False
    if jaccard >= NEAR_DUPLICATE or _contained(a, b) >= NEAR_DUPLICATE:
        return True
    needed = NEAR_DUPLICATE + ORDER_DISCOUNT
    if matcher is None:
        matcher = order_matcher(b)
    matcher.set_seq1(" ".join(a.words))
    return (
        matcher.real_quick_ratio() >= needed
        and matcher.quick_ratio() >= needed
        and matcher.ratio() >= needed
    )


def _contained(a: Gist, b: Gist) -> float:
    """High when the shorter question is said again inside a longer one."""
    shorter = min(len(a.stems), len(b.stems))
    if shorter < MIN_CONTAINED:
        return 0.0
    return len(a.stems & b.stems) / shorter * CONTAINED_WEIGHT


def _matcher(a: Gist, b: Gist) -> difflib.SequenceMatcher[str]:
    return difflib.SequenceMatcher(None, " ".join(a.words), " ".join(b.words))


def order_matcher(b: Gist) -> difflib.SequenceMatcher[str]:
    """A matcher of word order against ``b``, to compare many questions with it."""
    return difflib.SequenceMatcher(None, "", " ".join(b.words))


def candidate_pairs(gists: Sequence[Gist]) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, that share at least `MIN_SHARED` of their stems
    (Jaccard), each once: every pair that could be a near-duplicate, and few others.

    Prefix filtering finds them without comparing all pairs: order each question's stems
    rarest first; two sets that share that much must share a stem within their first
    ``len - ceil(MIN_SHARED * len) + 1`` stems, so only questions meeting there are compared.
    """
    frequency = Counter(stem for g in gists for stem in g.stems)
    postings: dict[str, list[int]] = {}
    for index, g in enumerate(gists):
        stems = g.stems
        if not stems:
            continue
        ordered = sorted(stems, key=lambda stem: (frequency[stem], stem))
        prefix = len(ordered) - math.ceil(MIN_SHARED * len(ordered) - 1e-9) + 1
        met: set[int] = set()
        for stem in ordered[:prefix]:
            bucket = postings.setdefault(stem, [])
            met.update(bucket)
            bucket.append(index)
        for other in sorted(met):
            theirs = gists[other].stems
            shared = len(stems & theirs)
            if shared >= MIN_SHARED * (len(stems) + len(theirs) - shared):
                yield other, index


def near_duplicate_groups(
    gists: Sequence[Gist], probes: Sequence[bool], accept: Callable[[int, int], bool]
) -> list[list[int]]:
    """Groups of near-duplicate questions, each in index order: the connected sets of
    pairs ``(a, b)``, ``a < b``, that are `near_duplicate` and that ``accept`` takes.

    Only a question with ``probes[b]`` is compared with those before it. It is compared
    with one group at a time and stops at the first member alike it, so 3,000 questions
    that all say the same thing cost 3,000 comparisons, not 4.5 million. Candidates come
    from the same prefix filter as `candidate_pairs`, kept per group.
    """
    frequency = Counter(stem for g in gists for stem in g.stems)
    parent = list(range(len(gists)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    # stem -> group root -> the questions of that group with the stem in their prefix
    postings: dict[str, dict[int, list[int]]] = {}
    for index, current in enumerate(gists):
        if not current.stems:
            continue
        ordered = sorted(current.stems, key=lambda stem: (frequency[stem], stem))
        prefix = ordered[: len(ordered) - math.ceil(MIN_SHARED * len(ordered) - 1e-9) + 1]
        if probes[index]:
            matcher = order_matcher(current)
            tested: set[int] = set()
            for stem in prefix:
                bucket = _regrouped(postings.get(stem, {}), find)
                for root, members in bucket.items():
                    for other in members:
                        if find(root) == find(index):
                            break
                        if other in tested:
                            continue
                        tested.add(other)
                        if near_duplicate(gists[other], current, matcher) and accept(other, index):
                            parent[find(index)] = find(other)
                            break
        for stem in prefix:
            postings.setdefault(stem, {}).setdefault(find(index), []).append(index)
    groups: dict[int, list[int]] = {}
    for index in range(len(gists)):
        groups.setdefault(find(index), []).append(index)
    return [members for members in groups.values() if len(members) > 1]


def _regrouped(bucket: dict[int, list[int]], find: Callable[[int], int]) -> dict[int, list[int]]:
    """``bucket`` with the lists of groups that have since joined merged under one root."""
    for key in [key for key in bucket if find(key) != key]:
        members = bucket.pop(key)
        bucket.setdefault(find(key), []).extend(members)
    return bucket
