"""What changed between two points of the log, each changed field with the events (and
sentences) that changed it: the auditor's question "who moved this date, and when"."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from litestar import Controller, Request, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from calendar_svc.api.contract import ETAG_HEADERS, tagged_responses
from calendar_svc.api.params import as_of_param
from calendar_svc.projections.replay import Diff, diff
from calendar_svc.services.schedule_query import position_at
from calendar_svc.store import EventStore

_POINT = "a log position, or an ISO 8601 date-time (UTC when it names no zone)"


class DiffController(Controller):
    path = "/diff"
    tags = ["log"]  # noqa: RUF012 - Litestar reads this class attribute

    @get(
        sync_to_thread=True,
        summary="What is shown differently at `to` than at `from`, and the events behind it",
        description="Each change names one field of one trip, leg or engagement, with only "
        "the events whose application changed that field, their article and sentences. "
        "The log is replayed to answer: this costs a fold of the log up to `to`.",
        responses=tagged_responses(400, 503),
        response_headers=ETAG_HEADERS,
    )
    def get_diff(
        self,
        request: Request[Any, Any, Any],
        store: NamedDependency[EventStore],
        start: Annotated[int | datetime, QueryParameter(name="from", description=_POINT)],
        end: Annotated[int | datetime, QueryParameter(name="to", description=_POINT)],
    ) -> Diff:
        head = store.last_position()
        first = position_at(store, as_of_param(request.query_params.get("from"), start) or 0, head)
        last = position_at(store, as_of_param(request.query_params.get("to"), end) or 0, head)
        return diff(store, first, last)
