"""Rule 5's homecoming: the last leg ends the day the delegation left for home, counted
back from a landing home when that is what the source told (the flight and the change
of clock), and no stay's count runs past that day. Called directly, no fold."""

from __future__ import annotations

from datetime import date, time

import pytest

from calendar_svc.domain.rules import (
    FLEW_HOME,
    TRIP_END,
    Dated,
    LegEvidence,
    Reading,
    TripFacts,
    date_legs,
    flight_hours,
    great_circle_km,
    homeward_day,
    left_for_home,
    trip_window,
)
from calendar_svc.domain.values import Certainty, Moment

HANOI = (21.0245, 105.84117)
PARIS = (48.85341, 2.3488)
VIENTIANE = (17.96667, 102.6)


def d(day: int) -> date:
    return date(2025, 5, day)


def landing(day: int, part: str | None = None, clock: time | None = None) -> Moment:
    return Moment(day=d(day), day_part=part, local_time=clock)


def test_great_circle_distance_is_the_haversine() -> None:
    assert great_circle_km(HANOI, PARIS) == pytest.approx(9180, rel=0.01)
    assert great_circle_km(HANOI, HANOI) == 0


def test_a_flight_takes_its_distance_at_cruise_speed_and_an_hour_on_the_ground() -> None:
    assert flight_hours(8000) == pytest.approx(11.0)
    assert flight_hours(0) == pytest.approx(1.0)


#: The hours of the flights below, as `flight_hours(great_circle_km(...))` gives them (the
#: test after this checks it): numbers, so a mutant of those functions fails a test, not
#: the collection of the module (`make mutate`).
PARIS_TO_HANOI = 12.5
LAOS_TO_HANOI = 1.6


def test_the_flights_below_take_the_hours_their_distance_gives() -> None:
    assert flight_hours(great_circle_km(PARIS, HANOI)) == pytest.approx(PARIS_TO_HANOI, abs=0.05)
    assert flight_hours(great_circle_km(VIENTIANE, HANOI)) == pytest.approx(LAOS_TO_HANOI, abs=0.05)


LEFT_ROWS = [
    # Paris (UTC+2) to Hanoi (UTC+7): 12.5 h in the air and 5 h of clock, so an afternoon
    # landing left Paris the evening before
    pytest.param(landing(10, "afternoon"), PARIS_TO_HANOI, 5.0, d(9), id="long-haul-afternoon"),
    pytest.param(landing(10, None, time(14, 30)), PARIS_TO_HANOI, 5.0, d(9), id="clock-told"),
    # the day alone is taken at midday: still the evening before
    pytest.param(landing(10), PARIS_TO_HANOI, 5.0, d(9), id="long-haul-day-only"),
    # Vientiane to Hanoi, the same zone: an afternoon landing left the same day
    pytest.param(landing(10, "afternoon"), LAOS_TO_HANOI, 0.0, d(10), id="short-hop-afternoon"),
    pytest.param(landing(10, "evening"), LAOS_TO_HANOI, 0.0, d(10), id="short-hop-evening"),
    # a morning landing is an overnight flight, however short
    pytest.param(landing(10, "morning"), LAOS_TO_HANOI, 0.0, d(9), id="morning-is-overnight"),
    pytest.param(landing(10, "early_morning"), None, None, d(9), id="dawn-without-flight"),
    pytest.param(landing(10, "noon"), None, None, d(10), id="noon-without-flight-same-day"),
    # westward, the clock runs back: Hanoi to Paris lands the day it left
    pytest.param(landing(10, "evening"), PARIS_TO_HANOI, -5.0, d(10), id="westward-same-day"),
    # a very long way east from a morning landing: two days before
    pytest.param(landing(10, "early_morning"), 15.0, 13.0, d(8), id="two-days-back"),
]


@pytest.mark.parametrize(("landed", "hours", "change", "expected"), LEFT_ROWS)
def test_the_day_the_delegation_left_for_home(
    landed: Moment, hours: float | None, change: float | None, expected: date
) -> None:
    assert left_for_home(landed, hours, change) == expected


def test_the_homeward_day_is_the_return_told_unless_that_was_the_landing() -> None:
    landed = landing(10, "afternoon")
    # "left for home on the 8th" (a stop on the way), then "landed on the 10th": the
    # departure stands
    told = TripFacts(returned_on=d(8), landed=landed, flight_hours=12.5, clock_change=5.0)
    assert homeward_day(told) == d(8)
    counted = TripFacts(returned_on=d(10), landed=landed, flight_hours=12.5, clock_change=5.0)
    assert homeward_day(counted) == d(9)
    assert homeward_day(TripFacts(returned_on=d(10))) == d(10)
    assert homeward_day(TripFacts()) is None


def _last_end(legs: list[LegEvidence], trip: TripFacts) -> Dated | None:
    return date_legs(legs, trip, trip_window(trip))[-1][1]


def test_the_last_leg_ends_the_day_it_flew_home_and_says_so() -> None:
    trip = TripFacts(
        returned_on=d(10), landed=landing(10, "afternoon"), flight_hours=12.5, clock_change=5.0
    )
    end = _last_end([LegEvidence()], trip)
    assert end == Dated(d(9), "trip_end", FLEW_HOME, Certainty.INFERRED)


def test_a_homecoming_told_as_a_departure_keeps_the_plain_reason() -> None:
    end = _last_end([LegEvidence()], TripFacts(returned_on=d(9)))
    assert end == Dated(d(9), "trip_end", TRIP_END, Certainty.INFERRED)


def test_a_stated_window_that_ends_on_the_landing_day_counts_the_flight() -> None:
    # "chuyến công tác từ ngày 4-10/5", home on the afternoon of the 10th after 12.5 hours
    # in the air and 5 hours of clock: the last stop's last day was the 9th
    trip = TripFacts(
        ends=(Reading(d(10), "window", "a", None, "src-a"),),
        returned_on=d(10),
        landed=landing(10, "afternoon"),
        flight_hours=12.5,
        clock_change=5.0,
    )
    end = _last_end([LegEvidence()], trip)
    assert end == Dated(d(9), "trip_end", FLEW_HOME, Certainty.INFERRED)


def test_a_stated_window_end_beats_a_landing_the_same_day() -> None:
    # a two-hour flight home that evening: the window's last day was spent at the stop
    trip = TripFacts(
        ends=(Reading(d(10), "window", "a", None, "src-a"),),
        returned_on=d(10),
        landed=landing(10, "evening"),
        flight_hours=2.0,
        clock_change=0.0,
    )
    end = _last_end([LegEvidence()], trip)
    assert end is not None and (end.day, end.reason) == (d(10), TRIP_END)
    # nor does a landing told before the window's last day: the sources disagree, and the
    # window is what they state
    earlier = TripFacts(
        ends=trip.ends,
        returned_on=d(9),
        landed=landing(9, "afternoon"),
        flight_hours=12.5,
        clock_change=5.0,
    )
    end = _last_end([LegEvidence()], earlier)
    assert end is not None and (end.day, end.reason) == (d(10), TRIP_END)


def test_a_stay_counted_past_the_day_it_flew_home_is_not_its_end() -> None:
    # "a week-long trip" from the 4th counts to the 10th, the landing; it left on the 9th
    leg = LegEvidence(starts=(Reading(d(4), "arrival", "a", None, "src-a"),), duration=7)
    trip = TripFacts(
        returned_on=d(10), landed=landing(10, "afternoon"), flight_hours=12.5, clock_change=5.0
    )
    end = _last_end([leg], trip)
    assert end is not None and (end.day, end.rule) == (d(9), "trip_end")
    # a count that ends by then stands
    short = LegEvidence(starts=leg.starts, duration=5)
    end = _last_end([short], trip)
    assert end is not None and (end.day, end.rule) == (d(8), "duration")


def test_a_stated_window_that_ends_before_the_flight_home_was_a_legs() -> None:
    # "a state visit to Vietnam from the 4th to the 8th", then a stop in Laos, home on the
    # evening of the 9th after a 1.6-hour flight: the last stop ended the 9th, not the 8th
    trip = TripFacts(
        ends=(Reading(d(8), "window", "a", None, "src-a"),),
        returned_on=d(9),
        landed=landing(9, "evening"),
        flight_hours=LAOS_TO_HANOI,
        clock_change=0.0,
    )
    end = _last_end([LegEvidence(), LegEvidence()], trip)
    assert end is not None and (end.day, end.rule) == (d(9), "trip_end")
    # a departure for home told after the window, with no landing told: the sources
    # disagree, and the stated window stands
    told = TripFacts(ends=trip.ends, returned_on=d(9))
    end = _last_end([LegEvidence(), LegEvidence()], told)
    assert end is not None and (end.day, end.reason) == (d(8), TRIP_END)


def test_a_stated_window_end_beats_a_count_of_days() -> None:
    # "six days in South Korea from Friday" (the 31st to the 5th) and "the visit runs from
    # May 31 to June 6": the window's last day, not the count's
    leg = LegEvidence(starts=(Reading(d(1), "arrival", "a", None, "src-a"),), duration=6)
    trip = TripFacts(ends=(Reading(d(7), "window", "a", None, "src-a"),))
    end = _last_end([leg], trip)
    assert end is not None and (end.day, end.rule) == (d(7), "trip_end")
    # with no window, the count stands
    end = _last_end([leg], TripFacts())
    assert end is not None and (end.day, end.rule) == (d(6), "duration")
