"""An article's CPU budget is its reading's: bringing the trip index up to the log's head
first (a whole fold, for a cold index on a large log: 18 s of CPU on a 1M-event log) is
the service's own work, and refused no article. Fails if the budget covers the catch-up."""

from __future__ import annotations

import time
from collections.abc import MutableMapping
from pathlib import Path

import pytest

from calendar_svc.domain.trip import TripState
from calendar_svc.services.ingestion import (
    ArticleMeta,
    ArticleRejected,
    Limits,
    TripIndex,
    ingest,
    propose,
)
from calendar_svc.store import migrate, open_store

SEED = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))[0].read_bytes()


class _SlowIndex(TripIndex):
    """An index whose catch-up costs `cpu` seconds, as a cold one on a large log does."""

    cpu = 0.0

    def catch_up(self) -> MutableMapping[str, TripState]:
        end = time.thread_time() + self.cpu
        while time.thread_time() < end:
            pass
        return super().catch_up()


def test_the_index_catch_up_is_not_the_articles_budget(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'budget.sqlite3'}"
    migrate.upgrade(url)
    store = open_store(url)
    try:
        propose(SEED, ArticleMeta(), {})  # the readers' tables, loaded once per process
        started = time.thread_time()
        propose(SEED, ArticleMeta(), {})
        reading = time.thread_time() - started
        # the budget holds the reading three times over, the catch-up alone twice over:
        # whatever this machine's speed, only a budget that covers the catch-up refuses
        limits = Limits(cpu_seconds=reading * 3 + 0.1)
        index = _SlowIndex(store)
        index.cpu = limits.cpu_seconds * 2
        report = ingest(store, SEED, index=index, limits=limits)
        assert report.appended
    finally:
        store.close()


def test_the_reading_itself_is_still_bounded(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'budget.sqlite3'}"
    migrate.upgrade(url)
    store = open_store(url)
    try:
        with pytest.raises(ArticleRejected):
            ingest(store, SEED, limits=Limits(cpu_seconds=1e-6))
        assert store.last_position() == 0
    finally:
        store.close()
