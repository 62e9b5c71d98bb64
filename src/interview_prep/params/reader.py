"""Read typed values by parameter name from what a person typed, collecting every problem."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime

from ..errors import InterviewPrepError, ParameterError, ParameterProblem
from ..values import checked_int, parse_date, parse_datetime
from ..vocabulary import normalize_choice

Values = Mapping[str, object]
_TRUE = frozenset({"true", "yes", "on", "1", "y"})
_FALSE = frozenset({"false", "no", "off", "0", "n", ""})


def parameter_name(key: str) -> str:
    """``meeting_format`` and ``meeting-format`` name the same parameter."""
    return key.strip().replace("_", "-").lower()


class ValueReader:
    """Typed values from strings (a command line, a form, a roster row, a directive).

    Each reader method records a problem instead of raising, so a caller can show every
    problem at once; `raise_problems` ends the reading.
    """

    def __init__(self, values: Values) -> None:
        self._values = {parameter_name(key): value for key, value in values.items()}
        self.problems: list[ParameterProblem] = []

    def given(self, name: str) -> bool:
        """True when ``name`` holds something other than blanks."""
        return bool(self.texts(name)) or isinstance(self._values.get(name), (bool, int))

    def text(self, name: str) -> str | None:
        """The value of ``name`` as stripped text; None when missing or blank."""
        texts = self.texts(name)
        return texts[0] if texts else None

    def texts(self, name: str) -> tuple[str, ...]:
        """Every non-blank value of ``name`` (a repeated option, a form's repeated field)."""
        value = self._values.get(name)
        if value is None or isinstance(value, bool):
            return ()
        items: Iterable[object] = value if isinstance(value, (list, tuple)) else (value,)
        return tuple(text for item in items if item is not None and (text := str(item).strip()))

    def flag(self, name: str) -> bool:
        """A yes/no value: a checkbox, a flag, or ``yes``/``no`` in a cell."""
        value = self._values.get(name)
        if isinstance(value, bool):
            return value
        text = (self.text(name) or "").lower()
        if text in _TRUE:
            return True
        if text not in _FALSE:
            self.add(name, f"{name.replace('-', ' ')} must be yes or no, not {text!r}")
        return False

    def number(
        self, name: str, default: int | None, *, range_name: str | None = None
    ) -> int | None:
        """A whole number inside the range named ``range_name`` (default: the parameter's)."""
        value = self._values.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return default
        with self.check(name):
            return checked_int(range_name or name.replace("-", " "), value, parameter=name)
        return default

    def choice(
        self, name: str, default: str | None, choices: Iterable[str] | None = None
    ) -> str | None:
        """One of ``choices`` (default: the vocabulary's), whatever its case or separators."""
        text = self.text(name)
        if text is None:
            return default
        with self.check(name):
            return normalize_choice(name, text, choices)
        return default

    def when(self, name: str, what: str = "date and time") -> datetime | None:
        """A date and time like 2026-03-14T15:30."""
        text = self.text(name)
        if text is None:
            return None
        with self.check(name):
            return parse_datetime(text, what)
        return None

    def day(self, name: str, what: str = "date") -> date | None:
        """A date like 2026-03-14."""
        text = self.text(name)
        if text is None:
            return None
        with self.check(name):
            return parse_date(text, what)
        return None

    def add(self, name: str, message: str, hint: str | None = None) -> None:
        """Record a problem with ``name``."""
        self.problems.append(ParameterProblem(name, message, hint))

    @contextmanager
    def check(self, name: str) -> Iterator[None]:
        """Record an error of the family raised inside the block as a problem with ``name``."""
        try:
            yield
        except ParameterError as error:
            self.problems.extend(error.problems)
        except InterviewPrepError as error:
            self.problems.append(ParameterProblem.from_error(name, error))

    def raise_problems(self) -> None:
        """Raise `ParameterError` listing every problem found so far, if any."""
        if self.problems:
            raise ParameterError(self.problems)
