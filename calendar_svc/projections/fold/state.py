"""The fold's own state: compact, and encodable as a whole.

Article ids are numbers into one table of the fold, people and places numbers into
another (each distinct value is held once, however many legs and engagements name it;
see `tables`). A trip's state is msgspec structs throughout, so a trip that has gone
quiet is kept as one encoded blob (`Cold`) and decoded when an event or a reader needs
it again. These shapes are the fold's working memory only: what is stored is the
snapshot format (`snapshot`), which keeps its own shapes.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any, cast

import msgspec

from calendar_svc.domain.values import DateWindow, EngagementKind, Moment
from calendar_svc.domain.views import DisputeView


class When(msgspec.Struct, array_like=True, frozen=True, gc=False):
    """A `Moment`, encoded without field names."""

    day: date
    day_part: str | None
    local_time: time | None
    timezone: str | None


def when(moment: Moment) -> When:
    return When(
        day=moment.day,
        day_part=moment.day_part,
        local_time=moment.local_time,
        timezone=moment.timezone,
    )


def moment(held: When | None) -> Moment | None:
    if held is None:
        return None
    return Moment(
        day=held.day, day_part=held.day_part, local_time=held.local_time, timezone=held.timezone
    )


class Said(msgspec.Struct, array_like=True, frozen=True, gc=False):
    """A day one article states for a start or an end (a `rules.Reading`, compactly)."""

    day: date
    kind: str
    source: int  # article number


class FoldedLeg(msgspec.Struct, array_like=True, gc=False):
    country: str
    sequence: int
    visit_type: str | None = None
    inviter: int | None = None  # value number
    city: str | None = None
    place: int | None = None  # value number
    duration: int | None = None
    arrived: When | None = None
    concluded: bool = False
    concluded_on: date | None = None
    entered_on: date | None = None  # the delegation left the previous leg for this one
    postponed: bool = False
    cancelled: bool = False
    sources: list[int] = []
    starts: list[Said] = []
    ends: list[Said] = []
    told: list[int] = []  # articles that postponed or cancelled it
    event: DateWindow | None = None  # the summit it attends there (`VisitAnnounced`)
    planned_start: date | None = None  # a plan's days for it (the latest article's)
    planned_end: date | None = None


class FoldedEngagement(msgspec.Struct, array_like=True, gc=False):
    leg_id: str | None
    kind: str
    title: str
    counterparts: int  # value number of a tuple of people
    place: int | None
    at: When | None
    window: DateWindow | None
    sources: list[int]


class FoldedTrip(msgspec.Struct, array_like=True, gc=False):
    trip_id: str
    principal: int
    spouse: str | None = None
    members: list[int] = []
    left_home: When | None = None
    returned_on: date | None = None
    returned: bool = False
    postponed: bool = False
    cancelled: bool = False
    legs: dict[str, FoldedLeg] = {}
    engagements: dict[str, FoldedEngagement] = {}
    disputes: list[DisputeView] = []
    sources: list[int] = []
    starts: list[Said] = []  # of its stated window
    ends: list[Said] = []
    told: list[int] = []  # articles telling it left home, came home, was postponed, ...
    landed: When | None = None  # the landing home a source told (`TripConcluded.landed`)
    landed_place: int | None = None  # value number of where it landed


class Stamp(msgspec.Struct, array_like=True, frozen=True, gc=False):
    """An item's revision, the time (a number into the fold's times) and position of its
    last change, and, for an item restored from a snapshot and not rendered since, the
    signature it was stored with. Replaced, never changed: items may share one."""

    revision: int
    at: int
    position: int
    signature: bytes | None = None


class Cold(msgspec.Struct, array_like=True, gc=False):
    """A trip at rest: its state, the stamps of the trip, its legs and its engagements
    (in that order), the source texts its last render used, and stamps of ids that are
    none of those (left by a restore)."""

    trip: FoldedTrip
    stamps: list[Stamp | None]
    texts: list[str] | None
    extra: dict[str, Stamp] | None = None
    version: int = -1


def in_order(legs: dict[str, FoldedLeg]) -> list[tuple[str, FoldedLeg]]:
    """Legs by sequence. Legs announced with the sequence of a leg already known go
    before it, in the order they were announced: a later article told them as coming
    first (a leg in retrospect, a summit before the visit in the same country)."""
    items = list(legs.items())
    first: dict[int, int] = {}
    for index, (_, leg) in enumerate(items):
        first.setdefault(leg.sequence, index)
    ranked = sorted(
        range(len(items)),
        key=lambda i: (items[i][1].sequence, first[items[i][1].sequence] == i, i),
    )
    return [items[i] for i in ranked]


def shared_ids(trip: FoldedTrip) -> bool:
    """Whether two of a trip's items have the same id (never from ingestion: a leg id is
    its trip's id and a country, an engagement's its leg's or trip's id and a key)."""
    legs, engagements = trip.legs, trip.engagements
    trip_key = f"trip:{trip.trip_id}"
    return trip_key in legs or trip_key in engagements or not legs.keys().isdisjoint(engagements)


def kind_text(kind: Any) -> str:
    """An engagement's kind as the state holds it: its text."""
    return kind.value if isinstance(kind, EngagementKind) else str(kind)


def kind_of(kind: str) -> EngagementKind:
    """An engagement's kind held as text, as events spell it."""
    try:
        return EngagementKind(kind)
    except ValueError:  # not one of ours (not from a decoded event): kept as it was
        return cast(EngagementKind, kind)
