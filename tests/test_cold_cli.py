"""A cold command loads only what it uses: a Markdown script on cached banks parses no YAML
and loads no PDF, Word, database, validation or web code (benchmarks/run.py times it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("yaml", "pydantic", "weasyprint", "docx", "sqlite3", "platformdirs", "interview_prep.web")
PROBE = """
import sys
from interview_prep.cli import main
try:
    main(["script", "-f", "nurse", "-s", "college"], prog_name="interview-prep")
except SystemExit as done:
    assert not done.code, done.code
heavy = sys.argv[1].split(",")
print("loaded:" + ",".join(sorted(name for name in heavy if name in sys.modules)))
"""


def test_a_markdown_script_on_cached_banks_loads_nothing_heavy(tmp_path: Path) -> None:
    env = {**os.environ, "INTERVIEW_PREP_CACHE": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", PROBE, ",".join(HEAVY)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=120,
        )
        for _ in range(2)  # the first fills the cache from the YAML files
    ]
    first, second = (run.stdout.splitlines() for run in runs)
    assert "yaml" in first[-1]  # the probe sees a module that is loaded
    assert second[-1] == "loaded:", second[-1]
    assert "# " in runs[1].stdout  # the script itself was printed
