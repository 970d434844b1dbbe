"""The feed as icalendar itself writes it: an `Event` object per item, every property added
through icalendar's types, the whole `Calendar` serialised by `to_ical` (how the renderer
worked before it wrote content lines itself). The tests hold the renderer to these bytes.

What each property says (texts, statuses, dates) comes from the renderer's own helpers:
this checks how the feed is written, not what it says (the other tests do that).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from urllib.parse import quote

from icalendar import Calendar, Event, vText

from calendar_svc.api.feeds import (
    DEFAULT_ENGAGEMENT_LENGTH,
    PRODID,
    FeedSpec,
    item_uid,
    listing,
    timezones,
    vtimezone,
)
from calendar_svc.api.feeds.calendar import duration
from calendar_svc.api.feeds.contentlines import clean_text, utc
from calendar_svc.api.feeds.events import engagement_status, leg_status
from calendar_svc.api.feeds.wording import english
from calendar_svc.domain.values import PlaceRef
from calendar_svc.domain.views import (
    EPOCH,
    EngagementView,
    LegView,
    Schedule,
    TripView,
)


def _vtext(value: str) -> vText:
    return vText(clean_text(value))


def _url(spec: FeedSpec, trip: TripView, item_id: str) -> str:
    base = spec.base_url.rstrip("/")
    return f"{base}/ui/trips/{quote(trip.trip_id, safe='')}#{quote(item_id, safe='/')}"


def _items(
    schedule: Schedule, spec: FeedSpec
) -> list[tuple[str, str, TripView, LegView | EngagementView, date, date]]:
    country = spec.country.strip().upper() if spec.country else None
    items: list[tuple[str, str, TripView, LegView | EngagementView, date, date]] = []
    for trip in schedule.trips:
        if spec.trip_id is not None and trip.trip_id != spec.trip_id:
            continue
        for leg in trip.legs:
            if country is not None and leg.country_code.upper() != country:
                continue
            if (span := listing.dates(leg.start_date, leg.end_date)) is not None:
                items.append(("leg", leg.leg_id, trip, leg, *span))
        for engagement in trip.engagements:
            if not listing.is_event(engagement, spec.engagements):
                continue
            if country is not None and listing.engagement_country(trip, engagement) != country:
                continue
            if (span := listing.dates(engagement.start_date, engagement.end_date)) is not None:
                items.append(("engagement", engagement.engagement_id, trip, engagement, *span))
    items.sort(key=lambda item: (item[4], item_uid(item[0], item[1])))
    uids = [item_uid(kind, item_id) for kind, item_id, *_ in items]
    if len(set(uids)) != len(uids):
        raise ValueError("two items of the schedule share a UID")
    return items


def _common(
    event: Event,
    uid: str,
    view: LegView | EngagementView,
    trip: TripView,
    listed: list[EngagementView] | None = None,
) -> None:
    stamp = utc(view.updated_at or trip.updated_at or EPOCH)
    for engagement in listed or []:
        stamp = max(stamp, utc(engagement.updated_at or trip.updated_at or EPOCH))
    event.add("UID", uid)
    event.add("SEQUENCE", view.revision)
    event.add("DTSTAMP", stamp)
    event.add("LAST-MODIFIED", stamp)


def _machine(event: Event, view: LegView | EngagementView) -> None:
    event.add("X-CALENDAR-SVC-DATE-BASIS", _vtext(view.date_basis))
    if view.certainty is not None:
        event.add("X-CALENDAR-SVC-CERTAINTY", view.certainty.value)


def _all_day(event: Event, start: date, end: date) -> None:
    event.add("DTSTART", start)
    event.add("DTEND", end + timedelta(days=1))


def _leg_event(
    schedule: Schedule, spec: FeedSpec, trip: TripView, leg: LegView, start: date, end: date
) -> Event:
    country = english.country(leg.country_code) or leg.country_code
    phrase = english.visit_phrase(leg.visit_type, country)
    event = Event()
    listed = listing.listed(trip, leg, spec.engagements)
    _common(event, item_uid("leg", leg.leg_id), leg, trip, listed)
    event.add("STATUS", leg_status(leg))
    _all_day(event, start, end)
    event.add("SUMMARY", _vtext(english.flagged(f"{trip.principal.name}: {phrase}", leg.status)))
    event.add("LOCATION", _vtext(listing.location(leg.city, country) or country))
    if leg.latitude is not None and leg.longitude is not None:
        event.add("GEO", (leg.latitude, leg.longitude))
    event.add("TRANSP", "TRANSPARENT")
    categories = ["Diplomatic visit"]
    if (category := english.visit_category(leg.visit_type)) is not None:
        categories.append(category)
    event.add("CATEGORIES", categories)
    event.add("URL", _url(spec, trip, leg.leg_id))
    lines = english.leg_text(schedule, trip, leg, start, end, listed)
    event.add("DESCRIPTION", _vtext("\n".join(lines)))
    _machine(event, leg)
    return event


def _engagement_event(
    schedule: Schedule,
    spec: FeedSpec,
    trip: TripView,
    engagement: EngagementView,
    start: date,
    end: date,
) -> Event:
    zone = timezones.zone(engagement.timezone)
    event = Event()
    _common(event, item_uid("engagement", engagement.engagement_id), engagement, trip)
    event.add("STATUS", engagement_status(engagement))
    when = english.span(start, end)
    if engagement.day_part:
        when += f", {engagement.day_part}"
    if engagement.local_time is not None and zone is not None:
        begins = datetime.combine(start, engagement.local_time.replace(tzinfo=None), zone)
        event.add("DTSTART", begins)
        event.add("DTEND", begins + DEFAULT_ENGAGEMENT_LENGTH)
        event.add("TRANSP", "OPAQUE")
        when += (
            f", {engagement.local_time.strftime('%H:%M')} local time ({engagement.timezone});"
            " the end time is not reported"
        )
    else:
        _all_day(event, start, end)
        event.add("TRANSP", "TRANSPARENT")
    place: PlaceRef | None = engagement.place
    country = english.country(
        place.country_code if place else listing.leg_country(trip, engagement.leg_id)
    )
    location = listing.location(
        place.place if place else None, place.city if place else None, country
    )
    event.add("SUMMARY", _vtext(english.flagged(engagement.title, engagement.status)))
    if location:
        event.add("LOCATION", _vtext(location))
    if place is not None and place.latitude is not None and place.longitude is not None:
        event.add("GEO", (place.latitude, place.longitude))
    kind = engagement.kind.replace("_", " ").capitalize()
    event.add("CATEGORIES", ["Diplomatic engagement", kind])
    event.add("URL", _url(spec, trip, engagement.engagement_id))
    lines = english.engagement_text(schedule, trip, engagement, when)
    event.add("DESCRIPTION", _vtext("\n".join(lines)))
    _machine(event, engagement)
    return event


def reference_calendar(schedule: Schedule, spec: FeedSpec) -> bytes:
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("NAME", _vtext(spec.name))
    calendar.add("X-WR-CALNAME", _vtext(spec.name))
    calendar.add("DESCRIPTION", _vtext(spec.description))
    calendar.add("X-WR-CALDESC", _vtext(spec.description))
    calendar.add("REFRESH-INTERVAL", duration(spec.refresh), parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", duration(spec.refresh))
    events: list[Event] = []
    zones: dict[str, list[date]] = {}
    for _, _, trip, view, start, end in _items(schedule, spec):
        if isinstance(view, LegView):
            event = _leg_event(schedule, spec, trip, view, start, end)
        else:
            event = _engagement_event(schedule, spec, trip, view, start, end)
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
