"""Find characters that no installed font can draw, so a PDF never shows silent empty boxes."""

from __future__ import annotations

import ctypes
import sys
import unicodedata
import warnings
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import MissingGlyphsWarning

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


class _FontSet(ctypes.Structure):
    _fields_ = (("nfont", ctypes.c_int), ("sfont", ctypes.c_int), ("fonts", ctypes.c_void_p))


_FONTCONFIG_NAMES = {
    "linux": ("libfontconfig.so.1", "libfontconfig.so"),
    "darwin": ("libfontconfig.1.dylib", "/opt/homebrew/lib/libfontconfig.1.dylib"),
}


@lru_cache(maxsize=1)
def _fontconfig() -> Any | None:
    """fontconfig, which Pango (and so WeasyPrint) asks for fonts: opened by its usual file
    name, since probing with ctypes.util.find_library runs slow helper programs."""
    platform = "darwin" if sys.platform == "darwin" else "linux"
    for name in _FONTCONFIG_NAMES[platform]:
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        lib.FcCharSetCreate.restype = ctypes.c_void_p
        lib.FcCharSetAddChar.argtypes = (ctypes.c_void_p, ctypes.c_uint32)
        lib.FcCharSetDestroy.argtypes = (ctypes.c_void_p,)
        lib.FcPatternCreate.restype = ctypes.c_void_p
        lib.FcPatternAddCharSet.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p)
        lib.FcPatternDestroy.argtypes = (ctypes.c_void_p,)
        lib.FcObjectSetCreate.restype = ctypes.c_void_p
        lib.FcObjectSetAdd.argtypes = (ctypes.c_void_p, ctypes.c_char_p)
        lib.FcObjectSetDestroy.argtypes = (ctypes.c_void_p,)
        lib.FcFontList.restype = ctypes.POINTER(_FontSet)
        lib.FcFontList.argtypes = (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
        lib.FcFontSetDestroy.argtypes = (ctypes.POINTER(_FontSet),)
        return lib
    return None


def _fontconfig_draws(lib: Any, char: str) -> bool:
    """True when some font fontconfig knows has a glyph for ``char``."""
    charset = lib.FcCharSetCreate()
    pattern = lib.FcPatternCreate()
    objects = lib.FcObjectSetCreate()
    try:
        lib.FcCharSetAddChar(charset, ord(char))
        lib.FcPatternAddCharSet(pattern, b"charset", charset)
        lib.FcObjectSetAdd(objects, b"family")
        fonts = lib.FcFontList(None, pattern, objects)
        if not fonts:
            return False
        found = int(fonts.contents.nfont) > 0
        lib.FcFontSetDestroy(fonts)
        return found
    finally:
        lib.FcObjectSetDestroy(objects)
        lib.FcPatternDestroy(pattern)
        lib.FcCharSetDestroy(charset)


def undrawable(chars: Iterable[str]) -> set[str]:
    """The characters no installed font can draw: fontconfig is asked about each one (fast:
    it answers from its own cache); without fontconfig, the fonts are read with fontTools."""
    wanted = set(chars)
    lib = _fontconfig()
    if lib is not None:
        return {char for char in wanted if not _fontconfig_draws(lib, char)}
    covered = installed_coverage()
    return {char for char in wanted if ord(char) not in covered}


@lru_cache(maxsize=1)
def installed_coverage() -> frozenset[int]:
    """Every code point some installed font has a glyph for, read from the font files with
    fontTools (once per process): the fallback where fontconfig is not installed."""
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
    cannot = undrawable(candidates)
    missing = [c for c in dict.fromkeys(text) if c in cannot]
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


# The faces print.css sets text in, as (serif, bold) -> file names DejaVu ships under
_FACES = {
    (False, False): "DejaVuSans.ttf",
    (False, True): "DejaVuSans-Bold.ttf",
    (True, False): "DejaVuSerif.ttf",
    (True, True): "DejaVuSerif-Bold.ttf",
}
FALLBACK_ADVANCE = 0.6  # of the em, for a character the face lacks (CJK: a whole em)


@lru_cache(maxsize=4)
def advances(serif: bool = False, bold: bool = False) -> dict[int, float]:
    """Each character's advance width in ems in the face the stylesheet uses, read with
    fontTools once per process; empty when the face is not installed (widths then fall back
    to an average)."""
    name = _FACES[(serif, bold)]
    path = next(
        (
            found
            for folder in FONT_DIRS
            if Path(folder).expanduser().is_dir()
            for found in (
                Path(folder).expanduser() / "truetype" / "dejavu" / name,
                Path(folder).expanduser() / name,
            )
            if found.is_file()
        ),
        None,
    )
    if path is None:
        return {}
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(str(path), lazy=True) as font:
            units = font["head"].unitsPerEm
            metrics = font["hmtx"].metrics
            return {cp: metrics[glyph][0] / units for cp, glyph in font.getBestCmap().items()}
    except (TTLibError, OSError, KeyError, ValueError):
        return {}


def text_width(text: str, size: float, *, serif: bool = False, bold: bool = False) -> float:
    """The width in points of ``text`` set at ``size`` points in the stylesheet's face."""
    widths = advances(serif, bold)
    total = 0.0
    for char in text:
        advance = widths.get(ord(char))
        if advance is None:
            wide = unicodedata.east_asian_width(char) in ("W", "F")
            advance = 1.0 if wide else FALLBACK_ADVANCE
        total += advance
    return total * size
