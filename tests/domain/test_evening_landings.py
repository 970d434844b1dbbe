"""An evening landing told by the clock ("at 21:00 local time") is an evening landing,
and the first leg's evening landing on the eve of the day the trip's stated window opens
belongs to that day (the programme's first). Each test fails if the rule changes."""

from __future__ import annotations

from datetime import date, time

from calendar_svc.domain.values import Certainty, DateWindow
from tests.support.folding import announce, arrived, article, fold

TRIP = "m-2025-04-01"
AM, UZ = f"{TRIP}/am", f"{TRIP}/uz"


def d(day: int) -> date:
    return date(2025, 4, day)


def test_a_landing_at_nine_in_the_evening_is_not_a_stated_start() -> None:
    view = fold(
        TRIP,
        article("a", d(2)),
        announce("a", AM, 1),
        arrived("a", AM, d(1), local_time=time(21, 0)),
    )
    leg = view.legs[0]
    assert leg.start_date == d(1)
    assert leg.start_certainty == Certainty.INFERRED.value
    morning = fold(
        TRIP,
        article("a", d(2)),
        announce("a", AM, 1),
        arrived("a", AM, d(1), local_time=time(9, 0)),
    )
    assert morning.legs[0].start_certainty != Certainty.INFERRED.value


def test_the_first_legs_evening_landing_on_the_eve_of_the_trips_window_opens_it() -> None:
    view = fold(
        TRIP,
        article("a", d(1)),
        announce("a", AM, 1, trip_window=DateWindow(d(2), d(9))),
        announce("a", UZ, 2),
        article("b", d(2)),
        arrived("b", AM, d(1), local_time=time(21, 0)),
    )
    assert view.legs[0].start_date == d(2)


def test_a_landing_late_at_night_is_the_eve_of_the_leg() -> None:
    """At 23:27 the programme cannot begin that day: the leg starts the next one; at 21:00
    it may, and the landing day is kept."""
    view = fold(
        TRIP,
        article("a", d(2)),
        announce("a", AM, 1),
        arrived("a", AM, d(1), local_time=time(23, 27)),
    )
    assert (view.legs[0].start_date, view.legs[0].start_certainty) == (
        d(2),
        Certainty.INFERRED.value,
    )
