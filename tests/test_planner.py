"""The planner fits questions to the minutes, covers the core themes, and is deterministic."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import interview_prep as ip

CORE = ("path", "typical-day", "likes-dislikes", "promotion", "future-trends", "advice")
STAGES = ("high-school", "college", "recent-grad", "career-changer", "returning")


def field_names() -> list[str]:
    taxonomy = ip.default_catalog().taxonomy
    names = [c.id for c in taxonomy.clusters]
    names += [o.id for o in taxonomy.occupations[::3]]
    return names


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    field=st.sampled_from(field_names()),
    stage=st.sampled_from(STAGES),
    minutes=st.integers(min_value=10, max_value=120),
    mode=st.sampled_from(("interview", "shadow")),
    seniority=st.sampled_from((None, "early", "mid", "senior")),
    seed=st.one_of(st.none(), st.integers(0, 10_000)),
)
def test_plans_fit_the_budget_cover_core_themes_and_repeat(
    field: str, stage: str, minutes: int, mode: str, seniority: str | None, seed: int | None
) -> None:
    plan = ip.plan_interview(field, stage, minutes, mode=mode, seniority=seniority, seed=seed)
    assert plan.total_minutes <= minutes
    assert plan.question_minutes <= plan.budget
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


def test_every_cluster_and_stage_covers_core_themes_with_cluster_questions() -> None:
    taxonomy = ip.default_catalog().taxonomy
    for cluster in taxonomy.clusters:
        for stage in STAGES:
            plan = ip.plan_interview(cluster.id, stage, 30)
            own = {p.item.theme for p in plan.questions if cluster.id in p.item.fields}
            assert set(CORE) <= own, (cluster.id, stage, set(CORE) - own)


def test_an_occupation_brings_its_own_questions_first() -> None:
    plan = ip.plan_interview("RN", "college", 30)
    assert plan.field.id == "registered-nurse"
    specific = [p for p in plan.questions if "registered-nurse" in p.item.fields]
    assert specific, "expected nursing questions in a nurse plan"


def test_closing_asks_are_always_planned_in_order() -> None:
    plan = ip.plan_interview("nurse", "college", 15)
    assert [p.item.id for p in plan.closing] == ["gen-closing-who-else", "gen-closing-use-name"]


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
        tuple(p.item.id for p in ip.plan_interview("teacher", "college", 45, seed=s).questions)
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
