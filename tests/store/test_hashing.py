"""The hash chain's output is pinned: auditors recompute it, so no rewrite may change it."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from calendar_svc.store.hashing import (
    GENESIS_HASH,
    chain_hash,
    format_recorded_at,
    row_hash,
)

# Computed with the implementation before the batched append path existed.
_ROWS: list[tuple[dict[str, Any], str]] = [
    (
        dict(
            position=1,
            event_id="e1",
            stream_id="trip-1",
            stream_version=1,
            event_type="Noted",
            schema_version=1,
            data='{"n":"Hà Nội \\"q\\" \u2028"}',
            metadata='{"source":"test"}',
            recorded_at=datetime(2025, 5, 4, 8, 0, tzinfo=UTC),
        ),
        "949f86841ef5dbc622d14eee2d90f315be6cacc4dde344d8dcf61784cbe1f444",
    ),
    (
        dict(
            position=2,
            event_id="e2",
            stream_id="s2",
            stream_version=7,
            event_type="Other",
            schema_version=3,
            data="{}",
            metadata="{}",
            recorded_at=datetime(2025, 5, 4, 10, 0, 0, 123456, tzinfo=timezone(timedelta(hours=2))),
        ),
        "5c1419a0a23b71929c808a1ade357cfb9e6f49688332c113126c8f669370b4b4",
    ),
    (
        dict(
            position=3,
            event_id="e3",
            stream_id="s2",
            stream_version=8,
            event_type="Other",
            schema_version=1,
            data='{"x":[1,2]}',
            metadata="{}",
            recorded_at=datetime(2025, 5, 4, 8, 0, 0, 5),  # naive: taken as UTC
        ),
        "4400e53980a9d92a69ffb23c14e7b5db0c24e1ac70f6829e936bbcbbcecd6198",
    ),
]


def test_row_hash_matches_the_pinned_chain() -> None:
    prev = GENESIS_HASH
    for fields, expected in _ROWS:
        digest = row_hash(prev, **fields)
        assert digest == expected
        prev = digest


def test_chain_hash_with_formatted_time_equals_row_hash() -> None:
    prev = GENESIS_HASH
    for fields, expected in _ROWS:
        at = format_recorded_at(fields["recorded_at"])
        rest = {k: v for k, v in fields.items() if k != "recorded_at"}
        assert chain_hash(prev, **rest, recorded_at=at) == expected
        prev = expected


def test_the_documented_recipe_reproduces_the_hash() -> None:
    """What an auditor with plain tools does: SHA-256(prev + LF + compact JSON array)."""
    fields, expected = _ROWS[0]
    array = [*list(fields.values())[:-1], "2025-05-04T08:00:00.000000Z"]
    canonical = json.dumps(array, ensure_ascii=False, separators=(",", ":")).encode()
    assert hashlib.sha256(GENESIS_HASH.encode() + b"\n" + canonical).hexdigest() == expected
