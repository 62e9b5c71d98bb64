"""How a question sounds said aloud: two asks in one, and references that will date."""

from __future__ import annotations

import re

WH_WORDS = frozenset(["what", "how", "why", "which", "when", "where", "who", "whom", "whose"])
AUXILIARIES = frozenset(
    [
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "am",
        "has",
        "have",
        "had",
        "can",
        "could",
        "would",
        "will",
        "should",
        "shall",
        "may",
        "might",
        "must",
    ]
)
# who/what as the subject of a second question: "and what made you stay?"
SUBJECT_VERBS = frozenset(
    [
        "made",
        "makes",
        "keeps",
        "kept",
        "helped",
        "helps",
        "surprised",
        "surprises",
        "changed",
        "changes",
        "happened",
        "happens",
        "matters",
        "mattered",
        "worries",
        "worried",
        "drew",
        "draws",
        "pushed",
        "led",
        "brought",
        "got",
        "gets",
        "took",
        "takes",
        "stands",
        "stood",
        "goes",
        "went",
    ]
)
SUBJECTS = frozenset(["i", "you", "they", "we", "he", "she", "it", "people", "someone", "there"])
COORDINATORS = frozenset(["and", "or", "but"])
_BE = frozenset(["is", "was", "are", "were"])
_PREPOSITIONS = frozenset(["about", "with", "for", "from", "to", "in", "on", "by", "at"])
# how far past the question word an inverted auxiliary may sit: "and which skills did you..."
_LOOKAHEAD = 3


def second_ask(text: str) -> str | None:
    """The words that start a second question in ``text``, or None when it asks one thing.

    Found: two question marks; a comma and a coordinator before a question word
    ("..., and what did you learn?", "..., and why that one?", "..., and with whom?"); a
    coordinator without a comma before a question word that clearly opens a question
    ("and who helped you?"); a coordinator before an inverted auxiliary ("..., and would
    you do it again?").
    Not found, on purpose: "What do you like and dislike?" and "What's the best and the
    hardest part?" (one ask about two things), "how and why" and "how far and how fast"
    (one ask), a question word that opens a clause ("...shape who gets heard and how
    decisions get made?"), and one amount split in two ("How much came from planning, and
    how much from chance?").
    """
    if text.count("?") >= 2:
        first = text.index("?")
        return " ".join(text[first + 1 :].split()[:4]) or None
    tokens = _TOKEN.findall(text.lower().replace("’", "'"))
    for index, word in enumerate(tokens[:-1]):
        if word not in COORDINATORS or index == 0 or tokens[index - 1] in WH_WORDS:
            continue
        if index <= 2 and tokens[0] in WH_WORDS:
            continue  # two question words opening one question: "How far and how fast..."
        after_comma = tokens[index - 1] in _BREAKS
        rest = [t for t in tokens[index + 1 :] if t not in _BREAKS]
        if after_comma and len(rest) > 1 and rest[0] in _PREPOSITIONS:
            rest = rest[1:]  # "..., and about what?"
        if rest and _opens_question(rest, after_comma, tokens[: index - 1]):
            return " ".join(t for t in tokens[index : index + 4] if t not in _BREAKS)
    return None


_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[,;:\u2014\u2013]")
_BREAKS = frozenset([",", ";", ":", "\u2014", "\u2013"])


def _opens_question(rest: list[str], after_comma: bool, before: list[str]) -> bool:
    head = rest[0]
    if "'" in head and head.split("'")[0] in WH_WORDS:
        return True  # what's, who's, how's
    if head in AUXILIARIES:
        # "and would you...", "and is it...", but not "and do it" (an action, not a question)
        subject = rest[1] if len(rest) > 1 else ""
        return subject in SUBJECTS and (subject != "it" or head in _BE)
    if head not in WH_WORDS:
        return False
    after = rest[1 : 1 + _LOOKAHEAD]
    if head == "how" and after[:1] in (["much"], ["many"]) and "how" in before[:2]:
        return False  # one amount split in two: "how much ..., and how much ..."
    if after and after[0] in SUBJECTS:
        return False  # "how they got in": a clause, not a question
    if after_comma or (after and after[0] in SUBJECT_VERBS):
        return True
    for word in after:
        if word in SUBJECTS:
            return False
        if word in AUXILIARIES:
            return True
    return False


# brands of apps and platforms, matched with their capitals so "zoom in" is not a brand
BRANDS = (
    "TikTok",
    "Instagram",
    "Facebook",
    "Twitter",
    "Snapchat",
    "YouTube",
    "LinkedIn",
    "Zoom",
    "Microsoft Teams",
    "Slack",
    "Google Classroom",
    "Google Meet",
    "ChatGPT",
    "Copilot",
    "Discord",
    "Reddit",
    "Indeed",
    "Glassdoor",
    "Uber",
    "Lyft",
    "DoorDash",
    "Airbnb",
    "Etsy",
    "Shopify",
    "Netflix",
    "Spotify",
    "Twitch",
    "WhatsApp",
    "Pinterest",
    "Canva",
    "Figma",
    "Salesforce",
    "QuickBooks",
)
_BRAND = re.compile(r"\b(" + "|".join(re.escape(b) for b in BRANDS) + r")\b")
_EVENT = re.compile(
    r"\b(since the pandemic|the pandemic|pandemic|post[- ]covid|covid(?:-19)?|coronavirus|"
    r"lockdowns?|bird flu)\b",
    re.I,
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def dated_terms(text: str) -> list[str]:
    """References in ``text`` that will date: app and platform brands, the pandemic, years."""
    found = [m.group(0) for m in _BRAND.finditer(text)]
    found += [m.group(0) for m in _EVENT.finditer(text)]
    found += [m.group(0) for m in _YEAR.finditer(text)]
    return list(dict.fromkeys(found))
