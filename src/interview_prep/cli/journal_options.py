"""Option sets that take people and meetings from the journal: `--journal FILE`, and
`--meeting ID` (or `--meetings ID ...`) on the document commands."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

Command = Callable[..., Any]


def journal_option(command: Command) -> Command:
    return click.option(
        "--journal",
        "journal_path",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="INTERVIEW_PREP_JOURNAL",
        default=None,
        metavar="FILE",
        help="The journal file (default: in your data folder, or INTERVIEW_PREP_JOURNAL).",
    )(command)


def open_journal(path: Path | None, *, create: bool = True) -> Any:
    """The journal; commands that only read pass ``create=False`` and never make one."""
    from ..journal import Journal

    return Journal(path, create=create)


_RECORDS = "interview_prep.journal_meetings"


def recorded_meetings() -> list[Any]:
    """The journal meetings (with their notes and steps) named by --meeting or --meetings."""
    context = click.get_current_context(silent=True)
    return context.meta.get(_RECORDS, []) if context else []


def recorded_meeting() -> Any:
    """The first meeting named on the command line, or None."""
    records = recorded_meetings()
    return records[0] if records else None


def _load_records(journal_path: Path | None, ids: list[int]) -> None:
    from ..journal.record import load_records

    with open_journal(journal_path, create=False) as journal:
        click.get_current_context().meta[_RECORDS] = load_records(journal, ids)


def from_journal(command: Command) -> Command:
    """`--meeting ID` and `--journal FILE`: the person, field, stage, minutes and time come
    from a meeting in the journal (options given as well still win). Put it above the other
    option sets."""

    @functools.wraps(command)
    def wrapper(
        *args: Any, meeting_id: int | None, journal_path: Path | None, **kwargs: Any
    ) -> Any:
        if meeting_id is not None:
            _load_records(journal_path, [meeting_id])
        return command(*args, **kwargs)

    option = click.option(
        "--meeting",
        "meeting_id",
        type=int,
        default=None,
        metavar="ID",
        help="A meeting in the journal (see `interview-prep meetings list`).",
    )
    return option(journal_option(wrapper))


def from_journal_meetings(command: Command) -> Command:
    """`--meetings ID [ID ...]` and `--journal FILE`: several meetings from the journal."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        meeting_ids: tuple[int, ...],
        more_ids: tuple[int, ...],
        journal_path: Path | None,
        **kwargs: Any,
    ) -> Any:
        if more_ids and not meeting_ids:
            raise click.UsageError("extra arguments need --meetings before them")
        if meeting_ids:
            _load_records(journal_path, [*meeting_ids, *more_ids])
        return command(*args, **kwargs)

    options: list[Callable[[Any], Any]] = [
        click.option(
            "--meetings",
            "meeting_ids",
            type=int,
            multiple=True,
            metavar="ID [ID ...]",
            help="Meetings in the journal to compare, with their notes.",
        ),
        click.argument("more_ids", nargs=-1, type=int, metavar=""),
        journal_option,
    ]
    decorated: Command = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return decorated
