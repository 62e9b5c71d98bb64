"""Write output files whole or not at all, and never replace a file by surprise."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# read once at import: a temporary file is private until renamed, then gets normal rights
_UMASK = _read_umask()


def atomic_write(path: Path, data: bytes | str, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    An existing file is replaced only when ``force`` is true.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path} is a folder", hint="give a file name, e.g. prep.pdf")
    if path.exists() and not force:
        raise OutputError(
            f"{path} already exists; nothing was written",
            hint="pass --force (or force=True) to replace it, or pick a new name",
        )
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise OutputError(
            f"the folder {folder} does not exist; nothing was written",
            hint="create it first, or write somewhere else",
        )
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        try:
            os.fchmod(handle, 0o666 & ~_UMASK)
            with os.fdopen(handle, "wb") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    return path
