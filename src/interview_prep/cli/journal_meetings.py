"""The commands around meetings: log a step, meetings, notes, and what is due."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from .app import main
from .journal_options import journal_option, open_journal
from .journal_output import emit_private, table
from .options import emit, parse_day, parse_when


@main.command("log")
@click.argument(
    "kind",
    type=click.Choice(["request", "reply", "follow-up", "confirm", "thank-you", "keep-in-touch"]),
)
@click.argument("who", metavar="NAME_OR_MEETING")
@click.option(
    "--on",
    "on",
    callback=parse_day,
    default=None,
    metavar="DATE",
    help="The day it happened (default: today).",
)
@click.option("--channel", default=None, help="email, linkedin, letter, phone, in-person, text.")
@journal_option
def log_command(
    kind: str, who: str, on: date | None, channel: str | None, journal_path: Path | None
) -> None:
    """Log a step with a person (by name) or a meeting (by its number)."""
    with open_journal(journal_path) as journal:
        event = journal.log(kind, who, on=on, channel=channel)
    click.echo(f"logged {event.kind} with {event.person} on {event.on.isoformat()}")


@main.group("meetings")
def meetings_group() -> None:
    """Meetings with the people in the journal."""


@meetings_group.command("add")
@click.argument("name")
@click.option(
    "--when",
    required=True,
    callback=parse_when,
    metavar="ISO-DATETIME",
    help="Date and time, e.g. 2026-03-14T15:30.",
)
@click.option("--minutes", "-m", type=int, default=30, show_default=True)
@click.option("--stage", "-s", default=None, help="Your stage: high-school, college, ...")
@click.option(
    "--mode", type=click.Choice(["interview", "shadow"]), default="interview", show_default=True
)
@click.option("--where", default=None, help="Place, or how you meet (phone, video).")
@click.option("--field", "-f", default=None, help="The field to plan for (default: theirs).")
@click.option("--seed", type=int, default=None, help="Vary the choice of questions.")
@journal_option
def meetings_add(name: str, when: datetime, journal_path: Path | None, **details: Any) -> None:
    """Add a meeting; its number is what --meeting takes."""
    with open_journal(journal_path) as journal:
        meeting = journal.add_meeting(name, when, **details)
    click.echo(f"meeting {meeting.id}: {meeting.person.name}, {meeting.when:%Y-%m-%d %H:%M}")


@meetings_group.command("list")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@journal_option
def meetings_list(fmt: str, journal_path: Path | None) -> None:
    """List the meetings, each with its number."""
    with open_journal(journal_path, create=False) as journal:
        rows = [m.to_dict() for m in journal.meetings()]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif rows:
        click.echo(
            table(
                rows,
                (
                    ("id", "Id"),
                    ("person", "With"),
                    ("when", "When"),
                    ("minutes", "Minutes"),
                    ("field", "Field"),
                    ("stage", "Stage"),
                ),
            )
        )
    else:
        click.echo("no meetings yet", err=True)


@main.command("notes")
@click.argument("meeting_id", metavar="MEETING", type=int)
@click.option("--template", is_flag=True, help="Write a Markdown file to fill in.")
@click.option(
    "--from",
    "source",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Store the notes in this filled-in .md (or fillable .pdf).",
)
@click.option("--stage", "-s", default=None, help="Your stage, if the meeting has none.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@journal_option
def notes_command(
    meeting_id: int,
    template: bool,
    source: Path | None,
    stage: str | None,
    output: Path | None,
    force: bool,
    journal_path: Path | None,
) -> None:
    """A meeting's notes: --template to write them, --from to store them, else show them."""
    if template and source:
        raise click.UsageError("use --template or --from, not both")
    with open_journal(journal_path, create=bool(source)) as journal:
        if template:
            emit_private(journal.notes_template(meeting_id, stage=stage), output, force)
            return
        if source:
            stored = journal.store_notes(meeting_id, source, stage=stage)
            click.echo(
                f"stored {len(stored.answers)} answers for meeting {meeting_id}"
                + (f"; referred to: {', '.join(stored.referrals)}" if stored.referrals else "")
            )
            return
        notes = journal.notes(meeting_id)
    lines = [f"## {a.question}\n\n{a.answer}\n" for a in notes.answers]
    if notes.learned:
        lines.append(f"## One thing I learned\n\n{notes.learned}\n")
    emit_private("\n".join(lines) or f"no notes for meeting {meeting_id} yet\n", output, force)


@main.command("due")
@click.option(
    "--on",
    "on",
    callback=parse_day,
    default=None,
    metavar="DATE",
    help="The day to look at (default: today).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "ics"]),
    default=None,
    help="Default: from the -o suffix, else text.",
)
@click.option(
    "--follow-up-after",
    type=click.IntRange(1, 30),
    default=5,
    show_default=True,
    help="Business days to wait for a reply before following up.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@journal_option
def due_command(
    on: date | None,
    fmt: str | None,
    follow_up_after: int,
    output: Path | None,
    force: bool,
    journal_path: Path | None,
) -> None:
    """What to do on a day: follow up, confirm, write notes, thank, keep in touch."""
    from ..journal.due import due_calendar, due_text

    day = on or date.today()
    if fmt is None:
        suffix = output.suffix.lower().lstrip(".") if output else ""
        fmt = suffix if suffix in ("json", "ics") else "text"
    with open_journal(journal_path, create=False) as journal:
        steps = journal.due(day, follow_up_after=follow_up_after)
    content: str | bytes
    if fmt == "json":
        content = json.dumps([s.to_dict() for s in steps], indent=2, ensure_ascii=False)
    elif fmt == "ics":
        content = due_calendar(steps, day).to_ics()
    else:
        content = due_text(steps, day)
    emit(content, output, force)
