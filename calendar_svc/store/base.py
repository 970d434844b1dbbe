"""The append-only event log on SQLAlchemy Core, shared by every backend.

Backends (`sqlite.py`, `postgres.py`) differ only in how an engine is made and how an
append takes the log's write lock; everything else lives here so both behave alike.

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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

import msgspec
from sqlalchemy import Connection, Engine, func, insert, select
from sqlalchemy.exc import IntegrityError

from calendar_svc.store.hashing import GENESIS_HASH, row_hash
from calendar_svc.store.schema import events

#: Expected version meaning "this stream must not exist yet".
NO_STREAM = 0

_IN_CHUNK = 500
#: The largest position either database's 64-bit column can hold.
_MAX_POSITION = 2**63 - 1


class StoreError(Exception):
    """Anything the log refuses to do."""


class ConcurrencyError(StoreError):
    """An append's expected stream version did not match; nothing was written."""

    def __init__(self, stream_id: str, expected: int, actual: int) -> None:
        super().__init__(
            f"stream {stream_id!r} is at version {actual}, the append expected {expected}"
        )
        self.stream_id = stream_id
        self.expected = expected
        self.actual = actual


class NewEvent(msgspec.Struct, frozen=True):
    """An event on its way into the log; `data` and `metadata` are JSON text."""

    event_id: str
    stream_id: str
    event_type: str
    data: str
    schema_version: int = 1
    metadata: str = "{}"


class StoredEvent(msgspec.Struct, frozen=True):
    """A row of the log, exactly as stored and hashed."""

    position: int
    event_id: str
    stream_id: str
    stream_version: int
    event_type: str
    schema_version: int
    data: str
    metadata: str
    recorded_at: datetime
    prev_hash: str
    hash: str


class AppendResult(msgspec.Struct, frozen=True):
    appended: list[StoredEvent]
    duplicates: list[str]  # event ids that were already recorded

    @property
    def last_position(self) -> int | None:
        return self.appended[-1].position if self.appended else None


_COLUMNS = (
    events.c.position,
    events.c.event_id,
    events.c.stream_id,
    events.c.stream_version,
    events.c.event_type,
    events.c.schema_version,
    events.c.data,
    events.c.metadata,
    events.c.recorded_at,
    events.c.prev_hash,
    events.c.hash,
)


def _as_utc(value: datetime) -> datetime:
    # SQLite gives back naive datetimes; every stored time is UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _row_to_event(row: Any) -> StoredEvent:
    return StoredEvent(
        position=row[0],
        event_id=row[1],
        stream_id=row[2],
        stream_version=row[3],
        event_type=row[4],
        schema_version=row[5],
        data=row[6],
        metadata=row[7],
        recorded_at=_as_utc(row[8]),
        prev_hash=row[9],
        hash=row[10],
    )


_TICK = timedelta(microseconds=1)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class EventStore(abc.ABC):
    """The log. Subclasses say how to connect and how to lock for an append."""

    dialect_name: ClassVar[str]

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- backend hooks -------------------------------------------------------------

    @classmethod
    @abc.abstractmethod
    def create_engine(cls, url: str) -> Engine:
        """An engine configured for this backend (pragmas, pool, isolation)."""

    @abc.abstractmethod
    def _writer(self) -> AbstractContextManager[Connection]:
        """A connection in a transaction that holds the log's write lock until commit."""

    @abc.abstractmethod
    def exclusive(self) -> AbstractContextManager[Connection]:
        """A transaction serialised with other read-model writers, never blocking appends."""

    @classmethod
    def from_url(cls, url: str) -> EventStore:
        return cls(cls.create_engine(url))

    def close(self) -> None:
        self.engine.dispose()

    # -- writing -------------------------------------------------------------------

    def append(
        self,
        new_events: Sequence[NewEvent],
        expected_versions: Mapping[str, int] | None = None,
        *,
        now: datetime | None = None,
    ) -> AppendResult:
        """Append a batch atomically, across any number of streams.

        `expected_versions` maps a stream to the version it must be at before this
        batch (``NO_STREAM`` for a new stream); streams not named accept any version.
        Events whose id is already recorded are skipped and reported, and their
        stream's expectation is then not checked: a retried batch is a no-op.
        """
        ids = [e.event_id for e in new_events]
        if len(set(ids)) != len(ids):
            raise StoreError("a batch names the same event id twice")
        if not new_events:
            return AppendResult(appended=[], duplicates=[])
        expected = dict(expected_versions or {})
        with self._writer() as conn:
            return self._append_locked(conn, new_events, expected, now)

    def _append_locked(
        self,
        conn: Connection,
        new_events: Sequence[NewEvent],
        expected: dict[str, int],
        now: datetime | None,
    ) -> AppendResult:
        known = self._known_ids(conn, [e.event_id for e in new_events])
        fresh = [e for e in new_events if e.event_id not in known]
        duplicates = [e.event_id for e in new_events if e.event_id in known]
        if not fresh:
            return AppendResult(appended=[], duplicates=duplicates)
        versions = self._stream_versions(conn, {e.stream_id for e in fresh})
        for stream_id, want in expected.items():
            if any(e.stream_id == stream_id for e in fresh):
                have = versions.get(stream_id, 0)
                if have != want:
                    raise ConcurrencyError(stream_id, want, have)
        head = conn.execute(
            select(events.c.position, events.c.hash, events.c.recorded_at)
            .order_by(events.c.position.desc())
            .limit(1)
        ).first()
        position, prev_hash = (head[0], head[1]) if head else (0, GENESIS_HASH)
        recorded_at = _as_utc(now or _utcnow())
        if head is not None:
            # Strictly later than the previous append: "as of a time" is a prefix of the
            # log, and a change of recorded_at marks where one transaction's events end.
            recorded_at = max(recorded_at, _as_utc(head[2]) + _TICK)
        stored: list[StoredEvent] = []
        for event in fresh:
            position += 1
            version = versions.get(event.stream_id, 0) + 1
            versions[event.stream_id] = version
            digest = row_hash(
                prev_hash,
                position=position,
                event_id=event.event_id,
                stream_id=event.stream_id,
                stream_version=version,
                event_type=event.event_type,
                schema_version=event.schema_version,
                data=event.data,
                metadata=event.metadata,
                recorded_at=recorded_at,
            )
            stored.append(
                StoredEvent(
                    position=position,
                    event_id=event.event_id,
                    stream_id=event.stream_id,
                    stream_version=version,
                    event_type=event.event_type,
                    schema_version=event.schema_version,
                    data=event.data,
                    metadata=event.metadata,
                    recorded_at=recorded_at,
                    prev_hash=prev_hash,
                    hash=digest,
                )
            )
            prev_hash = digest
        self._insert(conn, stored)
        return AppendResult(appended=stored, duplicates=duplicates)

    def _insert(self, conn: Connection, rows: Sequence[StoredEvent]) -> None:
        try:
            conn.execute(insert(events), [self._to_params(r) for r in rows])
        except IntegrityError as exc:
            # Under the write lock this only happens if something bypassed the store.
            raise StoreError(f"the log refused the batch: {exc.orig}") from exc

    def _to_params(self, row: StoredEvent) -> dict[str, Any]:
        return {
            "position": row.position,
            "event_id": row.event_id,
            "stream_id": row.stream_id,
            "stream_version": row.stream_version,
            "event_type": row.event_type,
            "schema_version": row.schema_version,
            "data": row.data,
            "metadata": row.metadata,
            "recorded_at": self._db_time(row.recorded_at),
            "prev_hash": row.prev_hash,
            "hash": row.hash,
        }

    def _db_time(self, value: datetime) -> datetime:
        return value

    def _known_ids(self, conn: Connection, ids: Sequence[str]) -> set[str]:
        known: set[str] = set()
        for i in range(0, len(ids), _IN_CHUNK):
            chunk = ids[i : i + _IN_CHUNK]
            known.update(
                conn.execute(select(events.c.event_id).where(events.c.event_id.in_(chunk)))
                .scalars()
                .all()
            )
        return known

    def _stream_versions(self, conn: Connection, stream_ids: set[str]) -> dict[str, int]:
        versions: dict[str, int] = {}
        ordered = sorted(stream_ids)
        for i in range(0, len(ordered), _IN_CHUNK):
            chunk = ordered[i : i + _IN_CHUNK]
            rows = conn.execute(
                select(events.c.stream_id, func.max(events.c.stream_version))
                .where(events.c.stream_id.in_(chunk))
                .group_by(events.c.stream_id)
            )
            versions.update({r[0]: r[1] for r in rows})
        return versions

    def import_events(self, rows: Iterable[StoredEvent], *, batch_size: int = 1000) -> int:
        """Copy verified rows, hashes and times included, into an empty log; all or nothing.

        The caller verifies the chain first (`calendar_svc.audit.verify`); this refuses a
        non-empty log and positions that do not run 1, 2, 3, ...
        """
        count = 0
        with self._writer() as conn:
            if conn.execute(select(func.count()).select_from(events)).scalar_one():
                raise StoreError("import needs an empty log; this one already has events")
            batch: list[StoredEvent] = []
            for row in rows:
                count += 1
                if row.position != count:
                    raise StoreError(
                        f"import expects positions 1, 2, 3, ...; found {row.position} "
                        f"where {count} belongs"
                    )
                batch.append(row)
                if len(batch) >= batch_size:
                    self._insert(conn, batch)
                    batch = []
            if batch:
                self._insert(conn, batch)
        return count

    # -- reading -------------------------------------------------------------------

    def read_all(
        self,
        after: int = 0,
        *,
        until_position: int | None = None,
        until_time: datetime | None = None,
        page_size: int = 1000,
    ) -> Iterator[StoredEvent]:
        """Stream the log in position order, one page in memory at a time.

        Pages are keyset queries (``position > last``); positions are gap-free and
        immutable, so separate page queries still yield one consistent sequence.
        """
        if until_time is not None:
            cut = self.position_at(until_time)
            until_position = cut if until_position is None else min(until_position, cut)
        if until_position is not None:
            until_position = min(until_position, _MAX_POSITION)
        last = min(after, _MAX_POSITION)
        while True:
            query = select(*_COLUMNS).where(events.c.position > last)
            if until_position is not None:
                query = query.where(events.c.position <= until_position)
            query = query.order_by(events.c.position).limit(page_size)
            with self.engine.connect() as conn:
                page = [_row_to_event(r) for r in conn.execute(query)]
            yield from page
            if len(page) < page_size:
                return
            last = page[-1].position

    def read_page(
        self,
        after: int = 0,
        limit: int = 100,
        *,
        stream_id: str | None = None,
        event_types: Sequence[str] | None = None,
    ) -> list[StoredEvent]:
        """One page of the log, optionally one stream or some types (for the API)."""
        query = select(*_COLUMNS).where(events.c.position > min(after, _MAX_POSITION))
        if stream_id is not None:
            query = query.where(events.c.stream_id == stream_id)
        if event_types:
            query = query.where(events.c.event_type.in_(list(event_types)))
        query = query.order_by(events.c.position).limit(limit)
        with self.engine.connect() as conn:
            return [_row_to_event(r) for r in conn.execute(query)]

    def read_stream(self, stream_id: str, after_version: int = 0) -> Iterator[StoredEvent]:
        """One stream in version order, streamed in pages."""
        last = after_version
        page_size = 1000
        while True:
            query = (
                select(*_COLUMNS)
                .where(events.c.stream_id == stream_id, events.c.stream_version > last)
                .order_by(events.c.stream_version)
                .limit(page_size)
            )
            with self.engine.connect() as conn:
                page = [_row_to_event(r) for r in conn.execute(query)]
            yield from page
            if len(page) < page_size:
                return
            last = page[-1].stream_version

    def head(self) -> StoredEvent | None:
        query = select(*_COLUMNS).order_by(events.c.position.desc()).limit(1)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return _row_to_event(row) if row is not None else None

    def last_position(self) -> int:
        with self.engine.connect() as conn:
            value = conn.execute(select(func.max(events.c.position))).scalar_one()
        return int(value or 0)

    def stream_version(self, stream_id: str) -> int:
        query = select(func.max(events.c.stream_version)).where(events.c.stream_id == stream_id)
        with self.engine.connect() as conn:
            value = conn.execute(query).scalar_one()
        return int(value or 0)

    def position_at(self, when: datetime) -> int:
        """The last position recorded at or before `when` (0 if none)."""
        query = select(func.max(events.c.position)).where(
            events.c.recorded_at <= self._db_time(_as_utc(when))
        )
        with self.engine.connect() as conn:
            value = conn.execute(query).scalar_one()
        return int(value or 0)

    def get_event(self, event_id: str) -> StoredEvent | None:
        query = select(*_COLUMNS).where(events.c.event_id == event_id)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return _row_to_event(row) if row is not None else None
