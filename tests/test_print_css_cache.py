"""The print stylesheet is parsed once per thread and joins each PDF as a user stylesheet:
the pages come out exactly as they did with it inline, the page's own rules still win."""

from __future__ import annotations

import io

import pdfplumber
import pytest

import interview_prep as ip
from interview_prep import pdf as pdf_engine
from interview_prep import render


def _marks(pdf: bytes) -> list[list[tuple[object, ...]]]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [
            [
                (round(c["x0"], 2), round(c["top"], 2), c["text"], round(c["size"], 2))
                for c in page.chars
            ]
            + [(round(r["x0"], 2), round(r["top"], 2), round(r["width"], 2)) for r in page.rects]
            for page in document.pages
        ]


@pytest.fixture(scope="module")
def branded(tmp_path_factory: pytest.TempPathFactory) -> ip.Document:
    logo = tmp_path_factory.mktemp("logo") / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', "utf-8")
    plan = ip.plan_interview("nurse", "college", 30, seed=1)
    sheet = ip.prep_sheet(plan, learner="Alex Kim")
    return sheet.branded(ip.Branding("Lakeside Community College", logo))


def test_a_pdf_with_the_shared_stylesheet_matches_one_with_it_inline(
    branded: ip.Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = branded.to_pdf(paper="a4")
    monkeypatch.setattr(pdf_engine, "_shared_print_css", lambda page: (page, []))
    inline = branded.to_pdf(paper="a4")
    assert _marks(shared) == _marks(inline)
    with pdfplumber.open(io.BytesIO(shared)) as document:
        assert round(document.pages[0].width) == 595  # the page's own A4 rule won


def test_the_stylesheet_is_parsed_once_per_thread() -> None:
    page = render.html_page("# Title\n\nText.\n", render.PageOptions(title="t"))
    stripped, first = pdf_engine._shared_print_css(page)
    _, second = pdf_engine._shared_print_css(page)
    assert first and first[0] is second[0]
    assert render.stylesheet()[:200] not in stripped
    assert pdf_engine._shared_print_css("<p>no style</p>") == ("<p>no style</p>", [])
