"""The day the news was reported is no one-day visit ("South Korean media reported on
Wednesday"), and a tour's end told after other legs' days takes none of them ("... in
Ethiopia on Tuesday and Wednesday, ... and ended in Kenya") (issue 12). Invented
articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import read_article

WEDNESDAY = date(2025, 10, 1)


@pytest.mark.parametrize("verb", ["reported", "said", "confirmed"])
def test_the_day_the_news_came_is_no_one_day_visit(verb: str) -> None:
    body = (
        "Chilean President Ivan Petrov is expected to attend this month's Asia-Pacific "
        f"Economic Cooperation summit in Gyeongju, South Korean media {verb} on Wednesday."
    )
    facts = read_article(body, "en", WEDNESDAY)
    assert [s.value for s in facts.itinerary] == ["KR"]
    assert facts.trip_window is None


def test_a_one_day_visit_on_a_weekday_is_still_one() -> None:
    body = (
        "Chilean President Ivan Petrov will pay a working visit to South Korea on Friday, "
        "his office said."
    )
    facts = read_article(body, "en", WEDNESDAY)
    window = facts.trip_window
    assert window is not None and window.value.start == window.value.end == date(2025, 10, 3)


TOUR = (
    "French President Ivan Petrov flew home on Friday after a tour of East Africa. The trip "
    "began with an overnight stop in Djibouti on Monday and Tuesday, continued with a state "
    "visit to Ethiopia on Tuesday and Wednesday, where he signed a defence accord, and "
    "ended in Kenya."
)


def test_an_end_told_after_other_legs_days_takes_none_of_them() -> None:
    facts = read_article(TOUR, "en", date(2019, 3, 15))
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions] == [("KE", None)]


@pytest.mark.parametrize(
    "body",
    [
        "On Wednesday, French President Ivan Petrov wrapped up his state visit to Kenya.",
        # a title's country between the day and the verb is no other leg
        "Chiều 13/3, Tổng thống Pháp Ivan Petrov rời Nai-rô-bi, kết thúc chuyến thăm Kê-ni-a.",
        "Chiều 13/3, Tổng thống Pháp Ivan Petrov tiếp Thủ tướng Ê-ti-ô-pi-a Abiy Ahmed rồi kết "
        "thúc chuyến thăm Kê-ni-a.",
        # a country that is a topic, not a leg (review)
        "On Wednesday, after discussing the war in Ukraine with President William Ruto, French "
        "President Ivan Petrov concluded his state visit to Kenya.",
        "Ngày 13/3, tại Nai-rô-bi, Tổng thống Pháp Ivan Petrov, người vừa ký thỏa thuận khí đốt "
        "với Nga, đã kết thúc chuyến thăm Kê-ni-a.",
    ],
)
def test_an_end_keeps_its_own_day(body: str) -> None:
    facts = read_article(body, "vi" if "Tổng" in body else "en", date(2019, 3, 14))
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions] == [
        ("KE", date(2019, 3, 13))
    ]
