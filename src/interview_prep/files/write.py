"""Write output files whole or not at all, and never replace a file by surprise."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from ..errors import OutputError


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# read once at import: a temporary file is private until renamed, then gets normal rights
_UMASK = _read_umask()


def atomic_write(
    path: Path, data: bytes | str, *, force: bool = False, mode: int | None = None
) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    The file gets the usual rights (0o666 less the umask), or exactly ``mode`` when given:
    0o600 for what carries other people's details, whatever the umask.

    An existing file is replaced only when ``force`` is true; without it the file is created
    exclusively, so of two processes writing the same new name only one succeeds. Only
    regular files are ever replaced: a device, pipe, socket or folder is refused.
    """
    path = Path(path)
    if "\0" in str(path):  # no system call takes it; only a program can pass one
        raise OutputError(
            f"the file name {str(path)!r} holds a NUL character; nothing was written",
            hint="give an ordinary file name",
        )
    _check_target(path, force)
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise OutputError(
            f"the folder {folder} does not exist; nothing was written",
            hint="create it first, or write somewhere else",
        )
    payload = data.encode("utf-8", errors="surrogateescape") if isinstance(data, str) else data
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        try:
            os.fchmod(handle, 0o666 & ~_UMASK if mode is None else mode)
            with os.fdopen(handle, "wb") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            if force:
                _check_target(path, force)  # it may have changed while we wrote
                Path(temporary).replace(path)
            else:
                _link_new(Path(temporary), path)
        finally:
            Path(temporary).unlink(missing_ok=True)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    return path


def _check_target(path: Path, force: bool) -> None:
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{path} is a folder", hint="give a file name, e.g. prep.pdf")
    if not stat.S_ISREG(info.st_mode) and not stat.S_ISLNK(info.st_mode):
        raise OutputError(
            f"{path} is not a regular file (a device, pipe or socket); nothing was written",
            hint="write to an ordinary file name",
        )
    if stat.S_ISLNK(info.st_mode) and path.exists() and not path.is_file():
        raise OutputError(
            f"{path} links to something that is not a regular file; nothing was written",
            hint="write to an ordinary file name",
        )
    if not force:
        raise _exists(path)


def _link_new(temporary: Path, path: Path) -> None:
    """Give the written file its name only if that name is still free (atomic)."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise _exists(path) from None
    except OSError:
        # a file system without hard links: an exclusive create, then the rename
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise _exists(path) from None
        os.close(descriptor)
        temporary.replace(path)


def _exists(path: Path) -> OutputError:
    return OutputError(
        f"{path} already exists; nothing was written",
        hint="replace it on purpose, or pick a new name",
        parameter="force",
    )
