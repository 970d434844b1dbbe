"""Days told by their distance from a day named before them (`dates.relative`): "the next
day", "a day earlier", "tối hôm trước", "ngày hôm sau", read against the last single day
before them in the sentence, else the last of the sentence before. Each test fails if
its rule changes."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.language import Language
from calendar_svc.ingest.dates import find_dates
from calendar_svc.ingest.dates.relative import relative_days
from calendar_svc.ingest.lexicon.dates import DayPart
from tests.support.reading import read_article

REF = date(2024, 7, 4)


def _days(text: str, lang: Language) -> list[tuple[str, date]]:
    found = relative_days(text, lang, find_dates(text, lang, REF))
    return [(d.text, d.start) for d in found]


@pytest.mark.parametrize(
    ("text", "lang", "told"),
    [
        pytest.param(
            "He will attend the summit in Asuncion on July 8 and travel the following day "
            "to Bolivia.",
            "en",
            [("July 8", date(2024, 7, 8)), ("the following day", date(2024, 7, 9))],
            id="the-following-day",
        ),
        pytest.param(
            "He landed on July 10 and held talks a day later.",
            "en",
            [("July 10", date(2024, 7, 10)), ("a day later", date(2024, 7, 11))],
            id="a-day-later",
        ),
        pytest.param(
            "He held talks on July 10, having arrived a day earlier.",
            "en",
            [("July 10", date(2024, 7, 10)), ("a day earlier", date(2024, 7, 9))],
            id="a-day-earlier",
        ),
        pytest.param(
            "He spoke on July 10, the day before the summit.",
            "en",
            [("July 10", date(2024, 7, 10))],
            id="the-day-before-an-event-is-no-day",
        ),
        pytest.param(
            "Ngày 15/2, ông tới Ca-ta tối hôm trước.",
            "vi",
            [("Ngày 15/2", date(2024, 2, 15)), ("tối hôm trước", date(2024, 2, 14))],
            id="toi-hom-truoc",
        ),
        pytest.param(
            "Ông tới Hà Nội ngày 3/7 và sáng hôm sau hội đàm.",
            "vi",
            [("ngày 3/7", date(2024, 7, 3)), ("sáng hôm sau", date(2024, 7, 4))],
            id="sang-hom-sau",
        ),
        pytest.param(
            "Ông tới Hà Nội ngày 3/7, một ngày sau khi hội nghị bế mạc.",
            "vi",
            [("ngày 3/7", date(2024, 7, 3))],
            id="mot-ngay-sau-khi-is-an-event-s",
        ),
        pytest.param(
            "The visit runs from July 8 to 10 and the next day he flies home.",
            "en",
            [("from July 8 to 10", date(2024, 7, 8))],
            id="no-reading-against-a-range",
        ),
        pytest.param("The next day he flew home.", "en", [], id="no-day-before"),
        pytest.param(
            "He arrived on July 8, met the king on July 10 and left the next day.",
            "en",
            [
                ("July 8", date(2024, 7, 8)),
                ("July 10", date(2024, 7, 10)),
                ("the next day", date(2024, 7, 11)),
            ],
            id="against-the-last-day-before",
        ),
    ],
)
def test_relative_days(text: str, lang: Language, told: list[tuple[str, date]]) -> None:
    assert _days(text, lang) == told


def test_the_part_of_the_day_is_the_phrases() -> None:
    text = "Ngày 15/2, ông tới Ca-ta tối hôm trước."
    found = relative_days(text, "vi", find_dates(text, "vi", REF))
    assert found[-1].day_part is DayPart.EVENING


def test_a_sentence_opening_with_the_next_day_reads_it_against_the_sentence_before() -> None:
    """ "... landed in Dushanbe on June 28. The next day he flew on to Ashgabat." """
    body = (
        "President Ivan Petrov of Ruritania landed in Dushanbe, Tajikistan, on June 28 for "
        "talks. The next day he arrived in Ashgabat, Turkmenistan."
    )
    facts = read_article(body, "en", date(2022, 6, 30))
    arrivals = [(a.value.country_code, a.value.at.day) for a in facts.arrivals]
    assert ("TM", date(2022, 6, 29)) in arrivals
