"""The Litestar application factory: one place that wires settings, store and controllers."""

from __future__ import annotations

import functools
import gc
import logging
import sqlite3
import threading
from pathlib import Path

import psycopg
from litestar import Litestar
from litestar.config.compression import CompressionConfig
from litestar.config.cors import CORSConfig
from litestar.datastructures import State
from litestar.enums import ScopeType
from litestar.exceptions import HTTPException
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.openapi.spec import Components, Contact, License, SecurityScheme, Tag
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig
from litestar.types import (
    LifeSpanReceive,
    LifeSpanScope,
    LifeSpanSend,
    Message,
    Receive,
    Scope,
    Send,
)
from sqlalchemy.exc import SQLAlchemyError

from calendar_svc import __version__
from calendar_svc.api.contract import ContractSchemaPlugin, operation_id
from calendar_svc.api.controllers.articles import ArticlesController
from calendar_svc.api.controllers.diff import DiffController
from calendar_svc.api.controllers.events import EventsController
from calendar_svc.api.controllers.feeds import FeedCache, FeedsController
from calendar_svc.api.controllers.health import HealthController
from calendar_svc.api.controllers.log import LogController
from calendar_svc.api.controllers.people import PeopleController
from calendar_svc.api.controllers.schedule import ScheduleController
from calendar_svc.api.controllers.trips import TripsController
from calendar_svc.api.etag import EncodedETagMiddleware, ETagMiddleware
from calendar_svc.api.head import head_as_get
from calendar_svc.api.observability import PROMETHEUS, MetricsController, RequestIdMiddleware
from calendar_svc.api.pages.controller import PagesController
from calendar_svc.api.pages.language import PageLanguageMiddleware
from calendar_svc.api.pages.negotiate import BrowserRedirectMiddleware
from calendar_svc.api.pages.schema import ReferenceRenderPlugin
from calendar_svc.api.pages.static import STATIC_DIR, STATIC_PATH, DropFileETag
from calendar_svc.api.problems import (
    database_error_handler,
    http_exception_handler,
    internal_error_handler,
)
from calendar_svc.api.query import refuse_unknown_query
from calendar_svc.api.readside import ReadSide
from calendar_svc.config import Settings, load_settings
from calendar_svc.projections.replay import gc_paused
from calendar_svc.services.ingestion import TripIndex
from calendar_svc.store import EventStore, StoreError, open_store
from calendar_svc.store.notify import open_notifier

log = logging.getLogger("calendar_svc.api")

#: The most an article submission's JSON may weigh (413 above it). The text itself is
#: limited to 1 MiB once decoded; JSON may escape a character in up to 6 bytes
#: ("\u0001"), so the envelope may be six times that, plus the other fields.
MAX_BODY_BYTES = 6 * 1024 * 1024 + 4096

_HERE = Path(__file__).resolve().parent
#: The pages' templates, shipped inside the package (their stylesheet: `pages.static`).
TEMPLATES = _HERE / "templates"


class CalendarApp(Litestar):
    """Litestar, answering HEAD on every GET route (see `head.py`)."""

    async def __call__(
        self,
        scope: Scope | LifeSpanScope,
        receive: Receive | LifeSpanReceive,
        send: Send | LifeSpanSend,
    ) -> None:
        if scope["type"] == ScopeType.HTTP:
            # Outside Litestar's middleware, so that even a 404 for no route has an id.
            await self._request_ids(scope, receive, send)  # type: ignore[arg-type]
            return
        await self._dispatch(scope, receive, send)

    async def _dispatch(
        self,
        scope: Scope | LifeSpanScope,
        receive: Receive | LifeSpanReceive,
        send: Send | LifeSpanSend,
    ) -> None:
        if scope["type"] == ScopeType.HTTP and scope.get("method") == "HEAD":
            await head_as_get(super().__call__, scope, receive, send)  # type: ignore[arg-type]
            return
        if scope["type"] == ScopeType.HTTP and scope.get("method") == "OPTIONS":
            await super().__call__(scope, receive, self._with_allow(scope, send))  # type: ignore[arg-type]
            return
        await super().__call__(scope, receive, send)

    @functools.cached_property
    def _request_ids(self) -> RequestIdMiddleware:
        return RequestIdMiddleware(self._dispatch)

    def _with_allow(self, scope: Scope, send: Send) -> Send:
        """Litestar 2.25's OPTIONS answer lists the methods of only one handler when a path
        has several (GET and POST on /articles): list every method the path routes."""
        path = scope.get("path", "")

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 204:
                allowed = ["OPTIONS"]
                for method in ("DELETE", "GET", "PATCH", "POST", "PUT"):
                    try:
                        self.asgi_router.handle_routing(path, method)
                    except HTTPException:
                        continue
                    allowed.append(method)
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"allow"]
                headers.append((b"allow", ", ".join(sorted(allowed)).encode()))
                message["headers"] = headers
            await send(message)

        return sending


def _warm(index: TripIndex, readside: ReadSide) -> None:
    """Fold the trips for ingestion before the first article arrives (from the stored
    snapshot, then the tail), store the snapshot for the next process, and rebuild the
    stored schedule if other rules folded it. Best effort: a failure here only means the
    first request does the work (and reports errors)."""
    # Everything loaded here lives on (states, views): collecting cycles meanwhile would
    # rescan a growing heap for nothing, and took most of the start on a large log.
    with gc_paused():
        try:
            index.catch_up()  # from the stored snapshot, if one is usable: the tail only
        except Exception:  # logged: the request path folds it again and reports errors
            log.warning(
                "warming the trip index failed; the first article will fold it", exc_info=True
            )
        else:
            try:  # the next process starts from here (only trips changed since are written)
                index.save_snapshot()
            except Exception:  # a cache: the next start folds a longer tail
                log.warning("storing the trip index snapshot failed", exc_info=True)
        try:
            if readside.projection.stale():
                log.info("the stored schedule was folded by other rules: rebuilding it")
            readside.current()
        except Exception:
            log.warning(
                "loading the schedule at startup failed; the first read will", exc_info=True
            )
        # What was just loaded lives as long as the process: moved out of the collector's
        # generations, the first collection after the pause does not rescan it (1.2 s on
        # a 1M-event log). Refcounting still frees what a later head replaces.
        gc.freeze()


def compression_config() -> CompressionConfig:
    """Brotli for clients that take it, gzip for the rest (a 31 kB feed is 4.5 kB). The
    live tail is left alone: a compressor would hold its events back in its buffer."""
    return CompressionConfig(
        backend="brotli",
        brotli_gzip_fallback=True,
        minimum_size=500,
        exclude=["^/events/stream"],
    )


def cors_config(settings: Settings) -> CORSConfig | None:
    """Browsers on the configured origins may read the GET routes and feeds; writes stay
    same-origin (they need a token no page should hold)."""
    if not settings.cors_origins:
        return None
    return CORSConfig(
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["If-None-Match", "X-Request-ID"],
        expose_headers=["ETag", "Link", "Location", "X-Request-ID", "Retry-After"],
        max_age=3600,
    )


def create_app(settings: Settings | None = None, store: EventStore | None = None) -> Litestar:
    settings = settings or load_settings()
    owned = store is None
    the_store = store or open_store(settings.database_url, settings.timeouts())
    trips = TripIndex(the_store)
    #: Set when the server is asked to stop: a running ingestion gives up (nothing written).
    shutdown = threading.Event()

    readside = ReadSide(the_store)
    # Wakes SSE followers and drops stale cached answers when the log grows (LISTEN on
    # PostgreSQL, one shared head poll on SQLite), instead of each follower polling.
    notifier = open_notifier(the_store, fallback_seconds=settings.notify_fallback_seconds)
    notifier.subscribe(readside.on_append)

    warming: list[threading.Thread] = []

    def _start() -> None:
        shutdown.clear()  # started again after a stop (one lifespan per test client): read again
        thread = threading.Thread(target=_warm, args=(trips, readside), name="warm-up", daemon=True)
        warming.append(thread)
        thread.start()
        notifier.start()

    def _close() -> None:
        shutdown.set()
        notifier.stop()
        for thread in warming:  # it holds a connection while it works: let it give it back
            thread.join(timeout=the_store.timeouts.statement_seconds + 5)
        if owned:
            the_store.close()

    return CalendarApp(
        route_handlers=[
            TripsController,
            ScheduleController,
            EventsController,
            ArticlesController,
            HealthController,
            FeedsController,
            LogController,
            DiffController,
            PeopleController,
            PagesController,
            MetricsController,
            create_static_files_router(
                path=STATIC_PATH,
                directories=[STATIC_DIR],
                include_in_schema=False,
                middleware=[DefineMiddleware(DropFileETag)],
            ),
        ],
        state=State(
            {
                "settings": settings,
                "store": the_store,
                "readside": readside,
                "feeds": FeedCache(),
                "trips": trips,  # what ingestion matches articles against
                "shutdown": shutdown,
                "notifier": notifier,
            }
        ),
        # Outermost first (the request id is set before, in CalendarApp): the metrics time
        # the whole answer; a page's language is settled before its ETag is computed.
        middleware=[
            PROMETHEUS.middleware,
            DefineMiddleware(EncodedETagMiddleware),
            DefineMiddleware(BrowserRedirectMiddleware),
            DefineMiddleware(PageLanguageMiddleware),
            DefineMiddleware(ETagMiddleware),
        ],
        template_config=TemplateConfig(directory=TEMPLATES, engine=JinjaTemplateEngine),
        guards=[refuse_unknown_query],
        exception_handlers={
            HTTPException: http_exception_handler,
            SQLAlchemyError: database_error_handler,
            StoreError: database_error_handler,
            # The drivers' own errors, should any escape unwrapped: the database's state.
            sqlite3.Error: database_error_handler,
            psycopg.Error: database_error_handler,
            Exception: internal_error_handler,
        },
        request_max_body_size=MAX_BODY_BYTES,
        compression_config=compression_config(),
        cors_config=cors_config(settings),
        on_startup=[_start],
        on_shutdown=[_close],
        plugins=[ContractSchemaPlugin()],
        openapi_config=OpenAPIConfig(
            title="calendar-svc",
            version=__version__,
            description="Event-sourced diplomatic calendar: the schedule, the log, the feeds. "
            "Errors are RFC 9457 problem details (application/problem+json). "
            "Every GET answers with an ETag; send it back as If-None-Match for a 304.",
            license=License(name="MIT", identifier="MIT"),
            contact=Contact(name="calendar-svc maintainers"),
            operation_id_creator=operation_id,
            # Reads are public (an empty requirement); writes say `bearer` on their route.
            security=[{}],
            tags=[
                Tag(name="trips", description="Trips and their legs, as the schedule shows them"),
                Tag(name="schedule", description="Legs and engagements in date order"),
                Tag(name="people", description="The leaders who travel, host and meet"),
                Tag(name="articles", description="The news articles the facts come from"),
                Tag(name="log", description="The append-only event log, its diff and checkpoint"),
                Tag(name="feeds", description="iCalendar (RFC 5545) feeds"),
                Tag(name="health", description="Whether the log can be read and written"),
            ],
            # Rendered on the server: the JavaScript UIs load from a CDN, blank offline.
            render_plugins=[JsonRenderPlugin(), ReferenceRenderPlugin(TEMPLATES)],
            components=Components(
                security_schemes={
                    "bearer": SecurityScheme(
                        type="http", scheme="bearer", description="CALENDAR_SVC_API_TOKEN"
                    )
                }
            ),
        ),
        debug=False,
    )
