"""A leg called off and later told arrived at, left or ended (by another article) went
ahead: it is not shown cancelled. Told by the article that called it off, it stays so.
Each test fails if the rule changes."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain import events as ev
from calendar_svc.domain.values import Moment, PlaceRef
from tests.support.folding import announce, arrived, article, by, fold, leg_concluded

LEG = "p-2016-10-16/bn"


def cancelled(name: str) -> ev.VisitCancelled:
    return ev.VisitCancelled(trip_id="p-2016-10-16", provenance=by(name), leg_id=LEG)


def _status(*events: ev.DomainEvent) -> str:
    trip = fold("p-2016-10-16", *events)
    return next(leg.status for leg in trip.legs if leg.leg_id == LEG)


def test_an_arrival_told_after_the_call_off_is_the_visit_taking_place() -> None:
    status = _status(
        article("a", date(2016, 9, 1)),
        announce("a", LEG, 1),
        cancelled("a"),
        article("b", date(2016, 10, 17)),
        arrived("b", LEG, date(2016, 10, 16)),
    )
    assert status == "in_progress"


def test_an_end_told_after_the_call_off_is_too() -> None:
    status = _status(
        article("a", date(2016, 9, 1)),
        announce("a", LEG, 1),
        cancelled("a"),
        article("b", date(2016, 10, 18)),
        leg_concluded("b", LEG, date(2016, 10, 17)),
    )
    assert status == "concluded"


def test_a_leaving_told_after_the_call_off_is_too() -> None:
    left = ev.DelegationDeparted(
        trip_id="p-2016-10-16",
        provenance=by("b"),
        place=PlaceRef(country_code="BN"),
        at=Moment(day=date(2016, 10, 18)),
        concluded_leg_id=LEG,
    )
    status = _status(
        article("a", date(2016, 9, 1)),
        announce("a", LEG, 1),
        cancelled("a"),
        article("b", date(2016, 10, 18)),
        left,
    )
    assert status == "concluded"


def test_a_move_told_by_the_article_that_called_it_off_leaves_it_cancelled() -> None:
    """ "had arrived on Sunday but called off the rest of the visit": the same report."""
    status = _status(
        article("a", date(2016, 9, 1)),
        announce("a", LEG, 1),
        cancelled("a"),
        arrived("a", LEG, date(2016, 8, 30)),
    )
    assert status == "cancelled"
