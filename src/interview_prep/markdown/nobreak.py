"""No-break spaces in rendered HTML: a number stays with its unit ("30 minutes", "3 hours"),
a clock time with AM or PM ("4:00 PM") and a month with its day ("Dec 14"), so a narrow
screen or column never puts them on two lines. A markdown-it render rule for text, so the
HTML and the PDF made from it get the spaces while the Markdown, portable and Word outputs
(which read the tokens) keep plain ones.
"""

from __future__ import annotations

import re
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
    """``text`` with the space between a number and its unit (or a month and its day) made
    a no-break space."""
    joined = _PAIR.sub(lambda match: match.group(1) + NBSP, text)
    return _DATE.sub(lambda match: match.group(1) + NBSP, joined)


def text(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    """The text token escaped, numbers held to their units."""
    return str(escapeHtml(join_units(tokens[index].content)))
