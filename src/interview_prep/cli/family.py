"""The family guide command: how parents and families can help a student meet people."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .app import main
from .options import bank_option, document_output


@main.command("family-guide")
@click.option("--student", default=None, help="The student's first name, to address the guide.")
@click.option(
    "--field",
    default=None,
    help="A job or field the student is curious about, for the questions to ask.",
)
@click.option(
    "--stage",
    default="high-school",
    show_default=True,
    help="The student's stage, for the questions to ask.",
)
@bank_option
@document_output()
def family_guide_command(template_dirs: tuple[Path, ...], **values: Any) -> Any:
    """A guide for parents and families: finding people for the student to ask, why people
    2, 5 and 10 years in are worth asking, a request for information (never a job), what to
    ask, and what to do after."""
    from .documents import build

    return build("family-guide", values, template_dirs)
