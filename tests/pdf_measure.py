"""Measure a PDF as a reader sees it: type sizes, ruled lines, line lengths, page fill."""

from __future__ import annotations

import io
import itertools
from collections import Counter
from dataclasses import dataclass

import pdfplumber

MM = 72 / 25.4
MARGIN_TOP = 11 * MM  # running titles and branding sit above this
MARGIN_BOTTOM = 12 * MM  # footers sit below this


@dataclass(frozen=True)
class Rule:
    """A horizontal rule: where it is, how thick, and its grey level (0 black, 1 white)."""

    page: int
    x0: float
    y: float
    width: float
    thickness: float
    grey: float


@dataclass(frozen=True)
class Measures:
    pages: int
    body_pt: float
    smallest_pt: float
    last_page_fill: float
    chars_per_line: int
    rules: tuple[Rule, ...]
    words: tuple[tuple[dict[str, object], ...], ...]
    unused_mm: tuple[float, ...] = ()  # each page: from its lowest mark to the footer area
    used: tuple[float, ...] = ()  # each page: the share of its writable height in use

    def writing_rules(self) -> list[Rule]:
        """The light, thin rules drawn to write on (not heading or table rules)."""
        return [r for r in self.rules if r.thickness < 0.8 and r.grey > 0.6]

    def writing_gaps_mm(self) -> list[float]:
        """Distances between neighbouring writing rules of the same writing space."""
        gaps = []
        rules = sorted(self.writing_rules(), key=lambda r: (r.page, r.x0, r.y))
        for a, b in itertools.pairwise(rules):
            if a.page == b.page and abs(a.x0 - b.x0) < 1 and (b.y - a.y) < 12 * MM:
                gaps.append((b.y - a.y) / MM)
        return gaps

    def writing_spaces_mm(self) -> list[float]:
        """Height of each writing space: its rules' count times their spacing. Rules one
        spacing apart belong to the same space; a wider gap starts the next one."""
        gaps = self.writing_gaps_mm()
        if not gaps:
            return []
        spacing = min(gaps)
        spaces: list[list[Rule]] = []
        for rule in sorted(self.writing_rules(), key=lambda r: (r.page, r.x0, r.y)):
            last = spaces[-1][-1] if spaces else None
            same_column = last and last.page == rule.page and abs(last.x0 - rule.x0) < 1
            if last and same_column and (rule.y - last.y) / MM < spacing * 1.2:
                spaces[-1].append(rule)
                continue
            spaces.append([rule])
        return [len(space) * spacing for space in spaces]

    def answer_spaces_mm(self) -> list[float]:
        """``writing_spaces_mm`` without the boxes labeled "Notes" a page may end with."""
        gaps = self.writing_gaps_mm()
        if not gaps:
            return []
        spacing = min(gaps)
        labels = [
            (number, float(w["bottom"]))  # type: ignore[arg-type]
            for number, page in enumerate(self.words)
            for w in page
            if w["text"] == "Notes"
        ]
        spaces: list[list[Rule]] = []
        for rule in sorted(self.writing_rules(), key=lambda r: (r.page, r.x0, r.y)):
            last = spaces[-1][-1] if spaces else None
            same_column = last and last.page == rule.page and abs(last.x0 - rule.x0) < 1
            if last and same_column and (rule.y - last.y) / MM < spacing * 1.2:
                spaces[-1].append(rule)
                continue
            spaces.append([rule])
        return [
            len(space) * spacing
            for space in spaces
            if not any(p == space[0].page and 0 < space[0].y - y < 12 * MM for p, y in labels)
        ]

    def find(self, text: str) -> list[dict[str, object]]:
        return [w for page in self.words for w in page if w["text"] == text]


def _grey(color: object) -> float:
    if (
        isinstance(color, (tuple, list))
        and color
        and all(isinstance(c, (int, float)) for c in color)
    ):
        return float(sum(color) / len(color)) if len(color) == 3 else float(color[0])
    return 0.0


def measure(pdf: bytes) -> Measures:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        sizes: Counter[float] = Counter()
        smallest = 99.0
        rules: list[Rule] = []
        line_lengths: list[tuple[float, int]] = []
        words = []
        fill = 0.0
        unused: list[float] = []
        used_share: list[float] = []
        for number, page in enumerate(document.pages):
            bottom_edge = page.height - MARGIN_BOTTOM
            chars = [c for c in page.chars if c["top"] > MARGIN_TOP and c["bottom"] < bottom_edge]
            for char in chars:
                if char["text"].strip():
                    sizes[round(char["size"], 1)] += 1
                    smallest = min(smallest, round(char["size"], 1))
            lines: Counter[tuple[float, int]] = Counter(
                (round(c["size"], 1), round(c["top"])) for c in chars
            )
            line_lengths += [(size, count) for (size, _), count in lines.items()]
            # WeasyPrint paints a border as the ring between two nested rectangles
            bands: dict[tuple[int, int, int], list[dict[str, object]]] = {}
            for rect in page.rects:
                key = (round(rect["x0"]), round(rect["top"]), round(rect["width"]))
                bands.setdefault(key, []).append(rect)
            for (x0, _, width), pair in bands.items():
                if len(pair) != 2 or width < 30 * MM:
                    continue
                inner, outer = sorted(pair, key=lambda r: float(r["height"]))  # type: ignore[arg-type]
                thickness = float(outer["height"]) - float(inner["height"])  # type: ignore[arg-type]
                if 0 < thickness < 2:
                    rules.append(
                        Rule(
                            number,
                            x0,
                            float(outer["bottom"]),  # type: ignore[arg-type]
                            width,
                            thickness,
                            _grey(outer.get("non_stroking_color")),
                        )
                    )
            words.append(
                tuple(page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False))
            )
            bottoms = [c["bottom"] for c in chars] + [
                float(r["bottom"]) for r in page.rects if MARGIN_TOP < r["bottom"] < bottom_edge
            ]
            lowest = max(bottoms, default=MARGIN_TOP)
            unused.append((bottom_edge - lowest) / MM)
            used_share.append((lowest - MARGIN_TOP) / (bottom_edge - MARGIN_TOP))
            if number == len(document.pages) - 1:
                fill = used_share[-1]
        body = sizes.most_common(1)[0][0] if sizes else 0.0
        wide = sorted(count for size, count in line_lengths if size == body)
        return Measures(
            pages=len(document.pages),
            body_pt=body,
            smallest_pt=smallest,
            last_page_fill=round(fill, 2),
            chars_per_line=wide[int(len(wide) * 0.95)] if wide else 0,
            rules=tuple(rules),
            words=tuple(words),
            unused_mm=tuple(unused),
            used=tuple(used_share),
        )
