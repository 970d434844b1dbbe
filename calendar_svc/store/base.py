"""The append-only event log on SQLAlchemy Core, shared by every backend.

Backends (`sqlite.py`, `postgres.py`) differ only in how an engine is made, how an
append takes the log's write lock and how their driver binds and returns values;
everything else lives in this base so both behave alike: the driver access
(`driver.py`), the append transaction (`append.py`) and the reads (`reads.py`), on
the rows of `records.py`.

Guarantees:
- `position` is global, strictly increasing and gap-free, because it is assigned as
  ``max + 1`` while the append holds an exclusive write lock until commit. A reader
  therefore never sees position N+1 before N has committed.
- `event_id` is unique; appending an id that is already recorded is a no-op that is
  reported as a duplicate (re-ingesting an article stays idempotent).
- ``(stream_id, stream_version)`` is unique; an append with an expected version that
  does not match raises `ConcurrencyError` and writes nothing.
- Each row stores SHA-256(previous hash + its canonical content): see `hashing.py`.
- `recorded_at` is the same for every event of one append and strictly later than the
  previous append's, so the log itself shows where each transaction ends.
- A batch lands whole or not at all: one transaction.
- UPDATE and DELETE are refused by database triggers (created by the migrations).
"""

from __future__ import annotations

import abc
from contextlib import AbstractContextManager
from typing import ClassVar

from sqlalchemy import Connection, Engine

from calendar_svc.store.append import Appender
from calendar_svc.store.reads import Reader
from calendar_svc.store.timeouts import Timeouts


class EventStore(Appender, Reader):
    """The log. Subclasses say how to connect and how to lock for an append."""

    dialect_name: ClassVar[str]

    @classmethod
    @abc.abstractmethod
    def create_engine(cls, url: str, timeouts: Timeouts | None = None) -> Engine:
        """An engine configured for this backend (pragmas, pool, isolation, timeouts)."""

    @abc.abstractmethod
    def ingestion_lock(self) -> AbstractContextManager[None]:
        """Held while one article is read and appended, across processes: concurrent
        submissions queue (up to the lock timeout) instead of failing on stale state."""

    @abc.abstractmethod
    def role_lock(self, name: str) -> AbstractContextManager[bool]:
        """Try once, across processes, to take the lock of a process role (`worker`):
        yields True if this process holds it until the block ends, False if another
        does. A process that dies loses it, so a standby can take over."""

    @abc.abstractmethod
    def exclusive(self) -> AbstractContextManager[Connection]:
        """A transaction serialised with other read-model writers, never blocking appends."""

    @classmethod
    def from_url(cls, url: str, timeouts: Timeouts | None = None) -> EventStore:
        return cls(cls.create_engine(url, timeouts), timeouts)
