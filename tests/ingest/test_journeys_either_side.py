"""The journey just ended and the one to come, told beside this one: an announcement's
"he returned on Tuesday from a visit to Japan" and a summary's "they meet again at the
G20 in Osaka on June 28-29" give this trip no country, day, range or length. Invented
articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import read_article

THURSDAY = date(2019, 5, 30)

ANNOUNCED_EN = (
    "President Ivan Petrov of Ruritania will pay a state visit to Britain next week, landing "
    "in London on Monday, June 3, and staying until Wednesday, June 5, the palace said on "
    "Thursday. The trip will be his second overseas journey in less than two weeks. "
)
ANNOUNCED_VI = (
    "Tổng thống Pháp Jean Dupont sẽ thăm cấp Nhà nước Anh từ ngày 3-5/6, Điện Buckingham "
    "cho biết hôm 30/5. "
)


def _facts(body: str, lang: str = "en") -> ArticleFacts:
    return read_article(body, lang, THURSDAY)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", ANNOUNCED_EN + "He returned on Tuesday from a four-day state visit to Japan."),
        (
            "vi",
            ANNOUNCED_VI + "Ông Dupont vừa trở về sau chuyến thăm bốn ngày tới Nhật Bản hôm 28/5.",
        ),
    ],
)
def test_the_journey_just_ended_is_not_the_one_announced(lang: str, body: str) -> None:
    facts = _facts(body, lang)
    assert [s.value for s in facts.itinerary] == ["GB"]
    assert date(2019, 5, 28) not in facts.known_days()  # it would join the Japan trip
    assert all(code != "JP" for code, _ in (s.value for s in facts.leg_durations))
    assert all(code is not None for code, _ in (s.value for s in facts.leg_durations))


def test_a_return_told_in_the_announcement_of_a_trip_under_way_is_kept() -> None:
    """Only a lead still to come makes an earlier return another journey's: a report of a
    trip that has begun keeps its days."""
    facts = _facts(
        "President Ivan Petrov of Ruritania arrived in London on Monday for a state visit to "
        "Britain. He returned to his hotel on Tuesday from talks at Downing Street."
    )
    assert date(2019, 5, 28) in facts.known_days()


ENDED_VI = (
    "Tổng thống Pháp Jean Dupont đã kết thúc chuyến thăm cấp Nhà nước Nhật Bản từ ngày 25-28/5. "
)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "vi",
            ENDED_VI + "Hai nhà lãnh đạo sẽ gặp lại trong vòng một tháng tới, khi ông Dupont "
            "tới Osaka dự Hội nghị thượng đỉnh G20 ngày 28-29/6.",
        ),
        (
            "en",
            "President Ivan Petrov of Ruritania ended a state visit to Japan on Tuesday, May 28, "
            "after four days of talks and ceremonies. He will be back in Japan in late June, "
            "when he flies to Osaka for the Group of 20 summit on June 28-29.",
        ),
    ],
)
def test_the_journey_to_come_dates_no_summit_of_this_one(lang: str, body: str) -> None:
    facts = _facts(body, lang)
    assert facts.event_windows == []
    assert facts.trip_window is None or facts.trip_window.value.end <= date(2019, 5, 28)
    assert all(d <= date(2019, 5, 28) for d in facts.known_days())
