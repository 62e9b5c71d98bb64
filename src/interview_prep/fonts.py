"""Find characters that no installed font can draw, so a PDF never shows silent empty boxes."""

from __future__ import annotations

import unicodedata
import warnings
from functools import lru_cache
from pathlib import Path

from .errors import MissingGlyphsWarning

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
# Latin-1 and the punctuation the templates use are drawn by any text font worth installing
COMMON = frozenset(chr(c) for c in range(0x20, 0x100)) | frozenset("‘’“”–—…·•☐")
FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
)


@lru_cache(maxsize=1)
def installed_coverage() -> frozenset[int]:
    """Every code point some installed font has a glyph for (read once per process)."""
    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    covered: set[int] = set()
    for folder in FONT_DIRS:
        root = Path(folder).expanduser()
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            suffix = path.suffix.lower()
            if suffix not in FONT_SUFFIXES:
                continue
            try:
                if suffix in (".ttc", ".otc"):
                    with TTCollection(str(path), lazy=True) as collection:
                        for font in collection.fonts:
                            covered.update(font.getBestCmap() or {})
                else:
                    with TTFont(str(path), lazy=True) as font:
                        covered.update(font.getBestCmap() or {})
            except (TTLibError, OSError, KeyError, ValueError, AssertionError):
                continue  # a broken font file is skipped, as fontconfig does
    return frozenset(covered)


def missing_characters(text: str) -> list[str]:
    """The characters in ``text`` that no installed font can draw, in order of appearance."""
    candidates = {c for c in text if c not in COMMON and unicodedata.category(c)[0] not in "CZ"}
    if not candidates:
        return []
    covered = installed_coverage()
    missing = [c for c in dict.fromkeys(text) if c in candidates and ord(c) not in covered]
    # combining marks and joiners ride on the letter before them
    return [c for c in missing if unicodedata.category(c) not in ("Mn", "Me", "Cf")]


def warn_about_missing(text: str, what: str) -> list[str]:
    """Warn, naming the characters, when the installed fonts cannot draw part of ``text``."""
    missing = missing_characters(text)
    if missing:
        shown = " ".join(f"{c} (U+{ord(c):04X})" for c in missing[:12])
        more = f" and {len(missing) - 12} more" if len(missing) > 12 else ""
        warnings.warn(
            MissingGlyphsWarning(
                f"{what}: no installed font can draw {shown}{more}; they would print as "
                "empty boxes. Install a font that covers them, for example "
                "`sudo apt-get install fonts-noto-core` (most scripts), fonts-noto-cjk "
                "(Chinese, Japanese, Korean) or fonts-noto-color-emoji (emoji)."
            ),
            stacklevel=3,
        )
    return missing
