"""Walk the hash chain and name the first row that does not hold.

Pure over an iterator of rows, so it checks a live database and an export file alike,
in constant memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from urllib.parse import quote

import msgspec
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from calendar_svc.audit.checkpoint import Checkpoint, HashesAt, check_contained
from calendar_svc.store import EventStore, StoreError, StoreUnavailable, open_store
from calendar_svc.store.hashing import GENESIS_HASH, row_hash
from calendar_svc.store.records import StoredEvent


class DatabaseUnavailable(Exception):
    """The database cannot be opened or read: nothing can be said about the log."""


class UnreadableRow(Exception):
    """A stored row cannot even be decoded (e.g. a time that is not a time): tampering."""

    def __init__(self, position: int, reason: str) -> None:
        super().__init__(f"BROKEN at position {position}: the row cannot be read ({reason})")
        self.position = position


def open_readonly(url: str) -> EventStore:
    """The log for auditing, opened so that auditing changes nothing: an SQLite file
    must exist (never created, nor its folder) and is opened read-only."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUnavailable(f"not a database URL: {url!r}") from exc
    if parsed.get_backend_name() != "sqlite":
        try:
            return open_store(url)
        except StoreError as exc:
            raise DatabaseUnavailable(str(exc)) from exc
    from calendar_svc.store.sqlite import SQLiteEventStore

    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        raise DatabaseUnavailable(f"{url!r} does not name a database file (sqlite:///PATH)")
    path = Path(database)
    if not path.is_file():
        what = "is not a file" if path.exists() else "does not exist"
        raise DatabaseUnavailable(f"no database at {path}: it {what}")
    readonly = f"sqlite:///file:{quote(str(path.resolve()))}?mode=ro&uri=true"
    return SQLiteEventStore(create_engine(readonly))


_UNDECODABLE = (ValueError, TypeError, OverflowError)


def read_errors(store: EventStore) -> tuple[type[Exception], ...]:
    """What reading `store` raises when the database itself fails (not the data):
    SQLAlchemy's errors, the log's own, and the driver's (a refused connection)."""
    return (SQLAlchemyError, StoreUnavailable, store.engine.dialect.loaded_dbapi.Error)


def first_unreadable(store: EventStore, after: int) -> int:
    """The first position after `after` whose row cannot be decoded (rows are decoded a
    chunk at a time, so a failing chunk is re-read one row at a time)."""
    position = after
    while True:
        try:
            rows = store.read_page(position, 1)
        except _UNDECODABLE:
            return position + 1
        if not rows:
            return position + 1
        position = rows[0].position


def readable(rows: Iterable[StoredEvent], locate: Callable[[int], int]) -> Iterator[StoredEvent]:
    """`rows`, with a row the store cannot decode reported as tampering at its position
    (`locate` finds it after the last row read) instead of as a traceback."""
    last = 0
    iterator = iter(rows)
    while True:
        try:
            row = next(iterator)
        except StopIteration:
            return
        except _UNDECODABLE as exc:
            raise UnreadableRow(locate(last), str(exc)) from exc
        last = row.position
        yield row


def verify_log(
    rows: Iterable[StoredEvent],
    checkpoints: Sequence[Checkpoint] = (),
    locate: Callable[[int], int] | None = None,
) -> VerifyReport:
    """Walk the chain once; if it holds, every checkpoint's (position, hash) must be on
    it (`CheckpointMismatch` otherwise). Signatures are checked before, by the caller.
    With `locate` (rows from a store), an undecodable row is `UnreadableRow`."""
    checked = rows if locate is None else readable(rows, locate)
    seen = HashesAt(checked, (c.position for c in checkpoints))
    report = verify_chain(seen)
    if report.ok:
        check_contained(checkpoints, seen.found, report.head_position)
    return report


class VerifyReport(msgspec.Struct, frozen=True):
    ok: bool
    checked: int
    head_position: int
    head_hash: str
    first_broken: int | None = None
    reason: str | None = None

    def summary(self) -> str:
        if self.ok:
            return (
                f"ok: {self.checked} events, chain intact, head position "
                f"{self.head_position}, head hash {self.head_hash}"
            )
        return f"BROKEN at position {self.first_broken}: {self.reason}"


def expected_hash(prev: str, row: StoredEvent) -> str:
    """The hash `row` must carry when the row before it hashes to `prev`."""
    return row_hash(
        prev,
        position=row.position,
        event_id=row.event_id,
        stream_id=row.stream_id,
        stream_version=row.stream_version,
        event_type=row.event_type,
        schema_version=row.schema_version,
        data=row.data,
        metadata=row.metadata,
        recorded_at=row.recorded_at,
    )


def verify_chain(rows: Iterable[StoredEvent]) -> VerifyReport:
    prev = GENESIS_HASH
    checked = 0  # rows verified so far; positions start at 1 with no gaps
    for row in rows:
        expected_position = checked + 1
        reason = None
        if row.position != expected_position:
            reason = f"expected position {expected_position}, found {row.position} (a gap)"
        elif row.prev_hash != prev:
            reason = (
                "prev_hash does not match the previous row's hash (a row was removed or altered)"
            )
        else:
            if expected_hash(prev, row) != row.hash:
                reason = "stored hash does not match the row's content (the row was altered)"
        if reason is not None:
            return VerifyReport(
                ok=False,
                checked=checked,
                head_position=expected_position - 1,
                head_hash=prev,
                first_broken=row.position,
                reason=reason,
            )
        checked += 1
        prev = row.hash
    return VerifyReport(ok=True, checked=checked, head_position=checked, head_hash=prev)
