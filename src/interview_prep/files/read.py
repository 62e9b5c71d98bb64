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
