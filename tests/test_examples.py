"""The examples folder: the notebook tour runs, the script works, the teacher's bank is clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbclient
import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

import interview_prep as ip
from interview_prep.lint.linter import lint_paths

from .conftest import REPO

EXAMPLES = REPO / "examples"
NOTEBOOK = EXAMPLES / "tour.ipynb"
SCRIPT = EXAMPLES / "make_prep_sheet.py"
CUSTOM_BANK = EXAMPLES / "custom-bank.yaml"


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if "__pycache__" not in p.parts}


def output_texts(nb: nbformat.NotebookNode) -> tuple[list[str], list[str]]:
    """Every printed text and every HTML display of the executed notebook."""
    printed: list[str] = []
    html: list[str] = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                printed.append(output.text)
            elif output.output_type in {"display_data", "execute_result"}:
                html.append(output.data.get("text/html", ""))
    return printed, html


def test_notebook_is_saved_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code, "the tour has no code cells"
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)


def test_notebook_runs_top_to_bottom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        pytest.fail(
            "no 'python3' Jupyter kernel: `.venv/bin/pip install ipykernel`, then "
            "`.venv/bin/python -m ipykernel install --sys-prefix --name python3`"
        )
    # the kernel inherits TMPDIR, so the files the tour writes land in pytest's folder
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    before = files_under(EXAMPLES)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()

    errors = [
        output
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if output.output_type == "error"
    ]
    assert errors == []
    printed, html = output_texts(nb)
    everything = "\n".join(printed)
    # a title's last two words are joined by a no-break space on screen
    assert any("<h1>Prep sheet: Registered\u00a0Nurse</h1>" in page for page in html)
    # a number and its unit are joined by a no-break space on screen
    assert any("<h1>Plan: Chef, 30\u00a0minutes</h1>" in page for page in html)
    assert "Dear Dana Ortiz," in everything and "Sam Lee" in everything
    assert "words," in everything and "characters" in everything
    assert "BEGIN:VCALENDAR" in everything
    assert "::lakeside-culinary-advice-first-week::" in everything
    assert "teacher " in everything and "built-in " in everything

    assert files_under(EXAMPLES) == before, "the tour wrote into the examples folder"
    (tour_dir,) = tmp_path.glob("interview-prep-tour-*")
    assert (tour_dir / "prep-sheet.pdf").read_bytes().startswith(b"%PDF")
    assert (tour_dir / "interview.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert (tour_dir / "chef-advice.gift").read_text(encoding="utf-8").startswith("$CATEGORY:")


def run_script(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_script_writes_a_pdf(tmp_path: Path) -> None:
    out = tmp_path / "maria.pdf"
    args = ["--field", "nurse", "--stage", "college", "--minutes", "30"]
    result = run_script(*args, "--contact", "Dana Ortiz", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    assert out.read_bytes().startswith(b"%PDF")

    again = run_script(*args, "-o", str(out), cwd=tmp_path)
    assert again.returncode == 2
    assert "already exists" in again.stderr and "--force" in again.stderr


def test_script_reports_a_misspelt_field(tmp_path: Path) -> None:
    out = tmp_path / "prep.pdf"
    result = run_script("--field", "nurce", "--stage", "college", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: unknown field 'nurce'")
    assert "Registered Nurse" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert not out.exists()


def test_custom_bank_passes_strict_lint() -> None:
    report = lint_paths([CUSTOM_BANK])
    assert report.ok(strict=True), "\n".join(str(finding) for finding in report.findings)
    assert report.silenced == ()
    (bank,) = report.banks
    assert 6 <= len(bank.items) <= 8
    assert all(item.id.startswith("lakeside-culinary-") for item in bank.items)


def test_custom_bank_questions_reach_a_plan() -> None:
    catalog = ip.load_catalog([CUSTOM_BANK])
    plan = ip.plan_interview("chef", "high-school", 30, catalog=catalog)
    assert any(chosen.item.bank == "lakeside-culinary-class" for chosen in plan.questions)
