"""Markdown -> Word (.docx): the markdown-it tokens of a document walked into python-docx.

Every document kind gets Word output from the Markdown it already has: headings become
Heading styles, ordered lists real Word numbering (each list restarts), tables Word tables
with a repeated header row, task items checkbox glyphs, ``::: notes`` and ``::: lines``
ruled writing space. Page size, margins, header, footer and branding follow the
:class:`~interview_prep.render.PageOptions` the PDF uses.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import OutputError, RenderError
from ..files.read import read_input
from ..render import MAX_LOGO_BYTES, PageOptions, markdown_parser
from .docx_parts import (
    add_page_fields,
    bullet_numbering,
    cant_split,
    list_indent,
    new_ordered_list,
    repeat_as_header,
    ruled_table_borders,
    set_numbering,
)
from .escaping import word_property, xml_text

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from markdown_it.token import Token

DEFAULT_LINES = {"notes": 3, "lines": 5}
# page sizes in twentieths of a point, as Word stores them: US Letter and A4
PAPER_TWIPS = {"letter": (12240, 15840), "a4": (11906, 16838)}
RULED_CONTAINERS = tuple(DEFAULT_LINES)
WORD_LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")
CHECKBOX = {False: "☐", True: "☑"}
# as in print.css: a letter shows no title or page footer; a comparison lies landscape with
# tall rows to write in
UNTITLED_KINDS = ("letter",)
LANDSCAPE_KINDS = ("comparison",)
TALL_ROWS = {"comparison": 0.8}  # inches
WRITING_ROOM = 24  # characters' width for a column of blank cells to write in


@dataclass
class _ListLevel:
    num_id: int


@dataclass
class _Item:
    task: bool
    numbered_paragraph_done: bool = False


class _Writer:
    """Walks one token stream into one Word document, top to bottom."""

    def __init__(self, word: WordDocument, tokens: Sequence[Token], kind: str) -> None:
        self.word = word
        self.tokens = tokens
        self.kind = kind
        self.hide_title = kind in UNTITLED_KINDS
        self.lists: list[_ListLevel] = []
        self.items: list[_Item] = []
        self.quote_depth = 0
        self.target: Paragraph | None = None
        self.table: Table | None = None
        self.cell = (-1, -1)
        self.bullets = 0
        self.bold_cell = False
        self.containers: list[str] = []

    def run(self) -> None:
        for index, token in enumerate(self.tokens):
            handler = getattr(self, "_" + token.type, None)
            if handler is not None:
                handler(token, index)
            elif token.type.startswith("container_") and token.type.endswith("_open"):
                self.containers.append(token.info)
            elif token.type.startswith("container_") and token.type.endswith("_close"):
                self._container_close(self.containers.pop())

    # blocks -------------------------------------------------------------------------

    def _heading_open(self, token: Token, index: int) -> None:
        if self.hide_title and token.tag == "h1":
            self.hide_title = False
            return
        self.target = self.word.add_paragraph(style=f"Heading {int(token.tag[1])}")

    def _paragraph_open(self, token: Token, index: int) -> None:
        if self.table is not None:
            return
        paragraph = self.word.add_paragraph(style="List Paragraph" if self.items else None)
        if self.items:
            item = self.items[-1]
            depth = len(self.lists) - 1
            if not item.numbered_paragraph_done and not item.task:
                set_numbering(paragraph, self.lists[-1].num_id, depth)
            else:
                list_indent(paragraph, depth)
            item.numbered_paragraph_done = True
        elif self.quote_depth:
            paragraph.style = self.word.styles["Quote"]
        paragraph.paragraph_format.space_after = _points(3)
        self.target = paragraph

    def _bullet_list_open(self, token: Token, index: int) -> None:
        if not self.bullets:
            self.bullets = bullet_numbering(self.word)
        self.lists.append(_ListLevel(self.bullets))

    def _ordered_list_open(self, token: Token, index: int) -> None:
        start = int(token.attrGet("start") or 1)
        self.lists.append(_ListLevel(new_ordered_list(self.word, len(self.lists), start)))

    def _bullet_list_close(self, token: Token, index: int) -> None:
        self.lists.pop()

    _ordered_list_close = _bullet_list_close

    def _list_item_open(self, token: Token, index: int) -> None:
        self.items.append(_Item(task="task-list-item" in str(token.attrGet("class") or "")))
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following is None or following.type != "paragraph_open":
            # an empty item, or one that opens with a list or table, still gets its number
            self._paragraph_open(token, index)
            self.target = None

    def _list_item_close(self, token: Token, index: int) -> None:
        self.items.pop()

    def _blockquote_open(self, token: Token, index: int) -> None:
        self.quote_depth += 1

    def _blockquote_close(self, token: Token, index: int) -> None:
        self.quote_depth -= 1

    def _fence(self, token: Token, index: int) -> None:
        paragraph = self.word.add_paragraph()
        run = paragraph.add_run(_clean(token.content.rstrip("\n")))
        run.font.name = "Courier New"

    _code_block = _fence

    def _hr(self, token: Token, index: int) -> None:
        self.word.add_paragraph("―" * 20)

    def _table_open(self, token: Token, index: int) -> None:
        rows, lengths = _table_shape(self.tokens, index)
        self.table = self.word.add_table(rows=rows, cols=len(lengths), style="Table Grid")
        self.table.autofit = False
        section = self.word.sections[0]
        text_width = (
            (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        )
        for column, width in zip(
            self.table.columns, _column_widths(lengths, text_width), strict=True
        ):
            column.width = width
            for cell in column.cells:
                cell.width = width
        self.cell = (-1, -1)

    def _table_close(self, token: Token, index: int) -> None:
        if self.table is not None:
            repeat_as_header(self.table.rows[0])
            for row in self.table.rows:
                cant_split(row)
            if self.kind in TALL_ROWS:
                from docx.enum.table import WD_ROW_HEIGHT_RULE
                from docx.shared import Inches

                for row in self.table.rows[1:]:
                    row.height = Inches(TALL_ROWS[self.kind])
                    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        self.table = None
        self.word.add_paragraph().paragraph_format.space_after = _points(0)

    def _tr_open(self, token: Token, index: int) -> None:
        self.cell = (self.cell[0] + 1, -1)

    def _th_open(self, token: Token, index: int) -> None:
        self._td_open(token, index)
        self.bold_cell = True

    def _td_open(self, token: Token, index: int) -> None:
        self.bold_cell = False
        row, column = self.cell[0], self.cell[1] + 1
        self.cell = (row, column)
        if self.table is not None:
            self.target = self.table.cell(row, column).paragraphs[0]

    def _container_close(self, info: str) -> None:
        name, _, count = info.strip().partition(" ")
        if name not in RULED_CONTAINERS:
            return
        lines = int(count) if count.strip().isdigit() else DEFAULT_LINES[name]
        ruled = self.word.add_table(rows=max(1, min(lines, 40)), cols=1)
        ruled_table_borders(ruled, indent_level=len(self.lists))
        self.word.add_paragraph().paragraph_format.space_after = _points(0)

    # inline -------------------------------------------------------------------------

    def _inline(self, token: Token, index: int) -> None:
        if self.target is None:
            return
        bold = getattr(self, "bold_cell", False) and self.table is not None
        _Inline(self.word, self.target, bold).add(token.children or [])
        self.target = None


class _Inline:
    """Runs of one paragraph, from a markdown-it inline token's children."""

    def __init__(self, word: WordDocument, paragraph: Paragraph, bold: bool) -> None:
        self.word = word
        self.paragraph = paragraph
        self.bold = bold
        self.italic = False
        self.strike = False
        self.link: str | None = None

    def add(self, children: Sequence[Token]) -> None:
        for child in children:
            kind = child.type
            if kind == "text":
                self._text(child.content)
            elif kind == "code_inline":
                self._text(child.content).font.name = "Courier New"
            elif kind == "softbreak":
                self._text(" ")
            elif kind == "hardbreak":
                self.paragraph.add_run().add_break()
            elif kind == "html_inline" and "task-list-item-checkbox" in child.content:
                self._text(CHECKBOX["checked" in child.content])
            elif kind in ("strong_open", "strong_close"):
                self.bold = kind == "strong_open"
            elif kind in ("em_open", "em_close"):
                self.italic = kind == "em_open"
            elif kind in ("s_open", "s_close"):
                self.strike = kind == "s_open"
            elif kind == "link_open":
                self.link = str(child.attrGet("href") or "")
            elif kind == "link_close":
                self.link = None

    def _text(self, text: str) -> Any:
        run = self.paragraph.add_run(_clean(text))
        run.bold = self.bold or None
        run.italic = self.italic or None
        run.font.strike = self.strike or None
        if self.link:
            run.font.underline = True
            run.font.color.rgb = _blue()
        return run


def _table_shape(tokens: Sequence[Token], start: int) -> tuple[int, list[int]]:
    """The rows of the table that opens at ``tokens[start]``, and how much room each column
    wants: its longest text, or room to write in where its cells are blank."""
    rows = column = 0
    headers: list[int] = []
    bodies: list[int] = []
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        if token.type == "table_close":
            break
        if token.type == "tr_open":
            rows, column = rows + 1, 0
        elif token.type in ("th_open", "td_open"):
            if column == len(headers):
                headers.append(0)
                bodies.append(0)
            lengths = headers if token.type == "th_open" else bodies
            lengths[column] = max(lengths[column], len(tokens[index + 1].content.strip()))
            column += 1
    wants = [
        max(h, b, 8) if b else max(h, WRITING_ROOM) for h, b in zip(headers, bodies, strict=True)
    ]
    return rows, wants


def _column_widths(wants: Sequence[int], total: int) -> list[int]:
    """Widths sharing ``total`` in proportion to what each column wants, up to a limit."""
    weights = [min(want, 70) for want in wants]
    return [total * weight // sum(weights) for weight in weights]


def _clean(text: str) -> str:
    return xml_text(text)


def _points(value: float) -> Any:
    from docx.shared import Pt

    return Pt(value)


def _blue() -> Any:
    from docx.shared import RGBColor

    return RGBColor(0x12, 0x3C, 0x5A)


def _page_setup(word: WordDocument, options: PageOptions) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Inches, Mm, Twips

    width, height = PAPER_TWIPS[options.paper]
    section = word.sections[0]
    if options.kind in LANDSCAPE_KINDS:
        from docx.enum.section import WD_ORIENT

        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = Twips(width), Twips(height)
    section.top_margin = section.bottom_margin = Inches(0.6)
    section.left_margin = section.right_margin = Inches(0.7)
    section.header_distance = section.footer_distance = Inches(0.3)

    if options.kind in UNTITLED_KINDS and not (options.school or options.logo):
        return
    header = section.header.paragraphs[0]
    if options.logo is not None:
        header.add_run().add_picture(io.BytesIO(_logo_bytes(options.logo)), height=Mm(9))
        header.add_run("  ")
    header.add_run(_clean(options.school or options.title)).bold = bool(options.school)
    if options.school:
        header.add_run(_clean(f"  ·  {options.title}"))
    if options.kind in UNTITLED_KINDS:
        return
    footer = section.footer.paragraphs[0]
    footer.add_run(_clean(f"{options.footer}  ·  page "))
    add_page_fields(footer)
    footer.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _logo_bytes(path: Path) -> bytes:
    if path.suffix.lower() not in WORD_LOGO_SUFFIXES:
        raise OutputError(
            f"the logo {path} cannot go into a Word document",
            hint="Word documents take a .png, .jpg or .gif logo",
        )
    from docx.image.image import Image

    data = read_input(path, what="logo", limit=MAX_LOGO_BYTES)
    try:
        image = Image.from_blob(data)
        usable = image.px_width > 0 and image.px_height > 0
    except Exception:  # its parsers raise their own errors, struct.error, IndexError...
        usable = False
    if not usable:
        raise OutputError(
            f"the logo {path} is not a complete .png, .jpg or .gif image",
            hint="open it in an image editor and save it again",
        )
    return data


def _drop_template_thumbnail(word: WordDocument) -> None:
    """python-docx's template carries a picture of itself, which file browsers would show."""
    relationships = word.part.package.rels
    for key, relationship in list(relationships.items()):
        if relationship.reltype.endswith("/metadata/thumbnail"):
            del relationships[key]


def markdown_to_docx(markdown: str, options: PageOptions) -> bytes:
    """A Word document made from ``markdown``, laid out as ``options`` say."""
    try:
        import docx
    except ImportError as error:
        raise RenderError(
            f"Word output needs python-docx: {error}", hint="pip install python-docx"
        ) from None
    word = docx.Document()
    _drop_template_thumbnail(word)
    properties = word.core_properties
    # Word keeps at most 255 characters of each; python-docx refuses longer ones
    properties.title = word_property(options.title)
    properties.language = options.language
    properties.author = word_property(options.school or "")
    properties.comments = "made with interview-prep"
    _page_setup(word, options)
    _Writer(word, markdown_parser().parse(markdown), options.kind).run()
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


__all__: Sequence[str] = ("markdown_to_docx",)
