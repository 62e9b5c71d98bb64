"""Lint rules over whole banks: coverage of themes, stages and occupations, length, twins."""

from __future__ import annotations

import difflib
import statistics
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet

from ..errors import Location
from ..model import ANY_FIELD, Bank, Item, Taxonomy
from ..planning.similar import (
    candidate_pairs,
    gist,
    gist_similarity,
    near_duplicate,
    order_matcher,
    words,
)
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
    """Questions that could share a plan and say nearly the same thing; each pair is
    reported once, on the later item among those being linted (``linted`` ids).

    Two items could share a plan when a field of one contains, or is, a field of the other
    (a cluster contains its sub-clusters and occupations; `any` contains everything). Only
    candidate pairs from `candidate_pairs` are compared, so thousands of items lint quickly.
    """
    questions = [i for i in items if i.kind == "question"]
    gists = [gist(i.text) for i in questions]
    lines = _lines(taxonomy)
    matchers: dict[int, difflib.SequenceMatcher[str]] = {}
    for a, b in candidate_pairs(gists):
        first, second = questions[a], questions[b]
        if second.id not in linted:
            first, second = second, first
        if second.id not in linted:
            continue
        if b not in matchers:  # pairs come grouped by their later question
            matchers = {b: order_matcher(gists[b])}
        if not near_duplicate(gists[a], gists[b], matchers[b]):
            continue
        if _could_meet(first, second, lines):
            score = gist_similarity(gists[a], gists[b])
            where = first.location
            at = f" ({where.file}:{where.line})" if where else ""
            yield finding(
                "near-duplicate",
                f"{score:.0%} alike {first.id}{at}: {first.text} / {second.text}",
                second,
            )


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
