"""A client-side deadline for every round trip to PostgreSQL.

A server that is stopped refuses connections at once, but a server that is frozen (its
processes paused, its disk stalled) keeps the TCP connection open and simply never
answers: `statement_timeout` is enforced by the server, so it never fires, and TCP
keep-alives are answered by the server's kernel. A request would hang for as long as the
freeze lasts. Here each statement, commit and rollback registers its socket with a
watchdog thread; one still waiting at its deadline has its socket shut down, so the
driver fails at once with an `OperationalError` (a disconnect: the pool discards the
connection) and the API answers 503 within a bounded time.

`connect_timeout` (libpq) bounds connecting; this bounds everything after.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg


class _Watchdog:
    """One daemon thread for the process, checking the registered sockets' deadlines."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self._lock = threading.Lock()
        self._active: dict[int, tuple[float, int]] = {}  # token -> (deadline, fd)
        self._next = 0
        self._thread: threading.Thread | None = None
        #: How many round trips were cut off (for tests and metrics).
        self.expired = 0

    @contextmanager
    def guard(self, fd: int, seconds: float) -> Iterator[None]:
        if fd < 0 or seconds <= 0:
            yield
            return
        with self._lock:
            self._next += 1
            token = self._next
            self._active[token] = (time.monotonic() + seconds, fd)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="pg-deadline", daemon=True)
                self._thread.start()
        try:
            yield
        finally:
            with self._lock:
                self._active.pop(token, None)

    def _run(self) -> None:
        while True:
            time.sleep(self.interval)
            now = time.monotonic()
            with self._lock:
                # Shut down under the lock: a guarded call cannot finish (and its socket
                # cannot be closed and its descriptor reused) while this runs.
                for token, (deadline, fd) in list(self._active.items()):
                    if deadline <= now:
                        del self._active[token]
                        self.expired += 1
                        _shutdown(fd)


def _shutdown(fd: int) -> None:
    try:
        dup = socket.fromfd(fd, socket.AF_INET, socket.SOCK_STREAM)
    except OSError:
        return
    try:
        dup.shutdown(socket.SHUT_RDWR)  # acts on the socket itself, not only this descriptor
    except OSError:
        pass
    finally:
        dup.close()


WATCHDOG = _Watchdog()


def _fd(conn: psycopg.Connection[Any]) -> int:
    try:
        return int(conn.pgconn.socket)
    except psycopg.OperationalError:
        return -1


class GuardedCursor(psycopg.Cursor[Any]):
    """A client-side cursor whose round trips end by the connection's deadline."""

    def execute(self, *args: Any, **kwargs: Any) -> Any:
        with WATCHDOG.guard(_fd(self.connection), _seconds(self.connection)):
            return super().execute(*args, **kwargs)

    def executemany(self, *args: Any, **kwargs: Any) -> None:
        with WATCHDOG.guard(_fd(self.connection), _seconds(self.connection)):
            super().executemany(*args, **kwargs)

    @contextmanager
    def copy(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        with (
            WATCHDOG.guard(_fd(self.connection), _seconds(self.connection)),
            super().copy(*args, **kwargs) as copy,
        ):
            yield copy


class GuardedConnection(psycopg.Connection[Any]):
    """Commits and rollbacks wait for the server too: they get the same deadline."""

    deadline_seconds: float = 0.0

    def commit(self) -> None:
        with WATCHDOG.guard(_fd(self), self.deadline_seconds):
            super().commit()

    def rollback(self) -> None:
        with WATCHDOG.guard(_fd(self), self.deadline_seconds):
            super().rollback()


def _seconds(conn: psycopg.Connection[Any]) -> float:
    return float(getattr(conn, "deadline_seconds", 0.0))


def connect(seconds: float, *args: Any, **kwargs: Any) -> GuardedConnection:
    """A connection whose every round trip is cut off after `seconds`."""
    conn = GuardedConnection.connect(*args, cursor_factory=GuardedCursor, **kwargs)
    conn.deadline_seconds = seconds
    return conn
