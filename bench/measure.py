"""One measurement per process: ``python -m bench.measure NAME '{"json": "args"}'``.

Each measurement runs in a fresh interpreter so that its peak RSS (VmHWM) is its own;
the last line it prints is a JSON object that `bench.__main__` collects. Only the work
being measured is timed: generating synthetic events, or reading the source rows that a
peer store is filled from, happens outside the timed sections.
"""

from __future__ import annotations

import cProfile
import hashlib
import io
import pstats
import resource
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec

from bench.synthetic import DEFAULT_SEED, batched, generate

Result = dict[str, Any]
_MB = 1024 * 1024

# -- process facts --------------------------------------------------------------------------


def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def peak_rss_mb() -> float:
    """This process's high-water resident set size (VmHWM, else ru_maxrss)."""
    kb = _status_kb("VmHWM")
    if kb is None:
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kb / 1024, 1)


def rss_mb() -> float:
    kb = _status_kb("VmRSS")
    return round(kb / 1024, 1) if kb is not None else peak_rss_mb()


def _db_mb(path: str) -> float:
    total = sum(p.stat().st_size for p in Path(path).parent.glob(Path(path).name + "*"))
    return round(total / _MB, 1)


def _sqlite_url(path: str) -> str:
    return f"sqlite:///{path}"


# -- appending: ours ------------------------------------------------------------------------


def append_batched(db: str, n: int, batch: int = 1000, seed: int = DEFAULT_SEED) -> Result:
    """Fill a fresh SQLite log with `n` synthetic events, one transaction per batch."""
    from calendar_svc.store import migrate, open_store

    url = _sqlite_url(db)
    migrate.upgrade(url)
    store = open_store(url)
    timed = 0.0
    wall = time.perf_counter()
    for chunk in batched(generate(n, seed), batch):
        start = time.perf_counter()
        store.append(chunk)
        timed += time.perf_counter() - start
    wall = time.perf_counter() - wall
    appended = store.last_position()
    store.close()
    return {
        "events": appended,
        "seconds": round(timed, 3),
        "events_per_s": round(appended / timed, 1),
        "wall_seconds_with_generation": round(wall, 1),
        "db_mb": _db_mb(db),
        "peak_rss_mb": peak_rss_mb(),
    }


def append_single(db: str, n: int, seed: int = DEFAULT_SEED + 1) -> Result:
    """`n` durable appends of one event each (one transaction and fsync each)."""
    from calendar_svc.store import migrate, open_store

    url = _sqlite_url(db)
    migrate.upgrade(url)
    store = open_store(url)
    timed = 0.0
    for event in generate(n, seed):
        start = time.perf_counter()
        store.append([event])
        timed += time.perf_counter() - start
    store.close()
    return {"events": n, "seconds": round(timed, 3), "events_per_s": round(n / timed, 1)}


def append_postgres(n: int, batch: int = 1000, seed: int = DEFAULT_SEED) -> Result:
    """Batched appends to a throw-away PostgreSQL server (tests/support/postgres.py)."""
    from sqlalchemy import create_engine, text

    from calendar_svc.store import migrate, open_store
    from tests.support.postgres import find_bindir, running_server

    bindir = find_bindir()
    if bindir is None:
        return {"events_per_s": None, "skipped": "no PostgreSQL binaries found"}
    with running_server(bindir) as server:
        admin = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("CREATE DATABASE bench"))
            # The test server runs with fsync=off; commits still wait for their WAL write.
            conn.execute(text("ALTER DATABASE bench SET synchronous_commit = on"))
            settings = {
                name: conn.execute(text(f"SHOW {name}")).scalar_one()
                for name in ("server_version", "fsync", "full_page_writes")
            }
        admin.dispose()
        url = server.url("bench")
        migrate.upgrade(url)
        store = open_store(url)
        timed = 0.0
        for chunk in batched(generate(n, seed), batch):
            start = time.perf_counter()
            store.append(chunk)
            timed += time.perf_counter() - start
        appended = store.last_position()
        store.close()
    return {
        "events": appended,
        "seconds": round(timed, 3),
        "events_per_s": round(appended / timed, 1),
        "server": settings,
    }


# -- appending: the peer (eventsourcing) ---------------------------------------------------


def _peer_recorder(db: str) -> Any:
    from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore

    datastore = SQLiteDatastore(db_name=db, originator_id_type="text")
    recorder = SQLiteApplicationRecorder(datastore)
    recorder.create_table()
    return recorder


def _peer_pragmas(recorder: Any) -> dict[str, Any]:
    with recorder.datastore.transaction(commit=False) as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous")
        synchronous = cursor.fetchone()[0]
    return {
        "journal_mode": journal,
        "synchronous": {0: "OFF", 1: "NORMAL", 2: "FULL"}.get(synchronous, synchronous),
    }


def _source_rows(db: str, limit: int | None = None) -> Iterator[tuple[str, str, str]]:
    """(stream_id, event_type, data) from our log in position order, plain sqlite3."""
    conn = sqlite3.connect(db)
    try:
        query = "SELECT stream_id, event_type, data FROM events ORDER BY position"
        if limit is not None:
            query += f" LIMIT {int(limit)}"
        cursor = conn.execute(query)
        while rows := cursor.fetchmany(1000):
            yield from rows
    finally:
        conn.close()


def _peer_batches(source: str, size: int, limit: int | None = None) -> Iterator[list[Any]]:
    """Our rows as the peer's StoredEvents: same stream, same type, same JSON bytes."""
    from eventsourcing.persistence import StoredEvent as PeerStoredEvent

    versions: dict[str, int] = {}
    batch: list[Any] = []
    for stream_id, event_type, data in _source_rows(source, limit):
        version = versions.get(stream_id, 0) + 1
        versions[stream_id] = version
        batch.append(PeerStoredEvent(stream_id, version, event_type, data.encode()))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def peer_append_batched(source: str, db: str, batch: int = 1000) -> Result:
    """The peer stores the same events (read from our log, untimed), a batch per transaction."""
    recorder = _peer_recorder(db)
    timed = 0.0
    count = 0
    for chunk in _peer_batches(source, batch):
        start = time.perf_counter()
        recorder.insert_events(chunk)
        timed += time.perf_counter() - start
        count += len(chunk)
    pragmas = _peer_pragmas(recorder)
    recorder.datastore.close()
    return {
        "events": count,
        "seconds": round(timed, 3),
        "events_per_s": round(count / timed, 1),
        "db_mb": _db_mb(db),
        "settings": pragmas,
    }


def peer_append_single(source: str, db: str, n: int) -> Result:
    recorder = _peer_recorder(db)
    timed = 0.0
    count = 0
    for chunk in _peer_batches(source, 1, limit=n):
        start = time.perf_counter()
        recorder.insert_events(chunk)
        timed += time.perf_counter() - start
        count += 1
    recorder.datastore.close()
    return {"events": count, "seconds": round(timed, 3), "events_per_s": round(count / timed, 1)}


# -- replaying ------------------------------------------------------------------------------


def _digest(fold: Any) -> str:
    """What the fold ended with, minus times (the peer has no recorded_at). Trips are
    rendered one at a time, as `calendar-svc replay` streams them."""
    trips = sorted(
        (t.trip_id, t.status, len(t.legs), len(t.engagements)) for t in fold.iter_trips()
    )
    return hashlib.sha256(msgspec.json.encode([trips, sorted(fold.articles)])).hexdigest()[:16]


def _timed_fold(
    rows: Callable[[], Iterator[tuple[str, int, str | bytes, int, datetime]]],
) -> Result:
    from calendar_svc.domain.events import decode_for_fold
    from calendar_svc.projections.fold import ScheduleFold
    from calendar_svc.projections.replay import gc_paused

    before = rss_mb()
    start = time.perf_counter()
    fold = ScheduleFold(retain_views=False)
    count = 0
    with gc_paused():
        for event_type, version, data, position, recorded_at in rows():
            fold.apply(decode_for_fold(event_type, version, data), position, recorded_at)
            count += 1
        for _trip in fold.iter_trips():  # the whole schedule, rendered and streamed
            pass
    seconds = time.perf_counter() - start
    return {
        "events": count,
        "seconds": round(seconds, 3),
        "events_per_s": round(count / seconds, 1),
        "trips": len(fold.trips),
        "digest": _digest(fold),
        "rss_before_mb": before,
        "peak_rss_mb": peak_rss_mb(),
    }


def _our_rows(db: str) -> Callable[[], Iterator[tuple[str, int, str, int, datetime]]]:
    from calendar_svc.store import open_store

    store = open_store(_sqlite_url(db))

    def rows() -> Iterator[tuple[str, int, str, int, datetime]]:
        # The product's replay and rebuild path (projections.replay.fold_until).
        for row in store.read_payloads():
            yield (row.event_type, row.schema_version, row.data, row.position, row.recorded_at)

    return rows


def replay(db: str) -> Result:
    """Ours, end to end: store.read_payloads + decode + ScheduleFold.apply, then every
    trip rendered (what fold_until and rebuild do)."""
    return _timed_fold(_our_rows(db))


_FIXED_TIME = datetime(2024, 1, 1, tzinfo=UTC)


def _peer_rows(db: str) -> Callable[[], Iterator[tuple[str, int, bytes, int, datetime]]]:
    recorder = _peer_recorder(db)

    def rows() -> Iterator[tuple[str, int, bytes, int, datetime]]:
        last = 0
        while True:
            page = recorder.select_notifications(last + 1, 1000)
            for n in page:
                # The peer's log records no transaction boundaries, so every event is its
                # own committed state (ours renders once per append: see docs).
                yield n.topic, 1, n.state, n.id, _FIXED_TIME + timedelta(microseconds=n.id)
            if len(page) < 1000:
                return
            last = page[-1].id

    return rows


def peer_replay(db: str) -> Result:
    """The peer's log read back page by page (select_notifications), same decode and fold."""
    return _timed_fold(_peer_rows(db))


def _timed_read(rows: Callable[[], Iterator[tuple[str, int, Any, int, datetime]]]) -> Result:
    from calendar_svc.domain.events import decode

    start = time.perf_counter()
    count = 0
    for event_type, version, data, _position, _at in rows():
        decode(event_type, version, data)
        count += 1
    seconds = time.perf_counter() - start
    return {
        "events": count,
        "seconds": round(seconds, 3),
        "events_per_s": round(count / seconds, 1),
        "peak_rss_mb": peak_rss_mb(),
    }


def read_decode(db: str) -> Result:
    """Ours without the fold: store.read_payloads + decode."""
    return _timed_read(_our_rows(db))


def peer_read_decode(db: str) -> Result:
    """The peer without the fold: select_notifications pages + the same decode."""
    return _timed_read(_peer_rows(db))


def floor(db: str) -> Result:
    """Plain sqlite3 over our events table, msgspec-decoding the data column; nothing else."""
    from calendar_svc.domain.events import Event

    decoder = msgspec.json.Decoder(Event)
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    count = 0
    for (data,) in conn.execute("SELECT data FROM events ORDER BY position"):
        decoder.decode(data)
        count += 1
    conn.close()
    seconds = time.perf_counter() - start
    return {
        "events": count,
        "seconds": round(seconds, 3),
        "events_per_s": round(count / seconds, 1),
        "peak_rss_mb": peak_rss_mb(),
    }


def rebuild(db: str) -> Result:
    """ScheduleProjection.rebuild(): fold the whole log and write the tables."""
    from calendar_svc.projections.schedule import ScheduleProjection
    from calendar_svc.store import open_store

    store = open_store(_sqlite_url(db))
    before = rss_mb()
    start = time.perf_counter()
    count = ScheduleProjection(store).rebuild()
    seconds = time.perf_counter() - start
    store.close()
    return {
        "events": count,
        "seconds": round(seconds, 3),
        "events_per_s": round(count / seconds, 1),
        "rss_before_mb": before,
        "peak_rss_mb": peak_rss_mb(),
    }


def ingest_articles(db: str) -> Result:
    """The seed articles ingested into a copy of the log: the first with a fresh trip index
    (it folds every trip event on the log), the rest with that index warm (what a running
    API process does for each POST /articles)."""
    import shutil
    import tempfile

    from calendar_svc.config import PROJECT_ROOT
    from calendar_svc.services.article_files import iter_article_files
    from calendar_svc.services.ingestion import TripIndex, ingest
    from calendar_svc.store import open_store

    seeds = [Path(f).read_bytes() for f in iter_article_files([str(PROJECT_ROOT / "seeds")])]
    with tempfile.TemporaryDirectory(dir=Path(db).parent) as tmp:
        copy = str(Path(tmp) / "ingest.sqlite3")
        shutil.copyfile(db, copy)
        store = open_store(_sqlite_url(copy))
        index = TripIndex(store)
        times: list[float] = []
        appended = 0
        for raw in seeds:
            start = time.perf_counter()
            appended += len(ingest(store, raw, index=index).appended)
            times.append(time.perf_counter() - start)
        trips = len(index.trips)
        store.close()
    return {
        "articles": len(seeds),
        "appended": appended,
        "trips_indexed": trips,
        "first_article_ms": round(times[0] * 1000, 1),
        "next_article_ms": round(sorted(times[1:])[len(times[1:]) // 2] * 1000, 1),
        "peak_rss_mb": peak_rss_mb(),
    }


def api_ready(db: str, fresh: bool = False) -> Result:
    """How long a new API process takes to be ready on this log: `create_app` and its
    warm-up (`warm`: the trip index from the stored snapshot plus the tail, the snapshot
    stored, the schedule loaded), timed from before the app's modules are imported.

    `fresh` drops the stored snapshot first: a full fold, what every start cost before
    (and it stores one). The schedule projection must be caught up (`rebuild` first), as
    a running service keeps it.
    """
    from sqlalchemy import delete

    from calendar_svc.store import open_store
    from calendar_svc.store.schema import trip_index_checkpoint

    store = open_store(_sqlite_url(db))
    if fresh:
        with store.exclusive() as conn:
            conn.execute(delete(trip_index_checkpoint))
    head = store.last_position()
    start = time.perf_counter()
    from calendar_svc.api.app import create_app
    from calendar_svc.services.warmup import warm

    app = create_app(store=store)
    index = app.state["trips"]
    warm(index, app.state["readside"])
    seconds = time.perf_counter() - start
    if head and (index.position == 0 or app.state["readside"].current(head).position != head):
        raise RuntimeError("the trip index or the schedule did not warm")
    trips = len(index.trips)
    store.close()
    return {
        "events": head,
        "trips": trips,
        "seconds": round(seconds, 3),
        "peak_rss_mb": peak_rss_mb(),
    }


def _write_profile(profiler: cProfile.Profile, out: str, title: str, top: int) -> None:
    text = io.StringIO()
    text.write(f"{title}\n\n== top {top} by cumulative time ==\n")
    stats = pstats.Stats(profiler, stream=text)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    text.write(f"\n== top {top} by own (total) time ==\n")
    stats.sort_stats("tottime").print_stats(top)
    Path(out).write_text(text.getvalue())


def profile_replay(db: str, out: str, top: int = 15) -> Result:
    """cProfile of `replay`; the top entries by cumulative and by own time go to `out`."""
    profiler = cProfile.Profile()
    rows = _our_rows(db)
    profiler.enable()
    result = _timed_fold(rows)
    profiler.disable()
    title = (
        "cProfile of the replay path (store.read_payloads + decode + ScheduleFold.apply, then "
        f".schedule()) over {result['events']:,} synthetic events: "
        f"{result['events_per_s']:,.0f} events/s under the profiler (see latest.json for the "
        "unprofiled rate). Written by `make bench`."
    )
    _write_profile(profiler, out, title, top)
    return {"events": result["events"], "profiled_events_per_s": result["events_per_s"]}


def profile_append(db: str, n: int, out: str, top: int = 15) -> Result:
    """cProfile of batched appends (1,000 a transaction) of `n` events to a fresh log."""
    from calendar_svc.store import migrate, open_store

    url = _sqlite_url(db)
    migrate.upgrade(url)
    store = open_store(url)
    chunks = list(batched(generate(n), 1000))
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for chunk in chunks:
        store.append(chunk)
    profiler.disable()
    rate = n / (time.perf_counter() - start)
    store.close()
    title = (
        f"cProfile of EventStore.append, {n:,} synthetic events in batches of 1,000 "
        f"(SQLite, synchronous=FULL): {rate:,.0f} events/s under the profiler. "
        "Written by `make bench`."
    )
    _write_profile(profiler, out, title, top)
    return {"events": n, "profiled_events_per_s": round(rate, 1)}


MEASUREMENTS: dict[str, Callable[..., Result]] = {
    f.__name__: f
    for f in (
        append_batched,
        append_single,
        append_postgres,
        peer_append_batched,
        peer_append_single,
        replay,
        peer_replay,
        read_decode,
        peer_read_decode,
        floor,
        rebuild,
        ingest_articles,
        api_ready,
        profile_replay,
        profile_append,
    )
}


def main(argv: list[str]) -> int:
    name, args = argv[0], msgspec.json.decode(argv[1]) if len(argv) > 1 else {}
    result = MEASUREMENTS[name](**args)
    print(msgspec.json.encode(result).decode())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
