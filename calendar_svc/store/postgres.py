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

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy import create_engine as sa_create_engine

from calendar_svc.store.base import COLUMNS, EventStore


class PostgresEventStore(EventStore):
    dialect_name = "postgresql"
    placeholder = "%s"

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

    def _in(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        # One array parameter: one statement text whatever the list's length.
        return f"{column} = ANY({self.placeholder})", [list(values)]

    def _insert_rows(self, cursor: Any, params: list[tuple[Any, ...]]) -> None:
        # COPY: one statement for the batch instead of one INSERT a row (about 30 % faster
        # at 1,000 a batch). Row triggers and constraints apply to COPY as to INSERT.
        with cursor.copy(f"COPY events ({COLUMNS}) FROM STDIN") as copy:
            for row in params:
                copy.write_row(row)
