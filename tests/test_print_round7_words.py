"""Issue 19, round 7, words: the sixth review's small things (#8): the sample documents tell
one dated story, the product dates its steps in order, and the name ask has one wording; an
editor's read of the samples (American English, one wording for one step, no two-word last
lines where a wording avoids them)."""

from __future__ import annotations

import io
import re
import runpy
import warnings
from dataclasses import replace
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest

import interview_prep as ip
from interview_prep.markdown.typography import us_date

DANA = ip.Contact("Dana Ortiz", title="ICU charge nurse", org="Mercy General Hospital")
MEETING = ip.Meeting(datetime(2026, 12, 14, 15, 30), "Mercy General Hospital", "in-person")
NAME_ASK = "When I reach out to them, may I mention your name?"
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "print-pictures"


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    documents = runpy.run_path(str(SCRIPT))["documents"]
    with warnings.catch_warnings():
        warnings.simplefilter("error", ip.PastDateWarning)  # no letter dated against the story
        return documents(tmp_path_factory.mktemp("samples"))  # type: ignore[no-any-return]


def dated(letter: Any) -> date:
    """The date a printed letter carries under the sender's block."""
    for line in letter.text.splitlines():
        match = re.fullmatch(r"([A-Z][a-z]+) (\d{1,2}), (\d{4})", line.strip())
        if match:
            return datetime.strptime(line.strip(), "%B %d, %Y").date()
    raise AssertionError(f"no date line in {letter.title}")


# ---- the sample story ------------------------------------------------------------------


def test_the_samples_tell_one_dated_story(samples: dict[str, Any]) -> None:
    steps = {step.id: step.day for step in samples["timeline"].steps}
    sent = dated(samples["letter-request"])
    assert steps["request"] == sent == dated(samples["letter-shadow-request"])
    follow_up = samples["letter-follow-up"]
    assert dated(follow_up) == steps["follow-up"]
    assert f"I wrote to you on {us_date(sent)}," in follow_up.text
    # the request promises to follow up on the day the timeline and the follow-up say
    for kind in ("letter-request", "letter-shadow-request"):
        text = " ".join(samples[kind].text.split())
        assert f"heard from you by {us_date(steps['follow-up'])}," in text, kind
    assert dated(samples["letter-confirm"]) == steps["confirm"]
    assert dated(samples["letter-thank-you"]) == steps["thank-you"] == MEETING.when.date()
    keep = samples["letter-keep-in-touch"]
    assert dated(keep) == steps["keep-in-touch"]
    assert f"When we spoke on {us_date(MEETING.when.date())}," in keep.text
    ordered = [day for day in steps.values() if day is not None]
    assert ordered == sorted(ordered)


# ---- the product's dates -----------------------------------------------------------------


def test_a_meeting_set_before_a_follow_up_falls_due_drops_the_follow_up() -> None:
    # a request on Monday, December 7 would be followed up on Monday, December 14: the day
    # of the meeting, after the Friday confirmation
    soon = ip.timeline(date(2026, 12, 7), MEETING.when, contact=DANA)
    days = [step.day for step in soon.steps]
    assert "follow-up" not in [step.id for step in soon.steps]
    assert days == sorted(d for d in days if d is not None)
    assert "Follow up if there is no reply" not in soon.markdown
    # two weeks ahead, the follow-up still comes before the confirmation
    early = ip.timeline(date(2026, 11, 30), MEETING.when, contact=DANA)
    ids = [step.id for step in early.steps]
    assert ids.index("follow-up") < ids.index("confirm")
    assert [s.day for s in early.steps] == sorted(s.day for s in early.steps if s.day)
    # with no meeting yet, the follow-up is all there is to plan
    alone = ip.timeline(date(2026, 12, 7))
    assert [s.day for s in alone.steps if s.id == "follow-up"] == [date(2026, 12, 14)]


def test_a_follow_up_dated_before_its_request_warns() -> None:
    common: dict[str, Any] = {"field": "nurse", "contact": DANA}
    with pytest.warns(ip.PastDateWarning, match="November 23, 2026") as caught:
        ip.letter(
            "follow-up",
            "email",
            request_date=date(2026, 11, 23),
            today=date(2026, 11, 20),
            **common,
        )
    assert "request_date" in str(caught[0].message)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ip.PastDateWarning)
        later = ip.letter(
            "follow-up", "email", request_date=date(2026, 11, 23), today=date(2026, 12, 7), **common
        )
    assert "I wrote to you on November 23, 2026," in later.text


# ---- one wording of the name ask -----------------------------------------------------------


def plan(minutes: int) -> ip.Plan:
    return ip.plan_interview("nurse", "college", minutes, seed=1)


def test_the_bank_the_script_and_the_sheets_word_the_name_ask_alike() -> None:
    asked = plan(30)
    bank = [p.item.text for p in asked.closing if p.item.id == "gen-closing-use-name"]
    assert bank == [NAME_ASK]
    quoted = f"“{NAME_ASK}”"
    script = ip.interview_script(asked, DANA, MEETING).markdown
    assert f"Then ask: {quoted}" in script
    assert "how would you feel" not in script
    # with the ask in the plan, and without it (the sheet falls back to the same words)
    without = replace(
        asked, closing=tuple(p for p in asked.closing if p.item.id != "gen-closing-use-name")
    )
    for document in (
        ip.prep_sheet(asked, DANA, MEETING),
        ip.prep_sheet(without, DANA, MEETING),
        ip.shadow_plan("nurse", "college", 3, contact=DANA, seed=1),
    ):
        assert f"ask aloud: {quoted}" in document.markdown, document.title
        assert "When I reach out, may I" not in document.markdown


def test_word_and_html_carry_the_same_name_ask() -> None:
    sheet = ip.prep_sheet(plan(30), DANA, MEETING)
    word = docx.Document(io.BytesIO(sheet.to_docx()))
    text = "\n".join(p.text for p in word.paragraphs).replace("\u00a0", " ")
    assert f"ask aloud: “{NAME_ASK}”" in text
    html = ip.interview_script(plan(30), DANA, MEETING).to_html()
    shown = re.sub(r"<[^>]+>", "", html).replace("\u00a0", " ")  # no-break before short words
    assert f"Then ask: “{NAME_ASK}”" in shown


# ---- the editor's read of the samples --------------------------------------------------


def words_of(document: Any) -> str:
    return " ".join((getattr(document, "text", "") or document.markdown).split())


def test_the_samples_read_as_american_english(samples: dict[str, Any]) -> None:
    british = re.compile(
        r"\b(?:afterwards|towards|some time soon|agree the|Tick each)\b|, for information\."
    )
    found = [
        f"{name}: {m.group()}" for name, d in samples.items() for m in british.finditer(words_of(d))
    ]
    assert not found, found


def test_the_same_step_is_worded_alike_on_every_kind(samples: dict[str, Any]) -> None:
    contact = "Contact the people they suggested; mention their name only if they agreed."
    for name in ("prep30", "prep15", "shadow3", "shadow6"):
        assert contact in samples[name].markdown, name
    assert "mention their name to anyone they suggest" in samples["handout"].markdown
    résumé = "for their information"
    assert résumé in samples["prep30"].markdown and résumé in samples["timeline"].markdown
    hours = "Within 24 hours"
    for name in ("prep30", "shadow3", "timeline"):
        assert hours in samples[name].markdown, name
    assert "**Arrangements**" in samples["prep30"].markdown
    assert "**Arrangements**" in samples["shadow3"].markdown


def short_last_lines(pdf_bytes: bytes) -> list[str]:
    """Lines of one or two words that end a paragraph under a full line of the same column."""
    found = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            lines = page.extract_text_lines()
            for above, line in pairwise(lines):
                if (
                    len(line["text"].split()) <= 2
                    and len(above["text"]) > 50
                    and abs(line["x0"] - above["x0"]) < 2
                    and line["top"] - above["top"] < 16
                    and line["text"][-1:] in ".?!”"
                ):
                    found.append(f"{above['text'][-30:]} / {line['text']}")
    return found


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    ["prep20-developer", "prep30", "script60", "handout-shadow", "letter-keep-in-touch",
     "letter-shadow-request"],
)  # fmt: skip
def test_no_sample_ends_a_paragraph_on_two_words(samples: dict[str, Any], name: str) -> None:
    assert not short_last_lines(samples[name].to_pdf()), name


def test_a_letter_names_its_kind_as_a_noun(samples: dict[str, Any]) -> None:
    # read aloud by a screen reader, and the plain-text title of a pasted email
    heads = {kind: samples[f"letter-{kind}"].markdown.splitlines()[0] for kind in ("follow-up",
             "thank-you", "keep-in-touch", "shadow-request")}  # fmt: skip
    assert heads == {
        "follow-up": "# Letter: follow-up",
        "thank-you": "# Letter: thank-you",
        "keep-in-touch": "# Letter: keep in touch",
        "shadow-request": "# Letter: shadow request",
    }
    with pytest.warns(ip.NoReplyAddressWarning, match="the printed thank-you letter"):
        ip.letter("thank-you", "letter", field="nurse", contact=DANA, today=date(2026, 12, 14))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["prep30", "prep20-developer"])
def test_the_two_column_checklist_has_no_one_word_line(samples: dict[str, Any], name: str) -> None:
    with pdfplumber.open(io.BytesIO(samples[name].to_pdf())) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
    top = next(w["bottom"] for w in words if w["text"] == "Arrangements")
    end = next(w["top"] for w in words if w["text"] == "Opening" and w["top"] > top)
    middle = page.width / 2
    rows: dict[tuple[bool, int], list[str]] = {}
    for word in words:
        if top < word["top"] < end and word["text"] not in ("☐",):
            rows.setdefault((word["x0"] > middle, round(word["top"])), []).append(word["text"])
    alone = [texts for texts in rows.values() if len(texts) == 1]
    assert not alone, alone  # "early." or "before." alone under its item


@pytest.mark.slow
def test_the_shadow_plan_subtitle_keeps_to_one_line(samples: dict[str, Any]) -> None:
    with pdfplumber.open(io.BytesIO(samples["shadow3"].to_pdf())) as pdf:
        lines = [line["text"] for line in pdf.pages[0].extract_text_lines()]
    assert any(
        line.endswith("a 20-minute talk · prepared for Alex Kim, a college student")
        for line in lines
    )
    assert "student" not in lines  # "student" alone on a second line before
