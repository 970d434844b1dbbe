"""A weekday told with "the" beside a written date ("from Nov. 6, flying into New Delhi on
the Sunday evening"), "flying into" as an arrival, "sẽ sang <nơi>" as where a plan goes, a
day followed by a saying ("ngày 22/11 xác nhận") as the day it was said, and a dateline
with its country ("BENAULIM, India, Oct 15 -") placing talks held there (issue 12).
Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import msgspec

from calendar_svc.ingest.dates import find_dates
from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.text import parse_article
from tests.support.reading import read_article

#: A Sunday: a weekday read forward from it would be the day itself or the next week's.
SUNDAY = date(2016, 10, 16)


def _plans(facts: ArticleFacts) -> list[tuple[str, str, date]]:
    return [(p.value.leg, p.value.edge, p.value.day) for p in facts.plans]


def test_a_weekday_told_with_the_is_of_the_week_a_written_date_names() -> None:
    text = (
        "Petrov will spend three days in Japan from Nov. 6, flying into Tokyo on the Sunday "
        "evening so that he can open a trade fair on the Monday."
    )
    days = [(d.text, d.start) for d in find_dates(text, "en", SUNDAY, tense="future")]
    assert days == [
        ("Nov. 6", date(2016, 11, 6)),
        ("Sunday evening", date(2016, 11, 6)),
        ("Monday", date(2016, 11, 7)),
    ]
    # without "the", the next Sunday after the day of writing, as before
    plain = find_dates("He will fly on Sunday and stay from Nov. 6.", "en", SUNDAY, tense="future")
    assert plain[0].start < date(2016, 11, 1)


def test_flying_into_a_place_is_arriving_there() -> None:
    body = (
        "Chilean President Ivan Petrov will spend three days in Japan from Nov. 6, flying "
        "into Tokyo on the Sunday evening, his office said."
    )
    assert _plans(read_article(body, "en", SUNDAY)) == [("JP", "start", date(2016, 11, 6))]


def test_going_over_to_a_place_in_a_plan_is_where_it_goes() -> None:
    body = (
        "Tổng thống Chi-lê Ivan Petrov sẽ thăm cấp Nhà nước Nhật Bản và Hàn Quốc. Theo kế "
        "hoạch, ông Petrov sẽ sang Nhật Bản ngày 10/12."
    )
    facts = read_article(body, "vi", date(2023, 11, 22))
    assert _plans(facts) == [("JP", "start", date(2023, 12, 10))]


def test_a_day_followed_by_a_saying_is_the_day_it_was_said() -> None:
    body = (
        "Người phát ngôn chính phủ ngày 22/11 xác nhận Tổng thống Chi-lê Ivan Petrov "
        "sẽ tới Nhật Bản vào ngày 10/12."
    )
    facts = read_article(body, "vi", date(2023, 11, 22))
    assert _plans(facts) == [("JP", "start", date(2023, 12, 10))]


def _dated(text: str, published: date) -> ArticleFacts:
    parsed = parse_article(text, "en")
    return extract(msgspec.structs.replace(parsed, published_on=published), "d" * 64)


TALKS = (
    "Chilean leader signs deals\n\n"
    "BENAULIM, Japan, Oct 15 - Prime Minister Taro Yamada and Chilean President Ivan "
    "Petrov signed a clutch of defence and energy agreements on Saturday after their talks "
    "at a beachside hotel.\n"
)


def test_a_dateline_keeps_the_country_it_adds_before_its_day() -> None:
    parsed = parse_article(TALKS, "en")
    assert parsed.dateline == "BENAULIM, Japan"


def test_talks_held_on_a_day_place_the_traveller_where_the_dateline_is() -> None:
    facts = _dated(TALKS, date(2016, 10, 15))
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"
    assert [s.value for s in facts.itinerary] == ["JP"]
    by_phone = TALKS.replace("after their talks at a beachside hotel", "by telephone")
    assert [s.value for s in _dated(by_phone, date(2016, 10, 15)).itinerary] == []


def test_flying_into_a_place_is_a_reported_arrival_there() -> None:
    body = (
        "Chilean President Ivan Petrov opened a state visit to Japan on Monday, flying into "
        "Tokyo on Monday evening from Seoul."
    )
    facts = read_article(body, "en", date(2024, 6, 11))
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("JP", date(2024, 6, 10))
    ]
