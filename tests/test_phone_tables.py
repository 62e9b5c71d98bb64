"""Wide tables on a phone, in Chromium: at 390 px each row is a card (its first cell the title,
each other cell led by its column's header), nothing scrolls sideways, no word breaks, and
axe-core finds nothing serious; at 1280 px the tables stay tables; paper never changes."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

import interview_prep as ip
from interview_prep.pdf import html_to_pdf
from interview_prep.render import PageOptions, html_page, markdown_to_html

from .browser import SERIOUS, axe_violations, show

WHEN = datetime(2026, 12, 14, 15, 30)
DANA = ip.Contact("Dana Ortiz", title="ICU charge nurse", org="Mercy General Hospital")


def _documents() -> dict[str, ip.Document]:
    plan = ip.plan_interview("nurse", "college", 30, seed=1)
    return {
        "handout": ip.assignment_handout(date(2026, 12, 7), course="Careers 10"),
        "handout-shadow": ip.assignment_handout(date(2026, 12, 7), shadow=True),
        "timeline": ip.timeline(date(2026, 12, 1), WHEN, contact=DANA),
        "compare3": ip.comparison_sheet(plan, ["Dana Ortiz", "Sam Lee", "Priya Patel"]),
        "reflection": ip.reflection_sheet(plan, DANA, ip.Meeting(WHEN, "Mercy"), learner="Alex"),
    }


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("phone")
    paths = {}
    for name, document in _documents().items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(document.to_html(), encoding="utf-8")
    return paths


# the wide tables: every table but a sheet's first (label, value) meeting table
CARDS = """
const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
const all = [...document.querySelectorAll('main table')];
const tables = all.filter(t => !t.closest('.doc-reflection') || t === all[all.length - 1]);
const result = {width: innerWidth, page: document.documentElement.scrollWidth, tables: []};
for (const table of tables) {
  const headers = [...table.querySelectorAll('thead th, thead td')].map(h => h.textContent.trim());
  const scrolls = [];
  for (let e = table; e && e !== document.body; e = e.parentElement)
    if (e.scrollWidth > e.clientWidth + 1) scrolls.push(e.tagName);
  for (const e of table.querySelectorAll('tbody, tbody *'))  // thead: hidden, clipped
    if (shown(e) && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) scrolls.push(e.tagName);
  const head = table.querySelector('thead').getBoundingClientRect();
  const rows = [...table.querySelectorAll('tbody tr')].map(tr => {
    const cells = [...tr.children].map((td, column) => {
      const before = getComputedStyle(td, '::before').content;
      const box = td.getBoundingClientRect();
      const style = getComputedStyle(td);
      const inner = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const words = [], broken = [];
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        for (const match of node.textContent.matchAll(/[^\\s\u2010-]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const rects = [...range.getClientRects()];
          const tops = new Set(rects.map(r => Math.round(r.top)));
          const wide = range.getBoundingClientRect().width;
          if (tops.size > 1 || wide > inner + 1) broken.push(match[0]);
          words.push(match[0]);
        }
      return {shown: shown(td), column, header: headers[column],
              label: td.dataset.label ?? null, before, text: td.innerText.trim(),
              input: !!td.querySelector('input, textarea'), broken, width: box.width,
              left: box.left, right: box.right, bold: style.fontWeight};
    });
    return cells;
  });
  result.tables.push({scrolls, rows, headers, right: table.getBoundingClientRect().right,
                      width: table.getBoundingClientRect().width,
                      head: {width: head.width, height: head.height,
                             display: getComputedStyle(table.querySelector('thead')).display}});
}
return result;
"""


def _label(before: str) -> str | None:
    """The text of a ``::before`` content value (``"Hand in: "`` -> ``Hand in``)."""
    if before in ("none", "normal", ""):
        return None
    return before.strip('"').removesuffix(": ")


@pytest.mark.parametrize("name", sorted(_documents()))
def test_on_a_phone_each_row_is_a_card_of_labeled_cells(
    browser: Any, pages: dict[str, Path], name: str
) -> None:
    show(browser, pages[name], 390)
    seen = browser.execute_script(CARDS)
    assert seen["page"] <= seen["width"]
    assert seen["tables"]
    for table in seen["tables"]:
        assert table["scrolls"] == []  # no table, wrapper or cell scrolls sideways
        assert table["right"] <= seen["width"]
        # the header row is hidden from sight only: screen readers still have it
        assert table["head"]["display"] != "none"
        assert table["head"]["width"] <= 1 and table["head"]["height"] <= 1
        for row in table["rows"]:
            shown = [cell for cell in row if cell["shown"]]
            assert shown, "a card with nothing in it"
            for cell in shown:
                assert cell["broken"] == []  # every word whole, inside its cell
                assert cell["right"] <= seen["width"]
                assert cell["width"] >= table["width"] - 1  # stacked, the card's full width
                assert cell["label"] == cell["header"]
                label = _label(cell["before"])
                if cell["column"] == 0 and not cell["input"]:
                    assert label is None and int(cell["bold"]) >= 700  # the card's title
                else:
                    assert label == cell["header"]
            for cell in row:
                if not cell["shown"]:  # only what was left blank for paper is left out
                    assert cell["text"] in ("", "☐") and not cell["input"]


def test_the_paper_only_cells_leave_the_phone(browser: Any, pages: dict[str, Path]) -> None:
    show(browser, pages["timeline"], 390)
    (timeline,) = browser.execute_script(CARDS)["tables"]
    # ticked and noted on screen too (round 5): Done and Notes stay, as fields
    assert [[c["column"] for c in row if c["shown"]] for row in timeline["rows"]] == [
        [0, 1, 2, 3]
    ] * 7
    assert all(cell["input"] for row in timeline["rows"] for cell in row[2:])
    show(browser, pages["compare3"], 390)
    (compare,) = browser.execute_script(CARDS)["tables"]
    for row in compare["rows"]:  # written on screen: the question, then a field per person
        assert [c["column"] for c in row if c["shown"]] == [0, 1, 2, 3]
        assert [c["input"] for c in row] == [False, True, True, True]
    show(browser, pages["reflection"], 390)
    (people,) = browser.execute_script(CARDS)["tables"]
    for row in people["rows"]:  # a sheet to fill on screen keeps every field, labeled
        assert all(cell["shown"] for cell in row)
        assert [c["input"] for c in row] == [True, True, True, True]  # yes / no: radios
        assert [_label(c["before"]) for c in row] == people["headers"]


def test_the_rubric_total_reads_as_a_card(browser: Any, pages: dict[str, Path]) -> None:
    show(browser, pages["handout"], 390)
    rubric = browser.execute_script(CARDS)["tables"][-1]
    total = [cell for cell in rubric["rows"][-1] if cell["shown"]]
    assert [(_label(c["before"]), c["text"]) for c in total] == [(None, "Total"), ("Score", "/20")]
    assert rubric["headers"][0] == "Criterion" and len(rubric["rows"]) == 6


@pytest.mark.parametrize("name", sorted(_documents()))
def test_axe_finds_nothing_serious_on_a_phone(
    browser: Any, pages: dict[str, Path], name: str
) -> None:
    show(browser, pages[name], 390)
    serious = [v for v in axe_violations(browser) if v["impact"] in SERIOUS]
    assert serious == []


@pytest.mark.parametrize("name", ["handout", "timeline", "compare3", "reflection"])
def test_above_40rem_tables_stay_tables(browser: Any, pages: dict[str, Path], name: str) -> None:
    show(browser, pages[name], 1280)
    seen = browser.execute_script(
        "return [...document.querySelectorAll('main table')].map(t => ({"
        " display: getComputedStyle(t).display,"
        " head: t.querySelector('thead').getBoundingClientRect().height,"
        " cells: [...t.querySelectorAll('td')].map(td => getComputedStyle(td).display),"
        " before: [...t.querySelectorAll('td')].map(td =>"
        "   getComputedStyle(td, '::before').content)}))"
    )
    for table in seen:
        assert table["display"] == "table" and table["head"] > 10
        assert set(table["cells"]) == {"table-cell"}
        assert set(table["before"]) <= {"none", "normal"}


def test_each_body_cell_carries_its_columns_plain_header_escaped() -> None:
    markdown = '| <b>"x"</b> | **Hand** in `now` | |\n|---|---|---|\n| a | b | c |\n| only |\n'
    html = markdown_to_html(markdown)
    assert '<td data-label="&lt;b&gt;&quot;x&quot;&lt;/b&gt;">a</td>' in html
    assert '<td data-label="Hand in now">b</td>' in html
    assert "<td>c</td>" in html  # a column without a header has no label
    assert '<td data-label="Hand in now"></td>' in html  # a short row's filled-in cell
    assert "data-label" not in html.split("<tbody>")[0]  # header cells are not labeled
    fillable = markdown_to_html("| Name | When |\n|---|---|\n| | |\n", fillable=True)
    assert re.search(r'<td data-label="Name"><input type="text"[^>]*aria-labelledby', fillable)


def test_the_labels_leave_the_pdf_unchanged() -> None:
    """The attribute is for the screen: the handout's PDF is the same byte for byte."""
    document = ip.assignment_handout(date(2026, 12, 7), course="Careers 10")
    options = PageOptions(title="Handout", kind="handout")
    page = html_page(document.source, options)
    assert page.count("data-label=") >= 30
    bare = re.sub(r' data-label="[^"]*"', "", page)
    assert html_to_pdf(page, options) == html_to_pdf(bare, options)
