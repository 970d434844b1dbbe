"""A traveller named in full once, then by a bare name (issue 12).

News names a visiting leader in full where they are received ("Prime Minister A welcomed
President Ivan Petrov of Chile"), then by surname alone in the sentence that gives the
visit ("Petrov is in Japan on an official visit from July 6 to 10", "Petrov, who is on a
state visit to Japan from ...", "... announced that Petrov would pay a state visit").
The bare name is the person named in full before it. Invented articles; each test fails
without its rule.
"""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.values import DateWindow, VisitType
from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import read_article

WEDNESDAY = date(2015, 7, 8)
WELCOMED = (
    "TOKYO, July 7 — Japanese Prime Minister Kenji Sato welcomed Chilean President "
    "Ivan Petrov at his office on Tuesday. "
)


def _facts(body: str, lang: str = "en", published: date = WEDNESDAY) -> ArticleFacts:
    return read_article(body, lang, published, "5" * 64)


def _trip(facts: ArticleFacts) -> tuple[str | None, list[str], DateWindow | None]:
    principal = facts.principal.value.name if facts.principal else None
    window = facts.trip_window.value if facts.trip_window else None
    return principal, [s.value for s in facts.itinerary], window


@pytest.mark.parametrize(
    "second",
    [
        "Petrov is in Japan on an official visit from July 6 to 10.",
        "Petrov is in Japan for an official visit from July 6 to 10.",
        "Petrov, who is on an official visit to Japan from July 6 to 10, later met business "
        "leaders.",
        "Petrov is on an official visit to Japan from July 6 to 10.",
    ],
)
def test_the_bare_name_after_a_welcome_is_the_visitor(second: str) -> None:
    facts = _facts(WELCOMED + second)
    assert _trip(facts) == ("Ivan Petrov", ["JP"], DateWindow(date(2015, 7, 6), date(2015, 7, 10)))
    assert [(code, kind) for code, kind in (s.value for s in facts.visit_types)] == [
        ("JP", VisitType.OFFICIAL)
    ]
    assert facts.principal is not None and facts.principal.value.title == "President"


def test_would_pay_a_visit_is_a_plan_of_travel() -> None:
    facts = _facts(
        "SANTIAGO — President Ivan Petrov of Chile has a cold and will put back his "
        "departure for Japan by a day, his office said. Japan's foreign ministry had "
        "announced that Petrov would pay a state visit to Japan from March 26 to 31.",
        published=date(2015, 3, 24),
    )
    assert _trip(facts) == ("Ivan Petrov", ["JP"], DateWindow(date(2015, 3, 26), date(2015, 3, 31)))


def test_the_vietnamese_bare_name_is_the_full_name_before_it() -> None:
    facts = _facts(
        "TOKYO — Thủ tướng Nhật Bản Kenji Sato đã đón Tổng thống Chile Ivan Petrov tại văn "
        "phòng Thủ tướng chiều 7/7. Ông Petrov đang thăm chính thức Nhật Bản từ ngày 6 "
        "đến 10/7.",
        lang="vi",
    )
    assert facts.principal is not None
    assert (facts.principal.value.name, facts.principal.value.title) == ("Ivan Petrov", "President")


@pytest.mark.parametrize(
    "second",
    [
        "Petrov is in talks with Japan on a trade deal.",
        "Petrov is in Japan's debt, an aide joked.",
    ],
)
def test_being_in_a_country_without_a_visit_is_no_journey(second: str) -> None:
    facts = _facts("SANTIAGO — Chilean President Ivan Petrov spoke on Tuesday. " + second)
    assert facts.itinerary == []


def test_a_bare_name_of_nobody_named_before_is_nobody() -> None:
    """A surname with no full name before it stays unknown: no trip is made of it."""
    facts = _facts("Petrov is in Japan on an official visit from July 6 to 10.")
    assert facts.principal is None or facts.principal.value.name != "Ivan Petrov"


def test_the_one_received_by_someone_is_not_a_host() -> None:
    """ "Sato was received at the airport by Minister B": a passive welcome makes B the
    host; Sato, named by surname, stays the traveller."""
    facts = _facts(
        "NEW DELHI, March 20 — Japanese Prime Minister Kenji Sato arrived in New Delhi on "
        "Monday for a two-day official visit. Sato was received at the airport by Minister "
        "of State Ravi Kumar.",
        published=date(2023, 3, 20),
    )
    assert facts.principal is not None and facts.principal.value.name == "Kenji Sato"
    assert [s.value for s in facts.itinerary] == ["IN"]


def test_a_vietnamese_common_word_is_no_bare_name() -> None:
    """ "Chính phủ" (government) holds the syllable of "Phạm Minh Chính": in Vietnamese a
    bare syllable is never a mention of him, or he would host the welcome below."""
    facts = _facts(
        "Rạng sáng 23/11, Thủ tướng Phạm Minh Chính đã về tới sân bay Nội Bài, kết thúc "
        "chuyến thăm chính thức Chile. Phó Chủ nhiệm Văn phòng Chính phủ Nguyễn Văn An ra "
        "sân bay đón Đoàn.",
        lang="vi",
        published=date(2024, 11, 23),
    )
    assert facts.principal is not None and facts.principal.value.name == "Phạm Minh Chính"


def test_a_titled_traveller_outranks_a_bare_name_that_travels() -> None:
    """Two leaders meet in a third country; the one named with a title as they travel is
    the article's traveller, not one named earlier by surname alone."""
    facts = _facts(
        "HANOI, Feb 25 — Chilean President Ivan Petrov spoke to reporters in Santiago on "
        "Monday. Petrov will fly to Vietnam on Tuesday. Japanese Prime Minister Kenji Sato "
        "arrived in Hanoi on Monday for a summit with Petrov.",
        published=date(2019, 2, 25),
    )
    assert facts.principal is not None and facts.principal.value.name == "Kenji Sato"
