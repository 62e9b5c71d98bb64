"""A handout's last writing box ("Questions I want to ask") grown to its page's foot: the
room left on the last page, read from the laid-out document, becomes ruled lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.etree.ElementTree import Element

from .pageheights import PX, RULE

LAST_BOX_KINDS = ("handout",)


def grow_last_box(
    root: Element, document: Any, top: float, height: float, slack: float, render: Callable[[], Any]
) -> Any:
    """``document`` laid out again with the last writing box of ``root`` grown by the lines
    that fit under it on the last page (``top`` and ``height``: the content box, points); the
    document as it was when none fit or the grown box would move to another page."""
    main = root.find("body/main")
    boxes = [] if main is None else [e for e in main.iter("div") if _is_rules(e)]
    if not boxes:
        return document
    rules = boxes[-1]
    bottom = _bottom_on(document.pages[-1], rules)
    if bottom is None:
        return document
    extra = int((top + height - bottom - slack) // RULE)
    if extra < 1:
        return document
    _add_rules(rules, extra)
    grown = render()
    if len(grown.pages) != len(document.pages):  # the estimate of the foot missed: keep it
        _add_rules(rules, -extra)
        return document
    return grown


def _is_rules(element: Element) -> bool:
    return "rules" in (element.get("class") or "").split()


def _bottom_on(page: Any, element: Element) -> float | None:
    """The bottom (points, from the page's top) of ``element``'s box on ``page``, if there."""
    for box in page._page_box.descendants():
        if getattr(box, "element", None) is element and hasattr(box, "border_height"):
            return float(box.position_y + box.border_height()) * PX
    return None


def _add_rules(rules: Element, extra: int) -> None:
    lines = [child for child in rules if child.get("class") == "rule"]
    count = len(lines) + extra
    for rule in lines:
        rules.remove(rule)
    for _ in range(count):
        rules.insert(0, Element("div", {"class": "rule"}))
    rules.set("style", f"height: {count * 7:g}mm")
