"""A document shown inside a page: the library's own screen HTML, and its stylesheets scoped
to the preview box so they style the document and nothing else on the page."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

SCOPE = ".doc-preview"
_ROOT = re.compile(r"^(html|body|main)(?=[.:#\[]|$)")


def preview_html(document: Any) -> str:
    """The document as an HTML fragment, its top heading one level down (the page has the
    h1). This is the screen HTML writer's output, never a second copy of the words."""
    return str(document.to_html(fragment=True, heading_offset=1))


def _scoped_selector(selector: str) -> str:
    selector = selector.strip()
    if _ROOT.match(selector):
        return _ROOT.sub(SCOPE, selector, count=1)
    if selector.startswith(".doc-"):
        return SCOPE + selector
    return f"{SCOPE} {selector}"


def _scoped_rules(rules: list[Any]) -> list[str]:
    import tinycss2  # type: ignore[import-untyped]

    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            prelude = tinycss2.serialize(rule.prelude)
            selectors = ", ".join(_scoped_selector(s) for s in prelude.split(","))
            out.append(f"{selectors} {{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            body = "\n".join(_scoped_rules(inner))
            out.append(f"@media {tinycss2.serialize(rule.prelude).strip()} {{\n{body}\n}}")
        # @page and other print-only rules mean nothing inside a page
    return out


@lru_cache(maxsize=1)
def document_css() -> str:
    """The print and screen stylesheets of documents, every rule scoped to the preview."""
    import tinycss2

    from ..render import screen_stylesheet, stylesheet

    rules = tinycss2.parse_stylesheet(
        stylesheet() + "\n" + screen_stylesheet(), skip_comments=True, skip_whitespace=True
    )
    head = "/* the document stylesheets of interview_prep, scoped to the preview box */\n"
    return head + "\n".join(_scoped_rules(rules)) + "\n"
