"""The VCALENDAR: a feed's header, its VTIMEZONEs and its VEVENTs, joined in order.

icalendar writes what is small and done once: the calendar's own properties (one header
per feed description) and each VTIMEZONE; the VEVENTs come written from `events`, or
from the `EventCache`, and the feed is their bytes joined. Which items a feed holds (its
trip, country, principal, period, person) is settled here, on the written events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from functools import lru_cache

from icalendar import Calendar, vDuration

from calendar_svc import __version__
from calendar_svc.api.feeds.cache import EventCache
from calendar_svc.api.feeds.contentlines import item_uid, vtext_ical
from calendar_svc.api.feeds.events import ORDER, Form, Rendered, listed_trip, render_trip
from calendar_svc.api.feeds.spec import ENGAGEMENT_MODES, LANGUAGES, FeedSpec
from calendar_svc.api.feeds.timezones import vtimezone_ical
from calendar_svc.domain.values import slug
from calendar_svc.domain.views import Schedule, TripView
from calendar_svc.projections.stored import (
    StoredSources,
    StoredTrips,
    cited_sources,
    trips_of_legs,
)

PRODID = f"-//calendar-svc//calendar-svc {__version__.rsplit('.', 1)[0]}//EN"


# -- which items a feed holds ----------------------------------------------------------------


def _checked(spec: FeedSpec) -> Form:
    """The `Form` of a feed's VEVENTs; ValueError for a spec no feed can have."""
    if spec.engagements not in ENGAGEMENT_MODES:
        raise ValueError(f"engagements must be one of {ENGAGEMENT_MODES}, not {spec.engagements!r}")
    if spec.lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {spec.lang!r}")
    return Form(spec.base_url.rstrip("/"), spec.engagements, spec.lang)


def _shows(spec: FeedSpec, trip: TripView) -> bool | None:
    """Whether the feed shows all of `trip` (True), only the legs of it `spec.leg_ids`
    names (False), or nothing of it (None)."""
    if spec.trip_id is not None and trip.trip_id != spec.trip_id:
        return None
    if spec.principal is not None and spec.principal not in slug(trip.principal.name):
        return None
    whole = spec.trip_ids is None or trip.trip_id in spec.trip_ids
    if not whole and not any(leg.leg_id in spec.leg_ids for leg in trip.legs):
        return None
    return whole


def _candidates(schedule: Schedule, spec: FeedSpec) -> Iterable[TripView]:
    """The trips `_shows` may show, in the schedule's order: of the stored schedule, only
    those its rows say a feed of one trip, principal or person can show are decoded
    (with the sources they cite, in a few reads)."""
    trips = schedule.trips
    if not isinstance(trips, StoredTrips):
        return trips
    if spec.trip_id is None and spec.principal is None and spec.trip_ids is None:
        views: Sequence[TripView] = trips.all()
    else:
        wanted = set(spec.trip_ids or ()) | trips_of_legs(trips, spec.leg_ids)
        names: dict[str, bool] = {}
        ids = []
        for row in trips.rows:
            if spec.trip_id is not None and row.trip_id != spec.trip_id:
                continue
            if spec.principal is not None:
                if row.principal not in names:
                    names[row.principal] = spec.principal in slug(row.principal)
                if not names[row.principal]:
                    continue
            if spec.trip_ids is None or row.trip_id in wanted:
                ids.append(row.trip_id)
        views = trips.many(ids)
    if isinstance(schedule.sources, StoredSources):
        schedule.sources.prefetch(cited_sources(views))
    return views


def feed_items(
    schedule: Schedule, spec: FeedSpec, cache: EventCache | None, *, write: bool = True
) -> list[Rendered]:
    """The feed's items in order; written unless `write` is false and no cache is given."""
    form = _checked(spec)
    country = spec.country.strip().upper() if spec.country else None
    items: list[Rendered] = []
    hosted = {item_uid("leg", leg_id) for leg_id in spec.leg_ids}
    lo, hi = spec.date_from, spec.date_to
    for trip in _candidates(schedule, spec):
        if (whole := _shows(spec, trip)) is None:
            continue
        if cache is not None:
            rendered = cache.trip(schedule, trip, form)
        elif write:
            rendered = render_trip(schedule, trip, form)
        else:
            rendered = listed_trip(trip, form)
        items.extend(
            item
            for item in rendered
            if (whole or item.uid in hosted)
            and (country is None or item.country == country)
            and (lo is None or item.end >= lo)
            and (hi is None or item.start <= hi)
        )
    items.sort(key=ORDER)
    seen: set[str] = set()
    for item in items:
        if item.uid in seen:
            raise ValueError(f"two items of the schedule share the UID {item.uid}")
        seen.add(item.uid)
    return items


def feed_last_modified(
    schedule: Schedule, spec: FeedSpec, *, cache: EventCache | None = None
) -> datetime | None:
    """The latest LAST-MODIFIED in the feed (UTC, whole seconds), None for an empty feed.

    Whole seconds because HTTP dates have no finer resolution: a sub-second value would
    never compare equal to the If-Modified-Since a client sends back. Two revisions
    recorded within one second share it, and a source added to an item changes its
    DESCRIPTION without a new revision, so serve a strong ETag of the body as well (and
    let If-None-Match win over If-Modified-Since, as RFC 9110 says).

    With the `cache` a feed was just rendered with, this costs no more than a lookup.
    """
    items = feed_items(schedule, spec, cache, write=False)
    return max((item.stamp for item in items), default=None)


# -- the calendar ---------------------------------------------------------------------------


def duration(value: timedelta) -> vDuration:
    """REFRESH-INTERVAL and X-PUBLISHED-TTL: a positive whole number of seconds."""
    if value <= timedelta(0) or value % timedelta(seconds=1):
        raise ValueError(f"refresh must be a positive whole number of seconds, not {value}")
    return vDuration(value)


_END = b"END:VCALENDAR\r\n"


@lru_cache(maxsize=256)
def _header(name: str, description: str, refresh: timedelta) -> bytes:
    """BEGIN:VCALENDAR and the calendar's properties, written by icalendar."""
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    # No METHOD: a feed people subscribe to is not an iTIP scheduling message. METHOD:PUBLISH
    # would require an ORGANIZER on every VEVENT (RFC 5546 3.2.1; libical's restriction
    # check fails without one), and an ORGANIZER makes Outlook and Apple Calendar present
    # each visit as an invitation from that address. Google, Outlook, Apple and
    # Thunderbird subscribe to a feed without METHOD as they do with one.
    # icalendar 7 types NAME and the X-WR-* properties as "unknown" and would write a plain
    # str unescaped (a newline would even break the line): always pass vText.
    calendar.add("NAME", vtext_ical(name))
    calendar.add("X-WR-CALNAME", vtext_ical(name))
    calendar.add("DESCRIPTION", vtext_ical(description))
    calendar.add("X-WR-CALDESC", vtext_ical(description))
    calendar.add("REFRESH-INTERVAL", duration(refresh), parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", duration(refresh))
    data: bytes = calendar.to_ical(sorted=False)
    assert data.endswith(_END)
    return data[: -len(_END)]


def render_calendar(
    schedule: Schedule, spec: FeedSpec, *, cache: EventCache | None = None
) -> bytes:
    """The feed: VCALENDAR with its VTIMEZONEs, then one VEVENT per dated item, ordered by
    start date then UID. CRLF line endings, folded at 75 octets, UTF-8.

    With a `cache`, trips already rendered (unchanged, same sources, same base URL) are
    reused: the bytes are the same as without it.
    """
    header = _header(spec.name, spec.description, spec.refresh)
    items = feed_items(schedule, spec, cache)
    spans: dict[str, tuple[int, int]] = {}
    for item in items:
        for tzid, day in item.zones:
            first, last = spans.get(tzid, (day.year, day.year))
            spans[tzid] = (min(first, day.year), max(last, day.year))
    parts = [header]
    parts.extend(vtimezone_ical(tzid, *spans[tzid]) for tzid in sorted(spans))
    parts.extend(item.data for item in items)
    parts.append(_END)
    return b"".join(parts)
