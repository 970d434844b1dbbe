"""Fold the log into the schedule: trips, their legs in order, engagements, delegation,
disputes and sources, with what is stated and what is inferred. Pure and deterministic:
the same events give the same schedule, byte for byte, whenever they are folded.

Inference rules (each named in a leg's `date_basis`):
- `stated`: a source gives the leg's dates; a stated date always beats an inferred one.
- `arrival`: a leg starts on the day the delegation arrived.
- `previous_concluded`: else on the day the previous leg concluded (the delegation left
  it for this one).
- `departure_from_home`: else the first leg starts when the delegation left home (or on
  the trip's first day when only that is known: `trip_start`).
- `duration`: a leg with a duration and no stated end ends at start + duration - 1.
- `concluded`: a leg ends on the day it was reported concluded.
- `trip_end`: the last leg ends with the trip.
- `neighbours`: a leg without such dates gets the window its dated neighbours leave.

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
import re
from collections import OrderedDict
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

import msgspec

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
from calendar_svc.domain.values import (
    DateWindow,
    EngagementKind,
    Moment,
    PersonRef,
    PlaceRef,
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
    status: str  # announced, in_progress, concluded, postponed, cancelled
    timezone: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    revision: int = 0
    updated_at: datetime | None = None
    updated_position: int = 0
    sources: list[str] = msgspec.field(default_factory=list)


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
    status: str  # reported, cancelled
    revision: int = 0
    updated_at: datetime | None = None
    updated_position: int = 0
    sources: list[str] = msgspec.field(default_factory=list)


class DisputeView(msgspec.Struct, frozen=True):
    fact: str
    held: str
    claimed: str
    sources: list[str]


class TripView(msgspec.Struct, frozen=True):
    trip_id: str
    principal: PersonRef
    spouse: str | None
    members: list[PersonRef]
    start_date: date | None
    end_date: date | None
    dates_confirmed: bool
    status: str
    legs: list[LegView]
    engagements: list[EngagementView]
    disputes: list[DisputeView]
    sources: list[str]
    revision: int = 0
    updated_at: datetime | None = None
    updated_position: int = 0


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
    window: DateWindow | None = None
    window_source: str | None = None
    duration: int | None = None
    arrived: Moment | None = None
    concluded: bool = False
    concluded_on: date | None = None
    entered_on: date | None = None  # the delegation left the previous leg for this one
    postponed: bool = False
    cancelled: bool = False
    sources: list[str] = field(default_factory=list)


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
    window: DateWindow | None = None
    window_source: str | None = None
    left_home: Moment | None = None
    returned_on: date | None = None
    returned: bool = False
    postponed: bool = False
    cancelled: bool = False
    legs: dict[str, _Leg] = field(default_factory=dict)
    engagements: dict[str, _Engagement] = field(default_factory=dict)
    disputes: list[DisputeView] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


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


class _LegState(msgspec.Struct, array_like=True, gc=False):
    country: str
    sequence: int
    visit_type: str | None = None
    inviter: int | None = None  # value number
    city: str | None = None
    place: int | None = None  # value number
    window: DateWindow | None = None
    window_source: int | None = None  # article number
    duration: int | None = None
    arrived: _When | None = None
    concluded: bool = False
    concluded_on: date | None = None
    entered_on: date | None = None  # the delegation left the previous leg for this one
    postponed: bool = False
    cancelled: bool = False
    sources: list[int] = []


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
    window: DateWindow | None = None
    window_source: int | None = None
    left_home: _When | None = None
    returned_on: date | None = None
    returned: bool = False
    postponed: bool = False
    cancelled: bool = False
    legs: dict[str, _LegState] = {}
    engagements: dict[str, _EngagementState] = {}
    disputes: list[DisputeView] = []
    sources: list[int] = []


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


class _Articles(MutableMapping[str, SourceRef]):
    """`fold.articles`: article id -> `SourceRef`, as a dict, but stored compactly.

    Recorded articles are kept as small msgpack tuples and decoded when read; ids are
    numbered in one table, which the fold's sources use too (one copy of each id)."""

    __slots__ = ("_data", "_missing", "_texts", "index", "names", "version")

    def __init__(self) -> None:
        self._data: dict[str, SourceRef | bytes] = {}
        self.names: list[str] = []
        self.index: dict[str, int] = {}
        self._texts: dict[int, str] = {}  # article number -> `text`, while it holds
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

    def text_of(self, number: int) -> str:
        """How a leg's date basis names an article (`dates stated by ...`)."""
        text = self._texts.get(number)
        if text is None:
            if len(self._texts) >= 4096:
                self._texts.clear()
            article_id = self.names[number]
            if article_id not in self._data:
                self._missing.add(number)
            text = self._texts[number] = self.text(article_id)
        return text

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


# -- fixed-date commemorations: world knowledge an engagement's title can point to ---------

_COMMEMORATIONS: list[tuple[re.Pattern[str], frozenset[str], int, int, str]] = [
    (
        re.compile(r"Great Patriotic War|Victory Day|Chiến tranh Vệ quốc", re.IGNORECASE),
        frozenset({"RU", "BY"}),
        5,
        9,
        "Victory Day in the Great Patriotic War is marked on 9 May",
    ),
    (
        re.compile(r"\bNational Day\b|Quốc khánh", re.IGNORECASE),
        frozenset({"VN"}),
        9,
        2,
        "Việt Nam's National Day is 2 September",
    ),
    (
        re.compile(r"\bNational Day\b|Quốc khánh", re.IGNORECASE),
        frozenset({"CN"}),
        10,
        1,
        "China's National Day is 1 October",
    ),
    (
        re.compile(r"Bastille Day|Fête nationale|\bNational Day\b|Quốc khánh", re.IGNORECASE),
        frozenset({"FR"}),
        7,
        14,
        "France's national day is 14 July",
    ),
    (
        re.compile(r"Independence Day|Quốc khánh", re.IGNORECASE),
        frozenset({"US"}),
        7,
        4,
        "Independence Day in the United States is 4 July",
    ),
]


_COMMEMORATED = frozenset().union(*(countries for _, countries, _, _, _ in _COMMEMORATIONS))


def _commemoration_day(
    title: str, country: str | None, window: DateWindow | None
) -> tuple[date, str] | None:
    if window is None:
        return None
    for pattern, countries, month, day, why in _COMMEMORATIONS:
        if country in countries and pattern.search(title):
            for year in {window.start.year, window.end.year}:
                candidate = date(year, month, day)
                if window.contains(candidate):
                    return candidate, why
    return None


# -- the fold -----------------------------------------------------------------------------

#: Trips kept decoded (the most recently touched stay). Events of one trip cluster in
#: time, so a hundred or so cover the trips in flight; the rest wait as encoded blobs.
#: (Larger sets encode a trip long after its objects were last used, which costs more.)
HOT_TRIPS = 128

_LegItem = tuple[str, LegView, list[int]]
_EngagementItem = tuple[date, str, EngagementView, list[int]]  # sorted by date, id


def _leg_key(item: tuple[str, _LegState]) -> tuple[int, str]:
    return item[1].sequence, item[0]


#: The version of the rules that decide what a view shows (dates, certainty, status,
#: wording). Bump it with any change to them: a stored schedule folded by other rules
#: is rebuilt from the log instead of being served (see projections/schedule.py).
RULES_VERSION = 1


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
        order = sorted(legs.items(), key=_leg_key)
        hot.texts = self._texts(order)
        hot.version = self.articles.version
        hot.base = None
        self._order[trip.trip_id] = _start_day(trip, order) or date.max
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
        if event.window is not None and leg.window is None:
            leg.window, leg.window_source = event.window, articles[0]
        if event.duration_days is not None and leg.duration is None:
            leg.duration = event.duration_days
        if event.trip_window is not None and trip.window is None:
            trip.window, trip.window_source = event.trip_window, articles[0]

    def _named(self, trip: _TripState, event: DelegationNamed, articles: list[int]) -> None:
        trip.spouse = trip.spouse or event.spouse
        values = self._values
        for member in event.members:
            if all(values[m].name != member.name for m in trip.members):
                trip.members.append(self._value(member))

    def _departed(self, trip: _TripState, event: DelegationDeparted, articles: list[int]) -> None:
        ended = trip.legs.get(event.concluded_leg_id) if event.concluded_leg_id else None
        onward = trip.legs.get(event.next_leg_id) if event.next_leg_id else None
        if ended is not None:
            _add(ended.sources, articles)
            ended.concluded = True
            ended.concluded_on = ended.concluded_on or event.at.day
            ended.city = ended.city or event.place.city
        elif trip.left_home is None:
            trip.left_home = _when(event.at)
        if onward is not None and ended is not None:
            _add(onward.sources, articles)
            onward.entered_on = onward.entered_on or event.at.day

    def _arrived(self, trip: _TripState, event: DelegationArrived, articles: list[int]) -> None:
        leg = trip.legs.get(event.leg_id)
        if leg is not None:
            _add(leg.sources, articles)
            if leg.arrived is None:
                leg.arrived = _when(event.at)
            leg.city = leg.city or event.place.city
            if leg.place is None:
                leg.place = self._value(event.place)

    def _leg_concluded(self, trip: _TripState, event: LegConcluded, articles: list[int]) -> None:
        leg = trip.legs.get(event.leg_id)
        if leg is not None:
            _add(leg.sources, articles)
            leg.concluded = True
            leg.concluded_on = leg.concluded_on or event.on
            if event.window is not None and leg.window is None:
                leg.window, leg.window_source = event.window, articles[0]

    def _trip_concluded(self, trip: _TripState, event: TripConcluded, articles: list[int]) -> None:
        trip.returned = True
        trip.returned_on = trip.returned_on or event.on

    def _revised(self, trip: _TripState, event: ScheduleRevised, articles: list[int]) -> None:
        if event.leg_id is None:
            trip.window, trip.window_source = event.revised, articles[0]
        elif (leg := trip.legs.get(event.leg_id)) is not None:
            leg.window, leg.window_source = event.revised, articles[0]
            _add(leg.sources, articles)

    def _postponed(self, trip: _TripState, event: VisitPostponed, articles: list[int]) -> None:
        target = trip.legs.get(event.leg_id) if event.leg_id else trip
        if target is not None:
            target.postponed = True

    def _cancelled(self, trip: _TripState, event: VisitCancelled, articles: list[int]) -> None:
        target = trip.legs.get(event.leg_id) if event.leg_id else trip
        if target is not None:
            target.cancelled = True

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
            leg_id = fact[4:].split(".", 1)[0]
            if (leg := trip.legs.get(leg_id)) is not None:
                _add(leg.sources, articles)
        elif fact.startswith("engagement:") and (
            held := trip.engagements.get(fact.split(":", 1)[1])
        ):
            _add(held.sources, articles)

    def _disputed(self, trip: _TripState, event: ClaimDisputed, articles: list[int]) -> None:
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
            order = sorted(trip.legs.items(), key=_leg_key)
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
        order = sorted(trip.legs.items(), key=_leg_key)
        texts = hot.texts
        if texts is None or hot.version != self.articles.version:
            texts = self._texts(order)
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

    def _texts(self, order: list[tuple[str, _LegState]]) -> list[str]:
        """How each leg with stated dates names its source, as its date basis says."""
        texts: list[str] = []
        for _leg_id, leg in order:
            if leg.window is not None:
                source = leg.window_source
                texts.append("a source" if source is None else self.articles.text_of(source))
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
            order = sorted(trip.legs.items(), key=_leg_key)
        if texts is None:
            texts = self._texts(order)
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
        window = trip.window
        trip_start = window.start if window is not None else None
        trip_end = window.end if window is not None else trip.returned_on
        left_home = trip.left_home
        count = len(order)
        last = count - 1
        starts: list[_Bound | None] = []
        ends: list[_Bound | None] = []
        text = 0
        previous: _LegState | None = None
        for i, (_leg_id, leg) in enumerate(order):
            stated = leg.window
            start: _Bound | None
            if stated is not None:
                why = f"dates stated by {texts[text]}"
                text += 1
                start = (stated.start, "stated", why, True)
            elif leg.arrived is not None:
                start = (leg.arrived.day, "arrival", "the delegation arrived that day", True)
            elif leg.entered_on is not None:
                start = (leg.entered_on, "previous_concluded", _ENTERED, False)
            elif previous is not None and previous.concluded_on is not None:
                start = (previous.concluded_on, "previous_concluded", _PREVIOUS, False)
            elif i == 0 and left_home is not None:  # before any leg's own evidence
                start = (left_home.day, "departure_from_home", _LEFT_HOME, False)
            elif i == 0 and trip_start is not None:
                start = (trip_start, "trip_start", "the trip starts that day", False)
            else:
                start = None
            end: _Bound | None
            if stated is not None:
                end = (stated.end, "stated", why, True)
            elif leg.duration is not None and start is not None:
                end = (
                    start[0] + timedelta(days=leg.duration - 1),
                    "duration",
                    f"a {leg.duration}-day visit",
                    False,
                )
            elif leg.concluded_on is not None:
                end = (leg.concluded_on, "concluded", "the leg was reported concluded", True)
            elif i == last and trip_end is not None:
                end = (trip_end, "trip_end", "the last leg ends with the trip", False)
            else:
                end = None
            starts.append(start)
            ends.append(end)
            previous = leg

        if count > 1:
            # what bounds a leg without its own dates: the latest bound before it, the
            # earliest after it (the legs' own bounds, not the ones filled in here)
            floors: list[date | None] = []
            floor: date | None = None
            for i in range(count):
                floors.append(floor)
                for bound in (ends[i], starts[i]):
                    if bound is not None and (floor is None or bound[0] > floor):
                        floor = bound[0]
            ceilings: list[date | None] = [None] * count
            ceiling: date | None = None
            later_started = [False] * count
            started = False
            for i in range(last, -1, -1):
                ceilings[i] = ceiling
                later_started[i] = started
                for bound in (starts[i], ends[i]):
                    if bound is not None and (ceiling is None or bound[0] < ceiling):
                        ceiling = bound[0]
                leg = order[i][1]
                started = started or _leg_started(leg)
        else:
            floors = ceilings = [None]
            later_started = [False]

        name = self.articles.names.__getitem__
        value = values.__getitem__
        times = self._times
        legs: list[_LegItem] = []
        by_leg: dict[str, LegView] = {}
        previous = None
        earliest: date | None = None  # of the legs' starts
        latest: date | None = None  # of the legs' ends
        under_way = False  # a leg in progress or concluded
        status_of_last: str | None = None
        for i, (leg_id, leg) in enumerate(order):
            start, end = starts[i], ends[i]
            if start is None:
                low = floors[i]
                if low is None:
                    low = trip_start
                if low is not None:
                    start = (low, "neighbours", _BEFORE, False)
            if end is None:
                high = ceilings[i]
                if high is None:
                    high = trip_end
                if high is not None:
                    end = (high, "neighbours", _AFTER, False)
            if start is not None and end is not None and end[0] < start[0]:
                end = (start[0], end[1], end[2] + " (clamped to the start)", False)
            if start is not None:
                basis = f"starts {start[0].isoformat()}: {start[2]} (rule {start[1]})"
                if end is not None:
                    basis += f"; ends {end[0].isoformat()}: {end[2]} (rule {end[1]})"
            elif end is not None:
                basis = f"ends {end[0].isoformat()}: {end[2]} (rule {end[1]})"
            else:
                basis = "no dates known yet"
            if leg.cancelled or trip.cancelled:
                status = "cancelled"
            elif leg.postponed or trip.postponed:
                status = "postponed"
            elif leg.concluded or trip.returned or later_started[i]:
                status = "concluded"
            elif (
                _leg_started(leg)
                or (i == 0 and left_home is not None)
                or (previous is not None and previous.concluded)
            ):
                status = "in_progress"
            else:
                status = "announced"
            place: PlaceRef | None = None if leg.place is None else values[leg.place]
            leg_shown = (
                leg_id,
                trip_id,
                i + 1,
                leg.country,
                leg.city,
                leg.visit_type,
                None if leg.inviter is None else values[leg.inviter],
                None if start is None else start[0],
                None if end is None else end[0],
                start is not None and end is not None and start[3] and end[3],
                basis,
                status,
                None if place is None else place.timezone,
                None if place is None else place.latitude,
                None if place is None else place.longitude,
            )
            if stamps is None:
                view = LegView(*leg_shown)
            else:
                stamp = stamps[leg_id]
                stamped_at, cited = times[stamp.at], list(map(name, leg.sources))
                view = LegView(*leg_shown, stamp.revision, stamped_at, stamp.position, cited)
            legs.append((leg_id, view, leg.sources))
            by_leg[leg_id] = view
            previous = leg
            if start is not None and (earliest is None or start[0] < earliest):
                earliest = start[0]
            if end is not None and (latest is None or end[0] > latest):
                latest = end[0]
            under_way = under_way or status in ("in_progress", "concluded")
            status_of_last = status

        engagements: list[_EngagementItem] = []
        for engagement_id, e in trip.engagements.items():
            held_in = by_leg.get(e.leg_id) if e.leg_id else None
            place = None if e.place is None else values[e.place]
            timezone = None if place is None else place.timezone
            local_time: time | None = None
            day_part: str | None = None
            first: date | None
            final: date | None
            at = e.at
            if at is not None:
                first = final = at.day
                local_time, day_part = at.local_time, at.day_part
                timezone = at.timezone or timezone
                basis = "date stated"
            else:
                during = e.window
                if (
                    during is None
                    and held_in is not None
                    and held_in.start_date
                    and held_in.end_date
                    and held_in.start_date <= held_in.end_date
                ):
                    during = DateWindow(held_in.start_date, held_in.end_date)
                country = held_in.country_code if held_in is not None else None
                known = (
                    _commemoration_day(e.title, country, during)
                    if country in _COMMEMORATED
                    else None
                )
                if known is not None:
                    first = final = known[0]
                    basis = f"inferred: {known[1]} (rule commemoration)"
                elif during is not None:
                    first, final = during.start, during.end
                    basis = "during the visit; the day is not stated (rule leg_window)"
                else:
                    first = final = None
                    basis = "no date known yet"
            if timezone is None and held_in is not None:
                timezone = held_in.timezone
            status = (
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
                basis,
                status,
            )
            if stamps is None:
                engagement = EngagementView(*engagement_shown)
            else:
                stamp = stamps[engagement_id]
                stamped_at, cited = times[stamp.at], list(map(name, e.sources))
                engagement = EngagementView(
                    *engagement_shown, stamp.revision, stamped_at, stamp.position, cited
                )
            engagements.append((first or date.max, engagement_id, engagement, e.sources))
        engagements.sort()  # ids are unique: views are never compared

        if window is not None:
            first, final, confirmed = window.start, window.end, True
        else:
            first = left_home.day if left_home is not None else earliest
            final = trip.returned_on or latest
            confirmed = False
        if trip.cancelled:
            status = "cancelled"
        elif trip.postponed:
            status = "postponed"
        elif trip.returned or status_of_last == "concluded":
            status = "concluded"
        elif left_home is not None or under_way:
            status = "in_progress"
        else:
            status = "announced"
        if stamps is None:
            bare = TripView(
                trip_id,
                values[trip.principal],
                trip.spouse,
                list(map(value, trip.members)),
                first,
                final,
                confirmed,
                status,
                [],
                [],
                list(trip.disputes),
                [],
            )
            return legs, engagements, bare
        stamp = stamps[f"trip:{trip_id}"]
        finished = TripView(
            trip_id,
            values[trip.principal],
            trip.spouse,
            list(map(value, trip.members)),
            first,
            final,
            confirmed,
            status,
            [view for _, view, _ in legs],
            [engagement for _, _, engagement, _ in engagements],
            list(trip.disputes),
            list(map(name, trip.sources)),
            stamp.revision,
            times[stamp.at],
            stamp.position,
        )
        return legs, engagements, finished

    # -- the snapshot format ------------------------------------------------------------

    def _to_snapshot(self, trip: _TripState) -> _Trip:
        values = self._values
        names = self.articles.names

        def value(number: int | None) -> Any:
            return None if number is None else values[number]

        def name(number: int | None) -> str | None:
            return None if number is None else names[number]

        return _Trip(
            trip_id=trip.trip_id,
            principal=values[trip.principal],
            spouse=trip.spouse,
            members=[values[m] for m in trip.members],
            window=trip.window,
            window_source=name(trip.window_source),
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
                    window=leg.window,
                    window_source=name(leg.window_source),
                    duration=leg.duration,
                    arrived=_moment(leg.arrived),
                    concluded=leg.concluded,
                    concluded_on=leg.concluded_on,
                    entered_on=leg.entered_on,
                    postponed=leg.postponed,
                    cancelled=leg.cancelled,
                    sources=[names[s] for s in leg.sources],
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
        )

    def _from_snapshot(self, trip: _Trip) -> _TripState:
        number = self.articles.number

        def value(held: PersonRef | PlaceRef | None) -> int | None:
            return None if held is None else self._value(held)

        def article(article_id: str | None) -> int | None:
            return None if article_id is None else number(article_id)

        def when(moment: Moment | None) -> _When | None:
            return None if moment is None else _when(moment)

        return _TripState(
            trip_id=trip.trip_id,
            principal=self._value(trip.principal),
            spouse=trip.spouse,
            members=[self._value(m) for m in trip.members],
            window=trip.window,
            window_source=article(trip.window_source),
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
                    window=leg.window,
                    window_source=article(leg.window_source),
                    duration=leg.duration,
                    arrived=when(leg.arrived),
                    concluded=leg.concluded,
                    concluded_on=leg.concluded_on,
                    entered_on=leg.entered_on,
                    postponed=leg.postponed,
                    cancelled=leg.cancelled,
                    sources=[number(s) for s in leg.sources],
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
        )


_Bound = tuple[date, str, str, bool]  # day, rule, why, confirmed
_ENTERED = "the delegation left the previous leg for this one that day"
_PREVIOUS = "the previous leg concluded that day"
_LEFT_HOME = "the delegation left home that day"
_BEFORE = "no source states it; bounded by the legs before it"
_AFTER = "no source states it; bounded by the legs after it"


def _shared_ids(trip: _TripState) -> bool:
    """Whether two of a trip's items have the same id (never from ingestion: a leg id is
    its trip's id and a country, an engagement's its leg's or trip's id and a key)."""
    legs, engagements = trip.legs, trip.engagements
    trip_key = f"trip:{trip.trip_id}"
    return trip_key in legs or trip_key in engagements or not legs.keys().isdisjoint(engagements)


def _start_day(trip: _TripState, order: list[tuple[str, _LegState]]) -> date | None:
    """The trip view's start date, as `ScheduleFold._bare` works it out, without the rest."""
    if trip.window is not None:
        return trip.window.start
    if trip.left_home is not None:
        return trip.left_home.day
    trip_end = trip.returned_on
    last = len(order) - 1
    floor: date | None = None  # the latest bound of the legs before
    earliest: date | None = None
    previous: _LegState | None = None
    for i, (_leg_id, leg) in enumerate(order):
        start: date | None = None
        if leg.window is not None:
            start = leg.window.start
        elif leg.arrived is not None:
            start = leg.arrived.day
        elif leg.entered_on is not None:
            start = leg.entered_on
        elif previous is not None and previous.concluded_on is not None:
            start = previous.concluded_on
        end: date | None = None
        if leg.window is not None:
            end = leg.window.end
        elif leg.duration is not None and start is not None:
            end = start + timedelta(days=leg.duration - 1)
        elif leg.concluded_on is not None:
            end = leg.concluded_on
        elif i == last and trip_end is not None:
            end = trip_end
        shown = start if start is not None else floor
        if shown is not None and (earliest is None or shown < earliest):
            earliest = shown
        for day in (end, start):
            if day is not None and (floor is None or day > floor):
                floor = day
        previous = leg
    return earliest


def _leg_started(leg: _LegState) -> bool:
    return leg.arrived is not None or leg.entered_on is not None or leg.concluded


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
