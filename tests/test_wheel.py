"""The wheel built from the repository carries every built-in bank and works outside it."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("interview_prep-*.whl")
    return built


def test_wheel_ships_banks_templates_and_type_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "interview_prep/banks/taxonomy.yaml" in names
    assert "interview_prep/banks/general.yaml" in names
    assert "interview_prep/banks/shadow.yaml" in names
    assert sum(n.startswith("interview_prep/banks/clusters/") for n in names) == 14
    assert "interview_prep/templates/print.css" in names
    assert "interview_prep/py.typed" in names
    # the web page's own templates and assets
    assert {"interview_prep/web/templates/base.html", "interview_prep/web/static/app.js"} <= names


def test_installed_wheel_finds_every_bank_outside_the_repository(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    target = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", target, str(wheel)],
        check=True,
        capture_output=True,
    )
    # dependencies come from this environment; the package itself only from the wheel
    deps = sysconfig.get_paths()["purelib"]
    code = (
        "import interview_prep as ip, pathlib;"
        "c = ip.default_catalog();"
        "print(len(c.banks), len(c.taxonomy.clusters), ip.__file__)"
    )
    result = subprocess.run(
        [str(python), "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": f"{target}:{deps}", "PATH": "/usr/bin:/bin"},
    )
    banks, clusters, location = result.stdout.split()
    assert (int(banks), int(clusters)) == (16, 14)
    assert location.startswith(target)
