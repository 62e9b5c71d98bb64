"""Bank plugins: packages that register bank files under the entry-point group
``interview_prep.banks``; a plugin that fails is skipped with a warning."""

from __future__ import annotations

import hashlib
import os
import sys
import warnings
from pathlib import Path

from .._compat import Traversable
from ..errors import PluginWarning
from ..model import Bank, Taxonomy
from . import cache
from .reading import read_bank_file
from .sources import BankSource, bank_files

ENTRY_POINT_GROUP = "interview_prep.banks"


def plugins_enabled() -> bool:
    """Plugins load unless INTERVIEW_PREP_PLUGINS=0 turns them off."""
    return os.environ.get("INTERVIEW_PREP_PLUGINS", "1").strip().lower() not in ("0", "no", "off")


def _plugin_entry_points() -> list[tuple[str, str]]:
    """The (name, object reference) of every installed bank plugin.

    Scanning installed distributions costs tens of milliseconds on every command, so the
    answer is cached, keyed by the modification times of the folders on sys.path (installing
    or removing a distribution changes its folder's).
    """
    digest = hashlib.sha256(ENTRY_POINT_GROUP.encode())
    for entry in sys.path:
        try:
            digest.update(f"{entry}\0{Path(entry or '.').stat().st_mtime_ns}\0".encode())
        except OSError:
            digest.update(f"{entry}\0-\0".encode())
    key = f"plugins-{digest.hexdigest()[:32]}"
    found = cache.load(key)
    if isinstance(found, tuple) and all(
        isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        for pair in found
    ):
        return [(name, value) for name, value in found]
    from importlib import metadata

    points = [(p.name, p.value) for p in metadata.entry_points(group=ENTRY_POINT_GROUP)]
    cache.store(key, points)
    return points


def _load_reference(reference: str) -> object:
    """The object an entry point names, ``module.path:attribute.path``."""
    import importlib

    module_name, _, attributes = reference.partition(":")
    value: object = importlib.import_module(module_name.strip())
    for attribute in filter(None, attributes.strip().split(".")):
        value = getattr(value, attribute)
    return value


def _plugin_banks(taxonomy: Taxonomy) -> list[Bank]:
    """Banks from installed plugins; a plugin that fails is named in a warning and skipped,
    so one broken package never stops every command."""
    banks: list[Bank] = []
    for name, reference in _plugin_entry_points():
        label = f"the bank plugin {name!r} ({reference})"
        try:
            sources = _plugin_sources(_load_reference(reference))
            files = [entry for source in sources for entry in bank_files(source)]
            banks.extend(read_bank_file(entry, taxonomy) for entry in files)
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # plugin code may raise anything, even SystemExit
            warnings.warn(
                PluginWarning(
                    f"{label} was skipped: {type(error).__name__}: {error}".rstrip(": ")
                    + "; reinstall or uninstall the package that provides it, or set "
                    "INTERVIEW_PREP_PLUGINS=0 to load no plugins"
                ),
                stacklevel=2,
            )
    return banks


def _plugin_sources(value: object) -> list[BankSource]:
    if callable(value):
        value = value()
    if isinstance(value, (str, os.PathLike, Traversable)):
        return [value]
    if isinstance(value, (list, tuple)) and all(
        isinstance(part, (str, os.PathLike, Traversable)) for part in value
    ):
        return list(value)
    raise TypeError(f"it gave {type(value).__name__}, not a path or a list of paths to bank files")
