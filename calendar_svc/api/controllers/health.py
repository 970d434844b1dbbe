"""Liveness for load balancers and operators: can we reach the log, and how far behind
the read model is."""

from __future__ import annotations

from litestar import Controller, get
from litestar.datastructures import State
from sqlalchemy.exc import SQLAlchemyError

from calendar_svc.api.dto import Health
from calendar_svc.api.problems import ProblemError, problem_responses
from calendar_svc.api.readside import ReadSide


class HealthController(Controller):
    path = "/health"
    tags = ["health"]  # noqa: RUF012 - Litestar reads this class attribute

    @get(
        sync_to_thread=True,
        summary="Database reachable, log position and projection lag",
        responses=problem_responses(503),
    )
    def health(self, state: State) -> Health:
        readside: ReadSide = state["readside"]
        try:
            head = readside.head()
            checkpoint = readside.projection.checkpoint()
        except SQLAlchemyError as exc:
            raise ProblemError(503, f"database unreachable: {type(exc).__name__}") from exc
        return Health(
            status="ok",
            database=readside.store.dialect_name,
            log_position=head,
            projection_position=checkpoint,
            projection_lag=max(0, head - checkpoint),
        )
