"""Markdown -> HTML -> PDF. Raw HTML is off and the PDF engine can reach nothing outside."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from . import formfields, tablelabels
from .logo import LOGO_TYPES as LOGO_TYPES
from .logo import MAX_LOGO_BYTES as MAX_LOGO_BYTES
from .logo import logo_and_aspect, logo_data_uri
from .markdown import nobreak
from .vocabulary import PAPERS

RULE_GAP_MM = 7  # between ruled writing lines; college-ruled paper is 7.1
# "section" keeps a heading's blocks together on one page (a reflection's question and its lines)
CONTAINERS = ("notes", "lines", "checklist", "fields", "choices", "section")
WRITING_SPACES = {"notes": 3, "lines": 8}  # container -> ruled lines when the info gives none
MAX_RULED_LINES = 40


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """CommonMark with tables, task lists and note containers; raw HTML and images off."""
    parser = MarkdownIt("commonmark", {"html": False, "typographer": False})
    parser.enable(["table", "strikethrough"])
    parser.disable(["image", "html_inline", "html_block"])
    parser.use(tasklists_plugin)
    for name in CONTAINERS:
        parser.use(container_plugin, name)
    parser.add_render_rule("ordered_list_open", _ordered_list_open)
    for name in WRITING_SPACES:
        parser.add_render_rule(f"container_{name}_open", _writing_space_open)
        parser.add_render_rule(f"container_{name}_close", _writing_space_close)
    parser.add_render_rule("container_choices_open", formfields.choices_open)
    parser.add_render_rule("container_choices_close", formfields.choices_close)
    parser.add_render_rule("list_item_open", formfields.item_open)
    parser.add_render_rule("list_item_close", formfields.item_close)
    parser.add_render_rule("th_open", _header_cell_open)
    parser.add_render_rule("td_open", formfields.cell_open)
    parser.add_render_rule("text", nobreak.text)
    parser.core.ruler.push("table_labels", tablelabels.label_cells)
    return parser


def ruled_lines(info: str) -> int:
    """The number of ruled lines a writing space asks for: ``notes 5`` -> 5."""
    words = info.split()
    name = words[0] if words else "notes"
    if len(words) > 1 and words[1].isdigit():
        return max(1, min(MAX_RULED_LINES, int(words[1])))
    return WRITING_SPACES.get(name, WRITING_SPACES["notes"])


def _minutes(info: str) -> int | None:
    """The minutes a question's writing space stands for (``notes 3 4min``), which share
    out a page's spare height; None for a space of fixed size."""
    words = info.split()
    if len(words) > 2 and words[2].endswith("min") and words[2][:-3].isdigit():
        return max(1, min(60, int(words[2][:-3])))
    return None


def _writing_space_open(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    """A writing space keeps its prompt (the container's text, if any) with its lines."""
    token = tokens[index]
    name = token.info.split()[0] if token.info.split() else "notes"
    closing = "closing" in token.info.split()[2:]  # a closing ask: kept short on the page
    env.setdefault("ruled", []).append((ruled_lines(token.info), _minutes(token.info), closing))
    env.setdefault("ruled_open", []).append(token)
    return f'<div class="writing {name}">\n'


def _writing_space_close(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    """The ruled lines, one element a line; with ``env["fillable"]`` also a form field over
    them, so the PDF can be typed into while the printed page keeps its rules."""
    count, minutes, closing = env["ruled"].pop()
    field = ""
    if env.get("fillable"):
        field = formfields.writing_field(env["ruled_open"].pop(), env)
    rules = '<div class="rule"></div>' * count
    height = f"{count * RULE_GAP_MM:g}mm"
    weight = f' data-weight="{minutes}"' if minutes else ""
    weight += ' data-closing=""' if closing else ""
    return f'<div class="rules"{weight} style="height: {height}">{rules}{field}</div>\n</div>\n'


def _header_cell_open(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    """A header cell heads its column (``scope``, for screen readers and tagged PDF); an empty
    one heads nothing, so it becomes a plain cell."""
    inline, close = tokens[index + 1], tokens[index + 2]
    if inline.type == "inline" and not inline.content.strip() and close.type == "th_close":
        tokens[index].tag = close.tag = "td"
    else:
        tokens[index].attrSet("scope", "col")
    return str(renderer.renderToken(tokens, index, options, env))


def _ordered_list_open(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    """Keep a list's start number in print too: WeasyPrint ignores the ``start`` attribute."""
    token = tokens[index]
    start = token.attrGet("start")
    if start is not None:
        token.attrSet("style", f"counter-reset: list-item {int(start) - 1}")
    return str(renderer.renderToken(tokens, index, options, env))


def markdown_to_html(
    markdown: str,
    *,
    heading_offset: int = 0,
    fillable: bool = False,
    screen: bool = False,
    ticks: bool = False,
) -> str:
    """Render Markdown to an HTML fragment; ``heading_offset`` demotes every heading;
    ``fillable`` puts a form field over each writing space; ``screen`` words them for a
    screen ("Choose one" where paper says "Circle one"); ``ticks`` makes each numbered item
    (a script's question) a checkbox to tick."""
    parser = markdown_parser()
    tokens = parser.parse(markdown)
    if heading_offset:
        for token in tokens:
            if token.type in ("heading_open", "heading_close"):
                level = min(6, int(token.tag[1]) + heading_offset)
                token.tag = f"h{level}"
    nobreak.join_last_words(tokens)
    if fillable:
        formfields.label_fields(tokens, screen=screen)
    if ticks:
        formfields.question_boxes(tokens)
    env = {"fillable": fillable, "screen": screen}
    return str(parser.renderer.render(tokens, parser.options, env))


def stylesheet() -> str:
    """The print stylesheet shipped with the package."""
    return (resources.files("interview_prep") / "templates" / "print.css").read_text("utf-8")


VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">\n'


def screen_stylesheet() -> str:
    """The stylesheet for reading a page in a browser: 16 px type in a 70-character column."""
    return (resources.files("interview_prep") / "templates" / "screen.css").read_text("utf-8")


def brand_header(options: PageOptions) -> str:
    """The school's name and logo at the top of an HTML page (PDFs put them in the margin)."""
    if not (options.school or options.logo):
        return ""
    parts = []
    if options.logo:
        alt = f"{options.school} logo" if options.school else "School logo"
        parts.append(f'<img src="{logo_data_uri(options.logo)}" alt="{html.escape(alt)}">')
    if options.school:
        parts.append(f"<span>{html.escape(options.school)}</span>")
    return f'<header class="brand">{"".join(parts)}</header>\n'


@dataclass(frozen=True)
class PageOptions:
    """How a document is laid out on paper, and the branding a school may add."""

    paper: str = "letter"
    title: str = ""
    language: str = "en"
    kind: str = "document"
    footer: str = ""
    school: str | None = None
    logo: Path | None = None
    extra_css: tuple[str, ...] = ()
    fillable: bool = False
    classes: tuple[str, ...] = ()  # more classes for the body, e.g. a letter's channel

    def __post_init__(self) -> None:
        from .vocabulary import normalize_choice

        object.__setattr__(self, "paper", normalize_choice("paper", self.paper, what="paper size"))


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot end the string or the style element."""
    escaped = "".join(
        f"\\{ord(char):x} " if char in '"\\<>\n\r' or ord(char) < 32 else char for char in text
    )
    return f'"{escaped}"'


# Branding sits in the top margin, 7 mm from the paper's edge (printers clip the outer 4-6): the
# logo 8 mm tall at the text margin, the school's name 6 pt after it, centered on its height, and
# the running head on the name's baseline (both boxes set one 8 mm line, 3 mm above the text)
LOGO_MM = 8
LOGO_GAP_PT = 6
BRANDED_TOP_MM = 18
_BRANDED_PAGE = f"""@page {{ margin-top: {BRANDED_TOP_MM}mm;
  @top-left {{ vertical-align: bottom; padding-bottom: 3mm; height: {BRANDED_TOP_MM}mm;
    line-height: {LOGO_MM}mm; }}
  @top-right {{ vertical-align: bottom; padding-bottom: 3mm; height: {BRANDED_TOP_MM}mm;
    line-height: {LOGO_MM}mm; }} }}
@page script {{ margin-top: {BRANDED_TOP_MM}mm; }}
"""


def _page_css(options: PageOptions) -> str:
    size = "Letter" if options.paper == "letter" else "A4"
    css = [
        f"@page {{ size: {size}; }}",
        f"@page wide {{ size: {size} landscape; }}",
        f"@page {{ @bottom-left {{ content: {css_string(options.footer)}; }} }}",
    ]
    if options.school or options.logo:
        brand = [f"content: {css_string(options.school or '')};"]
        if options.logo:
            uri, aspect = logo_and_aspect(options.logo)
            width = LOGO_MM * aspect
            brand += [
                f"background: url({css_string(uri)}) no-repeat left 0 bottom 3mm;",
                "background-origin: border-box;",
                f"background-size: {width:.2f}mm {LOGO_MM}mm;",
                f"padding-left: calc({width:.2f}mm + {LOGO_GAP_PT}pt);",
            ]
        css.append(_BRANDED_PAGE + "@page { @top-left { " + " ".join(brand) + " } }")
    return "\n".join(css) + "\n"


def html_page(markdown: str, options: PageOptions, *, screen: bool = False) -> str:
    """A standalone HTML page (with the print stylesheet inline) for a Markdown document;
    ``screen`` adds what a browser needs: screen styles and the branding header."""
    screen_css, viewport, header = "", "", ""
    if screen:
        screen_css, viewport, header = screen_stylesheet(), VIEWPORT, brand_header(options)
    css = stylesheet() + screen_css + _page_css(options) + "\n".join(options.extra_css)
    css = css.replace("</", "<\\/")  # text in a style element cannot close it
    ticks = screen and options.kind == "script"  # paper draws the script's boxes
    kind = " ".join(
        re.sub(r"[^a-z0-9-]", "", name.lower())
        for name in (f"doc-{options.kind}", *options.classes)
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(options.language)}" class="{kind}">\n'
        '<head>\n<meta charset="utf-8">\n'
        f"{viewport}<title>{html.escape(options.title)}</title>\n"
        '<meta name="generator" content="interview-prep">\n'
        f"<style>\n{css}</style>\n</head>\n"
        f'<body class="{kind}">\n{header}<main>\n'
        f"{markdown_to_html(markdown, fillable=options.fillable, screen=screen, ticks=ticks)}"
        "</main>\n</body>\n</html>\n"
    )


__all__: Sequence[str] = ("PAPERS", "PageOptions", "html_page", "markdown_to_html")
