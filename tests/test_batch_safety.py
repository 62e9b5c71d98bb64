"""Batches that are rerun, interrupted, killed or run many at once lose and overwrite nothing."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest
from pypdf import PdfReader

import interview_prep as ip
from interview_prep.batch import read_roster, run_batch

from .conftest import REPO
from .tools import CLI, invoke


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


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _markdown_and_text(field: str) -> tuple[str, str]:
    sheet = ip.prep_sheet(ip.plan_interview(field, "college", 30, seed=3))
    reader = PdfReader(io.BytesIO(sheet.to_pdf()))
    return sheet.markdown, " ".join((p.extract_text() or "") for p in reader.pages)


FIELDS = ["nurse", "electrician", "chef", "software developer", "high school teacher", "pilot"]


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


def test_an_interrupted_batch_finishes_on_the_rerun(tmp_path: Path) -> None:
    students = read_roster(REPO / "examples" / "roster.csv")[:6]
    done: list[ip.batch.Outcome] = []

    def interrupt(outcome: ip.batch.Outcome) -> None:
        done.append(outcome)
        if len(done) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(
            students, tmp_path, format="md", executor=ThreadPoolExecutor(1), on_done=interrupt
        )
    finished = {p: p.stat().st_mtime_ns for p in tmp_path.glob("*.md")}
    assert 3 <= len(finished) < 6
    result = run_batch(students, tmp_path, format="md", jobs=1)
    assert len(result.made) == 6 and sum(o.skipped for o in result.outcomes) == len(finished)
    assert all(p.stat().st_mtime_ns == t for p, t in finished.items())
    debris = [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert [p.name for p in debris] == [".interview-prep-batch.jsonl"]  # the batch's record


def test_many_renders_at_once_match_one_at_a_time() -> None:
    alone = [_markdown_and_text(f) for f in FIELDS]
    with ThreadPoolExecutor(4) as threads:
        threaded = list(threads.map(_markdown_and_text, FIELDS))
    with ProcessPoolExecutor(2) as processes:
        parallel = list(processes.map(_markdown_and_text, FIELDS))
    assert threaded == alone
    assert parallel == alone


def test_a_bad_bank_leaves_no_folder_behind(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("name,field\nAna Ruiz,nurse\n", encoding="utf-8")
    out = tmp_path / "out.ics"
    code, output = invoke("batch", str(roster), "--out", str(out), "--bank", "")
    assert code == 2 and "Traceback" not in output
    assert not out.exists()  # found by the fuzzer: the folder and its record were left
