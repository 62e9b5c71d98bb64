"""Questions for other tools: Moodle GIFT (essay items), CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable

from .model import Item

EXPORT_FORMATS = ("gift", "csv", "json")
_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")
CSV_COLUMNS = (
    "id",
    "text",
    "theme",
    "kind",
    "fields",
    "stages",
    "seniority",
    "modes",
    "minutes",
    "priority",
    "follow_ups",
    "why",
    "bank",
)


def item_record(item: Item) -> dict[str, object]:
    """An item as plain data, the same keys a bank file uses."""
    return {
        "id": item.id,
        "text": item.text,
        "theme": item.theme,
        "kind": item.kind,
        "fields": list(item.fields),
        "stages": list(item.stages),
        "seniority": list(item.seniority),
        "modes": list(item.modes),
        "minutes": item.minutes,
        "priority": item.priority,
        "follow_ups": list(item.follow_ups),
        "why": item.why,
        "bank": item.bank,
    }


def gift_escape(text: str) -> str:
    """Escape GIFT's special characters, and fold line breaks."""
    return _GIFT_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def to_gift(items: Iterable[Item], category: str = "interview_prep") -> str:
    """Moodle GIFT: every question as an essay item, to use as a reflection prompt."""
    lines = [f"$CATEGORY: {gift_escape(category)}", ""]
    for item in items:
        if item.why:
            lines.append(f"// {' '.join(item.why.split())}")
        lines.append(f"::{gift_escape(item.id)}::{gift_escape(item.text)}{{}}")
        lines.append("")
    return "\n".join(lines)


def to_csv(items: Iterable[Item]) -> str:
    """One row per item; list values joined with ' | '."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for item in items:
        record = item_record(item)
        writer.writerow(
            {
                key: " | ".join(map(str, value)) if isinstance(value, list) else value
                for key, value in record.items()
            }
        )
    return buffer.getvalue()


def to_json(items: Iterable[Item]) -> str:
    """A JSON list of items."""
    return json.dumps([item_record(i) for i in items], indent=2, ensure_ascii=False) + "\n"
