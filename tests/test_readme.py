"""The README's command blocks, run line by line as a new user types them after setup."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# the tour runs in two files, so two test workers can share it (each file runs on one)
TOUR = ("## A short tour", "## The whole journey", "## Keep track")
CLASS = ("## For a class",)
SECTIONS = TOUR + CLASS


def readme_commands(sections: tuple[str, ...] = SECTIONS) -> list[str]:
    """Every command in the README's bash blocks of ``sections``, continuations joined."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands: list[str] = []
    for section in sections:
        body = text[text.index(section) :]
        body = body[: body.find("\n## ", len(section))]
        for block in re.findall(r"```bash\n(.*?)```", body, re.S):
            joined = re.sub(r"\\\n\s*", " ", block)
            for line in joined.splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    commands.append(line)
    return commands


def test_the_readme_has_a_tour() -> None:
    commands = readme_commands()
    assert commands[0] == "source .venv/bin/activate"
    assert sum(c.startswith("interview-prep ") for c in commands) >= 30


@pytest.mark.slow
def test_every_tour_command_works_as_typed(tmp_path: Path) -> None:
    """The tour up to "For a class" (tests/test_readme_class.py runs that one)."""
    run_as_typed(readme_commands(TOUR), tmp_path)


def run_as_typed(commands: list[str], folder: Path) -> None:
    """Each command through bash in ``folder``, in order, as a new user types it."""
    shutil.copytree(ROOT / "examples", folder / "examples")
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "INTERVIEW_PREP_JOURNAL": str(folder / "journal.sqlite"),
    }
    assert commands
    for command in commands:
        if command.startswith("source "):
            assert (ROOT / ".venv" / "bin" / "activate").exists() or bin_dir.name == "bin"
            continue
        result = subprocess.run(
            ["bash", "-c", command],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, f"{command}\n{result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr, command
