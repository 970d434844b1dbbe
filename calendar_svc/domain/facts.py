"""Fact keys: the names under which a trip remembers what its sources said.

A trip's state keeps one `Fact` per key ("leg:<leg id>.visit_type", "trip.window",
"postponed:<leg id>", ...) so that a second source saying the same thing corroborates it
and one saying otherwise disputes it; `FactCorroborated` and `ClaimDisputed` events carry
the key. Ingestion writes keys, the trip fold and the schedule fold read them back: one
builder for each kind and one parser (`parse`) keep both sides to the same grammar.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

import msgspec

#: What a leg fact is about.
LegFact = Literal[
    "country",
    "visit_type",
    "inviter",
    "duration",
    "city",
    "event",
    "window",
    "planned_start",
    "planned_end",
]
#: What a trip fact is about.
TripFact = Literal["window", "concluded", "landed"]
#: A decision about a leg or the whole trip.
Status = Literal["postponed", "cancelled"]
#: The subject of a status fact about the whole trip.
WHOLE_TRIP = "trip"


def leg(leg_id: str, name: LegFact) -> str:
    return f"leg:{leg_id}.{name}"


def trip(name: TripFact) -> str:
    return f"trip.{name}"


def status(kind: Status, leg_id: str | None) -> str:
    """Postponed or cancelled: one leg, or (None) the whole trip."""
    return f"{kind}:{leg_id or WHOLE_TRIP}"


def arrival(leg_id: str) -> str:
    return f"arrival:{leg_id}"


def concluded(leg_id: str) -> str:
    return f"concluded:{leg_id}"


def engagement(engagement_id: str) -> str:
    return f"engagement:{engagement_id}"


def member(name: str) -> str:
    return f"delegation.member:{name}"


def departure(place: str, day: date) -> str:
    return f"departure:{place}:{day}"


class FactKey(msgspec.Struct, frozen=True):
    """A key read back: its kind ("leg", "trip", "arrival", "postponed", ...), what it is
    about (a leg id, an engagement id, `WHOLE_TRIP`, ...) and, for leg and trip facts,
    which fact of it ("window", "visit_type", ...)."""

    kind: str
    subject: str
    name: str = ""


def parse(key: str) -> FactKey:
    """The parts of a key any builder here wrote (and of older keys, read as written)."""
    if key.startswith("leg:"):
        subject, _, name = key[4:].partition(".")
        return FactKey("leg", subject, name)
    if key.startswith("trip."):
        return FactKey("trip", WHOLE_TRIP, key[5:])
    kind, _, subject = key.partition(":")
    return FactKey(kind, subject)


def is_status(key: str, kind: Status) -> bool:
    """Whether `key` records a `kind` decision (about a leg or the whole trip)."""
    return key.startswith(f"{kind}:")
