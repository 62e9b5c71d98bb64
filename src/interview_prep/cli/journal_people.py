"""The people commands: add, list, show, import, export, and corrections."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..values import counted
from .app import main, say
from .journal_options import journal_option, open_journal
from .journal_output import day_text, emit_private, table, when_text

TABLE_COLUMNS = (
    ("name", "Name"),
    ("title", "Title"),
    ("org", "Organization"),
    ("field", "Field"),
    ("referred_by", "Referred by"),
)


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
        say(table(rows, TABLE_COLUMNS))
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
            f"  Meeting {meeting.id}: {when_text(meeting.when)}, "
            f"{meeting.minutes} minutes"
            + (f", {meeting.format}" if meeting.format else "")
            + (f", {meeting.where}" if meeting.where else "")
            + (f" (cancelled {meeting.cancelled_on})" if meeting.cancelled_on else "")
        )
    for event in events:
        say(
            f"  Step {event.id}: {day_text(event.on)} {event.kind}"
            + (f" ({event.channel})" if event.channel else "")
            + (f", meeting {event.meeting_id}" if event.meeting_id else "")
        )


@people_group.command("import")
@click.argument("source", type=click.Choice(["linkedin"]))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@journal_option
def people_import(source: str, file: Path, journal_path: Path | None) -> None:
    """Import people: `people import linkedin Connections.csv` (LinkedIn's own export)."""
    with open_journal(journal_path) as journal:
        added, known = journal.import_linkedin(file)
    say(f"added {counted(added, 'person', 'people')}; already in the journal: {known}")


@people_group.command("export")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="FILE.vcf (contact apps), .csv (contacts for Outlook and Google) or .json.",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@journal_option
def people_export(output: Path, force: bool, journal_path: Path | None) -> None:
    """Export everyone as vCard (.vcf), a contacts CSV (.csv) or JSON."""
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in ("vcf", "csv", "json"):
        raise click.BadParameter("name a .vcf, .csv or .json file", param_hint="--output")
    with open_journal(journal_path, create=False) as journal:
        # a .csv is for contact apps; `people list --format csv` gives the journal's columns
        emit_private(journal.export_people("contacts" if fmt == "csv" else fmt), output, force)


@people_group.command("edit")
@click.argument("name")
@click.option("--name", "new_name", default=None, help="A new name (spelling, or a married name).")
@click.option("--title", default=None, help="Their job title.")
@click.option("--org", default=None, help="Where they work.")
@click.option("--field", "-f", default=None, help="Their field.")
@click.option("--email", default=None)
@click.option("--phone", default=None)
@click.option("--linkedin", default=None, metavar="URL")
@click.option("--referred-by", default=None, metavar="NAME", help="Who suggested them.")
@click.option("--how-found", default=None, metavar="TEXT")
@journal_option
def people_edit(
    name: str, new_name: str | None, journal_path: Path | None, **changes: str | None
) -> None:
    """Correct a person's details; "" blanks one, e.g. --email ""."""
    with open_journal(journal_path, create=False) as journal:
        person = journal.edit_person(name, name=new_name, **changes)
    say(f"updated {person.name}")


@people_group.command("remove")
@click.argument("name")
@click.option(
    "--purge",
    is_flag=True,
    help="Delete them with their meetings, steps and notes for good (as `journal forget`).",
)
@journal_option
def people_remove(name: str, purge: bool, journal_path: Path | None) -> None:
    """Take someone out of your lists and of `due`; their record stays in `journal export`
    unless --purge."""
    with open_journal(journal_path, create=False) as journal:
        if purge:
            say(journal.forget(name).summary())
            return
        removed = journal.remove_person(name)
    say(
        f"removed {removed.name} (kept in `journal export`; "
        f'forget them for good with: interview-prep journal forget "{removed.name}")'
    )


@people_group.command("merge")
@click.argument("keep")
@click.argument("other")
@journal_option
def people_merge(keep: str, other: str, journal_path: Path | None) -> None:
    """Make two entries for one person into the first: the second's meetings, steps and
    referrals move over, with the details the first lacked."""
    with open_journal(journal_path, create=False) as journal:
        merged = journal.merge_people(keep, other)
    from ..values import counted

    moved = [
        counted(merged.meetings, "meeting"),
        counted(merged.steps, "logged step"),
        counted(merged.referred, "referral"),
    ]
    say(
        f"merged {merged.gone} into {merged.kept.name}: moved "
        + ", ".join(moved)
        + (f"; took their {', '.join(merged.details)}" if merged.details else "")
    )
