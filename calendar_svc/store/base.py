"""The append-only event log on SQLAlchemy Core, shared by every backend.

Backends (`sqlite.py`, `postgres.py`) differ only in how an engine is made, how an
append takes the log's write lock and how their driver binds and returns values;
everything else lives here so both behave alike.

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
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, closing
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar, NamedTuple, TypeVar

import msgspec
from sqlalchemy import Connection, Engine
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DBAPIError

from calendar_svc.store.hashing import GENESIS_HASH, chain_hash, format_recorded_at
from calendar_svc.store.schema import events

#: Expected version meaning "this stream must not exist yet".
NO_STREAM = 0

_IN_CHUNK = 500
#: Rows fetched and turned into events at a time while streaming a page.
_CHUNK = 128
#: The largest position either database's 64-bit column can hold.
_MAX_POSITION = 2**63 - 1


class StoreError(Exception):
    """Anything the log refuses to do."""


class StoreUnavailable(StoreError):
    """The database cannot serve the request now (down, frozen, locked, full, read-only);
    nothing was written and the same request may succeed later."""


class Timeouts(msgspec.Struct, frozen=True):
    """How long the log waits on the database before it gives up (bounded faults)."""

    #: Connecting, and waiting for another writer's lock (SQLite busy, PostgreSQL locks).
    lock_seconds: float = 5.0
    #: One statement on the server; the client cuts the connection a second later.
    statement_seconds: float = 15.0
    #: Waiting for other submissions to be read and appended before this one.
    queue_seconds: float = 30.0


def poll_lock(try_lock: Callable[[], bool], seconds: float, what: str) -> None:
    """Call `try_lock` until it succeeds or `seconds` pass (then `StoreUnavailable`).

    Polling keeps every round trip short, so the statement deadlines stay meaningful.
    """
    deadline = time.monotonic() + seconds
    pause = 0.002
    while not try_lock():
        if time.monotonic() >= deadline:
            raise StoreUnavailable(f"{what} is busy: waited {seconds:g} s; try again later")
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


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


#: Every column of the log, in `StoredEvent` field order (a test holds them equal).
COLUMNS = ", ".join(column.name for column in events.columns)
_Row = TypeVar("_Row")
#: What a fold needs of a row: no ids, metadata or hashes (see `read_payloads`).
_PAYLOAD = "position, event_type, schema_version, data, recorded_at"


class Payload(NamedTuple):
    """A row as a fold reads it."""

    position: int
    event_type: str
    schema_version: int
    data: str
    recorded_at: datetime


_TICK = timedelta(microseconds=1)


def _as_utc(value: datetime) -> datetime:
    # SQLite gives back naive datetimes; every stored time is UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class EventStore(abc.ABC):
    """The log. Subclasses say how to connect and how to lock for an append.

    Statements go straight to the driver's cursor with SQL written once per backend:
    SQLAlchemy's per-row parameter and result processing cost more than the database
    work on the append and replay paths. Driver errors are still raised as SQLAlchemy's.
    """

    dialect_name: ClassVar[str]
    #: The driver's placeholder for one positional parameter.
    placeholder: ClassVar[str] = "?"

    def __init__(self, engine: Engine, timeouts: Timeouts | None = None) -> None:
        self.engine = engine
        self.timeouts = timeouts or Timeouts()
        self._write_failure: str | None = None
        self._dbapi_error: type[Exception] = engine.dialect.loaded_dbapi.Error
        self._integrity_error: type[Exception] = engine.dialect.loaded_dbapi.IntegrityError
        p = self.placeholder
        self._sql_insert = f"INSERT INTO events ({COLUMNS}) VALUES ({', '.join([p] * 11)})"
        self._sql_page = (
            f"SELECT {COLUMNS} FROM events WHERE position > {p} ORDER BY position LIMIT {p}"
        )
        self._sql_page_until = (
            f"SELECT {COLUMNS} FROM events WHERE position > {p} AND position <= {p} "
            f"ORDER BY position LIMIT {p}"
        )
        self._sql_payloads = (
            f"SELECT {_PAYLOAD} FROM events WHERE position > {p} AND position <= {p} "
            f"ORDER BY position LIMIT {p}"
        )
        self._sql_stream = (
            f"SELECT {COLUMNS} FROM events WHERE stream_id = {p} AND stream_version > {p} "
            f"ORDER BY stream_version LIMIT {p}"
        )
        self._sql_head = f"SELECT {COLUMNS} FROM events ORDER BY position DESC LIMIT 1"
        self._sql_tip = (
            "SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1"
        )
        self._sql_event = f"SELECT {COLUMNS} FROM events WHERE event_id = {p}"
        self._sql_at = (
            f"SELECT recorded_at FROM events WHERE position >= {p} ORDER BY position LIMIT 1"
        )

    # -- backend hooks -------------------------------------------------------------

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
    def _writer(self) -> AbstractContextManager[Connection]:
        """A connection in a transaction that holds the log's write lock until commit."""

    @abc.abstractmethod
    def exclusive(self) -> AbstractContextManager[Connection]:
        """A transaction serialised with other read-model writers, never blocking appends."""

    def _db_time(self, value: datetime) -> Any:
        """A UTC-aware time as the driver should bind it (SQLite overrides: text)."""
        return value

    def _py_time(self, value: Any) -> datetime:
        """A stored time as the driver returns it, back to a UTC-aware datetime."""
        return _as_utc(value)

    def _types_source(self, many_types: bool) -> str:
        """The FROM target of a type-filtered page (SQLite overrides for many types)."""
        return "events"

    def _in(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        """``column IN (...)`` and its parameters (PostgreSQL overrides: ``= ANY``)."""
        return f"{column} IN ({', '.join([self.placeholder] * len(values))})", list(values)

    @classmethod
    def from_url(cls, url: str, timeouts: Timeouts | None = None) -> EventStore:
        return cls(cls.create_engine(url, timeouts), timeouts)

    def close(self) -> None:
        self.engine.dispose()

    # -- the driver ----------------------------------------------------------------

    def _fetch(
        self, dbapi_conn: DBAPIConnection, sql: str, params: Sequence[Any] = ()
    ) -> Sequence[Any]:
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute(sql, params)
            return cursor.fetchall()
        except self._dbapi_error as exc:
            raise self._wrap(exc, sql, params) from exc
        finally:
            cursor.close()

    def _query(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Any]:
        """One statement on a pooled connection, outside any transaction of ours."""
        with closing(self.engine.raw_connection()) as dbapi_conn:
            return self._fetch(dbapi_conn.dbapi_connection, sql, params)  # type: ignore[arg-type]

    def _stream(
        self,
        sql: str,
        params: Sequence[Any],
        build: Callable[[Sequence[Sequence[Any]]], list[_Row]],
    ) -> Iterator[list[_Row]]:
        """One query's rows in small chunks, each built (by `build`) just before it is used.

        Rows then are still in the CPU cache when the caller reads them (a page of 1,000
        is megabytes of text). The connection goes back to the pool after the query.
        """
        with closing(self.engine.raw_connection()) as raw:
            cursor: Any = raw.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.execute(sql, params)
                while rows := cursor.fetchmany(_CHUNK):
                    yield build(rows)
            except self._dbapi_error as exc:
                raise self._wrap(exc, sql, params) from exc
            finally:
                cursor.close()

    def _wrap(self, exc: Exception, sql: str, params: Any, *, many: bool = False) -> Exception:
        """The driver's error as SQLAlchemy would have raised it (OperationalError, ...)."""
        wrapped = DBAPIError.instance(
            sql, params, exc, self._dbapi_error, dialect=self.engine.dialect, ismulti=many
        )
        return wrapped if isinstance(wrapped, Exception) else exc

    def _events(self, rows: Iterable[Sequence[Any]]) -> list[StoredEvent]:
        py_time = self._py_time
        raw_at: Any = None
        at = datetime.min
        out: list[StoredEvent] = []
        add = out.append
        for pos, eid, sid, ver, etype, schema, data, meta, raw, prev, digest in rows:
            if raw != raw_at:  # one append shares one time: parse it once
                raw_at, at = raw, py_time(raw)
            add(StoredEvent(pos, eid, sid, ver, etype, schema, data, meta, at, prev, digest))
        return out

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
        Events whose id is already recorded are skipped and reported: a batch recorded
        whole before is a no-op. A batch only partly recorded is checked against every
        expectation it names, including those of streams whose events were all known.
        """
        ids = [e.event_id for e in new_events]
        if len(set(ids)) != len(ids):
            raise StoreError("a batch names the same event id twice")
        if not new_events:
            return AppendResult(appended=[], duplicates=[])
        expected = dict(expected_versions or {})
        try:
            with self._writer() as conn:
                result = self._append_locked(conn, new_events, expected, now)
        except DBAPIError as exc:
            self._write_failure = str(exc.orig or exc).strip().splitlines()[0][:200]
            raise
        self._write_failure = None
        return result

    def write_problem(self) -> str | None:
        """Why appends would fail now, as far as this process can tell (for /health): the
        last append's database error, until an append succeeds. Backends add checks."""
        return self._write_failure

    def _append_locked(
        self,
        conn: Connection,
        new_events: Sequence[NewEvent],
        expected: dict[str, int],
        now: datetime | None,
    ) -> AppendResult:
        dbapi_conn = self._driver(conn)
        known = self._known_ids(dbapi_conn, [e.event_id for e in new_events])
        if known:
            fresh = [e for e in new_events if e.event_id not in known]
            duplicates = [e.event_id for e in new_events if e.event_id in known]
            if not fresh:
                return AppendResult(appended=[], duplicates=duplicates)
        else:
            fresh, duplicates = list(new_events), []
        streams = {e.stream_id for e in fresh}
        # When part of a batch is already recorded, the rest is not a retry of it: every
        # expectation then holds for the whole batch, including streams whose events were
        # all dropped as known (an article re-read against newer state must not append its
        # facts because its `ArticleRecorded` was dropped as a duplicate).
        checked = set(expected) if duplicates else streams & set(expected)
        versions = self._stream_versions(dbapi_conn, streams | checked)
        for stream_id in sorted(checked):
            want, have = expected[stream_id], versions.get(stream_id, 0)
            if have != want:
                raise ConcurrencyError(stream_id, want, have)
        tip = self._fetch(dbapi_conn, self._sql_tip)
        position, prev_hash = (tip[0][0], tip[0][1]) if tip else (0, GENESIS_HASH)
        recorded_at = _as_utc(now or _utcnow())
        if tip:
            # Strictly later than the previous append: "as of a time" is a prefix of the
            # log, and a change of recorded_at marks where one transaction's events end.
            recorded_at = max(recorded_at, self._py_time(tip[0][2]) + _TICK)
        hashed_at = format_recorded_at(recorded_at)
        stored: list[StoredEvent] = []
        add = stored.append
        for event in fresh:
            position += 1
            stream_id = event.stream_id
            version = versions.get(stream_id, 0) + 1
            versions[stream_id] = version
            digest = chain_hash(
                prev_hash,
                position,
                event.event_id,
                stream_id,
                version,
                event.event_type,
                event.schema_version,
                event.data,
                event.metadata,
                hashed_at,
            )
            add(
                StoredEvent(
                    position,
                    event.event_id,
                    stream_id,
                    version,
                    event.event_type,
                    event.schema_version,
                    event.data,
                    event.metadata,
                    recorded_at,
                    prev_hash,
                    digest,
                )
            )
            prev_hash = digest
        self._insert(conn, stored)
        return AppendResult(appended=stored, duplicates=duplicates)

    def _driver(self, conn: Connection) -> DBAPIConnection:
        """The driver connection under `conn`, in the same transaction."""
        return conn.connection.dbapi_connection  # type: ignore[return-value]

    def _insert(self, conn: Connection, rows: Sequence[StoredEvent]) -> None:
        db_time = self._db_time
        at: datetime | None = None
        bound: Any = None
        params: list[tuple[Any, ...]] = []
        add = params.append
        for r in rows:
            if r.recorded_at is not at:  # one append shares one time: convert it once
                at, bound = r.recorded_at, db_time(r.recorded_at)
            add(
                (
                    r.position,
                    r.event_id,
                    r.stream_id,
                    r.stream_version,
                    r.event_type,
                    r.schema_version,
                    r.data,
                    r.metadata,
                    bound,
                    r.prev_hash,
                    r.hash,
                )
            )
        cursor = self._driver(conn).cursor()
        try:
            self._insert_rows(cursor, params)
        except self._integrity_error as exc:
            # Under the write lock this only happens if something bypassed the store.
            raise StoreError(f"the log refused the batch: {exc}") from exc
        except self._dbapi_error as exc:
            raise self._wrap(exc, self._sql_insert, params, many=True) from exc
        finally:
            cursor.close()

    def _insert_rows(self, cursor: Any, params: list[tuple[Any, ...]]) -> None:
        """Insert rows of column values (PostgreSQL overrides: COPY)."""
        cursor.executemany(self._sql_insert, params)

    def _known_ids(self, dbapi_conn: DBAPIConnection, ids: Sequence[str]) -> set[str]:
        known: set[str] = set()
        for i in range(0, len(ids), _IN_CHUNK):
            where, params = self._in("event_id", ids[i : i + _IN_CHUNK])
            rows = self._fetch(dbapi_conn, f"SELECT event_id FROM events WHERE {where}", params)
            known.update(r[0] for r in rows)
        return known

    def _stream_versions(self, dbapi_conn: DBAPIConnection, stream_ids: set[str]) -> dict[str, int]:
        versions: dict[str, int] = {}
        ordered = sorted(stream_ids)
        for i in range(0, len(ordered), _IN_CHUNK):
            where, params = self._in("stream_id", ordered[i : i + _IN_CHUNK])
            sql = (
                f"SELECT stream_id, max(stream_version) FROM events WHERE {where} "
                "GROUP BY stream_id"
            )
            versions.update({r[0]: r[1] for r in self._fetch(dbapi_conn, sql, params)})
        return versions

    def import_events(self, rows: Iterable[StoredEvent], *, batch_size: int = 1000) -> int:
        """Copy verified rows, hashes and times included, into an empty log; all or nothing.

        The caller verifies the chain first (`calendar_svc.audit.verify`); this refuses a
        non-empty log, positions that do not run 1, 2, 3, ... and a `recorded_at` that
        falls (appends never write one, and `position_at` relies on it).
        """
        count = 0
        previous: datetime | None = None
        with self._writer() as conn:
            if self._fetch(self._driver(conn), "SELECT 1 FROM events LIMIT 1"):
                raise StoreError("import needs an empty log; this one already has events")
            batch: list[StoredEvent] = []
            for row in rows:
                count += 1
                if row.position != count:
                    raise StoreError(
                        f"import expects positions 1, 2, 3, ...; found {row.position} "
                        f"where {count} belongs"
                    )
                if previous is not None and row.recorded_at < previous:
                    raise StoreError(
                        f"import expects recorded_at never to fall; position {count} is "
                        f"earlier than position {count - 1}"
                    )
                previous = row.recorded_at
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
            if until_position is None:
                page = self._stream(self._sql_page, (last, page_size), self._events)
            else:
                page = self._stream(
                    self._sql_page_until, (last, until_position, page_size), self._events
                )
            count = 0
            for chunk in page:
                count += len(chunk)
                last = chunk[-1].position
                yield from chunk
            if count < page_size:
                return

    def read_payloads(
        self, after: int = 0, *, until_position: int | None = None, page_size: int = 1000
    ) -> Iterator[Payload]:
        """What `read_all` streams, minus what a fold never reads (ids, stream, metadata,
        hashes): replays and rebuilds fetch and build a third of the columns."""
        last = min(after, _MAX_POSITION)
        until = _MAX_POSITION if until_position is None else min(until_position, _MAX_POSITION)
        while True:
            count = 0
            for chunk in self._stream(self._sql_payloads, (last, until, page_size), self._payloads):
                count += len(chunk)
                last = chunk[-1].position
                yield from chunk
            if count < page_size:
                return

    def _payloads(self, rows: Sequence[Sequence[Any]]) -> list[Payload]:
        py_time = self._py_time
        raw_at: Any = None
        at = datetime.min
        out: list[Payload] = []
        for position, event_type, schema, data, stamp in rows:
            if stamp != raw_at:  # one append shares one time: parse it once
                raw_at, at = stamp, py_time(stamp)
            out.append(Payload(position, event_type, schema, data, at))
        return out

    def read_page(
        self,
        after: int = 0,
        limit: int = 100,
        *,
        stream_id: str | None = None,
        event_types: Sequence[str] | None = None,
    ) -> list[StoredEvent]:
        """One page of the log, optionally one stream or some types (for the API)."""
        p = self.placeholder
        source = "events"
        if event_types and stream_id is None:
            source = self._types_source(len(event_types) > 1)
        sql = f"SELECT {COLUMNS} FROM {source} WHERE position > {p}"
        params: list[Any] = [min(after, _MAX_POSITION)]
        if stream_id is not None:
            sql += f" AND stream_id = {p}"
            params.append(stream_id)
        if event_types:
            where, more = self._in("event_type", list(event_types))
            sql += f" AND {where}"
            params += more
        sql += f" ORDER BY position LIMIT {p}"
        params.append(limit)
        return self._events(self._query(sql, params))

    def read_stream(self, stream_id: str, after_version: int = 0) -> Iterator[StoredEvent]:
        """One stream in version order, streamed in pages."""
        last = after_version
        page_size = 1000
        while True:
            count = 0
            for chunk in self._stream(self._sql_stream, (stream_id, last, page_size), self._events):
                count += len(chunk)
                last = chunk[-1].stream_version
                yield from chunk
            if count < page_size:
                return

    def head(self) -> StoredEvent | None:
        rows = self._events(self._query(self._sql_head))
        return rows[0] if rows else None

    def last_position(self) -> int:
        return int(self._query("SELECT max(position) FROM events")[0][0] or 0)

    def stream_version(self, stream_id: str) -> int:
        sql = f"SELECT max(stream_version) FROM events WHERE stream_id = {self.placeholder}"
        return int(self._query(sql, (stream_id,))[0][0] or 0)

    def position_at(self, when: datetime) -> int:
        """The last position recorded at or before `when` (0 if none).

        A binary search over the primary key: `recorded_at` never falls as positions
        rise (each append's time is later than the previous one's, and `import_events`
        refuses times that fall), so about log2(n) point reads answer it, no index needed.
        """
        with closing(self.engine.raw_connection()) as raw:
            dbapi_conn: Any = raw.dbapi_connection
            last = self._fetch(dbapi_conn, "SELECT max(position) FROM events")[0][0]
            try:
                cut = _as_utc(when)
            except OverflowError:
                # Beyond what a datetime holds once in UTC (year 9999 west of UTC, year 1
                # east of it): after every append, or before any.
                return int(last or 0) if when.year > 1 else 0
            low, high = 0, int(last or 0)
            # Invariant: everything up to `low` is at or before `cut`, past `high` after it.
            while low < high:
                middle = (low + high + 1) // 2
                row = self._fetch(dbapi_conn, self._sql_at, (middle,))
                if row and self._py_time(row[0][0]) <= cut:
                    low = middle
                else:
                    high = middle - 1
        return low

    def get_event(self, event_id: str) -> StoredEvent | None:
        rows = self._events(self._query(self._sql_event, (event_id,)))
        return rows[0] if rows else None
