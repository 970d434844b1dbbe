"""What a trip already on the log decides about where a new article's facts go: legs
named after the homecoming belong to the next journey, and what a later article says of a
summit belongs to the trip's summit leg in that country. Apart from `assemble`, which
turns the facts into events, so each reads alone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from calendar_svc.domain import facts as fact_keys
from calendar_svc.domain import ids
from calendar_svc.domain.trip import TripState, window_from_text
from calendar_svc.domain.values import VisitType
from calendar_svc.ingest.extract import (
    SUMMIT_LEG,
    ArticleFacts,
    Sourced,
    leg_country,
    move_to_summit_leg,
)

#: How long after the homecoming a new leg's first day must be to be the next journey's.
AFTER_HOMECOMING = timedelta(days=2)


def later_journeys(state: TripState, facts: ArticleFacts) -> set[str]:
    """New legs an article names, after the trip came home, on days that begin after the
    homecoming: the next journey ("was back in Hanoi on November 5 ... He is expected in
    Busan later this month for the summit of November 25-26"). A homecoming before the
    trip began is some misreading, and says nothing."""
    held = state.facts.get(fact_keys.trip("concluded"))
    span = state.window or state.span()
    if held is None or not held.value or span is None:
        return set()
    back = date.fromisoformat(held.value)
    if back < span.start:
        return set()  # (the span counts the homecoming's own day: the window is surer)
    gone = set()
    for stop in facts.itinerary:
        days = facts.leg_days(stop.value)
        known = ids.leg_id(state.trip_id, stop.value) in state.legs
        if not known and days and min(days) > back + AFTER_HOMECOMING:
            gone.add(stop.value)
    return gone


def summit_cities(state: TripState, country: str) -> tuple[str, str | None] | None:
    """The cities of the trip's summit leg in `country` and of its visit leg (if known)."""
    summit, visit = (ids.leg_id(state.trip_id, k) for k in (country + SUMMIT_LEG, country))
    held, own = (state.facts.get(fact_keys.leg(leg, "city")) for leg in (summit, visit))
    known = held is not None and visit in state.legs
    return (held.value, own.value if own is not None else None) if known and held else None


def to_known_summit_legs(trip_id: str, state: TripState, facts: ArticleFacts) -> None:
    """A trip that has a summit leg in a country besides its visit there: what a later
    article says of the summit (its type and days, and the arrival of an article that
    names no other visit there) belongs to the summit's leg."""
    for country in {leg_country(s.value) for s in facts.itinerary}:
        key = country + SUMMIT_LEG
        if ids.leg_id(trip_id, key) not in state.legs or any(
            s.value == key for s in facts.itinerary
        ):
            continue
        kinds = {t.value[1] for t in facts.visit_types if t.value[0] == country}
        if VisitType.EVENT not in kinds:
            continue
        stop = next(s for s in facts.itinerary if s.value == country)
        facts.itinerary.append(Sourced(key, stop.provenance))
        # an article that speaks of the summit alone there: its arrivals and moves into
        # the country from the summit's eve on are the summit's
        known = state.facts.get(fact_keys.leg(ids.leg_id(trip_id, key), "event"))
        days = window_from_text(known.value) if known is not None else None
        alone = kinds == {VisitType.EVENT}
        # an arrival told for the summit ("flew into Hamburg ... for the Group of 20
        # summit"), in an article that tells the visit too, is the summit's
        told_for = {
            t.provenance.sentence_index
            for t in facts.visit_types
            if t.value == (country, VisitType.EVENT)
        }
        move_to_summit_leg(
            facts,
            country,
            arrivals=alone,
            entering=alone and days is not None,
            leaving=False,
            since=days.start - timedelta(days=1) if days is not None else None,
        )
        # (after the visit's first day and from the summit's eve: not the visit's arrival)
        held = state.facts.get(fact_keys.leg(ids.leg_id(trip_id, country), "window"))
        visit = window_from_text(held.value) if held is not None else None
        facts.arrivals = [
            Sourced(replace(a.value, country_code=key), a.provenance)
            if a.value.country_code == country
            and a.provenance.sentence_index in told_for
            and visit is not None
            and days is not None
            and a.value.at.day > visit.start
            and a.value.at.day >= days.start - timedelta(days=1)
            else a
            for a in facts.arrivals
        ]
