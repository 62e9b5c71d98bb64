"""The commands around meetings: log a step, meetings, notes, and what is due."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from .app import main, say
from .journal_options import journal_option, open_journal
from .journal_output import day_text, table, when_text
from .options import parse_day, parse_when


@main.command("log")
@click.argument(
    "kind",
    type=click.Choice(
        ["request", "reply", "follow-up", "confirm", "thank-you", "keep-in-touch", "undo"]
    ),
)
@click.argument("who", metavar="[NAME]", required=False)
@click.option(
    "--meeting",
    "meeting_id",
    type=int,
    default=None,
    metavar="ID",
    help="A meeting, by its number.",
)
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
    kind: str,
    who: str | None,
    meeting_id: int | None,
    on: date | None,
    channel: str | None,
    journal_path: Path | None,
) -> None:
    """Log a step with a person (by name) or a meeting (--meeting ID); `log undo [STEP]`
    takes back the latest step, or the one numbered STEP (see `people show`)."""
    if kind == "undo":
        if meeting_id is not None or on is not None or channel is not None:
            raise click.UsageError("`log undo` takes only a step number")
        if who is not None and not who.strip().isdigit():
            raise click.BadParameter(f"{who!r} is not a step number", param_hint="STEP")
        with open_journal(journal_path, create=False) as journal:
            event = journal.undo(int(who) if who else None)
        say(f"undid step {event.id}: {event.kind} with {event.person} on {day_text(event.on)}")
        return
    if (who is None) == (meeting_id is None):
        raise click.UsageError("name a person, or a meeting with --meeting ID (not both)")
    with open_journal(journal_path) as journal:
        target: str | int = who if who is not None else meeting_id  # type: ignore[assignment]
        event = journal.log(kind, target, on=on, channel=channel)
    say(f"logged {event.kind} with {event.person} on {day_text(event.on)} (step {event.id})")


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
@click.option("--where", default=None, help="The place, or the phone number or video link.")
@click.option(
    "--meeting-format",
    "format",
    type=click.Choice(["in-person", "phone", "video"]),
    default=None,
    help="How you meet.",
)
@click.option("--field", "-f", default=None, help="The field to plan for (default: theirs).")
@click.option("--seed", type=int, default=None, help="Vary the choice of questions.")
@journal_option
def meetings_add(name: str, when: datetime, journal_path: Path | None, **details: Any) -> None:
    """Add a meeting; its number is what --meeting takes."""
    with open_journal(journal_path) as journal:
        meeting = journal.add_meeting(name, when, **details)
    say(f"meeting {meeting.id}: {meeting.person.name}, {when_text(meeting.when)}")


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
        say(json.dumps(rows, indent=2, ensure_ascii=False), data=True)
    elif rows:
        for row in rows:
            row["status"] = f"cancelled {row['cancelled_on']}" if row["cancelled_on"] else ""
        say(
            table(
                rows,
                (
                    ("id", "Id"),
                    ("person", "With"),
                    ("when", "When"),
                    ("minutes", "Minutes"),
                    ("field", "Field"),
                    ("stage", "Stage"),
                    ("format", "Format"),
                    ("status", "Status"),
                ),
            )
        )
    else:
        say("no meetings yet", err=True)


@meetings_group.command("edit")
@click.argument("meeting_id", metavar="MEETING", type=int)
@click.option("--when", callback=parse_when, default=None, metavar="ISO-DATETIME")
@click.option("--minutes", "-m", type=int, default=None)
@click.option("--stage", "-s", default=None, help="Your stage: high-school, college, ...")
@click.option("--mode", type=click.Choice(["interview", "shadow"]), default=None)
@click.option(
    "--meeting-format", "format", type=click.Choice(["in-person", "phone", "video"]), default=None
)
@click.option("--where", default=None, help="The place, or the phone number or video link.")
@click.option("--field", "-f", default=None, help="The field to plan for.")
@click.option("--seed", type=int, default=None, help="Vary the choice of questions.")
@journal_option
def meetings_edit(meeting_id: int, journal_path: Path | None, **changes: Any) -> None:
    """Correct a meeting: its time, length, stage, mode, format, place, field or seed."""
    with open_journal(journal_path, create=False) as journal:
        meeting = journal.edit_meeting(meeting_id, **changes)
    say(f"meeting {meeting.id}: {meeting.person.name}, {when_text(meeting.when)}")


@meetings_group.command("cancel")
@click.argument("meeting_id", metavar="MEETING", type=int)
@journal_option
def meetings_cancel(meeting_id: int, journal_path: Path | None) -> None:
    """Mark a meeting cancelled: it stays listed, and nothing around it is due."""
    with open_journal(journal_path, create=False) as journal:
        meeting = journal.cancel_meeting(meeting_id)
    say(f"cancelled meeting {meeting.id} with {meeting.person.name}")


@meetings_group.command("remove")
@click.argument("meeting_id", metavar="MEETING", type=int)
@click.option("--purge", is_flag=True, help="Delete it with its notes and steps for good.")
@journal_option
def meetings_remove(meeting_id: int, purge: bool, journal_path: Path | None) -> None:
    """Take a meeting out of lists and of `due`; its record stays in `journal export` unless
    --purge."""
    with open_journal(journal_path, create=False) as journal:
        meeting = journal.remove_meeting(meeting_id, purge=purge)
    kept = "deleted with its notes and steps" if purge else "kept in `journal export`"
    say(f"removed meeting {meeting.id} with {meeting.person.name} ({kept})")
