"""The fold itself (`ScheduleFold`): events in log order in, the schedule out. It keeps
which trips are hot, which ones a batch touched, and each item's revision; what an event
adds (`gather`), how views are built (`views_build`), how a trip rests (`hot`), how
revisions rise (`stamping`) and how a trip is stored (`snapshot`) each have their own
module.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import msgspec

from calendar_svc.domain.events import ArticleRecorded, ArticleSource, DomainEvent, TripEvent
from calendar_svc.domain.values import PersonRef
from calendar_svc.domain.views import EPOCH, Schedule, TripView
from calendar_svc.projections.fold import snapshot as stored
from calendar_svc.projections.fold.gather import Gather, Gatherer
from calendar_svc.projections.fold.hot import Hot, freeze, thaw, unsettle
from calendar_svc.projections.fold.stamping import (
    Base,
    Clock,
    finish,
    restamp,
    signature,
    signatures,
)
from calendar_svc.projections.fold.state import (
    FoldedLeg,
    FoldedTrip,
    Stamp,
    in_order,
    shared_ids,
)
from calendar_svc.projections.fold.tables import Tables
from calendar_svc.projections.fold.views_build import build, decide

#: Trips kept decoded (the most recently touched stay). Events of one trip cluster in
#: time, so a hundred or so cover the trips in flight; the rest wait as encoded blobs.
#: (Larger sets encode a trip long after its objects were last used, which costs more.)
HOT_TRIPS = 128


class ScheduleFold:
    """Apply events in log order; read the schedule at any point.

    Rendering is per transaction, not per event: events of one append share their
    recorded time, and a reader never sees the states between them. Trips touched by a
    batch are rendered once, when the next batch starts or the schedule is read; that is
    when revisions rise, stamped with the batch's last position and time.

    Memory: at most `hot_trips` trips (plus those the current batch touches) are held
    decoded; the others are kept encoded until their next event or until they are read.
    `hot_trips=None` keeps every trip decoded. Either way the views are the same.
    """

    def __init__(self, *, retain_views: bool = True, hot_trips: int | None = HOT_TRIPS) -> None:
        #: False for replays of large logs: views are rendered when read, not kept, so
        #: memory holds each trip's facts and revisions but not its rendered text.
        self.retain_views = retain_views
        self.hot_trips = hot_trips
        self._order: dict[str, date] = {}  # trip -> its start (date.max if unknown)
        #: trip id -> its state, decoded (hot) or encoded (cold)
        self.trips: dict[str, Hot | bytes] = {}
        self._hot: OrderedDict[str, Hot] = OrderedDict()  # least recently touched first
        self.tables = Tables()
        self.articles = self.tables.articles
        self._views: dict[str, TripView] = {}
        self.position = 0
        self.recorded_at: datetime | None = None
        #: (item id, position) for each event behind an item's appearance or change
        self.changes: list[tuple[str, int]] = []
        self.track_changes = False
        self._dirty: dict[str, list[int]] = {}  # trip -> positions of this batch's events
        self._restores = 0
        #: the last trip `_read` rendered: (trip id, when, view, state), `when` telling
        #: whether anything could have changed since (position, articles, restores)
        self._last_read: tuple[str, tuple[int, int, int], TripView, Hot] | None = None
        #: trip event type -> its handler; a type first seen is added by `_unregistered`
        self._gathers: dict[type, Gather] = dict(Gatherer(self.tables).by_type())

    # -- reading --------------------------------------------------------------------------

    @property
    def views(self) -> dict[str, TripView]:
        """Every trip's current view (renders what the pending batch touched)."""
        self.flush()
        if not self.retain_views:
            return {trip_id: self.view(trip_id) for trip_id in self.trips}
        return self._views

    def view(self, trip_id: str) -> TripView:
        """One trip's current view; rendering again changes no revision."""
        self.flush()
        held = self._views.get(trip_id)
        if held is not None:
            return held
        return self._read(trip_id)

    def iter_trips(self) -> Iterator[TripView]:
        """The trips in schedule order, rendered one at a time (bounded memory)."""
        self.flush()
        order = self._order
        for trip_id in sorted(order, key=lambda t: (order[t], t)):
            yield self.view(trip_id)

    def schedule(self) -> Schedule:
        trips = list(self.iter_trips())
        return Schedule(
            position=self.position,
            recorded_at=self.recorded_at,
            trips=trips,
            sources=dict(sorted(self.articles.items())),
        )

    def flush(self) -> None:
        """Render the trips the current batch touched; revisions rise where views changed."""
        if not self._dirty or self.recorded_at is None:
            return
        dirty, self._dirty = self._dirty, {}
        trips = self.trips
        lazy = not self.retain_views and not self.track_changes
        for trip_id, positions in dirty.items():
            hot = trips[trip_id]
            assert isinstance(hot, Hot)  # touched trips stay decoded until rendered
            if lazy and not hot.stamps and self._stamp_new(hot):
                continue
            self._rendered(trip_id, self._render(hot, self.position, self.recorded_at, positions))
        self._evict()

    def _stamp_new(self, hot: Hot) -> bool:
        """Stamp a trip no render has stamped yet without rendering it: every item is new,
        at revision 0 (unless two of its items share an id: False, render it). What they
        show is worked out from its facts when next needed (`_fill_base`), as for a trip
        read back from its encoded form; a view kept or `changes` tracked need a render."""
        trip = hot.state
        if shared_ids(trip):
            return False
        assert self.recorded_at is not None
        at = self.tables.time_number(self.recorded_at)
        position = self.position
        stamps = hot.stamps
        new = stamps[f"trip:{trip.trip_id}"] = Stamp(revision=0, at=at, position=position)
        hot.texts = self.tables.texts(trip)
        hot.version = self.articles.version
        hot.base = None
        order = in_order(trip.legs)
        decision = decide(trip, order, hot.texts, self.articles.names, self.tables.values)
        # the legs the view shows, as a render stamps them (not those named in passing)
        stamps.update(dict.fromkeys((leg_id for leg_id, _ in decision.order), new))
        stamps.update(dict.fromkeys(trip.engagements, new))
        start = decision.summary.start
        self._order[trip.trip_id] = date.max if start is None else start.day
        return True

    def cited_articles(self) -> list[str]:
        """Every article id this fold has seen cited (by restored trips or applied events)
        or recorded: the sources a catch-up must load before it renders."""
        return list(self.articles.names)

    # -- snapshots ----------------------------------------------------------------------

    def snapshot(self, trip_id: str) -> bytes:
        view = self.view(trip_id)
        last = self._last_read
        if last is not None and last[0] == trip_id and last[2] is view:
            # just rendered from the trip's state: what its items were last stamped with
            hot = last[3]
            signed = signatures(view)
        else:
            hot = self._peek(trip_id)
            if hot.base is None:
                self._fill_base(hot)
            assert hot.base is not None
            signed = {
                item_id: base if isinstance(base, bytes) else signature(base)
                for item_id, base in hot.base.items()
            }
        ids = {f"trip:{trip_id}", *(leg.leg_id for leg in view.legs)}
        # a leg the view hides for now (named in passing) keeps its stamp: shown again,
        # its revision goes on from there, as a fold that never stored the trip does
        ids.update(leg_id for leg_id in hot.state.legs if leg_id in hot.stamps)
        ids.update(e.engagement_id for e in view.engagements)
        meta: dict[str, stored.SnapshotMeta] = {}
        for item_id in sorted(ids):
            stamp = hot.stamps.get(item_id)
            if stamp is not None:
                meta[item_id] = stored.SnapshotMeta(
                    signature=signed.get(item_id, stamp.signature or b""),
                    revision=stamp.revision,
                    updated_at=self.tables.times[stamp.at],
                    position=stamp.position,
                )
        trip = stored.to_snapshot(hot.state, self.tables)
        return stored.encode(stored.TripSnapshot(trip=trip, meta=meta, view=view))

    def restore(self, blob: bytes | str) -> str:
        snap = stored.decode(blob)
        trip_id = snap.trip.trip_id
        self._restores += 1
        stamps: dict[str, Stamp] = {}
        held = self.trips.get(trip_id)
        if held is not None:  # ids of the trip as it was stay stamped, as before
            old = self._peek(trip_id)
            if old.base is None:
                self._fill_base(old)
            assert old.base is not None
            for item_id, stamp in old.stamps.items():
                last = old.base.get(item_id)
                signed = last if isinstance(last, bytes) or last is None else signature(last)
                stamps[item_id] = Stamp(
                    revision=stamp.revision, at=stamp.at, position=stamp.position, signature=signed
                )
        for item_id, meta in snap.meta.items():
            stamps[item_id] = Stamp(
                revision=meta.revision,
                at=self.tables.time_number(meta.updated_at),
                position=meta.position,
                signature=meta.signature,
            )
        base: dict[str, Base] = {
            item_id: stamp.signature
            for item_id, stamp in stamps.items()
            if stamp.signature is not None
        }
        trip = stored.from_snapshot(snap.trip, self.tables)
        items = {f"trip:{trip_id}", *trip.legs, *trip.engagements}
        hot = Hot(trip, stamps, base, texts=None, loose=not items.issuperset(stamps))
        self.trips[trip_id] = hot
        self._hot[trip_id] = hot
        self._hot.move_to_end(trip_id)
        self._views[trip_id] = snap.view
        self._order[trip_id] = snap.view.start_date or date.max
        return trip_id

    # -- gathering facts --------------------------------------------------------------

    def apply(  # noqa: C901 - the hot path, one call per event: a second call level cost 13%
        self, event: DomainEvent | ArticleSource, position: int, recorded_at: datetime
    ) -> None:
        """Fold one event (events must come in log order); an article may come as its
        `ArticleSource` (see `decode_for_fold`). A trip event is added to its trip by
        the handler of its type (`gather`)."""
        if self._dirty and recorded_at != self.recorded_at:
            self.flush()  # the previous transaction is complete
        self.position = position
        self.recorded_at = recorded_at
        gather = self._gathers.get(type(event))
        if gather is None:
            gather = self._unregistered(event)
            if gather is None:
                return  # no trip event (an article is recorded)
        if TYPE_CHECKING:  # a handler was found: a trip event (an isinstance costs 4% here)
            assert isinstance(event, TripEvent)
        index = self.articles.index
        articles: list[int] = []
        for p in event.provenance:
            number = index.get(p.article_id)
            articles.append(self.articles.number(p.article_id) if number is None else number)
        trip_id = event.trip_id
        hot = self._hot.get(trip_id)
        if hot is None:
            hot = self._touch(event)
            if hot is None:
                return  # a trip is founded by an announcement or a named delegation
        positions = self._dirty.get(trip_id)
        if positions is None and hot.base is None:
            self._fill_base(hot)  # what its items show, before this batch changes them
        trip = hot.state
        try:
            sources = trip.sources
            for article in articles:
                if article not in sources:
                    sources.append(article)
            gather(trip, event, articles)
        except BaseException:
            unsettle(hot)
            raise
        if positions is None:
            self._dirty[trip_id] = [position]
            self._hot.move_to_end(trip_id)
        else:
            positions.append(position)

    def _unregistered(self, event: DomainEvent | ArticleSource) -> Gather | None:
        """An event of a type with no handler: an article is recorded (None); a trip
        event of a type seen for the first time gets the handler of its nearest
        registered base (a subclass of an event is folded as that event); any other
        event is none the schedule folds (None)."""
        if isinstance(event, (ArticleSource, ArticleRecorded)):  # decode_for_fold gives the 1st
            self.articles.record(event)
            return None
        if not isinstance(event, TripEvent):
            return None
        gathers = self._gathers
        kind = type(event)
        found = next(gathers[base] for base in kind.__mro__ if base in gathers)
        gathers[kind] = found
        return found

    def _touch(self, event: TripEvent) -> Hot | None:
        """The trip of an event, decoded (and kept so) or founded; None if neither."""
        trip_id = event.trip_id
        held = self.trips.get(trip_id)
        if isinstance(held, bytes):
            hot = thaw(held)
        elif held is None:
            principal = getattr(event, "principal", None)
            if not isinstance(principal, PersonRef):
                return None
            trip = FoldedTrip(trip_id=trip_id, principal=self.tables.value(principal))
            hot = Hot(trip, {}, {}, texts=None)
        else:  # pragma: no cover - decoded trips are all in self._hot
            hot = held
        self.trips[trip_id] = hot
        self._hot[trip_id] = hot
        return hot

    # -- hot and cold -------------------------------------------------------------------

    def _evict(self) -> None:
        """Encode the least recently touched trips beyond `hot_trips` (never a dirty one:
        this runs right after a flush)."""
        limit = self.hot_trips
        if limit is None:
            return
        hot = self._hot
        while len(hot) > limit:
            trip_id, held = hot.popitem(last=False)
            self.trips[trip_id] = freeze(held)

    def _peek(self, trip_id: str) -> Hot:
        """A trip's state, decoded for reading without making it hot."""
        held = self.trips[trip_id]
        return held if isinstance(held, Hot) else thaw(held)

    def _fill_base(self, hot: Hot) -> None:
        """What each item was last stamped with: the views of the state as it was last
        rendered (its facts have not changed since, and the source texts of that render
        are kept), or for items restored and not rendered since, their signatures."""
        base: dict[str, Base] = {}
        if hot.texts is not None:
            trip = hot.state
            legs, engagements, bare = build(trip, in_order(trip.legs), hot.texts, self.tables)
            for item_id, leg, _ in legs:
                base[item_id] = leg
            for _, item_id, engagement, _ in engagements:
                base[item_id] = engagement
            base[f"trip:{trip.trip_id}"] = bare
        for item_id, stamp in hot.stamps.items():
            if stamp.signature is not None:
                base[item_id] = stamp.signature
        hot.base = base

    # -- rendering ----------------------------------------------------------------------

    def _rendered(self, trip_id: str, view: TripView) -> TripView:
        self._order[trip_id] = view.start_date or date.max
        if self.retain_views:
            self._views[trip_id] = view
        return view

    def _read(self, trip_id: str) -> TripView:
        """Render a trip for a reader. Nothing changed since its last render unless an
        article it names changed (or two of its items share an id, and so a stamp): then
        revisions rise as in a batch (with no causes)."""
        when = (self.position, self.articles.version, self._restores)
        last = self._last_read
        if last is not None and last[0] == trip_id and last[1] == when:
            return last[2]  # read again (a snapshot after a view): nothing changed since
        held = self.trips[trip_id]
        hot = held if isinstance(held, Hot) else thaw(held)
        trip = hot.state
        order = in_order(trip.legs)
        texts = hot.texts
        if texts is None or hot.version != self.articles.version:
            texts = self.tables.texts(trip)
        shared = shared_ids(trip)
        if hot.texts is not None and hot.texts == texts and not shared:
            view = build(trip, order, texts, self.tables, hot.stamps)[2]
        else:
            if hot.base is None:
                self._fill_base(hot)
            view = self._render(hot, self.position, self.recorded_at or EPOCH, [], order, texts)
            if not isinstance(held, Hot):
                self.trips[trip_id] = freeze(hot)
        # with shared ids every render raises revisions again: never read from memory
        self._last_read = None if shared else (trip_id, when, view, hot)
        return self._rendered(trip_id, view)

    def _render(
        self,
        hot: Hot,
        position: int,
        recorded_at: datetime,
        causes: list[int],
        order: list[tuple[str, FoldedLeg]] | None = None,
        texts: list[str] | None = None,
    ) -> TripView:
        """Render a trip and raise the revision of each item whose view changed. Items
        are stamped in order and each view takes its stamp as it stands then (ids that
        are shared, if ever, see each other's changes as the original fold did)."""
        trip = hot.state
        if order is None:
            order = in_order(trip.legs)
        if texts is None:
            texts = self.tables.texts(trip)
        version = self.articles.version
        legs, engagements, bare = build(trip, order, texts, self.tables)
        stamps, base = hot.stamps, hot.base
        if base is None:  # never stamped: nothing to compare with
            base = hot.base = {}
        clock = Clock(self.tables, recorded_at, position)
        items: list[tuple[str, Any, list[int]]] = list(legs)
        items += [(item_id, view, sources) for _, item_id, view, sources in engagements]
        items.append((f"trip:{trip.trip_id}", bare, trip.sources))
        changed: list[str] | None = [] if self.track_changes else None
        stamped = restamp(items, stamps, base, clock, changed)
        if changed:
            self.changes.extend((item_id, cause) for item_id in changed for cause in causes)
        finished: list[Any] = [
            finish(view, stamp, sources, self.tables)
            for (_, view, sources), stamp in zip(items, stamped, strict=True)
        ]
        hot.texts = texts
        hot.version = version
        done: TripView = finished.pop()
        count = len(legs)
        return msgspec.structs.replace(done, legs=finished[:count], engagements=finished[count:])
