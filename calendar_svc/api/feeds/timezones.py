"""Time zones: the VTIMEZONE components a feed carries, and how a DTSTART names its zone.

Read apart from the VEVENTs because time-zone rules are their own subject: each
VTIMEZONE is built from zoneinfo once per zone and span of years, and written by
icalendar; a VEVENT only needs to know, once per zone, whether icalendar writes a time
in it with a TZID parameter or as UTC (``Z``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Event, Timezone, TimezoneDaylight, TimezoneStandard


@lru_cache(maxsize=1024)
def zone(name: str | None) -> ZoneInfo | None:
    """The IANA zone `name`, or None when it names none (an engagement is then all-day)."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


class ZoneForm(NamedTuple):
    params: str  # ";TZID=Europe/Paris", or "" for a zone icalendar writes as UTC
    suffix: str  # "" or "Z"
    tzid: str | None  # the VTIMEZONE this needs, if any


@lru_cache(maxsize=1024)
def zone_form(name: str) -> ZoneForm:
    """How icalendar writes a DTSTART in the zone `name`, asked once per zone: a TZID
    parameter naming it, or (for zones it takes for UTC, e.g. Etc/UTC) a time with
    ``Z`` and no VTIMEZONE."""
    found = zone(name)
    assert found is not None
    probe = Event()
    probe.add("DTSTART", datetime(2000, 1, 1, tzinfo=found))
    written: bytes = probe.to_ical()
    line = written.decode().replace("\r\n ", "").split("\r\n")[1]  # DTSTART;TZID=…:…
    head, _, value = line.rpartition(":")
    assert head.startswith("DTSTART") and value.startswith("20000101T000000"), line
    tzid = probe["DTSTART"].params.get("TZID")
    return ZoneForm(head.removeprefix("DTSTART"), value[15:], str(tzid) if tzid else None)


def _transitions(tz: tzinfo, start: datetime, end: datetime) -> Iterator[tuple[datetime, datetime]]:
    """(instant of the change in UTC, previous local state) for each change in [start, end)."""

    def state(t: datetime) -> tuple[timedelta | None, timedelta | None, str | None]:
        local = t.astimezone(tz)
        return local.utcoffset(), local.dst(), local.tzname()

    step = timedelta(hours=6)  # shorter than any interval between two changes of offset
    t = start
    while t < end:
        nxt = min(t + step, end)
        if state(nxt) != state(t):
            lo, hi = t, nxt  # state(lo) != state(hi): bisect to the second
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(microsecond=0)
                if state(mid) == state(lo):
                    lo = mid
                else:
                    hi = mid
            yield hi, lo
        t = nxt


@dataclass(frozen=True)
class _Observance:
    daylight: bool
    onset: datetime  # local time, in the offset in force before it
    offset_from: timedelta
    offset_to: timedelta
    name: str


@lru_cache(maxsize=512)
def _observances(tzid: str, first_year: int, last_year: int) -> tuple[_Observance, ...]:
    found = zone(tzid)
    if found is None:
        raise ValueError(f"unknown time zone {tzid!r}")
    # from local midnight on 1 January, so that the first observance covers the whole day
    start = datetime(first_year, 1, 1, tzinfo=found).astimezone(UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=found).astimezone(UTC)

    def observance(at: datetime, offset_from: timedelta | None) -> _Observance:
        local = at.astimezone(found)
        offset_to = local.utcoffset()
        assert offset_to is not None
        before = offset_to if offset_from is None else offset_from
        onset = (at + before).replace(tzinfo=None)
        return _Observance(bool(local.dst()), onset, before, offset_to, local.tzname() or "")

    observances = [observance(start, None)]
    for changed_at, before in _transitions(found, start, end):
        observances.append(observance(changed_at, before.astimezone(found).utcoffset()))
    return tuple(observances)


def vtimezone(tzid: str, first: date, last: date) -> Timezone:
    """A VTIMEZONE for an IANA zone, exact from local midnight on 1 January of
    ``first``'s year to the end of ``last``'s year: one observance per change of offset,
    each DTSTART the local time of the change reckoned in the offset in force before it,
    as RFC 5545 requires. (icalendar's `Timezone.from_tzinfo` writes the wall time after
    the change for DAYLIGHT onsets, an hour late.) Whole years keep the component stable
    while a feed's dates move within the year. ValueError for an unknown zone.
    """
    tz = Timezone()
    tz.add("TZID", tzid)
    for observance in _observances(tzid, first.year, last.year):
        kind = TimezoneDaylight() if observance.daylight else TimezoneStandard()
        kind.add("DTSTART", observance.onset)
        kind.add("TZOFFSETFROM", observance.offset_from)
        kind.add("TZOFFSETTO", observance.offset_to)
        kind.add("TZNAME", observance.name)
        tz.add_component(kind)
    return tz


@lru_cache(maxsize=512)
def vtimezone_ical(tzid: str, first_year: int, last_year: int) -> bytes:
    """`vtimezone` written by icalendar, once per zone and span of years."""
    component = vtimezone(tzid, date(first_year, 1, 1), date(last_year, 1, 1))
    data: bytes = component.to_ical(sorted=False)
    return data
