"""The feed read back by four independent parsers: icalendar (which wrote it), vobject
(validating), the `ical` package (pydantic models, strict) and ical.js (Thunderbird's
parser, run by node). Each must see the same events, dates, instants and statuses, as
worked out from the Schedule by tests/api/ics/schedules.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
import vobject
from ical.calendar_stream import IcsCalendarStream

from calendar_svc.api.feeds import FeedSpec, render_calendar
from calendar_svc.config import PROJECT_ROOT
from calendar_svc.domain.views import Schedule
from tests.api.ics.conftest import SPEC
from tests.api.ics.schedules import Expected, expected_events, small_schedule

HARNESS = PROJECT_ROOT / "tests" / "js"


@dataclass(frozen=True)
class Seen:
    uid: str
    sequence: int
    status: str
    summary: str
    start: date | datetime
    end: date | datetime
    tzid: str | None
    stamp: datetime


def _instant(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime):
        assert value.tzinfo is not None, f"floating time {value}"
        return value.astimezone(UTC)
    return value


def _tzid_of(value: date | datetime) -> str | None:
    if not isinstance(value, datetime) or value.tzinfo is None:
        return None
    key = getattr(value.tzinfo, "key", None) or getattr(value.tzinfo, "zone", None)
    return str(key) if key else str(value.tzinfo.tzname(value))


def _compare(seen: list[Seen], expected: list[Expected]) -> None:
    seen = sorted(seen, key=lambda s: s.uid)
    assert [s.uid for s in seen] == [e.uid for e in expected]
    for s, e in zip(seen, expected, strict=True):
        assert (s.start, s.end) == (e.start, e.end), s.uid
        assert isinstance(s.start, datetime) != e.all_day, s.uid
        assert (s.sequence, s.status, s.stamp) == (e.sequence, e.status, e.stamp), s.uid
        assert e.summary_contains in s.summary, s.uid
        assert s.tzid == e.tzid, s.uid


# -- the four parsers ----------------------------------------------------------------------


def read_icalendar(data: bytes) -> list[Seen]:
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and "METHOD" not in calendar
    return [
        Seen(
            str(e["UID"]),
            int(e["SEQUENCE"]),
            str(e["STATUS"]),
            str(e["SUMMARY"]),
            _instant(e.decoded("DTSTART")),
            _instant(e.decoded("DTEND")),
            e["DTSTART"].params.get("TZID"),
            e.decoded("DTSTAMP"),
        )
        for e in calendar.walk("VEVENT")
    ]


def read_vobject(data: bytes) -> list[Seen]:
    calendar = vobject.readOne(data.decode("utf-8"), validate=True)
    assert calendar.version.value == "2.0"
    assert calendar.contents["refresh-interval"][0].value == "PT6H"
    assert calendar.contents["refresh-interval"][0].params["VALUE"] == ["DURATION"]
    events = calendar.contents.get("vevent", [])
    out = []
    for e in events:
        e.validate(raiseException=True)
        start = e.dtstart.value
        out.append(
            Seen(
                e.uid.value,
                int(e.sequence.value),
                e.status.value,
                e.summary.value,
                _instant(start),
                _instant(e.dtend.value),
                # vobject reads the zone from our VTIMEZONE (dateutil tzical), not zoneinfo
                vobject.icalendar.TimezoneComponent.pickTzid(start.tzinfo)
                if isinstance(start, datetime)
                else None,
                e.dtstamp.value,
            )
        )
    return out


def read_ical(data: bytes) -> list[Seen]:
    calendar = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert calendar.prodid.startswith("-//calendar-svc//") and calendar.method is None
    return [
        Seen(
            e.uid,
            e.sequence or 0,
            str(e.status.value if e.status else None),
            e.summary or "",
            _instant(e.dtstart),
            _instant(e.dtend),
            _tzid_of(e.dtstart),
            e.dtstamp,
        )
        for e in calendar.events
    ]


def read_icaljs(data: bytes, tmp_path: Path) -> tuple[dict[str, Any], list[Seen]]:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CALENDAR_SVC_REQUIRE_NODE") == "1":
            pytest.fail("node is required here (CI) but not installed")
        pytest.skip("node is not installed: ical.js cannot run (CI has node)")
    if not (HARNESS / "node_modules" / "ical.js").is_dir():
        pytest.fail("ical.js is not installed: run `npm ci --prefix tests/js` first")
    path = tmp_path / "feed.ics"
    path.write_bytes(data)
    done = subprocess.run(
        [node, str(HARNESS / "parse_ics.mjs"), str(path)],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()
    parsed: dict[str, Any] = json.loads(done.stdout)

    def when(value: dict[str, Any]) -> date | datetime:
        if value["isDate"]:
            return date.fromisoformat(value["value"])
        return datetime.fromisoformat(value["utc"].replace("Z", "+00:00"))

    seen = [
        Seen(
            e["uid"],
            e["sequence"],
            e["status"],
            e["summary"],
            when(e["start"]),
            when(e["end"]),
            e["start"]["tzid"],
            datetime.fromisoformat(e["dtstamp"]["utc"].replace("Z", "+00:00")),
        )
        for e in parsed["events"]
    ]
    return parsed, seen


# -- the seed feed -------------------------------------------------------------------------


def _seed_feed(schedule: Schedule) -> tuple[bytes, list[Expected]]:
    return render_calendar(schedule, SPEC), expected_events(schedule)


def _pinned_seed_legs(seen: list[Seen]) -> None:
    """The seed picture, pinned: KZ and AZ 5-8 May (inferred), RU 8-11 (stated, concluded),
    BY from 11 May (inferred, in progress); DTEND is the day after the last day."""
    legs = {s.uid: s for s in seen if s.uid.startswith("leg.")}
    prefix = "leg.to-lam-2025-05-05."
    assert set(legs) == {f"{prefix}{c}@calendar-svc" for c in ("kz", "az", "ru", "by")}
    kz, az, ru, by = (legs[f"{prefix}{c}@calendar-svc"] for c in ("kz", "az", "ru", "by"))
    assert (kz.start, kz.end) == (date(2025, 5, 5), date(2025, 5, 9))
    assert (az.start, az.end) == (date(2025, 5, 5), date(2025, 5, 9))
    assert (ru.start, ru.end) == (date(2025, 5, 8), date(2025, 5, 12))
    assert (by.start, by.end) == (date(2025, 5, 11), date(2025, 5, 13))
    assert ru.status == "CONFIRMED" and kz.status == by.status == "TENTATIVE"
    assert kz.summary == "Tô Lâm: state visit to Kazakhstan"
    assert ru.summary == "Tô Lâm: official visit to Russia"


def test_seed_feed_with_icalendar(seed_schedule: Schedule) -> None:
    data, expected = _seed_feed(seed_schedule)
    seen = read_icalendar(data)
    assert len(seen) == len(expected) >= 4
    _compare(seen, expected)
    _pinned_seed_legs(seen)


def test_seed_feed_with_vobject_validating(seed_schedule: Schedule) -> None:
    data, expected = _seed_feed(seed_schedule)
    seen = read_vobject(data)
    _compare(seen, expected)
    _pinned_seed_legs(seen)


def test_seed_feed_with_ical(seed_schedule: Schedule) -> None:
    data, expected = _seed_feed(seed_schedule)
    seen = read_ical(data)
    _compare(seen, expected)
    _pinned_seed_legs(seen)


def test_seed_feed_with_icaljs(seed_schedule: Schedule, tmp_path: Path) -> None:
    data, expected = _seed_feed(seed_schedule)
    calendar, seen = read_icaljs(data, tmp_path)
    _compare(seen, expected)
    _pinned_seed_legs(seen)
    assert calendar["name"] == calendar["calname"] == SPEC.name
    assert calendar["refreshInterval"] == "PT6H"
    assert calendar["refreshIntervalType"] == "duration"
    assert calendar["publishedTtl"] == "PT6H"
    assert calendar["method"] is None and calendar["calscale"] == "GREGORIAN"
    # ical.js keeps an X- property's value raw: the RFC 5545 escaping shows through.
    assert calendar["caldesc"] == SPEC.description.replace(",", "\\,").replace(";", "\\;")
    by_uid = {e["uid"]: e for e in calendar["events"]}
    ru = by_uid["leg.to-lam-2025-05-05.ru@calendar-svc"]
    assert ru["location"] == "Moscow, Russia" and ru["transp"] == "TRANSPARENT"
    assert ru["categories"] == ["Diplomatic visit", "Official visit"]
    assert ru["url"] == "http://127.0.0.1:8000/ui/trips/to-lam-2025-05-05#to-lam-2025-05-05/ru"
    assert ru["durationSeconds"] == 4 * 86400  # 8, 9, 10 and 11 May


# -- the hand-built schedule: time zones, DST, every status --------------------------------


SMALL_FEEDS = [
    SPEC,
    FeedSpec(name="France", description="", base_url="http://x", country="FR"),
    FeedSpec(name="UN", description="", base_url="http://x", trip_id="luong-cuong-2025-09-21"),
    FeedSpec(name="Các chuyến thăm", description="Tiếng Việt", base_url="http://x", lang="vi"),
]


@pytest.mark.parametrize("spec", SMALL_FEEDS, ids=["all", "country", "trip", "vi"])
def test_small_schedule_with_every_parser(spec: FeedSpec, tmp_path: Path) -> None:
    schedule = small_schedule()
    data = render_calendar(schedule, spec)
    expected = expected_events(schedule, spec.trip_id, spec.country)
    assert expected
    _compare(read_icalendar(data), expected)
    _compare(read_vobject(data), expected)
    _compare(read_ical(data), expected)
    _compare(read_icaljs(data, tmp_path)[1], expected)


def test_timed_engagements_land_on_the_right_instant(tmp_path: Path) -> None:
    """Paris moves to summer time on 30 March 2025: 19:30 on the 29th is 18:30Z, 10:00
    on the 31st is 08:00Z. New York on 23 September (EDT): 09:00 is 13:00Z."""
    data = render_calendar(small_schedule(), SPEC)
    want = {
        "engagement.pham-minh-chinh-2025-03-28.fr.banquet-elysee@calendar-svc": (
            datetime(2025, 3, 29, 18, 30, tzinfo=UTC),
            "Europe/Paris",
        ),
        "engagement.pham-minh-chinh-2025-03-28.fr.talks-francois-bayrou@calendar-svc": (
            datetime(2025, 3, 31, 8, 0, tzinfo=UTC),
            "Europe/Paris",
        ),
        "engagement.luong-cuong-2025-09-21.us.speech-general-debate@calendar-svc": (
            datetime(2025, 9, 23, 13, 0, tzinfo=UTC),
            "America/New_York",
        ),
    }
    for reader in (read_icalendar, read_vobject, read_ical):
        seen = {s.uid: s for s in reader(data)}
        for uid, (start, _zone) in want.items():
            assert seen[uid].start == start, (reader.__name__, uid)
            assert seen[uid].end == start.replace(hour=start.hour + 1), (reader.__name__, uid)
    _, seen_js = read_icaljs(data, tmp_path)
    by_uid = {s.uid: s for s in seen_js}
    for uid, (start, zone) in want.items():
        assert by_uid[uid].start == start and by_uid[uid].tzid == zone, uid
