"""Lint rules of issue 18: why lines that teach, broad items that fit every job they reach,
questions on their theme, and no work barred for under-18s in high-school items."""

from __future__ import annotations

import pytest

import interview_prep as ip
from interview_prep.lint.linter import lint_banks
from interview_prep.model import Bank, Item, Taxonomy

from .test_subclusters import fixture_catalog

FIXTURE_TAXONOMY = fixture_catalog().taxonomy
WHY = "Tells you how people really find their first paid work here."


def _rules(taxonomy: Taxonomy | None = None, **item: object) -> list[tuple[str, str]]:
    fields = {"id": "x-item", "text": "What did you learn first?", "theme": "path", "why": WHY}
    fields.update(item)
    bank = Bank("x", "X", (Item(**fields),))  # type: ignore[arg-type]
    report = lint_banks([bank], taxonomy or FIXTURE_TAXONOMY)
    return [(f.rule, f.message) for f in report.findings if f.item_id == "x-item"]


def _ids(**item: object) -> list[str]:
    return [rule for rule, _ in _rules(**item)]


@pytest.mark.parametrize(
    ("why", "flagged"),
    [
        ("Shows the route into copywriting.", True),
        ("Shows what pulls people in.", True),  # five words
        ("Shows the real work of border agents, day by day.", True),
        ("Shows where travel advising is heading, in one place.", True),
        ("Tells you whether a degree or a portfolio opened the first door.", False),
        ("Shows the route into the work, so you can see which step to take this year.", False),
    ],
)
def test_why_lines_say_what_the_answer_tells(why: str, flagged: bool) -> None:
    assert ("why-line" in _ids(why=why)) is flagged


def test_a_broad_item_with_a_narrow_jobs_words_is_flagged_until_reviewed() -> None:
    broad = {
        "text": "How does grading fit into your week?",
        "fields": ("arts-entertainment-design",),
    }
    (message,) = [m for rule, m in _rules(**broad) if rule == "broad-fit"]
    assert "'grading'" in message and "all 3 jobs of arts-entertainment-design" in message
    assert "broad-fit" not in _ids(**broad, not_for=("actor",))  # the author has read it
    assert "broad-fit" not in _ids(**{**broad, "fields": ("journalist",)})  # one job: fine
    # a sub-cluster whose own name holds the word is not flagged for it
    care = {
        "text": "Which patients stay with you after a shift?",
        "fields": ("direct-patient-care",),
    }
    taxonomy = ip.load_catalog().taxonomy
    assert "broad-fit" not in [rule for rule, _ in _rules(taxonomy, **care)]
    whole = {**care, "fields": ("healthcare-human-services",)}
    assert "broad-fit" in [rule for rule, _ in _rules(taxonomy, **whole)]
    # a cluster's name is an umbrella: car mechanics are in it, and not in transportation
    landed = {
        "text": "How did you end up in transportation?",
        "fields": ("supply-chain-transportation",),
    }
    assert "broad-fit" in [rule for rule, _ in _rules(taxonomy, **landed)]


@pytest.mark.parametrize(
    ("theme", "text", "topic", "flagged"),
    [
        ("promotion", "How have people you know come back after years away?", None, True),
        ("promotion", "How do pensions shape the choices of people who join later?", None, True),
        ("likes-dislikes", "What did boot camp teach you that you still use?", None, True),
        ("promotion", "What did your last step up ask of you?", "promotion-path", False),
        ("promotion", "What did your last step up ask of you?", "coming-back", True),
        ("path", "How did you get hired?", "getting-hired", False),
        ("likes-dislikes", "What was training at Quantico like for you?", None, True),
        ("skills", "What could I learn for free that you use?", "advice-now", False),  # not core
    ],
)
def test_likely_off_theme_items_are_flagged(
    theme: str, text: str, topic: str | None, flagged: bool
) -> None:
    found = _rules(ip.load_catalog().taxonomy, theme=theme, text=text, topic=topic)
    assert ("off-theme" in [rule for rule, _ in found]) is flagged


@pytest.mark.parametrize(
    ("text", "stages", "flagged"),
    [
        (
            "What would you tell me before my first summer on a roofing crew?",
            ("high-school",),
            True,
        ),
        ("What would you tell me before my first summer on a roofing crew?", (), True),
        ("What should I know before I drive a forklift?", ("high-school",), True),
        ("How did you learn to serve alcohol safely?", ("high-school",), True),
        ("Which job on a demolition site would you give a beginner?", ("high-school",), True),
        ("What is hardest about roofing in the summer heat?", (), False),  # about them
        ("What would you tell me before my first roofing job?", ("career-changer",), False),
        ("What could I help with in your shop this summer?", ("high-school",), False),
    ],
)
def test_high_school_items_never_suggest_barred_work(
    text: str, stages: tuple[str, ...], flagged: bool
) -> None:
    found = _ids(text=text, stages=stages)
    assert ("child-labor" in found) is flagged
    if flagged:
        assert [r for r in found if r == "child-labor"] == ["child-labor"]


def test_child_labor_is_an_error_and_the_others_warnings() -> None:
    item = Item(
        "x-roof",
        "What would you tell me before my first summer on a roofing crew?",
        "advice",
        stages=("high-school",),
        why="Short.",
    )
    report = lint_banks([Bank("x", "X", (item,))], FIXTURE_TAXONOMY)
    severity = {f.rule: f.severity for f in report.findings}
    assert severity["child-labor"] == "error" and severity["why-line"] == "warning"
    assert not report.ok()
