"""No-break spaces in rendered HTML: a number stays with its unit ("30 minutes", "3 hours")
and a clock time with AM or PM ("4:00 PM"), so a narrow screen or column never puts them on
two lines. A markdown-it render rule for text, so the HTML and the PDF made from it get the
spaces while the Markdown, portable and Word outputs (which read the tokens) keep plain ones.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.common.utils import escapeHtml

NBSP = "\u00a0"
UNITS = "minutes?|min|hours?|hrs?|days?|weeks?|months?|years?|AM|PM|a\\.m\\.|p\\.m\\.|percent"
# a number (or clock time) and the unit after it, joined by ordinary spaces
_PAIR = re.compile(rf"(?<![\w.])(\d+(?:[.,:]\d+)?)[ \t]+(?=(?:{UNITS})(?!\w))")


def join_units(text: str) -> str:
    """``text`` with the space between a number and its unit made a no-break space."""
    return _PAIR.sub(lambda match: match.group(1) + NBSP, text)


def text(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    """The text token escaped, numbers held to their units."""
    return str(escapeHtml(join_units(tokens[index].content)))
