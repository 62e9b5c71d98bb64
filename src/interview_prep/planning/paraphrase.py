"""Tell two questions that ask the same thing in other words ("How did you get hired?" and
"What did getting hired look like?"), which the word-overlap check of `similar` misses.

Words are reduced to their lemmas with lemminflect (its dictionaries ship inside the
package: nothing is fetched at run time), then to one word per meaning through a small
table of our own. No package with a usable English thesaurus ships its data (WordNet
readers download it on first use), and the few meanings that matter here are the ones
career questions repeat: hiring, licenses, coming back, paying for training.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalog.fields import FieldMatch

# words that carry no meaning of their own in a question ("what did getting hired look like")
LIGHT = frozenset(
    """
    a about after all also am an and any are as at be been before being but by can could did do
    does doing for from get got gotten had has have how i if in into is it its just know like
    look made make me more most much my now of on one or our out over really so some than that
    the their them then there these they thing things think this those to up us was way we were
    what when where which who whom why will with would you your yours actually ever first go
    going kind lot part piece place say see seem sort take tell time today usually very s t d
    ll re ve m now here people someone person team work job career field role line profession
    occupation become want decide made lead led push pushed draw drew thinking choose chose
    """.split()  # noqa: SIM905
)
# phrases that mean one thing, matched before single words
PHRASES = {
    ("come", "back"): "return",
    ("go", "back"): "return",
    ("get", "back"): "return",
    ("step", "back"): "return",
    ("break", "in"): "hire",
    ("get", "job"): "hire",
    ("land", "job"): "hire",
    ("pay", "for"): "tuition",
    ("time", "off"): "break",
    ("time", "away"): "break",
    ("return", "favor"): "reciprocate",
    ("return", "the"): "reciprocate",
}
# one word per meaning: the meanings career questions repeat under other words
SYNONYMS = {
    "employ": "hire",
    "recruit": "hire",
    "hiring": "hire",
    "onboard": "hire",
    "licence": "license",
    "licensure": "license",
    "licensing": "license",
    "certify": "license",
    "certification": "license",
    "certificate": "license",
    "credential": "license",
    "reenter": "return",
    "reentry": "return",
    "re-enter": "return",
    "re-entry": "return",
    "rejoin": "return",
    "restart": "return",
    "afford": "tuition",
    "loan": "tuition",
    "scholarship": "tuition",
    "gap": "break",
    "pause": "break",
    "salary": "pay",
    "wage": "pay",
    "earn": "pay",
    "income": "pay",
    "raise": "promote",
    "promotion": "promote",
    "advance": "promote",
    "advancement": "promote",
    "enjoy": "best",
    "love": "best",
    "favorite": "best",
    "tough": "hard",
    "hardest": "hard",
    "difficult": "hard",
    "challenging": "hard",
    "challenge": "hard",
    "beginner": "start",
    "newcomer": "start",
    "begin": "start",
}
# a meaning that, alone, decides what a question is about: two questions that share it ask
# the same thing even when their other words differ
TOPIC_OF = {"license": "license-certification", "tuition": "paying-for-training"}
# meanings strong enough that a question adding one word to them asks the same thing
STRONG = frozenset({"hire", "license", "return", "tuition", "promote", "pay", "break"})
SUBJECT_MIN_ITEMS = 3
SUBJECT_SHARE = 0.25
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _split(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


@lru_cache(maxsize=8192)
def _lemma(word: str) -> str:
    known = _builtin_lemmas().get(word)
    if known is not None:
        return known
    return _lemmatize(word)


def _lemmatize(word: str) -> str:
    from lemminflect import getAllLemmas  # loads its dictionaries: half a second

    lemmas = getAllLemmas(word)
    for pos in ("VERB", "NOUN", "ADJ", "ADV"):
        if pos in lemmas:
            return str(lemmas[pos][0])
    return word


@lru_cache(maxsize=1)
def _builtin_lemmas() -> dict[str, str]:
    """The lemma of every word in the built-in banks' questions and the taxonomy's names,
    kept in the on-disk cache, so that a plan from the shell does not load lemminflect's
    dictionaries (half a second) each time."""
    from ..catalog import cache
    from ..catalog.reading import _builtin_banks, _builtin_key, builtin_taxonomy

    key = "lemmas-names-" + _builtin_key()[0].removeprefix("catalog-")
    table = cache.load(key)
    if isinstance(table, dict) and all(isinstance(v, str) for v in table.values()):
        return table
    words = {w for bank in _builtin_banks() for item in bank.items for w in _split(item.text)}
    for cluster in builtin_taxonomy().clusters:
        names = [cluster.title, *(sub.title for sub in cluster.subclusters)]
        names += [occupation.title for occupation in cluster.occupations]
        words.update(word for name in names for word in _split(name))
    table = {word: _lemmatize(word) for word in sorted(words)}
    cache.store(key, table)
    return table


def _words(text: str) -> list[str]:
    return [_lemma(word) for word in _split(text)]


@lru_cache(maxsize=8192)
def sense(text: str) -> frozenset[str]:
    """The meanings a question carries: lemmas of its content words, synonyms merged."""
    words = _words(text)
    found: list[str] = []
    skip = False
    for first, second in zip(words, [*words[1:], ""], strict=True):
        if skip:
            skip = False
            continue
        phrase = PHRASES.get((first, second))
        if phrase is not None:
            found.append(phrase)
            skip = True
        elif first not in LIGHT:
            found.append(SYNONYMS.get(first, first))
    return frozenset(found)


def inferred_topic(text: str) -> str | None:
    """The topic a question's words settle on their own (licenses, paying for training)."""
    meanings = sense(text)
    return next((topic for word, topic in TOPIC_OF.items() if word in meanings), None)


def same_ask(first: str, second: str, ignore: frozenset[str] = frozenset()) -> bool:
    """True when two questions ask the same thing: they settle on the same topic (licenses,
    paying for training), or mean the same words, or share at least two meanings and half
    of all of them, or one adds a single word to a strong meaning ("get hired" and "get
    hired at your first hospital"). Words in ``ignore`` (the job's own name, which every
    question in its plan may say) do not count."""
    topic = inferred_topic(first)
    if topic is not None and topic == inferred_topic(second):
        return True
    a, b = sense(first) - ignore, sense(second) - ignore
    shared = len(a & b)
    if (bool(a) and a == b) or (shared >= 2 and 2 * shared >= len(a | b)):
        return True
    small, large = sorted((a, b), key=len)
    return bool(small & STRONG) and small <= large and len(large) <= len(small) + 1


def field_words(match: FieldMatch, own: Sequence[str] = ()) -> frozenset[str]:
    """Meanings that tell nothing about what a question in this field's plan asks: those of
    the field's names, and those a quarter or more of its ``own`` questions share (at least
    three: "law school" in a lawyer's, "behind the bar" in a bartender's)."""
    names = [match.title, match.subcluster_title or "", match.cluster_title]
    counts = Counter(word for text in own for word in sense(text))
    floor = max(SUBJECT_MIN_ITEMS, len(own) * SUBJECT_SHARE)
    return sense(" ".join(names)) | {word for word, n in counts.items() if n >= floor}
