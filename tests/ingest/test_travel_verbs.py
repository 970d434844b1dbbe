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
        "President Ivan Petrov of Chile left Santiago by train on Monday afternoon for Japan.",
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


@pytest.mark.parametrize(
    "sentence",
    [
        "President Ivan Petrov of Chile will pay a three-day state visit to Japan starting "
        "Thursday.",
        "President Ivan Petrov of Chile began a state visit to Japan on Tuesday.",
        "President Ivan Petrov of Chile is on a state visit to Japan until Thursday.",
    ],
)
def test_one_end_of_a_stay_is_not_a_one_day_visit(sentence: str) -> None:
    facts = _facts(sentence)
    assert facts.trip_window is None
    assert facts.leg_windows == []


def test_a_one_day_state_visit_is_still_one_day() -> None:
    facts = _facts("President Ivan Petrov of Chile paid a state visit to Japan on Monday.")
    window = facts.trip_window.value if facts.trip_window else None
    assert window is not None and (window.start, window.end) == (date(2025, 3, 10),) * 2


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("President Ivan Petrov of Chile began a state visit to Japan on Tuesday.", "en"),
        ("President Ivan Petrov of Chile kicked off a state visit to Japan on Tuesday.", "en"),
        (
            "Chiều 11/3, Tổng thống Chile Ivan Petrov bắt đầu chuyến thăm cấp Nhà nước Nhật Bản.",
            "vi",
        ),
    ],
)
def test_the_start_of_a_visit_is_the_legs_first_day(sentence: str, lang: str) -> None:
    facts = _facts(sentence, lang)
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("JP", date(2025, 3, 11))
    ]


def test_a_plans_undated_year_lies_ahead() -> None:
    facts = _facts(
        "Tổng thống Chile Ivan Petrov sẽ tham dự Hội nghị thượng đỉnh G20 tại Rio de Janeiro, "
        "Brazil từ ngày 18-19/11.",
        "vi",
    )
    window = facts.trip_window.value if facts.trip_window else None
    assert window is not None and window.start == date(2025, 11, 18)


def test_heading_home_is_a_return() -> None:
    facts = _facts("President Ivan Petrov of Chile headed home on Monday after talks in Japan.")
    assert [r.value for r in facts.returns] == [date(2025, 3, 10)]


def test_ending_a_visit_names_the_traveller() -> None:
    facts = _facts("President Ivan Petrov of Chile ended his visit to Japan on Monday.")
    assert facts.principal is not None
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions] == [
        ("JP", date(2025, 3, 10))
    ]


def test_until_a_weekday_bounds_a_stay_under_way_ahead() -> None:
    from calendar_svc.ingest.dates import find_dates

    found = find_dates("He is in Japan until Thursday.", "en", TUESDAY, tense="past")
    assert [d.start for d in found] == [date(2025, 3, 13)]


def test_a_visit_type_and_length_after_a_country_qualify_it_not_the_next_leg() -> None:
    facts = _facts(
        "President Ivan Petrov of Chile will travel to Japan on Thursday for a three-day "
        "state visit, then fly on to South Korea on Sunday."
    )
    assert [(t.value[0], t.value[1].value) for t in facts.visit_types] == [("JP", "state")]
    assert [d.value for d in facts.leg_durations] == [("JP", 3)]


@pytest.mark.parametrize(
    "sentence",
    [
        "After three days in Japan, President Ivan Petrov of Chile flew to South Korea on Tuesday.",
        "President Ivan Petrov of Chile arrived in Seoul on Tuesday from Tokyo, where he "
        "held talks with Prime Minister Sato Kenji on Monday.",
    ],
)
def test_the_place_a_traveller_came_from_is_the_leg_before(sentence: str) -> None:
    facts = _facts(sentence)
    assert [s.value for s in facts.itinerary] == ["JP", "KR"]


def test_a_country_that_hosts_a_leader_is_not_the_traveller() -> None:
    facts = _facts(
        "Japan will host Chilean President Ivan Petrov for a state visit from March 14 to 16."
    )
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"
    assert [s.value for s in facts.itinerary] == ["JP"]


def test_who_postpones_a_trip_travels() -> None:
    facts = _facts(
        "Chilean President Ivan Petrov on Tuesday postponed a trip to Japan planned for next "
        "week, citing floods at home."
    )
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"
    assert [p.value for p in facts.postponements] == ["JP"]


def test_arriving_from_a_leg_of_the_tour_puts_that_leg_first() -> None:
    facts = _facts(
        "President Ivan Petrov of Chile, on a four-nation tour of Asia, arrived in Hanoi on "
        "Tuesday from Bangkok, where the Thai leg ended."
    )
    assert [s.value for s in facts.itinerary][:2] == ["TH", "VN"]


def test_talks_are_placed_in_the_leg_the_sentence_names_or_the_counterpart_leads() -> None:
    facts = _facts(
        "Ngày 10/3, Tổng thống Chile Ivan Petrov tới Kenya, bắt đầu chuyến thăm Kenya và "
        "Ethiopia. Ngày 12/3, tại thủ đô Addis Ababa, Tổng thống Petrov hội đàm với Thủ tướng "
        "Abiy Ahmed. Ông Petrov cũng hội kiến Tổng thống Ethiopia Taye Atske Selassie.",
        "vi",
    )
    where = {e.value.title: e.value.country_code for e in facts.engagements}
    assert where == {
        "Hội đàm với Thủ tướng Abiy Ahmed": "ET",
        "Hội kiến Tổng thống Ethiopia Taye Atske Selassie": "ET",
    }


def test_a_summits_days_are_kept_for_the_leg_in_its_country() -> None:
    facts = _facts(
        "Tổng thống Chile Ivan Petrov rời Hà Nội chiều 11/3, kết thúc chuyến thăm chính thức "
        "Việt Nam, lên đường tới Tokyo, Nhật Bản để dự Hội nghị thượng đỉnh G7 diễn ra "
        "trong hai ngày 12-13/3.",
        "vi",
    )
    assert [(e.value[0], e.value[1].start, e.value[1].end) for e in facts.event_windows] == [
        ("JP", date(2025, 3, 12), date(2025, 3, 13))
    ]
    assert facts.leg_windows == []


def _types(facts: ArticleFacts) -> list[tuple[str, str]]:
    return [(t.value[0], t.value[1].value) for t in facts.visit_types]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        (
            "President Ivan Petrov of Chile arrived in Rio de Janeiro on Sunday to attend the G20 "
            "summit.",
            "en",
        ),
        (
            "Tổng thống Chile Ivan Petrov tới Rio de Janeiro, bắt đầu chuyến công tác dự Hội nghị "
            "thượng đỉnh G20.",
            "vi",
        ),
    ],
)
def test_a_city_reached_for_a_named_summit_is_a_summit_leg(sentence: str, lang: str) -> None:
    assert ("BR", "attending_event") in _types(_facts(sentence, lang))


def test_the_summit_came_before_the_place_named_after_sau_khi() -> None:
    facts = _facts(
        "Tổng thống Chile Ivan Petrov sẽ tới Hà Nội ngày 10/9, ngay sau khi tham dự Hội nghị "
        "thượng đỉnh của Nhóm các nền kinh tế lớn và mới nổi hàng đầu thế giới (G20) được tổ "
        "chức tại New Delhi, Ấn Độ trong hai ngày 9-10/9.",
        "vi",
    )
    assert _types(facts) == [("IN", "attending_event")]


@pytest.mark.parametrize(
    "sentence",
    [
        "President Ivan Petrov of Chile laid a wreath in New Delhi on Monday before heading to "
        "Hyderabad House for the summit with Indian Prime Minister Ravi Kumar.",
        "President Ivan Petrov of Chile is the last G7 leader to visit Ukraine since the war "
        "began.",
    ],
)
def test_a_bare_summit_or_a_group_named_near_a_country_is_no_summit_leg(sentence: str) -> None:
    assert all(kind != "attending_event" for _, kind in _types(_facts(sentence)))


def test_a_visit_of_someone_at_the_head_of_a_sentence_names_the_traveller_vi() -> None:
    facts = _facts(
        "Chuyến thăm chính thức Nhật Bản của Thủ tướng Chile Ivan Petrov đã bị hoãn.", "vi"
    )
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"
    assert [p.value for p in facts.postponements] == ["JP"]


def test_a_visit_type_after_a_city_qualifies_its_country() -> None:
    facts = _facts(
        "Chilean President Ivan Petrov is due in Tokyo on Thursday for a three-day official visit."
    )
    assert _types(facts) == [("JP", "official")]


def test_whoever_meets_someone_on_a_visit_is_the_traveller_and_the_day_is_not_the_visit() -> None:
    facts = _facts(
        "TOKYO, March 11 (Reuters) - Chilean President Ivan Petrov met Japanese Prime Minister "
        "Sato Kenji in Tokyo on Tuesday on the second day of a state visit."
    )
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"
    assert [s.value for s in facts.itinerary] == ["JP"]
    assert facts.trip_window is None and facts.leg_windows == []


def test_is_visiting_names_a_leg() -> None:
    facts = _facts("Chilean President Ivan Petrov is visiting Japan this week.")
    assert [s.value for s in facts.itinerary] == ["JP"]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        (
            "Japanese Prime Minister Sato Kenji met Chilean President Ivan Petrov in Tokyo on "
            "Tuesday on the second day of his state visit.",
            "en",
        ),
        (
            "Prime Minister Sato Kenji held talks with President Ivan Petrov of Chile during his "
            "official visit to Japan.",
            "en",
        ),
        (
            "Ngày 11/3, tại Tokyo, Thủ tướng Nhật Bản Sato Kenji hội đàm với Tổng thống Chile Ivan "
            "Petrov trong khuôn khổ chuyến thăm cấp Nhà nước Nhật Bản.",
            "vi",
        ),
    ],
)
def test_the_host_at_a_meeting_on_a_visit_is_never_the_traveller(sentence: str, lang: str) -> None:
    facts = _facts(sentence, lang)
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"
    assert [s.value for s in facts.itinerary] == ["JP"]


def test_someone_hosted_in_their_own_country_is_no_visitor() -> None:
    facts = _facts(
        "Hanoi will host Vietnamese President Le Van An for a visit to the exhibition on "
        "Japan's culture on Saturday."
    )
    assert facts.principal is None


@pytest.mark.parametrize(
    "other",
    [
        "Foreign Minister Ana Lopez flew to Seoul on Monday to prepare the next stop.",
        "Last month Japanese Prime Minister Sato Kenji headed to Canberra for talks.",
    ],
)
def test_someone_elses_journey_adds_no_leg(other: str) -> None:
    facts = _facts(
        f"President Ivan Petrov of Chile arrived in Tokyo on Tuesday for a state visit. {other}"
    )
    assert [s.value for s in facts.itinerary] == ["JP"]


def test_the_traveller_and_a_companion_landing_together_is_the_travellers_arrival_vi() -> None:
    facts = _facts(
        "Chiều 10/3, chuyên cơ chở Vua Na Uy Ivan IV và Hoàng hậu Olga đã hạ cánh xuống "
        "Berlin, bắt đầu chuyến thăm cấp Nhà nước Đức.",
        "vi",
    )
    assert facts.principal is not None and facts.principal.value.name == "Ivan IV"
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("DE", date(2025, 3, 10))
    ]


def test_pushing_back_a_visit_postpones_it() -> None:
    facts = _facts(
        "President Ivan Petrov of Chile on Tuesday agreed to push back his state visit to "
        "France as protests went on."
    )
    assert [p.value for p in facts.postponements] == ["FR"]


def test_a_leg_wrapped_up_shows_the_trip_took_place_despite_a_leg_put_off() -> None:
    facts = _facts(
        "President Ivan Petrov of Chile wrapped up his state visit to Germany on Monday. The "
        "trip was cut to one country after the planned French leg was put off last week."
    )
    assert facts.postponements == []


@pytest.mark.parametrize(
    ("second", "lang"),
    [
        ("Hai nước đã cùng đi qua chặng đường hợp tác với Nhật Bản và Hàn Quốc.", "vi"),
        ("Tourists from Japan fly to Malaysia in growing numbers.", "en"),
    ],
)
def test_a_stretch_of_time_or_where_others_come_from_is_no_leg(second: str, lang: str) -> None:
    first = (
        "Chiều 11/3, Thủ tướng Chile Ivan Petrov tới Kuala Lumpur, bắt đầu chuyến thăm chính "
        "thức Malaysia."
        if lang == "vi"
        else "President Ivan Petrov of Chile arrived in Kuala Lumpur on Tuesday for an "
        "official visit."
    )
    facts = _facts(f"{first} {second}", lang)
    assert [s.value for s in facts.itinerary] == ["MY"]


def test_a_country_before_the_travel_verb_counts_when_the_traveller_is_named_there() -> None:
    facts = _facts(
        "President Ivan Petrov of Chile arrived in Kuala Lumpur on Tuesday for an official "
        "visit. In Japan, he will hold talks on Friday as part of the same tour."
    )
    assert {s.value for s in facts.itinerary} == {"MY", "JP"}


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        (
            "President Ivan Petrov of Chile will still head to Australia next week even though "
            "the leaders' summit that was to crown his visit has been called off.",
            "en",
        ),
        (
            "Tổng thống Chile Ivan Petrov vẫn sẽ thăm Australia tuần tới, dù Hội nghị thượng đỉnh "
            "lẽ ra diễn ra tại Sydney trong chuyến đi này đã bị hủy.",
            "vi",
        ),
    ],
)
def test_a_summit_called_off_is_not_the_visit_called_off(sentence: str, lang: str) -> None:
    facts = _facts(sentence, lang)
    assert [s.value for s in facts.itinerary] == ["AU"]
    assert facts.cancellations == []


def test_a_visit_called_off_after_a_summit_named_in_the_sentence_still_is() -> None:
    facts = _facts(
        "President Ivan Petrov of Chile on Tuesday called off his visit to Australia, where "
        "he was to attend a summit."
    )
    assert [c.value for c in facts.cancellations] == ["AU"]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        (
            "Chilean President Ivan Petrov will attend the G20 summit in Rio de Janeiro virtually "
            "on Thursday.",
            "en",
        ),
        (
            "Tổng thống Chile Ivan Petrov sẽ dự Hội nghị thượng đỉnh G20 tại Brazil theo hình thức "
            "trực tuyến ngày 13/3.",
            "vi",
        ),
    ],
)
def test_attending_from_afar_is_no_journey(sentence: str, lang: str) -> None:
    facts = _facts(sentence, lang)
    assert facts.itinerary == []
    assert facts.trip_window is None


def test_an_ambassadors_call_is_no_trip_vi() -> None:
    facts = _facts(
        "Chiều 11/3, tại Phủ Chủ tịch, Chủ tịch nước Lê Văn An tiếp Đại sứ Nhật Bản Sato Kenji "
        "đến chào từ biệt.",
        "vi",
    )
    assert facts.principal is None and facts.itinerary == []


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        (
            "Chiều 11/3, Chủ tịch nước Lê Văn An tiếp Thủ tướng Nhật Bản Sato Kenji đang thăm "
            "chính thức Việt Nam.",
            "vi",
        ),
        (
            "On Tuesday Vietnamese President Le Van An received Japanese Prime Minister Sato "
            "Kenji, who is on an official visit to Vietnam.",
            "en",
        ),
    ],
)
def test_a_day_of_a_stay_under_way_is_not_a_one_day_visit(sentence: str, lang: str) -> None:
    facts = _facts(sentence, lang)
    assert facts.principal is not None and facts.principal.value.name == "Sato Kenji"
    assert facts.trip_window is None and facts.leg_windows == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Chilean President Ivan Petrov flew into a rage on Tuesday over the trade deal with Japan.",
        "Chilean President Ivan Petrov last visited Japan in 2019, when he attended the G20 "
        "summit in Osaka.",
    ],
)
def test_an_idiom_or_a_past_visit_is_no_leg(sentence: str) -> None:
    assert _facts(sentence).itinerary == []


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Tổng thống Chile Ivan Petrov từng thăm Nhật Bản năm 2019.", "vi"),
        ("Tổng thống Chile Ivan Petrov bày tỏ mong muốn sớm đến thăm Nhật Bản.", "vi"),
        (
            "President Ivan Petrov of Chile paid a state visit to Peru on Monday and hopes to "
            "visit Japan soon.",
            "en",
        ),
    ],
)
def test_a_past_visit_or_a_wish_is_no_leg(sentence: str, lang: str) -> None:
    assert "JP" not in [s.value for s in _facts(sentence, lang).itinerary]


def test_a_country_in_the_name_of_an_event_attended_is_no_arrival_vi() -> None:
    facts = _facts(
        "Tổng thống Chile Ivan Petrov đã tới dự lễ khai mạc Tuần lễ văn hóa Nhật Bản tại "
        "Santiago tối 11/3.",
        "vi",
    )
    assert facts.arrivals == []


def test_taking_off_from_a_city_is_leaving_it_vi() -> None:
    facts = read_article(
        "Chuyên cơ chở Tổng thống Chi-lê Ivan Petrov đã cất cánh từ sân bay quốc tế Ezeiza, "
        "Buenos Aires, lúc 0h11 ngày 25/3 (giờ địa phương), lên đường về Santiago.",
        "vi",
        date(2016, 3, 25),
        "7" * 64,
    )
    assert [d.value.place.country_code for d in facts.departures] == ["AR"]


def test_setting_off_for_a_capital_is_no_landing_there() -> None:
    """ "rời La Habana ..., lên đường tới thủ đô Washington, bắt đầu chuyến thăm Hoa Kỳ từ
    ngày 22-23/5": the day told is the departure's; the landing there is not read on it
    (it set the leg's start a day before its stated range, shown confirmed)."""
    facts = _facts(
        "Ngày 11/3, Tổng thống Chile Ivan Petrov rời thủ đô Nairobi, kết thúc chuyến thăm chính "
        "thức Kenya, lên đường tới thủ đô Addis Ababa, bắt đầu chuyến thăm chính thức Ethiopia "
        "từ ngày 12-13/3.",
        "vi",
    )
    assert facts.arrivals == []
    assert [(d.value.concluded_country, d.value.next_country) for d in facts.departures] == [
        ("KE", "ET")
    ]


@pytest.mark.parametrize(
    ("body", "lang", "landed"),
    [
        # a stopover on the way is a stay there; the place on the way to is no arrival yet
        (
            "Giáo hoàng Phan-xi-cô tới Thủ đô Mê-hi-cô tối 12/2. Trước đó, chiều 12/2, trên đường "
            "từ Rôma tới Mê-hi-cô, Giáo hoàng đã dừng chân tại La Ha-ba-na.",
            "vi",
            [("MX", date(2025, 2, 12)), ("CU", date(2025, 2, 12))],
        ),
        (
            "Pope Francis stopped in Havana on Friday afternoon. On his way from Rome to Mexico "
            "City, the pope had arrived in Cuba on Friday.",
            "en",
            [("CU", date(2025, 2, 14))],
        ),
    ],
)
def test_a_stopover_on_the_way_is_a_stay(
    body: str, lang: str, landed: list[tuple[str, date]]
) -> None:
    facts = read_article(body, lang, date(2025, 2, 15))
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == landed
