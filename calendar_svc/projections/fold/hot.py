"""Hot and cold trips: a trip being worked on is held decoded (`Hot`), with its items'
stamps and what they were last stamped with; a trip not touched lately is one msgpack
blob (`freeze`), decoded again when an event or a reader needs it (`thaw`). Events of
one trip cluster in time, so memory grows by ~2 KB a trip, not ~20 KB.

Which trips are hot is the fold's business (`engine`); this module only says how a trip
goes from one form to the other and back, losing nothing.
"""

from __future__ import annotations

from typing import cast

import msgspec

from calendar_svc.projections.fold.stamping import Base, signature
from calendar_svc.projections.fold.state import Cold, FoldedTrip, Stamp

_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(Cold)


class Hot:
    """A trip being worked on: its state, its items' stamps, the bare views (or signatures)
    they were stamped with (None: not worked out yet, see `ScheduleFold._fill_base`), and
    the source texts of that render (None: not rendered by this fold since it was
    restored). `loose`: stamps may hold ids that are not the trip's items (after a
    restore)."""

    __slots__ = ("base", "loose", "stamps", "state", "texts", "version")

    def __init__(
        self,
        state: FoldedTrip,
        stamps: dict[str, Stamp],
        base: dict[str, Base] | None,
        texts: list[str] | None,
        loose: bool = False,
        version: int = -1,
    ) -> None:
        self.state = state
        self.stamps = stamps
        self.base = base
        self.texts = texts
        self.loose = loose
        self.version = version  # of the fold's articles when `texts` were worked out


def freeze(hot: Hot) -> bytes:
    """A trip at rest: its stamps aligned with its items (the trip, its legs, its
    engagements), those of other ids apart."""
    trip = hot.state
    stamps = hot.stamps
    trip_key = f"trip:{trip.trip_id}"
    aligned = [stamps.get(trip_key)]
    aligned += [stamps.get(k) for k in trip.legs]
    aligned += [stamps.get(k) for k in trip.engagements]
    extra: dict[str, Stamp] | None = None
    if hot.loose:
        legs, engagements = trip.legs, trip.engagements
        extra = {
            item_id: stamp
            for item_id, stamp in stamps.items()
            if item_id not in legs and item_id not in engagements and item_id != trip_key
        }
    cold = Cold(trip=trip, stamps=aligned, texts=hot.texts, extra=extra, version=hot.version)
    return _encoder.encode(cold)


def thaw(blob: bytes) -> Hot:
    """A cold trip decoded; its base is worked out when needed (see `_fill_base`)."""
    cold = _decoder.decode(blob)
    trip = cold.trip
    ids = [f"trip:{trip.trip_id}", *trip.legs, *trip.engagements]
    stamps: dict[str, Stamp]
    if None in cold.stamps:  # items added since the last render (or a failed event)
        stamps = {i: stamp for i, stamp in zip(ids, cold.stamps, strict=True) if stamp is not None}
    else:
        stamps = dict(zip(ids, cast(list[Stamp], cold.stamps), strict=True))
    if cold.extra is not None:
        stamps.update(cold.extra)
    loose = cold.extra is not None
    return Hot(trip, stamps, None, texts=cold.texts, loose=loose, version=cold.version)


def unsettle(hot: Hot) -> None:
    """An event failed half-way: the trip's facts may have changed without a render.
    Its items keep what they were last stamped with as signatures, as restored ones do,
    so nothing is inferred from its facts until it is rendered again."""
    base = hot.base
    if base is not None:
        for item_id, held in base.items():
            if not isinstance(held, bytes):
                base[item_id] = signed = signature(held)
                stamp = hot.stamps.get(item_id)
                if stamp is not None:
                    hot.stamps[item_id] = Stamp(
                        revision=stamp.revision,
                        at=stamp.at,
                        position=stamp.position,
                        signature=signed,
                    )
    hot.texts = None
    hot.version = -1
