"""Word files a career center hands out without apology (issue 19, round 3), checked as
LibreOffice prints them: every Word file of this module goes through one soffice run, and its
PDF is measured with pdfplumber (page counts, unused space per page, lines kept whole, tick
boxes and stars, everything inside the margins)."""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest
from PIL import Image, ImageDraw

import interview_prep as ip
from interview_prep.writers.docx_style import margins

from .tools import need, word_to_pdf

pytestmark = pytest.mark.slow

MM = 72 / 25.4
INCH = 72.0
TOP, RIGHT, BOTTOM, LEFT = (side * MM for side in margins()["document"])
L_TOP, L_RIGHT, L_BOTTOM, L_LEFT = (side * MM for side in margins()["letter"])
DANA = ip.Contact("Dana Ortiz", title="ICU charge nurse", org="Mercy General Hospital")
MEETING = ip.Meeting(datetime(2026, 12, 14, 15, 30), "Mercy General Hospital, 4th floor")
SENDER = ip.Sender("Alex Kim", "Lakeside Community College", "college", "alex.kim@example.edu")
SHORT_DATE = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}\b"
)


def _plan(minutes: int) -> ip.Plan:
    return ip.plan_interview("nurse", "college", minutes, seed=1)


DOCUMENTS: dict[str, Callable[[], ip.Document]] = {
    "prep15": lambda: ip.prep_sheet(_plan(15), DANA, MEETING, learner="Alex Kim"),
    "prep20": lambda: ip.prep_sheet(
        ip.plan_interview("software developer", "high-school", 20, seed=1), learner="Jordan Lee"
    ),
    "prep30": lambda: ip.prep_sheet(_plan(30), DANA, MEETING, learner="Alex Kim"),
    "shadow3": lambda: ip.shadow_plan(
        "nurse",
        "college",
        3,
        contact=DANA,
        meeting=ip.Meeting(datetime(2026, 12, 14, 7, 0), "Mercy General Hospital"),
        learner="Alex Kim",
        seed=1,
    ),
    "reflection": lambda: ip.reflection_sheet(_plan(30), DANA, MEETING, learner="Alex Kim"),
    "script30": lambda: ip.interview_script(_plan(30), DANA, MEETING, learner="Alex Kim"),
    "script60": lambda: ip.interview_script(_plan(60), DANA, MEETING, learner="Alex Kim"),
    "compare3": lambda: ip.comparison_sheet(_plan(30), ["Dana Ortiz", "Sam Lee", "Priya Patel"]),
    "handout": lambda: ip.assignment_handout(date(2026, 12, 7), course="Careers 10"),
    "handout-shadow": lambda: ip.assignment_handout(date(2026, 12, 7), shadow=True),
    "timeline": lambda: ip.timeline(date(2026, 12, 1), MEETING.when, contact=DANA),
    "letter": lambda: ip.letter(
        "confirm",
        "letter",
        field="nurse",
        sender=SENDER,
        contact=DANA,
        meeting=MEETING,
        today=date(2026, 12, 7),
    ),
}
DOCUMENTS["prep30-branded"] = DOCUMENTS["prep30"]  # branded in the fixture, with a PNG
RULE = (0.56, 0.64, 0.7)  # the writing lines' color, 8FA3B3
TABLE_RULE = (0.6, 0.6, 0.6)  # a table's rules between rows, 999999
# 30-minute prep sheets of other fields and stages, whose questions run longer
OTHERS = (
    "electrician:college",
    "software developer:high-school",
    "accountant:career-changer",
    "nurse:career-changer",
)
for other in OTHERS:
    field, stage = other.split(":")
    DOCUMENTS[f"prep30-{other}"] = lambda field=field, stage=stage: ip.prep_sheet(
        ip.plan_interview(field, stage, 30, seed=1), DANA, MEETING, learner="Alex Kim"
    )
WORKSHEETS = (
    "prep15",
    "prep20",
    "prep30",
    "shadow3",
    "reflection",
    *(f"prep30-{o}" for o in OTHERS),
)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[Any, str]]]:
    """Each document's LibreOffice PDF (opened) and its Markdown, from one soffice run."""
    soffice = need("soffice", "libreoffice-writer-nogui")
    folder = tmp_path_factory.mktemp("round3-word")
    sources = {}
    for name, make in DOCUMENTS.items():
        document = make() if name != "prep30-branded" else make().branded(_brand(folder))
        sources[name] = document.source
        document.to_docx(folder / f"{name}.docx")
    word_to_pdf(soffice, folder, DOCUMENTS)
    opened = {name: pdfplumber.open(folder / f"{name}.pdf") for name in DOCUMENTS}
    yield {name: (opened[name], sources[name]) for name in DOCUMENTS}
    for pdf in opened.values():
        pdf.close()


def _brand(folder: Path) -> ip.Branding:
    """A school's name and a square PNG logo (Word takes no SVG)."""
    logo = Image.new("RGB", (160, 160), "#123c5a")
    ImageDraw.Draw(logo).polygon([(40, 112), (80, 40), (120, 112)], fill="#c9822b")
    logo.save(folder / "logo.png")
    return ip.Branding("Lakeside Community College", folder / "logo.png")


def _color(line: Any) -> tuple[float, ...]:
    return tuple(round(value, 2) for value in line.get("stroking_color") or ())


def _text_bottom(page: Any) -> float:
    """The foot of the page's last text or rule above the footer."""
    foot = page.height - BOTTOM
    marks = [c["bottom"] for c in page.chars if c["bottom"] <= foot]
    marks += [line["bottom"] for line in page.lines if line["bottom"] <= foot]
    return max(marks)


@pytest.mark.parametrize("name", [n for n in WORKSHEETS if n != "shadow3"])
def test_short_worksheets_fit_one_sheet_printed_on_both_sides(
    printed: dict[str, tuple[Any, str]], name: str
) -> None:
    pdf, _ = printed[name]
    assert len(pdf.pages) == 2  # as the PDF: one sheet, printed on both sides


@pytest.mark.parametrize("name", WORKSHEETS)
def test_worksheet_pages_are_used_to_their_foot(
    printed: dict[str, tuple[Any, str]], name: str
) -> None:
    """No page ends more than 1.5 inches above the footer, except a last page at least 60%
    used (as the PDF)."""
    pdf, _ = printed[name]
    for number, page in enumerate(pdf.pages, start=1):
        bottom = _text_bottom(page)
        unused = page.height - BOTTOM - bottom
        if number < len(pdf.pages):
            assert unused <= 1.5 * INCH, f"page {number} ends {unused / INCH:.2f} in short"
        else:
            used = (bottom - TOP) / (page.height - TOP - BOTTOM)
            assert used >= 0.6, f"the last page is {used:.0%} used"


@pytest.mark.parametrize("name", WORKSHEETS)
def test_writing_space_goes_by_minutes(printed: dict[str, tuple[Any, str]], name: str) -> None:
    """Each page's spare height became ruled lines: a worksheet holds more lines than its
    Markdown's fewest, and each line is 7 mm below the one above (as on the PDF)."""
    pdf, source = printed[name]
    fewest = sum(
        max(1, min(2, int(minutes) - 1)) if minutes else int(lines)
        for lines, minutes in re.findall(r"::: (?:notes|lines) (\d+)(?: (\d+)min)?", source)
    )
    rules = [
        sorted({round(line["top"], 1) for line in page.lines if _color(line) == RULE})
        for page in pdf.pages
    ]
    gaps = [b - a for tops in rules for a, b in itertools.pairwise(tops) if b - a < 21]
    assert sum(len(tops) for tops in rules) > fewest
    assert gaps and all(abs(gap - 7 * MM) < 0.6 for gap in gaps)


def test_every_page_keeps_inside_its_margins(printed: dict[str, tuple[Any, str]]) -> None:
    for name, (pdf, _) in printed.items():
        left, right = (L_LEFT, L_RIGHT) if name == "letter" else (LEFT, RIGHT)
        for page in pdf.pages:
            for char in page.chars:
                assert char["x0"] >= left - 0.5, (name, char["text"])
                assert char["x1"] <= page.width - right + 0.5, (name, char["text"])
            for line in page.lines:
                assert line["x0"] >= left - 0.5 and line["x1"] <= page.width - right + 0.5, name


@pytest.mark.parametrize("name", ["handout", "handout-shadow"])
def test_handout_due_dates_and_rubric_headings_stay_on_one_line(
    printed: dict[str, tuple[Any, str]], name: str
) -> None:
    pdf, source = printed[name]
    steps = re.findall(r"^\| \*{0,2}(\w{3}, \w{3} \d{1,2})", source, re.M)
    lines = [
        line
        for page in pdf.pages
        for line in (
            page.crop((0, 0, page.width, page.height - BOTTOM)).extract_text() or ""
        ).splitlines()
    ]  # above the footer, which names the handout's first day
    dates = [m.group(0) for line in lines for m in SHORT_DATE.finditer(line)]
    assert steps and dates == steps  # "Thu, Dec 10", never "Thu," over "Dec 10"
    for heading in ("Excellent (4)", "Developing (2)", "Beginning (1)"):
        assert any(heading in line for line in lines), heading


def _questions(source: str) -> list[str]:
    return re.findall(r"^\d+\. (?:★ )?\*\*(.+?)\*\*", source, re.M)


@pytest.mark.parametrize("name", ["script30", "script60"])
def test_script_has_a_tick_box_per_question_and_its_stars(
    printed: dict[str, tuple[Any, str]], name: str
) -> None:
    pdf, source = printed[name]
    chars = [c for page in pdf.pages for c in page.chars]
    boxes = [c for c in chars if c["text"] == "☐"]
    assert len(boxes) == len(_questions(source))
    assert len({round(c["x0"]) for c in boxes}) == 1  # one column, after the numbers
    assert all(c["x0"] > LEFT + 10 for c in boxes)  # the number comes first
    stars = sum(c["text"] == "★" for c in chars)
    assert stars == source.count("★")  # the must-ask questions, and the key that names them
    assert len(pdf.pages) == (1 if name == "script30" else 2)


def test_a_short_letter_sits_lower_on_the_sheet(printed: dict[str, tuple[Any, str]]) -> None:
    pdf, _ = printed["letter"]
    page = pdf.pages[0]
    top = min(c["top"] for c in page.chars)
    bottom = max(c["bottom"] for c in page.chars)
    above, below = top - L_TOP, page.height - L_BOTTOM - bottom
    assert len(pdf.pages) == 1
    assert above > INCH  # not three inches of blank paper under a letter at the top
    assert 1.3 < below / above < 3.0  # about a third of the spare height above it


def test_timeline_rows_leave_room_to_note(printed: dict[str, tuple[Any, str]]) -> None:
    pdf, _ = printed["timeline"]
    page = pdf.pages[0]
    rules = sorted({round(line["top"], 1) for line in page.lines if _color(line) == TABLE_RULE})
    rows = [b - a for a, b in itertools.pairwise(rules)]
    assert len(pdf.pages) == 1
    assert len(rows) >= 6 and min(rows) >= 13 * MM - 0.5  # a row's rules 13 mm apart at least
    unused = page.height - BOTTOM - _text_bottom(page)
    assert unused <= 1.5 * INCH  # its notes' lines fill the page


def test_grown_writing_rows_still_grow_as_a_student_types() -> None:
    """Rows added to fill a page are "at least" rows, and each table's lines stay together."""
    word = docx.Document(io.BytesIO(DOCUMENTS["prep30"]().to_docx()))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    ruled = [t for t in word.tables if t.style is None or t.style.name != "Table Grid"]
    assert ruled
    for table in ruled:
        rules = [h.get(f"{w}hRule") for h in table._tbl.iter(f"{w}trHeight")]
        assert rules == ["atLeast"] * len(table.rows)
        keeps = [
            row._tr.find(f".//{w}keepNext") is not None for row in table.rows
        ]  # every line but the last keeps with the next
        assert keeps == [True] * (len(keeps) - 1) + [False]


# after the Markdown of December: the branded header, boxes, choices, sections, the handout


def _ink(page: Any, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The dark pixels' extent inside ``box`` of ``page`` (points), drawn at 300 dpi."""
    image = page.crop(box).to_image(resolution=300).original.convert("L")
    scale = 300 / 72
    dark = [
        (x, y)
        for y in range(image.height)
        for x in range(image.width)
        if image.getpixel((x, y)) < 128
    ]
    assert dark, box
    xs, ys = [x for x, _ in dark], [y for _, y in dark]
    return (
        box[0] + min(xs) / scale,
        box[1] + min(ys) / scale,
        box[0] + (max(xs) + 1) / scale,
        box[1] + (max(ys) + 1) / scale,
    )


def test_branded_header_logo_at_the_margin_and_the_name_beside_it(
    printed: dict[str, tuple[Any, str]],
) -> None:
    """As render.py's LOGO_MM and LOGO_GAP_PT: the logo 8 mm tall at the text margin, the
    school's name 6 pt after it, its capitals centered on the logo's height."""
    from interview_prep.render import LOGO_GAP_PT, LOGO_MM

    pdf, _ = printed["prep30-branded"]
    page = pdf.pages[0]
    (logo,) = page.images
    assert abs(logo["x0"] - LEFT) < 0.5  # was 9 pt in: LibreOffice's default picture inset
    assert abs(logo["bottom"] - logo["top"] - LOGO_MM * MM) < 0.3
    first = next(c for c in page.chars if c["text"] == "L" and c["top"] < logo["bottom"])
    assert abs(first["x0"] - logo["x1"] - LOGO_GAP_PT) < 1.0
    _, cap_top, _, baseline = _ink(
        page, (first["x0"], logo["top"] - 2, first["x1"], logo["bottom"] + 2)
    )
    middle = (logo["top"] + logo["bottom"]) / 2
    title = min(c["top"] for c in page.chars if c["top"] > logo["bottom"])
    assert title - logo["bottom"] >= 3 * MM  # the title is not set on the logo's foot
    assert len(pdf.pages) == 2  # still one sheet printed on both sides
    assert abs((cap_top + baseline) / 2 - middle) < 1.0, (cap_top, baseline, middle)


@pytest.mark.parametrize("name", ["reflection", "script30", "timeline", "prep30"])
def test_tick_boxes_are_drawn_at_least_3_mm_and_4_pt_apart(
    printed: dict[str, tuple[Any, str]], name: str
) -> None:
    pdf, _ = printed[name]
    boxes = [(page, c) for page in pdf.pages for c in page.chars if c["text"] in ("☐", "○")]
    assert boxes
    drawn = []
    for page, char in boxes:
        pad = 2 if char["text"] == "○" else 0  # a box's line only: the next box is 1 pt below
        x0, top, x1, bottom = _ink(
            page, (char["x0"] - 1, char["top"] - pad, char["x1"] + 1, char["bottom"] + pad)
        )
        assert x1 - x0 >= 3 * MM and bottom - top >= 3 * MM, (
            name,
            char["text"],
            x1 - x0,
            bottom - top,
        )
        drawn.append((char["text"], page.page_number, round(char["x0"]), top, bottom))
    stacked = [
        (a, b)
        for a, b in itertools.pairwise(drawn)
        if a[0] == b[0] == "☐" and a[1:3] == b[1:3]  # one column on one page
    ]
    assert stacked
    assert min(b[3] - a[4] for a, b in stacked) >= 4  # points between stacked boxes
    if name == "reflection":  # its checklist's boxes at the margin, as on the PDF
        assert all(abs(x - LEFT) < 1.5 for box, _, x, _, _ in drawn if box == "☐")


def test_circle_one_is_on_the_line_of_its_choices(printed: dict[str, tuple[Any, str]]) -> None:
    pdf, source = printed["reflection"]
    lines = [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
    labels = [line for line in lines if line.startswith("Circle one:")]
    assert len(labels) == source.count("Circle one:") == 2
    assert all(line.count("○") == 3 for line in labels)


def test_reflection_sections_stay_whole(printed: dict[str, tuple[Any, str]]) -> None:
    """A ``section`` container keeps with next in Word: its heading, prompts and lines on one
    page; and each paragraph of a section but the last keeps with the next."""
    pdf, source = printed["reflection"]
    sections = re.findall(r"^## ([^\n]+)\n\n:::: section\n(.*?)^::::$", source, re.M | re.S)
    assert len(sections) == 5
    pages = [page.extract_text() or "" for page in pdf.pages]
    for heading, body in sections:
        prompts = [
            line for line in body.splitlines() if line and not line.startswith((":::", "- "))
        ]
        (where,) = [number for number, text in enumerate(pages) if heading in text]
        assert all(prompt in pages[where] for prompt in prompts), heading
    word = docx.Document(io.BytesIO(DOCUMENTS["reflection"]().to_docx()))
    noticed = next(p for p in word.paragraphs if p.text.startswith("Strengths"))
    assert noticed.paragraph_format.keep_with_next
    after = noticed._p.getnext()  # its lines keep with the "Weaknesses" prompt below them
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert (
        after.tag == f"{w}tbl" and after.findall(f"{w}tr")[-1].find(f".//{w}keepNext") is not None
    )


@pytest.mark.parametrize("name", ["handout", "handout-shadow"])
def test_handout_rubric_whole_and_pages_used(
    printed: dict[str, tuple[Any, str]], name: str
) -> None:
    """The rubric kept whole (as the PDF), the plan's lines each a line of its own inside the
    margins, and no page ending more than 1.5 in short but a last page at least 60% used."""
    pdf, _ = printed[name]
    pages = [page.extract_text() or "" for page in pdf.pages]
    assert len(pages) == 2
    (rubric,) = [n for n, text in enumerate(pages) if "Criterion" in text]
    assert "Total" in pages[rubric] and re.search(r"/2[04]\b", pages[rubric])
    lines = [line for text in pages for line in text.splitlines()]
    plan = [line for line in lines if line.startswith(("Field:", "Who I will ask:"))]
    assert len(plan) == 2  # one line each
    assert "Questions I want to ask" in pages[-1]
    for number, page in enumerate(pdf.pages, start=1):
        bottom = _text_bottom(page)
        unused = page.height - BOTTOM - bottom
        if number < len(pdf.pages):
            assert unused <= 1.5 * INCH, f"page {number} ends {unused / INCH:.2f} in short"
        else:
            assert (bottom - TOP) / (page.height - TOP - BOTTOM) >= 0.6


def test_script60_stars_are_the_pdfs(printed: dict[str, tuple[Any, str]], tmp_path: Path) -> None:
    """The must-ask stars come from the Markdown: Word shows the ones the PDF shows."""
    pdf, _ = printed["script60"]
    word_stars = sum(c["text"] == "★" for page in pdf.pages for c in page.chars)
    DOCUMENTS["script60"]().to_pdf(tmp_path / "script60.pdf")
    with pdfplumber.open(tmp_path / "script60.pdf") as printed_pdf:
        pdf_stars = sum(c["text"] == "★" for page in printed_pdf.pages for c in page.chars)
    assert word_stars == pdf_stars >= 2
