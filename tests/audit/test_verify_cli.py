"""`calendar-svc verify`: 0 intact, 1 tampered (position named), 3 unreadable; one line,
no traceback, nothing created; `--projection` checks the stored schedule too."""

from __future__ import annotations

import socket
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from calendar_svc.audit.verify import open_readonly
from calendar_svc.cli import main
from calendar_svc.config import PROJECT_ROOT
from calendar_svc.projections.schedule import ScheduleProjection
from calendar_svc.services.article_files import iter_article_files
from calendar_svc.services.ingestion import ingest
from calendar_svc.store import open_store
from tests.audit.tamper import db_path, fill


def _run(url: str, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    code = main(["--database-url", url, "verify", *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _one_line(text: str) -> str:
    assert text.count("\n") == 1 and "Traceback" not in text, text
    return text


def test_intact_log_exits_0(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    fill(sqlite_url, 3)
    code, out, err = _run(sqlite_url, capsys)
    assert code == 0 and _one_line(out).startswith("ok: 3 events") and err == ""


def test_an_altered_row_exits_1_naming_its_position(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(sqlite_url, 4)
    with closing(sqlite3.connect(db_path(sqlite_url), isolation_level=None)) as conn:
        conn.execute("DROP TRIGGER events_no_update")
        conn.execute("UPDATE events SET event_type = 'Forged' WHERE position = 2")
    code, _, err = _run(sqlite_url, capsys)
    assert code == 1 and "BROKEN at position 2" in _one_line(err)


def test_a_row_that_cannot_be_decoded_is_tampering_not_a_traceback(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(sqlite_url, 4)
    with closing(sqlite3.connect(db_path(sqlite_url), isolation_level=None)) as conn:
        conn.execute("DROP TRIGGER events_no_update")
        conn.execute("UPDATE events SET recorded_at = 'yesterday' WHERE position = 3")
    code, _, err = _run(sqlite_url, capsys)
    assert code == 1 and "BROKEN at position 3" in _one_line(err)


def test_a_missing_file_exits_3_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere" / "calendar.sqlite3"
    code, out, err = _run(f"sqlite:///{missing}", capsys)
    assert code == 3 and out == "" and str(missing) in _one_line(err)
    assert not missing.parent.exists()
    # The same for `checkpoint`, which only reads too.
    assert main(["--database-url", f"sqlite:///{missing}", "checkpoint"]) in (2, 3)
    assert not missing.parent.exists()


def test_a_file_that_is_not_a_database_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database\n" * 200)
    code, _, err = _run(f"sqlite:///{junk}", capsys)
    assert code == 3 and "not a database" in _one_line(err)
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    code, _, err = _run(f"sqlite:///{folder}", capsys)
    assert code == 3 and "not a file" in _one_line(err)


def test_an_unmigrated_database_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.sqlite3"
    with closing(sqlite3.connect(empty)) as conn:
        conn.execute("CREATE TABLE unrelated (x)")
    code, _, err = _run(f"sqlite:///{empty}", capsys)
    assert code == 3 and "no such table" in _one_line(err)


def test_an_unreachable_server_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg://nobody@127.0.0.1:{port}/calendar?connect_timeout=2"
    code, _, err = _run(url, capsys)
    assert code == 3 and "cannot read the database" in _one_line(err)


def test_verify_writes_nothing(sqlite_url: str) -> None:
    fill(sqlite_url, 2)
    path = db_path(sqlite_url)
    before = path.read_bytes()
    assert main(["--database-url", sqlite_url, "verify", "--projection"]) == 0
    assert path.read_bytes() == before
    store = open_readonly(sqlite_url)  # the file is opened read-only: it cannot write
    with pytest.raises(OperationalError, match="readonly"), store.engine.begin() as conn:
        conn.execute(text("CREATE TABLE planted (x)"))
    store.close()


# -- --projection -----------------------------------------------------------------------


@pytest.fixture
def scheduled_url(sqlite_url: str) -> str:
    """The seeds on the log and in the stored schedule."""
    store = open_store(sqlite_url)
    for name in iter_article_files([str(PROJECT_ROOT / "seeds")]):
        ingest(store, Path(name).read_bytes())
    ScheduleProjection(store).catch_up()
    store.close()
    return sqlite_url


def _edit(url: str, sql: str) -> None:
    store = open_store(url)
    with store.engine.begin() as conn:
        conn.execute(text(sql))
    store.close()


def _some_trip(url: str) -> str:
    store = open_store(url)
    with store.engine.connect() as conn:
        trip = conn.execute(text("SELECT min(trip_id) FROM schedule_trips")).scalar_one()
    store.close()
    assert isinstance(trip, str)
    return trip


def test_projection_of_an_intact_schedule_is_ok(
    scheduled_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(scheduled_url, capsys, "--projection")
    assert code == 0 and "projection matches a fresh fold" in _one_line(out)


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        (
            "UPDATE schedule_trips SET start_date = '1999-01-01' WHERE trip_id = '{trip}'",
            "trip {trip}: schedule_trips row {trip} differs in start_date",
        ),
        (
            "UPDATE schedule_trips SET view = replace(view, '\"status\"', '\"status\" ') "
            "WHERE trip_id = '{trip}'",
            None,  # JSON compared as values: whitespace is not a difference
        ),
        (
            'UPDATE schedule_trips SET view = replace(view, \'"name":"\', \'"name":"X\') '
            "WHERE trip_id = '{trip}'",
            "trip {trip}: schedule_trips row {trip} differs in view",
        ),
        (
            # (schedule_legs and schedule_engagements, which these two edited, were dropped
            # by migration 0008: the same checks on the tables that remain.)
            "DELETE FROM schedule_sources "
            "WHERE article_id = (SELECT max(article_id) FROM schedule_sources)",
            "is missing from the store",
        ),
        (
            "UPDATE schedule_trips SET revision = 99 WHERE trip_id = '{trip}'",
            "differs in revision",
        ),
        (
            "DELETE FROM schedule_trips WHERE trip_id = '{trip}'",
            "trip {trip}: schedule_trips row {trip} is missing from the store",
        ),
        (
            # Sorts before every real article id: the walk meets it mid-table.
            "INSERT INTO schedule_sources (article_id, view) VALUES ('0planted', '{{}}')",
            "article 0planted: schedule_sources row 0planted is stored but the log does not "
            "produce it",
        ),
    ],
)
def test_projection_catches_an_edited_stored_row(
    scheduled_url: str, capsys: pytest.CaptureFixture[str], sql: str, expected: str | None
) -> None:
    trip = _some_trip(scheduled_url)
    _edit(scheduled_url, sql.format(trip=trip))
    assert _run(scheduled_url, capsys)[0] == 0  # the log itself is intact
    code, _, err = _run(scheduled_url, capsys, "--projection")
    if expected is None:
        assert code == 0
        return
    assert code == 1
    assert "PROJECTION DIFFERS at position" in _one_line(err)
    assert expected.format(trip=trip) in err


def test_projection_is_checked_at_its_own_checkpoint(
    scheduled_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A projection behind the head is not tampered: it is compared with the log folded
    up to its checkpoint."""
    fill(scheduled_url, 2)  # appended, not yet projected
    code, out, _ = _run(scheduled_url, capsys, "--projection")
    assert code == 0 and "matches" in out
