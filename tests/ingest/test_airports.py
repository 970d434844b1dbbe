"""Airports named beside an airport word are places in their country, from the
airportsdata table; the same names without the word are not."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.ingest.places import find_places
from calendar_svc.ingest.places.airports import airports, aliases, normal
from tests.support.reading import read_article


def _airports(text: str, lang: str = "en") -> list[tuple[str, str]]:
    return [
        (m.text, m.place.country_code)
        for m in find_places(text, lang)  # type: ignore[arg-type]
        if m.place.kind == "airport"
    ]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("The plane touched down at Zurich airport.", "en", ("Zurich airport", "CH")),
        ("He landed at Ben Gurion International Airport.", "en",
         ("Ben Gurion International Airport", "IL")),
        ("Đoàn đã tới sân bay Zurich lúc 22 giờ.", "vi", ("sân bay Zurich", "CH")),
        ("Chuyên cơ hạ cánh xuống sân bay quốc tế Soekarno-Hatta.", "vi",
         ("sân bay quốc tế Soekarno-Hatta", "ID")),
        # an airport's own name beats another's part: "Bole" is Addis Ababa's
        ("He flew into Bole airport on Friday.", "en", ("Bole airport", "ET")),
        # a name with the city first is known by the rest of it too ("Paris-Orly")
        ("Ông rời sân bay Orly.", "vi", ("sân bay Orly", "FR")),
        # initials however spaced ("O. R. Tambo International Airport")
        ("They met at OR Tambo International Airport.", "en",
         ("OR Tambo International Airport", "ZA")),
        # the table's "Leon M Ba" is the press's "Léon Mba" (M'ba), not Spain's León
        ("Chuyên cơ hạ cánh xuống sân bay quốc tế Léon Mba khoảng 19h.", "vi",
         ("sân bay quốc tế Léon Mba", "GA")),
        ("He landed at Leon Mba International Airport.", "en",
         ("Leon Mba International Airport", "GA")),
    ],
)  # fmt: skip
def test_an_airport_beside_its_word_is_a_place(text: str, lang: str, want: tuple[str, str]) -> None:
    assert _airports(text, lang) == [want]


@pytest.mark.parametrize(
    "text",
    [
        "Ben Gurion was Israel's first prime minister.",  # no airport word: a man
        "Ông Zurich phát biểu tại hội nghị.",
        "He told reporters at the airport that talks went well.",  # no name
    ],
)
def test_a_name_without_an_airport_word_is_no_airport(text: str) -> None:
    assert _airports(text, "vi" if "Ông" in text else "en") == []


def test_a_city_already_read_keeps_its_mention() -> None:
    # "Tokyo" is an indexed city: the airport adds the part not yet read
    assert [(m.text, m.place.kind) for m in find_places("at Tokyo's Haneda airport", "en")] == [
        ("Tokyo", "city"),
        ("Haneda airport", "airport"),
    ]


def test_aliases_rank_own_name_before_city_before_parts() -> None:
    got = aliases("Leonardo Da Vinci (Fiumicino) International Airport", "Rome")
    assert got == {"leonardo da vinci": 0, "rome": 1, "fiumicino": 2}
    assert aliases("London Heathrow Airport", "London") == {
        "london heathrow": 0,
        "london": 1,
        "heathrow": 2,
    }


def test_a_name_two_countries_share_equally_is_no_ones() -> None:
    # "San Jose" is a city with an airport in the United States and in Costa Rica
    assert "san jose" not in airports()
    assert normal("Tokyo's Haneda") == "tokyo haneda"


def test_an_arrival_at_an_airport_is_the_leg_it_begins() -> None:
    body = (
        "Thủ tướng Phạm Minh Chính thăm chính thức Ba Lan từ ngày 15-18/1. Tối 20/1, Thủ "
        "tướng và đoàn đã tới sân bay Zurich, bắt đầu chuyến công tác dự Hội nghị WEF Davos."
    )
    facts = read_article(body, "vi", date(2025, 1, 21))
    assert [leg.value for leg in facts.itinerary] == ["PL", "CH"]
