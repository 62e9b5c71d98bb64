"""Commands for course platforms: a unit as IMS Common Cartridge, and the MyST plugin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import InterviewPrepError
from .app import main, say


@main.command("unit")
@click.option("--start", required=True, metavar="DATE", help="First day of the unit.")
@click.option("--weeks", default="4", show_default=True, metavar="N", help="2 to 12.")
@click.option("--shadow", is_flag=True, help="Include a job shadow.")
@click.option("--field", "-f", default=None, help="A field for the prep-sheet template.")
@click.option("--stage", "-s", default=None, metavar="STAGE", help="The students' stage.")
@click.option(
    "--minutes", "-m", default="30", show_default=True, metavar="N", help="Length of the meeting."
)
@click.option("--course", default=None, help="Course or class name (the unit's title).")
@click.option("--teacher", default=None, help="Teacher or counselor.")
@click.option("--school", default=None, help="A school name for the sheets' page header.")
@click.option("--logo", default=None, metavar="FILE", help="A logo for the sheets' page header.")
@click.option("--paper", default="letter", show_default=True, help="letter or a4.")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The cartridge file to write (.imscc).",
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def unit_command(output: Path, force: bool, **values: Any) -> None:
    """A course unit for Canvas, Schoology, Moodle, Blackboard or D2L (Common Cartridge 1.1).

    \b
    It holds the handout with its dated steps as a page, the rubric as a page, the handout,
    reflection and (with -f and -s) prep sheet as PDF and Word files, and the reflection as
    essay questions. Import it with the platform's course import.
    """
    from ..params import OutputRequest, build_unit

    if output.suffix.lower() != ".imscc":
        raise InterviewPrepError(
            f"a course unit is written as .imscc, not {output.suffix or '(no suffix)'}",
            hint="end the file name with .imscc, e.g. -o unit.imscc",
        )
    paper = OutputRequest.from_strings({"paper": values.pop("paper")}).paper
    build_unit(values).to_cartridge(output, paper=paper, force=force)
    say(f"wrote {output}", err=True)


@main.command("myst-plugin")
@click.option("--path", "show_path", is_flag=True, help="Print where the plugin program is.")
def myst_plugin_command(show_path: bool) -> None:
    """The MyST (Jupyter Book 2) plugin: the interview-script and interview-questions
    directives. Name it in myst.yml under project.plugins as an executable plugin."""
    from ..integrations.myst import plugin_path

    path = plugin_path()
    if show_path:
        say(str(path))
        return
    say(f"In myst.yml:\n\nproject:\n  plugins:\n    - type: executable\n      path: {path}\n")
