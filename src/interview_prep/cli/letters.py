"""The `letter` command: requests, follow-ups, confirmations and thanks."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from .app import main
from .journal_options import from_journal, recorded_meeting
from .options import (
    bank_option,
    catalog_for,
    document_output,
    parse_day,
    parse_when,
)


@main.command("letter")
@from_journal
@click.argument("kind", metavar="KIND")
@click.option(
    "--channel",
    "-c",
    default="email",
    show_default=True,
    help="email, linkedin, letter (printed) or phone.",
)
@click.option("--from", "sender", default=None, help="Your name.")
@click.option("--from-school", default=None, help="Your school or program.")
@click.option("--from-email", default=None, help="Your email address.")
@click.option("--from-phone", default=None, help="Your phone number.")
@click.option("--to", "contact", default=None, help="Their name.")
@click.option("--title", default=None, help="Their job title.")
@click.option("--org", default=None, help="Their organization.")
@click.option("--field", "-f", default=None, help="The field you are exploring.")
@click.option("--stage", "-s", default=None, help="Your stage: high-school, college, ...")
@click.option("--referral", default=None, help="Who suggested you write (named first).")
@click.option(
    "--how-found", default=None, help='How you found them, e.g. "on the hospital\'s staff page".'
)
@click.option(
    "--minutes", "-m", type=int, default=20, show_default=True, help="Minutes you ask for."
)
@click.option("--meeting-format", type=click.Choice(["in-person", "phone", "video"]), default=None)
@click.option(
    "--when",
    default=None,
    callback=parse_when,
    metavar="ISO-DATETIME",
    help="The meeting (confirm, thank-you, keep-in-touch).",
)
@click.option("--where", default=None, help="Where you meet (confirm).")
@click.option("--availability", default=None, help='When you are free, e.g. "most afternoons".')
@click.option(
    "--follow-up-date",
    default=None,
    callback=parse_day,
    metavar="DATE",
    help="When you will follow up if there is no reply.",
)
@click.option(
    "--request-date",
    default=None,
    callback=parse_day,
    metavar="DATE",
    help="When you sent the request (follow-up).",
)
@click.option("--learned", default=None, help="One thing you learned (thank-you).")
@click.option("--news", default=None, help="Your news (keep-in-touch).")
@click.option("--referred", multiple=True, help="A person they suggested (thank-you; repeatable).")
@click.option("--may-use-name", is_flag=True, help="They agreed you may mention them.")
@click.option("--hours", type=int, default=None, help="Hours you ask to shadow.")
@click.option(
    "--linkedin",
    type=click.Choice(["free", "premium"]),
    default="free",
    show_default=True,
    help="LinkedIn account: note limit 200 or 300 characters.",
)
@bank_option
@document_output(("txt", "md", "html", "pdf", "docx"))
def letter_command(
    kind: str,
    channel: str,
    sender: str | None,
    from_school: str | None,
    from_email: str | None,
    from_phone: str | None,
    contact: str | None,
    title: str | None,
    org: str | None,
    field: str | None,
    stage: str | None,
    referral: str | None,
    how_found: str | None,
    minutes: int,
    meeting_format: str | None,
    when: datetime | None,
    where: str | None,
    availability: str | None,
    follow_up_date: date | None,
    request_date: date | None,
    learned: str | None,
    news: str | None,
    referred: tuple[str, ...],
    may_use_name: bool,
    hours: int | None,
    linkedin: str,
    banks: tuple[str, ...],
    template_dirs: tuple[Path, ...],
) -> Any:
    """Write a letter: request, follow-up, confirm, thank-you, keep-in-touch, shadow-request.

    Plain text goes to the terminal, ready to paste; its word and character counts go to
    standard error.
    """
    from ..documents import letter
    from ..model import Contact, Meeting, Sender

    record, stored_minutes = recorded_meeting(), None
    if record is not None:  # the journal fills what was not typed
        stored = record.meeting
        contact, title = contact or stored.person.name, title or stored.person.title
        org, field, stage = org or stored.person.org, field or stored.field, stage or stored.stage
        when, where, stored_minutes = when or stored.when, where or stored.where, stored.minutes
        learned, referred = learned or record.notes.learned, referred or record.notes.referrals
        request_date = request_date or record.request_date
        meeting_format = meeting_format or stored.format
    document = letter(
        kind,
        channel,
        field=field,
        sender=Sender(sender, from_school, stage, from_email, from_phone),
        contact=Contact(contact, title, org),
        referral=referral,
        how_found=how_found,
        minutes=minutes,
        meeting=Meeting(when, where, meeting_format, stored_minutes),
        availability=availability,
        follow_up=follow_up_date,
        request_date=request_date,
        learned=learned,
        news=news,
        referrals=referred,
        may_use_name=may_use_name,
        hours=hours,
        linkedin=linkedin,
        catalog=catalog_for(banks),
        template_dirs=template_dirs,
    )
    click.echo(document.counts, err=True)
    return document
