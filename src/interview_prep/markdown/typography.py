"""American typography on rendered text: curly quotes, serial lists, user phrases set in a sentence.

The curling runs on the text a template rendered (Markdown or plain), so bank items and user
text are never edited; code spans and web addresses keep their straight quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

# code spans (any run of backticks, to its matching run) and web or mail addresses stay as typed
_UNTOUCHED = re.compile(r"(`+).*?\1|\b(?:https?://|www\.|mailto:)[^\s)>\]]+", re.DOTALL)
_OPENS_AFTER = " \t\n([{<\u2014\u2013/-\u00a0*_"


def _curl(text: str) -> str:
    out: list[str] = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char == "'":
            if before.isalnum() and (after.isalnum() or after in " \t\n.,;:!?)]*_-"):
                out.append("\u2019")  # don't, Dana's, the nurses'
            elif before in _OPENS_AFTER and after.isdigit():
                out.append("\u2019")  # '90s
            elif before in _OPENS_AFTER:
                out.append("\u2018")
            else:
                out.append("\u2019")
        elif char == '"':
            out.append("\u201c" if before in _OPENS_AFTER else "\u201d")
        else:
            out.append(char)
    return "".join(out)


def curly_quotes(text: str) -> str:
    """Straight quotes and apostrophes made curly, outside code spans and addresses."""
    if "'" not in text and '"' not in text:
        return text
    parts: list[str] = []
    last = 0
    for match in _UNTOUCHED.finditer(text):
        parts.append(_curl(text[last : match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(_curl(text[last:]))
    return "".join(parts)


def series(items: Iterable[object], conjunction: str = "and") -> str:
    """A list as American prose: 'A', 'A and B', 'A, B, and C'.

    Items that hold commas are set off by semicolons ('A, B, and C; and D'), and two items
    that hold 'and' or 'or' by a comma ('growth and advancement, and advice'), so a reader
    sees where each item ends."""
    words = [str(item) for item in items if item]
    if len(words) < 2:
        return "".join(words)
    mark = ";" if any("," in word for word in words) else ","
    joined = any(re.search(r"\b(?:and|or)\b", word) for word in words)
    if len(words) == 2 and mark == "," and not joined:
        return f"{words[0]} {conjunction} {words[1]}"
    return f"{mark} ".join(words[:-1]) + f"{mark} {conjunction} " + words[-1]


_KEEP_CAPITAL = re.compile(r"^(?:I\b|I'|I’|[A-Z][A-Z0-9]+\b|[A-Z]\w*[A-Z])")
# words that start a sentence but are not names: lowered when a phrase is set mid-sentence
_COMMON_OPENERS = frozenset(
    """a an the this that these those how what when where why who which whose whether
    it its it's their there they them he she his her our we you your my me one some any
    every each all most many much more few several both either neither no not nothing
    being having getting making working learning seeing hearing knowing finding asking
    just only even also so and but or if because since as at by for from in into of on
    to with without about after before during over under between through up down out
    always never often sometimes usually really very""".split()  # noqa: SIM905
)


def fitted(text: str) -> str:
    """A phrase the user typed, set inside a sentence: its closing period dropped and its
    first letter lowered, unless the first word is a name, an acronym or 'I'."""
    phrase = text.strip().rstrip(".").rstrip()
    if not phrase or _KEEP_CAPITAL.match(phrase):
        return phrase
    first = re.match(r"[\w'’-]+", phrase)
    word = first.group(0) if first else ""
    if word[:1].isupper() and (
        word.lower() in _COMMON_OPENERS or word.lower().endswith(("ing", "ly"))
    ):
        return phrase[0].lower() + phrase[1:]
    return phrase


def us_date(day: date) -> str:
    """'December 7, 2026': how an American letter is dated."""
    return f"{day:%B} {day.day}, {day.year}"


def short_date(day: date) -> str:
    """'Fri, Mar 6': a date in a table column."""
    return f"{day:%a}, {day:%b} {day.day}"
