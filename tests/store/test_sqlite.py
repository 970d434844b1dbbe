"""The log contract on the embedded SQLite backend."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from calendar_svc.store import EventStore
from calendar_svc.store.sqlite import SQLiteEventStore
from tests.store.log_contract import EventLogContract


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
