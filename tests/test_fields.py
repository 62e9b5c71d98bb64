"""What people type resolves to the right occupation or cluster."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import interview_prep as ip
from interview_prep.cli import main

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
    assert "search the fields" in str(caught.value) and "interview-prep" not in str(caught.value)


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


PHRASING_FILES = sorted((Path(__file__).parent / "phrasings").glob("*.yaml"))


def _phrasing_cases() -> list[pytest.ParameterSet]:
    import yaml

    cases = []
    for path in PHRASING_FILES:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        for index, entry in enumerate(entries):
            cases.append(pytest.param(entry, id=f"{path.stem}-{index}-{entry.get('typed')}"))
    return cases


def test_the_phrasing_files_hold_enough_cases() -> None:
    assert PHRASING_FILES, "tests/phrasings/ holds the typed-phrasing files"
    assert len(_phrasing_cases()) >= 30


@pytest.mark.parametrize("entry", _phrasing_cases())
def test_typed_phrasing_resolves_or_asks_to_choose(entry: dict[str, object]) -> None:
    assert set(entry) in ({"typed", "expect"}, {"typed", "choose"}), entry
    typed = str(entry["typed"])
    catalog = ip.default_catalog()
    if "expect" in entry:
        assert catalog.resolve_field(typed).id == entry["expect"]
        return
    with pytest.raises(ip.AmbiguousFieldError) as caught:
        catalog.resolve_field(typed)
    expected = entry["choose"]
    assert isinstance(expected, list)
    assert set(expected) <= set(caught.value.matches), caught.value.matches


def test_an_ambiguous_word_lists_the_candidates_and_exits_2(runner: CliRunner) -> None:
    with pytest.raises(ip.AmbiguousFieldError) as caught:
        ip.plan_interview("therapist", "college")
    error = caught.value
    assert isinstance(error, ip.InterviewPrepError)
    assert ("physical-therapist", "Physical Therapist") in error.candidates
    assert "which one?" in str(error) and "Occupational Therapist" in str(error)
    result = runner.invoke(main, ["plan", "-f", "engineer", "-s", "college"])
    assert result.exit_code == 2
    assert "Civil Engineer (civil-engineer)" in result.stderr
    assert "--field" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("typed", "never"),
    [
        ("goalkeeper", "Bookkeeper"),
        ("goalkeeper", "Beekeeper"),
        ("microbiologist", "Bartender"),
        ("mortician", "Musician"),
        ("mortician", "Electrician"),
        ("luthier", "Plumber"),
        ("auctioneer", "Accountant"),
        ("puppeteer", "Pipefitter"),
    ],
)
def test_suggestions_share_a_word_stem_or_are_left_out(typed: str, never: str) -> None:
    with pytest.raises(ip.UnknownNameError) as caught:
        ip.default_catalog().resolve_field(typed)
    assert never not in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("electricain", "Electrician"),
        ("elecrtician", "Electrician"),
        ("plumbr", "Plumber"),
        ("elektrician", "Electrician"),
        ("pharmasist", "Pharmacist"),
        ("zookeepr", "Zookeeper"),
        ("marine biologst", "Marine Biologist"),
    ],
)
def test_suggestions_for_typos_and_near_names(typed: str, first: str) -> None:
    with pytest.raises(ip.UnknownNameError) as caught:
        ip.default_catalog().resolve_field(typed)
    assert first in caught.value.suggestions


def test_a_very_long_field_is_refused_at_once() -> None:
    started = time.perf_counter()
    for text in ("nurse " * 20_000, "x" * 100_000):
        with pytest.raises(ip.FieldTextTooLongError, match="at most 200"):
            ip.default_catalog().resolve_field(text)
        with pytest.raises(ip.FieldTextTooLongError):
            ip.default_catalog().search_fields(text)
    assert time.perf_counter() - started < 0.5
    assert ip.default_catalog().resolve_field("registered nurse " + " " * 150).id == (
        "registered-nurse"
    )
