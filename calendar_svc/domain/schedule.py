"""Fold the log into the schedule: trips, their legs in order, engagements, delegation,
disputes and sources, with what is stated and what is inferred. Pure and deterministic:
the same events give the same schedule, byte for byte, whenever they are folded.

The rules that decide what is shown (a leg's dates and their certainty, statuses, an
engagement's day, the trip's window) are pure functions in `calendar_svc.domain.rules`,
whose docstring lists them; this module gathers each trip's evidence and calls them.
Each date shown names its rule in the leg's `date_basis` and carries a `Certainty`.

Revisions: every leg, engagement and trip carries a revision that rises exactly when what
is shown for it changes (dates, status, place, title, type, inviter), with the position
and recorded time of the event that changed it. ICS SEQUENCE and LAST-MODIFIED use them.

How the fold keeps this in bounded memory and time (nothing of it shows in the views):
- Each trip's facts are compact msgspec structs; article ids, people and places are
  numbers into tables the fold holds once. Trips not touched lately (beyond `hot_trips`)
  are kept as one msgpack blob each and decoded when an event or a reader needs them:
  events of one trip cluster in time, so memory grows by ~2 KB a trip, not ~20 KB.
- An item's revision rises when its view differs from the one it was last stamped with.
  Those views are not kept: a trip's facts do not change between renders, so they are
  rendered again from them when a comparison is due (with the source texts that render
  used). Signatures are only computed for snapshots, which keep their format: stored
  snapshots restore, and compare by signature until their trip is rendered again.
- A trip first seen in a batch has nothing to compare with: a lean fold (no views kept,
  no `changes` tracked) stamps its items at revision 0 without rendering it.
- Item ids are a trip's own (ingestion prefixes every leg and engagement id with the
  trip's id); two items of one trip sharing an id share a stamp, as before.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import lru_cache
from typing import Any, cast

import msgspec

from calendar_svc.domain import rules
from calendar_svc.domain.events import (
    ArticleRecorded,
    ArticleSource,
    ClaimDisputed,
    DelegationArrived,
    DelegationDeparted,
    DelegationNamed,
    DomainEvent,
    EngagementReported,
    FactCorroborated,
    LegConcluded,
    ScheduleRevised,
    TripConcluded,
    TripEvent,
    VisitAnnounced,
    VisitCancelled,
    VisitPostponed,
)
from calendar_svc.domain.rules import Dated, LegEvidence, Reading, TripFacts
from calendar_svc.domain.values import (
    Certainty,
    DateWindow,
    EngagementKind,
    EngagementStatus,
    Moment,
    PersonRef,
    PlaceRef,
    Status,
    VisitType,
)

# -- what the schedule shows --------------------------------------------------------------


class SourceRef(msgspec.Struct, frozen=True):
    article_id: str
    outlet: str | None = None
    url: str | None = None
    published_on: date | None = None
    title: str | None = None


class LegView(msgspec.Struct, frozen=True):
    leg_id: str
    trip_id: str
    sequence: int
    country_code: str
    city: str | None
    visit_type: str | None
    inviter: PersonRef | None
    start_date: date | None
    end_date: date | None
    dates_confirmed: bool
    date_basis: str
    status: Status
    timezone: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    revision: int = 0
    updated_at: datetime | None = None
    updated_position: int = 0
    sources: list[str] = msgspec.field(default_factory=list)
    start_certainty: Certainty | None = None  # None: no start known
    end_certainty: Certainty | None = None
    certainty: Certainty | None = None  # the weaker of the two (see rules.overall)
    #: the publication day of the latest source behind `status` ("as last reported")
    status_as_of: date | None = None


class EngagementView(msgspec.Struct, frozen=True):
    engagement_id: str
    trip_id: str
    leg_id: str | None
    kind: str
    title: str
    counterparts: list[PersonRef]
    place: PlaceRef | None
    start_date: date | None
    end_date: date | None
    local_time: time | None
    day_part: str | None
    timezone: str | None
    date_basis: str
    status: EngagementStatus
    revision: int = 0
    updated_at: datetime | None = None
    updated_position: int = 0
    sources: list[str] = msgspec.field(default_factory=list)
    start_certainty: Certainty | None = None
    end_certainty: Certainty | None = None
    certainty: Certainty | None = None


class DisputeView(msgspec.Struct, frozen=True):
    fact: str
    held: str  # the value shown
    claimed: str  # what other sources say
    sources: list[str]  # of the claim
    held_sources: list[str] = msgspec.field(default_factory=list)  # of the value shown, if known


class TripView(msgspec.Struct, frozen=True):
    trip_id: str
    principal: PersonRef
    spouse: str | None
    members: list[PersonRef]
    start_date: date | None
    end_date: date | None
    dates_confirmed: bool
    status: Status
    legs: list[LegView]
    engagements: list[EngagementView]
    disputes: list[DisputeView]
    sources: list[str]
    revision: int = 0
    updated_at: datetime | None = None
    updated_position: int = 0
    start_certainty: Certainty | None = None
    end_certainty: Certainty | None = None
    certainty: Certainty | None = None
    status_as_of: date | None = None


class Schedule(msgspec.Struct, frozen=True):
    position: int
    recorded_at: datetime | None
    trips: list[TripView]
    sources: dict[str, SourceRef]


# -- the snapshot format: one trip's facts as stored beside its view -------------------
#
# These shapes are what `TripSnapshot` has always held, kept byte for byte so that stored
# snapshots restore. The fold itself works on the compact state further down.


@dataclass(slots=True)
class _Leg:
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


@dataclass(slots=True)
class _Engagement:
    event: EngagementReported
    sources: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Trip:
    trip_id: str
    principal: PersonRef
    spouse: str | None = None
    members: list[PersonRef] = field(default_factory=list)
    left_home: Moment | None = None
    returned_on: date | None = None
    returned: bool = False
    postponed: bool = False
    cancelled: bool = False
    legs: dict[str, _Leg] = field(default_factory=dict)
    engagements: dict[str, _Engagement] = field(default_factory=dict)
    disputes: list[DisputeView] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    starts: list[tuple[date, str, str]] = field(default_factory=list)  # of its stated window
    ends: list[tuple[date, str, str]] = field(default_factory=list)
    told: list[str] = field(default_factory=list)  # left home, came home, postponed, ...


@dataclass(slots=True)
class _Meta:
    signature: bytes
    revision: int
    updated_at: datetime | None
    position: int


class TripSnapshot(msgspec.Struct):
    """One trip's part of the fold, stored beside its view so catch-up can continue."""

    trip: _Trip
    meta: dict[str, _Meta]
    view: TripView


_snapshot_encoder = msgspec.json.Encoder()
_snapshot_decoder = msgspec.json.Decoder(TripSnapshot)
_sig = msgspec.json.Encoder(order="sorted")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _signature(view: Any) -> bytes:
    """What a revision is raised on: a digest of the view without revision and sources."""
    return hashlib.blake2b(_sig.encode(view), digest_size=16).digest()


def _signatures(view: TripView) -> dict[str, bytes]:
    """The signatures of a rendered trip's items (an id shared by two items, if ever,
    takes the later one's, as stamping goes)."""
    replace = msgspec.structs.replace
    signatures = {}
    for leg in view.legs:
        bare = replace(leg, revision=0, updated_at=None, updated_position=0, sources=[])
        signatures[leg.leg_id] = _signature(bare)
    for engagement in view.engagements:
        bare_engagement = replace(
            engagement, revision=0, updated_at=None, updated_position=0, sources=[]
        )
        signatures[engagement.engagement_id] = _signature(bare_engagement)
    bare_trip = replace(
        view, legs=[], engagements=[], sources=[], revision=0, updated_at=None, updated_position=0
    )
    signatures[f"trip:{view.trip_id}"] = _signature(bare_trip)
    return signatures


# -- the fold's own state: compact, and encodable as a whole ------------------------------
#
# Article ids are numbers into one table of the fold, people and places numbers into
# another (each distinct value is held once, however many legs and engagements name it).
# A trip's state is msgspec structs throughout, so a trip that has gone quiet is kept as
# one encoded blob and decoded when an event or a reader needs it again.


class _When(msgspec.Struct, array_like=True, frozen=True, gc=False):
    """A `Moment`, encoded without field names."""

    day: date
    day_part: str | None
    local_time: time | None
    timezone: str | None


def _when(moment: Moment) -> _When:
    return _When(moment.day, moment.day_part, moment.local_time, moment.timezone)


def _moment(when: _When | None) -> Moment | None:
    if when is None:
        return None
    return Moment(
        day=when.day, day_part=when.day_part, local_time=when.local_time, timezone=when.timezone
    )


class _Said(msgspec.Struct, array_like=True, frozen=True, gc=False):
    """A day one article states for a start or an end (a `rules.Reading`, compactly)."""

    day: date
    kind: str
    source: int  # article number


class _LegState(msgspec.Struct, array_like=True, gc=False):
    country: str
    sequence: int
    visit_type: str | None = None
    inviter: int | None = None  # value number
    city: str | None = None
    place: int | None = None  # value number
    duration: int | None = None
    arrived: _When | None = None
    concluded: bool = False
    concluded_on: date | None = None
    entered_on: date | None = None  # the delegation left the previous leg for this one
    postponed: bool = False
    cancelled: bool = False
    sources: list[int] = []
    starts: list[_Said] = []
    ends: list[_Said] = []
    told: list[int] = []  # articles that postponed or cancelled it
    event: DateWindow | None = None  # the summit it attends there (`VisitAnnounced`)


class _EngagementState(msgspec.Struct, array_like=True, gc=False):
    leg_id: str | None
    kind: str
    title: str
    counterparts: int  # value number of a tuple of people
    place: int | None
    at: _When | None
    window: DateWindow | None
    sources: list[int]


class _TripState(msgspec.Struct, array_like=True, gc=False):
    trip_id: str
    principal: int
    spouse: str | None = None
    members: list[int] = []
    left_home: _When | None = None
    returned_on: date | None = None
    returned: bool = False
    postponed: bool = False
    cancelled: bool = False
    legs: dict[str, _LegState] = {}
    engagements: dict[str, _EngagementState] = {}
    disputes: list[DisputeView] = []
    sources: list[int] = []
    starts: list[_Said] = []  # of its stated window
    ends: list[_Said] = []
    told: list[int] = []  # articles telling it left home, came home, was postponed, ...


class _Stamp(msgspec.Struct, array_like=True, frozen=True, gc=False):
    """An item's revision, the time (a number into the fold's times) and position of its
    last change, and, for an item restored from a snapshot and not rendered since, the
    signature it was stored with. Replaced, never changed: items may share one."""

    revision: int
    at: int
    position: int
    signature: bytes | None = None


class _Cold(msgspec.Struct, array_like=True, gc=False):
    """A trip at rest: its state, the stamps of the trip, its legs and its engagements
    (in that order), the source texts its last render used, and stamps of ids that are
    none of those (left by a restore)."""

    trip: _TripState
    stamps: list[_Stamp | None]
    texts: list[str] | None
    extra: dict[str, _Stamp] | None = None
    version: int = -1


_cold_encoder = msgspec.msgpack.Encoder()
_cold_decoder = msgspec.msgpack.Decoder(_Cold)
_key_encoder = msgspec.msgpack.Encoder()
_article_decoder = msgspec.msgpack.Decoder(tuple[str | None, str | None, date | None, str | None])

#: The last rendered view of an item (what its revision was last raised on), or the
#: signature of it, for an item restored from a snapshot.
_Base = LegView | EngagementView | TripView | bytes


class _Hot:
    """A trip being worked on: its state, its items' stamps, the bare views (or signatures)
    they were stamped with (None: not worked out yet, see `_fill_base`), and the source
    texts of that render (None: not rendered by this fold since it was restored).
    `loose`: stamps may hold ids that are not the trip's items (after a restore)."""

    __slots__ = ("base", "loose", "stamps", "state", "texts", "version")

    def __init__(
        self,
        state: _TripState,
        stamps: dict[str, _Stamp],
        base: dict[str, _Base] | None,
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


def _add(sources: list[int], articles: list[int]) -> None:
    for article in articles:
        if article not in sources:
            sources.append(article)


def _said(held: _LegState | _TripState, window: DateWindow, kind: str, articles: list[int]) -> None:
    """A stated range: a reading of the start and one of the end, by the event's (first)
    article; a range with no article is a malformed event (IndexError, as ever)."""
    article = articles[0]
    _note(held.starts, window.start, kind, [article])
    _note(held.ends, window.end, kind, [article])


def _note(said: list[_Said], day: date, kind: str, articles: list[int]) -> None:
    """A reading by the event's first article (none without one); one article stating the
    same day the same way again adds nothing: sources are counted, not repetitions."""
    for article in articles[:1]:
        reading = _Said(day, kind, article)
        if reading not in said:
            said.append(reading)


def _parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _parse_window(text: str) -> DateWindow | None:
    """A window as facts spell it ("2025-05-08/2025-05-11"), or None."""
    first, _, last = text.partition("/")
    start, end = _parse_day(first), _parse_day(last)
    if start is None or end is None or end < start:
        return None
    return DateWindow(start, end)


class _Articles(MutableMapping[str, SourceRef]):
    """`fold.articles`: article id -> `SourceRef`, as a dict, but stored compactly.

    Recorded articles are kept as small msgpack tuples and decoded when read; ids are
    numbered in one table, which the fold's sources use too (one copy of each id)."""

    __slots__ = ("_data", "_missing", "_texts", "index", "names", "version")

    def __init__(self) -> None:
        self._data: dict[str, SourceRef | bytes] = {}
        self.names: list[str] = []
        self.index: dict[str, int] = {}
        #: article number -> (`text`, publication day in ISO or ""), while it holds
        self._texts: dict[int, tuple[str, str]] = {}
        self._missing: set[int] = set()  # numbers named by a text before being recorded
        #: rises whenever a text already worked out may have changed
        self.version = 0

    def number(self, article_id: str) -> int:
        found = self.index.get(article_id)
        if found is None:
            found = self.index[article_id] = len(self.names)
            self.names.append(article_id)
        return found

    def record(self, event: ArticleRecorded | ArticleSource) -> None:
        number = self.number(event.article_id)
        key = self.names[number]
        self._forget(key)
        outlet, url, published_on, title = event.outlet, event.url, event.published_on, event.title
        if (
            (outlet is None or type(outlet) is str)
            and (url is None or type(url) is str)
            and (title is None or type(title) is str)
            and (published_on is None or type(published_on) is date)
        ):
            self._data[key] = _key_encoder.encode((outlet, url, published_on, title))
        else:  # not what decoding gives: kept as it is
            self._data[key] = SourceRef(key, outlet, url, published_on, title)

    def about(self, number: int) -> tuple[str, str]:
        """How a leg's date basis names an article (`dates stated by ...`), and the day it
        was published (ISO, or "" when unknown): what the rules read of a source."""
        text = self._texts.get(number)
        if text is None:
            if len(self._texts) >= 4096:
                self._texts.clear()
            article_id = self.names[number]
            if article_id not in self._data:
                self._missing.add(number)
            published = self.published(article_id)
            text = self._texts[number] = (
                self.text(article_id),
                "" if published is None else published.isoformat(),
            )
        return text

    def published(self, article_id: str) -> date | None:
        held = self._data.get(article_id)
        if held is None:
            return None
        if isinstance(held, bytes):
            return _article_decoder.decode(held)[2]
        return held.published_on

    def text(self, article_id: str) -> str:
        held = self._data.get(article_id)
        if held is None:
            return f"article {article_id[:12]}"
        if isinstance(held, bytes):
            outlet, _url, published_on, title = _article_decoder.decode(held)
        else:
            outlet, published_on, title = held.outlet, held.published_on, held.title
        who = outlet or (title and f"“{title}”") or f"article {article_id[:12]}"
        when = f" ({published_on.isoformat()})" if published_on else ""
        return f"{who}{when}"

    def __getitem__(self, article_id: str) -> SourceRef:
        held = self._data[article_id]
        if isinstance(held, bytes):
            outlet, url, published_on, title = _article_decoder.decode(held)
            return SourceRef(article_id, outlet, url, published_on, title)
        return held

    def __setitem__(self, article_id: str, ref: SourceRef) -> None:
        self._forget(article_id)
        self._data[article_id] = ref

    def __delitem__(self, article_id: str) -> None:
        self._forget(article_id)
        del self._data[article_id]

    def _forget(self, article_id: str) -> None:
        """`article_id` is about to be recorded, replaced or deleted."""
        number = self.index.get(article_id)
        if number is not None:
            self._texts.pop(number, None)
            if number in self._missing:
                self._missing.discard(number)
                self.version += 1
        if article_id in self._data:
            self.version += 1

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


# -- the fold -----------------------------------------------------------------------------

#: Trips kept decoded (the most recently touched stay). Events of one trip cluster in
#: time, so a hundred or so cover the trips in flight; the rest wait as encoded blobs.
#: (Larger sets encode a trip long after its objects were last used, which costs more.)
HOT_TRIPS = 128

_LegItem = tuple[str, LegView, list[int]]
_EngagementItem = tuple[date, str, EngagementView, list[int]]  # sorted by date, id


def _in_order(legs: dict[str, _LegState]) -> list[tuple[str, _LegState]]:
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
        self.trips: dict[str, _Hot | bytes] = {}
        self._hot: OrderedDict[str, _Hot] = OrderedDict()  # least recently touched first
        self.articles = _Articles()
        self._values: list[Any] = []  # people and places, by number
        self._value_index: dict[bytes, int] = {}
        self._times: list[datetime | None] = []  # the times revisions were raised at
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
        self._last_read: tuple[str, tuple[int, int, int], TripView, _Hot] | None = None

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
            assert isinstance(hot, _Hot)  # touched trips stay decoded until rendered
            if lazy and not hot.stamps and self._stamp_new(hot):
                continue
            self._rendered(trip_id, self._render(hot, self.position, self.recorded_at, positions))
        self._evict()

    def _stamp_new(self, hot: _Hot) -> bool:
        """Stamp a trip no render has stamped yet without rendering it: every item is new,
        at revision 0 (unless two of its items share an id: False, render it). What they
        show is worked out from its facts when next needed (`_fill_base`), as for a trip
        read back from its encoded form; a view kept or `changes` tracked need a render."""
        trip = hot.state
        if _shared_ids(trip):
            return False
        assert self.recorded_at is not None
        at = self._time_number(self.recorded_at)
        position = self.position
        stamps = hot.stamps
        new = stamps[f"trip:{trip.trip_id}"] = _Stamp(0, at, position)
        legs, engagements = trip.legs, trip.engagements
        stamps.update(dict.fromkeys(legs, new))
        stamps.update(dict.fromkeys(engagements, new))
        order = _in_order(legs)
        hot.texts = self._texts(trip)
        hot.version = self.articles.version
        hot.base = None
        start = self._decide(trip, order, hot.texts)[3].start
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
            signatures = _signatures(view)
        else:
            hot = self._peek(trip_id)
            if hot.base is None:
                self._fill_base(hot)
            assert hot.base is not None
            signatures = {
                item_id: base if isinstance(base, bytes) else _signature(base)
                for item_id, base in hot.base.items()
            }
        ids = {f"trip:{trip_id}", *(leg.leg_id for leg in view.legs)}
        ids.update(e.engagement_id for e in view.engagements)
        meta: dict[str, _Meta] = {}
        for item_id in sorted(ids):
            stamp = hot.stamps.get(item_id)
            if stamp is not None:
                signature = signatures.get(item_id, stamp.signature or b"")
                at = self._times[stamp.at]
                meta[item_id] = _Meta(signature, stamp.revision, at, stamp.position)
        return _snapshot_encoder.encode(TripSnapshot(self._to_snapshot(hot.state), meta, view))

    def restore(self, blob: bytes | str) -> str:
        snap = _snapshot_decoder.decode(blob)
        trip_id = snap.trip.trip_id
        self._restores += 1
        stamps: dict[str, _Stamp] = {}
        held = self.trips.get(trip_id)
        if held is not None:  # ids of the trip as it was stay stamped, as before
            old = self._peek(trip_id)
            if old.base is None:
                self._fill_base(old)
            assert old.base is not None
            for item_id, stamp in old.stamps.items():
                last = old.base.get(item_id)
                signature = last if isinstance(last, bytes) or last is None else _signature(last)
                stamps[item_id] = _Stamp(stamp.revision, stamp.at, stamp.position, signature)
        for item_id, meta in snap.meta.items():
            stamps[item_id] = _Stamp(
                meta.revision, self._time_number(meta.updated_at), meta.position, meta.signature
            )
        base: dict[str, _Base] = {
            item_id: stamp.signature
            for item_id, stamp in stamps.items()
            if stamp.signature is not None
        }
        trip = self._from_snapshot(snap.trip)
        items = {f"trip:{trip_id}", *trip.legs, *trip.engagements}
        hot = _Hot(trip, stamps, base, None, not items.issuperset(stamps))
        self.trips[trip_id] = hot
        self._hot[trip_id] = hot
        self._hot.move_to_end(trip_id)
        self._views[trip_id] = snap.view
        self._order[trip_id] = snap.view.start_date or date.max
        return trip_id

    # -- gathering facts --------------------------------------------------------------

    def apply(
        self, event: DomainEvent | ArticleSource, position: int, recorded_at: datetime
    ) -> None:
        """Fold one event (events must come in log order); an article may come as its
        `ArticleSource` (see `decode_for_fold`)."""
        if self._dirty and recorded_at != self.recorded_at:
            self.flush()  # the previous transaction is complete
        self.position = position
        self.recorded_at = recorded_at
        gather = _GATHER.get(type(event))
        if gather is None:
            gather = _gatherer(type(event))
        if gather is _article:
            self.articles.record(event)  # type: ignore[arg-type]
            return
        if gather is _ignore:
            return
        index = self.articles.index
        articles: list[int] = []
        for p in event.provenance:  # type: ignore[union-attr]
            number = index.get(p.article_id)
            articles.append(self.articles.number(p.article_id) if number is None else number)
        trip_id: str = event.trip_id  # type: ignore[union-attr]
        hot = self._hot.get(trip_id)
        if hot is None:
            hot = self._touch(event)  # type: ignore[arg-type]
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
            gather(self, trip, event, articles)
        except BaseException:
            self._unsettle(hot)
            raise
        if positions is None:
            self._dirty[trip_id] = [position]
            self._hot.move_to_end(trip_id)
        else:
            positions.append(position)

    def _touch(self, event: TripEvent) -> _Hot | None:
        """The trip of an event, decoded (and kept so) or founded; None if neither."""
        trip_id = event.trip_id
        held = self.trips.get(trip_id)
        if isinstance(held, bytes):
            hot = self._thaw(held)
        elif held is None:
            principal = getattr(event, "principal", None)
            if not isinstance(principal, PersonRef):
                return None
            hot = _Hot(_TripState(trip_id, self._value(principal)), {}, {}, None)
        else:  # pragma: no cover - decoded trips are all in self._hot
            hot = held
        self.trips[trip_id] = hot
        self._hot[trip_id] = hot
        return hot

    def _value(self, value: PersonRef | PlaceRef | tuple[PersonRef, ...]) -> int:
        """The number of a person, a place or a list of people; equal values (to the bit:
        encoded alike) share one."""
        key = _key_encoder.encode(value)
        found = self._value_index.get(key)
        if found is None:
            found = self._value_index[key] = len(self._values)
            self._values.append(value)
        return found

    def _announced(self, trip: _TripState, event: VisitAnnounced, articles: list[int]) -> None:
        leg = trip.legs.get(event.leg_id)
        if leg is None:
            leg = _LegState(event.country_code, event.sequence)
            trip.legs[event.leg_id] = leg
        _add(leg.sources, articles)
        if event.visit_type is not None and leg.visit_type is None:
            visit_type = event.visit_type
            leg.visit_type = (
                _VISIT_TYPES[visit_type] if type(visit_type) is VisitType else visit_type.value
            )
        if leg.inviter is None and event.inviter is not None:
            leg.inviter = self._value(event.inviter)
        leg.city = leg.city or event.city
        if event.window is not None:
            _said(leg, event.window, "window", articles)
        if event.duration_days is not None and leg.duration is None:
            leg.duration = event.duration_days
        if event.event_window is not None and leg.event is None:
            leg.event = event.event_window
        if event.trip_window is not None:
            _said(trip, event.trip_window, "window", articles)

    def _named(self, trip: _TripState, event: DelegationNamed, articles: list[int]) -> None:
        trip.spouse = trip.spouse or event.spouse
        values = self._values
        for member in event.members:
            if all(values[m].name != member.name for m in trip.members):
                trip.members.append(self._value(member))

    def _departed(self, trip: _TripState, event: DelegationDeparted, articles: list[int]) -> None:
        ended = trip.legs.get(event.concluded_leg_id) if event.concluded_leg_id else None
        onward = trip.legs.get(event.next_leg_id) if event.next_leg_id else None
        _went_ahead(trip, ended, onward)
        if ended is not None:
            _add(ended.sources, articles)
            ended.concluded = True
            ended.concluded_on = ended.concluded_on or event.at.day
            ended.city = ended.city or event.place.city
            _note(ended.ends, event.at.day, "concluded", articles)
        elif trip.left_home is None:
            trip.left_home = _when(event.at)
            _add(trip.told, articles)
        if onward is not None and ended is not None:
            _add(onward.sources, articles)
            onward.entered_on = onward.entered_on or event.at.day

    def _arrived(self, trip: _TripState, event: DelegationArrived, articles: list[int]) -> None:
        leg = trip.legs.get(event.leg_id)
        _went_ahead(trip, leg)
        if leg is not None:
            _add(leg.sources, articles)
            if leg.arrived is None:
                leg.arrived = _when(event.at)
            evening = event.at.day_part in ("evening", "night")
            _note(leg.starts, event.at.day, "arrival_eve" if evening else "arrival", articles)
            leg.city = leg.city or event.place.city
            if leg.place is None:
                leg.place = self._value(event.place)

    def _leg_concluded(self, trip: _TripState, event: LegConcluded, articles: list[int]) -> None:
        leg = trip.legs.get(event.leg_id)
        _went_ahead(trip, leg)
        if leg is not None:
            _add(leg.sources, articles)
            leg.concluded = True
            leg.concluded_on = leg.concluded_on or event.on
            if event.on is not None:
                _note(leg.ends, event.on, "concluded", articles)
            if event.window is not None:
                _said(leg, event.window, "window", articles)

    def _trip_concluded(self, trip: _TripState, event: TripConcluded, articles: list[int]) -> None:
        _went_ahead(trip)
        trip.returned = True
        trip.returned_on = trip.returned_on or event.on
        _add(trip.told, articles)

    def _revised(self, trip: _TripState, event: ScheduleRevised, articles: list[int]) -> None:
        # A revision is one more reading, not an overwrite: a misread date must not
        # silently replace a right one (the rules weigh the readings). New dates after a
        # postponement are the visit rescheduled.
        _went_ahead(trip, trip.legs.get(event.leg_id) if event.leg_id else None)
        if event.leg_id is None:
            _said(trip, event.revised, "revised", articles)
        elif (leg := trip.legs.get(event.leg_id)) is not None:
            _said(leg, event.revised, "revised", articles)
            _add(leg.sources, articles)

    def _postponed(self, trip: _TripState, event: VisitPostponed, articles: list[int]) -> None:
        target = trip.legs.get(event.leg_id) if event.leg_id else trip
        if target is not None:
            target.postponed = True
            _add(target.told, articles)

    def _cancelled(self, trip: _TripState, event: VisitCancelled, articles: list[int]) -> None:
        target = trip.legs.get(event.leg_id) if event.leg_id else trip
        if target is not None:
            target.cancelled = True
            _add(target.told, articles)

    def _engaged(self, trip: _TripState, event: EngagementReported, articles: list[int]) -> None:
        held = trip.engagements.get(event.engagement_id)
        if held is None:
            # Keep what is shown, not the sentences behind it: memory grows with trips,
            # and provenance stays on the log.
            kind = event.kind
            trip.engagements[event.engagement_id] = _EngagementState(
                event.leg_id,
                _KINDS[kind] if type(kind) is EngagementKind else _kind_text(kind),
                event.title,
                self._value(tuple(event.counterparts)),
                None if event.place is None else self._value(event.place),
                None if event.at is None else _when(event.at),
                event.window,
                list(articles),
            )
        else:
            _add(held.sources, articles)

    def _corroborated(self, trip: _TripState, event: FactCorroborated, articles: list[int]) -> None:
        fact = event.fact
        if fact.startswith("leg:"):
            leg_id, _, name = fact[4:].partition(".")
            if (leg := trip.legs.get(leg_id)) is not None:
                _add(leg.sources, articles)
                if name == "window" and (window := _parse_window(event.value)) is not None:
                    _said(leg, window, "window", articles)
        elif fact == "trip.window" and (window := _parse_window(event.value)) is not None:
            _said(trip, window, "window", articles)
        elif fact.startswith(("arrival:", "concluded:")):
            kind, _, leg_id = fact.partition(":")
            day = _parse_day(event.value)
            if (leg := trip.legs.get(leg_id)) is not None and day is not None:
                _add(leg.sources, articles)
                said = leg.starts if kind == "arrival" else leg.ends
                _note(said, day, kind, articles)
        elif fact.startswith("engagement:") and (
            held := trip.engagements.get(fact.split(":", 1)[1])
        ):
            _add(held.sources, articles)

    def _disputed(self, trip: _TripState, event: ClaimDisputed, articles: list[int]) -> None:
        # One article at odds with itself: the held value stays and the claim is shown
        # beside it (the event's meaning), not weighed as another source's reading.
        names = self.articles.names
        trip.disputes.append(
            DisputeView(
                fact=_readable_fact(trip, event.fact),
                held=event.held,
                claimed=event.claimed,
                sources=[names[a] for a in articles],
            )
        )

    def _other(self, trip: _TripState, event: TripEvent, articles: list[int]) -> None:
        """A trip event the schedule shows nothing of (only its sources)."""

    # -- hot and cold -------------------------------------------------------------------

    def _unsettle(self, hot: _Hot) -> None:
        """An event failed half-way: the trip's facts may have changed without a render.
        Its items keep what they were last stamped with as signatures, as restored ones do,
        so nothing is inferred from its facts until it is rendered again."""
        for item_id, base in (hot.base or {}).items():
            if not isinstance(base, bytes):
                hot.base[item_id] = signature = _signature(base)  # type: ignore[index]
                stamp = hot.stamps.get(item_id)
                if stamp is not None:
                    hot.stamps[item_id] = _Stamp(
                        stamp.revision, stamp.at, stamp.position, signature
                    )
        hot.texts = None
        hot.version = -1

    def _evict(self) -> None:
        """Encode the least recently touched trips beyond `hot_trips` (never a dirty one:
        this runs right after a flush)."""
        limit = self.hot_trips
        if limit is None:
            return
        hot = self._hot
        while len(hot) > limit:
            trip_id, held = hot.popitem(last=False)
            self.trips[trip_id] = self._freeze(held)

    def _freeze(self, hot: _Hot) -> bytes:
        trip = hot.state
        stamps = hot.stamps
        trip_key = f"trip:{trip.trip_id}"
        aligned = [stamps.get(trip_key)]
        aligned += [stamps.get(k) for k in trip.legs]
        aligned += [stamps.get(k) for k in trip.engagements]
        extra: dict[str, _Stamp] | None = None
        if hot.loose:
            legs, engagements = trip.legs, trip.engagements
            extra = {
                item_id: stamp
                for item_id, stamp in stamps.items()
                if item_id not in legs and item_id not in engagements and item_id != trip_key
            }
        return _cold_encoder.encode(_Cold(trip, aligned, hot.texts, extra, hot.version))

    def _thaw(self, blob: bytes) -> _Hot:
        """A cold trip decoded; its base is worked out when needed (see `_fill_base`)."""
        cold = _cold_decoder.decode(blob)
        trip = cold.trip
        ids = [f"trip:{trip.trip_id}", *trip.legs, *trip.engagements]
        stamps: dict[str, _Stamp]
        if None in cold.stamps:  # items added since the last render (or a failed event)
            stamps = {
                i: stamp for i, stamp in zip(ids, cold.stamps, strict=True) if stamp is not None
            }
        else:
            stamps = dict(zip(ids, cast(list[_Stamp], cold.stamps), strict=True))
        if cold.extra is not None:
            stamps.update(cold.extra)
        return _Hot(trip, stamps, None, cold.texts, cold.extra is not None, cold.version)

    def _peek(self, trip_id: str) -> _Hot:
        """A trip's state, decoded for reading without making it hot."""
        held = self.trips[trip_id]
        return held if isinstance(held, _Hot) else self._thaw(held)

    def _fill_base(self, hot: _Hot) -> None:
        """What each item was last stamped with: the views of the state as it was last
        rendered (its facts have not changed since, and the source texts of that render
        are kept), or for items restored and not rendered since, their signatures."""
        base: dict[str, _Base] = {}
        if hot.texts is not None:
            trip = hot.state
            order = _in_order(trip.legs)
            legs, engagements, bare = self._bare(trip, order, hot.texts)
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
        hot = held if isinstance(held, _Hot) else self._thaw(held)
        trip = hot.state
        order = _in_order(trip.legs)
        texts = hot.texts
        if texts is None or hot.version != self.articles.version:
            texts = self._texts(trip)
        shared = _shared_ids(trip)
        if hot.texts is not None and hot.texts == texts and not shared:
            view = self._bare(trip, order, texts, hot.stamps)[2]
        else:
            if hot.base is None:
                self._fill_base(hot)
            view = self._render(hot, self.position, self.recorded_at or EPOCH, [], order, texts)
            if not isinstance(held, _Hot):
                self.trips[trip_id] = self._freeze(hot)
        # with shared ids every render raises revisions again: never read from memory
        self._last_read = None if shared else (trip_id, when, view, hot)
        return self._rendered(trip_id, view)

    def _texts(self, trip: _TripState) -> list[str]:
        """What the rules read of the trip's sources, two strings each: how a date basis
        names it, and its publication day (ISO, or "")."""
        about = self.articles.about
        texts: list[str] = []
        for article in trip.sources:
            texts.extend(about(article))
        return texts

    def _time_number(self, at: datetime | None) -> int:
        times = self._times
        if not times or times[-1] is not at:
            times.append(at)
        return len(times) - 1

    def _render(
        self,
        hot: _Hot,
        position: int,
        recorded_at: datetime,
        causes: list[int],
        order: list[tuple[str, _LegState]] | None = None,
        texts: list[str] | None = None,
    ) -> TripView:
        """Render a trip and raise the revision of each item whose view changed. Items
        are stamped in order and each view takes its stamp as it stands then (ids that
        are shared, if ever, see each other's changes as the original fold did)."""
        trip = hot.state
        if order is None:
            order = _in_order(trip.legs)
        if texts is None:
            texts = self._texts(trip)
        version = self.articles.version
        legs, engagements, bare = self._bare(trip, order, texts)
        stamps, base = hot.stamps, hot.base
        if base is None:  # never stamped: nothing to compare with
            base = hot.base = {}
        name = self.articles.names.__getitem__
        times = self._times
        replace = msgspec.structs.replace
        track = self.track_changes
        at = -1
        new: _Stamp | None = None
        items: list[tuple[str, Any, list[int]]] = list(legs)
        items += [(item_id, view, sources) for _, item_id, view, sources in engagements]
        items.append((f"trip:{trip.trip_id}", bare, trip.sources))
        finished: list[Any] = []
        for item_id, view, sources in items:
            stamp = stamps.get(item_id)
            if stamp is None:
                if new is None:
                    if at < 0:
                        at = self._time_number(recorded_at)
                    new = _Stamp(0, at, position)
                stamp = stamps[item_id] = new
                if track:
                    self.changes.extend((item_id, cause) for cause in causes)
            else:
                previous = base.get(item_id)
                if isinstance(previous, bytes):
                    differs = _signature(view) != previous
                    if not differs:  # from now on compared with the view
                        stamp = stamps[item_id] = _Stamp(stamp.revision, stamp.at, stamp.position)
                else:
                    differs = previous != view and (
                        previous is None or _sig.encode(previous) != _sig.encode(view)
                    )
                if differs:
                    if at < 0:
                        at = self._time_number(recorded_at)
                    stamp = stamps[item_id] = _Stamp(stamp.revision + 1, at, position)
                    if track:
                        self.changes.extend((item_id, cause) for cause in causes)
            base[item_id] = view
            finished.append(
                replace(
                    view,
                    revision=stamp.revision,
                    updated_at=times[stamp.at],
                    updated_position=stamp.position,
                    sources=list(map(name, sources)),
                )
            )
        hot.texts = texts
        hot.version = version
        done: TripView = finished.pop()
        count = len(legs)
        return replace(done, legs=finished[:count], engagements=finished[count:])

    def _bare(
        self,
        trip: _TripState,
        order: list[tuple[str, _LegState]],
        texts: list[str],
        stamps: dict[str, _Stamp] | None = None,
    ) -> tuple[list[_LegItem], list[_EngagementItem], TripView]:
        """The views of a trip's legs, engagements and the trip itself, in stamping order
        (legs by sequence, engagements by date); `texts` name the sources of the legs'
        stated dates. Without `stamps`, bare: no revision, no sources (what a revision is
        raised on). With them, finished: revisions, last changes and sources filled in."""
        values = self._values
        trip_id = trip.trip_id
        window, dates, statuses, summary = self._decide(trip, order, texts)
        name = self.articles.names.__getitem__
        value = values.__getitem__
        times = self._times
        legs: list[_LegItem] = []
        by_leg: dict[str, LegView] = {}
        disputes = list(trip.disputes)
        for i, (leg_id, leg) in enumerate(order):
            start, end = dates[i]
            status = statuses[i]
            start_certainty = None if start is None else start.certainty
            end_certainty = None if end is None else end.certainty
            place: PlaceRef | None = None if leg.place is None else values[leg.place]
            leg_shown = (
                leg_id,
                trip_id,
                i + 1,
                leg.country,
                leg.city,
                leg.visit_type,
                None if leg.inviter is None else values[leg.inviter],
                None if start is None else start.day,
                None if end is None else end.day,
                _confirmed(start, end),
                rules.date_basis(start, end),
                status.status,
                None if place is None else place.timezone,
                None if place is None else place.latitude,
                None if place is None else place.longitude,
            )
            certain = {
                "start_certainty": start_certainty,
                "end_certainty": end_certainty,
                "certainty": rules.overall(start, end),
                "status_as_of": status.as_of,
            }
            if stamps is None:
                view = LegView(*leg_shown, **certain)  # type: ignore[arg-type]
            else:
                stamp = stamps[leg_id]
                stamped_at, cited = times[stamp.at], list(map(name, leg.sources))
                view = LegView(
                    *leg_shown,
                    stamp.revision,
                    stamped_at,
                    stamp.position,
                    cited,
                    **certain,  # type: ignore[arg-type]
                )
            legs.append((leg_id, view, leg.sources))
            by_leg[leg_id] = view
            for what, dated in ((f"{leg.country} start", start), (f"{leg.country} end", end)):
                disputes += _disputes(what, dated)

        engagements: list[_EngagementItem] = []
        for engagement_id, e in trip.engagements.items():
            held_in = by_leg.get(e.leg_id) if e.leg_id else None
            place = None if e.place is None else values[e.place]
            timezone = None if place is None else place.timezone
            local_time: time | None = None
            day_part: str | None = None
            at = e.at
            if at is not None:
                local_time, day_part = at.local_time, at.day_part
                timezone = at.timezone or timezone
            day = rules.engagement_dates(
                None if at is None else at.day,
                e.window,
                e.title,
                None if held_in is None else held_in.country_code,
                None if held_in is None else held_in.start_date,
                None if held_in is None else held_in.end_date,
            )
            first, final = day.first, day.final
            if timezone is None and held_in is not None:
                timezone = held_in.timezone
            status_text: EngagementStatus = (
                "cancelled" if held_in is not None and held_in.status == "cancelled" else "reported"
            )
            engagement_shown = (
                engagement_id,
                trip_id,
                e.leg_id,
                e.kind,
                e.title,
                list(values[e.counterparts]),
                place,
                first,
                final,
                local_time,
                day_part,
                timezone,
                day.basis,
                status_text,
            )
            sure = day.certainty
            if stamps is None:
                engagement = EngagementView(
                    *engagement_shown, start_certainty=sure, end_certainty=sure, certainty=sure
                )
            else:
                stamp = stamps[engagement_id]
                stamped_at, cited = times[stamp.at], list(map(name, e.sources))
                engagement = EngagementView(
                    *engagement_shown,
                    stamp.revision,
                    stamped_at,
                    stamp.position,
                    cited,
                    start_certainty=sure,
                    end_certainty=sure,
                    certainty=sure,
                )
            engagements.append((first or date.max, engagement_id, engagement, e.sources))
        engagements.sort()  # ids are unique: views are never compared

        start, end = summary.start, summary.end
        disputes += _disputes("trip start", window[0])
        disputes += _disputes("trip end", window[1])
        trip_shown = (
            trip_id,
            values[trip.principal],
            trip.spouse,
            list(map(value, trip.members)),
            None if start is None else start.day,
            None if end is None else end.day,
            _confirmed(start, end),
            summary.status,
        )
        trip_certain = {
            "start_certainty": None if start is None else start.certainty,
            "end_certainty": None if end is None else end.certainty,
            "certainty": rules.overall(start, end),
            "status_as_of": summary.as_of,
        }
        if stamps is None:
            bare = TripView(*trip_shown, [], [], disputes, [], **trip_certain)  # type: ignore[arg-type]
            return legs, engagements, bare
        stamp = stamps[f"trip:{trip_id}"]
        finished = TripView(
            *trip_shown,
            [view for _, view, _ in legs],
            [engagement for _, _, engagement, _ in engagements],
            disputes,
            list(map(name, trip.sources)),
            stamp.revision,
            times[stamp.at],
            stamp.position,
            **trip_certain,  # type: ignore[arg-type]
        )
        return legs, engagements, finished

    def _decide(
        self, trip: _TripState, order: list[tuple[str, _LegState]], texts: list[str] | None
    ) -> tuple[
        tuple[Dated | None, Dated | None],
        list[tuple[Dated | None, Dated | None]],
        list[rules.LegStatus],
        rules.TripSummary,
    ]:
        """What the rules decide from the trip's evidence: its stated window, each leg's
        dates and status, and the trip's summary. `texts`: see `_texts`."""
        names = self.articles.names
        about: dict[int, tuple[str, date | None]] = {}
        if texts is not None:
            for k, article in enumerate(trip.sources):
                label, published = texts[2 * k], texts[2 * k + 1]
                about[article] = (label, _iso_day(published) if published else None)
        unknown = ("a source", None)

        def readings(said: list[_Said]) -> tuple[Reading, ...]:
            found = []
            for x in said:
                label, published = about.get(x.source, unknown)
                found.append(Reading(x.day, x.kind, names[x.source], published, label))
            return tuple(found)

        def reported(*groups: list[int]) -> tuple[date, ...]:
            days = []
            for group in groups:
                for article in group:
                    published = about.get(article, unknown)[1]
                    if published is not None:
                        days.append(published)
            return tuple(days)

        engaged: dict[str, tuple[date, ...]] = {}
        for e in trip.engagements.values():
            if e.leg_id is not None and e.at is not None:
                engaged[e.leg_id] = (*engaged.get(e.leg_id, ()), e.at.day)
        facts = TripFacts(
            starts=readings(trip.starts),
            ends=readings(trip.ends),
            left_home=None if trip.left_home is None else trip.left_home.day,
            returned_on=trip.returned_on,
            returned=trip.returned,
            postponed=trip.postponed,
            cancelled=trip.cancelled,
            reported=reported(trip.sources),
            status_reported=reported(trip.told),
        )
        evidence = [
            LegEvidence(
                starts=readings(leg.starts),
                ends=readings(leg.ends),
                duration=leg.duration,
                entered_on=leg.entered_on,
                concluded_on=leg.concluded_on,
                concluded=leg.concluded,
                started=leg.arrived is not None or leg.entered_on is not None or leg.concluded,
                postponed=leg.postponed,
                cancelled=leg.cancelled,
                reported=reported(leg.sources, leg.told),
                engaged=engaged.get(leg_id, ()),
                event=leg.event,
            )
            for leg_id, leg in order
        ]
        window = rules.trip_window(facts)
        dates = rules.date_legs(evidence, facts, window)
        statuses = [
            rules.leg_status(leg, i == 0, evidence[i - 1] if i else None, evidence[i + 1 :], facts)
            for i, leg in enumerate(evidence)
        ]
        summary = rules.trip_summary(dates, [s.status for s in statuses], facts, window)
        return window, dates, statuses, summary

    # -- the snapshot format ------------------------------------------------------------

    def _to_snapshot(self, trip: _TripState) -> _Trip:
        values = self._values
        names = self.articles.names

        def value(number: int | None) -> Any:
            return None if number is None else values[number]

        return _Trip(
            trip_id=trip.trip_id,
            principal=values[trip.principal],
            spouse=trip.spouse,
            members=[values[m] for m in trip.members],
            left_home=_moment(trip.left_home),
            returned_on=trip.returned_on,
            returned=trip.returned,
            postponed=trip.postponed,
            cancelled=trip.cancelled,
            legs={
                leg_id: _Leg(
                    leg_id=leg_id,
                    country=leg.country,
                    sequence=leg.sequence,
                    visit_type=leg.visit_type,
                    inviter=value(leg.inviter),
                    city=leg.city,
                    place=value(leg.place),
                    duration=leg.duration,
                    arrived=_moment(leg.arrived),
                    concluded=leg.concluded,
                    concluded_on=leg.concluded_on,
                    entered_on=leg.entered_on,
                    postponed=leg.postponed,
                    cancelled=leg.cancelled,
                    sources=[names[s] for s in leg.sources],
                    starts=[(x.day, x.kind, names[x.source]) for x in leg.starts],
                    ends=[(x.day, x.kind, names[x.source]) for x in leg.ends],
                    told=[names[s] for s in leg.told],
                )
                for leg_id, leg in trip.legs.items()
            },
            engagements={
                engagement_id: _Engagement(
                    EngagementReported(
                        trip_id=trip.trip_id,
                        provenance=[],
                        engagement_id=engagement_id,
                        leg_id=e.leg_id,
                        kind=_kind(e.kind),
                        title=e.title,
                        counterparts=list(values[e.counterparts]),
                        place=value(e.place),
                        at=_moment(e.at),
                        window=e.window,
                    ),
                    [names[s] for s in e.sources],
                )
                for engagement_id, e in trip.engagements.items()
            },
            disputes=list(trip.disputes),
            sources=[names[s] for s in trip.sources],
            starts=[(x.day, x.kind, names[x.source]) for x in trip.starts],
            ends=[(x.day, x.kind, names[x.source]) for x in trip.ends],
            told=[names[s] for s in trip.told],
        )

    def _from_snapshot(self, trip: _Trip) -> _TripState:
        number = self.articles.number

        def value(held: PersonRef | PlaceRef | None) -> int | None:
            return None if held is None else self._value(held)

        def when(moment: Moment | None) -> _When | None:
            return None if moment is None else _when(moment)

        return _TripState(
            trip_id=trip.trip_id,
            principal=self._value(trip.principal),
            spouse=trip.spouse,
            members=[self._value(m) for m in trip.members],
            left_home=when(trip.left_home),
            returned_on=trip.returned_on,
            returned=trip.returned,
            postponed=trip.postponed,
            cancelled=trip.cancelled,
            legs={
                leg_id: _LegState(
                    country=leg.country,
                    sequence=leg.sequence,
                    visit_type=leg.visit_type,
                    inviter=value(leg.inviter),
                    city=leg.city,
                    place=value(leg.place),
                    duration=leg.duration,
                    arrived=when(leg.arrived),
                    concluded=leg.concluded,
                    concluded_on=leg.concluded_on,
                    entered_on=leg.entered_on,
                    postponed=leg.postponed,
                    cancelled=leg.cancelled,
                    sources=[number(s) for s in leg.sources],
                    starts=[_Said(day, kind, number(a)) for day, kind, a in leg.starts],
                    ends=[_Said(day, kind, number(a)) for day, kind, a in leg.ends],
                    told=[number(s) for s in leg.told],
                )
                for leg_id, leg in trip.legs.items()
            },
            engagements={
                engagement_id: _EngagementState(
                    leg_id=held.event.leg_id,
                    kind=_kind_text(held.event.kind),
                    title=held.event.title,
                    counterparts=self._value(tuple(held.event.counterparts)),
                    place=value(held.event.place),
                    at=when(held.event.at),
                    window=held.event.window,
                    sources=[number(s) for s in held.sources],
                )
                for engagement_id, held in trip.engagements.items()
            },
            disputes=list(trip.disputes),
            sources=[number(s) for s in trip.sources],
            starts=[_Said(day, kind, number(a)) for day, kind, a in trip.starts],
            ends=[_Said(day, kind, number(a)) for day, kind, a in trip.ends],
            told=[number(s) for s in trip.told],
        )


#: Publication days as the rules read them, parsed once (a trip's sources are read on
#: every render of it).
_iso_day = lru_cache(maxsize=4096)(date.fromisoformat)


def _confirmed(start: Dated | None, end: Dated | None) -> bool:
    """`dates_confirmed`: both dates stated by sources (derived from their certainty)."""
    return (
        start is not None
        and end is not None
        and start.certainty.confirmed
        and end.certainty.confirmed
    )


def _disputes(what: str, dated: Dated | None) -> list[DisputeView]:
    """The readings a disputed date did not show, each with its sources."""
    return [
        DisputeView(fact, held, claimed, sources, list(dated.sources if dated else ()))
        for fact, held, claimed, sources in rules.disputed_readings(what, dated)
    ]


def _went_ahead(trip: _TripState, *legs: _LegState | None) -> None:
    """A movement or new dates reported after a postponement: the visit went ahead (or
    was rescheduled), so the postponement is history. Log order is report order."""
    trip.postponed = False
    for leg in legs:
        if leg is not None:
            leg.postponed = False


def _shared_ids(trip: _TripState) -> bool:
    """Whether two of a trip's items have the same id (never from ingestion: a leg id is
    its trip's id and a country, an engagement's its leg's or trip's id and a key)."""
    legs, engagements = trip.legs, trip.engagements
    trip_key = f"trip:{trip.trip_id}"
    return trip_key in legs or trip_key in engagements or not legs.keys().isdisjoint(engagements)


_KINDS = {kind: kind.value for kind in EngagementKind}
_VISIT_TYPES = {visit_type: visit_type.value for visit_type in VisitType}


def _kind_text(kind: Any) -> str:
    return kind.value if isinstance(kind, EngagementKind) else str(kind)


def _kind(kind: str) -> EngagementKind:
    try:
        return EngagementKind(kind)
    except ValueError:  # not one of ours (not from a decoded event): kept as it was
        return cast(EngagementKind, kind)


def _readable_fact(trip: _TripState, fact: str) -> str:
    if fact.startswith("leg:"):
        leg_id, _, name = fact[4:].partition(".")
        country = trip.legs[leg_id].country if leg_id in trip.legs else leg_id
        return f"{country} {name.replace('_', ' ')}"
    return fact.replace("_", " ")


_Gather = Callable[[ScheduleFold, _TripState, Any, list[int]], None]


def _article(fold: ScheduleFold, trip: _TripState, event: Any, articles: list[int]) -> None:
    """Marker: an `ArticleRecorded` (handled in `apply`)."""


def _ignore(fold: ScheduleFold, trip: _TripState, event: Any, articles: list[int]) -> None:
    """Marker: not an event the schedule folds."""


_BY_TYPE: list[tuple[type[DomainEvent], _Gather]] = [
    (VisitAnnounced, ScheduleFold._announced),
    (DelegationNamed, ScheduleFold._named),
    (DelegationDeparted, ScheduleFold._departed),
    (DelegationArrived, ScheduleFold._arrived),
    (LegConcluded, ScheduleFold._leg_concluded),
    (TripConcluded, ScheduleFold._trip_concluded),
    (ScheduleRevised, ScheduleFold._revised),
    (VisitPostponed, ScheduleFold._postponed),
    (VisitCancelled, ScheduleFold._cancelled),
    (EngagementReported, ScheduleFold._engaged),
    (FactCorroborated, ScheduleFold._corroborated),
    (ClaimDisputed, ScheduleFold._disputed),
]
_GATHER: dict[type, _Gather] = {}


def _gatherer(kind: type) -> _Gather:
    """How an event type is folded: the first matching case, as isinstance decides."""
    found: _Gather
    if issubclass(kind, (ArticleRecorded, ArticleSource)):
        found = _article
    elif not issubclass(kind, TripEvent):
        found = _ignore
    else:
        found = next((g for t, g in _BY_TYPE if issubclass(kind, t)), ScheduleFold._other)
    _GATHER[kind] = found
    return found
