"""Plans, headings and which legs are called off (issue 12, items 2 and 4). Invented
articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import read_article


def _facts(body: str, lang: str, published: date) -> ArticleFacts:
    return read_article(body, lang, published, "8" * 64)


def test_a_movement_dated_after_publication_is_a_plan_vi() -> None:
    facts = _facts(
        "Theo Văn phòng Tổng thống, Tổng thống Chi-lê Ivan Petrov lên đường thăm "
        "Nhật Bản ngày 17/5/2023, sau đó trở về nước ngày 21/5.",
        "vi",
        date(2023, 5, 17),
    )
    assert facts.returns == []
    # setting off to visit Japan: from home, not from Japan
    assert [(d.value.place.country_code, d.value.at.day) for d in facts.departures] == [
        ("CL", date(2023, 5, 17))
    ]


def test_leaving_for_a_country_is_leaving_home_not_that_country_vi() -> None:
    facts = _facts(
        "Ngày 17/5/2023, Tổng thống Chi-lê Ivan Petrov lên đường tới Nhật Bản dự "
        "Hội nghị thượng đỉnh G7.",
        "vi",
        date(2023, 5, 17),
    )
    (left,) = facts.departures
    assert left.value.place.country_code == "CL"
    assert left.value.concluded_country is None
    assert left.value.next_country == "JP"


def test_leaving_for_a_country_is_not_leaving_it_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania left for Japan on May 17, 2023, to attend the "
        "Group of Seven summit.",
        "en",
        date(2023, 5, 17),
    )
    assert all(d.value.concluded_country != "JP" for d in facts.departures)


def test_called_off_legs_are_those_legs_not_the_trip_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania will visit Japan, Papua New Guinea and "
        "Australia from May 18 to 24, 2023. On Tuesday he called off the Papua New Guinea "
        "and Australia legs of the trip.",
        "en",
        date(2023, 5, 16),
    )
    assert sorted(c.value for c in facts.cancellations if c.value) == ["AU", "PG"]
    assert None not in [c.value for c in facts.cancellations]


def test_a_range_in_a_relative_clause_and_leaving_for_the_next_leg_en() -> None:
    facts = _facts(
        "On Tuesday afternoon, after wrapping up an official visit to Singapore that ran "
        "from March 10 to 12, Prime Minister Ivan Petrov of Ruritania left for Malaysia.",
        "en",
        date(2024, 3, 12),
    )
    assert [(w.value[0], w.value[1].start.day, w.value[1].end.day) for w in facts.leg_windows] == [
        ("SG", 10, 12)
    ]
    (left,) = facts.departures
    assert (left.value.place.country_code, left.value.concluded_country) == ("SG", "SG")
    assert (left.value.next_country, left.value.at.day) == ("MY", date(2024, 3, 12))


def test_a_place_after_a_second_movement_verb_is_not_where_it_left_vi() -> None:
    facts = _facts(
        "Chiều 1/10, Tổng thống Chi-lê Ivan Petrov kết thúc chuyến thăm Mông Cổ, rời Ulan "
        "Bato, lên đường thăm cấp Nhà nước Ai-xơ-len.",
        "vi",
        date(2024, 10, 1),
    )
    assert all(d.value.concluded_country != "IS" for d in facts.departures)
    assert [c.value.country_code for c in facts.conclusions] == ["MN"]


def test_a_revision_report_neither_takes_the_old_plan_nor_an_event_as_the_trip_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Chile is now expected to land in Hanoi on the morning of "
        "May 23 instead of on the evening of May 22. He will leave on May 25 for Japan, "
        "where leaders of the Group of Seven nations meet on May 26-27. The foreign ministry "
        "had originally announced that the visit would run from May 22 to 25.",
        "en",
        date(2016, 5, 17),
    )
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"
    assert facts.trip_window is None
    assert facts.leg_windows == []


def test_the_days_leaders_meet_are_the_meetings_not_a_legs_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Chile will visit Vietnam and then Japan, where leaders of "
        "the industrial nations meet on May 26-27.",
        "en",
        date(2016, 5, 17),
    )
    assert facts.trip_window is None
    assert facts.leg_windows == []
