"""A landing with no place the gazetteer knows is at the dateline's destination; "He
travels on Wednesday to ..." is the schedule, read forward; and a length counted in a
country belongs to it, not to the stay named before."""

from __future__ import annotations

from datetime import date

import msgspec
import pytest

from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.text import parse_article
from tests.support.reading import read_article

LEAD = (
    "Czech PM Petrov starts Asia tour in Manila\n\n"
    "MANILA, April 17 (Reuters) - Czech Prime Minister Ivan Petrov held talks with President "
    "Ferdinand Marcos Jr. on Monday. He leaves Manila on Tuesday for Jakarta.\n\n"
)


def _filed(body: str) -> ArticleFacts:
    parsed = msgspec.structs.replace(
        parse_article(LEAD + body, "en"), published_on=date(2023, 4, 17)
    )
    return extract(parsed, "d" * 64)


@pytest.mark.parametrize(
    "landing",
    [
        "Petrov landed at Villamor Air Base late on Sunday and was met by the defence secretary.",
        "Petrov landed late on Sunday and was met by the defence secretary.",
    ],
)
def test_a_landing_with_no_known_place_is_at_the_datelines_destination(landing: str) -> None:
    facts = _filed(landing)
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("PH", date(2023, 4, 16))
    ]


@pytest.mark.parametrize(
    "landing",
    [
        # placed before the verb: the tour's first stop, not the dateline's
        "The tour began in Tokyo, where Petrov landed on April 10.",
        # planned, not told
        "Petrov will land in the evening on Thursday.",
        # a landing at home
        "Petrov landed back in Prague late on Sunday.",
    ],
)
def test_a_landing_placed_elsewhere_or_planned_is_not_at_the_dateline(landing: str) -> None:
    assert [a.value.country_code for a in _filed(landing).arrivals] == []


LEAD_VI = (
    "Thủ tướng Séc tới Ma-ni-la\n\n"
    "Ma-ni-la, 17/4 (TTXVN) - Thủ tướng Séc Ivan Petrov đã hội đàm với Tổng thống Phi-líp-pin "
    "Ferdinand Marcos Jr. ngày 17/4. Ông sẽ rời Ma-ni-la đi Gia-các-ta ngày 18/4.\n\n"
)


@pytest.mark.parametrize(
    ("landing", "days"),
    [
        ("Ông đã hạ cánh xuống căn cứ không quân Villamor tối 16/4.", [date(2023, 4, 16)]),
        ("Phu nhân ông sẽ hạ cánh xuống căn cứ không quân Villamor tối 18/4.", []),
    ],
)
def test_vi_a_landing_told_not_planned_is_at_the_datelines_destination(
    landing: str, days: list[date]
) -> None:
    parsed = parse_article(LEAD_VI + landing, "vi")
    facts = extract(msgspec.structs.replace(parsed, published_on=date(2023, 4, 17)), "e" * 64)
    assert [a.value.at.day for a in facts.arrivals if a.value.country_code == "PH"] == days


def test_travels_on_a_weekday_to_a_place_is_the_schedule() -> None:
    body = (
        "Romanian President Ivan Petrov began a three-day official visit to South Korea on "
        "Monday. He travels on Wednesday to Changwon to see a factory before leaving South "
        "Korea."
    )
    facts = read_article(body, "en", date(2024, 4, 23))
    assert ("KR", "end", date(2024, 4, 24)) in [
        (p.value.leg, p.value.edge, p.value.day) for p in facts.plans
    ]
    assert facts.departures == []  # not a departure on the Wednesday before


def test_days_counted_in_a_country_are_its_own_length() -> None:
    body = (
        "Saudi Crown Prince Ivan Petrov has ended official visits to France and Spain, leaving "
        "Madrid on Thursday evening after a one-day official programme that followed three "
        "days in France."
    )
    facts = read_article(body, "en", date(2018, 4, 13))
    assert ("FR", 1) not in [d.value for d in facts.leg_durations]


def test_a_home_city_named_beside_the_landing_does_not_place_it() -> None:
    facts = _filed(
        "Petrov landed late on Sunday with a plane full of business leaders from Prague."
    )
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("PH", date(2023, 4, 16))
    ]
