"""Escaping for formats with a syntax of their own: calendar text, spreadsheet cells, GIFT,
vCard, XML (Word, the course cartridge) and the terminal."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

# C0 controls (line breaks included), DEL, C1 controls, and Unicode line/paragraph separators
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_GIFT_SPECIAL = re.compile(r"([~=#{}:\\\[\]])")


def one_line(text: str) -> str:
    """``text`` with every control character and line break turned into one space.

    Calendar properties, file headers and single-line fields take user text through this,
    so a name can never end a line early and start a property or event of its own.
    """
    return " ".join(_CONTROL.sub(" ", text).split())


def calendar_text(text: str) -> str:
    """A value for an iCalendar TEXT property: one line, no control characters (the
    icalendar library then escapes commas, semicolons and backslashes)."""
    return one_line(text)


def spreadsheet_cell(value: str) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading apostrophe, the convention spreadsheets read as "this is text".
    """
    return "'" + value if value.startswith(_FORMULA_START) else value


def gift_text(text: str) -> str:
    """Text for a GIFT question: special characters escaped, one line."""
    return _GIFT_SPECIAL.sub(r"\\\1", one_line(text))


# What XML 1.0 cannot hold at all: C0 controls other than tab, line feed and carriage return,
# lone surrogates, U+FFFE and U+FFFF. A parser refuses the whole file for one of them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (Word's vertical tab, a pasted
    NUL, U+FFFE): the XML writers (Word, the course cartridge, QTI) put text through this."""
    return _NOT_XML.sub("", text)


def xml_document(root: ET.Element) -> bytes:
    """An element tree as UTF-8 XML with a declaration, every text, tail and attribute
    value first put through `xml_text`, so no user text can make the file unreadable."""
    for element in root.iter():
        if element.text:
            element.text = xml_text(element.text)
        if element.tail:
            element.tail = xml_text(element.tail)
        for name, value in list(element.attrib.items()):
            element.set(name, xml_text(value))
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


WORD_PROPERTY_LIMIT = 255


def word_property(text: str) -> str:
    """A Word document property (title, author): one line, XML-safe, and at most the 255
    characters Word stores, cut at a word with an ellipsis when longer."""
    text = xml_text(one_line(text))
    if len(text) <= WORD_PROPERTY_LIMIT:
        return text
    cut = text[: WORD_PROPERTY_LIMIT - 1]
    if " " in cut[WORD_PROPERTY_LIMIT // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


# vCard 3.0 (RFC 2426) text: no control characters at all; line breaks become ``\\n``
_VCARD_SPECIAL = re.compile(r"([\\,;])")
_LINE_BREAK = re.compile("\r\n|[\r\n\u0085\u2028\u2029]")


def vcard_text(text: str) -> str:
    """A vCard TEXT value: backslash, comma and semicolon escaped, each line break as
    ``\\n``, every other control character (C0, DEL, C1) removed."""
    lines = (_CONTROL.sub("", line) for line in _LINE_BREAK.split(text))
    return "\\n".join(_VCARD_SPECIAL.sub(r"\\\1", line) for line in lines)


def vcard_uri(text: str) -> str:
    """A vCard URI value (URL): one line, no control characters or spaces, so a value can
    never end its property and start another, or another card."""
    return "".join(_CONTROL.sub(" ", text).split())


# ESC, CSI and the other controls that make a terminal move, recolor, retitle or clear, and
# the bidirectional overrides that make text read differently from what it holds
_BIDI = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
_TERMINAL_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_ANY_TERMINAL_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}]")


def terminal_text(text: str, *, lines: bool = True) -> str:
    """``text`` safe to print on a terminal: every control character, escape sequence
    starter and bidirectional override shown as a visible ``\\x1b``-style code, never
    acted on. With ``lines`` false, line breaks and tabs are shown as codes too.

    The command line puts any text that came from a user or a file through this.
    """
    pattern = _TERMINAL_CONTROL if lines else _ANY_TERMINAL_CONTROL
    return pattern.sub(_code, text)


def _code(match: re.Match[str]) -> str:
    char = match.group()
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


# CSS functions that take a web address as a string: image-set("a.png" 1x) fetches a.png
_FETCHING_FUNCTIONS = frozenset({"url", "src", "image", "image-set", "-webkit-image-set"})


def stylesheet_without_fetches(css: str) -> tuple[str, list[str]]:
    """A user's stylesheet with everything a browser would fetch taken out, and what was.

    ``url(...)`` and the functions that take addresses become ``none`` and ``@import``
    rules are dropped, unless they name an inline ``data:`` URL; the CSS tokenizer reads
    them as a browser does, escapes (``u\\72l(``) included. HTML pages then load nothing,
    as the PDF renderer's fetcher already fetches nothing.
    """
    import tinycss2  # type: ignore[import-untyped]

    refused: list[str] = []
    nodes = _without_fetches(tinycss2.parse_component_value_list(css), refused)
    return (tinycss2.serialize(nodes) if refused else css), refused


def _without_fetches(nodes: list[Any], refused: list[str]) -> list[Any]:
    from tinycss2.ast import IdentToken  # type: ignore[import-untyped]

    kept: list[Any] = []
    skipping = False
    for node in nodes:
        if skipping:  # the rest of an @import rule, up to its semicolon
            skipping = not (node.type == "literal" and node.value == ";")
            continue
        if node.type == "at-keyword" and node.lower_value == "import":
            refused.append("@import")
            skipping = True
            continue
        addresses = _addresses(node)
        if any(not a.strip().lower().startswith("data:") for a in addresses):
            refused.extend(a for a in addresses if not a.strip().lower().startswith("data:"))
            kept.append(IdentToken(node.source_line, node.source_column, "none"))
            continue
        if node.type == "function":
            node.arguments = _without_fetches(node.arguments, refused)
        elif node.type in ("{} block", "[] block", "() block"):
            node.content = _without_fetches(node.content, refused)
        kept.append(node)
    return kept


def _addresses(node: Any) -> list[str]:
    """The addresses a token would make a browser fetch; one it can only work out when the
    page is shown (``image-set(var(--logo) 1x)``) counts as an address too."""
    if node.type == "url":
        return [str(node.value)]
    if node.type != "function" or node.lower_name not in _FETCHING_FUNCTIONS:
        return []
    found = [str(a.value) for a in node.arguments if a.type in ("string", "url")]
    for argument in node.arguments:
        if argument.type == "function":
            found += _addresses(argument) or [f"{argument.name}(...)"]
    if not found and node.lower_name in ("url", "src"):
        found = [f"{node.name}(...)"]
    return found
