"""Read a file a user named: only regular files, and never more than a stated size.

Every path a user gives (a bank, a roster, a logo, a stylesheet, a template, a notes file)
comes through here, so a device such as ``/dev/zero``, a FIFO that never ends, or a huge file
is refused with a message before anything is read whole.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import InputFileError

MEGABYTE = 1_000_000


def read_input(path: str | os.PathLike[str], *, what: str, limit: int, hint: str = "") -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    ``what`` names the file in messages ("bank file", "logo", ...). Raises `InputFileError`
    for a missing file, a folder, a device, a FIFO or socket, or a file over the limit.
    """
    source = Path(path)
    if "\0" in str(source):  # no system call takes it; only a program can pass one
        raise InputFileError(
            f"the {what} name {str(source)!r} holds a NUL character", hint="check the path"
        )
    try:
        info = source.stat()
    except OSError as error:
        raise InputFileError(
            f"cannot read the {what} {source}: {error.strerror or error}",
            hint=hint or "check the path",
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(f"the {what} {source} is a folder", hint=hint or "give a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(
            f"the {what} {source} is not a regular file (a device, pipe or socket)",
            hint=hint or "give an ordinary file saved on disk",
        )
    if info.st_size > limit:
        raise InputFileError(_too_big(what, source, info.st_size, limit))
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO after the check, opening never hangs
        descriptor = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise InputFileError(f"the {what} {source} is not a regular file")
            data = stream.read(limit + 1)
    except OSError as error:
        raise InputFileError(
            f"cannot read the {what} {source}: {error.strerror or error}",
            hint=hint or "check the path and its permissions",
        ) from None
    if len(data) > limit:
        raise InputFileError(_too_big(what, source, len(data), limit))
    return data


def _too_big(what: str, source: Path, size: int, limit: int) -> str:
    return f"the {what} {source} is over the limit of {limit:,} bytes (it has {size:,} or more)"


def csv_rows(text: str, source: str | os.PathLike[str]) -> list[list[str]]:
    """Every row of the CSV ``text`` read from ``source``: a cell of any length (csv's own
    limit is 131,072 characters) and the csv module's errors as `InputFileError` with the
    line."""
    import csv
    import io

    # the limit is per process; the file was already bounded by `read_input`
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text))
    try:
        return list(reader)
    except csv.Error as error:
        raise InputFileError(
            f"{os.fspath(source)}, line {reader.line_num}: not readable as CSV: {error}",
            hint="save it again from a spreadsheet as CSV (UTF-8)",
        ) from None


# what pypdf raises reading a damaged or hostile file besides its own errors
_PDF_FAILURES = (
    OSError,
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    AssertionError,
    ZeroDivisionError,
    RecursionError,
)


def pdf_form_values(raw: bytes, source: str | os.PathLike[str]) -> dict[str, str]:
    """The text of each form field of the PDF ``raw`` (read from ``source``), by field
    name. An encrypted PDF that opens with an empty password, as viewers save filled-in
    forms, is read; every failure of pypdf's (its limits, reference cycles, odd objects)
    becomes an `InputFileError`."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    where = os.fspath(source)
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            reader.decrypt("")
        fields = reader.get_fields() or {}
        return {str(name): _form_text(field.get("/V")) for name, field in fields.items()}
    except FileNotDecryptedError:
        raise InputFileError(
            f"the PDF {where} is protected with a password",
            hint="open it in a PDF viewer and save a copy without the password",
        ) from None
    except (PyPdfError, DependencyError, *_PDF_FAILURES) as error:
        raise InputFileError(
            f"cannot read the PDF {where}: {type(error).__name__}: {error}"[:500],
            hint="open it in a PDF viewer and save it again, or type the notes in",
        ) from None


def _form_text(value: object) -> str:
    """A field's value as text: a string or name as it is, a list of them joined."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return ", ".join(item.strip() for item in value if isinstance(item, str))
    return ""
