"""GET /health against a real (SQLite) log."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import TestClient


def test_health_reports_position_and_lag(client: TestClient[Litestar]) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["database"] == "sqlite"
    assert body["log_position"] > 50
    assert body["projection_lag"] == body["log_position"] - body["projection_position"]
    client.get("/schedule")  # reading catches the projection up
    assert client.get("/health").json()["projection_lag"] == 0
