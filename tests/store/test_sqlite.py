"""The log contract on the embedded SQLite backend."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import msgspec
import pytest
from sqlalchemy import insert, text
from sqlalchemy.dialects import sqlite as sqlite_dialect

from calendar_svc.audit.verify import verify_chain
from calendar_svc.store import EventStore, StoredEvent
from calendar_svc.store.hashing import GENESIS_HASH, row_hash
from calendar_svc.store.schema import events
from calendar_svc.store.sqlite import (
    WAL_AUTOCHECKPOINT_PAGES,
    WRITER_CACHE_KIB,
    SQLiteEventStore,
)
from tests.store.log_contract import EventLogContract, ev


class TestSQLiteLog(EventLogContract):
    @pytest.fixture
    def url(self, sqlite_url: str) -> str:
        return sqlite_url

    def tamper(self, store: EventStore, position: int, new_data: str) -> None:
        with store.engine.begin() as conn:
            conn.execute(text("DROP TRIGGER events_no_update"))
            conn.execute(
                text("UPDATE events SET data = :d WHERE position = :p"),
                {"d": new_data, "p": position},
            )

    def fail_inserts_of_type(self, store: EventStore, event_type: str) -> None:
        with store.engine.begin() as conn:
            conn.execute(
                text(
                    f"CREATE TRIGGER fail_{event_type} BEFORE INSERT ON events "
                    f"WHEN NEW.event_type = '{event_type}' "
                    "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
                )
            )

    def test_wal_mode_and_foreign_keys_are_on(self, store: EventStore) -> None:
        assert isinstance(store, SQLiteEventStore)
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1

    def test_recorded_at_is_stored_as_sqlalchemy_wrote_it(self, store: EventStore) -> None:
        assert isinstance(store, SQLiteEventStore)
        write = sqlite_dialect.DATETIME().bind_processor(store.engine.dialect)  # type: ignore[no-untyped-call]
        assert write is not None
        plus7 = timezone(timedelta(hours=7))
        for when in (
            datetime(2025, 5, 4, 15, 0, tzinfo=plus7),  # no microseconds: still six digits
            datetime(2025, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC),
            datetime(5, 1, 2, 3, 4, 5, 6, tzinfo=UTC),  # a four-digit year, zero-padded
        ):
            assert store._db_time(when) == write(when.astimezone(UTC).replace(tzinfo=None))
        store.append([ev("a")], now=datetime(2025, 5, 4, 15, 0, tzinfo=plus7))
        with store.engine.connect() as conn:
            row = conn.exec_driver_sql("SELECT recorded_at, typeof(recorded_at) FROM events").one()
        assert tuple(row) == ("2025-05-04 08:00:00.000000", "text")

    def test_rows_written_by_sqlalchemy_read_back_and_chain_on(self, store: EventStore) -> None:
        """A log written before the driver-level path: same rows, same times, one chain."""
        t0 = datetime(2025, 5, 4, 8, 0, tzinfo=UTC)
        prev, old = GENESIS_HASH, []
        for position in (1, 2):
            fields = dict(
                position=position,
                event_id=f"old{position}",
                stream_id="s1",
                stream_version=position,
                event_type="Noted",
                schema_version=1,
                data='{"n":"é"}',
                metadata="{}",
                recorded_at=t0 + timedelta(seconds=position, microseconds=position - 1),
            )
            digest = row_hash(prev, **fields)  # type: ignore[arg-type]
            old.append(StoredEvent(**fields, prev_hash=prev, hash=digest))  # type: ignore[arg-type]
            prev = digest
        with store.engine.begin() as conn:
            conn.execute(
                insert(events),
                [
                    {
                        **msgspec.structs.asdict(r),
                        "recorded_at": r.recorded_at.replace(tzinfo=None),
                    }
                    for r in old
                ],
            )
        assert list(store.read_all()) == old
        new = store.append([ev("new", "s1")], now=t0).appended  # the clock is behind the log
        assert new[0].stream_version == 3 and new[0].prev_hash == old[-1].hash
        assert new[0].recorded_at == old[-1].recorded_at + timedelta(microseconds=1)
        assert verify_chain(store.read_all()).ok
        assert store.position_at(old[1].recorded_at) == 2

    def test_connections_keep_the_durability_and_writer_settings(self, store: EventStore) -> None:
        store.append([ev("a")])
        with store._writer() as conn:
            settings = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "wal_autocheckpoint", "cache_size")
            }
        assert settings == {
            "journal_mode": "wal",
            "synchronous": 2,  # FULL: every commit syncs the WAL
            "wal_autocheckpoint": WAL_AUTOCHECKPOINT_PAGES,
            "cache_size": -WRITER_CACHE_KIB,
        }


def test_selected_columns_follow_stored_event_fields() -> None:
    assert [c.name for c in events.columns] == list(StoredEvent.__struct_fields__)
