"""Rule 2's move between legs: a leg begun when the delegation left the one before starts
the day its flight lands, taken after the day's programme (`FLIES_ON_AT`); an overnight
flight east starts it the next day. Called directly, and through the fold for the
flight's hours and clock. Each test fails if the rule changes."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.rules import (
    LegEvidence,
    Reading,
    TripFacts,
    date_legs,
    landing_day,
)
from calendar_svc.domain.values import DateWindow
from calendar_svc.domain.views import TripView
from tests.support.folding import announce, arrived, article, fold, leg_concluded


def d(day: int) -> date:
    return date(2024, 11, day)


@pytest.mark.parametrize(
    ("flight", "landed"),
    [
        (None, d(19)),  # places unknown: the same day
        ((1.6, 0.0), d(19)),  # Brussels to Geneva
        ((12.5, -5.0), d(19)),  # west, clocks back: lands that evening
        ((7.5, 1.0), d(20)),  # Niamey to Johannesburg: 16 + 7.5 + 1 = 24.5
        ((12.0, 3.0), d(20)),  # Brasilia to London
        ((7.0, 1.0), d(20)),  # 16 + 7 + 1 = 24: midnight itself is the next day
    ],
)
def test_landing_day(flight: tuple[float, float] | None, landed: date) -> None:
    assert landing_day(d(19), flight) == landed


def test_a_leg_after_an_overnight_flight_starts_the_next_day_inferred() -> None:
    brazil = LegEvidence(starts=(Reading(d(16), "arrival", "a"),), concluded_on=d(19))
    britain = LegEvidence(flight_in=(12.0, 3.0))
    ((_, _), (start, _)) = date_legs([brazil, britain], TripFacts(), (None, None))
    assert start is not None and (start.day, start.rule) == (d(20), "previous_concluded")
    assert "lands after midnight" in start.reason


def test_a_leg_entered_by_a_short_hop_starts_that_day() -> None:
    first = LegEvidence(starts=(Reading(d(16), "arrival", "a"),))
    hop = LegEvidence(entered_on=d(18), flight_in=(1.6, 0.0))
    ((_, _), (start, _)) = date_legs([first, hop], TripFacts(), (None, None))
    assert start is not None and start.day == d(18)
    assert "lands after midnight" not in start.reason


# -- through the fold: the hours and clock come from the places -------------------------

TRIP = "p-2024-11-16"
BR, GB, BE = f"{TRIP}/br", f"{TRIP}/gb", f"{TRIP}/be"


def _fold(*legs: tuple[str, int], concluded: int) -> TripView:
    """Legs announced in order; the first arrived on its day and concluded on `concluded`."""
    (first, day), *_ = legs
    return fold(
        TRIP,
        article("a", d(25)),
        *(announce("a", leg, sequence) for sequence, (leg, _) in enumerate(legs, start=1)),
        arrived("a", first, d(day)),
        leg_concluded("a", first, d(concluded)),
    )


def test_from_brasilia_to_london_the_leg_starts_the_morning_after() -> None:
    view = _fold((BR, 16), (GB, 0), concluded=19)
    assert view.legs[1].start_date == d(20)


def test_from_brussels_to_london_the_leg_starts_the_same_day() -> None:
    view = _fold((BE, 16), (GB, 0), concluded=19)
    assert view.legs[1].start_date == d(19)


def test_the_change_of_clock_can_carry_a_landing_past_midnight() -> None:
    """Niamey to Pretoria: about 7.5 hours, and the clock an hour ahead: 00:30."""
    niger, south_africa = f"{TRIP}/ne", f"{TRIP}/za"
    view = _fold((niger, 22), (south_africa, 0), concluded=23)
    assert view.legs[1].start_date == d(24)


def test_a_leg_entered_after_an_overnight_flight_starts_the_next_day() -> None:
    first = LegEvidence(starts=(Reading(d(16), "arrival", "a"),))
    entered = LegEvidence(entered_on=d(19), flight_in=(12.0, 3.0))
    ((_, _), (start, _)) = date_legs([first, entered], TripFacts(), (None, None))
    assert start is not None and start.day == d(20)


def test_the_flight_in_is_from_the_leg_before_as_travelled() -> None:
    """Told Brazil, Belgium (from the 25th), Britain (left on the 22nd): in time order
    Britain follows Brazil, so its flight in is from Brasilia, not from Brussels."""
    view = fold(
        TRIP,
        article("a", d(26)),
        announce("a", BR, 1),
        announce("a", BE, 2, window=DateWindow(d(25), d(26))),
        announce("a", GB, 3),
        arrived("a", BR, d(16)),
        leg_concluded("a", BR, d(19)),
        leg_concluded("a", GB, d(22)),
    )
    assert [leg.country_code for leg in view.legs] == ["BR", "GB", "BE"]
    assert view.legs[1].start_date == d(20)


# -- the other way: a leg no source ends, before a leg reached overnight ------------------


@pytest.mark.parametrize(
    ("flight", "ended"),
    [
        ((12.0, 3.0), d(19)),  # Brasilia to London: 15 hours of clock, left the day before
        ((8.0, 4.5), d(19)),  # Geneva to New Delhi: 12.5
        ((7.5, 1.0), d(20)),  # Niamey to Johannesburg: 8.5, as often the same day as not
        ((1.6, 0.0), d(20)),  # Brussels to Geneva
        (None, d(20)),  # places unknown: the day the next leg starts
    ],
)
def test_a_leg_before_an_overnight_flight_ends_the_day_before(
    flight: tuple[float, float] | None, ended: date
) -> None:
    first = LegEvidence(starts=(Reading(d(16), "arrival", "a"),))
    landed = LegEvidence(starts=(Reading(d(20), "arrival", "b"),), flight_in=flight)
    ((_, end), (start, _)) = date_legs([first, landed], TripFacts(), (None, None))
    assert start is not None and start.day == d(20)
    assert end is not None and (end.day, end.rule) == (ended, "neighbours")
    assert ("next leg is overnight" in end.reason) == (ended == d(19))  # says why


def test_a_leg_begun_the_day_the_next_one_did_is_not_ended_before_it_began() -> None:
    first = LegEvidence(starts=(Reading(d(20), "arrival", "a"),))
    landed = LegEvidence(starts=(Reading(d(20), "arrival", "b"),), flight_in=(12.0, 3.0))
    ((_, end), _) = date_legs([first, landed], TripFacts(), (None, None))
    assert end is not None and end.day == d(20)
    assert "clamped" not in end.reason  # the next leg's start bounds it, as it is


def test_the_flight_is_known_without_the_day_the_stop_before_ended() -> None:
    """Brazil arrived on the 16th, Britain on the 20th, no day told for leaving Brazil:
    the clock from Brasilia to London says Brazil ended on the 19th."""
    view = fold(
        TRIP,
        article("a", d(25)),
        announce("a", BR, 1),
        announce("a", GB, 2),
        arrived("a", BR, d(16)),
        arrived("a", GB, d(20)),
    )
    assert view.legs[0].end_date == d(19)
