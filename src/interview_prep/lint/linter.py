"""The bank linter: rules that keep questions open, personal, short and distinct."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from .._compat import Traversable
from ..catalog.reading import builtin_taxonomy, read_bank_file
from ..catalog.sources import builtin_name, builtin_root, yaml_files_in
from ..errors import BankError, Location
from ..model import Bank, Item, Taxonomy
from ..planning.similar import words
from .fit import child_labor_findings, fit_findings, theme_findings, why_findings
from .rules import (
    MAX_GRADE_HIGH_SCHOOL,
    MAX_WORDS,
    MAX_WORDS_WRITTEN,
    RULES,
    Finding,
    finding,
)
from .spelling import british_spellings
from .whole_banks import cluster_coverage, median_length, near_duplicates, occupation_coverage
from .wording import AUXILIARIES, dated_terms, second_ask

CLOSED_OPENERS = AUXILIARIES | frozenset(
    [
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
        from ..values import counted

        return (
            f"{counted(len(self.banks), 'bank')}, {counted(items, 'item')}: "
            f"{counted(len(self.errors), 'error')}, {counted(len(self.warnings), 'warning')}, "
            f"{len(self.silenced):,} silenced"
        )


@lru_cache(maxsize=4096)
def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade of a sentence, from the textstat library."""
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


def _item_findings(item: Item, this_month: str) -> Iterator[Finding]:
    yield from _dating(item, this_month)
    yield from _spelling(item)
    if item.kind != "question":
        count = len(words(item.text))
        if count > MAX_WORDS_WRITTEN:
            yield finding("too-long", f"{count} words", item)
        return
    for label, text in [("text", item.text), *(("follow-up", f) for f in item.follow_ups)]:
        said = words(text)
        if said and said[0] in CLOSED_OPENERS:
            yield finding("closed-question", f"{label} opens with {said[0]!r}: {text}", item)
        if not text.rstrip().endswith("?"):
            yield finding("question-mark", f"{label} does not end with '?': {text}", item)
        if len(said) > MAX_WORDS:
            yield finding("too-long", f"{label} has {len(said)} words: {text}", item)
        second = second_ask(text)
        if second:
            yield finding("double-question", f"{label} asks again at {second!r}: {text}", item)
    if not item.why:
        yield finding("missing-why", "no `why`", item)
    if WEBSITE_FACTS.search(item.text):
        yield finding("website-answerable", f"reads like a fact lookup: {item.text}", item)
    if not PERSONAL.search(item.text):
        yield finding("impersonal", f"asks about no one in particular: {item.text}", item)
    if "high-school" in item.stages:
        grade = reading_grade(item.text)
        if grade > MAX_GRADE_HIGH_SCHOOL:
            yield finding("reading-level", f"reading grade {grade:.1f}: {item.text}", item)


def _said(item: Item) -> list[str]:
    return [item.text, *item.follow_ups, *([item.why] if item.why else [])]


def _spelling(item: Item) -> Iterator[Finding]:
    found = dict(pair for text in _said(item) for pair in british_spellings(text))
    if found:
        shown = ", ".join(f"{british} -> {american}" for british, american in found.items())
        yield finding("british-spelling", shown, item)


def _dating(item: Item, this_month: str) -> Iterator[Finding]:
    if item.review_by is not None:
        if item.review_by < this_month:
            yield finding("review-due", f"review_by {item.review_by} has passed", item)
        return
    terms = list(dict.fromkeys(t for text in _said(item) for t in dated_terms(text)))
    if terms:
        yield finding("dated-reference", "will date: " + ", ".join(terms), item)


def lint_banks(
    banks: Sequence[Bank],
    taxonomy: Taxonomy,
    context: Sequence[Bank] = (),
    *,
    occupations: bool = False,
    today: date | None = None,
) -> LintReport:
    """Apply every rule to ``banks``; ``context`` banks are compared against for duplicates.

    With ``occupations``, every occupation of the taxonomy must have questions of its own
    in ``banks`` and ``context`` together (the built-in banks are held to this).
    """
    this_month = (today or date.today()).strftime("%Y-%m")
    findings: list[Finding] = []
    core = frozenset(theme.id for theme in taxonomy.core_themes)
    for bank in banks:
        for item in bank.items:
            findings.extend(_item_findings(item, this_month))
            findings.extend(why_findings(item))
            findings.extend(fit_findings(item, taxonomy))
            findings.extend(theme_findings(item, core))
            findings.extend(child_labor_findings(item))
        findings.extend(cluster_coverage(bank, taxonomy))
        findings.extend(median_length(bank))
    linted = {item.id for bank in banks for item in bank.items}
    everything = [i for b in (*banks, *context) for i in b.items]
    findings.extend(near_duplicates(everything, taxonomy, linted))
    if occupations:
        findings.extend(occupation_coverage(everything, taxonomy))
    return _silence(findings, {i.id: i for b in banks for i in b.items}, banks)


def _silence(
    findings: Iterable[Finding], items: dict[str, Item], banks: Sequence[Bank]
) -> LintReport:
    kept: list[Finding] = []
    silenced: list[tuple[Finding, str]] = []
    for found in findings:
        item = items.get(found.item_id or "")
        reason = item.lint_ignore.get(found.rule) if item else None
        if reason:
            silenced.append((found, reason))
        else:
            kept.append(found)
    return LintReport(tuple(kept), tuple(silenced), tuple(banks))


def lint_paths(paths: Sequence[str | Path] = ()) -> LintReport:
    """Lint bank files or folders, or the built-in banks when no path is given."""
    taxonomy = builtin_taxonomy()
    files: list[tuple[Traversable | Path, str]] = []
    if paths:
        for path in map(Path, paths):
            found = list(yaml_files_in(path)) if path.is_dir() else [path]
            files.extend((p, str(p)) for p in found)
    else:
        files = [(e, builtin_name(e)) for e in yaml_files_in(builtin_root())]
    banks: list[Bank] = []
    findings: list[Finding] = []
    for entry, name in files:
        try:
            banks.append(read_bank_file(entry, taxonomy, name))
        except BankError as error:
            findings += [
                finding(
                    "format",
                    p.message + (f" ({p.hint})" if p.hint else ""),
                    location=p.location or Location(error.source),
                )
                for p in error.problems
            ]
    context: list[Bank] = []
    if paths:
        from ..catalog.catalog import default_catalog

        context = [b for b in default_catalog().banks if b.id not in {x.id for x in banks}]
    report = lint_banks(banks, taxonomy, context, occupations=not paths)
    return LintReport(tuple(findings) + report.findings, report.silenced, report.banks)


__all__ = ["RULES", "Finding", "LintReport", "lint_banks", "lint_paths"]
