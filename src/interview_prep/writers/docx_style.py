"""The look of a Word document, matched to the PDF's print.css: sans body, serif navy
headings, the same margins, running header and footer, and honest file properties."""

from __future__ import annotations

import io
import os
import re
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import OutputError
from ..files.read import read_input
from ..render import LOGO_GAP_PT, LOGO_MM, MAX_LOGO_BYTES, PageOptions
from .escaping import word_property, xml_text

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Arial and Georgia are on every Windows and Mac; LibreOffice and Google Docs substitute
# metric-compatible faces (Liberation Sans), so a page breaks where Word breaks it
BODY_FONT = "Arial"
HEADING_FONT = "Georgia"
NAVY = "123C5A"
GREY = "3D3D3D"
BODY_SIZE = 10.5
# points: size, space above, space below, as in print.css (about twice as much above as
# below); one type scale in every kind, as the PDF's: a 16 pt title, 12 pt section heads,
# 11 pt subheads (a shadow's time blocks), between the 10.5 pt body and their section head
Spacing = tuple[float, float, float]
TITLE_PT, SECTION_PT, SUBHEAD_PT = 16.0, 12.0, 11.0
HEADINGS: dict[int, Spacing] = {1: (TITLE_PT, 0, 3), 2: (SECTION_PT, 11, 4), 3: (SUBHEAD_PT, 9, 3)}
# the script is held in the meeting on one page: its heads sit closer to their text;
# worksheets keep the room for writing, their section heads over a 1.2 pt navy rule
KIND_HEADINGS: dict[str, dict[int, Spacing]] = {
    "script": {1: (TITLE_PT, 0, 2), 2: (SECTION_PT, 7, 2), 3: (SUBHEAD_PT, 4, 1)},
    "prep-sheet": {2: (SECTION_PT, 9, 1), 3: (SUBHEAD_PT, 9, 1)},
    "shadow-plan": {2: (SECTION_PT, 10, 2), 3: (SUBHEAD_PT, 9, 1)},
}
LINE_SPACING = {"letter": 1.3, "script": 1.0}
# a worksheet's theme headings are set solid (line-height 1.05 in print.css)
TIGHT_HEADINGS = {"prep-sheet": 0.85, "shadow-plan": 0.85}
# page sizes in twentieths of a point, as Word stores them: US Letter and A4
PAPER_TWIPS = {"letter": (12240, 15840), "a4": (11906, 16838)}
# page rules in print.css whose margins Word takes: a document's, and a letter's plain page
_PAGE_RULES = {
    "document": r"@page\s*\{\s*margin:\s*([^;]+);",
    "letter": r"@page plain\s*\{\s*margin:\s*([^;]+);",
}


@lru_cache(maxsize=1)
def margins() -> dict[str, tuple[float, float, float, float]]:
    """Top, right, bottom and left margins in mm, read from print.css so Word and the PDF
    never drift apart."""
    from importlib import resources

    css = (resources.files("interview_prep") / "templates" / "print.css").read_text("utf-8")
    found: dict[str, tuple[float, float, float, float]] = {}
    for kind, pattern in _PAGE_RULES.items():
        match = re.search(pattern, css)
        assert match is not None, f"print.css has no {kind} page margins"
        top, right, bottom, left = (float(v.removesuffix("mm")) for v in match.group(1).split())
        found[kind] = (top, right, bottom, left)
    return found


UNTITLED_KINDS = ("letter",)
LANDSCAPE_KINDS = ("comparison",)
LOGO_AIR_MM = 4  # between the logo's foot and the text
WORD_LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")


def clean(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (python-docx refuses them)."""
    return xml_text(text)


def _fonts(run_properties: Any, name: str) -> None:
    """Name a font outright: the theme attributes Word's template sets would win over it."""
    fonts = run_properties.get_or_add_rFonts()
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(f"{{{W}}}{attribute}", None)
    for attribute in ("ascii", "hAnsi", "cs"):
        fonts.set(f"{{{W}}}{attribute}", name)


def set_styles(word: WordDocument, kind: str) -> None:
    """Body, heading and table type as the PDF prints them."""
    from docx.shared import Pt, RGBColor

    styles = word.styles
    defaults = styles.element.find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr")
    if defaults is not None:
        _fonts(defaults, BODY_FONT)
    normal = styles["Normal"]
    _fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    normal.font.size = Pt(11 if kind == "letter" else BODY_SIZE)
    normal.font.color.rgb = RGBColor.from_string("1A1A1A")
    spacing = normal.paragraph_format
    spacing.space_before, spacing.space_after = Pt(0), Pt(11 if kind == "letter" else 3)
    spacing.line_spacing = LINE_SPACING.get(kind, 1.1)
    for level, (size, above, below) in (HEADINGS | KIND_HEADINGS.get(kind, {})).items():
        style = styles[f"Heading {level}"]
        _fonts(style.element.get_or_add_rPr(), HEADING_FONT)
        style.font.size = Pt(size)
        style.font.bold, style.font.italic = True, False
        style.font.color.rgb = RGBColor.from_string(NAVY)
        style.paragraph_format.space_before = Pt(above)
        style.paragraph_format.space_after = Pt(below)
        style.paragraph_format.keep_with_next = True
        if kind in TIGHT_HEADINGS and level > 1:  # as print.css: light labels, set solid
            style.paragraph_format.line_spacing = TIGHT_HEADINGS[kind]
    _heading_rule(styles["Heading 2"].element, *(("4", "9BB4C6") if kind == "script" else ()))
    for name in ("Header", "Footer"):  # the running head and the page numbers: small grey
        if name in [style.name for style in styles]:
            styles[name].font.size = Pt(8.5)
            styles[name].font.color.rgb = RGBColor.from_string("555555")
    list_style = styles["List Paragraph"].paragraph_format
    list_style.space_before, list_style.space_after = Pt(0), Pt(1)


def _heading_rule(style: Any, size: str = "10", color: str = NAVY) -> None:
    """The rule under a section heading (``size`` in eighths of a point)."""
    from docx.oxml import parse_xml

    style.get_or_add_pPr().append(
        parse_xml(
            f'<w:pBdr xmlns:w="{W}"><w:bottom w:val="single" w:sz="{size}" w:space="1"'
            f' w:color="{color}"/></w:pBdr>'
        )
    )


def set_properties(word: WordDocument, options: PageOptions) -> None:
    """Title, language and the real time the file was made (``SOURCE_DATE_EPOCH`` if set,
    for reproducible builds), not python-docx's template's 2013 dates."""
    made = datetime.now(timezone.utc).replace(microsecond=0)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        made = datetime.fromtimestamp(int(epoch), timezone.utc)
    properties = word.core_properties
    # Word keeps at most 255 characters of each; python-docx refuses longer ones
    properties.title = word_property(options.title)
    properties.language = options.language
    properties.author = word_property(options.school or "")
    properties.last_modified_by = ""
    properties.comments = "made with interview-prep"
    properties.created = properties.modified = made.replace(tzinfo=None)
    properties.revision = 1


def text_width(word: WordDocument) -> int:
    """The width between the margins, in EMU."""
    section = word.sections[0]
    return (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)


def page_setup(word: WordDocument, options: PageOptions) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Emu, Mm, Pt, RGBColor, Twips

    width, height = PAPER_TWIPS[options.paper]
    section = word.sections[0]
    if options.kind in LANDSCAPE_KINDS:
        from docx.enum.section import WD_ORIENT

        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = Twips(width), Twips(height)
    top, right, bottom, left = margins()["letter" if options.kind == "letter" else "document"]
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    section.header_distance = section.footer_distance = Mm(5)

    if options.kind in UNTITLED_KINDS and not (options.school or options.logo):
        return
    header = section.header.paragraphs[0]
    header.paragraph_format.space_after = Pt(0)
    if options.logo is not None:
        _logo(header, _logo_bytes(options.logo))
        # text starts 4 mm under the logo, not on its foot (the PDF keeps 6 mm)
        air = (section.header_distance or 0) + Mm(LOGO_MM + LOGO_AIR_MM)
        section.top_margin = Emu(max(section.top_margin or 0, air))
        header.add_run("\t")
    name = header.add_run(clean(options.school or options.title))
    name.bold = bool(options.school) or None
    name.font.size = Pt(9.5 if options.school else 8.5)
    name.font.color.rgb = RGBColor.from_string(NAVY if options.school else "555555")
    if options.school:
        title = header.add_run(clean(f"  ·  {options.title}"))
        title.font.size = Pt(8.5)
        title.font.color.rgb = RGBColor.from_string("555555")
    if options.logo is not None:  # a centered font box sits 1.4 pt under its capitals: 2 pt up
        for run in header.runs[1:]:
            run._r.get_or_add_rPr().append(parse_xml(f'<w:position xmlns:w="{W}" w:val="4"/>'))
    if options.kind in UNTITLED_KINDS:
        return
    footers = [section.footer]
    if not (options.school or options.logo):
        # as print.css: no running head on the first page (its title says it), then the
        # title at the right
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = ""
        footers.append(section.first_page_footer)
    for footer in footers:
        _footer(word, footer.paragraphs[0], options.footer)


def _footer(word: WordDocument, footer: Any, words: str) -> None:
    """As print.css: the footer's words at the left, "Page 1 of 2" flush right."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Pt

    from .docx_parts import add_page_fields

    footer.paragraph_format.space_after = Pt(0)
    footer.add_run(clean(f"{words}\tPage ") if words else "\tPage ")
    add_page_fields(footer)
    for run in footer.runs:
        run.font.size = Pt(8.5)
    footer.alignment = WD_ALIGN_PARAGRAPH.LEFT
    stops = footer.paragraph_format.tab_stops
    for stop in word.styles["Footer"].paragraph_format.tab_stops:  # the template's center tab
        stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(text_width(word), WD_TAB_ALIGNMENT.RIGHT)


def _logo(header: Any, data: bytes) -> None:
    """The logo ``LOGO_MM`` tall at the text margin, then a tab stop ``LOGO_GAP_PT`` after it."""
    from docx.oxml import parse_xml
    from docx.shared import Mm, Pt

    picture = header.add_run().add_picture(io.BytesIO(data), height=Mm(LOGO_MM))
    inline = picture._inline
    for side in ("T", "B", "L", "R"):  # LibreOffice puts 9 pt beside a picture without them
        inline.set(f"dist{side}", "0")
    header.paragraph_format.tab_stops.add_tab_stop(picture.width + Pt(LOGO_GAP_PT))
    # the name centered on the logo's height, as on the PDF (Arial's font box and its
    # capitals share a middle within 0.1 pt)
    header._p.get_or_add_pPr().append(parse_xml(f'<w:textAlignment xmlns:w="{W}" w:val="center"/>'))


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


def drop_template_thumbnail(word: WordDocument) -> None:
    """python-docx's template carries a picture of itself, which file browsers would show."""
    relationships = word.part.package.rels
    for key, relationship in list(relationships.items()):
        if relationship.reltype.endswith("/metadata/thumbnail"):
            del relationships[key]
