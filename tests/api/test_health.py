"""GET /health against a real (SQLite) log."""

from __future__ import annotations

from litestar.testing import TestClient

from calendar_svc.api.app import create_app
from calendar_svc.config import Settings
from calendar_svc.store import NewEvent, open_store


def test_health_reports_the_log_position(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    store.append([NewEvent(event_id="a", stream_id="s", event_type="Noted", data="{}")])
    with TestClient(app=create_app(Settings(database_url=sqlite_url), store=store)) as client:
        response = client.get("/health")
    store.close()
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "sqlite", "log_position": 1}
