"""Settings from CALENDAR_SVC_* variables: the fault timeouts and the CPU budget."""

from __future__ import annotations

import pytest

from calendar_svc.cli import main
from calendar_svc.config import Settings, SettingsError, load_settings


@pytest.mark.parametrize(
    ("variable", "field"),
    [
        ("CALENDAR_SVC_DB_LOCK_TIMEOUT", "db_lock_timeout"),
        ("CALENDAR_SVC_DB_STATEMENT_TIMEOUT", "db_statement_timeout"),
        ("CALENDAR_SVC_INGEST_QUEUE_TIMEOUT", "ingest_queue_timeout"),
        ("CALENDAR_SVC_INGEST_CPU_SECONDS", "ingest_cpu_seconds"),
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
