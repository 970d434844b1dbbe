"""Query parameters that need more than a type: one home for their checks."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from calendar_svc.api.problems import ProblemError

#: What the contract allows for `as_of`: a position (JSON Schema counts 15.0 as an
#: integer, so clients may send it) or an ISO 8601 date or date-time. msgspec alone would
#: also read "0.5" as a Unix time.
_POSITION = re.compile(r"-?\d+(?:\.0*)?")
#: Positions are 64-bit in the store; a longer one (the contract bounds none) is past
#: the head, or before the start, and reads as the nearest end of that range.
_POSITION_BOUND = 2**63 - 1
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:[Tt ].*)?")


def as_of_param(raw: str | None, parsed: int | datetime | None) -> int | datetime | None:
    """The `as_of` a client sent (`raw`, as Litestar parsed it: `parsed`), checked: 400
    unless it is a position or a time that has a UTC equivalent."""
    if raw is None:
        return None
    if _POSITION.fullmatch(raw):
        return max(-_POSITION_BOUND, min(_POSITION_BOUND, int(raw.partition(".")[0])))
    if not _TIME.fullmatch(raw) or not isinstance(parsed, datetime):
        raise ProblemError(400, f"as_of {raw!r} is neither a log position nor an ISO time")
    return as_of_time(parsed)


def as_of_time(value: datetime) -> datetime:
    """An `as_of` time, UTC when it names no zone. 400 when it has no UTC equivalent
    (year 9999 west of UTC, year 1 east of it): no log position can be found for it."""
    when = value if value.tzinfo else value.replace(tzinfo=UTC)
    try:
        when.astimezone(UTC)
    except OverflowError:
        raise ProblemError(
            400, f"as_of {value.isoformat()} lies outside the times that can be given in UTC"
        ) from None
    return when
