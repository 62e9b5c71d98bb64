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


def test_prep_sheet_pdf_holds_every_question_on_one_sheet_both_sides(
    nurse_sheet: tuple[ip.Plan, bytes],
) -> None:
    plan, pdf = nurse_sheet
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    text = squash(pdf_text(pdf))
    for planned in (*plan.questions, *plan.closing):
        if planned.item.id == "gen-closing-use-name":  # asked in the referral table's last column
            assert squash("Name OK to mention?") in text
            continue
        assert squash(planned.item.text) in text, planned.item.text
    assert squash("Dana Ortiz") in text and "page1of2" in text


def test_pdf_metadata_and_tagging(nurse_sheet: tuple[ip.Plan, bytes]) -> None:
    _, pdf = nurse_sheet
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    assert reader.metadata.title == "Prep sheet: Registered Nurse, with Dana Ortiz"
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
def test_prep_sheets_fit_their_page_budget(field: str, minutes: int) -> None:
    pdf = ip.prep_sheet(ip.plan_interview(field, "college", minutes)).to_pdf()
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= {15: 2, 30: 3}[minutes]


def test_importing_the_package_does_not_import_weasyprint() -> None:
    code = "import sys, interview_prep; print('weasyprint' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_pdf_engine_fetches_nothing(fetchers: list[object]) -> None:
    from interview_prep.pdf import html_to_pdf
    from interview_prep.render import PageOptions

    page = (
        "<html><head><link rel=stylesheet href='http://127.0.0.1:9/x.css'>"
        "<style>@import url(file:///etc/passwd); body{background:url(https://example.com/a.png)}"
        "</style></head><body><img src='file:///etc/hostname'>"
        "<img src='http://127.0.0.1:9/i.png'><img src='data:image/png;base64,"
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='>"
        "<p>hello</p></body></html>"
    )
    with pytest.warns(ip.RefusedResourceWarning, match="never fetches"):
        pdf = html_to_pdf(page, PageOptions())
    assert "hello" in pdf_text(pdf)
    [fetcher] = fetchers
    refused = fetcher.refused  # type: ignore[attr-defined]
    assert any("127.0.0.1" in url for url in refused)
    assert any(url.startswith("file:") for url in refused)
    assert any("example.com" in url for url in refused)
    assert not any(url.startswith("data:") for url in refused)


def _documents() -> dict[str, tuple[ip.Document, int, list[str]]]:
    from datetime import date, datetime

    plan = ip.plan_interview("nurse", "college", 30)
    sender = ip.Sender("Alex Kim", "Lakeside Community College", "college", "a@example.edu")
    contact = ip.Contact("Dana Ortiz", "ICU nurse", "Mercy General")
    return {
        "script": (ip.interview_script(plan), 2, ["Opening", "Closing asks", "Thanks"]),
        "letter": (
            ip.letter(
                "request",
                "letter",
                field="nurse",
                sender=sender,
                contact=contact,
                today=date(2026, 3, 2),
            ),
            1,
            ["Dear Dana Ortiz", "not asking about jobs", "Best regards"],
        ),
        "email": (
            ip.letter("thank-you", "email", field="nurse", sender=sender, contact=contact),
            1,
            ["Subject: Thank you for your time", "With thanks"],
        ),
        "timeline": (
            ip.timeline(date(2026, 3, 2), datetime(2026, 3, 14, 15, 30)),
            1,
            ["Mon, Mar 9", "Send a thank-you note", "Keep in touch"],
        ),
        "shadow-plan": (
            ip.shadow_plan("electrician", "high-school", 4),
            4,
            ["Before the day", "During the day", "parent or guardian", "Debrief"],
        ),
        "reflection": (
            ip.reflection_sheet(plan, contact),
            2,
            ["Did it make me more curious?", "People I was referred to", "How I did"],
        ),
        "handout": (
            ip.assignment_handout(date(2026, 3, 2), shadow=True),
            2,
            ["Steps and due dates", "How the reflection is marked", "a shadow plan"],
        ),
        "comparison": (
            ip.comparison_sheet(plan, ["Dana Ortiz", "Sam Lee", "Kim Park"]),
            3,
            ["Where they agree", "Kim Park"],
        ),
    }


@pytest.mark.parametrize("name", list(_documents()))
def test_every_document_kind_makes_a_readable_pdf(name: str) -> None:
    document, max_pages, phrases = _documents()[name]
    pdf = document.to_pdf()
    reader = PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= max_pages
    text = squash(pdf_text(pdf))
    for phrase in phrases:
        assert squash(phrase) in text, phrase
    assert reader.metadata is not None and reader.metadata.title == document.title


def test_comparison_prints_landscape() -> None:
    plan = ip.plan_interview("nurse", "college", 30)
    pdf = ip.comparison_sheet(plan, ["A", "B"]).to_pdf()
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert float(box.width) > float(box.height)


def test_branding_puts_the_school_and_logo_on_every_page(tmp_path: Path) -> None:
    import base64

    logo = tmp_path / "logo.png"
    logo.write_bytes(
        base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
        )
    )
    css = tmp_path / "school.css"
    css.write_text("h1 { color: #7a1f1f; }", encoding="utf-8")
    brand = ip.Branding(school="Lakeside High School", logo=logo, css=css)
    sheet = ip.prep_sheet(ip.plan_interview("nurse", "college", 30)).branded(brand)
    pdf = sheet.to_pdf()
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        assert "Lakeside High School" in (page.extract_text() or "")
    assert any(
        "/Image" in str(page["/Resources"].get("/XObject", {}).values())
        or page["/Resources"].get("/XObject")
        for page in reader.pages
    )
    assert "#7a1f1f" in sheet.to_html()
    with pytest.raises(ip.OutputError, match="not an image"):
        sheet.branded(ip.Branding(logo=css)).to_pdf()
    with pytest.raises(ip.OutputError, match="cannot read the stylesheet"):
        sheet.branded(ip.Branding(css=tmp_path / "missing.css")).to_pdf()


STAGES = ("high-school", "college", "recent-grad", "career-changer", "returning")


@pytest.mark.parametrize(
    ("cluster", "stage"),
    [
        (cluster.id, STAGES[n % len(STAGES)])
        for n, cluster in enumerate(ip.default_catalog().taxonomy.clusters)
    ],
)
def test_every_cluster_prep_sheet_fits_on_three_pages(cluster: str, stage: str) -> None:
    pdf = ip.prep_sheet(ip.plan_interview(cluster, stage, 30)).to_pdf()
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 3
