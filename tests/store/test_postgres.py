"""The log contract on a real PostgreSQL server started by the test session."""

from __future__ import annotations

import os
import signal
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from calendar_svc.store import EventStore, Timeouts, open_store
from tests.store.log_contract import EventLogContract, ev

pytestmark = pytest.mark.postgres


class TestPostgresLog(EventLogContract):
    @pytest.fixture
    def url(self, postgres_url: str) -> str:
        return postgres_url

    def tamper(self, store: EventStore, position: int, new_data: str) -> None:
        with store.engine.begin() as conn:
            conn.execute(text("ALTER TABLE events DISABLE TRIGGER events_append_only"))
            conn.execute(
                text("UPDATE events SET data = :d WHERE position = :p"),
                {"d": new_data, "p": position},
            )
            conn.execute(text("ALTER TABLE events ENABLE TRIGGER events_append_only"))

    def fail_inserts_of_type(self, store: EventStore, event_type: str) -> None:
        with store.engine.begin() as conn:
            conn.execute(
                text(
                    "CREATE FUNCTION fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    f"BEGIN IF NEW.event_type = '{event_type}' THEN "
                    "RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$"
                )
            )
            conn.execute(
                text(
                    "CREATE TRIGGER fail_insert BEFORE INSERT ON events "
                    "FOR EACH ROW EXECUTE FUNCTION fail_insert()"
                )
            )

    def test_a_frozen_server_fails_by_the_deadline_and_the_store_recovers(self, url: str) -> None:
        """A server that stops answering (its backend paused) must not hang a request:
        the client's deadline cuts the connection and the pool replaces it."""
        store = open_store(url, Timeouts(lock_seconds=1, statement_seconds=0.5))
        try:
            with store.engine.connect() as conn:
                pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
                os.kill(pid, signal.SIGSTOP)
                try:
                    started = time.monotonic()
                    with pytest.raises(OperationalError):
                        conn.exec_driver_sql("SELECT 1")
                    waited = time.monotonic() - started
                finally:
                    os.kill(pid, signal.SIGCONT)
            assert waited < 30  # not a speed target: without the deadline it never returns
            assert store.last_position() == 0
        finally:
            store.close()

    def test_a_role_that_does_not_own_the_log_appends_but_cannot_lift_its_guards(
        self, url: str, store: EventStore
    ) -> None:
        """The grants README gives the API role: enough to append and keep the read
        model, not enough to disable a trigger (only the owner can) or rewrite a row."""
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import DBAPIError

        from calendar_svc.config import PROJECT_ROOT
        from calendar_svc.projections.schedule import ScheduleProjection
        from calendar_svc.services.ingestion import ingest

        database = make_url(url).database
        role = f"app_{database}"
        with store.engine.begin() as conn:
            for statement in (
                f"CREATE ROLE {role} LOGIN",
                f"GRANT CONNECT ON DATABASE {database} TO {role}",
                f"GRANT USAGE ON SCHEMA public TO {role}",
                f"GRANT SELECT, INSERT, UPDATE ON events TO {role}",
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON projection_checkpoints, "
                f"schedule_trips, schedule_entries, schedule_sources TO {role}",
            ):
                conn.exec_driver_sql(statement)
        app = open_store(make_url(url).set(username=role).render_as_string(False))
        try:
            seed = PROJECT_ROOT / "seeds" / "000_57b3f3c8cf65e46b.txt"
            assert ingest(app, seed.read_bytes()).appended
            ScheduleProjection(app).catch_up()
            assert ScheduleProjection(app).lag() == 0
            for statement, refusal in (
                ("ALTER TABLE events DISABLE TRIGGER events_append_only", "owner"),
                ("UPDATE events SET data = '{}'", "append-only"),
                ("DELETE FROM events", "permission denied|append-only"),
                ("TRUNCATE events", "permission denied"),
            ):
                with pytest.raises(DBAPIError, match=refusal), app.engine.begin() as conn:
                    conn.exec_driver_sql(statement)
        finally:
            app.close()
            with store.engine.begin() as conn:
                conn.exec_driver_sql(f"DROP OWNED BY {role}")
                conn.exec_driver_sql(f"DROP ROLE {role}")

    def test_losing_the_ingestion_locks_connection_is_sqlalchemys_error(
        self, store: EventStore
    ) -> None:
        """Seen in make chaos at a server shutdown: the driver's own error escaped (a 500)."""
        from sqlalchemy.exc import DBAPIError

        with pytest.raises(DBAPIError), store.ingestion_lock(), store.engine.begin() as conn:
            conn.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_locks "
                "WHERE locktype = 'advisory' AND granted"
            )
        with store.ingestion_lock():  # a new connection takes it again
            pass

    def test_truncate_is_refused(self, store: EventStore) -> None:
        from sqlalchemy.exc import DBAPIError

        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text("TRUNCATE events"))

    def test_times_come_back_in_utc_whatever_the_session_zone(self, url: str) -> None:
        store = open_store(url)
        at = datetime(2025, 5, 4, 8, 0, 0, 1, tzinfo=UTC)
        written = store.append([ev("a")], now=at).appended
        with store.engine.begin() as conn:
            name = conn.exec_driver_sql("SELECT current_database()").scalar_one()
            conn.exec_driver_sql(f"ALTER DATABASE {name} SET timezone = 'Asia/Ho_Chi_Minh'")
        store.close()
        store = open_store(url)
        try:
            with store.engine.connect() as conn:
                zone = conn.exec_driver_sql("SHOW timezone").scalar_one()
            assert zone == "Asia/Ho_Chi_Minh"
            rows = list(store.read_all())
            assert rows == written and rows[0].recorded_at.tzinfo is UTC
            assert store.position_at(at) == 1
            assert store.position_at(at - timedelta(microseconds=1)) == 0
        finally:
            store.close()
