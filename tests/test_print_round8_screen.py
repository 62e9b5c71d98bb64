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
