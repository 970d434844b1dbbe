"""Trips: the schedule grouped by journey, filterable by who, where and when."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, cast

import anyio.to_thread
import msgspec
from litestar import Controller, Request, Response, get
from litestar.datastructures import State
from litestar.params import FromPath, QueryParameter

from calendar_svc.api.contract import ETAG_HEADERS, tagged_responses
from calendar_svc.api.dto import TripPage
from calendar_svc.api.etag import request_head
from calendar_svc.api.pagination import offset_links
from calendar_svc.api.problems import ProblemError
from calendar_svc.api.readside import ReadSide
from calendar_svc.domain.values import slug
from calendar_svc.domain.views import TripView


def _overlaps(start: date | None, end: date | None, lo: date | None, hi: date | None) -> bool:
    if lo is None and hi is None:
        return True
    if start is None and end is None:
        return False
    first, last = start or end, end or start
    assert first is not None and last is not None
    return (hi is None or first <= hi) and (lo is None or last >= lo)


class TripsController(Controller):
    path = "/trips"
    tags = ["trips"]  # noqa: RUF012 - Litestar reads this class attribute

    @get(
        summary="Trips, filtered by principal, host country and dates",
        description="A range whose `to` precedes its `from` matches nothing.",
        responses=tagged_responses(400),
        response_headers=ETAG_HEADERS,
    )
    async def list_trips(
        self,
        request: Request[Any, Any, Any],
        state: State,
        principal: Annotated[
            str | None, QueryParameter(description="part of the traveller's name", max_length=200)
        ] = None,
        country: Annotated[
            str | None,
            QueryParameter(
                description="ISO 3166-1 alpha-2 of a host country", pattern="^[A-Za-z]{2}$"
            ),
        ] = None,
        date_from: Annotated[date | None, QueryParameter(name="from")] = None,
        date_to: Annotated[date | None, QueryParameter(name="to")] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 50,
        offset: Annotated[int, QueryParameter(ge=0)] = 0,
    ) -> Response[TripPage]:
        readside: ReadSide = state["readside"]
        who = slug(principal) if principal else None
        code = country.upper() if country else None
        head = request_head(request.scope)
        query = (who, code, date_from, date_to, limit, offset)
        if head is not None and (hit := readside.cached(("trips", head, *query))) is not None:
            # built already for this log position
            return Response(cast(TripPage, hit), headers=offset_links(request, hit))

        def build() -> msgspec.Raw:
            schedule = readside.current(head)
            chosen = [
                trip
                for trip in schedule.trips
                if (who is None or who in slug(trip.principal.name))
                and (code is None or any(leg.country_code == code for leg in trip.legs))
                and _overlaps(trip.start_date, trip.end_date, date_from, date_to)
            ]
            return readside.encoded(
                ("trips", schedule.position, *query),
                lambda: TripPage(
                    items=chosen[offset : offset + limit],
                    total=len(chosen),
                    limit=limit,
                    offset=offset,
                    position=schedule.position,
                ),
            )

        body = await anyio.to_thread.run_sync(build)
        return Response(cast(TripPage, body), headers=offset_links(request, body))

    @get(
        "/{trip_id:str}",
        sync_to_thread=True,
        summary="One trip: legs, engagements, delegation, sources and disputes",
        description="The trip as the schedule shows it now; 404 (a problem) for an unknown id.",
        responses=tagged_responses(400, 404),
        response_headers=ETAG_HEADERS,
    )
    def get_trip(self, state: State, trip_id: FromPath[str]) -> TripView:
        readside: ReadSide = state["readside"]
        for trip in readside.current().trips:
            if trip.trip_id == trip_id:
                return trip
        raise ProblemError(404, f"no trip {trip_id!r}")
