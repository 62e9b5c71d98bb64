"""Classrooms: batch handouts, the assignment handout, exports, embedding, authoring."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

import interview_prep as ip
from interview_prep.batch import RosterError, read_roster, run_batch, safe_file_name
from interview_prep.cli import main

from .conftest import REPO

EXAMPLE_ROSTER = REPO / "examples" / "roster.csv"


@pytest.fixture(scope="module")
def roster_with_two_bad_rows(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = list(csv.reader(EXAMPLE_ROSTER.read_text(encoding="utf-8").splitlines()))
    header, students = rows[0], rows[1:]
    students = students[:28]
    bad_field = ["Pat Doe", "astronaut-chef", "college", "30", "", "", "", "", ""]
    no_name = ["", "nurse", "college", "30", "", "", "", "", ""]
    students[4:4] = [bad_field]
    students[20:20] = [no_name]
    path = tmp_path_factory.mktemp("roster") / "class.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows([header, *students])
    return path


def test_thirty_rows_two_bad(roster_with_two_bad_rows: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["batch", str(roster_with_two_bad_rows), "--out", str(tmp_path), "--jobs", "2"]
    )
    assert result.exit_code == 1
    pdfs = sorted(p for p in tmp_path.glob("*.pdf") if not p.name.startswith("all-"))
    assert len(pdfs) == 28
    combined = PdfReader(tmp_path / "all-prep-sheets.pdf")
    assert len(combined.pages) == sum(len(PdfReader(p).pages) for p in pdfs)
    texts = [(page.extract_text() or "").replace("’", "'") for page in combined.pages]
    first_pages = [text for text in texts if text.startswith("Prep sheet")]
    names = [
        row["name"]
        for row in csv.DictReader(roster_with_two_bad_rows.read_text(encoding="utf-8").splitlines())
        if row["name"]
    ]
    names.remove("Pat Doe")
    found = [next(n for n in names if n in text) for text in first_pages]
    assert found == names
    assert "28 of 30 students done" in result.stdout
    assert "row 6 (Pat Doe): unknown field 'astronaut-chef'" in result.stdout
    assert "row 22 (no name): no name" in result.stdout


def test_rerun_keeps_finished_files_and_same_inputs_give_same_files(tmp_path: Path) -> None:
    students = read_roster(EXAMPLE_ROSTER)[:3]
    first = run_batch(students, tmp_path, format="md", executor=ThreadPoolExecutor(2))
    made = {o.path: o.path.read_text(encoding="utf-8") for o in first.made if o.path}
    assert len(made) == 3 and first.combined == ()
    second = run_batch(students, tmp_path, format="md", jobs=1)
    assert all(o.skipped for o in second.outcomes)
    third = run_batch(students, tmp_path, format="md", force=True, executor=ThreadPoolExecutor(1))
    assert {o.path: o.path.read_text(encoding="utf-8") for o in third.made if o.path} == made
    texts = list(made.values())
    assert len(set(texts)) == 3 and "prepared for Maria García" in texts[0]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Maria García", "001-maria-garcia.pdf"),
        ("../../etc/passwd", "001-etc-passwd.pdf"),
        ("/absolute/path", "001-absolute-path.pdf"),
        ("CON", "001-con.pdf"),
        ("李雷", "001-student.pdf"),
        ("", "001-student.pdf"),
    ],
)
def test_file_names_stay_inside_the_folder(name: str, expected: str) -> None:
    assert safe_file_name(1, name, "pdf") == expected


def test_roster_problems_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("nmae,feild\nAna,nurse\n", encoding="utf-8")
    with pytest.raises(RosterError) as caught:
        read_roster(bad)
    assert "did you mean 'name'?" in str(caught.value)
    assert "did you mean 'field'?" in str(caught.value)
    with pytest.raises(RosterError, match="cannot read"):
        read_roster(tmp_path / "missing.csv")
    runner = CliRunner()
    result = runner.invoke(main, ["batch", str(bad), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_yaml_roster(tmp_path: Path) -> None:
    roster = tmp_path / "class.yaml"
    roster.write_text(
        textwrap.dedent("""
        students:
          - {name: Ana Ruiz, field: nurse, stage: high-school}
          - {name: Ben Ode, field: chef, minutes: 20}
        """),
        encoding="utf-8",
    )
    students = read_roster(roster)
    assert [s.name for s in students] == ["Ana Ruiz", "Ben Ode"]
    assert students[1].row == 4
    result = run_batch(students, tmp_path / "out", format="md", jobs=1)
    assert len(result.made) == 2


def test_assignment_handout() -> None:
    handout = ip.assignment_handout(
        date(2026, 3, 2), course="Career Exploration 10", teacher="Ms Rivera", shadow=True
    )
    text = handout.markdown
    assert "Career Exploration 10 · Ms Rivera · 4 weeks, from Monday 2 March 2026" in text
    assert "not for a\njob" in text or "not for a job" in text
    assert "| Criterion | Excellent (4)" in text and "job shadow" in text
    assert "Monday 30 March 2026" in text
    pdf = handout.to_pdf()
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 2
    with pytest.raises(ip.PlanError, match="2 to 12 weeks"):
        ip.assignment_handout(date(2026, 3, 2), weeks=1)


def test_gift_export_parses_with_an_independent_parser(tmp_path: Path) -> None:
    found = ip.find_questions("nurse", "college", theme="advice")
    gift = found.export("gift", "interview_prep/nurse")
    source = tmp_path / "questions.gift"
    source.write_text(gift, encoding="utf-8")
    code = (
        "import json, sys\n"
        "from pygiftparser import parser\n"
        "g = parser.parse(open(sys.argv[1], encoding='utf-8').read())\n"
        "print(json.dumps([[q.name, q.text, type(q.answer).__name__, q.category]"
        " for q in g.questions]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(source)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    parsed = json.loads(out.stdout.splitlines()[-1])
    assert [p[0] for p in parsed] == [i.id for i in found]
    # the parser keeps Moodle's [plain] format marker as part of the text; Moodle reads it
    # as "show this text as it is, never as HTML"
    assert [p[1] for p in parsed] == ["[plain]" + i.text for i in found]
    assert {p[2] for p in parsed} == {"Essay"}
    assert {p[3] for p in parsed} == {"interview_prep/nurse"}


def test_csv_and_json_exports_round_trip() -> None:
    found = ip.find_questions("electrician", "high-school")
    rows = list(csv.DictReader(io.StringIO(found.export("csv"))))
    assert [r["id"] for r in rows] == [i.id for i in found]
    assert json.loads(found.export("json"))[0]["text"] == found.items[0].text
    with pytest.raises(ip.UnknownNameError):
        found.export("docx")


def test_markdown_and_html_fragments_for_course_pages(runner: CliRunner) -> None:
    sheet = ip.interview_script(ip.plan_interview("nurse", "college", 30))
    assert sheet.to_html(fragment=True, heading_offset=1).startswith("<h2>")
    assert sheet.to_markdown(heading_offset=2).startswith("### Interview script")
    result = runner.invoke(
        main,
        [
            "script",
            "-f",
            "nurse",
            "-s",
            "college",
            "--format",
            "html",
            "--fragment",
            "--heading-level",
            "2",
        ],
    )
    assert result.exit_code == 0 and result.stdout.startswith("<h2>")


def test_banks_init_writes_a_starter_that_passes_lint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["banks", "init", "mercy-health", "--field", "nurse"])
    assert result.exit_code == 0
    bank = tmp_path / "mercy-health.yaml"
    assert "fields: [registered-nurse]" in bank.read_text(encoding="utf-8")
    lint = runner.invoke(main, ["banks", "lint", "--strict", str(bank)])
    assert lint.exit_code == 0, lint.stdout
    again = runner.invoke(main, ["banks", "init", "mercy-health"])
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_sphinx_project_builds_with_the_directives(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        'extensions = ["interview_prep.sphinx"]\nproject = "Careers"\n',
        encoding="utf-8",
    )
    (source / "index.rst").write_text(
        textwrap.dedent("""
        Careers unit
        ============

        .. interview-script::
           :field: nurse
           :stage: college
           :minutes: 30

        .. interview-questions::
           :field: electrician
           :stage: high-school
           :theme: advice
        """),
        encoding="utf-8",
    )
    out = tmp_path / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-q", str(source), str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    page = (out / "index.html").read_text(encoding="utf-8")
    plan = ip.plan_interview("nurse", "college", 30)
    assert "<h2>Interview script: Registered Nurse</h2>" in page
    assert all(p.item.text.replace("'", "’")[:30] in page.replace("'", "’") for p in plan.questions)
    assert "interview-prep" in page


def test_plugin_package_contributes_its_bank(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(REPO / "examples" / "plugin-package"),
        ],
        check=True,
        capture_output=True,
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    listing = subprocess.run(
        [sys.executable, "-m", "interview_prep", "banks", "list"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "mercy-hospital-week" in listing.stdout
    questions = subprocess.run(
        [
            sys.executable,
            "-m",
            "interview_prep",
            "questions",
            "-f",
            "nurse",
            "-s",
            "high-school",
            "--theme",
            "advice",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "mercy-week-advice-volunteer" in questions.stdout


def test_handout_due_dates_fall_on_school_days() -> None:
    for offset in range(7):
        start = date(2026, 3, 2 + offset)
        handout = ip.assignment_handout(start, weeks=3)
        assert "Saturday" not in handout.markdown.split("## Steps")[1].split("## How")[0]
        assert "Sunday" not in handout.markdown.split("## Steps")[1].split("## How")[0]
