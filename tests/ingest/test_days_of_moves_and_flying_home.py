"""The day of a move is the one told beside its verb, even when another clause tells the
hour of that day ("arrived in South Africa on Friday after visiting Rwanda on Thursday and
Friday morning"); "before flying home" / "before flying back to Paris" after the day's
last engagement is the way home that day (issue 12). Invented articles; each test fails
without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import read_article

SATURDAY = date(2021, 5, 29)


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        (
            "Ruritanian President Ivan Petrov arrived in South Africa on Friday after visiting "
            "Rwanda on Thursday and Friday morning.",
            date(2021, 5, 28),
        ),
        (
            "Ruritanian President Ivan Petrov arrived in South Africa on Friday after visiting "
            "Rwanda on Thursday.",
            date(2021, 5, 28),
        ),
    ],
)
def test_a_moves_day_is_the_one_told_beside_it(sentence: str, day: date) -> None:
    facts = read_article(sentence, "en", SATURDAY)
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [("ZA", day)]


@pytest.mark.parametrize(
    ("sentence", "returns"),
    [
        (
            "Ruritanian President Ivan Petrov visited the Mandela Foundation in Johannesburg on "
            "Saturday, the last engagement of his trip to South Africa, before flying home.",
            [SATURDAY],
        ),
        (
            "Chilean President Ivan Petrov visited a clinic in Johannesburg on Saturday, the "
            "last stop of his visit to South Africa, before flying back to Santiago.",
            [SATURDAY],
        ),
        # a day read backwards, before the day of the last engagement: untold (review)
        (
            "Chilean President Ivan Petrov visited a clinic in Johannesburg on Saturday, the "
            "last stop of his visit to South Africa, before flying back to Santiago via Sao "
            "Paulo on Sunday.",
            [None],
        ),
        # told as a plan, it stays a plan
        (
            "Ruritanian President Ivan Petrov will visit a clinic in Johannesburg on Saturday, "
            "the last stop of his visit to South Africa, before flying home.",
            [],
        ),
    ],
)
def test_before_flying_home_after_the_last_engagement_is_the_way_home(
    sentence: str, returns: list[date]
) -> None:
    facts = read_article(sentence, "en", SATURDAY)
    assert [r.value for r in facts.returns] == returns


@pytest.mark.parametrize(
    ("sentence", "legs"),
    [
        (
            "Cuban President Ivan Petrov left Havana on Wednesday on a tour of Algeria, Russia, "
            "Turkey and China that officials say is aimed at easing fuel shortages.",
            ["DZ", "RU", "TR", "CN"],
        ),
        (
            "Cuban President Ivan Petrov left Havana on Wednesday on a visit of three days to "
            "Algeria.",
            ["DZ"],
        ),
        # a country's own tour is no one going there
        ("Cuban President Ivan Petrov praised the tour of Algeria's national ballet.", []),
    ],
)
def test_a_tour_of_countries_goes_to_each(sentence: str, legs: list[str]) -> None:
    facts = read_article(sentence, "en", date(2022, 11, 16))
    assert [s.value for s in facts.itinerary] == legs


@pytest.mark.parametrize(
    ("city", "kept"),
    [("Niu Oóc", False), ("Tô-ky-ô", True)],
)
def test_a_day_in_hanois_time_dates_no_landing_half_a_world_away(city: str, kept: bool) -> None:
    """ "Sáng 22/9 (giờ Việt Nam), Thủ tướng ... đã tới Niu Oóc": in New York it was the
    evening of the 21st, so the day told is no day of the stay (it was shown confirmed);
    two hours from Hanoi, in Tokyo, the day is the same there."""
    facts = read_article(
        f"Sáng 22/9 (giờ Việt Nam), Thủ tướng Trần Văn Hòa cùng đoàn đại biểu cấp cao Việt Nam "
        f"đã tới {city}, bắt đầu chuyến công tác.",
        "vi",
        date(2025, 9, 22),
    )
    assert [a.value.at.day for a in facts.arrivals] == ([date(2025, 9, 22)] if kept else [])


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        # far west of Hanoi, an early morning or a morning there is the day before
        ("arrived in Washington early on Wednesday, Việt Nam time", [date(2025, 11, 11)]),
        ("landed in Lima on the morning of Nov. 12 (Vietnam time)", [date(2025, 11, 11)]),
        # the whole day told, half a world away: no day of the stay there
        ("arrived in Lima on Nov. 12 (Vietnam time)", []),
        # with the clock, the place's own day: 3 a.m. in Hanoi is 9 p.m. the day before in
        # Paris, 11 p.m. is 11 a.m. the same day in New York
        ("arrived in Paris at 3 a.m. on Wednesday, Hanoi time", [date(2025, 11, 11)]),
        ("arrived in New York at 11 p.m. on Wednesday, Hà Nội time", [date(2025, 11, 12)]),
        # the clock told apart from the day: Hanoi's day, and no day there
        ("arrived in Havana at 9 a.m. Hanoi time on Wednesday", []),
        # the local day told first, and Hanoi's after it: the local one dates the landing
        (
            "arrived in Washington on Tuesday evening local time (Wednesday morning Hà Nội time)",
            [date(2025, 11, 11)],
        ),
        ("arrived in Tokyo early on Wednesday", [date(2025, 11, 12)]),
    ],
)
def test_a_day_in_hanois_time_in_english(sentence: str, days: list[date]) -> None:
    """English wire copy from Hanoi gives the day at home ("arrived in Washington early on
    Wednesday, Việt Nam time"): it had been shown confirmed as the day of arrival there; it
    is the day there when the clock or the part of the day tells it."""
    facts = read_article(
        f"Party General Secretary Trần Văn Hòa {sentence}, beginning an official visit.",
        "en",
        date(2025, 11, 12),
    )
    assert [a.value.at.day for a in facts.arrivals] == days


def test_a_small_hours_landing_in_hanois_time_is_the_evening_before_there() -> None:
    """ "Rạng sáng 23/9 (giờ Việt Nam), ... đã đến ... Niu Oóc": before dawn in Hanoi is the
    evening of the 22nd in New York (the whole visit had been lost)."""
    facts = read_article(
        "Rạng sáng 23/9 (giờ Việt Nam), Chủ tịch nước Trần Văn Hòa đã đến sân bay quốc tế "
        "John F. Kennedy, thành phố Niu Oóc, bắt đầu chuyến công tác tại Hoa Kỳ.",
        "vi",
        date(2025, 9, 23),
    )
    assert [a.value.at.day for a in facts.arrivals] == [date(2025, 9, 22)]


def test_the_next_legs_day_after_an_ending_is_not_the_end() -> None:
    body = (
        "Thủ tướng Trần Văn Hòa sẽ dự Hội nghị COP21 tại Pa-ri, Pháp, rồi thăm làm việc Bỉ. "
        "Tối 1/12 (giờ địa phương), Thủ tướng Trần Văn Hòa đã tới sân bay quân sự Brussels, "
        "kết thúc tốt đẹp chuyến tham dự Hội nghị COP21 tại Pa-ri và bắt đầu chuyến thăm làm "
        "việc tại Vương quốc Bỉ và Liên minh châu Âu (EU) ngày 2/12."
    )
    facts = read_article(body, "vi", date(2015, 12, 2))
    ends = [(c.value.country_code, c.value.on) for c in facts.conclusions]
    assert ("FR", date(2015, 12, 2)) not in ends
    assert "FR" in [code for code, _ in ends]
