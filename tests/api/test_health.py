"""GET /health against a real (SQLite) log."""

from __future__ import annotations

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from calendar_svc.api.app import create_app
from calendar_svc.config import PROJECT_ROOT, Settings
from calendar_svc.store import EventStore, StoreError
from tests.api.conftest import AUTH, TOKEN

ARTICLE = PROJECT_ROOT / "tests/fixtures/articles/ingest_en_president_latam_announce.txt"


def test_health_reports_position_and_lag(client: TestClient[Litestar]) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["database"] == "sqlite"
    assert body["log_position"] > 50
    assert body["projection_lag"] == body["log_position"] - body["projection_position"]
    client.get("/schedule")  # reading catches the projection up
    assert client.get("/health").json()["projection_lag"] == 0


def test_live_answers_without_the_database(
    client: TestClient[Litestar], monkeypatch: pytest.MonkeyPatch
) -> None:
    readside = client.app.state["readside"]
    monkeypatch.setattr(readside, "head", _unreachable)
    live = client.get("/health/live")
    assert live.status_code == 200 and live.json() == {"status": "ok"}
    assert live.headers["cache-control"] == "no-store"


def test_ready_when_the_log_reads_and_the_schedule_keeps_up(
    client: TestClient[Litestar],
) -> None:
    client.get("/schedule")
    ready = client.get("/health/ready")
    assert ready.status_code == 200 and ready.json()["projection_lag"] == 0
    assert client.get("/health").status_code == 200  # the old route is unchanged


def test_not_ready_when_the_database_is_unreachable(
    client: TestClient[Litestar], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client.app.state["readside"], "head", _unreachable)
    ready = client.get("/health/ready", headers={"X-Request-ID": "probe-1"})
    assert ready.status_code == 503
    assert ready.headers["content-type"] == "application/problem+json"
    problem = ready.json()
    assert "cannot be read" in problem["detail"] and problem["request_id"] == "probe-1"


def test_not_ready_when_the_schedule_lags_past_the_threshold(
    seeded_store: EventStore, sqlite_url: str
) -> None:
    settings = Settings(database_url=sqlite_url, api_token=TOKEN, ready_max_lag=2)
    with TestClient(app=create_app(settings, store=seeded_store)) as client:
        client.get("/schedule")  # caught up: lag 0
        assert client.get("/health/ready").status_code == 200
        body = {"text": ARTICLE.read_text("utf-8")}
        assert client.post("/articles", json=body, headers=AUTH).status_code == 201
        lag = client.get("/health").json()["projection_lag"]
        assert lag > 2
        ready = client.get("/health/ready")
        assert ready.status_code == 503 and ready.headers["retry-after"]
        assert f"lags the log by {lag} events" in ready.json()["detail"]
        client.get("/schedule")  # a read folds the new events: ready again
        assert client.get("/health/ready").status_code == 200


def _unreachable() -> int:
    raise StoreError("the database is unreachable")
