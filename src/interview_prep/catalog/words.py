"""How the field resolver reads words: normalized names, singulars, stems, one-letter slips."""

from __future__ import annotations

import difflib
import re

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
AGENT_ENDINGS = ("er", "or", "ist", "ian", "yer", "ant", "ent")


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


def singular(text: str) -> str:
    words = text.split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        word = words[-1]
        word = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        words[-1] = word
    return " ".join(words)


def stem(word: str) -> str:
    """A word without the endings that make people and plurals: biologist -> biolog."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def same_stem(base: str, word: str) -> bool:
    """True when ``word`` shares the stem ``base``, or is a likely typo of a word that does."""
    other = stem(word)
    if base == other:
        return True
    if min(len(base), len(other)) >= 5 and (base.startswith(other) or other.startswith(base)):
        return True  # electric / electrician, manage / management
    # a typo keeps the first letter and is one slip away: nurce / nurse, not zookeeper /
    # bookkeeper, not translat(or) / transit
    return min(len(base), len(other)) >= 5 and base[0] == other[0] and one_slip(base, other)


def one_slip(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with one letter changed, added, dropped or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def related(stems: list[str], key: str, name: str) -> float:
    """Below 2 (the part-of-a-name score): the share of typed stems found in ``name``, with
    how alike the two look as a tiebreak; 0 when they share no stem."""
    words = name.split()
    shared = sum(1 for base in stems if any(same_stem(base, word) for word in words))
    if not shared:
        return 0.0
    alike = difflib.SequenceMatcher(None, key, name).ratio()
    return 1.0 + 0.6 * shared / len(stems) + 0.3 * alike
