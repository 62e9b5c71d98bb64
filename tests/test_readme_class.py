"""The README's "For a class" commands (batches, a unit, a handout), run as typed: a file of
their own, so they run beside the rest of the tour (tests/test_readme.py) on another worker."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_readme import CLASS, readme_commands, run_as_typed


def test_the_class_section_has_batches() -> None:
    commands = readme_commands(CLASS)
    assert sum(c.startswith("interview-prep batch ") for c in commands) >= 3


@pytest.mark.slow
def test_every_class_command_works_as_typed(tmp_path: Path) -> None:
    run_as_typed(readme_commands(CLASS), tmp_path)
