"""Read a class roster (CSV or YAML): one student a row, columns checked by name."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import InterviewPrepError, Location, Problem

COLUMNS = {
    "name": "the student's name (required)",
    "field": "occupation or cluster (required)",
    "stage": "high-school, college, recent-grad, career-changer or returning",
    "minutes": "length of the meeting (default 30)",
    "mode": "interview or shadow",
    "seniority": "early, mid or senior: the person met",
    "seed": "a whole number; by default one is made from the name",
    "hours": "shadow plans: hours of shadowing",
    "contact": "name of the person met",
    "title": "their job title",
    "org": "their organization",
    "when": "date and time, e.g. 2026-03-14T15:30",
    "where": "place, or how they meet",
    "meeting_format": "in-person, phone or video",
}
REQUIRED = ("name", "field")
MAX_ROWS = 5_000
MAX_ROSTER_BYTES = 10_000_000


class RosterError(InterviewPrepError, ValueError):
    """A roster cannot be read at all (as opposed to a bad row, which is skipped)."""


@dataclass(frozen=True)
class Student:
    """One roster row: its line number and its values."""

    row: int
    values: Mapping[str, str]

    @property
    def name(self) -> str:
        return self.values.get("name", "")


def read_roster(path: str | os.PathLike[str]) -> list[Student]:
    """Read a CSV or YAML roster; column names are checked, rows are checked later."""
    from ..errors import InputFileError
    from ..files.read import read_input

    source = Path(path)
    try:
        raw = read_input(source, what="roster", limit=MAX_ROSTER_BYTES)
    except InputFileError as error:
        raise RosterError(error.message, hint=error.hint) from None
    text = raw.decode("utf-8-sig", errors="replace")
    if source.suffix.lower() in (".yaml", ".yml"):
        rows = _yaml_rows(text, str(source))
    else:
        rows = _csv_rows(text, str(source))
    if not rows:
        raise RosterError(f"the roster {source} has no students", hint="add one row per student")
    if len(rows) > MAX_ROWS:
        raise RosterError(f"the roster has {len(rows):,} rows, over the limit of {MAX_ROWS:,}")
    return rows


def _normal_column(name: str) -> str:
    return re.sub(r"[^a-z]+", "_", name.strip().lower()).strip("_")


def _check_columns(columns: Iterable[str], source: str) -> None:
    from ..errors import closest

    problems = []
    found = list(columns)
    for column in found:
        if column not in COLUMNS:
            near = closest(column, COLUMNS)
            problems.append(
                Problem(
                    f"unknown column {column!r}",
                    Location(source, 1),
                    hint=(
                        f"did you mean {near[0]!r}?"
                        if near
                        else "known columns: " + ", ".join(COLUMNS)
                    ),
                )
            )
    for column in REQUIRED:
        if column not in found:
            problems.append(
                Problem(
                    f"missing column {column!r}",
                    Location(source, 1),
                    hint=f"add a {column!r} column: {COLUMNS[column]}",
                )
            )
    if problems:
        from ..errors import BankError

        raise RosterError(
            str(BankError(source, problems)).replace(" problem", " roster problem"),
            hint="see `interview-prep batch --help` for the columns",
        )


def _csv_rows(text: str, source: str) -> list[Student]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        return []
    except csv.Error as error:
        raise RosterError(f"{source}: not a CSV file: {error}") from None
    columns = [_normal_column(c) for c in header]
    _check_columns([c for c in columns if c], source)
    students = []
    try:
        for line, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            values = {
                col: cell.strip()
                for col, cell in zip(columns, cells, strict=False)
                if col and cell.strip()
            }
            students.append(Student(line, values))
    except csv.Error as error:
        raise RosterError(f"{source}, line {reader.line_num}: {error}") from None
    return students


def _yaml_rows(text: str, source: str) -> list[Student]:
    from ..files.yamlfile import read_yaml

    doc = read_yaml(text, source)
    data = doc.data.get("students") if isinstance(doc.data, dict) else doc.data
    if not isinstance(data, list):
        raise RosterError(f"{source}: expected a list of students (or `students:` holding one)")
    columns = {_normal_column(str(k)) for row in data if isinstance(row, dict) for k in row}
    _check_columns(columns, source)
    students = []
    for index, row in enumerate(data):
        line = doc.locate(("students", index) if isinstance(doc.data, dict) else (index,)).line
        values = (
            {_normal_column(str(k)): str(v).strip() for k, v in row.items() if v is not None}
            if isinstance(row, dict)
            else {}
        )
        students.append(Student(line or index + 1, values))
    return students
