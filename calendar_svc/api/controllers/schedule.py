"""The schedule as a date-ordered list of legs and engagements, now or as of any point.

Answers are pages (`limit`, `offset`, `total`), like /trips: a year of visits is
thousands of entries, and a client that wants them all walks the pages at one position
(`as_of` = the first page's `position`). A page already built for the log position the
request is tagged with is sent from the event loop; only building one takes a thread.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, cast

import anyio.to_thread
import msgspec
from litestar import Controller, Request, Response, get
from litestar.datastructures import State
from litestar.params import QueryParameter

from calendar_svc.api.contract import ETAG_HEADERS, tagged_responses
from calendar_svc.api.controllers.trips import _overlaps
from calendar_svc.api.dto import ScheduleEntry, ScheduleResponse
from calendar_svc.api.etag import request_head
from calendar_svc.api.pagination import offset_links
from calendar_svc.api.params import as_of_param, as_of_time
from calendar_svc.api.readside import ReadSide
from calendar_svc.domain.views import Schedule


def schedule_at(
    readside: ReadSide, as_of: int | datetime | None, head: int | None = None
) -> tuple[Schedule, datetime | None]:
    """The current schedule, or the one at a log position or time (clamped to the head)."""
    if as_of is None:
        return readside.current(head), None
    if isinstance(as_of, datetime):
        when = as_of_time(as_of)
        return readside.at(readside.store.position_at(when)), when
    return readside.at(max(0, min(as_of, readside.head()))), None


class ScheduleController(Controller):
    path = "/schedule"
    tags = ["schedule"]  # noqa: RUF012 - Litestar reads this class attribute

    @get(
        summary="Legs and engagements in date order, a page at a time",
        description="`as_of` takes a log position or an ISO 8601 date-time and answers with "
        "the schedule as it stood then (a position past the head means the head). A range "
        "whose `to` precedes its `from` matches nothing. `total` counts every matching "
        "entry; walk the pages with `offset`, passing the first page's `position` as "
        "`as_of` so every page reflects the same point of the log.",
        responses=tagged_responses(400),
        response_headers=ETAG_HEADERS,
    )
    async def get_schedule(
        self,
        request: Request[Any, Any, Any],
        state: State,
        date_from: Annotated[date | None, QueryParameter(name="from")] = None,
        date_to: Annotated[date | None, QueryParameter(name="to")] = None,
        country: Annotated[str | None, QueryParameter(pattern="^[A-Za-z]{2}$")] = None,
        as_of: Annotated[
            int | datetime | None,
            QueryParameter(description="a log position, or an ISO 8601 date-time"),
        ] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=1000)] = 100,
        offset: Annotated[int, QueryParameter(ge=0)] = 0,
    ) -> Response[ScheduleResponse]:
        as_of = as_of_param(request.query_params.get("as_of"), as_of)
        readside: ReadSide = state["readside"]
        code = country.upper() if country else None
        head = request_head(request.scope)
        if as_of is None and head is not None:
            hit = readside.cached(("schedule", head, date_from, date_to, code, None, limit, offset))
            if hit is not None:
                links = offset_links(request, hit, pin=True)
                return Response(cast(ScheduleResponse, hit), headers=links)

        def build() -> msgspec.Raw:
            schedule, when = schedule_at(readside, as_of, head)
            key = ("schedule", schedule.position, date_from, date_to, code, when, limit, offset)
            return readside.encoded(
                key, lambda: _answer(schedule, when, date_from, date_to, code, limit, offset)
            )

        body = await anyio.to_thread.run_sync(build)
        links = offset_links(request, body, pin=True)
        return Response(cast(ScheduleResponse, body), headers=links)


def _answer(
    schedule: Schedule,
    when: datetime | None,
    date_from: date | None,
    date_to: date | None,
    code: str | None,
    limit: int,
    offset: int,
) -> ScheduleResponse:
    entries: list[ScheduleEntry] = []
    for trip in schedule.trips:
        countries = {leg.leg_id: leg.country_code for leg in trip.legs}
        for leg in trip.legs:
            if (code is None or leg.country_code == code) and _overlaps(
                leg.start_date, leg.end_date, date_from, date_to
            ):
                entries.append(
                    ScheduleEntry(
                        kind="leg",
                        id=leg.leg_id,
                        trip_id=trip.trip_id,
                        title=f"{trip.principal.name}: {leg.visit_type or 'visit'} visit "
                        f"to {leg.country_code}",
                        start_date=leg.start_date,
                        end_date=leg.end_date,
                        status=leg.status,
                        country_code=leg.country_code,
                        leg=leg,
                    )
                )
        for engagement in trip.engagements:
            where = (engagement.place.country_code if engagement.place else None) or (
                countries.get(engagement.leg_id or "")
            )
            if (code is None or where == code) and _overlaps(
                engagement.start_date, engagement.end_date, date_from, date_to
            ):
                entries.append(
                    ScheduleEntry(
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
                )
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
