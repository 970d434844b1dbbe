"""Weekdays in scheduled movements (issue 12, item 3): news tells a movement still to
come in the simple present ("He leaves Hanoi on Monday evening"). That is a plan, not a
departure, and its weekday lies after the publication date. Invented articles; each test
breaks without its rule.
"""

from __future__ import annotations

from datetime import date

import msgspec

from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.text import parse_article

SUNDAY = date(2024, 6, 9)


def _facts(body: str, lang: str, published: date = SUNDAY) -> ArticleFacts:
    parsed = parse_article(f"Headline\n\n{body}", "vi" if lang == "vi" else "en")
    parsed = msgspec.structs.replace(parsed, published_on=published)
    return extract(parsed, "d" * 64)


def test_a_movement_in_the_simple_present_is_a_plan_not_a_departure() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania arrived in Hanoi on Sunday for a state visit "
        "to Vietnam. He leaves Hanoi on Monday evening for Cambodia.",
        "en",
    )
    assert [a.value.at.day for a in facts.arrivals] == [SUNDAY]
    assert facts.departures == []


def test_a_reported_departure_on_a_weekday_still_looks_back() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania arrived in Hanoi on Sunday for a state visit "
        "to Vietnam. He left Bangkok on Saturday evening.",
        "en",
    )
    assert [d.value.at.day for d in facts.departures] == [date(2024, 6, 8)]


def test_an_arrival_for_an_event_that_opens_later_is_reported() -> None:
    """ "arrived in Johannesburg on Friday afternoon for a summit that opens on Saturday":
    the schedule word comes after the reported arrival, which keeps its day."""
    facts = _facts(
        "President Ivan Petrov of Ruritania arrived in Johannesburg on Friday afternoon for a "
        "Group of 20 summit that opens on Saturday.",
        "en",
        date(2025, 11, 21),
    )
    assert [a.value.at.day for a in facts.arrivals] == [date(2025, 11, 21)]


def test_a_schedule_told_as_due_or_opening_looks_forward() -> None:
    monday = date(2016, 4, 18)
    facts = _facts(
        "President Ivan Petrov of Ruritania leaves his capital on Tuesday for a swing through "
        "Saudi Arabia and Britain. He is due in Riyadh on Wednesday afternoon for talks with "
        "the king. His British program opens on Friday with a lunch at Windsor Castle.",
        "en",
        monday,
    )
    planned = sorted((p.value.leg, p.value.day) for p in facts.plans)
    assert ("SA", date(2016, 4, 20)) in planned
    assert all(day >= monday for _, day in planned)
