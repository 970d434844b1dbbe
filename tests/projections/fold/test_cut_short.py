"""A call-off told after the delegation reached a leg cuts the journey short: the stay
under way took place (and is not shown cancelled), the legs not begun are called off, and
the trip is not ("I have decided to cancel my trip to the West Coast and return to
Indonesia", a day after landing in Washington). Each test fails if the rule changes."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain import events as ev
from calendar_svc.domain.views import TripView
from tests.support.folding import announce, arrived, article, by, fold

TRIP = "p-2015-10-25"
US, CA = f"{TRIP}/us", f"{TRIP}/ca"


def _trip_with_two_legs(*later: ev.DomainEvent) -> TripView:
    return fold(
        TRIP,
        article("a", date(2015, 10, 20)),
        announce("a", US, 1),
        announce("a", CA, 2),
        article("b", date(2015, 10, 26)),
        arrived("b", US, date(2015, 10, 25)),
        article("c", date(2015, 10, 27)),
        *later,
    )


def _statuses(trip: TripView) -> dict[str, str]:
    return {leg.country_code: leg.status for leg in trip.legs}


def test_a_whole_trip_called_off_once_under_way_calls_off_only_what_had_not_begun() -> None:
    trip = _trip_with_two_legs(ev.VisitCancelled(trip_id=TRIP, provenance=by("c")))
    assert _statuses(trip) == {"US": "in_progress", "CA": "cancelled"}
    assert trip.status != "cancelled"


def test_a_leg_under_way_called_off_is_cut_short_not_cancelled() -> None:
    trip = _trip_with_two_legs(ev.VisitCancelled(trip_id=TRIP, provenance=by("c"), leg_id=US))
    assert _statuses(trip)["US"] == "in_progress"


def test_a_leg_not_begun_is_still_called_off() -> None:
    trip = _trip_with_two_legs(ev.VisitCancelled(trip_id=TRIP, provenance=by("c"), leg_id=CA))
    assert _statuses(trip) == {"US": "in_progress", "CA": "cancelled"}


def test_a_trip_called_off_before_it_began_is_cancelled() -> None:
    trip = fold(
        TRIP,
        article("a", date(2015, 10, 20)),
        announce("a", US, 1),
        article("c", date(2015, 10, 21)),
        ev.VisitCancelled(trip_id=TRIP, provenance=by("c")),
    )
    assert trip.status == "cancelled"
