"""A prep sheet's homework: three tasks, none saying what another already says."""

from __future__ import annotations

import itertools

import pytest

import interview_prep as ip
from interview_prep.markdown.typography import curly_quotes
from interview_prep.planning.plan import STANDING_HOMEWORK
from interview_prep.planning.similar import similarity

POPULAR = [o.id for c in ip.default_catalog().taxonomy.clusters for o in c.occupations if o.popular]


@pytest.mark.parametrize("stage", ["high-school", "college", "career-changer"])
def test_homework_holds_no_two_alike_tasks(stage: str) -> None:
    for occupation in POPULAR:
        plan = ip.plan_interview(occupation, stage, 30)
        assert len(plan.research) == 3, occupation
        tasks = [item.text for item in plan.research] + [STANDING_HOMEWORK]
        for first, second in itertools.combinations(tasks, 2):
            assert similarity(first, second) < 0.5, (occupation, first, second)
        sheet = ip.prep_sheet(plan).source
        assert all(f"- [ ] {curly_quotes(task)}" in sheet for task in tasks)
