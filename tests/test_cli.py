"""The `calendar-svc` command as a user runs it: exit codes and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from calendar_svc.cli import main
from calendar_svc.store import NewEvent, migrate, open_store


def _fill(url: str, count: int = 5) -> None:
    store = open_store(url)
    store.append(
        [
            NewEvent(event_id=f"e{i}", stream_id="trip", event_type="Noted", data=f'{{"n":{i}}}')
            for i in range(1, count + 1)
        ]
    )
    store.close()


def test_migrate_creates_the_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'fresh' / 'db.sqlite3'}"
    assert main(["--database-url", url, "migrate"]) == 0
    assert f"revision {migrate.head_revision()}" in capsys.readouterr().out
    assert main(["--database-url", url, "migrate"]) == 0  # idempotent


def test_verify_ok_prints_a_one_line_summary(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(sqlite_url)
    assert main(["--database-url", sqlite_url, "verify"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("ok: 5 events")


def test_verify_names_the_altered_position(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(sqlite_url)
    store = open_store(sqlite_url)
    with store.engine.begin() as conn:  # what an attacker with file access would do
        conn.execute(text("DROP TRIGGER events_no_update"))
        conn.execute(text("UPDATE events SET data = :d WHERE position = 4"), {"d": '{"n":9}'})
    store.close()
    assert main(["--database-url", sqlite_url, "verify"]) == 1
    assert "BROKEN at position 4" in capsys.readouterr().err


def test_export_then_import_gives_an_identical_log(sqlite_url: str, tmp_path: Path) -> None:
    _fill(sqlite_url)
    dump = tmp_path / "log.jsonl"
    assert main(["--database-url", sqlite_url, "export", "--out", str(dump)]) == 0
    lines = dump.read_bytes().splitlines()
    assert len(lines) == 5 and b'"position":1' in lines[0] and b'"hash":"' in lines[0]
    assert b'"data":{"n":1}' in lines[0]  # embedded as JSON, byte for byte

    other = f"sqlite:///{tmp_path / 'copy.sqlite3'}"
    assert main(["--database-url", other, "migrate"]) == 0
    assert main(["--database-url", other, "import", str(dump)]) == 0
    source, copy = open_store(sqlite_url), open_store(other)
    assert list(source.read_all()) == list(copy.read_all())
    source.close()
    copy.close()
    # A second import would duplicate history: refused.
    assert main(["--database-url", other, "import", str(dump)]) == 2


def test_import_refuses_a_file_whose_chain_is_broken(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(sqlite_url)
    dump = tmp_path / "log.jsonl"
    main(["--database-url", sqlite_url, "export", "--out", str(dump)])
    dump.write_bytes(dump.read_bytes().replace(b'{"n":3}', b'{"n":7}'))
    other = f"sqlite:///{tmp_path / 'copy.sqlite3'}"
    main(["--database-url", other, "migrate"])
    assert main(["--database-url", other, "import", str(dump)]) == 2
    assert "BROKEN at position 3" in capsys.readouterr().err
    store = open_store(other)
    assert store.last_position() == 0  # nothing half-written
    store.close()


def test_import_rejects_garbage_with_its_line_number(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    assert main(["--database-url", sqlite_url, "import", str(bad)]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err
    assert main(["--database-url", sqlite_url, "import", str(tmp_path / "missing")]) == 2


def test_unmigrated_database_gets_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    assert main(["--database-url", url, "rebuild"]) == 2
    assert "calendar-svc migrate" in capsys.readouterr().err
    # verify only reads: it creates no file and says it cannot read (exit 3).
    missing = f"sqlite:///{tmp_path / 'missing.sqlite3'}"
    assert main(["--database-url", missing, "verify"]) == 3
    assert "no database at" in capsys.readouterr().err
    assert not (tmp_path / "missing.sqlite3").exists()


def test_console_script_runs_from_the_environment(sqlite_url: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "calendar_svc.cli", "--database-url", sqlite_url, "verify"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith("ok: 0 events")
