"""What people type resolves to the right occupation or cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

import interview_prep as ip

PHRASINGS = [
    tuple(part.strip() if i else part for i, part in enumerate(line.split(" | ")))
    for line in (Path(__file__).parent / "fixtures" / "phrasings.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line and not line.startswith("#")
]


def test_there_are_at_least_a_hundred_phrasings() -> None:
    assert len(PHRASINGS) >= 100


@pytest.mark.parametrize(("typed", "field_id", "cluster_id"), PHRASINGS)
def test_phrasing_resolves(typed: str, field_id: str, cluster_id: str) -> None:
    match = ip.default_catalog().resolve_field(typed)
    assert (match.id, match.cluster_id) == (field_id, cluster_id)


def test_a_miss_lists_the_closest_fields() -> None:
    with pytest.raises(ip.UnknownNameError) as caught:
        ip.default_catalog().resolve_field("electricain")
    assert "Electrician" in str(caught.value)
    assert "interview-prep fields" in str(caught.value)


def test_a_split_classic_cluster_is_ambiguous() -> None:
    with pytest.raises(ip.AmbiguousFieldError) as caught:
        ip.default_catalog().resolve_field("Science, Technology, Engineering & Mathematics")
    assert set(caught.value.matches) == {
        "advanced-manufacturing",
        "digital-technology",
        "energy-natural-resources",
    }


def test_taxonomy_shape() -> None:
    taxonomy = ip.default_catalog().taxonomy
    assert len(taxonomy.clusters) == 14
    assert all(len(c.occupations) >= 8 for c in taxonomy.clusters)
    assert len(taxonomy.occupations) >= 120
    assert [t.id for t in taxonomy.core_themes] == [
        "path",
        "typical-day",
        "likes-dislikes",
        "promotion",
        "future-trends",
        "advice",
    ]
    classic = {name for c in taxonomy.clusters for name in c.formerly}
    assert len(classic - {"STEM"}) == 16


def test_search_ranks_the_closest_first() -> None:
    catalog = ip.default_catalog()
    assert catalog.search_fields("nurs")[0].id == "registered-nurse"
    assert catalog.search_fields("electric")[0].id == "electrician"
    assert catalog.search_fields("Health Science")[0].id == "healthcare-human-services"
