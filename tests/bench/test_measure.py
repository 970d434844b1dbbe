"""`make bench` must not rot: each measurement runs on a tiny log and reports sane figures.

No timing is asserted (speed lives in `make bench`); what is checked is that ours and the
peer fold the same events into the same schedule, and that counts add up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import measure
from bench.synthetic import generate

N = 400


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    folder = tmp_path_factory.mktemp("bench")
    ours, peer = str(folder / "ours.sqlite3"), str(folder / "peer.sqlite3")
    appended = measure.append_batched(ours, N, batch=100)
    assert appended["events"] == N
    stored = measure.peer_append_batched(ours, peer, batch=100)
    assert stored["events"] == N
    return ours, peer


def test_the_generator_is_deterministic() -> None:
    first = [(e.event_id, e.stream_id, e.data) for e in generate(200, seed=5)]
    assert first == [(e.event_id, e.stream_id, e.data) for e in generate(200, seed=5)]
    assert first != [(e.event_id, e.stream_id, e.data) for e in generate(200, seed=6)]


def test_ours_and_the_peer_fold_the_same_schedule(logs: tuple[str, str]) -> None:
    ours, peer = logs
    mine, theirs = measure.replay(ours), measure.peer_replay(peer)
    assert mine["events"] == theirs["events"] == N
    assert mine["digest"] == theirs["digest"] and mine["trips"] > 0
    assert measure.read_decode(ours)["events"] == measure.floor(ours)["events"] == N


def test_rebuild_and_ingestion_measurements(logs: tuple[str, str]) -> None:
    ours, _ = logs
    assert measure.rebuild(ours)["events"] == N
    ingest = measure.ingest_articles(ours)
    assert ingest["articles"] == 5 and ingest["appended"] > 0
    assert Path(ours).exists()  # measured on a copy: the log itself is untouched
    assert measure.read_decode(ours)["events"] == N


def test_api_ready_stores_the_snapshot_the_next_start_reads(logs: tuple[str, str]) -> None:
    from calendar_svc.services import trip_snapshot
    from calendar_svc.store import open_store

    ours, _ = logs
    measure.rebuild(ours)
    store = open_store(f"sqlite:///{ours}")
    try:
        cold = measure.api_ready(ours, fresh=True)
        assert cold["events"] == N and cold["trips"] > 0 and cold["seconds"] > 0
        assert trip_snapshot.stored_position(store) is not None  # the cold start stored it
        assert measure.api_ready(ours)["trips"] == cold["trips"]
    finally:
        store.close()
