"""A stored schedule folded by other rules is rebuilt from the log, never served."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text, update

from calendar_svc.cli import main
from calendar_svc.config import PROJECT_ROOT
from calendar_svc.domain.rules import RULES_VERSION
from calendar_svc.projections import schema
from calendar_svc.projections.schedule import ScheduleProjection
from calendar_svc.services.ingestion import ingest
from calendar_svc.store import EventStore, open_store

SEED = (PROJECT_ROOT / "seeds" / "000_57b3f3c8cf65e46b.txt").read_bytes()


def _age(store: EventStore, version: int | None) -> None:
    """Make the stored schedule look folded by other rules, with a view they showed."""
    with store.engine.begin() as conn:
        conn.execute(update(schema.checkpoints).values(rules_version=version))
        conn.execute(update(schema.trips).values(status="shown-by-old-rules"))


def _statuses(store: EventStore) -> set[str]:
    with store.engine.connect() as conn:
        return {row[0] for row in conn.execute(text("SELECT status FROM schedule_trips"))}


@pytest.fixture
def store(any_url: str) -> EventStore:
    store = open_store(any_url)
    ingest(store, SEED)
    ScheduleProjection(store).catch_up()
    return store


@pytest.mark.parametrize("version", [None, RULES_VERSION - 1, RULES_VERSION + 1])
def test_catch_up_rebuilds_a_schedule_of_other_rules(
    store: EventStore, version: int | None
) -> None:
    projection = ScheduleProjection(store)
    assert not projection.stale()
    _age(store, version)
    assert projection.stale()
    projection.catch_up()  # nothing new on the log: only the rules differ
    assert not projection.stale()
    assert _statuses(store) == {"announced"}
    store.close()


def test_a_current_schedule_is_not_rebuilt(store: EventStore) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(schema.trips).values(status="kept"))
    ScheduleProjection(store).catch_up()
    assert _statuses(store) == {"kept"}  # same rules: rows are continued, not refolded
    store.close()


def test_the_api_rebuilds_at_startup_instead_of_serving_old_views(
    store: EventStore, tmp_path: Path
) -> None:
    from litestar.testing import TestClient

    from calendar_svc.api.app import create_app
    from calendar_svc.config import Settings

    _age(store, RULES_VERSION - 1)
    with TestClient(app=create_app(Settings(database_url="unused"), store=store)) as client:
        trips = client.get("/trips").json()["items"]
    assert {t["status"] for t in trips} == {"announced"}
    store.close()


def test_serve_rebuilds_before_serving(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(sqlite_url)
    ingest(store, SEED)
    ScheduleProjection(store).catch_up()
    _age(store, RULES_VERSION - 1)
    store.close()
    import uvicorn

    monkeypatch.setattr(uvicorn.Server, "run", lambda self, *a, **k: None)
    assert main(["--database-url", sqlite_url, "serve"]) == 0
    store = open_store(sqlite_url)
    assert not ScheduleProjection(store).stale() and _statuses(store) == {"announced"}
    store.close()
