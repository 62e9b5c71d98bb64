"""The keys a bank or taxonomy file may hold (pydantic models) and the JSON Schema for editors."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..model import Taxonomy

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
    topic: KebabId | None = Field(
        None,
        description="What the question asks about, e.g. getting-hired; a plan asks one per topic.",
    )
    not_for: list[KebabId] = Field(
        [],
        description=(
            "Occupation or sub-cluster ids that this cluster- or sub-cluster-wide item does not "
            "fit; each must be one its fields reach."
        ),
    )
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
    parent: KebabId | None = None


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
            "theme": ids_of(taxonomy.themes),
            "stages": ids_of(taxonomy.stages),
            "seniority": ids_of(taxonomy.seniority),
            "fields": sorted(taxonomy.field_ids),
        }
        for model in ("ItemFields", "BankDefaults"):
            properties = schema["$defs"][model]["properties"]
            for key, values in enums.items():
                _set_enum(properties[key], values)
        narrow = sorted([sub.id for sub in taxonomy.subclusters] + ids_of(taxonomy.occupations))
        _set_enum(schema["$defs"]["ItemFields"]["properties"]["not_for"], narrow)
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


def ids_of(entries: Any) -> list[str]:
    """The ids of taxonomy entries, in order."""
    return [entry.id for entry in entries]
