"""Calendar files of what is due and of the timeline, as calendar programs' parsers read
them (icalendar, ics-py, vobject): one UID per task whatever day or range is exported, a
range in one file, and timed events in a named time zone with its VTIMEZONE."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import ics
import pytest
import vobject
from click.testing import CliRunner, Result

from interview_prep.cli import main
from interview_prep.documents.zones import calendar_zone, system_zone_name


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INTERVIEW_PREP_JOURNAL", str(tmp_path / "class.journal"))
    runner = CliRunner()
    for arguments in (
        ("people", "add", "Dana Ortiz"),
        ("people", "add", "Sam Lee"),
        ("log", "request", "Sam Lee", "--on", "2026-03-02"),  # no reply: follow up by Mar 9
        ("meetings", "add", "Dana Ortiz", "--when", "2026-03-16T15:30", "--stage", "college"),
    ):
        result = runner.invoke(main, list(arguments))
        assert result.exit_code == 0, result.output + result.stderr
    return runner


def _run(runner: CliRunner, *arguments: str, code: int = 0) -> Result:
    result = runner.invoke(main, list(arguments))
    assert result.exit_code == code, result.output + result.stderr
    return result


def _events(path: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(Path(path).read_bytes())
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_an_overdue_task_keeps_one_uid_on_every_day_it_is_exported(cli: CliRunner) -> None:
    uids, starts = set(), []
    for day in ("2026-03-10", "2026-03-11", "2026-03-12"):
        _run(cli, "due", "--on", day, "-o", f"{day}.ics")
        follow_up = _events(f"{day}.ics")["Follow up with Sam Lee"]
        uids.add(str(follow_up["uid"]))
        starts.append(follow_up.decoded("dtstart"))
    assert len(uids) == 1  # a calendar importing all three updates one entry
    assert starts == [date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 12)]


def test_a_range_lists_each_task_once_with_the_meeting_in_its_time_zone(
    cli: CliRunner,
) -> None:
    _run(
        cli, "due", "--from", "2026-03-09", "--days", "14", "--tz", "America/Chicago", "-o", "r.ics"
    )
    raw = Path("r.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    summaries = [str(e["summary"]) for e in events]
    assert summaries.count("Follow up with Sam Lee") == 1
    assert len({str(e["uid"]) for e in events}) == len(events)
    assert {"Confirm the meeting with Dana Ortiz", "Thank Dana Ortiz"} <= set(summaries)
    meeting = next(e for e in events if summaries[events.index(e)].startswith("Meet Dana"))
    start = meeting.decoded("dtstart")
    assert start == datetime(2026, 3, 16, 15, 30, tzinfo=ZoneInfo("America/Chicago"))
    assert b"DTSTART;TZID=America/Chicago:20260316T153000" in raw
    assert [str(z["tzid"]) for z in calendar.walk("VTIMEZONE")] == ["America/Chicago"]
    # two more parsers agree on the instant: 15:30 in Chicago (CDT) is 20:30 UTC
    other = next(e for e in ics.Calendar(raw.decode("utf-8")).events if e.name.startswith("Meet"))
    assert other.begin.datetime.astimezone(timezone.utc) == datetime(
        2026, 3, 16, 20, 30, tzinfo=timezone.utc
    )
    card = next(
        e for e in vobject.readOne(raw.decode("utf-8")).vevent_list if "Meet" in e.summary.value
    )
    assert card.dtstart.value.utcoffset() == timedelta(hours=-5)


def test_a_range_as_text_lists_each_day_and_as_json_says_when_each_is_listed(
    cli: CliRunner,
) -> None:
    text = _run(cli, "due", "--from", "2026-03-13", "--to", "2026-03-17").output
    assert text.startswith("Due from March 13, 2026 to March 17, 2026:")
    assert "Friday, March 13, 2026:" in text and "Monday, March 16, 2026:" in text
    assert text.count("Follow up with Sam Lee") == 1
    rows = json.loads(
        _run(cli, "due", "--from", "2026-03-13", "--days", "5", "--format", "json").output
    )
    assert {r["listed_on"] for r in rows} <= {f"2026-03-{d}" for d in range(13, 18)}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--on", "2026-03-10", "--from", "2026-03-09"), "not both"),
        (("--from", "2026-03-09", "--to", "2026-03-12", "--days", "3"), "not both"),
        (("--from", "2026-03-12", "--to", "2026-03-09"), "before it starts"),
        (("--tz", "Mars/Olympus", "--format", "ics"), "unknown time zone 'Mars/Olympus'"),
    ],
)
def test_a_bad_range_or_zone_is_a_clear_error(
    cli: CliRunner, arguments: tuple[str, ...], message: str
) -> None:
    result = _run(cli, "due", *arguments, code=2)
    assert message in result.output + result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_timeline_takes_a_time_zone_and_defaults_to_the_systems(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    when = "2026-03-14T15:30"
    _run(cli, "timeline", "--meeting", when, "--tz", "Europe/London", "-o", "london.ics")
    raw = Path("london.ics").read_bytes()
    assert b"DTSTART;TZID=Europe/London:20260314T153000" in raw
    assert b"BEGIN:VTIMEZONE" in raw and b"TZID:Europe/London" in raw
    monkeypatch.setenv("TZ", "America/Denver")
    assert system_zone_name() == "America/Denver" and calendar_zone() == ZoneInfo("America/Denver")
    _run(cli, "timeline", "--meeting", when, "-o", "system.ics")
    assert b"DTSTART;TZID=America/Denver:20260314T153000" in Path("system.ics").read_bytes()
    result = _run(cli, "timeline", "--meeting", when, "--tz", "nowhere", "-o", "x.ics", code=2)
    assert "unknown time zone 'nowhere'" in result.output + result.stderr
    assert not Path("x.ics").exists()
