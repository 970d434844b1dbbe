"""HEAD on every GET route (RFC 9110 §9.3.2): the GET's status and headers, no body.

Litestar routes HEAD only to handlers declared for it, so the app answers a HEAD as the
GET it mirrors and drops what the GET would have sent as content. A streaming answer
(the SSE tail) is cut off after its headers, so a HEAD never waits for events.
"""

from __future__ import annotations

from litestar.types import ASGIApp, Message, Receive, Scope, Send


class _HeadDone(Exception):
    """Raised into the GET's sending once the HEAD's answer is complete."""


async def head_as_get(app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
    get_scope = dict(scope)
    get_scope["method"] = "GET"
    done = False

    async def send_headers_only(message: Message) -> None:
        nonlocal done
        if done:
            raise _HeadDone
        if message["type"] == "http.response.start":
            await send(message)
        elif message["type"] == "http.response.body":
            done = True
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            if message.get("more_body", False):
                raise _HeadDone  # a stream: stop producing it
        else:
            await send(message)

    try:
        await app(get_scope, receive, send_headers_only)  # type: ignore[arg-type]
    except _HeadDone:
        return
