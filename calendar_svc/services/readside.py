"""What GET handlers read: the stored schedule at the log's head, and replays for audits.

The schedule at a given log position never changes, so it is cached by position: a
request at an unchanged head decodes nothing, and a trip is decoded when a request first
needs it (`projections.stored`), so a new process is ready without decoding them all.
A reader that finds the stored schedule moved on meanwhile starts again at the newer one
(`read`). Past points (`as_of`) are replayed from
the log and kept in a small LRU, since auditors tend to ask about the same moments.
Each lookup in the answers' cache is reported to `on_lookup` (the API counts them for
its metrics), so this service knows nothing of how it is served.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

import msgspec

from calendar_svc.domain.views import Schedule
from calendar_svc.projections.replay import replay
from calendar_svc.projections.schedule import ScheduleProjection
from calendar_svc.projections.stored import ScheduleMoved
from calendar_svc.store import EventStore

_encoder = msgspec.json.Encoder()
#: Times a reader starts again when the stored schedule moves on under it.
_ATTEMPTS = 5

T = TypeVar("T")


def _uncounted(cache: str, hit: bool) -> None:
    """No one is told of cache lookups."""


class ReadSide:
    def __init__(
        self,
        store: EventStore,
        on_lookup: Callable[[str, bool], None] = _uncounted,
        *,
        replays: int = 16,
        answers: int = 256,
    ) -> None:
        self.store = store
        self.max_replays = replays  # past schedules kept (auditors ask the same moments)
        self.max_answers = answers  # JSON answers kept by (position, request)
        self.on_lookup = on_lookup
        self.projection = ScheduleProjection(store)
        self._lock = threading.Lock()
        self._current: Schedule | None = None
        self._rules_checked = False
        self._replays: OrderedDict[int, Schedule] = OrderedDict()
        self._answers: OrderedDict[tuple[Any, ...], msgspec.Raw] = OrderedDict()

    def head(self) -> int:
        return self.store.last_position()

    def current(self, head: int | None = None) -> Schedule:
        """The schedule at the log's head; `head` is that position if the caller has it."""
        if head is None:
            head = self.head()
        cached = self._current
        if cached is not None and cached.position >= head:
            return cached
        with self._lock:
            # The first time in a process even at the head: catch-up rebuilds a schedule
            # that other rules folded, so it is never served.
            if not self._rules_checked or self.projection.checkpoint() < head:
                self.projection.catch_up()
                self._rules_checked = True
            schedule = self.projection.load(self._current)
            self._current = schedule
            return schedule

    def read(self, head: int | None, build: Callable[[Schedule], T]) -> T:
        """`build` of the current schedule (at `head`, if the caller has it). Its trips are
        read as it is built: if another writer moves the stored schedule on meanwhile,
        it is built again from the newer schedule, never from rows of two positions."""
        for _ in range(_ATTEMPTS - 1):
            schedule = self.current(head)
            try:
                return build(schedule)
            except ScheduleMoved:
                head = max(schedule.position + 1, self.projection.checkpoint())
        return build(self.current(head))

    def cached(self, key: tuple[Any, ...]) -> msgspec.Raw | None:
        """An answer already built for this (log position, request), without blocking I/O:
        handlers look here on the event loop before sending any work to a thread."""
        with self._lock:
            hit = self._answers.get(key)
            if hit is not None:
                self._answers.move_to_end(key)
        self.on_lookup("answer", hit is not None)
        return hit

    def encoded(self, key: tuple[Any, ...], build: Callable[[], Any]) -> msgspec.Raw:
        """The JSON of a read answer, built once per (log position, request)."""
        hit = self.cached(key)
        if hit is not None:
            return hit
        raw = msgspec.Raw(_encoder.encode(build()))
        with self._lock:
            self._answers[key] = raw
            while len(self._answers) > self.max_answers:
                self._answers.popitem(last=False)
        return raw

    def on_append(self, head: int) -> None:
        """The log grew to `head` (a notification): drop the answers built for older
        positions, which no request at the new head can use."""
        with self._lock:
            for key in [k for k in self._answers if isinstance(k[1], int) and k[1] < head]:
                del self._answers[key]

    def at(self, position: int) -> Schedule:
        """The schedule as it stood at `position` (0 <= position <= head)."""
        if position >= self.head():
            return self.current()
        with self._lock:
            hit = self._replays.get(position)
            if hit is not None:
                self._replays.move_to_end(position)
                return hit
        schedule = replay(self.store, position)
        with self._lock:
            self._replays[position] = schedule
            while len(self._replays) > self.max_replays:
                self._replays.popitem(last=False)
        return schedule
