"""Markdown -> Word (.docx): the markdown-it tokens of a document walked into python-docx.

Headings become Heading styles, the questions one Word numbering (deleting one renumbers the
rest), tables Word tables, task items tick boxes, ``::: fields`` lines to write on, ``::: notes``
and ``::: lines`` ruled space that grows as a student types; page, type and branding follow
the PageOptions and print.css (docx_style.py, docx_kinds.py, docx_parts.py).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import RenderError
from ..render import PageOptions, markdown_parser
from . import docx_kinds as kinds
from . import docx_parts as parts
from .docx_columns import (
    column_widths,
    finish_table,
    holds_writing_space,
    score_column,
    table_shape,
)
from .docx_fill import (
    FILLED_KINDS,
    SHRINK,
    WritingSpace,
    fill,
    keep_list,
    keep_together,
    leave_room_to_sign,
    place_lower,
    set_rows,
)
from .docx_inline import Inline, points, symbol
from .docx_spread import number_pages, spread
from .docx_style import (
    UNTITLED_KINDS,
    clean,
    drop_template_thumbnail,
    page_setup,
    set_properties,
    set_styles,
    text_width,
)
from .docx_three import three_things

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from markdown_it.token import Token


@dataclass
class _ListLevel:
    num_id: int
    ordered: bool = False
    start: int = 0  # the body's block count when the list opened


@dataclass
class _Item:
    task: bool
    numbered_paragraph_done: bool = False
    ruled: bool = False  # holds writing space, which stays on the page of its question
    start: int = 0  # the body's block count when the item opened


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
        self.starts: list[int] = []  # the body's block count when each container opened
        self.data_tables: list[Any] = []
        self.headed = False  # below a section heading, not the title
        # the one numbering every top-level ordered list shares while its numbers run on
        self.questions = 0
        self.next_number = 1
        # ::: fields and ::: choices lists: all their items on one line, this paragraph
        self.row: Paragraph | None = None
        self.row_kind = ""
        self.row_count = 0
        self.spaces: list[WritingSpace] = []
        # points of space below the table just written: a paragraph that height, unless a
        # heading follows (its space above is the gap)
        self.gap_below = 0.0

    def run(self) -> None:
        for index, token in enumerate(self.tokens):
            if token.type == "heading_open":
                self.gap_below = 0.0  # the heading's own space above is the gap
                self.headed = token.tag != "h1"
            elif self.gap_below and not token.type.endswith("_close"):
                parts.gap(self.word, self.gap_below)
                self.gap_below = 0.0
            handler = getattr(self, "_" + token.type, None)
            if handler is not None:
                handler(token, index)
            elif token.type.startswith("container_") and token.type.endswith("_open"):
                self.containers.append(token.info)
                self.starts.append(len(self._blocks()))
            elif token.type.startswith("container_") and token.type.endswith("_close"):
                self._container_close(self.containers.pop(), self.starts.pop())
        if self.gap_below:  # Word ends a document with a paragraph, never a table
            parts.gap(self.word, self.gap_below)
        if self.kind in kinds.RUBRIC_KINDS and self.data_tables:
            score_column(self.data_tables[-1])
        for table in self.data_tables[kinds.WHOLE_TABLES.get(self.kind, slice(0))]:
            keep_together([table])

    # blocks -------------------------------------------------------------------------

    def _heading_open(self, token: Token, index: int) -> None:
        if self.hide_title and token.tag == "h1":
            self.hide_title = False
            return
        self.target = self.word.add_paragraph(style=f"Heading {int(token.tag[1])}")

    def _paragraph_open(self, token: Token, index: int) -> None:
        if self.table is not None:
            return
        if self.row is not None:
            if self.row_count and self.row_kind == "fields" and self.headed:
                # a plan's fields under a section heading: one full line each, to write on
                parts.field_line_stops(self.row, 1, self._width())
                self._row("fields")
                self.row.paragraph_format.space_before = points(kinds.STACKED_FIELD_GAP)
            elif self.row_count:  # across the gap to the next label or choice
                self.row.add_run("\t" if self.row_kind == "fields" else "\u2003\u2003")
            if self.row_kind == "choices":
                symbol(self.row.add_run(kinds.CHOICE[0]))
                self.row.add_run(kinds.CHOICE[1:])
            self.row_count += 1
            self.target = self.row
            return
        if not self.items and self.containers and self.containers[-1].strip() == "choices":
            self._row("choices")  # "Circle one:" on the line of its circles, as on the PDF
            self.row_count, self.target = 1, self.row
            return
        paragraph = self.word.add_paragraph(style="List Paragraph" if self.items else None)
        if self.items:
            item = self.items[-1]
            depth = len(self.lists) - 1
            if not item.numbered_paragraph_done and not item.task:
                parts.set_numbering(paragraph, self.lists[-1].num_id, depth)
                if self.kind in kinds.TICKED_KINDS and self.lists[-1].ordered and not depth:
                    # as print.css: a box after each question's number, to tick when asked
                    symbol(paragraph.add_run(kinds.TICK_BOX[0]))
                    paragraph.add_run(kinds.TICK_BOX[1:])
                    parts.hang_past_box(paragraph)
                elif self.kind in kinds.TICKED_KINDS and depth == 1 and self.lists[0].ordered:
                    parts.follow_up_under_text(paragraph)
            else:
                parts.list_indent(paragraph, depth)
            if item.task and not item.numbered_paragraph_done:
                parts.box_line(paragraph, depth)
            item.numbered_paragraph_done = True
        elif self.quote_depth:
            paragraph.style = self.word.styles["Quote"]
        if any(item.ruled for item in self.items) or any(
            c.split()[0] in kinds.RULED_CONTAINERS for c in self.containers if c.split()
        ):
            paragraph.paragraph_format.keep_with_next = True
        self.target = paragraph

    def _bullet_list_open(self, token: Token, index: int) -> None:
        kind = self.containers[-1].strip() if self.containers else ""
        if kind in ("fields", "choices") and not self.lists and self.row is None:
            self._row(kind)
        if not self.bullets:
            self.bullets = parts.bullet_numbering(self.word)
        self.lists.append(_ListLevel(self.bullets, start=len(self._blocks())))

    def _row(self, kind: str) -> None:
        """Name, Date, Class: labels on one line, each followed by a line to write on;
        choices: a circle to mark before each, on one line as on the PDF."""
        self.row, self.row_kind, self.row_count = self.word.add_paragraph(), kind, 0
        self.row.paragraph_format.space_before = points(8 if kind == "fields" else 3)
        self.row.paragraph_format.space_after = points(6)
        # a plan's lines under a section heading: one block with what follows them
        self.row.paragraph_format.keep_with_next = (kind == "fields" and self.headed) or None

    def _ordered_list_open(self, token: Token, index: int) -> None:
        start = int(token.attrGet("start") or 1)
        if self.lists:  # a list inside a list item restarts
            num_id = parts.new_ordered_list(self.word, len(self.lists), start)
        elif self.questions and start == self.next_number:
            num_id = self.questions  # the next section's questions: numbers run on
        else:
            num_id = self.questions = parts.new_ordered_list(self.word, 0, start)
            self.next_number = start
        self.lists.append(_ListLevel(num_id, ordered=True, start=len(self._blocks())))

    def _bullet_list_close(self, token: Token, index: int) -> None:
        level = self.lists.pop()
        if self.row is not None and not self.lists:
            if self.row_kind == "fields":
                count = 1 if self.headed else max(self.row_count, 1)
                parts.field_line_stops(self.row, count, self._width())
            self.row = None
        elif not self.lists and self.kind not in kinds.TICKED_KINDS:
            keep_list(self._blocks()[level.start :])

    def _ordered_list_close(self, token: Token, index: int) -> None:
        self._bullet_list_close(token, index)

    def _list_item_open(self, token: Token, index: int) -> None:
        if len(self.lists) == 1 and self.lists[0].ordered:
            self.next_number += 1
        self.items.append(
            _Item(
                task="task-list-item" in str(token.attrGet("class") or ""),
                ruled=holds_writing_space(self.tokens, index),
                start=len(self._blocks()),
            )
        )
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following is None or following.type != "paragraph_open":
            # an empty item, or one that opens with a list or table, still gets its number
            self._paragraph_open(token, index)
            self.target = None

    def _list_item_close(self, token: Token, index: int) -> None:
        item = self.items.pop()
        if self.kind in kinds.TICKED_KINDS and len(self.lists) == 1 and self.lists[0].ordered:
            keep_together(self._blocks()[item.start :])  # as print.css: a question is never split

    def _blockquote_open(self, token: Token, index: int) -> None:
        self.quote_depth += 1

    def _blockquote_close(self, token: Token, index: int) -> None:
        self.quote_depth -= 1

    def _fence(self, token: Token, index: int) -> None:
        paragraph = self.word.add_paragraph()
        run = paragraph.add_run(clean(token.content.rstrip("\n")))
        run.font.name = "Courier New"

    _code_block = _fence

    def _hr(self, token: Token, index: int) -> None:
        self.word.add_paragraph("―" * 20)

    def _table_open(self, token: Token, index: int) -> None:
        from docx.shared import Twips

        plain = self.kind in kinds.PLAIN_FIRST_COLUMN
        rows, lengths, words = table_shape(self.tokens, index, bold_labels=not plain)
        self.table = self.word.add_table(rows=rows, cols=len(lengths), style="Table Grid")
        self.table.autofit = False
        # as print.css: a table in a question sits under the question's text
        indent = parts.INDENT * len(self.lists)
        shares = kinds.column_shares(self.kind)
        widths = column_widths(lengths, words, self._width() - indent, shares)
        parts.light_table(self.table, sum(widths), self.kind in kinds.TALL_ROWS, indent)
        for column, width in zip(self.table.columns, widths, strict=True):
            column.width = Twips(width)
            for cell in column.cells:
                cell.width = Twips(width)
                cell.paragraphs[0].paragraph_format.space_after = points(0)
        self.cell = (-1, -1)

    def _table_close(self, token: Token, index: int) -> None:
        if self.table is not None:
            self.data_tables.append(self.table._tbl)
            parts.repeat_as_header(self.table.rows[0])
            for row in self.table.rows:
                parts.cant_split(row)
            finish_table(self.table, self.kind)
        self.table = None
        self.gap_below = kinds.SPACE_BELOW_TABLE

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

    def _blocks(self) -> list[Any]:
        body = self.word.element.body
        return [block for block in body if not block.tag.endswith("}sectPr")]

    def _container_close(self, info: str, start: int) -> None:
        name, *words = info.split()
        if name in ("fields", "choices"):
            self.row = None
        if name == "section":  # as print.css: a section is never split between two pages
            keep_together(self._blocks()[start:])
        if name not in kinds.RULED_CONTAINERS:
            return
        count = words[0] if words else ""
        lines = max(1, min(int(count) if count.isdigit() else kinds.DEFAULT_LINES[name], 40))
        weight = words[1].removesuffix("min") if len(words) > 1 else ""
        above = self._blocks()[start - 1 : start]
        if above and above[0].tag.endswith("}p"):  # a label stays with its lines to write on
            above[0].get_or_add_pPr().keepNext_val = True
        ruled = parts.ruled_space(self.word, len(self.lists), self._width())
        set_rows(ruled, lines)  # the lines stay together on one page
        share, most = SHRINK.get(self.kind, (0.0, None))
        minutes = int(weight) if weight.isdigit() else None
        closing = kinds.CLOSING_MARK in words[2:]  # the template marks a closing ask's room
        self.spaces.append(
            WritingSpace(ruled, lines, minutes, int(lines * share), most, closing=closing)
        )
        self.gap_below = kinds.SPACE_BELOW_RULES

    def _width(self) -> int:
        """The width between the margins, in twips."""
        return text_width(self.word) // kinds.EMU_PER_TWIP

    def _is_question(self) -> bool:
        """Whether the paragraph being written is a numbered question's own."""
        return (
            len(self.lists) == 1
            and self.lists[0].ordered
            and bool(self.items)
            and self.target is not None
            and self.target._p.pPr is not None
            and self.target._p.pPr.numPr is not None
        )

    # inline -------------------------------------------------------------------------

    def _inline(self, token: Token, index: int) -> None:
        if self.target is None:
            return
        fields = self.row is not None and self.row_kind == "fields"
        # as print.css: a table's header in navy, and its first column's labels in bold
        label = self.table is not None and self.cell[1] == 0 and self.cell[0] > 0
        label = label and self.kind not in kinds.PLAIN_FIRST_COLUMN
        bold = (self.bold_cell and self.table is not None) or fields or label
        inline = Inline(self.word, self.target, bold)
        if self.table is not None and (self.bold_cell or label):
            inline.ink = kinds.HEADER_INK if self.bold_cell else kinds.LABEL_INK
        if self.kind in kinds.RIGHT_CUE_KINDS and self._is_question():
            inline.cue_tab = True  # as on the PDF: a question's time cue at the right
            parts.right_tab(self.target, self._width())
        inline.add(token.children or [])
        if fields:
            self.target.add_run("\t")  # the line to write on
        self.target = None


def markdown_to_docx(markdown: str, options: PageOptions) -> bytes:
    """A Word document made from ``markdown``, laid out as ``options`` say."""
    try:
        import docx
    except ImportError as error:
        raise RenderError(
            f"Word output needs python-docx: {error}", hint="pip install python-docx"
        ) from None
    word = docx.Document()
    drop_template_thumbnail(word)
    set_properties(word, options)
    set_styles(word, options.kind)
    page_setup(word, options)
    writer = _Writer(word, markdown_parser().parse(markdown), options.kind)
    writer.run()
    if options.kind in FILLED_KINDS:
        fill(word, writer.spaces, parts.RULE_HEIGHT / 20, options.kind in kinds.BALANCED)
    if options.kind in kinds.BALANCED:  # as the PDF's worksheets
        three_things(word)
    if options.kind in kinds.TICKED_KINDS:
        spread(word)
    number_pages(word)
    if options.kind == "letter" and "channel-email" not in options.classes:
        leave_room_to_sign(word, kinds.SIGNATURE_ROOM)
        place_lower(word)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


__all__: Sequence[str] = ("markdown_to_docx",)
