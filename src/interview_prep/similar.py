"""How alike two questions are, so neither a bank nor a plan says the same thing twice."""

from __future__ import annotations

import difflib
import re

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


def similarity(a: str, b: str) -> float:
    """How alike two questions are, 0 to 1: shared content words, and word order."""
    wa = [w for w in words(a) if w not in _STOP]
    wb = [w for w in words(b) if w not in _STOP]
    if not wa or not wb:
        return 0.0
    sa, sb = {w.rstrip("s") for w in wa}, {w.rstrip("s") for w in wb}
    jaccard = len(sa & sb) / len(sa | sb)
    if jaccard < 0.3:
        return jaccard
    return max(jaccard, difflib.SequenceMatcher(None, " ".join(wa), " ".join(wb)).ratio() - 0.2)
