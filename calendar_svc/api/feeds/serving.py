"""Feeds over HTTP: rendered once per (log position, filter), tagged by their bytes.

A feed's bytes are a function of the log position and the filter, so they are rendered
once per (position, filter) and kept, with their response headers; the ETag is a hash of
exactly those bytes. A request costs one read of the log's head and a lookup; a
conditional one whose tag (or date) still holds is answered 304 from the cache without
rendering or touching the body. When the head moves, the new feed is rendered from the
VEVENTs of the trips that did not change, kept rendered in an `EventCache`, so only the
trips the new articles touched are written again. `as_of` serves the feed as it stood at
a past point, for audits.

The rest of the package is pure (a schedule in, bytes out); this is where a request
meets it, for every feed route alike (`controllers.feeds`, a person's feed).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, date, datetime
from email.utils import format_datetime, parsedate_to_datetime
from functools import cache
from typing import Any

import anyio.to_thread
import msgspec
from litestar import Request, Response

from calendar_svc.api.etag import matches, read_head
from calendar_svc.api.feeds.cache import EVENT_CACHE_BYTES, EventCache
from calendar_svc.api.feeds.calendar import feed_last_modified, render_calendar
from calendar_svc.api.feeds.spec import FeedSpec
from calendar_svc.api.observability import count_lookup
from calendar_svc.api.params import as_of_param
from calendar_svc.api.problems import ProblemError
from calendar_svc.config import Settings
from calendar_svc.domain.values import slug
from calendar_svc.domain.views import Schedule
from calendar_svc.reference.countries import codes as country_codes
from calendar_svc.services.readside import ReadSide
from calendar_svc.services.schedule_query import clamp

CALENDAR = "text/calendar"  # Litestar adds "; charset=utf-8"
_CACHE_CONTROL = "public, max-age=300, must-revalidate"


class RenderedFeed(msgspec.Struct, frozen=True):
    body: bytes
    etag: str
    last_modified: datetime
    headers: dict[str, str]  # ETag, Last-Modified, Cache-Control: built once, sent as is


class FeedCache:
    """Rendered feeds by (log position, filter), at most `size` of them and `max_bytes`
    of bodies (least recently used out first; the latest one is always kept), and the
    VEVENTs of each trip (`events`), which the feeds of every position share. Bytes are
    bounded as well as entries: old positions go cold, and a feed of the whole schedule
    weighs megabytes. The bounds are settings (`Settings.feed_cache_*`)."""

    def __init__(self, *, size: int, max_bytes: int, event_bytes: int = EVENT_CACHE_BYTES) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0
        self.events = EventCache(event_bytes)
        self._items: OrderedDict[tuple[Any, ...], RenderedFeed] = OrderedDict()
        self._lock = threading.Lock()
        self.rendering = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: tuple[Any, ...]) -> RenderedFeed | None:
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
        count_lookup("feed", hit is not None)
        return hit

    def put(self, key: tuple[Any, ...], feed: RenderedFeed) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= len(old.body)
            self._items[key] = feed
            self.bytes += len(feed.body)
            while len(self._items) > 1 and (
                len(self._items) > self.size or self.bytes > self.max_bytes
            ):
                _, dropped = self._items.popitem(last=False)
                self.bytes -= len(dropped.body)


def render(schedule: Schedule, spec: FeedSpec, events: EventCache | None = None) -> RenderedFeed:
    """A feed's bytes, with the headers it is always sent with."""
    body = render_calendar(schedule, spec, cache=events)
    stamp = (
        feed_last_modified(schedule, spec, cache=events)
        or schedule.recorded_at
        or datetime(1970, 1, 1, tzinfo=UTC)
    )
    etag = '"' + hashlib.sha256(body).hexdigest()[:40] + '"'
    last_modified = stamp.astimezone(UTC).replace(microsecond=0)
    return RenderedFeed(
        body=body,
        etag=etag,
        last_modified=last_modified,
        headers={
            "ETag": etag,
            "Last-Modified": format_datetime(last_modified, usegmt=True),
            "Cache-Control": _CACHE_CONTROL,
        },
    )


def _not_modified(request: Request[Any, Any, Any], feed: RenderedFeed) -> bool:
    """RFC 9110: If-None-Match wins; If-Modified-Since counts only without it."""
    tags = request.headers.get("if-none-match")
    if tags is not None:
        return matches(tags, feed.etag)
    since = request.headers.get("if-modified-since")
    if since:
        try:
            when = parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return feed.last_modified <= when
    return False


def _rendered(
    readside: ReadSide,
    cache: FeedCache,
    position: int,
    key: tuple[str, ...],
    make_spec: Callable[[Schedule], FeedSpec],
    at_head: bool,
    exists: Callable[[Schedule], bool] | None,
) -> RenderedFeed:
    """The feed at `position`, from the cache or rendered (in a worker thread). One render
    at a time: concurrent cold requests wait for it rather than each rendering the same
    bytes, and find it cached."""

    def rendered(schedule: Schedule) -> RenderedFeed:
        if exists is not None and not exists(schedule):
            raise ProblemError(404, f"no {key[0]} {key[1]!r} in the schedule")
        feed = render(schedule, make_spec(schedule), cache.events)
        # An article appended since `position` was read is in the schedule: the bytes
        # belong to the schedule's position, not the one asked for.
        cache.put((max(position, schedule.position), *key), feed)
        return feed

    with cache.rendering:
        feed = cache.get((position, *key))
        if feed is not None:
            return feed
        if at_head:  # the stored schedule: read again if it moves on meanwhile
            return readside.read(position, rendered)
        return rendered(readside.at(position))


def public_url(request: Request[Any, Any, Any], settings: Settings) -> str:
    """Where the feed's links point: CALENDAR_SVC_PUBLIC_URL when set, else the scheme,
    address and port this server answered the request on (the ASGI ``server``: the
    socket's, not the Host header a client writes), without a default port."""
    if settings.public_url:
        return settings.public_url
    scheme = "https" if request.scope.get("scheme") == "https" else "http"
    server = request.scope.get("server")
    if not server:
        return f"{scheme}://localhost"
    host, port = str(server[0]), server[1]
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    if port is None or (scheme, int(port)) in (("http", 80), ("https", 443)):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{int(port)}"


async def serve_feed(
    request: Request[Any, Any, Any],
    readside: ReadSide,
    cache: FeedCache,
    key: tuple[str, ...],
    make_spec: Callable[[Schedule], FeedSpec],
    as_of: int | datetime | None,
    exists: Callable[[Schedule], bool] | None = None,
) -> Response[bytes]:
    """A feed at the head or `as_of`, from the cache or rendered; 304 when the client's
    copy still holds. `key` names the feed among those of one log position: every
    parameter that changes its bytes is in it. A feed already rendered for the log
    position is answered on the event loop (one read of the head, a lookup); only
    rendering one, or resolving an `as_of` time, takes a worker thread."""
    as_of = as_of_param(request.query_params.get("as_of"), as_of)
    position = await read_head(readside.store)
    if isinstance(as_of, int):
        position = clamp(as_of, position)
    elif isinstance(as_of, datetime):
        position = await anyio.to_thread.run_sync(readside.store.position_at, as_of)
    feed = cache.get((position, *key))
    if feed is None:
        feed = await anyio.to_thread.run_sync(
            _rendered, readside, cache, position, key, make_spec, as_of is None, exists
        )
    if _not_modified(request, feed):
        return Response(b"", status_code=304, headers=feed.headers, media_type=CALENDAR)
    return Response(feed.body, headers=feed.headers, media_type=CALENDAR)


def feed_filters(
    principal: str | None,
    country: str | None,
    date_from: date | None,
    date_to: date | None,
    lang: str = "en",
) -> dict[str, Any]:
    """The JSON lists' filters, as a feed applies them (`principal` as `/trips` reads it),
    and the feed's language: every `FeedSpec` field a query sets, so all of them are in
    the feed's cache key."""
    return {
        "principal": slug(principal) if principal else None,
        "country": country.upper() if country else None,
        "date_from": date_from,
        "date_to": date_to,
        "lang": lang,
    }


@cache
def known_countries() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes a country's feed may name (CLDR's, read on first use)."""
    return frozenset(country_codes())
