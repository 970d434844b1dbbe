"""The VEVENTs: each dated leg and engagement of a trip, written as content lines.

What subscribers' clients need to update, and never duplicate, an entry:

- UID: derived from the item's id only (``leg.<leg id>@calendar-svc``, ``engagement.…``),
  so an item keeps its UID for ever, whatever else is in the feed.
- SEQUENCE: the item's revision, which rises exactly when what is shown for it changes.
- DTSTAMP and LAST-MODIFIED: the item's ``updated_at`` in UTC.
- STATUS:CANCELLED items stay in the feed, so clients remove them.

Legs are all-day events with an exclusive DTEND (the day after the last day). Engagements
with a known local time and zone are timed (DTSTART;TZID, with a VTIMEZONE the calendar
adds); others are all-day. Every word comes from the feed's `Wording`. A trip is written
whole, whatever feed it is for: the calendar filters the written events (`Rendered`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from operator import itemgetter
from typing import NamedTuple
from urllib.parse import quote

from calendar_svc.api.feeds.contentlines import (
    component,
    date_value,
    escape,
    item_uid,
    local_value,
    uid_and_fragment,
    utc,
    vtext,
)
from calendar_svc.api.feeds.listing import (
    dates,
    engagement_country,
    is_event,
    leg_country,
    listed,
    location,
)
from calendar_svc.api.feeds.timezones import zone, zone_form
from calendar_svc.api.feeds.wording import Wording, wording
from calendar_svc.domain.values import Certainty
from calendar_svc.domain.views import EPOCH, EngagementView, LegView, Schedule, TripView

#: An engagement whose end is not reported is shown for this long.
DEFAULT_ENGAGEMENT_LENGTH = timedelta(hours=1)


class Rendered(NamedTuple):
    """One VEVENT, written, with what a feed needs to place and filter it."""

    start: date
    uid: str
    country: str | None  # what a country feed compares with its (upper-case) code
    stamp: datetime  # LAST-MODIFIED
    zones: tuple[tuple[str, date], ...]  # (TZID, local date) of each zoned DTSTART/DTEND
    data: bytes  # BEGIN:VEVENT … END:VEVENT, folded, CRLF-terminated
    end: date  # the last day (inclusive), for a feed's period


#: How a feed orders its events: start date, then UID.
ORDER = itemgetter(0, 1)


class Form(NamedTuple):
    """What a trip's VEVENTs depend on besides the trip: the feed's base URL and how it
    shows engagements."""

    base: str
    engagements: str = "dated"
    lang: str = "en"


def confirmed(certainty: Certainty | None) -> bool:
    """CONFIRMED only for dates a source states (`stated`, `corroborated`); the rules
    decide the certainty, the feed only maps it."""
    return certainty is not None and certainty.confirmed


def leg_status(leg: LegView) -> str:
    if leg.status == "cancelled":
        return "CANCELLED"
    if leg.status in ("in_progress", "concluded") and confirmed(leg.certainty):
        return "CONFIRMED"
    return "TENTATIVE"


def engagement_status(engagement: EngagementView) -> str:
    if engagement.status == "cancelled":
        return "CANCELLED"
    if engagement.status == "reported" and confirmed(engagement.certainty):
        return "CONFIRMED"
    return "TENTATIVE"


def _common(uid: str, revision: int, stamp: datetime, status: str) -> list[str]:
    at = local_value(stamp) + "Z"
    return [
        "BEGIN:VEVENT",
        f"UID:{escape(uid)}",
        f"SEQUENCE:{int(revision)}",
        f"DTSTAMP:{at}",
        f"LAST-MODIFIED:{at}",
        f"STATUS:{status}",
    ]


def _all_day(lines: list[str], start: date, end: date) -> None:
    lines.append(f"DTSTART;VALUE=DATE:{date_value(start)}")
    lines.append(f"DTEND;VALUE=DATE:{date_value(end + timedelta(days=1))}")  # exclusive (3.6.1)


def _geo(latitude: float, longitude: float) -> str:
    return f"GEO:{float(latitude)};{float(longitude)}"


def _machine(basis: str, certainty: Certainty | None) -> list[str]:
    """The rule names and certainty, for programs (people read the DESCRIPTION)."""
    lines = [f"X-CALENDAR-SVC-DATE-BASIS:{vtext(basis)}"]
    if certainty is not None:
        lines.append(f"X-CALENDAR-SVC-CERTAINTY:{certainty.value}")
    return lines


def trip_url(base: str, trip: TripView, lang: str = "en") -> str:
    """The URL of a trip's page for people (``/ui/trips/{id}``, whose rows have the
    items' ids), up to the "#" of an item's fragment. A URI value is
    written as is (icalendar's vUri), and one with CR or LF is refused; the percent-encoded
    fragment added to it never has either."""
    query = "" if lang == "en" else f"?lang={lang}"
    url = f"{base}/ui/trips/{quote(trip.trip_id, safe='')}{query}#"
    if "\r" in url or "\n" in url:
        raise ValueError(f"A URI value may not contain CR or LF characters: {url!r}")
    return url


def leg_stamp(trip: TripView, leg: LegView, listed: list[EngagementView]) -> datetime:
    """A leg's LAST-MODIFIED: its own change, or a later one of an engagement its
    DESCRIPTION lists (what the event shows changed then)."""
    stamps = [utc(leg.updated_at or trip.updated_at or EPOCH)]
    stamps += [utc(e.updated_at or trip.updated_at or EPOCH) for e in listed]
    return max(stamps)


def leg_event(
    schedule: Schedule,
    url: str,
    trip: TripView,
    leg: LegView,
    span: tuple[date, date],
    listed: list[EngagementView],
    words: Wording,
) -> Rendered:
    """A leg's VEVENT: all-day, over the days of `span`."""
    start, end = span
    uid, fragment = uid_and_fragment("leg", leg.leg_id)
    stamp = leg_stamp(trip, leg, listed)
    country = words.country(leg.country_code) or leg.country_code
    phrase = words.visit_phrase(leg.visit_type, country)
    lines = _common(uid, leg.revision, stamp, leg_status(leg))
    _all_day(lines, start, end)
    name = words.name(trip.principal.name)
    lines.append(f"SUMMARY:{vtext(words.flagged(f'{name}: {phrase}', leg.status))}")
    lines.append(f"LOCATION:{vtext(location(leg.city, country) or country)}")
    if leg.latitude is not None and leg.longitude is not None:
        lines.append(_geo(leg.latitude, leg.longitude))
    lines.append("TRANSP:TRANSPARENT")
    categories = words.visits
    if (category := words.visit_category(leg.visit_type)) is not None:
        categories += "," + escape(category, opening=False)
    lines.append(f"CATEGORIES:{categories}")
    lines.append(f"URL:{url}{fragment}")
    text = words.leg_text(schedule, trip, leg, start, end, listed)
    lines.append(f"DESCRIPTION:{vtext(chr(10).join(text))}")
    lines.extend(_machine(leg.date_basis, leg.certainty))
    lines.append("END:VEVENT")
    return Rendered(start, uid, leg.country_code.upper(), stamp, (), component(lines), end)


def _times(
    lines: list[str], engagement: EngagementView, start: date, end: date
) -> tuple[tuple[tuple[str, date], ...], bool]:
    """An engagement's DTSTART, DTEND and TRANSP: timed in its zone when its local time
    and zone are known, else all-day. The zones its times need, and whether it is timed."""
    found = zone(engagement.timezone)
    if engagement.local_time is None or found is None:
        _all_day(lines, start, end)
        lines.append("TRANSP:TRANSPARENT")
        return (), False
    assert engagement.timezone is not None
    form = zone_form(engagement.timezone)
    begins = datetime.combine(start, engagement.local_time.replace(tzinfo=None), found)
    # An hour on the local clock. (An hour of elapsed time would end, on the night
    # clocks go back, at a repeated wall time that clients read as its first
    # occurrence: a zero-length event.)
    ends = begins + DEFAULT_ENGAGEMENT_LENGTH
    lines.append(f"DTSTART{form.params}:{local_value(begins)}{form.suffix}")
    lines.append(f"DTEND{form.params}:{local_value(ends)}{form.suffix}")
    lines.append("TRANSP:OPAQUE")
    if form.tzid:
        return ((form.tzid, begins.date()), (form.tzid, ends.date())), True
    return (), True


def engagement_event(
    schedule: Schedule,
    url: str,
    trip: TripView,
    engagement: EngagementView,
    span: tuple[date, date],
    words: Wording,
) -> Rendered:
    """An engagement's VEVENT: timed when its local time and zone are known."""
    start, end = span
    uid, fragment = uid_and_fragment("engagement", engagement.engagement_id)
    stamp = utc(engagement.updated_at or trip.updated_at or EPOCH)
    lines = _common(uid, engagement.revision, stamp, engagement_status(engagement))
    zones, timed = _times(lines, engagement, start, end)
    place = engagement.place
    code = place.country_code if place else leg_country(trip, engagement.leg_id)
    country = words.country(code)
    where = location(place.place if place else None, place.city if place else None, country)
    lines.append(f"SUMMARY:{vtext(words.flagged(engagement.title, engagement.status))}")
    if where:
        lines.append(f"LOCATION:{vtext(where)}")
    if place is not None and place.latitude is not None and place.longitude is not None:
        lines.append(_geo(place.latitude, place.longitude))
    kind = escape(words.kind(engagement.kind), opening=False)
    lines.append(f"CATEGORIES:{words.engagements},{kind}")
    lines.append(f"URL:{url}{fragment}")
    when = words.when(engagement, start, end, timed)
    text = words.engagement_text(schedule, trip, engagement, when)
    lines.append(f"DESCRIPTION:{vtext(chr(10).join(text))}")
    lines.extend(_machine(engagement.date_basis, engagement.certainty))
    lines.append("END:VEVENT")
    held_in = engagement_country(trip, engagement)
    return Rendered(start, uid, held_in, stamp, zones, component(lines), end)


def render_trip(schedule: Schedule, trip: TripView, form: Form) -> tuple[Rendered, ...]:
    """Every event of a trip, written (whatever feed it is for: filters come later)."""
    out: list[Rendered] = []
    url = ""  # made for the first dated item (an invalid base URL fails only then)
    mode = form.engagements
    words = wording(form.lang)
    for leg in trip.legs:
        if (span := dates(leg.start_date, leg.end_date)) is not None:
            url = url or trip_url(form.base, trip, form.lang)
            shown = listed(trip, leg, mode)
            out.append(leg_event(schedule, url, trip, leg, span, shown, words))
    for engagement in trip.engagements:
        if not is_event(engagement, mode):
            continue
        if (span := dates(engagement.start_date, engagement.end_date)) is not None:
            url = url or trip_url(form.base, trip, form.lang)
            out.append(engagement_event(schedule, url, trip, engagement, span, words))
    return tuple(out)


def listed_trip(trip: TripView, form: Form) -> tuple[Rendered, ...]:
    """A trip's events as `render_trip` gives them, but not written: enough to
    filter, order and date a feed (LAST-MODIFIED without a cache to hand)."""
    out: list[Rendered] = []
    for leg in trip.legs:
        if (span := dates(leg.start_date, leg.end_date)) is not None:
            stamp = leg_stamp(trip, leg, listed(trip, leg, form.engagements))
            uid = item_uid("leg", leg.leg_id)
            code = leg.country_code.upper()
            out.append(Rendered(span[0], uid, code, stamp, (), b"", span[1]))
    for engagement in trip.engagements:
        if not is_event(engagement, form.engagements):
            continue
        if (span := dates(engagement.start_date, engagement.end_date)) is not None:
            stamp = utc(engagement.updated_at or trip.updated_at or EPOCH)
            uid = item_uid("engagement", engagement.engagement_id)
            held_in = engagement_country(trip, engagement)
            out.append(Rendered(span[0], uid, held_in, stamp, (), b"", span[1]))
    return tuple(out)
