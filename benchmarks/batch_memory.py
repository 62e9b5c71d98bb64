"""A batch's memory and CPU as the roster grows: the real CLI on 50 and 1,000 students.

Prints the largest process's peak (VmHWM of the batch process and of every worker, read from
/proc while the batch runs; the batch process reports its own at exit) at each size, their
ratio against the 1.15 target, and the CPU each further student costs (all processes).

    python benchmarks/batch_memory.py [--format html] [--sizes 50 1000] [--jobs 2]

Measured December 2026 on two shared cores, -j 2: HTML 36 MB at 50 students and 37 MB at
1,000 (13 ms CPU a student); PDF prep sheets 231 MB at 50, 233 MB at 120 and 235 MB at 1,000
(the batch process; workers 103 MB), 429 s CPU for the 1,000.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

PYTHON = sys.executable
FIELDS = ("nurse", "electrician", "chef", "software developer", "paramedic", "high school teacher")
STAGES = ("high-school", "college", "career-changer")
# the CLI's own entry point; at exit the batch process writes its VmHWM where it is told
RUNNER = (
    "import atexit, os, sys\n"
    "def report(path=os.environ['BATCH_MEMORY_REPORT'], pid=os.getpid()):\n"
    "    if os.getpid() == pid:\n"
    "        with open(path, 'w') as out:\n"
    "            out.write(str(vmhwm('self')))\n"
    "def vmhwm(pid):\n"
    "    with open(f'/proc/{pid}/status') as status:\n"
    "        return next(int(l.split()[1]) for l in status if l.startswith('VmHWM'))\n"
    "atexit.register(report)\n"
    "from interview_prep.cli import main\n"
    "main(prog_name='interview-prep')\n"
)


@dataclass(frozen=True)
class Run:
    """One measured batch: the largest process's peak, every process's peak, CPU, wall."""

    students: int
    peak_mb: float
    peaks_mb: dict[int, float]
    cpu_seconds: float
    wall_seconds: float
    exit_code: int
    output: str


def write_roster(path: Path, students: int) -> Path:
    """A roster of ``students`` rows with varied fields and stages."""
    lines = ["name,field,stage"]
    lines += [
        f"Student {n:05d},{FIELDS[n % len(FIELDS)]},{STAGES[n % len(STAGES)]}"
        for n in range(students)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _vmhwm_kb(pid: int) -> int | None:
    try:
        with Path(f"/proc/{pid}/status").open(encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def _descendants(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text(encoding="ascii", errors="replace")
                parent = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            parents.setdefault(parent, []).append(int(entry.name))
    found, queue = [], [root]
    while queue:
        children = parents.get(queue.pop(), [])
        found += children
        queue += children
    return found


def measure(args: list[str], env: dict[str, str] | None = None, *, interval: float = 0.05) -> Run:
    """Run ``interview-prep ARGS`` and measure every process it starts."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "vmhwm"
        environment = {**os.environ, **(env or {}), "BATCH_MEMORY_REPORT": str(report)}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        process = subprocess.Popen(
            [PYTHON, "-c", RUNNER, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=environment,
        )
        peaks: dict[int, int] = {}
        stop = threading.Event()

        def watch() -> None:
            while not stop.is_set():
                for pid in [process.pid, *_descendants(process.pid)]:
                    peak = _vmhwm_kb(pid)
                    if peak is not None:
                        peaks[pid] = max(peaks.get(pid, 0), peak)
                stop.wait(interval)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        output = process.communicate()[0].decode("utf-8", errors="replace")
        stop.set()
        watcher.join()
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if report.exists():
            peaks[process.pid] = max(peaks.get(process.pid, 0), int(report.read_text()))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    mb = {pid: kb / 1024 for pid, kb in peaks.items()}
    return Run(0, max(mb.values(), default=0.0), mb, cpu, wall, process.returncode, output)


def batch(folder: Path, students: int, fmt: str, jobs: int, *extra: str) -> Run:
    """Measure ``batch`` on a generated roster of ``students`` rows into ``folder``/out."""
    roster = write_roster(folder / f"roster-{students}.csv", students)
    out = folder / f"out-{students}-{fmt}"
    args = ["batch", str(roster), "--out", str(out), "--format", fmt, "-j", str(jobs), *extra]
    return replace(measure(args), students=students)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--format", default="html", help="pdf, md, html or docx (default html)")
    parser.add_argument("--sizes", type=int, nargs=2, default=(50, 1000), metavar=("SMALL", "BIG"))
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()
    small, big = options.sizes
    with tempfile.TemporaryDirectory() as scratch:
        runs = [batch(Path(scratch), n, options.format, options.jobs) for n in (small, big)]
    for run in runs:
        if run.exit_code != 0:
            sys.exit(f"the batch of {run.students} failed:\n{run.output[-2000:]}")
        print(
            f"batch of {run.students} ({options.format}, -j {options.jobs}): largest process "
            f"{run.peak_mb:.0f} MB over {len(run.peaks_mb)} processes; "
            f"{run.cpu_seconds:.1f} s CPU, {run.wall_seconds:.1f} s wall",
            flush=True,
        )
    first, second = runs
    print(
        f"peak ratio {big} / {small} students: {second.peak_mb / first.peak_mb:.3f}"
        " (target <= 1.15)"
    )
    per_student = (second.cpu_seconds - first.cpu_seconds) / (big - small)
    print(f"CPU per further student: {per_student * 1000:.1f} ms (all processes)")


if __name__ == "__main__":
    main()
