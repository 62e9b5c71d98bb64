"""Scale: a batch on a Dask cluster, a district roster in flat memory, combined PDFs merged
part by part, cheap glyph checks."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType

import pytest

import interview_prep as ip
from interview_prep.batch import run_batch
from interview_prep.writers import fonts

from .conftest import REPO

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
import shutil, sys
from pathlib import Path
from interview_prep.batch.combine import merge, plan_parts
folder = Path(sys.argv[1])
source = folder / "one.pdf"
copies = []
for n in range(int(sys.argv[2])):
    copy = folder / f"{n:04d}.pdf"
    shutil.copyfile(source, copy)
    copies.append(copy)
parts = plan_parts(len(copies), folder, "prep-sheet")
for part in parts:
    merge(copies[part.first - 1 : part.last], part.path)
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
        "from interview_prep.pdf import import_weasyprint\n"
        "import_weasyprint()\n"
        "assert ctypes.util.find_library.__name__ == 'find_library'\n"
        "print(len(calls))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "0"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "batch_memory", REPO / "benchmarks" / "batch_memory.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_district_roster_needs_no_more_memory_than_a_class(tmp_path: Path) -> None:
    """The real CLI on 50 and 1,000 students (HTML: the same path as PDF, without the
    seconds each PDF takes): the largest process, the batch's own included, stays flat."""
    bench = _benchmark()
    small, big = (bench.batch(tmp_path, n, "html", 2) for n in (50, 1000))
    for run in (small, big):
        assert run.exit_code == 0, run.output[-2000:]
        assert f"{run.students} of {run.students} students done." in run.output
        assert len(run.peaks_mb) >= 3, run.peaks_mb  # the batch process and two workers
    assert len(list((tmp_path / "out-1000-html").glob("*.html"))) == 1000
    assert big.peak_mb <= small.peak_mb * 1.15, (small.peaks_mb, big.peaks_mb)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_pdfs_to_print_come_in_parts_of_50_in_flat_memory(tmp_path: Path) -> None:
    """Scripts (the quickest PDFs) for 50 and 101 students: 101 give three parts to print,
    in roster order, and no process needs more memory than for one part. The 101 start from
    the 50's folder (their first 50 rows are the same), so the rerun keeps those 50 files,
    makes the other 51 and merges all 101: every part is merged, a third of the PDFs made."""
    import pikepdf

    bench = _benchmark()
    small = bench.batch(tmp_path, 50, "pdf", 2, "-d", "script")
    assert small.exit_code == 0, small.output[-2000:]
    assert "50 of 50 students done." in small.output
    out = tmp_path / "out-101-pdf"
    shutil.copytree(tmp_path / "out-50-pdf", out, ignore=shutil.ignore_patterns("all-*"))
    big = bench.batch(tmp_path, 101, "pdf", 2, "-d", "script")
    assert big.exit_code == 0, big.output[-2000:]
    assert "101 of 101 students done (50 already there, kept)." in big.output
    parts = sorted(out.glob("all-scripts-*.pdf"))
    assert [p.name for p in parts] == [
        "all-scripts-0001-0050.pdf",
        "all-scripts-0051-0100.pdf",
        "all-scripts-0101-0101.pdf",
    ]
    assert [line for line in big.output.splitlines() if line.startswith("combined:")] == [
        f"combined: {p}" for p in parts
    ]
    sheets = sorted(out.glob("[0-9]*.pdf"))

    def pages(path: Path) -> int:
        with pikepdf.open(path) as pdf:
            return len(pdf.pages)

    counts = [pages(p) for p in sheets]
    assert [pages(p) for p in parts] == [sum(counts[:50]), sum(counts[50:100]), sum(counts[100:])]
    assert "Student 00050" in _first_page_text(parts[1])  # row 52: the 51st student
    assert "Student 00100" in _first_page_text(parts[2])
    assert big.peak_mb <= small.peak_mb * 1.15, (small.peaks_mb, big.peaks_mb)


def _first_page_text(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return str(document[0].get_textpage().get_text_range())
    finally:
        document.close()


class _ElsewhereExecutor(ThreadPoolExecutor):
    """Runs each task as a worker on another machine would: the batch folder's path leads
    to an empty folder there."""

    def __init__(self, elsewhere: Path) -> None:
        super().__init__(2)
        self.elsewhere = elsewhere

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        from dataclasses import replace

        job, destination = args
        return super().submit(fn, job, replace(destination, folder=str(self.elsewhere)))


def test_workers_that_cannot_see_the_folder_send_documents_back(tmp_path: Path) -> None:
    roster = tmp_path / "class.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with ThreadPoolExecutor(2) as threads:
        here = run_batch(roster, tmp_path / "here", format="md", executor=threads)
    seen: list[str] = []
    with _ElsewhereExecutor(elsewhere) as remote:
        sent = run_batch(
            roster,
            tmp_path / "sent",
            format="md",
            executor=remote,
            on_done=lambda outcome: seen.append(outcome.name),
        )
    assert not list(elsewhere.iterdir())  # nothing written on the "other machine"
    assert sorted(seen) == ["Ana Ruiz", "Bo Li", "Cy Oduya"]
    for mine, theirs in zip(here.outcomes, sent.outcomes, strict=True):
        assert mine.path is not None and theirs.path is not None
        assert theirs.path.read_bytes() == mine.path.read_bytes()
        assert theirs.size == mine.size == len(mine.path.read_bytes())
    rerun = run_batch(roster, tmp_path / "sent", format="md", jobs=1)
    assert all(o.skipped for o in rerun.outcomes)  # the calling process recorded them
