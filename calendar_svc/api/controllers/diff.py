"""What changed between two points of the log, each changed field with the events (and
sentences) that changed it: the auditor's question "who moved this date, and when"."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from litestar import Controller, Request, get
from litestar.datastructures import State
from litestar.params import QueryParameter

from calendar_svc.api.contract import ETAG_HEADERS, tagged_responses
from calendar_svc.api.params import as_of_param
from calendar_svc.api.readside import ReadSide
from calendar_svc.projections.replay import Diff, diff
from calendar_svc.store import EventStore

_POINT = "a log position, or an ISO 8601 date-time (UTC when it names no zone)"


def _position(store: EventStore, raw: str | None, parsed: int | datetime, head: int) -> int:
    point = as_of_param(raw, parsed)
    if isinstance(point, datetime):
        return store.position_at(point)
    return max(0, min(int(point or 0), head))


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
        state: State,
        start: Annotated[int | datetime, QueryParameter(name="from", description=_POINT)],
        end: Annotated[int | datetime, QueryParameter(name="to", description=_POINT)],
    ) -> Diff:
        readside: ReadSide = state["readside"]
        store = readside.store
        head = store.last_position()
        first = _position(store, request.query_params.get("from"), start, head)
        last = _position(store, request.query_params.get("to"), end, head)
        return diff(store, first, last)
