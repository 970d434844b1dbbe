"""Trips: the schedule grouped by journey, filterable by who, where and when."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, cast

import anyio.to_thread
import msgspec
from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter

from calendar_svc.api.contract import ETAG_HEADERS, tagged_responses
from calendar_svc.api.etag import request_head
from calendar_svc.api.pagination import offset_links
from calendar_svc.api.problems import ProblemError
from calendar_svc.domain.values import slug
from calendar_svc.domain.views import Schedule, TripView
from calendar_svc.services.readside import ReadSide
from calendar_svc.services.schedule_query import TripPage, find_trip, trip_page, trips_matching


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
        readside: NamedDependency[ReadSide],
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
        who = slug(principal) if principal else None
        code = country.upper() if country else None
        head = request_head(request.scope)
        query = (who, code, date_from, date_to, limit, offset)
        if head is not None and (hit := readside.cached(("trips", head, *query))) is not None:
            # built already for this log position
            return Response(cast(TripPage, hit), headers=offset_links(request, hit))

        def answer(schedule: Schedule) -> msgspec.Raw:
            return readside.encoded(
                ("trips", schedule.position, *query),
                lambda: trip_page(
                    schedule, trips_matching(schedule, who, code, date_from, date_to), limit, offset
                ),
            )

        body = await anyio.to_thread.run_sync(readside.read, head, answer)
        return Response(cast(TripPage, body), headers=offset_links(request, body))

    @get(
        "/{trip_id:str}",
        sync_to_thread=True,
        summary="One trip: legs, engagements, delegation, sources and disputes",
        description="The trip as the schedule shows it now; 404 (a problem) for an unknown id.",
        responses=tagged_responses(400, 404),
        response_headers=ETAG_HEADERS,
    )
    def get_trip(self, readside: NamedDependency[ReadSide], trip_id: FromPath[str]) -> TripView:
        trip = readside.read(None, lambda schedule: find_trip(schedule, trip_id))
        if trip is None:
            raise ProblemError(404, f"no trip {trip_id!r}")
        return trip
