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

import pikepdf
import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader

import interview_prep as ip
from interview_prep.batch import (
    RosterError,
    parse_roster,
    read_roster,
    run_batch,
    safe_file_name,
)
from interview_prep.cli import main

from .conftest import REPO

EXAMPLE_ROSTER = REPO / "examples" / "roster.csv"


@pytest.fixture(scope="module")
def roster_with_two_bad_rows(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = list(csv.reader(EXAMPLE_ROSTER.read_text(encoding="utf-8").splitlines()))
    header, students = rows[0], rows[1:]
    students = students[:28]
    bad_field = ["Pat Doe", "nurce", "college", "30", "", "", "", "", ""]
    no_name = ["", "nurse", "college", "30", "", "", "", "", ""]
    students[4:4] = [bad_field]
    students[20:20] = [no_name]
    path = tmp_path_factory.mktemp("roster") / "class.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows([header, *students])
    return path


@pytest.fixture(scope="module")
def thirty_batch(
    roster_with_two_bad_rows: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Result]:
    """The thirty-row class made once as PDFs by the CLI, for the tests that read it."""
    out = tmp_path_factory.mktemp("thirty")
    result = CliRunner().invoke(
        main, ["batch", str(roster_with_two_bad_rows), "--out", str(out), "--jobs", "2"]
    )
    return out, result


def _page_texts(path: Path) -> list[str]:
    """Every page's text, read by PDFium (the engine of Chrome's viewer)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return [
            document[n].get_textpage().get_text_range().replace("\r\n", "\n").replace("’", "'")
            for n in range(len(document))
        ]
    finally:
        document.close()


def _pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


@pytest.mark.slow
def test_thirty_rows_two_bad(
    roster_with_two_bad_rows: Path, thirty_batch: tuple[Path, Result]
) -> None:
    out, result = thirty_batch
    assert result.exit_code == 1
    pdfs = sorted(p for p in out.glob("*.pdf") if not p.name.startswith("all-"))
    assert len(pdfs) == 28
    combined = out / "all-prep-sheets.pdf"
    texts = _page_texts(combined)
    assert len(texts) == sum(map(_pages, pdfs))
    first_pages = [text for text in texts if "Page 1 of" in text]
    names = [
        row["name"]
        for row in csv.DictReader(roster_with_two_bad_rows.read_text(encoding="utf-8").splitlines())
        if row["name"]
    ]
    names.remove("Pat Doe")
    found = [next(n for n in names if n in text) for text in first_pages]
    assert found == names
    assert "28 of 30 students done" in result.stdout
    assert "row 6 (Pat Doe): field: unknown field 'nurce'" in result.stdout
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
    assert "Career Exploration 10 · Ms Rivera · 4 weeks, from March 2, 2026" in text
    assert "not for a\njob" in text or "not for a job" in text
    assert "| Criterion | Excellent (4)" in text and "job shadow" in text
    assert "| Mon, Mar 30 |" in text
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


# --- rosters as teachers save them ---------------------------------------------------------


def _students(path: Path) -> list[tuple[int, dict[str, str]]]:
    return [(s.row, dict(s.values)) for s in read_roster(path)]


def test_an_excel_roster_saved_by_openpyxl(tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Notes"
    notes.append(["Period 3, spring"])
    sheet = book.create_sheet("Class")
    sheet.append(["Name", "Field", "Stage", "Minutes", "Meeting Format", "When"])
    sheet.append(
        ["Ana Ruiz", "nurse", "High School", 30, "In Person", datetime(2026, 3, 14, 15, 30)]
    )
    sheet.append([None, None, None, None, None, None])
    sheet.append(["Bo Li", "electrician", "HIGH-SCHOOL", 45.0, "Video", None])
    path = tmp_path / "class.xlsx"
    book.save(path)
    assert _students(path) == [
        (
            2,
            {
                "name": "Ana Ruiz",
                "field": "nurse",
                "stage": "high-school",
                "minutes": "30",
                "meeting_format": "in-person",
                "when": "2026-03-14T15:30",
            },
        ),
        (
            4,
            {
                "name": "Bo Li",
                "field": "electrician",
                "stage": "high-school",
                "minutes": "45",
                "meeting_format": "video",
            },
        ),
    ]
    assert parse_roster(path.read_bytes(), "upload.xlsx") == read_roster(path)  # an upload
    result = CliRunner().invoke(
        main, ["batch", str(path), "--out", str(tmp_path / "out"), "--format", "MD", "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    made = (tmp_path / "out" / "001-ana-ruiz.md").read_text(encoding="utf-8")
    assert "Ana Ruiz, a high-school student" in made


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ","), ("utf-8-sig", ";"), ("utf-8", "\t"), ("utf-16", "\t")],
    ids=["comma", "comma-bom", "semicolon-bom", "tab", "excel-unicode-text"],
)
def test_csv_delimiters_and_byte_order_marks(tmp_path: Path, encoding: str, delimiter: str) -> None:
    rows = [
        ["Name", "Field", "Stage", "Title"],
        ["José Núñez", "chef", "College", "Chef; owner, Ñam"],
    ]
    path = tmp_path / "class.csv"
    with path.open("w", encoding=encoding, newline="") as stream:
        csv.writer(stream, delimiter=delimiter).writerows(rows)
    assert _students(path) == [
        (
            2,
            {
                "name": "José Núñez",
                "field": "chef",
                "stage": "college",
                "title": "Chef; owner, Ñam",
            },
        )
    ]


def test_a_windows_csv_keeps_its_accents(tmp_path: Path) -> None:
    path = tmp_path / "class.csv"
    path.write_bytes("name;field\nJosé Núñez;chef\n".encode("cp1252"))
    assert _students(path) == [(2, {"name": "José Núñez", "field": "chef"})]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (
            lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
            "Excel 97-2003",
        ),
        (
            lambda p: _zip(p, {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
            "OpenDocument spreadsheet",
        ),
        (lambda p: _zip(p, {"word/document.xml": b"<w/>"}), "word-processing document"),
        (lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "a PDF"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "not a text file"),
        (lambda p: p.write_bytes(b"PK\x03\x04 cut short"), "damaged"),
    ],
    ids=["xls", "ods", "docx", "pdf", "png", "broken-zip"],
)
def test_a_file_that_is_no_roster_says_what_it_is(tmp_path: Path, make, said: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "class.csv"
    make(path)
    with pytest.raises(RosterError) as caught:
        read_roster(path)
    message = str(caught.value)
    assert said in message and "save it as an Excel workbook (.xlsx) or as CSV" in message
    result = CliRunner().invoke(main, ["batch", str(path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and said in result.output and result.exception is not None
    assert isinstance(result.exception, SystemExit)


def test_options_are_case_and_separator_insensitive(tmp_path: Path) -> None:
    roster = tmp_path / "class.csv"
    roster.write_text("name,field,mode\nAna Ruiz,nurse,Interview\n", encoding="utf-8")
    args = ["batch", str(roster), "--out", str(tmp_path / "o"), "-j", "1"]
    options = ["--format", "Md", "-d", "Prep Sheet", "-s", "High School", "--paper", "A4"]
    result = CliRunner().invoke(main, [*args, *options])
    assert result.exit_code == 0, result.output
    assert "a high-school student" in (tmp_path / "o" / "001-ana-ruiz.md").read_text("utf-8")


# --- the batch folder belongs to the batch (reliability review N11, N12) ----------------------


ONE = "name,field\nAna Ruiz,nurse\n"


def _cli_batch(roster: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process, so a hang is a failed test rather than a stuck suite."""
    return subprocess.run(
        [sys.executable, "-m", "interview_prep", "batch", str(roster), "--out", str(out), *extra],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("kind", ["symlink", "folder", "fifo"])
def test_a_tampered_batch_record_is_refused(tmp_path: Path, kind: str) -> None:
    import os

    roster = tmp_path / "class.csv"
    roster.write_text(ONE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    record = out / ".interview-prep-batch.jsonl"
    victim = tmp_path / "victim.txt"
    victim.write_text("a file outside the batch folder\n", encoding="utf-8")
    if kind == "symlink":
        record.symlink_to(victim)
    elif kind == "folder":
        record.mkdir()
    else:
        os.mkfifo(record)
    result = _cli_batch(roster, out, "--format", "md", "-j", "1")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "batch record" in result.stderr and "delete .interview-prep-batch.jsonl" in result.stderr
    assert victim.read_text(encoding="utf-8") == "a file outside the batch folder\n"
    assert not list(out.glob("*.md"))


@pytest.mark.slow
def test_files_the_batch_did_not_make_are_kept_without_force(tmp_path: Path) -> None:
    roster = tmp_path / "class.csv"
    roster.write_text(ONE + "Bo Li,electrician\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    mine = b"%PDF-1.4 my own printout"
    (out / "all-scripts.pdf").write_bytes(mine)
    runner = CliRunner()
    args = ["batch", str(roster), "--out", str(out), "-d", "script", "-j", "1"]
    first = runner.invoke(main, args)
    assert first.exit_code == 1, first.output
    assert "not combined: all-scripts.pdf is already there and this batch did not make it" in (
        first.output
    )
    assert (out / "all-scripts.pdf").read_bytes() == mine
    assert _pages(out / "001-ana-ruiz.pdf") >= 1 and _pages(out / "002-bo-li.pdf") >= 1
    # a file the batch made and someone then edited is not replaced either
    ana = out / "001-ana-ruiz.pdf"
    ana.write_bytes(ana.read_bytes() + b"\n% my note\n")
    edited = ana.read_bytes()
    second = runner.invoke(main, [*args, "--minutes", "45"])
    assert second.exit_code == 1
    assert "row 2 (Ana Ruiz): 001-ana-ruiz.pdf is already there" in second.output
    assert ana.read_bytes() == edited and (out / "all-scripts.pdf").read_bytes() == mine
    forced = runner.invoke(main, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    assert ana.read_bytes() != edited
    assert _pages(out / "all-scripts.pdf") == _pages(ana) + _pages(out / "002-bo-li.pdf")
    # unchanged since: the rerun keeps every file, the one to print included
    again = runner.invoke(main, args)
    assert again.exit_code == 0 and "2 already there" in again.output


def test_a_shadow_plan_dated_near_year_9999_is_a_row_error(tmp_path: Path) -> None:
    roster = tmp_path / "class.csv"
    roster.write_text(
        "name,field,when\nAna Ruiz,nurse,9999-12-31T23:59\nBo Li,chef,2026-03-14T15:30\n",
        encoding="utf-8",
    )
    result = _cli_batch(roster, tmp_path / "out", "-d", "shadow-plan", "--format", "md", "-j", "1")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "row 2 (Ana Ruiz): when: the meeting time 9999-12-31 is outside the years" in (
        result.stdout
    )
    assert "check the year" in result.stdout
    assert (tmp_path / "out" / "002-bo-li.md").is_file()


@pytest.mark.slow
def test_parts_to_print_are_merged_as_soon_as_their_students_are_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interview_prep.batch import combine

    monkeypatch.setattr(combine, "CHUNK", 2)
    students = read_roster(EXAMPLE_ROSTER)[:5]
    parts = {
        1: tmp_path / "all-scripts-0001-0002.pdf",
        2: tmp_path / "all-scripts-0003-0004.pdf",
        3: tmp_path / "all-scripts-0005-0005.pdf",
    }
    reported: list[int] = []

    def on_done(outcome: ip.batch.Outcome) -> None:
        # every part whose students were all reported before this one is already on disk
        for number, path in parts.items():
            members = {2 * number - 1, 2 * number} & set(range(1, 6))
            assert path.exists() == members.issubset(reported), (number, reported)
        reported.append(students.index(next(s for s in students if s.row == outcome.row)) + 1)

    with ThreadPoolExecutor(1) as pool:
        result = run_batch(students, tmp_path, document="script", executor=pool, on_done=on_done)
    assert result.ok and result.combined == tuple(parts.values())
    sheets = sorted(tmp_path.glob("00*.pdf"))
    assert [_pages(p) for p in parts.values()] == [
        _pages(sheets[0]) + _pages(sheets[1]),
        _pages(sheets[2]) + _pages(sheets[3]),
        _pages(sheets[4]),
    ]
    texts = _page_texts(parts[2])
    assert students[2].name in texts[0] and students[3].name in texts[_pages(sheets[2])]
