"""Commands for a class: a batch of handouts from a roster, and the assignment handout."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from .app import main, say
from .options import (
    bank_option,
    document_output,
    parse_day,
)


@main.command("batch")
@click.argument("roster", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the handouts (made if missing).",
)
@click.option(
    "--document",
    "-d",
    default="prep-sheet",
    show_default=True,
    help="prep-sheet, script, reflection or shadow-plan.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Refuse a PDF with characters no installed font can draw (empty boxes).",
)
@click.option("--format", "fmt", default="pdf", show_default=True, help="pdf, md, html or docx.")
@click.option(
    "--stage",
    "-s",
    default="college",
    show_default=True,
    help="Stage for rows that do not give one.",
)
@click.option(
    "--minutes",
    "-m",
    type=int,
    default=30,
    show_default=True,
    help="Minutes for rows that do not give them.",
)
@click.option("--seed", type=int, default=None, help="Class seed: changes every student's mix.")
@click.option(
    "--jobs", "-j", type=int, default=None, help="Worker processes (default: one per core)."
)
@click.option(
    "--paper", type=click.Choice(["letter", "a4"], case_sensitive=False), default="letter"
)
@click.option("--no-combined", is_flag=True, help="Skip the combined PDF for printing.")
@click.option("--force", is_flag=True, help="Remake files that are already there.")
@bank_option
def batch_command(
    roster: Path,
    out_dir: Path,
    document: str,
    strict: bool,
    fmt: str,
    stage: str,
    minutes: int,
    seed: int | None,
    jobs: int | None,
    paper: str,
    no_combined: bool,
    force: bool,
    banks: tuple[str, ...],
) -> None:
    """One handout per student from a roster (Excel .xlsx, CSV or YAML), plus PDFs to print.

    \b
    Columns: name and field (required); stage, minutes, mode, seniority, seed, hours,
    contact, title, org, when, where, meeting_format (optional).
    CSV may be separated by commas, semicolons or tabs. Values such as High School or
    In Person are read as high-school and in-person.
    A bad row is reported and skipped; the rest are made, and the exit status is 1. So is a
    PDF with characters no installed font can draw (--strict: not written at all).
    Files already in the folder are kept, so a rerun finishes an interrupted batch; a file
    the batch did not make (or one changed since) is replaced only with --force. Over 50
    students, the pages to print come in files of 50, each merged as soon as it is ready.
    """
    from ..batch import read_roster, run_batch

    students = read_roster(roster)
    with click.progressbar(
        length=len(students), label="handouts", file=sys.stderr, show_pos=True
    ) as bar:
        result = run_batch(
            students,
            out_dir,
            document=document,
            format=fmt,
            stage=stage,
            minutes=minutes,
            banks=banks,
            paper=paper,
            seed=seed,
            jobs=jobs,
            combined=not no_combined,
            force=force,
            strict=strict,
            on_done=lambda outcome: bar.update(1),
        )
    say(result.summary())
    if not result.ok:
        raise SystemExit(1)


@main.command("handout")
@click.option(
    "--start",
    required=True,
    callback=parse_day,
    metavar="DATE",
    help="First day of the assignment.",
)
@click.option("--weeks", type=int, default=4, show_default=True, help="2 to 12.")
@click.option("--course", default=None, help="Course or class name.")
@click.option("--teacher", default=None, help="Teacher or counselor.")
@click.option("--shadow", is_flag=True, help="Include a job shadow.")
@document_output()
def handout_command(
    start: date,
    weeks: int,
    course: str | None,
    teacher: str | None,
    shadow: bool,
    template_dirs: tuple[Path, ...],
) -> Any:
    """The teacher's assignment handout: the idea, steps with due dates, and a rubric."""
    from ..documents import assignment_handout

    return assignment_handout(
        start,
        weeks=weeks,
        course=course,
        teacher=teacher,
        shadow=shadow,
        template_dirs=template_dirs,
    )
