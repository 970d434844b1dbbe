"""Walk the hash chain and name the first row that does not hold.

Pure over an iterator of rows, so it checks a live database and an export file alike,
in constant memory.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from calendar_svc.store.base import StoredEvent
from calendar_svc.store.hashing import GENESIS_HASH, row_hash


class VerifyReport(msgspec.Struct, frozen=True):
    ok: bool
    checked: int
    head_position: int
    head_hash: str
    first_broken: int | None = None
    reason: str | None = None

    def summary(self) -> str:
        if self.ok:
            return (
                f"ok: {self.checked} events, chain intact, head position "
                f"{self.head_position}, head hash {self.head_hash}"
            )
        return f"BROKEN at position {self.first_broken}: {self.reason}"


def verify_chain(rows: Iterable[StoredEvent]) -> VerifyReport:
    expected_position = 1
    prev = GENESIS_HASH
    checked = 0
    for row in rows:
        reason = None
        if row.position != expected_position:
            reason = f"expected position {expected_position}, found {row.position} (a gap)"
        elif row.prev_hash != prev:
            reason = (
                "prev_hash does not match the previous row's hash (a row was removed or altered)"
            )
        else:
            recomputed = row_hash(
                prev,
                position=row.position,
                event_id=row.event_id,
                stream_id=row.stream_id,
                stream_version=row.stream_version,
                event_type=row.event_type,
                schema_version=row.schema_version,
                data=row.data,
                metadata=row.metadata,
                recorded_at=row.recorded_at,
            )
            if recomputed != row.hash:
                reason = "stored hash does not match the row's content (the row was altered)"
        if reason is not None:
            return VerifyReport(
                ok=False,
                checked=checked,
                head_position=expected_position - 1,
                head_hash=prev,
                first_broken=row.position,
                reason=reason,
            )
        checked += 1
        expected_position += 1
        prev = row.hash
    return VerifyReport(ok=True, checked=checked, head_position=checked, head_hash=prev)
