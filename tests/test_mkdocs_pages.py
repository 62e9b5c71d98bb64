"""A script and a prep sheet included in an MkDocs page, built by a real `mkdocs build`."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import interview_prep as ip

CONFIG = """site_name: Careers
markdown_extensions:
  - sane_lists
  - pymdownx.snippets:
      base_path: [docs]
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> str:
    project = tmp_path_factory.mktemp("mkdocs")
    docs = project / "docs"
    docs.mkdir()
    plan = ip.plan_interview("nurse", "college", 30)
    (docs / "script.md").write_text(ip.interview_script(plan).markdown, encoding="utf-8")
    (docs / "index.md").write_text('# Interviews\n\n--8<-- "script.md"\n', encoding="utf-8")
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    return (project / "site" / "index.html").read_text(encoding="utf-8")


def test_the_questions_stay_one_numbered_list(built: str) -> None:
    plan = ip.plan_interview("nurse", "college", 30)
    lists = re.findall(r"<ol[^>]*>(.*?)</ol>", built, re.S)
    assert len(lists) == 1
    for planned in (*plan.questions, *plan.closing):
        assert planned.item.text.replace("'", "&#x27;")[:30] in built or (
            planned.item.text[:30] in built
        )
    assert lists[0].count("<li>") >= len(plan.questions) + len(plan.closing)


def test_follow_ups_nest_under_their_question(built: str) -> None:
    assert re.search(r"</em>\s*<ul>\s*<li>Follow-up:", built)
    assert "- Follow-up:" not in built


def test_section_titles_break_the_line_without_a_backslash(built: str) -> None:
    assert "Path into the work<br" in built
    assert "\\</" not in built and "\\\n" not in built
