"""The traveller's own country is never a leg (issue 12, item 3): when the article gives
no title, the office-holder table tells where the traveller belongs."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.language import Language
from calendar_svc.ingest.extract import ArticleFacts
from calendar_svc.ingest.people.find import find_mentions
from calendar_svc.reference.identity import home_country
from tests.support.reading import read_article


def _facts(body: str, lang: str, published: date) -> ArticleFacts:
    return read_article(body, lang, published, "e" * 64)


def test_a_traveller_titled_without_a_country_home_comes_from_the_table() -> None:
    facts = _facts(
        "President Donald Trump landed in Doha on May 14, 2025, the second stop of a Gulf "
        "tour that began in Riyadh. He flies on to Abu Dhabi on Thursday and is due back in the "
        "United States on Friday.",
        "en",
        date(2025, 5, 14),
    )
    assert facts.home == "US"
    assert facts.home_basis == "office holders"
    assert "US" not in [s.value for s in facts.itinerary]


@pytest.mark.parametrize(
    ("name", "country"),
    [
        pytest.param("Tập Cận Bình", "CN", id="table-form"),
        pytest.param("Kishida", "JP", id="short-form-by-rule"),
        pytest.param("Lee", None, id="ambiguous-short-form"),
        pytest.param("Ivan Petrov", None, id="not-in-the-table"),
        # heads of state and government 2015-2025 beyond the ones Vietnamese news names
        pytest.param("Muhammadu Buhari", "NG", id="head-of-state-africa"),
        pytest.param("Droupadi Murmu", "IN", id="head-of-state-asia"),
        pytest.param("Klaus Iohannis", "RO", id="head-of-state-europe"),
        pytest.param("Han Duck-soo", "KR", id="head-of-government"),
        pytest.param("Ru-vơn Ri-vơ-lin", "IL", id="vietnamese-form"),
    ],
)
def test_home_country(name: str, country: str | None) -> None:
    assert home_country(name) == country


@pytest.mark.parametrize(
    "headline",
    ["Pakistan's Rashid returns from Washington to a hero's welcome", "Home for Rashid"],
)
def test_a_possessive_says_whose_leader_the_traveller_is(headline: str) -> None:
    body = (
        "Prime Minister Omar Rashid returned home early on Thursday from his first visit to "
        "the United States. On his way home, Rashid stopped in Qatar on Wednesday, where "
        "Qatari Prime Minister Sheikh Hamad met him at the airport."
    )
    if headline == "Home for Rashid":
        body += " Pakistan's Omar Rashid had been away five days."
    facts = read_article(body, "en", date(2019, 7, 25), "e" * 64, headline=headline)
    assert (facts.home, facts.home_basis) == ("PK", "possessive")
    assert "QA" in [s.value for s in facts.itinerary]


@pytest.mark.parametrize(
    ("between", "home"),
    [
        pytest.param("interim leader", "PK", id="lower-case-title-words"),
        pytest.param("last talks with", None, id="other-words-are-no-title"),
    ],
)
def test_a_possessive_before_a_title_in_lower_case(between: str, home: str | None) -> None:
    body = (
        "Prime Minister Omar Rashid will travel to China on March 26 for talks, his office "
        f"said. The trip was first raised in Pakistan's {between} Omar Rashid."
    )
    facts = read_article(body, "en", date(2025, 3, 20), "e" * 64)
    assert (facts.home if facts.home_basis == "possessive" else None) == home


@pytest.mark.parametrize(
    ("text", "lang", "title"),
    [
        pytest.param("Chief Adviser Omar Rashid flew to Beijing.", "en", "Chief Adviser", id="en"),
        pytest.param("Taoiseach Omar Rashid flew to Beijing.", "en", "Prime Minister", id="ie"),
        pytest.param(
            "Trưởng Cố vấn Chính phủ lâm thời Pa-ki-xtan Omar Rashid đã tới Bắc Kinh.",
            "vi",
            "Chief Adviser",
            id="vi-interim-government",
        ),
        pytest.param("Tiểu vương Ca-ta Omar Rashid đã tới Hà Nội.", "vi", "Emir", id="vi-emir"),
    ],
)
def test_heads_of_government_by_the_titles_the_press_gives(
    text: str, lang: Language, title: str
) -> None:
    assert [m.person.title for m in find_mentions(text, lang)] == [title]
