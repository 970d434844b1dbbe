"""Gathering facts: how each kind of trip event adds to its trip's state. One handler per
event type (`Gatherer.by_type`); the fold looks the handler up by the event's type, so
what an event means for the schedule is read in one place per type, apart from the
fold's bookkeeping (which trip, which batch, hot or cold).

Nothing is decided here: events add readings, sources and flags, and the rules
(`calendar_svc.domain.rules`) weigh them when the trip is rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any

from calendar_svc.domain import facts as fact_keys
from calendar_svc.domain.events import (
    ClaimDisputed,
    DelegationArrived,
    DelegationDeparted,
    DelegationNamed,
    EngagementReported,
    FactCorroborated,
    LegConcluded,
    ScheduleChanged,
    ScheduleRevised,
    TripConcluded,
    TripEvent,
    VisitAnnounced,
    VisitCancelled,
    VisitPostponed,
)
from calendar_svc.domain.values import DateWindow, EngagementKind, VisitType
from calendar_svc.domain.views import DisputeView
from calendar_svc.projections.fold.state import (
    FoldedEngagement,
    FoldedLeg,
    FoldedTrip,
    Said,
    kind_text,
    when,
)
from calendar_svc.projections.fold.tables import Tables

#: Adds an event (of the type it is registered for) to its trip's state, given the
#: numbers of the event's articles.
Gather = Callable[[FoldedTrip, Any, list[int]], None]

_KINDS = {kind: kind.value for kind in EngagementKind}
_VISIT_TYPES = {visit_type: visit_type.value for visit_type in VisitType}

#: A landing at or after this local hour is an evening one ("at 21:00 local time").
EVENING_FROM = time(18, 0)
#: From when a landing is at night: the programme cannot begin before the next day.
NIGHT_FROM = time(22, 30)


class Gatherer:
    """The handlers of trip events, over the fold's tables (people and places are
    numbered as they are gathered)."""

    __slots__ = ("names", "value", "values")

    def __init__(self, tables: Tables) -> None:
        self.value = tables.value  # numbers a person, a place or a list of people
        self.values = tables.values
        self.names = tables.articles.names

    def by_type(self) -> dict[type[TripEvent], Gather]:
        """Each trip event type the schedule folds, with its handler; `TripEvent` itself
        stands for any other (only its sources count)."""
        return {
            VisitAnnounced: self.announced,
            DelegationNamed: self.named,
            DelegationDeparted: self.departed,
            DelegationArrived: self.arrived,
            LegConcluded: self.leg_concluded,
            TripConcluded: self.trip_concluded,
            ScheduleRevised: self.revised,
            ScheduleChanged: self.changed,
            VisitPostponed: self.postponed,
            VisitCancelled: self.cancelled,
            EngagementReported: self.engaged,
            FactCorroborated: self.corroborated,
            ClaimDisputed: self.disputed,
            TripEvent: self.other,
        }

    def announced(self, trip: FoldedTrip, event: VisitAnnounced, articles: list[int]) -> None:
        leg = trip.legs.get(event.leg_id)
        if leg is None:
            leg = FoldedLeg(country=event.country_code, sequence=event.sequence)
            trip.legs[event.leg_id] = leg
        add(leg.sources, articles)
        if event.visit_type is not None and leg.visit_type is None:
            visit_type = event.visit_type
            leg.visit_type = (
                _VISIT_TYPES[visit_type] if type(visit_type) is VisitType else visit_type.value
            )
        if leg.inviter is None and event.inviter is not None:
            leg.inviter = self.value(event.inviter)
        leg.city = leg.city or event.city
        if event.window is not None:
            said(leg, event.window, "window", articles)
        if event.duration_days is not None and leg.duration is None:
            leg.duration = event.duration_days
        if event.event_window is not None and leg.event is None:
            leg.event = event.event_window
        # plans change: the latest article's plan holds
        if event.planned_start is not None:
            leg.planned_start = event.planned_start
        if event.planned_end is not None:
            leg.planned_end = event.planned_end
        if event.trip_window is not None:
            said(trip, event.trip_window, "window", articles)

    def named(self, trip: FoldedTrip, event: DelegationNamed, articles: list[int]) -> None:
        trip.spouse = trip.spouse or event.spouse
        values = self.values
        for member in event.members:
            if all(values[m].name != member.name for m in trip.members):
                trip.members.append(self.value(member))

    def departed(self, trip: FoldedTrip, event: DelegationDeparted, articles: list[int]) -> None:
        ended = trip.legs.get(event.concluded_leg_id) if event.concluded_leg_id else None
        onward = trip.legs.get(event.next_leg_id) if event.next_leg_id else None
        went_ahead(trip, ended, onward)
        happened(articles, ended)
        if ended is not None:
            add(ended.sources, articles)
            ended.concluded = True
            ended.concluded_on = ended.concluded_on or event.at.day
            ended.city = ended.city or event.place.city
            note(ended.ends, event.at.day, "concluded", articles)
        elif trip.left_home is None:
            trip.left_home = when(event.at)
            add(trip.told, articles)
        if onward is not None and ended is not None:
            add(onward.sources, articles)
            onward.entered_on = onward.entered_on or event.at.day

    def arrived(self, trip: FoldedTrip, event: DelegationArrived, articles: list[int]) -> None:
        leg = trip.legs.get(event.leg_id)
        went_ahead(trip, leg)
        happened(articles, leg)
        if leg is not None:
            add(leg.sources, articles)
            if leg.arrived is None:
                leg.arrived = when(event.at)
            # "tối 1/4", "late on Sunday", "at 21:00 local time": the evening; "gần nửa
            # đêm", "late on Sunday", "at 23:27": the night, too late for any programme
            clock = event.at.local_time
            night = event.at.day_part == "night" or (clock is not None and clock >= NIGHT_FROM)
            evening = event.at.day_part in ("late_afternoon", "evening") or (
                clock is not None and clock >= EVENING_FROM
            )
            kind = "arrival_night" if night else "arrival_eve" if evening else "arrival"
            note(leg.starts, event.at.day, kind, articles)
            leg.city = leg.city or event.place.city
            if leg.place is None:
                leg.place = self.value(event.place)

    def leg_concluded(self, trip: FoldedTrip, event: LegConcluded, articles: list[int]) -> None:
        leg = trip.legs.get(event.leg_id)
        went_ahead(trip, leg)
        happened(articles, leg)
        if leg is not None:
            add(leg.sources, articles)
            leg.concluded = True
            leg.concluded_on = leg.concluded_on or event.on
            if event.on is not None:
                note(leg.ends, event.on, "concluded", articles)
            if event.window is not None:
                said(leg, event.window, "window", articles)

    def trip_concluded(self, trip: FoldedTrip, event: TripConcluded, articles: list[int]) -> None:
        went_ahead(trip)
        trip.returned = True
        trip.returned_on = trip.returned_on or event.on
        if trip.landed is None and event.landed is not None:
            trip.landed = when(event.landed)
            trip.landed_place = None if event.place is None else self.value(event.place)
        add(trip.told, articles)

    def revised(self, trip: FoldedTrip, event: ScheduleRevised, articles: list[int]) -> None:
        # A revision is one more reading, not an overwrite: a misread date must not
        # silently replace a right one (the rules weigh the readings). New dates after a
        # postponement are the visit rescheduled.
        if event.leg_id is not None:
            went_ahead(trip, trip.legs.get(event.leg_id))
        elif all(leg.postponed for leg in trip.legs.values()):
            # the whole visit put off, leg by leg ("hoãn chuyến thăm Việt Nam"), and set
            # again for new days: every leg is rescheduled
            went_ahead(trip, *trip.legs.values())
        else:
            went_ahead(trip)
        if event.leg_id is None:
            said(trip, event.revised, "revised", articles)
        elif (leg := trip.legs.get(event.leg_id)) is not None:
            said(leg, event.revised, "revised", articles)
            add(leg.sources, articles)

    def changed(self, trip: FoldedTrip, event: ScheduleChanged, articles: list[int]) -> None:
        # The days earlier sources stated for what moved are plans overtaken: forgotten,
        # as a stated day that no longer holds would be shown confirmed. What the source
        # itself says of the new days stays (its readings are its own).
        legs = sorted(trip.legs.values(), key=lambda leg: leg.sequence)
        if event.leg_id is not None:
            leg = trip.legs.get(event.leg_id)
            if leg is None:
                return
            touched = [leg]
            add(leg.sources, articles)
        else:
            touched = legs if event.moved == "both" else legs[-1:]
        moved_start = event.moved == "both"
        for leg in touched:
            _overtaken(leg, articles, starts=moved_start, ends=True)
        if legs:
            # the trip's start is its first leg's, its end its last leg's
            _overtaken(
                trip,
                articles,
                starts=moved_start and any(leg is legs[0] for leg in touched),
                ends=any(leg is legs[-1] for leg in touched),
            )

    def postponed(self, trip: FoldedTrip, event: VisitPostponed, articles: list[int]) -> None:
        target = trip.legs.get(event.leg_id) if event.leg_id else trip
        if target is not None:
            target.postponed = True
            add(target.told, articles)

    def cancelled(self, trip: FoldedTrip, event: VisitCancelled, articles: list[int]) -> None:
        # a stay under way is cut short, not called off ("I have decided to cancel my trip
        # to the West Coast and return to Indonesia", a day after landing in Washington):
        # only what had not begun is cancelled
        targets: list[FoldedLeg | FoldedTrip]
        if event.leg_id:
            targets = [leg for leg in [trip.legs.get(event.leg_id)] if leg is not None]
        elif any(_under_way(leg) for leg in trip.legs.values()):
            targets = list(trip.legs.values())
        else:
            targets = [trip]
        for target in targets:
            if isinstance(target, FoldedTrip) or not _under_way(target):
                target.cancelled = True
                add(target.told, articles)

    def engaged(self, trip: FoldedTrip, event: EngagementReported, articles: list[int]) -> None:
        held = trip.engagements.get(event.engagement_id)
        if held is None:
            # Keep what is shown, not the sentences behind it: memory grows with trips,
            # and provenance stays on the log.
            kind, value = event.kind, self.value
            trip.engagements[event.engagement_id] = FoldedEngagement(
                leg_id=event.leg_id,
                kind=_KINDS[kind] if type(kind) is EngagementKind else kind_text(kind),
                title=event.title,
                counterparts=value(tuple(event.counterparts)),
                place=None if event.place is None else value(event.place),
                at=None if event.at is None else when(event.at),
                window=event.window,
                sources=list(articles),
            )
        else:
            add(held.sources, articles)

    def corroborated(self, trip: FoldedTrip, event: FactCorroborated, articles: list[int]) -> None:
        key = fact_keys.parse(event.fact)
        if key.kind == "leg":
            if (leg := trip.legs.get(key.subject)) is not None:
                add(leg.sources, articles)
                if key.name == "window" and (window := _parse_window(event.value)) is not None:
                    said(leg, window, "window", articles)
        elif key.kind == "trip" and key.name == "window":
            if (window := _parse_window(event.value)) is not None:
                said(trip, window, "window", articles)
        elif key.kind in ("arrival", "concluded"):
            kind, leg_id = key.kind, key.subject
            day = _parse_day(event.value)
            if (leg := trip.legs.get(leg_id)) is not None and day is not None:
                add(leg.sources, articles)
                readings = leg.starts if kind == "arrival" else leg.ends
                told = [r.kind for r in readings if r.day == day]
                if kind == "arrival" and {"arrival_eve", "arrival_night"} & set(told):
                    # the same landing told again: still the evening the first report gave
                    kind = "arrival_night" if "arrival_night" in told else "arrival_eve"
                note(readings, day, kind, articles)
        elif key.kind == "engagement" and (held := trip.engagements.get(key.subject)):
            add(held.sources, articles)

    def disputed(self, trip: FoldedTrip, event: ClaimDisputed, articles: list[int]) -> None:
        # One article at odds with itself: the held value stays and the claim is shown
        # beside it (the event's meaning), not weighed as another source's reading.
        names = self.names
        trip.disputes.append(
            DisputeView(
                fact=_readable_fact(trip, event.fact),
                held=event.held,
                claimed=event.claimed,
                sources=[names[a] for a in articles],
            )
        )

    def other(self, trip: FoldedTrip, event: TripEvent, articles: list[int]) -> None:
        """A trip event the schedule shows nothing of (only its sources)."""


def _under_way(leg: FoldedLeg) -> bool:
    """Whether a source has told the delegation in the leg's country (or leaving it)."""
    return leg.arrived is not None or leg.entered_on is not None or leg.concluded


def add(sources: list[int], articles: list[int]) -> None:
    for article in articles:
        if article not in sources:
            sources.append(article)


def said(held: FoldedLeg | FoldedTrip, window: DateWindow, kind: str, articles: list[int]) -> None:
    """A stated range: a reading of the start and one of the end, by the event's (first)
    article; a range with no article is a malformed event (IndexError, as ever)."""
    article = articles[0]
    note(held.starts, window.start, kind, [article])
    note(held.ends, window.end, kind, [article])


def note(readings: list[Said], day: date, kind: str, articles: list[int]) -> None:
    """A reading by the event's first article (none without one); one article stating the
    same day the same way again adds nothing: sources are counted, not repetitions."""
    for article in articles[:1]:
        reading = Said(day=day, kind=kind, source=article)
        if reading not in readings:
            readings.append(reading)


def went_ahead(trip: FoldedTrip, *legs: FoldedLeg | None) -> None:
    """A movement or new dates reported after a postponement: the visit went ahead (or
    was rescheduled), so the postponement is history, and so are the days it had been
    planned for (Biden's Angola visit, set for 13-15 October, put off, held 2-4 December).
    Log order is report order."""
    if trip.postponed:
        _forget_plans(trip)
        for each in trip.legs.values():
            _forget_plans(each)
    trip.postponed = False
    for leg in legs:
        if leg is not None:
            if leg.postponed:
                _forget_plans(leg)
            leg.postponed = False


#: Readings of days planned (a stated or revised range), not of anything that happened.
_PLANNED = frozenset({"window", "revised"})


def _forget_plans(held: FoldedLeg | FoldedTrip) -> None:
    """Drop the ranges stated for a trip or leg put off, told before it went ahead."""
    held.starts = [r for r in held.starts if r.kind not in _PLANNED]
    held.ends = [r for r in held.ends if r.kind not in _PLANNED]


def _overtaken(
    held: FoldedLeg | FoldedTrip, articles: list[int], *, starts: bool, ends: bool
) -> None:
    """Drop the ranges other articles stated for the ends a change moved; a range the
    changing article states again is its own reading too, and stays."""
    if starts:
        held.starts = _still_held(held.starts, articles)
    if ends:
        held.ends = _still_held(held.ends, articles)


def _still_held(readings: list[Said], articles: list[int]) -> list[Said]:
    return [r for r in readings if r.kind not in _PLANNED or r.source in articles]


def happened(articles: list[int], *legs: FoldedLeg | None) -> None:
    """An arrival, a leaving or an end of a leg told by another article than those that
    called it off: the visit took place ("The Brunei visit had originally been planned
    for early September but was called off", then the arrival in Bandar Seri Begawan), so
    the leg is not shown cancelled."""
    for leg in legs:
        if leg is not None and leg.cancelled and not set(articles) & set(leg.told):
            leg.cancelled = False


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


def _readable_fact(trip: FoldedTrip, fact: str) -> str:
    key = fact_keys.parse(fact)
    if key.kind == "leg":
        leg = trip.legs.get(key.subject)
        country = leg.country if leg is not None else key.subject
        return f"{country} {key.name.replace('_', ' ')}"
    return fact.replace("_", " ")
