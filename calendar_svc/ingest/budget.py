"""A CPU budget for reading one article, so a hostile text cannot hold a worker for long.

`budget(seconds)` sets a deadline on this thread's CPU clock (`time.thread_time`); the
extractors call `check()` at their loop points (per sentence, title match, candidate), which
raises `BudgetExceeded` once the deadline has passed, or `Cancelled` when the caller's cancel
event is set (shutdown). The deadline lives in a context variable: every thread (and every
asyncio task) has its own, so concurrent readings never stop one another. With no budget
active, `check()` is one context-variable read.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

__all__ = ["BudgetExceeded", "Cancelled", "budget", "check"]


class BudgetExceeded(Exception):
    """Reading an article took more CPU than it was allowed; ``reason`` says so for humans."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Cancelled(BudgetExceeded):
    """The reading was cancelled (the service is shutting down), not refused for its text."""


@dataclass(frozen=True)
class _Budget:
    deadline: float  # on this thread's time.thread_time() clock
    seconds: float
    cancel: threading.Event | None


_ACTIVE: ContextVar[_Budget | None] = ContextVar("calendar_svc_ingest_budget", default=None)


@contextmanager
def budget(cpu_seconds: float, cancel: threading.Event | None = None) -> Iterator[None]:
    """Allow the code inside at most ``cpu_seconds`` of this thread's CPU time.

    Nested budgets keep the tighter deadline (an inner caller cannot extend an outer one).
    """
    if not cpu_seconds > 0:
        raise ValueError(f"a CPU budget must be positive, not {cpu_seconds!r}")
    deadline = time.thread_time() + cpu_seconds
    outer = _ACTIVE.get()
    if outer is not None and outer.deadline < deadline:
        deadline, cpu_seconds = outer.deadline, outer.seconds
    if cancel is None and outer is not None:
        cancel = outer.cancel
    token = _ACTIVE.set(_Budget(deadline, cpu_seconds, cancel))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def check() -> None:
    """Raise when the active budget is spent or cancelled; nearly free when none is."""
    active = _ACTIVE.get()
    if active is None:
        return
    if active.cancel is not None and active.cancel.is_set():
        raise Cancelled("reading this article was cancelled: the service is shutting down")
    if time.thread_time() > active.deadline:
        raise BudgetExceeded(
            f"reading this article took more than {active.seconds:g} s of CPU; refused"
        )
