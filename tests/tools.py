"""Outside programs some tests need (pandoc, LibreOffice, Node): `scripts/setup --dev`
installs them. Without one a test skips, except under CI, where it fails."""

from __future__ import annotations

import os
import shutil

import pytest


def need(program: str, package: str) -> str:
    """The path of ``program``; skips the test when it is missing, fails it under CI."""
    found = shutil.which(program)
    if found is None:
        message = f"{program} is missing: run scripts/setup --dev (Debian package {package})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found
