"""Background sentences give no legs (issue 12, items 3 and 4): another journey ("His
previous trip took him to A") or the context of this one ("The visit comes as ... B",
"trong bối cảnh ... C"). Invented articles; each test breaks without its rule.
"""

from __future__ import annotations

from datetime import date

import msgspec
import pytest

from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.text import parse_article
from tests.support.reading import legs_of


def _facts(body: str, lang: str, published: date = date(2024, 6, 5)) -> ArticleFacts:
    parsed = parse_article(f"Headline\n\n{body}", "vi" if lang == "vi" else "en")
    parsed = msgspec.structs.replace(parsed, published_on=published)
    return extract(parsed, "f" * 64)


def _legs(facts: ArticleFacts) -> list[str]:
    return [s.value for s in facts.itinerary]


def test_a_previous_trip_and_the_context_give_no_legs_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania will pay state visits to Brazil and Argentina "
        "from June 10 to 14. His previous trip to the region, in 2019, took him to Chile "
        "and Peru. The visit comes as the war in Ukraine weighs on trade.",
        "en",
    )
    assert _legs(facts) == ["BR", "AR"]


def test_a_previous_visit_and_the_context_give_no_legs_vi() -> None:
    facts = _facts(
        "Chủ tịch nước Trần Văn Hòa sẽ thăm cấp Nhà nước Bra-xin từ ngày 10 đến 12/6. "
        "Lần gần nhất Chủ tịch nước tới khu vực là năm 2019, khi ông thăm Cu-ba. "
        "Chuyến thăm diễn ra trong bối cảnh quan hệ thương mại với Ác-hen-ti-na có nhiều "
        "vướng mắc.",
        "vi",
    )
    assert _legs(facts) == ["BR"]


def test_countries_named_for_comparison_are_no_legs_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania touched down in Hanoi on June 4 to begin a state "
        "visit at which Vietnam is expected to raise ties to its highest tier, alongside "
        "China and Russia.",
        "en",
    )
    assert _legs(facts) == ["VN"]


def test_countries_named_for_comparison_are_no_legs_vi() -> None:
    facts = _facts(
        "Chủ tịch nước Trần Văn Hòa sẽ thăm cấp Nhà nước Bra-xin từ ngày 10 đến 12/6, nâng "
        "quan hệ lên mức cao nhất, tương tự các nước như Nga và Trung Quốc.",
        "vi",
    )
    assert _legs(facts) == ["BR"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "President Ivan Petrov of Ruritania will tour Saudi Arabia and Qatar next week. "
            "Petrov announced the trip to reporters on his plane home from the NATO summit in "
            "Lithuania, saying ministers had gone ahead to prepare it.",
        ),
        (
            "vi",
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ thăm A-rập Xê-út và Ca-ta vào tuần tới. "
            "Trên chuyến bay về nước từ hội nghị thượng đỉnh NATO tại Lít-va, ông Petrov cho "
            "biết các bộ trưởng đã tới trước để chuẩn bị chuyến thăm.",
        ),
    ],
)
def test_the_place_a_plane_home_came_from_is_no_leg(lang: str, body: str) -> None:
    assert legs_of(body, lang, date(2023, 7, 14)) == ["SA", "QA"]


def test_a_leg_named_after_the_way_home_clause_stays() -> None:
    body = (
        "President Ivan Petrov of Ruritania, on his plane home from Lithuania, confirmed he "
        "will pay an official visit to Qatar next week."
    )
    assert legs_of(body, "en", date(2023, 7, 14)) == ["QA"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "President Ivan Petrov of Ruritania flew to Havana on Friday to address the Group "
            "of 77 and China summit in Cuba on Saturday.",
        ),
        (
            "vi",
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov tới La Ha-ba-na tối 15/9 dự Hội nghị thượng "
            "đỉnh G77 và Trung Quốc tại Cu-ba.",
        ),
    ],
)
def test_the_country_in_the_group_of_77_and_china_is_no_leg(lang: str, body: str) -> None:
    assert legs_of(body, lang, date(2023, 9, 17)) == ["CU"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Prime Minister Ivan Petrov of Ruritania arrived in Singapore on Monday for an "
            "official visit. The trip is his third overseas journey in a fortnight, after "
            "visits to Britain and to Turkey for the G20 summit.",
        ),
        (
            "vi",
            "Thủ tướng Ru-ri-ta-ni-a Ivan Petrov đã tới Xin-ga-po chiều 23/11, bắt đầu chuyến "
            "thăm chính thức. Đây là chuyến đi nước ngoài thứ ba của ông chỉ trong hai tuần, "
            "sau chuyến thăm Anh ngày 12-14/11 và dự Hội nghị G20 tại Thổ Nhĩ Kỳ.",
        ),
    ],
)
def test_the_journeys_before_one_counted_among_them_give_no_legs(lang: str, body: str) -> None:
    """ "his third overseas journey in a fortnight, after visits to Britain and Turkey":
    those were journeys of their own (Britain's days had become a confirmed leg)."""
    facts = _facts(body, lang, date(2015, 11, 24))
    assert _legs(facts) == ["SG"]
    assert facts.leg_windows == []


def test_a_journey_counted_after_taking_office_keeps_its_leg() -> None:
    """The count alone is no background: "his third foreign trip after taking office"."""
    facts = _facts(
        "Prime Minister Ivan Petrov of Ruritania will visit Japan from May 3 to 5, his third "
        "foreign trip after taking office in March.",
        "en",
        date(2024, 4, 28),
    )
    assert _legs(facts) == ["JP"]


def test_where_the_one_announcing_a_journey_spoke_is_no_leg() -> None:
    """ "Speaking to reporters after a two-day summit of EU leaders in Brussels, he said
    the trip ...", in an announcement a week ahead: where he spoke, before the journey
    (Belgium had become a summit leg after China)."""
    facts = _facts(
        "Greek Prime Minister Ivan Petrov will pay an official visit to China on Nov. 2 and 3. "
        "Speaking to reporters after a two-day summit of European Union leaders in Brussels, "
        "Petrov said the trip had been arranged months ago.",
        "en",
        date(2023, 10, 27),
    )
    assert _legs(facts) == ["CN"]


def test_a_past_trip_that_took_him_somewhere_gives_no_leg() -> None:
    """ "his second NATO summit after Madrid last year, a trip that also took him to Paris
    and to Kyiv": that trip's places are not this one's."""
    facts = _facts(
        "Prime Minister Ivan Petrov will leave for Germany on Saturday, July 8, before the "
        "NATO summit in Vilnius, Lithuania. It will be his second NATO summit after Madrid last "
        "year, a trip that also took him to Paris and to Kyiv.",
        "en",
        date(2023, 7, 7),
    )
    assert "UA" not in _legs(facts) and "FR" not in _legs(facts)


def test_support_given_to_a_place_sends_no_one_there() -> None:
    """ "thanking Australia for its military and humanitarian support to Kyiv": what is
    given goes there, no one travels (Ukraine, which the lead named, had become a leg)."""
    facts = _facts(
        "BERLIN, July 10 (Reuters) - Australia will send a surveillance aircraft to help "
        "protect supply routes to Ukraine, Prime Minister Ivan Petrov said on Monday after "
        "talks with Chancellor Karl Becker in Berlin. Becker welcomed Petrov to the "
        "chancellery on his first official visit, thanking Australia for its military and "
        "humanitarian support to Kyiv.",
        "en",
        date(2023, 7, 10),
    )
    assert "UA" not in _legs(facts)


def test_this_journeys_earlier_stop_told_with_a_count_is_no_background() -> None:
    """ "On his second overseas tour this year, after a visit to Germany, he will fly to
    Denmark": the count frames this journey, whose later legs stay."""
    facts = _facts(
        "On his second overseas tour this year, after a visit to Germany, Indian Prime "
        "Minister Ivan Petrov will fly to Denmark on May 3.",
        "en",
        date(2022, 5, 1),
    )
    assert "DK" in _legs(facts)
