"""A visit put off and held later is one trip (issue 12: "visits get postponed, dates get
revised"): the later report joins the postponed trip, and its mention of the postponement
is history, not news. Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.events import ScheduleRevised
from calendar_svc.domain.trip import TripState, apply
from calendar_svc.ingest.assemble import assemble
from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import fold_articles, read_article

POSTPONED = (
    "Tổng thống Ru-ri-ta-ni-a Ivan Petrov quyết định hoãn chuyến thăm cấp Nhà nước "
    "Trung Quốc dự kiến diễn ra từ ngày 26 đến 31/3/2023 do bị ốm."
)
HELD = (
    "President Ivan Petrov of Ruritania arrived in Shanghai on April 12, 2023, at the start "
    "of a state visit to China from April 12 to 15. The trip had been postponed in March "
    "after he fell ill."
)


def _facts(body: str, lang: str, published: date, article: str) -> ArticleFacts:
    return read_article(body, lang, published, article * 64)


def test_a_report_of_the_trip_under_way_does_not_postpone_it() -> None:
    facts = _facts(HELD, "en", date(2023, 4, 12), "a")
    assert facts.arrivals
    assert facts.postponements == []


def test_the_held_visit_joins_the_postponed_trip_as_a_revision() -> None:
    trips: dict[str, TripState] = {}
    for event_id, event in assemble(_facts(POSTPONED, "vi", date(2023, 3, 22), "b"), trips):
        trips[event.trip_id] = apply(trips.get(event.trip_id), event, event_id)
    assert len(trips) == 1
    (first,) = trips
    later = assemble(_facts(HELD, "en", date(2023, 4, 12), "c"), trips)
    assert {event.trip_id for _, event in later} == {first}
    assert any(isinstance(event, ScheduleRevised) for _, event in later)


def test_a_visit_put_off_for_months_is_still_the_same_trip_when_held() -> None:
    """Put off in March for "a later date", held in October: still that journey (a pope's
    African trip put off in June took place the next January)."""
    trips: dict[str, TripState] = {}
    for event_id, event in assemble(_facts(POSTPONED, "vi", date(2023, 3, 22), "i"), trips):
        trips[event.trip_id] = apply(trips.get(event.trip_id), event, event_id)
    (first,) = trips
    held = HELD.replace("April 12, 2023", "October 12, 2023").replace(
        "from April 12 to 15", "from October 12 to 15"
    )
    later = assemble(_facts(held, "en", date(2023, 10, 12), "j"), trips)
    assert {event.trip_id for _, event in later} == {first}


def test_a_trip_that_was_not_postponed_is_not_joined_months_later() -> None:
    announced = POSTPONED.replace("quyết định hoãn", "sẽ thực hiện").replace(" do bị ốm", "")
    trips: dict[str, TripState] = {}
    for event_id, event in assemble(_facts(announced, "vi", date(2023, 3, 22), "d"), trips):
        trips[event.trip_id] = apply(trips.get(event.trip_id), event, event_id)
    later = assemble(_facts(HELD, "en", date(2023, 4, 12), "e"), trips)
    assert {event.trip_id for _, event in later}.isdisjoint(trips)


def test_a_leg_held_months_after_the_rest_of_its_trip_went_ahead_is_a_trip_of_its_own() -> None:
    """China put off, the Mongolian leg of the same days held: the China visit in April is
    a new journey, not the March trip taken up again."""
    trips: dict[str, TripState] = {}
    went_ahead = (
        "President Ivan Petrov of Ruritania arrived in Ulaanbaatar on March 29, 2023, for a "
        "state visit to Mongolia."
    )
    for facts in (
        _facts(POSTPONED, "vi", date(2023, 3, 22), "f"),
        _facts(went_ahead, "en", date(2023, 3, 29), "g"),
    ):
        for event_id, event in assemble(facts, trips):
            trips[event.trip_id] = apply(trips.get(event.trip_id), event, event_id)
    assert len(trips) == 1
    later = assemble(_facts(HELD, "en", date(2023, 4, 12), "h"), trips)
    assert {event.trip_id for _, event in later}.isdisjoint(trips)


@pytest.mark.parametrize(
    ("announced", "put_off"),
    [
        (
            "U.S. President John Carter will visit Angola from Oct. 13 to 15, the White House "
            "said on Tuesday.",
            "U.S. President John Carter has postponed his visit to Angola to deal with the "
            "hurricane, the White House said on Tuesday.",
        ),
        (
            "U.S. President John Carter will visit Germany from Oct. 10 and Angola from Oct. 13 "
            "to 15, the White House said on Tuesday.",
            "U.S. President John Carter has postponed his trip to Germany and Angola to deal "
            "with the hurricane, the White House said on Tuesday.",
        ),
    ],
    ids=["the-leg", "the-trip"],
)
def test_the_days_a_put_off_visit_was_planned_for_are_not_its_days_once_held(
    announced: str, put_off: str
) -> None:
    """Announced for 13-15 October, put off, held from an arrival on 2 December: the leg's
    days are December's, not the plan's (which a reading of them disputed)."""
    trip = fold_articles(
        (announced, "en", date(2024, 9, 24)),
        (put_off, "en", date(2024, 10, 8)),
        (
            "U.S. President John Carter arrived in Luanda on Monday for his long-delayed visit "
            "to Angola.",
            "en",
            date(2024, 12, 2),
        ),
    )
    leg = next(leg for leg in trip.legs if leg.country_code == "AO")
    assert leg.start_date == date(2024, 12, 2)
    assert leg.end_date is None  # not the plan's 15 October, clamped to the arrival
    assert "2024-10" not in leg.date_basis  # nor the plan disputing the arrival
    assert leg.status != "postponed"


def test_a_visit_whose_owner_is_named_before_it_is_put_off_in_the_passive() -> None:
    """ "Emmanuel Macron's state visit to Việt Nam, set for May 25 to 27, has been
    postponed": the visit is the passive's subject though a name owns it; it had stayed
    announced, its days shown confirmed."""
    facts = read_article(
        "PARIS — French President Ivan Petrov's state visit to Việt Nam, set for May 25 to "
        "27, has been postponed, the Élysée Palace said on Friday, without giving new dates.",
        "en",
        date(2025, 5, 23),
    )
    assert [p.value for p in facts.postponements] == ["VN"]


@pytest.mark.parametrize(
    "whose", ["The emperor's trip to Europe", "His wife's planned trip", "Anna Kova's trip"]
)
def test_anothers_trip_put_off_in_the_passive_is_not_the_travellers(whose: str) -> None:
    facts = read_article(
        "President Ivan Petrov of Chile will visit Japan from May 25 to 27. "
        f"{whose}, set for June, has been postponed.",
        "en",
        date(2025, 5, 19),
    )
    assert facts.postponements == []


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Kenyan President Ivan Petrov will no longer travel to China next week as planned, "
            "his office said. Petrov had been due to make a state visit to China from June 9 "
            "to 12.",
        ),
        (
            "vi",
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ không thăm Việt Nam từ ngày 8 đến 9/9 như "
            "dự kiến do bão đổ bộ.",
        ),
    ],
)
def test_a_visit_that_will_no_longer_take_place_is_called_off(lang: str, body: str) -> None:
    facts = _facts(body, lang, date(2025, 6, 2), "c")
    assert [c.value for c in facts.cancellations] != []


def test_no_plan_to_visit_is_no_visit_called_off() -> None:
    body = (
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ thăm Nhật Bản từ ngày 8 đến 9/9. Ông sẽ không "
        "thăm Hàn Quốc trong chuyến đi này."
    )
    assert _facts(body, "vi", date(2025, 9, 1), "d").cancellations == []


def test_new_days_for_a_visit_put_off_bring_it_back_to_announced() -> None:
    trip = fold_articles(
        (
            "Tổng thống Hàn Quốc Ivan Petrov hoãn chuyến thăm cấp Nhà nước Việt Nam dự kiến "
            "từ ngày 15 đến 17/6.",
            "vi",
            date(2025, 6, 10),
        ),
        (
            "Tổng thống Hàn Quốc Ivan Petrov sẽ thăm cấp Nhà nước Việt Nam từ ngày 10 đến "
            "12/8, sau khi chuyến thăm dự kiến hồi tháng 6 bị hoãn.",
            "vi",
            date(2025, 8, 5),
        ),
    )
    assert [(leg.country_code, leg.status) for leg in trip.legs] == [("VN", "announced")]
    assert trip.status == "announced"
