"""The runs of one Word paragraph, from a markdown-it inline token's children: bold,
emphasis (timing cues, set as print.css sets them), strike-through, links, code, check boxes
and line breaks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .docx_style import GREY, clean

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph
    from markdown_it.token import Token

CHECKBOX = {False: "☐", True: "☑"}
# boxes to tick and circles to mark, as large as the PDF's: Arial has no box, and its circle
# is half an em; DejaVu Sans (LibreOffice's fallback, in every Linux) has both at 0.73 em, so
# 12.5 pt draws a 3.2 mm box, taller than the body's capitals
SYMBOL_FONT, SYMBOL_SIZE = "DejaVu Sans", 12.5
CUE_LENGTH = 40  # characters: a timing cue this short stays on one line, as on the PDF


class Inline:
    """Runs of one paragraph, from a markdown-it inline token's children."""

    def __init__(self, word: WordDocument, paragraph: Paragraph, bold: bool) -> None:
        self.word = word
        self.paragraph = paragraph
        self.bold = bold
        self.italic = False
        self.strike = False
        self.link: str | None = None
        self.cue_tab = False  # a time cue goes to the right margin, after a tab
        self.ink: str | None = None  # the color of every run but a link's (a table's labels)

    def add(self, children: Sequence[Token]) -> None:
        for child in children:
            kind = child.type
            if kind == "text":
                if child.content:
                    self._text(child.content)
            elif kind == "code_inline":
                self._text(child.content).font.name = "Courier New"
            elif kind == "softbreak":
                self._text(" ")
            elif kind == "hardbreak":
                self.paragraph.add_run().add_break()
            elif kind == "html_inline" and "task-list-item-checkbox" in child.content:
                symbol(self.paragraph.add_run(CHECKBOX["checked" in child.content]))
            elif kind in ("strong_open", "strong_close"):
                self.bold = kind == "strong_open"
            elif kind in ("em_open", "em_close"):
                self.italic = kind == "em_open"
                if self.italic and self.cue_tab:
                    self.paragraph.add_run("\t")
            elif kind in ("s_open", "s_close"):
                self.strike = kind == "s_open"
            elif kind == "link_open":
                self.link = str(child.attrGet("href") or "")
            elif kind == "link_close":
                self.link = None

    def _text(self, text: str) -> Any:
        if self.italic:  # timing cues, as print.css sets them: plain dark grey, never split
            text = text.replace(" ", "\u00a0") if len(text) <= CUE_LENGTH else text
        run = self.paragraph.add_run(clean(text))
        if text.strip() in CHECKBOX.values():  # a table's box to tick (the timeline's Done)
            symbol(run)
        run.bold = self.bold or None
        run.font.strike = self.strike or None
        if self.ink:
            run.font.color.rgb = color(self.ink)
        if self.italic:
            run.font.size = points(9.5)
            run.font.color.rgb = color(GREY)
        if self.link:
            run.font.underline = True
            run.font.color.rgb = color("123C5A")
        return run


def points(value: float) -> Any:
    from docx.shared import Pt

    return Pt(value)


def color(hex_value: str) -> Any:
    from docx.shared import RGBColor

    return RGBColor.from_string(hex_value)


def symbol(run: Any) -> Any:
    """``run`` set as a box to tick or a circle to mark: ``SYMBOL_FONT``, ``SYMBOL_SIZE``."""
    from docx.shared import Pt

    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(
            f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{attribute}",
            SYMBOL_FONT,
        )
    run.font.size = Pt(SYMBOL_SIZE)
    return run
