"""Validate parsed taxonomy and bank files into model objects, collecting every problem."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from ..errors import BankError, Location, Problem, closest
from ..files.yamlfile import YamlDocument
from ..model import (
    ANY_FIELD,
    MODES,
    Bank,
    Cluster,
    Item,
    Occupation,
    Seniority,
    Stage,
    Subcluster,
    Taxonomy,
    Theme,
)

KebabId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
YearMonth = Annotated[str, StringConstraints(pattern=r"^20\d{2}-(0[1-9]|1[0-2])$")]
MAX_ITEMS = 5_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ItemFields(_Strict):
    """Every key an item may have; ``defaults`` in a bank may set any of them but id and text."""

    id: KebabId = Field(description="Unique across all banks, kebab-case, never reused.")
    text: Text = Field(description="One open, personal question of at most 22 words.")
    theme: KebabId = Field(description="A theme id from the taxonomy.")
    kind: Literal["question", "observation", "research"] = Field(
        "question", description="question, observation (shadow) or research (homework)."
    )
    fields: list[KebabId] | None = Field(
        None, description="Cluster, sub-cluster or occupation ids; `any` for every field."
    )
    stages: list[KebabId] | None = Field(None, description="Learner stages; omit for all.")
    seniority: list[KebabId] | None = Field(
        None, description="Seniority of the person met; omit for any."
    )
    modes: list[Literal["interview", "shadow"]] | None = Field(
        None, description="Meeting kinds; default [interview]."
    )
    minutes: Annotated[int, Field(ge=1, le=10)] = Field(
        3, description="Minutes for the question with its answer."
    )
    priority: Annotated[int, Field(ge=1, le=3)] = Field(
        2, description="1 must ask, 2 standard, 3 if time allows."
    )
    follow_ups: list[Text] = Field([], description="Probes for a short answer.")
    why: Text | None = Field(None, description="One line: what the answer reveals.")
    tags: list[KebabId] = Field([], description="Free labels, e.g. morning, motivation.")
    replaces: bool = Field(False, description="True to replace a loaded item with this id.")
    lint_ignore: dict[KebabId, Text] = Field(
        {}, description="Lint rule id -> the reason it does not apply to this item."
    )
    review_by: YearMonth | None = Field(
        None,
        description="YYYY-MM: when to check a time-bound reference (a brand, a year) again.",
    )


class BankDefaults(_Strict):
    theme: KebabId | None = None
    kind: Literal["question", "observation", "research"] | None = None
    fields: list[KebabId] | None = None
    stages: list[KebabId] | None = None
    seniority: list[KebabId] | None = None
    modes: list[Literal["interview", "shadow"]] | None = None
    minutes: Annotated[int, Field(ge=1, le=10)] | None = None
    priority: Annotated[int, Field(ge=1, le=3)] | None = None
    tags: list[KebabId] | None = None


class BankHeader(_Strict):
    bank: KebabId
    title: Text
    version: int | str = 1
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = "en"
    description: str = ""
    defaults: BankDefaults = BankDefaults()
    items: list[Any]


class ThemeFields(_Strict):
    id: KebabId
    title: Text
    order: int
    core: bool = False
    modes: list[Literal["interview", "shadow"]] = ["interview", "shadow"]


class NamedFields(_Strict):
    id: KebabId
    title: Text


class OccupationFields(_Strict):
    id: KebabId
    title: Text
    soc: Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{4}(\.\d{2})?$")] | None = None
    aliases: list[Text] = []
    subcluster: KebabId | None = None
    popular: bool = False


class SubclusterFields(_Strict):
    id: KebabId
    title: Text
    aliases: list[Text] = []


class ClusterFields(_Strict):
    id: KebabId
    title: Text
    aliases: list[Text] = []
    formerly: list[Text] = []
    subclusters: list[SubclusterFields] = []
    occupations: list[OccupationFields] = []


class TaxonomyFields(_Strict):
    themes: list[ThemeFields]
    stages: list[NamedFields]
    seniority: list[NamedFields]
    clusters: list[ClusterFields]


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "missing": "a value",
    "extra_forbidden": "no such key",
    "string_pattern_mismatch": "kebab-case, e.g. 'my-bank-path-first-job'",
    "string_too_short": "non-empty text",
}


def _data_path(loc: tuple[int | str, ...], data: Any) -> tuple[int | str, ...]:
    """The part of a pydantic error location that exists in the data: pydantic puts the
    names of union members ("list[str]") between real keys."""
    path: list[int | str] = []
    for position, part in enumerate(loc):
        last = position == len(loc) - 1
        in_dict = isinstance(data, dict) and part in data
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if in_dict or in_list:
            data = data[part]
        elif isinstance(data, dict) and isinstance(part, str) and last:
            path.append(part)  # a missing key: the error is about it
            break
        else:
            continue  # a union member's name
        path.append(part)
    return tuple(path)


def _problems_from(
    error: ValidationError,
    data: Any,
    doc: YamlDocument,
    prefix: tuple[str | int, ...],
    allowed_keys: Iterable[str] = (),
) -> list[Problem]:
    problems = []
    for detail in error.errors():
        loc = _data_path(detail["loc"], data)
        path = (*prefix, *loc)
        key = ".".join(str(part) for part in path)
        kind = detail["type"]
        hint = None
        if kind == "missing":
            message = f"missing key {loc[-1]!r}"
            hint = f"add `{loc[-1]}:`"
            where = doc.locate(path[:-1])
        elif kind == "extra_forbidden":
            message = f"unknown key {loc[-1]!r}"
            near = closest(str(loc[-1]), allowed_keys)
            hint = f"did you mean {near[0]!r}?" if near else "remove it or fix its spelling"
            where = doc.locate(path)
        else:
            expected = _EXPECTED.get(kind) or detail["msg"].removeprefix("Input should be ")
            if kind == "literal_error":
                expected = "one of " + str(detail.get("ctx", {}).get("expected", ""))
            elif kind in ("greater_than_equal", "less_than_equal"):
                expected = detail["msg"].removeprefix("Input should be ").replace("equal to", "")
                expected = "a number " + expected.replace("  ", " ").strip()
            elif kind == "string_pattern_mismatch" and loc and loc[-1] == "soc":
                expected = "an O*NET-SOC code like '29-1141.00'"
            elif kind == "string_pattern_mismatch" and loc and loc[-1] == "review_by":
                expected = "a year and month like '2027-06'"
            message = f"expected {expected} but found {_describe(detail.get('input'))}"
            where = doc.locate(path)
        problems.append(Problem(message, where, key=key, hint=hint))
    return problems


def parse_taxonomy(doc: YamlDocument) -> Taxonomy:
    """Validate a taxonomy file; raise `BankError` listing every problem."""
    if not isinstance(doc.data, dict):
        raise BankError(
            doc.source,
            [
                Problem(
                    f"expected a mapping with themes, stages, seniority and clusters but found "
                    f"{_describe(doc.data)}",
                    doc.locate(()),
                )
            ],
        )
    try:
        fields = TaxonomyFields.model_validate(doc.data)
    except ValidationError as error:
        raise BankError(
            doc.source, _problems_from(error, doc.data, doc, (), TaxonomyFields.model_fields)
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
                )
            )
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


def parse_bank(doc: YamlDocument, taxonomy: Taxonomy) -> Bank:
    """Validate a bank file against the taxonomy; raise `BankError` listing every problem."""
    if not isinstance(doc.data, dict):
        raise BankError(
            doc.source,
            [
                Problem(
                    f"expected a bank (a mapping with bank, title and items) but found "
                    f"{_describe(doc.data)}",
                    doc.locate(()),
                    hint="see docs/bank-format.md for the layout of a bank file",
                )
            ],
        )
    try:
        header = BankHeader.model_validate(doc.data)
    except ValidationError as error:
        raise BankError(
            doc.source, _problems_from(error, doc.data, doc, (), BankHeader.model_fields)
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
                    f"but found {_describe(raw)}",
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
            problems += _problems_from(error, merged, doc, path, ItemFields.model_fields)
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


def _ids(entries: Iterable[Any]) -> list[str]:
    return [entry.id for entry in entries]


def _vocabulary(taxonomy: Taxonomy) -> dict[str, tuple[str, tuple[str, ...], frozenset[str]]]:
    """Each checked key: what its values are called, the known ids in order, and as a set."""
    named = {
        "theme": ("theme", _ids(taxonomy.themes)),
        "stages": ("stage", _ids(taxonomy.stages)),
        "seniority": ("seniority", _ids(taxonomy.seniority)),
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


class _BankDocument(BankHeader):
    """A bank file as editors see it: the header with fully described items."""

    items: list[ItemFields]


def bank_json_schema(taxonomy: Taxonomy | None = None) -> dict[str, Any]:
    """A JSON Schema for bank files, for editors with a YAML language server.

    With a taxonomy, theme, stage, seniority and field ids are listed for completion.
    """
    schema = _BankDocument.model_json_schema()
    if taxonomy is not None:
        enums = {
            "theme": _ids(taxonomy.themes),
            "stages": _ids(taxonomy.stages),
            "seniority": _ids(taxonomy.seniority),
            "fields": sorted(taxonomy.field_ids),
        }
        for model in ("ItemFields", "BankDefaults"):
            properties = schema["$defs"][model]["properties"]
            for key, values in enums.items():
                _set_enum(properties[key], values)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "interview_prep question bank"
    schema["description"] = (
        "A YAML file of informational-interview and job-shadow questions. See docs/bank-format.md."
    )
    return schema


def _set_enum(prop: dict[str, Any], values: list[str]) -> None:
    """Put ``values`` as the enum of a string property, or of the items of a list property."""
    for option in prop.get("anyOf", [prop]):
        if option.get("type") == "array":
            option["items"] = {"type": "string", "enum": values}
        elif option.get("type") == "string":
            option["enum"] = values
            option.pop("pattern", None)
