"""Round 5 on screen (fourth review #1, #5, #10, #11), in Chromium at 390 and 1280 px: a prep
sheet's and a shadow plan's referral table, the timeline, the reflection's choices and date
blank, and the comparison's cells are fields to type into, labeled, on a phone and a desk."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

import interview_prep as ip
from interview_prep.render import PageOptions, html_page

from .browser import axe_violations, show

WHEN = datetime(2026, 12, 14, 15, 30)
DANA = ip.Contact("Dana Ortiz", title="ICU charge nurse", org="Mercy General Hospital")
MEETING = ip.Meeting(WHEN, "Mercy General Hospital, 4th floor", "in-person")
PLAN = ip.plan_interview("nurse", "college", 30, seed=1)
DOCUMENTS = {
    "prep30": ip.prep_sheet(PLAN, DANA, MEETING, learner="Alex Kim"),
    "shadow3": ip.shadow_plan(
        "nurse", "college", 3, contact=DANA, meeting=ip.Meeting(datetime(2026, 12, 14, 7)), seed=1
    ),
    "compare3": ip.comparison_sheet(PLAN, ["Dana Ortiz", "Sam Lee", "Priya Patel"]),
    "reflection": ip.reflection_sheet(PLAN, DANA, MEETING, learner="Alex Kim"),
    "timeline": ip.timeline(date(2026, 12, 1), WHEN, contact=DANA),
}
NAME = """const name = el => (el.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
  .map(id => document.getElementById(id).textContent.trim()).join(' ');
const box = el => { const r = el.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height,
          width: r.width, shown: r.width > 0 && r.height > 0 &&
          getComputedStyle(el).visibility !== 'hidden'}; };"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("round5")
    paths = {}
    for name, document in DOCUMENTS.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(document.to_html(), encoding="utf-8")
    return paths


def _type_and_read(driver: Any, css: str, words: str) -> list[str]:
    """Type into every field matching ``css``; what each one holds afterwards."""
    from selenium.webdriver.common.by import By

    fields = driver.find_elements(By.CSS_SELECTOR, css)
    for number, field in enumerate(fields):
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
        field.send_keys(f"{words} {number}")
    return [str(field.get_attribute("value")) for field in fields]


# --- #1: the referral table ------------------------------------------------------------------

REFERRAL = (
    NAME
    + """
const table = [...document.querySelectorAll('main li table')].pop();
const th = table.querySelector('th');
return {
  header: {size: parseFloat(getComputedStyle(th).fontSize), ...box(th)}, head: box(table.tHead),
  cells: [...table.querySelectorAll('tbody td')].map(td => {
    const field = td.querySelector('input[type="text"], [role="radiogroup"]');
    const radios = [...td.querySelectorAll('input[type="radio"]')];
    return {label: td.dataset.label, shown: box(td).shown,
      shownLabel: getComputedStyle(td, '::before').content,
      size: parseFloat(getComputedStyle(td).fontSize),
      field: field && name(field), fieldBox: field && box(field),
      radios: radios.map(r => r.closest('label').textContent.trim())};
  }),
  text: table.querySelector('tbody').innerText,
};"""
)


@pytest.mark.parametrize("name", ["prep30", "shadow3"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_referral_table_is_a_table_to_fill_on_screen(
    browser: Any, pages: dict[str, Path], name: str, width: int
) -> None:
    show(browser, pages[name], width)
    seen = browser.execute_script(REFERRAL)
    assert len(seen["cells"]) == 8  # two rows of four
    headers = ["Name", "Role", "How to reach them", "Name OK to mention?"]
    for cell, header in zip(seen["cells"], headers * 2, strict=True):
        assert cell["shown"] and cell["field"] == header and cell["label"] == header
        assert cell["size"] >= 15.5  # body size, not print's 9.5 pt
        assert cell["fieldBox"]["shown"]
    assert [cell["radios"] for cell in seen["cells"][3::4]] == [["yes", "no"]] * 2
    assert "yes / no" not in seen["text"]
    if width == 390:  # a card a row: the header row hidden, each field led by its column
        assert seen["head"]["height"] <= 1
        assert all(
            header in cell["shownLabel"]
            for cell, header in zip(seen["cells"], headers * 2, strict=True)
        )
    else:
        assert seen["header"]["size"] >= 15.5
        assert all(cell["fieldBox"]["width"] >= 80 for cell in seen["cells"])
    typed = _type_and_read(browser, "main li table input[type='text']", "Jo")
    assert typed == [f"Jo {number}" for number in range(6)]
    from selenium.webdriver.common.by import By

    radios = browser.find_elements(By.CSS_SELECTOR, "main li table input[type='radio']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", radios[0])
    radios[0].click()
    assert radios[0].is_selected() and not radios[1].is_selected()
    assert axe_violations(browser) == []


def test_the_pdf_keeps_the_printed_yes_no_and_boxes() -> None:
    for name, kind in (("prep30", "prep-sheet"), ("timeline", "timeline")):
        page = html_page(DOCUMENTS[name].source, PageOptions(kind=kind, fillable=True))
        page = page[page.index("<main") :]
        assert 'class="yes-no"' not in page and '"Done"><input' not in page
    assert "yes / no" in html_page(DOCUMENTS["prep30"].source, PageOptions(kind="prep-sheet"))
    assert "☐" in html_page(DOCUMENTS["timeline"].source, PageOptions(kind="timeline"))


# --- #5: the timeline ------------------------------------------------------------------------

TIMELINE = (
    NAME
    + """
return [...document.querySelectorAll('main table tbody tr')].map(tr => {
  const tick = tr.querySelector('input[type="checkbox"]');
  const notes = tr.querySelector('textarea');
  return {step: tr.cells[1].querySelector('strong').textContent,
    tick: tick && name(tick), tickBox: tick && box(tick),
    notes: notes && name(notes), notesBox: notes && box(notes)};
});"""
)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_timeline_has_a_box_to_tick_and_notes_on_every_step(
    browser: Any, pages: dict[str, Path], width: int
) -> None:
    show(browser, pages["timeline"], width)
    rows = browser.execute_script(TIMELINE)
    assert len(rows) >= 4
    for row in rows:
        assert row["tick"].startswith("Done") and row["step"] in row["tick"]
        assert row["notes"].startswith("Notes") and row["step"] in row["notes"]
        assert row["tickBox"]["shown"] and row["tickBox"]["width"] >= 18
        assert row["notesBox"]["shown"] and row["notesBox"]["height"] >= 60
        if width == 390:
            assert row["notesBox"]["width"] >= 300
    typed = _type_and_read(browser, "main table textarea", "Sent")
    assert typed == [f"Sent {number}" for number in range(len(rows))]
    from selenium.webdriver.common.by import By

    ticks = browser.find_elements(By.CSS_SELECTOR, "main table input[type='checkbox']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", ticks[1])
    ticks[1].click()
    assert [tick.is_selected() for tick in ticks[:3]] == [False, True, False]
    notes = browser.find_elements(By.CSS_SELECTOR, "main > div.writing textarea")
    assert len(notes) == 1 and notes[0].get_attribute("aria-labelledby")
    assert axe_violations(browser) == []


# --- #10: the reflection's choices and date on a phone -----------------------------------------

CHOICES = (
    NAME
    + """
const items = [...document.querySelectorAll('div.choices li')].map(li => {
  const radio = li.querySelector('input[type="radio"]');
  const range = document.createRange(); range.selectNodeContents(li.querySelector('label'));
  const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
  return {radio: box(radio), li: box(li), lines: [...lines]};
});
const blank = document.querySelector('li.task-list-item input.blank');
const words = document.getElementById(blank.getAttribute('aria-labelledby'));
return {items, blank: {type: blank.type, name: name(blank), ...box(blank)}, words: box(words)};"""
)


def test_the_reflection_keeps_each_choice_whole_and_the_date_on_its_own_line(
    browser: Any, pages: dict[str, Path]
) -> None:
    show(browser, pages["reflection"], 390)
    seen = browser.execute_script(CHOICES)
    assert len(seen["items"]) == 6
    for item in seen["items"]:
        assert item["radio"]["shown"]
        assert item["li"]["height"] <= 32  # the button and its words on one line
        assert item["radio"]["top"] >= item["li"]["top"] - 1
        assert item["radio"]["bottom"] <= item["li"]["bottom"] + 1
    assert seen["blank"]["type"] == "date"
    assert seen["blank"]["name"] == "Date to tell them how things went:"
    assert seen["blank"]["top"] >= seen["words"]["bottom"] - 1  # under its words
    assert seen["blank"]["shown"] and seen["blank"]["height"] >= 30
    from selenium.webdriver.common.by import By

    blank = browser.find_element(By.CSS_SELECTOR, "input.blank")
    browser.execute_script("arguments[0].value = '2027-01-15'", blank)
    assert blank.get_attribute("value") == "2027-01-15"
    assert "____" not in browser.find_element(By.TAG_NAME, "main").text
    assert axe_violations(browser) == []


# --- #11: the comparison's cells ----------------------------------------------------------------

COMPARISON = (
    NAME
    + """
return [...document.querySelectorAll('main table tbody td')].filter(td => td.querySelector(
  'textarea')).map(td => {
  const area = td.querySelector('textarea'); const style = getComputedStyle(td);
  const inner = td.getBoundingClientRect().height - parseFloat(style.paddingTop)
    - parseFloat(style.paddingBottom);
  return {name: name(area), area: box(area), inner,
          line: parseFloat(getComputedStyle(area).lineHeight)};
});"""
)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_comparison_cells_are_text_areas_that_fill_them(
    browser: Any, pages: dict[str, Path], width: int
) -> None:
    show(browser, pages["compare3"], width)
    cells = browser.execute_script(COMPARISON)
    assert len(cells) >= 9
    for cell in cells:
        assert any(person in cell["name"] for person in ("Dana Ortiz", "Sam Lee", "Priya Patel"))
        assert cell["area"]["height"] >= 3 * cell["line"]  # 3 lines a person at least
        if width == 1280:
            assert cell["area"]["height"] >= cell["inner"] - 2  # the field fills its cell
            assert cell["area"]["height"] >= 100
    typed = _type_and_read(browser, "main table textarea", "Long hours")
    assert typed == [f"Long hours {number}" for number in range(len(cells))]
    assert axe_violations(browser) == []
