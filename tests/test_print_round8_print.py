"""Issue 19, round 8: the seventh review's PDF defects (1, 2, 3, 5 and 7), measured in real
PDFs with pdfplumber."""

from __future__ import annotations

import io
import itertools
import warnings
from collections import defaultdict

import pdfplumber
import pytest

import interview_prep as ip

from .test_print_round4_pfill import MEETING, document, lines_by_question

# --- 1: one lines-a-minute base for the whole sheet ------------------------------------------


@pytest.mark.parametrize("kind", ["prep60", "shadow3", "shadow6"])
def test_questions_of_the_same_minutes_get_the_same_lines_give_or_take_two(kind: str) -> None:
    by_minutes: dict[float, list[int]] = defaultdict(list)
    for minutes, lines, closing in lines_by_question(kind):
        if not closing and minutes >= 2:
            by_minutes[minutes].append(lines)
    # was prep60: 3-minute questions 5 on page 2, 3 on page 4; round 9 changed this
    # deliberately from one line to two: a page's own leftover goes to its questions, up to two
    # lines over the sheet's base, rather than a blank band at its foot (the eighth review's #1)
    for minutes, lines in by_minutes.items():
        assert max(lines) - min(lines) <= 2, (minutes, lines)


# --- 2: air above the script's section heads -------------------------------------------------


def _script_pdf(minutes: int) -> bytes:
    from .test_print_round4_pfill import DANA, plan

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return bytes(ip.interview_script(plan(minutes), DANA, MEETING, learner="Alex Kim").to_pdf())


@pytest.mark.parametrize("minutes", [30, 60])
def test_the_scripts_heads_have_air_above_and_sit_close_over_what_follows(minutes: int) -> None:
    with pdfplumber.open(io.BytesIO(_script_pdf(minutes))) as opened:
        if minutes == 30:
            assert len(opened.pages) == 1  # the script stays one page
        heads = 0
        for page in opened.pages:
            lines = page.extract_text_lines()
            rules = sorted(e["top"] for e in page.edges if e["orientation"] == "h")
            for index, line in enumerate(lines[1:-1], 1):
                if abs(line["chars"][0]["size"] - 12) > 0.1:
                    continue
                heads += 1
                above = line["top"] - lines[index - 1]["bottom"]
                rule = min(r for r in rules if r >= line["bottom"] - 0.5)
                below = lines[index + 1]["top"] - rule
                # was 5.1 pt above, 4.4 below
                assert 9 <= above <= 11, (line["text"], above)
                assert below <= 3.5, (line["text"], below)
        assert heads >= 8


# --- 3: the shadow handout's "Before a job shadow" stays whole under its heading --------------


def test_before_a_job_shadow_stays_whole_with_its_heading() -> None:
    from .test_print_round7_print import _handout

    pages = _handout(True)
    assert len(pages) == 2
    bullets = ("Permission.", "Safety.", "What to wear.", "Privacy.")
    for words, _rules, _height in pages:
        text = " ".join(w["text"] for w in words)
        if "Before a job shadow" in text:
            assert all(bullet in text for bullet in bullets), text  # was 2 + 2
            break
    else:
        pytest.fail("no Before a job shadow")


# --- 5: one rule at the top of each timeline Notes cell --------------------------------------


def test_a_timeline_notes_cell_has_no_doubled_rule_at_its_top() -> None:
    from datetime import date

    from .test_print_round4_pfill import DANA, WHEN

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = bytes(ip.timeline(date(2026, 11, 23), WHEN, contact=DANA).to_pdf())
    resolution = 300
    scale = resolution / 72
    with pdfplumber.open(io.BytesIO(data)) as opened:
        page = opened.pages[0]
        image = page.to_image(resolution=resolution).original.convert("RGB")
        notes = next(w for w in page.extract_words() if w["text"] == "Notes")
        x = int((notes["x0"] + 30) * scale)
        rows = sorted(
            {
                round(line["top"], 1)
                for line in page.lines
                if line["width"] > 50 and line["x0"] <= x / scale <= line["x1"]
            }
        )
        rows = [top for top in rows if top > notes["bottom"] + 2]
        assert len(rows) >= 4
        for top, bottom in itertools.pairwise(rows):
            marks: list[float] = []
            for y in range(int((top - 1) * scale), int((bottom + 1) * scale)):
                dark = sum(image.getpixel((x, y))[:3]) < 3 * 245
                if dark and (not marks or y / scale - marks[-1] > 1.0):
                    marks.append(y / scale)
                elif dark:
                    marks[-1] = y / scale
            # was a pale second line 1.8 pt under the row's rule
            gaps = [b - a for a, b in itertools.pairwise(marks)]
            assert len(marks) >= 3 and min(gaps) > 3, (top, marks)  # the row's rule, two rules


# --- 7: the handout's name line, one ink for a letter, one place for the star's key ----------


def test_every_handout_page_has_a_name_to_write_in() -> None:
    from .test_print_round7_print import _handout

    for shadow in (False, True):
        for words, _rules, height in _handout(shadow):
            foot = [w["text"] for w in words if w["top"] > height - 12 * 2.8346]
            assert "Name" in foot, foot  # was "Careers 10 · from Mon, Jan 11, 2027" alone


def test_a_letters_date_is_in_the_letters_ink() -> None:
    from datetime import date

    from .test_print_round4_pfill import DANA

    sender = ip.Sender("Alex Kim", "Lakeside Community College", "college", "alex@example.edu")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        made = ip.letter(
            "request",
            "letter",
            field="nurse",
            sender=sender,
            contact=DANA,
            today=date(2026, 11, 23),
        )
        data = bytes(made.to_pdf())
    with pdfplumber.open(io.BytesIO(data)) as opened:
        inks = {str(c["non_stroking_color"]) for c in opened.pages[0].chars if c["text"].strip()}
    assert len(inks) == 1, inks  # the date was #3a3a3a, the rest #1a1a1a


@pytest.mark.parametrize("kind", ["prep30", "shadow3"])
def test_the_stars_key_sits_on_the_meeting_tables_caption_line(kind: str) -> None:
    with pdfplumber.open(io.BytesIO(bytes(document(kind).to_pdf()))) as opened:
        lines = opened.pages[0].extract_text_lines()
    key = next(line for line in lines if "must-ask" in line["text"])
    caption = next(line for line in lines if line["text"].split()[0] in ("Meeting", "Shadow"))
    assert key is caption, key["text"]  # the shadow plan's was on a line of its own
