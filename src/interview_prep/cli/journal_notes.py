"""The notes of a meeting, and what is due each day."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from .app import main, say
from .journal_options import journal_option, open_journal
from .journal_output import emit_private
from .options import in_range, parse_day


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
@click.option("--replace", is_flag=True, help="With --from: replace the notes stored before.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@journal_option
def notes_command(
    meeting_id: int,
    template: bool,
    source: Path | None,
    stage: str | None,
    replace: bool,
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
            from ..values import counted

            stored = journal.store_notes(meeting_id, source, stage=stage, replace=replace)
            say(
                f"stored {counted(len(stored.answers), 'answer')} for meeting {meeting_id}"
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
    "--from",
    "start",
    callback=parse_day,
    default=None,
    metavar="DATE",
    help="The first day of a range (with --to or --days).",
)
@click.option(
    "--to", "end", callback=parse_day, default=None, metavar="DATE", help="The range's last day."
)
@click.option(
    "--days",
    type=in_range("due days"),
    default=None,
    metavar="N",
    help="A range of N days, from --from (or --on, or today).",
)
@click.option(
    "--tz",
    default=None,
    metavar="ZONE",
    help="Time zone of timed events in the .ics file, e.g. America/Chicago "
    "(default: the system's).",
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
    type=in_range("follow-up days"),
    default=5,
    show_default=True,
    help="Business days to wait for a reply before following up.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@journal_option
def due_command(
    on: date | None,
    start: date | None,
    end: date | None,
    days: int | None,
    tz: str | None,
    fmt: str | None,
    follow_up_after: int,
    output: Path | None,
    force: bool,
    journal_path: Path | None,
) -> None:
    """What to do on a day, or over a range of days: follow up, confirm, write notes,
    thank, keep in touch."""
    from datetime import timedelta

    from ..journal.due import due_calendar, due_text

    if on is not None and start is not None:
        raise click.UsageError("give --on for one day, or --from for a range, not both")
    if end is not None and days is not None:
        raise click.UsageError("give --to or --days, not both")
    first = start or on or date.today()
    last = end or (first + timedelta(days=days - 1) if days else first)
    if fmt is None:
        suffix = output.suffix.lower().lstrip(".") if output else ""
        fmt = suffix if suffix in ("json", "ics") else "text"
    with open_journal(journal_path, create=False) as journal:
        listed = journal.due_between(first, last, follow_up_after=follow_up_after)
    content: str | bytes
    if fmt == "json":
        rows = [{**step.to_dict(), "listed_on": day.isoformat()} for day, step in listed]
        content = json.dumps(rows, indent=2, ensure_ascii=False)
    elif fmt == "ics":
        content = due_calendar(listed, first, last, tz=tz).to_ics()
    else:
        content = due_text(listed, first, last)
    emit_private(content, output, force)
