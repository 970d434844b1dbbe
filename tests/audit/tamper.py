"""What an attacker with write access to the SQLite file does to the log (for tests)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import msgspec
from sqlalchemy import text
from sqlalchemy.engine import make_url

from calendar_svc.audit.verify import expected_hash
from calendar_svc.store import NewEvent, open_store
from calendar_svc.store.hashing import format_recorded_at, row_hash


def db_path(url: str) -> Path:
    return Path(make_url(url).database or "")


def fill(url: str, count: int = 5, start: int = 1) -> None:
    """`count` events, one append each (so every event is its own transaction)."""
    store = open_store(url)
    for i in range(start, start + count):
        store.append(
            [NewEvent(event_id=f"e{i}", stream_id="trip", event_type="Noted", data=f'{{"n":{i}}}')]
        )
    store.close()


def _unguarded(url: str) -> sqlite3.Connection:
    conn = sqlite3.connect(db_path(url), isolation_level=None)
    triggers = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'"
    ).fetchall()
    for (name,) in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    return conn


def truncate(url: str, keep: int) -> None:
    """Remove every event after position `keep`: the chain of the rest still holds."""
    if url.startswith("postgresql"):
        store = open_store(url)
        with store.engine.begin() as conn:  # the owner can switch the guards off
            conn.execute(text("ALTER TABLE events DISABLE TRIGGER USER"))
            conn.execute(text("DELETE FROM events WHERE position > :keep"), {"keep": keep})
            conn.execute(text("ALTER TABLE events ENABLE TRIGGER USER"))
        store.close()
        return
    with closing(_unguarded(url)) as conn:
        conn.execute("DELETE FROM events WHERE position > ?", (keep,))


def rechain(url: str, position: int, data: str) -> None:
    """Rewrite the event at `position` and recompute every hash from there on, as a
    careful attacker would: the chain verifies, only an outside anchor can tell."""
    store = open_store(url)
    rows = list(store.read_all())
    store.close()
    prev = rows[position - 2].hash if position > 1 else "0" * 64
    with closing(_unguarded(url)) as conn:
        conn.execute("BEGIN")
        for row in rows[position - 1 :]:
            new_data = data if row.position == position else row.data
            new_hash = expected_hash(prev, msgspec.structs.replace(row, data=new_data))
            conn.execute(
                "UPDATE events SET data = ?, prev_hash = ?, hash = ? WHERE position = ?",
                (new_data, prev, new_hash, row.position),
            )
            prev = new_hash
        conn.execute("COMMIT")


def forge_append(url: str, *, chained: bool) -> int:
    """Insert an event after the head by hand; `chained` computes a valid hash."""
    store = open_store(url)
    head = store.head()
    store.close()
    assert head is not None
    position = head.position + 1
    recorded_at = head.recorded_at + timedelta(seconds=1)
    data = '{"n":"forged"}'
    digest = row_hash(
        head.hash,
        position=position,
        event_id="forged",
        stream_id="trip",
        stream_version=position,
        event_type="Noted",
        schema_version=1,
        data=data,
        metadata="{}",
        recorded_at=recorded_at,
    )
    stamp = format_recorded_at(recorded_at).replace("T", " ").removesuffix("Z")
    with closing(_unguarded(url)) as conn:
        conn.execute(
            "INSERT INTO events (position, event_id, stream_id, stream_version, event_type, "
            "schema_version, data, metadata, recorded_at, prev_hash, hash) "
            "VALUES (?, 'forged', 'trip', ?, 'Noted', 1, ?, '{}', ?, ?, ?)",
            (position, position, data, stamp, head.hash, digest if chained else "f" * 64),
        )
    return position
