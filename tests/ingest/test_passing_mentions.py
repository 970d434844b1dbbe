"""Countries named in passing (issue 12): a country a travel sentence names, but not where
a word of travel sends the traveller, is no stop unless the article says something else of
it. Invented articles after the lead of a state visit to Japan; each row fails without its
rule (`itinerary.drop_passing_mentions`, `itinerary._moved_to`)."""

from __future__ import annotations

import pytest

from tests.support.reading import TOKYO_LEAD_EN, TOKYO_LEAD_VI, legs_of


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        # the plane's destination is Japan; the tariffs and the war are only talked of
        (
            "en",
            TOKYO_LEAD_EN + "The trip, planned for months as both countries brace for new tariffs "
            "and the fallout of the fighting in Ukraine, is his first abroad this year.",
        ),
        (
            "vi",
            TOKYO_LEAD_VI + "Chuyến thăm diễn ra trong bối cảnh nhiều thành phố của U-crai-na "
            "vừa hứng chịu các đợt tấn công bằng tên lửa.",
        ),
    ],
)
def test_a_country_named_in_passing_is_no_stop(lang: str, body: str) -> None:
    assert legs_of(body, lang) == ["JP"]


def test_a_summit_others_held_before_is_no_stop() -> None:
    """ "his first trip since A and B ended their summit in Hanoi": the summit is what the
    time runs from, and its country no stop of this trip."""
    body = TOKYO_LEAD_EN + (
        "It is his first trip abroad since U.S. President John Smith and North Korean leader "
        "Kim Jong Un ended their second summit in Hanoi last month."
    )
    assert legs_of(body, "en") == ["JP"]


@pytest.mark.parametrize(
    ("lang", "body", "legs"),
    [
        # right after a word of travel: where the traveller goes
        ("en", TOKYO_LEAD_EN + "He will finish the trip in Oman on Friday.", ["JP", "OM"]),
        ("vi", TOKYO_LEAD_VI + "Chặng cuối của chuyến công du là Ô-man.", ["JP", "OM"]),
        # where the traveller came from
        (
            "en",
            "President Ivan Petrov of Ruritania, who arrived from Seoul on Sunday, held talks "
            "in Tokyo on Monday during a state visit to Japan.",
            ["KR", "JP"],
        ),
        # a sentence opening on the place, the traveller its subject
        (
            "en",
            TOKYO_LEAD_EN + "In Singapore, he will hold talks on Friday as part of the same tour.",
            ["JP", "SG"],
        ),
        # a leg called off is a leg of the trip
        (
            "en",
            TOKYO_LEAD_EN + "On Tuesday he called off the Malaysia and Singapore legs of his "
            "Asian tour.",
            ["JP", "MY", "SG"],
        ),
    ],
)
def test_a_country_a_word_of_travel_sends_the_traveller_to_stays(
    lang: str, body: str, legs: list[str]
) -> None:
    assert legs_of(body, lang) == legs


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            TOKYO_LEAD_EN + "The tour was nearly called off last week after missiles struck army "
            "bases in Iraq, officials said.",
        ),
        (
            "en",
            TOKYO_LEAD_EN + "The trip had almost been scrapped after a rocket attack on a base in "
            "Iraq.",
        ),
        (
            "vi",
            TOKYO_LEAD_VI + "Chuyến thăm suýt bị hủy sau khi tên lửa bắn vào căn cứ quân sự "
            "ở I-rắc.",
        ),
    ],
)
def test_a_trip_nearly_called_off_went_ahead(lang: str, body: str) -> None:
    """ "nearly called off", "suýt bị hủy": no cancellation, so the country the sentence
    names in passing is no stop either."""
    assert legs_of(body, lang) == ["JP"]
