"""Days of history are not the trip's (issue 12, item 5): a date long before the
publication ("the victims of the attacks of 11/9/2001") starts no trip and ends none;
"on the way home" is where a stop lies, not a homecoming. Invented articles."""

from __future__ import annotations

from datetime import date

from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import read_article


def _facts(body: str, lang: str, published: date) -> ArticleFacts:
    return read_article(body, lang, published, "c" * 64)


def test_a_memorial_date_is_not_a_day_of_the_trip_vi() -> None:
    facts = _facts(
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Hà Nội ngày 10/6/2024, bắt đầu chuyến "
        "thăm cấp Nhà nước Việt Nam. Ông từng tới Hà Nội ngày 2/3/1998 khi còn là "
        "Bộ trưởng Ngoại giao.",
        "vi",
        date(2024, 6, 10),
    )
    assert facts.known_days()
    assert min(facts.known_days()) == date(2024, 6, 10)


def test_on_the_way_home_is_not_a_homecoming_vi() -> None:
    facts = _facts(
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ tới Hà Nội ngày 10/6/2024. Trên đường về "
        "nước, Tổng thống sẽ dừng chân tại Xin-ga-po.",
        "vi",
        date(2024, 6, 1),
    )
    assert facts.returns == []


def test_on_the_way_back_home_is_not_a_homecoming_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania arrived in Hanoi on June 10, 2024. On his way "
        "back home he stopped in Singapore on June 12, 2024.",
        "en",
        date(2024, 6, 13),
    )
    assert facts.returns == []


def test_the_anniversary_of_a_past_journey_starts_no_trip_vi() -> None:
    facts = _facts(
        "30 năm chuyến thăm lịch sử của Tổng thống Ru-ri-ta-ni-a tới Việt Nam. "
        "Ngày 4/3/2024 đánh dấu tròn 30 năm kể từ khi Tổng thống Ru-ri-ta-ni-a Ivan Petrov "
        "đặt chân tới Hà Nội. Chuyến đi kéo dài ba ngày, từ ngày 4 đến 6/3/1994, đưa ông "
        "tới Hà Nội và Huế.",
        "vi",
        date(2024, 3, 4),
    )
    assert facts.arrivals == []
    assert facts.known_days() == []


def test_the_anniversary_of_a_past_journey_starts_no_trip_en() -> None:
    facts = _facts(
        "March 4, 2024 marks thirty years since President Ivan Petrov of Ruritania arrived "
        "in Hanoi, the first visit by a Ruritanian leader. His three-day state visit to "
        "Vietnam took him to Hanoi and Hue.",
        "en",
        date(2024, 3, 4),
    )
    assert facts.arrivals == []
