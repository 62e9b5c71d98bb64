"""Where a cold Markdown script's CPU time goes: the steps of `interview-prep script -f nurse
-s college` timed in fresh processes (banks cached), beside the baseline run.py compares it
with (`python -c 'import click, jinja2, yaml'`).

    .venv/bin/python benchmarks/cold_cli.py [--repeat N]

Each figure is the median over N fresh processes of the CPU time (process_time) of that step,
in the order the command takes them, so each counts only what the steps before it did not
already load. This is a measurement, not a test: nothing here fails on a missed target.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PYTHON = sys.executable
STEPS = """
import json, sys, time
laps = {}
start = time.process_time()
def lap(name):
    global start
    now = time.process_time()
    laps[name] = now - start
    start = now
import click, jinja2
lap("import click, jinja2")
import interview_prep.cli
lap("import the CLI (its commands registered)")
import interview_prep.documents
lap("import the documents")
from interview_prep.catalog.catalog import default_catalog
catalog = default_catalog()
lap("load the cached banks")
from interview_prep.planning.plan import plan_interview
plan = plan_interview("nurse", "college", 30)
lap("plan the interview (field index, questions)")
from interview_prep.documents import interview_script
script = interview_script(plan)
lap("fill the template (compiled on first use)")
import interview_prep.writers.portable
lap("import markdown-it (for portable Markdown)")
text = script.markdown
lap("write portable Markdown")
print(json.dumps(laps))
"""


def _cpu(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(args, check=True, capture_output=True, text=True, env=env).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="fresh processes per figure")
    options = parser.parse_args()
    cli = str(Path(PYTHON).with_name("interview-prep"))
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "INTERVIEW_PREP_CACHE": str(Path(folder) / "cache")}
        command = [cli, "script", "-f", "nurse", "-s", "college"]
        _cpu(command, env)  # fills the bank cache
        laps: dict[str, list[float]] = {}
        whole, base, empty = [], [], []
        for _ in range(options.repeat):
            for name, seconds in json.loads(_cpu([PYTHON, "-c", STEPS], env)[1]).items():
                laps.setdefault(name, []).append(seconds)
            whole.append(_cpu(command, env)[0])
            base.append(_cpu([PYTHON, "-c", "import click, jinja2, yaml"], env)[0])
            empty.append(_cpu([PYTHON, "-c", "pass"], env)[0])
    ms = {name: statistics.median(values) * 1000 for name, values in laps.items()}
    for name, value in ms.items():
        print(f"{name:<46} {value:6.1f} ms", flush=True)
    print(f"{'the steps together':<46} {sum(ms.values()):6.1f} ms")
    starting = statistics.median(empty) * 1000
    print(f"{'python -c pass (the interpreter starting)':<46} {starting:6.1f} ms")
    ours, baseline = statistics.median(whole), statistics.median(base)
    print(
        f"the whole command {ours * 1000:.0f} ms vs import click, jinja2, yaml "
        f"{baseline * 1000:.0f} ms: {ours / baseline:.2f}x (target <= 1.4x)"
    )


if __name__ == "__main__":
    main()
