"""`TripState.reach`: the days a trip is known by, for matching a later report to it. A
stated window that is one leg's range must not hide the days the other facts name."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain.trip import TripState
from calendar_svc.domain.values import DateWindow, PersonRef, Provenance
from calendar_svc.ingest.extract import ArticleFacts, Sourced
from calendar_svc.ingest.trip_match import match_trip


def test_reach_spans_the_window_and_the_days_facts_name() -> None:
    trip = TripState("t", window=DateWindow(date(2024, 11, 17), date(2024, 11, 21)))
    trip.first_day, trip.last_day = date(2024, 11, 13), date(2024, 11, 21)
    assert trip.span() == DateWindow(date(2024, 11, 17), date(2024, 11, 21))
    assert trip.reach() == DateWindow(date(2024, 11, 13), date(2024, 11, 21))


def test_a_report_of_a_leg_outside_the_stated_window_joins_the_trip() -> None:
    """Announced Peru 13-17 and Brazil 17-21 with Brazil's range kept as the window, an
    arrival report from Peru on the 14th is the same trip."""
    who = PersonRef(name="Ivan Petrov", title="President")
    trip = TripState("ivan-petrov", principal=who)
    trip.window = DateWindow(date(2024, 11, 17), date(2024, 11, 21))
    trip.first_day, trip.last_day = date(2024, 11, 13), date(2024, 11, 21)
    trip.legs = {"PE": "PE", "BR": "BR"}
    prov = Provenance("a", 0, (0, 1), "s", "r")
    facts = ArticleFacts(article_id="a", language="en", reference=date(2024, 11, 14))
    facts.principal = Sourced(who, prov)
    facts.itinerary = [Sourced("PE", prov)]
    facts.plans = []
    facts.returns = [Sourced(date(2024, 11, 14), prov)]
    assert match_trip(facts, {"ivan-petrov": trip}) is trip
