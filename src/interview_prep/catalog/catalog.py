"""The Catalog: the taxonomy and every loaded bank combined, ready to search and plan from."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..errors import BankError, Problem, UnknownNameError
from ..model import Bank, Item, Taxonomy
from .fields import FieldIndex, FieldMatch
from .plugins import _plugin_banks, plugins_enabled
from .reading import (
    _builtin_banks,
    builtin_bank_ids,
    builtin_field_index,
    builtin_taxonomy,
    read_bank_file,
)
from .sources import BankSource, bank_files

__all__ = ["Catalog", "builtin_bank_ids", "builtin_taxonomy", "default_catalog", "load_catalog"]


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

    def field_for_plan(self, text: str) -> FieldMatch:
        """The field a plan is made for: what ``text`` names, or for a job the taxonomy lacks
        the closest sub-cluster or cluster, else general questions (``fallback`` says which)."""
        from .fallback import resolve_or_fall_back

        return resolve_or_fall_back(self._index, text)

    def field_in(self, text: str) -> FieldMatch | None:
        """The field a job title or headline names, whole or by its longest run of words
        that names one ("Staff RN, Mercy Hospital"); None when none does. Cached per text."""
        return self._index.find_in(text)

    def search_fields(self, query: str, limit: int = 10) -> list[FieldMatch]:
        """Clusters and occupations matching ``query``, best first."""
        return self._index.search(query, limit)


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
            files = bank_files(source)
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


def catalog_for(banks: Sequence[BankSource]) -> Catalog:
    """The default catalog, or one with the user's extra ``banks`` (files or folders)."""
    return load_catalog(tuple(banks)) if banks else default_catalog()
