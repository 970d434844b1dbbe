"""Settings from the environment, so the same code runs embedded or against PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from calendar_svc.store.timeouts import Timeouts

#: The source checkout (tests and tools read seeds/ and docs/ there); in an installed wheel
#: this is site-packages, so nothing the service writes or migrates is found through it.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DB_FILE_NAME = "calendar.sqlite3"


class Settings(msgspec.Struct, frozen=True):
    database_url: str
    api_token: str | None = None
    #: Where subscribers reach the service (CALENDAR_SVC_PUBLIC_URL); feeds link to items
    #: there. None: the address and port the server answers on (never a request's Host
    #: header, which a client chooses: the feed's bytes are cached and shared).
    public_url: str | None = None
    #: Path of the Ed25519 private key that signs log checkpoints (`GET /log/checkpoint`);
    #: None: no checkpoints are served.
    checkpoint_key: str | None = None
    #: Bounded faults: connecting and waiting for a lock (CALENDAR_SVC_DB_LOCK_TIMEOUT), one
    #: statement (CALENDAR_SVC_DB_STATEMENT_TIMEOUT), queueing behind other submissions
    #: (CALENDAR_SVC_INGEST_QUEUE_TIMEOUT), in seconds. Past them: a 503 with Retry-After.
    db_lock_timeout: float = 5.0
    db_statement_timeout: float = 15.0
    ingest_queue_timeout: float = 30.0
    #: CPU seconds one article may take to read (CALENDAR_SVC_INGEST_CPU_SECONDS): 422 past it.
    ingest_cpu_seconds: float = 10.0
    #: How often an API process reads the log's head even without a notification
    #: (CALENDAR_SVC_NOTIFY_FALLBACK_SECONDS): the safety net for a lost NOTIFY.
    notify_fallback_seconds: float = 30.0
    #: Origins a browser may read the GET routes and feeds from (CALENDAR_SVC_CORS_ORIGINS,
    #: comma-separated, `*` for any); empty: no CORS headers, same-origin only.
    cors_origins: tuple[str, ...] = ()
    #: Events the stored schedule may lag the log before /health/ready answers 503
    #: (CALENDAR_SVC_READY_MAX_LAG): a replica that far behind should get no traffic.
    ready_max_lag: int = 1000
    #: How often an SQLite process reads the log's head for news
    #: (CALENDAR_SVC_NOTIFY_POLL_SECONDS); PostgreSQL is told by NOTIFY instead.
    notify_poll_seconds: float = 0.2
    #: Seconds of silence before an SSE follower gets a keep-alive comment
    #: (CALENDAR_SVC_SSE_KEEPALIVE_SECONDS): proxies close idle streams.
    sse_keepalive_seconds: float = 15.0
    #: Rendered feeds kept per process (CALENDAR_SVC_FEED_CACHE_ENTRIES) and their bytes
    #: (CALENDAR_SVC_FEED_CACHE_MB): a whole-schedule feed weighs megabytes.
    feed_cache_entries: int = 64
    feed_cache_mb: int = 256
    #: Rendered VEVENTs kept, shared by the feeds of every position
    #: (CALENDAR_SVC_EVENT_CACHE_MB).
    event_cache_mb: int = 96
    #: Past schedules (`as_of`) kept replayed (CALENDAR_SVC_REPLAY_CACHE_ENTRIES) and JSON
    #: answers kept per (position, request) (CALENDAR_SVC_ANSWER_CACHE_ENTRIES).
    replay_cache_entries: int = 16
    answer_cache_entries: int = 256

    def timeouts(self) -> Timeouts:
        return Timeouts(
            lock_seconds=self.db_lock_timeout,
            statement_seconds=self.db_statement_timeout,
            queue_seconds=self.ingest_queue_timeout,
        )


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where the embedded database lives: CALENDAR_SVC_DATA_DIR, else `var/` under the
    working directory, never the install location (site-packages is no place for data)."""
    source = os.environ if env is None else env
    configured = source.get("CALENDAR_SVC_DATA_DIR")
    return Path(configured).expanduser().resolve() if configured else Path.cwd() / "var"


def default_database_url(env: Mapping[str, str] | None = None) -> str:
    return f"sqlite:///{data_dir(env) / DB_FILE_NAME}"


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read `CALENDAR_SVC_*` variables; an unset URL means the embedded SQLite file."""
    source = os.environ if env is None else env
    url = source.get("CALENDAR_SVC_DATABASE_URL") or default_database_url(source)
    token = source.get("CALENDAR_SVC_API_TOKEN") or None
    public = (source.get("CALENDAR_SVC_PUBLIC_URL") or "").rstrip("/") or None
    key = source.get("CALENDAR_SVC_CHECKPOINT_KEY") or None
    defaults = {f.name: f.default for f in msgspec.structs.fields(Settings)}
    # Typed by `Settings` itself when it is built (msgspec checks nothing here).
    knobs: dict[str, Any] = {
        field: _seconds(source, f"CALENDAR_SVC_{field.upper()}", defaults[field])
        for field in (
            "db_lock_timeout",
            "db_statement_timeout",
            "ingest_queue_timeout",
            "ingest_cpu_seconds",
            "notify_fallback_seconds",
            "notify_poll_seconds",
            "sse_keepalive_seconds",
        )
    }
    knobs |= {
        field: _count(source, f"CALENDAR_SVC_{field.upper()}", defaults[field])
        for field in (
            "ready_max_lag",
            "feed_cache_entries",
            "feed_cache_mb",
            "event_cache_mb",
            "replay_cache_entries",
            "answer_cache_entries",
        )
    }
    origins = tuple(
        o.strip().rstrip("/") for o in source.get("CALENDAR_SVC_CORS_ORIGINS", "").split(",")
    )
    return Settings(
        database_url=url,
        api_token=token,
        public_url=public,
        checkpoint_key=key,
        cors_origins=tuple(o for o in origins if o),
        **knobs,
    )


class SettingsError(ValueError):
    """A CALENDAR_SVC_* variable that cannot be used."""


def _seconds(source: Mapping[str, str], name: str, default: float) -> float:
    raw = source.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a number of seconds") from None
    if not 0 < value <= 3600:
        raise SettingsError(f"{name}={raw!r}: give a number of seconds between 0 and 3600")
    return value


def _count(source: Mapping[str, str], name: str, default: int) -> int:
    raw = source.get(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a whole number") from None
    if value < 0:
        raise SettingsError(f"{name}={raw!r}: give a whole number, 0 or more")
    return value
