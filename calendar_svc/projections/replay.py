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
from calendar_svc.domain.schedule import Schedule, ScheduleFold
from calendar_svc.store import EventStore


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


class Change(msgspec.Struct, frozen=True):
    item: str  # trip, leg or engagement id
    kind: str  # "trip", "leg", "engagement"
    change: str  # "added" or "changed"
    fields: dict[str, list[Any]]  # field -> [before, after]
    caused_by: list[dict[str, Any]]  # the events: position, type, event_id, article


class Diff(msgspec.Struct, frozen=True):
    from_position: int
    to_position: int
    changes: list[Change]


_SKIP = {"revision", "updated_at", "updated_position", "sources", "legs", "engagements"}


def _items(schedule: Schedule) -> dict[str, tuple[str, dict[str, Any]]]:
    items: dict[str, tuple[str, dict[str, Any]]] = {}
    for trip in schedule.trips:
        items[f"trip:{trip.trip_id}"] = ("trip", msgspec.to_builtins(trip))
        for leg in trip.legs:
            items[leg.leg_id] = ("leg", msgspec.to_builtins(leg))
        for engagement in trip.engagements:
            items[engagement.engagement_id] = ("engagement", msgspec.to_builtins(engagement))
    return items


def diff(store: EventStore, a: int, b: int) -> Diff:
    """What is shown differently at position `b` than at `a` (a <= b), and why."""
    if a > b:
        a, b = b, a
    fold = fold_until(store, a)
    before = _items(fold.schedule())
    fold.track_changes = True
    fold = fold_until(store, b, fold, after=a)
    after = _items(fold.schedule())
    positions: dict[str, list[int]] = {}
    for item, position in fold.changes:
        positions.setdefault(item, [])
        if position not in positions[item]:
            positions[item].append(position)
    wanted = sorted({p for ps in positions.values() for p in ps})
    causes: dict[int, dict[str, Any]] = {}
    if wanted:
        for stored in store.read_all(after=wanted[0] - 1, until_position=wanted[-1]):
            if stored.position in wanted:
                meta = msgspec.json.decode(stored.metadata)
                causes[stored.position] = {
                    "position": stored.position,
                    "type": stored.event_type,
                    "event_id": stored.event_id,
                    "article_id": (meta.get("source") or {}).get("article_id")
                    if isinstance(meta, dict)
                    else None,
                }
    changes: list[Change] = []
    for item, (kind, now) in after.items():
        then = before.get(item, (kind, None))[1]
        if then is not None:
            fields = {
                k: [then.get(k), v] for k, v in now.items() if k not in _SKIP and then.get(k) != v
            }
            if not fields:
                continue
            change = "changed"
        else:
            fields = {k: [None, v] for k, v in now.items() if k not in _SKIP}
            change = "added"
        changes.append(
            Change(
                item=item,
                kind=kind,
                change=change,
                fields=fields,
                caused_by=[causes[p] for p in positions.get(item, []) if p in causes],
            )
        )
    return Diff(from_position=a, to_position=b, changes=changes)
