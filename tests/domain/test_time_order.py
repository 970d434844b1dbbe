"""Legs go in time order, not in the order sources told them: by the start sources state
(else the end), a leg with neither right after the one it followed. Each test fails if
the rule changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from calendar_svc.domain import events as ev
from calendar_svc.domain.rules import LegEvidence, Reading, time_order
from calendar_svc.domain.values import DateWindow, Moment, PersonRef, PlaceRef, Provenance
from calendar_svc.projections.fold import ScheduleFold


def d(day: int) -> date:
    return date(2019, 10, day)


def starts(day: int) -> LegEvidence:
    return LegEvidence(starts=(Reading(d(day), "window", "a"),))


def ends(day: int) -> LegEvidence:
    return LegEvidence(ends=(Reading(d(day), "concluded", "a"),))


def test_a_leg_told_later_but_dated_earlier_goes_first() -> None:
    """Tokyo on the 21st, the Gulf told next (ending on the 28th), Beijing on the 24th."""
    assert time_order([starts(21), ends(28), starts(24), starts(28)]) == [0, 2, 1, 3]


def test_an_undated_leg_stays_after_the_one_it_followed() -> None:
    assert time_order([starts(24), LegEvidence(), starts(21)]) == [2, 0, 1]


def test_a_called_off_leg_keeps_its_place() -> None:
    off = LegEvidence(starts=(Reading(d(1), "window", "a"),), postponed=True)
    assert time_order([starts(21), off, starts(24)]) == [0, 1, 2]


def test_legs_in_order_stay_so() -> None:
    assert time_order([starts(21), LegEvidence(), starts(24), ends(27)]) == [0, 1, 2, 3]


def test_the_view_shows_the_legs_in_the_order_travelled() -> None:
    """A trip told Tokyo, the Emirates, Beijing, with Beijing's days stated before the
    Emirates' end: Beijing is the second leg, and over once the Emirates are reached."""
    trip = "b-2019-10-21"
    jp, ae, cn = f"{trip}/jp", f"{trip}/ae", f"{trip}/cn"
    by = [Provenance(article_id="a" * 64, sentence_index=0, span=(0, 4), sentence="t", rule="t")]

    def announce(leg: str, sequence: int, window: DateWindow | None = None) -> ev.VisitAnnounced:
        return ev.VisitAnnounced(
            trip_id=trip,
            provenance=by,
            principal=PersonRef(name="B"),
            leg_id=leg,
            country_code=leg[-2:].upper(),
            sequence=sequence,
            window=window,
        )

    events: list[ev.DomainEvent] = [
        ev.ArticleRecorded(
            article_id="a" * 64,
            text="t",
            language="en",
            language_detected=False,
            published_on=d(27),
        ),
        announce(jp, 1, DateWindow(d(21), d(24))),
        announce(ae, 2),
        announce(cn, 3, DateWindow(d(24), d(26))),
        ev.DelegationArrived(
            trip_id=trip,
            provenance=by,
            leg_id=ae,
            place=PlaceRef(country_code="AE"),
            at=Moment(day=d(26)),
        ),
    ]
    folding = ScheduleFold()
    start = datetime(2019, 11, 1, tzinfo=UTC)
    for position, event in enumerate(events, start=1):
        folding.apply(event, position, start + timedelta(seconds=position))
    view = folding.view(trip)
    assert [leg.country_code for leg in view.legs] == ["JP", "CN", "AE"]
    assert [leg.sequence for leg in view.legs] == [1, 2, 3]
    assert view.legs[1].status == "concluded"
