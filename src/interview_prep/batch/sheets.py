"""What a roster file is, and the rows of an Excel workbook (.xlsx) as text."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from typing import Any

SAVE_AS = "open it in your spreadsheet program and save it as an Excel workbook (.xlsx) or as CSV"
MAX_UNPACKED_BYTES = 200_000_000


def kind_of(raw: bytes) -> str | None:
    """What ``raw`` is when it is not a roster this tool reads (None: CSV, YAML or .xlsx)."""
    head = raw[:8]
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(raw)
    if head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return (
            "an Excel 97-2003 workbook (.xls), a password-protected workbook or another "
            "old Office file"
        )
    if head.startswith(b"%PDF"):
        return "a PDF"
    if head.startswith((b"{\\rtf", b"{\\RTF")):
        return "a rich-text document (.rtf)"
    start = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table")):
        return "a web page (HTML), as some programs save spreadsheets"
    if not head.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\0" in raw[:4096]:
        return "not a text file"
    return None


def _zip_kind(raw: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, RuntimeError):
        return "a damaged or unfinished zip archive"
    if "xl/workbook.xml" in names:
        return None
    if b"opendocument.spreadsheet" in mimetype:
        return "an OpenDocument spreadsheet (.ods)"
    if "word/document.xml" in names or b"opendocument.text" in mimetype:
        return "a word-processing document"
    if any(name.startswith("Index/") for name in names):
        return "an Apple Numbers spreadsheet"
    if "ppt/presentation.xml" in names:
        return "a PowerPoint presentation"
    return "a zip archive"


def is_workbook(raw: bytes) -> bool:
    return raw.startswith(b"PK\x03\x04") and kind_of(raw) is None


def workbook_rows(raw: bytes, source: str, limit: int) -> list[tuple[int, list[str]]]:
    """The non-empty rows of the workbook's roster sheet as (row number, cells), the header
    first: the active sheet, or the first one with a ``name`` column. At most ``limit``
    rows after the header are read."""
    from openpyxl import load_workbook

    from .roster import RosterError

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as error:
        raise RosterError(f"{source}: a damaged Excel workbook: {error}", hint=SAVE_AS) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise RosterError(
            f"{source}: the workbook unpacks to {unpacked:,} bytes, over the limit of "
            f"{MAX_UNPACKED_BYTES:,}",
            hint="keep only the roster sheet, or save it as CSV",
        )
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        try:
            sheets = [book.active, *book.worksheets]
            for sheet in sheets:
                rows = _sheet_rows(sheet, limit)
                if rows and any(_header_name(cell) == "name" for cell in rows[0][1]):
                    return rows
            return _sheet_rows(sheets[0], limit) if sheets[0] is not None else []
        finally:
            book.close()
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise RosterError(
            f"{source}: cannot read this Excel workbook: {type(error).__name__}: {error}",
            hint=SAVE_AS,
        ) from None


def _header_name(cell: str) -> str:
    return "".join(c for c in cell.lower() if c.isalpha())


def _sheet_rows(sheet: Any, limit: int) -> list[tuple[int, list[str]]]:
    if sheet is None or not hasattr(sheet, "iter_rows"):
        return []
    rows: list[tuple[int, list[str]]] = []
    width = None
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = [cell_text(value) for value in values[:width]]
        while cells and not cells[-1]:
            cells.pop()
        if not any(cells):
            continue
        if width is None:
            width = max(len(cells), 1)
        rows.append((number, cells))
        if len(rows) > limit + 1:
            break
    return rows


def cell_text(value: object) -> str:
    """A cell's value as a roster reads it: 30 for 30.0, 2026-03-14T15:30 for a date."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value).strip()
