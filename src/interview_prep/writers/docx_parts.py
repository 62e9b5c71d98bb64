"""The pieces of WordprocessingML python-docx has no API for: list numbering definitions,
repeated table headers, table rules and padding, ruled writing space, lines to write a name
on, and page-number fields."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table, _Row
    from docx.text.paragraph import Paragraph

_Element = Any  # an lxml element, as python-docx makes them

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LEVELS = 9
INDENT = 360  # twentieths of a point per list level (a quarter inch)
BULLET_GLYPHS = ("•", "◦", "▪")
RULE_COLOR = "8FA3B3"
TABLE_RULE_COLOR = "999999"
HEADER_RULE_COLOR = "123C5A"
RULE_HEIGHT = 397  # twentieths of a point between ruled lines: 7 mm, as on the PDF
CELL_PADDING = (50, 100)  # twips above/below and left/right of a table cell's text
FIELD_GAP = 340  # twips (6 mm) between two lines to write on


def _xml(text: str) -> _Element:
    from docx.oxml import parse_xml

    return parse_xml(text.replace("XMLNS", f'xmlns:w="{W}"'))


def _numbering(word: WordDocument) -> _Element:
    return word.part.numbering_part.element


def _next_id(numbering: _Element, tag: str, attribute: str) -> int:
    used = [int(e.get(f"{{{W}}}{attribute}")) for e in numbering.iter(f"{{{W}}}{tag}")]
    return max(used, default=0) + 1


def _levels(ordered: bool) -> str:
    levels = []
    for level in range(LEVELS):
        if ordered:
            shape = f'<w:numFmt w:val="decimal"/><w:lvlText w:val="%{level + 1}."/>'
        else:
            glyph = BULLET_GLYPHS[level % len(BULLET_GLYPHS)]
            shape = f'<w:numFmt w:val="bullet"/><w:lvlText w:val="{glyph}"/>'
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/>{shape}<w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{INDENT * (level + 1)}" w:hanging="{INDENT}"/></w:pPr>'
            "</w:lvl>"
        )
    return "".join(levels)


def _add_list(word: WordDocument, ordered: bool, level: int, start: int | None) -> int:
    """A new abstract list and a list instance of it; returns the instance's ``numId``."""
    numbering = _numbering(word)
    abstract_id = _next_id(numbering, "abstractNum", "abstractNumId")
    num_id = _next_id(numbering, "num", "numId")
    abstract = _xml(
        f'<w:abstractNum XMLNS w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{_levels(ordered)}</w:abstractNum>'
    )
    override = (
        f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        if start is not None
        else ""
    )
    instance = _xml(
        f'<w:num XMLNS w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        f"{override}</w:num>"
    )
    first_num = numbering.find(f"{{{W}}}num")
    if first_num is not None:  # the schema wants every abstractNum before the first num
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(instance)
    return num_id


def new_ordered_list(word: WordDocument, level: int, start: int) -> int:
    """Numbering for one ordered list: its own instance, so it restarts at ``start``. A
    list that starts at 1 needs no override, which every reader of Word files understands."""
    return _add_list(word, True, level, None if start == 1 else start)


def bullet_numbering(word: WordDocument) -> int:
    """Numbering shared by every bulleted list of a document."""
    return _add_list(word, False, 0, None)


def set_numbering(paragraph: Paragraph, num_id: int, level: int) -> None:
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = min(level, LEVELS - 1)
    numbering.get_or_add_numId().val = num_id


def list_indent(paragraph: Paragraph, level: int) -> None:
    """Indent a paragraph to the text of list ``level``, without a number or bullet."""
    from docx.shared import Twips

    paragraph.paragraph_format.left_indent = Twips(INDENT * (level + 1))


def repeat_as_header(row: _Row) -> None:
    """Repeat this row at the top of every page the table runs onto."""
    # on/off properties are on when present: the Open XML SDK's validator flags w:val="true"
    row._tr.get_or_add_trPr().append(_xml("<w:tblHeader XMLNS/>"))


def cant_split(row: _Row) -> None:
    row._tr.get_or_add_trPr().append(_xml("<w:cantSplit XMLNS/>"))


def _padding(left_right: int, above: int = CELL_PADDING[0]) -> _Element:
    return _xml(
        f'<w:tblCellMar XMLNS><w:top w:w="{above}" w:type="dxa"/>'
        f'<w:left w:w="{left_right}" w:type="dxa"/><w:bottom w:w="{above}" w:type="dxa"/>'
        f'<w:right w:w="{left_right}" w:type="dxa"/></w:tblCellMar>'
    )


def _fit_between_margins(table: Table, width: int, indent: int) -> None:
    """A fixed-width table whose left edge sits ``indent`` twips in from the margin and whose
    right edge stays inside the right margin. In Word 2010 compatibility (python-docx's
    template), ``tblInd`` places the first cell's text, so the cell padding is added to it."""
    _add_table_property(table, _xml(f'<w:tblW XMLNS w:w="{width}" w:type="dxa"/>'))
    _add_table_property(
        table, _xml(f'<w:tblInd XMLNS w:w="{indent + CELL_PADDING[1]}" w:type="dxa"/>')
    )
    _add_table_property(table, _xml('<w:tblLayout XMLNS w:type="fixed"/>'))
    _add_table_property(table, _padding(CELL_PADDING[1]))


def light_table(table: Table, width: int, boxed: bool = False, indent: int = 0) -> None:
    """A data table as the PDF prints it: padded cells, light rules between the rows and a
    navy rule under the header row, its edges on the margins (or ``indent`` twips in, under
    a list item's text); ``boxed``, every cell ruled round (a grid to write in, as the
    comparison sheet)."""
    rule = f'w:val="single" w:sz="4" w:space="0" w:color="{TABLE_RULE_COLOR}"'
    edge = rule if boxed else 'w:val="nil"'
    _fit_between_margins(table, width, indent)
    _add_table_property(
        table,
        _xml(
            f"<w:tblBorders XMLNS><w:top {edge}/><w:left {edge}/><w:bottom {rule}/>"
            f"<w:right {edge}/><w:insideH {rule}/><w:insideV {edge}/></w:tblBorders>"
        ),
    )
    for cell in table.rows[0].cells:
        cell._tc.get_or_add_tcPr().append(
            _xml(
                f'<w:tcBorders XMLNS><w:bottom w:val="single" w:sz="8" w:space="0"'
                f' w:color="{HEADER_RULE_COLOR}"/></w:tcBorders>'
            )
        )


BOX_HANG = 14.0  # points: a box and its space, which a checklist's wrapped lines clear
# points from one checklist item to the next: its box (DejaVu Sans at 12.5 pt draws 9.1 pt)
# then 5 pt of paper, as the PDF's rows of boxes (4.3 pt under a 12.4 pt box)
CHECK_LINE = 14.2
CHECK_AFTER = 3.5  # points of paper under each checklist item, so stacked rows read apart


def box_line(paragraph: Paragraph, depth: int) -> None:
    """A checklist item: its large box sets no taller line (stacked boxes 5 pt apart, as
    print.css keeps them clear), the box at its list's edge and a wrapped line under the
    text."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    form = paragraph.paragraph_format
    form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    form.line_spacing = Pt(CHECK_LINE)
    form.space_after = Pt(CHECK_AFTER)
    # List Paragraph drops the space between its own paragraphs: keep it here
    paragraph._p.get_or_add_pPr().insert_element_before(
        _xml('<w:contextualSpacing XMLNS w:val="0"/>'),
        *("w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection"),
        *("w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId"),
        *("w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
    )
    form.left_indent = Pt(depth * 18 + BOX_HANG)
    form.first_line_indent = Pt(-BOX_HANG)


# twips from a question's box to its text: the box (DejaVu Sans ☐ at 12.5 pt, 11.2 pt wide)
# and the en space after it (Liberation Sans at 10.5 pt, 5.25 pt)
BOX_STEP = 329
# points from a script question's line to the next: the body's line (12.1 pt), the box
# (9.1 pt from the baseline up) kept clear of the line above
QUESTION_LINE = 12.6


def hang_past_box(paragraph: Paragraph) -> None:
    """A script's question: its number, then its box at the list's text edge, and a wrapped
    line (a time cue) under the question's text, not under the box; its large box sets no
    taller line (the room goes above the script's section heads)."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt, Twips

    form = paragraph.paragraph_format
    form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    form.line_spacing = Pt(QUESTION_LINE)
    form.tab_stops.add_tab_stop(Twips(INDENT))  # the number's tab stops at the box
    form.left_indent = Twips(INDENT + BOX_STEP)
    form.first_line_indent = Twips(-(INDENT + BOX_STEP))


FOLLOW_UP_HANG = 240  # twips from a follow-up's bullet to its text


def follow_up_under_text(paragraph: Paragraph) -> None:
    """A script's follow-up: its bullet under its question's text (past the box), as the
    PDF sets it."""
    from docx.shared import Twips

    form = paragraph.paragraph_format
    form.left_indent = Twips(INDENT + BOX_STEP + FOLLOW_UP_HANG)
    form.first_line_indent = Twips(-FOLLOW_UP_HANG)


def ruled_space(word: WordDocument, indent_level: int, width: int) -> Table:
    """A one-row table of ruled writing lines, ``width`` twips wide, never split."""
    from docx.shared import Pt

    ruled: Table = word.add_table(rows=1, cols=1)
    ruled_table_borders(ruled, indent_level, width)
    cant_split(ruled.rows[0])
    ruled.rows[0].cells[0].paragraphs[0].paragraph_format.space_after = Pt(0)
    return ruled


def ruled_table_borders(
    table: Table, indent_level: int, width: int, pitch: int = RULE_HEIGHT, inset: bool = True
) -> None:
    """Make a one-column table look like ruled lines to write on, ``pitch`` twips apart,
    inside the margins (or, not ``inset``, flush with the cell that holds it)."""
    from docx.shared import Twips

    rule = f'w:val="single" w:sz="4" w:space="0" w:color="{RULE_COLOR}"'
    indent = INDENT * indent_level
    _fit_between_margins(table, width - indent, indent)
    if not inset:
        _add_table_property(table, _xml('<w:tblInd XMLNS w:w="0" w:type="dxa"/>'))
        _add_table_property(table, _padding(0, 0))
        for cell in table.columns[0].cells:  # no row taller than its rule's pitch
            cell.paragraphs[0].paragraph_format.space_after = Twips(0)
    for cell in table.columns[0].cells:
        cell.width = Twips(width - indent)
    _add_table_property(
        table,
        _xml(
            f'<w:tblBorders XMLNS><w:top w:val="nil"/><w:left w:val="nil"/>'
            f'<w:bottom {rule}/><w:right w:val="nil"/><w:insideH {rule}/>'
            '<w:insideV w:val="nil"/></w:tblBorders>'
        ),
    )
    for row in table.rows:
        row._tr.get_or_add_trPr().append(
            # "at least": a row grows when a student types more than a line into it
            _xml(f'<w:trHeight XMLNS w:val="{pitch}" w:hRule="atLeast"/>')
        )


def cell_rule(cell: _Element, side: str, color: str, eighths: int) -> None:
    """A rule on one ``side`` of a table cell (a ``w:tc``), ``eighths`` of a point wide."""
    rule = _xml(
        f'<w:tcBorders XMLNS><w:{side} w:val="single" w:sz="{eighths}" w:space="0"'
        f' w:color="{color}"/></w:tcBorders>'
    )
    properties = cell.get_or_add_tcPr()
    later = ("shd", "noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")
    after = [c for c in properties if c.tag.split("}")[1] in later]  # the schema's order
    if after:
        after[0].addprevious(rule)
    else:
        properties.append(rule)


def right_tab(paragraph: Paragraph, width: int) -> None:
    """A tab stop that sets what follows it flush with the right margin, ``width`` twips in."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Twips

    paragraph.paragraph_format.tab_stops.add_tab_stop(Twips(width), WD_TAB_ALIGNMENT.RIGHT)


def field_line_stops(paragraph: Paragraph, count: int, width: int) -> None:
    """Tab stops for ``count`` labeled lines to write on, across ``width`` twips: each label
    is followed by a tab whose underscore leader is the line (the first line twice as long,
    as on the PDF), and a plain tab jumps the gap to the next label."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Twips

    unit = (width - FIELD_GAP * (count - 1)) / (count + 1)
    stops = paragraph.paragraph_format.tab_stops
    position = 0.0
    for index in range(count):
        position += unit * (2 if index == 0 else 1)
        end = min(int(position), width)
        stops.add_tab_stop(Twips(end), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.LINES)
        if index < count - 1:
            position += FIELD_GAP
            stops.add_tab_stop(Twips(int(position)), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.SPACES)


# the order the schema gives a table's properties; Word refuses a file that breaks it
TABLE_PROPERTY_ORDER = (
    *("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize"),
    *("tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd"),
    *("tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"),
)


def _add_table_property(table: Table, element: _Element) -> None:
    """Set one table property, in the schema's order, replacing any the table had."""
    properties = table._tbl.tblPr
    name = element.tag.split("}")[1]
    for old in properties.findall(f"{{{W}}}{name}"):
        properties.remove(old)
    rank = TABLE_PROPERTY_ORDER.index(name)
    for child in properties:
        other = child.tag.split("}")[1]
        if other in TABLE_PROPERTY_ORDER and TABLE_PROPERTY_ORDER.index(other) > rank:
            child.addprevious(element)
            return
    properties.append(element)


def add_page_fields(paragraph: Paragraph) -> None:
    """'N of M': the page number and the page count, as fields Word updates itself."""
    paragraph._p.append(_field("PAGE", "1"))
    paragraph.add_run(" of ")
    paragraph._p.append(_field("NUMPAGES", "1"))


def _field(instruction: str, shown: str) -> _Element:
    return _xml(
        f'<w:fldSimple XMLNS w:instr="{instruction}"><w:r><w:t>{shown}</w:t></w:r></w:fldSimple>'
    )


def gap(word: WordDocument, height: float) -> None:
    """A paragraph of ``height`` points: Word needs one between two tables, and it is the
    space below a table."""
    from docx.enum.text import WD_LINE_SPACING

    from .docx_inline import points

    paragraph = word.add_paragraph().paragraph_format
    paragraph.space_before = paragraph.space_after = points(0)
    paragraph.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.line_spacing = points(height)
