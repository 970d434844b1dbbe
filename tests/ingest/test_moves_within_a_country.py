"""A move inside the visited country ends no leg (issue 12, the itinerary model: "a leg's
conclusion is never the trip's end unless the article says so"): "left Washington for
Chicago", "rời Washington tới thành phố Raleigh". Invented articles; each test fails
without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import read_article

FRIDAY = date(2024, 4, 12)


def _departures(body: str, lang: str) -> list[tuple[str | None, str | None]]:
    facts = read_article(body, lang, FRIDAY, "6" * 64)
    return [(d.value.concluded_country, d.value.next_country) for d in facts.departures]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        pytest.param(
            "Chilean President Ivan Petrov, on an official visit to the United States, left "
            "Washington for Chicago on Thursday evening.",
            "en",
            id="a-city-of-the-same-country",
        ),
        pytest.param(
            "Tổng thống Chi-lê Ivan Petrov đang thăm chính thức Hoa Kỳ. Tối 11/4, ông Petrov "
            "đã rời Washington tới thành phố Raleigh, thủ phủ bang Bắc Carolina.",
            "vi",
            id="a-town-the-gazetteer-lacks",
        ),
        # the press's "vào" (south to) and "lên đường đi", the city's name with its "Thành
        # phố": the visit goes on
        pytest.param(
            "Chiều 11/4, Tổng thống Hàn Quốc Ivan Petrov đã rời Hà Nội, vào Thành phố Hồ Chí "
            "Minh, tiếp tục chuyến thăm cấp Nhà nước Việt Nam.",
            "vi",
            id="into-ho-chi-minh-city",
        ),
        pytest.param(
            "Chiều 11/4, Chủ tịch nước Lương Cường đã rời Thủ đô Bắc Kinh, lên đường đi Thượng "
            "Hải, tiếp tục chuyến thăm cấp Nhà nước Trung Quốc.",
            "vi",
            id="setting-off-for-another-city",
        ),
        pytest.param(
            "Ngày 11/4, Thủ tướng Xin-ga-po Ivan Petrov đã rời Hà Nội, vào thăm Thành phố Hồ Chí "
            "Minh.",
            "vi",
            id="into-a-city-to-visit-it",
        ),
    ],
)
def test_moving_on_inside_the_country_concludes_nothing(body: str, lang: str) -> None:
    """No departure at all: one with no leg ended would read as leaving home."""
    assert _departures(body, lang) == []


def test_moving_on_to_another_country_concludes_the_leg() -> None:
    departures = _departures(
        "Chilean President Ivan Petrov, on a tour of the United States and Mexico, left "
        "Washington for Mexico City on Thursday evening.",
        "en",
    )
    assert departures == [("US", "MX")]


def _arrivals(body: str, lang: str) -> list[tuple[str, date]]:
    facts = read_article(body, lang, FRIDAY, "6" * 64)
    return [(a.value.country_code, a.value.at.day) for a in facts.arrivals]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        pytest.param(
            "Chilean President Ivan Petrov, on an official visit to China since Monday, "
            "arrived in the Chinese capital on Wednesday afternoon after leaving the "
            "northeastern city of Dalian at midday.",
            "en",
            id="arrived-after-leaving-a-city-of-the-same-country",
        ),
        pytest.param(
            "Tổng thống Chi-lê Ivan Petrov đang thăm chính thức Trung Quốc. Trưa 10/4, ông "
            "Petrov rời Đại Liên đến Bắc Kinh.",
            "vi",
            id="roi-a-den-b-in-one-country",
        ),
    ],
)
def test_a_move_between_cities_of_one_country_is_no_arrival_nor_conclusion(
    body: str, lang: str
) -> None:
    assert _arrivals(body, lang) == []
    assert _departures(body, lang) == []


def test_an_arrival_from_another_country_stands() -> None:
    body = (
        "Chilean President Ivan Petrov arrived in Beijing on Wednesday afternoon after "
        "leaving Seoul, where he had held talks with the South Korean president."
    )
    assert _arrivals(body, "en") == [("CN", date(2024, 4, 10))]
