"""Notes of a meeting: a Markdown template with one heading per planned question, read back
into answers stored in the journal."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from ..catalog.fields import normalize
from ..errors import InputFileError, Location, Problem
from ..model import Answer, Notes
from ..planning.plan import Plan
from .store import JournalError

LEARNED = "One thing I learned"
REFERRALS = "People I was referred to"
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_NUMBERED = re.compile(r"^(\d+)[.)]\s*(.*)$")


def notes_template(plan: Plan, person: str, meeting_id: int, heading_day: str) -> str:
    """A Markdown file to fill in: one heading per planned question, then what was learned."""
    lines = [
        f"# Notes: {person}, {heading_day}",
        "",
        f"<!-- meeting {meeting_id}: write under each heading and keep the headings; "
        f"store it with `interview-prep notes {meeting_id} --from FILE` -->",
        "",
    ]
    for number, planned in enumerate(plan.questions, start=1):
        lines += [f"## {number}. {planned.item.text}", "", ""]
    lines += [f"## {LEARNED}", "", ""]
    lines += [
        f"## {REFERRALS}",
        "",
        "<!-- one per line: - Name, how you can reach them -->",
        "",
    ]
    return "\n".join(lines)


def parse_notes(text: str, plan: Plan, source: str) -> tuple[Notes, list[tuple[str, str]]]:
    """Answers under the headings of a filled-in template; referrals as (name, detail)."""
    planned = list(plan.questions)
    by_text = {normalize(p.item.text): p for p in planned}
    sections: list[tuple[int, str, list[str]]] = []
    # only line feeds end lines: an answer may hold any other character as written
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if line.startswith("## "):
            sections.append((number, line[3:].strip(), []))
        elif sections:
            sections[-1][2].append(line)
    answers: list[Answer] = []
    learned: str | None = None
    referrals: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for line_number, heading, body in sections:
        content = _COMMENT.sub("", "\n".join(body)).strip()
        if normalize(heading) == normalize(LEARNED):
            learned = " ".join(content.split()) or None
            continue
        if normalize(heading) == normalize(REFERRALS):
            referrals += _referrals(content)
            continue
        numbered = _NUMBERED.match(heading)
        text_part = numbered.group(2) if numbered else heading
        match = by_text.get(normalize(text_part))
        if match is None and numbered and 1 <= int(numbered.group(1)) <= len(planned):
            match = planned[int(numbered.group(1)) - 1]
        if match is None:
            problems.append(
                Problem(
                    f"the heading {heading!r} is not one of this meeting's questions",
                    Location(source, line_number),
                    hint="keep the headings of the template (the number is enough)",
                )
            )
            continue
        if content:
            answers.append(Answer(match.item.text, content, match.item.id))
    if problems:
        raise JournalError(
            f"{source}: " + "; ".join(str(p) for p in problems),
            hint="keep the headings of the meeting's notes template, or make a fresh one",
        )
    notes = Notes(tuple(answers), learned, tuple(name for name, _ in referrals))
    return notes, referrals


def _referrals(content: str) -> list[tuple[str, str]]:
    found = []
    for line in content.splitlines():
        line = line.strip().lstrip("-*").strip()
        name, _, detail = line.partition(",")
        if name.strip():
            found.append((name.strip(), detail.strip()))
    return found


def read_pdf_form(path: Path, plan: Plan) -> str:
    """A filled-in fillable PDF as notes Markdown: the prep sheet's writing spaces
    ``notes-1``, ``notes-2``... (one per question, in order; ``q1``, ``q2``... or a question's
    bank id are read too), ``learned`` and ``referrals``."""
    from ..files.read import MEGABYTE, pdf_form_values, read_input

    try:
        raw = read_input(path, what="filled-in PDF", limit=50 * MEGABYTE)
        values = pdf_form_values(raw, path)
    except InputFileError as error:
        raise JournalError(f"cannot read the PDF form {path}: {error}") from None
    lines = []
    for number, planned in enumerate(plan.questions, start=1):
        answer = (
            values.get(f"notes-{number}")
            or values.get(f"q{number}")
            or values.get(planned.item.id)
            or ""
        )
        lines += [f"## {number}. {planned.item.text}", answer, ""]
    lines += [f"## {LEARNED}", values.get("learned", ""), ""]
    lines += [f"## {REFERRALS}", values.get("referrals", ""), ""]
    return "\n".join(lines)


def check_replacing(connection: sqlite3.Connection, meeting_id: int, replace: bool) -> None:
    """Refuse to replace stored notes unless asked to."""
    if replace:
        return
    answers = connection.execute(
        "SELECT count(*) FROM notes WHERE meeting_id = ?", (meeting_id,)
    ).fetchone()[0]
    learned = connection.execute(
        "SELECT learned FROM meetings WHERE id = ?", (meeting_id,)
    ).fetchone()
    if answers or (learned and learned[0]):
        raise JournalError(
            f"meeting {meeting_id} already has notes ({answers} "
            f"{'answer' if answers == 1 else 'answers'}); nothing was changed",
            hint="to replace them with this file, ask for it",
            parameter="replace",
        )


def store_notes(connection: sqlite3.Connection, meeting_id: int, notes: Notes) -> None:
    """Replace the meeting's notes with ``notes``."""
    connection.execute("DELETE FROM notes WHERE meeting_id = ?", (meeting_id,))
    connection.executemany(
        "INSERT INTO notes (meeting_id, position, item_id, question, answer)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (meeting_id, position, a.item_id, a.question, a.answer)
            for position, a in enumerate(notes.answers, start=1)
        ],
    )
    connection.execute("UPDATE meetings SET learned = ? WHERE id = ?", (notes.learned, meeting_id))


def load_notes(connection: sqlite3.Connection, meeting_id: int) -> Notes:
    rows = connection.execute(
        "SELECT item_id, question, answer FROM notes WHERE meeting_id = ? ORDER BY position",
        (meeting_id,),
    ).fetchall()
    learned = connection.execute(
        "SELECT learned FROM meetings WHERE id = ?", (meeting_id,)
    ).fetchone()
    referrals = connection.execute(
        "SELECT p.name FROM people p JOIN meetings m ON p.referred_by = m.person_id"
        " WHERE m.id = ? ORDER BY p.name_key",
        (meeting_id,),
    ).fetchall()
    return Notes(
        tuple(Answer(r["question"], r["answer"], r["item_id"]) for r in rows),
        learned[0] if learned else None,
        tuple(r[0] for r in referrals),
    )
