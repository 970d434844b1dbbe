"""A leader who leads a delegation or mission to a country goes there; "the visit ended on
Wednesday, when she flew on to Tokyo" ends the stay before Tokyo, not Tokyo's; "có mặt
tại Tô-ky-ô từ tối 20/4" is the stay's first day, as an arrival (issue 12, batch AU on
arrival). Invented articles; each row fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import read_article

ANNOUNCED = date(2022, 4, 11)
AFTER = date(2022, 4, 24)


@pytest.mark.parametrize(
    ("body", "legs"),
    [
        (
            "Ruritanian Prime Minister Anna Petrova will lead a business delegation to "
            "Singapore and Japan later this month, her office said on Monday.",
            ["SG", "JP"],
        ),
        (
            "Ruritanian Prime Minister Anna Petrova led a trade mission to India last week.",
            ["IN"],
        ),
        # a delegation someone else sends is not the traveller's journey
        (
            "Ruritanian Prime Minister Anna Petrova said business delegations to Singapore "
            "and Japan would resume this year.",
            [],
        ),
    ],
)
def test_one_who_leads_a_delegation_there_goes(body: str, legs: list[str]) -> None:
    assert [s.value for s in read_article(body, "en", ANNOUNCED).itinerary] == legs


@pytest.mark.parametrize(
    ("body", "ended"),
    [
        (
            "Prime Minister Anna Petrova left Japan on Saturday after visits to Singapore and "
            "Tokyo. She ended her official visit to Singapore on Wednesday and flew on to "
            "Tokyo.",
            [("SG", date(2022, 4, 20))],
        ),
        (
            "Prime Minister Anna Petrova left Japan on Saturday after visits to Singapore and "
            "Tokyo. The official visit ended on Wednesday, when she flew on to Tokyo.",
            [],
        ),
        (
            "Prime Minister Anna Petrova left Japan on Saturday after visits to Singapore and "
            "Tokyo. She wrapped up her visit to Japan on Saturday.",
            [("JP", date(2022, 4, 23))],
        ),
    ],
)
def test_a_place_moved_on_to_is_not_the_one_that_ended(
    body: str, ended: list[tuple[str, date]]
) -> None:
    facts = read_article(body, "en", AFTER)
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions if c.value.on] == ended


@pytest.mark.parametrize(
    ("body", "arrived"),
    [
        (
            "Thủ tướng Ru-ri-ta-ni-a Anna Petrova đã thăm Xinh-ga-po và Nhật Bản. Bà Petrova "
            "có mặt tại Tô-ky-ô từ tối muộn 20/4 và rời Nhật Bản ngày 23/4.",
            [("JP", date(2022, 4, 20), "night")],
        ),
        # present there on a day of the stay: not when it began
        (
            "Thủ tướng Ru-ri-ta-ni-a Anna Petrova đã thăm Xinh-ga-po và Nhật Bản. Ngày 22/4, bà "
            "Petrova có mặt tại Tô-ky-ô để gặp cộng đồng doanh nghiệp.",
            [],
        ),
        # those present at the airport to see the guest off arrive nowhere
        (
            "Thủ tướng Ru-ri-ta-ni-a Anna Petrova đã thăm Xinh-ga-po và Nhật Bản. Có mặt tại "
            "sân bay tiễn bà Petrova chiều 23/4 có Bộ trưởng Ngoại giao Nhật Bản.",
            [],
        ),
    ],
)
def test_present_there_from_a_day_is_an_arrival(
    body: str, arrived: list[tuple[str, date, str]]
) -> None:
    facts = read_article(body, "vi", AFTER)
    got = [(a.value.country_code, a.value.at.day, a.value.at.day_part) for a in facts.arrivals]
    assert got == arrived
