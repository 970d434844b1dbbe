"""A landing home, told with its day and time of day, apart from setting off for home: the
rules count back from the landing to the day the delegation left its last stop."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain.events import TripConcluded
from calendar_svc.domain.trip import apply
from calendar_svc.domain.values import Moment
from calendar_svc.ingest.assemble import assemble
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
