"""Faults of the database and crafted requests: a problem every time, never a 500 or a hang.

Database faults are real: another connection holding SQLite's write lock, a read-only
open, a full database (SQLite's own SQLITE_FULL, through max_page_count), a PostgreSQL
port nobody listens on, and a private PostgreSQL server stopped and frozen (SIGSTOP) by
the test, then brought back to show the service recovers by itself.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import time
from typing import Any

import psycopg
import pytest
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import event

from calendar_svc.api.app import create_app
from calendar_svc.config import PROJECT_ROOT, Settings
from calendar_svc.store import EventStore, open_store
from tests.api.conftest import AUTH, TOKEN

SEED = (PROJECT_ROOT / "seeds" / "000_57b3f3c8cf65e46b.txt").read_text("utf-8")
OTHER = (PROJECT_ROOT / "seeds" / "001_3d62b89a6f202912.txt").read_text("utf-8")
#: Small, so a fault is answered quickly; the service's defaults are larger.
FAST = {"db_lock_timeout": 0.5, "db_statement_timeout": 1.0, "ingest_queue_timeout": 1.0}
READS = ("/health", "/schedule", "/trips", "/events", "/calendar.ics")


def _client(url: str, store: EventStore | None = None) -> TestClient[Litestar]:
    settings = Settings(database_url=url, api_token=TOKEN, **FAST)  # type: ignore[arg-type]
    return TestClient(app=create_app(settings, store=store), raise_server_exceptions=False)


def _assert_unavailable(response: Any, within: float | None = None) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) > 0
    assert response.json()["status"] == 503


def _post(client: TestClient[Litestar], text: str) -> Any:
    return client.post("/articles", json={"text": text}, headers=AUTH)


# -- SQLite ---------------------------------------------------------------------------


def test_sqlite_locked_by_another_writer_is_a_503_then_recovers(sqlite_url: str) -> None:
    path = sqlite_url.removeprefix("sqlite:///")
    blocker = sqlite3.connect(path, isolation_level=None)
    with _client(sqlite_url) as client:
        blocker.execute("BEGIN EXCLUSIVE")
        try:
            started = time.monotonic()
            _assert_unavailable(_post(client, SEED))
            assert time.monotonic() - started < 20  # bounded (lock timeout 0.5 s), not 30 s+
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert _post(client, SEED).status_code == 201


def test_a_read_only_database_reads_and_refuses_writes_with_503(sqlite_url: str) -> None:
    with _client(sqlite_url) as client:
        assert _post(client, SEED).status_code == 201
        assert client.get("/trips").status_code == 200  # the read model caught up
    path = sqlite_url.removeprefix("sqlite:///")
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    with _client(read_only) as client:
        assert client.get("/trips").status_code == 200
        _assert_unavailable(_post(client, OTHER))
        health = client.get("/health")
        assert health.status_code == 200
        assert health.json()["status"] == "degraded" and health.json()["writable"] is False
        assert "readonly" in health.json()["detail"]


def test_a_full_database_is_a_503_and_health_says_appends_fail(sqlite_url: str) -> None:
    # No free pages for an append to reuse (migration 0008 dropped two tables): the file
    # holds exactly what it needs, so any growth is past max_page_count.
    vacuum = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    vacuum.execute("VACUUM")
    vacuum.close()
    store = open_store(sqlite_url)

    @event.listens_for(store.engine, "connect")
    def _full(dbapi_conn: Any, _record: Any) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")  # SQLITE_FULL on growth

    store.engine.dispose()
    try:
        with _client(sqlite_url, store) as client:
            _assert_unavailable(_post(client, SEED))
            health = client.get("/health").json()
            assert health["status"] == "degraded" and "full" in health["detail"]
        assert store.last_position() == 0
    finally:
        store.close()


# -- PostgreSQL -----------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.postgres
def test_postgres_unreachable_every_route_is_a_503(postgres_server: Any) -> None:
    del postgres_server  # only to run where PostgreSQL is required
    url = f"postgresql+psycopg://nobody@127.0.0.1:{_closed_port()}/none"
    with _client(url) as client:
        for path in READS:
            _assert_unavailable(client.get(path))
        _assert_unavailable(_post(client, SEED))


@pytest.mark.postgres
def test_postgres_stopped_then_frozen_answers_503_and_recovers(private_postgres: Any) -> None:
    server = private_postgres
    with _client(server.url("postgres")) as client:
        assert _post(client, SEED).status_code == 201
        # Stopped: connections refused.
        server.stop()
        try:
            for path in READS:
                _assert_unavailable(client.get(path))
            _assert_unavailable(_post(client, OTHER))
        finally:
            server.start()
        assert client.get("/health").status_code == 200  # recovered by itself
        assert client.get("/schedule").status_code == 200
        # Frozen: connections open, nothing answers.
        pids = server.pids()
        for pid in pids:
            os.kill(pid, signal.SIGSTOP)
        try:
            started = time.monotonic()
            for path in ("/health", "/schedule"):
                _assert_unavailable(client.get(path))
            assert time.monotonic() - started < 60  # bounded; without deadlines: forever
        finally:
            for pid in pids:
                os.kill(pid, signal.SIGCONT)
        assert client.get("/health").status_code == 200
        assert _post(client, OTHER).status_code == 201


@pytest.mark.parametrize(
    "error",
    [
        psycopg.OperationalError("the connection is lost"),
        sqlite3.OperationalError("disk I/O error"),
    ],
)
def test_a_drivers_own_error_is_a_503_too(
    client: TestClient[Litestar], monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    from calendar_svc.api.controllers import articles

    def fail(*_args: Any, **_kwargs: Any) -> Any:
        raise error

    monkeypatch.setattr(articles, "ingest", fail)
    _assert_unavailable(_post(client, SEED))


# -- crafted requests -----------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/schedule?as_of=9999-12-31T23:59:59-01:00",
        "/schedule?as_of=0001-01-01T00:00:00%2B01:00",
        "/calendar.ics?as_of=0001-01-01T00:00:00%2B01:00",
        "/calendar.ics?as_of=9999-12-31T23:59:59-01:00",
        "/countries/RU/calendar.ics?as_of=0001-01-01T00:00:00%2B01:00",
        "/trips/any/calendar.ics?as_of=9999-12-31T23:59:59-01:00",
    ],
)
def test_times_without_a_utc_equivalent_are_400(client: TestClient[Litestar], path: str) -> None:
    response = client.get(path)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"


def test_a_position_sent_as_an_integral_number_is_that_position(
    client: TestClient[Litestar],
) -> None:
    assert client.get("/schedule?as_of=15.0").json() == client.get("/schedule?as_of=15").json()


@pytest.mark.parametrize("value", ["²", "١٢", "１２", "1e3", " ", "-1"])
def test_last_event_id_must_be_ascii_digits(client: TestClient[Litestar], value: str) -> None:
    response = client.get("/events/stream", headers={"Last-Event-ID": value.encode()})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "body",
    [
        b'{"text": "x", "extra": ' + b"[" * 1000 + b"]" * 1000 + b"}",
        b'{"text": ' + b"[" * 1000 + b"]" * 1000 + b"}",
        b'{"text": ' + b'{"a":' * 1000 + b"1" + b"}" * 1000 + b"}",
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_deeply_nested_json_is_a_400(
    client: TestClient[Litestar], seeded_store: EventStore, body: bytes
) -> None:
    head = seeded_store.last_position()
    response = client.post(
        "/articles", content=body, headers={**AUTH, "content-type": "application/json"}
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert seeded_store.last_position() == head


# -- HTTP conventions -----------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/calendar.ics",
        "/countries/RU/calendar.ics",
        "/trips/to-lam-2025-05-05/calendar.ics",
        "/schedule",
        "/trips",
        "/trips/to-lam-2025-05-05",
        "/events",
        "/health",
        "/events/stream",
    ],
)
def test_head_answers_every_get_route_without_a_body(
    client: TestClient[Litestar], path: str
) -> None:
    got = client.get(path, params={"after": 0, "limit": 1} if "stream" in path else None)
    head = client.head(path)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    if "stream" not in path and "health" not in path:
        assert head.headers.get("etag") == got.headers.get("etag")


def test_head_where_there_is_no_get_is_not_a_get(client: TestClient[Litestar]) -> None:
    assert client.head("/no-such-route").status_code == 404
    assert client.head("/articles").status_code == 200  # GET /articles lists them
    assert client.options("/articles").headers["allow"] == "GET, OPTIONS, POST"


def test_the_sse_keep_alive_is_a_comment_only() -> None:
    """A keep-alive with a data line reaches clients as an empty message."""
    from calendar_svc.api.controllers.events import KEEPALIVE

    assert KEEPALIVE.encode() == b": keep-alive\r\n\r\n"


def test_problem_documents_parse_as_json(client: TestClient[Litestar]) -> None:
    assert json.loads(client.get("/schedule?as_of=x").text)["status"] == 400
