"""Escaping for formats with a syntax of their own: calendar text, spreadsheet cells, GIFT."""

from __future__ import annotations

import re

# C0 controls (line breaks included), DEL, C1 controls, and Unicode line/paragraph separators
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_GIFT_SPECIAL = re.compile(r"([~=#{}:\\\[\]])")


def one_line(text: str) -> str:
    """``text`` with every control character and line break turned into one space.

    Calendar properties, file headers and single-line fields take user text through this,
    so a name can never end a line early and start a property or event of its own.
    """
    return " ".join(_CONTROL.sub(" ", text).split())


def calendar_text(text: str) -> str:
    """A value for an iCalendar TEXT property: one line, no control characters (the
    icalendar library then escapes commas, semicolons and backslashes)."""
    return one_line(text)


def spreadsheet_cell(value: str) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading apostrophe, the convention spreadsheets read as "this is text".
    """
    return "'" + value if value.startswith(_FORMULA_START) else value


def gift_text(text: str) -> str:
    """Text for a GIFT question: special characters escaped, one line."""
    return _GIFT_SPECIAL.sub(r"\\\1", one_line(text))
