"""HTML -> PDF: WeasyPrint, imported lazily, lays out a page once (a worksheet's writing
spaces sized first, from the fonts' metrics) and can reach nothing outside the page."""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Sequence
from typing import Any

from .errors import RenderError
from .render import PageOptions, html_page, stylesheet


def _fetcher() -> Any:
    """A WeasyPrint URL fetcher that fetches nothing: only inline ``data:`` URLs are read."""
    from weasyprint.urls import URLFetcher

    class SafeFetcher(URLFetcher):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"data"})
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            self.refused.append(url)
            raise ValueError(f"interview-prep does not fetch {url!r}")

    return SafeFetcher()


def html_to_pdf(page: str, options: PageOptions) -> bytes:
    """Lay out a standalone HTML page as a tagged PDF (PDF/UA) with title and language."""
    try:
        weasyprint = import_weasyprint()
    except (ImportError, OSError) as error:  # OSError: the Pango libraries are missing
        raise RenderError(
            f"PDF output needs WeasyPrint and its system libraries: {error}",
            hint="install them as the README says, or choose .md or .html",
        ) from None
    fetcher = _fetcher()
    page, sheets = _shared_print_css(page)
    pdf_options = {"pdf_variant": "pdf/ua-1", "pdf_forms": options.fillable}
    pdf_options["stylesheets"] = sheets
    document = _laid_out(weasyprint.HTML(string=page, url_fetcher=fetcher), options, pdf_options)
    del pdf_options["stylesheets"]
    buffer = io.BytesIO()
    document.write_pdf(buffer, **pdf_options)
    refused = getattr(fetcher, "refused", [])
    if refused:
        import warnings

        from .errors import RefusedResourceWarning

        shown = ", ".join(sorted(set(refused))[:5])
        warnings.warn(
            RefusedResourceWarning(
                f"left out {len(set(refused))} file(s) or web address(es) the page asked for "
                f"({shown}): rendering never fetches anything; put images in as data: URLs"
            ),
            stacklevel=3,
        )
    return buffer.getvalue()


def _laid_out(page: Any, options: PageOptions, pdf_options: dict[str, Any]) -> Any:
    """Lay out the pages once; a worksheet's writing spaces first take the spare height of
    their page (estimated from the fonts' metrics), and only a missed estimate lays it out
    again with the heights measured."""
    from .pagefill import fill_pages

    return fill_pages(page, options, lambda: page.render(font_config=_font_config(), **pdf_options))


def laid_out_html(page: str, options: PageOptions) -> str:
    """The HTML a PDF of ``page`` is laid out from: a worksheet's writing spaces grown into
    their pages' spare height (to time WeasyPrint alone on the same page)."""
    from xml.etree.ElementTree import tostring

    from .pagefill import plan_fill

    weasyprint = import_weasyprint()
    parsed = weasyprint.HTML(string=page, url_fetcher=_fetcher())
    plan_fill(parsed.etree_element, options)
    return "<!DOCTYPE html>\n" + tostring(parsed.etree_element, encoding="unicode", method="html")


_fonts = threading.local()


def _shared_print_css(page: str) -> tuple[str, list[Any]]:
    """``page`` without the package's print stylesheet, and that stylesheet parsed once per
    thread: parsing it took about a quarter of a warm PDF. It joins as a user stylesheet, so
    the page's own rules (paper, footer, branding, extra CSS) still win over it, as they
    did when they followed it in one style element."""
    inline = "<style>\n" + stylesheet().replace("</", "<\\/")
    if inline not in page:
        return page, []
    sheet = getattr(_fonts, "print_css", None)
    if sheet is None:
        from weasyprint import CSS

        sheet = _fonts.print_css = CSS(string=stylesheet(), font_config=_font_config())
    return page.replace(inline, "<style>\n", 1), [sheet]


def _font_config() -> Any:
    """WeasyPrint's font configuration, made once per thread: reusing it saves time, and
    sharing it between threads is not safe."""
    config = getattr(_fonts, "config", None)
    if config is None:
        from weasyprint.text.fonts import FontConfiguration

        config = _fonts.config = FontConfiguration()
    return config


def import_weasyprint() -> Any:
    """WeasyPrint, imported once. On Linux its libraries are opened by their usual file
    names first: the library probes ctypes would otherwise run start helper programs
    (ldconfig, gcc, ld) dozens of times and cost about 0.2 s of every cold PDF."""
    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    if not sys.platform.startswith("linux"):
        import weasyprint

        return weasyprint
    import ctypes.util

    probe = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        import weasyprint
    except OSError:
        for name in [m for m in sys.modules if m.startswith("weasyprint")]:
            del sys.modules[name]
        ctypes.util.find_library = probe
        import weasyprint  # a system that needs the probes: the usual, slower way
    finally:
        ctypes.util.find_library = probe
    return weasyprint


def warm_up_pdf_engine() -> None:
    """Import WeasyPrint and lay out one small page now, so a batch's forked workers share
    the loaded engine and warm font caches; no-op if WeasyPrint is missing."""
    try:
        import_weasyprint()
    except (ImportError, OSError):
        return
    options = PageOptions(title="warm-up")
    html_to_pdf(html_page("# Warm-up\n\nA line of text, **bold**.\n", options), options)


__all__: Sequence[str] = ("html_to_pdf", "import_weasyprint", "warm_up_pdf_engine")
