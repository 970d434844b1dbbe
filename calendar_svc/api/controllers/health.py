"""Liveness for load balancers and operators: can we reach the log, and how far behind
the read model is."""

from __future__ import annotations

from litestar import Controller, get
from litestar.datastructures import CacheControlHeader
from litestar.di import NamedDependency
from sqlalchemy.exc import SQLAlchemyError

from calendar_svc.api.dto import Health
from calendar_svc.api.problems import (
    ProblemError,
    database_reason,
    problem_responses,
    unavailable,
)
from calendar_svc.config import Settings
from calendar_svc.services.readside import ReadSide
from calendar_svc.store import StoreError


def read_health(readside: ReadSide) -> Health:
    """The log's position, the projection's lag, and whether appends work; 503 if the
    log cannot be read."""
    try:
        head = readside.head()
        checkpoint = readside.projection.checkpoint()
    except (SQLAlchemyError, StoreError) as exc:
        raise unavailable(f"the log cannot be read: {database_reason(exc)}") from exc
    problem = readside.store.write_problem()
    return Health(
        status="ok" if problem is None else "degraded",
        database=readside.store.dialect_name,
        log_position=head,
        projection_position=checkpoint,
        projection_lag=max(0, head - checkpoint),
        writable=problem is None,
        detail=problem,
    )


class HealthController(Controller):
    path = "/health"
    tags = ["health"]  # noqa: RUF012 - Litestar reads this class attribute

    @get(
        sync_to_thread=True,
        cache_control=CacheControlHeader(no_store=True),
        summary="Database reachable, log position, projection lag, and whether appends work",
        description="503 when the log cannot be read; `degraded` (200) when it can be read "
        "but appends fail (disk full, read-only file).",
        responses=problem_responses(400, 503),  # 400: a query parameter it does not take
    )
    def health(self, readside: NamedDependency[ReadSide]) -> Health:
        return read_health(readside)

    @get(
        "/live",
        cache_control=CacheControlHeader(no_store=True),
        summary="The process answers (liveness): no database is touched",
        description="A failing database is no reason to restart the process: readiness says so.",
    )
    async def live(self) -> dict[str, str]:
        return {"status": "ok"}

    @get(
        "/ready",
        sync_to_thread=True,
        cache_control=CacheControlHeader(no_store=True),
        summary="Ready for traffic: the log can be read and the schedule is not far behind",
        description="503 problem when the database cannot be reached or the projection lags "
        "the log by more than CALENDAR_SVC_READY_MAX_LAG events.",
        responses=problem_responses(503),
    )
    def ready(
        self, readside: NamedDependency[ReadSide], settings: NamedDependency[Settings]
    ) -> Health:
        health = read_health(readside)
        if health.projection_lag > settings.ready_max_lag:
            raise ProblemError(
                503,
                f"the schedule lags the log by {health.projection_lag} events "
                f"(more than {settings.ready_max_lag})",
                headers={"Retry-After": "5"},
            )
        return health
