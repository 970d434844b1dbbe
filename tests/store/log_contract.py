"""What every backend of the log must do. Subclassed once per backend (see test_sqlite.py,
test_postgres.py), in the manner of the eventsourcing library's persistence suites."""

from __future__ import annotations

import abc
import random
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import msgspec
import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

from calendar_svc.audit.verify import verify_chain
from calendar_svc.store import (
    NO_STREAM,
    ConcurrencyError,
    EventStore,
    NewEvent,
    StoredEvent,
    StoreError,
    StoreUnavailable,
    Timeouts,
    migrate,
    open_store,
)
from calendar_svc.store.hashing import GENESIS_HASH, row_hash
from calendar_svc.store.records import COLUMNS


def ev(event_id: str, stream: str = "trip-1", kind: str = "Noted", n: int = 0) -> NewEvent:
    return NewEvent(
        event_id=event_id,
        stream_id=stream,
        event_type=kind,
        data=msgspec.json.encode({"n": n}).decode(),
        metadata='{"source":"test"}',
    )


class EventLogContract(abc.ABC):
    """Pytest collects the concrete subclasses, which provide `url` and the SQL hooks."""

    @pytest.fixture
    @abc.abstractmethod
    def url(self) -> str: ...

    @abc.abstractmethod
    def tamper(self, store: EventStore, position: int, new_data: str) -> None:
        """Bypass the append-only trigger and overwrite one row's data."""

    @abc.abstractmethod
    def fail_inserts_of_type(self, store: EventStore, event_type: str) -> None:
        """Make the database itself reject an INSERT of this event type."""

    @pytest.fixture
    def store(self, url: str) -> Iterator[EventStore]:
        store = open_store(url)
        yield store
        store.close()

    # -- appending -----------------------------------------------------------------

    def test_positions_are_gap_free_and_versions_per_stream(self, store: EventStore) -> None:
        first = store.append([ev("a", "s1"), ev("b", "s2"), ev("c", "s1")])
        second = store.append([ev("d", "s2")])
        got = [(e.position, e.stream_id, e.stream_version) for e in store.read_all()]
        assert got == [(1, "s1", 1), (2, "s2", 1), (3, "s1", 2), (4, "s2", 2)]
        assert first.last_position == 3 and second.last_position == 4
        assert store.last_position() == 4
        assert store.stream_version("s1") == 2 and store.stream_version("nope") == 0

    def test_expected_version_mismatch_raises_and_writes_nothing(self, store: EventStore) -> None:
        store.append([ev("a", "s1")], {"s1": NO_STREAM})
        with pytest.raises(ConcurrencyError) as info:
            store.append([ev("b", "s2"), ev("c", "s1")], {"s1": NO_STREAM})
        assert (info.value.expected, info.value.actual) == (0, 1)
        assert [e.event_id for e in store.read_all()] == ["a"]
        store.append([ev("c", "s1")], {"s1": 1})
        assert store.stream_version("s1") == 2

    def test_known_event_id_is_a_reported_noop(self, store: EventStore) -> None:
        store.append([ev("a"), ev("b")])
        again = store.append([ev("a"), ev("b")], {"trip-1": NO_STREAM})
        assert again.appended == [] and again.duplicates == ["a", "b"]
        mixed = store.append([ev("b"), ev("c")])
        assert [e.event_id for e in mixed.appended] == ["c"] and mixed.duplicates == ["b"]
        assert store.last_position() == 3

    def test_a_partly_known_batch_is_held_to_every_expectation(self, store: EventStore) -> None:
        """The second copy of an article, re-read against newer state, keeps the article's
        event id but gets new fact ids: dropping the known event must not drop the article
        stream's "must not exist" expectation, or the facts land twice."""
        store.append([ev("article", "article-1"), ev("fact-1", "trip-1")], {"article-1": NO_STREAM})
        with pytest.raises(ConcurrencyError) as info:
            store.append(
                [ev("article", "article-1"), ev("fact-2", "trip-1")],
                {"article-1": NO_STREAM, "trip-1": 1},
            )
        assert info.value.stream_id == "article-1"
        assert [e.event_id for e in store.read_all()] == ["article", "fact-1"]
        # A batch recorded whole before stays a reported no-op, expectations and all.
        again = store.append(
            [ev("article", "article-1"), ev("fact-1", "trip-1")], {"article-1": NO_STREAM}
        )
        assert again.appended == [] and again.duplicates == ["article", "fact-1"]

    def test_ingestion_lock_queues_across_stores_then_gives_up(self, url: str) -> None:
        """Two processes' stores: the second waits for the first, up to its queue time."""
        first = open_store(url, Timeouts(queue_seconds=0.2))
        second = open_store(url, Timeouts(queue_seconds=0.2))
        try:
            with (
                first.ingestion_lock(),
                pytest.raises(StoreUnavailable, match="busy"),
                second.ingestion_lock(),
            ):
                pytest.fail("the lock was taken twice")
            with second.ingestion_lock():  # released by the first
                pass
            with first.ingestion_lock():  # and by the second
                pass
        finally:
            first.close()
            second.close()

    def test_an_insert_that_does_not_extend_the_chain_is_refused(self, store: EventStore) -> None:
        """Rewriting a row in place (SQLite's INSERT OR REPLACE deletes without firing
        DELETE triggers), leaving a gap, or starting a second chain: all refused."""
        store.append([ev("a"), ev("b")])
        rows = list(store.read_all())
        last = rows[-1]
        columns = ", ".join(c for c in COLUMNS.split(", "))
        values = ", ".join(f":{c}" for c in COLUMNS.split(", "))
        verb = "INSERT OR REPLACE" if store.dialect_name == "sqlite" else "INSERT"

        def insert(position: int, prev_hash: str, event_id: str) -> None:
            params = {
                **msgspec.structs.asdict(rows[0]),
                "position": position,
                "prev_hash": prev_hash,
                "event_id": event_id,
                "stream_version": 99 + position,
            }
            with store.engine.begin() as conn:
                conn.execute(text(f"{verb} INTO events ({columns}) VALUES ({values})"), params)

        for position, prev, event_id in (
            (1, GENESIS_HASH, "a"),  # the first row, rewritten in place
            (2, rows[0].hash, "x"),  # the last row, replaced
            (last.position + 2, last.hash, "y"),  # a gap
            (last.position + 1, GENESIS_HASH, "z"),  # a second chain
        ):
            with pytest.raises(DBAPIError, match="extend the chain"):
                insert(position, prev, event_id)
        assert list(store.read_all()) == rows
        insert(last.position + 1, last.hash, "w")  # the next link is accepted
        assert store.last_position() == last.position + 1

    def test_batch_naming_an_id_twice_is_refused(self, store: EventStore) -> None:
        with pytest.raises(StoreError):
            store.append([ev("a"), ev("a")])
        assert store.last_position() == 0

    def test_update_and_delete_are_refused_by_the_database(self, store: EventStore) -> None:
        store.append([ev("a")])
        for statement in ("UPDATE events SET data = '{}'", "DELETE FROM events"):
            with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
                conn.execute(text(statement))
        assert [e.data for e in store.read_all()] == ['{"n":0}']

    def test_a_batch_lands_whole_or_not_at_all(self, store: EventStore) -> None:
        store.append([ev("before")])
        self.fail_inserts_of_type(store, "Boom")
        batch = [ev("x1"), ev("x2"), ev("x3", kind="Boom"), ev("x4")]
        with pytest.raises((StoreError, DBAPIError)):
            store.append(batch)
        assert [e.event_id for e in store.read_all()] == ["before"]
        assert store.append([ev("after")]).last_position == 2

    # -- the hash chain --------------------------------------------------------------

    def test_each_row_chains_to_the_previous_hash(self, store: EventStore) -> None:
        store.append([ev("a"), ev("b")])
        store.append([ev("c")])
        rows = list(store.read_all())
        assert rows[0].prev_hash == GENESIS_HASH
        assert [r.prev_hash for r in rows[1:]] == [r.hash for r in rows[:-1]]
        report = verify_chain(rows)
        assert report.ok and report.checked == 3 and report.head_hash == rows[-1].hash

    def test_a_tampered_row_breaks_the_chain_at_its_position(self, store: EventStore) -> None:
        store.append([ev(f"e{i}", n=i) for i in range(1, 6)])
        self.tamper(store, 3, '{"n":4}')  # one byte changed: 3 -> 4
        report = verify_chain(store.read_all())
        assert not report.ok
        assert report.first_broken == 3 and report.checked == 2

    # -- reading ---------------------------------------------------------------------

    def test_read_all_pages_after_and_until(self, store: EventStore) -> None:
        store.append([ev(f"e{i}", stream=f"s{i % 3}") for i in range(1, 11)])
        assert [e.position for e in store.read_all(page_size=3)] == list(range(1, 11))
        assert [e.position for e in store.read_all(after=7, page_size=2)] == [8, 9, 10]
        assert [e.position for e in store.read_all(until_position=4)] == [1, 2, 3, 4]
        assert [e.position for e in store.read_all(after=2, until_position=4)] == [3, 4]

    def test_payloads_are_the_fold_columns_of_read_all(self, store: EventStore) -> None:
        t0 = datetime(2025, 5, 4, 8, 0, tzinfo=UTC)
        store.append([ev(f"e{i}", n=i) for i in range(1, 5)], now=t0)
        store.append([ev(f"f{i}", n=i) for i in range(1, 4)], now=t0 + timedelta(hours=1))
        full = [
            (e.position, e.event_type, e.schema_version, e.data, e.recorded_at)
            for e in store.read_all()
        ]
        assert [tuple(r) for r in store.read_payloads(page_size=2)] == full
        assert [r.position for r in store.read_payloads(3, until_position=6)] == [4, 5, 6]
        assert [r.position for r in store.read_payloads(5, page_size=1)] == [6, 7]
        assert list(store.read_payloads(7)) == []
        assert all(r.recorded_at.tzinfo is not None for r in store.read_payloads())

    def test_read_all_until_a_recorded_time(self, store: EventStore) -> None:
        t0 = datetime(2025, 5, 4, 8, 0, tzinfo=UTC)
        store.append([ev("a"), ev("b")], now=t0)
        store.append([ev("c")], now=t0 + timedelta(hours=1))
        store.append([ev("d")], now=t0 + timedelta(hours=2))
        cut = t0 + timedelta(hours=1, minutes=30)
        assert [e.event_id for e in store.read_all(until_time=cut)] == ["a", "b", "c"]
        assert store.position_at(t0 - timedelta(seconds=1)) == 0
        assert store.position_at(t0) == 2
        assert next(e.recorded_at for e in store.read_all()) == t0

    def test_recorded_time_rises_with_every_append(self, store: EventStore) -> None:
        t0 = datetime(2025, 5, 4, 8, 0, tzinfo=UTC)
        store.append([ev("a"), ev("b")], now=t0)
        store.append([ev("c")], now=t0 - timedelta(days=1))  # a clock that stepped back
        store.append([ev("d")], now=t0 + timedelta(microseconds=1))  # or stood still
        times = [e.recorded_at for e in store.read_all()]
        assert times[0] == times[1] == t0  # one append, one time
        assert times[1] < times[2] < times[3]

    def test_read_one_stream_and_filtered_pages(self, store: EventStore) -> None:
        store.append([ev("a", "s1"), ev("b", "s2", kind="Other"), ev("c", "s1")])
        assert [e.event_id for e in store.read_stream("s1")] == ["a", "c"]
        assert [e.event_id for e in store.read_stream("s1", after_version=1)] == ["c"]
        assert [e.event_id for e in store.read_page(0, 10, stream_id="s2")] == ["b"]
        assert [e.event_id for e in store.read_page(0, 10, event_types=["Other"])] == ["b"]
        assert [e.event_id for e in store.read_page(1, 1)] == ["b"]
        found = store.get_event("c")
        assert found is not None and found.position == 3
        head = store.head()
        assert head is not None and head.event_id == "c"

    def test_import_restores_an_exact_copy_into_an_empty_log_only(
        self, store: EventStore, url: str
    ) -> None:
        store.append([ev("a"), ev("b", "s2")])
        rows = list(store.read_all())
        with pytest.raises(StoreError, match="empty"):
            store.import_events(rows)

    # -- concurrency -----------------------------------------------------------------

    def make_writer_store(self, url: str) -> EventStore:
        """A store whose appends dawdle inside their transaction, to widen any race."""
        base = type(open_store(url))

        class Dawdling(base):  # type: ignore[valid-type,misc]
            def _insert(self, conn, rows):  # type: ignore[no-untyped-def]
                super()._insert(conn, rows)
                time.sleep(random.uniform(0, 0.004))

        return Dawdling(base.create_engine(url))

    def test_a_tailing_reader_sees_every_event_once_in_order(self, url: str) -> None:
        writers, batches, per_batch = 4, 25, 3
        total = writers * batches * per_batch
        errors: list[BaseException] = []

        def write(w: int) -> None:
            store = self.make_writer_store(url)
            try:
                for b in range(batches):
                    store.append([ev(f"w{w}-b{b}-{i}", stream=f"w{w}") for i in range(per_batch)])
            except BaseException as exc:
                errors.append(exc)
            finally:
                store.close()

        seen: list[tuple[int, str]] = []
        reader = open_store(url)
        threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 120
        last = 0
        while len(seen) < total and time.monotonic() < deadline:
            page = reader.read_page(after=last, limit=50)
            seen.extend((e.position, e.event_id) for e in page)
            if page:
                last = page[-1].position
            else:
                time.sleep(0.001)
        for thread in threads:
            thread.join()
        reader.close()
        assert not errors, errors
        assert [p for p, _ in seen] == list(range(1, total + 1))
        assert len({i for _, i in seen}) == total
        store = open_store(url)
        assert verify_chain(store.read_all()).ok
        store.close()

    # -- the driver-level paths ------------------------------------------------------

    def test_appended_rows_read_back_identically_on_every_path(self, store: EventStore) -> None:
        t0 = datetime(2025, 5, 4, 8, 0, 0, 0, tzinfo=timezone(timedelta(hours=7)))
        big = "Hà Nội — “quoted” \\ \u2028 " * 400  # escapes, non-ASCII, overflow pages
        first = store.append(
            [
                NewEvent("a", "s1", "Noted", msgspec.json.encode({"t": big}).decode()),
                NewEvent("b", "s2", "Other", '{"n":1}', schema_version=3, metadata='{"m":"é"}'),
            ],
            now=t0,
        )
        second = store.append([ev("c", "s1")], now=t0 + timedelta(microseconds=999_999))
        written = first.appended + second.appended
        assert [e.recorded_at for e in written] == [t0, t0, t0 + timedelta(microseconds=999_999)]
        assert all(e.recorded_at.tzinfo is UTC for e in store.read_all())
        assert list(store.read_all()) == written
        assert list(store.read_all(page_size=1)) == written
        assert store.read_page(0, 10) == written
        assert list(store.read_stream("s1")) == [written[0], written[2]]
        assert store.get_event("b") == written[1]
        assert store.head() == written[2]
        for prev, row in zip([GENESIS_HASH] + [r.hash for r in written], written, strict=False):
            fields = msgspec.structs.asdict(row)
            del fields["prev_hash"], fields["hash"]
            assert row.prev_hash == prev and row_hash(prev, **fields) == row.hash
        assert verify_chain(store.read_all()).ok

    def test_a_read_holds_a_connection_only_while_it_is_being_iterated(
        self, store: EventStore
    ) -> None:
        store.append([ev(f"e{i}") for i in range(300)])
        rows = store.read_all()
        assert next(rows).position == 1
        assert store.engine.pool.checkedout() == 1  # type: ignore[attr-defined]
        del rows  # abandoned mid-page
        assert store.engine.pool.checkedout() == 0  # type: ignore[attr-defined]
        rows = store.read_all(page_size=100)
        seen = [next(rows).position]
        store.append([ev("late")])  # a write while a page is open
        seen += [e.position for e in rows]
        assert seen == list(range(1, 302))
        assert store.engine.pool.checkedout() == 0  # type: ignore[attr-defined]

    def test_duplicates_and_versions_across_many_ids_and_streams(self, store: EventStore) -> None:
        # More ids and streams than one IN list holds, so the lookups run in chunks.
        store.append([ev(f"e{i}", stream=f"s{i % 700}") for i in range(1200)])
        again = [ev(f"e{i}", stream=f"s{i % 700}") for i in range(0, 2400, 2)]
        result = store.append(again, {"s0": 2})  # s0 holds e0 and e700
        assert result.duplicates == [f"e{i}" for i in range(0, 1200, 2)]
        assert [e.event_id for e in result.appended] == [f"e{i}" for i in range(1200, 2400, 2)]
        assert [e.position for e in result.appended] == list(range(1201, 1801))
        assert store.stream_version("s0") == 4 and store.stream_version("s699") == 1
        versions = {(e.stream_id, e.stream_version) for e in store.read_all()}
        assert len(versions) == 1800
        with pytest.raises(ConcurrencyError):
            store.append([ev("late", stream="s3")], {"s3": 1})
        assert store.last_position() == 1800 and verify_chain(store.read_all()).ok

    def test_position_at_is_the_last_append_at_or_before_a_time(self, store: EventStore) -> None:
        t0 = datetime(2025, 5, 4, 8, 0, tzinfo=UTC)
        offsets = [0, 0, 3, 3, 3, 10, 11, 40, 41, 41, 90]  # minutes; repeats: a clock stood
        for i, minutes in enumerate(offsets):
            store.append(
                [ev(f"e{i}-{j}", n=j) for j in range(i % 3 + 1)],
                now=t0 + timedelta(minutes=minutes),
            )
        rows = list(store.read_all())
        assert [r.recorded_at for r in rows] == sorted(r.recorded_at for r in rows)
        probes = {r.recorded_at + d for r in rows for d in (-_US, timedelta(0), _US)}
        probes |= {t0 - timedelta(days=1), t0 + timedelta(days=1)}
        for when in sorted(probes):
            expected = max((r.position for r in rows if r.recorded_at <= when), default=0)
            assert store.position_at(when) == expected, when
            local = when.astimezone(timezone(timedelta(hours=-5)))
            assert store.position_at(local) == expected
        cut = rows[4].recorded_at
        assert [e.position for e in store.read_all(until_time=cut)] == [
            r.position for r in rows if r.recorded_at <= cut
        ]

    def test_import_refuses_a_recorded_at_that_falls(self, store: EventStore) -> None:
        t0 = datetime(2025, 5, 4, 9, 0, tzinfo=UTC)

        def row(position: int, at: datetime) -> StoredEvent:
            # Linked as the database requires (each prev_hash the previous row's hash).
            prev = GENESIS_HASH if position == 1 else f"h{position - 1}"
            return StoredEvent(
                position,
                f"e{position}",
                "s",
                position,
                "Noted",
                1,
                "{}",
                "{}",
                at,
                prev,
                f"h{position}",
            )

        with pytest.raises(StoreError, match="never to fall"):
            store.import_events([row(1, t0), row(2, t0 - _US)])
        assert store.last_position() == 0
        rows = [row(1, t0), row(2, t0), row(3, t0 + _US)]
        assert store.import_events(rows) == 3
        assert list(store.read_all()) == rows
        assert store.position_at(t0) == 2

    def test_a_row_the_database_refuses_is_a_store_error(self, url: str) -> None:
        base = type(open_store(url))

        class Forgetful(base):  # type: ignore[valid-type,misc]
            def _known_ids(self, dbapi_conn, ids):  # type: ignore[no-untyped-def]
                return set()  # as if an id had slipped past the check

        store = Forgetful(base.create_engine(url))
        try:
            store.append([ev("a")])
            with pytest.raises(StoreError, match="refused"):
                store.append([ev("b"), ev("a")])
            assert [e.event_id for e in store.read_all()] == ["a"]
            assert store.append([ev("c")]).last_position == 2
        finally:
            store.close()

    def test_driver_errors_surface_as_sqlalchemy_errors(self, store: EventStore) -> None:
        # The CLI turns these into "is the database migrated?".
        with store.engine.begin() as conn:
            conn.execute(text("DROP TABLE events"))
        for call in (
            store.last_position,
            lambda: list(store.read_all()),
            lambda: store.append([ev("a")]),
        ):
            with pytest.raises((OperationalError, ProgrammingError), match="events"):
                call()

    def test_read_page_with_several_types_keeps_position_order(self, store: EventStore) -> None:
        kinds = ["A", "B", "C", "D"]
        store.append([ev(f"e{i}", kind=kinds[i * 7 % 4]) for i in range(60)])
        everything = list(store.read_all())
        for types in (["A"], ["A", "C"], ["B", "C", "D"]):
            want = [e for e in everything if e.event_type in types]
            got: list[StoredEvent] = []
            after = 0
            while page := store.read_page(after, 4, event_types=types):
                got += page
                after = page[-1].position
            assert got == want
            in_stream = store.read_page(0, 100, stream_id="trip-1", event_types=types)
            assert in_stream == want

    def test_migration_0003_drops_the_recorded_at_index_only(self, url: str) -> None:
        store = open_store(url)
        store.append([ev("a")])
        store.close()

        def indexes() -> set[str]:
            engine = type(store).create_engine(url)
            try:
                return {i["name"] for i in inspect(engine).get_indexes("events") if i["name"]}
            finally:
                engine.dispose()

        assert "ix_events_recorded_at" not in indexes()
        assert "ix_events_event_type_position" in indexes()
        engine = type(store).create_engine(url)
        try:
            with engine.begin() as conn:
                config = migrate._config()
                config.attributes["connection"] = conn
                command.downgrade(config, "0002")
        finally:
            engine.dispose()
        assert {"ix_events_recorded_at", "ix_events_event_type_position"} <= indexes()
        migrate.upgrade(url)
        assert "ix_events_recorded_at" not in indexes()
        store = open_store(url)
        assert [e.event_id for e in store.read_all()] == ["a"] and verify_chain(store.read_all()).ok
        store.close()


_US = timedelta(microseconds=1)
