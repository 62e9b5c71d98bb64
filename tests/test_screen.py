"""HTML on screen, in a real browser: axe-core finds nothing serious, type and column read well
at desktop and phone widths, and a school's branding shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import interview_prep as ip

from .browser import SERIOUS, axe_violations, show
from .test_documents import CASES

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
    '<rect width="40" height="40" fill="#123c5a"/></svg>'
)
MEASURE = """
const main = document.querySelector('main');
const probe = document.createElement('span');
probe.textContent = '0'.repeat(100);
probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
main.appendChild(probe);
const ch = probe.getBoundingClientRect().width / 100;
probe.remove();
const style = getComputedStyle(main);
// the running text's measure: its paragraphs' (a page of wide tables is wider than its text)
const paragraphs = [...main.querySelectorAll(':scope > p')].map(p => p.clientWidth);
const text = paragraphs.length ? Math.max(...paragraphs)
  : main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
const sizes = [...main.querySelectorAll('p, li, td, th, em, strong, h1, h2, h3')]
  .filter(e => e.getClientRects().length && e.textContent.trim())
  .map(e => parseFloat(getComputedStyle(e).fontSize));
return {body: parseFloat(getComputedStyle(document.body).fontSize), columns: text / ch,
        smallest: Math.min(...sizes), overflow: document.documentElement.scrollWidth - innerWidth};
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every document kind as an HTML page on disk, and a branded prep sheet."""
    folder = tmp_path_factory.mktemp("html")
    logo = folder / "logo.svg"
    logo.write_text(LOGO, encoding="utf-8")
    documents = {name: make() for name, make in CASES.items()}
    documents["prep-sheet-branded"] = documents["prep-sheet-nurse-college-30"].branded(
        ip.Branding("Lakeside High School", str(logo), None)
    )
    paths = {}
    for name, document in documents.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(document.to_html(), encoding="utf-8")
    return paths


@pytest.mark.parametrize("name", [*sorted(CASES), "prep-sheet-branded"])
def test_every_document_passes_axe_and_reads_well(
    browser: Any, pages: dict[str, Path], name: str
) -> None:
    show(browser, pages[name], 1280)
    violations = axe_violations(browser)
    serious = [v for v in violations if v["impact"] in SERIOUS]
    assert serious == []
    assert violations == []  # none at all today; loosen to `serious` only with a reason
    desktop = browser.execute_script(MEASURE)
    assert desktop["body"] == 16
    assert desktop["smallest"] >= 14
    assert 60 <= desktop["columns"] <= 75
    show(browser, pages[name], 390)
    phone = browser.execute_script(MEASURE)
    assert phone["overflow"] <= 0
    assert phone["body"] == 16 and phone["columns"] >= 30


def test_branding_shows_in_html(browser: Any, pages: dict[str, Path]) -> None:
    show(browser, pages["prep-sheet-branded"], 1280)
    header = browser.execute_script(
        "const h = document.querySelector('header.brand'); const img = h.querySelector('img');"
        "const main = document.querySelector('main h1').getBoundingClientRect();"
        "return {text: h.innerText, alt: img.alt, height: img.getBoundingClientRect().height,"
        " left: img.getBoundingClientRect().left, mainLeft: main.left,"
        " above: h.getBoundingClientRect().bottom <= main.top}"
    )
    assert header["text"].strip() == "Lakeside High School"
    assert header["alt"] == "Lakeside High School logo"
    assert header["height"] >= 40 and header["above"]
    assert abs(header["left"] - header["mainLeft"]) <= 1


def test_screen_styles_and_branding_stay_out_of_the_pdf_page() -> None:
    from interview_prep.render import PageOptions, html_page

    options = PageOptions(title="t", school="Lakeside High School")
    printed = html_page("# t\n", options)
    assert "header" not in printed and "@media screen {\n  html" not in printed
    shown = html_page("# t\n", options, screen=True)
    assert '<header class="brand"><span>Lakeside High School</span></header>' in shown
    assert 'name="viewport"' in shown


def test_table_headers_carry_their_scope() -> None:
    from interview_prep.render import markdown_to_html

    html = markdown_to_html("| Meeting | |\n|---|---|\n| With | Dana |\n")
    assert '<th scope="col">Meeting</th>' in html
    assert "<td></td>" in html.split("</thead>")[0]


SIZES = """
const size = e => parseFloat(getComputedStyle(e).fontSize);
const shown = e => e.getClientRects().length > 0;
const body = size(document.body);
const questions = [...document.querySelectorAll('ol > li')].filter(shown).map(li => {
  const own = li.querySelector(':scope > p > strong, :scope > strong');
  const follow = li.querySelector(':scope > ul > li');
  return own ? [size(own), follow ? size(follow) : 0] : null;
}).filter(Boolean);
const headings = [...document.querySelectorAll('main h2, main h3')].filter(shown).map(size);
const dashed = [...document.querySelectorAll('main *')]
  .filter(e => shown(e) && getComputedStyle(e).borderBottomStyle === 'dashed').length;
const rules = [...document.querySelectorAll('div.writing .rule')].filter(shown).length;
return {body, questions, headings, dashed, rules};
"""


@pytest.mark.parametrize("name", sorted(CASES))
def test_print_sizes_never_leak_to_the_screen(
    browser: Any, pages: dict[str, Path], name: str
) -> None:
    show(browser, pages[name], 1280)
    seen = browser.execute_script(SIZES)
    for question, follow_up in seen["questions"]:
        assert question >= follow_up and question >= seen["body"]
    assert all(size > seen["body"] for size in seen["headings"])
    assert seen["dashed"] == 0 and seen["rules"] == 0  # ruled writing space is for paper


PHONE = """
const shown = e => e.getClientRects().length > 0;
const columns = [...document.querySelectorAll('div.checklist')].filter(shown)
  .map(e => getComputedStyle(e).columnCount);
const table = document.querySelector('main table');
const cells = table ? [...table.querySelectorAll('td')].filter(e => e.textContent.trim())
  .map(e => ({width: e.getBoundingClientRect().width, right: e.getBoundingClientRect().right,
              lines: Math.round(e.getBoundingClientRect().height
                                / parseFloat(getComputedStyle(e).lineHeight))})) : [];
return {columns, cells, width: innerWidth};
"""


@pytest.mark.parametrize(
    "name",
    [
        "prep-sheet-nurse-college-30",
        "prep-sheet-electrician-career-changer-20-blank",
        "shadow-plan-electrician-high-school-6h",
        "reflection-nurse",
    ],
)
def test_on_a_phone_checklists_run_in_one_column_and_the_meeting_table_reads(
    browser: Any, pages: dict[str, Path], name: str
) -> None:
    show(browser, pages[name], 390)
    phone = browser.execute_script(PHONE)
    assert phone["columns"] and all(count in ("1", "auto") for count in phone["columns"])
    assert phone["cells"]
    for cell in phone["cells"]:
        assert cell["right"] <= phone["width"]
        assert cell["width"] >= phone["width"] * 0.7  # label over value, each the full width
        assert cell["lines"] <= 2


TABLE_WORDS = """
const broken = [], overlaps = [];
for (const cell of document.querySelectorAll('main td, main th')) {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/[^\\s\u2010-]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  if (cell.scrollWidth > cell.clientWidth + 1) overlaps.push(cell.textContent.trim());
}
return {broken, overlaps, overflow: document.documentElement.scrollWidth - innerWidth};
"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(
    "name", ["handout-four-weeks-shadow", "timeline-request-and-meeting", "comparison-nurse-three"]
)
def test_tables_never_break_a_word_or_spill_out_of_their_cells(
    browser: Any, pages: dict[str, Path], name: str, width: int
) -> None:
    show(browser, pages[name], width)
    seen = browser.execute_script(TABLE_WORDS)
    assert seen["broken"] == []  # "Crit erio n", "N o t e s"
    assert seen["overlaps"] == []  # a due date printed over its step
    assert seen["overflow"] <= 0  # a wide table scrolls in its own box, not the page
