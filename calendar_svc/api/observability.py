"""What an operator sees: Prometheus metrics, a request id on every log line and problem,
and JSON log lines a log shipper can parse without regular expressions.

Request counts and latencies come from Litestar's Prometheus plugin; the service's own
figures (log position, projection lag, ingestion outcomes and durations, cache hits) are
defined here, once per process, because prometheus_client's registry is global.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime
from typing import Any

from litestar import Response, get
from litestar.datastructures import CacheControlHeader
from litestar.di import NamedDependency
from litestar.enums import ScopeType
from litestar.plugins.prometheus import PrometheusConfig, PrometheusController
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Gauge, Histogram
from prometheus_client import generate_latest as _generate_latest

from calendar_svc.services.readside import ReadSide

log = logging.getLogger("calendar_svc.api")

#: The metrics' common prefix (`calendar_svc_requests_total`, ...).
PREFIX = "calendar_svc"

LOG_POSITION = Gauge(f"{PREFIX}_log_position", "The log's last position, read at scrape time")
PROJECTION_LAG = Gauge(
    f"{PREFIX}_projection_lag_events",
    "Events appended to the log but not yet folded into the stored schedule",
)
INGESTIONS = Counter(
    f"{PREFIX}_ingestions_total",
    "Article submissions by outcome (appended, known, rejected, unavailable, error)",
    ["outcome"],
)
INGEST_SECONDS = Histogram(
    f"{PREFIX}_ingestion_seconds",
    "Wall time of one article submission, reading and appending",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
CACHE_LOOKUPS = Counter(
    f"{PREFIX}_cache_lookups_total",
    "Lookups in the answer and feed caches, by cache and result (hit, miss)",
    ["cache", "result"],
)


def count_lookup(cache: str, hit: bool) -> None:
    """One lookup in a cache, so the hit ratio can be watched."""
    CACHE_LOOKUPS.labels(cache=cache, result="hit" if hit else "miss").inc()


PROMETHEUS = PrometheusConfig(
    app_name="calendar-svc",
    prefix=PREFIX,
    # Route templates, not paths: one series per route, not one per trip id.
    group_path=True,
    # Neither the scrape itself nor the pages' static files are worth a series.
    exclude=["^/metrics", "^/static"],
)


class MetricsController(PrometheusController):
    """`/metrics`: the plugin's exposition, with the log's gauges read at scrape time
    (a gauge set only on writes would be stale in every other process)."""

    path = "/metrics"

    @get(
        include_in_schema=False,
        sync_to_thread=True,
        cache_control=CacheControlHeader(no_store=True),
    )
    def get(self, readside: NamedDependency[ReadSide]) -> Response[bytes]:
        try:
            head = readside.head()
            checkpoint = readside.projection.checkpoint()
        except Exception:  # the scrape still answers; health says why the log is unreadable
            log.warning("metrics: the log could not be read", exc_info=True)
        else:
            LOG_POSITION.set(head)
            PROJECTION_LAG.set(max(0, head - checkpoint))
        return Response(_generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST, status_code=200)


# -- request ids -------------------------------------------------------------------

#: The request being served (None outside a request): read by the log formatter and
#: the problem documents.
REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "calendar_svc_request_id", default=None
)
REQUEST_ID_HEADER = "X-Request-ID"
_HEADER_KEY = REQUEST_ID_HEADER.lower().encode()  # as ASGI headers spell it
#: An incoming id is kept only if it is short and plain: it goes into logs and headers.
_SANE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@/+=-]{0,127}")
_STATE_KEY = "calendar_svc.request_id"


def request_id_of(scope: Scope) -> str | None:
    value = scope.get("state", {}).get(_STATE_KEY)
    return value if isinstance(value, str) else REQUEST_ID.get()


def _incoming(scope: Scope) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == _HEADER_KEY:
            text = value.decode("latin-1").strip()
            return text if _SANE_ID.fullmatch(text) else None
    return None


class RequestIdMiddleware:
    """Gives every HTTP request an id (the client's X-Request-ID when sane, else a new
    one), answers with it, and holds it in a context variable for the logs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        request_id = _incoming(scope) or uuid.uuid4().hex
        scope.setdefault("state", {})[_STATE_KEY] = request_id
        token = REQUEST_ID.set(request_id)
        header = (_HEADER_KEY, request_id.encode())

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), header]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            REQUEST_ID.reset(token)


# -- JSON logs -----------------------------------------------------------------------


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, the request id when there is
    one, and the traceback as a string (never several lines a shipper would split)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None) or REQUEST_ID.get()
        if request_id:
            entry["request_id"] = request_id
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def log_config(level: str = "info") -> dict[str, Any]:
    """uvicorn's `log_config`: its loggers and ours write JSON lines to stderr."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    loggers = ("calendar_svc", "uvicorn", "uvicorn.error", "uvicorn.access", "litestar")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonFormatter"}},
        "handlers": {"json": handler},
        "loggers": {
            name: {"handlers": ["json"], "level": level.upper(), "propagate": False}
            for name in loggers
        },
    }


__all__ = [
    "INGESTIONS",
    "INGEST_SECONDS",
    "PROMETHEUS",
    "REQUEST_ID",
    "JsonFormatter",
    "MetricsController",
    "RequestIdMiddleware",
    "count_lookup",
    "log_config",
    "request_id_of",
]
