"""The `interview-prep` command line: a thin layer over the public API."""

from __future__ import annotations

import functools
import json
import sys
import warnings
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from .errors import InterviewPrepError, InterviewPrepWarning

Command = Callable[..., Any]
USER_ERROR = 2


class _Group(click.Group):
    """Turns every library error into a message and exit status 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", InterviewPrepWarning)
            try:
                return super().invoke(ctx)
            except InterviewPrepError as error:
                click.secho(f"error: {error}", err=True, fg="red")
                ctx.exit(USER_ERROR)
            finally:
                for warning in caught:
                    click.secho(f"warning: {warning.message}", err=True, fg="yellow")


@click.group(
    cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(package_name="interview-prep", prog_name="interview-prep")
def main() -> None:
    """Prepare informational interviews and job shadows: questions, scripts, prep sheets."""


def _bank_option(command: Command) -> Command:
    return click.option(
        "--bank",
        "banks",
        multiple=True,
        metavar="PATH",
        help="Extra bank file or folder (repeatable).",
    )(command)


def _catalog(banks: tuple[str, ...]) -> Any:
    from .catalog import default_catalog, load_catalog

    return load_catalog(banks) if banks else default_catalog()


def _parse_when(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date and time; write it like 2026-03-14T15:30"
        ) from None


def _options(command: Command, options: list[Callable[[Any], Any]]) -> Command:
    for option in reversed(options):
        command = option(command)
    return command


SELECTION_OPTIONS: list[Callable[[Any], Any]] = [
    click.option(
        "--field",
        "-f",
        required=True,
        help='Occupation or cluster: "nurse", "RN", '
        '"Digital Technology", ... (see `interview-prep fields`).',
    ),
    click.option(
        "--stage",
        "-s",
        required=True,
        metavar="STAGE",
        help="Your stage: high-school, college, recent-grad, career-changer, returning.",
    ),
    click.option(
        "--minutes", "-m", type=int, default=30, show_default=True, help="Length of the meeting."
    ),
    click.option(
        "--mode",
        default="interview",
        show_default=True,
        help="interview, or shadow (the talk after a job shadow).",
    ),
    click.option("--seniority", default=None, help="The person you meet: early, mid or senior."),
    click.option(
        "--seed", type=int, default=None, help="Vary the choice among equally good questions."
    ),
    _bank_option,
]


def _selection(command: Command) -> Command:
    """Options that choose a meeting's questions; the command receives the ``plan``."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        field: str,
        stage: str,
        minutes: int,
        mode: str,
        seniority: str | None,
        seed: int | None,
        banks: tuple[str, ...],
        **kwargs: Any,
    ) -> Any:
        from .select import plan_interview

        plan = plan_interview(
            field,
            stage,
            minutes,
            mode=mode,
            seniority=seniority,
            seed=seed,
            catalog=_catalog(banks),
        )
        return command(*args, plan=plan, **kwargs)

    return _options(wrapper, SELECTION_OPTIONS)


def _meeting_details(command: Command) -> Command:
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
        from .model import Contact, Meeting

        person, meeting = Contact(contact, title, org), Meeting(when, where, meeting_format)
        return command(*args, person=person, meeting=meeting, **kwargs)

    options = [
        click.option("--contact", default=None, help="Name of the person you meet."),
        click.option("--title", default=None, help="Their job title."),
        click.option("--org", default=None, help="Their organisation."),
        click.option(
            "--when",
            default=None,
            callback=_parse_when,
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
    return _options(wrapper, options)


def _output_options(formats: tuple[str, ...]) -> list[Callable[[Any], Any]]:
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


def _output(formats: tuple[str, ...]) -> Callable[[Command], Command]:
    def decorate(command: Command) -> Command:
        return _options(command, _output_options(formats))

    return decorate


def _emit(content: str | bytes, output: Path | None, force: bool) -> None:
    if output is None:
        if isinstance(content, bytes):
            if sys.stdout.isatty():
                raise InterviewPrepError(
                    "PDF output is binary and cannot go to the terminal",
                    hint="write it to a file with -o sheet.pdf",
                )
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
        else:
            click.echo(content, nl=not content.endswith("\n"))
        return
    from .output import atomic_write

    atomic_write(output, content, force=force)
    click.echo(f"wrote {output}", err=True)


def _choose_format(fmt: str | None, output: Path | None, formats: tuple[str, ...]) -> str:
    if fmt is not None:
        return fmt
    if output is None:
        return formats[0]
    from .documents.document import format_for_suffix

    return format_for_suffix(output, formats)


DOCUMENT_FORMATS = ("md", "html", "pdf")


def _document_output(
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
            document = command(*args, template_dirs=_template_dirs(templates), **kwargs)
            _write(document, look, output, fmt, force, formats)

        return _options(wrapper, [*_output_options(formats), *LOOK_OPTIONS])

    return decorate


LOOK_KEYS = ("paper", "school", "logo", "css", "fragment", "heading_level")
LOOK_OPTIONS: list[Callable[[Any], Any]] = [
    click.option(
        "--paper",
        type=click.Choice(["letter", "a4"]),
        default="letter",
        show_default=True,
        help="Paper size for PDF.",
    ),
    click.option("--school", default=None, help="A school or programme name for the page header."),
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


def _template_dirs(templates: Path | None) -> tuple[Path, ...]:
    if templates is None:
        return ()
    if not templates.is_dir():
        raise InterviewPrepError(
            f"the template folder {templates} does not exist",
            hint="give a folder holding .md.j2 templates",
        )
    return (templates,)


def _write(
    document: Any,
    look: dict[str, Any],
    output: Path | None,
    fmt: str | None,
    force: bool,
    formats: tuple[str, ...] = DOCUMENT_FORMATS,
) -> None:
    """Render a document in the chosen format, with its branding, and write or print it."""
    from .model import Branding

    chosen = _choose_format(fmt, output, formats)
    if look.get("school") or look.get("logo") or look.get("css"):
        document = document.branded(Branding(look["school"], look["logo"], look["css"]))
    offset = look["heading_level"] - 1
    if chosen == "pdf":
        content: str | bytes = document.to_pdf(paper=look["paper"])
    elif chosen == "html" and (look["fragment"] or offset):
        content = document.to_html(fragment=True, heading_offset=offset)
    elif chosen == "md" and offset:
        content = document.to_markdown(heading_offset=offset)
    else:
        content = document.render(chosen)
    _emit(content, output, force)


def _document_command(name: str, builder: str, summary: str) -> None:
    @main.command(name, help=summary)
    @_selection
    @_meeting_details
    @_document_output()
    def command(plan: Any, person: Any, meeting: Any, template_dirs: tuple[Path, ...]) -> Any:
        from . import documents

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


def _parse_day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it like 2026-03-14") from None


@main.command("letter")
@click.argument("kind", metavar="KIND")
@click.option(
    "--channel",
    "-c",
    default="email",
    show_default=True,
    help="email, linkedin, letter (printed) or phone.",
)
@click.option("--from", "sender", default=None, help="Your name.")
@click.option("--from-school", default=None, help="Your school or programme.")
@click.option("--from-email", default=None, help="Your email address.")
@click.option("--from-phone", default=None, help="Your phone number.")
@click.option("--to", "contact", default=None, help="Their name.")
@click.option("--title", default=None, help="Their job title.")
@click.option("--org", default=None, help="Their organisation.")
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
    callback=_parse_when,
    metavar="ISO-DATETIME",
    help="The meeting (confirm, thank-you, keep-in-touch).",
)
@click.option("--where", default=None, help="Where you meet (confirm).")
@click.option("--availability", default=None, help='When you are free, e.g. "most afternoons".')
@click.option(
    "--follow-up-date",
    default=None,
    callback=_parse_day,
    metavar="DATE",
    help="When you will follow up if there is no reply.",
)
@click.option(
    "--request-date",
    default=None,
    callback=_parse_day,
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
@_bank_option
@_document_output(("txt", "md", "html", "pdf"))
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
    from .documents import letter
    from .model import Contact, Meeting, Sender

    document = letter(
        kind,
        channel,
        field=field,
        sender=Sender(sender, from_school, stage, from_email, from_phone),
        contact=Contact(contact, title, org),
        referral=referral,
        how_found=how_found,
        minutes=minutes,
        meeting=Meeting(when, where, meeting_format),
        availability=availability,
        follow_up=follow_up_date,
        request_date=request_date,
        learned=learned,
        news=news,
        referrals=referred,
        may_use_name=may_use_name,
        hours=hours,
        linkedin=linkedin,
        catalog=_catalog(banks),
        template_dirs=template_dirs,
    )
    click.echo(document.counts, err=True)
    return document


@main.command("timeline")
@click.option(
    "--request-date",
    default=None,
    callback=_parse_day,
    metavar="DATE",
    help="When you send (or sent) the request.",
)
@click.option(
    "--meeting",
    default=None,
    callback=_parse_when,
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
@_document_output(("md", "ics", "html", "pdf"))
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
    from .documents import timeline
    from .model import Contact

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
@_bank_option
@_meeting_details
@_document_output()
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
    from .documents import shadow_plan

    return shadow_plan(
        field,
        stage,
        hours,
        contact=person,
        meeting=meeting,
        debrief_minutes=debrief_minutes,
        seniority=seniority,
        seed=seed,
        catalog=_catalog(banks),
        template_dirs=template_dirs,
    )


@main.command("reflection")
@click.option("--field", "-f", default=None, help="The field you explored.")
@click.option("--stage", "-s", default="college", show_default=True)
@_bank_option
@_meeting_details
@_document_output()
def reflection_command(
    field: str | None,
    stage: str,
    banks: tuple[str, ...],
    person: Any,
    meeting: Any,
    template_dirs: tuple[Path, ...],
) -> Any:
    """A reflection sheet to fill in the same day as the meeting."""
    from .documents import reflection_sheet
    from .select import plan_interview

    plan = plan_interview(field, stage, catalog=_catalog(banks)) if field else None
    return reflection_sheet(plan, person, meeting, template_dirs=template_dirs)


@main.command("compare")
@_selection
@click.option(
    "--contact",
    "contacts",
    multiple=True,
    required=True,
    help="A person you talked with (repeat for each, 2 to 5).",
)
@_document_output()
def compare_command(plan: Any, contacts: tuple[str, ...], template_dirs: tuple[Path, ...]) -> Any:
    """A sheet with the same questions side by side for several conversations."""
    from .documents import comparison_sheet

    return comparison_sheet(plan, contacts, template_dirs=template_dirs)


@main.command("batch")
@click.argument("roster", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the handouts (made if missing).",
)
@click.option(
    "--document",
    "-d",
    default="prep-sheet",
    show_default=True,
    help="prep-sheet, script, reflection or shadow-plan.",
)
@click.option("--format", "fmt", default="pdf", show_default=True, help="pdf, md or html.")
@click.option(
    "--stage",
    "-s",
    default="college",
    show_default=True,
    help="Stage for rows that do not give one.",
)
@click.option(
    "--minutes",
    "-m",
    type=int,
    default=30,
    show_default=True,
    help="Minutes for rows that do not give them.",
)
@click.option("--seed", type=int, default=None, help="Class seed: changes every student's mix.")
@click.option(
    "--jobs", "-j", type=int, default=None, help="Worker processes (default: one per core)."
)
@click.option("--paper", type=click.Choice(["letter", "a4"]), default="letter")
@click.option("--no-combined", is_flag=True, help="Skip the combined PDF for printing.")
@click.option("--force", is_flag=True, help="Remake files that are already there.")
@_bank_option
def batch_command(
    roster: Path,
    out_dir: Path,
    document: str,
    fmt: str,
    stage: str,
    minutes: int,
    seed: int | None,
    jobs: int | None,
    paper: str,
    no_combined: bool,
    force: bool,
    banks: tuple[str, ...],
) -> None:
    """One handout per student from a roster (CSV or YAML), plus one PDF to print.

    \b
    Columns: name and field (required); stage, minutes, mode, seniority, seed, hours,
    contact, title, org, when, where, meeting_format (optional).
    A bad row is reported and skipped; the rest are made, and the exit status is 1.
    Files already in the folder are kept, so a rerun finishes an interrupted batch.
    """
    from .batch import read_roster, run_batch

    students = read_roster(roster)
    with click.progressbar(
        length=len(students), label="handouts", file=sys.stderr, show_pos=True
    ) as bar:
        result = run_batch(
            students,
            out_dir,
            document=document,
            format=fmt,
            stage=stage,
            minutes=minutes,
            banks=banks,
            paper=paper,
            seed=seed,
            jobs=jobs,
            combined=not no_combined,
            force=force,
            on_done=lambda outcome: bar.update(1),
        )
    click.echo(result.summary())
    if result.failed:
        raise SystemExit(1)


@main.command("handout")
@click.option(
    "--start",
    required=True,
    callback=_parse_day,
    metavar="DATE",
    help="First day of the assignment.",
)
@click.option("--weeks", type=int, default=4, show_default=True, help="2 to 12.")
@click.option("--course", default=None, help="Course or class name.")
@click.option("--teacher", default=None, help="Teacher or counsellor.")
@click.option("--shadow", is_flag=True, help="Include a job shadow.")
@_document_output()
def handout_command(
    start: date,
    weeks: int,
    course: str | None,
    teacher: str | None,
    shadow: bool,
    template_dirs: tuple[Path, ...],
) -> Any:
    """The teacher's assignment handout: the idea, steps with due dates, and a rubric."""
    from .documents import assignment_handout

    return assignment_handout(
        start,
        weeks=weeks,
        course=course,
        teacher=teacher,
        shadow=shadow,
        template_dirs=template_dirs,
    )


@main.command("plan")
@_selection
@_output(("json", "md"))
def plan_command(plan: Any, output: Path | None, fmt: str | None, force: bool) -> None:
    """Show which questions fit the meeting, and what was left out and why."""
    chosen = _choose_format(fmt, output, ("json", "md"))
    if chosen == "json":
        _emit(json.dumps(plan.to_dict(), indent=2, ensure_ascii=False) + "\n", output, force)
    else:
        _emit(_plan_markdown(plan), output, force)


def _plan_markdown(plan: Any) -> str:
    from .markdown_text import escape_markdown

    lines = [
        f"# Plan: {escape_markdown(plan.field.title)}, {plan.minutes} minutes",
        "",
        f"{plan.total_minutes} of {plan.minutes} minutes planned "
        f"(opening {plan.opening_minutes}, questions {plan.question_minutes}, closing and "
        f"thanks {plan.reserved_minutes - plan.opening_minutes}).",
        "",
        "| by | min | theme | question |",
        "|---|---|---|---|",
    ]
    for planned in (*plan.questions, *plan.closing):
        item = planned.item
        lines.append(
            f"| {planned.ends_at} | {item.minutes} | {item.theme} | {escape_markdown(item.text)} |"
        )
    if plan.uncovered:
        lines += ["", "Core themes not covered: " + ", ".join(plan.uncovered)]
    lines += ["", f"Left out for lack of time: {len(plan.left_out)} questions."]
    return "\n".join(lines) + "\n"


@main.command("fields")
@click.argument("query", required=False, default="")
@click.option("--limit", type=int, default=15, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@_bank_option
def fields_command(query: str, limit: int, fmt: str, banks: tuple[str, ...]) -> None:
    """Search clusters and occupations by name, alias or classic cluster name."""
    catalog = _catalog(banks)
    # with no query the search lists every cluster
    found = catalog.search_fields(query, limit if query else len(catalog.taxonomy.clusters))
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {"kind": m.kind, "id": m.id, "title": m.title, "cluster": m.cluster_id}
                    for m in found
                ],
                indent=2,
            )
        )
        return
    if not found:
        raise InterviewPrepError(
            f"no field matches {query!r}",
            hint="try a shorter word, or `interview-prep fields` for all",
        )
    width = max(len(m.id) for m in found)
    for m in found:
        where = "cluster" if m.kind == "cluster" else f"in {m.cluster_title}"
        click.echo(f"{m.id:<{width}}  {m.title} ({where})")


@main.command("questions")
@click.option("--field", "-f", default=None)
@click.option("--stage", "-s", default=None)
@click.option("--theme", "-t", default=None)
@click.option("--mode", default=None)
@click.option("--kind", default=None, help="question, observation or research.")
@_bank_option
@_output(("md", "json", "csv", "gift"))
def questions_command(
    field: str | None,
    stage: str | None,
    theme: str | None,
    mode: str | None,
    kind: str | None,
    banks: tuple[str, ...],
    output: Path | None,
    fmt: str | None,
    force: bool,
) -> None:
    """List the questions that suit a field, stage, theme or mode.

    Export them as JSON, CSV, or Moodle GIFT essay items for reflection prompts.
    """
    from .select import find_questions

    found = find_questions(field, stage, theme, mode, kind=kind, catalog=_catalog(banks))
    chosen = _choose_format(fmt, output, ("md", "json", "csv", "gift"))
    category = "interview_prep" + (f"/{field}" if field else "")
    _emit(found.export(chosen, category), output, force)


@main.group("banks")
def banks_group() -> None:
    """List and check question banks."""


@banks_group.command("list")
@_bank_option
def banks_list(banks: tuple[str, ...]) -> None:
    """List the loaded banks with their item counts."""
    catalog = _catalog(banks)
    for bank in catalog.banks:
        click.echo(f"{bank.id:<32} {len(bank.items):>4} items  {bank.title}  ({bank.source})")


@banks_group.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def banks_validate(paths: tuple[Path, ...]) -> None:
    """Check bank files against the format; every problem is listed with its line."""
    from .catalog import load_catalog

    catalog = load_catalog(paths, plugins=False)
    count = sum(
        len(b.items)
        for b in catalog.banks
        if b.source in {str(p) for p in paths} or any(b.source.startswith(str(p)) for p in paths)
    )
    click.echo(f"ok: {count} items in {len(paths)} path(s) are valid")


@banks_group.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def banks_lint(paths: tuple[Path, ...], strict: bool, fmt: str) -> None:
    """Check questions against the house rules (the built-in banks when no PATH is given).

    Exits 2 when there are errors, or warnings with --strict.
    """
    from .lint import lint_paths

    report = lint_paths(paths)
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "summary": report.summary(),
                    "findings": [f.to_dict() for f in report.findings],
                    "silenced": [
                        {**f.to_dict(), "reason": reason} for f, reason in report.silenced
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for finding in report.findings:
            click.echo(str(finding))
        click.echo(report.summary())
    if not report.ok(strict=strict):
        raise SystemExit(USER_ERROR)


@banks_group.command("schema")
@_output(("json",))
def banks_schema(output: Path | None, fmt: str | None, force: bool) -> None:
    """Write the JSON Schema of bank files, for editors that validate YAML as you type."""
    from .catalog import builtin_taxonomy
    from .schema import bank_json_schema

    schema = bank_json_schema(builtin_taxonomy())
    _emit(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", output, force)


@banks_group.command("init")
@click.argument("name")
@click.option("--field", "-f", default=None, help="The cluster or occupation it is for.")
@click.option("--force", is_flag=True, help="Replace NAME.yaml if it exists.")
def banks_init(name: str, field: str | None, force: bool) -> None:
    """Write NAME.yaml: a commented starter bank to fill in."""
    from .authoring import starter_bank
    from .output import atomic_write

    target = Path(name if name.endswith((".yaml", ".yml")) else f"{name}.yaml")
    atomic_write(target, starter_bank(target.stem, field, _catalog(())), force=force)
    click.echo(f"wrote {target}: check it with `interview-prep banks lint {target}`", err=True)
