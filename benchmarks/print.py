"""What the print layout costs: a warm prep sheet against WeasyPrint alone on the same page.

    .venv/bin/python benchmarks/print.py [--repeat N]

In one process, after a warm-up, ``Document.to_pdf()`` of a 30-minute prep sheet (Markdown to
HTML, the page-fill estimate, the layout, the PDF) and WeasyPrint alone rendering the final HTML
that layout used (same options: tagged PDF, form fields) run alternately N times (12 by
default); the figure is the median of the per-pair CPU-time ratios. Target: at most 1.15x.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
import warnings
from collections.abc import Callable
from datetime import datetime

TARGET = 1.15


def prep_sheet_ratio(repeat: int = 12) -> dict[str, float]:
    """Median CPU seconds of a warm prep sheet and of WeasyPrint alone, and their ratio."""
    from dataclasses import replace

    import interview_prep as ip
    from interview_prep.pdf import _font_config, import_weasyprint, laid_out_html
    from interview_prep.render import html_page

    warnings.simplefilter("ignore")
    plan = ip.plan_interview("nurse", "college", 30, seed=1)
    contact = ip.Contact("Dana Ortiz", "ICU charge nurse", "Mercy General Hospital")
    meeting = ip.Meeting(datetime(2026, 12, 14, 15, 30), "Mercy General Hospital", "in-person")
    sheet = ip.prep_sheet(plan, contact, meeting, learner="Alex Kim")
    options = replace(sheet._options(None), fillable=True)
    final = laid_out_html(html_page(sheet.source, options), options)
    weasyprint = import_weasyprint()

    def ours() -> None:
        sheet.to_pdf()

    def alone() -> None:
        weasyprint.HTML(string=final).write_pdf(
            font_config=_font_config(), pdf_variant="pdf/ua-1", pdf_forms=True
        )

    def timed(run: Callable[[], None]) -> float:
        gc.collect()  # each run pays for its own garbage, not the other's
        start = time.process_time()
        run()
        return time.process_time() - start

    ours(), alone()  # warm: fonts, caches, imports
    pairs = [(timed(ours), timed(alone)) for _ in range(repeat)]
    return {
        "ours": statistics.median(a for a, _ in pairs),
        "alone": statistics.median(b for _, b in pairs),
        "ratio": statistics.median(a / b for a, b in pairs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=12)
    figures = prep_sheet_ratio(parser.parse_args().repeat)
    print(
        f"{'warm 30-minute prep sheet (to_pdf)':<46} vs {'WeasyPrint alone, same HTML':<30} "
        f"CPU {figures['ratio']:5.2f}x  ({figures['ours']:.3f} s vs {figures['alone']:.3f} s; "
        f"target <= {TARGET})"
    )


if __name__ == "__main__":
    main()
