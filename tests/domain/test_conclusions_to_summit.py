"""Rule 11 (`conclusions_to_summit`): a visit and then a summit in one country, the visit
with no stated range reaching the summit: the conclusion told on or after the summit's
last day is the whole stay's, and so the summit leg's (talks in Beijing on the 8th, the
summit in Qingdao on the 9th-10th, "concluded his visit to China" on the 10th). Each
test fails if the rule changes."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain.rules import (
    LegEvidence,
    Reading,
    TripFacts,
    conclusions_to_summit,
    date_legs,
)
from calendar_svc.domain.values import Certainty, DateWindow


def day(n: int) -> date:
    return date(2018, 6, n)


SUMMIT = LegEvidence(event=DateWindow(day(9), day(10)), country="CN", summit=True)


def visit(arrived: int = 8, kind: str = "arrival", concluded: int = 10) -> LegEvidence:
    return LegEvidence(
        starts=(Reading(day(arrived), kind, "s0"),),
        ends=(Reading(day(concluded), "concluded", "s1"),),
        concluded_on=day(concluded),
        concluded=True,
        country="CN",
    )


def test_the_conclusion_after_the_summit_is_the_summit_legs() -> None:
    legs = conclusions_to_summit([visit(), SUMMIT])
    assert legs[0].ends == () and legs[0].concluded_on is None and legs[0].concluded
    assert [r.day for r in legs[1].ends] == [day(10)] and legs[1].concluded_on == day(10)
    assert legs[1].concluded
    (v_start, v_end), (_, s_end) = date_legs(legs, TripFacts(), (None, None))
    assert v_start is not None and v_start.day == day(8)
    # the visit is no longer shown as ending, stated, with the summit
    assert v_end is not None and (v_end.day, v_end.certainty) == (day(9), Certainty.INFERRED)
    assert s_end is not None and s_end.day == day(10)


def test_a_conclusion_before_the_summit_closes_stays_the_visits() -> None:
    legs = [visit(concluded=9), SUMMIT]
    assert conclusions_to_summit(legs) == legs


def test_a_stated_range_of_the_visit_holding_the_summit_keeps_its_conclusion() -> None:
    """ "a state visit from the 8th to the 10th", the summit on the 9th-10th: the summit
    lies within the visit (rule 8)."""
    held = visit()._replace(
        starts=(Reading(day(8), "window", "s0"),),
        ends=(Reading(day(10), "window", "s0"), Reading(day(10), "concluded", "s1")),
    )
    assert conclusions_to_summit([held, SUMMIT]) == [held, SUMMIT]


def test_an_evening_landing_on_the_summits_eve_is_no_visit_before_it() -> None:
    """Landed on the evening of the 8th, the summit on the 9th: the stay is the summit's,
    and what ends it stays where it was filed."""
    legs = [visit(kind="arrival_eve"), SUMMIT]
    assert conclusions_to_summit(legs) == legs
    legs = [visit(arrived=7, kind="arrival_eve"), SUMMIT]
    assert conclusions_to_summit(legs) != legs  # two days before: a visit of its own


def test_a_summit_before_the_visit_keeps_the_visits_conclusion() -> None:
    legs = [visit(arrived=11, concluded=12), SUMMIT]
    assert conclusions_to_summit(legs) == legs
