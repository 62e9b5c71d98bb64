"""Letters: every kind in every channel says what it must, and fits where it must."""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime

import pytest

import interview_prep as ip
from interview_prep.documents import CHANNELS, LETTER_KINDS, LetterTooLongError, letter

SENDER = ip.Sender(
    "Alex Kim", "Lakeside Community College", "college", "alex@example.edu", "555-0100"
)
CONTACT = ip.Contact("Dana Ortiz", "ICU nurse", "Mercy General")
MEETING = ip.Meeting(datetime(2026, 3, 14, 15, 30), where="Mercy General")
NOT_A_JOB = re.compile(
    r"not (asking about jobs|looking for a job|job hunting|a job request|for a job"
    r"|asking about openings|to look for a job|writing to ask for a job)",
    re.I,
)


def write(kind: str, channel: str, referral: str | None = None, **extra: object) -> ip.Letter:
    return letter(
        kind,
        channel,
        field="nurse",
        sender=SENDER,
        contact=CONTACT,
        referral=referral,
        meeting=MEETING,
        today=date(2026, 3, 16) if kind in ("thank-you", "keep-in-touch") else date(2026, 3, 2),
        follow_up=date(2026, 3, 9),
        **extra,
    )  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["thank-you", "keep-in-touch"])
def test_a_letter_that_looks_back_on_a_meeting_warns_when_dated_before_it(kind: str) -> None:
    with pytest.warns(ip.BeforeMeetingWarning, match="before the meeting") as caught:
        letter(
            kind, "letter", field="nurse", sender=SENDER, meeting=MEETING, today=date(2026, 3, 2)
        )
    message = str(caught[0].message)
    assert "March 2, 2026" in message and "March 14, 2026" in message and "--" not in message
    assert issubclass(ip.BeforeMeetingWarning, ip.PastDateWarning)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # on the day of the meeting, or after: no warning
        letter(
            kind, "email", field="nurse", sender=SENDER, meeting=MEETING, today=date(2026, 3, 14)
        )
        letter("request", "email", field="nurse", meeting=MEETING, today=date(2026, 3, 2))


@pytest.mark.parametrize("referral", [None, "Sam Lee"])
@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("kind", LETTER_KINDS)
def test_every_kind_and_channel_renders_and_says_not_a_job(
    kind: str, channel: str, referral: str | None
) -> None:
    written = write(kind, channel, referral)
    assert NOT_A_JOB.search(written.text), written.text
    assert (written.words > 0 and written.characters == len(written.text.strip())) or (
        channel in ("email", "letter")
    )
    assert written.markdown.startswith("# ")
    assert "________" not in written.text or kind in ("thank-you", "keep-in-touch", "confirm")
    if channel == "linkedin":
        assert len(written.text.strip()) <= 200


@pytest.mark.parametrize("channel", ["email", "letter", "linkedin", "phone"])
@pytest.mark.parametrize("kind", ["request", "shadow-request"])
def test_the_referral_comes_first(kind: str, channel: str) -> None:
    text = write(kind, channel, "Sam Lee").text
    if channel in ("email", "letter"):
        body = text.split("Dear Dana Ortiz,", 1)[1].strip()
        first_sentence = body.split(".")[0]
    elif channel == "linkedin":
        first_sentence = text.split(".")[0]
    else:
        first_sentence = text.split("IF THEY ANSWER", 1)[1].split("\n- ")[2].split(".")[0]
    assert "Sam Lee" in first_sentence


def test_request_email_is_short_and_dated() -> None:
    email = write("request", "email", "Sam Lee")
    assert email.words < 150
    assert "Subject: 20 minutes to learn about your work as a registered nurse?" in email.text
    assert "March 9, 2026" in email.text
    assert "Alex Kim\nLakeside Community College" in email.text
    assert email.counts.startswith(f"{email.words} words")


def test_printed_letter_promises_the_follow_up_date() -> None:
    printed = write("request", "letter")
    assert "March 2, 2026" in printed.text
    assert "by March 9, 2026, I will call your office" in printed.text


def test_confirm_restates_time_place_and_resume_for_information() -> None:
    text = write("confirm", "email").text
    assert "at Mercy General on Saturday, March 14, 2026, at 3:30 PM." in text
    assert "about 30 minutes" in text  # the meeting's length, as in every plan
    assert "résumé" in text and "for your information only" in text


def test_thank_you_names_what_was_learned_or_leaves_a_clear_blank() -> None:
    learned = write("thank-you", "email", learned="how charge nurses plan a shift").text
    assert "What stayed with me most was how charge nurses plan a shift." in learned
    blank = write("thank-you", "email").text
    assert "What stayed with me most was ________" in blank


def test_shadow_request_asks_for_time_to_talk_after() -> None:
    text = write("shadow-request", "email", hours=6).text
    assert "shadow you for a working day" in text
    assert "minutes with you afterward to talk over what I saw" in text
    minor = letter(
        "shadow-request", "email", field="chef", sender=ip.Sender("Jo", stage="high-school")
    ).text
    assert "permission from a parent or guardian" in minor


def test_linkedin_note_tries_shorter_wordings_then_refuses() -> None:
    long_names = ip.Sender(
        "Maximilian Bartholomew-Fitzgerald",
        "Northern Lakes Regional Technical and Community College",
        "career-changer",
    )
    note = letter(
        "request",
        "linkedin",
        field="Healthcare & Human Services",
        sender=long_names,
        contact=ip.Contact("Dana"),
        referral="Josephine Wellington",
    )
    assert len(note.text.strip()) <= 200 and note.limit == 200
    assert "Josephine Wellington" in note.text
    huge = "X" * 150
    with pytest.raises(LetterTooLongError, match=r"needs \d+ characters"):
        letter("request", "linkedin", sender=ip.Sender(huge), contact=ip.Contact(huge))
    premium = letter(
        "request", "linkedin", field="nurse", sender=SENDER, contact=CONTACT, linkedin="premium"
    )
    assert premium.limit == 300 and "Lakeside Community College" in premium.text


def test_user_text_in_letters_is_literal_in_markdown() -> None:
    sneaky = ip.Contact("*Dana* <b>Ortiz</b>")
    written = letter("request", "email", contact=sneaky, sender=SENDER)
    assert "Dear *Dana* <b>Ortiz</b>," in written.text
    html = written.to_html(fragment=True)
    assert "<b>" not in html and "<em>" not in html
    assert "&lt;b&gt;Ortiz&lt;/b&gt;" in html


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "requets"}, "did you mean 'request'?"),
        ({"kind": "request", "channel": "fax"}, "unknown channel 'fax'"),
        ({"kind": "request", "sender": ip.Sender(stage="colege")}, "'college'"),
        ({"kind": "request", "linkedin": "gold"}, "unknown LinkedIn account"),
    ],
)
def test_bad_letter_arguments(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ip.InterviewPrepError, match=re.escape(message)):
        letter(**kwargs)  # type: ignore[arg-type]


def test_a_printed_letter_with_no_way_to_reply_warns_and_leaves_a_blank() -> None:
    with pytest.warns(ip.NoReplyAddressWarning, match="Give your email or phone number"):
        printed = ip.letter("request", "letter", field="nurse", sender=ip.Sender("Ana Lopez"))
    assert "Phone or email: ____" in printed.text
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        email = ip.letter("request", "email", field="nurse", sender=ip.Sender("Ana Lopez"))
    assert "Phone or email" not in email.text


def test_user_phrases_are_punctuated_once_and_titles_lower_case_mid_sentence() -> None:
    sender = ip.Sender("Ana Lopez", email="ana@example.edu")
    thanks = ip.letter("thank-you", "email", field="nurse", sender=sender, learned="night shifts.")
    assert "was night shifts. It gave" in thanks.text and ".." not in thanks.text
    news = ip.letter(
        "keep-in-touch", "email", field="nurse", sender=sender, news="I start in the fall"
    )
    assert "I start in the fall.\n" in news.text
    assert "work as a registered nurse" in news.text
    hvac = ip.letter("request", "email", field="HVAC", sender=sender)
    assert "HVAC" in hvac.text


def test_a_printed_confirmation_encloses_the_resume() -> None:
    sender = ip.Sender("Ana Lopez", email="ana@example.edu")
    printed = ip.letter("confirm", "letter", field="nurse", sender=sender)
    assert "I have enclosed my résumé" in printed.text and printed.text.rstrip().endswith(
        "Enc.: résumé"
    )
    email = ip.letter("confirm", "email", field="nurse", sender=sender)
    assert "attached" in email.text and "Enc." not in email.text
