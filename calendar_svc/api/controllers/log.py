"""The log's signed head, for operators who keep checkpoints elsewhere (see the README's
"Tamper evidence")."""

from __future__ import annotations

import logging
from typing import Any

import msgspec
from litestar import Controller, Request, get
from litestar.di import NamedDependency
from sqlalchemy.exc import SQLAlchemyError

from calendar_svc.api.contract import ETAG_HEADERS, tagged_responses
from calendar_svc.api.dto import LogCheckpoint
from calendar_svc.api.etag import request_head
from calendar_svc.api.problems import ProblemError
from calendar_svc.audit.checkpoint import CheckpointInputError, Signer
from calendar_svc.store import EventStore, StoredEvent

log = logging.getLogger("calendar_svc.api")


def _head(store: EventStore, position: int | None) -> StoredEvent | None:
    """The row at the position the ETag names (so tag and statement agree), else the head."""
    if position is None:
        return store.head()
    rows = store.read_page(position - 1, 1) if position > 0 else []
    return rows[0] if rows else None


class LogController(Controller):
    path = "/log"
    tags = ["log"]  # noqa: RUF012 - Litestar reads this class attribute

    @get(
        "/checkpoint",
        sync_to_thread=True,
        summary="The log's head, signed with the checkpoint key",
        description="404 when the service has no checkpoint key (CALENDAR_SVC_CHECKPOINT_KEY).",
        responses=tagged_responses(404, 503),
        response_headers=ETAG_HEADERS,
    )
    def checkpoint(
        self,
        request: Request[Any, Any, Any],
        store: NamedDependency[EventStore],
        signer: NamedDependency[Signer | None],
    ) -> LogCheckpoint:
        # `signer`: the app's one (it caches the statement per head); None without a key.
        if signer is None:
            raise ProblemError(404, "no checkpoint key configured")
        try:
            head = _head(store, request_head(request.scope))
        except SQLAlchemyError as exc:
            raise ProblemError(
                503,
                f"database unreachable: {type(exc).__name__}",
                headers={"Retry-After": "5"},
            ) from exc
        try:
            statement = signer.statement(head)
        except CheckpointInputError as exc:
            log.error("cannot sign a checkpoint: %s", exc)
            raise ProblemError(503, "the checkpoint key cannot be read; see the logs") from exc
        return LogCheckpoint(**msgspec.structs.asdict(statement))
