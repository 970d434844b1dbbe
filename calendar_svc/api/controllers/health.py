"""Liveness for load balancers and operators: can we reach the log, and how far is it."""

from __future__ import annotations

import msgspec
from litestar import Controller, get
from litestar.datastructures import State

from calendar_svc.store import EventStore


class Health(msgspec.Struct, frozen=True):
    status: str
    database: str
    log_position: int


class HealthController(Controller):
    path = "/health"
    tags = ["health"]  # noqa: RUF012 - Litestar reads this class attribute

    @get(sync_to_thread=True, summary="Database reachable and the log's head position")
    def health(self, state: State) -> Health:
        store: EventStore = state["store"]
        return Health(status="ok", database=store.dialect_name, log_position=store.last_position())
