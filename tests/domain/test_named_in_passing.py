"""Rule 0: a country one of a trip's several sources names with nothing of its own told
is a mention, not a leg. Each test fails if a piece of the rule changes: the count of
sources, the trip's count, the engagement filed under the leg, or any one kind of
evidence that makes a leg its own."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain import events as ev
from calendar_svc.domain.rules import LegEvidence, Reading, named_in_passing
from calendar_svc.domain.values import DateWindow
from tests.support.folding import announce, arrived, article, by, fold


def d(day: int) -> date:
    return date(2024, 7, day)


BARE = LegEvidence(country="UA")


def test_a_bare_mention_in_one_of_several_sources_is_no_leg() -> None:
    assert named_in_passing(BARE, sources=1, trip_sources=2, linked=False)


@pytest.mark.parametrize(
    ("sources", "trip_sources", "linked"),
    [
        (2, 3, False),  # two articles name it: corroborated
        (1, 1, False),  # the trip's only source: nothing to weigh it against
        (1, 3, True),  # an engagement is filed under it
    ],
)
def test_a_mention_stays_a_leg(sources: int, trip_sources: int, linked: bool) -> None:
    assert not named_in_passing(BARE, sources, trip_sources, linked)


@pytest.mark.parametrize(
    "told",
    [
        {"starts": (Reading(d(8), "arrival", "a"),)},
        {"ends": (Reading(d(9), "concluded", "a"),)},
        {"engaged": (d(9),)},
        {"started": True},
        {"postponed": True},
        {"cancelled": True},
        {"concluded_on": d(9)},
        {"entered_on": d(8)},
        {"duration": 2},
        {"event": DateWindow(d(9), d(10))},
        {"planned_start": d(8)},
        {"planned_end": d(9)},
    ],
)
def test_anything_told_of_it_makes_it_a_leg(told: dict[str, object]) -> None:
    leg = BARE._replace(**told)
    assert not named_in_passing(leg, sources=1, trip_sources=4, linked=False)


# -- through the fold: the view lists the mention and dates the legs without it ----------

TRIP = "t-2024-07-08"
RU, UA, AT = f"{TRIP}/ru", f"{TRIP}/ua", f"{TRIP}/at"


def test_the_view_lists_a_mention_apart_and_dates_the_legs_without_it() -> None:
    """Moscow on the 8th, Vienna on the 9th; a summary names Kyiv's reaction. Without rule
    0, Ukraine sat between them and took Austria's arrival as its end."""
    view = fold(
        TRIP,
        article("a", d(8)),
        article("b", d(11)),
        announce("a", RU, 1),
        arrived("a", RU, d(8)),
        announce("b", UA, 2),
        announce("b", AT, 3),
        arrived("b", AT, d(9)),
    )
    assert [leg.country_code for leg in view.legs] == ["RU", "AT"]
    assert view.named_in_passing == ["UA"]
    assert [leg.sequence for leg in view.legs] == [1, 2]
    assert view.legs[0].end_date == d(9)  # bounded by Austria's arrival, not by Ukraine


def test_a_trip_told_by_one_article_keeps_every_leg() -> None:
    view = fold(
        TRIP,
        article("a", d(8)),
        announce("a", RU, 1),
        arrived("a", RU, d(8)),
        announce("a", UA, 2),
    )
    assert [leg.country_code for leg in view.legs] == ["RU", "UA"]
    assert view.named_in_passing == []


def test_an_engagement_filed_under_a_mention_keeps_it_a_leg() -> None:
    """Talks told in Kyiv, on no day: something happened there, so it is a leg."""
    view = fold(
        TRIP,
        article("a", d(8)),
        article("b", d(11)),
        announce("a", RU, 1),
        arrived("a", RU, d(8)),
        announce("b", UA, 2),
        ev.EngagementReported(
            trip_id=TRIP,
            provenance=by("b"),
            engagement_id=f"{UA}/talks",
            leg_id=UA,
            kind="talks",
            title="Talks with the president",
        ),
    )
    assert [leg.country_code for leg in view.legs] == ["RU", "UA"]
    assert view.named_in_passing == []
