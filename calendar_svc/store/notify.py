"""Wake-ups on append: who waits for the log to grow is told, instead of each polling.

One `Notifier` a process runs one background thread that learns the log's head and
wakes every waiter: SSE followers (async), the worker and cache invalidation (threads,
callbacks). PostgreSQL: `LISTEN` on a connection of its own; appends `pg_notify` in their
own transaction (see `postgres.py`), so a notification means a commit and carries the
new head. SQLite has no such channel: the thread reads the head every `poll_seconds`
(a local index lookup), one reader for the whole process rather than one per follower.
Both also read the head every `fallback_seconds` whatever happens, for notifications
lost while the listening connection was down.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from calendar_svc.store.base import EventStore

log = logging.getLogger("calendar_svc.notify")

#: The channel appends notify on PostgreSQL; the payload is the new head position.
CHANNEL = "calendar_svc_events"
#: How often the head is read even without a notification (lost ones after a reconnect).
FALLBACK_SECONDS = 30.0
#: SQLite's local poll, shared by every waiter of the process.
POLL_SECONDS = 0.2

Listener = Callable[[int], None]


class Notifier:
    """The log's head as last seen, and the means to wait for it to pass a position."""

    def __init__(self, store: EventStore, *, fallback_seconds: float = FALLBACK_SECONDS) -> None:
        self.store = store
        self.fallback_seconds = fallback_seconds
        self._head = -1
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._listeners: list[Listener] = []
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()

    # -- lifecycle ------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="notifier", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop the thread and release every waiter (they re-check and see no change)."""
        self._stop.set()
        self._interrupt()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=self.store.timeouts.statement_seconds + 5)
        self._wake_all()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    # -- what waiters use -------------------------------------------------------------

    @property
    def head(self) -> int:
        """The newest head seen (-1 before the first reading)."""
        return self._head

    def subscribe(self, listener: Listener) -> None:
        """Call `listener(head)` on the notifier's thread each time the head moves."""
        self._listeners.append(listener)

    def wait_for_append(self, after: int, timeout: float) -> int:
        """Block until the head passes `after`, `timeout` passes or the notifier stops;
        returns the head as last seen."""
        with self._cond:
            self._cond.wait_for(lambda: self._head > after or self._stop.is_set(), timeout)
            return self._head

    async def wait(self, after: int, timeout: float) -> int:
        """`wait_for_append` for the event loop: no thread is held while waiting."""
        if self._thread is None and not self._stop.is_set():
            # Not started (an app served without its lifespan): a short pause instead.
            await asyncio.sleep(min(timeout, POLL_SECONDS))
            return self._head
        loop = asyncio.get_running_loop()
        woken = asyncio.Event()
        entry = (loop, woken)
        self._waiters.add(entry)
        try:
            if self._head <= after and not self._stop.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(woken.wait(), timeout)
        finally:
            self._waiters.discard(entry)
        return self._head

    # -- the thread -------------------------------------------------------------------

    def _publish(self, head: int) -> None:
        if head <= self._head:
            return
        with self._cond:
            self._head = head
            self._cond.notify_all()
        self._wake_all()
        for listener in list(self._listeners):
            try:
                listener(head)
            except Exception:  # a listener's failure must not stop the wake-ups
                log.warning("an append listener failed", exc_info=True)

    def _wake_all(self) -> None:
        with self._cond:
            self._cond.notify_all()
        for loop, woken in list(self._waiters):
            try:
                loop.call_soon_threadsafe(woken.set)
            except RuntimeError:  # that loop is closed: its waiter is gone
                self._waiters.discard((loop, woken))

    def _read_head(self) -> None:
        try:
            self._publish(self.store.last_position())
        except Exception:
            log.warning("reading the log's head failed; retrying", exc_info=True)

    def _run(self) -> None:
        raise NotImplementedError

    def _interrupt(self) -> None:
        """Make the thread notice `stop` now (backends with a blocking wait override)."""


class PollingNotifier(Notifier):
    """SQLite: one thread reads the head every `poll_seconds` for the whole process."""

    def __init__(
        self,
        store: EventStore,
        *,
        fallback_seconds: float = FALLBACK_SECONDS,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        super().__init__(store, fallback_seconds=fallback_seconds)
        self.poll_seconds = min(poll_seconds, fallback_seconds)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._read_head()
            self._stop.wait(self.poll_seconds)


class ListeningNotifier(Notifier):
    """PostgreSQL: LISTEN on a connection of its own; reconnects after a failure."""

    def __init__(self, store: EventStore, *, fallback_seconds: float = FALLBACK_SECONDS) -> None:
        super().__init__(store, fallback_seconds=fallback_seconds)
        self._conn: Any = None

    def _run(self) -> None:
        pause = 0.1
        while not self._stop.is_set():
            try:
                self._listen()
                pause = 0.1
            except Exception:
                if self._stop.is_set():
                    break
                log.warning("listening for appends failed; reconnecting", exc_info=True)
                self._stop.wait(pause)
                pause = min(pause * 2, 5.0)

    def _listen(self) -> None:
        raw = self.store.engine.raw_connection()
        try:
            conn: Any = raw.driver_connection
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
            self._conn = conn
            # Read after LISTEN: an append between the two is then never missed.
            self._read_head()
            while not self._stop.is_set():
                got = False
                for note in conn.notifies(timeout=self.fallback_seconds, stop_after=1):
                    got = True
                    if self._stop.is_set():
                        return
                    self._publish(_position(note.payload))
                if not got:
                    self._read_head()  # the safety net: nothing heard for a while
        finally:
            self._conn = None
            raw.invalidate()  # never hand a LISTENing session back to the pool
            raw.close()

    def _interrupt(self) -> None:
        conn = self._conn
        if conn is not None:
            try:  # a notification to ourselves ends the blocking `notifies` wait
                with self.store.engine.connect() as other:
                    other.exec_driver_sql(f"SELECT pg_notify('{CHANNEL}', '-1')")
                    other.commit()
            except Exception:
                log.debug("could not interrupt the listener", exc_info=True)


def _position(payload: str) -> int:
    try:
        return int(payload)
    except ValueError:
        return -1


def open_notifier(
    store: EventStore,
    *,
    fallback_seconds: float = FALLBACK_SECONDS,
    poll_seconds: float = POLL_SECONDS,
) -> Notifier:
    """The notifier for the store's backend (not started)."""
    if store.dialect_name == "postgresql":
        return ListeningNotifier(store, fallback_seconds=fallback_seconds)
    return PollingNotifier(store, fallback_seconds=fallback_seconds, poll_seconds=poll_seconds)
