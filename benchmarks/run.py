"""Measure interview_prep against baselines run side by side, and print the ratios.

    .venv/bin/python benchmarks/run.py [--repeat N] [--json]

Each figure is a median over N runs, taken in the same process run as its baseline, so the
ratio holds on any machine. This is a measurement, not a test: nothing here asserts a target.
"""

from __future__ import annotations

import argparse
import json
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
        rows.append({"name": name, "ours_ms": round(ours, 2), "baseline": baseline,
                     "baseline_ms": round(base, 2), "ratio": round(ours / base, 3),
                     "target": target})
        print(f"{name:<42} {ours:9.1f} ms  vs {baseline:<34} {base:9.1f} ms"
              f"  ratio {ours / base:6.2f}  (target {target})", flush=True)

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
            yaml.load(entry.read_bytes(), Loader=loader)  # noqa: S506 - a safe loader

    def validated_load() -> None:
        catalog_module.builtin_taxonomy.cache_clear()
        catalog_module._builtin_banks.cache_clear()
        ip.load_catalog(plugins=False)

    compare("load + validate every built-in bank", median_ms(validated_load, n),
            median_ms(plain_parse, n), "plain libyaml parse", "< 2x")

    plan = ip.plan_interview("nurse", "college", 30)
    sheet = ip.prep_sheet(plan, ip.Contact("Dana Ortiz", "ICU nurse", "Mercy General"))
    page = html_page(sheet.markdown, PageOptions(title=sheet.title))
    import weasyprint

    sheet.to_pdf()  # warm WeasyPrint and the font configuration
    compare("PDF prep sheet, warm (plan + render)",
            median_ms(lambda: ip.prep_sheet(ip.plan_interview("nurse", "college", 30)).to_pdf(),
                      n),
            median_ms(lambda: weasyprint.HTML(string=page).write_pdf(), n),
            "WeasyPrint alone, same HTML", "< 1.10x")

    with tempfile.TemporaryDirectory() as folder:
        html_file = Path(folder) / "sheet.html"
        html_file.write_text(page, encoding="utf-8")
        pdf_ours = Path(folder) / "ours.pdf"
        cli_pdf = median_ms(command(CLI, "prep-sheet", "-f", "nurse", "-s", "college", "-o",
                                    str(pdf_ours), "--force"), n)
        compare("PDF prep sheet from the CLI (cold)", cli_pdf,
                median_ms(command(WEASYPRINT, str(html_file), str(Path(folder) / "w.pdf")), n),
                "weasyprint command, same HTML", "<= 1x")
        pandoc = shutil.which("pandoc")
        if pandoc:
            md_file = Path(folder) / "sheet.md"
            md_file.write_text(sheet.markdown, encoding="utf-8")
            compare("PDF prep sheet from the CLI (cold)", cli_pdf,
                    median_ms(command(pandoc, str(md_file), "--pdf-engine=weasyprint",
                                      "-o", str(Path(folder) / "p.pdf")), n),
                    "pandoc --pdf-engine=weasyprint", "-")
        else:
            print("(pandoc not installed: its comparison is skipped)")

    if options.json:
        print(json.dumps({"repeat": n, "python": sys.version.split()[0], "results": rows},
                         indent=2))


if __name__ == "__main__":
    main()
