"""Find, load and combine the taxonomy and the question banks into one Catalog."""

from __future__ import annotations

import hashlib
import os
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeGuard, Union

from . import cache
from ._compat import Traversable
from .errors import (
    BankError,
    InputFileError,
    Location,
    PluginWarning,
    Problem,
    UnknownNameError,
)
from .fields import FieldIndex, FieldMatch
from .model import Bank, Item, Taxonomy
from .yamlfile import MAX_BYTES, read_yaml

ENTRY_POINT_GROUP = "interview_prep.banks"
SPLIT_HINT = "a bank file holds at most 5 MB; split a bigger one into several files"
BankSource = Union[str, "os.PathLike[str]", Traversable]


@dataclass(frozen=True)
class Catalog:
    """The taxonomy, every loaded bank, and all their items, ready to search and plan from."""

    taxonomy: Taxonomy
    banks: tuple[Bank, ...]
    items: tuple[Item, ...] = field(repr=False)

    def __repr__(self) -> str:
        return f"<Catalog: {len(self.banks)} banks, {len(self.items)} items>"

    @cached_property
    def _index(self) -> FieldIndex:
        if self.taxonomy is builtin_taxonomy():
            return builtin_field_index()
        return FieldIndex(self.taxonomy)

    @cached_property
    def _by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    def item(self, item_id: str) -> Item:
        """The item with this id."""
        try:
            return self._by_id[item_id]
        except KeyError:
            raise UnknownNameError("item id", item_id, self._by_id) from None

    def resolve_field(self, text: str) -> FieldMatch:
        """The cluster or occupation that ``text`` names (id, title, alias or classic name)."""
        return self._index.resolve(text)

    def field_in(self, text: str) -> FieldMatch | None:
        """The field a job title or headline names, whole or by its longest run of words
        that names one ("Staff RN, Mercy Hospital"); None when none does. Cached per text."""
        return self._index.find_in(text)

    def search_fields(self, query: str, limit: int = 10) -> list[FieldMatch]:
        """Clusters and occupations matching ``query``, best first."""
        return self._index.search(query, limit)


def builtin_root() -> Traversable:
    """The folder of built-in banks shipped inside the package."""
    return resources.files("interview_prep") / "banks"


def yaml_files_in(folder: Traversable) -> Iterator[Traversable]:
    """Bank files in a folder and its sub-folders, in name order (not the taxonomy)."""
    entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir() and not entry.name.startswith(("_", ".")):
            yield from yaml_files_in(entry)
        elif entry.name.endswith((".yaml", ".yml")) and entry.name != "taxonomy.yaml":
            yield entry


def _source_name(entry: Traversable | Path) -> str:
    return os.fspath(entry) if isinstance(entry, Path) else str(entry)


def read_bank_file(entry: Traversable | Path, taxonomy: Taxonomy, name: str | None = None) -> Bank:
    """Read and validate one bank file; ``name`` is how messages refer to it."""
    if isinstance(entry, Path):
        from .inputs import read_input

        try:
            raw = read_input(entry, what="bank file", limit=MAX_BYTES, hint=SPLIT_HINT)
        except InputFileError as error:
            source = _source_name(entry)
            problem = Problem(error.message, Location(source), hint=error.hint)
            raise BankError(source, [problem]) from None
        return _cached_user_bank(raw, name or _source_name(entry), taxonomy)
    try:
        raw = entry.read_bytes()
    except OSError as error:
        raise BankError(
            _source_name(entry),
            [
                Problem(
                    f"cannot read the file: {error.strerror or error}",
                    Location(_source_name(entry)),
                )
            ],
        ) from None
    return _parse_bank(raw, name or _source_name(entry), taxonomy)


def _parse_bank(raw: bytes, name: str, taxonomy: Taxonomy) -> Bank:
    from .schema import parse_bank  # pydantic is loaded only when a bank is

    return parse_bank(read_yaml(raw, name), taxonomy)


@lru_cache(maxsize=1)
def builtin_taxonomy() -> Taxonomy:
    """The shipped taxonomy, parsed once per process."""
    return _builtin()[0]


@lru_cache(maxsize=1)
def _builtin_banks() -> tuple[Bank, ...]:
    return _builtin()[1]


@lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """A hash of the code that reads banks: a new release never trusts an old cache entry."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for module in ("model.py", "schema.py", "yamlfile.py", "cache.py"):
        digest.update((resources.files("interview_prep") / module).read_bytes())
    return digest.digest()


@lru_cache(maxsize=1)
def _builtin_key() -> tuple[str, tuple[bytes, ...], tuple[Traversable, ...]]:
    root = builtin_root()
    entries = (root / "taxonomy.yaml", *yaml_files_in(root))
    contents = tuple(entry.read_bytes() for entry in entries)
    digest = hashlib.sha256(_code_digest())
    for entry, content in zip(entries, contents, strict=True):
        digest.update(entry.name.encode() + b"\0" + content)
    return f"catalog-{digest.hexdigest()[:32]}", contents, entries


@lru_cache(maxsize=1)
def builtin_field_index() -> FieldIndex:
    """The index of every name in the built-in taxonomy: from the cache when the files are
    unchanged (building it normalizes some 4,000 names, a tenth of a second)."""
    key = "fields-" + _builtin_key()[0].removeprefix("catalog-")
    taxonomy = builtin_taxonomy()
    index = FieldIndex.from_data(taxonomy, cache.load(key))
    if index is None:
        index = FieldIndex(taxonomy)
        cache.store(key, index.to_data())
    return index


@lru_cache(maxsize=1)
def builtin_bank_ids() -> frozenset[str]:
    """Ids of the banks shipped with the package; every other bank is the user's own."""
    return frozenset(bank.id for bank in _builtin_banks())


@lru_cache(maxsize=1)
def _builtin() -> tuple[Taxonomy, tuple[Bank, ...]]:
    """The built-in taxonomy and banks: from the cache when the files are unchanged."""
    key, contents, entries = _builtin_key()
    loaded = cache.load(key)
    if isinstance(loaded, dict) and _is_catalog((loaded.get("taxonomy"), loaded.get("banks"))):
        return loaded["taxonomy"], loaded["banks"]
    from .schema import parse_taxonomy

    taxonomy = parse_taxonomy(read_yaml(contents[0], "banks/taxonomy.yaml"))
    banks = tuple(
        _parse_bank(content, builtin_name(entry), taxonomy)
        for entry, content in zip(entries[1:], contents[1:], strict=True)
    )
    cache.store(key, {"taxonomy": taxonomy, "banks": banks})
    return taxonomy, banks


def _is_catalog(value: object) -> TypeGuard[tuple[Taxonomy, tuple[Bank, ...]]]:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], Taxonomy)
        and isinstance(value[1], tuple)
        and all(isinstance(bank, Bank) for bank in value[1])
    )


def _cached_user_bank(raw: bytes, name: str, taxonomy: Taxonomy) -> Bank:
    """A user's bank file, validated once per content: later commands read the cache."""
    digest = hashlib.sha256(_code_digest() + _builtin_key()[0].encode())
    digest.update(name.encode() + b"\0" + raw)
    key = f"bank-{digest.hexdigest()[:32]}"
    loaded = cache.load(key)
    if isinstance(loaded, Bank):
        return loaded
    bank = _parse_bank(raw, name, taxonomy)
    cache.store(key, bank)
    return bank


def builtin_name(entry: Traversable) -> str:
    """A built-in bank's name as people see it in the repository: banks/clusters/x.yaml."""
    root = str(builtin_root())
    return "banks" + str(entry).removeprefix(root).replace(os.sep, "/")


def _user_files(source: BankSource) -> list[Traversable | Path]:
    try:
        return _files_at(source)
    except OSError as error:  # a name too long, a folder we may not read...
        where = os.fspath(source) if isinstance(source, (str, os.PathLike)) else str(source)
        problem = Problem(
            f"cannot read it: {error.strerror or error}",
            Location(where[:200]),
            hint="check the path given with --bank",
        )
        raise BankError(where[:200], [problem]) from None


def _files_at(source: BankSource) -> list[Traversable | Path]:
    if not isinstance(source, (str, os.PathLike)):
        return list(yaml_files_in(source)) if source.is_dir() else [source]
    path = Path(source).expanduser()
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.suffix in (".yaml", ".yml") and p.name != "taxonomy.yaml"
        )
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
                    hint="check the path given with --bank",
                )
            ],
        )
    return [path]


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
            files = [entry for source in sources for entry in _user_files(source)]
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


def load_catalog(banks: Sequence[BankSource] = (), *, plugins: bool = True) -> Catalog:
    """Load the built-in banks, installed plugin banks and the given bank files or folders.

    Built-in banks are parsed once per process. A bank may replace an item loaded before it
    only when that item says ``replaces: true``; any other clash of ids is an error.
    """
    taxonomy = builtin_taxonomy()
    loaded: list[Bank] = list(_builtin_banks())
    if plugins and plugins_enabled():
        loaded.extend(_plugin_banks(taxonomy))
    errors: list[BankError] = []
    for source in banks:
        try:
            files = _user_files(source)
        except BankError as error:
            errors.append(error)
            continue
        for entry in files:
            try:
                loaded.append(read_bank_file(entry, taxonomy))
            except BankError as error:
                errors.append(error)
    if errors:
        raise _combine(errors)
    return Catalog(taxonomy, tuple(loaded), _merge(loaded))


def _combine(errors: Sequence[BankError]) -> BankError:
    if len(errors) == 1:
        return errors[0]
    return BankError(
        ", ".join(error.source for error in errors),
        [problem for error in errors for problem in error.problems],
    )


def _merge(banks: Iterable[Bank]) -> tuple[Item, ...]:
    items: dict[str, Item] = {}
    problems: list[Problem] = []
    for bank in banks:
        for item in bank.items:
            earlier = items.get(item.id)
            if earlier is None and item.replaces:
                problems.append(
                    Problem(
                        f"item {item.id!r} says `replaces: true` but no earlier bank has that id",
                        item.location,
                        hint="remove `replaces: true`, or use the id it replaces",
                    )
                )
            elif earlier is not None and not item.replaces:
                problems.append(
                    Problem(
                        f"item id {item.id!r} is already used by {earlier.location}",
                        item.location,
                        hint="give the item a new id, or add `replaces: true` to replace the other",
                    )
                )
            else:
                items[item.id] = item
    if problems:
        sources = sorted({p.location.file for p in problems if p.location})
        raise BankError(", ".join(sources), problems)
    return tuple(items.values())


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The catalog of built-in and plugin banks, loaded once per process."""
    return load_catalog()
