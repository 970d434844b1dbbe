"""The log itself, for followers: pages by position, and a Server-Sent Events tail."""

from __future__ import annotations

import asyncio
import enum
import re
from collections.abc import AsyncGenerator
from typing import Annotated, Any

import anyio.to_thread
import msgspec
from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage

from calendar_svc.api.contract import ETAG_HEADERS, tagged_responses
from calendar_svc.api.dto import EventPage, event_out
from calendar_svc.api.pagination import cursor_links
from calendar_svc.api.params import MAX_POSITION
from calendar_svc.api.problems import ProblemError, problem_responses
from calendar_svc.config import Settings
from calendar_svc.domain.events import EVENT_TYPES
from calendar_svc.store import EventStore
from calendar_svc.store.notify import Notifier

#: The event types, as an enum so the OpenAPI document lists them.
EventTypeName = enum.StrEnum("EventTypeName", {name: name for name in EVENT_TYPES})  # type: ignore[misc]

_POSITION = re.compile(r"[0-9]{1,20}")

#: A comment line only: a message with a data line would reach clients as an event.
KEEPALIVE = ServerSentEventMessage(comment="keep-alive", data=None)


class EventsController(Controller):
    path = "/events"
    tags = ["log"]  # noqa: RUF012 - Litestar reads this class attribute

    @get(
        sync_to_thread=True,
        summary="The log in pages, after a position",
        description="Events in log order from position `after` + 1, with their hash chain; pass "
        "`next_after` as `after` for the next page.",
        responses=tagged_responses(400),
        response_headers=ETAG_HEADERS,
    )
    def list_events(
        self,
        request: Request[Any, Any, Any],
        store: NamedDependency[EventStore],
        after: Annotated[
            int, QueryParameter(ge=0, le=MAX_POSITION, description="last position already seen")
        ] = 0,
        limit: Annotated[int, QueryParameter(ge=1, le=1000)] = 100,
        stream: Annotated[str | None, QueryParameter(max_length=200)] = None,
        event_type: Annotated[
            EventTypeName | None, QueryParameter(name="type", description="an event type")
        ] = None,
    ) -> Response[EventPage]:
        rows = store.read_page(
            after,
            limit,
            stream_id=stream,
            event_types=[event_type.value] if event_type else None,
        )
        head = store.last_position()
        last = rows[-1].position if rows else after
        more = len(rows) == limit and last < head
        next_after = last if more else None
        page = EventPage(items=[event_out(r) for r in rows], head=head, next_after=next_after)
        return Response(page, headers=cursor_links(request, next_after))

    @get(
        "/stream",
        media_type="text/event-stream",
        summary="Server-Sent Events: every event after a position, as it is appended",
        description="Resumes from `after`, or from the Last-Event-ID header a client sends "
        "on reconnect. Each message's id is the event's position. `limit` closes the "
        "stream after that many events.",
        responses=problem_responses(400),
    )
    async def stream_events(
        self,
        request: Request[Any, Any, Any],
        store: NamedDependency[EventStore],
        notifier: NamedDependency[Notifier],
        settings: NamedDependency[Settings],
        after: Annotated[int | None, QueryParameter(ge=0, le=MAX_POSITION)] = None,
        limit: Annotated[int | None, QueryParameter(ge=1, le=100000)] = None,
    ) -> ServerSentEvent:
        start = after
        if start is None:
            last_id = request.headers.get("last-event-id")
            if last_id is not None:
                # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
                if not _POSITION.fullmatch(last_id.strip()) or int(last_id) > MAX_POSITION:
                    raise ProblemError(400, "Last-Event-ID must be a log position")
                start = int(last_id)
        position = (
            start if start is not None else await anyio.to_thread.run_sync(store.last_position)
        )

        keepalive = settings.sse_keepalive_seconds  # proxies close streams silent for long

        async def follow() -> AsyncGenerator[ServerSentEventMessage, None]:
            nonlocal position
            loop = asyncio.get_running_loop()
            sent = 0
            idle = 0.0
            while limit is None or sent < limit:
                want = 500 if limit is None else min(500, limit - sent)
                rows = await anyio.to_thread.run_sync(store.read_page, position, want)
                for row in rows:
                    yield ServerSentEventMessage(
                        data=msgspec.json.encode(event_out(row)).decode(),
                        event=row.event_type,
                        id=str(row.position),
                    )
                    position = row.position
                    sent += 1
                if rows:
                    idle = 0.0
                    continue
                if notifier.stopped:
                    return  # the server is stopping: end the stream, the client resumes
                # Woken by the process's notifier (NOTIFY / one shared poll), not polling.
                began = loop.time()
                await notifier.wait(position, keepalive - idle)
                idle += loop.time() - began
                if idle >= keepalive:
                    idle = 0.0
                    yield KEEPALIVE

        return ServerSentEvent(follow())
