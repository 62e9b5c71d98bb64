"""The planner's fit rules: not_for, parents, one question per topic, paraphrases, core slots
that hold core questions, a "what should I have asked?" question, variety across jobs."""

from __future__ import annotations

from pathlib import Path

import pytest

import interview_prep as ip
from interview_prep.catalog.catalog import Catalog
from interview_prep.catalog.schema import parse_bank, parse_taxonomy
from interview_prep.files.yamlfile import read_yaml
from interview_prep.planning.paraphrase import field_words, inferred_topic, same_ask, sense

FIXTURE = Path(__file__).parent / "fixtures" / "fit"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    taxonomy = parse_taxonomy(read_yaml((FIXTURE / "taxonomy.yaml").read_bytes(), "taxonomy.yaml"))
    bank = parse_bank(read_yaml((FIXTURE / "bank.yaml").read_bytes(), "bank.yaml"), taxonomy)
    return Catalog(taxonomy, (bank,), bank.items)


def _ids(plan: ip.Plan) -> list[str]:
    return [p.item.id for p in (*plan.questions, *plan.closing)]


def test_an_item_never_reaches_a_job_in_its_not_for(catalog: Catalog) -> None:
    assert "hc-day-patients" in _ids(ip.plan_interview("physician", "college", 30, catalog=catalog))
    for job in ("pathologist", "lab-tech", "lab-work"):
        assert "hc-day-patients" not in _ids(ip.plan_interview(job, "college", 30, catalog=catalog))
    found = ip.find_questions("healthcare", catalog=catalog)
    assert "hc-day-patients" in [i.id for i in found]  # the whole cluster keeps it
    assert "hc-day-patients" not in [
        i.id for i in ip.find_questions("pathologist", catalog=catalog)
    ]


def test_a_specialty_draws_on_its_parents_before_the_subcluster(catalog: Catalog) -> None:
    plan = ip.plan_interview("neurosurgeon", "college", 45, catalog=catalog)
    assert plan.field.parents == ("surgeon", "physician")
    by_id = {p.item.id: p for p in plan.questions}
    # residency (the grandparent's) comes before the sub-cluster's must-ask hiring question
    path = [p.item.id for p in plan.questions if p.item.theme == "path"]
    assert path[:2] == ["neuro-path-hired", "physician-path-residency"]
    assert "med-path-hired" not in by_id
    assert "its parent job's question (surgeon)" in by_id["surgeon-day-or"].reasons
    day = [p.item.id for p in plan.questions if p.item.theme == "typical-day"]
    assert day[0] == "surgeon-day-or"
    assert by_id["surgeon-day-or"].specificity == 0
    surgeon = ip.plan_interview("surgeon", "college", 45, catalog=catalog)
    assert not {"neuro-advice", "neuro-path-hired"} & set(_ids(surgeon))  # never downward


def test_one_question_per_topic_and_no_paraphrase(catalog: Catalog) -> None:
    plan = ip.plan_interview("neurosurgeon", "college", 60, catalog=catalog)
    ids = _ids(plan)
    # the job's own "what did getting hired look like" is a paraphrase of the sub-cluster's
    # "how did you get hired" (and shares its topic): only one of them
    assert ("neuro-path-hired" in ids) != ("med-path-hired" in ids)
    left = {x.item_id: x.reason for x in plan.left_out}
    twin = "med-path-hired" if "neuro-path-hired" in ids else "neuro-path-hired"
    assert "already planned" in left[twin]
    assert sum(i in ids for i in ("any-ask", "any-ask-2")) == 1


def test_the_paraphrase_check_uses_lemmas_and_synonyms() -> None:
    assert sense("What did getting hired look like?") == sense("How did you get hired?")
    assert same_ask("How did you get hired?", "What did getting hired look like?")
    assert same_ask("How did you earn your license?", "What was certification like for you?")
    assert same_ask(
        "How did you come back after time away?", "What was re-entry like after your break?"
    )
    assert inferred_topic("Who paid for your training?") == "paying-for-training"
    assert not same_ask("What's the hardest part of your job?", "What's the best part of it?")
    assert not same_ask("How could I return the favor?", "What was coming back like?")
    assert same_ask("How did you get hired at your first hospital?", "How did you get hired?")
    assert not same_ask("What's the best part of your job?", "What's the best advice you got?")


def test_a_jobs_own_subject_words_do_not_make_questions_alike(catalog: Catalog) -> None:
    advice = "What would you tell someone who's thinking about law school?"
    path = "What made you choose law school?"
    own = [path, "How did law school change you?", "Which law school class mattered?"]
    match = catalog.resolve_field("surgeon")
    subject = field_words(match, own)
    assert {"law", "school", "surgeon", "medicine", "healthcare"} <= subject
    assert same_ask(advice, path) and not same_ask(advice, path, subject)
    assert same_ask("How did you get hired?", "What did getting hired look like?", subject)


def test_a_core_slot_holds_only_a_question_on_its_theme(catalog: Catalog) -> None:
    plan = ip.plan_interview("surgeon", "college", 30, catalog=catalog)
    promotion = [p for p in plan.questions if p.item.theme == "promotion"]
    # the sub-cluster's must-ask "coming back" item is tagged promotion, but re-entry is not
    # promotion: a growth question holds the slot, and the plan says it is not the job's own
    assert promotion[0].item.id in {"med-promo-lead", "med-promo-next", "med-promo-teach"}
    assert "covers the theme 'Growth and advancement'" in promotion[0].reasons
    note = "Growth and advancement: no question of the job's own fits this slot"
    assert f"{note}; took the sub-cluster's" in plan.notes
    lab = ip.plan_interview("lab-tech", "college", 30, catalog=catalog)
    assert f"{note}; took a general one" in lab.notes
    assert lab.to_dict()["notes"] == list(lab.notes)


def test_every_plan_of_20_minutes_or_more_asks_what_to_ask(catalog: Catalog) -> None:
    for minutes in (20, 30, 45):
        plan = ip.plan_interview("lab-tech", "college", minutes, catalog=catalog)
        asks = [p for p in plan.closing if p.item.topic == "what-to-ask"]
        assert len(asks) == 1
        assert plan.closing[0] is asks[0]  # before "who else?"
        assert "did not know to ask" in asks[0].reasons[0]
    short = ip.plan_interview("lab-tech", "college", 15, catalog=catalog)
    assert not [p for p in short.closing if p.item.topic == "what-to-ask"]


def test_neighboring_jobs_get_different_broad_questions_without_a_seed(
    catalog: Catalog,
) -> None:
    def promotion(job: str) -> str:
        plan = ip.plan_interview(job, "college", 30, catalog=catalog)
        return next(p.item.id for p in plan.questions if p.item.theme == "promotion")

    jobs = ("physician", "surgeon", "neurosurgeon", "pathologist")
    picks = {job: promotion(job) for job in jobs}
    assert set(picks.values()) <= {"med-promo-lead", "med-promo-next", "med-promo-teach"}
    assert len(set(picks.values())) >= 2, picks  # bank order alone would give one to all
    assert picks == {job: promotion(job) for job in jobs}  # and the same every time
    # general items keep the banks' order: every plan asks the first "what should I have asked"
    asks = {ip.plan_interview(j, "college", 30, catalog=catalog).closing[0].item.id for j in jobs}
    assert asks == {"any-ask"}
