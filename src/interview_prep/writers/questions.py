"""Questions for other tools: Moodle GIFT (essay items), CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from ..model import Item
from .escaping import gift_text, one_line, spreadsheet_cell

EXPORT_FORMATS = ("gift", "csv", "json")
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


def to_gift(items: Iterable[Item], category: str = "interview_prep") -> str:
    """Moodle GIFT: every question as an essay item, to use as a reflection prompt.

    Question text is marked ``[plain]``, so Moodle shows any markup in it as text.
    """
    lines = [f"$CATEGORY: {gift_text(category)}", ""]
    for item in items:
        if item.why:
            lines.append(f"// {one_line(item.why)}")
        lines.append(f"::{gift_text(item.id)}::[plain]{gift_text(item.text)}{{}}")
        lines.append("")
    return "\n".join(lines)


def to_csv(items: Iterable[Item]) -> str:
    """One row per item; list values joined with ' | '; no cell can start a formula."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for item in items:
        record = item_record(item)
        writer.writerow(
            {
                key: _cell(" | ".join(map(str, value)) if isinstance(value, list) else value)
                for key, value in record.items()
            }
        )
    return buffer.getvalue()


def _cell(value: object) -> object:
    return spreadsheet_cell(value) if isinstance(value, str) else value


def to_json(items: Iterable[Item]) -> str:
    """A JSON list of items."""
    return json.dumps([item_record(i) for i in items], indent=2, ensure_ascii=False) + "\n"
