"""A browser that opens a resource's JSON address is sent to its page.

Feeds and older links point at `/trips/{id}` and `/articles/{id}`, which answer JSON. A
browser asks for HTML first (`Accept: text/html,...`), so such a request is redirected
(303) to the resource's page under `/ui/`; API clients, which ask for JSON or anything
(`*/*`), get the JSON as before. The page's address is the one place a page lives;
this only routes people to it.
"""

from __future__ import annotations

import re

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Receive, Scope, Send

_PAGES = re.compile(r"^/(trips|articles)/([^/]+)$")


def _quality(accept: str, wanted: str) -> float:
    """The q-value `accept` gives `wanted` (most specific range wins), 0 if none."""
    kind = wanted.split("/")[0]
    best: tuple[int, float] = (-1, 0.0)
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        media = media.lower()
        rank = 2 if media == wanted else 1 if media == f"{kind}/*" else 0 if media == "*/*" else -1
        if rank < 0:
            continue
        q = 1.0
        for param in params:
            name, _eq, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if rank > best[0]:
            best = (rank, q)
    return best[1]


def prefers_html(accept: str | None) -> bool:
    if not accept:
        return False
    return _quality(accept, "text/html") > _quality(accept, "application/json")


class BrowserRedirectMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        match = _PAGES.match(scope.get("path", "")) if scope["type"] == ScopeType.HTTP else None
        if match is None or scope.get("method") not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        accept = next(
            (v.decode("latin-1") for k, v in scope.get("headers", []) if k.lower() == b"accept"),
            None,
        )
        if not prefers_html(accept):
            await self.app(scope, receive, send)
            return
        query: bytes = scope.get("query_string", b"")
        location = f"/ui/{match.group(1)}/{match.group(2)}".encode("latin-1")
        if query:
            location += b"?" + query
        await send(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [
                    (b"location", location),
                    (b"vary", b"Accept"),
                    (b"content-length", b"0"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b"", "more_body": False})
