"""Another journey told by a month, a coming time or a word of record, not by days: a plan
for "next month" or "in April" after a trip of June days, a stay "In July" in an August
report, "has already made state visits to", "Trước chuyến công du này" (issue 12, item 5).
Its countries are no legs. Invented articles; each row fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import TOKYO_LEAD_EN, TOKYO_LEAD_VI, legs_of, read_article

EN_LEAD, VI_LEAD = TOKYO_LEAD_EN, TOKYO_LEAD_VI


_legs = legs_of


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "en",
            EN_LEAD + "The Japan trip will be followed by a visit to Egypt next month.",
            id="next-month-en",
        ),
        pytest.param("en", EN_LEAD + "He is also due in Egypt in September.", id="in-a-month-en"),
        pytest.param(
            "en",
            EN_LEAD + "He is expected to visit Egypt in the coming weeks.",
            id="coming-weeks-en",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Tháng 9 tới, nhà lãnh đạo Ru-ri-ta-ni-a dự kiến tới Ai Cập.",
            id="thang-toi-vi",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Sau chuyến đi Nhật Bản, Tổng thống dự kiến thăm Ai Cập vào cuối tháng 8 "
            "tới.",
            id="cuoi-thang-toi-vi",
        ),
    ],
)
def test_a_plan_for_a_later_month_is_the_next_journey(lang: str, body: str) -> None:
    assert _legs(body, lang) == ["JP"]


@pytest.mark.parametrize(
    ("lang", "body", "legs"),
    [
        pytest.param(
            "en",
            "President Ivan Petrov of Ruritania will visit Japan next month, officials said "
            "on Monday. He will then travel to Egypt next month as well.",
            ["JP", "EG"],
            id="announcement-of-a-trip-next-month-en",
        ),
        pytest.param(
            "en",
            "President Ivan Petrov of Ruritania will visit Japan and Egypt in late July, "
            "officials said. He will go on to Kenya in July.",
            ["JP", "EG", "KE"],
            id="announcement-in-a-month-en",
        ),
    ],
)
def test_an_announcement_keeps_its_own_month(lang: str, body: str, legs: list[str]) -> None:
    assert sorted(_legs(body, lang)) == sorted(legs)


@pytest.mark.parametrize(
    ("lang", "body", "published"),
    [
        pytest.param(
            "en",
            "President Ivan Petrov of Ruritania arrived in Nairobi on August 20 for a state "
            "visit to Kenya. In July he stopped in Egypt on his way back from a summit.",
            date(2024, 8, 20),
            id="in-july-en",
        ),
        pytest.param(
            "vi",
            "Chiều 10/10, Thủ tướng Ru-ri-ta-ni-a Ivan Petrov đã tới Nairobi, bắt đầu chuyến "
            "thăm chính thức Kê-ni-a. Đầu tháng 12/2023, Thủ tướng có mặt tại Ai Cập dự hội "
            "nghị về khí hậu.",
            date(2024, 10, 10),
            id="month-and-year-vi",
        ),
        pytest.param(
            "vi",
            "Chiều 20/11, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Nairobi, bắt đầu chuyến "
            "thăm chính thức Kê-ni-a. Hồi tháng 3 năm nay, ông Petrov đã có chuyến thăm lịch "
            "sử tới Ai Cập.",
            date(2024, 11, 20),
            id="thang-nam-nay-vi",
        ),
        pytest.param(
            "vi",
            "Chiều 20/11, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Nairobi, bắt đầu chuyến "
            "thăm chính thức Kê-ni-a. Tháng trước, Tổng thống vừa dẫn đầu đoàn Ru-ri-ta-ni-a dự "
            "Hội nghị cấp cao tại Ai Cập.",
            date(2024, 11, 20),
            id="thang-truoc-vi",
        ),
        pytest.param(
            "vi",
            "Chiều 20/11, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Nairobi, bắt đầu chuyến "
            "thăm chính thức Kê-ni-a. Đây là chuyến thăm nước ngoài thứ hai trong năm 2024 của "
            "ông, sau chuyến thăm chính thức Ai Cập hồi tháng 1.",
            date(2024, 11, 20),
            id="month-alone-in-this-year-vi",
        ),
        pytest.param(
            "en",
            "President Ivan Petrov of Ruritania arrived in Nairobi on Oct. 18 for a state "
            "visit to Kenya. Petrov's July visit to Cairo, his first to Egypt in a decade, "
            "drew protests in the Egyptian capital.",
            date(2024, 10, 18),
            id="month-naming-a-journey-en",
        ),
    ],
)
def test_a_stay_dated_by_an_earlier_month_is_history(lang: str, body: str, published: date) -> None:
    assert _legs(body, lang, published) == ["KE"]


def test_a_month_since_which_something_runs_dates_no_stay() -> None:
    body = (
        "President Ivan Petrov of Ruritania began an African tour on August 19. The state "
        "visit to Kenya is the first by a Ruritanian leader since May 2019."
    )
    assert _legs(body, "en", date(2024, 8, 20)) == ["KE"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "en",
            EN_LEAD + "He has already made state visits to Egypt and Kenya.",
            id="has-already-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "Since taking office he has paid official visits to Egypt and Kenya.",
            id="since-taking-office-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "On that trip he also toured Egypt.",
            id="on-that-trip-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "The visit follows Petrov's attendance at a summit in Egypt.",
            id="follows-someones-en",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Trước chuyến công du này, ông đã thăm Ai Cập và Kê-ni-a.",
            id="truoc-chuyen-cong-du-nay-vi",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Kể từ khi nhậm chức, ông Petrov đã tham dự hội nghị tại Ai Cập.",
            id="ke-tu-khi-nham-chuc-vi",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Trong chuyến đi đó, ông Petrov thăm cấp Nhà nước Ai Cập.",
            id="trong-chuyen-di-do-vi",
        ),
    ],
)
def test_the_travellers_record_is_no_leg(lang: str, body: str) -> None:
    assert _legs(body, lang) == ["JP"]


def test_a_homecoming_before_an_announced_trip_ends_an_earlier_journey() -> None:
    body = (
        "Thủ tướng Ru-ri-ta-ni-a Ivan Petrov sẽ thăm chính thức Nhật Bản từ ngày 4-6/7. Nhà "
        "lãnh đạo này vừa trở về nước hôm 28/6 sau chuyến công du Ai Cập và Kê-ni-a."
    )
    assert _legs(body, "vi", date(2024, 7, 1)) == ["JP"]


def test_a_reports_own_homecoming_keeps_its_legs() -> None:
    body = (
        "Indian Prime Minister Ivan Petrov landed back in New Delhi early on Sunday after a "
        "five-day trip. Petrov spent July 4 to 6 on an official visit to Egypt and then flew "
        "home overnight."
    )
    assert _legs(body, "en", date(2024, 7, 8)) == ["EG"]


def test_a_report_opening_on_the_homecoming_keeps_it_though_another_sets_off_later() -> None:
    """The homecoming is the report's own; a trip someone else begins after publication
    does not make it an earlier journey's."""
    body = (
        "Tối 15/7, Thủ tướng Ấn Độ Ivan Petrov đã về tới thủ đô New Delhi, kết thúc chuyến thăm "
        "chính thức Ai Cập (13-14/7) và Các Tiểu vương quốc Ả-rập Thống nhất (UAE) ngày 15/7. "
        "Cũng trong khu vực, Thủ tướng Nhật Bản Kishida Fumio ngày 16/7 bắt đầu chuyến công "
        "du vùng Vịnh."
    )
    facts = read_article(body, "vi", date(2024, 7, 16))
    assert [r.value for r in facts.returns]
    assert "EG" in [s.value for s in facts.itinerary]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "vi", VI_LEAD + "Sau khi về nước, ông dự kiến thăm Ai Cập vào tuần tới.", id="vi"
        ),
        pytest.param(
            "en", EN_LEAD + "After returning home he is due to visit Egypt next week.", id="en"
        ),
    ],
)
def test_a_plan_after_the_homecoming_is_the_next_journey(lang: str, body: str) -> None:
    assert _legs(body, lang) == ["JP"]


@pytest.mark.parametrize(
    ("lang", "body", "published"),
    [
        pytest.param(
            "vi",
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ thăm Nhật Bản trong hai ngày 17-18/10. "
            "Trước đó, trong hai ngày 12-13/10, Tổng thống Petrov đã thăm chính thức Ai Cập.",
            date(2023, 10, 16),
            id="truoc-do-vi",
        ),
        pytest.param(
            "en",
            "President Ivan Petrov of Ruritania arrived in Tokyo on Tuesday, October 17, for a "
            "summit. Last week he travelled to Egypt, where he held talks on Oct. 12.",
            date(2023, 10, 17),
            id="last-week-en",
        ),
        pytest.param(
            "vi",
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ thăm Nhật Bản trong hai ngày 17-18/10. "
            "Trước chặng dừng chân tại Tokyo, từ ngày 12-13/10, ông Petrov đã lần lượt tới Ai "
            "Cập và Kê-ni-a.",
            date(2023, 10, 16),
            id="truoc-chang-vi",
        ),
        pytest.param(
            "en",
            "President Ivan Petrov of Ruritania arrived in Tokyo on Saturday, October 21, for a "
            "summit. The trip caps a week of diplomacy that began last weekend with stops in "
            "Egypt and Kenya.",
            date(2023, 10, 21),
            id="last-weekend-en",
        ),
        pytest.param(
            "vi",
            "Sáng 5/10, Tổng thống Ru-ri-ta-ni-a Ivan Petrov lên đường thăm Nhật Bản. Từ ngày "
            "28/9 đến 2/10, ông Petrov đã thăm Cairo và hội đàm với Tổng thống Ai Cập.",
            date(2023, 10, 5),
            id="da-tham-with-days-apart-vi",
        ),
        pytest.param(
            "en",
            "President Ivan Petrov of Ruritania left for Japan on Thursday, October 5, for a "
            "state visit. From September 28 to October 2 he visited Egypt for talks with its "
            "president.",
            date(2023, 10, 5),
            id="visited-with-days-apart-en",
        ),
    ],
)
def test_a_stay_told_as_before_with_days_apart_is_another_journey(
    lang: str, body: str, published: date
) -> None:
    assert _legs(body, lang, published) == ["JP"]


def test_a_stay_told_as_before_that_runs_into_the_trip_is_its_leg() -> None:
    body = (
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov tới Tokyo ngày 14/10. Trước đó, trong hai ngày "
        "12-13/10, Tổng thống Petrov đã thăm chính thức Ai Cập."
    )
    assert sorted(_legs(body, "vi", date(2023, 10, 14))) == ["EG", "JP"]


def test_a_stay_this_trip_comes_after_days_apart_is_another_journey() -> None:
    body = (
        "Chiều 30/6, Thủ tướng Ru-ri-ta-ni-a Ivan Petrov tới Seoul, bắt đầu chuyến thăm chính "
        "thức Hàn Quốc. Đây là chuyến công tác thứ hai của Thủ tướng trong hai tuần, sau khi "
        "ông dự diễn đàn tại Đại Liên, Trung Quốc, từ ngày 24 đến 27/6."
    )
    assert _legs(body, "vi", date(2024, 6, 30)) == ["KR"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("en", EN_LEAD + "He has travelled to Egypt four times.", id="times-en"),
        pytest.param(
            "vi",
            VI_LEAD + "Ông Petrov cũng bốn lần thăm Ai Cập kể từ khi nhậm chức.",
            id="lan-tham-vi",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Năm 2018, ông Petrov thăm Ai Cập và gặp lãnh đạo nước này.",
            id="a-year-past-vi",
        ),
    ],
)
def test_a_count_of_visits_or_a_past_year_is_the_record(lang: str, body: str) -> None:
    assert _legs(body, lang) == ["JP"]


def test_an_early_month_stay_days_apart_is_another_journey_even_beside_a_named_day() -> None:
    body = (
        "Chiều 20/6, Chủ tịch Ru-ri-ta-ni-a Ivan Petrov đặt chân tới Tokyo, bắt đầu chuyến "
        "thăm cấp Nhà nước Nhật Bản. Sáng 21/6, hai nhà lãnh đạo dự buổi đồng diễn tại Sân vận "
        "động Ngày 1/5 rồi cùng tới thăm Tháp Hữu nghị. Đầu tháng, ông Petrov thăm cấp Nhà "
        "nước Ai Cập từ ngày 12-16/6."
    )
    assert _legs(body, "vi", date(2019, 6, 23)) == ["JP"]


def test_next_week_in_a_report_from_the_road_is_another_journey() -> None:
    body = (
        "Prime Minister Ivan Petrov of Ruritania arrived in Amsterdam on Tuesday for a visit "
        "to the Netherlands. Next week he is scheduled to visit Israel."
    )
    assert _legs(body, "en", date(2017, 6, 27)) == ["NL"]


@pytest.mark.parametrize(
    ("lang", "body", "published"),
    [
        pytest.param(
            "en",
            "President Ivan Petrov of Ruritania arrived in Kyrgyzstan early on Thursday for a "
            "two-day official visit. His office said on Wednesday that he would visit Egypt "
            "next week.",
            date(2023, 10, 12),
            id="said-on-a-day-en",
        ),
        pytest.param(
            "vi",
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Cư-rơ-gư-xtan sáng 12/10, bắt đầu "
            "chuyến thăm chính thức hai ngày. Văn phòng Tổng thống thông báo ngày 11/10 rằng "
            "ông sẽ thăm Ai Cập vào tuần tới.",
            date(2023, 10, 12),
            id="thong-bao-ngay-vi",
        ),
    ],
)
def test_next_week_told_on_a_day_is_still_another_journey(
    lang: str, body: str, published: date
) -> None:
    """The day the plan was told on is no day of the plan: "next week" still dates it."""
    assert _legs(body, lang, published) == ["KG"]


def test_next_week_after_a_report_that_opens_on_the_return_is_another_journey() -> None:
    """The report's days come before its first travel sentence ("returned from the summit
    ... from May 9 to 11"; then an undated "the next one is due in September"): "next
    week" is past them, and the stay the return ends is the leg."""
    body = (
        "Prime Minister Ivan Petrov of Ruritania returned from the ASEAN Summit in Indonesia "
        "after three days of meetings in Labuan Bajo from May 9 to 11. The next summit is "
        "due in September. Petrov is set to head to Japan next week to attend the G7 summit "
        "in Hiroshima."
    )
    facts = read_article(body, "en", date(2023, 5, 12))
    assert [s.value for s in facts.itinerary] == ["ID"]
    assert facts.trip_window is not None and facts.trip_window.value.end == date(2023, 5, 11)


def test_next_week_after_days_told_before_the_first_travel_sentence_is_another_journey() -> None:
    """A report's opening days may come before any sentence that speaks of travel."""
    body = (
        "Prime Minister Ivan Petrov of Ruritania held talks with President Joko Widodo in "
        "Jakarta on May 10 and 11. It was his first visit to Indonesia. Petrov is set to head "
        "to Japan next week to attend the G7 summit in Hiroshima."
    )
    assert _legs(body, "en", date(2023, 5, 12)) == ["ID"]


def test_next_week_in_an_announcement_is_the_same_journey() -> None:
    body = (
        "Prime Minister Ivan Petrov of Ruritania will leave on Saturday for a visit to "
        "Portugal. Next week he will visit the Netherlands."
    )
    assert _legs(body, "en", date(2017, 6, 23)) == ["PT", "NL"]


def test_next_week_after_a_departure_planned_for_today_is_the_same_journey() -> None:
    body = (
        "Prime Minister Ivan Petrov of Ruritania will leave on Thursday for a visit to "
        "Portugal. Next week he will visit the Netherlands."
    )
    assert _legs(body, "en", date(2017, 6, 22)) == ["PT", "NL"]


def test_a_plan_days_after_the_lead_s_range_is_the_next_journey() -> None:
    body = (
        "Thủ tướng Ru-ri-ta-ni-a Ivan Petrov sẽ thăm chính thức Mỹ từ ngày 22-26/10. Cũng "
        "trong ngày 22/10, Văn phòng Thủ tướng thông báo ông sẽ thăm Trung Quốc từ ngày 4-7/11."
    )
    assert _legs(body, "vi", date(2023, 10, 22)) == ["US"]


def test_an_onward_leg_days_after_the_lead_s_range_stays() -> None:
    body = (
        "Prime Minister Ivan Petrov of Ruritania paid an official visit to Laos on June 2 and "
        "3. On Saturday evening he will fly on to Phnom Penh for a visit to Cambodia on June 8 "
        "and 9."
    )
    assert _legs(body, "en", date(2024, 6, 5)) == ["LA", "KH"]


def test_a_two_digit_month_with_its_year_dates_a_past_stay() -> None:
    body = (
        "Sáng 15/1, Chủ tịch Ru-ri-ta-ni-a Ivan Petrov đã rời thủ đô, lên đường thăm cấp Nhà "
        "nước Thụy Sĩ. Chuyến công du nước ngoài gần nhất của ông là vào tháng 11/2016, khi ông "
        "thăm cấp nhà nước Ê-cu-a-đo và Pê-ru."
    )
    assert _legs(body, "vi", date(2017, 1, 15)) == ["CH"]


def test_days_told_a_year_earlier_are_last_year_s() -> None:
    body = (
        "Prime Minister Ivan Petrov of Ruritania arrived in Davos, Switzerland on Monday for "
        "the World Economic Forum. A year earlier, he combined the forum with official visits "
        "to Hungary and Romania, also returning home on Jan. 23."
    )
    assert _legs(body, "en", date(2025, 1, 21)) == ["CH"]


@pytest.mark.parametrize(
    ("lang", "body", "legs"),
    [
        pytest.param(
            "en",
            "President Ivan Petrov of Ruritania will visit Japan from July 2 to 5, his office "
            "said on Thursday. He is also due to visit Egypt on April 2-3.",
            ["JP"],
            id="a-sooner-plan-en",
        ),
        pytest.param(
            "vi",
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ thăm Nhật Bản từ ngày 2-5/7. Ông cũng "
            "dự kiến thăm Ai Cập trong hai ngày 2-3/4.",
            ["JP"],
            id="a-sooner-plan-vi",
        ),
        pytest.param(
            "en",
            "President Ivan Petrov of Ruritania will visit Japan from July 2 to 5, his office "
            "said on Thursday. Before that he will stop in Egypt on June 30 and July 1.",
            ["JP", "EG"],
            id="a-leg-days-before-en",
        ),
    ],
)
def test_an_announcement_s_plan_weeks_before_its_trip_is_another_journey(
    lang: str, body: str, legs: list[str]
) -> None:
    """In March, a trip in July: a plan dated in April is another journey still to come;
    one the day before the trip's first day may be its first leg."""
    assert sorted(_legs(body, lang, date(2022, 3, 3))) == sorted(legs)
