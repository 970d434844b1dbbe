"""A summit the traveller goes to is a leg of type attending_event in its host country
(issue 12, item 3). Invented articles; each test breaks without its rule.
"""

from __future__ import annotations

from datetime import date

import msgspec
import pytest

from calendar_svc.domain.values import VisitType
from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.text import parse_article


def _facts(body: str, lang: str, published: date = date(2024, 6, 5)) -> ArticleFacts:
    parsed = parse_article(f"Headline\n\n{body}", "vi" if lang == "vi" else "en")
    parsed = msgspec.structs.replace(parsed, published_on=published)
    return extract(parsed, "e" * 64)


def _types(facts: ArticleFacts) -> set[tuple[str, VisitType]]:
    return {t.value for t in facts.visit_types}


def test_going_to_a_country_for_a_summit_makes_it_an_event_leg_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania arrived in Hanoi on June 3 for a state visit to "
        "Vietnam. On June 5 he travelled on to Cambodia, arriving there in the evening "
        "ahead of a regional summit.",
        "en",
    )
    assert ("KH", VisitType.EVENT) in _types(facts)
    assert ("VN", VisitType.STATE) in _types(facts)


def test_going_to_a_country_for_a_summit_makes_it_an_event_leg_vi() -> None:
    facts = _facts(
        "Trưa 5/6, Thủ tướng Trần Văn Hòa đã rời Viêng Chăn, kết thúc chuyến thăm chính "
        "thức Lào, lên đường sang Cam-pu-chia dự Hội nghị thượng đỉnh khu vực.",
        "vi",
    )
    assert ("KH", VisitType.EVENT) in _types(facts)
    assert ("LA", VisitType.EVENT) not in _types(facts)


@pytest.mark.parametrize(
    ("meeting", "attended"),
    [
        pytest.param("a summit of the Shanghai Cooperation Organization", True, id="of-a-body"),
        pytest.param("a summit of regional leaders", False, id="of-leaders-unnamed"),
        pytest.param("a summit with its president", False, id="bare-summit"),
    ],
)
def test_a_summit_of_a_named_body_held_in_a_city_is_attended(meeting: str, attended: bool) -> None:
    facts = _facts(
        f"President Ivan Petrov of Ruritania arrived in Samarkand on June 3 for {meeting}.", "en"
    )
    assert (("UZ", VisitType.EVENT) in _types(facts)) is attended


def test_a_visit_named_between_the_country_and_the_summit_keeps_its_own_type() -> None:
    facts = _facts(
        "Prime Minister Tran Van Hoa will travel to Cambodia on June 8, for an official "
        "visit and then the regional summit.",
        "en",
    )
    assert ("KH", VisitType.EVENT) not in _types(facts)


def test_a_range_after_a_summit_dates_the_meeting_not_the_leg() -> None:
    facts = _facts(
        "Prime Minister Tran Van Hoa paid an official visit to Laos on June 2 and 3. "
        "On Saturday evening he will fly on to Siem Reap in Cambodia for the regional "
        "summit, which is being held on June 9 and 10.",
        "en",
    )
    assert "KH" in [s.value for s in facts.itinerary]
    assert [w.value[0] for w in facts.leg_windows if w.value[0] == "KH"] == []


def test_an_onward_leg_named_by_its_city_is_a_leg_in_its_country() -> None:
    facts = _facts(
        "Prime Minister Tran Van Hoa arrived in Jakarta on Tuesday for a state visit to "
        "Indonesia. On Friday he will fly on to Canberra before returning home on Saturday.",
        "en",
    )
    assert [s.value for s in facts.itinerary] == ["ID", "AU"]


def test_a_summits_range_after_its_city_is_the_meetings_and_setting_off_is_no_arrival() -> None:
    facts = _facts(
        "Trưa 5/6, Thủ tướng Trần Văn Hòa đã rời Viêng Chăn, kết thúc chuyến thăm chính "
        "thức Lào. Ngày 6/6, Thủ tướng Trần Văn Hòa vẫn lên đường tới Cam-pu-chia "
        "để dự Hội nghị thượng đỉnh khu vực tại thành phố Xiêm Riệp từ ngày 8-9/6, "
        "sau đó trở về nước ngày 10/6.",
        "vi",
    )
    assert [w.value[0] for w in facts.leg_windows if w.value[0] == "KH"] == []
    assert facts.arrivals == []
    # Published on 5 June, the return on 10 June is the plan, not a report of it.
    assert facts.returns == []


def test_a_summit_alone_gives_the_trips_days_as_a_guess() -> None:
    facts = _facts(
        "Thủ tướng Trần Văn Hòa sẽ dẫn đầu đoàn tham dự Hội nghị Cấp cao khu vực diễn ra "
        "tại Gia-các-ta, In-đô-nê-xi-a từ ngày 12 đến 13/6.",
        "vi",
    )
    assert facts.leg_windows == []
    assert facts.trip_window is not None
    assert (facts.trip_window.value.start, facts.trip_window.value.end) == (
        date(2024, 6, 12),
        date(2024, 6, 13),
    )


def test_a_range_ending_the_visit_before_and_the_summit_is_the_visits_vi() -> None:
    facts = _facts(
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã kết thúc tốt đẹp chuyến thăm chính thức "
        "Vương quốc Campuchia từ ngày 8 - 9/11/2022 và chuyến tham dự Hội nghị Cấp cao ASEAN "
        "diễn ra tại Phnom Penh từ ngày 10 - 13/11/2022.",
        "vi",
        date(2022, 11, 14),
    )
    summit = [(str(w.start), str(w.end)) for _, w in (e.value for e in facts.event_windows)]
    visit = [(str(w.start), str(w.end)) for _, w in (e.value for e in facts.leg_windows)]
    assert summit == [("2022-11-10", "2022-11-13")]
    assert visit == [("2022-11-08", "2022-11-09")]


def test_a_summit_held_in_another_country_dates_no_trip() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania returned home on Saturday after a visit to Italy. "
        "His office has not said whether he will travel to Kazakhstan for the regional summit "
        "in Astana on July 3-4.",
        "en",
        published=date(2024, 6, 15),
    )
    assert [s.value for s in facts.itinerary] == ["IT"]
    assert facts.trip_window is None


def test_a_range_right_after_the_journey_dates_the_trip_not_the_summit_it_is_for() -> None:
    facts = _facts(
        "Sáng 21/9, Chủ tịch nước Ru-ri-ta-ni-a Ivan Petrov đã rời thủ đô, bắt đầu chuyến công "
        "tác từ ngày 21-27/9 để tham dự Hội nghị Thượng đỉnh Tương lai tại Liên hợp quốc, làm "
        "việc tại Hoa Kỳ, sau đó thăm cấp Nhà nước tới Cộng hòa Cuba.",
        "vi",
        published=date(2024, 9, 21),
    )
    assert [s.value for s in facts.itinerary] == ["US", "CU"]
    assert facts.trip_window is not None
    assert (facts.trip_window.value.start, facts.trip_window.value.end) == (
        date(2024, 9, 21),
        date(2024, 9, 27),
    )


def test_one_range_after_visits_to_two_countries_and_a_summit_is_the_journeys_vi() -> None:
    facts = _facts(
        "Nhận lời mời, Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ thăm chính thức Ba Lan, thăm "
        "chính thức Czech, tham dự Hội nghị thường niên lần thứ 55 của WEF tại Davos và làm "
        "việc song phương tại Thụy Sĩ từ ngày 15-23/1/2025.",
        "vi",
        date(2025, 1, 14),
    )
    assert facts.event_windows == []
    assert facts.trip_window is not None
    assert (facts.trip_window.value.start, facts.trip_window.value.end) == (
        date(2025, 1, 15),
        date(2025, 1, 23),
    )


def test_after_visits_to_two_countries_a_summit_with_its_own_range_keeps_it_vi() -> None:
    facts = _facts(
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã thăm chính thức Pháp ngày 22-23/8, thăm cấp "
        "nhà nước UAE ngày 23-24/8, trước khi quay lại Pháp dự Hội nghị thượng đỉnh G7 trong "
        "hai ngày 25-26/8.",
        "vi",
        date(2019, 8, 27),
    )
    summit = [(e.value[0], str(e.value[1].start)) for e in facts.event_windows]
    assert summit == [("FR+summit", "2019-08-25")]


def test_a_summit_the_traveller_stays_away_from_is_no_event_leg() -> None:
    """The visit stays; the summit held after it, which the traveller skips, adds neither
    a type nor a dated summit leg."""
    vi = _facts(
        "Chiều 30/6, Tổng thống Ru-ri-ta-ni-a Ivan Petrov rời Seoul về nước, kết thúc chuyến "
        "thăm cấp Nhà nước Hàn Quốc, không dự Hội nghị các nhà lãnh đạo APEC diễn ra tại "
        "Gyeongju ngày 2/7 và 3/7.",
        "vi",
        date(2024, 6, 30),
    )
    en = _facts(
        "President Ivan Petrov of Ruritania left Seoul for home on June 30 at the end of a "
        "state visit to South Korea and will not attend the APEC leaders' summit in "
        "Gyeongju on July 2 and 3.",
        "en",
        date(2024, 6, 30),
    )
    for facts in (vi, en):
        assert _types(facts) == {("KR", VisitType.STATE)}
        assert facts.event_windows == []


def test_a_summit_attended_not_only_for_itself_is_still_an_event_leg() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania flew to Peru on November 14. He will not only "
        "attend the APEC summit in Lima on November 15 and 16 but also hold talks with his "
        "hosts.",
        "en",
        date(2024, 11, 14),
    )
    assert ("PE", VisitType.EVENT) in _types(facts)
    assert [w.value[0] for w in facts.event_windows] == ["PE"]


def test_the_stop_an_after_clause_names_hosts_nothing_that_follows() -> None:
    """ "sau chuyến thăm Ác-hen-ti-na" names where the traveller came from: the summit
    after it, its type and its days, are Brazil's, where he arrived."""
    facts = _facts(
        "Trước đó, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Rio de Janeiro vào tối 5/6, sau "
        "chuyến thăm Ác-hen-ti-na, và tham dự Hội nghị thượng đỉnh BRICS trong hai ngày 6-7/6.",
        "vi",
        date(2024, 6, 9),
    )
    assert [w.value[0] for w in facts.event_windows] == ["BR"]
    assert ("AR", VisitType.EVENT) not in _types(facts)


def test_where_he_meets_one_leader_is_no_summit() -> None:
    """ "where leaders of the bloc will meet" names a summit; "where he is due to meet
    President B" a talk of two."""
    facts = _facts(
        "President Ivan Petrov of Ruritania arrived in Lima on June 4. On Friday he flies on "
        "to Buenos Aires, where he is due to meet Argentine President Javier Milei.",
        "en",
        date(2024, 6, 4),
    )
    assert ("AR", VisitType.EVENT) not in _types(facts)
    summit = _facts(
        "President Ivan Petrov of Ruritania arrived in Lima on June 4. On Friday he flies on "
        "to Buenos Aires, where leaders of the Mercosur bloc will meet.",
        "en",
        date(2024, 6, 4),
    )
    assert ("AR", VisitType.EVENT) in _types(summit)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "vi",
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov dự kiến tới thủ đô Mỹ vào chiều 24/6 và sẽ có "
            "cuộc gặp thượng đỉnh đầu tiên với Tổng thống Donald Trump tại Nhà Trắng vào ngày "
            "25/6.",
            id="summit-with-the-host-after-the-country-vi",
        ),
        pytest.param(
            "en",
            "South Korean President Kim Min-su will arrive in Washington on June 24 and hold his "
            "first summit with President Donald Trump at the White House on June 25.",
            id="summit-with-the-host-held-at-a-place-en",
        ),
    ],
)
def test_a_summit_with_the_hosts_leader_is_the_visit_itself(lang: str, body: str) -> None:
    """ "a summit with President Trump at the White House": the talks of the visit to the
    US, not a meeting the traveller attends there."""
    assert ("US", VisitType.EVENT) not in _types(_facts(body, lang, date(2024, 6, 20)))
