"""The journal file itself: where it is, all of it as JSON, forgetting and deleting."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..values import counted
from .app import main, say
from .journal_options import journal_option, open_journal
from .journal_output import emit_private


@main.group("journal")
def journal_group() -> None:
    """The journal file: where it is, all of it as JSON, forgetting someone, deleting it."""


@journal_group.command("where")
@journal_option
def journal_where(journal_path: Path | None) -> None:
    """Print the path of the journal in use."""
    from ..journal import default_path

    say(str(journal_path or default_path()))


@journal_group.command("export")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@journal_option
def journal_export(output: Path | None, force: bool, journal_path: Path | None) -> None:
    """Everything in the journal as JSON, to keep or move to another computer."""
    with open_journal(journal_path, create=False) as journal:
        data = journal.export_json()
    emit_private(json.dumps(data, indent=2, ensure_ascii=False) + "\n", output, force)


@journal_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@journal_option
def journal_import(file: Path, journal_path: Path | None) -> None:
    """Fill a new journal from a JSON export."""
    from ..errors import InterviewPrepError
    from ..files.read import MEGABYTE, read_input

    raw = read_input(file, what="journal export", limit=200 * MEGABYTE)
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise InterviewPrepError(
            f"cannot read {file}: its values are nested too deeply",
            hint="give a file made by `interview-prep journal export`",
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InterviewPrepError(
            f"cannot read {file}: {error}",
            hint="give a file made by `interview-prep journal export`",
        ) from None
    with open_journal(journal_path) as journal:
        count = journal.import_json(data, source=str(file))
    say(f"imported {counted(count, 'record')}")


@journal_group.command("forget")
@click.argument("name")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation (for scripts).")
@journal_option
def journal_forget(name: str, yes: bool, journal_path: Path | None) -> None:
    """Delete a person and everything tied to them (meetings, steps, notes), and take their
    name out of the rest of the journal, for good."""
    with open_journal(journal_path, create=False) as journal:
        person = journal.person(name)
        if not yes:
            click.confirm(
                f"Forget {person.name} and their meetings, steps and notes? This cannot be undone",
                abort=True,
                err=True,
            )
        forgotten = journal.forget(person.name)
    say(forgotten.summary())


@journal_group.command("delete")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation (for scripts).")
@journal_option
def journal_delete(yes: bool, journal_path: Path | None) -> None:
    """Delete the whole journal file and its side files."""
    from ..journal import default_path
    from ..journal.privacy import delete_journal

    path = journal_path or default_path()
    if not yes:
        click.confirm(
            f"Delete the journal {path} with everyone and everything in it? "
            "This cannot be undone (keep a copy first with: interview-prep journal export -o "
            "journal.json)",
            abort=True,
            err=True,
        )
    removed = delete_journal(path)
    say("deleted " + ", ".join(str(name) for name in removed))
