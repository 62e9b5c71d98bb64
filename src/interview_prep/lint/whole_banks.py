"""Lint rules over whole banks: coverage of themes, stages and occupations, length, twins."""

from __future__ import annotations

import statistics
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet

from ..errors import Location
from ..model import ANY_FIELD, Bank, Item, Taxonomy
from ..planning.similar import gist, gist_similarity, near_duplicate_groups, words
from .rules import (
    MAX_MEDIAN_WORDS,
    MIN_CORE_ITEMS,
    MIN_OWN_QUESTIONS,
    MIN_POPULAR_QUESTIONS,
    MIN_POPULAR_THEMES,
    Finding,
    finding,
)


def cluster_coverage(bank: Bank, taxonomy: Taxonomy) -> Iterator[Finding]:
    """A cluster bank's own questions cover every core theme, for every stage."""
    cluster_ids = {c.id for c in taxonomy.clusters}
    if bank.id not in cluster_ids:
        return
    own = [i for i in bank.items if i.kind == "question" and bank.id in i.fields]
    where = Location(bank.source, 1)
    for theme in taxonomy.core_themes:
        count = sum(1 for i in own if i.theme == theme.id)
        if count < MIN_CORE_ITEMS:
            yield finding(
                "core-theme-coverage",
                f"{bank.id}: {count} cluster-wide questions on {theme.id!r}",
                location=where,
            )
    for stage in taxonomy.stages:
        for theme in taxonomy.core_themes:
            if not any(i.theme == theme.id and i.suits_stage(stage.id) for i in own):
                yield finding(
                    "stage-coverage",
                    f"{bank.id}: nothing on {theme.id!r} for {stage.id!r}",
                    location=where,
                )


def median_length(bank: Bank) -> Iterator[Finding]:
    """The bank's questions are short at the median, not only under the cap."""
    counts = [len(words(i.text)) for i in bank.items if i.kind == "question"]
    if counts and statistics.median(counts) > MAX_MEDIAN_WORDS:
        yield finding(
            "long-median",
            f"{bank.id}: the median question has {statistics.median(counts):g} words",
            location=Location(bank.source, 1),
        )


def occupation_coverage(items: Sequence[Item], taxonomy: Taxonomy) -> Iterator[Finding]:
    """Every occupation has questions of its own; popular ones more, across core themes."""
    core = {t.id for t in taxonomy.core_themes}
    own: dict[str, list[Item]] = {o.id: [] for o in taxonomy.occupations}
    for item in items:
        if item.kind == "question" and "interview" in item.modes:
            for field in item.fields:
                if field in own:
                    own[field].append(item)
    for occupation in taxonomy.occupations:
        questions = own[occupation.id]
        themes = {i.theme for i in questions} & core
        short = len(questions) < MIN_OWN_QUESTIONS
        if occupation.popular:
            short = len(questions) < MIN_POPULAR_QUESTIONS or len(themes) < MIN_POPULAR_THEMES
        if short:
            kind = "popular occupation" if occupation.popular else "occupation"
            yield finding(
                "occupation-coverage",
                f"{kind} {occupation.id!r} has {len(questions)} questions of its own "
                f"on {len(themes)} core themes",
                location=Location("banks/taxonomy.yaml"),
            )


def near_duplicates(
    items: Sequence[Item], taxonomy: Taxonomy, linted: AbstractSet[str]
) -> Iterator[Finding]:
    """Questions that could share a plan and say nearly the same thing, reported once per
    group of them: on the group's last item among those being linted (``linted`` ids),
    naming the others. Two alike questions are one finding; 800 are one finding too.

    Two items could share a plan when a field of one contains, or is, a field of the other
    (a cluster contains its sub-clusters and occupations; `any` contains everything). An
    item that silences the rule silences the pairs it would have been told about.
    """
    # the other banks' questions first: they are compared with linted ones, not each other
    questions = sorted((i for i in items if i.kind == "question"), key=lambda i: i.id in linted)
    gists = [gist(i.text) for i in questions]
    lines = _lines(taxonomy)
    silenced: list[Finding] = []

    def similarity_to(a: int, b: int) -> float:
        return gist_similarity(gists[a], gists[b])

    def accept(a: int, b: int) -> bool:
        first, second = questions[a], questions[b]
        if not _could_meet(first, second, lines):
            return False
        if RULE in second.lint_ignore:
            silenced.append(_finding(second, [first]))
            return False
        return True

    probes = [i.id in linted for i in questions]
    groups = near_duplicate_groups(gists, probes, accept)
    yield from silenced
    for group in groups:
        told = [i for i in group if probes[i] and RULE not in questions[i].lint_ignore]
        at = told[-1]
        others = sorted((i for i in group if i != at), key=lambda i: -similarity_to(i, at))
        yield _finding(questions[at], [questions[i] for i in others])


RULE = "near-duplicate"
SHOWN_ALIKE = 5


def _finding(item: Item, alike: Sequence[Item]) -> Finding:
    """The finding on ``item`` naming the questions ``alike`` it, the closest first."""
    closest = alike[0]
    score = gist_similarity(gist(closest.text), gist(item.text))
    named = ", ".join(_where(other) for other in alike[:SHOWN_ALIKE])
    if len(alike) > SHOWN_ALIKE:
        named += f" and {len(alike) - SHOWN_ALIKE:,} more"
    if len(alike) == 1:
        message = f"{score:.0%} alike {named}: {closest.text} / {item.text}"
    else:
        message = (
            f"{len(alike) + 1} questions say nearly the same thing ({score:.0%} alike the "
            f"closest): {named}: {closest.text} / {item.text}"
        )
    return finding(RULE, message, item)


def _where(item: Item) -> str:
    where = item.location
    return f"{item.id} ({where.file}:{where.line})" if where else item.id


def _lines(taxonomy: Taxonomy) -> dict[str, frozenset[str]]:
    """Each field id with the ids above it and itself: an occupation's sub-cluster, cluster."""
    lines: dict[str, frozenset[str]] = {ANY_FIELD: frozenset([ANY_FIELD])}
    for cluster in taxonomy.clusters:
        lines[cluster.id] = frozenset([cluster.id, ANY_FIELD])
        for sub in cluster.subclusters:
            lines[sub.id] = frozenset([sub.id, cluster.id, ANY_FIELD])
        for occ in cluster.occupations:
            above = [occ.subcluster] if occ.subcluster else []
            lines[occ.id] = frozenset([occ.id, *above, cluster.id, ANY_FIELD])
    return lines


def _could_meet(first: Item, second: Item, lines: dict[str, frozenset[str]]) -> bool:
    if not set(first.modes) & set(second.modes):
        return False
    if first.stages and second.stages and not set(first.stages) & set(second.stages):
        return False
    for a in first.fields:
        for b in second.fields:
            if a in lines.get(b, frozenset([b])) or b in lines.get(a, frozenset([a])):
                return True
    return False
