"""Countries an article names that are no legs (issue 12: the itinerary model, and
certainty at the source): one crossed on the way ("through Chinese territory", "đi qua
lãnh thổ Trung Quốc"), and trips told relative to now ("after trips to the United States
and France earlier this year", "năm ngoái"). Invented articles; each test fails without
its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.ingest.places import find_places
from tests.support.reading import read_article

SUNDAY = date(2024, 6, 9)


def _legs(body: str, lang: str = "en") -> list[str]:
    return [s.value for s in read_article(body, lang, SUNDAY, "6" * 64).itinerary]


@pytest.mark.parametrize(
    ("body", "lang", "legs"),
    [
        pytest.param(
            "Mongolian President Bat Erdene left Ulaanbaatar by train on Saturday for Vietnam, "
            "where he will pay a state visit. His train crossed into China late on Saturday "
            "and will travel through Chinese territory for two days before reaching the "
            "border town of Dong Dang.",
            "en",
            ["VN"],
            id="through-demonym-territory",
        ),
        pytest.param(
            "Chilean President Ivan Petrov arrived in Beijing on Sunday for a state visit to "
            "China after travelling across Russia by train.",
            "en",
            ["CN"],
            id="across-a-country",
        ),
        pytest.param(
            "Đoàn tàu chở Chủ tịch Mông Cổ Bat Erdene đã rời Ulan Bato chiều 8/6 để sang thăm "
            "Việt Nam. Đoàn tàu đã vượt biên giới sang Trung Quốc và sẽ đi qua lãnh thổ Trung "
            "Quốc trong hai ngày trước khi tới ga Đồng Đăng.",
            "vi",
            ["VN"],
            id="qua-lanh-tho",
        ),
        pytest.param(
            "Đoàn tàu chở Chủ tịch Mông Cổ Bat Erdene đã rời Ulan Bato chiều 8/6 để sang thăm "
            "Việt Nam. Đoàn tàu đã vượt biên giới sang Trung Quốc và sẽ băng qua Trung Quốc "
            "trong hai ngày trước khi tới ga Đồng Đăng.",
            "vi",
            ["VN"],
            id="bang-qua",
        ),
        pytest.param(
            "Chilean President Ivan Petrov flew to China on Sunday for a state visit to China, "
            "his train having passed through Mongolia.",
            "en",
            ["CN"],
            id="a-visited-country-stays",
        ),
    ],
)
def test_a_country_crossed_on_the_way_is_no_leg(body: str, lang: str, legs: list[str]) -> None:
    assert _legs(body, lang) == legs


def test_a_country_crossed_and_visited_stays_a_leg() -> None:
    """Passing through is not the whole story when a sentence names a visit there."""
    legs = _legs(
        "Chilean President Ivan Petrov left Santiago on Saturday for a state visit to "
        "China, the first stop of a tour that ends in Vietnam. His train travelled through "
        "China on Saturday night."
    )
    assert "CN" in legs


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        pytest.param(
            "Chilean President Ivan Petrov arrived in Hanoi on Sunday for a state visit to "
            "Vietnam. It is his first Asian tour since taking office, after trips to the "
            "United States and France earlier this year.",
            "en",
            id="earlier-this-year",
        ),
        pytest.param(
            "Chilean President Ivan Petrov arrived in Hanoi on Sunday for a state visit to "
            "Vietnam. Last year he paid an official visit to Japan and South Korea.",
            "en",
            id="last-year",
        ),
        pytest.param(
            "Chiều 9/6, Tổng thống Chi-lê Ivan Petrov đã tới Hà Nội, bắt đầu chuyến thăm cấp "
            "Nhà nước Việt Nam. Đây là chuyến thăm đầu tiên của ông tới châu Á kể từ khi nhậm "
            "chức, sau các chuyến công du Mỹ và Pháp hồi đầu năm.",
            "vi",
            id="hoi-dau-nam",
        ),
        pytest.param(
            "Chiều 9/6, Tổng thống Chi-lê Ivan Petrov đã tới Hà Nội, bắt đầu chuyến thăm cấp "
            "Nhà nước Việt Nam. Năm ngoái, ông đã có chuyến thăm Nhật Bản và Hàn Quốc.",
            "vi",
            id="nam-ngoai",
        ),
    ],
)
def test_a_trip_told_relative_to_now_is_another_journey(body: str, lang: str) -> None:
    assert _legs(body, lang) == ["VN"]


def test_a_trip_this_month_is_not_history() -> None:
    """ "earlier this year" ends in March: an article in early April is too close to call
    it another journey, so the countries stay."""
    legs = [
        s.value
        for s in read_article(
            "Chilean President Ivan Petrov arrived in Hanoi on Sunday, April 7, for a state "
            "visit to Vietnam, after visits to Japan and South Korea earlier this year.",
            "en",
            date(2024, 4, 7),
            "6" * 64,
        ).itinerary
    ]
    assert "JP" in legs


def test_a_leg_before_the_trip_s_own_days_is_another_journey() -> None:
    """The trip runs 17-26/9; "before going to the US" he was in Nanning on 16-17/9 and
    went home in between: China is no leg of this trip."""
    facts = read_article(
        "Thủ tướng Trần Văn Hòa sẽ dự Đại hội đồng Liên hợp quốc tại Hoa Kỳ và thăm chính thức "
        "Bra-xin từ ngày 17-26/9. Trước khi sang Mỹ, Thủ tướng tới Nam Ninh, Quảng Tây (Trung "
        "Quốc) dự Hội chợ Trung Quốc - ASEAN trong hai ngày 16-17/9.",
        "vi",
        date(2023, 9, 15),
        "6" * 64,
    )
    assert "CN" not in [s.value for s in facts.itinerary]
    assert all(w.value[0] != "CN" for w in facts.leg_windows)


def test_a_range_in_a_background_sentence_dates_no_leg() -> None:
    """ "The US programme comes only a week after B's state visit to Hanoi on September
    10-11": those days are B's visit, not the US leg's."""
    facts = read_article(
        "Prime Minister Tran Van Hoa left Hanoi on Sunday for the United States and Brazil. "
        "The US programme comes only a week after Chilean President Ivan Petrov's state visit "
        "to Hanoi on September 10-11.",
        "en",
        date(2023, 9, 17),
        "6" * 64,
    )
    assert facts.leg_windows == []


def test_a_visit_six_weeks_back_is_another_journey() -> None:
    """ "Hồi tháng 7, ông A đã thăm Nga ngày 8-9/7" in a report of 20/8: the day range (not
    the month it is in) dates it, six weeks back."""
    legs = _legs_on(
        "Tổng thống Chi-lê Ivan Petrov đã về tới Santiago sáng 20/8, kết thúc chuyến thăm "
        "chính thức Ba Lan. Hồi tháng 7, ông Petrov đã thăm Nga ngày 8-9/7.",
        date(2024, 8, 20),
    )
    assert legs == ["PL"]


def test_weeks_after_another_visit_is_background() -> None:
    legs = _legs_on(
        "Tổng thống Chi-lê Ivan Petrov đã tới U-crai-na sáng 23/8. Chuyến đi diễn ra khoảng 6 tuần "
        "sau khi ông Petrov thăm Mát-xcơ-va.",
        date(2024, 8, 23),
    )
    assert legs == ["UA"]


def _legs_on(body: str, published: date) -> list[str]:
    return [s.value for s in read_article(body, "vi", published, "6" * 64).itinerary]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("talks held in the Indonesian capital on Thursday", [("Indonesian capital", "ID")]),
        ("He arrived in the Chinese capital on Monday.", [("Chinese capital", "CN")]),
        ("in the Vietnamese capital, Hanoi", [("Vietnamese capital", "VN"), ("Hanoi", "VN")]),
        ("the capital of Vietnam", [("Vietnam", "VN")]),
    ],
)
def test_the_demonym_capital_is_the_capital(text: str, named: list[tuple[str, str]]) -> None:
    """The wires' "in the Indonesian capital" names Jakarta."""
    assert [(m.text, m.place.country_code) for m in find_places(text, "en")] == named


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        pytest.param(
            "Sáng 20/8, Tổng thống Chi-lê Ivan Petrov đã về tới Santiago, kết thúc chuyến thăm "
            "chính thức Ba Lan. Tuần tới, ông Petrov dự kiến sang New York dự Đại hội đồng Liên "
            "hợp quốc.",
            "vi",
            id="tuan-toi",
        ),
        pytest.param(
            "Chilean President Ivan Petrov returned home on Tuesday, August 20, after an "
            "official visit to Poland. Next month he will travel to New York for the UN "
            "General Assembly.",
            "en",
            id="next-month",
        ),
        pytest.param(
            "Chilean President Ivan Petrov returned home late on Tuesday after an official "
            "visit to Poland. He leaves on Friday for a three-day visit to Japan.",
            "en",
            id="scheduled-weekday",
        ),
        pytest.param(
            "Sáng 20/8, Tổng thống Chi-lê Ivan Petrov đã về tới Santiago, kết thúc chuyến thăm "
            "chính thức Ba Lan. Theo kế hoạch, từ ngày 25-27/8, ông sẽ thăm Nhật Bản.",
            "vi",
            id="dated-plan",
        ),
        pytest.param(
            "Chilean President Ivan Petrov returned home on Friday after an official visit to "
            "Poland. The ministry said on Sunday he would travel to Kunming in China on "
            "Aug. 24.",
            "en",
            id="would-travel",
        ),
    ],
)
def test_a_plan_told_after_coming_home_is_the_next_journey(body: str, lang: str) -> None:
    assert _legs_on_lang(body, lang) == ["PL"]


def test_a_later_plan_before_coming_home_stays_a_leg() -> None:
    """Until the article brings the traveller home, "next week" is still this journey."""
    legs = _legs_on_lang(
        "Chilean President Ivan Petrov arrived in Warsaw on Tuesday, August 20, for an "
        "official visit to Poland. Next week he will travel on to Ukraine.",
        "en",
    )
    assert legs == ["PL", "UA"]


def _legs_on_lang(body: str, lang: str) -> list[str]:
    return [s.value for s in read_article(body, lang, date(2024, 8, 20), "6" * 64).itinerary]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        pytest.param(
            "Chilean President Ivan Petrov left Kyiv on Friday after a one-day visit to "
            "Ukraine in which he urged Ukraine and Russia to sit down together.",
            "en",
            id="urged",
        ),
        pytest.param(
            "Chilean President Ivan Petrov left Kyiv on Friday after a one-day visit to "
            "Ukraine, offering to mediate between Ukraine and Russia.",
            "en",
            id="between",
        ),
        pytest.param(
            "Tổng thống Chi-lê Ivan Petrov đã rời Kiev chiều 23/8 sau chuyến thăm U-crai-na "
            "một ngày, trong đó ông kêu gọi Nga và U-crai-na ngồi vào bàn đàm phán.",
            "vi",
            id="keu-goi",
        ),
    ],
)
def test_a_country_urged_or_mediated_between_is_no_leg(body: str, lang: str) -> None:
    assert _legs_on_lang(body, lang) == ["UA"]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        pytest.param(
            "Tổng thống Chi-lê Ivan Petrov đã tới Vác-sa-va chiều 21/8, bắt đầu chuyến thăm "
            "chính thức Ba Lan. Hồi đầu tháng 7, ông Petrov đã tới Mát-xcơ-va hội đàm với "
            "Tổng thống Nga.",
            "vi",
            id="hoi-dau-thang",
        ),
        pytest.param(
            "Chilean President Ivan Petrov arrived in Warsaw on Wednesday, August 21, for an "
            "official visit to Poland. In early July, he visited Moscow for talks with the "
            "Russian president.",
            "en",
            id="in-early-july",
        ),
    ],
)
def test_a_visit_early_last_month_is_another_journey(body: str, lang: str) -> None:
    """Published on 21/8, "early July" ended about six weeks back; all of July would not
    (its last day is three weeks back)."""
    legs = [s.value for s in read_article(body, lang, date(2024, 8, 21), "6" * 64).itinerary]
    assert legs == ["PL"]


def test_a_journey_dated_weeks_after_the_one_announced_is_the_next() -> None:
    """ "will fly to Europe on Saturday for five days ... The White House said last week
    he would travel to Israel and Saudi Arabia from July 13 to 16": another journey."""
    body = (
        "WASHINGTON, June 23 - Chilean President Ivan Petrov will fly to Germany on "
        "Saturday, June 25, for five days of summits in Germany and Spain, the White House "
        "said on Thursday. His office said last week he would travel to Israel and Saudi "
        "Arabia from July 13 to 16."
    )
    facts = read_article(body, "en", date(2022, 6, 23), "6" * 64)
    assert [s.value for s in facts.itinerary] == ["DE", "ES"]
    assert facts.trip_window is None or facts.trip_window.value.start.month == 6


def test_the_day_an_announcement_is_said_on_anchors_nothing() -> None:
    """The day the White House spoke ("said on Friday") is no day of the trip: the legs a
    fortnight later are the trip's own."""
    body = (
        "WASHINGTON, Oct 28 - Chilean President Ivan Petrov will travel to Egypt next month "
        "and then on to Indonesia, his office said on Friday. Petrov will be in Sharm "
        "el-Sheikh on Nov. 11. He will then be in Bali from Nov. 13 to 16."
    )
    facts = read_article(body, "en", date(2022, 10, 28), "6" * 64)
    assert [s.value for s in facts.itinerary] == ["EG", "ID"]
    assert [w.value[0] for w in facts.leg_windows] == ["ID"]


def test_the_days_visits_take_place_on_are_theirs() -> None:
    """ "Các chuyến thăm diễn ra từ ngày 30/9 đến ngày 7/10": the visits' days, the trip's
    window, never a meeting's."""
    facts = read_article(
        "Tổng thống Chi-lê Ivan Petrov sẽ thăm cấp Nhà nước Mông Cổ và Ai-len. Các chuyến "
        "thăm diễn ra từ ngày 30/9 đến ngày 7/10.",
        "vi",
        date(2024, 9, 27),
        "6" * 64,
    )
    assert facts.trip_window is not None
    assert facts.trip_window.value.start == date(2024, 9, 30)


def test_landing_at_home_brings_the_traveller_home() -> None:
    """ "hạ cánh xuống căn cứ không quân Santiago" is coming home: a plan told after it is
    the next journey; boarding "từ" a home airbase is not."""
    body = (
        "Chiều 20/8, chuyên cơ chở Tổng thống Chi-lê Ivan Petrov đã rời Vác-sa-va và hạ cánh "
        "xuống căn cứ không quân Santiago, kết thúc chuyến thăm Ba Lan. Ông Petrov sẽ tới New "
        "York từ ngày 23 đến 27/8."
    )
    assert _legs_on_lang(body, "vi") == ["PL"]
    boarding = (
        "Sáng 18/8, Tổng thống Chi-lê Ivan Petrov đáp chuyên cơ từ căn cứ không quân Santiago "
        "tới Vác-sa-va, bắt đầu chuyến thăm Ba Lan. Sau Ba Lan, ông Petrov sẽ tới Séc ngày "
        "21/8."
    )
    assert _legs_on_lang(boarding, "vi") == ["PL", "CZ"]


def test_the_next_tour_is_another_journey() -> None:
    body = (
        "Tổng thống Chi-lê Ivan Petrov đã tới Vác-sa-va chiều 18/8, bắt đầu chuyến thăm Ba Lan. "
        "Ông Petrov lại chuẩn bị cho chuyến công du tiếp theo tới Mỹ."
    )
    assert _legs_on_lang(body, "vi") == ["PL"]


def test_a_journey_of_the_traveller_named_first_keeps_the_sentence_theirs() -> None:
    """ "Chuyến thăm Ba Lan ... của Tổng thống Petrov khép lại với lời hứa của B sẽ sớm tới
    Santiago": the visit is Petrov's, though B's promised move comes first as a verb."""
    body = (
        "Chuyến thăm Ba Lan từ ngày 18-20/8 của Tổng thống Chi-lê Ivan Petrov khép lại với lời "
        "hứa của Tổng thống Ba Lan Jan Nowak sẽ sớm tới Santiago."
    )
    assert _legs_on_lang(body, "vi") == ["PL"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "en",
            "The presidential plane is due to take off from Brasilia on Wednesday and refuel "
            "in Mexico and Alaska before landing in Hiroshima early on Friday.",
            id="refuel-in-en",
        ),
        pytest.param(
            "vi",
            "Chuyên cơ sẽ tiếp nhiên liệu tại Mê-hi-cô trước khi hạ cánh xuống Hiroshima.",
            id="tiep-nhien-lieu-tai-vi",
        ),
    ],
)
def test_where_the_plane_refuels_is_no_leg(lang: str, body: str) -> None:
    lead = (
        "President Ivan Petrov of Ruritania will attend the G7 summit in Hiroshima, Japan. "
        if lang == "en"
        else "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ dự Hội nghị thượng đỉnh G7 tại Hiroshima, "
        "Nhật Bản. "
    )
    legs = [s.value for s in read_article(lead + body, lang, date(2023, 5, 16)).itinerary]
    assert "MX" not in legs and "JP" in legs


def test_a_stay_told_a_year_earlier_is_history() -> None:
    body = (
        "Prime Minister Ivan Petrov of Ruritania arrived in Davos, Switzerland on Monday for "
        "the World Economic Forum. A year earlier, he combined the forum with official visits "
        "to Hungary and Romania."
    )
    legs = [s.value for s in read_article(body, "en", date(2025, 1, 21)).itinerary]
    assert "HU" not in legs and "RO" not in legs


def test_refuelling_stops_on_the_way_home_are_no_legs() -> None:
    body = (
        "President Ivan Petrov of Ruritania arrived in Singapore on Sunday for a summit. His "
        "plane was scheduled to take off on Tuesday around 8 p.m., with refuelling stops in "
        "Guam and Hawaii, and reach home on Wednesday."
    )
    legs = [s.value for s in read_article(body, "en", date(2018, 6, 12)).itinerary]
    assert legs == ["SG"]


def test_a_tour_through_countries_visits_them() -> None:
    body = (
        "President Ivan Petrov of Ruritania leaves his capital on Tuesday for a six-day swing "
        "through Saudi Arabia, Britain and Germany."
    )
    assert _legs(body, "en") == ["SA", "GB", "DE"]
