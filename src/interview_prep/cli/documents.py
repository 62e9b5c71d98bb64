"""Commands that make the meeting documents: prep sheet, script, timeline, shadow plan,
reflection and comparison."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from .app import main
from .options import (
    bank_option,
    catalog_for,
    document_output,
    meeting_details,
    parse_day,
    parse_when,
    selection,
)


def _document_command(name: str, builder: str, summary: str) -> None:
    @main.command(name, help=summary)
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
    callback=parse_when,
    metavar="ISO-DATETIME",
    help="When you meet, e.g. 2026-03-14T15:30.",
)
@click.option("--minutes", "-m", type=int, default=30, show_default=True)
@click.option("--contact", default=None, help="Name of the person you meet.")
@click.option(
    "--follow-up-after",
    type=int,
    default=5,
    show_default=True,
    help="Business days to wait for a reply before following up.",
)
@click.option("--replied", is_flag=True, help="They already said yes: no follow-up step.")
@document_output(("md", "ics", "html", "pdf", "docx"))
def timeline_command(
    request_date: date | None,
    meeting: datetime | None,
    minutes: int,
    contact: str | None,
    follow_up_after: int,
    replied: bool,
    template_dirs: tuple[Path, ...],
) -> Any:
    """The dated steps from request to thank-you, as a checklist or an .ics calendar file."""
    from ..documents import timeline
    from ..model import Contact

    return timeline(
        request_date,
        meeting,
        minutes=minutes,
        contact=Contact(contact),
        follow_up_after=follow_up_after,
        replied=replied,
        template_dirs=template_dirs,
    )


@main.command("shadow-plan")
@click.option("--field", "-f", required=True, help="Occupation or cluster.")
@click.option("--stage", "-s", required=True, help="Your stage.")
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
    field: str,
    stage: str,
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
@click.option("--field", "-f", default=None, help="The field you explored.")
@click.option("--stage", "-s", default="college", show_default=True)
@bank_option
@meeting_details
@document_output()
def reflection_command(
    field: str | None,
    stage: str,
    banks: tuple[str, ...],
    person: Any,
    meeting: Any,
    template_dirs: tuple[Path, ...],
) -> Any:
    """A reflection sheet to fill in the same day as the meeting."""
    from ..documents import reflection_sheet
    from ..select import plan_interview

    plan = plan_interview(field, stage, catalog=catalog_for(banks)) if field else None
    return reflection_sheet(plan, person, meeting, template_dirs=template_dirs)


@main.command("compare")
@selection
@click.option(
    "--contact",
    "contacts",
    multiple=True,
    required=True,
    help="A person you talked with (repeat for each, 2 to 5).",
)
@document_output()
def compare_command(plan: Any, contacts: tuple[str, ...], template_dirs: tuple[Path, ...]) -> Any:
    """A sheet with the same questions side by side for several conversations."""
    from ..documents import comparison_sheet

    return comparison_sheet(plan, contacts, template_dirs=template_dirs)
