"""Read a class roster (CSV, Excel or YAML): one student a row, columns checked by name."""

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
    "stage": "high-school, college, recent-grad, career-changer, returning or returning-new-field",
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


CHOICES = ("stage", "mode", "seniority", "meeting_format")
DELIMITERS = (",", ";", "\t", "|")


def read_roster(path: str | os.PathLike[str]) -> list[Student]:
    """Read a roster: CSV (comma, semicolon or tab separated, with a BOM or not), an Excel
    workbook (.xlsx) or YAML. Column names are checked here; rows are checked later."""
    from ..errors import InputFileError
    from ..files.read import read_input

    source = Path(path)
    try:
        raw = read_input(source, what="roster", limit=MAX_ROSTER_BYTES)
    except InputFileError as error:
        raise RosterError(error.message, hint=error.hint) from None
    return parse_roster(raw, str(source))


def parse_roster(data: bytes, source: str) -> list[Student]:
    """The students in a roster file's bytes (an upload, say); ``source`` names the file in
    messages, and a ``.yaml`` or ``.yml`` ending marks YAML."""
    from .sheets import SAVE_AS, is_workbook, kind_of, workbook_rows

    kind = kind_of(data)
    if kind is not None:
        raise RosterError(f"{source} is {kind}, not a roster this tool can read", hint=SAVE_AS)
    if is_workbook(data):
        rows = _students(workbook_rows(data, source, MAX_ROWS), source)
    elif source.lower().endswith((".yaml", ".yml")):
        rows = _yaml_rows(_decode(data), source)
    else:
        rows = _csv_rows(_decode(data), source)
    if not rows:
        raise RosterError(f"the roster {source} has no students", hint="add one row per student")
    if len(rows) > MAX_ROWS:
        raise RosterError(f"the roster has more than {MAX_ROWS:,} rows, the limit")
    return rows


def normal_choice(parameter: str, text: str) -> str:
    """A choice as a person may type it (``High School``, ``HIGH-SCHOOL``, ``Email``, ``A4``)
    in the vocabulary's own spelling. A word the vocabulary does not know is given back as
    typed, so the row that holds it is reported with the closest words and skipped."""
    from ..errors import UnknownNameError
    from ..vocabulary import CHOICES, choice_key, normalize_choice

    name = parameter.replace("_", "-")
    if name not in CHOICES:
        return choice_key(text)
    try:
        return normalize_choice(name, text)
    except UnknownNameError:
        return text


def _decode(raw: bytes) -> str:
    """Text from UTF-8 (with or without a BOM), UTF-16 with a BOM (Excel's "Unicode text"),
    or else Windows-1252, what Excel on Windows writes as plain "CSV"."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


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
            hint="the columns a roster may have: " + ", ".join(COLUMNS),
        )


def _csv_rows(text: str, source: str) -> list[Student]:
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(DELIMITERS, key=lambda d: _header_score(first, d))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    try:
        for number, cells in enumerate(reader, start=1):
            if any(cell.strip() for cell in cells):
                rows.append((number, cells))
                if len(rows) > MAX_ROWS + 1:
                    break
    except csv.Error as error:
        raise RosterError(f"{source}, line {reader.line_num}: {error}") from None
    return _students(rows, source)


def _header_score(line: str, delimiter: str) -> tuple[int, int, bool]:
    """How well ``delimiter`` splits a header line: known columns, then cells."""
    try:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return (0, 0, False)
    known = sum(_normal_column(cell) in COLUMNS for cell in cells)
    return (known, len(cells), delimiter == ",")


def _students(rows: list[tuple[int, list[str]]], source: str) -> list[Student]:
    """Students from (row number, cells) rows, the header first."""
    if not rows:
        return []
    columns = [_normal_column(c) for c in rows[0][1]]
    _check_columns([c for c in columns if c], source)
    students = []
    for number, cells in rows[1:]:
        values = {
            column: _value(column, cell)
            for column, cell in zip(columns, cells, strict=False)
            if column and cell.strip()
        }
        students.append(Student(number, values))
    return students


def _value(column: str, cell: str) -> str:
    text = cell.strip()
    return normal_choice(column, text) if column in CHOICES else text


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
            {
                column: _value(column, str(v))
                for k, v in row.items()
                if v is not None
                for column in [_normal_column(str(k))]
            }
            if isinstance(row, dict)
            else {}
        )
        students.append(Student(line or index + 1, values))
    return students
