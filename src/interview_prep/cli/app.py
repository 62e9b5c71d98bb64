"""The `interview-prep` command group: library errors become messages and exit status 2."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Sequence
from typing import Any

import click

from ..errors import InterviewPrepError, InterviewPrepWarning
from ..escaping import terminal_text

USER_ERROR = 2


def say(message: object = "", *, err: bool = False, nl: bool = True, data: bool = False) -> None:
    """Print text that may hold a user's or a file's words, every control character shown
    as a code (`escaping.terminal_text`), so a name can never drive the terminal. ``data``
    (a document, CSV, JSON) goes out exactly as it is unless it goes to a terminal."""
    text = str(message)
    if not data or (sys.stderr if err else sys.stdout).isatty():
        text = terminal_text(text)
    click.echo(text, err=err, nl=nl)


class _Group(click.Group):
    """Turns every library error into a message and exit status 2, never a traceback."""

    def main(self, args: Sequence[str] | None = None, *extra: Any, **kwargs: Any) -> Any:
        words = list(sys.argv[1:] if args is None else args)
        for position, word in enumerate(words, start=1):
            try:
                word.encode("utf-8")
            except UnicodeEncodeError:
                try:
                    raw = word.encode("utf-8", "surrogateescape")
                except UnicodeEncodeError:  # a surrogate no undecodable byte makes
                    raw = word.encode("utf-8", "backslashreplace")
                click.secho(
                    f"error: argument {position} holds bytes that are not UTF-8 text: "
                    f"{raw!r}\n"
                    "  hint: retype it, or save the name in UTF-8",
                    err=True,
                    fg="red",
                )
                sys.exit(USER_ERROR)
        return super().main(words, *extra, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", InterviewPrepWarning)
            try:
                return super().invoke(ctx)
            except InterviewPrepError as error:
                click.secho(f"error: {terminal_text(str(error))}", err=True, fg="red")
                ctx.exit(USER_ERROR)
            finally:
                for warning in caught:
                    click.secho(
                        f"warning: {terminal_text(str(warning.message))}", err=True, fg="yellow"
                    )


@click.group(
    cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(package_name="interview-prep", prog_name="interview-prep")
def main() -> None:
    """Prepare informational interviews and job shadows: questions, scripts, prep sheets."""
