"""The same article submitted at once by several writers is appended exactly once.

Threads with their own store and trip index stand for API processes; on PostgreSQL, real
processes race too. The invariants are read back from the log itself.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import msgspec
import pytest

from calendar_svc.config import PROJECT_ROOT
from calendar_svc.services import ingestion
from calendar_svc.services.article_files import iter_article_files
from calendar_svc.services.ingestion import TripIndex, ingest
from calendar_svc.store import EventStore, open_store

SEEDS = [Path(name).read_bytes() for name in iter_article_files([str(PROJECT_ROOT / "seeds")])]


def _assert_each_article_once(store: EventStore) -> None:
    """One ArticleRecorded per article, and every transaction is one article's: its
    events all carry that article's correlation id (no orphan facts)."""
    recorded: Counter[str] = Counter()
    transactions: dict[object, set[str]] = defaultdict(set)
    positions = []
    for row in store.read_all():
        positions.append(row.position)
        meta = msgspec.json.decode(row.metadata)
        transactions[row.recorded_at].add(meta["correlation_id"])
        if row.event_type == "ArticleRecorded":
            recorded[meta["correlation_id"]] += 1
    assert positions == list(range(1, len(positions) + 1))
    assert all(n == 1 for n in recorded.values()), recorded
    assert all(len(ids) == 1 for ids in transactions.values())
    assert len(transactions) == len(recorded)  # no transaction without its article


def test_a_copy_that_passed_the_check_before_the_first_committed_appends_nothing(
    any_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race, made deterministic: the second copy's "already known?" reads ran before
    the first copy committed, and it is then read against a trip holding the first copy's
    facts (new fact ids, the same article id)."""
    store = open_store(any_url)
    try:
        for raw in SEEDS[:2]:
            ingest(store, raw)
        before = store.last_position()
        monkeypatch.setattr(store, "stream_version", lambda _stream: 0)

        original = ingestion.propose

        def reread(raw: bytes, meta: Any, _trips: Any) -> tuple[str, list[tuple[str, Any]]]:
            # The re-read's facts differ from the first copy's (as a ScheduleRevised did
            # in the probe): here, read against no trips and given new ids.
            article_id, events = original(raw, meta, {})
            assert len(events) > 1
            return article_id, [events[0], *((f"{i}-reread", e) for i, e in events[1:])]

        monkeypatch.setattr(ingestion, "propose", reread)
        report = ingest(store, SEEDS[1], index=TripIndex(store))
        assert report.known and not report.appended
        assert store.last_position() == before
        _assert_each_article_once(store)
    finally:
        store.close()


def test_concurrent_duplicate_submissions_append_each_article_once(any_url: str) -> None:
    writers = 4
    stores = [open_store(any_url) for _ in range(writers)]
    indexes = [TripIndex(s) for s in stores]
    start = threading.Barrier(writers)
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            start.wait()
            for raw in SEEDS[n % 2 :] + SEEDS[: n % 2]:
                ingest(stores[n], raw, index=indexes[n])
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert not errors
        _assert_each_article_once(stores[0])
        assert sum(1 for r in stores[0].read_all() if r.event_type == "ArticleRecorded") == len(
            SEEDS
        )
    finally:
        for s in stores:
            s.close()


_WRITER = textwrap.dedent(
    """
    import random, sys
    from pathlib import Path
    from calendar_svc.services.ingestion import TripIndex, ingest
    from calendar_svc.store import open_store
    url, seed, *files = sys.argv[1:]
    texts = [Path(f).read_bytes() for f in files]
    random.Random(int(seed)).shuffle(texts)
    store = open_store(url)
    index = TripIndex(store)
    for raw in texts:
        ingest(store, raw, index=index)
    store.close()
    """
)


@pytest.mark.postgres
def test_processes_racing_on_postgres_append_each_article_once(postgres_url: str) -> None:
    files = [str(p) for p in sorted((PROJECT_ROOT / "seeds").glob("*.txt"))]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, postgres_url, str(n), *files],
            cwd=PROJECT_ROOT,
            stderr=subprocess.PIPE,
        )
        for n in range(3)
    ]
    outcomes = [(p.communicate(timeout=120)[1].decode(), p.returncode) for p in procs]
    assert all(code == 0 for _, code in outcomes), outcomes
    store = open_store(postgres_url)
    try:
        _assert_each_article_once(store)
    finally:
        store.close()
