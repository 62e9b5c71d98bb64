"""Option sets and output handling shared by the command families."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import InterviewPrepError
from .app import say

Command = Callable[..., Any]
T = TypeVar("T")


def bank_option(command: Command) -> Command:
    return click.option(
        "--bank",
        "banks",
        multiple=True,
        metavar="PATH",
        help="Extra bank file or folder (repeatable).",
    )(command)


def catalog_for(banks: tuple[str, ...]) -> Any:
    """The catalog with the banks named by --bank."""
    from ..catalog.catalog import catalog_for as load

    return load(tuple(banks))


def parse_when(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    from ..values import parse_datetime

    return None if value is None else _option_value(parse_datetime, value)


def parse_day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    from ..values import parse_date

    return None if value is None else _option_value(parse_date, value)


def _option_value(parse: Callable[[str], T], value: str) -> T:
    """``parse(value)``, with the library's message shown as click's bad-option error."""
    try:
        return parse(value)
    except InterviewPrepError as error:
        raise click.BadParameter(str(error)) from None


def in_range(name: str) -> click.IntRange:
    """A click type for the whole numbers of the range ``name`` in the vocabulary."""
    from ..vocabulary import RANGES

    low, high = RANGES[name][:2]
    return click.IntRange(low, high)


def apply_options(command: Command, options: list[Callable[[Any], Any]]) -> Command:
    for option in reversed(options):
        command = option(command)
    return command


PLAN_OPTIONS: list[Callable[[Any], Any]] = [
    click.option(
        "--field",
        "-f",
        default=None,
        help='Occupation or cluster: "nurse", "RN", '
        '"Digital Technology", ... (see `interview-prep fields`). Required without --meeting.',
    ),
    click.option(
        "--stage",
        "-s",
        default=None,
        metavar="STAGE",
        help="Your stage: high-school, college, recent-grad, career-changer, returning, "
        "returning-new-field. Required without --meeting.",
    ),
    click.option(
        "--minutes", "-m", default=None, metavar="N", help="Length of the meeting (default 30)."
    ),
    click.option(
        "--mode",
        default=None,
        help="interview (default), or shadow (the talk after a job shadow).",
    ),
    click.option("--seniority", default=None, help="The person you meet: early, mid or senior."),
    click.option(
        "--seed", default=None, metavar="N", help="Vary the choice among equally good questions."
    ),
    bank_option,
]

MEETING_OPTIONS: list[Callable[[Any], Any]] = [
    click.option("--contact", default=None, help="Name of the person you meet."),
    click.option("--title", default=None, help="Their job title."),
    click.option("--org", default=None, help="Their organization."),
    click.option(
        "--when",
        default=None,
        metavar="DATE-TIME",
        help="Date and time, e.g. 2026-03-14T15:30 (or 2026-03-14 15:30).",
    ),
    click.option("--where", default=None, help="Place, or how you meet (phone, video)."),
    click.option("--meeting-format", default=None, help="How you meet: in-person, phone or video."),
]


def plan_options(command: Command) -> Command:
    """The options that choose a meeting's questions, passed on as typed."""
    return apply_options(command, PLAN_OPTIONS)


def meeting_options(command: Command) -> Command:
    """The options about the person and the meeting, passed on as typed."""
    return apply_options(command, MEETING_OPTIONS)


def output_options(formats: tuple[str, ...]) -> list[Callable[[Any], Any]]:
    return [
        click.option(
            "--output",
            "-o",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Write to this file.",
        ),
        click.option(
            "--format",
            "fmt",
            default=None,
            metavar="|".join(formats),
            help=f"Output format (default: from the -o suffix, else {formats[0]}).",
        ),
        click.option("--force", is_flag=True, help="Replace the output file if it exists."),
    ]


def output_formats(formats: tuple[str, ...]) -> Callable[[Command], Command]:
    def decorate(command: Command) -> Command:
        return apply_options(command, output_options(formats))

    return decorate


def emit(content: str | bytes, output: Path | None, force: bool, *, private: bool = False) -> None:
    """Print ``content``, or write it to ``output`` whole; ``private`` (it carries people's
    details from the journal) makes the file owner-only."""
    if output is None:
        if isinstance(content, bytes) and sys.stdout.isatty():
            raise InterviewPrepError(
                "PDF and Word output are binary and cannot go to the terminal",
                hint="write it to a file with -o sheet.pdf or -o sheet.docx",
            )
        to_stdout(content)
        return
    from ..files.write import atomic_write

    atomic_write(output, content, force=force, mode=0o600 if private else None)
    say(f"wrote {output}", err=True)


def to_stdout(content: str | bytes) -> None:
    """Print to standard output; a full disk or a closed pipe is a message, not a traceback."""
    try:
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
        else:
            say(content, nl=not content.endswith("\n"), data=True)
            sys.stdout.flush()
    except BrokenPipeError:
        # the reader stopped early (as `| head` does): nothing more to say
        # point stdout at devnull so the interpreter's last flush stays quiet too
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
    except OSError as error:
        raise InterviewPrepError(
            f"cannot write to standard output: {error.strerror or error}",
            hint="free some disk space, or write to a file with -o",
        ) from None


DOCUMENT_FORMATS = ("md", "html", "pdf", "docx")


def choose_format(fmt: str | None, output: Path | None, formats: tuple[str, ...]) -> str:
    """The format asked for: ``fmt``, else the output file's suffix, else the first."""
    from ..params import OutputRequest

    return OutputRequest.from_strings({"format": fmt}, path=output, formats=formats).format


def document_output(
    formats: tuple[str, ...] = DOCUMENT_FORMATS,
) -> Callable[[Command], Command]:
    """Options for where a document goes and how it looks. The command receives
    ``template_dirs`` and returns the document; this writes or prints it."""

    def decorate(command: Command) -> Command:
        @functools.wraps(command)
        def wrapper(
            *args: Any,
            output: Path | None,
            fmt: str | None,
            force: bool,
            templates: Path | None,
            **kwargs: Any,
        ) -> None:
            from ..errors import ParameterError
            from ..params import OutputRequest

            look = {key: kwargs.pop(key) for key in LOOK_KEYS}
            try:  # the output's problems are reported with the document's, all at once
                request = OutputRequest.from_strings(
                    {**look, "format": fmt}, path=output, formats=formats
                )
            except ParameterError as error:
                problems, request = list(error.problems), None
            else:
                problems = []
            try:
                document = command(*args, template_dirs=template_dirs_for(templates), **kwargs)
            except ParameterError as error:
                raise ParameterError([*error.problems, *problems]) from None
            if request is None:
                raise ParameterError(problems)
            from .journal_options import recorded_meetings

            private = bool(recorded_meetings())  # filled from the journal: owner-only
            emit(request.render(document), output, force, private=private)

        return apply_options(wrapper, [*output_options(formats), *LOOK_OPTIONS])

    return decorate


LOOK_KEYS = ("paper", "school", "logo", "css", "fragment", "heading_level")
LOOK_OPTIONS: list[Callable[[Any], Any]] = [
    click.option(
        "--paper",
        default="letter",
        show_default=True,
        help="Paper size for PDF and Word: letter or a4.",
    ),
    click.option("--school", default=None, help="A school or program name for the page header."),
    click.option(
        "--logo",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="A logo image for the page header (.png, .jpg, .svg).",
    ),
    click.option(
        "--css",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="A stylesheet added after the built-in one.",
    ),
    click.option(
        "--fragment",
        is_flag=True,
        help="HTML without page wrapper or styles, to embed in a course page.",
    ),
    click.option(
        "--heading-level",
        default="1",
        show_default=True,
        metavar="1-6",
        help="Level of the top heading, to embed in a page.",
    ),
    click.option(
        "--templates",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="A folder of templates that replace built-in ones by name.",
    ),
]


def template_dirs_for(templates: Path | None) -> tuple[Path, ...]:
    if templates is None:
        return ()
    if not templates.is_dir():
        raise InterviewPrepError(
            f"the template folder {templates} does not exist",
            hint="give a folder holding .md.j2 templates",
        )
    return (templates,)
