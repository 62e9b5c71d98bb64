"""The `banks` commands: list, validate, lint, schema and init."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .app import USER_ERROR, main, say
from .options import (
    bank_option,
    catalog_for,
    emit,
    output_formats,
)


@main.group("banks")
def banks_group() -> None:
    """List and check question banks."""


@banks_group.command("list")
@bank_option
def banks_list(banks: tuple[str, ...]) -> None:
    """List the loaded banks with their item counts."""
    catalog = catalog_for(banks)
    for bank in catalog.banks:
        say(f"{bank.id:<32} {len(bank.items):>4} items  {bank.title}  ({bank.source})")


@banks_group.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def banks_validate(paths: tuple[Path, ...]) -> None:
    """Check bank files against the format; every problem is listed with its line."""
    from ..catalog.catalog import load_catalog

    catalog = load_catalog(paths, plugins=False)
    count = sum(
        len(b.items)
        for b in catalog.banks
        if b.source in {str(p) for p in paths} or any(b.source.startswith(str(p)) for p in paths)
    )
    say(f"ok: {count} items in {len(paths)} path(s) are valid")


@banks_group.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def banks_lint(paths: tuple[Path, ...], strict: bool, fmt: str) -> None:
    """Check questions against the house rules (the built-in banks when no PATH is given).

    Exits 2 when there are errors, or warnings with --strict.
    """
    from ..lint.linter import lint_paths

    report = lint_paths(paths)
    if fmt == "json":
        say(
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
            ),
            data=True,
        )
    else:
        for finding in report.findings:
            say(str(finding))
        say(report.summary())
    if not report.ok(strict=strict):
        raise SystemExit(USER_ERROR)


@banks_group.command("schema")
@output_formats(("json",))
def banks_schema(output: Path | None, fmt: str | None, force: bool) -> None:
    """Write the JSON Schema of bank files, for editors that validate YAML as you type."""
    from ..catalog.catalog import builtin_taxonomy
    from ..catalog.schema import bank_json_schema

    schema = bank_json_schema(builtin_taxonomy())
    emit(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", output, force)


@banks_group.command("init")
@click.argument("name")
@click.option("--field", "-f", default=None, help="The cluster or occupation it is for.")
@click.option("--force", is_flag=True, help="Replace NAME.yaml if it exists.")
def banks_init(name: str, field: str | None, force: bool) -> None:
    """Write NAME.yaml: a commented starter bank to fill in."""
    from ..files.write import atomic_write
    from ..lint.starter import starter_bank

    target = Path(name if name.endswith((".yaml", ".yml")) else f"{name}.yaml")
    atomic_write(target, starter_bank(target.stem, field, catalog_for(())), force=force)
    say(f"wrote {target}: check it with `interview-prep banks lint {target}`", err=True)
