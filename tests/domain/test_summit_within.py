"""Rule 8 (`within`): a summit leg inside a visit to the same country is dated by the
summit and takes no part in the neighbours' rules, and stands as its visit does; a summit
leg outside the visit's stated days stays one leg in the sequence. Each test fails if
the rule changes."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain.rules import (
    EVENT_END,
    WITHIN_START,
    Dated,
    LegEvidence,
    Reading,
    TripFacts,
    date_legs,
    leg_statuses,
    within,
)
from calendar_svc.domain.values import Certainty, DateWindow


def d(day: int) -> date:
    return date(2023, 12, day)


def stay(first: int, last: int, country: str = "JP") -> LegEvidence:
    return LegEvidence(
        starts=(Reading(d(first), "window", "a"),),
        ends=(Reading(d(last), "window", "a"),),
        country=country,
    )


def summit(first: int, last: int, country: str = "JP") -> LegEvidence:
    return LegEvidence(event=DateWindow(d(first), d(last)), country=country, summit=True)


NO_WINDOW: tuple[Dated | None, Dated | None] = (None, None)


def test_a_summit_inside_the_visit_is_dated_by_the_summit() -> None:
    legs = [stay(15, 18), summit(16, 17)]
    assert within(legs) == {1}
    visit, inside = date_legs(legs, TripFacts(), NO_WINDOW)
    assert (visit[0].day, visit[1].day) == (d(15), d(18))  # type: ignore[union-attr]
    assert inside == (
        Dated(d(16), "within", WITHIN_START, Certainty.INFERRED),
        Dated(d(17), "within", EVENT_END, Certainty.INFERRED),
    )


def test_the_leg_after_the_visit_is_bounded_by_the_visit_not_the_summit() -> None:
    after = LegEvidence(country="KR")
    legs = [stay(15, 18), summit(16, 17), after]
    dates = date_legs(legs, TripFacts(), NO_WINDOW)
    assert dates[2][0] is not None and dates[2][0].day == d(18)


def test_a_summit_before_the_visit_is_a_leg_in_the_sequence() -> None:
    legs = [summit(12, 13), stay(15, 18)]
    assert within(legs) == set()
    first, _ = date_legs(legs, TripFacts(), NO_WINDOW)
    assert first[1] is not None and first[1].rule == "event"


def test_another_countrys_visit_does_not_hold_the_summit() -> None:
    assert within([stay(15, 18, "KR"), summit(16, 17)]) == set()


def test_in_a_one_country_trip_the_trips_window_is_the_visits() -> None:
    legs = [LegEvidence(country="US"), summit(12, 13, "US")]
    window = (
        Dated(date(2023, 12, 11), "stated", "", Certainty.STATED),
        Dated(date(2023, 12, 17), "stated", "", Certainty.STATED),
    )
    assert within(legs, window) == {1}
    assert within(legs) == set()


def test_a_summit_within_stands_as_its_visit() -> None:
    visit = stay(15, 18)._replace(started=True)
    statuses = leg_statuses([visit, summit(16, 17)], TripFacts(), NO_WINDOW)
    assert [s.status for s in statuses] == ["in_progress", "in_progress"]
    cancelled = summit(16, 17)._replace(cancelled=True)
    statuses = leg_statuses([visit, cancelled], TripFacts(), NO_WINDOW)
    assert [s.status for s in statuses] == ["in_progress", "cancelled"]
