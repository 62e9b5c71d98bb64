"""Find, load and combine the taxonomy and the question banks into one Catalog."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Union

from ._compat import Traversable
from .errors import BankError, InterviewPrepError, Location, Problem, UnknownNameError
from .fields import FieldIndex, FieldMatch
from .model import Bank, Item, Taxonomy
from .yamlfile import read_yaml

ENTRY_POINT_GROUP = "interview_prep.banks"
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


def builtin_bank_ids() -> frozenset[str]:
    """Ids of the banks shipped with the package; every other bank is the user's own."""
    return frozenset(bank.id for bank in _builtin_banks())


CACHE_FORMAT = 1


@lru_cache(maxsize=1)
def _builtin() -> tuple[Taxonomy, tuple[Bank, ...]]:
    """The built-in taxonomy and banks: from the cache when the files are unchanged.

    Validating every bank takes a few hundred milliseconds; a command run from the shell
    should not pay that each time, so the validated result is kept in the user's cache
    folder, keyed by the bank files' contents and the code that reads them.
    """
    root = builtin_root()
    entries = [root / "taxonomy.yaml", *yaml_files_in(root)]
    contents = [entry.read_bytes() for entry in entries]
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{sys.version_info[:2]}".encode())
    for module in ("model.py", "schema.py", "yamlfile.py"):
        digest.update((resources.files("interview_prep") / module).read_bytes())
    for entry, content in zip(entries, contents, strict=True):
        digest.update(entry.name.encode() + b"\0" + content)
    folder = _cache_folder()
    cache = folder / f"catalog-{digest.hexdigest()[:32]}.pickle" if folder else None
    if cache is not None and cache.is_file():
        try:
            loaded: tuple[Taxonomy, tuple[Bank, ...]] = pickle.loads(cache.read_bytes())
            return loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            pass  # a damaged or outdated cache is rebuilt below
    from .schema import parse_taxonomy

    taxonomy = parse_taxonomy(read_yaml(contents[0], "banks/taxonomy.yaml"))
    banks = tuple(
        _parse_bank(content, builtin_name(entry), taxonomy)
        for entry, content in zip(entries[1:], contents[1:], strict=True)
    )
    if cache is not None:
        from .output import atomic_write

        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(cache, pickle.dumps((taxonomy, banks), protocol=4), force=True)
        except (OSError, InterviewPrepError):
            pass  # the cache only saves time; without it everything still works
    return taxonomy, banks


def _cache_folder() -> Path | None:
    """Where the validated built-in banks are kept; INTERVIEW_PREP_CACHE=0 turns it off."""
    setting = os.environ.get("INTERVIEW_PREP_CACHE", "")
    if setting == "0":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "interview-prep"


def builtin_name(entry: Traversable) -> str:
    """A built-in bank's name as people see it in the repository: banks/clusters/x.yaml."""
    root = str(builtin_root())
    return "banks" + str(entry).removeprefix(root).replace(os.sep, "/")


def _user_files(source: BankSource) -> list[Traversable | Path]:
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


def _entry_point_sources() -> list[BankSource]:
    from importlib import metadata

    sources: list[BankSource] = []
    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        try:
            value = entry_point.load()
            value = value() if callable(value) else value
        except Exception as error:  # a broken plugin must not hide which plugin it was
            raise InterviewPrepError(
                f"the bank plugin {entry_point.name!r} ({entry_point.value}) failed to load: "
                f"{error}",
                hint="reinstall or uninstall the package that provides it",
            ) from None
        if isinstance(value, (str, os.PathLike, Traversable)):
            sources.append(value)
        else:
            sources.extend(value)
    return sources


def load_catalog(banks: Sequence[BankSource] = (), *, plugins: bool = True) -> Catalog:
    """Load the built-in banks, installed plugin banks and the given bank files or folders.

    Built-in banks are parsed once per process. A bank may replace an item loaded before it
    only when that item says ``replaces: true``; any other clash of ids is an error.
    """
    taxonomy = builtin_taxonomy()
    loaded: list[Bank] = list(_builtin_banks())
    errors: list[BankError] = []
    sources: list[BankSource] = (_entry_point_sources() if plugins else []) + list(banks)
    for source in sources:
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
