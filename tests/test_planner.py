"""The planner fits questions to the minutes, covers the core themes, and is deterministic."""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import interview_prep as ip
from interview_prep.cli import main
from interview_prep.planning.similar import NEAR_DUPLICATE, similarity

CORE = ("path", "typical-day", "likes-dislikes", "promotion", "future-trends", "advice")
STAGES = ("high-school", "college", "recent-grad", "career-changer", "returning")


CLOSING_ORDER = ("gen-closing-who-else", "gen-closing-use-name")


def field_names() -> list[str]:
    taxonomy = ip.default_catalog().taxonomy
    names = [c.id for c in taxonomy.clusters]
    names += [s.id for s in taxonomy.subclusters]
    names += [o.id for o in taxonomy.occupations[::3]]
    return names


@cache
def targeted_available(field: str, stage: str, mode: str, seniority: str | None) -> tuple[int, int]:
    """How many candidate questions are written for the stage, and for the seniority."""
    catalog = ip.default_catalog()
    match = catalog.resolve_field(field)
    fitting = [
        i
        for i in catalog.items
        if i.kind == "question"
        and i.theme != "closing"
        and match.specificity(i.fields) is not None
        and i.suits_mode(mode)
        and i.suits_stage(stage)
        and i.suits_seniority(seniority)
    ]
    for_stage = sum(stage in i.stages for i in fitting)
    for_level = sum(seniority in i.seniority for i in fitting) if seniority else 0
    return for_stage, for_level


def check_plan(plan: ip.Plan, stage: str, seniority: str | None) -> None:
    """The rules every plan keeps, whatever the field, stage, length and seed."""
    assert plan.total_minutes <= plan.minutes
    assert plan.question_minutes <= plan.budget
    closing = [p.item.id for p in plan.closing if p.item.topic != "what-to-ask"]
    assert closing == [i for i in CLOSING_ORDER if i in closing], closing
    texts = [(p.item.id, p.item.text) for p in (*plan.questions, *plan.closing)]
    for (a, text_a), (b, text_b) in itertools.combinations(texts, 2):
        assert similarity(text_a, text_b) < NEAR_DUPLICATE, (a, b)
    if plan.minutes >= 20:
        for_stage, for_level = targeted_available(plan.field.id, stage, plan.mode, seniority)
        got = sum(stage in p.item.stages for p in plan.questions)
        assert got >= min(2, for_stage), (got, for_stage)
        if seniority:
            got = sum(seniority in p.item.seniority for p in plan.questions)
            assert got >= min(1, for_level), (got, for_level)
    assert all(p.reasons for p in (*plan.questions, *plan.closing))
    assert all(x.reason for x in plan.left_out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    field=st.sampled_from(field_names()),
    stage=st.sampled_from(STAGES),
    minutes=st.integers(min_value=10, max_value=120),
    mode=st.sampled_from(("interview", "shadow")),
    seniority=st.sampled_from((None, "early", "mid", "senior")),
    seed=st.one_of(st.none(), st.integers(0, 10_000)),
)
@example(field="farmworker", stage="college", minutes=30, mode="shadow", seniority="mid", seed=None)
def test_plans_fit_the_budget_cover_core_themes_and_repeat(
    field: str, stage: str, minutes: int, mode: str, seniority: str | None, seed: int | None
) -> None:
    plan = ip.plan_interview(field, stage, minutes, mode=mode, seniority=seniority, seed=seed)
    check_plan(plan, stage, seniority)
    covered = set(plan.covered_themes)
    assert not set(plan.uncovered) & covered
    required = set(CORE) | ({"debrief"} if mode == "shadow" else set())
    assert required <= covered | set(plan.uncovered)
    if minutes >= 30:
        assert not plan.uncovered, plan.uncovered
    again = ip.plan_interview(field, stage, minutes, mode=mode, seniority=seniority, seed=seed)
    assert again.to_dict() == plan.to_dict()
    ids = [p.item.id for p in plan.questions]
    assert len(ids) == len(set(ids))
    assert {x.item_id for x in plan.left_out}.isdisjoint(ids)
    for planned in plan.questions:
        assert planned.item.suits_stage(stage)
        assert planned.item.suits_mode(mode)


@pytest.mark.parametrize(
    ("field", "stage", "seniority"),
    [
        # a second likes-dislikes question (the sub-cluster's, after the seniority's
        # cluster one) once left no time for future-trends and advice
        ("farmworker", "college", "mid"),
        # the seniority's question once went to a second hiring question regardless
        ("journalist", "returning", "mid"),
        # the room kept for promotion once counted a question that repeats a chosen one
        ("securities-sales-agent", "recent-grad", "mid"),
    ],
)
def test_a_half_hour_shadow_covers_every_core_theme_before_extras(
    field: str, stage: str, seniority: str
) -> None:
    for seed in (None, *range(0, 300, 30)):
        plan = ip.plan_interview(field, stage, 30, mode="shadow", seniority=seniority, seed=seed)
        assert not plan.uncovered, (seed, plan.uncovered, plan.notes)
        assert {"debrief", *CORE} <= set(plan.covered_themes), seed
        assert not any("no time left" in note for note in plan.notes), (seed, plan.notes)
        check_plan(plan, stage, seniority)


def test_every_cluster_and_stage_covers_core_themes_with_cluster_questions() -> None:
    taxonomy = ip.default_catalog().taxonomy
    for cluster in taxonomy.clusters:
        for stage in STAGES:
            plan = ip.plan_interview(cluster.id, stage, 30)
            own = {p.item.theme for p in plan.questions if cluster.id in p.item.fields}
            assert set(CORE) <= set(plan.covered_themes)
            # two slots go to the learner's stage; where the cluster has no stage question on
            # a core theme, one theme may fall to a shorter general question
            assert len(set(CORE) - own) <= 1, (cluster.id, stage, set(CORE) - own)


def test_an_occupation_brings_its_own_questions_first() -> None:
    plan = ip.plan_interview("RN", "college", 30)
    assert plan.field.id == "registered-nurse"
    specific = [p for p in plan.questions if "registered-nurse" in p.item.fields]
    assert specific, "expected nursing questions in a nurse plan"


def test_closing_asks_are_always_planned_in_order() -> None:
    for seed in (None, *range(40)):
        plan = ip.plan_interview("nurse", "college", 15, seed=seed)
        assert [p.item.id for p in plan.closing] == list(CLOSING_ORDER), seed


@pytest.mark.parametrize("stage", ["career-changer", "returning", "high-school"])
def test_a_half_hour_plan_in_every_cluster_has_two_questions_for_the_stage(stage: str) -> None:
    for cluster in ip.default_catalog().taxonomy.clusters:
        plan = ip.plan_interview(cluster.id, stage, 30)
        tagged = [p for p in plan.questions if stage in p.item.stages]
        assert len(tagged) >= 2, (cluster.id, [p.item.id for p in plan.questions])
        assert any("written for your stage" in p.reasons[0] for p in tagged)


def test_long_plans_never_repeat_themselves() -> None:
    # 60-120 minute plans once held two "openings before they are posted" questions
    # (the banks' own twins were reworded since; check_plan compares every chosen pair)
    for field, minutes in [("nurse", 120), ("nurse", 60), ("electrician", 120), ("lawyer", 90)]:
        check_plan(ip.plan_interview(field, "college", minutes), "college", None)


def test_a_teachers_own_questions_outrank_built_ins_of_the_same_level(
    write_bank: object,
) -> None:
    bank = write_bank(  # type: ignore[operator]
        """
        bank: mercy-class
        title: Mercy class
        defaults:
          fields: [healthcare-human-services]
        items:
          - id: mercy-path-first-patient
            text: Who was the first patient you remember helping on your own?
            theme: path
            why: A first patient tells the start of the story.
          - id: mercy-future-robots
            text: What part of your ward's work do you expect machines to take over first?
            theme: future-trends
            priority: 3
            why: Makes the future concrete.
        """
    )
    catalog = ip.load_catalog([bank])
    plan = ip.plan_interview("healthcare-human-services", "college", 30, catalog=catalog)
    chosen = {p.item.id: p for p in plan.questions}
    assert "mercy-path-first-patient" in chosen
    assert "mercy-future-robots" in chosen
    assert "from your bank 'mercy-class'" in chosen["mercy-path-first-patient"].reasons
    for seed in range(5):
        seeded = ip.plan_interview("Health Science", "college", 30, seed=seed, catalog=catalog)
        assert "mercy-path-first-patient" in {p.item.id for p in seeded.questions}
    # an occupation's own questions still come before the teacher's cluster-wide ones
    nurse = ip.plan_interview("nurse", "college", 30, catalog=catalog)
    path = [p.item.id for p in nurse.questions if p.item.theme == "path"]
    assert path[0].startswith("hhs-path-rn")


def test_explain_says_why_each_question_and_why_not_the_runners_up() -> None:
    runner = CliRunner()
    args = ["plan", "-f", "electrician", "-s", "career-changer", "-m", "30", "--format", "md"]
    result = runner.invoke(main, [*args, "--explain"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "## Why these questions" in text and "## Runners-up, and why not" in text
    assert "written for your stage (Career changer)" in text
    assert "its own question (electrician)" in text
    assert "no time left (needs" in text
    plain = runner.invoke(main, args).stdout
    assert "## Why these questions" not in plain
    data = ip.plan_interview("electrician", "career-changer", 30).to_dict()
    assert all(q["why"] for q in data["questions"])  # type: ignore[index]
    assert all(x["reason"] for x in data["left_out"])  # type: ignore[index]


def test_every_stage_tagged_plan_explains_itself_in_json(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    result = CliRunner().invoke(
        main, ["plan", "-f", "nurse", "-s", "returning", "--seniority", "senior", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(out.read_text(encoding="utf-8"))
    reasons = [r for q in data["questions"] for r in q["why"]]
    assert sum(r.startswith("written for your stage") for r in reasons) >= 2
    assert any(r.startswith("written for the seniority") for r in reasons)


def test_order_follows_the_conversation() -> None:
    plan = ip.plan_interview("electrician", "career-changer", 45)
    order = {t.id: t.order for t in plan.taxonomy.themes}
    themes = [order[p.item.theme] for p in plan.questions]
    assert themes == sorted(themes)
    ends = [p.ends_at for p in (*plan.questions, *plan.closing)]
    assert ends == sorted(ends) and ends[-1] <= plan.minutes


def test_short_meetings_say_what_they_could_not_cover() -> None:
    plan = ip.plan_interview("nurse", "college", 10)
    assert plan.uncovered
    assert plan.to_dict()["uncovered_core_themes"] == list(plan.uncovered)
    assert all(x.reason for x in plan.left_out)


def test_a_seed_varies_the_choice_among_equals() -> None:
    plans = {
        tuple(p.item.id for p in ip.plan_interview("education", "college", 45, seed=s).questions)
        for s in range(8)
    }
    assert len(plans) > 1


def test_seniority_tagged_questions_need_a_known_seniority() -> None:
    plan = ip.plan_interview("software developer", "college", 60)
    assert all(not p.item.seniority for p in plan.questions)
    senior = ip.plan_interview("software developer", "college", 60, seniority="senior")
    assert all(not p.item.seniority or "senior" in p.item.seniority for p in senior.questions)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"field": "nurse", "stage": "colege"}, "did you mean 'college'?"),
        ({"field": "nurse", "stage": "college", "mode": "shaddow"}, "did you mean 'shadow'?"),
        ({"field": "nurse", "stage": "college", "seniority": "senor"}, "'senior'"),
        ({"field": "nurse", "stage": "college", "minutes": 5}, "from 10 to 120"),
        ({"field": "nurce", "stage": "college"}, "Registered Nurse"),
    ],
)
def test_bad_names_raise_with_suggestions(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ip.InterviewPrepError) as caught:
        ip.plan_interview(**kwargs)  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_find_questions_filters_by_theme_and_stage() -> None:
    found = ip.find_questions("nurse", "high-school", theme="advice")
    assert len(found) > 3
    assert all(i.theme == "advice" and i.suits_stage("high-school") for i in found)
    assert "| id | theme |" in found._repr_markdown_()
