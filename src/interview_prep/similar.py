"""How alike two questions are, so neither a bank nor a plan says the same thing twice."""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
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
    """How alike two questions are, 0 to 1: shared content words, and word order."""
    return gist_similarity(gist(a), gist(b))


def gist_similarity(a: Gist, b: Gist) -> float:
    """`similarity` of two questions already reduced to their gists."""
    if not a.words or not b.words:
        return 0.0
    jaccard = len(a.stems & b.stems) / len(a.stems | b.stems)
    if jaccard < MIN_SHARED:
        return jaccard
    order = difflib.SequenceMatcher(None, " ".join(a.words), " ".join(b.words)).ratio()
    return max(jaccard, order - 0.2)


def candidate_pairs(gists: Sequence[Gist]) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, that could be near-duplicates, each once.

    Two questions are near-duplicates only when they share at least `MIN_SHARED` of their
    stems (Jaccard). Prefix filtering finds every such pair without comparing all of them:
    order each question's stems rarest first; two sets that share that much must share a
    stem within their first ``len - ceil(MIN_SHARED * len) + 1`` stems, so only questions
    meeting in those prefixes are candidates.
    """
    frequency = Counter(stem for g in gists for stem in g.stems)
    postings: dict[str, list[int]] = {}
    for index, g in enumerate(gists):
        if not g.stems:
            continue
        ordered = sorted(g.stems, key=lambda stem: (frequency[stem], stem))
        prefix = len(ordered) - math.ceil(MIN_SHARED * len(ordered) - 1e-9) + 1
        met: set[int] = set()
        for stem in ordered[:prefix]:
            bucket = postings.setdefault(stem, [])
            met.update(bucket)
            bucket.append(index)
        yield from ((other, index) for other in sorted(met))
