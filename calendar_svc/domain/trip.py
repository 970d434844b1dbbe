"""Fold a trip's events into what is known of it. Pure: no I/O, no clock.

Ingestion uses this state to recognise facts already on the log (corroboration) and
facts that contradict them (disputes); projections build the schedule from the same fold.
A fact is keyed by a short string (`facts`: "leg:<leg id>.visit_type", "trip.window");
it keeps the event that first recorded it, so a later source can point back to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from calendar_svc.domain import facts as fact_keys
from calendar_svc.domain.events import (
    ClaimDisputed,
    DelegationArrived,
    DelegationDeparted,
    DelegationNamed,
    DomainEvent,
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
from calendar_svc.domain.values import DateWindow, PersonRef


@dataclass
class Fact:
    value: str
    event_id: str
    sources: list[str] = field(default_factory=list)  # article ids, first one first


@dataclass
class TripState:
    trip_id: str
    principal: PersonRef | None = None
    window: DateWindow | None = None
    legs: dict[str, str] = field(default_factory=dict)  # leg_id -> country code, in order
    sequences: dict[str, int] = field(default_factory=dict)  # leg_id -> first sequence
    facts: dict[str, Fact] = field(default_factory=dict)
    disputes: list[ClaimDisputed] = field(default_factory=list)
    first_day: date | None = None  # earliest date any fact of this trip names
    last_day: date | None = None
    version: int = 0

    def leg_for_country(self, country_code: str) -> str | None:
        for leg_id, code in self.legs.items():
            if code == country_code:
                return leg_id
        return None

    def span(self) -> DateWindow | None:
        """The days this trip is known to cover: the stated window, else what facts name."""
        if self.window is not None:
            return self.window
        if self.first_day is not None and self.last_day is not None:
            return DateWindow(self.first_day, self.last_day)
        return None

    def reach(self) -> DateWindow | None:
        """Every day the trip is known by: its stated window and the days its facts name
        (a window that is one leg's range hides the others' days from `span`)."""
        days = [d for d in (self.first_day, self.last_day) if d is not None]
        if self.window is not None:
            days += [self.window.start, self.window.end]
        return DateWindow(min(days), max(days)) if days else None

    def _note_day(self, day: date | None) -> None:
        if day is None:
            return
        self.first_day = day if self.first_day is None else min(self.first_day, day)
        self.last_day = day if self.last_day is None else max(self.last_day, day)

    def _record(self, key: str, value: str, event_id: str, article_ids: list[str]) -> None:
        if key not in self.facts:
            self.facts[key] = Fact(value=value, event_id=event_id, sources=list(article_ids))
        else:
            for article in article_ids:
                if article not in self.facts[key].sources:
                    self.facts[key].sources.append(article)


def window_text(window: DateWindow) -> str:
    return f"{window.start.isoformat()}/{window.end.isoformat()}"


def window_from_text(text: str) -> DateWindow | None:
    """The window a fact holds as `window_text`, if it is one."""
    first, _, last = text.partition("/")
    try:
        return DateWindow(date.fromisoformat(first), date.fromisoformat(last))
    except ValueError:
        return None


def apply(state: TripState | None, event: DomainEvent, event_id: str) -> TripState:
    """The state after `event`; a new state for a trip's first event."""
    if not isinstance(event, TripEvent):
        raise TypeError(f"{type(event).__name__} is not a trip event")
    if state is None:
        state = TripState(trip_id=event.trip_id)
    state.version += 1
    articles = sorted({p.article_id for p in event.provenance})
    record = _RECORDS.get(type(event))
    if record is None:
        record = _record_for(type(event))
    record(state, event, event_id, articles)
    return state


# -- what each event records, by its type --------------------------------------------------


def _announced(state: TripState, event: VisitAnnounced, event_id: str, articles: list[str]) -> None:
    state.principal = state.principal or event.principal
    state.legs.setdefault(event.leg_id, event.country_code)
    state.sequences.setdefault(event.leg_id, event.sequence)
    leg = event.leg_id
    state._record(fact_keys.leg(leg, "country"), event.country_code, event_id, articles)
    if event.visit_type is not None:
        state._record(fact_keys.leg(leg, "visit_type"), event.visit_type.value, event_id, articles)
    if event.inviter is not None:
        state._record(fact_keys.leg(leg, "inviter"), event.inviter.name, event_id, articles)
    if event.duration_days is not None:
        state._record(fact_keys.leg(leg, "duration"), str(event.duration_days), event_id, articles)
    if event.city is not None:
        state._record(fact_keys.leg(leg, "city"), event.city, event_id, articles)
    if event.window is not None:
        state._record(fact_keys.leg(leg, "window"), window_text(event.window), event_id, articles)
        state._note_day(event.window.start)
        state._note_day(event.window.end)
    if event.event_window is not None:
        state._record(
            fact_keys.leg(leg, "event"), window_text(event.event_window), event_id, articles
        )
        state._note_day(event.event_window.start)
        state._note_day(event.event_window.end)
    # plans change: the latest plan is held (ingestion announces a changed plan anew)
    if event.planned_start is not None:
        planned = event.planned_start.isoformat()
        state.facts[fact_keys.leg(leg, "planned_start")] = Fact(planned, event_id, articles)
        state._note_day(event.planned_start)
    if event.planned_end is not None:
        planned = event.planned_end.isoformat()
        state.facts[fact_keys.leg(leg, "planned_end")] = Fact(planned, event_id, articles)
        state._note_day(event.planned_end)
    if event.trip_window is not None:
        if state.window is None:
            state.window = event.trip_window
        state._record(fact_keys.trip("window"), window_text(event.trip_window), event_id, articles)
        state._note_day(event.trip_window.start)
        state._note_day(event.trip_window.end)


def _named(state: TripState, event: DelegationNamed, event_id: str, articles: list[str]) -> None:
    state.principal = state.principal or event.principal
    if event.spouse:
        state._record("delegation.spouse", event.spouse, event_id, articles)
    for member in event.members:
        state._record(fact_keys.member(member.name), member.name, event_id, articles)


def _departed(
    state: TripState, event: DelegationDeparted, event_id: str, articles: list[str]
) -> None:
    key = fact_keys.departure(event.place.city or event.place.country_code, event.at.day)
    state._record(key, event.at.day.isoformat(), event_id, articles)
    state._note_day(event.at.day)


def _arrived(
    state: TripState, event: DelegationArrived, event_id: str, articles: list[str]
) -> None:
    state.legs.setdefault(event.leg_id, event.place.country_code)
    state._record(fact_keys.arrival(event.leg_id), event.at.day.isoformat(), event_id, articles)
    state._note_day(event.at.day)


def _engaged(
    state: TripState, event: EngagementReported, event_id: str, articles: list[str]
) -> None:
    state._record(fact_keys.engagement(event.engagement_id), event.title, event_id, articles)
    if event.at is not None:
        state._note_day(event.at.day)


def _leg_concluded(
    state: TripState, event: LegConcluded, event_id: str, articles: list[str]
) -> None:
    state._record(
        fact_keys.concluded(event.leg_id),
        event.on.isoformat() if event.on else "",
        event_id,
        articles,
    )
    if event.window is not None:
        state._record(
            fact_keys.leg(event.leg_id, "window"), window_text(event.window), event_id, articles
        )
        state._note_day(event.window.start)
    state._note_day(event.on)


def _trip_concluded(
    state: TripState, event: TripConcluded, event_id: str, articles: list[str]
) -> None:
    state._record(
        fact_keys.trip("concluded"), event.on.isoformat() if event.on else "", event_id, articles
    )
    if event.landed is not None:
        state._record(fact_keys.trip("landed"), event.landed.day.isoformat(), event_id, articles)
    state._note_day(event.on)


def _revised(state: TripState, event: ScheduleRevised, event_id: str, articles: list[str]) -> None:
    key = fact_keys.leg(event.leg_id, "window") if event.leg_id else fact_keys.trip("window")
    state.facts[key] = Fact(window_text(event.revised), event_id, articles)
    if event.leg_id is None:
        state.window = event.revised


def _postponed(state: TripState, event: VisitPostponed, event_id: str, articles: list[str]) -> None:
    state._record(fact_keys.status("postponed", event.leg_id), "yes", event_id, articles)


def _cancelled(state: TripState, event: VisitCancelled, event_id: str, articles: list[str]) -> None:
    state._record(fact_keys.status("cancelled", event.leg_id), "yes", event_id, articles)


def _corroborated(
    state: TripState, event: FactCorroborated, event_id: str, articles: list[str]
) -> None:
    fact = state.facts.get(event.fact)
    if fact is not None:
        for article in articles:
            if article not in fact.sources:
                fact.sources.append(article)


def _disputed(state: TripState, event: ClaimDisputed, event_id: str, articles: list[str]) -> None:
    state.disputes.append(event)


def _nothing(state: TripState, event: TripEvent, event_id: str, articles: list[str]) -> None:
    """A trip event that records no fact (its version still counts it)."""


#: Records an event (of the type it is registered for) in its trip's state, given the
#: event's id and its articles' ids (sorted).
_Record = Callable[[TripState, Any, str, list[str]], None]

_RECORDS: dict[type, _Record] = {
    VisitAnnounced: _announced,
    DelegationNamed: _named,
    DelegationDeparted: _departed,
    DelegationArrived: _arrived,
    EngagementReported: _engaged,
    LegConcluded: _leg_concluded,
    TripConcluded: _trip_concluded,
    ScheduleRevised: _revised,
    ScheduleChanged: _nothing,
    VisitPostponed: _postponed,
    VisitCancelled: _cancelled,
    FactCorroborated: _corroborated,
    ClaimDisputed: _disputed,
}


def _record_for(kind: type) -> _Record:
    """How an event type first seen is recorded: as its nearest registered base (a
    subclass of an event is that event), or not at all."""
    found = next((_RECORDS[base] for base in kind.__mro__ if base in _RECORDS), _nothing)
    _RECORDS[kind] = found
    return found
