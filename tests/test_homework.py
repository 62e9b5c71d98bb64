"""A prep sheet's homework: three tasks, none saying what another already says."""

from __future__ import annotations

import itertools

import pytest

import interview_prep as ip
from interview_prep.planning.similar import similarity

POPULAR = [o.id for c in ip.default_catalog().taxonomy.clusters for o in c.occupations if o.popular]


@pytest.mark.parametrize("stage", ["high-school", "college", "career-changer"])
def test_homework_holds_no_two_alike_tasks(stage: str) -> None:
    for occupation in POPULAR:
        plan = ip.plan_interview(occupation, stage, 30)
        assert len(plan.research) == 3, occupation
        for first, second in itertools.combinations(plan.research, 2):
            assert similarity(first.text, second.text) < 0.5, (occupation, first.id, second.id)
