"""Who travels and when they arrive, from cues the first readings missed (issue 12,
items 1-3). Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import read_article


def _facts(body: str, lang: str, published: date = date(2024, 10, 4)) -> ArticleFacts:
    return read_article(body, lang, published, "3" * 64)


def _principal(facts: ArticleFacts) -> str | None:
    return facts.principal.value.name if facts.principal else None


def test_the_one_a_host_of_another_country_welcomes_on_a_visit_travels_en() -> None:
    facts = _facts(
        "HANOI, Oct 4 - Vietnamese Prime Minister Tran Van Hoa welcomed Japanese Prime "
        "Minister Sato Kenji in Hanoi on Friday at the start of an official visit.",
        "en",
    )
    assert _principal(facts) == "Sato Kenji"
    assert [s.value for s in facts.itinerary] == ["VN"]


def test_whoever_puts_off_their_trip_is_the_traveller_not_the_host_named_later() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania on Tuesday put off his planned trip to Kenya and "
        "Ethiopia, citing a storm at home. Kenyan President Daniel Mwangi had been due to "
        "host him on October 8.",
        "en",
    )
    assert _principal(facts) == "Ivan Petrov"
    assert facts.postponements


def test_a_possessive_is_not_part_of_the_name_en() -> None:
    facts = _facts(
        "Japanese Prime Minister Sato Kenji's plane touched down at Noi Bai International "
        "Airport on Thursday evening, Oct 3, beginning a three-day official visit to Vietnam.",
        "en",
    )
    assert _principal(facts) == "Sato Kenji"
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("VN", date(2024, 10, 3))
    ]


def test_ha_canh_xuong_is_an_arrival_vi() -> None:
    facts = _facts(
        "Chiều 3/10, chuyên cơ chở Thủ tướng Nhật Bản Sato Kenji đã hạ cánh xuống sân bay "
        "quốc tế Nội Bài, bắt đầu chuyến thăm chính thức Việt Nam.",
        "vi",
    )
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("VN", date(2024, 10, 3))
    ]


def test_the_one_a_relative_clause_says_is_visiting_travels_en() -> None:
    facts = _facts(
        "HANOI, Oct 4 - Prime Minister Tran Van Hoa held talks with his Japanese counterpart "
        "Sato Kenji, who is on an official visit to Vietnam from October 3 to 5.",
        "en",
    )
    assert _principal(facts) == "Sato Kenji"


def test_the_one_a_relative_clause_says_is_visiting_travels_vi() -> None:
    facts = _facts(
        "Tokyo (TTXVN) - Chiều 4/10, Thủ tướng Nhật Bản Sato Kenji đã hội đàm với Thủ tướng "
        "Trần Văn Hòa, người đang thăm chính thức Nhật Bản.",
        "vi",
    )
    assert _principal(facts) == "Trần Văn Hòa"


def test_the_owner_of_the_visit_travels_en() -> None:
    facts = _facts(
        "TOKYO, Oct 4 - Japanese Prime Minister Sato Kenji met Vietnamese Prime Minister Tran "
        "Van Hoa in Tokyo on Friday during Hoa's official visit to Japan.",
        "en",
    )
    assert _principal(facts) == "Tran Van Hoa"


def test_another_leaders_departure_is_not_the_travellers_vi() -> None:
    facts = _facts(
        "Tổng thống Chi-lê Ivan Petrov đang có chuyến thăm Nhật Bản từ ngày 2 đến 4/10. "
        "Tân Thủ tướng Ô-xtrây-li-a Anthony Marsh, vừa tuyên thệ nhậm chức sáng 3/10, đã lên "
        "đường tới Nhật Bản ngay trong ngày để kịp dự hội nghị.",
        "vi",
    )
    assert _principal(facts) == "Ivan Petrov"
    assert facts.departures == []


def test_a_possessor_is_not_where_the_plane_landed_en() -> None:
    facts = _facts(
        "U.S. President Ivan Petrov began a visit to Japan on Sunday. His plane touched "
        "down at the U.S. military's Yokota Air Base outside Tokyo on Sunday, Oct 2.",
        "en",
    )
    assert facts.returns == []  # read as landing in the U.S., it was the trip's end


def test_the_one_invited_to_come_travels_not_the_inviter_vi() -> None:
    facts = _facts(
        "Chiều 3/3, Người phát ngôn Bộ Ngoại giao cho biết Tổng thống Chi-lê Ivan Petrov đã "
        "gửi thư mời Thủ tướng Trần Văn Hòa cùng lãnh đạo các nước khu vực dự Hội nghị Cấp "
        "cao tại Santiago trong hai ngày 28-29/3.",
        "vi",
        date(2024, 3, 3),
    )
    assert _principal(facts) == "Trần Văn Hòa"


def test_the_one_invited_to_visit_travels_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Chile has invited Prime Minister Tran Van Hoa to visit "
        "Chile from March 28 to 29.",
        "en",
        date(2024, 3, 3),
    )
    assert _principal(facts) == "Tran Van Hoa"
