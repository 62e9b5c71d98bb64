"""A fuzzer over every command: mixed valid and hostile values for every option.

It walks the real command tree (so a new command is fuzzed the day it lands) and fails on a
traceback, an exit status other than 0, 1 or 2, a run over 20 seconds, or a file written
by a run that ended in an error. The Word and course-cartridge writers are fuzzed with
control characters (every file they write must parse), and the MyST plugin with whatever
JSON, or not JSON, arrives on its standard input.

About 150 runs and a minute by default; ``FUZZ_EXAMPLES=10000`` runs more (shared in the
same proportions), ``FUZZ_SEED=N`` repeats one seed's runs exactly, and ``FUZZ_TALLY=FILE``
writes every failing run to FILE and goes on, to count the breaks of a long run.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import struct
import sys
import time
import traceback
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from interview_prep.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
SEED = os.environ.get("FUZZ_SEED")
# the share of the runs each part gets: every command, the writers, the MyST plugin
SHARES = {"commands": 0.66, "writers": 0.2, "myst": 0.14}
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
# what pasting from Word or a web page brings: vertical tab (Shift+Enter), NUL, escapes,
# U+FFFE and U+FFFF, NEL, bidirectional overrides, a lone surrogate, and very long text
CONTROL_TEXT = [
    "Bio\x0blogy 101",
    "\x00",
    "Dana\x1b]0;pwned\x07\x1b[2J Ortiz",
    "x\ufffey\uffff",
    "line\x85next\u2028sep",
    "\x7f\x9b31m",
    "\u202eevil",
    "tab\there\x0c",
    "\ud800",
    "b\udcffad",
    "W" * 300,
    "Ünïcödé " * 40,
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


def _value(
    draw: st.DrawFn,
    param: click.Parameter,
    inputs: list[str],
    texts: list[str] = TEXT,
    output: str | None = None,
) -> str | None:
    kind = param.type
    if isinstance(param, click.Option) and param.is_flag:
        return None
    if param.name == "output" and output is not None:
        return output
    if param.name in ("output", "out_dir"):
        return draw(st.sampled_from(OUTPUTS + RARE_OUTPUTS[: draw(st.integers(0, 1)) * 4]))
    if isinstance(kind, click.Choice):
        return draw(st.sampled_from([*map(str, kind.choices), "bogus", ""]))
    if isinstance(kind, (click.types.IntParamType, click.IntRange)):
        return str(draw(st.sampled_from(NUMBERS)))
    if isinstance(kind, click.Path):
        return draw(st.sampled_from(inputs))
    return draw(st.sampled_from(texts) | st.text(max_size=20))


@st.composite
def invocations(
    draw: st.DrawFn,
    inputs: list[str],
    commands: list[tuple[str, ...]] = COMMANDS,
    texts: list[str] = TEXT,
) -> list[str]:
    path = draw(st.sampled_from(commands))
    command = _command(path)
    output = WRITERS.get(path) if commands is not COMMANDS else None
    args = list(path)
    for param in command.params:
        if param.name in ("help", "version", "jobs") or param.name is None:
            continue
        if isinstance(param, click.Argument):
            count = 1 if param.nargs == 1 else draw(st.integers(0, 2))
            args += [
                v for _ in range(count) if (v := _value(draw, param, inputs, texts)) is not None
            ]
            continue
        assert isinstance(param, click.Option)
        if param.name == "output" and output is not None:
            args += [param.opts[0], output]
            continue
        if not param.required and not draw(st.booleans()):
            continue
        args.append(param.opts[0])
        value = _value(draw, param, inputs, texts)
        if value is not None:
            args.append(value)
    return args


def test_every_command_is_fuzzed() -> None:
    names = {" ".join(c) for c in COMMANDS}
    assert {"prep-sheet", "script", "letter", "batch", "banks lint"} <= names


def _runs(part: str) -> int:
    return max(1, round(EXAMPLES * SHARES[part]))


def _settings(examples: int, salt: int = 0) -> Any:
    chosen = settings(
        max_examples=examples,
        deadline=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
        database=None,
    )

    def apply(test: Any) -> Any:
        test = chosen(test)
        return seed(int(SEED) + salt)(test) if SEED else test

    return apply


def _fuzz(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    strategy: st.SearchStrategy[list[str]],
    examples: int,
    check_written: Any = None,
    salt: int = 0,
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
    known = set(tmp_path.rglob("*"))
    runner = CliRunner()
    runs = 0

    @_settings(examples, salt)
    @given(args=strategy)
    def check(args: list[str]) -> None:
        nonlocal runs
        runs += 1
        for old in WRITER_OUTPUTS:
            (tmp_path / old).unlink(missing_ok=True)
        before = set(tmp_path.rglob("*")) - known
        started, cpu = time.monotonic(), time.thread_time()
        result = runner.invoke(main, args, catch_exceptions=True)
        took, spent = time.monotonic() - started, time.thread_time() - cpu
        shown = repr(args)[:300]
        with _tallied(shown):
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                raise AssertionError(f"{shown}: {type(result.exception).__name__}") from (
                    result.exception
                )
            assert "Traceback" not in result.output, shown
            assert result.exit_code in (0, 1, 2), (shown, result.exit_code, result.output[-300:])
            # this thread's processor time (a busy machine, or a thread a fuzzed `serve` left
            # warming up, is no hang); a run that never ends never returns
            assert spent < SECONDS_PER_RUN and took < 3 * SECONDS_PER_RUN, (shown, spent, took)
            if result.exit_code == 2:
                made = set(tmp_path.rglob("*")) - known - before
                made = {p for p in made if not p.name.startswith("journal.sqlite")}
                assert not made, (shown, sorted(map(str, made)), result.output[-300:])
            if result.exit_code == 0 and check_written is not None:
                check_written(tmp_path, shown)

    check()
    _count(runs)


def _count(runs: int) -> None:
    """With ``FUZZ_TALLY``, how many runs a part made, as a JSON line of its own."""
    if TALLY:
        with Path(TALLY).open("a", encoding="utf-8") as stream:
            stream.write(json.dumps({"runs": runs}) + "\n")


TALLY = os.environ.get("FUZZ_TALLY")


@contextlib.contextmanager
def _tallied(shown: str) -> Iterator[None]:
    """With ``FUZZ_TALLY=FILE``, a failing run is written to FILE (one JSON line: where it
    failed and how) and the fuzzing goes on, to count every break in a long run."""
    if not TALLY:
        yield
        return
    try:
        yield
    except AssertionError as failure:
        cause = failure.__cause__ or failure
        frames = [
            f for f in traceback.extract_tb(cause.__traceback__) if "interview_prep" in f.filename
        ]
        where = f"{frames[-1].filename.rsplit('src/', 1)[-1]}:{frames[-1].lineno}" if frames else ""
        kind = type(cause).__name__ if cause is not failure else str(failure)[-400:]
        with Path(TALLY).open("a", encoding="utf-8") as stream:
            stream.write(json.dumps({"kind": kind, "where": where, "args": shown}) + "\n")


@pytest.mark.parametrize("block", range(2))
def test_fuzzed_commands_never_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    inputs = _inputs(tmp_path)
    _fuzz(tmp_path, monkeypatch, invocations(inputs), _runs("commands") // 2, salt=block)


# commands that write Word (or, for `unit`, a course cartridge) and the file they are told
WORD_COMMANDS = ("compare", "handout", "letter", "prep-sheet", "reflection", "script",
                 "shadow-plan", "timeline")  # fmt: skip
WRITERS = {
    path: "out.imscc" if path == ("unit",) else "out.docx"
    for path in COMMANDS
    if path[0] in (*WORD_COMMANDS, "unit") and len(path) == 1
}
WRITER_OUTPUTS = ("out.docx", "out.imscc")


def _parses(tmp_path: Path, shown: str) -> None:
    """Every XML part of a Word file or a cartridge written parses; Word opens the file."""
    import docx

    for name in WRITER_OUTPUTS:
        path = tmp_path / name
        if not path.exists():
            continue
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                data = archive.read(member)
                if member.endswith((".xml", ".rels")):
                    ET.fromstring(data)  # a character XML cannot hold fails here
                if member.endswith(".docx"):
                    docx.Document(io.BytesIO(data))
        if name.endswith(".docx"):
            docx.Document(str(path))


# the values a writer needs to get as far as writing; the text options get hostile text
WRITER_VALUES = {
    "field": ["nurse", "electrician", "RN", "Education"],
    "stage": ["college", "high-school", "career-changer"],
    "start": ["2026-03-02"],
    "request_date": ["2026-03-02"],
    "meeting": ["2026-03-14T15:30"],
    "when": ["2026-03-14T15:30"],
    "kind": ["request", "thank-you", "follow-up", "confirm"],
    "mode": ["interview", "shadow"],
    "seniority": ["early", "senior"],
}
FREE_TEXT = frozenset(
    ["school", "course", "teacher", "contact", "contacts", "title", "org", "where", "sender",
     "from_school", "learned", "news", "referred", "referral", "how_found", "availability"]
)  # fmt: skip


@st.composite
def writer_invocations(draw: st.DrawFn, logos: list[str]) -> list[str]:
    path = draw(st.sampled_from(sorted(WRITERS)))
    args = list(path)
    for param in _command(path).params:
        name = param.name or ""
        value: str | None = None
        if name == "output":
            value = WRITERS[path]
        elif name in WRITER_VALUES and (param.required or draw(st.integers(0, 5))):
            value = draw(st.sampled_from(WRITER_VALUES[name]))
        elif name in FREE_TEXT and draw(st.booleans()):
            value = draw(st.sampled_from(CONTROL_TEXT) | st.text(max_size=30))
        elif name == "logo" and not draw(st.integers(0, 3)):
            value = draw(st.sampled_from(logos))
        if value is None:
            continue
        args += [value] if isinstance(param, click.Argument) else [param.opts[0], value]
    return args


def _logos(folder: Path) -> list[str]:
    """A whole 1x1 PNG, the same cut short, and a FIFO."""
    pixel = zlib.compress(b"\x00\xff\xff\xff")

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixel)
    png += chunk(b"IEND", b"")
    (folder / "logo.png").write_bytes(png)
    (folder / "cut.png").write_bytes(png[:30])
    fifo = folder / "fifo.png"
    if not fifo.exists():
        os.mkfifo(fifo)
    return [str(folder / "logo.png"), str(folder / "cut.png"), str(fifo)]


def test_word_and_cartridge_writers_take_control_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writers = writer_invocations(_logos(tmp_path))
    _fuzz(tmp_path, monkeypatch, writers, _runs("writers"), _parses, salt=2)


def _json_values() -> st.SearchStrategy[Any]:
    from interview_prep.integrations.directives import OPTIONS

    leaves = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    anything = st.recursive(
        leaves, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner)
    )
    value = st.sampled_from(TEXT + CONTROL_TEXT) | st.sampled_from(NUMBERS) | anything
    options = st.dictionaries(st.sampled_from([*OPTIONS, "bogus"]), value, max_size=5)
    return st.fixed_dictionaries({"options": options}) | anything


MYST_DATA = (
    _json_values().map(lambda v: json.dumps(v).encode())
    | st.binary(max_size=40)
    | st.integers(1, 20_000).map(lambda depth: b"[" * depth + b"]" * depth)
)


def test_the_myst_plugin_takes_whatever_arrives_on_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from interview_prep.integrations.directives import DIRECTIVES
    from interview_prep.integrations.myst import main as myst

    monkeypatch.setenv("INTERVIEW_PREP_PLUGINS", "0")

    runs = 0

    @_settings(_runs("myst"), salt=3)
    @given(data=MYST_DATA, directive=st.sampled_from([*DIRECTIVES, "bogus"]))
    def check(data: bytes, directive: str) -> None:
        nonlocal runs
        runs += 1
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        started = time.thread_time()
        with _tallied(repr(data[:200])):
            try:
                status = myst(["--directive", directive])
            except Exception as error:
                raise AssertionError(type(error).__name__) from error
            spent = time.thread_time() - started
            out, err = capsys.readouterr()
            assert status in (0, 1) and spent < SECONDS_PER_RUN, (data[:200], status, spent)
            if status == 0:
                assert isinstance(json.loads(out), list), data[:200]
            else:
                assert out == "" and err.startswith(f"{directive}: "), (data[:200], err)

    check()
    _count(runs)
