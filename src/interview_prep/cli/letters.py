"""The `letter` command: requests, follow-ups, confirmations and thanks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .app import main, say
from .journal_options import from_journal, recorded_meeting
from .options import bank_option, catalog_for, document_output


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
@click.option("--from", default=None, help="Your name.")
@click.option("--from-school", default=None, help="Your school or program.")
@click.option("--from-email", default=None, help="Your email address.")
@click.option("--from-phone", default=None, help="Your phone number.")
@click.option("--to", default=None, help="Their name.")
@click.option("--title", default=None, help="Their job title.")
@click.option("--org", default=None, help="Their organization.")
@click.option("--field", "-f", default=None, help="The field you are exploring.")
@click.option("--stage", "-s", default=None, help="Your stage: high-school, college, ...")
@click.option("--referral", default=None, help="Who suggested you write (named first).")
@click.option(
    "--how-found", default=None, help='How you found them, e.g. "on the hospital\'s staff page".'
)
@click.option(
    "--minutes",
    "-m",
    default=None,
    metavar="N",
    help="Minutes you ask for (default: 20; a confirm letter restates the meeting's 30).",
)
@click.option("--meeting-format", default=None, help="in-person, phone or video.")
@click.option(
    "--when",
    default=None,
    metavar="DATE-TIME",
    help="The meeting (confirm, thank-you, keep-in-touch).",
)
@click.option("--where", default=None, help="Where you meet (confirm).")
@click.option("--availability", default=None, help='When you are free, e.g. "most afternoons".')
@click.option(
    "--follow-up-date",
    default=None,
    metavar="DATE",
    help="When you will follow up if there is no reply.",
)
@click.option(
    "--request-date",
    default=None,
    metavar="DATE",
    help="When you sent the request (follow-up).",
)
@click.option("--learned", default=None, help="One thing you learned (thank-you).")
@click.option("--news", default=None, help="Your news (keep-in-touch).")
@click.option("--referred", multiple=True, help="A person they suggested (thank-you; repeatable).")
@click.option("--may-use-name", is_flag=True, help="They agreed you may mention them.")
@click.option("--hours", default=None, metavar="N", help="Hours you ask to shadow.")
@click.option(
    "--linkedin",
    default="free",
    show_default=True,
    help="LinkedIn account: note limit 200 or 300 characters.",
)
@bank_option
@document_output(("txt", "md", "html", "pdf", "docx"))
def letter_command(
    kind: str, banks: tuple[str, ...], template_dirs: tuple[Path, ...], **values: Any
) -> Any:
    """Write a letter: request, follow-up, confirm, thank-you, keep-in-touch, shadow-request.

    Plain text goes to the terminal, ready to paste; its word and character counts go to
    standard error.
    """
    from ..params import build_letter

    document = build_letter(
        kind,
        values,
        record=recorded_meeting(),
        catalog=catalog_for(banks),
        template_dirs=template_dirs,
    )
    say(document.counts, err=True)
    return document
