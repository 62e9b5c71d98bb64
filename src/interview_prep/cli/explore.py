"""Commands to explore the banks: the plan for a meeting, fields, questions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..errors import InterviewPrepError
from .app import main, say
from .journal_options import from_journal, recorded_meeting
from .options import bank_option, catalog_for, choose_format, emit, output_formats, plan_options


@main.command("plan")
@from_journal
@plan_options
@click.option(
    "--explain", is_flag=True, help="Say why each question was chosen and the runners-up not."
)
@output_formats(("md", "json"))
def plan_command(
    explain: bool,
    output: Path | None,
    fmt: str | None,
    force: bool,
    banks: tuple[str, ...],
    **values: Any,
) -> None:
    """Show which questions fit the meeting, and what was left out and why: a Markdown
    table by default, or JSON (`--format json`, or `-o plan.json`).

    The JSON always says why each question was chosen and why the others were not.
    """
    from ..params import PlanParams, ValueReader

    catalog = catalog_for(banks)
    reader = ValueReader(values)
    params = PlanParams.read(reader, catalog, recorded_meeting())
    reader.raise_problems()
    plan = params.plan(catalog)
    chosen = choose_format(fmt, output, ("md", "json"))
    if chosen == "json":
        emit(json.dumps(plan.to_dict(), indent=2, ensure_ascii=False) + "\n", output, force)
    else:
        emit(plan.to_markdown(explain=explain), output, force)


@main.command("fields")
@click.argument("query", required=False, default="")
@click.option("--limit", type=int, default=15, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@bank_option
def fields_command(query: str, limit: int, fmt: str, banks: tuple[str, ...]) -> None:
    """Search clusters, sub-clusters and occupations by name, alias or classic cluster name."""
    catalog = catalog_for(banks)
    # with no query the search lists every cluster
    found = catalog.search_fields(query, limit if query else len(catalog.taxonomy.clusters))
    if fmt == "json":
        say(
            json.dumps(
                [
                    {
                        "kind": m.kind,
                        "id": m.id,
                        "title": m.title,
                        "cluster": m.cluster_id,
                        "subcluster": m.subcluster_id,
                    }
                    for m in found
                ],
                indent=2,
            ),
            data=True,
        )
        return
    if not found:
        raise InterviewPrepError(
            f"no field matches {query!r}",
            hint="try a shorter word, or `interview-prep fields` for all",
        )
    width = max(len(m.id) for m in found)
    for m in found:
        say(f"{m.id:<{width}}  {m.title} ({_where(m)})")


def _where(match: Any) -> str:
    if match.kind == "cluster":
        return "cluster"
    if match.kind == "subcluster":
        return f"sub-cluster of {match.cluster_title}"
    if match.subcluster_title:
        return f"in {match.cluster_title}: {match.subcluster_title}"
    return f"in {match.cluster_title}"


@main.command("questions")
@click.option("--field", "-f", default=None)
@click.option("--stage", "-s", default=None)
@click.option("--theme", "-t", default=None)
@click.option("--mode", default=None)
@click.option("--kind", default=None, help="question, observation or research.")
@bank_option
@output_formats(("md", "json", "csv", "gift"))
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
    from ..planning.questions import find_questions

    found = find_questions(field, stage, theme, mode, kind=kind, catalog=catalog_for(banks))
    chosen = choose_format(fmt, output, ("md", "json", "csv", "gift"))
    category = "interview_prep" + (f"/{field}" if field else "")
    emit(found.export(chosen, category), output, force)
