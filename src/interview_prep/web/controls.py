"""Which controls each page shows, with their labels and hints (UI only: every check on what
is typed lives in the parameter layer). A control's ``name`` is the CLI's long option name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Control:
    """One form control: its name (also its id), label, hint and kind of input."""

    name: str
    label: str
    hint: str = ""
    kind: str = "text"  # text, job, number, date, datetime, select, radios, checkbox, list, area
    choices: str = ""  # the vocabulary name for select and radios
    required: bool = False
    autocomplete: str = "off"
    repeat: int = 1  # inputs shown for a list
    default: str = ""
    empty: str = "Not sure"  # the first option of a select, meaning "not given"


JOB = Control(
    "field",
    "Job or career area",
    "Type it the way you would say it, like nurse, electrician or Health Science.",
    "job",
    required=True,
)
STAGE = Control("stage", "Where you are now", "", "radios", "stage", required=True)
MINUTES = Control(
    "minutes", "Minutes you have", "From 10 to 120; 30 is common.", "number", default="30"
)
MODE = Control("mode", "Kind of meeting", "", "radios", "mode", default="interview")
SENIORITY = Control(
    "seniority",
    "How far along the person is in their career",
    "If you know.",
    "select",
    "seniority",
)
CONTACT = Control("contact", "Their name", "The person you will meet.", autocomplete="off")
TITLE = Control("title", "Their job title")
ORG = Control("org", "Their organization", "A company, hospital, school or agency.")
WHEN = Control("when", "Date and time", "For example 2026-03-14 15:30.", "datetime")
WHERE = Control("where", "Place", "An address, or phone or video.")
FORMAT = Control("meeting-format", "How you will meet", "", "radios", "meeting-format")
SCHOOL = Control(
    "school",
    "School or program name (optional)",
    "Printed at the top of the page.",
    autocomplete="organization",
)
PAPER = Control("paper", "Paper size", "", "radios", "paper", default="letter")


def heading(name: str, text: str, hint: str = "") -> Control:
    """A section heading between controls (not an input)."""
    return Control(f"section-{name}", text, hint, "heading")


ABOUT_YOU = heading("you", "The job and you")
MEETING = (
    heading(
        "meeting",
        "The meeting (optional)",
        "Printed on the sheet. Leave any of it empty to write it in by hand.",
    ),
    CONTACT,
    TITLE,
    ORG,
    WHEN,
    WHERE,
    FORMAT,
)

# the kinds' page titles and summaries, said for a student
DOCUMENT_TITLES = {
    "prep-sheet": "Make a prep sheet",
    "script": "Make an interview script",
    "shadow-plan": "Plan a job shadow",
    "reflection": "Make a reflection sheet",
    "compare": "Compare several conversations",
    "handout": "Make a class assignment handout",
    "timeline": "Make a timeline",
    "family-guide": "Make a guide for families",
}
DOCUMENT_SUMMARIES = {
    "prep-sheet": "Meeting details, homework, the questions with room for notes, and what to "
    "do after.",
    "script": "The questions in order with the minute each should be done by, to hold during "
    "the meeting.",
    "shadow-plan": "What to arrange, what to watch through the day, and the talk afterwards.",
    "reflection": "A sheet to fill in the same day as the meeting.",
    "compare": "The same questions side by side for two to five people.",
    "handout": "For teachers: the idea, the steps with due dates, and a rubric.",
    "timeline": "The dated steps from your request to your thank-you, also as a calendar file.",
    "family-guide": "For parents and families: finding people for the student to ask, what to "
    "ask, and what comes after.",
}

DOCUMENT_CONTROLS: dict[str, tuple[Control, ...]] = {
    "prep-sheet": (ABOUT_YOU, JOB, STAGE, MINUTES, MODE, SENIORITY, *MEETING),
    "script": (ABOUT_YOU, JOB, STAGE, MINUTES, MODE, SENIORITY, *MEETING),
    "shadow-plan": (
        ABOUT_YOU,
        JOB,
        STAGE,
        Control(
            "hours",
            "Hours of shadowing",
            "From 1 to 40; a few hours is common.",
            "number",
            default="4",
        ),
        Control(
            "debrief-minutes",
            "Minutes to talk it over afterwards",
            "From 10 to 120.",
            "number",
            default="20",
        ),
        SENIORITY,
        *MEETING,
    ),
    "reflection": (ABOUT_YOU, JOB, STAGE, *MEETING),
    "compare": (
        JOB,
        STAGE,
        MINUTES,
        Control(
            "contact",
            "The people you talked with",
            "Two to five names.",
            "list",
            required=True,
            repeat=5,
        ),
    ),
    "handout": (
        Control(
            "start", "First day of the assignment", "For example 2026-03-02.", "date", required=True
        ),
        Control("weeks", "Weeks", "From 2 to 12.", "number", default="4"),
        Control("course", "Course or class name"),
        Control("teacher", "Teacher or counselor"),
        Control("shadow", "Include a job shadow", "", "checkbox"),
    ),
    "timeline": (
        Control(
            "request-date",
            "When you send (or sent) your request",
            "For example 2026-03-02.",
            "date",
        ),
        Control("meeting", "When you meet", "For example 2026-03-14 15:30.", "datetime"),
        MINUTES,
        CONTACT,
        Control(
            "follow-up-after",
            "Business days to wait for a reply",
            "From 1 to 30.",
            "number",
            default="5",
        ),
        Control("replied", "They already said yes", "", "checkbox"),
    ),
    "family-guide": (
        heading("student", "The student"),
        Control("student", "Their first name (optional)", "The guide speaks of them by name."),
        Control(
            "field",
            "A job they are curious about (optional)",
            "For the questions to ask, like nurse or electrician.",
            "job",
        ),
        Control("stage", "Where they are now", "", "radios", "stage", default="high-school"),
    ),
}

LETTER_TITLES = {
    "request": "Ask for a meeting",
    "follow-up": "Follow up when there is no reply",
    "confirm": "Confirm the meeting",
    "thank-you": "Say thank you",
    "keep-in-touch": "Keep in touch",
    "shadow-request": "Ask to shadow someone",
}

SENDER = (
    Control("channel", "How you will send it", "", "radios", "channel", default="email"),
    heading("sender", "About you"),
    Control("from", "Your name", "", autocomplete="name"),
    Control("from-school", "Your school or program", "", autocomplete="organization"),
    Control("from-email", "Your email address", "", "text", autocomplete="email"),
    Control("from-phone", "Your phone number", "", "text", autocomplete="tel"),
)
RECIPIENT = (
    heading("recipient", "About them"),
    Control("to", "Their name"),
    TITLE,
    ORG,
    Control("field", "The job or career area you are exploring", "", "job"),
    Control("stage", "Where you are now", "", "radios", "stage"),
)
ASK = (
    heading("ask", "How you found them (optional)"),
    Control("referral", "Who suggested you write (optional)"),
    Control("how-found", "How you found them", "For example: on the hospital's staff page."),
    Control("availability", "When you are free", "For example: most afternoons after 3."),
    Control(
        "may-use-name", "The person who suggested you write said you may name them", "", "checkbox"
    ),
)
LINKEDIN = Control(
    "linkedin",
    "LinkedIn account",
    "A free account's note holds 200 characters, premium 300.",
    "radios",
    "linkedin",
    default="free",
)
LETTER_MINUTES = Control("minutes", "Minutes you ask for", "From 5 to 120.", "number", default="20")

DETAILS = heading("details", "The details")

LETTER_CONTROLS: dict[str, tuple[Control, ...]] = {
    "request": (
        *SENDER,
        *RECIPIENT,
        *ASK,
        DETAILS,
        LETTER_MINUTES,
        FORMAT,
        Control("follow-up-date", "When you will follow up if there is no reply", "", "date"),
        LINKEDIN,
    ),
    "follow-up": (
        *SENDER,
        *RECIPIENT,
        DETAILS,
        Control("request-date", "When you sent the request", "", "date"),
        LETTER_MINUTES,
        LINKEDIN,
    ),
    "confirm": (*SENDER, *RECIPIENT, DETAILS, WHEN, WHERE, FORMAT, LINKEDIN),
    "thank-you": (
        *SENDER,
        *RECIPIENT,
        DETAILS,
        WHEN,
        Control("learned", "One thing you learned", "", "area"),
        Control("referred", "People they suggested you talk to", "", "list", repeat=3),
        LINKEDIN,
    ),
    "keep-in-touch": (
        *SENDER,
        *RECIPIENT,
        DETAILS,
        WHEN,
        Control("news", "Your news", "", "area"),
        LINKEDIN,
    ),
    "shadow-request": (
        *SENDER,
        *RECIPIENT,
        *ASK,
        DETAILS,
        Control("hours", "Hours you ask to shadow", "From 1 to 40.", "number"),
        LINKEDIN,
    ),
}

DOCUMENT_FORMATS = ("pdf", "docx", "md")
LETTER_FORMATS = ("pdf", "docx", "md", "txt")
FORMAT_LABELS = {
    "pdf": "PDF (to print or fill in)",
    "docx": "Word",
    "md": "Markdown",
    "txt": "Plain text",
    "ics": "Calendar (.ics)",
    "html": "Web page",
}
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "zip": "application/zip",
    "imscc": "application/zip",
}


def document_kinds() -> tuple[str, ...]:
    """Every kind of document the parameter layer builds: a new kind gets a page the day it
    lands (with the generic controls until it has its own)."""
    from ..params import DOCUMENT_KINDS

    return tuple(DOCUMENT_KINDS)


def document_title(kind: str) -> str:
    return DOCUMENT_TITLES.get(kind) or f"Make a {kind.replace('-', ' ')}"


def document_summary(kind: str) -> str:
    from ..params import DOCUMENT_KINDS

    return DOCUMENT_SUMMARIES.get(kind) or DOCUMENT_KINDS[kind].summary


def document_controls(kind: str) -> tuple[Control, ...]:
    return DOCUMENT_CONTROLS.get(kind) or (ABOUT_YOU, JOB, STAGE, MINUTES, *MEETING)


def formats_for(kind: str) -> Sequence[str]:
    """The download formats a document page offers: the kind's own, PDF first."""
    from ..params import DOCUMENT_KINDS

    offered = DOCUMENT_KINDS[kind].formats
    ordered = dict.fromkeys((*DOCUMENT_FORMATS, *offered))
    return tuple(f for f in ordered if f in offered and f != "html")
