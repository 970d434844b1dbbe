"""A plan's day beside the day it was said ("said on Friday he will travel to Israel on
Feb. 5"), "continue to <place>" and "spend six days in <place>" as moves, a stay told as
just ended by the report of the arrival that followed it ("đã tới Rô-ma, ngay sau khi kết
thúc chuyến thăm ... từ ngày 6-9/2"), and an event's day beside a move ("Sunday's
primaries") (issue 12). Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

from tests.support.reading import read_article

FRIDAY = date(2024, 1, 26)


def test_a_plan_said_on_a_day_keeps_its_own_day() -> None:
    body = (
        "Chilean President Ivan Petrov said on Friday he will travel to Israel on Feb. 5, his "
        "first official trip abroad."
    )
    facts = read_article(body, "en", FRIDAY)
    assert [(p.value.leg, p.value.edge, p.value.day) for p in facts.plans] == [
        ("IL", "start", date(2024, 2, 5))
    ]


def test_continue_to_a_place_is_a_move_and_to_a_verb_is_not() -> None:
    body = (
        "Chilean President Ivan Petrov will travel to Israel on Feb. 5, his first official "
        "trip since taking office apart from a short appearance at the World Economic Forum "
        "in Davos, and will continue to Rome, where the pope is to receive him."
    )
    assert [s.value for s in read_article(body, "en", FRIDAY).itinerary] == ["IL", "IT"]
    other = (
        "Chilean President Ivan Petrov arrived in Moscow on Monday for a state visit to "
        "Russia. He said Chile would continue to sell copper to China, India and Japan."
    )
    assert [s.value for s in read_article(other, "en", FRIDAY).itinerary] == ["RU"]


def test_the_stay_the_reported_arrival_came_right_after_is_this_trip() -> None:
    body = (
        "Chiều 9/2, Tổng thống Chi-lê Ivan Petrov đã tới sân bay Fiumicino ở Thủ đô Rô-ma, "
        "ngay sau khi kết thúc chuyến thăm chính thức I-xra-en từ ngày 6-9/2. Theo chương "
        "trình, sáng Chủ nhật 11/2, ông Petrov sẽ dự một buổi lễ tại Rô-ma."
    )
    legs = [s.value for s in read_article(body, "vi", date(2024, 2, 9)).itinerary]
    assert legs == ["IL", "IT"]


def test_an_events_day_is_not_the_day_of_the_move() -> None:
    """ "landed in Berlin at around 11 a.m. ..., skipping Sunday's primaries at home": the
    primaries were on Sunday, not the landing."""
    body = (
        "Chilean President Ivan Petrov landed in Berlin at around 11 a.m. after an overnight "
        "flight, skipping Sunday's primaries at home."
    )
    facts = read_article(body, "en", date(2024, 6, 11))
    assert [s.value for s in facts.itinerary] == ["DE"]
    assert date(2024, 6, 9) not in [a.value.at.day for a in facts.arrivals]


def test_spending_days_in_a_country_is_going_there() -> None:
    body = (
        "Tanzanian President Amina Juma will spend six days in South Korea from Friday, "
        "holding talks with the South Korean president."
    )
    assert [s.value for s in read_article(body, "en", date(2024, 5, 29)).itinerary] == ["KR"]


def test_lands_on_a_weekday_is_the_schedule() -> None:
    """ "He lands in Beijing on Sunday morning and will stay until Thursday", written on a
    Thursday: the Sunday to come, a plan, not the Sunday past as an arrival."""
    body = (
        "Argentine President Carlos Ruiz flies out late on Thursday on a tour of Asia that "
        "will take him to China. He lands in Beijing on Sunday morning and will stay in China "
        "until Thursday, May 18."
    )
    facts = read_article(body, "en", date(2017, 5, 11))
    assert facts.arrivals == []
    assert [(p.value.leg, p.value.day) for p in facts.plans if p.value.edge == "start"] == [
        ("CN", date(2017, 5, 14))
    ]


def test_a_landing_told_in_the_present_alone_is_a_report() -> None:
    """ "lands in Paris on Thursday evening for a two-day visit", written on the Friday: done,
    as South Asian outlets write it, not a plan a week out."""
    body = (
        "Prime Minister Rahul Mehta lands in Paris on Thursday evening for a two-day visit to "
        "France."
    )
    facts = read_article(body, "en", date(2023, 7, 14))
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("FR", date(2023, 7, 13))
    ]


def test_what_is_no_move_of_the_traveller() -> None:
    lead = "Chilean President Ivan Petrov arrived in Moscow on Monday for a state visit to Russia. "
    for later in (
        "He said Chilean copper exports would continue to China and India despite sanctions.",
        "Petrov, who spent two weeks in Cuba as a student, said he admired Russian culture.",
    ):
        legs = [s.value for s in read_article(lead + later, "en", date(2023, 3, 21)).itinerary]
        assert legs == ["RU"], later


def test_a_day_told_again_in_hanoi_time_is_not_the_landing() -> None:
    """ "chiều 30/11 (giờ địa phương, tức 3 giờ 52 phút sáng 1/12 giờ Hà Nội)": one moment;
    the landing abroad is on the local day."""
    body = (
        "Lúc 17 giờ 52 phút chiều 30/11 (giờ địa phương, tức 3 giờ 52 phút sáng 1/12 giờ Hà "
        "Nội), Thủ tướng Đức Karl Weber đã tới sân bay ở thủ đô Buenos Aires, bắt đầu thăm "
        "Ác-hen-ti-na."
    )
    facts = read_article(body, "vi", date(2018, 12, 1))
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("AR", date(2018, 11, 30))
    ]
