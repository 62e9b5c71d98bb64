"""A worksheet's last page used to its foot in Word, as the PDF's: the height its writing
spaces leave spare becomes a "Three things I learned" box of plain ruled lines (the PDF
numbers none of them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..pagefill import SLACK
from ..pageshare import page_used, paginate
from .docx_fill import set_rows
from .docx_parts import RULE_HEIGHT, ruled_space
from .docx_spread import body_units
from .docx_style import text_width

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

LINES = 3  # the least lines worth a box: one a thing
LABEL = 10.5 * 1.15 + 8 + 3  # points: the box's label, its space above and below


def three_things(word: WordDocument) -> int:
    """Add the box below the last block if the last page has room for it; its lines."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    units, _, breaks, height = body_units(word)
    pages = paginate(units, height, breaks)
    row = RULE_HEIGHT / 20
    lines = int((height - SLACK - page_used(pages[-1]) - LABEL) // row)
    if lines < LINES:
        return 0
    label = word.add_paragraph()
    label.paragraph_format.space_before = Pt(8)
    label.paragraph_format.keep_with_next = True
    words = "Three things I learned" + (", and other notes" if lines > 9 else "")
    label.add_run(words).bold = True
    ruled = ruled_space(word, 0, text_width(word) // 635)
    set_rows(ruled, lines)
    end = word.add_paragraph().paragraph_format  # Word ends a document with a paragraph
    end.space_before = end.space_after = Pt(0)
    end.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    end.line_spacing = Pt(1)
    return lines


__all__ = ("three_things",)
