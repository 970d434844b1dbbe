"""ETags for GET: a JSON resource is a function of the log position and the request, so
its tag is known before any work is done, and If-None-Match is answered with 304 from a
single index lookup. Feeds (`.ics`) tag their exact bytes themselves and are skipped here.

The position read here is left in the request's scope state (`request_head`), so the
handler answers from the very position the tag names and does not read it again.
"""

from __future__ import annotations

import hashlib

import anyio.to_thread
from litestar.enums import ScopeType
from litestar.types import (
    ASGIApp,
    HTTPResponseBodyEvent,
    HTTPResponseStartEvent,
    Message,
    Receive,
    Scope,
    Send,
)

from calendar_svc.api.params import pinned_position
from calendar_svc.store import EventStore

_SKIP_SUFFIXES = (".ics",)
_HEAD_KEY = "calendar_svc.head"
#: Not tagged: the docs, the live tail, and health (which must answer, and truthfully,
#: whatever state the database is in).
_SKIP_PREFIXES = ("/schema", "/events/stream", "/health")


def json_etag(position: int, path: str, query: bytes) -> str:
    digest = hashlib.sha256(path.encode() + b"?" + query).hexdigest()[:20]
    return f'"p{position}-{digest}"'


#: A historical answer (`as_of` a position the log has reached) never changes: caches
#: may keep it a year without asking again.
IMMUTABLE = b"public, max-age=31536000, immutable"


def historical_etag(as_of: int, path: str, query: bytes) -> str:
    """The tag of an answer at a past position: independent of the head, so it stays
    valid while the log grows."""
    digest = hashlib.sha256(path.encode() + b"?" + query).hexdigest()[:20]
    return f'"a{as_of}-{digest}"'


def matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 weak comparison, as If-None-Match requires."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    bare = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == bare for tag in if_none_match.split(","))


def request_head(scope: Scope) -> int | None:
    """The log position the middleware tagged this request with, if it did."""
    value = scope.get("state", {}).get(_HEAD_KEY)
    return value if isinstance(value, int) else None


async def read_head(store: EventStore) -> int:
    """The log's last position. On SQLite it is a local B-tree lookup of microseconds, so
    it runs on the event loop; a PostgreSQL round trip goes to a worker thread."""
    if store.dialect_name == "sqlite":
        return store.last_position()
    return await anyio.to_thread.run_sync(store.last_position)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


class ETagMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if (
            scope["type"] != ScopeType.HTTP
            or scope.get("method") not in ("GET", "HEAD")
            or path.endswith(_SKIP_SUFFIXES)
            or path.startswith(_SKIP_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        store: EventStore = scope["app"].state["store"]
        position = await read_head(store)
        scope.setdefault("state", {})[_HEAD_KEY] = position
        query = scope.get("query_string", b"")
        canonical = "&".join(sorted(query.decode().split("&"))).encode()
        as_of = pinned_position(query)
        if as_of is not None and as_of <= position:
            etag = historical_etag(as_of, path, canonical)
            headers = [(b"etag", etag.encode()), (b"cache-control", IMMUTABLE)]
        else:
            etag = json_etag(position, path, canonical)
            headers = [(b"etag", etag.encode()), (b"cache-control", b"no-cache")]
        if matches(_header(scope, b"if-none-match"), etag):
            start: HTTPResponseStartEvent = {
                "type": "http.response.start",
                "status": 304,
                "headers": headers,
            }
            body: HTTPResponseBodyEvent = {
                "type": "http.response.body",
                "body": b"",
                "more_body": False,
            }
            await send(start)
            await send(body)
            return

        async def send_with_etag(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                message["headers"] = [*message.get("headers", []), *headers]
            await send(message)

        await self.app(scope, receive, send_with_etag)


def _holds_weak(scope: Scope, headers: list[tuple[bytes, bytes]]) -> bool:
    """Whether If-None-Match named this answer's tag in its weak form."""
    sent = _header(scope, b"if-none-match") or ""
    tags = {t.strip() for t in sent.split(",")}
    return any(k.lower() == b"etag" and "W/" + v.decode("latin-1") in tags for k, v in headers)


class EncodedETagMiddleware:
    """A compressed body is another representation: RFC 9110 §8.8.3 wants its strong tag
    to differ, so a compressed answer's tag is sent weak (If-None-Match compares weakly,
    so revalidation still gets 304), and every GET answer says it varies by encoding."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP or scope.get("method") not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in (200, 304):
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                # A 304 carries no body to encode: it names the tag the client holds.
                if b"content-encoding" in names or (
                    message["status"] == 304 and _holds_weak(scope, headers)
                ):
                    headers = [
                        (k, b"W/" + v if k.lower() == b"etag" and not v.startswith(b"W/") else v)
                        for k, v in headers
                    ]
                if not any(
                    k.lower() == b"vary" and b"accept-encoding" in v.lower() for k, v in headers
                ):
                    headers.append((b"vary", b"Accept-Encoding"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, sending)


__all__ = [
    "ETagMiddleware",
    "EncodedETagMiddleware",
    "historical_etag",
    "json_etag",
    "matches",
    "read_head",
    "request_head",
]
