"""Ingestion with a long-lived trip index gives exactly the log a fresh fold would."""

from __future__ import annotations

from pathlib import Path

from calendar_svc.config import PROJECT_ROOT
from calendar_svc.services.article_files import iter_article_files
from calendar_svc.services.ingestion import TripIndex, ingest, load_trips
from calendar_svc.store import EventStore, open_store

SEEDS = [Path(name).read_bytes() for name in iter_article_files([str(PROJECT_ROOT / "seeds")])]


def _facts(store: EventStore) -> list[tuple[str, str, str, str]]:
    return [(e.event_id, e.stream_id, e.event_type, e.data) for e in store.read_all()]


def test_an_index_matches_a_fresh_fold_article_after_article(any_url: str, tmp_path: Path) -> None:
    fresh = open_store(any_url)
    reference_url = f"sqlite:///{tmp_path / 'reference.sqlite3'}"
    from calendar_svc.store import migrate

    migrate.upgrade(reference_url)
    reference = open_store(reference_url)
    index = TripIndex(fresh)
    try:
        for raw in SEEDS:
            ingest(fresh, raw, index=index)
            ingest(reference, raw)  # no index: the whole log folded for each article
            assert {k: (v.version, v.legs, v.window) for k, v in index.catch_up().items()} == {
                k: (v.version, v.legs, v.window) for k, v in load_trips(fresh).items()
            }
        assert _facts(fresh) == _facts(reference)
    finally:
        fresh.close()
        reference.close()


def test_a_stale_index_catches_up_with_another_writer(sqlite_url: str, tmp_path: Path) -> None:
    """Two API processes: each has its own index; what one appends, the other reads next."""
    store = open_store(sqlite_url)
    first, second = TripIndex(store), TripIndex(store)
    first.catch_up()
    second.catch_up()
    try:
        ingest(store, SEEDS[0], index=first)
        report = ingest(store, SEEDS[1], index=second)  # second has not seen SEEDS[0] yet
        assert report.appended
        sequential_url = f"sqlite:///{tmp_path / 'sequential.sqlite3'}"
        from calendar_svc.store import migrate

        migrate.upgrade(sequential_url)
        sequential = open_store(sequential_url)
        for raw in SEEDS[:2]:
            ingest(sequential, raw)
        assert _facts(store) == _facts(sequential)
        sequential.close()
    finally:
        store.close()


def test_one_traveller_written_two_ways_is_one_trip(sqlite_url: str) -> None:
    """A Vietnamese report names Xi in Sino-Vietnamese, an English one in pinyin; both are
    about the same days, so the second joins the first's trip (the office-holder table)."""
    from datetime import date

    from calendar_svc.services.ingestion import ArticleMeta

    vi = (
        "Chủ tịch Trung Quốc Tập Cận Bình lên đường thăm cấp Nhà nước Pháp\n\n"
        "Sáng 5/5/2024, Chủ tịch Trung Quốc Tập Cận Bình rời Bắc Kinh, lên đường thăm "
        "cấp Nhà nước Cộng hòa Pháp từ ngày 5 đến 7/5."
    ).encode()
    en = (
        b"Xi arrives in Paris\n\n"
        b"Chinese President Xi Jinping landed in Paris on Sunday, May 5, 2024, at the start "
        b"of a state visit to France."
    )
    store = open_store(sqlite_url)
    try:
        first = ingest(store, vi, ArticleMeta(language="vi", published_on=date(2024, 5, 5)))
        second = ingest(store, en, ArticleMeta(language="en", published_on=date(2024, 5, 5)))
        assert first.trip_id is not None
        assert second.trip_id == first.trip_id
    finally:
        store.close()


def test_a_report_days_after_the_known_start_joins_the_trip(sqlite_url: str) -> None:
    """The first report gives only the day of arrival; the next, two days later, gives
    only the day he flies home, five days after it: the same trip going on. A report of
    another stay there weeks later is another trip."""
    from datetime import date

    from calendar_svc.services.ingestion import ArticleMeta

    arrival = (
        b"Petrov lands in Washington\n\n"
        b"Chilean President Ivan Petrov arrived in Washington on Monday, April 8, 2024, for "
        b"an official visit to the United States."
    )
    talks = (
        b"Petrov and the US president hold talks\n\n"
        b"Chilean President Ivan Petrov held talks at the White House on Wednesday during his "
        b"official visit to the United States. He will leave the United States on Saturday, "
        b"April 13."
    )
    later = (
        b"Petrov back in the US\n\n"
        b"Chilean President Ivan Petrov arrived in New York on Monday, May 6, 2024, for a "
        b"working visit to the United States."
    )
    store = open_store(sqlite_url)
    try:
        first = ingest(store, arrival, ArticleMeta(language="en", published_on=date(2024, 4, 8)))
        second = ingest(store, talks, ArticleMeta(language="en", published_on=date(2024, 4, 10)))
        third = ingest(store, later, ArticleMeta(language="en", published_on=date(2024, 5, 6)))
        assert first.trip_id is not None
        assert second.trip_id == first.trip_id
        assert third.trip_id not in (None, first.trip_id)
    finally:
        store.close()
