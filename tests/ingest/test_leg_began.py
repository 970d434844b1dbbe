"""A leg told as the subject of a verb of beginning starts that day (`extract.leg_began`).
Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import read_article


@pytest.mark.parametrize(
    ("body", "lang", "published"),
    [
        (
            "Thủ tướng Ru-ri-ta-ni-a Ivan Petrov đã dự APEC tại Hàn Quốc. Chặng Hàn Quốc bắt "
            "đầu từ ngày 29/10 với hoạt động viếng Nghĩa trang tưởng niệm tại Busan.",
            "vi",
            date(2025, 11, 2),
        ),
        (
            "Australian Prime Minister Ivan Petrov attended summits in Malaysia and South "
            "Korea. The South Korean leg of the trip began on Wednesday in Busan.",
            "en",
            date(2025, 11, 2),
        ),
        (
            "Prime Minister Ivan Petrov of Ruritania flew to South Korea for APEC. Petrov "
            "began his Korea stay on Wednesday at a war cemetery in Busan.",
            "en",
            date(2025, 10, 30),
        ),
    ],
)
def test_the_leg_that_began_on_a_day_starts_then(body: str, lang: str, published: date) -> None:
    facts = read_article(body, lang, published, "6" * 64)
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("KR", date(2025, 10, 29))
    ]


def test_a_leg_that_began_with_no_day_or_two_dates_nothing() -> None:
    facts = read_article(
        "Prime Minister Ivan Petrov of Ruritania attended summits in Malaysia and South "
        "Korea. The South Korean leg of the trip began after the Malaysian one.",
        "en",
        date(2025, 11, 2),
        "6" * 64,
    )
    assert facts.arrivals == []
