"""Documents: golden Markdown, literal user text, and the parts each document must hold."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest

import interview_prep as ip
from interview_prep.markdown.typography import curly_quotes

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

CASES = {
    "script-nurse-college-30": lambda: ip.interview_script(
        ip.plan_interview("nurse", "college", 30)
    ),
    "prep-sheet-nurse-college-30": lambda: ip.prep_sheet(
        ip.plan_interview("nurse", "college", 30),
        ip.Contact("Dana Ortiz", title="ICU nurse", org="Mercy General"),
        ip.Meeting(datetime(2026, 3, 14, 15, 30), where="Mercy General, 4th floor"),
    ),
    "prep-sheet-electrician-career-changer-20-blank": lambda: ip.prep_sheet(
        ip.plan_interview("electrician", "career-changer", 20, seed=7),
        meeting=ip.Meeting(format="phone"),
    ),
    "script-digital-technology-high-school-45-shadow": lambda: ip.interview_script(
        ip.plan_interview("Information Technology", "high-school", 45, mode="shadow")
    ),
    "letter-request-email-referral": lambda: ip.letter(
        "request",
        "email",
        field="nurse",
        sender=SENDER,
        contact=CONTACT,
        referral="Sam Lee",
        follow_up=date(2026, 3, 9),
        today=date(2026, 3, 2),
    ),
    "letter-confirm-letter": lambda: ip.letter(
        "confirm",
        "letter",
        field="nurse",
        sender=SENDER,
        contact=CONTACT,
        meeting=ip.Meeting(datetime(2026, 3, 14, 15, 30), where="Mercy General"),
        today=date(2026, 3, 10),
    ),
    "letter-thank-you-linkedin": lambda: ip.letter(
        "thank-you",
        "linkedin",
        field="nurse",
        sender=SENDER,
        contact=CONTACT,
        learned="how a charge nurse plans a shift",
    ),
    "letter-shadow-request-phone": lambda: ip.letter(
        "shadow-request",
        "phone",
        field="electrician",
        sender=SENDER,
        contact=CONTACT,
        hours=4,
    ),
    "timeline-request-and-meeting": lambda: ip.timeline(
        date(2026, 3, 2), datetime(2026, 3, 14, 15, 30), contact=ip.Contact("Dana Ortiz")
    ),
    "shadow-plan-electrician-high-school-6h": lambda: ip.shadow_plan(
        "electrician",
        "high-school",
        6,
        contact=ip.Contact("Ray Chen", "Electrician"),
    ),
    "reflection-nurse": lambda: ip.reflection_sheet(
        ip.plan_interview("nurse", "college", 30), ip.Contact("Dana Ortiz")
    ),
    "handout-four-weeks-shadow": lambda: ip.assignment_handout(
        date(2026, 3, 2), course="Careers 10", teacher="Ms Rivera", shadow=True
    ),
    "comparison-nurse-three": lambda: ip.comparison_sheet(
        ip.plan_interview("nurse", "college", 30), ["Dana Ortiz", "Sam Lee", "Kim Park"]
    ),
}
SENDER = ip.Sender("Alex Kim", "Lakeside Community College", "college", "alex@example.edu")
CONTACT = ip.Contact("Dana Ortiz", "ICU nurse", "Mercy General")


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_markdown(name: str) -> None:
    markdown = CASES[name]().markdown
    path = GOLDEN / f"{name}.md"
    if UPDATE:
        path.write_text(markdown, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: make it with UPDATE_GOLDEN=1 and read it"
    assert markdown == path.read_text(encoding="utf-8")


def test_script_holds_opening_every_core_theme_closing_and_thanks() -> None:
    plan = ip.plan_interview("nurse", "college", 30)
    markdown = ip.interview_script(plan).source
    assert "not a job" in markdown
    for theme in plan.taxonomy.core_themes:
        assert f"## {theme.title}" in markdown
    for planned in (*plan.questions, *plan.closing):
        assert curly_quotes(planned.item.text) in markdown
    assert "## Closing asks" in markdown and "## Thanks" in markdown


def test_prep_sheet_leaves_blanks_when_details_are_missing() -> None:
    sheet = ip.prep_sheet(ip.plan_interview("chef", "high-school", 30)).source
    assert sheet.count("\\_\\_\\_\\_") >= 3
    assert "- [ ] Send your résumé" in sheet
    assert "Within 24 hours" in sheet
    assert "::: notes" in sheet


HOSTILE = [
    "**bold** _it_ `code`",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "![x](file:///etc/passwd)",
    "{{ 7 * 7 }} {% if true %}x{% endif %}",
    "# heading\n- list\n1. item",
    "| table | cell |",
    "::: notes",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_user_text_shows_literally(text: str) -> None:
    plan = ip.plan_interview("nurse", "college", 30)
    document = ip.prep_sheet(plan, ip.Contact(text, title=text, org=text))
    html = document.to_html(fragment=True)
    assert "<script>" not in html and "javascript:" not in html.replace("javascript:alert", "")
    assert "<a " not in html and "<img" not in html
    assert "49" not in document.markdown.split("## Before")[0]
    flat = " ".join(text.split())
    assert flat in _visible_text(html)


def _visible_text(html: str) -> str:
    import re
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", "", html))


def test_documents_show_themselves_in_notebooks() -> None:
    plan = ip.plan_interview("nurse", "college", 30)
    assert plan._repr_markdown_() == plan.to_markdown()
    assert plan.to_markdown().startswith("# Plan: Registered Nurse, 30 minutes")
    assert "<h1>" in plan._repr_html_() and "<table>" in plan._repr_html_()
    sheet = ip.prep_sheet(plan)
    assert sheet._repr_markdown_() == sheet.markdown
    assert "<h2>" in sheet._repr_html_()


def test_html_page_is_standalone_with_title_and_language() -> None:
    page = ip.prep_sheet(ip.plan_interview("nurse", "college", 30)).to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en"' in page
    assert "<title>Prep sheet: Registered Nurse</title>" in page
    assert "@page" in page and "http" not in page.split("<main>")[0]


def test_fragment_headings_can_be_demoted() -> None:
    sheet = ip.prep_sheet(ip.plan_interview("nurse", "college", 30))
    assert "<h3>" in sheet.to_html(fragment=True, heading_offset=2)
    assert "<h1>" not in sheet.to_html(fragment=True, heading_offset=2)


def test_save_chooses_format_by_suffix_and_refuses_to_overwrite(tmp_path: Path) -> None:
    sheet = ip.prep_sheet(ip.plan_interview("nurse", "college", 30))
    md = sheet.save(tmp_path / "sheet.md")
    assert md.read_text(encoding="utf-8") == sheet.markdown
    html = sheet.save(tmp_path / "sheet.html")
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(ip.OutputError, match="already exists"):
        sheet.save(tmp_path / "sheet.md")
    sheet.save(tmp_path / "sheet.md", force=True)
    with pytest.raises(ip.UnknownNameError, match="output format"):
        sheet.save(tmp_path / "sheet.odt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.html", "sheet.md"]


def test_a_user_template_folder_overrides_a_builtin_by_name(tmp_path: Path) -> None:
    (tmp_path / "script.md.j2").write_text(
        "# Our class script for {{ field.title }}\n\n{% for p in plan.questions %}"
        "- {{ p.item.text }}\n{% endfor %}",
        encoding="utf-8",
    )
    plan = ip.plan_interview("nurse", "college", 30)
    script = ip.interview_script(plan, template_dirs=[tmp_path])
    assert script.markdown.startswith("# Our class script for Registered Nurse")
    sheet = ip.prep_sheet(plan, template_dirs=[tmp_path])
    assert sheet.markdown.startswith("# Prep sheet")


def test_user_templates_run_sandboxed_and_strict(tmp_path: Path) -> None:
    (tmp_path / "script.md.j2").write_text("{{ plan.__class__.__mro__ }}", encoding="utf-8")
    plan = ip.plan_interview("nurse", "college", 30)
    with pytest.raises(ip.RenderError):
        ip.interview_script(plan, template_dirs=[tmp_path])
    (tmp_path / "script.md.j2").write_text("{{ no_such_value }}", encoding="utf-8")
    with pytest.raises(ip.RenderError, match="no_such_value"):
        ip.interview_script(plan, template_dirs=[tmp_path])
