"""The trip index's stored snapshot is a cache: snapshot + tail is exactly the full fold,
and a snapshot another fold wrote (or one ahead of the log) is ignored."""

from __future__ import annotations

from collections.abc import Mapping

import msgspec
import pytest
from sqlalchemy import select, update

from bench.synthetic import batched, generate
from calendar_svc.domain.trip import TripState
from calendar_svc.services import trip_snapshot
from calendar_svc.services.ingestion import TripIndex
from calendar_svc.services.trip_states import TripStates, trips_of
from calendar_svc.store import EventStore, open_store
from calendar_svc.store.schema import trip_index_snapshot

EVENTS = list(generate(3_000, seed=7))


def _append(store: EventStore, start: int, stop: int) -> None:
    for chunk in batched(EVENTS[start:stop], 250):
        store.append(chunk)


def _encoded(trips: Mapping[str, TripState]) -> bytes:
    """Every state, in the index's order (a lazy index decodes them all for this)."""
    return msgspec.json.encode(dict(trips.items()))


def _full_fold(store: EventStore) -> bytes:
    return _encoded(TripIndex(store, from_snapshot=False).catch_up())


@pytest.mark.parametrize("cuts", [(1_000,), (10, 1_700, 2_990), (3_000,)])
def test_snapshot_and_tail_equal_the_full_fold(any_url: str, cuts: tuple[int, ...]) -> None:
    store = open_store(any_url)
    try:
        done = 0
        for cut in cuts:  # each process saves at its start: incremental rewrites
            _append(store, done, cut)
            done = cut
            index = TripIndex(store)
            index.catch_up()
            index.save_snapshot()
            assert trip_snapshot.stored_position(store) == index.position
        _append(store, done, len(EVENTS))
        started = TripIndex(store)
        snapshot = trip_snapshot.load(store)
        assert snapshot is not None and snapshot.position == index.position
        assert _encoded(started.catch_up()) == _full_fold(store)
    finally:
        store.close()


def test_a_snapshot_is_read_not_refolded(sqlite_url: str) -> None:
    """An altered stored state shows through: the index really starts from the snapshot."""
    store = open_store(sqlite_url)
    try:
        _append(store, 0, len(EVENTS))
        index = TripIndex(store)
        index.catch_up()
        index.save_snapshot()
        trip_id = sorted(index.trips)[0]
        _alter(store, trip_id)
        assert TripIndex(store).catch_up()[trip_id].version == 999_999
    finally:
        store.close()


def test_a_snapshot_of_another_fold_is_ignored(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(sqlite_url)
    try:
        _append(store, 0, 2_000)
        index = TripIndex(store)
        index.catch_up()
        index.save_snapshot()
        trip_id = sorted(index.trips)[0]
        _alter(store, trip_id)
        monkeypatch.setattr(trip_snapshot, "fold_version", lambda: "0" * 64)
        assert trip_snapshot.load(store) is None
        assert _encoded(TripIndex(store).catch_up()) == _full_fold(store)
        # The new fold's snapshot replaces every row, the altered one included.
        _append(store, 2_000, len(EVENTS))
        fresh = TripIndex(store)
        fresh.catch_up()
        assert fresh.save_snapshot()
        assert _encoded(TripIndex(store).catch_up()) == _full_fold(store)
    finally:
        store.close()


def test_a_snapshot_ahead_of_the_log_is_ignored(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    try:
        _append(store, 0, 500)
        index = TripIndex(store)
        index.catch_up()
        index.save_snapshot()
        with store.exclusive() as conn:
            conn.execute(update(trip_snapshot.trip_index_checkpoint).values(position=10**9))
        assert trip_snapshot.load(store) is None
        assert _encoded(TripIndex(store).catch_up()) == _full_fold(store)
    finally:
        store.close()


def test_an_older_index_does_not_move_the_snapshot_back(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    try:
        _append(store, 0, 1_000)
        old = TripIndex(store)
        old.catch_up()
        _append(store, 1_000, 2_000)
        new = TripIndex(store)
        new.catch_up()
        assert new.save_snapshot()
        assert not old.save_snapshot()
        assert trip_snapshot.stored_position(store) == new.position
    finally:
        store.close()


def _alter(store: EventStore, trip_id: str) -> None:
    with store.exclusive() as conn:
        state = conn.execute(
            select(trip_index_snapshot.c.state).where(trip_index_snapshot.c.trip_id == trip_id)
        ).scalar_one()
        altered = msgspec.json.decode(state)
        altered["version"] = 999_999
        conn.execute(
            update(trip_index_snapshot)
            .where(trip_index_snapshot.c.trip_id == trip_id)
            .values(state=msgspec.json.encode(altered).decode())
        )


def test_an_api_process_stores_the_snapshot_it_warmed(sqlite_url: str) -> None:
    from calendar_svc.api.app import create_app
    from calendar_svc.services.warmup import warm

    store = open_store(sqlite_url)
    try:
        _append(store, 0, 1_500)
        app = create_app(store=store)
        index: TripIndex = app.state["trips"]
        warm(index, app.state["readside"])
        assert index.position > 0
        assert trip_snapshot.stored_position(store) == index.position
    finally:
        store.close()


def test_rows_newer_than_the_stored_position_are_not_mixed_in(sqlite_url: str) -> None:
    """A reader that met the position of one save and the rows of the next folds from 0."""
    store = open_store(sqlite_url)
    try:
        _append(store, 0, 1_000)
        index = TripIndex(store)
        index.catch_up()
        index.save_snapshot()
        with store.exclusive() as conn:
            conn.execute(update(trip_snapshot.trip_index_checkpoint).values(position=5))
        assert trip_snapshot.load(store) is None
        assert _encoded(TripIndex(store).catch_up()) == _full_fold(store)
    finally:
        store.close()


def _saved(store: EventStore, stop: int) -> TripIndex:
    _append(store, 0, stop)
    index = TripIndex(store)
    index.catch_up()
    index.save_snapshot()
    return index


def test_a_start_from_the_snapshot_decodes_no_state(sqlite_url: str) -> None:
    """Ready on a large log means reading names, not 300 MB of states."""
    store = open_store(sqlite_url)
    try:
        saved = _saved(store, 2_000)
        started = TripIndex(store)
        trips = started.catch_up()
        assert isinstance(trips, TripStates)
        assert len(trips) == len(saved.trips) and trips.decoded() == 0
        assert started.principal_names() == saved.principal_names()
        assert trips.decoded() == 0
    finally:
        store.close()


def test_only_the_travellers_trips_are_decoded_and_they_equal_the_fold(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    try:
        saved = _saved(store, 2_000)
        trips = TripIndex(store).catch_up()
        assert isinstance(trips, TripStates)
        name = saved.principal_names()[0]
        mine = trips_of(trips, name)
        full = trips_of(dict(saved.trips.items()), name)
        assert 0 < len(mine) < len(trips)
        assert trips.decoded() == len(mine)
        assert list(mine) == list(full)  # the fold's order: ties in matching go to the first
        assert msgspec.json.encode(mine) == msgspec.json.encode(full)
    finally:
        store.close()


def test_a_row_another_process_rewrote_since_the_start_is_folded_from_its_stream(
    sqlite_url: str,
) -> None:
    """This index started at position P; a newer save rewrote a trip's row with events
    past P. Using that row would count those events twice: the trip's stream is folded
    up to P instead."""
    store = open_store(sqlite_url)
    try:
        _saved(store, 2_000)
        started = TripIndex(store)
        trips = started.catch_up()
        assert isinstance(trips, TripStates)
        _append(store, 2_000, len(EVENTS))
        newer = TripIndex(store)
        newer.catch_up()
        assert newer.save_snapshot()
        moved = [t for t, at in newer.changed_at.items() if at > started.position]
        assert moved
        expected = _fold_until(store, started.position)
        assert msgspec.json.encode(trips[moved[0]]) == msgspec.json.encode(expected[moved[0]])
        # and once caught up, the lazy index equals the full fold at the head
        assert _encoded(started.catch_up()) == _full_fold(store)
    finally:
        store.close()


def _fold_until(store: EventStore, position: int) -> dict[str, TripState]:
    from calendar_svc.domain.events import TripEvent, decode
    from calendar_svc.domain.trip import apply

    states: dict[str, TripState] = {}
    for stored in store.read_all():
        if stored.position > position:
            break
        event = decode(stored.event_type, stored.schema_version, stored.data)
        if isinstance(event, TripEvent):
            states[event.trip_id] = apply(states.get(event.trip_id), event, stored.event_id)
    return states


def test_rows_of_the_earlier_layout_are_not_read(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows written before the traveller's name was stored would start nameless trips:
    the layout is part of the fingerprint, so they are ignored."""
    before = trip_snapshot.fold_version()
    trip_snapshot.fold_version.cache_clear()
    monkeypatch.setattr(trip_snapshot, "FORMAT", trip_snapshot.FORMAT - 1)
    try:
        assert trip_snapshot.fold_version() != before
    finally:
        trip_snapshot.fold_version.cache_clear()


def test_the_fingerprint_covers_the_fact_keys_the_fold_records(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`trip.apply` records facts under `domain.facts` keys: a change there is a change of
    what a stored state means."""
    import inspect

    from calendar_svc.domain import facts

    before = trip_snapshot.fold_version()
    real = inspect.getsource

    def changed(obj: object) -> str:
        return real(obj) + ("\n# changed" if obj is facts else "")

    trip_snapshot.fold_version.cache_clear()
    monkeypatch.setattr(trip_snapshot.inspect, "getsource", changed)
    try:
        assert trip_snapshot.fold_version() != before
    finally:
        trip_snapshot.fold_version.cache_clear()


def _rewritten_by_another_fold(store: EventStore) -> None:
    with store.exclusive() as conn:
        conn.execute(update(trip_snapshot.trip_index_checkpoint).values(fold_version="0" * 64))


def test_rows_another_fold_wrote_since_the_start_are_not_read(sqlite_url: str) -> None:
    """Newer code rewrote the snapshot after this process started: its rows keep their
    positions but are not this fold's states; the trip's stream is folded instead."""
    store = open_store(sqlite_url)
    try:
        saved = _saved(store, 2_000)
        trips = TripIndex(store).catch_up()
        assert isinstance(trips, TripStates)
        trip_id = next(iter(trips))
        _alter(store, trip_id)  # what the other fold wrote
        _rewritten_by_another_fold(store)
        assert trip_snapshot.load_states(store, [trip_id]) == {}
        assert trips[trip_id].version == saved.trips[trip_id].version != 999_999
    finally:
        store.close()


def test_a_lazy_index_never_rewrites_another_folds_snapshot(sqlite_url: str) -> None:
    """Rewriting every row would decode (or refold) every state under the write lock."""
    store = open_store(sqlite_url)
    try:
        _saved(store, 1_000)
        index = TripIndex(store)
        trips = index.catch_up()
        assert isinstance(trips, TripStates)
        _append(store, 1_000, 1_500)
        index.catch_up()
        _rewritten_by_another_fold(store)
        decoded = trips.decoded()
        assert not index.save_snapshot()
        assert trips.decoded() == decoded
    finally:
        store.close()
