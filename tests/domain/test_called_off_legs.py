"""A leg called off (postponed or cancelled) while the rest goes ahead is dated by its
own evidence only: it takes no days from its neighbours or the trip's window, and bounds
none of them; the trip's first and last legs are those that go ahead. Each test fails if
the rule changes."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain.rules import LegEvidence, Reading, TripFacts, date_legs


def d(day: int) -> date:
    return date(2023, 3, day)


GOING = LegEvidence(starts=(Reading(d(29), "arrival", "a"),))


def test_a_postponed_leg_takes_no_days_from_its_neighbours() -> None:
    off = LegEvidence(postponed=True)
    dates = date_legs([GOING, off], TripFacts(returned_on=d(31)), (None, None))
    assert dates[1] == (None, None)


def test_the_leg_that_goes_ahead_is_the_last_one() -> None:
    """Without the called-off leg after it, the leg that went ahead ends with the trip."""
    off = LegEvidence(cancelled=True)
    (_, end), _ = date_legs([GOING, off], TripFacts(returned_on=d(31)), (None, None))
    assert end is not None and (end.day, end.rule) == (d(31), "trip_end")


def test_a_called_off_leg_bounds_no_other() -> None:
    off = LegEvidence(
        postponed=True,
        starts=(Reading(d(26), "window", "a"),),
        ends=(Reading(d(27), "window", "a"),),
    )
    later = LegEvidence()
    dates = date_legs([GOING, later, off], TripFacts(), (None, None))
    assert dates[2][0] is not None and dates[2][0].day == d(26)  # its own stated days
    assert dates[1][1] is None  # not bounded by the called-off leg's days


def test_the_first_leg_that_goes_ahead_starts_when_the_trip_left_home() -> None:
    """A leg called off before it (in the log's order) is not the trip's first leg."""
    off = LegEvidence(postponed=True)
    second = LegEvidence()
    dates = date_legs([off, second, GOING], TripFacts(left_home=d(27)), (None, None))
    assert dates[0] == (None, None)
    assert dates[1][0] is not None and (dates[1][0].day, dates[1][0].rule) == (
        d(27),
        "departure_from_home",
    )


def test_a_leg_after_a_called_off_one_follows_the_leg_before_that() -> None:
    """The called-off leg is no 'previous' leg: the leg after it starts when the leg
    that went ahead before it concluded."""
    done = LegEvidence(concluded=True, concluded_on=d(28))
    dates = date_legs([done, LegEvidence(cancelled=True), LegEvidence()], TripFacts(), (None, None))
    start = dates[2][0]
    assert start is not None and (start.day, start.rule) == (d(28), "previous_concluded")
