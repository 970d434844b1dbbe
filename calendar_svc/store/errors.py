"""What the log refuses: every refusal is a `StoreError`; one that may pass if tried later
is a `StoreUnavailable`; a stale expected version is a `ConcurrencyError`.

Apart so callers (the API's problems, the CLI's exit codes) catch them without the store.
"""

from __future__ import annotations


class StoreError(Exception):
    """Anything the log refuses to do."""


class StoreUnavailable(StoreError):
    """The database cannot serve the request now (down, frozen, locked, full, read-only);
    nothing was written and the same request may succeed later."""


class ConcurrencyError(StoreError):
    """An append's expected stream version did not match; nothing was written."""

    def __init__(self, stream_id: str, expected: int, actual: int) -> None:
        super().__init__(
            f"stream {stream_id!r} is at version {actual}, the append expected {expected}"
        )
        self.stream_id = stream_id
        self.expected = expected
        self.actual = actual
