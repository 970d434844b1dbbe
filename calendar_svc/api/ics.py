"""The schedule as an iCalendar feed (RFC 5545, with RFC 7986 calendar properties).

Pure: a `Schedule` and a `FeedSpec` in, bytes out. The same schedule always renders the
same bytes: nothing here reads the clock, and every stamp is the recorded time of the
event that last changed the item. What subscribers' clients need to update, and never
duplicate, an entry:

- UID: derived from the item's id only (``leg.<leg id>@calendar-svc``, ``engagement.…``),
  so an item keeps its UID for ever, whatever else is in the feed.
- SEQUENCE: the item's revision, which rises exactly when what is shown for it changes.
- DTSTAMP and LAST-MODIFIED: the item's ``updated_at`` in UTC.
- STATUS:CANCELLED items stay in the feed, so clients remove them.

Legs are all-day events with an exclusive DTEND (the day after the last day). Engagements
with a known local time and zone are timed (DTSTART;TZID plus a VTIMEZONE built here from
zoneinfo, one per zone used and covering whole years around the dates used); others are
all-day. Text is NFC-normalised, stripped of control characters and escaped by icalendar;
icalendar folds at 75 octets between code points (never inside a UTF-8 sequence), which
the tests check byte by byte.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec
from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vDuration,
    vText,
)

from calendar_svc import __version__
from calendar_svc.domain.schedule import (
    EPOCH,
    EngagementView,
    LegView,
    Schedule,
    SourceRef,
    TripView,
)
from calendar_svc.domain.values import PersonRef, PlaceRef
from calendar_svc.ingest.gazetteer import country_name

PRODID = f"-//calendar-svc//calendar-svc {__version__.rsplit('.', 1)[0]}//EN"
UID_DOMAIN = "calendar-svc"
#: An engagement whose end is not reported is shown for this long.
DEFAULT_ENGAGEMENT_LENGTH = timedelta(hours=1)

__all__ = [
    "DEFAULT_ENGAGEMENT_LENGTH",
    "PRODID",
    "FeedSpec",
    "feed_last_modified",
    "item_uid",
    "render_calendar",
    "vtimezone",
]


class FeedSpec(msgspec.Struct, frozen=True):
    """What one feed shows and how it names itself."""

    name: str  # NAME / X-WR-CALNAME
    description: str  # X-WR-CALDESC
    base_url: str  # e.g. "http://127.0.0.1:8000", for URL properties
    trip_id: str | None = None  # only this trip
    country: str | None = None  # only legs hosted by this country and engagements held there
    refresh: timedelta = timedelta(hours=6)


# -- which items a feed holds ----------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    kind: str  # "leg" or "engagement"
    item_id: str
    trip: TripView
    view: LegView | EngagementView
    start: date
    end: date  # inclusive

    @property
    def uid(self) -> str:
        return item_uid(self.kind, self.item_id)

    @property
    def stamp(self) -> datetime:
        return _utc(self.view.updated_at or self.trip.updated_at or EPOCH)


def item_uid(kind: str, item_id: str) -> str:
    """``leg.to-lam-2025-05-05.kz@calendar-svc``: readable, stable, injective.

    The id is percent-encoded (so the UID is ASCII without spaces, commas or semicolons),
    then "." is encoded and "/" becomes ".", so different ids never share a UID.
    """
    if not item_id:
        raise ValueError(f"a {kind} without an id cannot have a stable UID")
    local = quote(item_id, safe="/").replace(".", "%2E").replace("/", ".")
    return f"{kind}.{local}@{UID_DOMAIN}"


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0)


def _dates(start: date | None, end: date | None) -> tuple[date, date] | None:
    if start is None and end is None:
        return None
    first = start or end
    last = end or start
    assert first is not None and last is not None
    return first, max(first, last)


def _leg_country(trip: TripView, leg_id: str | None) -> str | None:
    for leg in trip.legs:
        if leg.leg_id == leg_id:
            return leg.country_code
    return None


def _engagement_country(trip: TripView, engagement: EngagementView) -> str | None:
    if engagement.place is not None and engagement.place.country_code:
        return engagement.place.country_code.upper()
    code = _leg_country(trip, engagement.leg_id)
    return code.upper() if code else None


def _items(schedule: Schedule, spec: FeedSpec) -> list[_Item]:
    country = spec.country.strip().upper() if spec.country else None
    items: list[_Item] = []
    for trip in schedule.trips:
        if spec.trip_id is not None and trip.trip_id != spec.trip_id:
            continue
        for leg in trip.legs:
            if country is not None and leg.country_code.upper() != country:
                continue
            if (span := _dates(leg.start_date, leg.end_date)) is not None:
                items.append(_Item("leg", leg.leg_id, trip, leg, *span))
        for engagement in trip.engagements:
            if country is not None and _engagement_country(trip, engagement) != country:
                continue
            if (span := _dates(engagement.start_date, engagement.end_date)) is not None:
                items.append(_Item("engagement", engagement.engagement_id, trip, engagement, *span))
    items.sort(key=lambda item: (item.start, item.uid))
    seen: set[str] = set()
    for item in items:
        if item.uid in seen:
            raise ValueError(f"two items of the schedule share the UID {item.uid}")
        seen.add(item.uid)
    return items


def feed_last_modified(schedule: Schedule, spec: FeedSpec) -> datetime | None:
    """The latest LAST-MODIFIED in the feed (UTC, whole seconds), None for an empty feed.

    Whole seconds because HTTP dates have no finer resolution: a sub-second value would
    never compare equal to the If-Modified-Since a client sends back. Two revisions
    recorded within one second share it, and a source added to an item changes its
    DESCRIPTION without a new revision, so serve a strong ETag of the body as well (and
    let If-None-Match win over If-Modified-Since, as RFC 9110 says).
    """
    return max((item.stamp for item in _items(schedule, spec)), default=None)


# -- text ---------------------------------------------------------------------------------

_NEWLINE = re.compile(r"\r\n|[\r\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]


def _text(value: str) -> str:
    """NFC (Vietnamese letters precomposed), every kind of line break as LF (escaped as
    \\n on the wire), no other control characters (RFC 5545 3.3.11 excludes them)."""
    value = _NEWLINE.sub("\n", value)
    return unicodedata.normalize("NFC", _CONTROL.sub("", value)).strip()


def _vtext(value: str) -> vText:
    return vText(_text(value))


def _day(day: date, year: bool = True) -> str:
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def _span(start: date, end: date) -> str:
    """'9 May 2025', '5–8 May 2025', '30 April – 2 May 2025', '30 December 2025 – 2 January 2026'"""
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{_day(end)}"
    if start.year == end.year:
        return f"{_day(start, year=False)} – {_day(end)}"
    return f"{_day(start)} – {_day(end)}"


def _country(code: str | None) -> str | None:
    if not code:
        return None
    try:
        return country_name(code, "en")
    except KeyError:
        return code.upper()


def _person(person: PersonRef) -> str:
    return f"{person.title} {person.name}" if person.title else person.name


def _location(*parts: str | None) -> str | None:
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return ", ".join(seen) or None


_VISIT = {
    "state": "state visit",
    "official": "official visit",
    "working": "working visit",
    "visit": "visit",
}


def _visit_phrase(visit_type: str | None, country: str) -> str:
    if visit_type == "attending_event":
        return f"attending an event in {country}"
    kind = visit_type or "visit"
    return f"{_VISIT.get(kind, kind.replace('_', ' '))} to {country}"


def _visit_category(visit_type: str | None) -> str | None:
    if visit_type in (None, "visit"):
        return None
    if visit_type == "attending_event":
        return "Attending an event"
    return _VISIT.get(visit_type, visit_type.replace("_", " ")).capitalize()


def _sources(schedule: Schedule, article_ids: Iterable[str]) -> list[str]:
    lines = []
    for article_id in article_ids:
        ref = schedule.sources.get(article_id) or SourceRef(article_id=article_id)
        parts = [ref.outlet] if ref.outlet else []
        if ref.title:
            parts.append(f"“{ref.title}”")
        if not parts:
            parts.append(f"article {article_id[:12]}")
        if ref.published_on:
            parts.append(f"published {ref.published_on.isoformat()}")
        if ref.url:
            parts.append(ref.url)
        lines.append("- " + ", ".join(parts))
    return lines


def _url(spec: FeedSpec, item: _Item) -> str:
    base = spec.base_url.rstrip("/")
    return f"{base}/trips/{quote(item.trip.trip_id, safe='')}#{quote(item.item_id, safe='/')}"


# -- events ------------------------------------------------------------------------------


def _leg_status(leg: LegView) -> str:
    if leg.status == "cancelled":
        return "CANCELLED"
    if leg.status in ("in_progress", "concluded") and leg.dates_confirmed:
        return "CONFIRMED"
    return "TENTATIVE"


def _engagement_status(engagement: EngagementView) -> str:
    if engagement.status == "cancelled":
        return "CANCELLED"
    # The fold writes exactly "date stated" when a source gave the engagement's day.
    if engagement.status == "reported" and engagement.date_basis == "date stated":
        return "CONFIRMED"
    return "TENTATIVE"


def _flagged(summary: str, status: str) -> str:
    if status == "cancelled":
        return f"Cancelled: {summary}"
    if status == "postponed":
        return f"Postponed: {summary}"
    return summary


def _common(event: Event, item: _Item, status: str) -> None:
    event.add("UID", item.uid)
    event.add("SEQUENCE", item.view.revision)
    event.add("DTSTAMP", item.stamp)
    event.add("LAST-MODIFIED", item.stamp)
    event.add("STATUS", status)


def _all_day(event: Event, item: _Item) -> None:
    event.add("DTSTART", item.start)
    event.add("DTEND", item.end + timedelta(days=1))  # exclusive (RFC 5545 3.6.1)


def _leg_event(schedule: Schedule, spec: FeedSpec, item: _Item, leg: LegView) -> Event:
    country = _country(leg.country_code) or leg.country_code
    principal = item.trip.principal
    phrase = _visit_phrase(leg.visit_type, country)
    status = _leg_status(leg)
    event = Event()
    _common(event, item, status)
    _all_day(event, item)
    event.add("SUMMARY", _vtext(_flagged(f"{principal.name}: {phrase}", leg.status)))
    event.add("LOCATION", _vtext(_location(leg.city, country) or country))
    if leg.latitude is not None and leg.longitude is not None:
        event.add("GEO", (leg.latitude, leg.longitude))
    event.add("TRANSP", "TRANSPARENT")
    categories = ["Diplomatic visit"]
    if (category := _visit_category(leg.visit_type)) is not None:
        categories.append(category)
    event.add("CATEGORIES", categories)
    event.add("URL", _url(spec, item))
    lines = [f"{_person(principal)}: {phrase}."]
    if leg.inviter is not None:
        lines.append(f"At the invitation of {_person(leg.inviter)}.")
    confirmed = "confirmed" if leg.dates_confirmed else "not confirmed: partly inferred"
    lines.append(f"Dates: {_span(item.start, item.end)} ({confirmed}).")
    lines.append(f"Date basis: {leg.date_basis}.")
    lines.append(f"Status: {leg.status.replace('_', ' ')}.")
    if leg.sources:
        lines.append("Sources:")
        lines.extend(_sources(schedule, leg.sources))
    event.add("DESCRIPTION", _vtext("\n".join(lines)))
    return event


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _engagement_event(
    schedule: Schedule, spec: FeedSpec, item: _Item, engagement: EngagementView
) -> Event:
    status = _engagement_status(engagement)
    zone = _zone(engagement.timezone)
    event = Event()
    _common(event, item, status)
    when = _span(item.start, item.end)
    if engagement.day_part:
        when += f", {engagement.day_part}"
    if engagement.local_time is not None and zone is not None:
        start = datetime.combine(item.start, engagement.local_time.replace(tzinfo=None), zone)
        # An hour on the local clock. (An hour of elapsed time would end, on the night
        # clocks go back, at a repeated wall time that clients read as its first
        # occurrence: a zero-length event.)
        end = start + DEFAULT_ENGAGEMENT_LENGTH
        event.add("DTSTART", start)
        event.add("DTEND", end)
        event.add("TRANSP", "OPAQUE")
        when += (
            f", {engagement.local_time.strftime('%H:%M')} local time ({engagement.timezone});"
            " the end time is not reported"
        )
    else:
        _all_day(event, item)
        event.add("TRANSP", "TRANSPARENT")
    place: PlaceRef | None = engagement.place
    country = _country(place.country_code if place else _leg_country(item.trip, engagement.leg_id))
    location = _location(place.place if place else None, place.city if place else None, country)
    event.add("SUMMARY", _vtext(_flagged(engagement.title, engagement.status)))
    if location:
        event.add("LOCATION", _vtext(location))
    if place is not None and place.latitude is not None and place.longitude is not None:
        event.add("GEO", (place.latitude, place.longitude))
    kind = engagement.kind.replace("_", " ").capitalize()
    event.add("CATEGORIES", ["Diplomatic engagement", kind])
    event.add("URL", _url(spec, item))
    lines = [f"{kind}: {engagement.title}."]
    lines.append(f"Part of the trip of {_person(item.trip.principal)}.")
    if engagement.counterparts:
        lines.append("With: " + "; ".join(_person(p) for p in engagement.counterparts) + ".")
    lines.append(f"When: {when}.")
    lines.append(f"Date basis: {engagement.date_basis}.")
    lines.append(f"Status: {engagement.status.replace('_', ' ')}.")
    if engagement.sources:
        lines.append("Sources:")
        lines.extend(_sources(schedule, engagement.sources))
    event.add("DESCRIPTION", _vtext("\n".join(lines)))
    return event


# -- time zones ----------------------------------------------------------------------------


def _transitions(
    zone: tzinfo, start: datetime, end: datetime
) -> Iterator[tuple[datetime, datetime]]:
    """(instant of the change in UTC, previous local state) for each change in [start, end)."""

    def state(t: datetime) -> tuple[timedelta | None, timedelta | None, str | None]:
        local = t.astimezone(zone)
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
    zone = _zone(tzid)
    if zone is None:
        raise ValueError(f"unknown time zone {tzid!r}")
    # from local midnight on 1 January, so that the first observance covers the whole day
    start = datetime(first_year, 1, 1, tzinfo=zone).astimezone(UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=zone).astimezone(UTC)

    def observance(at: datetime, offset_from: timedelta | None) -> _Observance:
        local = at.astimezone(zone)
        offset_to = local.utcoffset()
        assert offset_to is not None
        before = offset_to if offset_from is None else offset_from
        onset = (at + before).replace(tzinfo=None)
        return _Observance(bool(local.dst()), onset, before, offset_to, local.tzname() or "")

    found = [observance(start, None)]
    for changed_at, before in _transitions(zone, start, end):
        found.append(observance(changed_at, before.astimezone(zone).utcoffset()))
    return tuple(found)


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


# -- the calendar ---------------------------------------------------------------------------


def _duration(value: timedelta) -> vDuration:
    if value <= timedelta(0) or value % timedelta(seconds=1):
        raise ValueError(f"refresh must be a positive whole number of seconds, not {value}")
    return vDuration(value)


def render_calendar(schedule: Schedule, spec: FeedSpec) -> bytes:
    """The feed: VCALENDAR with its VTIMEZONEs, then one VEVENT per dated item, ordered by
    start date then UID. CRLF line endings, folded at 75 octets, UTF-8."""
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    # icalendar 7 types NAME and the X-WR-* properties as "unknown" and would write a plain
    # str unescaped (a newline would even break the line): always pass vText.
    calendar.add("NAME", _vtext(spec.name))
    calendar.add("X-WR-CALNAME", _vtext(spec.name))
    calendar.add("DESCRIPTION", _vtext(spec.description))
    calendar.add("X-WR-CALDESC", _vtext(spec.description))
    calendar.add("REFRESH-INTERVAL", _duration(spec.refresh), parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", _duration(spec.refresh))
    events: list[Event] = []
    zones: dict[str, list[date]] = {}
    for item in _items(schedule, spec):
        if isinstance(item.view, LegView):
            event = _leg_event(schedule, spec, item, item.view)
        else:
            event = _engagement_event(schedule, spec, item, item.view)
        for name in ("DTSTART", "DTEND"):
            tzid = event[name].params.get("TZID")
            if tzid:
                zones.setdefault(tzid, []).append(event.decoded(name).date())
        events.append(event)
    for tzid in sorted(zones):
        calendar.add_component(vtimezone(tzid, min(zones[tzid]), max(zones[tzid])))
    for event in events:
        calendar.add_component(event)
    data: bytes = calendar.to_ical(sorted=False)
    return data
