"""The error family: every failure a user can cause, each saying what, where and how to fix it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """A place in a file a user wrote: its path, and the 1-based line and column."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = f'File "{self.file}"'
        if self.line is not None:
            text += f", line {self.line}"
            if self.column is not None:
                text += f", column {self.column}"
        return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: where, which key, what was expected and found, and a hint."""

    message: str
    location: Location | None = None
    key: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        head = f"{self.location}: " if self.location else ""
        key = f"{self.key}: " if self.key else ""
        tail = f"\n    hint: {self.hint}" if self.hint else ""
        return f"{head}{key}{self.message}{tail}"


class InterviewPrepError(Exception):
    """Base of every error a user can cause; the CLI prints it and exits with status 2."""

    def __init__(
        self, message: str, *, hint: str | None = None, parameter: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.parameter = parameter

    def __str__(self) -> str:
        return self.message if self.hint is None else f"{self.message}\n  hint: {self.hint}"

    def __reduce__(self) -> tuple[object, ...]:
        # errors cross process boundaries in batch runs; rebuild them without __init__
        return (_restore, (type(self), self.args, self.__dict__))


class BankError(InterviewPrepError, ValueError):
    """A bank or taxonomy file is unreadable or breaks the bank format; lists every problem."""

    def __init__(self, source: str | Path, problems: Sequence[Problem]) -> None:
        self.source = str(source)
        self.problems = tuple(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{self.source}: {count} {noun}"]
        lines += [f"  {problem}".replace("\n", "\n  ") for problem in self.problems]
        super().__init__("\n".join(lines))


class UnknownNameError(InterviewPrepError, LookupError):
    """A name (field, stage, theme, mode, ...) is not in the vocabulary; suggests the closest."""

    def __init__(
        self,
        what: str,
        found: str,
        choices: Iterable[str],
        *,
        suggestions: Sequence[str] | None = None,
        hint: str | None = None,
        parameter: str | None = None,
    ) -> None:
        self.what = what
        self.found = found
        self.choices = tuple(choices)
        self.suggestions = tuple(
            suggestions if suggestions is not None else closest(found, self.choices)
        )
        message = f"unknown {what} {found!r}"
        if self.suggestions:
            message += ", did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        elif 0 < len(self.choices) <= 12:
            message += "; expected one of " + ", ".join(self.choices)
        super().__init__(message, hint=hint, parameter=parameter)


class AmbiguousFieldError(InterviewPrepError, LookupError):
    """What was typed names several fields (an occupation word several jobs share, or a
    classic cluster that the 2024 framework split); asks the user to choose.

    ``matches`` holds the candidate ids and ``candidates`` their ``(id, title)`` pairs.
    """

    SHOWN = 12

    def __init__(
        self,
        found: str,
        matches: Sequence[str],
        titles: Sequence[str] | None = None,
        *,
        clusters_only: bool = True,
    ) -> None:
        self.found = found
        self.matches = tuple(matches)
        self.candidates = tuple(zip(self.matches, titles or self.matches, strict=True))
        if clusters_only:
            message = f"field {found!r} matches several clusters: {', '.join(self.matches)}"
            hint = "name one of them, or an occupation in it"
        else:
            shown = [f"{title} ({id_})" for id_, title in self.candidates[: self.SHOWN]]
            more = len(self.candidates) - self.SHOWN
            message = f"field {found!r} could mean several fields; which one? " + ", ".join(shown)
            if more > 0:
                message += f", and {more} more"
            hint = f"type one of them, for example {self.matches[0]}"
        super().__init__(message, hint=hint, parameter="field")


class FieldTextTooLongError(InterviewPrepError, ValueError):
    """What was typed for a field is far longer than any field name."""

    def __init__(self, length: int, limit: int) -> None:
        self.length = length
        self.limit = limit
        super().__init__(
            f"the field is {length:,} characters long; a field name has at most {limit}",
            hint="type an occupation or cluster, e.g. 'nurse' or 'Health Science'",
        )


class PlanError(InterviewPrepError, ValueError):
    """A meeting cannot be planned as asked (for example, too few minutes)."""


class OutputError(InterviewPrepError, OSError):
    """An output file cannot be written as asked; nothing was written."""


class RenderError(InterviewPrepError, RuntimeError):
    """A document cannot be rendered (for example, a template refers to an unknown value)."""


class InputFileError(InterviewPrepError, OSError):
    """A file the user named cannot be read: missing, not a regular file, or too big."""


class InvalidValueError(InterviewPrepError, ValueError):
    """A number or date given as an option or in a roster is outside what makes sense."""


class JournalError(InterviewPrepError):
    """The journal file cannot be used as asked; it was left as it was."""


class RosterError(InterviewPrepError, ValueError):
    """A roster cannot be read at all (as opposed to a bad row, which is skipped)."""


class LetterTooLongError(InterviewPrepError, ValueError):
    """A LinkedIn note does not fit the character limit even in its shortest wording."""


@dataclass(frozen=True)
class ParameterProblem:
    """One value a caller gave that cannot be used: which parameter, what is wrong, how to fix
    it, and (for a name) the choices to offer."""

    parameter: str
    message: str
    hint: str | None = None
    choices: tuple[str, ...] = ()

    @classmethod
    def from_error(cls, parameter: str, error: InterviewPrepError) -> ParameterProblem:
        """The problem an error of the family describes, about ``parameter``."""
        choices: tuple[str, ...] = ()
        if isinstance(error, AmbiguousFieldError):
            choices = error.matches
        elif isinstance(error, UnknownNameError):
            choices = error.suggestions or (error.choices if len(error.choices) <= 12 else ())
        return cls(error.parameter or parameter, error.message, error.hint, choices)

    def __str__(self) -> str:
        return self.message if self.hint is None else f"{self.message} (hint: {self.hint})"


class ParameterError(InterviewPrepError, ValueError):
    """Values a caller gave (a command line, a form, a roster row) cannot be used; ``problems``
    lists every one, each naming its parameter, so a form can show them all at once."""

    def __init__(self, problems: Sequence[ParameterProblem]) -> None:
        self.problems = tuple(problems)
        if len(self.problems) == 1:
            only = self.problems[0]
            super().__init__(only.message, hint=only.hint, parameter=only.parameter)
        else:
            lines = [f"{len(self.problems)} problems:"]
            lines += [f"  - {problem}" for problem in self.problems]
            super().__init__("\n".join(lines))


class InterviewPrepWarning(UserWarning):
    """Base of the warnings the library gives: the output was made, but look at this."""


class MissingGlyphsWarning(InterviewPrepWarning):
    """A PDF holds characters that no installed font can draw; they would show as boxes."""


class PluginWarning(InterviewPrepWarning):
    """An installed bank plugin failed to load and was skipped."""


class NoReplyAddressWarning(InterviewPrepWarning):
    """A printed letter gives no phone or email, so the reader has no way to reply."""


class PastDateWarning(InterviewPrepWarning):
    """A letter promises to follow up on a day that is already past."""


class BeforeMeetingWarning(PastDateWarning):
    """A thank-you or keep-in-touch letter is dated before the meeting it looks back on."""


class LateHoursWarning(InterviewPrepWarning):
    """A job shadow (with the talk after it) starts before 6 AM or runs past 8 PM."""


class RefusedResourceWarning(InterviewPrepWarning):
    """A stylesheet or page asked for a file or web address, which rendering never fetches."""


def closest(word: str, choices: Iterable[str], *, limit: int = 3) -> list[str]:
    """The names in ``choices`` most like ``word``, best first, for "did you mean" hints."""
    import difflib

    pool = list(dict.fromkeys(choices))
    lowered = {choice.lower(): choice for choice in pool}
    found = difflib.get_close_matches(word.lower(), list(lowered), n=limit, cutoff=0.6)
    return [lowered[name] for name in found]


def _restore(
    cls: type[InterviewPrepError], args: tuple[object, ...], state: dict[str, object]
) -> InterviewPrepError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error
