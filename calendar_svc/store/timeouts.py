"""How long the log waits on the database before it gives up, and the polling by which
backends wait for a lock within that time.

Apart because configuration (`config.py`) reads `Timeouts` without the store's machinery.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import msgspec

from calendar_svc.store.errors import StoreUnavailable


class Timeouts(msgspec.Struct, frozen=True):
    """How long the log waits on the database before it gives up (bounded faults)."""

    #: Connecting, and waiting for another writer's lock (SQLite busy, PostgreSQL locks).
    lock_seconds: float = 5.0
    #: One statement on the server; the client cuts the connection a second later.
    statement_seconds: float = 15.0
    #: Waiting for other submissions to be read and appended before this one.
    queue_seconds: float = 30.0


def poll_lock(try_lock: Callable[[], bool], seconds: float, what: str) -> None:
    """Call `try_lock` until it succeeds or `seconds` pass (then `StoreUnavailable`).

    Polling keeps every round trip short, so the statement deadlines stay meaningful.
    """
    deadline = time.monotonic() + seconds
    pause = 0.002
    while not try_lock():
        if time.monotonic() >= deadline:
            raise StoreUnavailable(f"{what} is busy: waited {seconds:g} s; try again later")
        time.sleep(pause)
        pause = min(pause * 2, 0.05)
