"""Commands that make the meeting documents: prep sheet, script, timeline, shadow plan,
reflection and comparison."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from .app import main
from .journal_options import (
    from_journal,
    from_journal_meetings,
    journal_option,
    open_journal,
    recorded_meeting,
    recorded_meetings,
)
from .options import (
    bank_option,
    catalog_for,
    document_output,
    meeting_details,
    parse_day,
    parse_when,
    selection,
    stored_meeting_lacks,
)


def _document_command(name: str, builder: str, summary: str) -> None:
    @main.command(name, help=summary)
    @from_journal
    @selection
    @meeting_details
    @document_output()
    def command(plan: Any, person: Any, meeting: Any, template_dirs: tuple[Path, ...]) -> Any:
        from .. import documents

        return getattr(documents, builder)(plan, person, meeting, template_dirs=template_dirs)


_document_command(
    "prep-sheet",
    "prep_sheet",
    "Make a prep sheet: meeting details, homework, checklist, the questions "
    "with room for notes, and what to do after.",
)
_document_command(
    "script", "interview_script", "Make an interview script to hold during the meeting."
)


@main.command("timeline")
@click.option(
    "--request-date",
    default=None,
    callback=parse_day,
    metavar="DATE",
    help="When you send (or sent) the request.",
)
@click.option(
    "--meeting",
    default=None,
    callback=lambda ctx, param, value: (
        int(value) if value and value.isdigit() else parse_when(ctx, param, value)
    ),
    metavar="ISO-DATETIME|ID",
    help="When you meet, e.g. 2026-03-14T15:30, or a meeting ID in the journal.",
)
@click.option("--minutes", "-m", type=int, default=None, help="Length (default 30).")
@click.option("--contact", default=None, help="Name of the person you meet.")
@click.option(
    "--follow-up-after",
    type=int,
    default=5,
    show_default=True,
    help="Business days to wait for a reply before following up.",
)
@click.option("--replied", is_flag=True, help="They already said yes: no follow-up step.")
@journal_option
@document_output(("md", "ics", "html", "pdf", "docx"))
def timeline_command(
    request_date: date | None,
    meeting: datetime | int | None,
    minutes: int | None,
    contact: str | None,
    follow_up_after: int,
    replied: bool,
    journal_path: Path | None,
    template_dirs: tuple[Path, ...],
) -> Any:
    """The dated steps from request to thank-you, as a checklist or an .ics calendar file."""
    from ..documents import timeline
    from ..journal.record import load_records
    from ..model import Contact

    if isinstance(meeting, int):
        with open_journal(journal_path, create=False) as journal:
            record = load_records(journal, [meeting])[0]
        meeting, minutes = (
            record.meeting.when,
            minutes if minutes is not None else record.meeting.minutes,
        )
        contact = contact or record.meeting.person.name
        request_date, replied = request_date or record.request_date, True  # they said yes

    return timeline(
        request_date,
        meeting,
        minutes=30 if minutes is None else minutes,
        contact=Contact(contact),
        follow_up_after=follow_up_after,
        replied=replied,
        template_dirs=template_dirs,
    )


@main.command("shadow-plan")
@from_journal
@click.option("--field", "-f", default=None, help="Occupation or cluster.")
@click.option("--stage", "-s", default=None, help="Your stage.")
@click.option(
    "--hours",
    type=int,
    default=4,
    show_default=True,
    help="Hours of shadowing (up to 40, a working week).",
)
@click.option(
    "--debrief-minutes",
    type=int,
    default=20,
    show_default=True,
    help="Minutes to talk it over afterwards.",
)
@click.option("--seniority", default=None)
@click.option("--seed", type=int, default=None)
@bank_option
@meeting_details
@document_output()
def shadow_plan_command(
    field: str | None,
    stage: str | None,
    hours: int,
    debrief_minutes: int,
    seniority: str | None,
    seed: int | None,
    banks: tuple[str, ...],
    person: Any,
    meeting: Any,
    template_dirs: tuple[Path, ...],
) -> Any:
    """A job-shadow plan: what to arrange, what to watch through the day, the debrief."""
    from ..documents import shadow_plan

    record = recorded_meeting()
    if record is not None:
        field, stage = field or record.meeting.field, stage or record.meeting.stage
        for option, value in (("--field", field), ("--stage", stage)):
            if value is None:
                raise stored_meeting_lacks(record.meeting.id, option)
    if field is None or stage is None:
        raise click.UsageError("Missing option '--field' or '--stage' (or --meeting ID).")

    return shadow_plan(
        field,
        stage,
        hours,
        contact=person,
        meeting=meeting,
        debrief_minutes=debrief_minutes,
        seniority=seniority,
        seed=seed,
        catalog=catalog_for(banks),
        template_dirs=template_dirs,
    )


@main.command("reflection")
@from_journal
@click.option("--field", "-f", default=None, help="The field you explored.")
@click.option("--stage", "-s", default=None, help="Your stage (default college).")
@bank_option
@meeting_details
@document_output()
def reflection_command(
    field: str | None,
    stage: str | None,
    banks: tuple[str, ...],
    person: Any,
    meeting: Any,
    template_dirs: tuple[Path, ...],
) -> Any:
    """A reflection sheet to fill in the same day as the meeting (with --meeting, it carries
    the notes)."""
    from ..documents import reflection_sheet
    from ..select import plan_interview

    record = recorded_meeting()
    if record is not None:
        field, stage = field or record.meeting.field, stage or record.meeting.stage
    stage = stage or "college"
    plan = plan_interview(field, stage, catalog=catalog_for(banks)) if field else None
    notes = record.notes if record is not None else None
    return reflection_sheet(plan, person, meeting, notes=notes, template_dirs=template_dirs)


@main.command("compare")
@from_journal_meetings
@selection
@click.option(
    "--contact",
    "contacts",
    multiple=True,
    help="A person you talked with (repeat for each, 2 to 5).",
)
@document_output()
def compare_command(plan: Any, contacts: tuple[str, ...], template_dirs: tuple[Path, ...]) -> Any:
    """A sheet with the same questions side by side for several conversations; with
    --meetings, each person's answers from the journal."""
    from ..documents import comparison_sheet

    records = recorded_meetings()
    if records:
        contacts = tuple(r.meeting.person.name for r in records)
    elif not contacts:
        raise click.UsageError("Missing option '--contact' (or --meetings ID ID ...).")
    notes = [r.notes for r in records] or None
    return comparison_sheet(plan, contacts, notes=notes, template_dirs=template_dirs)
