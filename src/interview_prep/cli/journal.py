"""The journal commands: people, log, meetings, notes, due, and the journal file itself."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from .app import main, say
from .journal_options import journal_option, open_journal
from .options import emit, parse_day, parse_when

TABLE_COLUMNS = (
    ("name", "Name"),
    ("title", "Title"),
    ("org", "Organization"),
    ("field", "Field"),
    ("referred_by", "Referred by"),
)


def _table(rows: list[dict[str, Any]], columns: tuple[tuple[str, str], ...]) -> str:
    cells = [[title for _, title in columns]]
    cells += [[str(row.get(key) or "") for key, _ in columns] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in cells
    ]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


@main.group("people")
def people_group() -> None:
    """The people you know, ask and meet, and who referred whom."""


@people_group.command("add")
@click.argument("name")
@click.option("--title", default=None, help="Their job title.")
@click.option("--org", default=None, help="Where they work.")
@click.option("--field", "-f", default=None, help="Their field: nurse, RN, electrician, ...")
@click.option("--email", default=None)
@click.option("--phone", default=None)
@click.option("--linkedin", default=None, metavar="URL", help="Their LinkedIn profile.")
@click.option("--referred-by", default=None, metavar="NAME", help="Who suggested them.")
@click.option("--how-found", default=None, metavar="TEXT", help="How you found them.")
@journal_option
def people_add(
    name: str, journal_path: Path | None, referred_by: str | None, **details: str | None
) -> None:
    """Add a person to the journal."""
    with open_journal(journal_path) as journal:
        person = journal.add_person(name, referred_by=referred_by, **details)
    say(
        f"added {person.name}"
        + (f", referred by {person.referred_by}" if person.referred_by else "")
    )


@people_group.command("list")
@click.option("--field", "-f", default=None, help="Only people in this field or cluster.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)
@journal_option
def people_list(field: str | None, fmt: str, journal_path: Path | None) -> None:
    """List the people in the journal."""
    with open_journal(journal_path, create=False) as journal:
        if fmt == "csv":
            say(journal.export_people("csv", field), nl=False, data=True)
            return
        everyone = journal.people(field)
    rows = [p.to_dict() for p in everyone]
    if fmt == "json":
        say(json.dumps(rows, indent=2, ensure_ascii=False), data=True)
    elif rows:
        say(_table(rows, TABLE_COLUMNS))
    else:
        say("nobody yet" + (f" in {field}" if field else ""), err=True)


@people_group.command("show")
@click.argument("name")
@journal_option
def people_show(name: str, journal_path: Path | None) -> None:
    """One person: details, who referred them, whom they referred, meetings and steps."""
    with open_journal(journal_path, create=False) as journal:
        person = journal.person(name)
        referred = journal.referred_by(person.name)
        met = journal.meetings(person.name)
        events = journal.events(person.name)
    say(person.name)
    for key, label in (
        ("title", "Title"),
        ("org", "Organization"),
        ("field", "Field"),
        ("email", "Email"),
        ("phone", "Phone"),
        ("linkedin", "LinkedIn"),
        ("how_found", "How found"),
    ):
        if getattr(person, key):
            say(f"  {label}: {getattr(person, key)}")
    say(f"  Referred by: {person.referred_by or '-'}")
    say(f"  Referred you to: {', '.join(p.name for p in referred) or '-'}")
    for meeting in met:
        say(
            f"  Meeting {meeting.id}: {meeting.when:%Y-%m-%d %H:%M}, "
            f"{meeting.minutes} minutes" + (f", {meeting.where}" if meeting.where else "")
        )
    for event in events:
        say(
            f"  {event.on.isoformat()} {event.kind}"
            + (f" ({event.channel})" if event.channel else "")
        )


@people_group.command("import")
@click.argument("source", type=click.Choice(["linkedin"]))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@journal_option
def people_import(source: str, file: Path, journal_path: Path | None) -> None:
    """Import people: `people import linkedin Connections.csv` (LinkedIn's own export)."""
    with open_journal(journal_path) as journal:
        added, known = journal.import_linkedin(file)
    say(f"added {added} people; already in the journal: {known}")


@people_group.command("export")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="FILE.vcf (contact apps), .csv or .json.",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@journal_option
def people_export(output: Path, force: bool, journal_path: Path | None) -> None:
    """Export everyone as vCard (.vcf), CSV or JSON."""
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in ("vcf", "csv", "json"):
        raise click.BadParameter("name a .vcf, .csv or .json file", param_hint="--output")
    with open_journal(journal_path, create=False) as journal:
        emit(journal.export_people(fmt), output, force)


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
    say(f"logged {event.kind} with {event.person} on {event.on.isoformat()}")


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
    say(f"meeting {meeting.id}: {meeting.person.name}, {meeting.when:%Y-%m-%d %H:%M}")


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
        say(
            _table(
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
        say("no meetings yet", err=True)


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
            emit(journal.notes_template(meeting_id, stage=stage), output, force)
            return
        if source:
            stored = journal.store_notes(meeting_id, source, stage=stage)
            say(
                f"stored {len(stored.answers)} answers for meeting {meeting_id}"
                + (f"; referred to: {', '.join(stored.referrals)}" if stored.referrals else "")
            )
            return
        notes = journal.notes(meeting_id)
    lines = [f"## {a.question}\n\n{a.answer}\n" for a in notes.answers]
    if notes.learned:
        lines.append(f"## One thing I learned\n\n{notes.learned}\n")
    emit("\n".join(lines) or f"no notes for meeting {meeting_id} yet\n", output, force)


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


@main.group("journal")
def journal_group() -> None:
    """The journal file: where it is, and all of it as JSON."""


@journal_group.command("where")
@journal_option
def journal_where(journal_path: Path | None) -> None:
    """Print the path of the journal in use."""
    from ..journal import default_path

    say(str(journal_path or default_path()))


@journal_group.command("export")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@journal_option
def journal_export(output: Path | None, force: bool, journal_path: Path | None) -> None:
    """Everything in the journal as JSON, to keep or move to another computer."""
    with open_journal(journal_path, create=False) as journal:
        data = journal.export_json()
    emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n", output, force)


@journal_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@journal_option
def journal_import(file: Path, journal_path: Path | None) -> None:
    """Fill a new journal from a JSON export."""
    from ..errors import InterviewPrepError
    from ..files.read import MEGABYTE, read_input

    raw = read_input(file, what="journal export", limit=200 * MEGABYTE)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InterviewPrepError(
            f"cannot read {file}: {error}",
            hint="give a file made by `interview-prep journal export`",
        ) from None
    with open_journal(journal_path) as journal:
        count = journal.import_json(data, source=str(file))
    say(f"imported {count} records")
