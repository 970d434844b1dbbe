"""HEAD on every GET route (RFC 9110 §9.3.2): the GET's status and headers, no body.

Litestar routes HEAD only to handlers declared for it, so the app answers a HEAD as the
GET it mirrors and drops what the GET would have sent as content. Once the headers are
out the GET is cancelled: a streaming answer (the SSE tail, which may wait minutes for
its first event) never holds a HEAD open.
"""

from __future__ import annotations

import anyio
from litestar.types import ASGIApp, Message, Receive, Scope, Send


async def head_as_get(app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
    get_scope = dict(scope)
    get_scope["method"] = "GET"
    answered = False

    async with anyio.create_task_group() as group:

        async def send_headers_only(message: Message) -> None:
            nonlocal answered
            if answered:
                return
            if message["type"] == "http.response.start":
                answered = True
                await send(message)
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                group.cancel_scope.cancel()
            else:
                await send(message)

        group.start_soon(app, get_scope, receive, send_headers_only)  # type: ignore[arg-type]
