"""Plain verbs of going ("will fly to", "heads to", "leave on Wednesday for") and legs
called off by name (issue 12). Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import read_article

TUESDAY = date(2025, 3, 11)


def _facts(body: str, lang: str = "en") -> ArticleFacts:
    return read_article(body, lang, TUESDAY, "7" * 64)


@pytest.mark.parametrize(
    "sentence",
    [
        "President Ivan Petrov of Chile will fly to Japan on Friday for talks.",
        "President Ivan Petrov of Chile will head to Japan on March 14 for a summit in Osaka.",
        "President Ivan Petrov of Chile will leave on Thursday for Osaka, Japan.",
        "President Ivan Petrov of Chile jetted into Japan on Monday for talks.",
        "President Ivan Petrov of Chile heads to Japan this week.",
    ],
)
def test_a_verb_of_flying_or_heading_makes_the_country_a_leg(sentence: str) -> None:
    facts = _facts(sentence)
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"
    assert [s.value for s in facts.itinerary] == ["JP"]


def test_left_a_city_for_a_country_names_the_next_leg() -> None:
    facts = _facts("President Ivan Petrov of Chile left Santiago on Monday for Japan.")
    assert [s.value for s in facts.itinerary] == ["JP"]
    assert [d.value.next_country for d in facts.departures] == ["JP"]


def test_legs_called_off_by_name_are_those_legs_not_the_whole_trip_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Chile on Tuesday called off the Kenya and Ethiopia legs of "
        "his upcoming African tour, citing floods at home."
    )
    assert [c.value for c in facts.cancellations] == ["KE", "ET"]


def test_the_whole_trip_called_off_is_the_trip() -> None:
    facts = _facts(
        "President Ivan Petrov of Chile on Tuesday called off his upcoming trip to Kenya "
        "and Ethiopia, citing floods at home."
    )
    assert [c.value for c in facts.cancellations] == [None]


def test_announcing_a_postponement_of_named_stops_vi() -> None:
    facts = _facts(
        "Tổng thống Chile Ivan Petrov ngày 11/3 thông báo hoãn chặng dừng chân tại Kenya "
        "và Ethiopia trong chuyến công du châu Phi.",
        "vi",
    )
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"
    assert [p.value for p in facts.postponements] == ["KE", "ET"]


def test_a_planned_landing_in_a_city_names_its_country_as_a_leg() -> None:
    facts = _facts(
        "President Ivan Petrov of Chile is now expected to land in Hanoi on Thursday "
        "morning for talks."
    )
    assert [s.value for s in facts.itinerary] == ["VN"]


def test_legs_called_off_go_after_the_legs_that_go_ahead() -> None:
    facts = _facts(
        "Tổng thống Chile Ivan Petrov ngày 11/3 thông báo hoãn chặng dừng chân tại Kenya và "
        "Ethiopia trong chuyến công du châu Phi. Ông Petrov vẫn lên đường tới Ai Cập ngày 13/3 "
        "để dự hội nghị thượng đỉnh về khí hậu.",
        "vi",
    )
    assert [s.value for s in facts.itinerary] == ["EG", "KE", "ET"]
