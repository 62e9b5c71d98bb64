"""A cache of validated banks on disk, as plain JSON data: loading it can never run code.

Validating banks takes a few hundred milliseconds; commands run from the shell should not
pay that each time. Entries are keyed by a hash of the files' bytes and of the code that
reads them, so an edited bank or a new release never sees a stale entry. A damaged, planted
or outdated entry is ignored and rebuilt.
"""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import model
from ..errors import Location

FORMAT = 3
MAX_ENTRY_BYTES = 100_000_000
_TYPE = "__type__"


@lru_cache(maxsize=1)
def _classes() -> dict[str, tuple[type[Any], tuple[str, ...], bool]]:
    """The only classes an entry may name, the plain data of the model: each with its field
    names in order and whether it checks its values on creation (``__post_init__``)."""
    found: dict[str, tuple[type[Any], tuple[str, ...], bool]] = {}
    for value in (Location, *(getattr(model, name) for name in dir(model))):
        if isinstance(value, type) and dataclasses.is_dataclass(value):
            names = tuple(f.name for f in dataclasses.fields(value))
            found[value.__name__] = (value, names, hasattr(value, "__post_init__"))
    return found


def encode(value: Any) -> Any:
    """``value`` as JSON-ready data; model objects carry their class name."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # values in field order, without their names: a third of the size, quicker to parse
        fields = [encode(getattr(value, f.name)) for f in dataclasses.fields(value)]
        return {_TYPE: type(value).__name__, "v": fields}
    if isinstance(value, (list, tuple)):
        return [encode(part) for part in value]
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(key): encode(part) for key, part in value.items()}
    if isinstance(value, datetime):
        return {_TYPE: "datetime", "iso": value.isoformat()}
    if isinstance(value, date):
        return {_TYPE: "date", "iso": value.isoformat()}
    if isinstance(value, Path):
        return {_TYPE: "Path", "path": str(value)}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(data: Any) -> Any:
    """The objects ``encode`` made, from already parsed JSON (see `decode_text`)."""
    return decode_text(json.dumps(data))


def decode_text(text: str | bytes) -> Any:
    """Parse JSON that ``encode`` made; lists come back as tuples, as the model keeps them."""
    value = json.loads(text, object_hook=_revive)
    return tuple(value) if isinstance(value, list) else value


def _revive(record: dict[str, Any]) -> Any:
    kind = record.pop(_TYPE, None)
    if kind is not None and kind in _classes():
        return _revive_record(kind, record.get("v"))
    values = {key: tuple(part) if type(part) is list else part for key, part in record.items()}
    if kind is None:
        return values
    if kind == "datetime":
        return datetime.fromisoformat(str(values["iso"]))
    if kind == "date":
        return date.fromisoformat(str(values["iso"]))
    if kind == "Path":
        return Path(str(values["path"]))
    raise ValueError(f"unknown type {kind!r} in a cache entry")


def _revive_record(kind: str, parts: object) -> Any:
    cls, names, checks = _classes()[kind]
    if type(parts) is not list or len(parts) != len(names):
        raise ValueError(f"a cache entry's {kind} has other fields than the model's")
    values = dict(zip(names, [tuple(p) if type(p) is list else p for p in parts], strict=True))
    if checks:
        return cls(**values)
    # the fields were validated before they were stored: fill them in one step, which is
    # several times faster than a frozen dataclass's __init__ for thousands of items
    revived = object.__new__(cls)
    revived.__dict__.update(values)
    return revived


def folder() -> Path | None:
    """Where entries are kept; INTERVIEW_PREP_CACHE=0 turns the cache off, another value
    names the folder."""
    setting = os.environ.get("INTERVIEW_PREP_CACHE", "")
    if setting == "0":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "interview-prep"


def load(key: str) -> Any | None:
    """The value stored under ``key``, or None when there is none or it cannot be trusted."""
    place = folder()
    if place is None:
        return None
    path = place / f"{key}.json"
    try:
        if not path.is_file() or path.stat().st_size > MAX_ENTRY_BYTES:
            return None
        record = decode_text(path.read_bytes())
        if not isinstance(record, dict) or record.get("format") != FORMAT:
            return None
        if record.get("key") != key:
            return None
        return record["value"]
    except (OSError, ValueError, TypeError, KeyError, RecursionError):
        return None  # damaged or foreign: the caller rebuilds it


def store(key: str, value: Any) -> None:
    """Keep ``value`` under ``key``; a cache that cannot be written only costs time."""
    place = folder()
    if place is None:
        return
    from ..errors import InterviewPrepError
    from ..files.write import atomic_write

    record = {"format": FORMAT, "key": key, "value": encode(value)}
    try:
        place.mkdir(parents=True, exist_ok=True)
        text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        atomic_write(place / f"{key}.json", text, force=True)
    except (OSError, InterviewPrepError, TypeError, ValueError):
        pass
