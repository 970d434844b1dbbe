"""The append notifier's contract, on both backends: waiters wake on an append promptly,
without the fallback read (set to an hour here, so only a notification can wake them)."""

from __future__ import annotations

import abc
import asyncio
import threading
import time
from collections.abc import Iterator

import pytest

from calendar_svc.store import EventStore, open_store
from calendar_svc.store.notify import ListeningNotifier, Notifier, PollingNotifier, open_notifier
from tests.store.log_contract import ev

HOUR = 3600.0


class NotifierContract(abc.ABC):
    notifier_class: type[Notifier]

    @pytest.fixture
    @abc.abstractmethod
    def url(self) -> str: ...

    @pytest.fixture
    def store(self, url: str) -> Iterator[EventStore]:
        store = open_store(url)
        yield store
        store.close()

    @pytest.fixture
    def notifier(self, store: EventStore) -> Iterator[Notifier]:
        notifier = open_notifier(store, fallback_seconds=HOUR, poll_seconds=0.05)
        assert type(notifier) is self.notifier_class
        notifier.start()
        yield notifier
        notifier.stop()

    def _started(self, notifier: Notifier) -> None:
        deadline = time.monotonic() + 10
        while notifier.head < 0:  # the first reading of the head, after LISTEN
            assert time.monotonic() < deadline
            time.sleep(0.01)

    def test_a_thread_waiting_wakes_on_an_append_with_the_new_head(
        self, store: EventStore, notifier: Notifier
    ) -> None:
        self._started(notifier)
        store.append([ev("a"), ev("b")])
        seen: list[int] = []
        listener = threading.Event()
        notifier.subscribe(lambda head: (seen.append(head), listener.set()))
        timer = threading.Timer(0.2, lambda: store.append([ev("c")]))
        timer.start()
        started = time.monotonic()
        head = notifier.wait_for_append(2, timeout=30)
        waited = time.monotonic() - started
        timer.join()
        assert head == 3
        assert waited < 10  # not a speed target: without a wake-up it waits 30 s
        assert listener.wait(10) and seen[-1] == 3

    def test_a_coroutine_waiting_wakes_on_an_append(
        self, store: EventStore, notifier: Notifier
    ) -> None:
        self._started(notifier)

        async def follow() -> int:
            loop = asyncio.get_running_loop()
            loop.call_later(
                0.2, lambda: threading.Thread(target=store.append, args=([ev("x")],)).start()
            )
            return await notifier.wait(0, timeout=30)

        started = time.monotonic()
        assert asyncio.run(follow()) == 1
        assert time.monotonic() - started < 10

    def test_stop_releases_waiters_at_once(self, store: EventStore, notifier: Notifier) -> None:
        self._started(notifier)
        threading.Timer(0.2, notifier.stop).start()
        started = time.monotonic()
        notifier.wait_for_append(0, timeout=30)
        assert time.monotonic() - started < 10
        assert notifier.stopped


class TestSQLiteNotifier(NotifierContract):
    notifier_class = PollingNotifier

    @pytest.fixture
    def url(self, sqlite_url: str) -> str:
        return sqlite_url


@pytest.mark.postgres
class TestPostgresNotifier(NotifierContract):
    notifier_class = ListeningNotifier

    @pytest.fixture
    def url(self, postgres_url: str) -> str:
        return postgres_url

    def test_a_rejected_append_notifies_nobody(self, store: EventStore, notifier: Notifier) -> None:
        """NOTIFY is part of the append's transaction: a batch rolled back sends none."""
        from calendar_svc.store import ConcurrencyError

        self._started(notifier)
        store.append([ev("a")])
        assert notifier.wait_for_append(0, timeout=10) == 1
        with pytest.raises(ConcurrencyError):
            store.append([ev("b")], {"trip-1": 5})
        assert notifier.wait_for_append(1, timeout=0.5) == 1

    def test_a_lost_listening_connection_is_replaced(
        self, store: EventStore, notifier: Notifier
    ) -> None:
        """The server ends the LISTEN session: the notifier reconnects, re-reads the head
        (appends made meanwhile are not missed) and hears later appends."""
        self._started(notifier)
        with store.engine.connect() as conn:
            conn.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE query LIKE 'LISTEN%%' AND pid <> pg_backend_pid()"
            )
            conn.commit()
        store.append([ev("a")])
        assert notifier.wait_for_append(0, timeout=20) == 1
        time.sleep(0.3)
        store.append([ev("b")])
        assert notifier.wait_for_append(1, timeout=20) == 2
