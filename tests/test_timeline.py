"""The timeline: dates computed right, and an .ics file that calendar programs accept."""

from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta

import icalendar
import ics
import pytest
from hypothesis import given
from hypothesis import strategies as st

import interview_prep as ip
from interview_prep.documents import timeline
from interview_prep.documents.timeline import add_business_days, thank_you_time

REQUEST = date(2026, 3, 2)
MEETING = datetime(2026, 3, 14, 15, 30)


def test_steps_fall_on_the_right_days() -> None:
    steps = {s.id: s for s in timeline(REQUEST, MEETING, minutes=30).steps}
    assert steps["request"].day == REQUEST
    assert steps["follow-up"].day == date(2026, 3, 9)
    assert steps["confirm"].day == date(2026, 3, 13)
    assert steps["meeting"].start == MEETING and steps["meeting"].end == MEETING.replace(
        hour=16, minute=0
    )
    assert steps["notes"].day == MEETING.date()
    assert steps["thank-you"].start == datetime(2026, 3, 14, 17, 0)
    assert steps["keep-in-touch"].day == date(2026, 6, 12)  # a Friday
    later = {s.id: s for s in timeline(REQUEST, datetime(2026, 3, 16, 10)).steps}
    assert later["keep-in-touch"].day == date(2026, 6, 15)  # Sunday the 14th, moved to Monday


def test_ics_parses_back_with_icalendar_and_a_second_parser() -> None:
    data = timeline(REQUEST, MEETING, contact=ip.Contact("Dana Ortiz")).to_ics()
    calendar = icalendar.Calendar.from_ical(data)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 7
    meeting = events["Informational interview with Dana Ortiz"]
    # the meeting's wall-clock time, in a named zone (the system's): never a floating time
    assert meeting.decoded("dtstart").tzinfo is not None
    assert meeting.decoded("dtstart").replace(tzinfo=None) == MEETING
    thanks = events["Send a thank-you note"].decoded("dtstart").replace(tzinfo=None)
    assert timedelta(0) < thanks - (MEETING + timedelta(minutes=30)) <= timedelta(hours=24)
    assert events["Follow up if there is no reply"].decoded("dtstart") == date(2026, 3, 9)
    assert all(e.walk("VALARM") for e in events.values())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        other = ics.Calendar(data.decode("utf-8"))
    assert len(other.events) == 7
    assert {e.name for e in other.events} == set(events)


@given(
    end=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1)),
)
def test_thank_you_is_always_within_a_day_and_never_late_at_night(end: datetime) -> None:
    at = thank_you_time(end)
    assert timedelta(0) < at - end <= timedelta(hours=24)
    assert at.hour < 20 or at.date() > end.date()


@given(start=st.dates(), days=st.integers(1, 30))
def test_business_days_skip_weekends(start: date, days: int) -> None:
    end = add_business_days(start, days)
    assert end.weekday() < 5
    between = [start + timedelta(n) for n in range(1, (end - start).days + 1)]
    assert sum(d.weekday() < 5 for d in between) == days


def test_missing_dates_leave_steps_undated_and_out_of_the_calendar() -> None:
    only_meeting = timeline(None, MEETING)
    assert only_meeting.markdown.count("Date to set") == 2
    assert len(icalendar.Calendar.from_ical(only_meeting.to_ics()).walk("VEVENT")) == 5
    only_request = timeline(REQUEST)
    assert len(icalendar.Calendar.from_ical(only_request.to_ics()).walk("VEVENT")) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((None, None), "needs the request date"),
        ((date(2026, 4, 1), MEETING), "before the request"),
    ],
)
def test_bad_dates(args: tuple[date | None, datetime | None], message: str) -> None:
    with pytest.raises(ip.PlanError, match=message):
        timeline(*args)
