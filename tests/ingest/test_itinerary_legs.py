"""What a leg's dates are not (issue 12, item 3: the itinerary model).

A duration of the whole journey is not the first leg's; the days of some activities
are not the visit's own range; ending the whole journey, or coming home, says each leg
is over but not the day it ended; a clock time is not a number of days. Invented
articles; each test breaks without its rule.
"""

from __future__ import annotations

from datetime import date

import msgspec
import pytest

from calendar_svc.ingest.dates import find_durations
from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.text import parse_article


def _facts(body: str, lang: str, published: date = date(2024, 5, 1)) -> ArticleFacts:
    parsed = parse_article(f"Headline\n\n{body}", "vi" if lang == "vi" else "en")
    parsed = msgspec.structs.replace(parsed, published_on=published)
    return extract(parsed, "b" * 64)


def _durations(facts: ArticleFacts) -> list[tuple[str | None, int]]:
    return [d.value for d in facts.leg_durations]


def test_a_week_long_tour_is_the_trips_length_not_the_first_legs_en() -> None:
    facts = _facts(
        "Prime Minister Tran Van Hoa left Hanoi on May 3 for a week-long tour of "
        "Brazil, Argentina and Cuba.",
        "en",
    )
    assert _durations(facts) == [(None, 7)]


def test_a_journey_of_n_days_is_the_trips_length_not_the_first_legs_vi() -> None:
    facts = _facts(
        "Thủ tướng Trần Văn Hòa lên đường ngày 3/5, bắt đầu chuyến công du 7 ngày tới "
        "Bra-xin, Ác-hen-ti-na và Cu-ba.",
        "vi",
    )
    assert _durations(facts) == [(None, 7)]


def test_a_visit_of_n_days_is_still_the_legs_it_qualifies() -> None:
    facts = _facts(
        "Prime Minister Tran Van Hoa left Hanoi on May 3 for a three-day state visit to "
        "Brazil, before going on to Cuba.",
        "en",
    )
    assert _durations(facts) == [("BR", 3)]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Prime Minister Tran Van Hoa arrived in Cuba on Sunday for a four-day official "
            "visit, flying in from Brasilia, where he had spent six days.",
            "en",
        ),
        (
            "Thủ tướng Trần Văn Hòa tới Cu-ba ngày 5/5, bắt đầu chuyến thăm chính thức bốn "
            "ngày, sau khi từ Bra-xin bay sang.",
            "vi",
        ),
    ],
)
def test_a_visits_length_is_not_the_place_flown_in_from(body: str, lang: str) -> None:
    assert _durations(_facts(body, lang)) == [("CU", 4)]


def test_a_clock_time_before_ngay_is_not_a_number_of_days() -> None:
    assert find_durations("Hà Nội, 06:40 ngày 1/6/2024", "vi") == []
    assert [d.days for d in find_durations("chuyến thăm 3 ngày", "vi")] == [3]


def test_days_of_activities_in_the_countrys_cities_are_not_the_visits_range() -> None:
    facts = _facts(
        "Thủ tướng Trần Văn Hòa đã thăm chính thức Bra-xin. Trong các ngày 4 và 5/5, "
        "Thủ tướng đã có nhiều hoạt động tại Rio de Janeiro và Brasilia.",
        "vi",
    )
    assert [s.value for s in facts.itinerary] == ["BR"]
    assert facts.leg_windows == []
    assert facts.trip_window is None


def test_ending_the_whole_journey_does_not_date_each_legs_end_vi() -> None:
    facts = _facts(
        "Ngày 9/5, Thủ tướng Trần Văn Hòa đã về đến Hà Nội, kết thúc chuyến thăm Bra-xin và Cu-ba.",
        "vi",
        date(2024, 5, 9),
    )
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions] == [
        ("BR", None),
        ("CU", None),
    ]
    assert [r.value for r in facts.returns] == [date(2024, 5, 9)]


def test_coming_home_does_not_date_the_end_of_the_one_leg_it_concludes_en() -> None:
    facts = _facts(
        "Prime Minister Tran Van Hoa left Hanoi on May 5 for Brazil. "
        "Prime Minister Tran Van Hoa returned to Hanoi on May 9, concluding his visit "
        "to Brazil.",
        "en",
    )
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions] == [("BR", None)]


def test_a_journey_told_by_a_clause_of_its_own_does_not_date_the_leg_it_names() -> None:
    """ "left Brazil on Monday, ending a trip in which he attended the summit in Cuba": the
    day is the last stop's, not the summit's country's."""
    facts = _facts(
        "Prime Minister Tran Van Hoa left Brazil on Monday, ending a brief trip in which "
        "he attended a summit in Cuba and held talks in Brasilia.",
        "en",
        date(2024, 5, 8),
    )
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions] == [("CU", None)]


def test_a_leg_ending_on_the_way_on_is_dated() -> None:
    facts = _facts(
        "Ngày 7/5, Thủ tướng Trần Văn Hòa kết thúc chuyến thăm Bra-xin, lên đường thăm Cu-ba.",
        "vi",
        date(2024, 5, 7),
    )
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions] == [
        ("BR", date(2024, 5, 7))
    ]


def test_a_range_right_after_the_country_is_the_visits_even_without_a_visit_word() -> None:
    facts = _facts(
        "Prime Minister Tran Van Hoa began an official visit to Brazil on May 4. "
        "Hoa, who is in Brazil from May 4-6, met business leaders.",
        "en",
    )
    assert [w.value[0] for w in facts.leg_windows] == ["BR"]
    assert facts.leg_windows[0].value[1].end == date(2024, 5, 6)


def test_a_count_of_days_told_with_its_range_is_no_length_of_stay_vi() -> None:
    # "in the three days of 2-4/11" counts the summit's days, which say themselves;
    # counted from an arrival the evening before, it would end the stay a day early
    facts = _facts(
        "Tối 1/11, Thủ tướng Trần Văn Hòa tới Băng Cốc dự Hội nghị Cấp cao ASEAN tại Thái "
        "Lan. Trong ba ngày 2-4/11, Thủ tướng đã dự 11 hội nghị và phiên họp tại Thái Lan.",
        "vi",
        date(2024, 11, 5),
    )
    assert _durations(facts) == []


def test_a_count_of_days_right_before_its_range_is_no_length_of_stay_en() -> None:
    facts = _facts(
        "Prime Minister Tran Van Hoa attended meetings in Thailand over three days, "
        "November 2-4, after arriving in Bangkok on November 1.",
        "en",
        date(2024, 11, 5),
    )
    assert _durations(facts) == []
    # with no range told, the count stands
    alone = _facts(
        "Prime Minister Tran Van Hoa arrived in Bangkok on November 1 for a three-day visit "
        "to Thailand.",
        "en",
        date(2024, 11, 1),
    )
    assert _durations(alone) == [("TH", 3)]


def test_a_count_of_days_from_a_single_day_stands() -> None:
    # "for three days from November 1": a first day and a length, no range told
    facts = _facts(
        "Prime Minister Tran Van Hoa will be in Thailand for three days from November 1 "
        "for an official visit.",
        "en",
        date(2024, 10, 28),
    )
    assert _durations(facts) == [("TH", 3)]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Tổng thống Chi-lê Ivan Petrov đã thăm cấp Nhà nước Việt Nam. Ông tới Hà Nội chiều "
            "8/11, sau hơn một ngày bay từ Santiago với điểm dừng tại Cape Town (Nam Phi).",
            "vi",
        ),
        (
            "Chilean President Ivan Petrov paid a state visit to Vietnam. He reached Hanoi on "
            "Nov. 8 after a long flight from Santiago with a stop in Cape Town, South Africa.",
            "en",
        ),
    ],
)
def test_a_stop_on_the_flight_is_no_leg(body: str, lang: str) -> None:
    facts = _facts(body, lang, date(2017, 11, 12))
    assert [s.value for s in facts.itinerary] == ["VN"]
