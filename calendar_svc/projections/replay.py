"""Time travel for auditors: the schedule as it stood at a log position or recorded time,
and what changed between two such points, each change with the events that caused it.

Both fold the log from the start in memory, streaming: memory grows with the number of
trips, never with the number of events.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import msgspec

from calendar_svc.domain.events import decode_for_fold
from calendar_svc.domain.views import Schedule, TripView
from calendar_svc.projections.fold import ScheduleFold
from calendar_svc.store import EventStore, StoredEvent


class Point(msgspec.Struct, frozen=True):
    """A point of the log: a position, or a recorded time resolved to one."""

    position: int
    as_of: datetime | None = None


def resolve(store: EventStore, value: str) -> Point:
    """ "42" is a position; anything else must be an ISO 8601 time (UTC if no zone)."""
    text = value.strip()
    if text.isdigit():
        return Point(position=int(text))
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"{value!r} is neither a log position nor an ISO 8601 time") from exc
    return Point(position=store.position_at(when), as_of=when)


@contextmanager
def gc_paused() -> Iterator[None]:
    """A fold keeps almost everything it allocates until the end: the cyclic collector
    would rescan a growing heap for nothing, so it is paused (reference counting goes on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def fold_until(
    store: EventStore, position: int, fold: ScheduleFold | None = None, after: int = 0
) -> ScheduleFold:
    """Fold the log up to `position`; views are rendered when read (bounded memory)."""
    fold = fold or ScheduleFold(retain_views=False)
    with gc_paused():
        for row in store.read_payloads(after, until_position=position):
            event = decode_for_fold(row.event_type, row.schema_version, row.data)
            fold.apply(event, row.position, row.recorded_at)
        fold.flush()
    return fold


def replay(store: EventStore, position: int) -> Schedule:
    return fold_until(store, position).schedule()


class Cause(msgspec.Struct, frozen=True):
    """An event whose application changed a field: where it is and what said it."""

    position: int
    type: str
    event_id: str
    article_id: str | None
    sentence: str | None  # the first sentence the event cites
    sentences: list[str]  # every sentence it cites, in order (a date may come from the second)


class Change(msgspec.Struct, frozen=True):
    item: str  # trip, leg or engagement id
    kind: str  # "trip", "leg", "engagement"
    change: str  # "added" or "changed"
    field: str  # the field shown differently ("item" for an item that appeared)
    before: Any
    after: Any
    causes: list[Cause]  # only the events whose application changed this field


class Diff(msgspec.Struct, frozen=True):
    from_position: int
    to_position: int
    changes: list[Change]


_SKIP = {"revision", "updated_at", "updated_position", "sources", "legs", "engagements"}
_Items = dict[str, tuple[str, dict[str, Any]]]


def _trip_items(trip: TripView) -> _Items:
    items: _Items = {f"trip:{trip.trip_id}": ("trip", _shown(trip))}
    for leg in trip.legs:
        items[leg.leg_id] = ("leg", _shown(leg))
    for engagement in trip.engagements:
        items[engagement.engagement_id] = ("engagement", _shown(engagement))
    return items


def _shown(view: Any) -> dict[str, Any]:
    return {k: v for k, v in msgspec.to_builtins(view).items() if k not in _SKIP}


def _cause(stored: StoredEvent) -> Cause:
    meta = msgspec.json.decode(stored.metadata)
    data = msgspec.json.decode(stored.data)
    provenance = data.get("provenance") if isinstance(data, dict) else None
    sentences = list(
        dict.fromkeys(p.get("sentence") for p in provenance or [] if p.get("sentence"))
    )
    article = (meta.get("source") or {}).get("article_id") if isinstance(meta, dict) else None
    first = sentences[0] if sentences else None
    return Cause(stored.position, stored.event_type, stored.event_id, article, first, sentences)


def diff(store: EventStore, a: int, b: int) -> Diff:
    """What is shown differently at position `b` than at `a` (a <= b), and why.

    Between the two points the events are applied one at a time and the trip each one
    touches is rendered after it, so every changed field is traced to exactly the events
    whose application changed it, not to the whole transaction they came in.
    """
    if a > b:
        a, b = b, a
    fold = fold_until(store, a)
    before: _Items = {}
    for trip in fold.iter_trips():
        before.update(_trip_items(trip))
    shown = {item: dict(fields) for item, (_kind, fields) in before.items()}
    kinds = {item: kind for item, (kind, _fields) in before.items()}
    causes: dict[tuple[str, str], list[Cause]] = {}
    with gc_paused():
        for stored in store.read_all(after=a, until_position=b):
            event = decode_for_fold(stored.event_type, stored.schema_version, stored.data)
            fold.apply(event, stored.position, stored.recorded_at)
            trip_id = getattr(event, "trip_id", None)
            if trip_id is None or trip_id not in fold.trips:
                continue
            cause: Cause | None = None
            for item, (kind, now) in _trip_items(fold.view(trip_id)).items():
                then = shown.get(item)
                changed = (
                    ["item"] if then is None else [k for k, v in now.items() if then.get(k) != v]
                )
                if changed:
                    cause = cause or _cause(stored)
                    for field in changed:
                        causes.setdefault((item, field), []).append(cause)
                    shown[item] = now
                    kinds[item] = kind
    changes: list[Change] = []
    for item, now in shown.items():
        kind = kinds[item]
        old = before.get(item)
        if old is None:
            changes.append(
                Change(item, kind, "added", "item", None, now, causes.get((item, "item"), []))
            )
            continue
        for field, value in now.items():
            if old[1].get(field) != value:
                changes.append(
                    Change(
                        item,
                        kind,
                        "changed",
                        field,
                        old[1].get(field),
                        value,
                        causes.get((item, field), []),
                    )
                )
    return Diff(from_position=a, to_position=b, changes=changes)
