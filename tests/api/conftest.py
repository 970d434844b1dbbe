"""An app over a real SQLite log holding the seeds, and a client for it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from calendar_svc.api.app import create_app
from calendar_svc.config import PROJECT_ROOT, Settings
from calendar_svc.services.article_files import iter_article_files
from calendar_svc.services.ingestion import ingest
from calendar_svc.store import EventStore, open_store

TOKEN = "test-token-1234"


@pytest.fixture
def seeded_store(sqlite_url: str) -> Iterator[EventStore]:
    store = open_store(sqlite_url)
    for name in iter_article_files([str(PROJECT_ROOT / "seeds")]):
        ingest(store, Path(name).read_bytes())
    yield store
    store.close()


@pytest.fixture
def app(seeded_store: EventStore, sqlite_url: str) -> Litestar:
    return create_app(Settings(database_url=sqlite_url, api_token=TOKEN), store=seeded_store)


@pytest.fixture
def client(app: Litestar) -> Iterator[TestClient[Litestar]]:
    with TestClient(app=app) as client:
        yield client


AUTH = {"Authorization": f"Bearer {TOKEN}"}
