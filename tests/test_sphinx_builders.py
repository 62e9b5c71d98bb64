"""Sphinx's text and LaTeX builders get formatted scripts, not raw Markdown."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import interview_prep as ip

PAGE = """
Careers unit
============

.. interview-script::
   :field: nurse
   :stage: college
   :minutes: 30
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sphinx") / "src"
    folder.mkdir()
    (folder / "conf.py").write_text(
        'extensions = ["interview_prep.sphinx"]\nproject = "Careers"\n', encoding="utf-8"
    )
    (folder / "index.rst").write_text(textwrap.dedent(PAGE), encoding="utf-8")
    return folder


def build(source: Path, builder: str) -> Path:
    out = source.parent / builder
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, "-W", "-q", str(source), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def test_the_text_builder_numbers_the_questions_under_their_themes(source: Path) -> None:
    text = (build(source, "text") / "index.txt").read_text(encoding="utf-8")
    plan = ip.plan_interview("nurse", "college", 30)
    flat = " ".join(text.split())
    assert re.search(r"-\[ Path into the work \]- 1\. (★ )?\*\*", flat)
    for number, planned in enumerate(plan.questions, start=1):
        star = "★ " if plan.is_must_ask(planned) else ""
        assert f"{number}. {star}**{planned.item.text[:25]}" in flat
    assert "   * Follow-up:" in text
    assert ":::" not in text and "```" not in text and "\\" not in text


def test_the_latex_builder_gets_bold_questions_and_numbered_lists(source: Path) -> None:
    latex = next(build(source, "latex").glob("*.tex")).read_text(encoding="utf-8")
    assert "\\begin{enumerate}" in latex
    assert "\\sphinxstylestrong{How did you land" in latex
    assert "**" not in latex and "sphinxVerbatim" not in latex
