"""The trip index's stored start: its fold at one position, so a new process reads the tail.

Folding every trip event from position 0 took a new process about 23 s on a 1M-event
log. A snapshot holds each trip's `TripState` as of the last event folded into it and
the position the whole set stands at; a process loads it and catches up from there.

It is a cache, never a source of truth: it carries the fingerprint of the fold that
wrote it (`fold_version`: the trip fold's code, `TripState`'s shape and the events'
schema versions), and a snapshot written by another fold is ignored, as is one ahead of
the log (a restored backup). Any failure to read it means a full fold, never an error.
Writers serialise on the store's read-model lock and only ever move it forward.

A process starts from the rows' positions and travellers' names only (`load`); a trip's
state is decoded when an article about its traveller arrives (`load_states`, see
`trip_states`), which is what made a start on a 1M-event log take seconds instead of ten.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
from collections.abc import Mapping
from functools import cache

import msgspec
from sqlalchemy import delete, insert, select, update

from calendar_svc.domain import facts as fact_keys
from calendar_svc.domain import trip
from calendar_svc.domain.events import EVENT_TYPES
from calendar_svc.domain.trip import TripState
from calendar_svc.projections.replay import gc_paused
from calendar_svc.services.trip_states import TripStates
from calendar_svc.store import EventStore
from calendar_svc.store.schema import trip_index_checkpoint, trip_index_snapshot

log = logging.getLogger("calendar_svc.trip_snapshot")

NAME = "trip_index"
#: Rows written per statement: a few hundred states at a time, never all in memory twice.
_CHUNK = 500
#: The rows' layout: 2 added the traveller's name (0009). Part of the fingerprint, so rows
#: written without it are ignored and rewritten, never read as nameless trips.
FORMAT = 2

_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(TripState)


@cache
def fold_version() -> str:
    """A fingerprint of everything a stored `TripState` depends on: a change to the fold's
    code, to the state's shape or to an event's schema version invalidates snapshots."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    digest.update(inspect.getsource(trip).encode())
    digest.update(inspect.getsource(fact_keys).encode())  # the keys `trip` records facts by
    digest.update(msgspec.json.encode(msgspec.json.schema(TripState)))
    digest.update(
        msgspec.json.encode(sorted((name, cls.schema_version) for name, cls in EVENT_TYPES.items()))
    )
    return digest.hexdigest()


class Snapshot(msgspec.Struct):
    """What `save` writes: the index's fold at `position` (only changed trips are read)."""

    position: int
    trips: Mapping[str, TripState]
    changed_at: dict[str, int]  # trip id -> position of the last event folded into it


class Stored(msgspec.Struct):
    """What `load` reads to start: every trip's traveller and last position, no state."""

    position: int
    principals: dict[str, str | None]  # trip id -> traveller, in the index's order
    changed_at: dict[str, int]


def stored_position(store: EventStore) -> int | None:
    """The position of the usable snapshot, or None when there is none for this fold."""
    with store.engine.connect() as conn:
        row = conn.execute(
            select(trip_index_checkpoint.c.position, trip_index_checkpoint.c.fold_version).where(
                trip_index_checkpoint.c.name == NAME
            )
        ).first()
    if row is None or row[1] != fold_version():
        return None
    return int(row[0])


def load(store: EventStore) -> Stored | None:
    """The stored snapshot's trips (names and positions), or None if there is none this
    fold can use (logged why)."""
    try:
        position = stored_position(store)
        if position is None:
            return None
        if position > store.last_position():
            log.warning("trip index snapshot at %d is ahead of the log: ignored", position)
            return None
        principals: dict[str, str | None] = {}
        changed: dict[str, int] = {}
        with store.engine.connect() as conn:
            result = conn.execute(
                select(
                    trip_index_snapshot.c.trip_id,
                    trip_index_snapshot.c.position,
                    trip_index_snapshot.c.principal,
                ).order_by(trip_index_snapshot.c.seq)
            )
            for trip_id, at, principal in result:
                if at > position:
                    # A newer snapshot committed after its position was read: its rows
                    # would fold the tail twice. Fold from 0 rather than mix the two.
                    log.info("trip index snapshot rewritten while read; folding from 0")
                    return None
                principals[trip_id] = principal
                changed[trip_id] = int(at)
        return Stored(position=position, principals=principals, changed_at=changed)
    except Exception:  # a cache: an unreadable one means a full fold, never an error
        log.warning("reading the trip index snapshot failed; folding from 0", exc_info=True)
        return None


def load_states(store: EventStore, trip_ids: list[str]) -> dict[str, tuple[int, TripState]]:
    """The stored rows of `trip_ids`: trip id -> (position of its last event, state).
    A trip whose row is gone or unreadable is left out: the caller folds its stream. So is
    every row when another fold (another version of the code) wrote the snapshot since
    this process started: its states are not this fold's, whatever their positions."""
    found: dict[str, tuple[int, TripState]] = {}
    if stored_position(store) is None:
        return found
    # Tens of thousands of states may be kept: the cyclic collector would rescan them.
    with gc_paused(), store.engine.connect() as conn:
        for i in range(0, len(trip_ids), _CHUNK):
            chunk = trip_ids[i : i + _CHUNK]
            rows = conn.execute(
                select(
                    trip_index_snapshot.c.trip_id,
                    trip_index_snapshot.c.position,
                    trip_index_snapshot.c.state,
                ).where(trip_index_snapshot.c.trip_id.in_(chunk))
            )
            for trip_id, at, state in rows:
                try:
                    found[trip_id] = (int(at), _decoder.decode(state))
                except msgspec.DecodeError:
                    log.warning("trip index snapshot row %s unreadable; folding it", trip_id)
    if stored_position(store) is None:
        return {}  # rewritten by another fold while read: none of these rows is ours
    return found


def save(store: EventStore, snapshot: Snapshot) -> bool:
    """Store `snapshot` if it is ahead of the stored one; only trips changed since the
    stored position are written. True when something was written."""
    version = fold_version()
    with store.exclusive() as conn:
        row = conn.execute(
            select(trip_index_checkpoint.c.position, trip_index_checkpoint.c.fold_version).where(
                trip_index_checkpoint.c.name == NAME
            )
        ).first()
        if row is not None and row[1] == version and int(row[0]) >= snapshot.position:
            return False
        if isinstance(snapshot.trips, TripStates) and (row is None or row[1] != version):
            # The snapshot this index started from is gone or another fold's (newer code)
            # now, and most states exist only as its rows: never decode or refold them all
            # under the lock. A process that folds in full writes the next one.
            return False
        if row is None or row[1] != version:
            since = -1  # another fold wrote it (or nothing): every trip is rewritten
            conn.execute(delete(trip_index_snapshot))
        else:
            since = int(row[0])
        # Ranked in the index's order (a full fold's: by first event), which it keeps.
        rank = {t: i for i, t in enumerate(snapshot.trips)}
        ids = sorted(t for t, at in snapshot.changed_at.items() if at > since)
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            if since >= 0:
                conn.execute(
                    delete(trip_index_snapshot).where(trip_index_snapshot.c.trip_id.in_(chunk))
                )
            conn.execute(
                insert(trip_index_snapshot),
                [
                    {
                        "trip_id": t,
                        "seq": rank[t],
                        "position": snapshot.changed_at[t],
                        "state": _encoder.encode(state).decode(),
                        "principal": state.principal.name if state.principal else None,
                    }
                    for t in chunk
                    for state in (snapshot.trips[t],)
                ],
            )
        values = {"position": snapshot.position, "fold_version": version}
        if row is None:
            conn.execute(insert(trip_index_checkpoint).values(name=NAME, **values))
        else:
            conn.execute(
                update(trip_index_checkpoint)
                .where(trip_index_checkpoint.c.name == NAME)
                .values(**values)
            )
    return True
