"""The `interview-prep` command line: a thin layer over the public API."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import InterviewPrepError

F = TypeVar("F", bound=Callable[..., Any])
USER_ERROR = 2


class _Group(click.Group):
    """Turns every library error into a message and exit status 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InterviewPrepError as error:
            click.secho(f"error: {error}", err=True, fg="red")
            ctx.exit(USER_ERROR)


@click.group(
    cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(package_name="interview-prep", prog_name="interview-prep")
def main() -> None:
    """Prepare informational interviews and job shadows: questions, scripts, prep sheets."""


def _bank_option(command: F) -> F:
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


def _selection(command: F) -> F:
    """The options that choose a meeting's questions, shared by plan, script and prep-sheet."""
    options = [
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
            "--minutes",
            "-m",
            type=int,
            default=30,
            show_default=True,
            help="Length of the meeting.",
        ),
        click.option(
            "--mode",
            default="interview",
            show_default=True,
            help="interview, or shadow (the talk after a job shadow).",
        ),
        click.option(
            "--seniority", default=None, help="The person you meet: early, mid or senior."
        ),
        click.option(
            "--seed", type=int, default=None, help="Vary the choice among equally good questions."
        ),
        _bank_option,
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _meeting_details(command: F) -> F:
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
    for option in reversed(options):
        command = option(command)
    return command


def _output(formats: tuple[str, ...]) -> Callable[[F], F]:
    def decorate(command: F) -> F:
        command = click.option(
            "--force", is_flag=True, help="Replace the output file if it exists."
        )(command)
        command = click.option(
            "--format",
            "fmt",
            type=click.Choice(formats),
            default=None,
            help=f"Output format (default: from the -o suffix, else {formats[0]}).",
        )(command)
        return click.option(
            "--output",
            "-o",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Write to this file.",
        )(command)

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


def _plan(
    field: str,
    stage: str,
    minutes: int,
    mode: str,
    seniority: str | None,
    seed: int | None,
    banks: tuple[str, ...],
) -> Any:
    from .select import plan_interview

    return plan_interview(
        field, stage, minutes, mode=mode, seniority=seniority, seed=seed, catalog=_catalog(banks)
    )


def _people(
    contact: str | None,
    title: str | None,
    org: str | None,
    when: datetime | None,
    where: str | None,
    meeting_format: str | None,
) -> tuple[Any, Any]:
    from .model import Contact, Meeting

    return Contact(contact, title, org), Meeting(when, where, meeting_format)


def _document_command(name: str, builder: str, summary: str) -> None:
    @main.command(name, help=summary)
    @_selection
    @_meeting_details
    @click.option(
        "--paper",
        type=click.Choice(["letter", "a4"]),
        default="letter",
        show_default=True,
        help="Paper size for PDF.",
    )
    @_output(("md", "html", "pdf"))
    def command(
        field: str,
        stage: str,
        minutes: int,
        mode: str,
        seniority: str | None,
        seed: int | None,
        banks: tuple[str, ...],
        contact: str | None,
        title: str | None,
        org: str | None,
        when: datetime | None,
        where: str | None,
        meeting_format: str | None,
        paper: str,
        output: Path | None,
        fmt: str | None,
        force: bool,
    ) -> None:
        from . import documents

        chosen = _choose_format(fmt, output, ("md", "html", "pdf"))
        plan = _plan(field, stage, minutes, mode, seniority, seed, banks)
        person, meeting = _people(contact, title, org, when, where, meeting_format)
        document = getattr(documents, builder)(plan, person, meeting)
        content = document.to_pdf(paper=paper) if chosen == "pdf" else document.render(chosen)
        _emit(content, output, force)


_document_command(
    "prep-sheet",
    "prep_sheet",
    "Make a prep sheet: meeting details, homework, checklist, the questions "
    "with room for notes, and what to do after.",
)
_document_command(
    "script", "interview_script", "Make an interview script to hold during the meeting."
)


@main.command("plan")
@_selection
@_output(("json", "md"))
def plan_command(
    field: str,
    stage: str,
    minutes: int,
    mode: str,
    seniority: str | None,
    seed: int | None,
    banks: tuple[str, ...],
    output: Path | None,
    fmt: str | None,
    force: bool,
) -> None:
    """Show which questions fit the meeting, and what was left out and why."""
    plan = _plan(field, stage, minutes, mode, seniority, seed, banks)
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
    if query:
        found = catalog.search_fields(query, limit)
    else:
        found = [m for c in catalog.taxonomy.clusters for m in catalog.search_fields(c.id, 1)]
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
@_output(("md", "json"))
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
    """List the questions that suit a field, stage, theme or mode."""
    from .select import find_questions

    found = find_questions(field, stage, theme, mode, kind=kind, catalog=_catalog(banks))
    chosen = _choose_format(fmt, output, ("md", "json"))
    if chosen == "json":
        _emit(json.dumps(found.to_dicts(), indent=2, ensure_ascii=False) + "\n", output, force)
    else:
        _emit(found.to_markdown(), output, force)


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
