"""Issue 19, round 6, words: the fifth review's defects 8 (sample dates: a handout that starts
a semester, a thank-you sent the day of the meeting) and 9 (the name question spoken under the
referral question in a script; one header for the referral tables' last column)."""

from __future__ import annotations

import io
import re
import runpy
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

import interview_prep as ip

DANA = ip.Contact("Dana Ortiz", title="ICU charge nurse", org="Mercy General Hospital")
MEETING = ip.Meeting(datetime(2026, 12, 14, 15, 30), "Mercy General Hospital", "in-person")
NAME_ASK = "When I reach out to them, may I mention your name?"  # round 7: one wording
HEADER = "Name OK to mention?"
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "print-pictures"


def plan(minutes: int) -> ip.Plan:
    return ip.plan_interview("nurse", "college", minutes, seed=1)


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    documents = runpy.run_path(str(SCRIPT))["documents"]
    return documents(tmp_path_factory.mktemp("samples"))  # type: ignore[no-any-return]


# ---- 8. sample dates -------------------------------------------------------------------


def test_the_sample_handouts_start_a_semester_not_winter_break(samples: dict[str, Any]) -> None:
    for name in ("handout", "handout-shadow"):
        markdown = samples[name].markdown
        assert "from January 11, 2027" in markdown
        assert not re.search(r"\| (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), Dec ", markdown), name


def test_the_sample_thank_you_is_sent_the_day_the_timeline_says(
    samples: dict[str, Any],
) -> None:
    timeline = samples["timeline"].markdown
    assert re.search(r"Dec[ \u00a0]14\b.*\n?.*thank", timeline, flags=re.IGNORECASE)
    text = " ".join(samples["letter-thank-you"].text.split())
    assert "December 14, 2026" in text and "December 15, 2026" not in text
    assert "Thank you for talking with me today about" in text
    assert "yesterday" not in text


# ---- 9. the name question in a script; one header --------------------------------------


@pytest.mark.parametrize("minutes", [15, 30, 60])
def test_a_script_speaks_the_name_question_under_the_referral(minutes: int) -> None:
    asked = plan(minutes)
    markdown = ip.interview_script(asked, DANA, MEETING).source  # as written, before portable
    assert not re.search(rf"^\d+\. \*\*{re.escape(NAME_ASK)}", markdown, flags=re.MULTILINE)
    referral = re.search(
        r"^(\d+)\. \*\*Who else would you suggest[^\n]*\n( +)- Then ask: (.*)$",
        markdown,
        flags=re.MULTILINE,
    )
    assert referral is not None and referral.group(3) == f"“{NAME_ASK}”"
    assert len(referral.group(2)) == len(referral.group(1)) + 2  # inside its numbered item
    # the numbers run 1, 2, 3 … and end on the referral question, as on the worksheet
    shown = [int(n) for n in re.findall(r"^(\d+)\. ", markdown, flags=re.MULTILINE)]
    assert shown == list(range(1, len(shown) + 1))
    assert shown[-1] == int(referral.group(1))
    assert shown[-1] == len(asked.questions) + len(asked.closing) - 1
    sheet = ip.prep_sheet(asked, DANA, MEETING).source
    assert f"\n{shown[-1]}. **Who else would you suggest" in sheet


@cache
def pdf_text(kind: str) -> str:
    asked = plan(30)
    if kind == "reflection":
        document = ip.reflection_sheet(asked, DANA, MEETING, learner="Alex Kim")
    else:
        document = ip.prep_sheet(asked, DANA, MEETING, learner="Alex Kim")
    with pdfplumber.open(io.BytesIO(document.to_pdf())) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


@pytest.mark.parametrize("kind", ["prep", "reflection"])
def test_both_referral_tables_share_one_unwrapped_header(kind: str) -> None:
    lines = [line for line in pdf_text(kind).splitlines() if "How to reach them" in line]
    assert len(lines) == 1 and lines[0].endswith(
        HEADER if kind == "prep" else f"{HEADER} Contacted on"
    ), lines  # the header row on one line: no cell wraps
    markdown = (
        ip.reflection_sheet(plan(30), DANA, MEETING).markdown
        if kind == "reflection"
        else ip.prep_sheet(plan(30), DANA, MEETING).markdown
    )
    assert f"| {HEADER} |" in markdown
    assert "May I use my contact" not in markdown and "OK to mention your name?" not in markdown
