"""The guest a headline names is the traveller (issue 12, item 1): "... as Sato hosts
Petrov" makes Petrov the visitor even when the body's only travel sentence is the host's
next journey; "is received by B" makes B the host. "Tuần tới" (next week) moves no one.
Invented articles; each row fails without its rule (`principal._headline_guest`, the
Vietnamese travel word)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import read_article

DAY = date(2018, 5, 31)


@pytest.mark.parametrize(
    ("lang", "headline", "body", "legs"),
    [
        (
            "en",
            "Japan, Chile pledge closer ties as Sato hosts Petrov",
            "Japanese Prime Minister Sato Kenji and Chilean President Ivan Petrov agreed on "
            "Thursday to deepen defence ties. Sato is due to fly to Washington next week for "
            "talks with the U.S. president.",
            [],
        ),
        (
            "en",
            "Chile's president lands in Havana, is received by Castro",
            "Chilean President Ivan Petrov landed in Havana on Monday. Cuban President Raul "
            "Castro spoke of a new chapter in ties.",
            ["CU"],
        ),
        (
            "vi",
            "Thủ tướng Nhật Bản đón Tổng thống Chi-lê Ivan Petrov",
            "Chiều 31/5, Thủ tướng Nhật Bản Sato Kenji và Tổng thống Chi-lê Ivan Petrov đã hội "
            "đàm tại Tokyo. Tuần tới, Thủ tướng Sato Kenji sẽ tới Oa-sinh-tơn hội đàm với Tổng "
            "thống Mỹ.",
            [],
        ),
    ],
)
def test_the_guest_a_headline_names_travels(
    lang: str, headline: str, body: str, legs: list[str]
) -> None:
    facts = read_article(body, lang, DAY, headline=headline)
    assert facts.principal is not None
    assert facts.principal.value.name == "Ivan Petrov"
    assert [s.value for s in facts.itinerary] == legs
