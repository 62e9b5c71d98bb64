"""Round 8 on screen (seventh review #6): the script's question boxes are real checkboxes
that print as paper's box, a comparison card's question stands clear of its first label,
and a line of three fields (Name, Date, Class) is one row on a wide screen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import interview_prep as ip

from .browser import axe_violations, show

ALEX = "Alex Kim"
DANA = ip.Contact("Dana Ortiz", title="ICU charge nurse", org="Mercy General Hospital")
PLAN = ip.plan_interview("nurse", "college", 30, seed=1)
MEETING = ip.Meeting(datetime(2026, 12, 14, 15, 30), "Mercy General Hospital", "in-person")
SHADOW = ip.Meeting(datetime(2026, 12, 14, 7, 0), "Mercy General Hospital")
DOCUMENTS = {
    "script30": ip.interview_script(PLAN, DANA, MEETING, learner=ALEX),
    "reflection": ip.reflection_sheet(PLAN, DANA, MEETING, learner=ALEX),
    "shadow3": ip.shadow_plan(
        "nurse", "college", 3, contact=DANA, meeting=SHADOW, learner=ALEX, seed=1
    ),
    "compare3": ip.comparison_sheet(PLAN, ["Dana Ortiz", "Sam Lee", "Priya Patel"]),
    "handout": ip.assignment_handout(datetime(2027, 1, 11).date(), course="Careers 10"),
    "prep30": ip.prep_sheet(PLAN, DANA, MEETING, learner=ALEX),
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("round8screen")
    paths = {}
    for name, document in DOCUMENTS.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(document.to_html(), encoding="utf-8")
    return paths


BOXES = """
return [...document.querySelectorAll('main ol > li')].map(li => {
  const box = li.querySelector(':scope > input');
  const before = getComputedStyle(li, '::before');
  const r = e => e.getBoundingClientRect();
  const words = li.querySelector('strong') || li;
  return {type: box && box.type, shown: box ? getComputedStyle(box).display : 'none',
    drawn: before.display !== 'none' && before.content !== 'none'
      && parseFloat(before.width) > 0,
    name: box && box.getAttribute('aria-labelledby')
      ? document.getElementById(box.getAttribute('aria-labelledby')).textContent.trim() : '',
    words: words.textContent.trim(),
    boxLeft: box ? r(box).left : 0, boxRight: box ? r(box).right : 0,
    boxTop: box ? r(box).top : 0, boxWidth: box ? r(box).width : 0,
    textLeft: r(words).left, textTop: r(words).top};
});"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_scripts_question_boxes_are_checkboxes_on_screen(
    browser: Any, pages: dict[str, Path], width: int
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    show(browser, pages["script30"], width)
    boxes = browser.execute_script(BOXES)
    assert len(boxes) == 10  # eight questions and two closing asks
    for box in boxes:
        assert box["type"] == "checkbox" and box["shown"] != "none", box
        assert not box["drawn"], box  # one box, not a drawn square beside the checkbox
        assert box["name"] == box["words"] and box["name"], box  # named by its question
        assert box["boxWidth"] >= 16, box  # a box a finger or a mouse can hit
        assert box["boxRight"] + 4 <= box["textLeft"] + 20, box  # the box stands clear...
        assert abs(box["boxTop"] - box["textTop"]) < 6, box  # ...on the question's first line
    checkboxes = browser.find_elements(By.CSS_SELECTOR, "main ol > li > input")
    checkboxes[0].click()
    checkboxes[0].send_keys(Keys.TAB)  # the keyboard moves on to the next box and ticks it
    focused = browser.switch_to.active_element
    assert focused.get_attribute("name") == checkboxes[1].get_attribute("name")
    focused.send_keys(Keys.SPACE)
    assert [box.is_selected() for box in checkboxes[:3]] == [True, True, False]
    assert axe_violations(browser) == []


def test_a_printout_of_the_script_page_draws_papers_box(
    browser: Any, pages: dict[str, Path], tmp_path: Path
) -> None:
    paper = tmp_path / "paper.html"
    from interview_prep.render import html_page

    document = DOCUMENTS["script30"]
    paper.write_text(html_page(document.source, document._options(None)), encoding="utf-8")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        seen = {}
        for name, path in (("screen", pages["script30"]), ("paper", paper)):
            show(browser, path, 1280)
            seen[name] = browser.execute_script(BOXES)
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert len(seen["screen"]) == len(seen["paper"]) == 10
    for printed, drawn in zip(seen["screen"], seen["paper"], strict=True):
        assert printed["shown"] == "none" and printed["drawn"] and drawn["drawn"]
        assert abs(printed["textLeft"] - drawn["textLeft"]) < 0.5  # the same box, same place
        assert abs(printed["textTop"] - drawn["textTop"]) < 0.5


def test_the_script_pdf_has_no_form_fields_and_one_page() -> None:
    import io

    import pdfplumber

    pdf_bytes = DOCUMENTS["script30"].to_pdf()
    assert b"/AcroForm" not in pdf_bytes and b"asked-" not in pdf_bytes
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        assert len(pdf.pages) == 1
        boxes = [r for r in pdf.pages[0].rects if 10 < r["width"] < 12 and 10 < r["height"] < 12]
        assert len(boxes) == 10  # paper's 3.8 mm boxes, one a question


@pytest.mark.parametrize("width", [390, 1280])
def test_a_comparison_cards_question_stands_clear_of_its_first_label(
    browser: Any, pages: dict[str, Path], width: int
) -> None:
    show(browser, pages["compare3"], width)
    gaps = browser.execute_script(
        "const r = e => e.getBoundingClientRect(), s = e => getComputedStyle(e);"
        "return [...document.querySelectorAll('main tbody tr')].map(tr => {"
        " const q = tr.cells[0], next = tr.cells[1];"
        " return {question: q.textContent.trim(), stacked: s(q).display === 'block',"
        "  gap: r(next).top + parseFloat(s(next).paddingTop)"
        "   - (r(q).bottom - parseFloat(s(q).paddingBottom)),"
        "  between: r(tr.cells[2]).top + parseFloat(s(tr.cells[2]).paddingTop)"
        "   - r(next.querySelector('textarea')).bottom}; });"
    )
    assert len(gaps) >= 5
    for row in gaps:
        if width == 390:  # a card a question: its question, then each person's label and box
            assert row["stacked"] and 8 <= row["gap"] <= 10, row
            assert row["gap"] <= row["between"] + 1, row  # no wider than between two people
        else:
            assert not row["stacked"], row


FIELDS = """
return [...document.querySelectorAll('div.fields ul')].map(ul =>
  [...ul.querySelectorAll('li')].filter(li => li.querySelector('input')).map(li => {
    const f = li.querySelector('input').getBoundingClientRect();
    const label = li.querySelector('.field-label').getBoundingClientRect();
    return {label: li.querySelector('.field-label').textContent.trim(), top: f.top,
      left: f.left, right: f.right, width: f.width, labelTop: label.top,
      labelRight: label.right, labelHeight: label.height};
  }));"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", ["reflection", "shadow3", "handout", "compare3"])
def test_a_line_of_fields_is_one_row_on_a_wide_screen(
    browser: Any, pages: dict[str, Path], name: str, width: int
) -> None:
    show(browser, pages[name], width)
    lists = browser.execute_script(FIELDS)
    assert lists and all(len(fields) in (2, 3) for fields in lists), lists
    for fields in lists:
        for field in fields:
            assert field["width"] >= 150 and field["right"] <= width - 15, field
            assert field["labelHeight"] < 30, field  # a label on one line
            assert field["labelRight"] <= field["left"], field
        tops = [round(field["top"]) for field in fields]
        if width == 1280:  # Name, Date and Class on one row, left to right
            assert max(tops) - min(tops) < 1, (name, fields)
            lefts = [field["left"] for field in fields]
            assert lefts == sorted(lefts), fields
        else:  # one a row, at one left edge
            assert len(set(tops)) == len(fields), fields
            assert max(f["left"] for f in fields) - min(f["left"] for f in fields) < 1, fields
    if name == "reflection":
        assert [field["label"] for field in lists[0]] == ["Name:", "Date:", "Class:"]
    assert axe_violations(browser) == []


def test_the_prep_sheets_fields_are_in_its_tables(browser: Any, pages: dict[str, Path]) -> None:
    """The prep sheet has no line of fields: its fields are the referral table's cells, which
    stay in their columns at 1280 px and stack at 390 px."""
    for width in (390, 1280):
        show(browser, pages["prep30"], width)
        assert browser.execute_script("return document.querySelectorAll('div.fields').length") == 0
        cells = browser.execute_script(
            "return [...document.querySelectorAll('main li table td"
            " input:is([type=text], [type=date])')].map(f => {"
            " const b = f.getBoundingClientRect(), c = f.closest('td').getBoundingClientRect();"
            " return b.left >= c.left - 1 && b.right <= c.right + 1 && b.width >= 100; });"
        )
        assert cells and all(cells), (width, cells)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", ["reflection", "prep30", "shadow3"])
def test_a_checklists_boxes_and_words_keep_one_edge_each(
    browser: Any, pages: dict[str, Path], name: str, width: int
) -> None:
    show(browser, pages[name], width)
    items = browser.execute_script(
        "const edge = document.querySelector('main h2').getBoundingClientRect().left;"
        "return [...document.querySelectorAll('main li.task-list-item')].map(li => {"
        " const box = li.querySelector('input[type=checkbox]').getBoundingClientRect();"
        " const range = document.createRange(); range.selectNodeContents(li);"
        " const words = [...range.getClientRects()].filter(r => r.width > 20 && r.height < 30"
        "  && r.left > box.right);"
        " const column = li.getBoundingClientRect().left;"
        " return {box: box.left - column, words: Math.min(...words.map(r => r.left)) - box.right,"
        "  onEdge: box.left - edge, text: li.textContent.trim()}; });"
    )
    assert len(items) >= 4
    for item in items:  # each box the same way from its words, the blank's item too
        assert abs(item["words"] - items[0]["words"]) < 1, (item, items[0])
        assert abs(item["box"] - items[0]["box"]) < 1, (item, items[0])
    first_column = [item for item in items if abs(item["onEdge"]) < 40]
    assert first_column and all(abs(item["onEdge"]) < 1 for item in first_column), items


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", ["prep30", "shadow3"])
def test_a_writing_box_sits_nearer_its_own_prompt_than_the_next(
    browser: Any, pages: dict[str, Path], name: str, width: int
) -> None:
    show(browser, pages[name], width)
    boxes = browser.execute_script(
        "const r = e => e.getBoundingClientRect();"
        "return [...document.querySelectorAll('main li:has(> div.writing textarea) + li')]"
        ".map(next => { const box = next.previousElementSibling.querySelector('div.writing');"
        " const range = document.createRange(); range.selectNodeContents(next);"
        " const first = [...range.getClientRects()].find(x => x.height > 0);"
        " return {after: first.top - r(box).bottom,"
        "  before: r(box).top - r(box.previousElementSibling).bottom}; });"
    )
    assert len(boxes) >= 4
    for gap in boxes:  # the next prompt at least twice as far as the box's own
        assert gap["after"] >= 2 * gap["before"] and gap["after"] >= 20, gap


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("round8timeline") / "timeline.html"
    document = ip.timeline(datetime(2026, 12, 1).date(), MEETING.when, contact=DANA)
    path.write_text(document.to_html(), encoding="utf-8")
    return path


def test_the_timelines_notes_boxes_need_no_rule_beside_them(browser: Any, timeline: Path) -> None:
    show(browser, timeline, 1280)
    seen = browser.execute_script(
        "const r = e => e.getBoundingClientRect();"
        "const table = document.querySelector('main table');"
        "return {right: r(table).right, box: r(document.querySelector('main > div.writing"
        " textarea, main div.writing textarea')).right,"
        " cells: [...table.querySelectorAll('td:has(textarea)')].map(td => ({"
        "  rule: getComputedStyle(td).borderLeftStyle, right: r(td.querySelector('textarea'))"
        "  .right}))};"
    )
    assert len(seen["cells"]) == 7
    for cell in seen["cells"]:
        assert cell["rule"] == "none", cell  # no lone upright rule in a table ruled across
        assert abs(cell["right"] - seen["right"]) < 1, (cell, seen)
    assert abs(seen["box"] - seen["right"]) < 1, seen  # the Notes box under it ends there too


@pytest.mark.parametrize("width", [390, 1280])
def test_a_letter_on_screen_is_in_one_ink(browser: Any, tmp_path: Path, width: int) -> None:
    path = tmp_path / "letter.html"
    sender = ip.Sender(ALEX, "Lakeside Community College", "college", "a@example.edu")
    letter = ip.letter(
        "thank-you",
        "letter",
        field="nurse",
        contact=DANA,
        meeting=MEETING,
        sender=sender,
        learned="How a charge nurse plans a shift",
        today=MEETING.when.date(),
    )
    path.write_text(letter.to_html(), encoding="utf-8")
    show(browser, path, width)
    inks = browser.execute_script(
        "return [...document.querySelectorAll('main p')].map(p =>"
        " [p.textContent.trim().slice(0, 20), getComputedStyle(p).color]);"
    )
    assert any(text.startswith("December\u00a014") for text, _ in inks), inks
    assert len({ink for _, ink in inks}) == 1, inks
