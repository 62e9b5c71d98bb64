"""What people type stays text in every syntax it lands in: calendar lines, spreadsheet
cells, GIFT, Markdown, HTML and PDF; and no render fetches anything."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import warnings
from html import unescape
from pathlib import Path
from typing import Any

import pytest

import interview_prep as ip
from interview_prep.writers.escaping import calendar_text, gift_text, spreadsheet_cell

from .tools import invoke

FIXTURES = Path(__file__).parent / "fixtures"


NAMES = [
    "Dana\nBEGIN:VEVENT\nSUMMARY:planted\nEND:VEVENT",
    "Dana\r\nX-INJECTED:1",
    "Dana\x00\x07\x1b[31m",
    "Dana\u2028Ortiz\u2029",
    'Ortiz; Dana, \\ "quoted"',
    "\x85\x9f tail",
]


def ip_datetime(text: str) -> object:
    from datetime import datetime

    return datetime.fromisoformat(text)


HOSTILE_TEXT = [
    "**bold** __under__ `code` ~~gone~~",
    "<img src=x onerror=alert(1)><script>alert(1)</script>",
    "[click me](javascript:alert(1)) <javascript:alert(1)>",
    "[file](file:///etc/passwd) ![secret](file:///etc/shadow)",
    "![remote](http://127.0.0.1:9/pixel.png) https://example.com/track",
    "{{ 7*7 }} {% for x in range(3) %}loop{% endfor %} {# hidden #}",
    "# Not a heading\n- not a list\n1. nor this\n> nor a quote",
    "| a | b |\n|---|---|",
    "::: notes\n:::",
    "مرحبا بالعالم שלום",
    "e\u0301 n\u0303 a\u0308",
    "\u202eevil\u202c name",
    "Zoë O'Connor-Núñez & Co. <Ltd>",
    "x" * 10_000,
]


@pytest.mark.parametrize("name", NAMES)
def test_names_never_break_a_calendar_file(tmp_path: Path, name: str) -> None:
    from icalendar import Calendar

    timeline = ip.timeline(None, ip_datetime("2026-03-14T15:30"), contact=ip.Contact(name))
    data = timeline.to_ics()
    for line in data.split(b"\r\n"):
        assert not line.startswith((b"X-INJECTED", b"SUMMARY:planted")), line
        assert not any(byte < 32 and byte != 9 for byte in line), line
    calendar = Calendar.from_ical(data)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == sum(1 for step in timeline.steps if step.day is not None)


def test_calendar_text_under_python_optimize(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    result = subprocess.run(
        [
            sys.executable,
            "-O",
            "-m",
            "interview_prep",
            "timeline",
            "--meeting",
            "2026-03-14T15:30",
            "--contact",
            NAMES[0],
            "-o",
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = target.read_bytes().decode().split("\r\n")
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") >= 1
    assert not any(line.startswith("SUMMARY:planted") for line in lines)


@pytest.mark.parametrize("text", ["a\nb", "\r\r\n", "\x00", "tab\there", "x" * 3])
def test_calendar_text_is_one_clean_line(text: str) -> None:
    cleaned = calendar_text(text)
    assert "\n" not in cleaned and "\r" not in cleaned and "\x00" not in cleaned


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"]
)
def test_formula_cells_are_marked_as_text(cell: str) -> None:
    assert spreadsheet_cell(cell).startswith("'")
    assert spreadsheet_cell("What surprised you?") == "What surprised you?"


def test_csv_export_never_starts_a_formula(write_bank: object, tmp_path: Path) -> None:
    bank = tmp_path / "formula.yaml"
    bank.write_text(
        (FIXTURES / "teacher-bank.yaml")
        .read_text(encoding="utf-8")
        .replace("why: ", "why: =cmd|' /C calc'!A0 ", 1),
        encoding="utf-8",
    )
    code, output = invoke("questions", "--bank", str(bank), "--format", "csv")
    assert code == 0, output
    for row in csv.reader(io.StringIO(output)):
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not (cell.startswith("-") and len(cell) > 1), cell


@pytest.mark.parametrize(
    "text", ["<script>alert(1)</script>?", "What {=right ~wrong}?", "a # b : c [html]?"]
)
def test_gift_marks_text_plain_and_escapes_syntax(text: str) -> None:
    from interview_prep.model import Item
    from interview_prep.writers.questions import to_gift

    gift = to_gift([Item(id="x-1", text=text, theme="advice")])
    question = next(line for line in gift.splitlines() if line.startswith("::"))
    assert "::[plain]" in question
    body = question.split("::[plain]", 1)[1].removesuffix("{}")
    for special in "{}=~#:[]":
        assert body.count(special) == body.count("\\" + special), (special, body)
    assert gift_text("a\nb") == "a b"


@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=range(len(HOSTILE_TEXT)))
def test_hostile_text_prints_as_written_and_fetches_nothing(text: str, fetchers: list[Any]) -> None:
    plan = ip.plan_interview("nurse", "college", 30)
    sheet = ip.prep_sheet(plan, ip.Contact(text, title=text, org=text), ip.Meeting(where=text))
    html = sheet.to_html(fragment=True)
    for tag in ("<script", "<img", "<a ", "<h2>Not", "<blockquote", "<table><thead><tr><th>a"):
        assert tag not in html.split("<h2>Before")[0]
    assert "49" not in sheet.markdown.split("## Before")[0]
    folded = " ".join(text.split())
    visible = unescape(re.sub(r"<[^>]+>", "", html))
    straight = str.maketrans("‘’“”", "''\"\"")  # the typographer curls quotes, nothing more
    assert folded[:2000].translate(straight) in visible.translate(straight)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ip.MissingGlyphsWarning)
        pdf = sheet.to_pdf()
    assert pdf.startswith(b"%PDF-")
    assert all(not f.refused for f in fetchers)


def test_letters_and_scripts_keep_hostile_names_literal() -> None:
    name = "[Dana](http://evil.example) <b>Ortiz</b> {{ 1+1 }}"
    for document in (
        ip.letter("request", "email", contact=ip.Contact(name), sender=ip.Sender(name)),
        ip.interview_script(ip.plan_interview("nurse", "college", 30), ip.Contact(name)),
        ip.reflection_sheet(contact=ip.Contact(name)),
    ):
        html = document.to_html(fragment=True)
        assert (
            "<a " not in html and "<b>" not in html and "{{ 1+1 }}" in html.replace("&#123;", "{")
        )
