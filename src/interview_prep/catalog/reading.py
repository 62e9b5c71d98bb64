"""Read and validate bank files, keeping what was validated in the cache: the built-in
taxonomy and banks once per release, a user's bank once per content."""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeGuard

from .._compat import Traversable
from ..errors import BankError, InputFileError, Location, Problem
from ..files.yamlfile import MAX_BYTES, read_yaml
from ..model import Bank, Taxonomy
from . import cache
from .fields import FieldIndex
from .sources import builtin_name, builtin_root, source_name, yaml_files_in

SPLIT_HINT = "a bank file holds at most 5 MB; split a bigger one into several files"


def read_bank_file(entry: Traversable | Path, taxonomy: Taxonomy, name: str | None = None) -> Bank:
    """Read and validate one bank file; ``name`` is how messages refer to it."""
    if isinstance(entry, Path):
        from ..files.read import read_input

        try:
            raw = read_input(entry, what="bank file", limit=MAX_BYTES, hint=SPLIT_HINT)
        except InputFileError as error:
            source = source_name(entry)
            problem = Problem(error.message, Location(source), hint=error.hint)
            raise BankError(source, [problem]) from None
        return _cached_user_bank(raw, name or source_name(entry), taxonomy)
    try:
        raw = entry.read_bytes()
    except OSError as error:
        raise BankError(
            source_name(entry),
            [
                Problem(
                    f"cannot read the file: {error.strerror or error}",
                    Location(source_name(entry)),
                )
            ],
        ) from None
    return parse_bank_bytes(raw, name or source_name(entry), taxonomy)


def parse_bank_bytes(raw: bytes, name: str, taxonomy: Taxonomy) -> Bank:
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
    """A hash of the code that reads banks (every module of the catalog room, the model, the
    vocabulary and the YAML reader): a changed reader never trusts an old cache entry, and a
    module added to the room counts without being named here."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    package = resources.files("interview_prep")
    room = sorted(
        (entry for entry in package.joinpath("catalog").iterdir() if entry.name.endswith(".py")),
        key=lambda entry: entry.name,
    )
    others = [package / "model.py", package / "vocabulary.py", package / "files" / "yamlfile.py"]
    for entry in (*room, *others):
        digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
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
        parse_bank_bytes(content, builtin_name(entry), taxonomy)
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
    bank = parse_bank_bytes(raw, name, taxonomy)
    cache.store(key, bank)
    return bank
