"""The seed log folded into the schedule, stored and replayed, on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from calendar_svc.config import PROJECT_ROOT
from calendar_svc.domain.views import LegView, Schedule
from calendar_svc.projections.replay import diff, replay
from calendar_svc.projections.schedule import ScheduleProjection
from calendar_svc.services.article_files import iter_article_files
from calendar_svc.services.ingestion import ingest
from calendar_svc.store import EventStore, open_store

SEEDS = list(iter_article_files([str(PROJECT_ROOT / "seeds")]))


@pytest.fixture
def store(any_url: str) -> Iterator[EventStore]:
    store = open_store(any_url)
    yield store
    store.close()


def _ingest(store: EventStore, names: list[str]) -> int:
    for name in names:
        ingest(store, Path(name).read_bytes())
    return store.last_position()


def _legs(schedule: Schedule) -> dict[str, LegView]:
    (trip,) = schedule.trips
    return {leg.country_code: leg for leg in trip.legs}


def test_the_seed_schedule(store: EventStore) -> None:
    _ingest(store, SEEDS)
    projection = ScheduleProjection(store)
    projection.catch_up()
    schedule = projection.load()
    (trip,) = schedule.trips
    assert (trip.start_date, trip.end_date) == (date(2025, 5, 5), date(2025, 5, 12))
    assert trip.principal.name == "Tô Lâm" and trip.spouse == "Ngô Phương Ly"
    legs = _legs(schedule)
    assert [leg.country_code for leg in trip.legs] == ["KZ", "AZ", "RU", "BY"]
    for code in ("KZ", "AZ"):
        leg = legs[code]
        assert leg.visit_type == "state" and not leg.dates_confirmed
        assert (leg.start_date, leg.end_date) == (date(2025, 5, 5), date(2025, 5, 8))
        assert "neighbours" in leg.date_basis
    russia = legs["RU"]
    assert russia.visit_type == "official" and russia.city == "Moscow"
    assert (russia.start_date, russia.end_date) == (date(2025, 5, 8), date(2025, 5, 11))
    assert russia.dates_confirmed and russia.status == "concluded"
    assert "stated" in russia.date_basis
    belarus = legs["BY"]
    assert belarus.visit_type == "state" and belarus.city == "Minsk"
    assert belarus.start_date == date(2025, 5, 11) and belarus.status == "in_progress"
    assert not belarus.dates_confirmed
    assert [(d.fact, d.held, d.claimed) for d in trip.disputes] == [
        ("RU visit type", "official", "state")
    ]
    assert len(russia.sources) >= 3 and set(russia.sources) <= set(schedule.sources)


def test_incremental_catch_up_equals_a_rebuild(store: EventStore) -> None:
    projection = ScheduleProjection(store)
    for name in SEEDS:  # catch up after every article, as a running service does
        _ingest(store, [name])
        projection.catch_up(page_size=3)
    incremental = projection.load()
    assert projection.rebuild() == store.last_position()
    assert projection.load() == incremental
    assert projection.lag() == 0 and incremental.position == store.last_position()


def test_replayed_to_the_departure_article_russia_is_still_announced(
    store: EventStore,
) -> None:
    after_departure = _ingest(store, SEEDS[:2])
    _ingest(store, SEEDS[2:])
    then = replay(store, after_departure)
    legs = _legs(then)
    assert legs["RU"].status == "announced" and not legs["RU"].dates_confirmed
    assert legs["KZ"].status == "in_progress"
    assert then.position == after_departure
    now = replay(store, store.last_position())
    assert _legs(now)["RU"].status == "concluded"


def test_diff_names_the_events_behind_each_change(store: EventStore) -> None:
    after_departure = _ingest(store, SEEDS[:2])
    head = _ingest(store, SEEDS[2:])
    result = diff(store, after_departure, head)
    russia = {c.field: c for c in result.changes if c.item.endswith("/ru")}
    assert (russia["status"].before, russia["status"].after) == ("announced", "concluded")
    assert russia["start_date"].after == "2025-05-08"
    causes = {c.type for change in russia.values() for c in change.causes}
    assert causes & {"VisitAnnounced", "LegConcluded", "DelegationDeparted"}
    assert all(
        after_departure < c.position <= head for change in russia.values() for c in change.causes
    )
    assert diff(store, head, head).changes == []


def test_diff_traces_the_kazakhstan_legs_end_to_the_single_event_that_moved_it(
    store: EventStore,
) -> None:
    """The end moves when the Moscow report dates the Russia leg (8-11 May): that one
    event, with its sentence, not every event of the article's transaction."""
    after_departure = _ingest(store, SEEDS[:2])
    after_moscow = _ingest(store, SEEDS[2:3])
    result = diff(store, after_departure, after_moscow)
    end = next(c for c in result.changes if c.item.endswith("/kz") and c.field == "end_date")
    assert end.after == "2025-05-08"
    assert len(end.causes) == 1
    (cause,) = end.causes
    assert cause.type == "VisitAnnounced" and cause.article_id and cause.sentence
    assert any("from May 8-11" in sentence for sentence in cause.sentences)
    transaction = [e for e in store.read_all(after=after_departure) if e.position <= after_moscow]
    assert len(transaction) > 10  # the article brought many events; one moved this date


def test_revision_rises_only_when_what_is_shown_changes(store: EventStore) -> None:
    _ingest(store, SEEDS[:3])
    before = _legs(replay(store, store.last_position()))
    _ingest(store, SEEDS[3:])  # two more announcements: corroborations and a dispute
    after = _legs(replay(store, store.last_position()))
    for code in ("KZ", "AZ", "RU", "BY"):
        assert after[code].revision == before[code].revision, code
        assert len(after[code].sources) >= len(before[code].sources)


def test_a_lean_fold_shows_what_a_retaining_fold_shows(store: EventStore) -> None:
    """Replays render trips when read instead of keeping them: the same schedule."""
    from calendar_svc.projections.fold import ScheduleFold
    from calendar_svc.projections.replay import fold_until

    _ingest(store, SEEDS)
    head = store.last_position()
    lean = fold_until(store, head)
    kept = fold_until(store, head, ScheduleFold(retain_views=True))
    assert not lean.retain_views and lean.schedule() == kept.schedule()
    (trip_id,) = lean.trips
    assert lean.snapshot(trip_id) == kept.snapshot(trip_id)
