"""A script's last page used well in Word: a script is a list to read aloud, not a
worksheet, so no writing space grows; when its last page would be short, the space above
its questions and headings grows a little (as the PDF's looser rhythm) until that page is
used as the PDF's is, on the same number of pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import Element

from ..pageheights import Unit
from ..pageshare import page_used, paginate
from .docx_fill import _emu_pt, _paragraph, _table_units, _top
from .docx_kinds import TICK_BOX

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LAST_PAGE = 0.66  # the share of its page a script's last page fills, at least (the PDF: 0.65)
MOST_GAP = 6.0  # points added above a question or heading, at most
STEP = 0.5  # points
STACKED = 2.0  # points between two questions' boxes and the 3.5 pt their lines leave


def body_units(
    word: WordDocument, past_one_page: bool = False
) -> tuple[list[Unit], list[Any], frozenset[int], float]:
    """The body's blocks as units the pages never split, estimated from the fonts' metrics;
    each unit's paragraph (None for a table's), the units a page break starts, and the
    height of a page's text. ``past_one_page``: stop once they overfill a page."""
    from docx.text.paragraph import Paragraph

    section = word.sections[0]
    width = _emu_pt((section.page_width or 0) - (section.left_margin or 0))
    width -= _emu_pt(section.right_margin or 0)
    height = _emu_pt((section.page_height or 0) - _top(word) - (section.bottom_margin or 0)) - 4
    units: list[Unit] = []
    paragraphs: list[Any] = []
    breaks: set[int] = set()
    for block in word.element.body:
        if past_one_page and sum(unit.height for unit in units) > height:
            break
        tag = block.tag.split("}")[1]
        if tag == "tbl":
            tables = _table_units(word, block)
            units.extend(tables)
            paragraphs.extend([None] * len(tables))
        if tag != "p":
            continue
        paragraph = Paragraph(block, word._body)
        lines, form = _paragraph(word, paragraph, width)
        unit = Unit([Element("p")], lines * form.line + form.before + form.after, 0, 0, form.keep)
        if paragraph.paragraph_format.page_break_before:
            breaks.add(id(unit))
        units.append(unit)
        paragraphs.append(paragraph)
    return units, paragraphs, frozenset(breaks), height


def spread(word: WordDocument) -> float:
    """Loosen a script of two pages or more whose last page is short; the points added above
    each question and heading. A question right under another gets ``STACKED`` points above
    it first: its box is taller than the line it sets."""
    for above, below in zip(word.paragraphs, word.paragraphs[1:], strict=False):
        if above.text.startswith(TICK_BOX[0]) and below.text.startswith(TICK_BOX[0]):
            _space_above(below, STACKED)
    units, paragraphs, breaks, height = body_units(word)
    gaps: list[tuple[Unit, Any]] = []
    headed = False
    for unit, paragraph in zip(units, paragraphs, strict=True):
        if paragraph is None:
            continue
        heading = paragraph.style is not None and paragraph.style.name.startswith("Heading 2")
        if heading or (paragraph.text.startswith(TICK_BOX[0]) and not headed):
            gaps.append((unit, paragraph))
        headed = heading
    pages = paginate(units, height, breaks)
    if len(pages) < 2 or page_used(pages[-1]) >= LAST_PAGE * height:
        return 0.0
    added = 0.0
    while added + STEP <= MOST_GAP:
        for unit, _ in gaps:
            unit.height += STEP
        trial = paginate(units, height, breaks)
        if len(trial) > len(pages):
            break
        added += STEP
        if page_used(trial[-1]) >= LAST_PAGE * height:
            break
    for _, paragraph in gaps:
        _space_above(paragraph, added)
    return added


def number_pages(word: WordDocument) -> None:
    """A one-page document's footers say "Page 1", not "Page 1 of 1": the page count and its
    " of " go where the estimate finds one page (it errs long, never short)."""
    units, _, breaks, height = body_units(word, past_one_page=True)
    if len(paginate(units, height, breaks)) > 1:
        return
    for section in word.sections:
        for footer in (section.footer, section.first_page_footer):
            if footer.is_linked_to_previous:
                continue
            for paragraph in footer.paragraphs:
                for field in paragraph._p.findall(f"{W}fldSimple"):
                    if "NUMPAGES" in (field.get(f"{W}instr") or ""):
                        _drop_count(field)


def _drop_count(field: Any) -> None:
    """Remove the NUMPAGES ``field`` and the " of " run before it."""
    before = field.getprevious()
    if before is not None and before.tag == f"{W}r" and _text(before) == " of ":
        before.getparent().remove(before)
    field.getparent().remove(field)


def _text(run: Any) -> str:
    return "".join(t.text or "" for t in run.iter(f"{W}t"))


def _space_above(paragraph: Any, points: float) -> None:
    """``points`` more above ``paragraph``, even between list items of one style (whose
    style leaves no space between them)."""
    from docx.oxml import parse_xml
    from docx.shared import Pt

    form = paragraph.paragraph_format
    before = form.space_before.pt if form.space_before is not None else None
    if before is None and paragraph.style is not None:
        style = paragraph.style.paragraph_format.space_before
        before = style.pt if style is not None else 0.0
    form.space_before = Pt((before or 0.0) + points)
    properties = paragraph._p.get_or_add_pPr()
    if properties.find(f"{W}contextualSpacing") is None:
        properties.insert_element_before(
            parse_xml(f'<w:contextualSpacing xmlns:w="{W[1:-1]}" w:val="0"/>'),
            *("w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection"),
            *("w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId"),
            *("w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
        )


__all__ = ("body_units", "number_pages", "spread")
