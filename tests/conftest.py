from __future__ import annotations

import os
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import interview_prep as ip

REPO = Path(__file__).resolve().parent.parent
# the tests keep the validated-bank cache away from the user's own
os.environ.setdefault("INTERVIEW_PREP_CACHE", tempfile.mkdtemp(prefix="interview-prep-cache-"))
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _forget_plugin_discovery() -> None:
    """Tests that fake installed plugins must not see another test's cached discovery."""
    for entry in Path(os.environ["INTERVIEW_PREP_CACHE"]).glob("plugins-*.json"):
        entry.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def catalog() -> ip.Catalog:
    return ip.default_catalog()


@pytest.fixture
def write_bank(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a bank file from dedented YAML text and return its path."""

    def write(text: str, name: str = "bank.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    return write


@pytest.fixture
def fetchers(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every URL fetcher the PDF engine is given during the test, to see what it refused."""
    import interview_prep.pdf as pdf_engine

    made: list[Any] = []
    original = pdf_engine._fetcher

    def watching() -> Any:
        fetcher = original()
        made.append(fetcher)
        return fetcher

    monkeypatch.setattr(pdf_engine, "_fetcher", watching)
    return made


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for a test module; skips when the browser or axe-core is missing."""
    from .browser import chromium, require_browser

    require_browser()
    with chromium() as driver:
        yield driver
