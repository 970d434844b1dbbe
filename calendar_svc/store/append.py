"""The append transaction: under the backend's write lock, drop the events already
recorded, check the expected stream versions, number and hash the rest onto the chain,
and insert them; and the import of a verified export into an empty log.

Apart because this is where the log's guarantees (gap-free positions, one time per
append, the hash chain, all or nothing) are made; see `base.py`.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DBAPIError

from calendar_svc.store.driver import Driver
from calendar_svc.store.errors import ConcurrencyError, StoreError
from calendar_svc.store.hashing import GENESIS_HASH, chain_hash, format_recorded_at
from calendar_svc.store.records import COLUMNS, AppendResult, NewEvent, StoredEvent, as_utc
from calendar_svc.store.timeouts import Timeouts

_IN_CHUNK = 500
_TICK = timedelta(microseconds=1)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Appender(Driver, abc.ABC):
    """Writing: `append` and `import_events`; backends give the write lock (`_writer`)."""

    def __init__(self, engine: Engine, timeouts: Timeouts | None = None) -> None:
        super().__init__(engine, timeouts)
        self._write_failure: str | None = None
        p = self.placeholder
        self._sql_insert = f"INSERT INTO events ({COLUMNS}) VALUES ({', '.join([p] * 11)})"
        self._sql_tip = (
            "SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1"
        )

    @abc.abstractmethod
    def _writer(self) -> AbstractContextManager[Connection]:
        """A connection in a transaction that holds the log's write lock until commit."""

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
        recorded_at = as_utc(now or _utcnow())
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
