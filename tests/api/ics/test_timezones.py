"""VTIMEZONE built from zoneinfo: every hour of the covered years must get the offset
zoneinfo gives, read the RFC 5545 way (an observance starts at its DTSTART, a local time
reckoned in its TZOFFSETFROM), and by icalendar's and vobject's own readers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from calendar_svc.api.feeds import vtimezone

ZONES = [
    "Europe/Paris",  # northern summer time, 02:00 -> 03:00 and back
    "America/New_York",
    "America/Santiago",  # southern hemisphere, changes at midnight
    "Australia/Lord_Howe",  # a half-hour change
    "Africa/Casablanca",  # two changes around Ramadan
    "Asia/Ho_Chi_Minh",  # none
    "Europe/Moscow",
]


def _observances(component: icalendar.Timezone) -> list[tuple[datetime, timedelta]]:
    """(onset in UTC, offset after it), by the RFC: onset = DTSTART - TZOFFSETFROM."""
    out = []
    for sub in component.subcomponents:
        assert sub.name in ("STANDARD", "DAYLIGHT")
        assert "RRULE" not in sub and "RDATE" not in sub
        start = sub.decoded("DTSTART")
        assert start.tzinfo is None  # local time, no zone
        offset_from = sub.decoded("TZOFFSETFROM")
        offset_to = sub.decoded("TZOFFSETTO")
        out.append(((start - offset_from).replace(tzinfo=UTC), offset_to))
    assert out == sorted(out), "observances in time order"
    return out


@pytest.mark.parametrize("tzid", ZONES)
def test_every_hour_of_the_covered_years_has_zoneinfos_offset(tzid: str) -> None:
    component = vtimezone(tzid, date(2025, 5, 9), date(2026, 2, 1))
    assert component["TZID"] == tzid
    observances = _observances(component)
    zone = ZoneInfo(tzid)
    t = datetime(2025, 1, 1, tzinfo=zone).astimezone(UTC)  # local midnight, 1 January
    assert observances[0][0] == t
    while t < datetime(2027, 1, 1, tzinfo=UTC):
        offset = [o for onset, o in observances if onset <= t][-1]
        assert offset == t.astimezone(zone).utcoffset(), (tzid, t)
        t += timedelta(minutes=30)


def _unambiguous_local_times(zone: ZoneInfo, year: int) -> list[datetime]:
    """Every half hour of the year on the local clock, except the times the clock skips
    or repeats (which a feed cannot pin down and RFC 5545 resolves by rule)."""
    out = []
    t = datetime(year, 1, 1, 0, 0)
    while t.year == year:
        first, second = t.replace(tzinfo=zone), t.replace(tzinfo=zone, fold=1)
        exists = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == t
        if exists and first.utcoffset() == second.utcoffset():
            out.append(t)
        t += timedelta(minutes=30)
    return out


@pytest.mark.parametrize("tzid", ZONES)
def test_other_readers_agree(tzid: str) -> None:
    """What a client does with DTSTART;TZID=...: a local time to an instant."""
    component = vtimezone(tzid, date(2025, 1, 1), date(2025, 12, 31))
    calendar = icalendar.Calendar()
    calendar.add("PRODID", "-//test//EN")
    calendar.add("VERSION", "2.0")
    calendar.add_component(component)
    data = calendar.to_ical()
    # icalendar, told not to look the TZID up, builds the zone from our component.
    theirs = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    # vobject (dateutil's tzical) does the same.
    vzone = vobject.readOne(data.decode()).vtimezone.gettzinfo()
    zone = ZoneInfo(tzid)
    local_times = _unambiguous_local_times(zone, 2025)
    assert len(local_times) > 17000
    for local in local_times:
        want = local.replace(tzinfo=zone).utcoffset()
        assert local.replace(tzinfo=theirs).utcoffset() == want, (tzid, local, "icalendar")
        assert local.replace(tzinfo=vzone).utcoffset() == want, (tzid, local, "vobject")


def test_paris_onsets_are_the_local_times_before_each_change() -> None:
    """RFC 5545 3.6.5: DTSTART of an observance is the onset in the local time then in
    force: summer time starts 30 March 2025 at 02:00 (CET), ends 26 October at 03:00
    (CEST)."""
    component = vtimezone("Europe/Paris", date(2025, 3, 29), date(2025, 3, 31))
    lines = component.to_ical(sorted=False).decode()  # as render_calendar writes it
    assert lines.split("\r\n") == [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Paris",
        "BEGIN:STANDARD",
        "DTSTART:20250101T000000",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:20250330T020000",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:20251026T030000",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "END:STANDARD",
        "END:VTIMEZONE",
        "",
    ]


def test_an_unknown_zone_is_refused() -> None:
    with pytest.raises(ValueError):
        vtimezone("Mars/Olympus_Mons", date(2025, 1, 1), date(2025, 1, 2))
