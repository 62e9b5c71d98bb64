"""Commands to explore the banks: the plan for a meeting, fields, questions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..errors import InterviewPrepError
from .app import main, say
from .journal_options import from_journal
from .options import (
    bank_option,
    catalog_for,
    choose_format,
    emit,
    output_formats,
    selection,
)

EXPLAINED_RUNNERS_UP = 12


@main.command("plan")
@from_journal
@selection
@click.option(
    "--explain", is_flag=True, help="Say why each question was chosen and the runners-up not."
)
@output_formats(("json", "md"))
def plan_command(
    plan: Any, explain: bool, output: Path | None, fmt: str | None, force: bool
) -> None:
    """Show which questions fit the meeting, and what was left out and why.

    The JSON always says why each question was chosen and why the others were not.
    """
    chosen = choose_format(fmt, output, ("json", "md"))
    if chosen == "json":
        emit(json.dumps(plan.to_dict(), indent=2, ensure_ascii=False) + "\n", output, force)
    else:
        text = _plan_markdown(plan) + (_explanation(plan) if explain else "")
        emit(text, output, force)


def _explanation(plan: Any) -> str:
    from ..markdown_text import escape_markdown

    lines = ["", "## Why these questions", ""]
    for planned in (*plan.questions, *plan.closing):
        reasons = "; ".join(planned.reasons)
        lines.append(f"- **{escape_markdown(planned.item.id)}**: {escape_markdown(reasons)}")
    # near-twins first, then those that lost their theme to a chosen question
    runners = sorted(
        plan.left_out, key=lambda x: (not x.reason.startswith("too like"), "; " not in x.reason)
    )
    lines += ["", "## Runners-up, and why not", ""]
    for left in runners[:EXPLAINED_RUNNERS_UP]:
        lines.append(f"- {escape_markdown(left.item_id)}: {escape_markdown(left.reason)}")
    if len(runners) > EXPLAINED_RUNNERS_UP:
        more = len(runners) - EXPLAINED_RUNNERS_UP
        lines.append(f"- and {more} more for lack of time (`--format json` gives every reason)")
    return "\n".join(lines) + "\n"


def _plan_markdown(plan: Any) -> str:
    from ..markdown_text import escape_markdown

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
    lines += ["", f"Left out: {len(plan.left_out)} questions (`--explain` says why)."]
    return "\n".join(lines) + "\n"


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
    from ..select import find_questions

    found = find_questions(field, stage, theme, mode, kind=kind, catalog=catalog_for(banks))
    chosen = choose_format(fmt, output, ("md", "json", "csv", "gift"))
    category = "interview_prep" + (f"/{field}" if field else "")
    emit(found.export(chosen, category), output, force)
