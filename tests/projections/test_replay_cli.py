"""`calendar-svc rebuild | replay | diff` as an auditor runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calendar_svc.cli import main
from calendar_svc.config import PROJECT_ROOT


@pytest.fixture
def seeded(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--database-url", sqlite_url, "ingest", str(PROJECT_ROOT / "seeds")]) == 0
    capsys.readouterr()
    return sqlite_url


def test_rebuild_reports_the_events_replayed(
    seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", seeded, "rebuild"]) == 0
    assert "rebuilt the schedule from" in capsys.readouterr().out


def test_replay_until_a_position_as_json(seeded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", seeded, "replay", "--until", "5", "--json"]) == 0
    schedule = json.loads(capsys.readouterr().out)
    assert schedule["position"] == 5
    (trip,) = schedule["trips"]
    assert [leg["status"] for leg in trip["legs"]] == ["announced"] * 4


def test_replay_shows_certainty_and_when_a_status_was_last_reported(
    seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", seeded, "replay"]) == 0
    lines = capsys.readouterr().out.splitlines()
    trip = next(line for line in lines if line.startswith("trip "))
    assert "2025-05-05 to 2025-05-12 (corroborated)" in trip
    assert trip.endswith("in_progress (last reported 2025-05-11)")
    russia = next(line for line in lines if line.lstrip().startswith("3. RU"))
    assert "(start stated, end stated) concluded (last reported 2025-05-11)" in russia
    kazakhstan = next(line for line in lines if line.lstrip().startswith("1. KZ"))
    assert "(start inferred, end inferred)" in kazakhstan


def test_replay_as_of_a_time_before_anything_is_empty(
    seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", seeded, "replay", "--as-of", "2000-01-01T00:00:00Z"]) == 0
    out = capsys.readouterr().out
    assert "position 0" in out and "(no trips)" in out


def test_diff_between_two_positions(seeded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", seeded, "diff", "5", "40"]) == 0
    out = capsys.readouterr().out
    assert "changed leg" in out and "because of #" in out


def test_bad_points_are_refused(seeded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", seeded, "diff", "5", "yesterday"]) == 2
    assert "neither a log position nor an ISO 8601 time" in capsys.readouterr().err
    assert main(["--database-url", seeded, "replay", "--until", "3", "--as-of", "2025"]) == 2


def test_ingest_keeps_the_stored_schedule_current(
    seeded: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from calendar_svc.projections.schedule import ScheduleProjection
    from calendar_svc.store import open_store

    store = open_store(seeded)
    assert ScheduleProjection(store).lag() == 0
    store.close()


@pytest.mark.parametrize("command", [["replay"], ["diff", "0", "40"], ["replay", "--json"]])
def test_a_closed_output_pipe_ends_the_command_cleanly(seeded: str, command: list[str]) -> None:
    """`calendar-svc replay | head -1`: no traceback, exit 0."""
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "calendar_svc.cli", "--database-url", seeded, *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # as head does once it has its line
    error = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0, error
    assert "Traceback" not in error and "BrokenPipe" not in error


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("calendar-svc ")
