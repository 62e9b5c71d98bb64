"""Validate parsed bank files into model objects, collecting every problem.

The pieces live by job: `schema_fields` (the keys, and the JSON Schema), `schema_problems`
(pydantic errors as located problems), `taxonomy_file` (the taxonomy) and this module (banks).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..errors import BankError, Problem, closest
from ..files.yamlfile import YamlDocument
from ..model import ANY_FIELD, MODES, Bank, Item, Taxonomy
from .schema_fields import MAX_ITEMS, BankHeader, ItemFields, bank_json_schema, ids_of
from .schema_problems import describe, problems_from
from .taxonomy_file import parse_taxonomy

__all__ = ["bank_json_schema", "parse_bank", "parse_taxonomy"]


def parse_bank(doc: YamlDocument, taxonomy: Taxonomy) -> Bank:
    """Validate a bank file against the taxonomy; raise `BankError` listing every problem."""
    if not isinstance(doc.data, dict):
        raise BankError(
            doc.source,
            [
                Problem(
                    f"expected a bank (a mapping with bank, title and items) but found "
                    f"{describe(doc.data)}",
                    doc.locate(()),
                    hint="see docs/bank-format.md for the layout of a bank file",
                )
            ],
        )
    try:
        header = BankHeader.model_validate(doc.data)
    except ValidationError as error:
        raise BankError(
            doc.source, problems_from(error, doc.data, doc, (), BankHeader.model_fields)
        ) from None
    if len(header.items) > MAX_ITEMS:
        raise BankError(
            doc.source,
            [
                Problem(
                    f"{len(header.items):,} items, over the limit of {MAX_ITEMS:,} per file",
                    doc.locate(("items",)),
                    hint="split it into several bank files",
                )
            ],
        )
    defaults = header.defaults.model_dump(exclude_none=True)
    default_fields = defaults.pop("fields", None)
    if default_fields is None:
        default_fields = [header.bank] if header.bank in taxonomy.field_ids else [ANY_FIELD]
    problems: list[Problem] = []
    vocabulary = _vocabulary(taxonomy)
    modes_of_theme = {theme.id: theme.modes for theme in taxonomy.themes}
    problems += _check_vocabulary(
        defaults | {"fields": default_fields}, taxonomy, doc, ("defaults",), vocabulary
    )
    items: list[Item] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(header.items):
        path: tuple[str | int, ...] = ("items", index)
        if not isinstance(raw, dict):
            problems.append(
                Problem(
                    f"expected an item (a mapping with id, text and theme) "
                    f"but found {describe(raw)}",
                    doc.locate(path),
                )
            )
            continue
        merged = {**defaults, **raw}
        merged.setdefault("fields", default_fields)
        problems += _check_vocabulary(raw, taxonomy, doc, path, vocabulary)
        try:
            fields = ItemFields.model_validate(merged)
        except ValidationError as error:
            problems += problems_from(error, merged, doc, path, ItemFields.model_fields)
            continue
        if fields.id in seen:
            problems.append(
                Problem(
                    f"id {fields.id!r} is used twice in this bank (first at line "
                    f"{doc.locate(('items', seen[fields.id])).line})",
                    doc.locate((*path, "id")),
                    key=f"items.{index}.id",
                    hint="every id is unique; give this item a new one",
                )
            )
            continue
        seen[fields.id] = index
        if fields.not_for:
            problems += _not_for_problems(
                fields.fields or [ANY_FIELD], fields.not_for, taxonomy, doc, path
            )
        theme_modes = modes_of_theme.get(fields.theme, MODES)
        modes = tuple(
            fields.modes or (["shadow"] if "interview" not in theme_modes else ["interview"])
        )
        items.append(
            Item(
                id=fields.id,
                text=fields.text,
                theme=fields.theme,
                kind=fields.kind,
                fields=tuple(fields.fields or (ANY_FIELD,)),
                stages=tuple(fields.stages or ()),
                seniority=tuple(fields.seniority or ()),
                modes=modes,
                minutes=fields.minutes,
                priority=fields.priority,
                follow_ups=tuple(fields.follow_ups),
                why=fields.why,
                tags=tuple(fields.tags),
                topic=fields.topic,
                not_for=tuple(fields.not_for),
                replaces=fields.replaces,
                lint_ignore=dict(fields.lint_ignore),
                review_by=fields.review_by,
                bank=header.bank,
                location=doc.locate(path),
            )
        )
    if problems:
        raise BankError(doc.source, problems)
    return Bank(
        id=header.bank,
        title=header.title,
        items=tuple(items),
        version=str(header.version),
        language=header.language,
        description=header.description,
        source=doc.source,
    )


def _vocabulary(taxonomy: Taxonomy) -> dict[str, tuple[str, tuple[str, ...], frozenset[str]]]:
    """Each checked key: what its values are called, the known ids in order, and as a set."""
    named = {
        "theme": ("theme", ids_of(taxonomy.themes)),
        "stages": ("stage", ids_of(taxonomy.stages)),
        "seniority": ("seniority", ids_of(taxonomy.seniority)),
        "fields": ("field", sorted(taxonomy.field_ids)),
    }
    return {key: (what, tuple(ids), frozenset(ids)) for key, (what, ids) in named.items()}


Vocabulary = dict[str, tuple[str, tuple[str, ...], frozenset[str]]]


def _check_vocabulary(
    raw: dict[str, Any],
    taxonomy: Taxonomy,
    doc: YamlDocument,
    path: tuple[str | int, ...],
    vocabulary: Vocabulary,
) -> list[Problem]:
    problems = []
    for key, (what, known, known_set) in vocabulary.items():
        value = raw.get(key)
        if not isinstance(value, str | list):
            continue  # missing, or of a wrong type the schema reports
        values = [value] if isinstance(value, str) else value
        for position, name in enumerate(values):
            if not isinstance(name, str) or name in known_set:
                continue
            where = (*path, key) if isinstance(value, str) else (*path, key, position)
            near = closest(name, known)
            hint = (
                f"did you mean {near[0]!r}?"
                if near
                else f"expected one of {', '.join(known)}"
                if len(known) <= 12
                else "see `interview-prep fields` for the known ids"
            )
            problems.append(
                Problem(
                    f"unknown {what} {name!r}",
                    doc.locate(where),
                    key=".".join(str(p) for p in where),
                    hint=hint,
                )
            )
    theme = raw.get("theme")
    modes = raw.get("modes")
    if isinstance(theme, str) and theme in vocabulary["theme"][2] and isinstance(modes, list):
        allowed = taxonomy.theme(theme).modes
        for mode in modes:
            if mode in MODES and mode not in allowed:
                problems.append(
                    Problem(
                        f"theme {theme!r} is for {' and '.join(allowed)} only, not {mode!r}",
                        doc.locate((*path, "modes")),
                        key="modes",
                    )
                )
    return problems


def _not_for_problems(
    fields: list[str],
    not_for: list[str],
    taxonomy: Taxonomy,
    doc: YamlDocument,
    path: tuple[str | int, ...],
) -> list[Problem]:
    """`not_for` narrows a cluster- or sub-cluster-wide item: each id must be one it reaches."""
    broad = [name for name in fields if taxonomy.reach(name)]
    if not broad:
        return [
            Problem(
                "this key is only for items whose fields name a cluster or sub-cluster",
                doc.locate((*path, "not_for")),
                key="not_for",
                hint="remove not_for, or list in fields only the occupations the item fits",
            )
        ]
    reached = frozenset().union(*(taxonomy.reach(name) for name in broad))
    problems = []
    for position, name in enumerate(not_for):
        if name in reached:
            continue
        near = closest(name, sorted(reached))
        hint = (
            f"did you mean {near[0]!r}?"
            if near
            else f"name an occupation or sub-cluster inside {', '.join(broad)}"
        )
        problems.append(
            Problem(
                f"{name!r} is not among the jobs the item's fields ({', '.join(fields)}) reach",
                doc.locate((*path, "not_for", position)),
                key="not_for",
                hint=hint,
            )
        )
    return problems
