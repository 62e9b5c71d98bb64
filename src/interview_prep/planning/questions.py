"""Find questions by field, stage, theme, mode and kind: the question browser."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog.catalog import Catalog, default_catalog
from ..errors import UnknownNameError
from ..model import Item
from ..vocabulary import KINDS, MODES
from .plan import _check_name


@dataclass(frozen=True)
class QuestionList:
    """Items found by `find_questions`; shows itself as a table in a notebook."""

    items: tuple[Item, ...]

    def __repr__(self) -> str:
        count = len(self.items)
        return f"<QuestionList: {count} {'item' if count == 1 else 'items'}>"

    def __str__(self) -> str:
        return self.to_markdown()

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def to_markdown(self) -> str:
        from ..markdown.escape import escape_markdown

        rows = ["| id | theme | question | min | priority |", "|---|---|---|---|---|"]
        rows += [
            f"| {escape_markdown(i.id)} | {i.theme} | {escape_markdown(i.text)} | "
            f"{i.minutes} | {i.priority} |"
            for i in self.items
        ]
        return "\n".join(rows) + "\n"

    def to_dicts(self) -> list[dict[str, object]]:
        from ..writers.questions import item_record

        return [item_record(i) for i in self.items]

    def export(self, format: str, category: str = "interview_prep") -> str:
        """The items as ``gift`` (Moodle essay items), ``csv``, ``json`` or ``md``."""
        from ..writers import questions as exports

        if format == "md":
            return self.to_markdown()
        if format == "gift":
            return exports.to_gift(self.items, category)
        if format == "csv":
            return exports.to_csv(self.items)
        if format == "json":
            return exports.to_json(self.items)
        raise UnknownNameError("export format", format, ("md", *exports.EXPORT_FORMATS))

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        from ..render import markdown_to_html

        return markdown_to_html(self.to_markdown())


def find_questions(
    field: str | None = None,
    stage: str | None = None,
    theme: str | None = None,
    mode: str | None = None,
    *,
    kind: str | None = None,
    catalog: Catalog | None = None,
) -> QuestionList:
    """Every item that suits the given field, stage, theme, mode and kind (all optional)."""
    catalog = catalog or default_catalog()
    taxonomy = catalog.taxonomy
    match = catalog.resolve_field(field) if field else None
    if stage is not None:
        stage = _check_name("stage", stage, [s.id for s in taxonomy.stages])
    if theme is not None:
        theme = _check_name("theme", theme, [t.id for t in taxonomy.themes])
    if mode is not None:
        mode = _check_name("mode", mode, MODES)
    if kind is not None:
        kind = _check_name("kind", kind, KINDS)
    found = [
        item
        for item in catalog.items
        if (match is None or match.reaches(item))
        and (stage is None or item.suits_stage(stage))
        and (theme is None or item.theme == theme)
        and (mode is None or mode in item.modes)
        and (kind is None or item.kind == kind)
    ]
    order = {t.id: t.order for t in taxonomy.themes}
    if mode == "shadow":
        order["debrief"] = -1  # after a shadow, talk over what was seen first
    if match is not None:
        found.sort(key=lambda i: (order[i.theme], match.specificity(i.fields) or 0, i.priority))
    else:
        found.sort(key=lambda i: (order[i.theme], i.priority))
    return QuestionList(tuple(found))
