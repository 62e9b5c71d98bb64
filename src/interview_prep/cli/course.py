"""Commands for course platforms: a unit as IMS Common Cartridge, and the MyST plugin."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..errors import InterviewPrepError
from .app import main, say
from .options import parse_day


@main.command("unit")
@click.option(
    "--start", required=True, callback=parse_day, metavar="DATE", help="First day of the unit."
)
@click.option("--weeks", type=int, default=4, show_default=True, help="2 to 12.")
@click.option("--shadow", is_flag=True, help="Include a job shadow.")
@click.option("--field", "-f", default=None, help="A field for the prep-sheet template.")
@click.option("--stage", "-s", default=None, metavar="STAGE", help="The students' stage.")
@click.option(
    "--minutes", "-m", type=int, default=30, show_default=True, help="Length of the meeting."
)
@click.option("--course", default=None, help="Course or class name (the unit's title).")
@click.option("--teacher", default=None, help="Teacher or counselor.")
@click.option("--school", default=None, help="A school name for the sheets' page header.")
@click.option(
    "--logo",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A logo for the sheets' page header (.png or .jpg).",
)
@click.option("--paper", type=click.Choice(["letter", "a4"]), default="letter", show_default=True)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The cartridge file to write (.imscc).",
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def unit_command(
    start: date,
    weeks: int,
    shadow: bool,
    field: str | None,
    stage: str | None,
    minutes: int,
    course: str | None,
    teacher: str | None,
    school: str | None,
    logo: Path | None,
    paper: str,
    output: Path,
    force: bool,
) -> None:
    """A course unit for Canvas, Schoology, Moodle, Blackboard or D2L (Common Cartridge 1.1).

    \b
    It holds the handout with its dated steps as a page, the rubric as a page, the handout,
    reflection and (with -f and -s) prep sheet as PDF and Word files, and the reflection as
    essay questions. Import it with the platform's course import.
    """
    from ..documents import course_unit
    from ..model import Branding

    if output.suffix.lower() != ".imscc":
        raise InterviewPrepError(
            f"a course unit is written as .imscc, not {output.suffix or '(no suffix)'}",
            hint="end the file name with .imscc, e.g. -o unit.imscc",
        )
    unit = course_unit(
        start,
        weeks=weeks,
        shadow=shadow,
        field=field,
        stage=stage,
        minutes=minutes,
        course=course,
        teacher=teacher,
    )
    if school or logo:
        unit = unit.branded(Branding(school, logo))
    unit.to_cartridge(output, paper=paper, force=force)
    say(f"wrote {output}", err=True)


@main.command("myst-plugin")
@click.option("--path", "show_path", is_flag=True, help="Print where the plugin program is.")
def myst_plugin_command(show_path: bool) -> None:
    """The MyST (Jupyter Book 2) plugin: the interview-script and interview-questions
    directives. Name it in myst.yml under project.plugins as an executable plugin."""
    from ..myst import plugin_path

    path = plugin_path()
    if show_path:
        say(str(path))
        return
    say(f"In myst.yml:\n\nproject:\n  plugins:\n    - type: executable\n      path: {path}\n")
