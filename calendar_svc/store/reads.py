"""Reading the log: all of it in pages (whole rows, or what a fold reads), one page for
the API, one stream, the head, and the position at a time.

Apart because reads never lock: pages are keyset queries over immutable, gap-free
positions, so separate queries still yield one consistent sequence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from calendar_svc.store.driver import Driver
from calendar_svc.store.records import (
    COLUMNS,
    MAX_POSITION,
    PAYLOAD_COLUMNS,
    Payload,
    StoredEvent,
    as_utc,
)
from calendar_svc.store.timeouts import Timeouts


class Reader(Driver):
    """Reading, streamed a page (and a chunk of it) at a time."""

    def __init__(self, engine: Engine, timeouts: Timeouts | None = None) -> None:
        super().__init__(engine, timeouts)
        p = self.placeholder
        self._sql_page = (
            f"SELECT {COLUMNS} FROM events WHERE position > {p} ORDER BY position LIMIT {p}"
        )
        self._sql_page_until = (
            f"SELECT {COLUMNS} FROM events WHERE position > {p} AND position <= {p} "
            f"ORDER BY position LIMIT {p}"
        )
        self._sql_payloads = (
            f"SELECT {PAYLOAD_COLUMNS} FROM events WHERE position > {p} AND position <= {p} "
            f"ORDER BY position LIMIT {p}"
        )
        self._sql_stream = (
            f"SELECT {COLUMNS} FROM events WHERE stream_id = {p} AND stream_version > {p} "
            f"ORDER BY stream_version LIMIT {p}"
        )
        self._sql_head = f"SELECT {COLUMNS} FROM events ORDER BY position DESC LIMIT 1"
        self._sql_event = f"SELECT {COLUMNS} FROM events WHERE event_id = {p}"
        self._sql_at = (
            f"SELECT recorded_at FROM events WHERE position >= {p} ORDER BY position LIMIT 1"
        )

    def _types_source(self, many_types: bool) -> str:
        """The FROM target of a type-filtered page (SQLite overrides for many types)."""
        return "events"

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
            until_position = min(until_position, MAX_POSITION)
        last = min(after, MAX_POSITION)
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
        last = min(after, MAX_POSITION)
        until = MAX_POSITION if until_position is None else min(until_position, MAX_POSITION)
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
        params: list[Any] = [min(after, MAX_POSITION)]
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
                cut = as_utc(when)
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
