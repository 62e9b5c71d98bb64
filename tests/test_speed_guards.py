"""What a command from the shell does not load: the guards behind the benchmark's cold runs."""

from __future__ import annotations

import subprocess
import sys


def test_a_markdown_script_loads_no_pdf_engine_and_no_lemma_dictionary() -> None:
    command = [sys.executable, "-X", "importtime", "-m", "interview_prep", "script", "-f",
               "nurse", "-s", "college", "-m", "20"]  # fmt: skip
    subprocess.run(command, capture_output=True, check=True)  # fills the on-disk caches
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "# Interview script: Registered Nurse" in result.stdout
    loaded = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert "weasyprint" not in loaded
    assert "lemminflect" not in loaded  # its dictionaries take half a second to load
    assert "docx" not in loaded and "starlette" not in loaded
