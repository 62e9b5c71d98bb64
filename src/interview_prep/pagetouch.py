"""Print-only touches to a page's tree before it is laid out: a question's time cue put
first (print.css floats it at the right of the first line), a short last word held to two
words before it, and a one-page document's footer without "of 1"."""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement

from .markdown.nobreak import NBSP, SHORT_WORD
from .pageheights import WORKSHEETS

ONE_PAGE = "one-page-footer"
# a one-page document says "Page 1", not "Page 1 of 1" (print.css's footer, for one page)
_ONE_PAGE_CSS = '@page { @bottom-right { content: "Page " counter(page); } }'


def three_last_words(main: Element) -> None:
    """On paper, a paragraph or list item that ends in a short word held to the one before
    it (nobreak.py: "you\u00a0may.") holds a third word too, so its last line is never
    those two words alone."""
    for element in (e for e in main.iter() if e.tag in ("p", "li")):
        last = element[-1] if len(element) else None
        text = (last.tail if last is not None else element.text) or ""
        head, joined, tail = text.rpartition(NBSP)
        if not joined or " " in tail or not head.rstrip() or head != head.rstrip():
            continue
        before, space, word = head.rpartition(" ")
        if space and word and len(tail.strip(".,;:!?")) <= SHORT_WORD:
            text = f"{before}{NBSP}{word}{NBSP}{tail}"
            if last is not None:
                last.tail = text
            else:
                element.text = text


def cues_first(main: Element, kind: str) -> None:
    """Put each question's time cue first in its paragraph, so it floats at the right of the
    question's first line on every question (print.css), the text wrapping before it."""
    if kind not in WORKSHEETS:
        return
    for item in main.iterfind(".//ol/li"):
        text = item.find("p")
        cue = text.find("em") if text is not None and len(item) and item[0] is text else None
        if text is None or cue is None or text[0] is cue:
            continue
        index = list(text).index(cue)
        previous = text[index - 1]
        previous.tail = (previous.tail or "") + (cue.tail or "")
        text.remove(cue)
        cue.tail, text.text = text.text, None
        text.insert(0, cue)


def footer_for(root: Element, one: bool) -> None:
    """Number a document's pages "Page 1" when ``one`` (it takes one page), else "Page 1 of
    2" (print.css), by a style element of its own in the head."""
    head = root.find("head")
    if head is None:
        return
    for style in head.findall("style"):
        if style.get("id") == ONE_PAGE:
            head.remove(style)
    if one:
        SubElement(head, "style", {"id": ONE_PAGE}).text = _ONE_PAGE_CSS
