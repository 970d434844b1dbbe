"""Legs go in time order, not in the order sources told them: by the start sources state
(else the end), a leg with neither right after the one it followed. Each test fails if
the rule changes."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain.rules import LegEvidence, Reading, time_order
from calendar_svc.domain.values import DateWindow
from tests.support.folding import announce, arrived, article, fold


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


def test_an_undated_leg_goes_after_every_leg_told_before_it() -> None:
    """Tehran told first (from the 26th), Istanbul next (from the 25th), then Baku with no
    day: Baku comes after Tehran, not between Istanbul and Tehran."""
    assert time_order([starts(26), starts(25), LegEvidence(), starts(29)]) == [1, 0, 2, 3]


def test_a_leg_only_planned_or_at_a_summit_goes_by_that_day() -> None:
    """ "He then heads to Dushanbe on Thursday": the plan's day places the leg, and so do
    the days of the summit it is for, when no source states its start."""
    planned = LegEvidence(planned_start=d(29))
    summit = LegEvidence(event=DateWindow(d(29), d(30)))
    assert time_order([starts(26), planned, starts(27)]) == [0, 2, 1]
    assert time_order([starts(26), summit, starts(27)]) == [0, 2, 1]


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
    view = fold(
        trip,
        article("a", d(27)),
        announce("a", jp, 1, window=DateWindow(d(21), d(24))),
        announce("a", ae, 2),
        announce("a", cn, 3, window=DateWindow(d(24), d(26))),
        arrived("a", ae, d(26)),
    )
    assert [leg.country_code for leg in view.legs] == ["JP", "CN", "AE"]
    assert [leg.sequence for leg in view.legs] == [1, 2, 3]
    assert view.legs[1].status == "concluded"


def test_a_leg_that_ends_on_a_day_goes_before_one_that_starts_on_it() -> None:
    """Left Yerevan on the 5th (its only date), in Tashkent from the 5th, told first."""
    assert time_order([starts(5), ends(5)]) == [1, 0]
    assert time_order([ends(5), starts(5)]) == [0, 1]
