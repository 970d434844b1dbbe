"""An article gets a CPU budget and stops at shutdown; either way nothing is written."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from calendar_svc.config import PROJECT_ROOT
from calendar_svc.services.article_files import iter_article_files
from calendar_svc.services.ingestion import (
    ArticleRejected,
    IngestCancelled,
    Limits,
    ingest,
)
from calendar_svc.store import open_store

SEEDS = [Path(name).read_bytes() for name in iter_article_files([str(PROJECT_ROOT / "seeds")])]
#: Long enough that reading it takes well over the tiny budget below.
LONG = b"\n\n".join(SEEDS * 20)


def test_an_article_over_its_cpu_budget_is_refused_and_nothing_appended(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    try:
        with pytest.raises(ArticleRejected, match="CPU"):
            ingest(store, LONG, limits=Limits(cpu_seconds=0.001))
        assert store.last_position() == 0
        # The same text with a real budget is read (the refusal was the budget's).
        assert ingest(store, SEEDS[0], limits=Limits(cpu_seconds=30)).appended
    finally:
        store.close()


def test_a_shutdown_cancels_a_reading_in_progress(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    cancel = threading.Event()
    cancel.set()
    try:
        with pytest.raises(IngestCancelled, match="shutting down"):
            ingest(store, LONG, limits=Limits(cpu_seconds=30, cancel=cancel))
        assert store.last_position() == 0
    finally:
        store.close()
