"""Markdown -> HTML -> PDF. Raw HTML is off and the PDF engine can reach nothing outside."""

from __future__ import annotations

import html
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from .errors import RenderError

PAPERS = ("letter", "a4")
ASSET_SCHEME = "interview-prep-asset:"
CONTAINERS = ("notes", "checklist")


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """CommonMark with tables, task lists and note containers; raw HTML and images off."""
    parser = MarkdownIt("commonmark", {"html": False, "typographer": True})
    parser.enable(["table", "replacements", "smartquotes", "strikethrough"])
    parser.disable(["image", "html_inline", "html_block"])
    parser.use(tasklists_plugin)
    for name in CONTAINERS:
        parser.use(container_plugin, name)
    parser.add_render_rule("ordered_list_open", _ordered_list_open)
    return parser


def _ordered_list_open(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    """Keep a list's start number in print too: WeasyPrint ignores the ``start`` attribute."""
    token = tokens[index]
    start = token.attrGet("start")
    if start is not None:
        token.attrSet("style", f"counter-reset: list-item {int(start) - 1}")
    return str(renderer.renderToken(tokens, index, options, env))


def markdown_to_html(markdown: str, *, heading_offset: int = 0) -> str:
    """Render Markdown to an HTML fragment; ``heading_offset`` demotes every heading."""
    parser = markdown_parser()
    tokens = parser.parse(markdown)
    if heading_offset:
        for token in tokens:
            if token.type in ("heading_open", "heading_close"):
                level = min(6, int(token.tag[1]) + heading_offset)
                token.tag = f"h{level}"
    return str(parser.renderer.render(tokens, parser.options, {}))


def stylesheet() -> str:
    """The print stylesheet shipped with the package."""
    return (resources.files("interview_prep") / "templates" / "print.css").read_text("utf-8")


@dataclass(frozen=True)
class PageOptions:
    """How a document is laid out on paper."""

    paper: str = "letter"
    title: str = ""
    language: str = "en"
    footer: str = "interview-prep"
    extra_css: tuple[str, ...] = ()
    files: Mapping[str, Path] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            from .errors import UnknownNameError

            raise UnknownNameError("paper size", self.paper, PAPERS)


def html_page(markdown: str, options: PageOptions) -> str:
    """A standalone HTML page (with the print stylesheet inline) for a Markdown document."""
    size = "Letter" if options.paper == "letter" else "A4"
    css = stylesheet().replace("size: Letter", f"size: {size}")
    css += "\n".join(options.extra_css)
    footer = html.escape(options.footer, quote=True).replace("\\", "\\\\").replace("'", "\\'")
    css += f"\n@page {{ @bottom-left {{ content: '{footer}'; }} }}\n"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(options.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(options.title)}</title>\n"
        '<meta name="generator" content="interview-prep">\n'
        f"<style>\n{css}</style>\n</head>\n<body>\n<main>\n"
        f"{markdown_to_html(markdown)}</main>\n</body>\n</html>\n"
    )


def _fetcher(files: Mapping[str, Path]) -> Any:
    """A WeasyPrint URL fetcher that serves only named files; any other URL is refused."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SafeFetcher(URLFetcher):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith(ASSET_SCHEME):
                name = url.removeprefix(ASSET_SCHEME)
                if name in files:
                    return URLFetcherResponse(url, body=Path(files[name]).read_bytes())
            self.refused.append(url)
            raise ValueError(f"interview-prep does not fetch {url!r}")

    return SafeFetcher()


def html_to_pdf(page: str, options: PageOptions) -> bytes:
    """Lay out a standalone HTML page as a tagged PDF (PDF/UA) with title and language."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: the Pango libraries are missing
        raise RenderError(
            f"PDF output needs WeasyPrint and its system libraries: {error}",
            hint="install them as the README says, or choose .md or .html",
        ) from None
    document = weasyprint.HTML(
        string=page, base_url=ASSET_SCHEME, url_fetcher=_fetcher(options.files)
    )
    buffer = io.BytesIO()
    document.write_pdf(buffer, pdf_variant="pdf/ua-1", font_config=_font_config())
    return buffer.getvalue()


@lru_cache(maxsize=1)
def _font_config() -> Any:
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


__all__: Sequence[str] = ("PAPERS", "PageOptions", "html_page", "html_to_pdf", "markdown_to_html")
