"""Each trip's VEVENTs, kept written between feeds.

A trip's VEVENTs depend only on the trip, the sources its items cite and the feed's
`Form` (base URL, how engagements are shown, language), so `EventCache` keeps them
rendered, keyed by a digest of exactly those: after an article moves the log, only the
trips it changed are rendered again, and a feed is its header, VTIMEZONEs and the cached
VEVENTs joined in order.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

import msgspec

from calendar_svc.api.feeds.events import Form, Rendered, render_trip
from calendar_svc.domain.views import Schedule, TripView

#: Default budget of an `EventCache`: comfortably more than the VEVENTs of the whole
#: schedule (about 17 MB for 16k events), so that a full feed never evicts its own trips.
EVENT_CACHE_BYTES = 96 * 1024 * 1024

_signer = msgspec.msgpack.Encoder()
#: What an entry costs beyond its VEVENT bytes (tuples, dates, strings), roughly.
_ENTRY_OVERHEAD = 256


def signature(schedule: Schedule, trip: TripView) -> bytes:
    """A digest of everything a trip's VEVENTs are made of: the trip (its legs and
    engagements, principal, stamps) and the sources its items cite, as they are now (a
    source can be added without a new revision, and its title or outlet can change)."""
    sources = schedule.sources
    cited = [sources.get(a) for leg in trip.legs for a in leg.sources]
    cited += [sources.get(a) for e in trip.engagements for a in e.sources]
    return hashlib.blake2b(_signer.encode((trip, cited)), digest_size=16).digest()


class EventCache:
    """Each trip's rendered VEVENTs, keyed by (digest of the trip and its sources, base
    URL and how engagements are shown), least recently used first out once they weigh
    more than `max_bytes`.

    For the schedule last asked about, it also remembers which entry each trip has (by
    id: a schedule decodes its trips on demand, so one trip may be two objects), so the
    several feeds of one log position (everything, a trip, a country, and
    LAST-MODIFIED) digest each trip once. Thread-safe; at worst two threads render the
    same trip at once and one result is kept.
    """

    def __init__(self, max_bytes: int = EVENT_CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.rendered = 0  # trips rendered, for tests and metrics
        self.reused = 0  # trips found rendered
        self._entries: OrderedDict[tuple[bytes, Form], tuple[tuple[Rendered, ...], int]] = (
            OrderedDict()
        )
        self._lock = threading.Lock()
        self._schedule: Schedule | None = None  # the schedule `_known` is of
        self._known: dict[tuple[str, Form], tuple[Rendered, ...]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def trip(self, schedule: Schedule, trip: TripView, form: Form) -> tuple[Rendered, ...]:
        """The trip's VEVENTs in this form: known for this schedule, found by digest, or
        rendered (and kept)."""
        with self._lock:
            if self._schedule is not schedule:
                self._schedule = schedule
                self._known = {}
            known = self._known.get((trip.trip_id, form))
        if known is not None:
            return known
        key = (signature(schedule, trip), form)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                self.reused += 1
        if entry is None:
            entry = self._render(schedule, trip, key)
        with self._lock:
            if self._schedule is schedule:
                self._known[(trip.trip_id, form)] = entry[0]
        return entry[0]

    def _render(
        self, schedule: Schedule, trip: TripView, key: tuple[bytes, Form]
    ) -> tuple[tuple[Rendered, ...], int]:
        """Render a trip and keep it, dropping the least recently used beyond the budget."""
        items = render_trip(schedule, trip, key[1])
        size = sum(len(item.data) for item in items) + _ENTRY_OVERHEAD * (len(items) + 1)
        entry = (items, size)
        with self._lock:
            self.rendered += 1
            if key not in self._entries:
                self._entries[key] = entry
                self.bytes += size
                while self.bytes > self.max_bytes and self._entries:
                    _, (_, dropped) = self._entries.popitem(last=False)
                    self.bytes -= dropped
        return entry
