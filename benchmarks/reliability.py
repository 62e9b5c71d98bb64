"""Figures for the reliability work (issue 21), each printed beside its target.

    .venv/bin/python benchmarks/reliability.py

- ``banks lint`` on a folder of 3,000 near-duplicate questions, as the command runs it
  (the December review: 800 took 11 s and gave 319,600 warnings; 3,000 ran past 180 s);
- the linter alone on 800 and 3,000 of them, in processor time, and how many findings;
- finding the field in a 13-word LinkedIn headline (was 3.1 s) and a 30-word one (52 s).

This is a measurement, not a test: nothing here fails on a missed target.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import interview_prep as ip
from interview_prep.catalog.fields import FieldIndex
from interview_prep.lint.linter import lint_banks
from interview_prep.model import Bank, Item

CLI = str(Path(sys.executable).with_name("interview-prep"))
ROOMS = ["ward", "clinic", "shift", "team", "unit", "floor", "rotation", "placement"]
HEADLINE = "Registered Nurse Educator | Helping new grads thrive in critical care at Mercy"


def _text(n: int) -> str:
    return f"What do you enjoy most about your {ROOMS[n % 8]} work as a nurse in year {n}?"


def _alike(count: int) -> Bank:
    items = tuple(
        Item(id=f"alike-{n}", text=_text(n), theme="path", why="x", fields=("registered-nurse",))
        for n in range(count)
    )
    return Bank("alike", "Alike", items)


def _folder(count: int, per_file: int, folder: Path) -> None:
    for start in range(0, count, per_file):
        lines = [f"bank: alike-{start}", f"title: Alike {start}", "version: 1", "items:"]
        for n in range(start, min(count, start + per_file)):
            lines += [
                f"  - id: alike-{n}",
                f"    text: {_text(n)}",
                "    theme: path",
                "    fields: [registered-nurse]",
                "    why: Generated to measure the linter.",
            ]
        (folder / f"alike-{start:05d}.yaml").write_text("\n".join(lines) + "\n", "utf-8")


def _report(name: str, value: float, unit: str, target: str) -> None:
    shown = f"{value:>10,}" if isinstance(value, int) else f"{value:>10.3f}"
    print(f"{name:<60} {shown} {unit:<3} target {target}")


def main() -> None:
    catalog = ip.default_catalog()
    for count in (800, 3000):
        started = time.process_time()
        report = lint_banks([_alike(count)], catalog.taxonomy)
        spent = time.process_time() - started
        twins = sum(f.rule == "near-duplicate" for f in report.findings)
        _report(f"lint {count:,} alike questions (CPU)", spent, "s", "< 5 s (800 was 11 s)")
        _report(f"  near-duplicate findings for {count:,}", twins, "", "1 (800 gave 319,600)")

    with tempfile.TemporaryDirectory() as folder:
        _folder(3000, 1, Path(folder))
        env = {**os.environ, "INTERVIEW_PREP_PLUGINS": "0", "INTERVIEW_PREP_CACHE": "0"}
        started = time.perf_counter()
        done = subprocess.run(
            [CLI, "banks", "lint", folder], capture_output=True, text=True, env=env, check=False
        )
        wall = time.perf_counter() - started
        _report("`banks lint` on a folder of 3,000 one-question files (wall)", wall, "s",
                "seconds (ran past 180 s)")  # fmt: skip
        warnings = done.stdout.count("warning[near-duplicate]")
        _report("  near-duplicate warnings printed", warnings, "", "1")

    filler = (HEADLINE + " and the many other words a long headline holds").split()
    for words in (13, 30, 300):
        title = " ".join((filler * 20)[:words])
        index = FieldIndex(catalog.taxonomy)  # a cold cache each time
        started = time.perf_counter()
        index.find_in(title)
        took = time.perf_counter() - started
        _report(f"field from a {words}-word title, first time (wall)", took * 1000, "ms",
                "< 50 ms (13 words was 3.1 s, 30 words 52 s)")  # fmt: skip
        started = time.perf_counter()
        index.find_in(title)
        _report("  the same title again", (time.perf_counter() - started) * 1000, "ms", "cached")


if __name__ == "__main__":
    main()
