"""The stored schedule read on demand answers exactly as the schedule decoded whole did.

A reader's schedule decodes its trips when asked (`projections.stored`), and pages,
trip lists and feeds of it are found from the tables' rows. Every answer here is
compared, byte for byte, with the same question asked of the schedule as `load` built it
before (every view decoded, in a list), on a synthetic log with many trips.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import msgspec
import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import delete, select

from bench.synthetic import batched, generate
from calendar_svc.api.feeds import FeedSpec
from calendar_svc.api.feeds.cache import EventCache
from calendar_svc.api.feeds.calendar import render_calendar
from calendar_svc.config import PROJECT_ROOT
from calendar_svc.domain.views import Schedule
from calendar_svc.projections import schema
from calendar_svc.projections.schedule import ScheduleProjection
from calendar_svc.projections.stored import (
    ScheduleMoved,
    StoredSources,
    StoredTrips,
    entry_rows,
)
from calendar_svc.services.ingestion import ingest
from calendar_svc.services.people import find_person, people_of
from calendar_svc.services.readside import ReadSide
from calendar_svc.services.schedule_query import (
    find_trip,
    has_trip,
    schedule_page,
    trip_page,
    trips_matching,
)
from calendar_svc.store import EventStore, migrate, open_store, store_class

EVENTS = 1500
SEED = next((PROJECT_ROOT / "seeds").glob("*.txt"))
_json = msgspec.json.Encoder()


@pytest.fixture
def store(any_url: str) -> Iterator[EventStore]:
    store = open_store(any_url)
    for chunk in batched(generate(EVENTS), 500):
        store.append(chunk)
    ScheduleProjection(store).catch_up()
    yield store
    store.close()


def _whole(stored: Schedule) -> Schedule:
    """The schedule as `load` returned it before: every view decoded, in lists."""
    return Schedule(
        position=stored.position,
        recorded_at=stored.recorded_at,
        trips=list(stored.trips),
        sources=dict(stored.sources),
    )


def _stored(store: EventStore) -> tuple[Schedule, StoredTrips]:
    schedule = ScheduleProjection(store).load()
    assert isinstance(schedule.trips, StoredTrips)
    return schedule, schedule.trips


PERIODS = [(None, None), (date(2000, 3, 1), None), (None, date(2000, 6, 30))]
PERIODS += [(date(2000, 4, 1), date(2000, 5, 15)), (date(2000, 5, 1), date(2000, 4, 1))]


def test_pages_of_the_schedule_are_the_same(store: EventStore) -> None:
    stored, trips = _stored(store)
    whole = _whole(_stored(store)[0])
    assert len(trips) > 20 and not trips.known()  # nothing decoded by the load
    codes = [None, *sorted({leg.country_code for t in whole.trips for leg in t.legs})[:3]]
    for lo, hi in PERIODS:
        for code in codes:
            for limit, offset in ((100, 0), (7, 13), (50, 10_000)):
                mine = schedule_page(stored, None, lo, hi, code, limit, offset)
                theirs = schedule_page(whole, None, lo, hi, code, limit, offset)
                assert _json.encode(mine) == _json.encode(theirs), (lo, hi, code, offset)
    assert len(trips.known()) < len(trips)  # pages decode only their trips


def test_trip_lists_and_trips_are_the_same(store: EventStore) -> None:
    stored, _ = _stored(store)
    whole = _whole(_stored(store)[0])
    principals = sorted({t.principal.name for t in whole.trips})
    for who in (None, "xi", principals[0].split()[0].lower(), "nobody"):
        for code in (None, whole.trips[0].legs[0].country_code):
            for lo, hi in PERIODS:
                mine = trips_matching(stored, who, code, lo, hi)
                theirs = trips_matching(whole, who, code, lo, hi)
                assert len(mine) == len(theirs)
                for limit, offset in ((5, 0), (3, 4)):
                    page, other = (trip_page(s, c, limit, offset) for s, c in
                                   ((stored, mine), (whole, theirs)))  # fmt: skip
                    assert _json.encode(page) == _json.encode(other)
    fresh, _ = _stored(store)
    for trip in whole.trips[:5]:
        assert find_trip(fresh, trip.trip_id) == trip and has_trip(fresh, trip.trip_id)
    assert find_trip(fresh, "no-such-trip") is None and not has_trip(fresh, "no-such-trip")
    assert fresh.trips[0] == whole.trips[0] and fresh.trips[-2:] == whole.trips[-2:]


def _feed(schedule: Schedule, **fields: object) -> bytes:
    spec = FeedSpec(name="n", description="d", base_url="https://x.test", **fields)  # type: ignore[arg-type]
    return render_calendar(schedule, spec, cache=EventCache())


def test_feeds_and_people_are_the_same(store: EventStore) -> None:
    stored, trips = _stored(store)
    whole = _whole(_stored(store)[0])
    leader = whole.trips[0].principal.name
    first = whole.trips[0].trip_id
    for fields in ({"principal": leader.split()[0].lower()}, {"trip_id": first}):
        assert _feed(_stored(store)[0], **fields) == _feed(whole, **fields)
    assert len(trips.known()) == 0
    mine, theirs = find_person(stored, "host-of-gb"), find_person(whole, "host-of-gb")
    assert mine is not None and theirs is not None
    ids = {"trip_ids": frozenset(t.trip_id for t in theirs.trips)}
    ids["leg_ids"] = frozenset(h.leg_id for h in theirs.hosted)
    assert _feed(_stored(store)[0], **ids) == _feed(whole, **ids)
    assert [p.summary() for p in people_of(stored)] == [p.summary() for p in people_of(whole)]
    assert _feed(_stored(store)[0]) == _feed(whole)


def test_the_schedule_read_whole_equals_the_tables(store: EventStore) -> None:
    stored, trips = _stored(store)
    with store.engine.connect() as conn:
        views = {
            r[0]: r[1] for r in conn.execute(select(schema.trips.c.trip_id, schema.trips.c.view))
        }
        count = len(conn.execute(select(schema.sources.c.article_id)).all())
    assert sorted(t.trip_id for t in trips) == sorted(views)
    assert [t.trip_id for t in trips] == [
        t.trip_id
        for t in sorted(trips, key=lambda t: (t.start_date is None, t.start_date, t.trip_id))
    ]
    assert isinstance(stored.sources, StoredSources) and len(stored.sources) == count
    assert list(stored.sources) == sorted(stored.sources)
    assert "no-such-article" not in stored.sources and 3 not in stored.sources
    with pytest.raises(KeyError):
        stored.sources["no-such-article"]
    assert trips != 3 and trips == list(trips)


def test_a_reader_keeps_a_bounded_number_of_trips(store: EventStore) -> None:
    _, trips = _stored(store)
    small = StoredTrips(store, trips.position, trips.rows, cache=3)
    assert small[:5] == trips[:5]
    assert len(small.known()) == 3
    small.all()
    assert len(small.known()) == len(trips)  # read whole: kept whole


def test_the_entries_rows_are_each_trips_legs_then_engagements(store: EventStore) -> None:
    stored, _ = _stored(store)
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(schema.entries)).mappings()]
    expected = [r for t in stored.trips for r in entry_rows(t)]
    key = lambda r: (r["trip_id"], r["seq"])  # noqa: E731
    assert sorted(rows, key=key) == sorted(expected, key=key)
    assert any(r["engagement"] for r in rows) and any(not r["engagement"] for r in rows)


def test_a_schedule_moved_on_is_read_again(store: EventStore) -> None:
    readside = ReadSide(store)
    before = readside.current()
    assert isinstance(before.trips, StoredTrips)
    ingest(store, SEED.read_bytes())
    ScheduleProjection(store).catch_up()  # another writer moves the stored schedule on
    with pytest.raises(ScheduleMoved):
        before.trips.get(before.trips.rows[-1].trip_id)
    seen: list[int] = []

    def build(schedule: Schedule) -> int:
        seen.append(schedule.position)
        return len(schedule.trips[len(schedule.trips) - 1].legs)

    assert readside.read(before.position, build) > 0
    assert seen == [before.position, store.last_position()]
    assert seen[-1] > before.position


def test_a_reader_gives_up_after_a_few_moves(store: EventStore) -> None:
    readside = ReadSide(store)
    calls: list[int] = []

    def build(schedule: Schedule) -> int:
        calls.append(schedule.position)
        raise ScheduleMoved(schedule.position)

    with pytest.raises(ScheduleMoved):
        readside.read(None, build)
    assert len(calls) == 5


def test_a_rebuild_that_drops_trips_is_noticed(store: EventStore) -> None:
    readside = ReadSide(store)
    before = readside.current()
    assert isinstance(before.trips, StoredTrips)
    gone = before.trips.rows[0].trip_id
    with store.exclusive() as conn:
        conn.execute(delete(schema.trips).where(schema.trips.c.trip_id == gone))
    with pytest.raises(ScheduleMoved):
        before.trips.get(gone)
    projection = ScheduleProjection(store)
    again = projection.load(before)  # a row fewer than the schedule before it: read afresh
    assert len(again.trips) == len(before.trips) - 1 and not again.trips.known()  # type: ignore[attr-defined]


def test_the_migration_fills_the_entries_from_the_stored_views(any_url: str) -> None:
    store = open_store(any_url)
    try:
        for chunk in batched(generate(600), 300):
            store.append(chunk)
        ScheduleProjection(store).catch_up()
        with store.engine.connect() as conn:
            written = sorted(tuple(r) for r in conn.execute(select(schema.entries)))
        assert written
        _migrate(any_url, "0009")  # no entries table
        with store.engine.connect() as conn:
            assert conn.execute(select(schema.trips.c.trip_id)).first() is not None
        _migrate(any_url, "head")  # filled from the stored views
        with store.engine.connect() as conn:
            assert sorted(tuple(r) for r in conn.execute(select(schema.entries))) == written
    finally:
        store.close()


def _migrate(url: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(migrate.migrations_dir()))
    engine = store_class(url).create_engine(url)
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            if revision == "head":
                command.upgrade(config, revision)
            else:
                command.downgrade(config, revision)
    finally:
        engine.dispose()
