"""Settings from CALENDAR_SVC_* variables: the data directory, the fault timeouts and the
CPU budget."""

from __future__ import annotations

from pathlib import Path

import pytest

import calendar_svc
from calendar_svc.cli import main
from calendar_svc.config import Settings, SettingsError, load_settings


def test_the_embedded_database_follows_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = load_settings({}).database_url
    assert url == f"sqlite:///{tmp_path / 'var' / 'calendar.sqlite3'}"
    package = Path(calendar_svc.__file__).resolve().parent.parent
    assert str(package) not in url


def test_the_data_dir_variable_places_the_embedded_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    url = load_settings({"CALENDAR_SVC_DATA_DIR": str(data)}).database_url
    assert url == f"sqlite:///{data / 'calendar.sqlite3'}"
    # relative to the working directory, made absolute so a later chdir changes nothing
    assert load_settings({"CALENDAR_SVC_DATA_DIR": "rel"}).database_url == (
        f"sqlite:///{tmp_path / 'rel' / 'calendar.sqlite3'}"
    )
    # an explicit URL wins over the data directory
    both = {"CALENDAR_SVC_DATA_DIR": str(data), "CALENDAR_SVC_DATABASE_URL": "sqlite:///x.db"}
    assert load_settings(both).database_url == "sqlite:///x.db"


@pytest.mark.parametrize(
    ("variable", "field"),
    [
        ("CALENDAR_SVC_DB_LOCK_TIMEOUT", "db_lock_timeout"),
        ("CALENDAR_SVC_DB_STATEMENT_TIMEOUT", "db_statement_timeout"),
        ("CALENDAR_SVC_INGEST_QUEUE_TIMEOUT", "ingest_queue_timeout"),
        ("CALENDAR_SVC_INGEST_CPU_SECONDS", "ingest_cpu_seconds"),
        ("CALENDAR_SVC_NOTIFY_POLL_SECONDS", "notify_poll_seconds"),
        ("CALENDAR_SVC_SSE_KEEPALIVE_SECONDS", "sse_keepalive_seconds"),
    ],
)
def test_each_limit_is_read_from_its_variable(variable: str, field: str) -> None:
    assert getattr(load_settings({variable: "2.5"}), field) == 2.5
    assert getattr(load_settings({}), field) == getattr(Settings(database_url="x"), field)
    for bad in ("abc", "0", "-1", "99999"):
        with pytest.raises(SettingsError, match=variable):
            load_settings({variable: bad})


def test_the_store_gets_the_configured_timeouts() -> None:
    settings = load_settings(
        {"CALENDAR_SVC_DB_LOCK_TIMEOUT": "2", "CALENDAR_SVC_DB_STATEMENT_TIMEOUT": "7"}
    )
    limits = settings.timeouts()
    assert (limits.lock_seconds, limits.statement_seconds) == (2.0, 7.0)


def test_a_bad_variable_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CALENDAR_SVC_DB_LOCK_TIMEOUT", "soon")
    assert main(["verify"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "CALENDAR_SVC_DB_LOCK_TIMEOUT" in err


def test_cors_origins_and_readiness_lag_are_read_from_their_variables() -> None:
    assert load_settings({}).cors_origins == ()
    settings = load_settings(
        {
            "CALENDAR_SVC_CORS_ORIGINS": "https://a.example.org/, https://b.example.org,,",
            "CALENDAR_SVC_READY_MAX_LAG": "50",
        }
    )
    assert settings.cors_origins == ("https://a.example.org", "https://b.example.org")
    assert settings.ready_max_lag == 50
    assert load_settings({}).ready_max_lag == Settings(database_url="x").ready_max_lag
    for bad in ("many", "-1", "1.5"):
        with pytest.raises(SettingsError, match="CALENDAR_SVC_READY_MAX_LAG"):
            load_settings({"CALENDAR_SVC_READY_MAX_LAG": bad})


@pytest.mark.parametrize(
    "field",
    [
        "feed_cache_entries",
        "feed_cache_mb",
        "event_cache_mb",
        "replay_cache_entries",
        "answer_cache_entries",
    ],
)
def test_each_cache_size_is_read_from_its_variable(field: str) -> None:
    variable = f"CALENDAR_SVC_{field.upper()}"
    assert getattr(load_settings({variable: "7"}), field) == 7
    assert getattr(load_settings({}), field) == getattr(Settings(database_url="x"), field)
    for bad in ("lots", "-1", "2.5"):
        with pytest.raises(SettingsError, match=variable):
            load_settings({variable: bad})


def test_the_services_are_built_with_the_configured_sizes(sqlite_url: str) -> None:
    from calendar_svc.api.dependencies import AppServices
    from calendar_svc.store.notify import PollingNotifier

    settings = load_settings(
        {
            "CALENDAR_SVC_DATABASE_URL": sqlite_url,
            "CALENDAR_SVC_FEED_CACHE_ENTRIES": "3",
            "CALENDAR_SVC_FEED_CACHE_MB": "2",
            "CALENDAR_SVC_EVENT_CACHE_MB": "1",
            "CALENDAR_SVC_REPLAY_CACHE_ENTRIES": "4",
            "CALENDAR_SVC_ANSWER_CACHE_ENTRIES": "5",
            "CALENDAR_SVC_NOTIFY_POLL_SECONDS": "0.5",
        }
    )
    services = AppServices.open(settings)
    try:
        assert (services.feeds.size, services.feeds.max_bytes) == (3, 2 * 1024 * 1024)
        assert services.feeds.events.max_bytes == 1024 * 1024
        assert (services.readside.max_replays, services.readside.max_answers) == (4, 5)
        assert isinstance(services.notifier, PollingNotifier)  # SQLite: one shared poll
        assert services.notifier.poll_seconds == 0.5
    finally:
        services.store.close()
