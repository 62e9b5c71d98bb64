"""The linter's rules: their ids, severities and hints, and the finding one rule makes."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Location
from ..model import Item

MAX_WORDS = 22
MAX_MEDIAN_WORDS = 15
MAX_WORDS_WRITTEN = 30
MAX_GRADE_HIGH_SCHOOL = 9.0
MIN_CORE_ITEMS = 3
MIN_OWN_QUESTIONS = 2
MIN_POPULAR_QUESTIONS = 4
MIN_POPULAR_THEMES = 3
MIN_WHY_WORDS = 8


@dataclass(frozen=True)
class Rule:
    """A lint rule: its id, how serious a finding is, and how to fix one."""

    id: str
    severity: str
    summary: str
    hint: str


RULES = {
    rule.id: rule
    for rule in (
        Rule("format", "error", "the file breaks the bank format", "fix what the message says"),
        Rule(
            "closed-question",
            "error",
            "a yes/no opener invites a one-word answer",
            "start with What, How, Which, When, Where, Who or Why",
        ),
        Rule("question-mark", "error", "a question must end with '?'", "end the sentence with '?'"),
        Rule(
            "too-long",
            "error",
            f"a question or follow-up over {MAX_WORDS} words (a written prompt over "
            f"{MAX_WORDS_WRITTEN}): too long to say aloud",
            "cut it to one clear ask; move detail into a follow-up",
        ),
        Rule(
            "long-median",
            "warning",
            f"the bank's questions run over {MAX_MEDIAN_WORDS} words at the median",
            "shorten the longest questions; examples and detail belong in follow-ups",
        ),
        Rule(
            "double-question",
            "warning",
            "two questions in one item: the person answers one and forgets the other",
            "keep one ask; make the second part a follow-up",
        ),
        Rule(
            "british-spelling",
            "warning",
            "a British spelling in an American product",
            "use the American spelling shown",
        ),
        Rule(
            "dated-reference",
            "warning",
            "a brand, event or year that will date, with no `review_by`",
            "say it without the name or year, or add `review_by: YYYY-MM` to check it again",
        ),
        Rule(
            "review-due",
            "warning",
            "the item's `review_by` month has passed",
            "check the reference still holds, then move `review_by` on or reword the item",
        ),
        Rule(
            "occupation-coverage",
            "error",
            f"an occupation needs {MIN_OWN_QUESTIONS} questions of its own; a popular one "
            f"{MIN_POPULAR_QUESTIONS} across {MIN_POPULAR_THEMES} core themes",
            "add questions whose `fields` name the occupation",
        ),
        Rule(
            "near-duplicate",
            "warning",
            "two items for the same field say nearly the same thing",
            "merge them, or make each ask about something different",
        ),
        Rule(
            "missing-why",
            "warning",
            "no `why`: authors and learners cannot see its purpose",
            "add a one-line `why:` saying what the answer reveals",
        ),
        Rule(
            "core-theme-coverage",
            "error",
            f"a cluster bank needs at least {MIN_CORE_ITEMS} questions per core theme",
            "add questions for the missing theme",
        ),
        Rule(
            "stage-coverage",
            "error",
            "a cluster bank needs questions fit for every stage",
            "add questions without `stages`, or tagged for the missing stage",
        ),
        Rule(
            "reading-level",
            "warning",
            f"above reading grade {MAX_GRADE_HIGH_SCHOOL:g} for a high-school learner",
            "use shorter words and a shorter sentence",
        ),
        Rule(
            "website-answerable",
            "warning",
            "a website answers this better than a person",
            "ask about their own experience of it instead",
        ),
        Rule(
            "why-line",
            "warning",
            f'a why line under {MIN_WHY_WORDS} words, or a formula ("Shows the route into '
            'X") that does not say what the answer tells the student',
            "say what the student learns from the answer, in a sentence of 8 words or more",
        ),
        Rule(
            "broad-fit",
            "warning",
            "a cluster- or sub-cluster-wide item uses words that fit only some of its jobs",
            "read it against every job it reaches; narrow `fields` or add `not_for` for the "
            "jobs it does not fit",
        ),
        Rule(
            "off-theme",
            "warning",
            "the question is about something other than its theme",
            "move it to the theme it asks about, or change its topic",
        ),
        Rule(
            "child-labor",
            "error",
            "suggests work that US child-labor rules bar for most workers under 18",
            "leave `high-school` out of its stages, or ask about the work without "
            "the student doing it",
        ),
        Rule(
            "impersonal",
            "warning",
            "does not ask about the person (no 'you' or 'your')",
            "ask what only this person can tell: their experience, choices, view",
        ),
    )
}


@dataclass(frozen=True)
class Finding:
    """One rule broken at one place."""

    rule: str
    severity: str
    message: str
    hint: str
    location: Location | None
    item_id: str | None = None

    def __str__(self) -> str:
        where = "?"
        if self.location:
            where = self.location.file + (f":{self.location.line}" if self.location.line else "")
        item = f" {self.item_id}:" if self.item_id else ""
        return f"{where}: {self.severity}[{self.rule}]{item} {self.message}\n    hint: {self.hint}"

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "item": self.item_id,
            "file": self.location.file if self.location else None,
            "line": self.location.line if self.location else None,
        }


def finding(
    rule_id: str, message: str, item: Item | None = None, location: Location | None = None
) -> Finding:
    rule = RULES[rule_id]
    where = location or (item.location if item else None)
    return Finding(rule.id, rule.severity, message, rule.hint, where, item.id if item else None)
