"""What goes into the log and what comes out: a new event, a stored row, an append's
result, the part of a row a fold reads; the log's columns; stored times as UTC.

Apart from the store's code so that readers of the log (audit, projections, the API) need
only these types, not the machinery that writes and reads them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import NamedTuple

import msgspec

from calendar_svc.store.schema import events

#: Expected version meaning "this stream must not exist yet".
NO_STREAM = 0
#: The largest position either database's 64-bit column can hold.
MAX_POSITION = 2**63 - 1


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
#: What a fold needs of a row: no ids, metadata or hashes (see `read_payloads`).
PAYLOAD_COLUMNS = "position, event_type, schema_version, data, recorded_at"


class Payload(NamedTuple):
    """A row as a fold reads it."""

    position: int
    event_type: str
    schema_version: int
    data: str
    recorded_at: datetime


def as_utc(value: datetime) -> datetime:
    """A stored time as a UTC-aware datetime."""
    # SQLite gives back naive datetimes; every stored time is UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
