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
from .journal_options import recorded_meeting

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
    from ..catalog import default_catalog, load_catalog

    return load_catalog(banks) if banks else default_catalog()


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


def apply_options(command: Command, options: list[Callable[[Any], Any]]) -> Command:
    for option in reversed(options):
        command = option(command)
    return command


SELECTION_OPTIONS: list[Callable[[Any], Any]] = [
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
        help="Your stage: high-school, college, recent-grad, career-changer, returning. "
        "Required without --meeting.",
    ),
    click.option(
        "--minutes", "-m", type=int, default=None, help="Length of the meeting (default 30)."
    ),
    click.option(
        "--mode",
        default=None,
        help="interview (default), or shadow (the talk after a job shadow).",
    ),
    click.option("--seniority", default=None, help="The person you meet: early, mid or senior."),
    click.option(
        "--seed", type=int, default=None, help="Vary the choice among equally good questions."
    ),
    bank_option,
]


def selection(command: Command) -> Command:
    """Options that choose a meeting's questions; the command receives the ``plan``."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        field: str | None,
        stage: str | None,
        minutes: int | None,
        mode: str | None,
        seniority: str | None,
        seed: int | None,
        banks: tuple[str, ...],
        **kwargs: Any,
    ) -> Any:
        from ..select import plan_interview

        record = recorded_meeting()
        if record is not None:
            stored = record.meeting
            field, stage = field or stored.field, stage or stored.stage
            minutes, mode = stored.minutes if minutes is None else minutes, mode or stored.mode
            seed = stored.seed if seed is None else seed
        for name, value in (("--field", field), ("--stage", stage)):
            if value is None and record is not None:
                raise stored_meeting_lacks(record.meeting.id, name)
            if value is None:
                raise click.UsageError(
                    f"Missing option '{name}' (or --meeting ID from the journal)."
                )
        assert field is not None and stage is not None
        plan = plan_interview(
            field,
            stage,
            30 if minutes is None else minutes,
            mode=mode or "interview",
            seniority=seniority,
            seed=seed,
            catalog=catalog_for(banks),
        )
        return command(*args, plan=plan, **kwargs)

    return apply_options(wrapper, SELECTION_OPTIONS)


def meeting_details(command: Command) -> Command:
    """Options about the person and the meeting; the command receives ``person`` and
    ``meeting``."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        contact: str | None,
        title: str | None,
        org: str | None,
        when: datetime | None,
        where: str | None,
        meeting_format: str | None,
        **kwargs: Any,
    ) -> Any:
        from ..model import Contact, Meeting

        person, meeting = Contact(contact, title, org), Meeting(when, where, meeting_format)
        record = recorded_meeting()
        if record is not None:
            stored = record.meeting
            if contact is None:
                person = Contact(
                    stored.person.name,
                    title or stored.person.title,
                    org or stored.person.org,
                    stored.person.email,
                )
            meeting = Meeting(
                when or stored.when,
                where or stored.where,
                meeting_format or stored.format,
                stored.minutes,
            )
        return command(*args, person=person, meeting=meeting, **kwargs)

    options = [
        click.option("--contact", default=None, help="Name of the person you meet."),
        click.option("--title", default=None, help="Their job title."),
        click.option("--org", default=None, help="Their organization."),
        click.option(
            "--when",
            default=None,
            callback=parse_when,
            metavar="ISO-DATETIME",
            help="Date and time, e.g. 2026-03-14T15:30.",
        ),
        click.option("--where", default=None, help="Place, or how you meet (phone, video)."),
        click.option(
            "--meeting-format",
            type=click.Choice(["in-person", "phone", "video"]),
            default=None,
            help="How you meet.",
        ),
    ]
    return apply_options(wrapper, options)


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
            type=click.Choice(formats),
            default=None,
            help=f"Output format (default: from the -o suffix, else {formats[0]}).",
        ),
        click.option("--force", is_flag=True, help="Replace the output file if it exists."),
    ]


def output_formats(formats: tuple[str, ...]) -> Callable[[Command], Command]:
    def decorate(command: Command) -> Command:
        return apply_options(command, output_options(formats))

    return decorate


def stored_meeting_lacks(meeting_id: int, option: str) -> click.UsageError:
    """A stored meeting without a field or stage: say so, and how to store one."""
    what = option.lstrip("-")
    example = "college" if what == "stage" else "nurse"
    return click.UsageError(
        f"meeting {meeting_id} in the journal has no {what}: pass {option}, or store one with: "
        f"interview-prep meetings edit {meeting_id} {option} {example}"
    )


def emit(content: str | bytes, output: Path | None, force: bool) -> None:
    if output is None:
        if isinstance(content, bytes) and sys.stdout.isatty():
            raise InterviewPrepError(
                "PDF and Word output are binary and cannot go to the terminal",
                hint="write it to a file with -o sheet.pdf or -o sheet.docx",
            )
        to_stdout(content)
        return
    from ..output import atomic_write

    atomic_write(output, content, force=force)
    click.echo(f"wrote {output}", err=True)


def to_stdout(content: str | bytes) -> None:
    """Print to standard output; a full disk or a closed pipe is a message, not a traceback."""
    try:
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
        else:
            click.echo(content, nl=not content.endswith("\n"))
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


def choose_format(fmt: str | None, output: Path | None, formats: tuple[str, ...]) -> str:
    if fmt is not None:
        return fmt
    if output is None:
        return formats[0]
    from ..documents.document import format_for_suffix

    return format_for_suffix(output, formats)


DOCUMENT_FORMATS = ("md", "html", "pdf", "docx")


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
            look = {key: kwargs.pop(key) for key in LOOK_KEYS}
            document = command(*args, template_dirs=template_dirs_for(templates), **kwargs)
            write_document(document, look, output, fmt, force, formats)

        return apply_options(wrapper, [*output_options(formats), *LOOK_OPTIONS])

    return decorate


LOOK_KEYS = ("paper", "school", "logo", "css", "fragment", "heading_level")
LOOK_OPTIONS: list[Callable[[Any], Any]] = [
    click.option(
        "--paper",
        type=click.Choice(["letter", "a4"]),
        default="letter",
        show_default=True,
        help="Paper size for PDF and Word.",
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
        type=click.IntRange(1, 6),
        default=1,
        show_default=True,
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


def write_document(
    document: Any,
    look: dict[str, Any],
    output: Path | None,
    fmt: str | None,
    force: bool,
    formats: tuple[str, ...] = DOCUMENT_FORMATS,
) -> None:
    """Render a document in the chosen format, with its branding, and write or print it."""
    from ..model import Branding

    chosen = choose_format(fmt, output, formats)
    if look.get("school") or look.get("logo") or look.get("css"):
        document = document.branded(Branding(look["school"], look["logo"], look["css"]))
    offset = look["heading_level"] - 1
    if chosen == "pdf":
        content: str | bytes = document.to_pdf(paper=look["paper"])
    elif chosen == "docx":
        content = document.to_docx(paper=look["paper"])
    elif chosen == "html" and (look["fragment"] or offset):
        content = document.to_html(fragment=True, heading_offset=offset)
    elif chosen == "md" and offset:
        content = document.to_markdown(heading_offset=offset)
    else:
        content = document.render(chosen)
    emit(content, output, force)
