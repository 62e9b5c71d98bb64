"""A finished document: Markdown as its single source, and the ways to show and save it.

The source is "rich" Markdown (containers for writing space and checklists, escaped blanks)
that HTML and PDF are rendered from; ``markdown`` is the portable form of the same source that
any Markdown viewer shows cleanly.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..errors import OutputError, UnknownNameError
from ..files.write import atomic_write
from ..model import Branding

if TYPE_CHECKING:
    from ..render import PageOptions

FORMATS = ("md", "html", "pdf", "docx")
# HTML pages with a field per space: a student on a video call types into the page itself
SCREEN_FILLABLE_KINDS = (
    "prep-sheet",
    "shadow-plan",
    "reflection",
    "comparison",
    "timeline",
    "handout",
)
FILLABLE_KINDS = ("prep-sheet", "reflection")  # their PDFs carry a form field per writing space
D = TypeVar("D", bound="Document")
SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}


MAX_STYLESHEET_BYTES = 1_000_000


def _fetching_nothing(css: str, source: object) -> str:
    """A user's stylesheet without what a browser would fetch (web addresses, files),
    with a warning naming what was left out."""
    from ..writers.escaping import stylesheet_without_fetches

    kept, refused = stylesheet_without_fetches(css)
    if refused:
        import warnings

        from ..errors import RefusedResourceWarning

        shown = ", ".join(sorted(set(refused))[:5])
        warnings.warn(
            RefusedResourceWarning(
                f"left out {len(set(refused))} address(es) the stylesheet {source} asks for "
                f"({shown}): pages never fetch anything; put images in as data: URLs"
            ),
            stacklevel=4,
        )
    return kept


@dataclass(frozen=True)
class Document:
    """A rendered document (script, prep sheet, ...); its rich Markdown ``source`` is the
    single source of every format."""

    kind: str
    title: str
    source: str
    language: str = "en"
    paper: str = "letter"
    branding: Branding | None = field(default=None, repr=False)
    footer: str = ""  # on every printed page: whose sheet, about whom, when

    def __str__(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} {self.kind} {self.title!r}: "
            f"{len(self.source):,} characters of Markdown>"
        )

    @property
    def markdown(self) -> str:
        """Portable Markdown: no containers, no escaped blanks, one numbered list of questions."""
        # kept in the instance without a lock (3.11's cached_property locks across threads)
        portable: str | None = self.__dict__.get("_portable")
        if portable is None:
            from ..writers.portable import portable_markdown

            portable = portable_markdown(self.source)
            object.__setattr__(self, "_portable", portable)
        return portable

    def branded(self: D, branding: Branding | None) -> D:
        """The same document with a school's name, logo and stylesheet on its pages."""
        return replace(self, branding=branding)

    def _options(self, paper: str | None) -> PageOptions:
        from ..render import PageOptions

        brand = self.branding or Branding()
        extra: tuple[str, ...] = ()
        if brand.css is not None:
            from ..errors import InputFileError
            from ..files.read import read_input

            try:
                raw = read_input(brand.css, what="stylesheet", limit=MAX_STYLESHEET_BYTES)
            except InputFileError as error:
                raise OutputError(error.message, hint=error.hint) from None
            try:
                extra = (_fetching_nothing(raw.decode("utf-8"), brand.css),)
            except UnicodeDecodeError:
                raise OutputError(
                    f"the stylesheet {brand.css} is not UTF-8 text", hint="save it as UTF-8"
                ) from None
        return PageOptions(
            paper=paper or self.paper,
            title=self.title,
            language=self.language,
            kind=self.kind,
            footer=self.footer,
            school=brand.school,
            logo=Path(brand.logo) if brand.logo else None,
            extra_css=extra,
        )

    def to_markdown(self, *, heading_offset: int = 0) -> str:
        """Portable Markdown; ``heading_offset`` demotes every heading, to embed it in a page."""
        if not heading_offset:
            return self.markdown
        from ..writers.portable import portable_markdown

        return portable_markdown(self.source, heading_offset=heading_offset)

    def to_html(self, *, fragment: bool = False, heading_offset: int = 0) -> str:
        """A standalone page with print CSS, or with ``fragment`` an embeddable piece."""
        from ..render import html_page, markdown_to_html

        if fragment:
            return markdown_to_html(self.source, heading_offset=heading_offset)
        # a sheet written on the screen too (a student on a video call) has fields to type in
        options = replace(self._options(None), fillable=self.kind in SCREEN_FILLABLE_KINDS)
        return html_page(self.source, options, screen=True)

    def to_pdf(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        paper: str | None = None,
        force: bool = False,
        fillable: bool | None = None,
    ) -> bytes:
        """The PDF bytes; with ``path``, also write them there whole or not at all.

        A prep sheet or reflection sheet is also a PDF form (``fillable``, on by default for
        them): a field over each ruled writing space, to type into on screen.
        """
        from ..pdf import html_to_pdf
        from ..render import html_page
        from ..writers.fonts import warn_about_missing

        if fillable is None:
            fillable = self.kind in FILLABLE_KINDS
        options = replace(self._options(paper), fillable=fillable)
        warn_about_missing(f"{self.title}\n{self.source}\n{options.school or ''}", self.title)
        pdf = html_to_pdf(html_page(self.source, options), options)
        if path is not None:
            atomic_write(Path(path), pdf, force=force)
        return pdf

    def to_docx(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        paper: str | None = None,
        force: bool = False,
    ) -> bytes:
        """The Word (.docx) bytes; with ``path``, also write them there whole or not at all."""
        from ..writers.docx import markdown_to_docx

        data = markdown_to_docx(self.source, self._options(paper))
        if path is not None:
            atomic_write(Path(path), data, force=force)
        return data

    def render(
        self,
        format: str,
        *,
        paper: str | None = None,
        fragment: bool = False,
        heading_offset: int = 0,
    ) -> bytes | str:
        """The document as ``md`` (portable Markdown), ``html``, ``pdf`` or ``docx``: the one
        place a format is chosen. ``fragment`` and ``heading_offset`` embed HTML or Markdown in
        a page; ``paper`` sizes PDF and Word."""
        if format == "md":
            return self.to_markdown(heading_offset=heading_offset)
        if format == "html":
            return self.to_html(
                fragment=fragment or bool(heading_offset), heading_offset=heading_offset
            )
        if format == "pdf":
            return self.to_pdf(paper=paper)
        if format == "docx":
            return self.to_docx(paper=paper)
        raise UnknownNameError("format", format, FORMATS, parameter="format")

    def save(
        self, path: str | os.PathLike[str], *, format: str | None = None, force: bool = False
    ) -> Path:
        """Write the document; the format follows ``format`` or the file's suffix."""
        target = Path(path)
        chosen = format or format_for_suffix(target, FORMATS)
        return atomic_write(target, self.render(chosen), force=force)

    def _repr_markdown_(self) -> str:
        return self.markdown

    def _repr_html_(self) -> str:
        return self.to_html(fragment=True)


def footer_line(learner: str | None, person: str | None = None, when: date | None = None) -> str:
    """A printed page's footer: the student, the person and the date, each a blank to fill
    in when unknown, so a page that comes loose still says whose it is."""
    from ..markdown.typography import short_date

    day = short_date(when) + f", {when.year}" if when else "Date ________"
    who = f"with {person}" if person else "With ______________"
    return " · ".join([learner or "Name ______________", who, day])


def with_person(title: str, person: str | None) -> str:
    """A document's title naming the person it is about: 'Prep sheet: Nurse, with Dana Ortiz'."""
    return f"{title}, with {person}" if person else title


def format_for_suffix(path: Path, allowed: Sequence[str]) -> str:
    """The output format a file name asks for, by its suffix."""
    fmt = SUFFIXES.get(path.suffix.lower(), path.suffix.lower().lstrip("."))
    if fmt not in allowed:
        raise UnknownNameError(
            "output format",
            path.suffix or "(no suffix)",
            [f".{a}" for a in allowed],
            hint="end the file name with " + ", ".join(f".{a}" for a in allowed),
        )
    return fmt
