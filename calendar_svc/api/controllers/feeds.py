"""iCalendar feeds people subscribe to: everything, one trip, or one host country.

A feed's bytes are a function of the log position and the filter, so they are rendered
once per (position, filter) and kept; the ETag is a hash of exactly those bytes. A
conditional request whose tag (or date) still holds is answered 304 from the cache
without rendering. `as_of` serves the feed as it stood at a past point, for audits.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get
from litestar.datastructures import State
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, QueryParameter

from calendar_svc.api.controllers.schedule import _AS_OF, schedule_at
from calendar_svc.api.etag import matches
from calendar_svc.api.ics import FeedSpec, feed_last_modified, render_calendar
from calendar_svc.api.problems import ProblemError, problem_responses
from calendar_svc.api.readside import ReadSide
from calendar_svc.config import Settings
from calendar_svc.domain.schedule import Schedule
from calendar_svc.ingest.gazetteer import country_codes, country_name

CALENDAR = "text/calendar"  # Litestar adds "; charset=utf-8"
_CACHE_SIZE = 64


class RenderedFeed(msgspec.Struct, frozen=True):
    body: bytes
    etag: str
    last_modified: datetime


class FeedCache:
    """Rendered feeds by (log position, filter); small, since old positions go cold."""

    def __init__(self, size: int = _CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[tuple[Any, ...], RenderedFeed] = OrderedDict()
        self._lock = threading.Lock()
        self.rendering = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> RenderedFeed | None:
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
            return hit

    def put(self, key: tuple[Any, ...], feed: RenderedFeed) -> None:
        with self._lock:
            self._items[key] = feed
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def render(schedule: Schedule, spec: FeedSpec) -> RenderedFeed:
    body = render_calendar(schedule, spec)
    stamp = (
        feed_last_modified(schedule, spec)
        or schedule.recorded_at
        or datetime(1970, 1, 1, tzinfo=UTC)
    )
    return RenderedFeed(
        body=body,
        etag='"' + hashlib.sha256(body).hexdigest()[:40] + '"',
        last_modified=stamp.astimezone(UTC).replace(microsecond=0),
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


_FEED_RESPONSES = {
    304: ResponseSpec(None, description="Not Modified: the feed is unchanged"),
    **problem_responses(400, 404),
}
_AS_OF_PARAM = QueryParameter(
    description="a log position or an ISO 8601 date-time: the feed as it stood then"
)


class FeedsController(Controller):
    tags = ["feeds"]  # noqa: RUF012 - Litestar reads this class attribute

    def _serve(
        self,
        request: Request[Any, Any, Any],
        state: State,
        key: tuple[str, str],
        spec: FeedSpec,
        as_of: int | datetime | None,
        exists: Any = None,
    ) -> Response[bytes]:
        raw = request.query_params.get("as_of")
        if raw is not None and not _AS_OF.fullmatch(raw):
            raise ProblemError(400, f"as_of {raw!r} is neither a log position nor an ISO time")
        readside: ReadSide = state["readside"]
        cache: FeedCache = state["feeds"]
        position = readside.head()
        if isinstance(as_of, int):
            position = max(0, min(as_of, position))
        elif isinstance(as_of, datetime):
            when = as_of if as_of.tzinfo else as_of.replace(tzinfo=UTC)
            position = readside.store.position_at(when)
        cache_key = (position, *key)
        feed = cache.get(cache_key)
        if feed is None:
            # One render per feed at a time: concurrent cold requests wait for it rather
            # than each rendering the same bytes.
            with cache.rendering:
                feed = cache.get(cache_key)
                if feed is None:
                    schedule, _ = schedule_at(readside, position)
                    if exists is not None and not exists(schedule):
                        raise ProblemError(404, f"no {key[0]} {key[1]!r} in the schedule")
                    feed = render(schedule, spec)
                    cache.put(cache_key, feed)
        headers = {
            "ETag": feed.etag,
            "Last-Modified": format_datetime(feed.last_modified, usegmt=True),
            "Cache-Control": "public, max-age=300, must-revalidate",
        }
        if _not_modified(request, feed):
            return Response(b"", status_code=304, headers=headers, media_type=CALENDAR)
        return Response(feed.body, headers=headers, media_type=CALENDAR)

    @get(
        "/calendar.ics",
        sync_to_thread=True,
        media_type=CALENDAR,
        summary="Every trip leg and dated engagement, as an iCalendar feed",
        responses=_FEED_RESPONSES,
    )
    def everything(
        self,
        request: Request[Any, Any, Any],
        state: State,
        as_of: Annotated[int | datetime | None, _AS_OF_PARAM] = None,
    ) -> Response[bytes]:
        settings: Settings = state["settings"]
        spec = FeedSpec(
            name="Diplomatic visits",
            description="Leaders' diplomatic trips, from news reports (calendar-svc)",
            base_url=settings.public_url,
        )
        return self._serve(request, state, ("all", ""), spec, as_of)

    @get(
        "/trips/{trip_id:str}/calendar.ics",
        sync_to_thread=True,
        media_type=CALENDAR,
        summary="One trip's legs and engagements, as an iCalendar feed",
        responses=_FEED_RESPONSES,
    )
    def trip(
        self,
        request: Request[Any, Any, Any],
        state: State,
        trip_id: FromPath[str],
        as_of: Annotated[int | datetime | None, _AS_OF_PARAM] = None,
    ) -> Response[bytes]:
        settings: Settings = state["settings"]
        spec = FeedSpec(
            name=f"Trip {trip_id}",
            description=f"The legs and engagements of trip {trip_id} (calendar-svc)",
            base_url=settings.public_url,
            trip_id=trip_id,
        )
        return self._serve(
            request,
            state,
            ("trip", trip_id),
            spec,
            as_of,
            exists=lambda s: any(t.trip_id == trip_id for t in s.trips),
        )

    @get(
        "/countries/{code:str}/calendar.ics",
        sync_to_thread=True,
        media_type=CALENDAR,
        summary="Legs hosted by a country and engagements held there, as an iCalendar feed",
        responses=_FEED_RESPONSES,
    )
    def country(
        self,
        request: Request[Any, Any, Any],
        state: State,
        code: FromPath[str],
        as_of: Annotated[int | datetime | None, _AS_OF_PARAM] = None,
    ) -> Response[bytes]:
        upper = code.upper()
        if upper not in _known_countries():
            raise ProblemError(404, f"{code!r} is not an ISO 3166-1 alpha-2 country code")
        settings: Settings = state["settings"]
        name = country_name(upper, "en")
        spec = FeedSpec(
            name=f"Diplomatic visits: {name}",
            description=f"Visits hosted by {name} and engagements held there (calendar-svc)",
            base_url=settings.public_url,
            country=upper,
        )
        return self._serve(request, state, ("country", upper), spec, as_of)


_COUNTRIES: frozenset[str] | None = None


def _known_countries() -> frozenset[str]:
    global _COUNTRIES
    if _COUNTRIES is None:
        _COUNTRIES = frozenset(country_codes())
    return _COUNTRIES
