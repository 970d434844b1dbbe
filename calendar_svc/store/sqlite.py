"""The log on an SQLite file: the embedded, zero-set-up backend.

Writers serialise with ``BEGIN IMMEDIATE`` (SQLite's database-wide write lock, taken at
the start of the transaction), which also makes positions gap-free for readers. WAL
mode lets readers run while a writer holds that lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy import create_engine as sa_create_engine
from sqlalchemy.engine import make_url

from calendar_svc.store.base import EventStore

_BEGIN_OPTION = "calendar_svc_begin"


class SQLiteEventStore(EventStore):
    dialect_name = "sqlite"

    @classmethod
    def create_engine(cls, url: str) -> Engine:
        parsed = make_url(url)
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa_create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            # Take transaction control away from the sqlite3 module so BEGIN is ours.
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            mode = conn.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine

    @contextmanager
    def _writer(self) -> Iterator[Connection]:
        with (
            self.engine.connect().execution_options(**{_BEGIN_OPTION: "IMMEDIATE"}) as conn,
            conn.begin(),
        ):
            yield conn

    @contextmanager
    def exclusive(self) -> Iterator[Connection]:
        # SQLite has one writer at a time anyway; IMMEDIATE takes it at BEGIN.
        with self._writer() as conn:
            yield conn

    def _db_time(self, value: datetime) -> datetime:
        # SQLite has no time zones: store naive UTC, read back as UTC.
        return value.astimezone(UTC).replace(tzinfo=None)
