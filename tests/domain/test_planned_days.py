"""The `planned` rule (rules 3 and 5): a plan's day ("will fly on to Canberra on Friday",
"before returning home on Saturday") dates a leg only when nothing that happened or was
stated does, always as inferred, and a planned end never runs past the next leg's start.
Each row fails if the rule's place in the order of precedence changes."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.rules import (
    AFTER,
    ENGAGED,
    LEFT_HOME,
    PLANNED_END,
    PLANNED_START,
    TRIP_END,
    TRIP_START,
    Dated,
    LegEvidence,
    Reading,
    TripFacts,
    date_legs,
    leg_end,
    leg_start,
)
from calendar_svc.domain.values import Certainty, DateWindow


def d(day: int) -> date:
    return date(2023, 5, day)


def inferred(day: int, rule: str, reason: str) -> Dated:
    return Dated(d(day), rule, reason, Certainty.INFERRED)


PLANNED = LegEvidence(planned_start=d(19), planned_end=d(21))


@pytest.mark.parametrize(
    ("leg", "first", "left_home", "trip_start", "expected"),
    [
        pytest.param(PLANNED, False, None, None, inferred(19, "planned", PLANNED_START), id="plan"),
        pytest.param(
            PLANNED._replace(engaged=(d(18),)),
            False,
            None,
            None,
            inferred(19, "planned", PLANNED_START),
            id="plan-beats-engagements",
        ),
        pytest.param(
            PLANNED, True, d(18), None, inferred(18, "departure_from_home", LEFT_HOME), id="left"
        ),
        pytest.param(
            PLANNED, True, None, d(17), inferred(17, "trip_start", TRIP_START), id="window"
        ),
        pytest.param(
            LegEvidence(engaged=(d(20),)),
            False,
            None,
            None,
            inferred(20, "engagements", ENGAGED),
            id="no-plan",
        ),
    ],
)
def test_planned_start(
    leg: LegEvidence,
    first: bool,
    left_home: date | None,
    trip_start: date | None,
    expected: Dated,
) -> None:
    assert leg_start(leg, first, None, left_home, trip_start) == expected


def test_a_stated_start_beats_the_plan() -> None:
    leg = PLANNED._replace(starts=(Reading(d(20), "arrival", "a"),))
    start = leg_start(leg, False, None, None, None)
    assert start is not None
    assert (start.day, start.certainty) == (d(20), Certainty.STATED)


@pytest.mark.parametrize(
    ("leg", "last", "trip_end", "expected"),
    [
        pytest.param(PLANNED, False, None, inferred(21, "planned", PLANNED_END), id="plan"),
        pytest.param(PLANNED, True, d(22), inferred(22, "trip_end", TRIP_END), id="came-home"),
        pytest.param(LegEvidence(planned_end=d(18)), False, None, None, id="before-start"),
    ],
)
def test_planned_end(
    leg: LegEvidence, last: bool, trip_end: date | None, expected: Dated | None
) -> None:
    start = inferred(19, "planned", PLANNED_START)
    assert leg_end(leg, start, last, trip_end, trip_end_stated=False) == expected


def test_a_planned_end_stops_at_the_next_legs_start() -> None:
    """ "Returning home on Saturday", told before a later leg was known: the later leg's
    arrival bounds it."""
    first = LegEvidence(starts=(Reading(d(17), "arrival", "a"),), planned_end=d(27))
    second = LegEvidence(starts=(Reading(d(24), "arrival", "b"),))
    (_, end), _ = date_legs([first, second], TripFacts(), (None, None))
    assert end == inferred(24, "neighbours", AFTER)


def test_planned_days_are_never_confirmed() -> None:
    (start, end), *_ = date_legs([PLANNED], TripFacts(), (None, None))
    assert start is not None and end is not None
    assert {start.certainty, end.certainty} == {Certainty.INFERRED}


def test_a_legs_plan_beats_the_trips_window_and_the_summits_close() -> None:
    """The trip's stated window is often another leg's (an article that named one
    country); a plan for this leg is surer."""
    start = inferred(15, "arrival", "")
    leg = LegEvidence(planned_end=d(16), event=DateWindow(d(15), d(15)))
    assert leg_end(leg, start, True, d(15), trip_end_stated=True) == inferred(
        16, "planned", PLANNED_END
    )


def test_a_plan_to_leave_on_the_day_of_arrival_is_a_one_day_leg() -> None:
    start = inferred(19, "planned", PLANNED_START)
    leg = LegEvidence(planned_end=d(19))
    assert leg_end(leg, start, False, None, trip_end_stated=False) == inferred(
        19, "planned", PLANNED_END
    )


def test_a_planned_end_on_the_next_legs_first_day_stands() -> None:
    first = LegEvidence(starts=(Reading(d(17), "arrival", "a"),), planned_end=d(24))
    second = LegEvidence(starts=(Reading(d(24), "arrival", "b"),))
    (_, end), _ = date_legs([first, second], TripFacts(), (None, None))
    assert end == inferred(24, "planned", PLANNED_END)


def test_a_summits_close_stops_at_the_next_legs_start() -> None:
    """The summit runs to the 28th but the next leg's arrival is the 27th: the traveller
    left the summit early; the close is no end then."""
    first = LegEvidence(starts=(Reading(d(26), "arrival", "a"),), event=DateWindow(d(26), d(28)))
    second = LegEvidence(starts=(Reading(d(27), "arrival", "b"),))
    (_, end), _ = date_legs([first, second], TripFacts(), (None, None))
    assert end == inferred(27, "neighbours", AFTER)
