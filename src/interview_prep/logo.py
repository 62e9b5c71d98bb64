"""A school's logo, read once and inlined as a data: URL, with its width over its height."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

LOGO_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}
MAX_LOGO_BYTES = 2_000_000


def logo_data_uri(path: Path) -> str:
    """Read the logo a caller named and inline it, so pages need nothing from outside."""
    return logo_and_aspect(path)[0]


def logo_and_aspect(path: Path) -> tuple[str, float]:
    """The logo as a ``data:`` URL, and its width over its height (1 when unknown)."""
    from .errors import OutputError

    kind = LOGO_TYPES.get(path.suffix.lower())
    if kind is None:
        raise OutputError(
            f"the logo {path} is not an image this tool can use",
            hint="use a .png, .jpg, .gif, .svg or .webp file",
        )
    from .files.read import read_input

    data = read_input(path, what="logo", limit=MAX_LOGO_BYTES, hint="use a smaller image file")
    uri = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
    return uri, _aspect(data, kind)


def _aspect(data: bytes, kind: str) -> float:
    """Width over height of an image, read from its header; 1 when it cannot be read."""
    try:
        if kind == "image/svg+xml":
            head = data[:4096]
            sizes: dict[str, str] = {}
            for match in re.finditer(rb'\b(width|height|viewBox)\s*=\s*"([^"]*)"', head):
                sizes.setdefault(match.group(1).decode(), match.group(2).decode())
            if "viewBox" in sizes:
                _, _, width, height = (float(v) for v in sizes["viewBox"].replace(",", " ").split())
            else:
                width = float(re.sub(r"[a-z%]+$", "", sizes["width"]))
                height = float(re.sub(r"[a-z%]+$", "", sizes["height"]))
        else:
            from PIL import Image

            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
        ratio = width / height
    except (KeyError, ValueError, ZeroDivisionError, OSError, ImportError):
        return 1.0
    return min(max(ratio, 0.2), 6.0)
