"""Portable Markdown: what `.md` output looks like in viewers that know nothing of containers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from html import unescape
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.tree import SyntaxTreeNode

import interview_prep as ip
from interview_prep.markdown.escape import escape_markdown
from interview_prep.render import markdown_parser, markdown_to_html
from interview_prep.writers.portable import portable_markdown

from .test_documents import CASES, GOLDEN

RENDERER_SYNTAX = re.compile(r"^\s*:::|\\_", re.MULTILINE)


def test_golden_markdown_shows_no_renderer_syntax() -> None:
    goldens = sorted(GOLDEN.glob("*.md"))
    assert len(goldens) >= len(CASES)
    for path in goldens:
        text = path.read_text(encoding="utf-8")
        assert not RENDERER_SYNTAX.search(text), path.name


def test_rich_source_stays_for_the_renderers() -> None:
    sheet = CASES["prep-sheet-electrician-career-changer-20-blank"]()
    assert "::: notes" in sheet.source and "\\_\\_\\_" in sheet.source
    assert sheet.render("md") == sheet.to_markdown() == sheet.markdown == str(sheet)
    assert "______________________________" in sheet.markdown
    assert 'class="writing notes"' in sheet.to_html(fragment=True)


def test_a_script_is_one_numbered_list() -> None:
    plan = ip.plan_interview("nurse", "college", 30)
    script = ip.interview_script(plan)
    lists = [t for t in markdown_parser().parse(script.markdown) if t.type == "ordered_list_open"]
    assert len(lists) == 1 and lists[0].attrGet("start") is None
    numbers = re.findall(r"^(\d+)\. ", script.markdown, re.MULTILINE)
    # the name ask is spoken under the referral question, not numbered
    assert numbers == [str(n) for n in range(1, len(plan.questions) + len(plan.closing))]
    assert len(numbers) >= 10
    for theme in plan.taxonomy.core_themes:
        assert re.search(rf"^\d+\. {re.escape(theme.title)}  $", script.markdown, re.MULTILINE)


def test_heading_offset_demotes_portable_headings() -> None:
    sheet = CASES["prep-sheet-nurse-college-30"]()
    demoted = sheet.to_markdown(heading_offset=2)
    assert demoted.startswith("### Prep sheet") and "\n#### Before the meeting" in demoted
    assert ":::" not in demoted


def _visible(markdown: str) -> tuple[list[str], list[str]]:
    """What a reader sees: words, boxes and where emphasis starts, in order; the list numbers."""
    seen: list[str] = []
    numbers: list[str] = []

    def walk(node: SyntaxTreeNode) -> None:
        if node.type == "ordered_list":
            start = int(node.attrs.get("start", 1))
            for number, item in enumerate(node.children, start=start):
                numbers.append(f"{number}.")
                walk(item)
            return
        if node.type in ("text", "code_inline"):
            seen.extend(node.content.split())
        elif node.type == "html_inline":
            seen.append("[x]" if "checked" in node.content else "[ ]")
        elif node.type in ("strong", "em", "s", "link"):
            seen.append(f"<{node.type}>")
        elif node.type == "hr":
            seen.append("<hr>")
        for child in node.children:
            walk(child)

    walk(SyntaxTreeNode(markdown_parser().parse(markdown)))
    return seen, numbers


PLAIN = st.sampled_from(["nurse", "shift", "why?", "a,", "day:", "x_y", "#1", "(b)", "C&D"])
# user text reaches the source escaped, as the templates' escaper writes it
MARKUP_LIKE = ["5*3", "~", "[a]", "<b>", "*a", "b_", "_c_", "`x`"]
WORDS = st.one_of(PLAIN, st.sampled_from(MARKUP_LIKE).map(escape_markdown))
BLANK = st.integers(3, 30).map(lambda n: "\\_" * n)
TEXT = st.lists(
    st.one_of(WORDS, BLANK, PLAIN.map(lambda w: f"**{w}**"), PLAIN.map(lambda w: f"*{w}*")),
    min_size=1,
    max_size=6,
).map(" ".join)


PHRASE = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)


@st.composite
def rich_sources(draw: st.DrawFn) -> str:
    """Rich Markdown the way the templates write it: sections, numbered questions with notes,
    checklists, tables with blanks."""
    blocks: list[str] = []
    number = 1
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["questions", "checklist", "table", "para", "lines"]))
        blocks.append(f"## {draw(TEXT)}")
        if kind == "questions":
            items = []
            for _ in range(draw(st.integers(1, 3))):
                pad = " " * (len(str(number)) + 2)
                item = f"{number}. **{draw(PHRASE)}**\\\n{pad}*{draw(PHRASE)}*"
                if draw(st.booleans()):
                    item += f"\n{pad}- Follow-up: {draw(TEXT)}"
                if draw(st.booleans()):
                    item += f"\n\n{pad}::: notes {draw(st.integers(1, 6))}\n{pad}:::\n"
                items.append(item)
                number += 1
            blocks.append("\n".join(items))
        elif kind == "checklist":
            boxes = draw(st.lists(TEXT, min_size=1, max_size=4))
            blocks.append("::: checklist\n" + "\n".join(f"- [ ] {b}" for b in boxes) + "\n:::")
        elif kind == "table":
            rows = draw(st.lists(st.tuples(TEXT, st.one_of(TEXT, BLANK)), min_size=1, max_size=3))
            body = "\n".join(f"| {a} | {b} |" for a, b in rows)
            blocks.append(f"| Meeting | |\n|---|---|\n{body}")
        elif kind == "lines":
            blocks.append(f"{draw(TEXT)}\n\n::: lines\n:::")
        else:
            blocks.append("\\\n".join(draw(st.lists(TEXT, min_size=1, max_size=3))))
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=60, deadline=None)
@given(rich_sources())
def test_portable_markdown_shows_the_same_text_as_its_source(source: str) -> None:
    portable = portable_markdown(source)
    assert _visible(portable) == _visible(source)
    assert ":::" not in portable and "\\_\\_" not in portable
    assert portable_markdown(portable) == portable


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60))
def test_any_user_text_survives_the_round_trip(text: str) -> None:
    source = f"# {escape_markdown(text)}\n\n- [ ] {escape_markdown(text)}\n"
    assert _visible(portable_markdown(source)) == _visible(source)


def _pandoc(markdown: str, flavor: str) -> str:
    if shutil.which("pandoc") is None:
        if os.environ.get("CI"):
            pytest.fail("pandoc is missing: scripts/setup --dev installs it")
        pytest.skip("pandoc is not installed (scripts/setup --dev installs it)")
    done = subprocess.run(
        ["pandoc", "-f", flavor, "-t", "html"],
        input=markdown,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def _text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _tags(html: str, names: Iterable[str]) -> dict[str, int]:
    return {name: len(re.findall(rf"<{name}\b", html)) for name in names}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pandoc_reads_portable_markdown_as_the_page_shows(name: str) -> None:
    document = CASES[name]()
    rich = markdown_to_html(document.source)
    for flavor in ("commonmark", "gfm"):
        html = _pandoc(document.markdown, flavor)
        text = _text_of(html)
        assert "\\" not in text, (flavor, text[text.index("\\") - 40 :][:80])
        assert "<hr" not in html
        assert _tags(html, ("em", "strong", "code")) == _tags(rich, ("em", "strong", "code"))
    gfm = _pandoc(document.markdown, "gfm")
    shown = _text_of(re.sub(r'<input type="checkbox"[^>]*>', "", gfm))
    assert shown.replace(" ", "") == _text_of(rich).replace(" ", "")  # GitHub links addresses
    assert _tags(gfm, ("table", "li", "h1", "input")) == _tags(rich, ("table", "li", "h1", "input"))


def test_a_lone_blank_line_does_not_become_a_rule() -> None:
    source = "Dana Ortiz\\\nICU nurse\\\n\\_\\_\\_\\_\\_\\_\\_\\_\n"
    portable = portable_markdown(source)
    assert "\\_" not in portable
    assert _visible(portable) == _visible(source)
    assert "<hr" not in _pandoc(portable, "commonmark")


def test_user_text_that_looks_like_markup_stays_literal() -> None:
    contact = ip.Contact("Ana *Bea* _Cruz_ <b>x</b> [a](b) 1. # ~~no~~", title="C&amp;D")
    sheet = ip.prep_sheet(ip.plan_interview("nurse", "college", 30), contact)
    html = _pandoc(sheet.markdown, "gfm")
    assert "Ana *Bea* _Cruz_ &lt;b&gt;x&lt;/b&gt; [a](b) 1. # ~~no~~" in html
    assert "C&amp;amp;D" in html
    assert sheet.markdown.count("\\") < sheet.source.count("\\")


def test_the_command_line_writes_portable_markdown(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from interview_prep.cli import main

    runner = CliRunner()
    shown = runner.invoke(main, ["prep-sheet", "-f", "electrician", "-s", "college"])
    assert shown.exit_code == 0 and shown.output.startswith("# Prep sheet")
    target = tmp_path / "sheet.md"
    saved = runner.invoke(main, ["reflection", "-f", "nurse", "-o", str(target)])
    assert saved.exit_code == 0
    for text in (shown.output, target.read_text(encoding="utf-8")):
        assert not RENDERER_SYNTAX.search(text) and "______" in text
