"""A day of someone's life told beside the journey ("King A, who died on Oct. 13", "người
qua đời hôm 13/10") is no day of the trip: the leg is not dated by it. Each test fails if
the rule changes."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import read_article

PUBLISHED = date(2031, 11, 10)
DIED = date(2031, 10, 13)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        pytest.param(
            "President Ivan Petrov of Ruritania arrived in Bangkok to lay a wreath for King "
            "Arun, who died on Oct. 13 after decades on the throne.",
            "en",
            id="who-died-on",
        ),
        pytest.param(
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Băng Cốc để viếng Nhà vua Arun, người "
            "qua đời hôm 13/10 vừa qua.",
            "vi",
            id="qua-doi-hom",
        ),
    ],
)
def test_a_death_day_dates_no_arrival(body: str, lang: str) -> None:
    facts = read_article(body, lang, PUBLISHED)
    assert [a.value.country_code for a in facts.arrivals] in ([], ["TH"])
    assert all(a.value.at.day != DIED for a in facts.arrivals if a.value.at is not None)


def test_a_day_not_after_a_life_event_still_dates_the_arrival() -> None:
    facts = read_article(
        "President Ivan Petrov of Ruritania arrived in Bangkok on Nov. 9 to lay a wreath for "
        "King Arun, who died on Oct. 13.",
        "en",
        PUBLISHED,
    )
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("TH", date(2031, 11, 9))
    ]
