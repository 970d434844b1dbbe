"""Legs in the order of their days, not of the text (issue 12, the itinerary model), and
the travel cues that name a leg in a plan ("is due in Sydney", "his departure for Japan",
"will stop in Abu Dhabi"). Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import read_article

WEDNESDAY = date(2023, 5, 17)


def _facts(body: str, lang: str = "en", published: date = WEDNESDAY) -> ArticleFacts:
    return read_article(body, lang, published, "7" * 64)


def _legs(facts: ArticleFacts) -> list[str]:
    return [stop.value for stop in facts.itinerary]


def test_a_leg_named_first_but_dated_later_comes_after() -> None:
    facts = _facts(
        "SANTIAGO -- Chilean President Ivan Petrov will still travel to Australia next week. "
        "He leaves on Friday for Tokyo, where he will attend a summit from May 19 to 21. "
        "He is due in Sydney from May 22 to 24 for talks with the Australian leader."
    )
    assert _legs(facts) == ["JP", "AU"]


def test_dated_order_beats_text_order_in_vietnamese() -> None:
    facts = _facts(
        "SANTIAGO (TTXVN) - Tổng thống Chile Ivan Petrov sẽ thăm chính thức Ô-xtrây-li-a "
        "từ ngày 22 đến 24/5. Trước đó, ông dự Hội nghị thượng đỉnh tại Tokyo, Nhật Bản "
        "từ ngày 19 đến 21/5.",
        "vi",
    )
    assert _legs(facts) == ["JP", "AU"]


def test_overlapping_days_keep_the_text_order() -> None:
    """Two legs sharing a day ("in Malaysia from May 20 to 22, then Thailand from May 22
    to 23") are not reordered by their days: the text's order, or its cues, decide."""
    facts = _facts(
        "SANTIAGO -- Chilean President Ivan Petrov will pay an official visit to Malaysia "
        "from May 20 to 22 and then an official visit to Thailand from May 22 to 23."
    )
    assert _legs(facts) == ["MY", "TH"]


def test_a_planned_leg_due_in_a_city_is_a_leg_with_its_days() -> None:
    facts = _facts(
        "SANTIAGO -- Chilean President Ivan Petrov is due in Sydney from May 22 to 24 "
        "for talks with the Australian prime minister."
    )
    assert _legs(facts) == ["AU"]
    assert facts.trip_window is not None
    assert (facts.trip_window.value.start, facts.trip_window.value.end) == (
        date(2023, 5, 22),
        date(2023, 5, 24),
    )


def test_a_put_back_departure_names_the_traveller_and_the_leg() -> None:
    facts = _facts(
        "SANTIAGO, March 24 -- President Ivan Petrov will put back his departure "
        "for Japan from Saturday to Sunday, his office said on Friday. On his way home he "
        "will stop in Abu Dhabi for talks with the Emirati leadership.",
        published=date(2023, 3, 24),
    )
    assert facts.principal is not None
    assert facts.principal.value.name == "Ivan Petrov"
    assert _legs(facts) == ["JP", "AE"]


def test_a_one_day_stop_on_the_first_day_of_a_longer_leg_comes_first() -> None:
    """Port Moresby on May 22 only, Sydney from May 22 to 24: the stop cannot follow a leg
    that goes on after its day."""
    facts = _facts(
        "SANTIAGO -- Chilean President Ivan Petrov is due in Sydney from May 22 to 24 for "
        "talks. He will arrive in Port Moresby on May 22 for a regional summit."
    )
    assert _legs(facts) == ["PG", "AU"]
