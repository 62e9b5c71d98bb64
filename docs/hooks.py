"""MkDocs hook: draw the pictures of real pages that the documentation shows.

Before every build, ``on_pre_build`` makes a few documents with the package's Python API,
prints them to PDF and turns the first page of each into ``docs/pictures/<name>.png`` with
poppler's ``pdftoppm``. The documents are made in a fresh Python process that imports the
package from ``src/``, so the pictures always show what the current code prints, also under
``mkdocs serve``. When every picture is newer than every source file of the package (code,
templates, banks) and than this file, nothing is redrawn and the hook returns at once.

Run it by hand with ``python docs/hooks.py``: it redraws every picture.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# name -> what the picture shows; the generator below makes <name>.pdf for each
PICTURES = {
    "prep-sheet": "prep sheet: nurse, college, 30 minutes, with a contact",
    "letter-request": "request letter, email",
    "shadow-plan": "job-shadow plan: electrician, high school, 6 hours",
    "reflection": "reflection sheet: nurse",
    "handout": "teacher's assignment handout, with a job shadow",
}
# name -> what the picture shows: the Word file, printed by LibreOffice as Word users see it
WORD_PICTURES = {
    "word-prep-sheet": "prep sheet in Word: nurse, college, 30 minutes, with a contact",
    "word-handout": "teacher's handout in Word, A4",
    "word-reflection": "reflection sheet in Word",
    "word-comparison": "comparison sheet in Word: three people",
    "word-shadow-plan": "job-shadow plan in Word: electrician, high school, 6 hours",
    "word-letter-request": "request letter in Word",
}
SOURCE_SUFFIXES = (".py", ".j2", ".css", ".yaml", ".yml")
RESOLUTION = "70"  # dots per inch: a page of US Letter becomes 595 x 770 pixels
TIMEOUT = 300  # seconds for making all the PDFs

HOOK = Path(__file__).resolve()
DOCS = HOOK.parent
REPO = DOCS.parent
PACKAGE = REPO / "src" / "interview_prep"


def _newest_source() -> float:
    """The latest modification time among the package's sources (banks included) and this
    hook; compiled files and caches are ignored, since importing writes them."""
    newest = HOOK.stat().st_mtime
    for folder, subfolders, files in os.walk(PACKAGE, followlinks=True):
        subfolders[:] = [s for s in subfolders if not s.startswith((".", "__pycache__"))]
        for name in files:
            if name.endswith(SOURCE_SUFFIXES):
                newest = max(newest, (Path(folder) / name).stat().st_mtime)
    return newest


def _up_to_date(pictures: Path) -> bool:
    targets = [pictures / f"{name}.png" for name in [*PICTURES, *WORD_PICTURES]]
    if not all(target.is_file() for target in targets):
        return False
    oldest = min(target.stat().st_mtime for target in targets)
    return oldest >= _newest_source()


def _make_pdfs(folder: Path) -> None:
    """Make every document as a PDF in ``folder``, in a fresh process on the current code."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, str(HOOK), "--pdfs", str(folder)],
        env=env,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            "making the PDFs for the documentation pictures failed:\n" + result.stderr[-3000:]
        )


def _first_page_png(pdf: Path, target: Path) -> None:
    """Write the first page of ``pdf`` to ``target`` as a PNG, replacing it in one step."""
    stem = target.parent / f".{target.stem}.tmp"
    subprocess.run(
        ["pdftoppm", "-png", "-r", RESOLUTION, "-f", "1", "-l", "1", "-singlefile", pdf, stem],
        check=True,
        capture_output=True,
        timeout=60,
    )
    Path(f"{stem}.png").replace(target)


def draw_pictures(pictures: Path) -> list[str]:
    """Redraw every picture into ``pictures``; returns their names."""
    if shutil.which("pdftoppm") is None:
        raise RuntimeError(
            "the documentation pictures need pdftoppm: apt-get install poppler-utils"
        )
    soffice = shutil.which("soffice")
    if soffice is None:
        raise RuntimeError(
            "the pictures of Word files need LibreOffice: apt-get install libreoffice-writer-nogui"
        )
    pictures.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="interview-prep-docs-") as temporary:
        folder = Path(temporary)
        _make_pdfs(folder)
        _print_word_files(soffice, folder)
        for name in [*PICTURES, *WORD_PICTURES]:
            _first_page_png(folder / f"{name}.pdf", pictures / f"{name}.png")
    return [*PICTURES, *WORD_PICTURES]


def _print_word_files(soffice: str, folder: Path) -> None:
    """Turn every ``word-*.docx`` in ``folder`` into a PDF beside it, with LibreOffice."""
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'libreoffice').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"{name}.docx") for name in WORD_PICTURES),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError("LibreOffice could not print the Word files:\n" + result.stderr[-3000:])


def on_pre_build(config: Any) -> None:
    """MkDocs event: make sure ``docs/pictures/*.png`` show the current code's pages."""
    import logging

    from mkdocs.exceptions import PluginError

    log = logging.getLogger("mkdocs.hooks.pictures")
    pictures = Path(config["docs_dir"]) / "pictures"
    if _up_to_date(pictures):
        log.debug("pictures are newer than the sources; not redrawn")
        return
    started = time.perf_counter()
    try:
        names = draw_pictures(pictures)
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        raise PluginError(f"docs/hooks.py: {error}") from None
    log.info(
        "drew %d pictures of real pages in %.1f s: %s",
        len(names),
        time.perf_counter() - started,
        ", ".join(names),
    )


def _write_pdfs(folder: Path) -> None:
    """The documents the pictures show, made with the public API (runs in the subprocess)."""
    from datetime import date, datetime

    import interview_prep as ip

    contact = ip.Contact("Dana Ortiz", title="ICU nurse", org="Mercy General")
    meeting = ip.Meeting(datetime(2026, 3, 14, 15, 30), "Mercy General", "in-person")
    plan = ip.plan_interview("nurse", "college", minutes=30)
    ip.prep_sheet(plan, contact, meeting).to_pdf(folder / "prep-sheet.pdf")

    me = ip.Sender("Alex Kim", school="Lakeside Community College", stage="college")
    request = ip.letter(
        "request",
        "email",
        plan=plan,
        sender=me,
        contact=contact,
        referral="Sam Lee",
        follow_up=date(2026, 3, 9),
        today=date(2026, 3, 2),
    )
    request.to_pdf(folder / "letter-request.pdf")

    ip.shadow_plan(
        "electrician",
        "high-school",
        6,
        contact=ip.Contact("Ray Chen", title="Master electrician", org="Chen Electric"),
    ).to_pdf(folder / "shadow-plan.pdf")

    ip.reflection_sheet(plan, contact, meeting).to_pdf(folder / "reflection.pdf")

    handout = ip.assignment_handout(
        date(2026, 2, 23), weeks=4, course="Health Careers 101", teacher="Ms. Rivera", shadow=True
    )
    handout.to_pdf(folder / "handout.pdf")

    ip.prep_sheet(plan, contact, meeting).to_docx(folder / "word-prep-sheet.docx")
    handout.to_docx(folder / "word-handout.docx", paper="a4")
    ip.reflection_sheet(plan, contact).to_docx(folder / "word-reflection.docx")
    ip.comparison_sheet(plan, ["Dana Ortiz", "Sam Lee", "Kim Park"]).to_docx(
        folder / "word-comparison.docx"
    )
    ip.shadow_plan("electrician", "high-school", 6).to_docx(folder / "word-shadow-plan.docx")
    request.to_docx(folder / "word-letter-request.docx")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--pdfs":
        _write_pdfs(Path(sys.argv[2]))
    elif len(sys.argv) == 1:
        print("drew:", ", ".join(draw_pictures(DOCS / "pictures")))
    else:
        sys.exit("usage: python docs/hooks.py  (redraws docs/pictures/*.png)")
