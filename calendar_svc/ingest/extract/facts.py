"""What extraction produces: the facts one article states about a trip, each `Sourced` with
the sentence that said it, and how a fact cites that sentence, a place and a moment.

Apart from the readers so that assembly (`assemble.py`) and the readers share one
vocabulary without depending on how sentences are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from typing import Generic, Literal, TypeVar

from calendar_svc.domain.values import (
    DateWindow,
    EngagementKind,
    Moment,
    PersonRef,
    PlaceRef,
    Provenance,
    VisitType,
    slug,
)
from calendar_svc.ingest.dates import DateMention, DayPart
from calendar_svc.ingest.places import Place
from calendar_svc.ingest.text import Sentence

T = TypeVar("T")


#: When a day part is all that is said, the clock time a subscriber should see, if any.
_DAY_PART_TIMES: dict[str, time] = {DayPart.NOON.value: time(12, 0)}


@dataclass(frozen=True)
class Sourced(Generic[T]):
    value: T
    provenance: Provenance


@dataclass(frozen=True)
class Departure:
    place: PlaceRef
    at: Moment
    concluded_country: str | None
    next_country: str | None


@dataclass(frozen=True)
class Arrival:
    country_code: str
    place: PlaceRef
    at: Moment


@dataclass(frozen=True)
class Plan:
    """A day a plan gives for arriving at a leg (`start`) or leaving it (`end`): "will fly
    on to Canberra on Friday", "before returning home on Saturday" (the last leg's end)."""

    leg: str
    edge: Literal["start", "end"]
    day: date


@dataclass(frozen=True)
class Conclusion:
    country_code: str
    on: date | None
    of_event: bool = False  # "wrapped up a two-day summit": the summit's stay, if it has one


@dataclass(frozen=True)
class Engagement:
    key: str  # stable within a leg: the same engagement told twice has the same key
    kind: EngagementKind
    title: str
    country_code: str | None
    counterparts: list[PersonRef]
    place: PlaceRef | None
    at: Moment | None


_PLACE_TAIL = re.compile(r"\s+(?:at|in|on|tại|ở)\s+(?:the\s+)?[A-ZÀ-Ỹ].*$")


_PERSONAL = {EngagementKind.MEETING, EngagementKind.TALKS, EngagementKind.RECEPTION}


def engagement_key(kind: EngagementKind, title: str, counterparts: list[PersonRef]) -> str:
    """Meetings are who was met; other engagements are what happened, without the place
    ("ceremony ... at the Red Square" and "ceremony ..." are one engagement)."""
    if kind in _PERSONAL and counterparts:
        return f"{kind.value}-{slug(counterparts[0].name)}"
    core = _PLACE_TAIL.sub("", title)
    words = slug(core).split("-")[:8]
    return f"{kind.value}-{'-'.join(words)}"


@dataclass
class ArticleFacts:
    """What one article says about one trip; empty lists when it says nothing of that."""

    article_id: str
    language: str
    reference: date | None
    principal: Sourced[PersonRef] | None = None
    spouse: Sourced[str] | None = None
    members: list[Sourced[PersonRef]] = field(default_factory=list)
    itinerary: list[Sourced[str]] = field(default_factory=list)
    trip_window: Sourced[DateWindow] | None = None
    visit_types: list[Sourced[tuple[str, VisitType]]] = field(default_factory=list)
    inviters: list[Sourced[tuple[str, PersonRef]]] = field(default_factory=list)
    leg_windows: list[Sourced[tuple[str, DateWindow]]] = field(default_factory=list)
    leg_durations: list[Sourced[tuple[str | None, int]]] = field(default_factory=list)
    #: the dates of a summit or meeting held in a leg's country (see `VisitAnnounced`)
    event_windows: list[Sourced[tuple[str, DateWindow]]] = field(default_factory=list)
    cities: list[Sourced[tuple[str, str]]] = field(default_factory=list)
    departures: list[Sourced[Departure]] = field(default_factory=list)
    arrivals: list[Sourced[Arrival]] = field(default_factory=list)
    conclusions: list[Sourced[Conclusion]] = field(default_factory=list)
    returns: list[Sourced[date | None]] = field(default_factory=list)
    #: landings home on a told day ("arrived back in Tokyo on Sunday afternoon", "về tới
    #: Hà Nội sáng 21/10"), not departures for home ("left for home on Friday"): the
    #: rules count back from when the plane landed to the day it left the last stop
    homecomings: list[Sourced[Arrival]] = field(default_factory=list)
    engagements: list[Sourced[Engagement]] = field(default_factory=list)
    #: days plans give ("will leave Australia on May 24"): inferred, never stated
    plans: list[Sourced[Plan]] = field(default_factory=list)
    #: days a sentence says no longer hold, beside the new ones ("originally planned for
    #: March 20 to 22, has been rescheduled to April 10 to 12"): how the trip is found
    replaced: list[DateWindow] = field(default_factory=list)
    #: a stay made longer or shorter ("end") or a visit moved ("both"), of one leg or
    #: (None) the trip: the days planned before no longer hold (`extract.changes`)
    changes: list[Sourced[tuple[str | None, str]]] = field(default_factory=list)
    postponements: list[Sourced[str | None]] = field(default_factory=list)
    cancellations: list[Sourced[str | None]] = field(default_factory=list)
    #: the principal's own country (never a leg) and what said so ("title", "name", ...)
    home: str | None = None
    home_basis: str = "unknown"

    @property
    def about_a_trip(self) -> bool:
        """A trip needs a traveller and somewhere to go (or a report of coming home, which
        can only join a trip already known); anything else is another story."""
        return self.principal is not None and bool(self.itinerary or self.returns)

    def forget_legs(self, gone: set[str]) -> None:
        """Drop the legs `gone` (another journey's) and every fact of them."""
        if not gone:
            return
        self.itinerary = [s for s in self.itinerary if s.value not in gone]
        self.leg_windows = [w for w in self.leg_windows if w.value[0] not in gone]
        self.visit_types = [v for v in self.visit_types if v.value[0] not in gone]
        self.leg_durations = [d for d in self.leg_durations if d.value[0] not in gone]
        self.event_windows = [e for e in self.event_windows if e.value[0] not in gone]
        self.cities = [c for c in self.cities if c.value[0] not in gone]
        self.arrivals = [a for a in self.arrivals if a.value.country_code not in gone]
        self.conclusions = [c for c in self.conclusions if c.value.country_code not in gone]
        self.plans = [p for p in self.plans if p.value.leg not in gone]
        self.changes = [c for c in self.changes if c.value[0] not in gone]

    def leg_days(self, code: str) -> list[date]:
        """The days the article gives a leg: its ranges' and summits' first days, its plans
        and arrivals."""
        days = [
            w.value[1].start for w in (*self.leg_windows, *self.event_windows) if w.value[0] == code
        ]
        days += [p.value.day for p in self.plans if p.value.leg == code]
        days += [a.value.at.day for a in self.arrivals if a.value.country_code == code]
        return days

    def known_days(self) -> list[date]:
        days: list[date] = []
        if self.trip_window is not None:
            days += [self.trip_window.value.start, self.trip_window.value.end]
        days += [d for w in self.leg_windows for d in (w.value[1].start, w.value[1].end)]
        # the summit a leg is for dates the trip too ("the NATO summit in Brussels on 11-12/7")
        days += [d for w in self.event_windows for d in (w.value[1].start, w.value[1].end)]
        days += [d.value.at.day for d in self.departures]
        days += [a.value.at.day for a in self.arrivals]
        days += [c.value.on for c in self.conclusions if c.value.on is not None]
        days += [r.value for r in self.returns if r.value is not None]
        days += [p.value.day for p in self.plans]
        return days


def provenance(
    article_id: str, sentence: Sentence, rule: str, local: tuple[int, int] | None = None
) -> Provenance:
    start, end = (0, len(sentence.text)) if local is None else local
    return Provenance(
        article_id=article_id,
        sentence_index=sentence.index,
        span=(sentence.span[0] + start, sentence.span[0] + end),
        sentence=sentence.text,
        rule=rule,
    )


def place_ref(place: Place) -> PlaceRef:
    if place.kind == "country":
        return PlaceRef(country_code=place.country_code, timezone=place.timezone)
    city = place.name if place.kind == "city" else place.city
    return PlaceRef(
        country_code=place.country_code,
        city=city,
        place=place.name if place.kind in ("airport", "landmark") else None,
        timezone=place.timezone,
        latitude=place.latitude,
        longitude=place.longitude,
    )


def moment(mention: DateMention, place: PlaceRef | None) -> Moment:
    part = mention.day_part.value if mention.day_part is not None else None
    clock = mention.clock_time or (_DAY_PART_TIMES.get(part) if part else None)
    return Moment(
        day=mention.start,
        day_part=part,
        local_time=clock,
        timezone=place.timezone if place is not None else None,
    )
