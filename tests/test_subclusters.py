"""Sub-clusters: a level between cluster and occupation, in the taxonomy, banks and plans."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import interview_prep as ip
from interview_prep.catalog.catalog import Catalog
from interview_prep.catalog.schema import bank_json_schema, parse_bank, parse_taxonomy
from interview_prep.files.yamlfile import read_yaml

FIXTURE = Path(__file__).parent / "fixtures" / "subclusters"


def fixture_catalog() -> Catalog:
    taxonomy = parse_taxonomy(read_yaml((FIXTURE / "taxonomy.yaml").read_bytes(), "taxonomy.yaml"))
    bank = parse_bank(read_yaml((FIXTURE / "bank.yaml").read_bytes(), "bank.yaml"), taxonomy)
    return Catalog(taxonomy, (bank,), bank.items)


def test_the_taxonomy_reads_subclusters_and_popular_occupations() -> None:
    taxonomy = fixture_catalog().taxonomy
    assert [s.id for s in taxonomy.subclusters] == ["journalism-broadcasting", "design-visual-arts"]
    journalist = next(o for o in taxonomy.occupations if o.id == "journalist")
    assert (journalist.subcluster, journalist.popular) == ("journalism-broadcasting", True)
    actor = next(o for o in taxonomy.occupations if o.id == "actor")
    assert (actor.subcluster, actor.popular) == (None, False)
    assert {"journalism-broadcasting", "design-visual-arts"} <= taxonomy.field_ids


def test_an_occupation_brings_its_subclusters_items_and_not_its_siblings() -> None:
    catalog = fixture_catalog()
    plan = ip.plan_interview("reporter", "high-school", 20, catalog=catalog)
    assert plan.field.id == "journalist"
    assert plan.field.subcluster_id == "journalism-broadcasting"
    chosen = {p.item.id: p.specificity for p in plan.questions}
    assert chosen["journalist-path-first-story"] == 0
    assert chosen["news-day-deadline"] == 1
    assert chosen["arts-day-clients"] == 2
    assert "design-day-brief" not in chosen
    # the sub-cluster's typical-day question comes before the cluster's and the general one
    day = [p.item.id for p in plan.questions if p.item.theme == "typical-day"]
    assert day[0] == "news-day-deadline"


def test_a_subcluster_is_a_field_by_id_title_or_alias() -> None:
    catalog = fixture_catalog()
    for typed in ("journalism-broadcasting", "Journalism and Broadcasting", "news media"):
        match = catalog.resolve_field(typed)
        assert (match.kind, match.id, match.cluster_id) == (
            "subcluster",
            "journalism-broadcasting",
            "arts-entertainment-design",
        )
    assert match.phrase == "careers in Journalism & Broadcasting"
    found = catalog.search_fields("journalism")
    assert found[0].id == "journalism-broadcasting"
    plan = ip.plan_interview("news media", "high-school", 20, catalog=catalog)
    ids = {p.item.id for p in plan.questions}
    assert "news-day-deadline" in ids and "journalist-path-first-story" not in ids


def test_an_occupation_without_a_subcluster_skips_that_level() -> None:
    match = fixture_catalog().resolve_field("actor")
    assert match.scope == ("actor", "arts-entertainment-design", "any")
    assert match.specificity(("arts-entertainment-design",)) == 2
    assert match.specificity(("any",)) == 3
    assert match.specificity(("journalism-broadcasting",)) is None


def _taxonomy_text(occupation_line: str) -> str:
    text = (FIXTURE / "taxonomy.yaml").read_text(encoding="utf-8")
    return text.replace("        subcluster: design-visual-arts\n", occupation_line)


@pytest.mark.parametrize(
    ("line", "message", "hint"),
    [
        (
            "        subcluster: design-visual-art\n",
            "has no sub-cluster 'design-visual-art'",
            "did you mean 'design-visual-arts'?",
        ),
        ("        subcluster: actor\n", "has no sub-cluster 'actor'", "use one of"),
        ("        popular: maybe\n", "expected true or false", None),
    ],
)
def test_taxonomy_mistakes_are_reported_with_their_line(
    line: str, message: str, hint: str | None
) -> None:
    text = _taxonomy_text(line)
    with pytest.raises(ip.BankError) as caught:
        parse_taxonomy(read_yaml(text.encode(), "taxonomy.yaml"))
    shown = str(caught.value)
    assert message in shown
    assert f"line {text.splitlines().index(line.rstrip()) + 1}" in shown
    if hint:
        assert hint in shown


def test_subcluster_ids_must_be_unique_across_the_taxonomy() -> None:
    text = (FIXTURE / "taxonomy.yaml").read_text(encoding="utf-8")
    text = text.replace("id: design-visual-arts", "id: journalist")
    text = text.replace("subcluster: design-visual-arts", "subcluster: journalist")
    with pytest.raises(ip.BankError, match="id 'journalist' is used twice"):
        parse_taxonomy(read_yaml(text.encode(), "taxonomy.yaml"))


def test_banks_may_name_subclusters_and_a_review_date() -> None:
    taxonomy = fixture_catalog().taxonomy
    bank = textwrap.dedent(
        """
        bank: mine
        title: Mine
        items:
          - id: mine-news
            text: Which app do you use to file a story?
            theme: typical-day
            fields: [journalism-broadcasting]
            review_by: 2027-06
          - id: mine-typo
            text: What did you do first?
            theme: path
            fields: [journalism-broadcastin]
          - id: mine-date
            text: What did you do last?
            theme: path
            review_by: June 2027
        """
    )
    with pytest.raises(ip.BankError) as caught:
        parse_bank(read_yaml(bank.encode(), "mine.yaml"), taxonomy)
    shown = str(caught.value)
    assert "2 problems" in shown
    assert "unknown field 'journalism-broadcastin'" in shown
    assert "did you mean 'journalism-broadcasting'?" in shown
    assert "a year and month like '2027-06'" in shown
    good = bank.split("  - id: mine-typo")[0]
    parsed = parse_bank(read_yaml(good.encode(), "mine.yaml"), taxonomy)
    assert parsed.items[0].review_by == "2027-06"
    assert parsed.items[0].fields == ("journalism-broadcasting",)


def test_the_json_schema_lists_subclusters_and_review_by() -> None:
    schema = bank_json_schema(fixture_catalog().taxonomy)
    item = schema["$defs"]["ItemFields"]["properties"]
    field_enum = next(o for o in item["fields"]["anyOf"] if o.get("type") == "array")
    assert "journalism-broadcasting" in field_enum["items"]["enum"]
    assert "review_by" in item


def test_the_fields_listing_names_the_subcluster() -> None:
    from interview_prep.cli.explore import _where

    catalog = fixture_catalog()
    assert _where(catalog.resolve_field("news media")) == (
        "sub-cluster of Arts, Entertainment & Design"
    )
    assert _where(catalog.resolve_field("reporter")) == (
        "in Arts, Entertainment & Design: Journalism & Broadcasting"
    )
    assert _where(catalog.resolve_field("actor")) == "in Arts, Entertainment & Design"
    assert _where(catalog.resolve_field("arts")) == "cluster"
