"""Round 7 on screen (sixth review #3, #7): a known name and meeting date fill their fields
(still editable), Name, Date and Class start at one left edge, and the comparison's table
and its writing boxes share one column."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

import interview_prep as ip

from .browser import axe_violations, show

ALEX = "Alex Kim"
DANA = ip.Contact("Dana Ortiz", title="ICU charge nurse", org="Mercy General Hospital")
PLAN = ip.plan_interview("nurse", "college", 30, seed=1)
MEETING = ip.Meeting(datetime(2026, 12, 14, 15, 30), "Mercy General Hospital", "in-person")
SHADOW = ip.Meeting(datetime(2026, 12, 14, 7, 0), "Mercy General Hospital")
DOCUMENTS = {
    "timeline": ip.timeline(datetime(2026, 12, 1).date(), MEETING.when, contact=DANA),
    "reflection": ip.reflection_sheet(PLAN, DANA, MEETING, learner=ALEX),
    "shadow3": ip.shadow_plan(
        "nurse", "college", 3, contact=DANA, meeting=SHADOW, learner=ALEX, seed=1
    ),
    "prep30-blank": ip.prep_sheet(PLAN, DANA, MEETING),
    "reflection-blank": ip.reflection_sheet(PLAN),
    "compare3": ip.comparison_sheet(PLAN, ["Dana Ortiz", "Sam Lee", "Priya Patel"]),
    "handout": ip.assignment_handout(datetime(2027, 1, 11).date(), course="Careers 10"),
}
LINES = """
const lists = [...document.querySelectorAll('div.fields ul')];
return [...document.querySelectorAll('div.fields input')].map(f => {
  const b = f.getBoundingClientRect();
  const label = document.getElementById(f.getAttribute('aria-labelledby'));
  return {label: label.textContent.trim(), type: f.type, value: f.value,
    left: b.left, top: b.top, right: b.right, width: b.width,
    list: lists.indexOf(f.closest('ul'))};
});"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("round7screen")
    paths = {}
    for name, document in DOCUMENTS.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(document.to_html(), encoding="utf-8")
    return paths


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", ["reflection", "shadow3"])
def test_a_known_name_and_date_fill_their_fields(
    browser: Any, pages: dict[str, Path], name: str, width: int
) -> None:
    from selenium.webdriver.common.by import By

    show(browser, pages[name], width)
    lines = {line["label"]: line for line in browser.execute_script(LINES)}
    assert lines["Name:"]["value"] == ALEX and lines["Name:"]["type"] == "text"
    assert lines["Date:"]["value"] == "2026-12-14" and lines["Date:"]["type"] == "date"
    if name == "reflection":
        assert lines["Class:"]["value"] == "" and lines["Class:"]["type"] == "text"
    name_field = browser.find_element(By.CSS_SELECTOR, "div.fields input[type='text']")
    name_field.send_keys(" Jr.")  # still editable
    assert name_field.get_attribute("value") == f"{ALEX} Jr."
    assert axe_violations(browser) == []


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", ["reflection", "shadow3", "compare3", "handout", "prep30-blank"])
def test_the_lines_fields_share_one_left_edge(
    browser: Any, pages: dict[str, Path], name: str, width: int
) -> None:
    show(browser, pages[name], width)
    lines = browser.execute_script(LINES)
    columns: dict[tuple[int, int], list[float]] = {}  # a list's fields by place in their row
    rows: dict[int, int] = {}
    for line in lines:
        row = round(line["top"] / 8)
        rows[row] = rows.get(row, 0) + 1
        columns.setdefault((line["list"], rows[row]), []).append(line["left"])
        assert line["right"] <= width - 15 and line["width"] >= 150, line
    assert len(lines) >= 2
    for lefts in columns.values():
        assert max(lefts) - min(lefts) < 1, (name, width, lines)
    if width == 390:  # one field a row: all of a list's fields at one left edge
        assert {place for _, place in columns} == {1}
    if name == "reflection" and width == 1280:
        assert len(columns) == 3  # Name, Date and Class on one row (round 8)


def test_an_unknown_name_or_date_is_an_empty_field(browser: Any, pages: dict[str, Path]) -> None:
    show(browser, pages["reflection-blank"], 390)
    lines = {line["label"]: line for line in browser.execute_script(LINES)}
    assert lines["Name:"]["value"] == lines["Date:"]["value"] == lines["Class:"]["value"] == ""
    assert lines["Date:"]["type"] == "date"


def test_paper_prints_a_known_date_and_a_line_for_an_unknown_one() -> None:
    texts = {}
    for name in ("reflection", "reflection-blank"):
        with pdfplumber.open(io.BytesIO(DOCUMENTS[name].to_pdf())) as pdf:
            texts[name] = (pdf.pages[0].extract_text() or "").splitlines()
    known = next(line for line in texts["reflection"] if line.startswith("Name:"))
    assert known.replace("\u00a0", " ") == "Name: Alex Kim Date: Dec 14, 2026 Class:"
    blank = next(line for line in texts["reflection-blank"] if line.startswith("Name:"))
    assert blank == "Name: Date: Class:"


@pytest.mark.parametrize("name", ["compare3", "handout", "timeline"])
def test_a_wide_tables_page_has_one_left_edge_and_width(
    browser: Any, pages: dict[str, Path], name: str
) -> None:
    show(browser, pages[name], 1280)
    boxes = browser.execute_script(
        "const r = e => e.getBoundingClientRect();"
        "return [...document.querySelectorAll('main table, main h1, main h2, main > p,"
        " main div.writing textarea, main div.fields ul')].map(e => [e.tagName, r(e).left,"
        " r(e).width, e.closest('table') ? (e.querySelector('td, th') || e).textContent : ''])"
    )
    tables = [box for box in boxes if box[0] == "TABLE"]
    assert tables and all(table[2] >= 900 for table in tables)  # wide enough for the columns
    for box in boxes:
        assert abs(box[1] - tables[0][1]) < 1, (box, tables[0])
        if box[0] in ("TEXTAREA", "UL", "TABLE"):
            assert abs(box[2] - tables[0][2]) <= 2, (box, tables[0])
        if box[0] == "P":  # running text keeps a reading measure
            assert box[2] <= 760, box


@pytest.fixture(scope="module")
def kinds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every kind with a screen picture, as scripts/print-pictures makes them."""
    folder = tmp_path_factory.mktemp("round7kinds")
    documents = {
        "prep30": ip.prep_sheet(PLAN, DANA, MEETING, learner=ALEX),
        "script30": ip.interview_script(PLAN, DANA, MEETING, learner=ALEX),
        "letter": ip.letter(
            "thank-you",
            "letter",
            field="nurse",
            contact=DANA,
            meeting=MEETING,
            sender=ip.Sender(ALEX, "Lakeside Community College", "college", "a@example.edu"),
            learned="How a charge nurse plans a shift",
            today=MEETING.when.date(),
        ),
        **{name: DOCUMENTS[name] for name in ("shadow3", "reflection", "compare3", "handout")},
        "timeline": DOCUMENTS["timeline"],
    }
    paths = {}
    for name, document in documents.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(document.to_html(), encoding="utf-8")
    return paths


SCALE = """
const size = s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize);
const h2 = [...document.querySelectorAll('main h2')].map(h => getComputedStyle(h));
return {h1: size('h1'), h2: [...new Set(h2.map(s => s.fontSize))],
  rules: [...new Set(h2.map(s => s.borderBottomColor))],
  lineHeight: parseFloat(getComputedStyle(document.querySelector('main li, main p')).lineHeight)
    / size('main li, main p'),
  wide: document.documentElement.scrollWidth};"""


@pytest.mark.parametrize("width", [390, 1280])
def test_one_type_scale_on_screen(browser: Any, kinds: dict[str, Path], width: int) -> None:
    seen = {}
    for name, path in kinds.items():
        show(browser, path, width)
        seen[name] = browser.execute_script(SCALE)
        assert seen[name]["wide"] <= width, name  # nothing runs off the page
        assert seen[name]["lineHeight"] >= 1.45, name  # text spaced as text (the script too)
    titles = {name: scale["h1"] for name, scale in seen.items() if name != "letter"}
    assert len(set(titles.values())) == 1, titles  # a phone shrinks every title alike
    heads = {name: scale["h2"] for name, scale in seen.items() if scale["h2"]}
    assert all(len(sizes) == 1 for sizes in heads.values()), heads
    assert len({sizes[0] for sizes in heads.values()}) == 1, heads
    rules = {name: scale["rules"] for name, scale in seen.items() if scale["rules"]}
    assert len({color for colors in rules.values() for color in colors}) == 1, rules


QUESTIONS = """
return [...document.querySelectorAll('main ol > li')].filter(li => li.querySelector('em'))
  .map(li => {
    const q = li.querySelector('strong').getBoundingClientRect();
    const t = li.querySelector('em').getBoundingClientRect();
    return t.top >= q.bottom - 1 && Math.abs(t.left - q.left) < 40;
  });"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", ["prep30", "script30", "shadow3"])
def test_a_questions_time_is_on_its_own_line(
    browser: Any, kinds: dict[str, Path], name: str, width: int
) -> None:
    show(browser, kinds[name], width)
    under = browser.execute_script(QUESTIONS)
    assert len(under) >= 4 and all(under), under


GAPS = """
const r = e => e.getBoundingClientRect();
const heads = [...document.querySelectorAll('main h2')].slice(1)
  .map(h => r(h).top - r(h.previousElementSibling).bottom);
const thanks = [...document.querySelectorAll('main ol + p')].map(p => r(p).top
  - r(p.previousElementSibling).bottom);
const rows = table => [...table.querySelectorAll('tbody tr')].map(t => r(t).height);
const columns = [...document.querySelectorAll('div.checklist')].map(list => {
  const items = [...list.querySelectorAll('li')];
  const lefts = [...new Set(items.map(li => Math.round(r(li).left)))];
  return lefts.map(left => r(items.find(li => Math.round(r(li).left) === left)).top);
});
return {heads, thanks, columns, meeting: rows(document.querySelector('main > table'))};"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", ["prep30", "shadow3"])
def test_sections_rows_and_columns_are_spaced_alike(
    browser: Any, kinds: dict[str, Path], name: str, width: int
) -> None:
    show(browser, kinds[name], width)
    gaps = browser.execute_script(GAPS)
    assert max(gaps["heads"]) - min(gaps["heads"]) < 4, gaps["heads"]  # after a list, too
    assert gaps["thanks"] and min(gaps["thanks"]) >= 14, gaps["thanks"]
    for tops in gaps["columns"]:
        assert max(tops) - min(tops) < 1, gaps["columns"]  # two columns start level
    show(browser, kinds["reflection"], width)
    reflection = browser.execute_script(GAPS)["meeting"]
    one_line = min(reflection)
    assert all(height >= one_line - 1 for height in gaps["meeting"]), (gaps, reflection)


def test_ruled_tables_start_on_the_heads_edge(browser: Any, kinds: dict[str, Path]) -> None:
    for name in ("handout", "timeline"):
        show(browser, kinds[name], 1280)
        edges = browser.execute_script(
            "const h = document.querySelector('main h1').getBoundingClientRect().left;"
            "return [...document.querySelectorAll('main table td:first-child')].map(td =>"
            " td.getBoundingClientRect().left + parseFloat(getComputedStyle(td).paddingLeft)"
            " - h);"
        )
        assert edges and all(abs(edge) < 1 for edge in edges), (name, edges)


def test_a_prefilled_name_is_escaped_and_whole() -> None:
    import html.parser

    page = ip.reflection_sheet(PLAN, DANA, MEETING, learner='Jo "JJ" <Lee> & Co').to_html()

    values: list[str | None] = []

    class Fields(html.parser.HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "input" and ("name", "line-field-label-1") in attrs:
                values.append(dict(attrs).get("value"))

    Fields().feed(page)
    assert values == ["Jo \u201cJJ\u201d <Lee> & Co"]  # as the page prints it, curly quotes


@pytest.mark.parametrize("name", ["reflection", "prep30", "handout"])
def test_a_header_rows_heads_stand_on_its_rule(
    browser: Any, kinds: dict[str, Path], name: str
) -> None:
    show(browser, kinds[name], 1280)
    rows = browser.execute_script(
        "return [...document.querySelectorAll('main thead tr')].map(tr =>"
        " [...tr.querySelectorAll('th')].filter(th => th.textContent.trim()).map(th => {"
        "  const range = document.createRange(); range.selectNodeContents(th);"
        "  const rects = [...range.getClientRects()];"
        "  return Math.max(...rects.map(r => r.bottom)); }));"
    )
    assert any(len(row) > 1 for row in rows)
    for bottoms in rows:
        assert max(bottoms) - min(bottoms) < 2, (name, rows)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_referrals_contacted_on_is_a_date_field(
    browser: Any, kinds: dict[str, Path], width: int
) -> None:
    show(browser, kinds["reflection"], width)
    cells = browser.execute_script(
        "return [...document.querySelectorAll('main td input[type=\"date\"]')].map(f => {"
        " const b = f.getBoundingClientRect();"
        " const cell = f.closest('td').getBoundingClientRect();"
        " return {names: f.getAttribute('aria-labelledby').split(' ').map(id =>"
        "  document.getElementById(id).textContent.trim()), width: b.width,"
        "  inside: b.left >= cell.left - 1 && b.right <= cell.right + 1}; });"
    )
    assert len(cells) == 3 and all(cell["names"] == ["Contacted on"] for cell in cells)
    assert all(cell["inside"] and cell["width"] >= 130 for cell in cells), cells
    assert axe_violations(browser) == []


@pytest.mark.parametrize("width", [390, 1280])
def test_every_one_line_field_is_one_height(
    browser: Any, kinds: dict[str, Path], width: int
) -> None:
    show(browser, kinds["reflection"], width)
    heights = browser.execute_script(
        "return [...document.querySelectorAll('main input:is([type=text], [type=date])')]"
        ".map(f => Math.round(f.getBoundingClientRect().height));"
    )
    assert len(heights) >= 8 and max(heights) - min(heights) <= 1, heights


@pytest.mark.parametrize("width", [390, 1280])
def test_a_checklist_items_lines_start_at_one_edge(
    browser: Any, kinds: dict[str, Path], width: int
) -> None:
    show(browser, kinds["prep30"], width)
    ragged = browser.execute_script(
        "return [...document.querySelectorAll('main li.task-list-item')].map(li => {"
        " const range = document.createRange(); range.selectNodeContents(li);"
        " const text = [...li.childNodes].find(n => n.nodeType === 3 && n.data.trim());"
        " range.setStart(text, text.data.search(/\\S/));"  # from the first letter
        " const lines = [...range.getClientRects()].filter(r => r.width > 20 && r.height < 30);"
        " const lefts = lines.map(r => r.left);"
        " return Math.max(...lefts) - Math.min(...lefts); });"
    )
    assert len(ragged) >= 8 and max(ragged) < 1.5, ragged
