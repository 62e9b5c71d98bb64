"""The `interview-prep` command group: library errors become messages and exit status 2."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Sequence
from typing import Any

import click

from ..errors import (
    InterviewPrepError,
    InterviewPrepWarning,
    ParameterError,
    ParameterProblem,
)
from ..writers.escaping import terminal_text

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
            if "\0" in word:  # a shell cannot pass one; a program calling main() can
                click.secho(
                    f"error: argument {position} holds a NUL character: {terminal_text(word)}",
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
            except ParameterError as error:
                click.secho(terminal_text(self._problems(ctx, error)), err=True, fg="red")
                ctx.exit(USER_ERROR)
            except InterviewPrepError as error:
                shown = terminal_text(self._with_flag(ctx, error))
                click.secho(f"error: {shown}", err=True, fg="red")
                ctx.exit(USER_ERROR)
            finally:
                for warning in caught:
                    click.secho(
                        f"warning: {terminal_text(str(warning.message))}", err=True, fg="yellow"
                    )

    def _flags(self, ctx: click.Context) -> dict[str, str]:
        """The running command's long options, by the parameter names the library uses."""
        command = self.get_command(ctx, ctx.invoked_subcommand or "")
        return {
            name.lstrip("-"): name
            for param in (command.params if command else [])
            for name in param.opts
            if name.startswith("--")
        }

    def _with_flag(self, ctx: click.Context, error: InterviewPrepError) -> str:
        """The error as the library words it, with the option it is about named in the hint."""
        flag = self._flags(ctx).get(error.parameter or "")
        if flag is None:
            return str(error)
        hint = f"{error.hint} ({flag})" if error.hint else f"see {flag}"
        return f"{error.message}\n  hint: {hint}"

    def _problems(self, ctx: click.Context, error: ParameterError) -> str:
        """Every problem on its own line, led by the option it is about."""
        flags = self._flags(ctx)

        def line(problem: ParameterProblem) -> str:
            flag = flags.get(problem.parameter)
            text = f"{flag}: {problem.message}" if flag else problem.message
            return text + (f"\n    hint: {problem.hint}" if problem.hint else "")

        if len(error.problems) == 1:
            return "error: " + line(error.problems[0]).replace("\n    hint", "\n  hint")
        lines = [f"error: {len(error.problems)} problems"]
        lines += [f"  {line(problem)}" for problem in error.problems]
        return "\n".join(lines)


@click.group(
    cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(package_name="interview-prep", prog_name="interview-prep")
def main() -> None:
    """Prepare informational interviews and job shadows: questions, scripts, prep sheets."""
