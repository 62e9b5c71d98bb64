"""Commands that make the meeting documents: prep sheet, script, timeline, shadow plan,
reflection and comparison. Each passes what was typed to the parameter layer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .app import main
from .journal_options import (
    from_journal,
    from_journal_meetings,
    journal_option,
    open_journal,
    recorded_meetings,
)
from .options import (
    bank_option,
    catalog_for,
    document_output,
    meeting_options,
    plan_options,
)


def build(kind: str, values: dict[str, Any], template_dirs: tuple[Path, ...]) -> Any:
    """The document of ``kind`` from the command's options, the journal filling the rest."""
    from ..params import build_document

    banks = values.pop("banks", ())
    return build_document(
        kind,
        values,
        records=recorded_meetings(),
        catalog=catalog_for(banks),
        template_dirs=template_dirs,
    )


def _document_command(name: str) -> None:
    from ..params import DOCUMENT_KINDS

    @main.command(name, help=DOCUMENT_KINDS[name].summary)
    @from_journal
    @plan_options
    @meeting_options
    @document_output()
    def command(template_dirs: tuple[Path, ...], **values: Any) -> Any:
        return build(name, values, template_dirs)


_document_command("prep-sheet")
_document_command("script")


@main.command("timeline")
@click.option(
    "--request-date", default=None, metavar="DATE", help="When you send (or sent) the request."
)
@click.option(
    "--meeting",
    default=None,
    metavar="DATE-TIME|ID",
    help="When you meet, e.g. 2026-03-14T15:30, or a meeting ID in the journal.",
)
@click.option("--minutes", "-m", default=None, metavar="N", help="Length (default 30).")
@click.option("--contact", default=None, help="Name of the person you meet.")
@click.option(
    "--follow-up-after",
    default="5",
    show_default=True,
    metavar="DAYS",
    help="Business days to wait for a reply before following up.",
)
@click.option("--replied", is_flag=True, help="They already said yes: no follow-up step.")
@click.option(
    "--tz",
    default=None,
    metavar="ZONE",
    help="Time zone of the meeting in the .ics file, e.g. America/Chicago (default: the system's).",
)
@journal_option
@document_output(("md", "ics", "html", "pdf", "docx"))
def timeline_command(
    journal_path: Path | None, template_dirs: tuple[Path, ...], **values: Any
) -> Any:
    """The dated steps from request to thank-you, as a checklist or an .ics calendar file."""
    from ..params import build_document

    records: list[Any] = []
    meeting = (values.get("meeting") or "").strip()
    if meeting.isdigit():
        from ..journal.record import load_records

        with open_journal(journal_path, create=False) as journal:
            records = load_records(journal, [int(meeting)])
        values["meeting"] = None
    return build_document("timeline", values, records=records, template_dirs=template_dirs)


@main.command("shadow-plan")
@from_journal
@plan_options
@click.option(
    "--hours", default="4", show_default=True, metavar="N", help="Hours of shadowing (1 to 40)."
)
@click.option(
    "--debrief-minutes",
    default="20",
    show_default=True,
    metavar="N",
    help="Minutes to talk it over afterwards.",
)
@meeting_options
@document_output()
def shadow_plan_command(template_dirs: tuple[Path, ...], **values: Any) -> Any:
    """A job-shadow plan: what to arrange, what to watch through the day, the debrief."""
    return build("shadow-plan", values, template_dirs)


@main.command("reflection")
@from_journal
@click.option("--field", "-f", default=None, help="The field you explored.")
@click.option("--stage", "-s", default=None, help="Your stage (default college).")
@bank_option
@meeting_options
@document_output()
def reflection_command(template_dirs: tuple[Path, ...], **values: Any) -> Any:
    """A reflection sheet to fill in the same day as the meeting (with --meeting, it carries
    the notes)."""
    return build("reflection", values, template_dirs)


@main.command("compare")
@from_journal_meetings
@plan_options
@click.option(
    "--contact",
    multiple=True,
    help="A person you talked with (repeat for each, 2 to 5).",
)
@document_output()
def compare_command(template_dirs: tuple[Path, ...], **values: Any) -> Any:
    """A sheet with the same questions side by side for several conversations; with
    --meetings, each person's answers from the journal."""
    return build("compare", values, template_dirs)
