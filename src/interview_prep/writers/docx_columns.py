"""How wide each column of a Word table is: shared by what its cells hold, never so narrow
that a word breaks across lines; rows to write in; which list items hold writing space."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import docx_kinds as kinds
from .fonts import text_width

if TYPE_CHECKING:
    from docx.table import Table
    from markdown_it.token import Token

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WRITING_ROOM = 24  # characters' width for a column of blank cells to write in
# characters: a cell this short stays on one line ("Thu, Dec 10", "Developing (2)")
ONE_LINE = 14
CELL_TWIPS = 260  # a cell's padding, and a little to spare
ARIAL = 0.9  # Arial's advance widths against DejaVu Sans's (fonts.py reads DejaVu's)
CELL_PT = 10.5


def table_shape(
    tokens: Sequence[Token], start: int, bold_labels: bool = True
) -> tuple[int, list[int], list[float]]:
    """The rows of the table that opens at ``tokens[start]``, how much room each column
    wants (its longest text, or room to write in where its cells are blank), and each
    column's widest word (or cell of at most ONE_LINE characters), in points, which must fit
    on a line (in bold in the header and, ``bold_labels``, in the first column)."""
    rows = column = 0
    headers: list[int] = []
    bodies: list[int] = []
    words: list[float] = []
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
                words.append(0.0)
            text = tokens[index + 1].content.strip()
            lengths = headers if token.type == "th_open" else bodies
            lengths[column] = max(lengths[column], len(text))
            # a head stays on one line ("Name OK to mention?" wrapped), a short cell too
            whole = [text] if len(text) <= ONE_LINE or token.type == "th_open" else []
            bold = token.type == "th_open" or (bold_labels and column == 0)
            widest = (text_width(w, CELL_PT, bold=bold) * ARIAL for w in [*whole, *text.split()])
            words[column] = max([words[column], *widest])
            column += 1
    wants = [
        max(h, b, 8) if b else max(h, WRITING_ROOM) for h, b in zip(headers, bodies, strict=True)
    ]
    return rows, wants, words


def column_widths(
    wants: Sequence[int],
    words: Sequence[float],
    total: int,
    shares: dict[int, tuple[float, ...]] | None = None,
) -> list[int]:
    """Widths in twips sharing ``total`` in proportion to what each column wants, up to a
    limit, but never so narrow that a column's longest word breaks across lines; or set by
    ``shares`` (percentages, by the number of columns) where they name this table's."""
    if shares and len(wants) in shares:
        return [int(total * share / 100) for share in shares[len(wants)]]
    weights = [min(want, 70) for want in wants]
    floors = [min(CELL_TWIPS + int(20 * word), total // 2) for word in words]
    if sum(floors) >= total:
        return [total * floor // sum(floors) for floor in floors]
    widths = [total * weight // sum(weights) for weight in weights]
    while True:
        short = [i for i, width in enumerate(widths) if width < floors[i]]
        if not short:
            return widths
        fixed = {i for i, width in enumerate(widths) if width <= floors[i]}
        left = total - sum(floors[i] for i in fixed)
        free = sum(weights[i] for i in range(len(widths)) if i not in fixed)
        if not free:
            return floors
        widths = [
            floors[i] if i in fixed else left * weights[i] // free for i in range(len(widths))
        ]


def finish_table(table: Table, kind: str) -> None:
    """A data table's rows as ``kind`` sets them in print.css: tall rows or rows to write in,
    ruled blank cells, a centered column."""
    tall = kinds.TALL_ROWS.get(kind, 0.0)
    rows_to_write_in(
        table, tall, kind in kinds.WRITE_IN_ROWS, *kinds.WRITE_IN_ROWS.get(kind, (0, False))
    )
    if kind in kinds.RULED_CELLS:
        rule_blank_cells(
            table, kinds.RULED_CELLS[kind], kinds.CELL_RULE_MM, kind in kinds.EDGED_CELLS
        )
    if kind in kinds.CENTERED_COLUMN:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for row in table.rows:
            cell = row.cells[kinds.CENTERED_COLUMN[kind]]
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def rows_to_write_in(table: Table, tall: float, write_in: bool, least: float, bottom: bool) -> None:
    """Rows ``tall`` inches (a comparison's), or ``least`` mm if a row has a blank cell to
    write in, growing as a student types; text on the row's rule if ``bottom``."""
    blank = any(not cell.text.strip() for row in table.rows[1:] for cell in row.cells)
    if not (tall or (blank and write_in)):
        return
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
    from docx.shared import Inches, Mm

    for row in table.rows[1:]:
        row.height = Inches(tall) if tall else Mm(least)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        if bottom:
            for cell in row.cells:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM


def rule_blank_cells(table: Table, rules: int, pitch_mm: float, edge: bool) -> None:
    """``rules`` light rules ``pitch_mm`` apart across each blank body cell of ``table`` (a
    nested table of ruled rows), the row's own border below them the last line to write on;
    ``edge``: a light rule at the cell's left."""
    from docx.shared import Mm, Pt

    from .docx_parts import CELL_PADDING, cell_rule, ruled_table_borders

    for row in table.rows[1:]:
        for cell in row.cells:
            if cell.text.strip() or cell.tables:
                continue
            width = (cell.width or 0) // 635 - 2 * CELL_PADDING[1]  # twips inside the padding
            first = cell.paragraphs[0]
            ruled = cell.add_table(rows=rules, cols=1)
            ruled_table_borders(ruled, 0, width, Mm(pitch_mm).twips, inset=False)
            cell._tc.remove(first._p)
            end = cell.paragraphs[-1].paragraph_format  # Word ends a cell with a paragraph
            end.space_before = end.space_after = Pt(0)
            end.line_spacing = Pt(1)
            if edge:
                cell_rule(cell._tc, "left", "C3CBD3", 4)


def score_column(element: Any) -> None:
    """As print.css sets a rubric (a table element): its type 9.5 pt, its last column flush
    right, and a navy rule above its total row."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from .docx_parts import HEADER_RULE_COLOR, cell_rule

    rows = element.findall(f"{W}tr")
    for run in element.iter(f"{W}r"):
        run.get_or_add_rPr().sz_val = Pt(kinds.RUBRIC_PT)
    for row in rows:
        for paragraph in row.findall(f"{W}tc")[-1].iter(f"{W}p"):
            paragraph.get_or_add_pPr().jc_val = WD_ALIGN_PARAGRAPH.RIGHT
    for cell in rows[-1].findall(f"{W}tc") if len(rows) > 2 else []:
        cell_rule(cell, "top", HEADER_RULE_COLOR, 8)


def holds_writing_space(tokens: Sequence[Token], start: int) -> bool:
    """Whether the list item that opens at ``tokens[start]`` holds ruled writing space."""
    depth = 0
    for token in tokens[start:]:
        if token.type == "list_item_open":
            depth += 1
        elif token.type == "list_item_close":
            depth -= 1
            if not depth:
                return False
        elif (
            token.type.startswith("container_")
            and token.type.endswith("_open")
            and token.info.strip().split(" ")[0] in kinds.RULED_CONTAINERS
        ):
            return True
    return False
