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
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from calendar_svc.api.contract import ETAG_HEADERS, tagged_responses
from calendar_svc.api.etag import request_head
from calendar_svc.api.pagination import offset_links
from calendar_svc.api.params import as_of_param
from calendar_svc.domain.views import Schedule
from calendar_svc.services.readside import ReadSide
from calendar_svc.services.schedule_query import ScheduleResponse, schedule_at, schedule_page


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
        readside: NamedDependency[ReadSide],
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
        code = country.upper() if country else None
        head = request_head(request.scope)
        if as_of is None and head is not None:
            hit = readside.cached(("schedule", head, date_from, date_to, code, None, limit, offset))
            if hit is not None:
                links = offset_links(request, hit, pin=True)
                return Response(cast(ScheduleResponse, hit), headers=links)

        def answer(schedule: Schedule, when: datetime | None) -> msgspec.Raw:
            key = ("schedule", schedule.position, date_from, date_to, code, when, limit, offset)
            return readside.encoded(
                key, lambda: schedule_page(schedule, when, date_from, date_to, code, limit, offset)
            )

        def build() -> msgspec.Raw:
            if as_of is None:  # the stored schedule: read again if it moves on meanwhile
                return readside.read(head, lambda schedule: answer(schedule, None))
            return answer(*schedule_at(readside, as_of, head))

        body = await anyio.to_thread.run_sync(build)
        links = offset_links(request, body, pin=True)
        return Response(cast(ScheduleResponse, body), headers=links)
