"""People as a contacts CSV in Outlook's column names, which Outlook and Google Contacts
both import (Google lists "Outlook CSV" among its sources). Cells that a spreadsheet would
run as a formula are kept as text, since these files get opened in spreadsheets too."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from ..writers.escaping import one_line, spreadsheet_cell
from .people import Person
from .vcard import name_parts

COLUMNS = (
    "First Name",
    "Last Name",
    "Company",
    "Job Title",
    "E-mail Address",
    "Business Phone",
    "Web Page",
    "Notes",
    "Categories",
)
CATEGORY = "interview-prep"
# a phone number's own characters: a cell of only these cannot call a function, so
# "+1 555 0100" stays as written rather than gaining an apostrophe a contact app would keep
_PHONE = re.compile(r"[+\d][\d ().-]*")


def _cell(value: str | None) -> str:
    return spreadsheet_cell(one_line(value or ""))


def _phone(value: str | None) -> str:
    text = one_line(value or "")
    return text if _PHONE.fullmatch(text) else spreadsheet_cell(text)


def contacts_csv(people: Iterable[Person]) -> str:
    """Every person as one row; a name known only whole is the first name, unsplit."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for person in people:
        family, given = name_parts(person)
        note = [
            f"Referred by {person.referred_by}." if person.referred_by else "",
            f"Found: {person.how_found}." if person.how_found else "",
            f"Field: {person.field}." if person.field else "",
        ]
        writer.writerow(
            [
                _cell(given),
                _cell(family),
                _cell(person.org),
                _cell(person.title),
                _cell(person.email),
                _phone(person.phone),
                _cell(person.linkedin),
                _cell(" ".join(part for part in note if part)),
                CATEGORY,
            ]
        )
    # a byte-order mark: Excel and Outlook then read the names' accents as UTF-8
    return "\ufeff" + buffer.getvalue()
