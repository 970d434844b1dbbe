"""Turn one article's facts into events for the right trip (`trip_match.match_trip`):
new facts, corroborations of facts already on the log, and disputes where sources
disagree. Pure: the caller passes what the log knows (trip states) and appends what
comes back. A new trip's id is readable and stable: "to-lam-2025-05-05". An article with
no date at all cannot place a trip in time, so it starts none.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from calendar_svc.domain import facts as fact_keys
from calendar_svc.domain import ids
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
from calendar_svc.domain.trip import TripState, apply, window_text
from calendar_svc.domain.values import DateWindow, PersonRef, Provenance, VisitType
from calendar_svc.ingest.extract import (
    ArticleFacts,
    Plan,
    Sourced,
    event_ends_to_summit_legs,
    leg_country,
    to_known_summit_cities,
)
from calendar_svc.ingest.known_trip import later_journeys, summit_cities, to_known_summit_legs
from calendar_svc.ingest.trip_match import match_trip


@dataclass
class _Builder:
    """Collects events for one trip, folding each into a working state as it goes so
    that a fact stated twice in one article is recorded once."""

    article_id: str
    state: TripState
    events: list[tuple[str, TripEvent]] = field(default_factory=list)

    @property
    def trip_id(self) -> str:
        return self.state.trip_id

    def emit(self, event: TripEvent) -> None:
        seed = f"{self.article_id}:{len(self.events)}:{type(event).__name__}"
        event_id = hashlib.sha256(seed.encode()).hexdigest()[:32]
        self.events.append((event_id, event))
        self.state = apply(self.state, event, event_id)

    def check(self, fact: str, value: str, provenance: Provenance) -> str:
        """ "new", "same" or "different"; records corroborations and disputes itself."""
        held = self.state.facts.get(fact)
        if held is None:
            return "new"
        if held.value == value:
            if provenance.article_id not in held.sources:
                self.emit(
                    FactCorroborated(
                        trip_id=self.trip_id,
                        provenance=[provenance],
                        fact=fact,
                        value=value,
                        corroborates=held.event_id,
                    )
                )
            return "same"
        return "different"

    def dispute(self, fact: str, claimed: str, provenance: Provenance) -> None:
        held = self.state.facts[fact]
        already = any(
            d.fact == fact
            and d.claimed == claimed
            and d.provenance[0].article_id == provenance.article_id
            for d in self.state.disputes
        )
        if not already:
            self.emit(
                ClaimDisputed(
                    trip_id=self.trip_id,
                    provenance=[provenance],
                    fact=fact,
                    held=held.value,
                    claimed=claimed,
                    held_since=held.event_id,
                )
            )


def assemble(
    facts: ArticleFacts,
    trips: Mapping[str, TripState],
) -> list[tuple[str, TripEvent]]:
    """Events (with deterministic ids) that record this article's facts on its trip."""
    if not facts.about_a_trip or facts.principal is None:
        return []
    principal = facts.principal
    known = match_trip(facts, trips)
    if known is None:
        if not facts.itinerary:
            return []  # a homecoming with no trip on the log to end
        days = facts.known_days()
        if facts.trip_window is not None:
            start = facts.trip_window.value.start
        elif days:
            start = min(days)
        else:
            return []
        state = TripState(trip_id=ids.trip_id(principal.value.name, start))
    else:
        state = copy.deepcopy(known)
    b = _Builder(article_id=facts.article_id, state=state)

    facts.forget_legs(later_journeys(state, facts))
    to_known_summit_legs(b.trip_id, state, facts)
    to_known_summit_cities(facts, lambda country: summit_cities(state, country))
    event_ends_to_summit_legs(facts)
    _legs(b, facts)
    _delegation(b, facts)
    _movements(b, facts)
    for item in facts.postponements:
        leg = ids.leg_id(b.trip_id, item.value) if item.value else None
        if b.check(fact_keys.status("postponed", leg), "yes", item.provenance) == "new":
            b.emit(VisitPostponed(trip_id=b.trip_id, provenance=[item.provenance], leg_id=leg))
    for item in facts.cancellations:
        leg = ids.leg_id(b.trip_id, item.value) if item.value else None
        if b.check(fact_keys.status("cancelled", leg), "yes", item.provenance) == "new":
            b.emit(VisitCancelled(trip_id=b.trip_id, provenance=[item.provenance], leg_id=leg))
    _changes(b, facts)
    return b.events


def _changes(b: _Builder, facts: ArticleFacts) -> None:
    """The days planned that the article says no longer hold, once per leg (or the trip)
    and end, after its own readings (the days it agrees with stay)."""
    seen: set[tuple[str | None, str]] = set()
    for item in facts.changes:
        code, moved = item.value
        leg = ids.leg_id(b.trip_id, code) if code else None
        if (
            (leg, moved) in seen
            or not b.state.sequences
            or (leg is not None and leg not in b.state.sequences)
        ):
            continue
        seen.add((leg, moved))
        b.emit(
            ScheduleChanged(
                trip_id=b.trip_id,
                provenance=[item.provenance],
                leg_id=leg,
                moved="end" if moved == "end" else "both",
            )
        )


def _sequence_for_new(b: _Builder, facts: ArticleFacts, at: int) -> int:
    """A new leg's sequence: that of the first known leg this article puts after it (the
    fold shows a leg announced with a known leg's sequence before that leg), else after
    every leg known."""
    for later in facts.itinerary[at + 1 :]:
        known = b.state.sequences.get(ids.leg_id(b.trip_id, later.value))
        if known is not None:
            return known
    return max(b.state.sequences.values(), default=0) + 1


def _legs(b: _Builder, facts: ArticleFacts) -> None:
    """Each leg the article names: announced with what is new of it (and the trip's window
    with the first leg announced), then every claim checked against what the trip holds."""
    window_pending = _trip_window(b, facts)
    for at, stop in enumerate(facts.itinerary):
        leg = ids.leg_id(b.trip_id, stop.value)
        claims = _LegClaims.of(facts, stop.value)
        if _announce(b, facts, at, stop, claims, window_pending):
            window_pending = False
        _check_claims(b, facts, leg, claims)


def _trip_window(b: _Builder, facts: ArticleFacts) -> bool:
    """Check the trip's window (a revision or a dispute when it differs); True when it is
    new, so the first leg announced carries it."""
    trip_window = facts.trip_window
    if trip_window is None:
        return False
    verdict = b.check(
        fact_keys.trip("window"), window_text(trip_window.value), trip_window.provenance
    )
    if verdict == "different":
        held_window = b.state.facts[fact_keys.trip("window")]
        previous = b.state.window
        if facts.article_id not in held_window.sources:
            _put_off(b, facts, previous, trip_window.provenance)
            b.emit(
                ScheduleRevised(
                    trip_id=b.trip_id,
                    provenance=[trip_window.provenance],
                    leg_id=None,
                    previous=previous,
                    revised=trip_window.value,
                )
            )
        else:
            b.dispute(
                fact_keys.trip("window"), window_text(trip_window.value), trip_window.provenance
            )
    return verdict == "new"


def _put_off(
    b: _Builder, facts: ArticleFacts, previous: DateWindow | None, said: Provenance
) -> None:
    """New days given for the held ones, which the article names as no longer holding
    ("originally planned for March 20 to 22, has been rescheduled to April 10 to 12"): the
    visit was put off and set again, so the days it had been planned for are history (a
    revision alone is one more reading, weighed against the old)."""
    if previous is None or not any(
        w.start <= previous.end and previous.start <= w.end for w in facts.replaced
    ):
        return
    b.emit(VisitPostponed(trip_id=b.trip_id, provenance=[said], leg_id=None))


@dataclass(frozen=True)
class _LegClaims:
    """What the article says of one leg, field by field, in the order it said it."""

    types: list[Sourced[tuple[str, VisitType]]]
    inviters: list[Sourced[tuple[str, PersonRef]]]
    windows: list[Sourced[tuple[str, DateWindow]]]
    events: list[Sourced[tuple[str, DateWindow]]]
    cities: list[Sourced[tuple[str, str]]]
    durations: list[Sourced[tuple[str | None, int]]]
    plans: list[Sourced[Plan]]

    @classmethod
    def of(cls, facts: ArticleFacts, code: str) -> _LegClaims:
        return cls(
            types=[c for c in facts.visit_types if c.value[0] == code],
            inviters=[c for c in facts.inviters if c.value[0] == code],
            windows=[c for c in facts.leg_windows if c.value[0] == code],
            events=[c for c in facts.event_windows if c.value[0] == code],
            cities=[c for c in facts.cities if c.value[0] == code],
            durations=[
                c
                for c in facts.leg_durations
                if c.value[0] == code or (c.value[0] is None and len(facts.itinerary) == 1)
            ],
            plans=[p for p in facts.plans if p.value.leg == code],
        )

    def firsts(self) -> list[tuple[str, fact_keys.LegFact, Sourced[tuple[str, object]] | None]]:
        """(announced field, fact key, the first claim of it): the first claim of each
        field is what this article says of it."""
        return [
            ("visit_type", "visit_type", _head(self.types)),
            ("inviter", "inviter", _head(self.inviters)),
            ("window", "window", _head(self.windows)),
            ("event_window", "event", _head(self.events)),
            ("duration_days", "duration", _head(self.durations)),
            ("city", "city", _head(self.cities)),
        ]


def _announce(
    b: _Builder,
    facts: ArticleFacts,
    at: int,
    stop: Sourced[str],
    claims: _LegClaims,
    window_pending: bool,
) -> bool:
    """Announce the leg when it is new, when the article says something of it that nothing
    is held for yet, or to carry the trip's new window; True when announced."""
    assert facts.principal is not None
    trip_window = facts.trip_window
    leg = ids.leg_id(b.trip_id, stop.value)
    country = leg_country(stop.value)
    fields: dict[str, object] = {}
    provenance = [stop.provenance]
    for name, key, first in claims.firsts():
        if first is not None and fact_keys.leg(leg, key) not in b.state.facts:
            fields[name] = first.value[1]
            provenance.append(first.provenance)
    for plan in _changed_plans(b, leg, claims.plans):
        fields[f"planned_{plan.value.edge}"] = plan.value.day
        provenance.append(plan.provenance)
    carry_window = window_pending and trip_window is not None
    if not (leg not in b.state.legs or fields or carry_window):
        b.check(fact_keys.leg(leg, "country"), country, stop.provenance)
        return False
    if carry_window and trip_window is not None:
        provenance.append(trip_window.provenance)
    sequence = b.state.sequences.get(leg) or _sequence_for_new(b, facts, at)
    b.emit(
        VisitAnnounced(
            trip_id=b.trip_id,
            provenance=_unique(provenance),
            principal=facts.principal.value,
            leg_id=leg,
            country_code=country,
            sequence=sequence,
            visit_type=_as_visit_type(fields.get("visit_type")),
            inviter=_as_person(fields.get("inviter")),
            window=_as_window(fields.get("window")),
            duration_days=_as_int(fields.get("duration_days")),
            city=_as_str(fields.get("city")),
            trip_window=trip_window.value if carry_window and trip_window else None,
            event_window=_as_window(fields.get("event_window")),
            planned_start=_as_date(fields.get("planned_start")),
            planned_end=_as_date(fields.get("planned_end")),
        )
    )
    return True


def _check_claims(b: _Builder, facts: ArticleFacts, leg: str, claims: _LegClaims) -> None:
    """Every claim of the leg against what is held: corroborated, disputed, or (a leg's
    window stated anew by another article) a revised schedule."""
    for t in claims.types:
        _check_or_dispute(b, fact_keys.leg(leg, "visit_type"), t.value[1].value, t.provenance)
    for i in claims.inviters:
        fact = fact_keys.leg(leg, "inviter")
        name = i.value[1].name
        if b.check(fact, name, i.provenance) == "different" and not _same_name(
            b.state.facts[fact].value, name
        ):
            b.dispute(fact, name, i.provenance)
    for d in claims.durations:
        _check_or_dispute(b, fact_keys.leg(leg, "duration"), str(d.value[1]), d.provenance)
    for c in claims.cities:
        _check_or_dispute(b, fact_keys.leg(leg, "city"), c.value[1], c.provenance)
    for e in claims.events:
        b.check(fact_keys.leg(leg, "event"), window_text(e.value[1]), e.provenance)
    for w in claims.windows:
        fact = fact_keys.leg(leg, "window")
        window = w.value[1]
        if b.check(fact, window_text(window), w.provenance) != "different":
            continue
        earlier = b.state.facts[fact]
        if facts.article_id not in earlier.sources:
            _put_off(b, facts, _parse_window(earlier.value), w.provenance)
            b.emit(
                ScheduleRevised(
                    trip_id=b.trip_id,
                    provenance=[w.provenance],
                    leg_id=leg,
                    previous=_parse_window(earlier.value),
                    revised=window,
                )
            )
        else:
            b.dispute(fact, window_text(window), w.provenance)


def _delegation(b: _Builder, facts: ArticleFacts) -> None:
    assert facts.principal is not None
    new_members: list[PersonRef] = []
    provenance: list[Provenance] = []
    for member in facts.members:
        key = fact_keys.member(member.value.name)
        if b.check(key, member.value.name, member.provenance) == "new" and all(
            m.name != member.value.name for m in new_members
        ):
            new_members.append(member.value)
            provenance.append(member.provenance)
    spouse = None
    if facts.spouse is not None:
        verdict = b.check("delegation.spouse", facts.spouse.value, facts.spouse.provenance)
        if verdict == "new":
            spouse = facts.spouse.value
            provenance.append(facts.spouse.provenance)
    if new_members or spouse:
        b.emit(
            DelegationNamed(
                trip_id=b.trip_id,
                provenance=_unique(provenance),
                principal=facts.principal.value,
                spouse=spouse,
                members=new_members,
            )
        )


def _movements(b: _Builder, facts: ArticleFacts) -> None:
    for dep in facts.departures:
        d = dep.value
        key = fact_keys.departure(d.place.city or d.place.country_code, d.at.day)
        if b.check(key, d.at.day.isoformat(), dep.provenance) != "new":
            continue
        b.emit(
            DelegationDeparted(
                trip_id=b.trip_id,
                provenance=[dep.provenance],
                place=d.place,
                at=d.at,
                concluded_leg_id=ids.leg_id(b.trip_id, d.concluded_country)
                if d.concluded_country
                else None,
                next_leg_id=ids.leg_id(b.trip_id, d.next_country) if d.next_country else None,
            )
        )
    for arr in facts.arrivals:
        a = arr.value
        leg = ids.leg_id(b.trip_id, a.country_code)
        if b.check(fact_keys.arrival(leg), a.at.day.isoformat(), arr.provenance) == "new":
            b.emit(
                DelegationArrived(
                    trip_id=b.trip_id,
                    provenance=[arr.provenance],
                    leg_id=leg,
                    place=a.place,
                    at=a.at,
                )
            )
    for con in facts.conclusions:
        c = con.value
        leg = ids.leg_id(b.trip_id, c.country_code)
        value = c.on.isoformat() if c.on else ""
        if b.check(fact_keys.concluded(leg), value, con.provenance) != "new":
            continue
        stated = next((w.value[1] for w in facts.leg_windows if w.value[0] == c.country_code), None)
        b.emit(
            LegConcluded(
                trip_id=b.trip_id,
                provenance=[con.provenance],
                leg_id=leg,
                country_code=leg_country(c.country_code),
                on=c.on,
                window=stated,
            )
        )
    for item in facts.engagements:
        e = item.value
        held_in = ids.leg_id(b.trip_id, e.country_code) if e.country_code else None
        engagement_id = ids.engagement_id(held_in or b.trip_id, e.key)
        if b.check(fact_keys.engagement(engagement_id), e.title, item.provenance) == "new":
            b.emit(
                EngagementReported(
                    trip_id=b.trip_id,
                    provenance=[item.provenance],
                    engagement_id=engagement_id,
                    leg_id=held_in,
                    kind=e.kind,
                    title=e.title,
                    counterparts=e.counterparts,
                    place=e.place,
                    at=e.at,
                )
            )
    _homecomings(b, facts)  # a landing's return is recorded with it (`trip.concluded`)
    for ret in facts.returns:
        value = ret.value.isoformat() if ret.value else ""
        if b.check(fact_keys.trip("concluded"), value, ret.provenance) == "new":
            b.emit(TripConcluded(trip_id=b.trip_id, provenance=[ret.provenance], on=ret.value))


def _homecomings(b: _Builder, facts: ArticleFacts) -> None:
    """The first landing home the log hears of: the rules count back from it."""
    for home in facts.homecomings:
        landed = home.value.at
        if b.check(fact_keys.trip("landed"), landed.day.isoformat(), home.provenance) == "new":
            b.emit(
                TripConcluded(
                    trip_id=b.trip_id,
                    provenance=[home.provenance],
                    on=landed.day,
                    landed=landed,
                    place=home.value.place,
                )
            )


def _check_or_dispute(b: _Builder, fact: str, value: str, provenance: Provenance) -> None:
    if b.check(fact, value, provenance) == "different":
        b.dispute(fact, value, provenance)


def _head(items: Sequence[Sourced[Any]]) -> Sourced[tuple[str, object]] | None:
    return items[0] if items else None


def _as_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _same_name(a: str, b: str) -> bool:
    """ "Putin" and "Vladimir Putin" are one person for a dispute's purposes."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _unique(items: list[Provenance]) -> list[Provenance]:
    seen: list[Provenance] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _parse_window(text: str) -> DateWindow | None:
    try:
        start, end = text.split("/")
        return DateWindow(date.fromisoformat(start), date.fromisoformat(end))
    except ValueError:
        return None


def _as_visit_type(value: object) -> VisitType | None:
    return value if isinstance(value, VisitType) else None


def _as_person(value: object) -> PersonRef | None:
    return value if isinstance(value, PersonRef) else None


def _changed_plans(b: _Builder, leg: str, plans: list[Sourced[Plan]]) -> list[Sourced[Plan]]:
    """The article's plan for each end of the leg (its last word on it) that differs from
    the plan held: plans change, and the latest is what the leg's days are guessed from."""
    latest = {p.value.edge: p for p in plans}
    changed = []
    for edge, plan in latest.items():
        key: fact_keys.LegFact = "planned_start" if edge == "start" else "planned_end"
        held = b.state.facts.get(fact_keys.leg(leg, key))
        if held is None or held.value != plan.value.day.isoformat():
            changed.append(plan)
    return changed


def _as_date(value: object) -> date | None:
    return value if isinstance(value, date) else None


def _as_window(value: object) -> DateWindow | None:
    return value if isinstance(value, DateWindow) else None


def _as_int(value: object) -> int | None:
    return value if isinstance(value, int) else None
