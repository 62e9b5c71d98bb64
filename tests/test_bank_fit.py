"""Bank-format additions of issue 18: topic, not_for, occupation parents, two returning stages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import interview_prep as ip
from interview_prep.catalog.schema import bank_json_schema, parse_bank, parse_taxonomy
from interview_prep.errors import BankError
from interview_prep.files.yamlfile import read_yaml

FIXTURE = Path(__file__).parent / "fixtures" / "subclusters"
REPO = Path(__file__).resolve().parents[1]
PARENTS = """      - id: actor
        title: Actor
      - id: anchor
        title: News Anchor
        subcluster: journalism-broadcasting
        parent: journalist
      - id: weekend-anchor
        title: Weekend Anchor
        parent: anchor
"""


def _taxonomy(extra: str = PARENTS) -> ip.Taxonomy:
    text = (FIXTURE / "taxonomy.yaml").read_text(encoding="utf-8")
    text = text.replace("      - id: actor\n        title: Actor\n", extra)
    return parse_taxonomy(read_yaml(text.encode(), "taxonomy.yaml"))


def _bank(item: str, taxonomy: ip.Taxonomy | None = None) -> ip.Bank:
    text = f"bank: fit\ntitle: Fit\nitems:\n  - {item}\n"
    return parse_bank(read_yaml(text.encode(), "fit.yaml"), taxonomy or _taxonomy())


def _problems(item: str) -> list[str]:
    with pytest.raises(BankError) as raised:
        _bank(item)
    return [str(problem) for problem in raised.value.problems]


def test_topic_and_not_for_reach_the_item() -> None:
    bank = _bank(
        "{id: news-hired, text: How did you get hired at your first newsroom?, theme: path,"
        " fields: [arts-entertainment-design], topic: getting-hired,"
        " not_for: [graphic-designer, design-visual-arts]}"
    )
    item = bank.items[0]
    assert item.topic == "getting-hired"
    assert item.not_for == ("graphic-designer", "design-visual-arts")


def test_not_for_must_name_what_the_fields_reach() -> None:
    (problem,) = _problems(
        "{id: news-x, text: What deadline shaped your week?, theme: path,"
        " fields: [journalism-broadcasting], not_for: [graphic-designer]}"
    )
    assert '"fit.yaml", line 4' in problem and "not_for:" in problem
    assert "'graphic-designer' is not among the jobs the item's fields" in problem


def test_not_for_is_only_for_broad_items() -> None:
    (problem,) = _problems(
        "{id: news-y, text: What deadline shaped your week?, theme: path,"
        " fields: [journalist], not_for: [journalist]}"
    )
    assert "not_for: this key is only for items whose fields name a cluster" in problem
    assert "hint: remove not_for" in problem


def test_not_for_suggests_a_near_id() -> None:
    (problem,) = _problems(
        "{id: news-z, text: What deadline shaped your week?, theme: path,"
        " fields: [arts-entertainment-design], not_for: [graphic-desiner]}"
    )
    assert "did you mean 'graphic-designer'?" in problem


def test_parents_are_read_and_chained() -> None:
    taxonomy = _taxonomy()
    assert taxonomy.occupation("anchor").parent == "journalist"
    assert taxonomy.parents("weekend-anchor") == ("anchor", "journalist")
    assert taxonomy.parents("journalist") == ()


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "      - id: actor\n        title: Actor\n        parent: jurnalist\n",
            ["unknown parent occupation 'jurnalist'", "did you mean 'journalist'?"],
        ),
        (
            "      - id: actor\n        title: Actor\n        parent: mime\n"
            "      - id: mime\n        title: Mime\n        parent: actor\n",
            ["parents go round in a circle: actor -> mime -> actor"],
        ),
        (
            "      - id: actor\n        title: Actor\n        parent: actor\n",
            ["parents go round in a circle: actor -> actor"],
        ),
    ],
)
def test_a_parent_must_exist_and_never_loop(extra: str, expected: list[str]) -> None:
    with pytest.raises(BankError) as raised:
        _taxonomy(extra)
    (problem,) = raised.value.problems
    assert all(part in str(problem) for part in expected), str(problem)
    assert problem.key == "parent" and problem.location is not None


def test_the_builtin_taxonomy_has_two_returning_stages() -> None:
    stages = {stage.id: stage.title for stage in ip.load_catalog().taxonomy.stages}
    assert stages["returning"] == "Returning to work, in the same field"
    assert stages["returning-new-field"] == "Returning to work, in a new field"


def test_the_json_schema_knows_the_new_keys() -> None:
    shipped = json.loads((REPO / "docs" / "bank.schema.json").read_text(encoding="utf-8"))
    item = shipped["$defs"]["ItemFields"]["properties"]
    assert "topic" in item
    not_for = item["not_for"]["items"]["enum"]
    assert "surgeon" in not_for or "registered-nurse" in not_for
    assert "healthcare-human-services" not in not_for  # a cluster is narrowed by fields
    live = bank_json_schema(ip.load_catalog().taxonomy)
    assert live == shipped
