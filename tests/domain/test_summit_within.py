"""Rule 8 (`within`): a summit leg inside a visit to the same country is dated by the
summit and takes no part in the neighbours' rules, and stands as its visit does; a summit
leg outside the visit's stated days stays one leg in the sequence. Each test fails if
the rule changes."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain.rules import (
    ENCLAVED,
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
    assert within(legs) == {1: 0}
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
    assert within(legs) == {}
    first, _ = date_legs(legs, TripFacts(), NO_WINDOW)
    assert first[1] is not None and first[1].rule == "event"


def test_another_countrys_visit_does_not_hold_the_summit() -> None:
    assert within([stay(15, 18, "KR"), summit(16, 17)]) == {}


def test_in_a_one_country_trip_the_trips_window_is_the_visits() -> None:
    legs = [LegEvidence(country="US"), summit(12, 13, "US")]
    window = (
        Dated(date(2023, 12, 11), "stated", "", Certainty.STATED),
        Dated(date(2023, 12, 17), "stated", "", Certainty.STATED),
    )
    assert within(legs, window) == {1: 0}
    assert within(legs) == {}


def test_a_summit_within_stands_as_its_visit() -> None:
    visit = stay(15, 18)._replace(started=True)
    statuses = leg_statuses([visit, summit(16, 17)], TripFacts(), NO_WINDOW)
    assert [s.status for s in statuses] == ["in_progress", "in_progress"]
    cancelled = summit(16, 17)._replace(cancelled=True)
    statuses = leg_statuses([visit, cancelled], TripFacts(), NO_WINDOW)
    assert [s.status for s in statuses] == ["in_progress", "cancelled"]


def test_a_summit_on_the_visits_first_or_last_days_is_within() -> None:
    assert within([stay(15, 18), summit(15, 16)]) == {1: 0}
    assert within([stay(15, 18), summit(17, 18)]) == {1: 0}
    assert within([stay(15, 18), summit(14, 15)]) == {}
    assert within([stay(15, 18), summit(18, 19)]) == {}


def test_the_visits_stay_spans_all_its_stated_ranges() -> None:
    """Two sources' ranges (15-17, 14-18): the stay is their union."""
    visit = LegEvidence(
        starts=(Reading(d(15), "window", "a"), Reading(d(14), "revised", "b")),
        ends=(Reading(d(18), "window", "a"), Reading(d(17), "revised", "b")),
        country="JP",
    )
    assert within([visit, summit(14, 15)]) == {1: 0}
    assert within([visit, summit(17, 18)]) == {1: 0}


def test_an_arrival_alone_is_no_stated_stay() -> None:
    visit = LegEvidence(starts=(Reading(d(15), "window", "a"),), country="JP")
    assert within([visit, summit(16, 17)]) == {}
    arrived = LegEvidence(
        starts=(Reading(d(15), "arrival", "a"),), ends=(Reading(d(18), "window", "a"),)
    )
    assert within([arrived._replace(country="JP"), summit(16, 17)]) == {}


def test_a_summit_leg_neither_ends_nor_follows_its_visit() -> None:
    """The visit's neighbours are the legs that go on around it: a summit within that
    has begun does not conclude its visit, and the leg before the visit is its previous."""
    before = LegEvidence(concluded=True, country="KR")
    visit = stay(15, 18)
    begun = summit(16, 17)._replace(started=True)
    statuses = leg_statuses([before, visit, begun], TripFacts(), NO_WINDOW)
    assert [(s.status, s.rule) for s in statuses] == [
        ("concluded", "concluded"),
        ("in_progress", "previous_concluded"),
        ("in_progress", "begun"),
    ]


def test_without_a_summit_within_statuses_are_the_sequences() -> None:
    from calendar_svc.domain.rules import leg_status

    left = TripFacts(left_home=d(14))
    legs = [
        LegEvidence(country="KR"),
        LegEvidence(country="JP"),
        LegEvidence(started=True, country="CN"),
        LegEvidence(country="TH"),
    ]
    expected = [
        leg_status(leg, i == 0, legs[i - 1] if i else None, legs[i + 1 :], left)
        for i, leg in enumerate(legs)
    ]
    assert leg_statuses(legs, left, NO_WINDOW) == expected
    assert [s.rule for s in expected] == [
        "later_leg_begun",
        "later_leg_begun",
        "begun",
        "announced",
    ]


def test_a_summit_within_an_announced_visit_is_announced() -> None:
    """Its own status is not the first leg's (the trip left home for another leg)."""
    left = TripFacts(left_home=d(14))
    legs = [LegEvidence(country="KR"), stay(15, 18), summit(16, 17)]
    statuses = leg_statuses(legs, left, NO_WINDOW)
    assert [s.status for s in statuses] == ["in_progress", "announced", "announced"]


def test_the_host_is_the_visit_not_a_summit_leg_before_it() -> None:
    earlier = summit(10, 11)._replace(concluded=True)
    visit = stay(15, 18)._replace(started=True)
    statuses = leg_statuses([earlier, visit, summit(16, 17)], TripFacts(), NO_WINDOW)
    assert [s.status for s in statuses] == ["concluded", "in_progress", "in_progress"]


def test_in_a_trip_to_several_countries_the_trips_window_is_no_visits() -> None:
    legs = [LegEvidence(country="US"), LegEvidence(country="CA"), summit(12, 13, "US")]
    window = (
        Dated(date(2023, 12, 11), "stated", "", Certainty.STATED),
        Dated(date(2023, 12, 17), "stated", "", Certainty.STATED),
    )
    assert within(legs, window) == {}
    assert within([legs[0], legs[2]], window) == {1: 0}


def test_the_visit_a_summit_lies_in_is_the_one_whose_days_hold_it() -> None:
    """A country visited twice: the summit is within the visit whose days hold it, and
    stands as that visit does."""
    earlier = stay(5, 8)._replace(concluded=True)
    later = stay(15, 18)._replace(started=True)
    legs = [earlier, LegEvidence(country="KR", concluded=True), later, summit(16, 17)]
    assert within(legs) == {3: 2}
    statuses = leg_statuses(legs, TripFacts(), NO_WINDOW)
    assert statuses[3].status == "in_progress"


def test_an_arrival_and_a_conclusion_that_hold_the_summit_make_it_within() -> None:
    """No range stated, but the delegation arrived on the 21st and was reported leaving on
    the 24th: the summit of the 23rd-24th lies inside that stay."""
    visit = LegEvidence(
        starts=(Reading(d(21), "arrival", "a"),),
        ends=(Reading(d(24), "concluded", "b"),),
        country="UZ",
    )
    assert within([summit(23, 24, "UZ"), visit]) == {0: 1}
    assert within([summit(23, 25, "UZ"), visit]) == {}


# -- enclaves: a stop in the Holy See during a stay in Italy ---------------------------------


def test_an_enclave_stop_inside_the_stay_around_it_is_dated_by_its_engagements() -> None:
    vatican = LegEvidence(country="VA", engaged=(d(17),))
    legs = [stay(15, 18, "IT"), vatican, LegEvidence(country="FR")]
    assert within(legs) == {1: 0}
    italy, inside, france = date_legs(legs, TripFacts(), NO_WINDOW)
    assert inside == (
        Dated(d(17), "within", ENCLAVED, Certainty.INFERRED),
        Dated(d(17), "within", ENCLAVED, Certainty.INFERRED),
    )
    # Italy keeps its stay, and the next leg starts when Italy's ends, not the Vatican's
    assert italy[1] is not None and italy[1].day == d(18)
    assert france[0] is not None and france[0].day == d(18)
    # it stands as the stay around it does
    statuses = leg_statuses(legs, TripFacts(), NO_WINDOW)
    assert statuses[1] == statuses[0]


def test_an_enclave_stop_with_nothing_told_of_its_days_shows_none() -> None:
    legs = [stay(15, 18, "IT"), LegEvidence(country="VA")]
    assert within(legs) == {1: 0}
    assert date_legs(legs, TripFacts(), NO_WINDOW)[1] == (None, None)


def test_an_enclave_stop_outside_the_stay_or_beside_another_country_is_a_leg() -> None:
    after = LegEvidence(country="VA", engaged=(d(20),))
    assert within([stay(15, 18, "IT"), after]) == {}
    assert within([stay(15, 18, "FR"), LegEvidence(country="VA", engaged=(d(17),))]) == {}
    # the stay must be stated: an Italy leg with no days of its own holds nothing
    assert within([LegEvidence(country="IT"), LegEvidence(country="VA")]) == {}
    # the stop's own reading is its date
    told = LegEvidence(country="VA", starts=(Reading(d(16), "arrival", "a"),))
    assert within([told, stay(15, 18, "IT")]) == {0: 1}
    assert date_legs([told, stay(15, 18, "IT")], TripFacts(), NO_WINDOW)[0][0] == Dated(
        d(16), "arrival", "the delegation arrived that day", Certainty.STATED, ("a",)
    )


def test_an_enclave_stop_s_own_reading_outside_the_stay_makes_it_a_leg() -> None:
    # told arriving on the 20th, after Italy's stay: a leg of its own, whatever was
    # dated to its engagements
    late = LegEvidence(country="VA", starts=(Reading(d(20), "arrival", "a"),), engaged=(d(17),))
    assert within([stay(15, 18, "IT"), late]) == {}


def test_a_summit_leg_within_never_ends_before_it_begins() -> None:
    """A summit leg inside the visit, told arrived after the summit closed (a misread
    arrival on the 20th, the summit over on the 16th): its end is moved to its start,
    inferred, not shown four days before it; an enclave's likewise."""
    late = LegEvidence(
        starts=(Reading(d(20), "arrival", "b"),),
        event=DateWindow(d(15), d(16)),
        country="JP",
        summit=True,
    )
    (_, _), (start, end) = date_legs([stay(13, 22), late], TripFacts(), (None, None))
    assert start is not None and end is not None
    assert (start.day, end.day, end.certainty) == (d(20), d(20), Certainty.INFERRED)
    enclave = LegEvidence(starts=(Reading(d(20), "arrival", "b"),), engaged=(d(18),), country="VA")
    (_, _), (start, end) = date_legs([stay(13, 22, "IT"), enclave], TripFacts(), (None, None))
    assert start is not None and end is not None
    assert end.day >= start.day
