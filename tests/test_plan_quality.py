"""Issue 18's measures of plan quality, on the built-in banks: 30-minute plans for every
popular job (stages in turn) hold mostly the job's own questions, never ask one topic twice,
spread broad questions across a cluster's jobs, and always ask "what should I have asked?";
the jobs students name resolve, or fall back sensibly.

Run this file as a script to print the figures: `python tests/test_plan_quality.py`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import pytest

import interview_prep as ip
from interview_prep.model import Occupation
from interview_prep.planning.topics import WHAT_TO_ASK, topic_of

MIN_OWN_SHARE = 0.60  # the job's own questions or its parent's
MIN_NEAR_SHARE = 0.75  # ... or its sub-cluster's
MAX_BROAD_SHARE = 1 / 3  # of a cluster's popular jobs' plans that one broad question is in
# the 40 jobs of the December 2026 review (the ones it names, and common picks beside them),
# with what each must resolve to
REVIEW_JOBS = {
    "professional athlete": "athlete",
    "athlete": "athlete",
    "NBA player": "athlete",
    "sports agent": "sports-agent",
    "sportscaster": "sportscaster",
    "sports broadcaster": "sportscaster",
    "coach": "coach",
    "athletic director": "athletic-director",
    "pediatric nurse": "pediatric-nurse",
    "pediatric nurse practitioner": "pediatric-nurse-practitioner",
    "neurosurgeon": "neurosurgeon",
    "car mechanic": "automotive-technician",
    "social worker": "social-worker",
    "architect": "architect",
    "lawyer": "lawyer",
    "FBI agent": "fbi-special-agent",
    "dental hygienist": "dental-hygienist",
    "firefighter": "firefighter",
    "librarian": "librarian",
    "lab technician": "medical-lab-scientist",
    "statistician": "statistician",
    "mathematician": "mathematician",
    "robotics engineer": "robotics-engineer",
    "sheriff": "sheriff-deputy",
    "deputy": "sheriff-deputy",
    "nonprofit director": "nonprofit-director",
    "join the navy": "navy-sailor",
    "nurse": "registered-nurse",
    "software developer": "software-developer",
    "electrician": "electrician",
    "high school teacher": "high-school-teacher",
    "veterinarian": "veterinarian",
    "graphic designer": "graphic-designer",
    "chef": "chef",
    "accountant": "accountant",
    "airline pilot": "airline-pilot",
    "police officer": "police-officer",
    "physical therapist": "physical-therapist",
    "marine biologist": "marine-biologist",
    "welder": "welder",
}


@dataclass(frozen=True)
class Planned:
    job: Occupation
    plan: ip.Plan


def popular_plans(minutes: int = 30) -> list[Planned]:
    """A plan for every popular job, the stages taken in turn."""
    catalog = ip.default_catalog()
    stages = [stage.id for stage in catalog.taxonomy.stages]
    jobs = [occ for occ in catalog.taxonomy.occupations if occ.popular]
    return [
        Planned(job, ip.plan_interview(job.id, stages[n % len(stages)], minutes, catalog=catalog))
        for n, job in enumerate(jobs)
    ]


def shares(plans: list[Planned]) -> tuple[float, float, list[tuple[float, str, str]]]:
    """The share of questions for the job or its parents, the share with its sub-cluster
    too, and each plan's own share (lowest first)."""
    own = near = total = 0
    per_plan = []
    for planned in plans:
        mine = {planned.job.id, *planned.plan.field.parents}
        sub = {planned.job.subcluster} - {None}
        fields = [set(p.item.fields) for p in planned.plan.questions]
        mine_count = sum(bool(f & mine) for f in fields)
        own += mine_count
        near += sum(bool(f & (mine | sub)) for f in fields)
        total += len(fields)
        per_plan.append((mine_count / len(fields), planned.job.id, planned.plan.stage))
    return own / total, near / total, sorted(per_plan)


def repeated_topics(plans: list[Planned]) -> dict[str, list[str]]:
    found = {}
    for planned in plans:
        plan = planned.plan
        topics = Counter(topic_of(p.item) for p in (*plan.questions, *plan.closing))
        twice = [t for t, n in topics.items() if t is not None and n > 1]
        if twice:
            found[planned.job.id] = twice
    return found


def overused_broad(plans: list[Planned]) -> list[tuple[str, str, int, int]]:
    """Sub-cluster- and cluster-wide questions in more than a third of their cluster's plans:
    (cluster, item, plans it is in, the cluster's plans)."""
    per_cluster = Counter(p.job.cluster for p in plans)
    used: dict[tuple[str, str], set[str]] = defaultdict(set)
    for planned in plans:
        for p in planned.plan.questions:
            if planned.plan.field.specificity(p.item.fields) in (1, 2):
                used[(planned.job.cluster, p.item.id)].add(planned.job.id)
    return sorted(
        (cluster, item, len(jobs), per_cluster[cluster])
        for (cluster, item), jobs in used.items()
        if len(jobs) > MAX_BROAD_SHARE * per_cluster[cluster]
    )


def without_what_to_ask(plans: list[Planned]) -> list[str]:
    return [p.job.id for p in plans if not any(c.item.topic == WHAT_TO_ASK for c in p.plan.closing)]


@pytest.fixture(scope="module")
def plans() -> list[Planned]:
    return popular_plans()


@pytest.mark.slow
def test_plans_hold_mostly_the_jobs_own_questions(plans: list[Planned]) -> None:
    own, near, per_plan = shares(plans)
    weakest = ", ".join(f"{job} ({stage}) {share:.0%}" for share, job, stage in per_plan[:12])
    assert own >= MIN_OWN_SHARE, f"own or parent {own:.1%}; weakest: {weakest}"
    assert near >= MIN_NEAR_SHARE, f"with the sub-cluster {near:.1%}; weakest: {weakest}"


@pytest.mark.slow
def test_no_plan_asks_one_topic_twice(plans: list[Planned]) -> None:
    assert repeated_topics(plans) == {}


@pytest.mark.slow
def test_no_broad_question_is_in_more_than_a_third_of_its_clusters_plans(
    plans: list[Planned],
) -> None:
    assert overused_broad(plans) == []


@pytest.mark.slow
def test_every_plan_of_20_minutes_or_more_asks_what_to_ask(plans: list[Planned]) -> None:
    assert without_what_to_ask(plans) == []
    catalog = ip.default_catalog()
    for stage in catalog.taxonomy.stages:
        for field in ("nurse", "welder", "public-service-safety", "circus juggler"):
            plan = ip.plan_interview(field, stage.id, 20, catalog=catalog)
            assert plan.closing[0].item.topic == WHAT_TO_ASK, (field, stage.id)


def test_the_reviews_jobs_resolve_to_their_own_occupations() -> None:
    catalog = ip.default_catalog()
    got = {typed: catalog.resolve_field(typed).id for typed in REVIEW_JOBS}
    assert got == REVIEW_JOBS
    for typed in ("athlete", "sports agent", "sportscaster"):
        plan = ip.plan_interview(typed, "high-school", 30, catalog=catalog)
        own = [p for p in plan.questions if plan.field.id in p.item.fields]
        assert plan.field.kind == "occupation" and plan.field.fallback is None
        assert len(own) >= 2, (typed, [p.item.id for p in plan.questions])


def test_a_specialty_plan_asks_its_parents_questions() -> None:
    plan = ip.plan_interview("neurosurgeon", "college", 45)
    assert plan.field.parents, "neurosurgeon names a parent in the taxonomy"
    assert any(set(p.item.fields) & set(plan.field.parents) for p in plan.questions)


def main() -> None:
    """Print the measured figures, for the report and for the content writers."""
    measured = popular_plans()
    own, near, per_plan = shares(measured)
    print(f"popular jobs planned: {len(measured)} (30 minutes, stages in turn)")
    print(f"questions for the job or its parent: {own:.1%} (at least {MIN_OWN_SHARE:.0%})")
    print(f"... or its sub-cluster: {near:.1%} (at least {MIN_NEAR_SHARE:.0%})")
    print("weakest plans: " + ", ".join(f"{j} ({s}) {x:.0%}" for x, j, s in per_plan[:25]))
    repeats = repeated_topics(measured)
    print(f"plans asking one topic twice: {len(repeats)} {repeats}")
    broad = overused_broad(measured)
    print(f"broad questions in more than a third of their cluster's plans: {len(broad)}")
    for cluster, item, count, of in broad:
        print(f"  {cluster}: {item} in {count} of {of}")
    print(f"plans without a what-to-ask question: {len(without_what_to_ask(measured))}")


if __name__ == "__main__":
    main()
