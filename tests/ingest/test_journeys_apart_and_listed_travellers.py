"""Two journeys of one traveller kept apart (a plan for after the homecoming, an article
whose days fall in one trip and fit the other only by its course), the traveller of a
sentence that lists several leaders or has one tell another of news, and an arrival told
in the past perfect."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.trip import TripState, apply
from calendar_svc.ingest.assemble import assemble
from calendar_svc.ingest.trip_match import match_trip
from tests.support.reading import legs_of, read_article

TOUR = (
    "President Ivan Petrov of Ruritania will leave on Sunday for Brunei and then travel on to "
    "China, a six-day trip. He will pay a state visit to Brunei from Oct. 16 to 18 and will "
    "then fly to Beijing for a state visit from Oct. 18 to 21.\n\n"
)


@pytest.mark.parametrize(
    "next_plan",
    [
        "Soon after coming home from China, Petrov will travel again. Tokyo said on Tuesday he "
        "would make a three-day visit to Japan starting on Oct. 25.",
        "After getting back home, Petrov will travel again. He is to make a three-day visit to "
        "Japan starting on Oct. 25.",
    ],
)
def test_a_plan_told_after_the_homecoming_is_the_next_journey(next_plan: str) -> None:
    assert sorted(legs_of(TOUR + next_plan, "en", date(2016, 10, 13))) == ["BN", "CN"]


def test_the_rest_of_a_paragraph_that_goes_back_to_this_journey_stays() -> None:
    # a dated sentence that reports, not plans, in the paragraph after the homecoming
    body = (
        "President Ivan Petrov of Ruritania arrived in Brunei on Oct. 16 for a state visit.\n\n"
        "After returning home, Petrov will rest. He flew on to Beijing on Oct. 18 for a state "
        "visit to China."
    )
    assert legs_of(body, "en", date(2016, 10, 20)) == ["BN", "CN"]


def _trip(body: str, published: date, article_id: str) -> TripState:
    state = None
    for event_id, event in assemble(read_article(body, "en", published, article_id), {}):
        state = apply(state, event, event_id)
    assert state is not None
    return state


def test_an_article_joins_the_trip_its_days_fall_in_before_one_it_only_fits() -> None:
    # the Japan trip named Beijing before it, and a homecoming from Beijing falls in the week
    # before its days; the Brunei and China trip, whose window is the Brunei leg's, has the
    # day the article names
    japan = _trip(
        "President Ivan Petrov of Ruritania will pay an official visit to Japan from Oct. 25 to "
        "27, after his plans to travel to Beijing.",
        date(2016, 10, 11),
        "a" * 64,
    )
    tour = _trip(
        "President Ivan Petrov of Ruritania arrived in Brunei on Oct. 16, beginning a state "
        "visit to Brunei from Oct. 16 to 18 before going on to China.",
        date(2016, 10, 16),
        "b" * 64,
    )
    assert {"CN", "JP"} <= set(japan.legs.values())
    home = read_article(
        "President Ivan Petrov of Ruritania arrived in Beijing on Oct. 18 for a state visit to "
        "China and returned home on the evening of Oct. 21.",
        "en",
        date(2016, 10, 23),
        "c" * 64,
    )
    assert match_trip(home, {japan.trip_id: japan, tour.trip_id: tour}) is tour
    assert match_trip(home, {tour.trip_id: tour, japan.trip_id: japan}) is tour
    # the trip it only fits is still its trip when there is no other
    assert match_trip(home, {japan.trip_id: japan}) is japan


@pytest.mark.parametrize(
    ("lang", "body", "who"),
    [
        (
            "vi",
            "Ngày 28/5, Thủ tướng Pakistan Ivan Petrov, Tổng thống Thổ Nhĩ Kỳ Recep Tayyip "
            "Erdogan và Tổng thống nước chủ nhà Azerbaijan Ilham Aliyev đã dự Hội nghị thượng "
            "đỉnh ba bên tại thành phố Lachin.",
            "Ivan Petrov",
        ),
        (
            "en",
            "Pakistani Prime Minister Ivan Petrov, Turkish President Recep Tayyip Erdogan and "
            "Azerbaijani President Ilham Aliyev attended a three-way summit in Baku on May 28.",
            "Ivan Petrov",
        ),
    ],
)
def test_the_first_of_leaders_listed_as_subjects_travels(lang: str, body: str, who: str) -> None:
    facts = read_article(body, lang, date(2025, 5, 28))
    assert facts.principal is not None
    assert facts.principal.value.name == who


def test_one_who_tells_another_news_in_the_headline_is_not_the_traveller() -> None:
    body = (
        "Canadian Prime Minister Jean Dupont told Ruritanian President Ivan Petrov on the "
        "sidelines of the G20 summit in Antalya that the visa rule would go. Petrov leaves "
        "Antalya for Manila on Monday for a state visit to the Philippines."
    )
    facts = read_article(
        body, "en", date(2015, 11, 16), headline="Canada's Dupont tells Petrov visa will go"
    )
    assert facts.principal is not None
    assert facts.principal.value.name == "Ivan Petrov"


def test_had_flown_into_a_city_is_an_arrival_told_in_retrospect() -> None:
    body = (
        "Pakistani Prime Minister Ivan Petrov left Iran on Tuesday for Azerbaijan. He had "
        "flown into Tehran's Mehrabad airport on Monday afternoon from Istanbul."
    )
    facts = read_article(body, "en", date(2025, 5, 27))
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("IR", date(2025, 5, 26))
    ]
