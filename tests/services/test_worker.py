"""The worker role: the stored schedule catches up with nobody reading, and of several
workers one is active while the others stand by, taking over when it dies."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from calendar_svc.cli import main
from calendar_svc.cli.serve import EXIT_STANDBY
from calendar_svc.config import PROJECT_ROOT
from calendar_svc.projections.schedule import ScheduleProjection
from calendar_svc.services.article_files import iter_article_files
from calendar_svc.services.ingestion import ingest
from calendar_svc.services.worker import ROLE, Worker
from calendar_svc.store import EventStore, open_store

HOUR = 3600.0
SEEDS = sorted(iter_article_files([str(PROJECT_ROOT / "seeds")]))
WORKTREE = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(any_url: str) -> Iterator[EventStore]:
    store = open_store(any_url)
    yield store
    store.close()


def _until(check: object, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_lag_goes_to_zero_after_an_append_with_no_reader(store: EventStore) -> None:
    """With the fallback read an hour away, only the append's notification can wake it."""
    worker = Worker(store, fallback_seconds=HOUR, standby_seconds=0.1)
    thread = threading.Thread(target=worker.run)
    thread.start()
    try:
        _until(lambda: worker.state == "active" and worker.notifier.head >= 0)
        ingest(store, Path(SEEDS[0]).read_bytes())
        projection = ScheduleProjection(store)
        assert store.last_position() > 0
        _until(lambda: projection.lag() == 0 and worker.applied == store.last_position())
    finally:
        worker.request_stop()
        thread.join(timeout=30)
    assert not thread.is_alive()


def test_a_second_worker_stands_by_while_the_first_is_active(store: EventStore) -> None:
    first = Worker(store, fallback_seconds=HOUR, standby_seconds=0.1)
    second = Worker(store, fallback_seconds=HOUR, standby_seconds=0.1)
    t1 = threading.Thread(target=first.run)
    t1.start()
    _until(lambda: first.state == "active")
    t2 = threading.Thread(target=second.run)
    t2.start()
    try:
        _until(lambda: second.state == "standby")
        ingest(store, Path(SEEDS[0]).read_bytes())
        _until(lambda: ScheduleProjection(store).lag() == 0 and first.applied > 0)
        assert second.applied == 0
        first.request_stop()  # the active one goes: the standby takes the role
        t1.join(timeout=30)
        _until(lambda: second.state == "active")
        ingest(store, Path(SEEDS[1]).read_bytes())
        # `applied` is counted once catch-up returns, just after the checkpoint moves.
        _until(lambda: ScheduleProjection(store).lag() == 0 and second.applied > 0)
    finally:
        first.request_stop()
        second.request_stop()
        t1.join(timeout=30)
        t2.join(timeout=30)


def test_once_exits_distinctly_while_another_worker_is_active(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(sqlite_url)
    try:
        ingest(store, Path(SEEDS[0]).read_bytes())
        with store.role_lock(ROLE) as held:
            assert held
            assert main(["--database-url", sqlite_url, "worker", "--once"]) == EXIT_STANDBY
            assert "another worker is active" in capsys.readouterr().err
        assert main(["--database-url", sqlite_url, "worker", "--once"]) == 0
        assert "caught up" in capsys.readouterr().out
        assert ScheduleProjection(store).lag() == 0
    finally:
        store.close()


def test_bad_seconds_are_refused_with_a_message(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--database-url", sqlite_url, "worker", "--fallback-seconds", "soon"])
    assert exit_.value.code == 2
    assert "not a number of seconds" in capsys.readouterr().err


class _Process:
    """`calendar-svc worker` in a process of its own, its output lines in a queue."""

    def __init__(self, url: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(WORKTREE)}
        self.proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "calendar_svc.cli", "--database-url", url, "worker"),
                *("--standby-seconds", "0.2", "--fallback-seconds", "3600"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self._reader.join(timeout=10)
        assert self.proc.stdout is not None
        self.proc.stdout.close()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())

    def expect(self, text: str, seconds: float = 30.0) -> None:
        deadline = time.monotonic() + seconds
        while True:
            line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            if text in line:
                return

    def state(self, seconds: float = 30.0) -> str:
        deadline = time.monotonic() + seconds
        while True:
            line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            if line.startswith("calendar-svc worker: "):
                return line.removeprefix("calendar-svc worker: ")


@pytest.mark.postgres
def test_killing_the_active_worker_process_hands_the_role_over(postgres_url: str) -> None:
    """Two processes on one PostgreSQL: one active; SIGKILL it (no clean-up: the server
    frees its advisory lock with its session) and the other becomes active and keeps the
    projection caught up; SIGTERM stops a worker cleanly with exit 0."""
    store = open_store(postgres_url)
    a = _Process(postgres_url)
    try:
        assert a.state() == "active"
        b = _Process(postgres_url)
        try:
            assert b.state() == "standby"
            a.proc.send_signal(signal.SIGKILL)
            a.proc.wait(timeout=30)
            assert b.state() == "active"
            ingest(store, Path(SEEDS[0]).read_bytes())
            _until(lambda: ScheduleProjection(store).lag() == 0)
            b.proc.send_signal(signal.SIGTERM)
            assert b.proc.wait(timeout=30) == 0
            b.expect("stopped")
        finally:
            b.close()
    finally:
        a.close()
        store.close()
