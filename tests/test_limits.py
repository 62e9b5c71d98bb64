"""Bounds on what a user can ask for: template run time, numbers, dates and worker counts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .tools import invoke, run

RUNAWAY_TEMPLATES = {
    "division": "{{ 1 / 0 }}",
    "types": "{{ 'a' + 1 }}",
    "recursion": "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "range": "{% for i in range(10**9) %}x{% endfor %}",
    "nested": "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
    "repeat": "{{ 'x' * 10**9 }}",
    "power": "{{ 7 ** 99999999 }}",
    "output": "{% for i in range(99999) %}{{ 'y' * 99 }}{% endfor %}",
    "attribute": "{{ plan.nothing_here.deeper }}",
}


BAD_VALUES = [
    ("timeline", "--request-date", "0001-01-01"),
    ("timeline", "--meeting", "9999-12-31T23:59"),
    ("timeline", "--meeting", "2026-03-14T15:30", "--minutes", "-5"),
    ("timeline", "--meeting", "2026-03-14T15:30", "--minutes", "0"),
    ("letter", "shadow-request", "--hours", "-3", "--to", "A", "--from", "B", "-f", "nurse"),
    ("letter", "request", "--minutes", "0", "--to", "A", "--from", "B"),
    ("letter", "follow-up", "--request-date", "0001-01-01", "--to", "A", "--from", "B"),
    ("handout", "--start", "9999-12-31"),
    ("handout", "--start", "2026-01-05", "--weeks", "0"),
    ("shadow-plan", "-f", "nurse", "-s", "college", "--hours", "0"),
    ("shadow-plan", "-f", "nurse", "-s", "college", "--debrief-minutes", "-1"),
    ("script", "-f", "nurse", "-s", "college", "-m", "-30"),
    ("script", "-f", "nurse", "-s", "college", "--when", "1-01-01T00:00"),
]


@pytest.mark.parametrize("name", sorted(RUNAWAY_TEMPLATES))
def test_a_runaway_user_template_is_a_message(tmp_path: Path, name: str) -> None:
    (tmp_path / "script.md.j2").write_text(RUNAWAY_TEMPLATES[name], encoding="utf-8")
    started = time.monotonic()
    result = run("script", "-f", "nurse", "-s", "college", "--templates", str(tmp_path))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "template" in result.stderr and "script.md.j2" in result.stderr
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("args", BAD_VALUES, ids=lambda a: " ".join(a)[:40])
def test_numbers_and_dates_out_of_range_are_messages(args: tuple[str, ...]) -> None:
    code, output = invoke(*args)
    assert code == 2, output
    assert "Traceback" not in output
    assert "-3 hours" not in output


@pytest.mark.parametrize("jobs", ["-1", "0", "150"])
def test_batch_jobs_are_bounded(tmp_path: Path, jobs: str) -> None:
    roster = tmp_path / "class.csv"
    roster.write_text("name,field\nAna,nurse\n", encoding="utf-8")
    code, output = invoke("batch", str(roster), "--out", str(tmp_path / "o"), "-j", jobs)
    assert code == 2, output
    assert "jobs must be from 1 to" in output
