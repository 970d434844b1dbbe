"""Query parameters that need more than a type: one home for their checks and their
documentation.

`as_of` is read here only: `as_of_param` for the handlers (a position or a time, as the
contract allows), `pinned_position` for the ETag middleware (which, before any handler,
tags an answer pinned to a past position as immutable). The feeds' parameters, shared by
every feed route, are declared here once.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Literal

from litestar.params import QueryParameter

from calendar_svc.api.problems import ProblemError

#: What the contract allows for `as_of`: a position (JSON Schema counts 15.0 as an
#: integer, so clients may send it) or an ISO 8601 date or date-time. msgspec alone would
#: also read "0.5" as a Unix time.
_POSITION = re.compile(r"-?\d+(?:\.0*)?")
#: Positions are 64-bit in the store; a longer one (the contract bounds none) is past
#: the head, or before the start, and reads as the nearest end of that range.
_POSITION_BOUND = 2**63 - 1
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:[Tt ].*)?")
#: A position written plainly, digits only, short enough for 64 bits: the only `as_of`
#: whose answer the ETag middleware tags as historical.
_PLAIN_POSITION = re.compile(rb"[0-9]{1,18}")

#: Positions beyond this are refused (400) where a route takes one as a bound (`after`):
#: it is JSON's safe integer limit, well inside the 64-bit columns of both databases.
MAX_POSITION = 2**53 - 1


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


def pinned_position(query: bytes) -> int | None:
    """The position a raw query string's `as_of` names, when written plainly (as
    `_PLAIN_POSITION`): read before routing, so with no parsing by Litestar."""
    for pair in query.split(b"&"):
        name, _, value = pair.partition(b"=")
        if name == b"as_of" and _PLAIN_POSITION.fullmatch(value):
            return int(value)
    return None


# -- the feeds' parameters ------------------------------------------------------------------

AS_OF_PARAM = QueryParameter(
    description="a log position or an ISO 8601 date-time: the feed as it stood then",
)
ENGAGEMENTS_PARAM = QueryParameter(
    description="dated (default): engagements whose day is known are events, the others "
    "are listed in their leg's description; none: no engagement events, every engagement "
    "is listed in its leg's description"
)
Engagements = Literal["dated", "none"]
LANG_PARAM = QueryParameter(
    description="en (default) or vi: titles, countries, days and people's names in Vietnamese"
)
PRINCIPAL_PARAM = QueryParameter(
    description="part of the traveller's name (as `/trips` reads it)", max_length=200
)
COUNTRY_PARAM = QueryParameter(
    description="ISO 3166-1 alpha-2: only legs hosted and engagements held there",
    pattern="^[A-Za-z]{2}$",
)
