"""People as vCard 3.0 (RFC 2426), the version every contact app imports: escaped text and
lines folded at 75 octets."""

from __future__ import annotations

from collections.abc import Iterable

from ..writers.escaping import vcard_text, vcard_uri
from .people import Person

LINE_OCTETS = 75


def escape(text: str) -> str:
    """A text value with backslash, comma, semicolon and line breaks escaped, and no other
    control character (see `escaping.vcard_text`)."""
    return vcard_text(text)


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, never inside a character."""
    pieces: list[str] = []
    current, size, limit = "", 0, LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            # a continuation line starts with one space, which counts toward its 75 octets
            current, size, limit = "", 0, LINE_OCTETS - 1
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def name_parts(person: Person) -> tuple[str, str]:
    """(family, given) as the source gave them. A name known only whole is never split by
    guesswork ("Mary Ann van der Berg" has no last space to trust): it goes whole into the
    given name, so every contact app shows it as written."""
    if person.given_name or person.family_name:
        return person.family_name or "", person.given_name or ""
    return "", person.name


def _card(person: Person) -> list[str]:
    family, given = name_parts(person)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{escape(person.name)}",
        f"N:{escape(family)};{escape(given)};;;",
    ]
    if person.org:
        lines.append(f"ORG:{escape(person.org)}")
    if person.title:
        lines.append(f"TITLE:{escape(person.title)}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{escape(person.email)}")
    if person.phone:
        lines.append(f"TEL;TYPE=VOICE:{escape(person.phone)}")
    if person.linkedin:
        lines.append(f"URL:{vcard_uri(person.linkedin)}")
    note = [
        f"Referred by {person.referred_by}." if person.referred_by else "",
        f"Found: {person.how_found}." if person.how_found else "",
        f"Field: {person.field}." if person.field else "",
    ]
    if any(note):
        lines.append(f"NOTE:{escape(' '.join(part for part in note if part))}")
    lines.append("END:VCARD")
    return lines


def vcards(people: Iterable[Person]) -> str:
    """Every person as one vCard, in a file contact apps import."""
    lines = [fold(line) for person in people for line in _card(person)]
    return "".join(line + "\r\n" for line in lines)
