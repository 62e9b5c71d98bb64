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
SECTIONS = ("## A short tour", "## The whole journey", "## Keep track", "## For a class")


def readme_commands() -> list[str]:
    """Every command in the README's bash blocks of the tour sections, continuations joined."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands: list[str] = []
    for section in SECTIONS:
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
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "INTERVIEW_PREP_JOURNAL": str(tmp_path / "journal.sqlite"),
    }
    for command in readme_commands():
        if command.startswith("source "):
            assert (ROOT / ".venv" / "bin" / "activate").exists() or bin_dir.name == "bin"
            continue
        result = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, f"{command}\n{result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr, command
