"""The bank linter: rules that keep questions open, personal, short and distinct."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from ._compat import Traversable
from .catalog import builtin_name, builtin_root, builtin_taxonomy, read_bank_file, yaml_files_in
from .errors import BankError, Location
from .model import ANY_FIELD, Bank, Item, Taxonomy
from .similar import NEAR_DUPLICATE, similarity, words

MAX_WORDS = 30
MAX_GRADE_HIGH_SCHOOL = 9.0
MIN_CORE_ITEMS = 3

CLOSED_OPENERS = frozenset(
    [
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "am",
        "can",
        "could",
        "would",
        "will",
        "should",
        "shall",
        "have",
        "has",
        "had",
        "may",
        "might",
        "must",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "can't",
        "couldn't",
        "wouldn't",
        "won't",
        "shouldn't",
        "haven't",
        "hasn't",
    ]
)
# words that point the question at this person, their workplace, or the day just seen
PERSONAL = re.compile(r"\b(you|your|yours|yourself|i|me|my|we|our|us|here|today)\b|you['’]", re.I)
WEBSITE_FACTS = re.compile(
    r"\b(salary|salaries|how much (do|does|will) .{0,30}\b(make|earn|pay)|starting pay|"
    r"what does an? [\w -]+ do|what (degree|qualifications?) (is|are) (required|needed)|"
    r"how many (jobs|openings|people work)|job outlook|median (pay|wage))\b",
    re.I,
)


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
            f"longer than {MAX_WORDS} words: too long to say aloud",
            "cut it to one clear ask; move detail into a follow-up",
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


@dataclass(frozen=True)
class LintReport:
    """Every finding of a lint run, with the silenced ones kept apart."""

    findings: tuple[Finding, ...]
    silenced: tuple[tuple[Finding, str], ...]
    banks: tuple[Bank, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    def ok(self, *, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)

    def summary(self) -> str:
        items = sum(len(b.items) for b in self.banks)
        return (
            f"{len(self.banks)} banks, {items} items: {len(self.errors)} errors, "
            f"{len(self.warnings)} warnings, {len(self.silenced)} silenced"
        )


def _finding(
    rule_id: str, message: str, item: Item | None = None, location: Location | None = None
) -> Finding:
    rule = RULES[rule_id]
    where = location or (item.location if item else None)
    return Finding(rule.id, rule.severity, message, rule.hint, where, item.id if item else None)


@lru_cache(maxsize=4096)
def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade of a sentence, from the textstat library."""
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


def _item_findings(item: Item) -> Iterator[Finding]:
    if item.kind != "question":
        count = len(words(item.text))
        if count > MAX_WORDS:
            yield _finding("too-long", f"{count} words", item)
        return
    for label, text in [("text", item.text), *(("follow-up", f) for f in item.follow_ups)]:
        said = words(text)
        if said and said[0] in CLOSED_OPENERS:
            yield _finding("closed-question", f"{label} opens with {said[0]!r}: {text}", item)
        if not text.rstrip().endswith("?"):
            yield _finding("question-mark", f"{label} does not end with '?': {text}", item)
        if len(said) > MAX_WORDS:
            yield _finding("too-long", f"{label} has {len(said)} words", item)
    if not item.why:
        yield _finding("missing-why", "no `why`", item)
    if WEBSITE_FACTS.search(item.text):
        yield _finding("website-answerable", f"reads like a fact lookup: {item.text}", item)
    if not PERSONAL.search(item.text):
        yield _finding("impersonal", f"asks about no one in particular: {item.text}", item)
    if "high-school" in item.stages:
        grade = reading_grade(item.text)
        if grade > MAX_GRADE_HIGH_SCHOOL:
            yield _finding("reading-level", f"reading grade {grade:.1f}: {item.text}", item)


def _pairs(items: Sequence[Item]) -> Iterator[tuple[Item, Item]]:
    """Pairs of questions asked in the same field; an item for any field is asked in all."""
    by_field: dict[str, list[Item]] = {}
    for item in items:
        if item.kind == "question":
            for field in item.fields:
                by_field.setdefault(field, []).append(item)
    everywhere = by_field.pop(ANY_FIELD, [])
    yield from combinations(everywhere, 2)
    for group in by_field.values():
        yield from combinations(group, 2)
        yield from ((first, second) for first in everywhere for second in group)


def _duplicates(items: Sequence[Item]) -> Iterator[Finding]:
    reported: set[tuple[str, str]] = set()
    for first, second in _pairs(items):
        pair = (first.id, second.id)
        if pair in reported or not set(first.modes) & set(second.modes):
            continue
        if first.stages and second.stages and not set(first.stages) & set(second.stages):
            continue
        score = similarity(first.text, second.text)
        if score >= NEAR_DUPLICATE:
            reported.add(pair)
            where = first.location
            at = f" ({where.file}:{where.line})" if where else ""
            yield _finding(
                "near-duplicate",
                f"{score:.0%} alike {first.id}{at}: {first.text} / {second.text}",
                second,
            )


def _coverage(bank: Bank, taxonomy: Taxonomy) -> Iterator[Finding]:
    cluster_ids = {c.id for c in taxonomy.clusters}
    if bank.id not in cluster_ids:
        return
    own = [i for i in bank.items if i.kind == "question" and bank.id in i.fields]
    where = Location(bank.source, 1)
    for theme in taxonomy.core_themes:
        count = sum(1 for i in own if i.theme == theme.id)
        if count < MIN_CORE_ITEMS:
            yield _finding(
                "core-theme-coverage",
                f"{bank.id}: {count} cluster-wide questions on {theme.id!r}",
                location=where,
            )
    for stage in taxonomy.stages:
        for theme in taxonomy.core_themes:
            if not any(i.theme == theme.id and i.suits_stage(stage.id) for i in own):
                yield _finding(
                    "stage-coverage",
                    f"{bank.id}: nothing on {theme.id!r} for {stage.id!r}",
                    location=where,
                )


def lint_banks(
    banks: Sequence[Bank], taxonomy: Taxonomy, context: Sequence[Bank] = ()
) -> LintReport:
    """Apply every rule to ``banks``; ``context`` banks are compared against for duplicates."""
    findings: list[Finding] = []
    for bank in banks:
        for item in bank.items:
            findings.extend(_item_findings(item))
        findings.extend(_coverage(bank, taxonomy))
    linted = {item.id for bank in banks for item in bank.items}
    everything = [i for b in (*banks, *context) for i in b.items]
    findings.extend(f for f in _duplicates(everything) if f.item_id in linted)
    return _silence(findings, {i.id: i for b in banks for i in b.items}, banks)


def _silence(
    findings: Iterable[Finding], items: dict[str, Item], banks: Sequence[Bank]
) -> LintReport:
    kept: list[Finding] = []
    silenced: list[tuple[Finding, str]] = []
    for finding in findings:
        item = items.get(finding.item_id or "")
        reason = item.lint_ignore.get(finding.rule) if item else None
        if reason:
            silenced.append((finding, reason))
        else:
            kept.append(finding)
    return LintReport(tuple(kept), tuple(silenced), tuple(banks))


def lint_paths(paths: Sequence[str | Path] = ()) -> LintReport:
    """Lint bank files or folders, or the built-in banks when no path is given."""
    taxonomy = builtin_taxonomy()
    files: list[tuple[Traversable | Path, str]] = []
    if paths:
        for path in map(Path, paths):
            found = sorted(path.rglob("*.y*ml")) if path.is_dir() else [path]
            files.extend((p, str(p)) for p in found if p.name != "taxonomy.yaml")
    else:
        files = [(e, builtin_name(e)) for e in yaml_files_in(builtin_root())]
    banks: list[Bank] = []
    findings: list[Finding] = []
    for entry, name in files:
        try:
            banks.append(read_bank_file(entry, taxonomy, name))
        except BankError as error:
            findings += [
                _finding(
                    "format",
                    p.message + (f" ({p.hint})" if p.hint else ""),
                    location=p.location or Location(error.source),
                )
                for p in error.problems
            ]
    context: list[Bank] = []
    if paths:
        from .catalog import default_catalog

        context = [b for b in default_catalog().banks if b.id not in {x.id for x in banks}]
    report = lint_banks(banks, taxonomy, context)
    return LintReport(tuple(findings) + report.findings, report.silenced, report.banks)


__all__ = ["RULES", "Finding", "LintReport", "lint_banks", "lint_paths"]
