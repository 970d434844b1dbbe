"""The worker role: keep the stored schedule caught up with the log, with nobody reading.

Without it, the projection only moves when a request folds it (lag grows while no one
reads). Several workers may run for availability: the role's lock (`EventStore.role_lock`,
a PostgreSQL advisory lock or a file lock beside the SQLite file) lets one be active; the
others stand by and retry every `standby_seconds`, so killing the active one hands over.
Even two active at once would be safe (catch-up serialises on the read-model lock and
re-reads the checkpoint), only wasteful.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from calendar_svc.projections.schedule import ScheduleProjection
from calendar_svc.store import EventStore
from calendar_svc.store.notify import FALLBACK_SECONDS, Notifier, open_notifier

log = logging.getLogger("calendar_svc.worker")

ROLE = "worker"
#: How often a standby worker tries to take the role.
STANDBY_SECONDS = 2.0
#: After a database error, the pause before the next attempt (doubling up to 30 s).
RETRY_SECONDS = 0.5


class Worker:
    def __init__(
        self,
        store: EventStore,
        *,
        notifier: Notifier | None = None,
        fallback_seconds: float = FALLBACK_SECONDS,
        standby_seconds: float = STANDBY_SECONDS,
        on_state: Callable[[str], None] | None = None,
    ) -> None:
        self.store = store
        self.projection = ScheduleProjection(store)
        self.notifier = notifier or open_notifier(store, fallback_seconds=fallback_seconds)
        self.fallback_seconds = fallback_seconds
        self.standby_seconds = standby_seconds
        self.stop = threading.Event()
        #: "active" or "standby", as last reported (tests and logs read it).
        self.state = "starting"
        self._on_state = on_state
        #: Events applied by this worker, in total.
        self.applied = 0

    def _report(self, state: str) -> None:
        if state != self.state:
            self.state = state
            log.info("worker %s", state)
            if self._on_state is not None:
                self._on_state(state)

    def once(self) -> bool:
        """Take the role and catch up once; False if another worker holds the role."""
        with self.store.role_lock(ROLE) as held:
            if not held:
                self._report("standby")
                return False
            self._report("active")
            self.applied += self.projection.catch_up()
            return True

    def run(self) -> None:
        """Until `stop` is set: stand by, or hold the role and follow the log."""
        self.notifier.start()
        pause = RETRY_SECONDS
        try:
            while not self.stop.is_set():
                try:
                    with self.store.role_lock(ROLE) as held:
                        if held:
                            self._report("active")
                            self._follow()
                            pause = RETRY_SECONDS
                            continue
                    self._report("standby")
                    self.stop.wait(self.standby_seconds)
                except Exception:
                    log.warning("the worker failed; retrying in %.1f s", pause, exc_info=True)
                    self.stop.wait(pause)
                    pause = min(pause * 2, 30.0)
        finally:
            self.notifier.stop()

    def _follow(self) -> None:
        """Holding the role: catch up, then sleep until an append (or the fallback)."""
        while not self.stop.is_set():
            self.applied += self.projection.catch_up()
            checkpoint = self.projection.checkpoint()
            self.notifier.wait_for_append(checkpoint, self.fallback_seconds)

    def request_stop(self) -> None:
        """Signal-safe: the loop ends after the current catch-up page."""
        self.stop.set()
        # Wake a wait on the notifier without stopping it from the signal handler.
        threading.Thread(target=self.notifier.stop, name="worker-stop", daemon=True).start()
