"""Measure interview_prep against baselines run side by side, and print the ratios.

    .venv/bin/python benchmarks/run.py [--repeat N] [--json]

Each figure is a median over N runs, taken in the same process run as its baseline, so the
ratio holds on any machine. This is a measurement, not a test: nothing here asserts a target.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
CLI = str(Path(PYTHON).with_name("interview-prep"))
WEASYPRINT = str(Path(PYTHON).with_name("weasyprint"))


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _peak_kb(args: list[str]) -> int:
    """Peak resident memory (KB) of the largest process a command ran, in a fresh child."""
    code = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([PYTHON, "-c", code, *args], check=True, capture_output=True, text=True)
    return int(out.stdout.strip())


def command(*args: str) -> Callable[[], object]:
    return lambda: subprocess.run(args, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print a JSON summary at the end")
    options = parser.parse_args()
    n = options.repeat
    rows: list[dict[str, object]] = []

    def compare(name: str, ours: float, base: float, baseline: str, target: str) -> None:
        rows.append(
            {
                "name": name,
                "ours_ms": round(ours, 2),
                "baseline": baseline,
                "baseline_ms": round(base, 2),
                "ratio": round(ours / base, 3),
                "target": target,
            }
        )
        print(
            f"{name:<42} {ours:9.1f} ms  vs {baseline:<34} {base:9.1f} ms"
            f"  ratio {ours / base:6.2f}  (target {target})",
            flush=True,
        )

    import yaml

    import interview_prep as ip
    from interview_prep import catalog as catalog_module
    from interview_prep.render import PageOptions, html_page

    bare = median_ms(command(PYTHON, "-c", "pass"), n)
    imported = median_ms(command(PYTHON, "-c", "import interview_prep"), n)
    compare("import interview_prep (cold)", imported, bare, "python -c pass", "< 150 ms")
    markdown_cli = median_ms(command(CLI, "script", "-f", "nurse", "-s", "college"), n)
    compare("Markdown script from the CLI (cold)", markdown_cli, bare, "python -c pass", "-")

    root = catalog_module.builtin_root()
    files = [root / "taxonomy.yaml", *catalog_module.yaml_files_in(root)]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def plain_parse() -> None:
        for entry in files:
            yaml.load(entry.read_bytes(), Loader=loader)

    def load(cache: str) -> Callable[[], object]:
        def run() -> None:
            os.environ["INTERVIEW_PREP_CACHE"] = cache
            for cached in (
                catalog_module.builtin_taxonomy,
                catalog_module._builtin_banks,
                catalog_module._builtin,
            ):
                cached.cache_clear()
            ip.load_catalog(plugins=False)

        return run

    plain = median_ms(plain_parse, n)
    compare(
        "load + validate every built-in bank",
        median_ms(load("0"), n),
        plain,
        "plain libyaml parse",
        "< 2x",
    )
    with tempfile.TemporaryDirectory() as cache_folder:
        load(cache_folder)()
        compare(
            "load every built-in bank, cached",
            median_ms(load(cache_folder), n),
            plain,
            "plain libyaml parse",
            "-",
        )
    os.environ.pop("INTERVIEW_PREP_CACHE", None)

    plan = ip.plan_interview("nurse", "college", 30)
    sheet = ip.prep_sheet(plan, ip.Contact("Dana Ortiz", "ICU nurse", "Mercy General"))
    page = html_page(sheet.source, PageOptions(title=sheet.title))
    import weasyprint

    sheet.to_pdf()  # warm WeasyPrint and the font configuration
    compare(
        "PDF prep sheet, warm (plan + render)",
        median_ms(lambda: ip.prep_sheet(ip.plan_interview("nurse", "college", 30)).to_pdf(), n),
        median_ms(lambda: weasyprint.HTML(string=page).write_pdf(), n),
        "WeasyPrint alone, same HTML",
        "< 1.10x",
    )

    with tempfile.TemporaryDirectory() as folder:
        html_file = Path(folder) / "sheet.html"
        html_file.write_text(page, encoding="utf-8")
        pdf_ours = Path(folder) / "ours.pdf"
        cli_pdf = median_ms(
            command(
                CLI, "prep-sheet", "-f", "nurse", "-s", "college", "-o", str(pdf_ours), "--force"
            ),
            n,
        )
        compare(
            "PDF prep sheet from the CLI (cold)",
            cli_pdf,
            median_ms(command(WEASYPRINT, str(html_file), str(Path(folder) / "w.pdf")), n),
            "weasyprint command, same HTML",
            "<= 1x",
        )
        pandoc = shutil.which("pandoc")
        if pandoc:
            md_file = Path(folder) / "sheet.md"
            md_file.write_text(sheet.markdown, encoding="utf-8")
            by_hand = [
                pandoc,
                str(md_file),
                "--standalone",
                "--metadata",
                "title=Prep sheet",
                f"--pdf-engine={WEASYPRINT}",
                "-o",
                str(Path(folder) / "p.pdf"),
            ]
            trial = subprocess.run(by_hand, capture_output=True, text=True)
            if trial.returncode == 0:
                compare(
                    "PDF prep sheet from the CLI (cold)",
                    cli_pdf,
                    median_ms(command(*by_hand), n),
                    "pandoc --pdf-engine=weasyprint",
                    "-",
                )
            else:
                print(f"(pandoc failed, its comparison is skipped: {trial.stderr.strip()[:200]})")
        else:
            print("(pandoc not installed: its comparison is skipped)")

    roster_rows = ["name,field,stage"] + [
        f"Student {n},{field},college"
        for n, field in enumerate(["nurse", "electrician", "chef", "teacher", "pilot"] * 20)
    ]
    with tempfile.TemporaryDirectory() as folder:
        roster = Path(folder) / "roster.csv"
        roster.write_text("\n".join(roster_rows) + "\n", encoding="utf-8")
        timings = {}
        for jobs in (1, 2):
            out = Path(folder) / f"out{jobs}"
            start = time.perf_counter()
            subprocess.run(
                [
                    CLI,
                    "batch",
                    str(roster),
                    "--out",
                    str(out),
                    "--jobs",
                    str(jobs),
                    "--no-combined",
                ],
                check=True,
                capture_output=True,
            )
            timings[jobs] = (time.perf_counter() - start) * 1000
            print(
                f"batch of 100 prep sheets, {jobs} worker(s): {timings[jobs] / 1000:.1f} s, "
                f"{100_000 / timings[jobs]:.1f} documents per second",
                flush=True,
            )
        compare(
            "batch of 100 prep sheets, 2 workers",
            timings[2],
            timings[1],
            "the same with 1 worker",
            "<= 0.59x (2 workers >= 1.7x faster)",
        )
        batch_memory = _peak_kb(
            [
                CLI,
                "batch",
                str(roster),
                "--out",
                str(Path(folder) / "m"),
                "--jobs",
                "2",
                "--no-combined",
            ]
        )
    pdf_memory = _peak_kb([CLI, "prep-sheet", "-f", "nurse", "-s", "college", "--format", "pdf"])
    with tempfile.TemporaryDirectory() as folder:
        html_file = Path(folder) / "sheet.html"
        html_file.write_text(page, encoding="utf-8")
        weasy_memory = _peak_kb([WEASYPRINT, str(html_file), str(Path(folder) / "w.pdf")])
    rows.append(
        {
            "name": "peak memory, PDF prep sheet (CLI)",
            "ours_kb": pdf_memory,
            "baseline": "weasyprint command",
            "baseline_kb": weasy_memory,
            "ratio": round(pdf_memory / weasy_memory, 3),
            "target": "-",
        }
    )
    rows.append(
        {
            "name": "peak memory, batch of 100 with 2 workers (largest process)",
            "ours_kb": batch_memory,
            "baseline": "one PDF from the CLI",
            "baseline_kb": pdf_memory,
            "ratio": round(batch_memory / pdf_memory, 3),
            "target": "-",
        }
    )
    print(
        f"peak memory: PDF from the CLI {pdf_memory / 1024:.0f} MB vs weasyprint command "
        f"{weasy_memory / 1024:.0f} MB (ratio {pdf_memory / weasy_memory:.2f}); batch of 100 "
        f"with 2 workers {batch_memory / 1024:.0f} MB in its largest process"
    )

    if options.json:
        print(
            json.dumps({"repeat": n, "python": sys.version.split()[0], "results": rows}, indent=2)
        )


if __name__ == "__main__":
    main()
