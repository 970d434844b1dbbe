"""A visit long past, named in an article about a new trip, gives this trip no leg and
no visit type (issue 12): "following his official visit there in September 2023", "he
paid a state visit to Brazil in 2019", "sau chuyến thăm chính thức hồi tháng 9/2023".
Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.values import VisitType
from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import corpus_body, read_article

SATURDAY = date(2024, 11, 16)
SUMMIT = (
    "SANTIAGO — President Ivan Petrov of Chile left Santiago on Saturday to attend the G20 "
    "Summit in Rio de Janeiro, Brazil, from November 16 to 19. "
)


def _facts(body: str, lang: str = "en", published: date = SATURDAY) -> ArticleFacts:
    return read_article(body, lang, published, "6" * 64)


def _types(facts: ArticleFacts) -> list[tuple[str, VisitType]]:
    return [s.value for s in facts.visit_types]


@pytest.mark.parametrize(
    "past",
    [
        "It will be his second stop in Brazil in a year, following his official visit to "
        "the South American country in September 2023.",
        "He paid a state visit to Brazil in 2019.",
        "After his state visit to Brazil in March 2022, trade between the two doubled.",
    ],
)
def test_a_visit_long_past_adds_no_leg_and_no_visit_type(past: str) -> None:
    facts = _facts(SUMMIT + past)
    assert [s.value for s in facts.itinerary] == ["BR"]
    assert _types(facts) == [("BR", VisitType.EVENT)]


def test_a_visit_long_past_in_vietnamese() -> None:
    facts = _facts(
        "Thủ tướng Phạm Minh Chính rời Hà Nội sáng 16/11 lên đường tham dự Hội nghị thượng "
        "đỉnh G20 tại Brazil từ ngày 16 đến 19/11. Đây là lần thứ hai Thủ tướng tới Brazil, "
        "sau chuyến thăm chính thức hồi tháng 9/2023.",
        lang="vi",
    )
    assert [s.value for s in facts.itinerary] == ["BR"]
    assert _types(facts) == [("BR", VisitType.EVENT)]


def test_last_years_visits_told_by_month_alone_add_no_leg() -> None:
    """ "Năm ngoái, ông Albanese đã dự Hội nghị thượng đỉnh G20 tại Niu Đê-li (Ấn Độ) vào
    tháng 9": a month with no day is no date mention, yet "năm ngoái" opening the
    sentence says it was last year (it made India a leg of the trip to Peru and Brazil)."""
    body = corpus_body("world/2024-11-albanese-peru-brazil", "06_vi_summary.txt")
    facts = read_article(body, "vi", date(2024, 11, 20))
    assert "IN" not in [s.value for s in facts.itinerary]
    assert {"PE", "BR"} <= {s.value for s in facts.itinerary}


def test_this_trips_visit_told_in_the_past_tense_is_kept() -> None:
    """ "paid a state visit ... from March 8 to 10", published on the 10th: this trip."""
    facts = _facts(
        "TOKYO, March 10 — President Ivan Petrov of Chile paid a state visit to Japan from "
        "March 8 to 10, his office said.",
        published=date(2024, 3, 10),
    )
    assert _types(facts) == [("JP", VisitType.STATE)]
    assert facts.trip_window is not None


def test_a_sentence_with_a_month_still_ahead_is_about_this_trip() -> None:
    """A year past and a month ahead in one sentence: not a past visit, its type stands."""
    facts = _facts(
        SUMMIT + "After his visit in 2019, he will pay a state visit to Brazil in December "
        "2024, his office said."
    )
    assert ("BR", VisitType.STATE) in _types(facts)


def test_a_vietnamese_month_with_its_year_written_out_is_past() -> None:
    """ "tháng 9 năm 2023" is September 2023, not a September of the publication's year
    (which, a month before publication, would not be long past)."""
    facts = _facts(
        "Thủ tướng Phạm Minh Chính rời Hà Nội sáng 20/10 lên đường tham dự Hội nghị thượng "
        "đỉnh tại Brazil từ ngày 20 đến 22/10. Đây là lần thứ hai Thủ tướng tới Brazil, "
        "sau chuyến thăm chính thức hồi tháng 9 năm 2023.",
        lang="vi",
        published=date(2024, 10, 20),
    )
    assert _types(facts) == [("BR", VisitType.EVENT)]


def test_since_a_year_is_a_period_up_to_now_not_a_past_visit() -> None:
    facts = _facts(
        "TOKYO, March 10 — President Ivan Petrov of Chile arrived in Tokyo on March 8. He is "
        "the first Chilean president who has visited Japan on a state visit since 2016.",
        published=date(2024, 3, 10),
    )
    assert _types(facts) == [("JP", VisitType.STATE)]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        pytest.param(
            "Chilean President Ivan Petrov returned to Santiago on Saturday after attending "
            "the forum in Beijing, China. His first trip abroad as president was an official "
            "visit to Laos on April 10-11.",
            "en",
            id="was-an-official-visit",
        ),
        pytest.param(
            "Chiều 21/10, Tổng thống Chi-lê Ivan Petrov đã về tới Santiago, kết thúc chuyến "
            "tham dự diễn đàn tại Bắc Kinh, Trung Quốc. Trước đó, ông đã thăm Lào ngày 10-11/4.",
            "vi",
            id="da-tham-ngay",
        ),
    ],
)
def test_a_visit_told_as_done_months_back_is_another_journey(body: str, lang: str) -> None:
    """Read backward, "April 10-11" is six months before the article, not six months
    after it: another journey, with no leg and no visit type."""
    facts = _facts(body, lang, date(2023, 10, 21))
    assert [s.value for s in facts.itinerary] == ["CN"]
    assert all(code != "LA" for code, _ in _types(facts))


@pytest.mark.parametrize(
    ("body", "lang", "published", "legs"),
    [
        pytest.param(
            "Chilean President Ivan Petrov arrived in Riyadh on Wednesday, Oct. 18, for a "
            "summit in Saudi Arabia. It is his second trip in two months: he addressed the "
            "U.N. General Assembly in New York and visited Brazil in September.",
            "en",
            date(2023, 10, 20),
            ["SA"],
            id="month-before-the-trip-en",
        ),
        pytest.param(
            "Tối 12/4, Tổng thống Chi-lê Ivan Petrov đã về tới Santiago, kết thúc chuyến thăm "
            "chính thức Trung Quốc từ ngày 7-12/4. Riêng trong năm 2023, ông Petrov đã thăm "
            "chính thức Cu-ba và Ác-hen-ti-na hồi tháng 4.",
            "vi",
            date(2024, 4, 12),
            ["CN"],
            id="month-of-the-year-named-vi",
        ),
    ],
)
def test_a_visit_told_by_its_month_before_the_trip_is_another_journey(
    body: str, lang: str, published: date, legs: list[str]
) -> None:
    """A month named alone is read in the year the sentence names, and a visit it dates
    that ends before the trip began is another journey, even within the month before."""
    assert [s.value for s in _facts(body, lang, published).itinerary] == legs


def test_another_leader_s_visit_to_a_place_is_theirs() -> None:
    body = (
        "Chilean President Ivan Petrov arrived in Seoul on Sunday for an official visit to "
        "South Korea. Seoul wants support after Russian President Oleg Ivanov's visit to "
        "Pyongyang on June 19."
    )
    assert [s.value for s in _facts(body, "en", date(2024, 7, 2)).itinerary] == ["KR"]


@pytest.mark.parametrize(
    ("body", "lang", "published", "legs"),
    [
        pytest.param(
            "Chilean President Ivan Petrov will travel to Washington on Thursday, Feb. 9. "
            "Petrov, who returned to the presidency on Jan. 1, is due to fly home on Saturday. "
            "Last month he travelled to Buenos Aires for a summit.",
            "en",
            date(2023, 2, 7),
            ["US"],
            id="last-month-and-returned-to-the-presidency",
        ),
        pytest.param(
            "Chiều 20/7, Thủ tướng Chi-lê Ivan Petrov đã tới Hà Nội, bắt đầu chuyến thăm chính "
            "thức Việt Nam. Sau khi nhậm chức, ông Petrov đã lần lượt thăm In-đô-nê-xi-a và "
            "Bru-nây trong những tháng đầu năm 2023.",
            "vi",
            date(2023, 7, 20),
            ["VN"],
            id="dau-nam-and-lan-luot",
        ),
        pytest.param(
            "Chiều 9/2, Tổng thống Chi-lê Ivan Petrov đã tới Washington, bắt đầu chuyến thăm "
            "Mỹ. Cuối tháng 1, ông Petrov đã thăm Ác-hen-ti-na.",
            "vi",
            date(2023, 2, 10),
            ["US"],
            id="cuoi-thang-opening-a-sentence",
        ),
    ],
)
def test_past_visits_told_by_coarse_times_are_other_journeys(
    body: str, lang: str, published: date, legs: list[str]
) -> None:
    assert [s.value for s in _facts(body, lang, published).itinerary] == legs


def test_last_month_is_another_journey() -> None:
    body = (
        "Chilean President Ivan Petrov arrived in Washington on Thursday, Feb. 9, for a visit "
        "to the United States. Last month he travelled to Argentina and Uruguay."
    )
    assert [s.value for s in _facts(body, "en", date(2023, 2, 9)).itinerary] == ["US"]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        pytest.param(
            "Chủ tịch Ru-ri-ta-ni-a Ivan Petrov đã kết thúc chuyến thăm cấp nhà nước Việt Nam "
            "ngày 5-6/11 và Xin-ga-po ngày 6-7/11, lên đường về nước tối 7/11.\n\n"
            "Chuyến công du tiếp theo của ông Petrov đã được ấn định. Theo Bộ Ngoại giao, ông "
            "sẽ dự Hội nghị thượng đỉnh G20 tại Ấn Độ từ ngày 14 đến 16/11. Sau đó, ông tới "
            "Manila, Philippines, dự Hội nghị APEC từ ngày 17 đến 19/11.",
            "vi",
            id="vi-chuyen-cong-du-tiep-theo",
        ),
        pytest.param(
            "President Ivan Petrov of Ruritania wrapped up state visits to Vietnam on Nov. 5-6 "
            "and Singapore on Nov. 6-7 and left for home on Saturday night.\n\n"
            "His next trip abroad is already set. He will attend the G20 summit in India on "
            "Nov. 14-16. Then he flies to Manila for the APEC summit on Nov. 17-19.",
            "en",
            id="en-his-next-trip-abroad",
        ),
        pytest.param(
            "President Ivan Petrov of Ruritania will pay state visits to Vietnam on Nov. 5-6 "
            "and Singapore on Nov. 6-7, his office said.\n\n"
            "The announcement came while the president was on another three-day trip, to "
            "South Asia. He held talks in India on Monday and is due in Nepal on Wednesday.",
            "en",
            id="en-was-on-another-trip",
        ),
        pytest.param(
            "Chủ tịch Ru-ri-ta-ni-a Ivan Petrov sẽ thăm cấp nhà nước Việt Nam ngày 5-6/11 và "
            "Xin-ga-po ngày 6-7/11.\n\n"
            "Thông báo được đưa ra khi ông Petrov đang có chuyến công du Nam Á khác. Ông đã hội "
            "đàm tại Ấn Độ hôm thứ Hai và sẽ tới Nê-pan hôm thứ Tư.",
            "vi",
            id="vi-dang-co-chuyen-cong-du-khac",
        ),
    ],
)
def test_a_paragraph_opening_the_next_journey_tells_of_it_to_its_end(body: str, lang: str) -> None:
    facts = _facts(body, lang, date(2015, 11, 9))
    assert [s.value for s in facts.itinerary] == ["VN", "SG"]


def test_a_range_in_a_clause_on_someone_elses_past_visit_is_read_backward() -> None:
    """ "It will be their fourth meeting ... Modi, who visited Buenos Aires for the G20 summit
    from Nov. 30 to Dec. 1 and invited him to India then": the sentence's future is not the
    clause's, so the range is last year's, never the trip's window (it gave a trip in
    February a window in December)."""
    facts = _facts(
        "NEW DELHI, Feb 17 - President Ivan Petrov of Argentina arrived in India on Sunday for a "
        "three-day state visit. It will be the fourth meeting in little more than a year "
        "between Petrov and Modi, who visited Buenos Aires for the Group of 20 summit from "
        "Nov. 30 to Dec. 1 and invited the Argentine leader to India then.",
        published=date(2019, 2, 17),
    )
    assert facts.trip_window is None
    assert all(s.value[1].start < date(2019, 3, 1) for s in facts.leg_windows)
    assert not facts.event_windows
