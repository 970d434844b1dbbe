"""What every backend of the log must do. Subclassed once per backend (see test_sqlite.py,
test_postgres.py), in the manner of the eventsourcing library's persistence suites."""

from __future__ import annotations

import abc
import random
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import msgspec
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from calendar_svc.audit.verify import verify_chain
from calendar_svc.store import (
    NO_STREAM,
    ConcurrencyError,
    EventStore,
    NewEvent,
    StoreError,
    open_store,
)
from calendar_svc.store.hashing import GENESIS_HASH


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
