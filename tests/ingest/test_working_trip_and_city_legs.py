"""A "working trip" is any official journey, not a grade of visit (issue 12, item 5), and a
city the traveller arrives in gives its country as a leg when the country is not named
(item 4). Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain.values import VisitType
from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import read_article


def _facts(body: str, lang: str) -> ArticleFacts:
    return read_article(body, lang, date(2024, 10, 4), "0" * 64)


def test_a_working_trip_is_no_visit_type_but_a_working_visit_is() -> None:
    trip = _facts(
        "Prime Minister Ivan Petrov of Ruritania wrapped up his working trip to Japan and "
        "South Korea on Friday.",
        "en",
    )
    assert trip.visit_types == []
    visit = _facts(
        "Prime Minister Ivan Petrov of Ruritania will pay a working visit to Japan.", "en"
    )
    assert [t.value for t in visit.visit_types] == [("JP", VisitType.WORKING)]


def test_the_city_arrived_in_gives_its_country_as_a_leg() -> None:
    facts = _facts(
        "Prime Minister Ivan Petrov of Ruritania arrived in Vientiane on Tuesday to attend the "
        "regional summit.",
        "en",
    )
    assert [s.value for s in facts.itinerary] == ["LA"]
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("LA", date(2024, 10, 1))
    ]
