"""The log on PostgreSQL: the same tables and code, for several stateless API processes.

Why appends take ``LOCK TABLE events IN EXCLUSIVE MODE``: a follower tailing the log
reads ``position > last_seen``. With a sequence, a transaction that took position 10
could commit after one that took 11, and a follower that had already read 11 would skip
10 for ever. Under this lock, an append computes ``max(position) + 1`` and holds the lock
until it commits, so positions become visible strictly in order and without gaps. The
hash chain needs the previous row's hash anyway, so appends are serial by nature.
EXCLUSIVE mode still lets plain SELECTs run; it also blocks any INSERT that bypasses
the store (ROW EXCLUSIVE conflicts with it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, text
from sqlalchemy import create_engine as sa_create_engine

from calendar_svc.store.base import EventStore


class PostgresEventStore(EventStore):
    dialect_name = "postgresql"

    @classmethod
    def create_engine(cls, url: str) -> Engine:
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        return sa_create_engine(url, pool_pre_ping=True, isolation_level="READ COMMITTED")

    @contextmanager
    def _writer(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            conn.execute(text("LOCK TABLE events IN EXCLUSIVE MODE"))
            yield conn

    @contextmanager
    def exclusive(self) -> Iterator[Connection]:
        # An advisory lock: read-model writers queue behind each other, appends do not.
        with self.engine.connect() as conn, conn.begin():
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('calendar_svc.readmodels'))"))
            yield conn
