"""Validate a parsed taxonomy file into a Taxonomy, collecting every problem."""

from __future__ import annotations

from pydantic import ValidationError

from ..errors import BankError, Location, Problem, closest
from ..files.yamlfile import YamlDocument
from ..model import ANY_FIELD, Cluster, Occupation, Seniority, Stage, Subcluster, Taxonomy, Theme
from .schema_fields import TaxonomyFields
from .schema_problems import describe, problems_from


def parse_taxonomy(doc: YamlDocument) -> Taxonomy:
    """Validate a taxonomy file; raise `BankError` listing every problem."""
    if not isinstance(doc.data, dict):
        raise BankError(
            doc.source,
            [
                Problem(
                    f"expected a mapping with themes, stages, seniority and clusters but found "
                    f"{describe(doc.data)}",
                    doc.locate(()),
                )
            ],
        )
    try:
        fields = TaxonomyFields.model_validate(doc.data)
    except ValidationError as error:
        raise BankError(
            doc.source, problems_from(error, doc.data, doc, (), TaxonomyFields.model_fields)
        ) from None
    problems: list[Problem] = []
    seen: dict[str, tuple[str | int, ...]] = {}

    def claim(name: str, path: tuple[str | int, ...]) -> None:
        if name in seen:
            first = doc.locate(seen[name])
            problems.append(
                Problem(
                    f"id {name!r} is used twice (first at line {first.line})",
                    doc.locate(path),
                    key="id",
                )
            )
        else:
            seen[name] = path

    for group in ("themes", "stages", "seniority"):
        for index, entry in enumerate(getattr(fields, group)):
            claim(entry.id, (group, index, "id"))
    clusters = []
    parents: dict[str, tuple[str, tuple[str | int, ...]]] = {}
    for c_index, cluster in enumerate(fields.clusters):
        claim(cluster.id, ("clusters", c_index, "id"))
        subclusters = []
        for s_index, sub in enumerate(cluster.subclusters):
            claim(sub.id, ("clusters", c_index, "subclusters", s_index, "id"))
            subclusters.append(Subcluster(sub.id, sub.title, cluster.id, tuple(sub.aliases)))
        own_subclusters = [sub.id for sub in subclusters]
        occupations = []
        for o_index, occ in enumerate(cluster.occupations):
            path: tuple[str | int, ...] = ("clusters", c_index, "occupations", o_index)
            claim(occ.id, (*path, "id"))
            if occ.subcluster is not None and occ.subcluster not in own_subclusters:
                where = doc.locate((*path, "subcluster"))
                problems.append(
                    _foreign_subcluster(occ.subcluster, cluster.id, own_subclusters, where)
                )
            occupations.append(
                Occupation(
                    occ.id,
                    occ.title,
                    cluster.id,
                    occ.soc,
                    tuple(occ.aliases),
                    occ.subcluster,
                    occ.popular,
                    occ.parent,
                )
            )
            if occ.parent is not None:
                parents[occ.id] = (occ.parent, (*path, "parent"))
        clusters.append(
            Cluster(
                cluster.id,
                cluster.title,
                tuple(cluster.aliases),
                tuple(cluster.formerly),
                tuple(occupations),
                tuple(subclusters),
            )
        )
    occupation_ids = [occ.id for cluster in clusters for occ in cluster.occupations]
    problems += _parent_problems(parents, occupation_ids, doc)
    if ANY_FIELD in seen:
        problems.append(
            Problem(
                f"{ANY_FIELD!r} is reserved for items that suit every field",
                doc.locate(seen[ANY_FIELD]),
                key="id",
            )
        )
    if problems:
        raise BankError(doc.source, problems)
    return Taxonomy(
        themes=tuple(
            sorted(
                (Theme(t.id, t.title, t.order, t.core, tuple(t.modes)) for t in fields.themes),
                key=lambda theme: theme.order,
            )
        ),
        stages=tuple(Stage(s.id, s.title) for s in fields.stages),
        seniority=tuple(Seniority(s.id, s.title) for s in fields.seniority),
        clusters=tuple(clusters),
    )


def _foreign_subcluster(name: str, cluster: str, known: list[str], where: Location) -> Problem:
    near = closest(name, known)
    hint = (
        f"did you mean {near[0]!r}?"
        if near
        else f"use one of {', '.join(known)}"
        if known
        else f"add it under `subclusters:` of {cluster!r} first"
    )
    return Problem(f"{cluster!r} has no sub-cluster {name!r}", where, key="subcluster", hint=hint)


def _parent_problems(
    parents: dict[str, tuple[str, tuple[str | int, ...]]],
    occupation_ids: list[str],
    doc: YamlDocument,
) -> list[Problem]:
    """A parent must be another occupation, and following parents must never come back."""
    problems = []
    known = set(occupation_ids)
    reported: set[frozenset[str]] = set()
    for occupation, (parent, path) in parents.items():
        if parent not in known:
            near = closest(parent, occupation_ids)
            hint = f"did you mean {near[0]!r}?" if near else "name an occupation id as the parent"
            problems.append(
                Problem(f"unknown parent occupation {parent!r}", doc.locate(path), "parent", hint)
            )
            continue
        chain = [occupation]
        current: str | None = parent
        while current is not None and current not in chain:
            chain.append(current)
            current = parents[current][0] if current in parents else None
        circle = chain[chain.index(current) :] if current is not None else []
        if circle and frozenset(circle) not in reported:
            reported.add(frozenset(circle))
            loop = " -> ".join([*circle, circle[0]])
            problems.append(
                Problem(
                    f"parents go round in a circle: {loop}",
                    doc.locate(path),
                    key="parent",
                    hint="a specialty names its broader job; remove one of these parents",
                )
            )
    return problems
