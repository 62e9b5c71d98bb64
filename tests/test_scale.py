"""Scale: a batch on a Dask cluster, combined PDFs in flat memory, cheap glyph checks,
cached user banks."""

from __future__ import annotations

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import interview_prep as ip
from interview_prep.batch import run_batch
from interview_prep.writers import fonts

ROSTER = "name,field,stage\nAna Ruiz,nurse,college\nBo Li,electrician,high-school\nCy Oduya,chef,\n"


def test_a_batch_on_dask_makes_the_same_files_as_on_threads(tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    roster = tmp_path / "class.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    with ThreadPoolExecutor(2) as threads:
        on_threads = run_batch(roster, tmp_path / "threads", format="md", executor=threads)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = run_batch(roster, tmp_path / "dask", format="md", executor=client.get_executor())
    assert not on_threads.failed and not on_dask.failed
    for threads_file, dask_file in zip(
        (o.path for o in on_threads.outcomes), (o.path for o in on_dask.outcomes), strict=True
    ):
        assert threads_file is not None and dask_file is not None
        assert threads_file.name == dask_file.name
        assert threads_file.read_bytes() == dask_file.read_bytes()


MEMORY_PROBE = """
import resource, shutil, sys
from pathlib import Path
from interview_prep.batch.run import Outcome, _combine
folder = Path(sys.argv[1])
source = folder / "one.pdf"
outcomes = []
for n in range(int(sys.argv[2])):
    copy = folder / f"{n:04d}.pdf"
    shutil.copyfile(source, copy)
    outcomes.append(Outcome(n + 2, f"S{n}", copy))
parts = _combine(outcomes, folder, "prep-sheet")
# VmHWM, not ru_maxrss: the latter keeps the high-water mark of the process that forked us
peak = next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]
print(len(parts), int(peak) // 1024)
"""


def test_combined_pdfs_keep_memory_flat(tmp_path: Path) -> None:
    from pypdf import PdfReader

    plan = ip.plan_interview("nurse", "college", 30)
    (tmp_path / "one.pdf").write_bytes(ip.prep_sheet(plan).to_pdf())
    pages = len(PdfReader(tmp_path / "one.pdf").pages)
    peaks = {}
    for students in (50, 300):
        folder = tmp_path / str(students)
        folder.mkdir()
        (folder / "one.pdf").write_bytes((tmp_path / "one.pdf").read_bytes())
        result = subprocess.run(
            [sys.executable, "-c", MEMORY_PROBE, str(folder), str(students)],
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        parts, peak = map(int, result.stdout.split())
        peaks[students] = peak
        assert parts == -(-students // 50)
        combined = sorted(folder.glob("all-prep-sheets*.pdf"))
        assert sum(len(PdfReader(p).pages) for p in combined) == students * pages
    assert peaks[300] <= 200, peaks
    assert peaks[300] <= peaks[50] * 1.25, peaks  # flat: the same per file of 50


def test_fontconfig_answers_the_glyph_check() -> None:
    assert fonts._fontconfig() is not None
    assert fonts.undrawable({"A", "é"}) == set()
    assert fonts.undrawable({chr(0x10FFFD)}) == {chr(0x10FFFD)}  # private use: no font
    started = time.perf_counter()
    fonts.missing_characters("Łukasz Żółć, Zoë, Σοφία, Дмитрий")
    assert time.perf_counter() - started < 0.5


def test_without_fontconfig_the_font_files_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_fontconfig", lambda: None)
    monkeypatch.setattr(fonts, "installed_coverage", lambda: frozenset(map(ord, "AŁ")))
    assert fonts.undrawable({"A", "Ł", "Ж"}) == {"Ж"}
    assert fonts.missing_characters("AŁЖ") == ["Ж"]


@pytest.mark.skipif(sys.platform != "linux", reason="the library probes are a Linux matter")
def test_weasyprint_imports_without_library_probes() -> None:
    code = (
        "import ctypes.util, subprocess\n"
        "calls = []\n"
        "real = subprocess.Popen.__init__\n"
        "def spy(self, *a, **k):\n"
        "    calls.append(a[0] if a else k.get('args'))\n"
        "    real(self, *a, **k)\n"
        "subprocess.Popen.__init__ = spy\n"
        "from interview_prep.render import import_weasyprint\n"
        "import_weasyprint()\n"
        "assert ctypes.util.find_library.__name__ == 'find_library'\n"
        "print(len(calls))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "0"
