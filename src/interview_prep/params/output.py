"""How a document is written out: format, paper and a school's branding, checked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..vocabulary import DOCUMENT_FORMATS, PAPERS
from .reader import ValueReader, Values

if TYPE_CHECKING:
    from ..documents import Document


@dataclass(frozen=True)
class OutputRequest:
    """The format and look asked for; `render` turns a document into those bytes or text."""

    format: str
    paper: str = "letter"
    school: str | None = None
    logo: Path | None = None
    css: Path | None = None
    fragment: bool = False
    heading_level: int = 1

    @classmethod
    def from_strings(
        cls,
        values: Values,
        *,
        path: Path | None = None,
        formats: Sequence[str] = DOCUMENT_FORMATS,
    ) -> OutputRequest:
        """The output ``values`` ask for (``format``, ``paper``, ``school``, ``logo``, ``css``,
        ``fragment``, ``heading-level``); without a format, the file ``path``'s suffix says,
        else the first of ``formats``. Raises `ParameterError` listing every problem."""
        from ..documents.document import format_for_suffix

        reader = ValueReader(values)
        chosen = reader.choice("format", None, formats)
        if chosen is None and not reader.given("format"):
            chosen = formats[0]
            if path is not None:
                with reader.check("output"):
                    chosen = format_for_suffix(path, formats)
        paper = reader.choice("paper", "letter", PAPERS)
        level = reader.number("heading-level", 1)
        logo, css = reader.text("logo"), reader.text("css")
        request = cls(
            chosen or formats[0],
            paper or "letter",
            reader.text("school"),
            Path(logo) if logo else None,
            Path(css) if css else None,
            reader.flag("fragment"),
            1 if level is None else level,
        )
        reader.raise_problems()
        return request

    @property
    def binary(self) -> bool:
        """True for formats that are bytes (PDF, Word, calendar)."""
        return self.format in ("pdf", "docx", "ics")

    def render(self, document: Document) -> str | bytes:
        """``document`` in this format, with the school's name, logo and stylesheet."""
        from ..model import Branding

        if self.school or self.logo or self.css:
            document = document.branded(Branding(self.school, self.logo, self.css))
        return document.render(
            self.format,
            paper=self.paper,
            fragment=self.fragment,
            heading_offset=self.heading_level - 1,
        )
