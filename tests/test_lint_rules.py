"""The linter's spoken-language rules, coverage of occupations, and its speed on big banks."""

from __future__ import annotations

import itertools
import random
import time
from datetime import date

import pytest

import interview_prep as ip
from interview_prep.lint.linter import lint_banks
from interview_prep.lint.spelling import british_spellings
from interview_prep.lint.wording import dated_terms, second_ask
from interview_prep.model import Bank, Item
from interview_prep.planning.similar import (
    NEAR_DUPLICATE,
    candidate_pairs,
    gist,
    gist_similarity,
    near_duplicate,
    similarity,
)

from .test_subclusters import fixture_catalog

# questions from the banks as they were before issue 10's spoken-language pass
DOUBLE = [
    "When have you felt stuck in your career, and what got you moving again?",
    "What do you enjoy most about this work, and what wears on you week after week?",
    "Which changes in funding, curriculum laws or school choice are you watching most "
    "closely, and why?",
    "Which moment today gave you the most satisfaction, and why that one?",
    "Who do you talk to most on a normal day, and about what?",
    "How do promotions work at your firm, and where do consultants usually go when they leave?",
    "What time do you start and finish work, and what are your weekends like?",
    "What was hard about your first year and would you do it again?",
    "What would you change about your training? What would you keep?",
    "How did you get in and who helped you most?",
    "Which jobs or clubs did you try as a teen, and which ones helped you later?",
    "What's the best part of your day, and what's the worst?",
    "Which skills do you use most, and with whom?",
]
SINGLE = [
    "What do you like and dislike about your work?",
    "What's the best and the hardest part of your week?",
    "How and why did you choose this trade?",
    "How far and how fast can someone who starts in their thirties move up here?",
    "How does the chain of command shape who gets heard and how decisions get made here?",
    "How much of where you are now came from planning, and how much from chance?",
    "How are your hours split between being outdoors, driving, and sitting at a desk?",
    "What surprised you about what people earn and how they get promoted?",
    "How would you describe the mood here after a good quarter, and after a bad one?",
    "What do you wish you had learned and practiced before your first day?",
    "How do you and your crew live with the risk of working near live lines?",
]


@pytest.mark.parametrize("text", DOUBLE)
def test_a_second_question_in_one_item_is_found(text: str) -> None:
    assert second_ask(text), text


@pytest.mark.parametrize("text", SINGLE)
def test_one_ask_about_two_things_is_not_a_double_question(text: str) -> None:
    assert second_ask(text) is None, second_ask(text)


def test_the_detector_flags_about_a_third_of_the_old_banks_as_reviewers_counted(
    catalog: ip.Catalog,
) -> None:
    # the editorial review counted 33% double-barrelled questions by hand in the old banks
    questions = [i.text for i in catalog.items if i.kind == "question"]
    share = sum(1 for text in questions if second_ask(text)) / len(questions)
    assert share <= 0.40


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Which licence or programme?", [("licence", "license"), ("programme", "program")]),
        (
            "How do you use judgement and practise it?",
            [("judgement", "judgment"), ("practise", "practice")],
        ),
        (
            "Which organisation recognised your behaviour?",
            [
                ("organisation", "organization"),
                ("recognised", "recognized"),
                ("behaviour", "behavior"),
            ],
        ),
        (
            "Who in the Centre travelled towards the theatre?",
            [
                ("Centre", "Center"),
                ("travelled", "traveled"),
                ("towards", "toward"),
                ("theatre", "theater"),
            ],
        ),
        ("What was your first pay cheque like?", [("pay cheque", "paycheck")]),
        (
            "How do you analyse paediatric anaesthesia records?",
            [
                ("analyse", "analyze"),
                ("paediatric", "pediatric"),
                ("anaesthesia", "anesthesia"),
            ],
        ),
    ],
)
def test_british_spellings_get_their_american_form(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert british_spellings(text) == expected


def test_american_and_shared_words_pass_the_spelling_rule() -> None:
    text = (
        "Which exercise, promise or surprise did you advise, supervise or revise? What was "
        "the unadvertised fundraiser at the enterprise totally about? How did you practice "
        "for the license, the program, and the color of your organization's center?"
    )
    assert british_spellings(text) == []


def test_dated_terms_are_brands_events_and_years() -> None:
    text = "Since the pandemic, how has TikTok or post-COVID hiring in 2025 changed your work?"
    assert dated_terms(text) == ["TikTok", "Since the pandemic", "post-COVID", "2025"]
    assert dated_terms("How do you zoom in on what matters, and who helps you find it?") == []


def _item(item_id: str, text: str, **keys: object) -> Item:
    return Item(id=item_id, text=text, theme=str(keys.pop("theme", "path")), **keys)  # type: ignore[arg-type]


WHY = "Tells you how the person finds work now, and what a newcomer would have to learn."


def test_review_by_allows_a_dated_term_until_its_month() -> None:
    taxonomy = fixture_catalog().taxonomy
    bank = Bank(
        "dated",
        "Dated",
        (
            _item("a", "How has TikTok changed how you find clients?", why=WHY),
            _item("b", "How has Instagram changed your week?", why=WHY, review_by="2027-06"),
        ),
    )
    before = lint_banks([bank], taxonomy, today=date(2027, 6, 30))
    assert {(f.item_id, f.rule) for f in before.findings} == {("a", "dated-reference")}
    after = lint_banks([bank], taxonomy, today=date(2027, 7, 1))
    assert {(f.item_id, f.rule) for f in after.findings} == {
        ("a", "dated-reference"),
        ("b", "review-due"),
    }


def test_the_median_length_of_a_bank_is_held_to_fifteen_words() -> None:
    taxonomy = fixture_catalog().taxonomy
    long = "What did you learn in your first long and busy year at the shop you still run?"
    short = "What did you learn in your first year?"
    wordy = Bank("wordy", "Wordy", tuple(_item(f"w{n}", long, why="x") for n in range(3)))
    brief = Bank("brief", "Brief", tuple(_item(f"b{n}", short, why="x") for n in range(3)))
    rules = {
        (f.message.split(":")[0], f.rule) for f in lint_banks([wordy, brief], taxonomy).findings
    }
    assert ("wordy", "long-median") in rules
    assert ("brief", "long-median") not in rules


def test_occupations_need_questions_of_their_own() -> None:
    catalog = fixture_catalog()
    report = lint_banks(catalog.banks, catalog.taxonomy, occupations=True)
    coverage = sorted(f.message for f in report.findings if f.rule == "occupation-coverage")
    assert coverage == [
        "occupation 'actor' has 0 questions of its own on 0 core themes",
        "occupation 'graphic-designer' has 0 questions of its own on 0 core themes",
        "popular occupation 'journalist' has 1 questions of its own on 1 core themes",
    ]
    extra = Bank(
        "extra",
        "Extra",
        tuple(
            _item(
                f"j{n}",
                f"What {word} you most as a reporter?",
                theme=theme,
                fields=("journalist",),
                why="x",
            )
            for n, (word, theme) in enumerate(
                [("surprised", "typical-day"), ("helped", "advice"), ("taught", "path")]
            )
        )
        + tuple(
            _item(f"{occ}{n}", f"What did your {n} {occ} job teach you?", fields=(occ,), why="x")
            for occ in ("actor", "graphic-designer")
            for n in ("first", "second")
        ),
    )
    report = lint_banks((*catalog.banks, extra), catalog.taxonomy, occupations=True)
    assert not [f for f in report.findings if f.rule == "occupation-coverage"]


def _generated_questions(count: int, seed: int, parts: int = 2) -> list[str]:
    """Questions spliced from ``parts`` real ones: alike in words and shape, as a big bank's
    items are; the fewer the parts, the more near-duplicates among them."""
    real = [i.text.rstrip("?").split() for i in ip.default_catalog().items if i.kind == "question"]
    rng = random.Random(seed)
    made = []
    for _ in range(count):
        pieces = rng.sample(real, parts)
        words = [
            word
            for n, piece in enumerate(pieces)
            for word in piece[len(piece) * n // parts : len(piece) * (n + 1) // parts]
        ]
        made.append(" ".join(words) + "?")
    return made


def test_candidate_pairs_miss_no_near_duplicate() -> None:
    texts = _generated_questions(900, seed=1)
    gists = [gist(t) for t in texts]
    candidates = set(candidate_pairs(gists))
    twins = 0
    for a, b in itertools.combinations(range(len(texts)), 2):
        score = similarity(texts[a], texts[b])
        assert near_duplicate(gists[a], gists[b]) == (score >= NEAR_DUPLICATE)
        if score >= NEAR_DUPLICATE:
            twins += 1
            assert (a, b) in candidates, (texts[a], texts[b])
    assert twins > 10  # the generated set holds enough twins to test with
    assert len(candidates) < len(texts) * (len(texts) - 1) / 2 / 10
    assert gist_similarity(gists[0], gists[0]) == 1.0


def test_five_thousand_items_lint_in_a_few_seconds() -> None:
    taxonomy = ip.default_catalog().taxonomy
    items = tuple(
        _item(f"gen-{n}", text, fields=("healthcare-human-services",), why="Generated.")
        for n, text in enumerate(_generated_questions(5_000, seed=2, parts=3))
    )
    started = time.process_time()
    report = lint_banks([Bank("big", "Big", items)], taxonomy, ip.default_catalog().banks)
    spent = time.process_time() - started
    assert sum(f.rule == "near-duplicate" for f in report.findings) > 20
    # about 4.5 s of processor time on a busy 2-core machine; the old linter never finished
    assert spent < 15, spent
