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
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

import msgspec

from calendar_svc.domain.events import (
    ArticleRecorded,
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


# -- facts gathered per trip ----------------------------------------------------------------


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


def _add(sources: list[str], articles: list[str]) -> None:
    for article in articles:
        if article not in sources:
            sources.append(sys.intern(article))  # one copy of each id, however often cited


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


@dataclass(slots=True)
class _Meta:
    signature: bytes
    revision: int
    updated_at: datetime | None
    position: int


_sig = msgspec.json.Encoder(order="sorted")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_V = TypeVar("_V", LegView, EngagementView)


class TripSnapshot(msgspec.Struct):
    """One trip's part of the fold, stored beside its view so catch-up can continue."""

    trip: _Trip
    meta: dict[str, _Meta]
    view: TripView


_snapshot_encoder = msgspec.json.Encoder()
_snapshot_decoder = msgspec.json.Decoder(TripSnapshot)


class ScheduleFold:
    """Apply events in log order; read the schedule at any point.

    Rendering is per transaction, not per event: events of one append share their
    recorded time, and a reader never sees the states between them. Trips touched by a
    batch are rendered once, when the next batch starts or the schedule is read; that is
    when revisions rise, stamped with the batch's last position and time.
    """

    def __init__(self, *, retain_views: bool = True) -> None:
        #: False for replays of large logs: views are rendered when read, not kept, so
        #: memory holds each trip's facts and revisions but not its rendered text.
        self.retain_views = retain_views
        self._order: dict[str, tuple[date, str]] = {}  # trip -> its sort key
        self.trips: dict[str, _Trip] = {}
        self.articles: dict[str, SourceRef] = {}
        self.meta: dict[str, _Meta] = {}
        self._views: dict[str, TripView] = {}
        self.position = 0
        self.recorded_at: datetime | None = None
        #: (item id, position) for each event behind an item's appearance or change
        self.changes: list[tuple[str, int]] = []
        self.track_changes = False
        self._dirty: dict[str, list[int]] = {}  # trip -> positions of this batch's events

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
        return self._render(self.trips[trip_id], self.position, self.recorded_at or EPOCH, [])

    def iter_trips(self) -> Iterator[TripView]:
        """The trips in schedule order, rendered one at a time (bounded memory)."""
        self.flush()
        for trip_id in sorted(self._order, key=self._order.__getitem__):
            yield self.view(trip_id)

    def flush(self) -> None:
        """Render the trips the current batch touched; revisions rise where views changed."""
        if not self._dirty or self.recorded_at is None:
            return
        dirty, self._dirty = self._dirty, {}
        for trip_id, positions in dirty.items():
            self._render(self.trips[trip_id], self.position, self.recorded_at, positions)

    def snapshot(self, trip_id: str) -> bytes:
        view = self.view(trip_id)
        ids = {f"trip:{trip_id}", *(leg.leg_id for leg in view.legs)}
        ids.update(e.engagement_id for e in view.engagements)
        meta = {k: self.meta[k] for k in sorted(ids) if k in self.meta}
        return _snapshot_encoder.encode(TripSnapshot(self.trips[trip_id], meta, view))

    def restore(self, blob: bytes | str) -> str:
        snap = _snapshot_decoder.decode(blob)
        trip_id = snap.trip.trip_id
        self.trips[trip_id] = snap.trip
        self._views[trip_id] = snap.view
        self._order[trip_id] = (snap.view.start_date or date.max, trip_id)
        self.meta.update(snap.meta)
        return trip_id

    def apply(self, event: DomainEvent, position: int, recorded_at: datetime) -> None:
        """Fold one event (events must come in log order)."""
        if self._dirty and recorded_at != self.recorded_at:
            self.flush()  # the previous transaction is complete
        self.position = position
        self.recorded_at = recorded_at
        if isinstance(event, ArticleRecorded):
            self.articles[event.article_id] = SourceRef(
                article_id=event.article_id,
                outlet=event.outlet,
                url=event.url,
                published_on=event.published_on,
                title=event.title,
            )
            return
        if not isinstance(event, TripEvent):
            return
        trip = self._gather(event)
        if trip is not None:
            self._dirty.setdefault(trip.trip_id, []).append(position)

    def schedule(self) -> Schedule:
        trips = list(self.iter_trips())
        return Schedule(
            position=self.position,
            recorded_at=self.recorded_at,
            trips=trips,
            sources=dict(sorted(self.articles.items())),
        )

    # -- gathering facts --------------------------------------------------------------

    def _gather(self, event: TripEvent) -> _Trip | None:
        articles = [p.article_id for p in event.provenance]
        trip = self.trips.get(event.trip_id)
        if trip is None:
            principal = getattr(event, "principal", None)
            if not isinstance(principal, PersonRef):
                return None  # a trip is founded by an announcement or a named delegation
            trip = _Trip(trip_id=event.trip_id, principal=principal)
            self.trips[event.trip_id] = trip
        _add(trip.sources, articles)
        match event:
            case VisitAnnounced():
                leg = trip.legs.get(event.leg_id)
                if leg is None:
                    leg = _Leg(event.leg_id, event.country_code, event.sequence)
                    trip.legs[event.leg_id] = leg
                _add(leg.sources, articles)
                if event.visit_type is not None and leg.visit_type is None:
                    leg.visit_type = event.visit_type.value
                leg.inviter = leg.inviter or event.inviter
                leg.city = leg.city or event.city
                if event.window is not None and leg.window is None:
                    leg.window, leg.window_source = event.window, articles[0]
                if event.duration_days is not None and leg.duration is None:
                    leg.duration = event.duration_days
                if event.trip_window is not None and trip.window is None:
                    trip.window, trip.window_source = event.trip_window, articles[0]
            case DelegationNamed():
                trip.spouse = trip.spouse or event.spouse
                for member in event.members:
                    if all(m.name != member.name for m in trip.members):
                        trip.members.append(member)
            case DelegationDeparted():
                self._departed(trip, event)
            case DelegationArrived():
                leg = trip.legs.get(event.leg_id)
                if leg is not None:
                    _add(leg.sources, articles)
                    if leg.arrived is None:
                        leg.arrived = event.at
                    leg.city = leg.city or event.place.city
                    leg.place = leg.place or event.place
            case LegConcluded():
                leg = trip.legs.get(event.leg_id)
                if leg is not None:
                    _add(leg.sources, articles)
                    leg.concluded = True
                    leg.concluded_on = leg.concluded_on or event.on
                    if event.window is not None and leg.window is None:
                        leg.window, leg.window_source = event.window, articles[0]
            case TripConcluded():
                trip.returned = True
                trip.returned_on = trip.returned_on or event.on
            case ScheduleRevised():
                if event.leg_id is None:
                    trip.window, trip.window_source = event.revised, articles[0]
                elif (leg := trip.legs.get(event.leg_id)) is not None:
                    leg.window, leg.window_source = event.revised, articles[0]
                    _add(leg.sources, articles)
            case VisitPostponed():
                self._flag(trip, event.leg_id, "postponed")
            case VisitCancelled():
                self._flag(trip, event.leg_id, "cancelled")
            case EngagementReported():
                held = trip.engagements.get(event.engagement_id)
                if held is None:
                    # Keep what is shown, not the sentences behind it: memory grows with
                    # trips, and provenance stays on the log.
                    slim = msgspec.structs.replace(event, provenance=[])
                    trip.engagements[event.engagement_id] = _Engagement(slim, list(articles))
                else:
                    _add(held.sources, articles)
            case FactCorroborated():
                self._corroborated(trip, event.fact, articles)
            case ClaimDisputed():
                trip.disputes.append(
                    DisputeView(
                        fact=_readable_fact(trip, event.fact),
                        held=event.held,
                        claimed=event.claimed,
                        sources=list(articles),
                    )
                )
        return trip

    def _departed(self, trip: _Trip, event: DelegationDeparted) -> None:
        articles = [p.article_id for p in event.provenance]
        ended = trip.legs.get(event.concluded_leg_id) if event.concluded_leg_id else None
        onward = trip.legs.get(event.next_leg_id) if event.next_leg_id else None
        if ended is not None:
            _add(ended.sources, articles)
            ended.concluded = True
            ended.concluded_on = ended.concluded_on or event.at.day
            ended.city = ended.city or event.place.city
        elif trip.left_home is None:
            trip.left_home = event.at
        if onward is not None and ended is not None:
            _add(onward.sources, articles)
            onward.entered_on = onward.entered_on or event.at.day

    @staticmethod
    def _flag(trip: _Trip, leg_id: str | None, flag: str) -> None:
        target: Any = trip.legs.get(leg_id) if leg_id else trip
        if target is not None:
            setattr(target, flag, True)

    @staticmethod
    def _corroborated(trip: _Trip, fact: str, articles: list[str]) -> None:
        if fact.startswith("leg:"):
            leg_id = fact[4:].split(".", 1)[0]
            if (leg := trip.legs.get(leg_id)) is not None:
                _add(leg.sources, articles)
        elif fact.startswith("engagement:") and (
            held := trip.engagements.get(fact.split(":", 1)[1])
        ):
            _add(held.sources, articles)

    # -- rendering ----------------------------------------------------------------------

    def _stamp(
        self, item_id: str, view: Any, position: int, recorded_at: datetime, causes: list[int]
    ) -> _Meta:
        """Raise the item's revision when what is shown for it changed."""
        signature = hashlib.blake2b(_sig.encode(view), digest_size=16).digest()
        meta = self.meta.get(item_id)
        if meta is None:
            meta = _Meta(signature, 0, recorded_at, position)
            self.meta[item_id] = meta
        elif meta.signature != signature:
            meta.signature = signature
            meta.revision += 1
            meta.updated_at = recorded_at
            meta.position = position
        else:
            return meta
        if self.track_changes:
            self.changes.extend((item_id, cause) for cause in causes)
        return meta

    def _stamped(
        self,
        item_id: str,
        view: _V,
        sources: list[str],
        position: int,
        recorded_at: datetime,
        causes: list[int],
    ) -> _V:
        """The view with its revision, last change and sources filled in."""
        meta = self._stamp(item_id, view, position, recorded_at, causes)
        return msgspec.structs.replace(
            view,
            revision=meta.revision,
            updated_at=meta.updated_at,
            updated_position=meta.position,
            sources=sources,
        )

    def _render(
        self, trip: _Trip, position: int, recorded_at: datetime, causes: list[int]
    ) -> TripView:
        legs = _render_legs(trip, self.articles)
        engagements = _render_engagements(trip, legs)
        stamped_legs = [
            self._stamped(leg.leg_id, leg, sources, position, recorded_at, causes)
            for leg, sources in legs
        ]
        stamped_engagements = [
            self._stamped(e.engagement_id, e, sources, position, recorded_at, causes)
            for e, sources in engagements
        ]
        start, end, confirmed = _trip_dates(trip, stamped_legs)
        status = _trip_status(trip, stamped_legs)
        bare = TripView(
            trip_id=trip.trip_id,
            principal=trip.principal,
            spouse=trip.spouse,
            members=list(trip.members),
            start_date=start,
            end_date=end,
            dates_confirmed=confirmed,
            status=status,
            legs=[],
            engagements=[],
            disputes=list(trip.disputes),
            sources=[],
        )
        meta = self._stamp(f"trip:{trip.trip_id}", bare, position, recorded_at, causes)
        view = msgspec.structs.replace(
            bare,
            legs=stamped_legs,
            engagements=stamped_engagements,
            sources=list(trip.sources),
            revision=meta.revision,
            updated_at=meta.updated_at,
            updated_position=meta.position,
        )
        self._order[trip.trip_id] = (view.start_date or date.max, trip.trip_id)
        if self.retain_views:
            self._views[trip.trip_id] = view
        return view


def _readable_fact(trip: _Trip, fact: str) -> str:
    if fact.startswith("leg:"):
        leg_id, _, name = fact[4:].partition(".")
        country = trip.legs[leg_id].country if leg_id in trip.legs else leg_id
        return f"{country} {name.replace('_', ' ')}"
    return fact.replace("_", " ")


def _source_text(articles: dict[str, SourceRef], article_id: str | None) -> str:
    if article_id is None:
        return "a source"
    ref = articles.get(article_id)
    if ref is None:
        return f"article {article_id[:12]}"
    who = ref.outlet or (ref.title and f"“{ref.title}”") or f"article {article_id[:12]}"
    when = f" ({ref.published_on.isoformat()})" if ref.published_on else ""
    return f"{who}{when}"


@dataclass(slots=True)
class _Bound:
    day: date
    rule: str
    why: str
    confirmed: bool


def _render_legs(trip: _Trip, articles: dict[str, SourceRef]) -> list[tuple[LegView, list[str]]]:
    legs = sorted(trip.legs.values(), key=lambda leg: (leg.sequence, leg.leg_id))
    starts: list[_Bound | None] = []
    ends: list[_Bound | None] = []
    trip_start = trip.window.start if trip.window else None
    trip_end = trip.window.end if trip.window else trip.returned_on
    for i, leg in enumerate(legs):
        start: _Bound | None = None
        if leg.window is not None:
            start = _Bound(
                leg.window.start,
                "stated",
                f"dates stated by {_source_text(articles, leg.window_source)}",
                True,
            )
        elif leg.arrived is not None:
            start = _Bound(leg.arrived.day, "arrival", "the delegation arrived that day", True)
        elif leg.entered_on is not None:
            start = _Bound(
                leg.entered_on,
                "previous_concluded",
                "the delegation left the previous leg for this one that day",
                False,
            )
        elif i > 0 and (previous_end := legs[i - 1].concluded_on) is not None:
            start = _Bound(
                previous_end, "previous_concluded", "the previous leg concluded that day", False
            )
        elif i == 0 and trip.left_home is not None:  # before any leg's own evidence
            start = _Bound(
                trip.left_home.day,
                "departure_from_home",
                "the delegation left home that day",
                False,
            )
        elif i == 0 and trip_start is not None:
            start = _Bound(trip_start, "trip_start", "the trip starts that day", False)
        end: _Bound | None = None
        if leg.window is not None:
            end = _Bound(
                leg.window.end,
                "stated",
                f"dates stated by {_source_text(articles, leg.window_source)}",
                True,
            )
        elif leg.duration is not None and start is not None:
            end = _Bound(
                start.day + timedelta(days=leg.duration - 1),
                "duration",
                f"a {leg.duration}-day visit",
                False,
            )
        elif leg.concluded_on is not None:
            end = _Bound(leg.concluded_on, "concluded", "the leg was reported concluded", True)
        elif i == len(legs) - 1 and trip_end is not None:
            end = _Bound(trip_end, "trip_end", "the last leg ends with the trip", False)
        starts.append(start)
        ends.append(end)

    rendered: list[tuple[LegView, list[str]]] = []
    for i, leg in enumerate(legs):
        start, end = starts[i], ends[i]
        basis: list[str] = []
        if start is None:
            before = [b for b in (*ends[:i], *starts[:i]) if b is not None]
            floor = max((b.day for b in before), default=trip_start)
            if floor is not None:
                start = _Bound(
                    floor, "neighbours", "no source states it; bounded by the legs before it", False
                )
        if end is None:
            after = [b for b in (*starts[i + 1 :], *ends[i + 1 :]) if b is not None]
            ceiling = min((b.day for b in after), default=trip_end)
            if ceiling is not None:
                end = _Bound(
                    ceiling,
                    "neighbours",
                    "no source states it; bounded by the legs after it",
                    False,
                )
        if start is not None and end is not None and end.day < start.day:
            end = _Bound(start.day, end.rule, end.why + " (clamped to the start)", False)
        if start is not None:
            basis.append(f"starts {start.day.isoformat()}: {start.why} (rule {start.rule})")
        if end is not None:
            basis.append(f"ends {end.day.isoformat()}: {end.why} (rule {end.rule})")
        if not basis:
            basis.append("no dates known yet")
        place = leg.place
        rendered.append(
            (
                LegView(
                    leg_id=leg.leg_id,
                    trip_id=trip.trip_id,
                    sequence=i + 1,
                    country_code=leg.country,
                    city=leg.city,
                    visit_type=leg.visit_type,
                    inviter=leg.inviter,
                    start_date=start.day if start else None,
                    end_date=end.day if end else None,
                    dates_confirmed=bool(start and end and start.confirmed and end.confirmed),
                    date_basis="; ".join(basis),
                    status=_leg_status(trip, legs, i),
                    timezone=place.timezone if place else None,
                    latitude=place.latitude if place else None,
                    longitude=place.longitude if place else None,
                ),
                list(leg.sources),
            )
        )
    return rendered


def _leg_started(leg: _Leg) -> bool:
    return leg.arrived is not None or leg.entered_on is not None or leg.concluded


def _leg_status(trip: _Trip, legs: list[_Leg], i: int) -> str:
    leg = legs[i]
    if leg.cancelled or trip.cancelled:
        return "cancelled"
    if leg.postponed or trip.postponed:
        return "postponed"
    if leg.concluded or trip.returned or any(_leg_started(later) for later in legs[i + 1 :]):
        return "concluded"
    if _leg_started(leg) or (i == 0 and trip.left_home is not None):
        return "in_progress"
    if i > 0 and legs[i - 1].concluded:
        return "in_progress"
    return "announced"


def _trip_dates(trip: _Trip, legs: list[LegView]) -> tuple[date | None, date | None, bool]:
    if trip.window is not None:
        return trip.window.start, trip.window.end, True
    starts = [leg.start_date for leg in legs if leg.start_date]
    ends = [leg.end_date for leg in legs if leg.end_date]
    start = trip.left_home.day if trip.left_home else (min(starts) if starts else None)
    end = trip.returned_on or (max(ends) if ends else None)
    return start, end, False


def _trip_status(trip: _Trip, legs: list[LegView]) -> str:
    if trip.cancelled:
        return "cancelled"
    if trip.postponed:
        return "postponed"
    if trip.returned or (legs and legs[-1].status == "concluded"):
        return "concluded"
    if trip.left_home is not None or any(
        leg.status in ("in_progress", "concluded") for leg in legs
    ):
        return "in_progress"
    return "announced"


def _render_engagements(
    trip: _Trip, legs: list[tuple[LegView, list[str]]]
) -> list[tuple[EngagementView, list[str]]]:
    by_leg = {leg.leg_id: leg for leg, _ in legs}
    rendered: list[tuple[EngagementView, list[str]]] = []
    for held in trip.engagements.values():
        e = held.event
        leg = by_leg.get(e.leg_id) if e.leg_id else None
        start: date | None = None
        end: date | None = None
        local_time = None
        day_part = None
        timezone = e.place.timezone if e.place else None
        if e.at is not None:
            start = end = e.at.day
            local_time, day_part = e.at.local_time, e.at.day_part
            timezone = e.at.timezone or timezone
            basis = "date stated"
        else:
            window = e.window or (
                DateWindow(leg.start_date, leg.end_date)
                if leg and leg.start_date and leg.end_date and leg.start_date <= leg.end_date
                else None
            )
            known = _commemoration_day(e.title, leg.country_code if leg else None, window)
            if known is not None:
                start = end = known[0]
                basis = f"inferred: {known[1]} (rule commemoration)"
            elif window is not None:
                start, end = window.start, window.end
                basis = "during the visit; the day is not stated (rule leg_window)"
            else:
                basis = "no date known yet"
        if timezone is None and leg is not None:
            timezone = leg.timezone
        status = "cancelled" if (leg and leg.status == "cancelled") else "reported"
        rendered.append(
            (
                EngagementView(
                    engagement_id=e.engagement_id,
                    trip_id=trip.trip_id,
                    leg_id=e.leg_id,
                    kind=e.kind.value if isinstance(e.kind, EngagementKind) else str(e.kind),
                    title=e.title,
                    counterparts=list(e.counterparts),
                    place=e.place,
                    start_date=start,
                    end_date=end,
                    local_time=local_time,
                    day_part=day_part,
                    timezone=timezone,
                    date_basis=basis,
                    status=status,
                ),
                list(held.sources),
            )
        )
    rendered.sort(key=lambda item: (item[0].start_date or date.max, item[0].engagement_id))
    return rendered
