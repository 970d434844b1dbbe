"""Questions asked of the schedule: which trips and entries match a filter, a page of
them, and the schedule at a point of the log (`as_of`).

The routes and the pages ask the same questions, so each has its one answer here, apart
from how a request is read (`api.params` checks `as_of`; here it is a position or an
aware time) and how an answer is sent. The answers are the contract's types, built here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Literal

import msgspec

from calendar_svc.domain.values import slug
from calendar_svc.domain.views import (
    EngagementView,
    LegView,
    Schedule,
    SourceRef,
    TripView,
)
from calendar_svc.projections.stored import (
    StoredSources,
    StoredTrips,
    TripSelection,
    entry_page,
    hosting_trips,
)
from calendar_svc.services.readside import ReadSide
from calendar_svc.store import EventStore

#: A leg's or an engagement's: one enum, since `cancelled` is both (a oneOf would not hold).
EntryStatus = Literal["announced", "in_progress", "concluded", "postponed", "cancelled", "reported"]


class TripPage(msgspec.Struct, frozen=True):
    items: list[TripView]
    total: int
    limit: int
    offset: int
    position: int  # the log position this page reflects


class ScheduleEntry(msgspec.Struct, frozen=True):
    kind: Literal["leg", "engagement"]
    id: str
    trip_id: str
    title: str
    start_date: date | None
    end_date: date | None
    status: EntryStatus
    country_code: str | None
    leg: LegView | None = None
    engagement: EngagementView | None = None


class ScheduleResponse(msgspec.Struct, frozen=True):
    position: int  # the log position this page reflects; pass as `as_of` for the next pages
    as_of: datetime | None
    entries: list[ScheduleEntry]  # this page of them
    sources: dict[str, SourceRef]  # the articles this page's entries cite
    total: int  # matching entries on every page
    limit: int
    offset: int


# -- points of the log ------------------------------------------------------------------------


def clamp(position: int, head: int) -> int:
    """A position asked for, within the log: a position past the head means the head."""
    return max(0, min(position, head))


def position_at(store: EventStore, point: int | datetime, head: int) -> int:
    """The log position of a point: a position (clamped to the log), or the last
    position recorded at or before an aware time."""
    if isinstance(point, datetime):
        return store.position_at(point)
    return clamp(point, head)


def schedule_at(
    readside: ReadSide, as_of: int | datetime | None, head: int | None = None
) -> tuple[Schedule, datetime | None]:
    """The current schedule (at `head`, when the caller has read it), or the one at a
    log position or an aware time (clamped to the head), with the time asked for."""
    if as_of is None:
        return readside.current(head), None
    if isinstance(as_of, datetime):
        return readside.at(readside.store.position_at(as_of)), as_of
    return readside.at(clamp(as_of, readside.head())), None


# -- filters ----------------------------------------------------------------------------------


def overlaps(start: date | None, end: date | None, lo: date | None, hi: date | None) -> bool:
    """Whether an item's days meet the period [lo, hi] (either end open; none: any). An
    item without a day meets only the open period."""
    if lo is None and hi is None:
        return True
    if start is None and end is None:
        return False
    first, last = start or end, end or start
    assert first is not None and last is not None
    return (hi is None or first <= hi) and (lo is None or last >= lo)


def hosted_by(trip: TripView, code: str | None) -> bool:
    """Whether one of the trip's legs is in the country `code` (None: any trip)."""
    return code is None or any(leg.country_code == code for leg in trip.legs)


def trips_matching(
    schedule: Schedule, who: str | None, code: str | None, lo: date | None, hi: date | None
) -> Sequence[TripView]:
    """The trips of a principal whose slug contains `who`, hosted by `code`, in [lo, hi].
    Of the stored schedule, found by its rows: a page of them is decoded when read."""
    if isinstance(schedule.trips, StoredTrips):
        return _stored_matching(schedule.trips, who, code, lo, hi)
    return [
        trip
        for trip in schedule.trips
        if (who is None or who in slug(trip.principal.name))
        and hosted_by(trip, code)
        and overlaps(trip.start_date, trip.end_date, lo, hi)
    ]


def _stored_matching(
    trips: StoredTrips, who: str | None, code: str | None, lo: date | None, hi: date | None
) -> TripSelection:
    hosts = hosting_trips(trips, code) if code is not None else None
    names: dict[str, bool] = {}  # a principal's slug is made once, not once a trip
    chosen = []
    for row in trips.rows:
        if who is not None:
            if row.principal not in names:
                names[row.principal] = who in slug(row.principal)
            if not names[row.principal]:
                continue
        if (hosts is None or row.trip_id in hosts) and overlaps(
            row.start_date, row.end_date, lo, hi
        ):
            chosen.append(row.trip_id)
    return TripSelection(trips, chosen)


def trip_page(
    schedule: Schedule,
    chosen: Sequence[TripView],
    limit: int,
    offset: int,
) -> TripPage:
    """A page of the trips `chosen` from the schedule."""
    return TripPage(
        items=list(chosen[offset : offset + limit]),
        total=len(chosen),
        limit=limit,
        offset=offset,
        position=schedule.position,
    )


def has_trip(schedule: Schedule, trip_id: str) -> bool:
    if isinstance(schedule.trips, StoredTrips):
        return schedule.trips.has(trip_id)
    return any(trip.trip_id == trip_id for trip in schedule.trips)


def find_trip(schedule: Schedule, trip_id: str) -> TripView | None:
    if isinstance(schedule.trips, StoredTrips):
        return schedule.trips.get(trip_id)
    return next((trip for trip in schedule.trips if trip.trip_id == trip_id), None)


# -- the schedule's entries -------------------------------------------------------------------


def _leg_entry(trip: TripView, leg: LegView) -> ScheduleEntry:
    return ScheduleEntry(
        kind="leg",
        id=leg.leg_id,
        trip_id=trip.trip_id,
        title=f"{trip.principal.name}: {leg.visit_type or 'visit'} visit to {leg.country_code}",
        start_date=leg.start_date,
        end_date=leg.end_date,
        status=leg.status,
        country_code=leg.country_code,
        leg=leg,
    )


def _engagement_entry(
    trip: TripView, engagement: EngagementView, where: str | None
) -> ScheduleEntry:
    return ScheduleEntry(
        kind="engagement",
        id=engagement.engagement_id,
        trip_id=trip.trip_id,
        title=engagement.title,
        start_date=engagement.start_date,
        end_date=engagement.end_date,
        status=engagement.status,
        country_code=where,
        engagement=engagement,
    )


def _held_in(trip: TripView, engagement: EngagementView) -> str | None:
    """Where an engagement was held: its place's country, else its leg's."""
    countries = {leg.leg_id: leg.country_code for leg in trip.legs}
    return (engagement.place.country_code if engagement.place else None) or (
        countries.get(engagement.leg_id or "")
    )


def _leg_entries(
    trip: TripView, lo: date | None, hi: date | None, code: str | None
) -> list[ScheduleEntry]:
    return [
        _leg_entry(trip, leg)
        for leg in trip.legs
        if (code is None or leg.country_code == code)
        and overlaps(leg.start_date, leg.end_date, lo, hi)
    ]


def _engagement_entries(
    trip: TripView, lo: date | None, hi: date | None, code: str | None
) -> list[ScheduleEntry]:
    entries = []
    for engagement in trip.engagements:
        where = _held_in(trip, engagement)
        if (code is None or where == code) and overlaps(
            engagement.start_date, engagement.end_date, lo, hi
        ):
            entries.append(_engagement_entry(trip, engagement, where))
    return entries


def schedule_page(
    schedule: Schedule,
    when: datetime | None,
    lo: date | None,
    hi: date | None,
    code: str | None,
    limit: int,
    offset: int,
) -> ScheduleResponse:
    """A page of the legs and engagements in [lo, hi] (in `code`), in date order, with
    the sources that page cites; `when`: the time the schedule was asked at, if any.
    Of the stored schedule, the page is found in SQL and only its trips are decoded."""
    if isinstance(schedule.trips, StoredTrips):
        return _stored_page(schedule, schedule.trips, when, lo, hi, code, limit, offset)
    entries: list[ScheduleEntry] = []
    for trip in schedule.trips:
        entries += _leg_entries(trip, lo, hi, code)
        entries += _engagement_entries(trip, lo, hi, code)
    entries.sort(key=lambda e: (e.start_date or date.max, e.kind != "leg", e.id))
    page = entries[offset : offset + limit]
    cited = {s for e in page for s in (e.leg or e.engagement).sources}  # type: ignore[union-attr]
    return ScheduleResponse(
        position=schedule.position,
        as_of=when,
        entries=page,
        sources={k: v for k, v in schedule.sources.items() if k in cited},
        total=len(entries),
        limit=limit,
        offset=offset,
    )


def _stored_page(
    schedule: Schedule,
    trips: StoredTrips,
    when: datetime | None,
    lo: date | None,
    hi: date | None,
    code: str | None,
    limit: int,
    offset: int,
) -> ScheduleResponse:
    total, keys = entry_page(trips, lo, hi, code, limit, offset)
    views = {t.trip_id: t for t in trips.many(sorted({k.trip_id for k in keys}))}
    page: list[ScheduleEntry] = []
    for key in keys:
        trip = views[key.trip_id]
        if key.seq < len(trip.legs):
            page.append(_leg_entry(trip, trip.legs[key.seq]))
        else:
            held = trip.engagements[key.seq - len(trip.legs)]
            page.append(_engagement_entry(trip, held, _held_in(trip, held)))
    cited = sorted({s for e in page for s in (e.leg or e.engagement).sources})  # type: ignore[union-attr]
    sources = schedule.sources
    if isinstance(sources, StoredSources):
        sources.prefetch(cited)
    return ScheduleResponse(
        position=schedule.position,
        as_of=when,
        entries=page,
        sources={k: sources[k] for k in cited if k in sources},
        total=total,
        limit=limit,
        offset=offset,
    )
