"""The family guide: a document for parents and families, in Markdown, PDF and Word."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import docx
import pdfplumber
import pytest
from click.testing import CliRunner

import interview_prep as ip
from interview_prep.cli import main
from interview_prep.lint.spelling import british_spellings
from interview_prep.markdown.typography import curly_quotes

from .conftest import SEEDS

GOLDEN = Path(__file__).parent / "golden" / "family-guide.md"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def guide() -> ip.Document:
    return ip.family_guide(student="Maya")


def test_golden_markdown(guide: ip.Document) -> None:
    if UPDATE or not GOLDEN.exists():
        GOLDEN.write_text(guide.markdown, encoding="utf-8")
    assert guide.markdown == GOLDEN.read_text(encoding="utf-8")


def test_the_guide_says_what_families_need(guide: ip.Document) -> None:
    text = " ".join(guide.markdown.split())
    assert guide.kind == "family-guide" and text.startswith("# A guide for families: helping Maya")
    for heading in (
        "## It is a request for information, never for a job",
        "## Whom to ask: help Maya find people",
        "## Why people 2, 5, and 10 years into the work are worth asking",
        "## What Maya can ask",
        "## After the meeting",
    ):
        assert heading in text
    for who in (
        "Relatives",
        "Neighbors",
        "Parents of your student’s friends",
        "Teachers",
        "Alumni",
    ):
        assert f"**{who}" in text
    for years in ("About 2 years in", "About 5 years in", "About 10 years in"):
        assert years in text
    assert "I am not looking for a job or an opening" in text
    assert "What should I have asked you that I didn’t?" in text
    assert "Thank-you note within a day" in text
    assert not british_spellings(guide.markdown)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")
def test_no_eight_word_run_is_copied_from_the_seeds(guide: ip.Document) -> None:
    def runs(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))
        return {tuple(words[i : i + 8]) for i in range(len(words) - 7)}

    seeds = set().union(*(runs(p.read_text(encoding="utf-8")) for p in SEEDS.iterdir()))
    assert not runs(guide.markdown) & seeds


def test_a_field_brings_its_own_questions_and_a_what_to_ask() -> None:
    plan = ip.plan_interview("sportscaster", "high-school", 30)
    guide = ip.family_guide(field="sportscaster")
    text = guide.markdown
    assert "For a student curious about work as a sportscaster" in text
    asked = [curly_quotes(p.item.text) for p in plan.questions if p.item.theme == "path"][:1]
    assert asked and f"- {asked[0]}" in text
    assert f"- {curly_quotes(plan.closing[0].item.text)}" in text  # the what-to-ask question
    unknown = ip.family_guide(field="circus juggler").markdown
    assert "For a student curious about “circus juggler”" in unknown
    assert "> “circus juggler” is not one of the jobs listed" in unknown


@pytest.mark.slow
def test_pdf_and_word_hold_the_guide(guide: ip.Document) -> None:
    with pdfplumber.open(io.BytesIO(guide.to_pdf())) as pdf:
        text = " ".join((page.extract_text() or "") for page in pdf.pages)
    text = " ".join(text.replace("’", "'").split())
    assert "A guide for families: helping Maya learn about work" in text
    assert "About 10 years in" in text
    word = docx.Document(io.BytesIO(guide.to_docx()))
    paragraphs = [p.text for p in word.paragraphs]
    assert "Why people 2, 5, and 10 years into the work are worth asking" in paragraphs
    assert any(p.startswith("Relatives") for p in paragraphs)


def test_the_cli_writes_the_guide(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "guide.md"
    result = runner.invoke(main, ["family-guide", "--student", "Maya", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8")
    again = runner.invoke(main, ["family-guide", "-o", str(out)])
    assert again.exit_code == 2 and "already exists" in again.output
    bad = runner.invoke(main, ["family-guide", "--field", "nurce"])
    assert bad.exit_code == 2 and "did you mean" in bad.output
