"""A stay told, once over, as running from an evening ("có mặt tại Li-ma từ tối 14/11 đến
17/11", "in Lima from the evening of November 14 to 17") is a landing that evening and the
day the stay ended, not the leg's stated days: the programme may open the next day, so the
start is never shown as confirmed. Invented articles; each row fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.values import Certainty
from tests.support.reading import fold_articles, read_article

AFTER = date(2024, 11, 21)
BEFORE = date(2024, 11, 10)

_VI_DONE = (
    "Tổng thống Chi-lê Ivan Petrov đã kết thúc chuyến công du Pê-ru và Bra-xin. Chặng cuối "
    "tại Bra-xin diễn ra trong hai ngày 18-19/11. Trước đó, ông có mặt tại Li-ma (Pê-ru) "
    "{days}."
)
_EN_DONE = (
    "Chilean President Ivan Petrov flew home on November 20 after visits to Peru and Brazil. "
    "He was in Brazil on November 18 and 19. Before that he was in Peru {days}."
)


@pytest.mark.parametrize(
    ("lang", "body", "first"),
    [
        ("vi", _VI_DONE.format(days="từ tối 14/11 đến ngày 17/11"), 14),
        # from the night: the programme could only open the next day
        ("vi", _VI_DONE.format(days="từ đêm 14/11 đến ngày 17/11"), 15),
        ("en", _EN_DONE.format(days="from the evening of November 14 to November 17"), 14),
    ],
)
def test_a_stay_from_an_evening_is_a_landing_and_an_end(lang: str, body: str, first: int) -> None:
    facts = read_article(body, lang, AFTER)
    assert [w.value[0] for w in facts.leg_windows] == ["BR"]
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("PE", date(2024, 11, 14))
    ]
    assert facts.arrivals[0].value.at.day_part in ("evening", "night")
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions if c.value.on] == [
        ("PE", date(2024, 11, 17))
    ]
    leg, _ = fold_articles((body, lang, AFTER)).legs
    assert (leg.start_date, leg.end_date) == (date(2024, 11, first), date(2024, 11, 17))
    assert leg.start_certainty is Certainty.INFERRED


@pytest.mark.parametrize(
    ("lang", "body", "published"),
    [
        # by day, the range is the leg's own stated days
        ("vi", _VI_DONE.format(days="từ ngày 14/11 đến ngày 17/11"), AFTER),
        ("vi", _VI_DONE.format(days="từ sáng 14/11 đến ngày 17/11"), AFTER),
        # a plan: the range is the leg's announced days
        (
            "en",
            "Chilean President Ivan Petrov will visit Peru and Brazil. He will be in Peru from "
            "the evening of November 14 to November 17, and in Brazil on November 18 and 19.",
            BEFORE,
        ),
    ],
)
def test_a_stay_by_day_or_to_come_keeps_its_range(lang: str, body: str, published: date) -> None:
    facts = read_article(body, lang, published)
    assert {w.value[0]: w.value[1].start for w in facts.leg_windows}["PE"] == date(2024, 11, 14)
    assert [a.value.country_code for a in facts.arrivals] == []
