"""Every job typed gets a plan: a near sub-cluster or cluster stands in for a job the
taxonomy lacks, else general questions with a prompt to choose a cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

import interview_prep as ip
from interview_prep.catalog.catalog import Catalog
from interview_prep.catalog.schema import parse_bank, parse_taxonomy
from interview_prep.files.yamlfile import read_yaml

FIXTURE = Path(__file__).parent / "fixtures" / "subclusters"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    taxonomy = parse_taxonomy(read_yaml((FIXTURE / "taxonomy.yaml").read_bytes(), "taxonomy.yaml"))
    bank = parse_bank(read_yaml((FIXTURE / "bank.yaml").read_bytes(), "bank.yaml"), taxonomy)
    return Catalog(taxonomy, (bank,), bank.items)


def test_a_job_near_one_subcluster_falls_back_to_it_and_says_so(catalog: Catalog) -> None:
    plan = ip.plan_interview("sports reporter", "high-school", 20, catalog=catalog)
    assert (plan.field.kind, plan.field.id) == ("subcluster", "journalism-broadcasting")
    assert plan.field.fallback == (
        "“sports reporter” is not one of the jobs listed; these questions are for the "
        "closest sub-cluster, Journalism & Broadcasting."
    )
    ids = {p.item.id for p in plan.questions}
    assert "news-day-deadline" in ids and "journalist-path-first-story" not in ids
    assert plan.to_dict()["field"]["fallback"] == plan.field.fallback  # type: ignore[index]
    script = ip.interview_script(plan).markdown
    assert "> “sports reporter” is not one of the jobs listed" in script
    assert script.count("not one of the jobs listed") == 1


def test_a_job_near_nothing_gets_general_questions_and_a_prompt(catalog: Catalog) -> None:
    plan = ip.plan_interview("astronaut", "high-school", 20, catalog=catalog)
    assert (plan.field.kind, plan.field.id, plan.field.title) == ("general", "any", "astronaut")
    assert plan.field.fallback is not None
    assert "no group of jobs is clearly near" in plan.field.fallback
    assert "Choose a career cluster" in plan.field.fallback
    assert plan.questions and all(p.item.fields == ("any",) for p in plan.questions)
    assert plan.field.phrase == "your line of work"
    sheet = ip.prep_sheet(plan).markdown
    assert "> “astronaut” is not one of the jobs listed, and no group" in sheet


def test_a_known_job_has_no_fallback_and_a_misspelling_still_asks(catalog: Catalog) -> None:
    assert ip.plan_interview("reporter", "high-school", 20, catalog=catalog).field.fallback is None
    with pytest.raises(ip.UnknownNameError, match="did you mean 'Journalist'"):
        ip.plan_interview("jurnalist", "high-school", 20, catalog=catalog)


def test_the_builtin_taxonomy_never_dead_ends_a_typed_job() -> None:
    for typed in ("astronaut-chef", "hospital chaplain", "circus juggler", "video game tester"):
        plan = ip.plan_interview(typed, "college", 30)
        assert plan.field.fallback and plan.questions, typed
    for typo in ("nurce", "nurs"):  # a slip, or a word cut short: asks "did you mean"
        with pytest.raises(ip.UnknownNameError, match="Registered Nurse"):
            ip.plan_interview(typo, "college", 30)
    for junk in ("<script>alert(1)</script>", "{{ 7*7 }}", "no-such-job-at-all"):
        with pytest.raises(ip.UnknownNameError):  # no job's name: no plan
            ip.plan_interview(junk, "college", 30)


def test_the_cli_plan_shows_the_fallback_line() -> None:
    from click.testing import CliRunner

    from interview_prep.cli import main

    result = CliRunner().invoke(
        main, ["plan", "--field", "hospital chaplain", "--stage", "college", "--format", "md"]
    )
    assert result.exit_code == 0, result.output
    assert "> “hospital chaplain” is not one of the jobs listed" in result.output
