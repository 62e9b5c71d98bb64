"""A fuzzer over every command: mixed valid and hostile values for every option.

It walks the real command tree (so a new command is fuzzed the day it lands) and fails on a
traceback, an exit status other than 0, 1 or 2, a run over 20 seconds, or a file written
by a run that ended in an error. About a minute by default; FUZZ_EXAMPLES=2000 for longer.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_prep.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
SECONDS_PER_RUN = 20.0

TEXT = [
    "nurse",
    "RN",
    "electrician",
    "Digital Technology",
    "college",
    "career-changer",
    "high-school",
    "interview",
    "shadow",
    "email",
    "request",
    "thank-you",
    "2026-03-14",
    "2026-03-14T15:30",
    "0001-01-01",
    "9999-12-31T23:59",
    "Dana Ortiz",
    "",
    " ",
    "\x00",
    "a\nb\r\nBEGIN:VEVENT",
    "=1+1",
    "@SUM(A1)",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "{{ 7 * 7 }}",
    "'; DROP TABLE people; --",
    "张伟 李",
    "x" * 3000,
    "9" * 60,
    "-1",
    "0",
    "%s%n",
]
NUMBERS = [-(10**12), -1, 0, 1, 2, 4, 15, 30, 121, 10**12]
OUTPUTS = ["out.md", "out.html", "out.txt", "out.ics", "out.json", "out.csv", "out", "/dev/null"]
RARE_OUTPUTS = ["out.pdf", "out.docx", "missing/dir/out.md", "."]


def _inputs(folder: Path) -> list[str]:
    roster = folder / "roster.csv"
    roster.write_text("name,field\nAna,nurse\nBo,not-a-job\n", encoding="utf-8")
    bank = folder / "bank.yaml"
    bank.write_text((FIXTURES / "teacher-bank.yaml").read_text("utf-8"), encoding="utf-8")
    fifo = folder / "pipe.yaml"
    if not fifo.exists():
        os.mkfifo(fifo)
    return [str(roster), str(bank), str(fifo), "/dev/zero", "missing.yaml", str(folder)]


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


COMMANDS = _commands(main)


def _command(path: tuple[str, ...]) -> click.Command:
    command: Any = main
    for name in path:
        command = command.commands[name]
    return command  # type: ignore[no-any-return]


def _value(draw: st.DrawFn, param: click.Parameter, inputs: list[str]) -> str | None:
    kind = param.type
    if isinstance(param, click.Option) and param.is_flag:
        return None
    if param.name in ("output", "out_dir"):
        return draw(st.sampled_from(OUTPUTS + RARE_OUTPUTS[: draw(st.integers(0, 1)) * 4]))
    if isinstance(kind, click.Choice):
        return draw(st.sampled_from([*map(str, kind.choices), "bogus", ""]))
    if isinstance(kind, (click.types.IntParamType, click.IntRange)):
        return str(draw(st.sampled_from(NUMBERS)))
    if isinstance(kind, click.Path):
        return draw(st.sampled_from(inputs))
    return draw(st.sampled_from(TEXT) | st.text(max_size=20))


@st.composite
def invocations(draw: st.DrawFn, inputs: list[str]) -> list[str]:
    path = draw(st.sampled_from(COMMANDS))
    command = _command(path)
    args = list(path)
    for param in command.params:
        if param.name in ("help", "version", "jobs") or param.name is None:
            continue
        if isinstance(param, click.Argument):
            count = 1 if param.nargs == 1 else draw(st.integers(0, 2))
            args += [v for _ in range(count) if (v := _value(draw, param, inputs)) is not None]
            continue
        assert isinstance(param, click.Option)
        if not param.required and not draw(st.booleans()):
            continue
        args.append(param.opts[0])
        value = _value(draw, param, inputs)
        if value is not None:
            args.append(value)
    return args


def test_every_command_is_fuzzed() -> None:
    names = {" ".join(c) for c in COMMANDS}
    assert {"prep-sheet", "script", "letter", "batch", "banks lint"} <= names


@pytest.mark.parametrize("block", range(2))
def test_fuzzed_commands_never_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INTERVIEW_PREP_JOURNAL", str(tmp_path / "journal.sqlite"))
    monkeypatch.setenv("INTERVIEW_PREP_PLUGINS", "0")
    # `serve` runs until stopped: its options are fuzzed, no server starts, no browser opens
    monkeypatch.setenv("INTERVIEW_PREP_RENDER_WORKERS", "2")
    monkeypatch.setattr("interview_prep.cli.serve._open_later", lambda address: None)
    try:
        import uvicorn

        monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    except ImportError:
        pass
    inputs = _inputs(tmp_path)
    known = set(tmp_path.rglob("*"))
    runner = CliRunner()

    @settings(
        max_examples=EXAMPLES // 2,
        deadline=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(args=invocations(inputs))
    def check(args: list[str]) -> None:
        before = set(tmp_path.rglob("*")) - known
        started = time.monotonic()
        result = runner.invoke(main, args, catch_exceptions=True)
        took = time.monotonic() - started
        shown = repr(args)[:300]
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"{shown}: {type(result.exception).__name__}") from (
                result.exception
            )
        assert "Traceback" not in result.output, shown
        assert result.exit_code in (0, 1, 2), (shown, result.exit_code, result.output[-300:])
        assert took < SECONDS_PER_RUN, (shown, took)
        if result.exit_code == 2:
            made = set(tmp_path.rglob("*")) - known - before
            made = {p for p in made if not p.name.startswith("journal.sqlite")}
            assert not made, (shown, sorted(map(str, made)), result.output[-300:])

    check()
