"""Every fixed set of words a person can type, and every numeric range, in one place.

Stages, seniority levels, themes and fields come from the bank taxonomy; everything else a
user chooses is listed here, and every checker (the library, the CLI, rosters, directives,
the web forms) reads it from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .errors import UnknownNameError

KINDS = ("question", "observation", "research")
MODES = ("interview", "shadow")
MEETING_FORMATS = ("in-person", "phone", "video")
PAPERS = ("letter", "a4")
CHANNELS = ("email", "linkedin", "letter", "phone")
LETTER_KINDS = (
    "request",
    "follow-up",
    "confirm",
    "thank-you",
    "keep-in-touch",
    "shadow-request",
)
LINKEDIN_ACCOUNTS = ("free", "premium")
LOG_KINDS = ("request", "reply", "follow-up", "confirm", "thank-you", "keep-in-touch")
LOG_CHANNELS = (*CHANNELS, "in-person", "text")
DOCUMENT_FORMATS = ("md", "html", "pdf", "docx")
EXPORT_FORMATS = ("gift", "csv", "json")

DEFAULT_MINUTES = 30
DEFAULT_STAGE = "college"
DEFAULT_MODE = "interview"
DEFAULT_LETTER_MINUTES = 20
DEFAULT_SHADOW_HOURS = 4
DEFAULT_DEBRIEF_MINUTES = 20
DEFAULT_FOLLOW_UP_DAYS = 5
# a letter's minutes when none are given: a request asks for a short talk; a confirmation
# restates the meeting, as long as every plan of that meeting; a shadow request asks for the debrief
LETTER_MINUTES_BY_KIND = {"confirm": DEFAULT_MINUTES, "shadow-request": DEFAULT_DEBRIEF_MINUTES}
DEFAULT_WEEKS = 4

# parameter name -> the words it takes
CHOICES: dict[str, tuple[str, ...]] = {
    "kind": KINDS,
    "mode": MODES,
    "meeting-format": MEETING_FORMATS,
    "paper": PAPERS,
    "channel": CHANNELS,
    "letter-kind": LETTER_KINDS,
    "linkedin": LINKEDIN_ACCOUNTS,
    "log-kind": LOG_KINDS,
    "log-channel": LOG_CHANNELS,
    "format": DOCUMENT_FORMATS,
    "export-format": EXPORT_FORMATS,
}

# parameter name -> (lowest, highest, what it counts, an example of a sensible value)
RANGES: dict[str, tuple[int, int, str, str]] = {
    "minutes": (10, 120, "minutes of a meeting", "30"),
    "letter minutes": (5, 120, "minutes you ask for", "20"),
    "hours": (1, 40, "hours of shadowing", "4 (a working week is 40)"),
    "debrief minutes": (10, 120, "minutes to talk after a shadow", "20"),
    "weeks": (2, 12, "weeks of an assignment", "4"),
    "follow-up days": (1, 30, "business days to wait before following up", "5"),
    "due days": (1, 366, "days of steps to list", "7"),
    "jobs": (1, 64, "worker processes", "2"),
    "heading level": (1, 6, "heading level", "2"),
    "heading offset": (0, 5, "levels to demote headings", "1"),
    "limit": (1, 1000, "results to list", "15"),
    "seed": (0, 2**63 - 1, "a number that varies the choice", "7"),
}

_SEPARATORS = re.compile(r"[\s_\-‐-―]+")


def choice_key(text: str) -> str:
    """How a typed choice compares: case, spaces, underscores and dashes do not matter."""
    return _SEPARATORS.sub("-", text.strip().casefold()).strip("-")


def normalize_choice(
    parameter: str, text: str, choices: Iterable[str] | None = None, *, what: str | None = None
) -> str:
    """The choice ``text`` means, from ``choices`` (default: the vocabulary's for
    ``parameter``): ``High School``, ``high_school`` and ``HIGH-SCHOOL`` all give
    ``high-school``. An unknown word raises `UnknownNameError` naming the closest ones."""
    known = tuple(CHOICES[parameter] if choices is None else choices)
    wanted = choice_key(text)
    for choice in known:
        if choice_key(choice) == wanted:
            return choice
    raise UnknownNameError(what or parameter.replace("-", " "), text, known, parameter=parameter)
