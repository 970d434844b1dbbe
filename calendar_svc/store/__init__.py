"""The append-only event log: pick a backend from a database URL."""

from __future__ import annotations

from calendar_svc.store.base import EventStore
from calendar_svc.store.errors import ConcurrencyError, StoreError, StoreUnavailable
from calendar_svc.store.records import NO_STREAM, AppendResult, NewEvent, Payload, StoredEvent
from calendar_svc.store.timeouts import Timeouts

__all__ = [
    "NO_STREAM",
    "AppendResult",
    "ConcurrencyError",
    "EventStore",
    "NewEvent",
    "Payload",
    "StoreError",
    "StoreUnavailable",
    "StoredEvent",
    "Timeouts",
    "open_store",
    "store_class",
]


def store_class(url: str) -> type[EventStore]:
    if url.startswith("sqlite"):
        from calendar_svc.store.sqlite import SQLiteEventStore

        return SQLiteEventStore
    if url.startswith("postgresql"):
        from calendar_svc.store.postgres import PostgresEventStore

        return PostgresEventStore
    raise StoreError(f"unsupported database URL {url!r}: use sqlite:/// or postgresql://")


def open_store(url: str, timeouts: Timeouts | None = None) -> EventStore:
    return store_class(url).from_url(url, timeouts)
