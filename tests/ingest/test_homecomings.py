"""A landing home, told with its day and time of day, apart from setting off for home: the
rules count back from the landing to the day the delegation left its last stop."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain import facts as fact_keys
from calendar_svc.domain.events import TripConcluded, VisitAnnounced
from calendar_svc.domain.trip import TripState, apply
from calendar_svc.domain.values import DateWindow, Moment
from calendar_svc.ingest.assemble import assemble
from calendar_svc.ingest.trip_match import match_trip
from tests.support.reading import read_article


def _landings(body: str, lang: str, published: date) -> list[tuple[str, date, str | None]]:
    facts = read_article(body, lang, published)
    return [(h.value.country_code, h.value.at.day, h.value.at.day_part) for h in facts.homecomings]


def test_a_return_to_the_capital_is_a_landing_with_its_time_of_day() -> None:
    body = (
        "Prime Minister Pham Minh Chinh arrived in Paris on Monday for an official visit to "
        "France. He returned to Hanoi on Friday afternoon, ending the trip."
    )
    assert _landings(body, "en", date(2024, 10, 12)) == [("VN", date(2024, 10, 11), "afternoon")]


def test_arrived_back_home_lands_at_home() -> None:
    body = (
        "Japanese Prime Minister Taro Sato paid a visit to Germany this week. Sato arrived "
        "back home early on Sunday morning, officials said."
    )
    landings = _landings(body, "en", date(2024, 10, 13))
    assert [(c, d) for c, d, _ in landings] == [("JP", date(2024, 10, 13))]


def test_arriving_home_is_the_return() -> None:
    body = (
        "Indonesian President Taro Wibowo arrived home before dawn on Sunday, ending a "
        "long foreign tour that took him to Peru and Brazil."
    )
    facts = read_article(body, "en", date(2024, 11, 24))
    assert [r.value for r in facts.returns] == [date(2024, 11, 24)]


def test_setting_off_for_home_is_no_landing() -> None:
    body = (
        "Prime Minister Pham Minh Chinh arrived in Paris on Monday for an official visit to "
        "France. He left for home on Thursday evening after talks with the French president."
    )
    facts = read_article(body, "en", date(2024, 10, 12))
    assert facts.homecomings == []
    assert [r.value for r in facts.returns] == [date(2024, 10, 10)]


def test_someone_elses_homecoming_is_not_the_travellers() -> None:
    body = (
        "Japanese Prime Minister Taro Sato arrived in Washington on Monday for an official "
        "visit to the United States. Philippine President Juan Cruz, who also met the U.S. "
        "president, returned to Manila before dawn on Friday."
    )
    assert _landings(body, "en", date(2024, 10, 12)) == []


def test_vi_ve_toi_ha_noi_is_a_landing_with_its_morning() -> None:
    body = (
        "Thủ tướng Phạm Minh Chính thăm chính thức Pháp từ ngày 7-10/10. Sáng 11/10, Thủ "
        "tướng và Đoàn đại biểu cấp cao Việt Nam đã về tới Hà Nội, kết thúc tốt đẹp chuyến "
        "thăm."
    )
    assert _landings(body, "vi", date(2024, 10, 11)) == [("VN", date(2024, 10, 11), "morning")]


def test_vi_leaving_for_home_is_no_landing() -> None:
    body = (
        "Thủ tướng Phạm Minh Chính thăm chính thức Pháp từ ngày 7-10/10. Tối 10/10, Thủ tướng "
        "và Đoàn đã rời Pa-ri về nước."
    )
    assert read_article(body, "vi", date(2024, 10, 11)).homecomings == []


def test_vi_the_landing_takes_its_own_day_not_the_take_off() -> None:
    body = (
        "Thủ tướng Nhật Bản Sato Taro thăm Mỹ từ ngày 8-13/4. Sáng 13/4 (giờ Mỹ), ông rời "
        "sân bay Washington và về tới sân bay Haneda chiều 14/4."
    )
    assert _landings(body, "vi", date(2024, 4, 15)) == [("JP", date(2024, 4, 14), "afternoon")]


def test_the_landing_goes_on_the_log_with_its_moment_and_place() -> None:
    body = (
        "Prime Minister Pham Minh Chinh paid an official visit to France from October 7 to "
        "October 10. He returned to Hanoi on Friday afternoon, ending the trip."
    )
    facts = read_article(body, "en", date(2024, 10, 12))
    (ended,) = [e for _, e in assemble(facts, {}) if isinstance(e, TripConcluded)]
    assert ended.on == date(2024, 10, 11)
    assert ended.landed == Moment(
        day=date(2024, 10, 11), day_part="afternoon", timezone="Asia/Ho_Chi_Minh"
    )
    assert ended.place is not None and ended.place.city == "Hanoi"


def test_a_landing_already_on_the_log_is_not_told_again() -> None:
    first = (
        "Prime Minister Pham Minh Chinh paid an official visit to France from October 7 to "
        "October 10. He returned to Hanoi on Friday afternoon, ending the trip."
    )
    again = (
        "Prime Minister Pham Minh Chinh, back from an official visit to France that ran from "
        "October 7 to October 10, returned to Hanoi on Friday, October 11."
    )
    state = None
    for event_id, event in assemble(read_article(first, "en", date(2024, 10, 12)), {}):
        state = apply(state, event, event_id)
    assert state is not None
    later = read_article(again, "en", date(2024, 10, 13), article_id="e" * 64)
    assert later.homecomings  # the second article tells the landing too
    events = [e for _, e in assemble(later, {state.trip_id: state})]
    assert not [e for e in events if isinstance(e, TripConcluded)]


def _state_after(body: str, lang: str, published: date) -> TripState:
    state = None
    for event_id, event in assemble(read_article(body, lang, published), {}):
        state = apply(state, event, event_id)
    assert state is not None
    return state


def _legs_added(state: TripState, body: str, lang: str, published: date) -> list[str]:
    later = read_article(body, lang, published, article_id="d" * 64)
    return [
        e.country_code
        for _, e in assemble(later, {state.trip_id: state})
        if isinstance(e, VisitAnnounced) and e.trip_id == state.trip_id
    ]


TRIP_HOME = (
    "Từ ngày 2-4/11, Thủ tướng Trần Văn Hòa đã dự Hội nghị Cấp cao ASEAN lần thứ 35 tại Băng "
    "Cốc, Thái Lan. Ngày 5/11, Thủ tướng Trần Văn Hòa và Đoàn đại biểu cấp cao Việt Nam đã về "
    "tới Hà Nội, kết thúc chuyến công tác."
)


def test_a_leg_first_named_weeks_after_the_homecoming_is_the_next_journey() -> None:
    state = _state_after(TRIP_HOME, "vi", date(2019, 11, 5))
    later = (
        "Thủ tướng Trần Văn Hòa đã dự Hội nghị Cấp cao ASEAN tại Thái Lan từ ngày 2-4/11. "
        "Ông dự kiến tới Busan, Hàn Quốc dự Hội nghị Cấp cao ASEAN - Hàn Quốc ngày 25-26/11."
    )
    assert "KR" not in _legs_added(state, later, "vi", date(2019, 11, 7))


def test_a_leg_within_the_trip_told_after_the_homecoming_is_still_added() -> None:
    state = _state_after(TRIP_HOME, "vi", date(2019, 11, 5))
    later = (
        "Trước khi tới Thái Lan, trong hai ngày 1-2/11, Thủ tướng Trần Văn Hòa đã thăm chính "
        "thức Lào."
    )
    assert "LA" in _legs_added(state, later, "vi", date(2019, 11, 7))


def test_a_homecoming_read_before_the_trip_began_holds_no_leg_back() -> None:
    # a plane of deportees "landed in Amritsar" on the Wednesday before: no homecoming of
    # this trip, so a leg named later is still the trip's
    first = (
        "Indian Prime Minister Narendra Modi will visit France from February 10 to 12. On "
        "Wednesday a U.S. plane carrying 104 Indians deported from the United States landed "
        "in Amritsar."
    )
    state = _state_after(first, "en", date(2025, 2, 7))
    assert state.facts[fact_keys.trip("concluded")].value == "2025-02-05"
    later = (
        "Indian Prime Minister Narendra Modi will pay a working visit to France from February "
        "10 to 12 and then an official visit to the United States from February 12 to 13."
    )
    assert "US" in _legs_added(state, later, "en", date(2025, 2, 9))


def test_a_visit_of_its_own_weeks_after_the_homecoming_joins_nothing() -> None:
    state = _state_after(TRIP_HOME, "vi", date(2019, 11, 5))
    later = "Thủ tướng Trần Văn Hòa sẽ thăm chính thức Hàn Quốc từ ngày 25-26/11."
    assert _legs_added(state, later, "vi", date(2019, 11, 7)) == []


def test_a_trip_dated_only_by_the_summit_it_attends_is_one_trip() -> None:
    # the announcement gives only the summit's days; the next report, a later day of the
    # same journey, joins the trip they started
    first = (
        "Tổng thống Mỹ John Carter sẽ công du châu Âu. Điểm dừng chân đầu tiên là Brussels, "
        "Bỉ, nơi lãnh đạo các nước thành viên NATO họp thượng đỉnh từ ngày 11-12/7; sau đó "
        "ông sẽ thăm Anh và Phần Lan."
    )
    state = _state_after(first, "vi", date(2018, 7, 7))
    assert state.span() == DateWindow(date(2018, 7, 11), date(2018, 7, 12))
    later = read_article(
        "U.S. President John Carter arrived in London on July 12 for a working visit to "
        "Britain after the NATO summit.",
        "en",
        date(2018, 7, 12),
        article_id="c" * 64,
    )
    assert match_trip(later, {state.trip_id: state}) is state


def test_landing_days_before_the_summit_announced_is_the_same_trip() -> None:
    # announced for the summit's days; the traveller lands four days early
    first = (
        "Tổng thống Ni-giê-ri-a Ahmed Bello sẽ dự Hội nghị thượng đỉnh G20 tại Niu Đê-li từ "
        "ngày 9-10/9."
    )
    state = _state_after(first, "vi", date(2023, 9, 4))
    assert state.span() == DateWindow(date(2023, 9, 9), date(2023, 9, 10))
    later = read_article(
        "Nigerian President Ahmed Bello landed in New Delhi on Tuesday, the first leader to "
        "arrive for the G20 summit.",
        "en",
        date(2023, 9, 5),
        article_id="c" * 64,
    )
    assert match_trip(later, {state.trip_id: state}) is state
    # a week early is still the trip; a landing more than a week early is a journey of its own
    week = read_article(
        "Nigerian President Ahmed Bello landed in New Delhi on Saturday for talks.",
        "en",
        date(2023, 9, 3),
        article_id="d" * 64,
    )
    assert [a.value.at.day for a in week.arrivals] == [date(2023, 9, 2)]
    assert match_trip(week, {state.trip_id: state}) is state
    much_earlier = read_article(
        "Nigerian President Ahmed Bello landed in New Delhi on Thursday for talks.",
        "en",
        date(2023, 9, 1),
        article_id="e" * 64,
    )
    assert [a.value.at.day for a in much_earlier.arrivals] == [date(2023, 8, 31)]
    assert match_trip(much_earlier, {state.trip_id: state}) is None


def test_setting_off_for_a_city_at_home_is_the_return() -> None:
    # "set off for Buenos Aires on Monday night at the end of a week-long trip"
    body = (
        "Argentine President Carlos Ruiz set off for Buenos Aires on Monday night at the end "
        "of a week-long trip to Israel and Italy."
    )
    facts = read_article(body, "en", date(2024, 2, 13))
    assert [r.value for r in facts.returns] == [date(2024, 2, 12)]
    # a leg's end told beside it keeps its day: the return is not read there
    ended = (
        "Russian President Ivan Petrov arrived in Beijing on Tuesday for a forum in China. "
        "Petrov ended his two-day stay in China on Wednesday with a news conference, before "
        "heading back to Moscow."
    )
    facts = read_article(ended, "en", date(2023, 10, 19))
    assert facts.returns == []
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions] == [
        ("CN", date(2023, 10, 18))
    ]


def test_the_pope_coming_back_to_rome_comes_home() -> None:
    # the Holy See's traveller lives in Rome: "về tới Rôma" ends the journey there
    body = (
        "Chiều 18/2, Giáo hoàng Phanxicô đã về tới Rôma, kết thúc chuyến tông du gồm chặng "
        "dừng chân tại Cu-ba và chuyến thăm Mê-hi-cô từ ngày 12-17/2."
    )
    facts = read_article(body, "vi", date(2016, 2, 19))
    assert facts.home == "VA"
    assert [r.value for r in facts.returns] == [date(2016, 2, 18)]
    assert "IT" not in [s.value for s in facts.itinerary]


def test_leaving_for_a_city_at_home_is_not_always_the_return() -> None:
    lead = "Russian President Ivan Petrov arrived in Beijing on Monday for a state visit to China. "
    for later in (
        "He is leaving for Moscow on Friday to host an economic forum.",  # told as it goes
        "A plane carrying Russian workers evacuated from Sudan left for Moscow on Sunday.",
        "He flew to Vladivostok on Sunday for a refuelling stop before Beijing.",  # a stop
    ):
        facts = read_article(lead + later, "en", date(2023, 3, 20))
        assert facts.returns == [], later


def test_what_the_landing_home_sentence_ended_is_not_dated_by_the_landing() -> None:
    """ "Rạng sáng 20/11, Thủ tướng ... đã về đến Hà Nội, kết thúc chuyến công tác tham dự Hội
    nghị Thượng đỉnh G20 tại Ri-ô": the summit named was not attended on the 20th (it had
    made a one-day stay in Brazil on the day of the landing at home)."""
    body = (
        "Rạng sáng 20/11, Thủ tướng Trần Văn Hòa cùng đoàn đại biểu cấp cao Việt Nam đã về "
        "đến Hà Nội, kết thúc chuyến công tác tham dự Hội nghị Thượng đỉnh G20 tại Ri-ô đơ "
        "Gia-nê-rô, Bra-xin và thăm chính thức Bra-xin."
    )
    facts = read_article(body, "vi", date(2025, 11, 20))
    assert [h.value.at.day for h in facts.homecomings] == [date(2025, 11, 20)]
    assert facts.engagements
    assert all(e.value.at is None for e in facts.engagements)
