"""Every class of hostile input from the adversarial review, each with payloads of its own:
nothing a user types or a file holds may crash, hang, inject or lose work."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import interview_prep as ip
from interview_prep.cli import main
from interview_prep.files.write import atomic_write
from interview_prep.writers.escaping import calendar_text, gift_text, spreadsheet_cell

FIXTURES = Path(__file__).parent / "fixtures"
CLI = [sys.executable, "-m", "interview_prep"]


def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, timeout=60, check=False, **kwargs
    )  # type: ignore[call-overload, no-any-return]


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.output


# --- calendar injection -------------------------------------------------------------------

NAMES = [
    "Dana\nBEGIN:VEVENT\nSUMMARY:planted\nEND:VEVENT",
    "Dana\r\nX-INJECTED:1",
    "Dana\x00\x07\x1b[31m",
    "Dana\u2028Ortiz\u2029",
    'Ortiz; Dana, \\ "quoted"',
    "\x85\x9f tail",
]


@pytest.mark.parametrize("name", NAMES)
def test_names_never_break_a_calendar_file(tmp_path: Path, name: str) -> None:
    from icalendar import Calendar

    timeline = ip.timeline(None, ip_datetime("2026-03-14T15:30"), contact=ip.Contact(name))
    data = timeline.to_ics()
    for line in data.split(b"\r\n"):
        assert not line.startswith((b"X-INJECTED", b"SUMMARY:planted")), line
        assert not any(byte < 32 and byte != 9 for byte in line), line
    calendar = Calendar.from_ical(data)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == sum(1 for step in timeline.steps if step.day is not None)


def test_calendar_text_under_python_optimize(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    result = subprocess.run(
        [
            sys.executable,
            "-O",
            "-m",
            "interview_prep",
            "timeline",
            "--meeting",
            "2026-03-14T15:30",
            "--contact",
            NAMES[0],
            "-o",
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = target.read_bytes().decode().split("\r\n")
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") >= 1
    assert not any(line.startswith("SUMMARY:planted") for line in lines)


def ip_datetime(text: str) -> object:
    from datetime import datetime

    return datetime.fromisoformat(text)


@pytest.mark.parametrize("text", ["a\nb", "\r\r\n", "\x00", "tab\there", "x" * 3])
def test_calendar_text_is_one_clean_line(text: str) -> None:
    cleaned = calendar_text(text)
    assert "\n" not in cleaned and "\r" not in cleaned and "\x00" not in cleaned


# --- spreadsheet formulas and GIFT --------------------------------------------------------


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"]
)
def test_formula_cells_are_marked_as_text(cell: str) -> None:
    assert spreadsheet_cell(cell).startswith("'")
    assert spreadsheet_cell("What surprised you?") == "What surprised you?"


def test_csv_export_never_starts_a_formula(write_bank: object, tmp_path: Path) -> None:
    bank = tmp_path / "formula.yaml"
    bank.write_text(
        (FIXTURES / "teacher-bank.yaml")
        .read_text(encoding="utf-8")
        .replace("why: ", "why: =cmd|' /C calc'!A0 ", 1),
        encoding="utf-8",
    )
    code, output = invoke("questions", "--bank", str(bank), "--format", "csv")
    assert code == 0, output
    for row in csv.reader(io.StringIO(output)):
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not (cell.startswith("-") and len(cell) > 1), cell


@pytest.mark.parametrize(
    "text", ["<script>alert(1)</script>?", "What {=right ~wrong}?", "a # b : c [html]?"]
)
def test_gift_marks_text_plain_and_escapes_syntax(text: str) -> None:
    from interview_prep.model import Item
    from interview_prep.writers.questions import to_gift

    gift = to_gift([Item(id="x-1", text=text, theme="advice")])
    question = next(line for line in gift.splitlines() if line.startswith("::"))
    assert "::[plain]" in question
    body = question.split("::[plain]", 1)[1].removesuffix("{}")
    for special in "{}=~#:[]":
        assert body.count(special) == body.count("\\" + special), (special, body)
    assert gift_text("a\nb") == "a b"


# --- user templates ---------------------------------------------------------------------

RUNAWAY_TEMPLATES = {
    "division": "{{ 1 / 0 }}",
    "types": "{{ 'a' + 1 }}",
    "recursion": "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "range": "{% for i in range(10**9) %}x{% endfor %}",
    "nested": "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
    "repeat": "{{ 'x' * 10**9 }}",
    "power": "{{ 7 ** 99999999 }}",
    "output": "{% for i in range(99999) %}{{ 'y' * 99 }}{% endfor %}",
    "attribute": "{{ plan.nothing_here.deeper }}",
}


@pytest.mark.parametrize("name", sorted(RUNAWAY_TEMPLATES))
def test_a_runaway_user_template_is_a_message(tmp_path: Path, name: str) -> None:
    (tmp_path / "script.md.j2").write_text(RUNAWAY_TEMPLATES[name], encoding="utf-8")
    started = time.monotonic()
    result = run("script", "-f", "nurse", "-s", "college", "--templates", str(tmp_path))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "template" in result.stderr and "script.md.j2" in result.stderr
    assert time.monotonic() - started < 20


# --- numbers and dates ---------------------------------------------------------------------

BAD_VALUES = [
    ("timeline", "--request-date", "0001-01-01"),
    ("timeline", "--meeting", "9999-12-31T23:59"),
    ("timeline", "--meeting", "2026-03-14T15:30", "--minutes", "-5"),
    ("timeline", "--meeting", "2026-03-14T15:30", "--minutes", "0"),
    ("letter", "shadow-request", "--hours", "-3", "--to", "A", "--from", "B", "-f", "nurse"),
    ("letter", "request", "--minutes", "0", "--to", "A", "--from", "B"),
    ("letter", "follow-up", "--request-date", "0001-01-01", "--to", "A", "--from", "B"),
    ("handout", "--start", "9999-12-31"),
    ("handout", "--start", "2026-01-05", "--weeks", "0"),
    ("shadow-plan", "-f", "nurse", "-s", "college", "--hours", "0"),
    ("shadow-plan", "-f", "nurse", "-s", "college", "--debrief-minutes", "-1"),
    ("script", "-f", "nurse", "-s", "college", "-m", "-30"),
    ("script", "-f", "nurse", "-s", "college", "--when", "1-01-01T00:00"),
]


@pytest.mark.parametrize("args", BAD_VALUES, ids=lambda a: " ".join(a)[:40])
def test_numbers_and_dates_out_of_range_are_messages(args: tuple[str, ...]) -> None:
    code, output = invoke(*args)
    assert code == 2, output
    assert "Traceback" not in output
    assert "-3 hours" not in output


@pytest.mark.parametrize("jobs", ["-1", "0", "150"])
def test_batch_jobs_are_bounded(tmp_path: Path, jobs: str) -> None:
    roster = tmp_path / "class.csv"
    roster.write_text("name,field\nAna,nurse\n", encoding="utf-8")
    code, output = invoke("batch", str(roster), "--out", str(tmp_path / "o"), "-j", jobs)
    assert code == 2, output
    assert "jobs must be from 1 to" in output


# --- bank values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "complaint"),
    [
        ("2026-13-45", "looks like a date"),
        ("2026-02-30", "looks like a date"),
        ("9" * 5000, "more than 30 digits"),
        ("0x" + "f" * 5000, "more than 30 digits"),
    ],
)
def test_bad_numbers_and_dates_in_a_bank_are_located(
    tmp_path: Path, value: str, complaint: str
) -> None:
    text = (FIXTURES / "teacher-bank.yaml").read_text(encoding="utf-8")
    bank = tmp_path / "bank.yaml"
    bank.write_text(text.replace("version: 1", f"version: {value}", 1), encoding="utf-8")
    with pytest.raises(ip.BankError) as caught:
        ip.load_catalog([bank], plugins=False)
    assert complaint in str(caught.value)
    assert f'File "{bank}", line' in str(caught.value)


# --- special files -------------------------------------------------------------------------


def special_files(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:
        stream.truncate(60_000_000)  # sparse: big on paper, nothing on disk
    return {
        "zero": Path("/dev/zero"),
        "urandom": Path("/dev/urandom"),
        "fifo": fifo,
        "huge": huge,
        "folder": tmp_path,
    }


@pytest.mark.parametrize("kind", ["zero", "urandom", "fifo", "huge", "folder"])
@pytest.mark.parametrize(
    "place",
    [
        ("questions", "-f", "nurse", "--bank", "{}"),
        ("batch", "{}", "--out", "{out}"),
        ("script", "-f", "nurse", "-s", "college", "--logo", "{}", "--format", "html"),
        ("script", "-f", "nurse", "-s", "college", "--css", "{}", "--format", "html"),
        ("banks", "lint", "{}"),
    ],
    ids=["bank", "roster", "logo", "css", "lint"],
)
def test_special_files_are_refused_quickly(
    tmp_path: Path, kind: str, place: tuple[str, ...]
) -> None:
    path = special_files(tmp_path)[kind]
    if kind == "folder" and place[0] in ("questions", "banks"):
        pytest.skip("a folder of banks is a valid bank source")
    args = [a.replace("{}", str(path)).replace("{out}", str(tmp_path / "out")) for a in place]
    if "--logo" in args:  # a logo needs an image's name: give the special file one
        image = tmp_path / "logo.png"
        image.symlink_to(path)
        args[args.index(str(path))] = str(image)
    started = time.monotonic()
    result = run(*args)
    assert result.returncode == 2, (args, result.stdout[-300:], result.stderr[-500:])
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 20


def test_a_template_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "script.md.j2")
    result = run("script", "-f", "nurse", "-s", "college", "--templates", str(tmp_path))
    assert result.returncode == 2 and "not a regular file" in result.stderr


# --- outputs -------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["/dev/null", "/dev/full"])
def test_force_never_replaces_a_device(target: str) -> None:
    before = Path(target).stat()
    code, output = invoke(
        "script", "-f", "nurse", "-s", "college", "-o", target, "--force", "--format", "md"
    )
    assert code == 2 and "not a regular file" in output
    after = Path(target).stat()
    assert (before.st_rdev, before.st_ino) == (after.st_rdev, after.st_ino)


def test_a_fifo_is_never_an_output(tmp_path: Path) -> None:
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    for force in ([], ["--force"]):
        code, output = invoke("script", "-f", "nurse", "-s", "college", "-o", str(fifo), *force)
        assert code == 2, output
    assert Path(fifo).is_fifo()


def test_two_writers_of_one_new_file_one_wins(tmp_path: Path) -> None:
    target = tmp_path / "sheet.md"
    outcomes: list[str] = []
    barrier = threading.Barrier(8)

    def write(text: str) -> None:
        barrier.wait()
        try:
            atomic_write(target, text)
            outcomes.append(text)
        except ip.OutputError:
            outcomes.append("refused")

    threads = [threading.Thread(target=write, args=(f"writer {n}\n",)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [o for o in outcomes if o != "refused"]
    assert len(winners) == 1
    assert target.read_text() == winners[0]
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.md"]


def test_two_processes_writing_one_name_only_one_reports_wrote(tmp_path: Path) -> None:
    target = tmp_path / "same.md"
    processes = [
        subprocess.Popen(
            [*CLI, "script", "-f", "nurse", "-s", "college", "-o", str(target)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    reports = [p.communicate(timeout=60)[1] for p in processes]
    assert sum("wrote" in report for report in reports) == 1
    assert sorted(p.returncode for p in processes) == [0, 2, 2]


def test_a_non_utf8_argument_is_a_message(tmp_path: Path) -> None:
    result = subprocess.run(
        [*CLI, "script", "-f", b"nurse\xff".decode("utf-8", "surrogateescape"), "-s", "college"],
        capture_output=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert b"not UTF-8" in result.stderr and b"Traceback" not in result.stderr


def test_a_full_disk_on_stdout_is_a_message() -> None:
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [*CLI, "script", "-f", "nurse", "-s", "college"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 2
    assert "No space left" in result.stderr and "Traceback" not in result.stderr


def test_a_closed_pipe_on_stdout_is_quiet() -> None:
    shell = f"{sys.executable} -m interview_prep questions -f nurse | head -c 10"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


# --- the cache -----------------------------------------------------------------------------


def test_a_planted_cache_entry_runs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pickle

    from interview_prep.catalog import cache
    from interview_prep.catalog import reading as catalog

    monkeypatch.setenv("INTERVIEW_PREP_CACHE", str(tmp_path))
    catalog._builtin.cache_clear()
    first = catalog._builtin()
    [entry] = tmp_path.glob("catalog-*.json")
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, ...]:
            return (Path.touch, (marker,))

    planted = [
        pickle.dumps(Payload()),
        json.dumps(
            {"format": cache.FORMAT, "key": entry.stem, "value": {"__type__": "Popen"}}
        ).encode(),
        json.dumps({"format": cache.FORMAT, "key": entry.stem, "value": [1, 2]}).encode(),
        b"\x00" * 100,
        b"",
    ]
    for payload in planted:
        entry.write_bytes(payload.encode() if isinstance(payload, str) else payload)
        catalog._builtin.cache_clear()
        assert catalog._builtin() == first
        assert not marker.exists()
        assert json.loads(entry.read_bytes())["format"] == cache.FORMAT  # rebuilt
    catalog._builtin.cache_clear()


def test_user_banks_are_cached_by_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from interview_prep.catalog import schema

    monkeypatch.setenv("INTERVIEW_PREP_CACHE", str(tmp_path / "cache"))
    bank = tmp_path / "bank.yaml"
    bank.write_text((FIXTURES / "teacher-bank.yaml").read_text(encoding="utf-8"), "utf-8")
    ip.load_catalog(plugins=False)  # the built-in banks are read before counting
    calls: list[str] = []
    real = schema.parse_bank

    def counting(*args: object, **kwargs: object) -> object:
        calls.append("parse")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(schema, "parse_bank", counting)
    first = ip.load_catalog([bank], plugins=False)
    again = ip.load_catalog([bank], plugins=False)
    assert calls == ["parse"]
    assert first.items == again.items
    bank.write_text(bank.read_text("utf-8").replace("minutes: 2", "minutes: 4", 1), "utf-8")
    changed = ip.load_catalog([bank], plugins=False)
    assert calls == ["parse", "parse"]
    assert changed.items != first.items


# --- batch reruns --------------------------------------------------------------------------


def test_batch_reruns_remake_what_changed_and_keep_the_rest(tmp_path: Path) -> None:
    roster = tmp_path / "class.csv"
    roster.write_text("name,field\nAna,nurse\nBo,electrician\n", encoding="utf-8")
    out = tmp_path / "out"

    def batch(*extra: str) -> str:
        code, output = invoke("batch", str(roster), "--out", str(out), "--format", "md", *extra)
        assert code == 0, output
        return output

    batch()
    assert "already there" in batch()
    ana = out / "001-ana.md"
    made = ana.read_text("utf-8")
    for options in (["-m", "45"], ["--seed", "7"], ["-d", "script"], ["-s", "career-changer"]):
        assert "already there" not in batch(*options), options
    batch()
    assert ana.read_text("utf-8") == made
    roster.write_text("name,field\nAna,chef\nBo,electrician\n", encoding="utf-8")
    output = batch()
    assert "1 already there" in output and "Chef" in ana.read_text("utf-8")
    ana.write_bytes(b"")
    assert "1 already there" in batch()
    assert ana.stat().st_size > 0


def test_batch_never_replaces_a_file_it_did_not_make(tmp_path: Path) -> None:
    roster = tmp_path / "class.csv"
    roster.write_text("name,field\nAna,nurse\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "001-ana.md").write_text("my own notes", encoding="utf-8")
    code, output = invoke("batch", str(roster), "--out", str(out), "--format", "md")
    assert code == 1 and "did not make it" in output
    assert (out / "001-ana.md").read_text() == "my own notes"
    code, output = invoke("batch", str(roster), "--out", str(out), "--format", "md", "--force")
    assert code == 0 and (out / "001-ana.md").read_text() != "my own notes"


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signal_number", [15, 9])
def test_killing_a_batch_stops_its_workers(tmp_path: Path, signal_number: int) -> None:
    roster = tmp_path / "class.csv"
    rows = "".join(f"Student {n},nurse\n" for n in range(60))
    roster.write_text("name,field\n" + rows, encoding="utf-8")
    process = subprocess.Popen(
        [*CLI, "batch", str(roster), "--out", str(tmp_path / "out"), "-j", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(process.pid)
        time.sleep(0.2)
    assert workers, "the batch started no workers"
    os.kill(process.pid, signal_number)
    process.wait(timeout=30)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    alive = [w for w in workers if _alive(w)]
    assert not alive


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
