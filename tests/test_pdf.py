"""PDFs: checked by their extracted text, page count and metadata, never by bytes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

import interview_prep as ip


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@pytest.fixture(scope="module")
def nurse_sheet() -> tuple[ip.Plan, bytes]:
    plan = ip.plan_interview("nurse", "college", 30)
    contact = ip.Contact("Dana Ortiz", title="ICU nurse", org="Mercy General")
    return plan, ip.prep_sheet(plan, contact).to_pdf()


def test_prep_sheet_pdf_holds_every_question_on_two_pages(
    nurse_sheet: tuple[ip.Plan, bytes],
) -> None:
    plan, pdf = nurse_sheet
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) <= 2
    text = squash(pdf_text(pdf))
    for planned in (*plan.questions, *plan.closing):
        assert squash(planned.item.text) in text, planned.item.text
    assert squash("Dana Ortiz") in text and "page1of2" in text


def test_pdf_metadata_and_tagging(nurse_sheet: tuple[ip.Plan, bytes]) -> None:
    _, pdf = nurse_sheet
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    assert reader.metadata.title == "Prep sheet: Registered Nurse"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdftotext_reads_it_cleanly(nurse_sheet: tuple[ip.Plan, bytes], tmp_path: Path) -> None:
    plan, pdf = nurse_sheet
    path = tmp_path / "prep.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    assert result.stderr == ""
    flat = " ".join(result.stdout.split())
    assert "Prep sheet: Registered Nurse" in flat
    assert "Closing asks" in flat
    first = plan.questions[0].item.text
    assert " ".join(first.split()[:5]) in flat


def test_a4_paper_changes_the_page_size() -> None:
    sheet = ip.prep_sheet(ip.plan_interview("nurse", "college", 30))
    letter = PdfReader(io.BytesIO(sheet.to_pdf())).pages[0].mediabox
    a4 = PdfReader(io.BytesIO(sheet.to_pdf(paper="a4"))).pages[0].mediabox
    assert round(float(letter.width)) == 612 and round(float(letter.height)) == 792
    assert round(float(a4.width)) == 595 and round(float(a4.height)) == 842


@pytest.mark.parametrize("minutes", [15, 30])
@pytest.mark.parametrize("field", ["electrician", "software developer", "chef", "Education"])
def test_prep_sheets_fit_on_two_pages(field: str, minutes: int) -> None:
    pdf = ip.prep_sheet(ip.plan_interview(field, "college", minutes)).to_pdf()
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 2


def test_importing_the_package_does_not_import_weasyprint() -> None:
    code = "import sys, interview_prep; print('weasyprint' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_pdf_engine_fetches_nothing_it_was_not_given() -> None:
    from interview_prep.render import PageOptions, html_to_pdf

    page = (
        "<html><head><link rel=stylesheet href='http://127.0.0.1:9/x.css'>"
        "<style>@import url(file:///etc/passwd); body{background:url(https://example.com/a.png)}"
        "</style></head><body><img src='file:///etc/hostname'>"
        "<img src='http://127.0.0.1:9/i.png'><p>hello</p></body></html>"
    )
    refused: list[str] = []
    import interview_prep.render as render

    original = render._fetcher

    def watching(files: object) -> object:
        fetcher = original(files)  # type: ignore[arg-type]
        real = fetcher.fetch

        def fetch(url: str, headers: object = None) -> object:
            refused.append(url)
            return real(url, headers)

        fetcher.fetch = fetch
        return fetcher

    render._fetcher = watching  # type: ignore[assignment]
    try:
        pdf = html_to_pdf(page, PageOptions())
    finally:
        render._fetcher = original
    assert "hello" in pdf_text(pdf)
    assert any("127.0.0.1" in url for url in refused)
    assert any(url.startswith("file:") for url in refused)
