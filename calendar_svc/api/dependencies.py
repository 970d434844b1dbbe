"""What the routes are handed: the service objects of one app, by dependency injection.

`create_app` opens them once (`AppServices.open`); Litestar hands each route the ones
its signature names (``readside: ReadSide``), from providers made here, as
litestar-fullstack provides its services: no route looks a service up by a string. The
same objects are in `app.state` under the same names, for what runs outside a route
(middleware, guards, the CLI's server, tests). Starting and stopping them is here too.
"""

from __future__ import annotations

import threading
from typing import Any

from litestar.datastructures import State
from litestar.di import Provide

from calendar_svc.api.feeds.serving import FeedCache
from calendar_svc.api.observability import count_lookup
from calendar_svc.audit.checkpoint import Signer
from calendar_svc.config import Settings
from calendar_svc.services.ingestion import TripIndex
from calendar_svc.services.readside import ReadSide
from calendar_svc.services.warmup import warm
from calendar_svc.store import EventStore, open_store
from calendar_svc.store.notify import Notifier, open_notifier

_MB = 1024 * 1024


def _provide(value: Any) -> Provide:
    """A provider handing every request the same `value`."""

    async def provide() -> Any:
        return value

    return Provide(provide, use_cache=True)


class AppServices:
    """One app's services: the log, what reads are answered from, the feeds' cache, the
    trips ingestion matches articles against, and the checkpoint signer (None without a
    key: the route answers 404)."""

    def __init__(self, settings: Settings, store: EventStore, *, owned: bool) -> None:
        self.settings = settings
        self.store = store
        self.owned = owned  # opened here, so closed here
        self.readside = ReadSide(
            store,
            on_lookup=count_lookup,
            replays=settings.replay_cache_entries,
            answers=settings.answer_cache_entries,
        )
        self.feeds = FeedCache(
            size=settings.feed_cache_entries,
            max_bytes=settings.feed_cache_mb * _MB,
            event_bytes=settings.event_cache_mb * _MB,
        )
        self.trips = TripIndex(store)  # what ingestion matches articles against
        #: Set when the server is asked to stop: a running ingestion gives up (nothing written).
        self.shutdown = threading.Event()
        # Wakes SSE followers and drops stale cached answers when the log grows (LISTEN on
        # PostgreSQL, one shared head poll on SQLite), instead of each follower polling.
        self.notifier: Notifier = open_notifier(
            store,
            fallback_seconds=settings.notify_fallback_seconds,
            poll_seconds=settings.notify_poll_seconds,
        )
        self.notifier.subscribe(self.readside.on_append)
        #: One signer per app: it caches the statement per head (reading no key until then).
        self.signer = Signer(settings.checkpoint_key) if settings.checkpoint_key else None
        self._warming: list[threading.Thread] = []

    @classmethod
    def open(cls, settings: Settings, store: EventStore | None = None) -> AppServices:
        """The services over `store`, or over a store opened (and later closed) here."""
        if store is not None:
            return cls(settings, store, owned=False)
        return cls(settings, open_store(settings.database_url, settings.timeouts()), owned=True)

    def named(self) -> dict[str, Any]:
        """Each service by the name a route's parameter (and `app.state`) gives it."""
        return {
            "settings": self.settings,
            "store": self.store,
            "readside": self.readside,
            "feeds": self.feeds,
            "trips": self.trips,
            "shutdown": self.shutdown,
            "notifier": self.notifier,
            "signer": self.signer,
        }

    def state(self) -> State:
        return State({k: v for k, v in self.named().items() if k != "signer"})

    def dependencies(self) -> dict[str, Provide]:
        return {name: _provide(value) for name, value in self.named().items()}

    def start(self) -> None:
        """Warm the trips and the schedule in the background; start the notifier."""
        self.shutdown.clear()  # started again after a stop (one lifespan per test client)
        thread = threading.Thread(
            target=warm, args=(self.trips, self.readside), name="warm-up", daemon=True
        )
        self._warming.append(thread)
        thread.start()
        self.notifier.start()

    def close(self) -> None:
        """Stop: a running ingestion gives up, the warm-up gives back its connection."""
        self.shutdown.set()
        self.notifier.stop()
        for thread in self._warming:  # it holds a connection while it works: let it give it back
            thread.join(timeout=self.store.timeouts.statement_seconds + 5)
        if self.owned:
            self.store.close()
