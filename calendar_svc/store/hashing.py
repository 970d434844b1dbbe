"""The hash chain: how a row's content and its predecessor's hash become its own hash.

Kept apart from the database code so auditors (and `calendar-svc verify`) recompute it
from exported JSON exactly as the store computed it on append.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import msgspec

GENESIS_HASH = "0" * 64

_encode = msgspec.json.Encoder().encode
_sha256 = hashlib.sha256


def format_recorded_at(value: datetime) -> str:
    """Canonical UTC text with microseconds: the form hashed and exported."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_recorded_at(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def row_hash(
    prev_hash: str,
    *,
    position: int,
    event_id: str,
    stream_id: str,
    stream_version: int,
    event_type: str,
    schema_version: int,
    data: str,
    metadata: str,
    recorded_at: datetime,
) -> str:
    """SHA-256 over the previous hash and a JSON array of every stored column.

    A JSON array (not concatenation) keeps field boundaries unambiguous.
    """
    return chain_hash(
        prev_hash,
        position,
        event_id,
        stream_id,
        stream_version,
        event_type,
        schema_version,
        data,
        metadata,
        format_recorded_at(recorded_at),
    )


def chain_hash(
    prev_hash: str,
    position: int,
    event_id: str,
    stream_id: str,
    stream_version: int,
    event_type: str,
    schema_version: int,
    data: str,
    metadata: str,
    recorded_at: str,
) -> str:
    """`row_hash` with `recorded_at` already formatted: an append formats it once per batch."""
    canonical = _encode(
        [
            position,
            event_id,
            stream_id,
            stream_version,
            event_type,
            schema_version,
            data,
            metadata,
            recorded_at,
        ]
    )
    return _sha256(prev_hash.encode("ascii") + b"\n" + canonical).hexdigest()
