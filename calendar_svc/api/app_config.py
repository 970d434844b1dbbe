"""The pieces of Litestar configuration `create_app` assembles: routes, middleware,
error handlers, compression, CORS, templates, plugins and the OpenAPI document.

Each is built by one function, so the factory reads as a list of what the app is made
of, and the OpenAPI text (titles, tags, security) is kept apart from the wiring.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import psycopg
from litestar.config.compression import CompressionConfig
from litestar.config.cors import CORSConfig
from litestar.exceptions import HTTPException
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.openapi.spec import Components, Contact, License, SecurityScheme, Tag
from litestar.plugins import PluginProtocol
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig
from litestar.types import ControllerRouterHandler, ExceptionHandlersMap, Middleware
from sqlalchemy.exc import SQLAlchemyError

from calendar_svc import __version__
from calendar_svc.api.contract import ContractSchemaPlugin, operation_id
from calendar_svc.api.controllers.articles import ArticlesController
from calendar_svc.api.controllers.diff import DiffController
from calendar_svc.api.controllers.events import EventsController
from calendar_svc.api.controllers.feeds import FeedsController
from calendar_svc.api.controllers.health import HealthController
from calendar_svc.api.controllers.log import LogController
from calendar_svc.api.controllers.people import PeopleController
from calendar_svc.api.controllers.schedule import ScheduleController
from calendar_svc.api.controllers.trips import TripsController
from calendar_svc.api.etag import EncodedETagMiddleware, ETagMiddleware
from calendar_svc.api.observability import PROMETHEUS, REQUEST_ID_HEADER, MetricsController
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
from calendar_svc.config import Settings
from calendar_svc.projections.stored import ScheduleMoved
from calendar_svc.store import StoreError

#: The most an article submission's JSON may weigh (413 above it). The text itself is
#: limited to 1 MiB once decoded; JSON may escape a character in up to 6 bytes
#: ("\u0001"), so the envelope may be six times that, plus the other fields.
MAX_BODY_BYTES = 6 * 1024 * 1024 + 4096

_HERE = Path(__file__).resolve().parent
#: The pages' templates, shipped inside the package (their stylesheet: `pages.static`).
TEMPLATES = _HERE / "templates"


def route_handlers() -> list[ControllerRouterHandler]:
    return [
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
    ]


def middleware() -> list[Middleware]:
    """Outermost first (the request id is set before, in `CalendarApp`): the metrics time
    the whole answer; a page's language is settled before its ETag is computed."""
    return [
        PROMETHEUS.middleware,
        DefineMiddleware(EncodedETagMiddleware),
        DefineMiddleware(BrowserRedirectMiddleware),
        DefineMiddleware(PageLanguageMiddleware),
        DefineMiddleware(ETagMiddleware),
    ]


def exception_handlers() -> ExceptionHandlersMap:
    """Every error as a problem document: the database's state as a 503, the rest a 500."""
    return {
        HTTPException: http_exception_handler,
        SQLAlchemyError: database_error_handler,
        StoreError: database_error_handler,
        # The stored schedule moved on under a page being built (a reader not started
        # again from the newer one): the database's state, worth a retry.
        ScheduleMoved: database_error_handler,
        # The drivers' own errors, should any escape unwrapped: the database's state.
        sqlite3.Error: database_error_handler,
        psycopg.Error: database_error_handler,
        Exception: internal_error_handler,
    }


def template_config() -> TemplateConfig[Any]:
    return TemplateConfig(directory=TEMPLATES, engine=JinjaTemplateEngine)


def plugins() -> list[PluginProtocol]:
    return [ContractSchemaPlugin()]


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
        allow_headers=["If-None-Match", REQUEST_ID_HEADER],
        expose_headers=["ETag", "Link", "Location", REQUEST_ID_HEADER, "Retry-After"],
        max_age=3600,
    )


_TAGS = [
    Tag(name="trips", description="Trips and their legs, as the schedule shows them"),
    Tag(name="schedule", description="Legs and engagements in date order"),
    Tag(name="people", description="The leaders who travel, host and meet"),
    Tag(name="articles", description="The news articles the facts come from"),
    Tag(name="log", description="The append-only event log, its diff and checkpoint"),
    Tag(name="feeds", description="iCalendar (RFC 5545) feeds"),
    Tag(name="health", description="Whether the log can be read and written"),
]


def openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
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
        tags=_TAGS,
        # Rendered on the server: the JavaScript UIs load from a CDN, blank offline.
        render_plugins=[JsonRenderPlugin(), ReferenceRenderPlugin(TEMPLATES)],
        components=Components(
            security_schemes={
                "bearer": SecurityScheme(
                    type="http", scheme="bearer", description="CALENDAR_SVC_API_TOKEN"
                )
            }
        ),
    )
