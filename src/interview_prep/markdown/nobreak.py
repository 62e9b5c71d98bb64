"""No-break spaces in rendered HTML: a number stays with its unit ("30 minutes", "3 hours"),
a clock time with AM or PM ("4:00 PM"), a month with its day ("Dec 14") and a middle dot
with the word before it ("shadow · 20 min"), so a narrow
screen or column never puts them on two lines. A markdown-it render rule for text, so the
HTML and the PDF made from it get the spaces while the Markdown, portable and Word outputs
(which read the tokens) keep plain ones.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from markdown_it.common.utils import escapeHtml

NBSP = "\u00a0"
UNITS = "minutes?|min|hours?|hrs?|days?|weeks?|months?|years?|AM|PM|a\\.m\\.|p\\.m\\.|percent"
# a number (or clock time) and the unit after it, joined by ordinary spaces
_PAIR = re.compile(rf"(?<![\w.])(\d+(?:[.,:]\d+)?)[ \t]+(?=(?:{UNITS})(?!\w))")
MONTHS = (
    "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|"
    "July|August|September|October|November|December"
)
# a month and its day: "Dec 14", "December 14"
_DATE = re.compile(rf"(?<!\w)((?:{MONTHS})\.?)[ \t]+(?=\d{{1,2}}(?!\d))")


def join_units(text: str) -> str:
    """``text`` with the space between a number and its unit (or a month and its day, or a
    word and a middle dot after it) made a no-break space."""
    joined = _PAIR.sub(lambda match: match.group(1) + NBSP, text)
    joined = joined.replace(" · ", NBSP + "· ")  # a line never starts with a middle dot
    return _DATE.sub(lambda match: match.group(1) + NBSP, joined)


def text(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    """The text token escaped, numbers held to their units."""
    return str(escapeHtml(join_units(tokens[index].content)))


SHORT_WORD = 4  # letters: a last word this short ("may.") never sits alone on a line
_LAST_SPACE = re.compile(r"[ \t]+(?=\S+$)")


def join_last_words(tokens: Any) -> None:
    """In the HTML only: a title's last two words, and a paragraph's that ends in a short
    word, are joined by a no-break space, so no line holds one word alone."""
    for before, inline in pairwise(tokens):
        if inline.type != "inline" or not inline.children:
            continue
        last = inline.children[-1]
        if last.type != "text" or not _LAST_SPACE.search(last.content):
            continue
        word = last.content.split()[-1].strip(".,;:!?\u201d\u2019)")
        title = before.type == "heading_open" and before.tag == "h1"
        short = word.isalpha() and len(word) <= SHORT_WORD and len(last.content.split()) > 2
        if title or (before.type == "paragraph_open" and short):
            last.content = _LAST_SPACE.sub(NBSP, last.content)
