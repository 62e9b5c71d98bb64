"""Round 6 on screen and the handout (fifth review #5, #6): the handout is a sheet to fill on
screen (Name, Class and My plan as labeled fields, a box for the questions), every screen
page's Name/Date/Class lines are fields, and the shadow handout's title and Safety bullet
leave no word alone on a line; its My plan has lines to write on, as the plain one has."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

import interview_prep as ip

from .browser import axe_violations, show

WHEN = datetime(2026, 12, 14, 15, 30)
DANA = ip.Contact("Dana Ortiz", title="ICU charge nurse", org="Mercy General Hospital")
PLAN = ip.plan_interview("nurse", "college", 30, seed=1)
DOCUMENTS = {
    "handout": ip.assignment_handout(date(2026, 12, 7), course="Careers 10"),
    "handout-shadow": ip.assignment_handout(date(2026, 12, 7), shadow=True),
    "prep30": ip.prep_sheet(PLAN, DANA, ip.Meeting(WHEN, "Mercy General", "in-person")),
}
SEEN = """
const box = el => el.getBoundingClientRect();
return [...document.querySelectorAll('main input[type="text"], main textarea')]
  .filter(f => !f.closest('td')).map(f => {
    const label = document.getElementById(f.getAttribute('aria-labelledby'));
    const l = box(label), b = box(f);
    return {label: label.textContent.trim(), labelHeight: l.height,
      lineHeight: parseFloat(getComputedStyle(label).lineHeight) || 24,
      beside: l.right <= b.left + 1
        && Math.abs((l.top + l.bottom) / 2 - (b.top + b.bottom) / 2) < 8,
      width: b.width, height: b.height, right: b.right, tag: f.tagName};
  });"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("round6")
    paths = {}
    for name, document in DOCUMENTS.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(document.to_html(), encoding="utf-8")
    return paths


@pytest.mark.parametrize("name", ["handout", "handout-shadow"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_handout_is_filled_on_screen(
    browser: Any, pages: dict[str, Path], name: str, width: int
) -> None:
    from selenium.webdriver.common.by import By

    show(browser, pages[name], width)
    seen = browser.execute_script(SEEN)
    labels = [field["label"] for field in seen]
    assert labels[:4] == ["Name:", "Class:", "Field:", "Who I will ask:"]
    assert labels[4] == "What I hope to learn:"
    assert labels[5].startswith("Start here")  # the questions' box, under its heading
    assert [field["tag"] for field in seen] == ["INPUT"] * 4 + ["TEXTAREA"] * 2
    for field in seen[:4]:  # a label on one line, beside its field, in the page's width
        assert field["labelHeight"] < 1.5 * field["lineHeight"], field
        assert field["beside"] and field["width"] >= 90 and field["right"] <= width, field
    assert all(field["height"] >= 36 for field in seen)
    fields = [
        field
        for field in browser.find_elements(
            By.CSS_SELECTOR, "main input[type='text'], main textarea"
        )
        if not browser.execute_script("return !!arguments[0].closest('td')", field)
    ]
    for number, field in enumerate(fields):
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
        field.send_keys(f"Jo {number}")
    assert [field.get_attribute("value") for field in fields] == [f"Jo {n}" for n in range(6)]
    assert not browser.find_elements(By.CSS_SELECTOR, "main td input, main td textarea")
    assert axe_violations(browser) == []


@pytest.mark.parametrize("width", [390, 1280])
def test_a_prep_sheets_name_line_is_a_field(
    browser: Any, pages: dict[str, Path], width: int
) -> None:
    show(browser, pages["prep30"], width)
    lines = [field for field in browser.execute_script(SEEN) if field["tag"] == "INPUT"]
    assert lines and all(f["beside"] and f["labelHeight"] < 1.5 * f["lineHeight"] for f in lines)
    assert any(field["label"].startswith("Name") for field in lines)


def test_the_pdf_keeps_the_printed_lines() -> None:
    from interview_prep.render import PageOptions, html_page

    page = html_page(DOCUMENTS["handout"].source, PageOptions(kind="handout"))
    assert "<input" not in page and "<textarea" not in page


@pytest.fixture(scope="module")
def shadow_pdf() -> list[list[str]]:
    with pdfplumber.open(io.BytesIO(DOCUMENTS["handout-shadow"].to_pdf())) as pdf:
        return [(page.extract_text() or "").splitlines() for page in pdf.pages]


def test_the_shadow_handouts_title_keeps_two_words_on_its_last_line(
    shadow_pdf: list[list[str]],
) -> None:
    assert len(shadow_pdf) == 2
    first = shadow_pdf[0]
    assert first[0].startswith("Assignment:")
    assert first[1].replace("\u00a0", " ") == "informational interview"


def test_the_shadow_handouts_safety_bullet_ends_on_more_than_two_words(
    shadow_pdf: list[list[str]],
) -> None:
    lines = [line.strip() for page in shadow_pdf for line in page]
    safety = next(index for index, line in enumerate(lines) if "Safety." in line)
    bullet = [lines[safety]]
    for line in lines[safety + 1 :]:
        if line.startswith("•") or "Page " in line:
            break
        bullet.append(line)
    assert len(bullet) > 1 and len(bullet[-1].split()) > 2, bullet  # once "you may." alone
    paragraphs = lines[: lines.index("Steps and due dates")]  # above the first table
    assert all(len(line.split()) > 1 for line in paragraphs[1:]), paragraphs


def test_the_shadow_handouts_plan_has_lines_to_write_on() -> None:
    for document in DOCUMENTS.values():
        if document.kind == "handout":
            after = document.source.split("What I hope to learn")[1]
            assert "::: notes" in after.split("##")[0]
