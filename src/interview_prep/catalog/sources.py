"""Where banks come from: the built-in folder, and the files and folders a user names, walked
by one rule (sub-folders whose names start with "_" or "." are skipped, taxonomy.yaml is not a
bank)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Union

from .._compat import Traversable
from ..errors import BankError, Location, Problem

BankSource = Union[str, "os.PathLike[str]", Traversable]


def builtin_root() -> Traversable:
    """The folder of built-in banks shipped inside the package."""
    return resources.files("interview_prep") / "banks"


def yaml_files_in(folder: Traversable | Path) -> Iterator[Traversable | Path]:
    """Bank files in a folder and its sub-folders, in name order (not the taxonomy)."""
    entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir() and not entry.name.startswith(("_", ".")):
            yield from yaml_files_in(entry)
        elif entry.name.endswith((".yaml", ".yml")) and entry.name != "taxonomy.yaml":
            yield entry


def source_name(entry: Traversable | Path) -> str:
    return os.fspath(entry) if isinstance(entry, Path) else str(entry)


def builtin_name(entry: Traversable) -> str:
    """A built-in bank's name as people see it in the repository: banks/clusters/x.yaml."""
    root = str(builtin_root())
    return "banks" + str(entry).removeprefix(root).replace(os.sep, "/")


def bank_files(source: BankSource) -> list[Traversable | Path]:
    try:
        return _files_at(source)
    except OSError as error:  # a name too long, a folder we may not read...
        where = os.fspath(source) if isinstance(source, (str, os.PathLike)) else str(source)
        problem = Problem(
            f"cannot read it: {error.strerror or error}",
            Location(where[:200]),
            hint="check the path of the bank file or folder",
        )
        raise BankError(where[:200], [problem]) from None


def _files_at(source: BankSource) -> list[Traversable | Path]:
    if not isinstance(source, (str, os.PathLike)):
        return list(yaml_files_in(source)) if source.is_dir() else [source]
    try:
        path = Path(source).expanduser()
    except RuntimeError:  # ~name where no user has that name: the path as written
        path = Path(source)
    if path.is_dir():
        files = list(yaml_files_in(path))
        if not files:
            raise BankError(
                str(path), [Problem("the folder holds no .yaml bank files", Location(str(path)))]
            )
        return list(files)
    if not path.exists():
        raise BankError(
            str(path),
            [
                Problem(
                    "no such file or folder",
                    Location(str(path)),
                    hint="check the path of the bank file or folder",
                )
            ],
        )
    return [path]
