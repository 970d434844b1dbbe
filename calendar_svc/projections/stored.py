"""The stored schedule as readers hold it: trips decoded when asked for, not at start.

Decoding every stored trip view took most of a new process's start on a large log (45k
views, 375 MB of JSON on a 1M-event log). A `Schedule` loaded from the tables holds
instead each trip's id, traveller and days (read from small columns, in the schedule's
order) and decodes a trip's view when a reader asks for it: one trip, a page of them, or
all of them (kept then, for readers that walk the whole schedule). Sources likewise.

The rows are read after the load, so each read checks that the stored schedule is still
at this schedule's position (the checkpoint, before and after the read: a catch-up
writes its rows and the checkpoint in one transaction). If another writer moved it on,
`ScheduleMoved` is raised and the reader starts again from the newer schedule
(`services.readside.ReadSide.read`): answers never mix two positions.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple, TypeVar, overload

import msgspec
from sqlalchemy import Connection, and_, func, or_, select

from calendar_svc.domain.views import Schedule, SourceRef, TripView
from calendar_svc.projections import schema
from calendar_svc.projections.replay import gc_paused
from calendar_svc.store import EventStore

NAME = "schedule"  # the stored schedule's checkpoint
_CHUNK = 500  # ids per IN (...) read
_FULL_READ = 5000  # more missing than this: one scan of the table instead of IN reads
#: Trip views kept decoded between requests by a schedule not yet read whole.
TRIP_CACHE = 4096

_trip_decoder = msgspec.json.Decoder(TripView)
_source_decoder = msgspec.json.Decoder(SourceRef)

T = TypeVar("T")


class ScheduleMoved(Exception):
    """The stored schedule moved past the position of the schedule being read."""


class TripRow(NamedTuple):
    """What a stored trip is found by without decoding its view."""

    trip_id: str
    principal: str
    start_date: date | None
    end_date: date | None


def _order(row: TripRow) -> tuple[bool, date | None, str]:
    return (row.start_date is None, row.start_date, row.trip_id)


def checkpoint_position(conn: Connection) -> int:
    """The stored schedule's checkpoint (0 before the first catch-up)."""
    position = conn.execute(
        select(schema.checkpoints.c.position).where(schema.checkpoints.c.name == NAME)
    ).scalar()
    return int(position) if position is not None else 0


def entry_rows(view: TripView) -> list[dict[str, Any]]:
    """A trip's rows of `schema.entries`: each leg, then each engagement, with the days
    and country the schedule's pages filter and order it by (`schedule_page`)."""
    countries = {leg.leg_id: leg.country_code for leg in view.legs}
    items: list[tuple[int, str, date | None, date | None, str | None]] = [
        (0, leg.leg_id, leg.start_date, leg.end_date, leg.country_code) for leg in view.legs
    ]
    for held in view.engagements:
        where = (held.place.country_code if held.place else None) or countries.get(
            held.leg_id or ""
        )
        items.append((1, held.engagement_id, held.start_date, held.end_date, where))
    return [
        {
            "trip_id": view.trip_id,
            "seq": seq,
            "engagement": kind,
            "entry_id": entry_id,
            "sort_date": start or date.max,
            "start_date": start,
            "end_date": end,
            "country_code": where,
        }
        for seq, (kind, entry_id, start, end, where) in enumerate(items)
    ]


def cited_sources(trips: Iterable[TripView]) -> set[str]:
    """The articles these trips' legs and engagements cite (what their feeds name)."""
    return {
        a
        for trip in trips
        for items in (trip.legs, trip.engagements)
        for item in items
        for a in item.sources
    }


class _Reader:
    """Reads of the tables as they stand at `position`, or `ScheduleMoved`."""

    def __init__(self, store: EventStore, position: int) -> None:
        self.store = store
        self.position = position

    def read(self, work: Callable[[Connection], T]) -> T:
        with self.store.engine.connect() as conn:
            if checkpoint_position(conn) != self.position:
                raise ScheduleMoved(self.position)
            result = work(conn)
            if checkpoint_position(conn) != self.position:
                raise ScheduleMoved(self.position)
        return result


class StoredSources(Mapping[str, SourceRef]):
    """The sources, by article id, decoded when first asked for. Sources are only ever
    added (an article's record does not change), so any read answers for this schedule."""

    def __init__(self, store: EventStore, known: Mapping[str, SourceRef] | None = None) -> None:
        self.store = store
        self._known: dict[str, SourceRef] = dict(known or {})
        self._whole: list[str] | None = None  # every article id, once all were read
        self._lock = threading.Lock()

    def __getitem__(self, article_id: str) -> SourceRef:
        found = self._known.get(article_id)
        if found is None:
            self.prefetch((article_id,))
            found = self._known.get(article_id)
        if found is None:
            raise KeyError(article_id)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._every())

    def __len__(self) -> int:
        return len(self._every())

    def __contains__(self, article_id: object) -> bool:
        if not isinstance(article_id, str):
            return False
        try:
            self[article_id]
        except KeyError:
            return False
        return True

    def known(self) -> dict[str, SourceRef]:
        """The sources decoded so far (a newer schedule starts from them)."""
        return dict(self._known)

    def prefetch(self, article_ids: Iterable[str]) -> None:
        """Decode these sources, in as few reads as it takes."""
        missing = sorted({a for a in article_ids if a not in self._known})
        if not missing:
            return
        if len(missing) > _FULL_READ:
            self._every()
            return
        column = schema.sources.c.article_id
        found: dict[str, SourceRef] = {}
        with self.store.engine.connect() as conn:
            for i in range(0, len(missing), _CHUNK):
                query = select(column, schema.sources.c.view).where(
                    column.in_(missing[i : i + _CHUNK])
                )
                for row in conn.execute(query):
                    found[row[0]] = _source_decoder.decode(row[1])
        with self._lock:
            self._known.update(found)

    def _every(self) -> list[str]:
        """Every source, read once (by article id, as the schedule lists them)."""
        if self._whole is None:
            column = schema.sources.c.article_id
            with self.store.engine.connect() as conn, gc_paused():
                rows = conn.execute(select(column, schema.sources.c.view).order_by(column))
                found = {row[0]: _source_decoder.decode(row[1]) for row in rows}
            with self._lock:
                self._known.update(found)
                self._whole = sorted(found)
        return self._whole


class StoredTrips(Sequence[TripView]):
    """The trips of the stored schedule at a position, in the schedule's order (start
    day, undated last, then id), each decoded when first read."""

    def __init__(
        self,
        store: EventStore,
        position: int,
        rows: list[TripRow],
        seed: Mapping[str, TripView] | None = None,
        *,
        cache: int = TRIP_CACHE,
    ) -> None:
        self.reader = _Reader(store, position)
        self.rows = rows
        self.cache = cache
        self._index = {row.trip_id: i for i, row in enumerate(rows)}
        self._views: dict[str, TripView] = dict(seed or {})
        self._bounded = len(self._views) <= cache  # seeded whole: kept whole
        self._all: list[TripView] | None = None
        self._lock = threading.Lock()

    @property
    def position(self) -> int:
        return self.reader.position

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, i: int) -> TripView: ...
    @overload
    def __getitem__(self, i: slice) -> list[TripView]: ...
    def __getitem__(self, i: int | slice) -> TripView | list[TripView]:
        if isinstance(i, slice):
            return self.many([row.trip_id for row in self.rows[i]])
        return self.many([self.rows[i].trip_id])[0]

    def __iter__(self) -> Iterator[TripView]:
        return iter(self.all())

    def __contains__(self, trip: object) -> bool:
        return isinstance(trip, TripView) and self.get(trip.trip_id) == trip

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same trips in the same order (as a list is)."""
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and self.all() == list(other)

    __hash__ = None  # type: ignore[assignment]  # a list is not hashable either

    def has(self, trip_id: str) -> bool:
        return trip_id in self._index

    def get(self, trip_id: str) -> TripView | None:
        """One trip by id, None if the schedule has none."""
        if trip_id not in self._index:
            return None
        return self.many([trip_id])[0]

    def all(self) -> list[TripView]:
        """Every trip, decoded (once: a reader walking the whole schedule walks it again)."""
        if self._all is None:
            views = self._decoded([row.trip_id for row in self.rows], keep=False)
            with self._lock:
                self._all = [views[row.trip_id] for row in self.rows]
                self._views = views
                self._bounded = False
        return self._all

    def known(self) -> dict[str, TripView]:
        """The views decoded so far (a newer schedule starts from the unchanged ones)."""
        with self._lock:
            return dict(self._views)

    def many(self, trip_ids: list[str]) -> list[TripView]:
        """These trips (ids of this schedule), in this order."""
        views = self._decoded(trip_ids, keep=True)
        return [views[t] for t in trip_ids]

    def _decoded(self, trip_ids: list[str], *, keep: bool) -> dict[str, TripView]:
        with self._lock:
            views = {t: v for t in trip_ids if (v := self._views.get(t)) is not None}
        missing = sorted({t for t in trip_ids if t not in views})
        if missing:
            views.update(self.reader.read(lambda conn: _read_views(conn, missing)))
            if keep:
                self._keep({t: views[t] for t in missing})
        return views

    def _keep(self, views: dict[str, TripView]) -> None:
        with self._lock:
            self._views.update(views)
            if self._bounded:
                for trip_id in list(self._views)[: max(0, len(self._views) - self.cache)]:
                    del self._views[trip_id]


class TripSelection(Sequence[TripView]):
    """Some trips of a `StoredTrips`, in its order, decoded when read (a page of them)."""

    def __init__(self, trips: StoredTrips, trip_ids: list[str]) -> None:
        self.trips = trips
        self.trip_ids = trip_ids

    def __len__(self) -> int:
        return len(self.trip_ids)

    @overload
    def __getitem__(self, i: int) -> TripView: ...
    @overload
    def __getitem__(self, i: slice) -> list[TripView]: ...
    def __getitem__(self, i: int | slice) -> TripView | list[TripView]:
        if isinstance(i, slice):
            return self.trips.many(self.trip_ids[i])
        return self.trips.many([self.trip_ids[i]])[0]


def _read_views(conn: Connection, trip_ids: list[str]) -> dict[str, TripView]:
    column, view = schema.trips.c.trip_id, schema.trips.c.view
    if len(trip_ids) > _FULL_READ:
        wanted = set(trip_ids)
        rows: Iterable[Any] = (r for r in conn.execute(select(column, view)) if r[0] in wanted)
    else:
        rows = (
            r
            for i in range(0, len(trip_ids), _CHUNK)
            for r in conn.execute(select(column, view).where(column.in_(trip_ids[i : i + _CHUNK])))
        )
    with gc_paused():  # what is decoded is kept: collecting meanwhile rescans it for nothing
        found = {r[0]: _trip_decoder.decode(r[1]) for r in rows}
    if len(found) != len(trip_ids):  # rows of this position are gone: a rebuild
        raise ScheduleMoved(trip_ids)
    return found


# -- loading ----------------------------------------------------------------------------------


def _trip_rows(conn: Connection, after: int | None) -> list[TripRow]:
    t = schema.trips.c
    query = select(t.trip_id, t.principal, t.start_date, t.end_date)
    if after is not None:
        query = query.where(t.written_position > after)
    return [TripRow(*r) for r in conn.execute(query)]


def load_schedule(
    store: EventStore, conn: Connection, previous: Schedule | None, recorded_at: datetime | None
) -> Schedule:
    """The stored schedule at its checkpoint, its trips and sources decoded on demand.

    Given the schedule this reader loaded before, only the rows written since are read
    (the views it decoded of the other trips are kept); a rebuild that dropped trips is
    noticed by the count."""
    position = checkpoint_position(conn)
    rows: list[TripRow] | None = None
    seed: dict[str, TripView] = {}
    sources: Mapping[str, SourceRef] | None = None
    old = previous.trips if previous is not None else None
    if isinstance(old, StoredTrips) and old.position <= position:
        changed = {r.trip_id: r for r in _trip_rows(conn, old.position)}
        merged = {r.trip_id: r for r in old.rows} | changed
        stored = conn.execute(select(func.count()).select_from(schema.trips)).scalar_one()
        if stored == len(merged):
            rows = list(merged.values())
            seed = {t: v for t, v in old.known().items() if t not in changed}
            assert previous is not None
            sources = (
                previous.sources.known() if isinstance(previous.sources, StoredSources) else None
            )
    if rows is None:
        rows = _trip_rows(conn, None)
    rows.sort(key=_order)
    return Schedule(
        position=position,
        recorded_at=recorded_at,
        trips=StoredTrips(store, position, rows, seed),
        sources=StoredSources(store, sources),
    )


# -- questions answered in SQL ----------------------------------------------------------------


class EntryKey(NamedTuple):
    trip_id: str
    seq: int  # the entry's place in its trip: legs, then engagements


def _overlapping(lo: date | None, hi: date | None) -> Any:
    """`schedule_query.overlaps` of an entry's days and [lo, hi], in SQL."""
    e = schema.entries.c
    if lo is None and hi is None:
        return None
    first = func.coalesce(e.start_date, e.end_date)
    last = func.coalesce(e.end_date, e.start_date)
    dated = or_(e.start_date.is_not(None), e.end_date.is_not(None))
    terms = [dated]
    if hi is not None:
        terms.append(first <= hi)
    if lo is not None:
        terms.append(last >= lo)
    return and_(*terms)


def entry_page(
    trips: StoredTrips,
    lo: date | None,
    hi: date | None,
    code: str | None,
    limit: int,
    offset: int,
) -> tuple[int, list[EntryKey]]:
    """How many legs and engagements are in [lo, hi] (and in `code`), and which of them
    are on this page, in the schedule's order (start day, legs first, then id)."""
    e = schema.entries.c
    terms = [t for t in (_overlapping(lo, hi),) if t is not None]
    if code is not None:
        terms.append(e.country_code == code)
    where = and_(*terms) if terms else None

    def read(conn: Connection) -> tuple[int, list[EntryKey]]:
        count = select(func.count()).select_from(schema.entries)
        page = select(e.trip_id, e.seq).order_by(e.sort_date, e.engagement, e.entry_id)
        if where is not None:
            count, page = count.where(where), page.where(where)
        total = conn.execute(count).scalar_one()
        keys = [EntryKey(*r) for r in conn.execute(page.limit(limit).offset(offset))]
        return int(total), keys

    return trips.reader.read(read)


def hosting_trips(trips: StoredTrips, code: str) -> set[str]:
    """The ids of the trips with a leg in the country `code`."""
    e = schema.entries.c
    query = select(e.trip_id).where(e.engagement == 0, e.country_code == code).distinct()
    return trips.reader.read(lambda conn: {r[0] for r in conn.execute(query)})


def trips_of_legs(trips: StoredTrips, leg_ids: Iterable[str]) -> set[str]:
    """The ids of the trips these legs are of."""
    e = schema.entries.c
    wanted = sorted(leg_ids)

    def read(conn: Connection) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(wanted), _CHUNK):
            query = select(e.trip_id).where(
                e.engagement == 0, e.entry_id.in_(wanted[i : i + _CHUNK])
            )
            found.update(r[0] for r in conn.execute(query))
        return found

    return trips.reader.read(read)
