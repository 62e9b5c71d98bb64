"""Outside programs some tests need (pandoc, LibreOffice, Node): `scripts/setup --dev`
installs them. Without one a test skips, except under CI, where it fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner


def need(program: str, package: str) -> str:
    """The path of ``program``; skips the test when it is missing, fails it under CI."""
    found = shutil.which(program)
    if found is None:
        message = f"{program} is missing: run scripts/setup --dev (Debian package {package})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


CLI = [sys.executable, "-m", "interview_prep"]


def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """The command line in a process of its own, as a person runs it."""
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, timeout=60, check=False, **kwargs
    )  # type: ignore[call-overload, no-any-return]


def invoke(*args: str) -> tuple[int, str]:
    """The command line through click's runner: its exit status and output; any exception
    other than an exit fails the test."""
    from interview_prep.cli import main

    result = CliRunner().invoke(main, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.output


def word_to_pdf(soffice: str, folder: Path, names: Iterable[str]) -> None:
    """Print ``folder/<name>.docx`` to ``folder/<name>.pdf`` for every name, in one LibreOffice
    run with a profile of its own (so parallel workers never share one)."""
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder}/profile",
            *("--headless", "--convert-to", "pdf", "--outdir", str(folder)),
            *(str(folder / f"{name}.docx") for name in names),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )


@contextmanager
def printed_word(
    folder: Path, makers: Mapping[str, Callable[[], Any]], names: Iterable[str]
) -> Iterator[dict[str, Any]]:
    """Each named document saved as Word and printed by LibreOffice in one run: its PDF
    open in pdfplumber under its name, its .docx read by python-docx under "<name>.docx"."""
    import docx
    import pdfplumber

    soffice = need("soffice", "libreoffice-writer-nogui")
    names = list(names)
    for name in names:
        makers[name]().to_docx(folder / f"{name}.docx")
    word_to_pdf(soffice, folder, names)
    opened: dict[str, Any] = {name: pdfplumber.open(folder / f"{name}.pdf") for name in names}
    opened |= {f"{name}.docx": docx.Document(str(folder / f"{name}.docx")) for name in names}
    try:
        yield opened
    finally:
        for name in names:
            opened[name].close()
