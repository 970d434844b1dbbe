"""The snapshot format: one trip's facts and its items' stamps, stored beside its view so
a catch-up can restore the trip and continue folding it.

These shapes are what `TripSnapshot` has always held, kept byte for byte so that stored
snapshots restore (the JSON names the fields, never these classes). The fold works on
its compact state (`state`) and converts at the edges: `to_snapshot`, `from_snapshot`.
Items are stored with the signature of what they were last stamped with (`stamping`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

import msgspec
from msgspec import UNSET, UnsetType

from calendar_svc.domain.events import EngagementReported
from calendar_svc.domain.values import DateWindow, Moment, PersonRef, PlaceRef
from calendar_svc.domain.views import DisputeView, TripView
from calendar_svc.projections.fold.state import (
    FoldedEngagement,
    FoldedLeg,
    FoldedTrip,
    Said,
    When,
    kind_of,
    kind_text,
    moment,
    when,
)
from calendar_svc.projections.fold.tables import Tables


@dataclass(slots=True)
class SnapshotLeg:
    leg_id: str
    country: str
    sequence: int
    visit_type: str | None = None
    inviter: PersonRef | None = None
    city: str | None = None
    place: PlaceRef | None = None
    duration: int | None = None
    arrived: Moment | None = None
    concluded: bool = False
    concluded_on: date | None = None
    entered_on: date | None = None  # the delegation left the previous leg for this one
    postponed: bool = False
    cancelled: bool = False
    sources: list[str] = field(default_factory=list)
    starts: list[tuple[date, str, str]] = field(default_factory=list)  # day, kind, article
    ends: list[tuple[date, str, str]] = field(default_factory=list)
    told: list[str] = field(default_factory=list)  # articles that postponed or cancelled it
    # Written only when known (UNSET is left out), so that snapshots of legs without them
    # are the bytes they were before these fields existed.
    event: DateWindow | UnsetType = UNSET  # the summit it attends there
    planned_start: date | UnsetType = UNSET  # a plan's days for it
    planned_end: date | UnsetType = UNSET


@dataclass(slots=True)
class SnapshotEngagement:
    event: EngagementReported
    sources: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SnapshotTrip:
    trip_id: str
    principal: PersonRef
    spouse: str | None = None
    members: list[PersonRef] = field(default_factory=list)
    left_home: Moment | None = None
    returned_on: date | None = None
    returned: bool = False
    postponed: bool = False
    cancelled: bool = False
    legs: dict[str, SnapshotLeg] = field(default_factory=dict)
    engagements: dict[str, SnapshotEngagement] = field(default_factory=dict)
    disputes: list[DisputeView] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    starts: list[tuple[date, str, str]] = field(default_factory=list)  # of its stated window
    ends: list[tuple[date, str, str]] = field(default_factory=list)
    told: list[str] = field(default_factory=list)  # left home, came home, postponed, ...
    # Written only when known, as a leg's later fields are (`SnapshotLeg.event`)
    landed: Moment | UnsetType = UNSET  # the landing home a source told
    landed_place: PlaceRef | UnsetType = UNSET


@dataclass(slots=True)
class SnapshotMeta:
    signature: bytes
    revision: int
    updated_at: datetime | None
    position: int


class TripSnapshot(msgspec.Struct):
    """One trip's part of the fold, stored beside its view so catch-up can continue."""

    trip: SnapshotTrip
    meta: dict[str, SnapshotMeta]
    view: TripView


_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(TripSnapshot)


def encode(snapshot: TripSnapshot) -> bytes:
    return _encoder.encode(snapshot)


def decode(blob: bytes | str) -> TripSnapshot:
    return _decoder.decode(blob)


# -- from the fold's state to the format and back ------------------------------------------

_T = TypeVar("_T")


def _unset(value: _T | None) -> _T | UnsetType:
    return UNSET if value is None else value


def _known(value: _T | UnsetType) -> _T | None:
    return None if isinstance(value, UnsetType) else value


def to_snapshot(trip: FoldedTrip, tables: Tables) -> SnapshotTrip:
    """A trip's state in the snapshot format: numbers resolved to what they stand for."""
    values = tables.values
    names = tables.articles.names

    def value(number: int | None) -> Any:
        return None if number is None else values[number]

    def readings(held: list[Said]) -> list[tuple[date, str, str]]:
        return [(x.day, x.kind, names[x.source]) for x in held]

    def leg(leg_id: str, leg: FoldedLeg) -> SnapshotLeg:
        return SnapshotLeg(
            leg_id=leg_id,
            country=leg.country,
            sequence=leg.sequence,
            visit_type=leg.visit_type,
            inviter=value(leg.inviter),
            city=leg.city,
            place=value(leg.place),
            duration=leg.duration,
            arrived=moment(leg.arrived),
            concluded=leg.concluded,
            concluded_on=leg.concluded_on,
            entered_on=leg.entered_on,
            postponed=leg.postponed,
            cancelled=leg.cancelled,
            sources=[names[s] for s in leg.sources],
            starts=readings(leg.starts),
            ends=readings(leg.ends),
            told=[names[s] for s in leg.told],
            event=_unset(leg.event),
            planned_start=_unset(leg.planned_start),
            planned_end=_unset(leg.planned_end),
        )

    def engagement(engagement_id: str, e: FoldedEngagement) -> SnapshotEngagement:
        event = EngagementReported(
            trip_id=trip.trip_id,
            provenance=[],
            engagement_id=engagement_id,
            leg_id=e.leg_id,
            kind=kind_of(e.kind),
            title=e.title,
            counterparts=list(values[e.counterparts]),
            place=value(e.place),
            at=moment(e.at),
            window=e.window,
        )
        return SnapshotEngagement(event=event, sources=[names[s] for s in e.sources])

    return SnapshotTrip(
        trip_id=trip.trip_id,
        principal=values[trip.principal],
        spouse=trip.spouse,
        members=[values[m] for m in trip.members],
        left_home=moment(trip.left_home),
        returned_on=trip.returned_on,
        returned=trip.returned,
        postponed=trip.postponed,
        cancelled=trip.cancelled,
        legs={leg_id: leg(leg_id, held) for leg_id, held in trip.legs.items()},
        engagements={i: engagement(i, e) for i, e in trip.engagements.items()},
        disputes=list(trip.disputes),
        sources=[names[s] for s in trip.sources],
        starts=readings(trip.starts),
        ends=readings(trip.ends),
        told=[names[s] for s in trip.told],
        landed=_unset(moment(trip.landed)),
        landed_place=_unset(value(trip.landed_place)),
    )


def from_snapshot(trip: SnapshotTrip, tables: Tables) -> FoldedTrip:
    """A stored trip as the fold's state: people, places and articles numbered in the
    fold's tables (those it has not seen yet are added)."""
    number = tables.articles.number
    numbered = tables.value

    def value(held: PersonRef | PlaceRef | None) -> int | None:
        return None if held is None else numbered(held)

    def at(held: Moment | None) -> When | None:
        return None if held is None else when(held)

    def readings(held: list[tuple[date, str, str]]) -> list[Said]:
        return [Said(day=day, kind=kind, source=number(a)) for day, kind, a in held]

    def leg(leg: SnapshotLeg) -> FoldedLeg:
        return FoldedLeg(
            country=leg.country,
            sequence=leg.sequence,
            visit_type=leg.visit_type,
            inviter=value(leg.inviter),
            city=leg.city,
            place=value(leg.place),
            duration=leg.duration,
            arrived=at(leg.arrived),
            concluded=leg.concluded,
            concluded_on=leg.concluded_on,
            entered_on=leg.entered_on,
            postponed=leg.postponed,
            cancelled=leg.cancelled,
            sources=[number(s) for s in leg.sources],
            starts=readings(leg.starts),
            ends=readings(leg.ends),
            told=[number(s) for s in leg.told],
            event=_known(leg.event),
            planned_start=_known(leg.planned_start),
            planned_end=_known(leg.planned_end),
        )

    def engagement(held: SnapshotEngagement) -> FoldedEngagement:
        event = held.event
        return FoldedEngagement(
            leg_id=event.leg_id,
            kind=kind_text(event.kind),
            title=event.title,
            counterparts=numbered(tuple(event.counterparts)),
            place=value(event.place),
            at=at(event.at),
            window=event.window,
            sources=[number(s) for s in held.sources],
        )

    return FoldedTrip(
        trip_id=trip.trip_id,
        principal=numbered(trip.principal),
        spouse=trip.spouse,
        members=[numbered(m) for m in trip.members],
        left_home=at(trip.left_home),
        returned_on=trip.returned_on,
        returned=trip.returned,
        postponed=trip.postponed,
        cancelled=trip.cancelled,
        legs={leg_id: leg(held) for leg_id, held in trip.legs.items()},
        engagements={i: engagement(held) for i, held in trip.engagements.items()},
        disputes=list(trip.disputes),
        sources=[number(s) for s in trip.sources],
        starts=readings(trip.starts),
        ends=readings(trip.ends),
        told=[number(s) for s in trip.told],
        landed=at(_known(trip.landed)),
        landed_place=value(_known(trip.landed_place)),
    )
