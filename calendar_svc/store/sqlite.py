"""The log on an SQLite file: the embedded, zero-set-up backend.

Writers serialise with ``BEGIN IMMEDIATE`` (SQLite's database-wide write lock, taken at
the start of the transaction), which also makes positions gap-free for readers. WAL
mode lets readers run while a writer holds that lock.

Tuned for batched appends, durability unchanged (``synchronous=FULL``: every commit
syncs the WAL). A connection that writes gets a 16 MB page cache: a batch of 1,000
dirties megabytes of pages (its rows, and a leaf of the `event_id` index per event, the
keys being random), which SQLite's 2 MB default spills to the WAL mid-transaction and
writes again at commit. The WAL is checkpointed every 10,000 pages (~40 MB) instead of
1,000, so index pages rewritten by successive batches reach the database file once per
checkpoint, with fewer syncs of the database file.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy import create_engine as sa_create_engine
from sqlalchemy.engine import make_url

from calendar_svc.store.base import EventStore
from calendar_svc.store.records import as_utc
from calendar_svc.store.timeouts import Timeouts, poll_lock

_BEGIN_OPTION = "calendar_svc_begin"
_WRITER_CACHE = "calendar_svc_writer_cache"
#: Page cache of a connection once it has written, in KiB (SQLite's default: 2,000).
WRITER_CACHE_KIB = 16_384
#: Below this much free disk, /health reports that appends are about to fail.
MIN_FREE_BYTES = 4 * 1024 * 1024
#: WAL size, in pages, that triggers a checkpoint (SQLite's default: 1,000).
WAL_AUTOCHECKPOINT_PAGES = 10_000


class SQLiteEventStore(EventStore):
    dialect_name = "sqlite"

    def __init__(self, engine: Engine, timeouts: Timeouts | None = None) -> None:
        super().__init__(engine, timeouts)
        database = engine.url.database
        #: A file beside the database that ingestion locks (`flock`), across processes.
        self._lock_path = (
            Path(database + ".ingest-lock") if database and database != ":memory:" else None
        )
        self._local_lock = threading.Lock()
        self._role_locks: dict[str, threading.Lock] = {}

    @classmethod
    def create_engine(cls, url: str, timeouts: Timeouts | None = None) -> Engine:
        limits = timeouts or Timeouts()
        parsed = make_url(url)
        if parsed.database and parsed.database != ":memory:" and "mode=ro" not in url:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        busy_ms = int(limits.lock_seconds * 1000)
        in_memory = not parsed.database or parsed.database == ":memory:"
        engine = sa_create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": limits.lock_seconds},
            # A file's pool queues; an in-memory database has one connection per thread.
            **({} if in_memory else {"pool_timeout": limits.lock_seconds}),
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            # Take transaction control away from the sqlite3 module so BEGIN is ours.
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
            cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            mode = conn.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine

    @contextmanager
    def _writer(self) -> Iterator[Connection]:
        with self.engine.connect().execution_options(**{_BEGIN_OPTION: "IMMEDIATE"}) as conn:
            pooled = conn.connection
            if not pooled.info.get(_WRITER_CACHE):
                # Before BEGIN, on the driver: a SQLAlchemy execute would autobegin.
                self._driver(conn).execute(f"PRAGMA cache_size=-{WRITER_CACHE_KIB}")
                pooled.info[_WRITER_CACHE] = True
            with conn.begin():
                yield conn

    def write_problem(self) -> str | None:
        database = self.engine.url.database
        if database and database != ":memory:" and "mode=ro" not in str(self.engine.url):
            path = Path(database)
            if path.exists() and not os.access(path, os.W_OK):
                return f"the database file {path.name} is read-only"
            try:
                free = shutil.disk_usage(path.parent).free
            except OSError:
                free = None
            if free is not None and free < MIN_FREE_BYTES:
                return f"{free // 1024} KiB left on the database's disk"
        return super().write_problem()

    @contextmanager
    def ingestion_lock(self) -> Iterator[None]:
        seconds = self.timeouts.queue_seconds
        handle = self._open_lock_file()
        if handle is None:
            # In memory, or a folder it cannot write: this process's lock is all there is
            # (the appends' optimistic checks still hold across processes).
            poll_lock(lambda: self._local_lock.acquire(blocking=False), seconds, "ingestion")
            try:
                yield
            finally:
                self._local_lock.release()
            return
        # Each call opens the file anew, so threads exclude each other as processes do.
        with handle:
            poll_lock(lambda: _try_flock(handle.fileno()), seconds, "ingestion")
            yield

    @contextmanager
    def role_lock(self, name: str) -> Iterator[bool]:
        # A file lock beside the database (`flock`: the kernel frees it if we die); in
        # memory, a lock of this store's, since no other process can see the database.
        database = self.engine.url.database
        if not database or database == ":memory:":
            lock = self._role_locks.setdefault(name, threading.Lock())
            held = lock.acquire(blocking=False)
            try:
                yield held
            finally:
                if held:
                    lock.release()
            return
        with Path(f"{database}.{name}-lock").open("ab") as handle:
            yield _try_flock(handle.fileno())

    def _open_lock_file(self) -> IO[bytes] | None:
        if self._lock_path is None:
            return None
        try:
            return self._lock_path.open("ab")
        except OSError:  # a read-only folder: appends will be refused there anyway
            return None

    @contextmanager
    def exclusive(self) -> Iterator[Connection]:
        # SQLite has one writer at a time anyway; IMMEDIATE takes it at BEGIN.
        with self._writer() as conn:
            yield conn

    def _db_time(self, value: datetime) -> str:
        # SQLite has no time zones: naive UTC text, in exactly the form SQLAlchemy's
        # DateTime wrote ('YYYY-MM-DD HH:MM:SS.ffffff'), so old and new rows compare.
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")

    def _py_time(self, value: Any) -> datetime:
        # The parse SQLAlchemy's DateTime used; the text is UTC.
        return as_utc(datetime.fromisoformat(value))

    def _types_source(self, many_types: bool) -> str:
        # For several types (ingestion asks for every trip type: most of the log) SQLite
        # would read each type's index range to the end and sort it all for one page; a
        # scan in position order stops after `limit` matches. One type keeps its index.
        return "events NOT INDEXED" if many_types else "events"


def _try_flock(fd: int) -> bool:
    """Take the lock if free; it is released when the file is closed."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
