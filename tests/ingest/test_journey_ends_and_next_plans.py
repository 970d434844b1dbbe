"""How a report from the end of a journey is read: a trip's end told by a clause of its
own dates no leg, the place flown out of heads nowhere unless the sentence says so, a
plan after the planned homecoming is the next journey, an intention told to someone is
no leg, and beginning a journey at home is no arrival abroad. Invented articles; each
test fails without its rule."""

from __future__ import annotations

from datetime import date

from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import read_article

SATURDAY = date(2017, 7, 8)


def _facts(body: str, lang: str = "en", published: date = SATURDAY) -> ArticleFacts:
    return read_article(body, lang, published, "7" * 64)


LEAVES_HAMBURG = (
    "President Ivan Petrov of Ruritania flew out of Hamburg on Saturday evening at the close "
    "of a Group of 20 summit in Germany, ending a four-day European trip that opened with a "
    "stop in Warsaw on Thursday."
)


def test_a_trip_told_by_its_own_clause_ends_no_leg_that_day() -> None:
    facts = _facts(LEAVES_HAMBURG)
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions] == [("PL", None)]


def test_the_place_flown_out_of_heads_only_where_the_sentence_says() -> None:
    facts = _facts(LEAVES_HAMBURG)
    assert [(d.value.concluded_country, d.value.next_country) for d in facts.departures] == [
        ("DE", None)
    ]
    onward = _facts(
        "President Ivan Petrov of Ruritania flew out of Hamburg on Saturday evening, heading "
        "to Poland for talks."
    )
    assert [d.value.next_country for d in onward.departures] == ["PL"]


def test_a_plan_after_the_planned_homecoming_is_the_next_journey() -> None:
    facts = _facts(
        LEAVES_HAMBURG + " Petrov is due back in his capital late on Saturday. He returns to "
        "Europe on Thursday, when he flies to Paris for France's Bastille Day celebrations."
    )
    assert "FR" not in [s.value for s in facts.itinerary]
    assert all(p.value.leg != "FR" for p in facts.plans)


def test_an_intention_told_to_someone_is_no_leg() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania flew out of Hamburg on Saturday evening after the "
        "G20 summit in Germany. Earlier on Saturday he met British Prime Minister Jane Roe and "
        "told her he expected to visit London."
    )
    assert "GB" not in [s.value for s in facts.itinerary]


def test_beginning_a_journey_at_home_is_no_arrival_abroad() -> None:
    facts = _facts(
        "Sáng 5/7, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã rời căn cứ không quân ở thủ đô, "
        "bắt đầu chuyến công du châu Âu, gồm chuyến thăm Ba Lan và dự Hội nghị G20 tại Đức.",
        "vi",
        date(2017, 7, 5),
    )
    assert facts.arrivals == []


def test_the_rest_of_a_paragraph_planning_the_next_journey_is_that_journeys() -> None:
    """ "... dự kiến sẽ thăm Anh trước cuối tháng 7. Chuyến đi có thể được kết hợp với chặng
    dừng tại Man-đi-vơ": after the homecoming, the plan's paragraph goes on about it."""
    facts = read_article(
        "Tối 9/7, Thủ tướng Chile Ivan Petrov đã về tới Xan-ti-a-gô, kết thúc chuyến thăm chính "
        "thức Bra-xin.\n\nThủ tướng Chile Ivan Petrov dự kiến sẽ thăm Anh trước cuối tháng 7. "
        "Chuyến đi có thể được kết hợp với chặng dừng tại Man-đi-vơ.",
        "vi",
        date(2025, 7, 10),
        "8" * 64,
    )
    assert [s.value for s in facts.itinerary] == ["BR"]


def test_an_engagement_months_away_is_no_engagement_of_this_trip() -> None:
    """ "he would attend the conference, which opens in Dubai on Nov. 30", in a report of a
    July day in Abu Dhabi: another occasion, which would stretch the trip to November."""
    facts = read_article(
        "ABU DHABI, July 15 - Chilean President Ivan Petrov arrived in Abu Dhabi on Saturday "
        "for a one-day official visit to the United Arab Emirates. He told his host he had "
        "decided to attend the conference, which opens in Dubai on Nov. 30.",
        "en",
        date(2023, 7, 15),
        "7" * 64,
    )
    assert [e.value.at.day for e in facts.engagements if e.value.at is not None] == []
    assert max(facts.known_days()) == date(2023, 7, 15)


def test_a_summit_that_ends_does_not_end_the_travellers_stay() -> None:
    """ "as a two-day summit ended in Busan": the event is over; the traveller stays on."""
    body = (
        "Prime Minister Tran Van Hoa of Vietnam arrived in Busan on Sunday for an ASEAN "
        "summit. Leaders adopted a joint statement on Tuesday as a two-day summit marking 30 "
        "years of ties ended in Busan."
    )
    assert _facts(body, published=date(2019, 11, 26)).conclusions == []
    vi = _facts(
        "Thủ tướng Trần Văn Hoa tới Bu-san ngày 24/11 dự hội nghị cấp cao ASEAN. Chiều 26/11, "
        "Hội nghị cấp cao kỷ niệm 30 năm quan hệ đã kết thúc tại Bu-san.",
        "vi",
        date(2019, 11, 26),
    )
    assert vi.conclusions == []
    own = _facts(
        "Prime Minister Tran Van Hoa of Vietnam ended his visit to South Korea on Tuesday "
        "after a summit in Busan.",
        published=date(2019, 11, 26),
    )
    assert [c.value.country_code for c in own.conclusions] == ["KR"]


def test_meeting_ones_own_people_abroad_is_no_homecoming() -> None:
    """ "tới Quảng trường Gandhi ... gặp gỡ cộng đồng người Ấn Độ" names the traveller's
    people, not a landing at home: the onward plan after it is still this journey's."""
    facts = _facts(
        "Rô-ma, 29/10 (TTXVN) - Chiều 29/10, Thủ tướng Ấn Độ Ivan Petrov đã tới Rô-ma dự Hội "
        "nghị G20. Ngay trong ngày đầu tiên, ông có cuộc gặp với Thủ tướng I-ta-li-a, sau đó "
        "tới Quảng trường Gandhi đặt hoa tưởng niệm và gặp gỡ cộng đồng người Ấn Độ. Kết thúc "
        "chặng dừng tại I-ta-li-a, Thủ tướng Ấn Độ sẽ tới thành phố Glát-xgâu của Anh dự Hội "
        "nghị COP26.",
        "vi",
        date(2021, 10, 29),
    )
    assert [s.value for s in facts.itinerary] == ["IT", "GB"]


def test_a_plan_after_setting_off_home_is_the_next_journey() -> None:
    """ "left Singapore for New Delhi on Tuesday night": the journey is over, so "He is
    expected in Paris next week" is the next one (it had become a leg of this trip)."""
    body = (
        "Indian Prime Minister Ivan Petrov left Singapore for New Delhi on Tuesday night. "
        "He signed a partnership declaration with Singapore's prime minister on Tuesday. "
        "He is expected in Paris for the U.N. climate conference."
    )
    facts = _facts(body, published=date(2015, 11, 25))
    assert [s.value for s in facts.itinerary] == ["SG"]


def test_a_plan_in_a_summary_of_a_tour_just_over_is_the_next_journey() -> None:
    """ "chuyến công du Đông Nam Á vừa kết thúc": a summary written after the journey, so
    "Cuối tháng này, ... dự kiến tới Pa-ri" is the next one."""
    body = (
        "Niu Đê-li, 26/11 (TTXVN) - Tuyên bố chung ký với Xin-ga-po hôm 24/11 là kết quả nổi "
        "bật nhất trong chuyến công du Đông Nam Á vừa kết thúc của Thủ tướng Ấn Độ Narendra "
        "Modi. Cuối tháng này, Thủ tướng Ấn Độ dự kiến tới Pa-ri dự Hội nghị COP21."
    )
    facts = _facts(body, "vi", date(2015, 11, 26))
    assert "FR" not in [s.value for s in facts.itinerary]
