"""Legs in time order, not text order (issue 12, item 4): "flying on to B" puts B after
the leg under way; "ends the trip in C" puts C last. Invented articles; each test fails
without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.values import Provenance
from calendar_svc.ingest.extract import ArticleFacts, Sourced
from calendar_svc.ingest.extract.itinerary import in_time_order
from tests.support.reading import read_article


def _facts(body: str, lang: str, published: date = date(2024, 6, 9)) -> ArticleFacts:
    return read_article(body, lang, published, "d" * 64)


def _legs(facts: ArticleFacts) -> list[str]:
    return [s.value for s in facts.itinerary]


def test_a_leg_named_after_fly_on_to_comes_after_the_leg_under_way_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania arrived in Hanoi on Sunday, June 9, 2024. "
        "He will hold talks with Vietnamese leaders on Monday before flying on to Jakarta "
        "on Tuesday for a state visit to Indonesia. "
        "He is in Vietnam on a state visit at the invitation of the Vietnamese President. "
        "He ends the trip with an official visit to Singapore.",
        "en",
    )
    assert _legs(facts) == ["VN", "ID", "SG"]


def test_the_final_leg_goes_last_whatever_the_text_order_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania will end his Asian tour in Japan, after state "
        "visits to Korea and Mongolia from June 10 to 14.",
        "en",
    )
    assert _legs(facts)[-1] == "JP"


def test_sau_do_puts_the_next_leg_after_the_leg_under_way_vi() -> None:
    facts = _facts(
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ thăm cấp Nhà nước Ma-lai-xi-a, sau đó "
        "thăm chính thức Thái Lan. Chiều 9/6/2024, Tổng thống Ivan Petrov đã tới Thủ đô "
        "Băng Cốc, bắt đầu chuyến thăm Thái Lan.",
        "vi",
    )
    assert _legs(facts) == ["MY", "TH"]


def _stop(code: str) -> Sourced[str]:
    return Sourced(code, Provenance("d" * 64, 0, (0, 1), "s", "test"))


def test_time_order_keeps_text_order_where_nothing_is_said() -> None:
    stops = [_stop(c) for c in ("A", "B", "C", "D")]
    assert [s.value for s in in_time_order(stops, [("D", "B")])] == ["A", "C", "D", "B"]
    assert [s.value for s in in_time_order(stops, [])] == ["A", "B", "C", "D"]


def test_time_order_survives_contradicting_pairs() -> None:
    stops = [_stop(c) for c in ("A", "B")]
    assert [s.value for s in in_time_order(stops, [("A", "B"), ("B", "A")])] == ["A", "B"]


def test_a_leg_named_after_after_attending_comes_first_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania will arrive in Hanoi on June 10 for a state "
        "visit to Vietnam, right after attending a summit in Jakarta, Indonesia.",
        "en",
    )
    assert _legs(facts) == ["ID", "VN"]


def test_sau_khi_tham_du_puts_the_summit_leg_first_vi() -> None:
    facts = _facts(
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ tới Hà Nội ngày 10/6, ngay sau khi tham dự "
        "Hội nghị Cấp cao tại Gia-các-ta, In-đô-nê-xi-a trong hai ngày 8-9/6.",
        "vi",
    )
    assert _legs(facts) == ["ID", "VN"]


def test_an_arrival_told_in_retrospect_dates_the_earlier_leg_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania touched down in Hanoi on Sunday, June 9, 2024, "
        "for a state visit to Vietnam. "
        "Petrov flew in from New Delhi, where he had arrived on Friday for a regional "
        "summit.",
        "en",
    )
    assert _legs(facts) == ["IN", "VN"]
    assert sorted((a.value.country_code, a.value.at.day) for a in facts.arrivals) == [
        ("IN", date(2024, 6, 7)),
        ("VN", date(2024, 6, 9)),
    ]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "President Ivan Petrov of Ruritania left Hanoi for home on Tuesday, ending a tour "
            "of India and Vietnam. In Vietnam, where he arrived on Sunday from New Delhi, he "
            "held talks with the prime minister.",
            "en",
        ),
        (
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov rời Hà Nội về nước ngày 11/6, kết thúc chuyến "
            "thăm Ấn Độ và Việt Nam. Tại Việt Nam, nơi ông đã tới ngày 9/6 từ Niu Đê-li, ông "
            "hội đàm với Thủ tướng.",
            "vi",
        ),
    ],
)
def test_an_arrival_told_in_a_clause_after_its_place_dates_that_leg(body: str, lang: str) -> None:
    """ "In Vietnam, where he arrived on Sunday from New Delhi, ...": the clause dates the
    landing there (the leg had begun the day after the one before it ended, inferred)."""
    facts = _facts(body, lang, published=date(2024, 6, 11))
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("VN", date(2024, 6, 9))
    ]


def test_per_leg_ranges_after_on_a_state_visit_en() -> None:
    facts = _facts(
        "Prime Minister Ivan Petrov of Ruritania will be in the United States on a state "
        "visit from June 20 to 23 and will then fly to Cairo for a state visit to Egypt on "
        "June 24 and 25.",
        "en",
    )
    assert [(w.value[0], w.value[1].start.day, w.value[1].end.day) for w in facts.leg_windows] == [
        ("US", 20, 23),
        ("EG", 24, 25),
    ]


def test_bracketed_per_leg_ranges_en() -> None:
    facts = _facts(
        "Prime Minister Ivan Petrov of Ruritania will visit Japan (Oct 6-7) and South Korea "
        "(Oct 8-10).",
        "en",
    )
    assert [(w.value[0], w.value[1].start.day, w.value[1].end.day) for w in facts.leg_windows] == [
        ("JP", 6, 7),
        ("KR", 8, 10),
    ]


def test_bracketed_ranges_and_one_visit_type_for_the_list_vi() -> None:
    facts = _facts(
        "Thủ tướng Ru-ri-ta-ni-a Ivan Petrov sẽ thăm chính thức Nhật Bản (6-7/10) và Hàn Quốc "
        "(8-10/10).",
        "vi",
    )
    assert [(w.value[0], w.value[1].start.day, w.value[1].end.day) for w in facts.leg_windows] == [
        ("JP", 6, 7),
        ("KR", 8, 10),
    ]
    assert sorted(t.value[0] for t in facts.visit_types) == ["JP", "KR"]


def test_trong_hai_ngay_binds_the_range_to_its_leg_vi() -> None:
    facts = _facts(
        "Thủ tướng Ru-ri-ta-ni-a Ivan Petrov sẽ thăm Nhật Bản từ 30/9 đến 2/10, sau đó thăm "
        "Hàn Quốc trong hai ngày 3 và 4/10.",
        "vi",
    )
    assert [(w.value[0], w.value[1].start.day, w.value[1].end.day) for w in facts.leg_windows] == [
        ("JP", 30, 2),
        ("KR", 3, 4),
    ]


def test_a_range_after_the_one_country_named_is_that_legs_vi() -> None:
    facts = _facts(
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov và Phu nhân sẽ thăm chính thức Nhật Bản từ ngày "
        "27 - 30/11/2023 theo lời mời của Chính phủ Nhật Bản.",
        "vi",
        date(2023, 11, 15),
    )
    assert [(w.value[0], w.value[1].start.day, w.value[1].end.day) for w in facts.leg_windows] == [
        ("JP", 27, 30)
    ]
    assert facts.trip_window is not None


def test_the_first_stop_and_the_place_left_order_the_legs_vi() -> None:
    facts = _facts(
        "Tổng thống Chi-lê Ivan Petrov sẽ thăm cấp Nhà nước Việt Nam từ ngày 25 đến 27/5. "
        "Việt Nam là điểm dừng chân đầu tiên trong chuyến công du. Rời Hà Nội, ông Petrov sẽ "
        "thăm In-đô-nê-xi-a và Xin-ga-po.",
        "vi",
        date(2025, 5, 20),
    )
    assert _legs(facts) == ["VN", "ID", "SG"]


def test_the_first_stop_leads_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Chile will visit Indonesia and Singapore after Vietnam, the "
        "first stop of his tour.",
        "en",
        date(2025, 5, 20),
    )
    assert _legs(facts)[0] == "VN"


def test_the_place_left_comes_before_those_named_after_it_vi() -> None:
    facts = _facts(
        "Tổng thống Chi-lê Ivan Petrov sẽ thăm In-đô-nê-xi-a, Xin-ga-po và Việt Nam. Rời Hà "
        "Nội, ông Petrov sẽ thăm In-đô-nê-xi-a và Xin-ga-po.",
        "vi",
        date(2025, 5, 20),
    )
    assert _legs(facts) == ["VN", "ID", "SG"]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        pytest.param(
            "President Ivan Petrov of Chile, who arrived from Tokyo on Sunday, held talks in "
            "Hanoi on Monday during a state visit to Vietnam.",
            "en",
            id="arrived-from-en",
        ),
        pytest.param(
            "Tổng thống Chi-lê Ivan Petrov đến Hà Nội chiều 9/6, sau chặng dừng chân tại Nhật "
            "Bản, bắt đầu chuyến thăm cấp Nhà nước Việt Nam.",
            "vi",
            id="sau-chang-dung-chan-vi",
        ),
        pytest.param(
            "Chuyến thăm Việt Nam là chặng thứ hai trong chuyến công du châu Á của Tổng thống "
            "Chi-lê Ivan Petrov, sau Nhật Bản.",
            "vi",
            id="sau-a-country-vi",
        ),
    ],
)
def test_where_the_traveller_came_from_goes_first(body: str, lang: str) -> None:
    assert _legs(_facts(body, lang)) == ["JP", "VN"]


def test_the_first_stop_is_the_place_before_the_cue_unless_it_names_the_next() -> None:
    from tests.support.reading import legs_of

    body = (
        "BEIJING, Nov 8 - President Ivan Petrov of Ruritania arrived in Beijing on Friday "
        "evening for a state visit at the invitation of President Oleg Sokolov, the first "
        "stop on a swing that takes him to Washington and London."
    )
    assert legs_of(body, "en", date(2024, 11, 8))[0] == "CN"
    named = (
        "President Ivan Petrov of Ruritania will visit Italy and France from Monday, and the "
        "first stop is Rome."
    )
    assert legs_of(named, "en", date(2024, 11, 8)) == ["IT", "FR"]


def test_then_in_a_sentence_of_its_own_follows_the_sentence_before() -> None:
    from tests.support.reading import legs_of

    body = (
        "President Ivan Petrov of Ruritania arrived in Beijing on Friday evening for a state "
        "visit. From China he is expected to arrive in Washington on Sunday. He will then "
        "travel to Lima for the APEC summit and to Rio de Janeiro for the G20 summit, "
        "before ending the tour in London."
    )
    assert legs_of(body, "en", date(2024, 11, 8)) == ["CN", "US", "PE", "BR", "GB"]


def test_an_arrival_in_a_clause_on_last_years_visit_dates_nothing_now() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania arrived in Hanoi on Friday for a state visit. In "
        "Vietnam, where he arrived on June 9 last year for his first visit, he met the prime "
        "minister.",
        "en",
        published=date(2025, 6, 20),
    )
    assert [a.value.at.day for a in facts.arrivals] == [date(2025, 6, 20)]
