"""The MyST plugin for Jupyter Book 2: its description, its directives, and a real mystmd
build of a small project that uses both (offline: the Markdown export needs no template)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import interview_prep as ip
from interview_prep.cli import main
from interview_prep.integrations.myst import markdown_to_mdast, plugin_path
from interview_prep.integrations.sphinx import InterviewQuestions, InterviewScript

from .tools import need

BIN = Path(sys.executable).parent


def run_plugin(*arguments: str, data: Any = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(plugin_path()), *arguments],
        input=None if data is None else json.dumps(data),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def texts(nodes: list[dict[str, Any]]) -> str:
    return "".join(
        node.get("value", "")
        + texts(node.get("children", []))
        + "\n" * (node["type"] == "paragraph")
        for node in nodes
    )


def test_the_plugin_describes_the_sphinx_directives_and_options() -> None:
    result = run_plugin()
    assert result.returncode == 0, result.stderr
    spec = json.loads(result.stdout)
    names = {d["name"]: set(d["options"]) for d in spec["directives"]}
    assert names == {
        "interview-script": set(InterviewScript.option_spec),
        "interview-questions": set(InterviewQuestions.option_spec),
    }


def test_a_directive_becomes_myst_nodes() -> None:
    options = {"field": "nurse", "stage": "college", "minutes": 20}
    result = run_plugin("--directive", "interview-script", data={"options": options})
    assert result.returncode == 0, result.stderr
    nodes = json.loads(result.stdout)
    headings = [n for n in nodes if n["type"] == "heading"]
    assert headings[0]["depth"] == 2
    assert texts(headings[0]["children"]) == "Interview script: Registered Nurse"
    numbered = [n for n in nodes if n["type"] == "list" and n["ordered"]]
    expected = 1  # question numbers run on across the sections' lists
    for numbered_list in numbered:
        assert numbered_list["start"] == expected
        expected += len(numbered_list["children"])
    plan = ip.plan_interview("nurse", "college", 20)
    assert plan.questions[0].item.text in texts(nodes)


def test_markdown_to_mdast_keeps_tables_emphasis_and_boxes() -> None:
    nodes = markdown_to_mdast("| A | B |\n|---|---|\n| *x* | `y` |\n\n- [ ] done\n", 0)
    table, tasks = nodes
    header, row = table["children"]
    assert header["children"][0] == {
        "type": "tableCell",
        "header": True,
        "children": [{"type": "text", "value": "A"}],
    }
    assert row["children"][0]["children"][0]["type"] == "emphasis"
    assert row["children"][1]["children"][0] == {"type": "inlineCode", "value": "y"}
    assert texts(tasks["children"]).startswith("☐ done")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"field": "nurce", "stage": "college"}, "unknown field 'nurce'"),
        ({"field": "nurse"}, ":stage: which stage are you at?"),
        ({"field": "nurse", "stage": "college", "minutes": "0"}, ":minutes: minutes must be from"),
        ({"stage": "Recent Grad", "minutes": "x", "field": "nurse"}, ":minutes: minutes must be a"),
    ],
)
def test_errors_name_the_directive_like_sphinx(options: dict[str, str], message: str) -> None:
    result = run_plugin("--directive", "interview-script", data={"options": options})
    assert result.returncode == 1
    assert result.stderr.startswith("interview-script: ") and message in result.stderr
    assert result.stdout == ""


def test_cli_tells_where_the_plugin_is(runner: CliRunner) -> None:
    result = runner.invoke(main, ["myst-plugin", "--path"])
    path = Path(result.output.strip())
    assert result.exit_code == 0 and path.name == "interview-prep-myst"
    assert os.access(path, os.X_OK)
    snippet = runner.invoke(main, ["myst-plugin"]).output
    assert "type: executable" in snippet and str(path) in snippet


def test_mystmd_builds_a_project_with_both_directives(tmp_path: Path) -> None:
    need("node", "nodejs")
    myst = BIN / "myst"
    if not myst.is_file():
        need("myst", "mystmd (pip, in the test extras)")
    (tmp_path / "myst.yml").write_text(
        "version: 1\nproject:\n  title: Careers week\n  plugins:\n"
        f"    - type: executable\n      path: {plugin_path()}\n",
        encoding="utf-8",
    )
    (tmp_path / "index.md").write_text(
        "# Careers week\n\n"
        ":::{interview-script}\n:field: nurse\n:stage: college\n:minutes: 20\n:::\n\n"
        ":::{interview-questions}\n:field: electrician\n:stage: high-school\n:theme: advice\n:::\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env["HOME"] = str(tmp_path)  # mystmd keeps its settings and caches under HOME
    result = subprocess.run(
        [str(myst), "build", "index.md", "--md", "--force"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "interview-prep" in result.stdout and "2 directives" in result.stdout
    built = (tmp_path / "_build" / "exports" / "index.md").read_text(encoding="utf-8")
    assert "## Interview script: Registered Nurse" in built
    script = ip.interview_script(ip.plan_interview("nurse", "college", 20))
    assert script.markdown.split("\n")[2] in built
    questions = ip.find_questions("electrician", "high-school", "advice", kind="question")
    assert len(questions.items) >= 3
    for item in questions:
        assert item.text in built


def _myst_project(folder: Path, page: str) -> tuple[Path, dict[str, str]]:
    """A mystmd project with the plugin and one page, and the environment to build it in."""
    need("node", "nodejs")
    myst = BIN / "myst"
    if not myst.is_file():
        need("myst", "mystmd (pip, in the test extras)")
    (folder / "myst.yml").write_text(
        "version: 1\nproject:\n  title: Careers week\n  plugins:\n"
        f"    - type: executable\n      path: {plugin_path()}\nsite:\n  title: Careers week\n",
        encoding="utf-8",
    )
    (folder / "index.md").write_text(page, encoding="utf-8")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env["HOME"] = str(folder)  # mystmd keeps its settings and caches under HOME
    return myst, env


@pytest.mark.slow
@pytest.mark.parametrize("field", ["nurse", "nurce"])
def test_a_strict_site_build_fails_on_a_bad_directive(tmp_path: Path, field: str) -> None:
    """mystmd applies --strict to site builds (``--site``, ``--html``); ``--md`` exports
    print the error but exit 0 whatever the flag, which docs/teachers.md says."""
    page = f"# Careers week\n\n:::{{interview-script}}\n:field: {field}\n:stage: college\n:::\n"
    myst, env = _myst_project(tmp_path, page)

    def build(*flags: str) -> tuple[int, str]:
        result = subprocess.run(
            [str(myst), "build", *flags, "--strict"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
        return result.returncode, result.stdout + result.stderr

    status, output = build("--site")
    if field == "nurce":
        assert status == 1, output
        assert "interview-script: :field: unknown field 'nurce'" in output
        assert "Site has 1 error" in output or "Site has 3 errors" in output
        return
    # the strict check passed; offline, the site's theme cannot be fetched after it
    assert "stopping build" not in output and "⛔" not in output, output
    status, output = build("index.md", "--md")
    assert status == 0 and "⛔" not in output, output
    built = (tmp_path / "_build" / "exports" / "index.md").read_text(encoding="utf-8")
    assert "Interview script: Registered Nurse" in built
