"""The log as JSON Lines: one event a line with its position and hashes.

`data` and `metadata` are embedded as raw JSON, byte for byte as stored, so the file can
be re-verified (and re-imported) without this package's help.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import msgspec

from calendar_svc.store.hashing import format_recorded_at, parse_recorded_at
from calendar_svc.store.records import StoredEvent


class ExportFormatError(ValueError):
    """A line of an export file is not an exported event."""


class ExportedEvent(msgspec.Struct, frozen=True):
    position: int
    event_id: str
    stream_id: str
    stream_version: int
    event_type: str
    schema_version: int
    data: msgspec.Raw
    metadata: msgspec.Raw
    recorded_at: str
    prev_hash: str
    hash: str


_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(ExportedEvent)


def export_jsonl(rows: Iterable[StoredEvent], out: BinaryIO) -> int:
    count = 0
    buffer = bytearray()
    for row in rows:
        line = ExportedEvent(
            position=row.position,
            event_id=row.event_id,
            stream_id=row.stream_id,
            stream_version=row.stream_version,
            event_type=row.event_type,
            schema_version=row.schema_version,
            data=msgspec.Raw(row.data.encode()),
            metadata=msgspec.Raw(row.metadata.encode()),
            recorded_at=format_recorded_at(row.recorded_at),
            prev_hash=row.prev_hash,
            hash=row.hash,
        )
        _encoder.encode_into(line, buffer)
        buffer.extend(b"\n")
        out.write(buffer)
        count += 1
    return count


def read_jsonl(path: Path) -> Iterator[StoredEvent]:
    """Stream events from an export file; a malformed line raises with its number."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = _decoder.decode(line)
                recorded_at = parse_recorded_at(item.recorded_at)
                data = bytes(item.data).decode()
                metadata = bytes(item.metadata).decode()
            except (msgspec.DecodeError, ValueError) as exc:
                raise ExportFormatError(f"{path}:{number}: not an exported event: {exc}") from exc
            yield StoredEvent(
                position=item.position,
                event_id=item.event_id,
                stream_id=item.stream_id,
                stream_version=item.stream_version,
                event_type=item.event_type,
                schema_version=item.schema_version,
                data=data,
                metadata=metadata,
                recorded_at=recorded_at,
                prev_hash=item.prev_hash,
                hash=item.hash,
            )
