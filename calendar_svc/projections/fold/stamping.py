"""Stamping: every leg, engagement and trip carries a revision that rises exactly when what
is shown for it changes (dates, status, place, title, type, inviter), with the position
and recorded time of the event that changed it. ICS SEQUENCE and LAST-MODIFIED use them.

An item's revision rises when its bare view (no revision, no sources) differs from the
one it was last stamped with. Those views are not kept for trips at rest: a trip's facts
do not change between renders, so they are rendered again when a comparison is due.
Signatures (digests of bare views) are only worked out for snapshots, which keep their
format: stored snapshots restore, and compare by signature until their trip is rendered
again.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any, TypeVar

import msgspec

from calendar_svc.domain.views import EngagementView, LegView, TripView
from calendar_svc.projections.fold.state import Stamp
from calendar_svc.projections.fold.tables import Tables

#: Encodes a view as signatures digest it (sorted keys: the same view, the same bytes).
signing = msgspec.json.Encoder(order="sorted")

_replace = msgspec.structs.replace
_View = TypeVar("_View", LegView, EngagementView, TripView)

#: The last rendered view of an item (what its revision was last raised on), or the
#: signature of it, for an item restored from a snapshot.
Base = LegView | EngagementView | TripView | bytes


def signature(view: Any) -> bytes:
    """What a revision is raised on: a digest of the view without revision and sources."""
    return hashlib.blake2b(signing.encode(view), digest_size=16).digest()


def signatures(view: TripView) -> dict[str, bytes]:
    """The signatures of a rendered trip's items (an id shared by two items, if ever,
    takes the later one's, as stamping goes)."""
    replace = msgspec.structs.replace
    found = {}
    for leg in view.legs:
        bare = replace(leg, revision=0, updated_at=None, updated_position=0, sources=[])
        found[leg.leg_id] = signature(bare)
    for engagement in view.engagements:
        bare_engagement = replace(
            engagement, revision=0, updated_at=None, updated_position=0, sources=[]
        )
        found[engagement.engagement_id] = signature(bare_engagement)
    bare_trip = replace(
        view, legs=[], engagements=[], sources=[], revision=0, updated_at=None, updated_position=0
    )
    found[f"trip:{view.trip_id}"] = signature(bare_trip)
    return found


class Clock:
    """When one render stamps what changed: its time is numbered in the fold's table
    only once an item needs it (most renders change nothing), and the items it finds
    new all share one stamp."""

    __slots__ = ("_at", "_new", "position", "recorded_at", "tables")

    def __init__(self, tables: Tables, recorded_at: datetime, position: int) -> None:
        self.tables = tables
        self.recorded_at = recorded_at
        self.position = position
        self._at = -1
        self._new: Stamp | None = None

    def at(self) -> int:
        if self._at < 0:
            self._at = self.tables.time_number(self.recorded_at)
        return self._at

    def new(self) -> Stamp:
        """The stamp of an item seen for the first time: revision 0."""
        if self._new is None:
            self._new = Stamp(revision=0, at=self.at(), position=self.position)
        return self._new

    def raised(self, stamp: Stamp) -> Stamp:
        """The stamp of an item whose view changed: its next revision."""
        return Stamp(revision=stamp.revision + 1, at=self.at(), position=self.position)


def restamp(
    items: list[tuple[str, Any, list[int]]],
    stamps: dict[str, Stamp],
    base: dict[str, Base],
    clock: Clock,
    changed: list[str] | None,
) -> list[Stamp]:
    """Stamp each item (id, bare view, sources) with its view as this render shows it,
    in order: new items get the clock's first stamp, changed ones their next revision;
    the ids of both join `changed` (if given). Each view becomes what its item was last
    stamped with. The items' stamps, in order (each as it stood when its item was done:
    ids shared, if ever, see each other's changes)."""
    done: list[Stamp] = []
    for item_id, view, _ in items:
        stamp = stamps.get(item_id)
        if stamp is None:
            stamp = stamps[item_id] = clock.new()
            if changed is not None:
                changed.append(item_id)
        else:
            previous = base.get(item_id)
            if isinstance(previous, bytes):
                differs = signature(view) != previous
                if not differs:  # from now on compared with the view
                    stamp = stamps[item_id] = Stamp(
                        revision=stamp.revision, at=stamp.at, position=stamp.position
                    )
            else:
                differs = previous != view and (
                    previous is None or signing.encode(previous) != signing.encode(view)
                )
            if differs:
                stamp = stamps[item_id] = clock.raised(stamp)
                if changed is not None:
                    changed.append(item_id)
        base[item_id] = view
        done.append(stamp)
    return done


def finish(view: _View, stamp: Stamp, sources: list[int], tables: Tables) -> _View:
    """A bare view as shown: with its item's stamp and the ids of its sources."""
    return _replace(
        view,
        revision=stamp.revision,
        updated_at=tables.times[stamp.at],
        updated_position=stamp.position,
        sources=list(map(tables.articles.names.__getitem__, sources)),
    )
