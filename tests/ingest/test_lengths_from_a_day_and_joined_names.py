"""A stay's length counted from a day ("kéo dài 4 ngày, từ 31/10") dates the leg, and the
day after "từ" is not the day a visit ended; a transliteration run together ("Braxin",
"Mátxcơva") is the hyphenated name; a "chiều tối" landing is an evening one (issue 12).
Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.values import DateWindow
from calendar_svc.ingest.places import find_places
from calendar_svc.reference.countries import written_names
from calendar_svc.reference.orthography import run_together
from tests.support.reading import fold_articles, read_article

FRIDAY = date(2023, 11, 3)


@pytest.mark.parametrize(
    ("sentence", "lang", "window"),
    [
        (
            "Chiều 3/11, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã rời Mombasa, kết thúc chuyến "
            "thăm cấp Nhà nước Kenya kéo dài 4 ngày, từ 31/10.",
            "vi",
            DateWindow(date(2023, 10, 31), date(2023, 11, 3)),
        ),
        (
            "Ruritanian President Ivan Petrov left Mombasa on Friday, ending a four-day state "
            "visit to Kenya starting on Oct. 31.",
            "en",
            DateWindow(date(2023, 10, 31), date(2023, 11, 3)),
        ),
        # told as a plan, the days are the hosts' and may move: a plan, not a range
        (
            "Ruritanian President Ivan Petrov will make a four-day state visit to Kenya "
            "starting on Nov. 6, the foreign ministry said.",
            "en",
            None,
        ),
        # the day after ";" is the next clause's (review)
        (
            "Ruritanian President Ivan Petrov left Nairobi on Friday, ending a four-day visit "
            "to Kenya; from Nov. 4 he will be in Tanzania.",
            "en",
            None,
        ),
        # a length with no day it counts from says nothing of which days
        (
            "Ruritanian President Ivan Petrov left Mombasa on Friday, ending a four-day state "
            "visit to Kenya.",
            "en",
            None,
        ),
    ],
)
def test_a_length_counted_from_a_day_dates_the_leg(
    sentence: str, lang: str, window: DateWindow | None
) -> None:
    facts = read_article(sentence, lang, FRIDAY)
    got = [w.value for w in facts.leg_windows]
    assert got == ([] if window is None else [("KE", window)])


def test_a_move_to_a_second_city_does_not_restart_the_leg() -> None:
    """The announcement states the days; the closing report counts four from the 31st and
    also tells of the move to Mombasa on the 2nd: the leg still began on the 31st."""
    announced = (
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ thăm cấp Nhà nước Kenya từ ngày 31/10 đến "
        "ngày 3/11 theo lời mời của Tổng thống William Ruto."
    )
    closing = (
        "Chiều 3/11, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã rời Mombasa, kết thúc chuyến "
        "thăm cấp Nhà nước Kenya kéo dài 4 ngày, từ 31/10. Ông Petrov tới Mombasa từ ngày "
        "2/11 sau hai ngày ở thủ đô Nairobi."
    )
    trip = fold_articles((announced, "vi", date(2023, 10, 20)), (closing, "vi", FRIDAY))
    [leg] = trip.legs
    assert (leg.country_code, leg.start_date, leg.end_date) == (
        "KE",
        date(2023, 10, 31),
        date(2023, 11, 3),
    )


@pytest.mark.parametrize(
    ("sentence", "ended"),
    [
        # "từ ngày 18/10": the visit since the 18th, ended with the move on the 20th
        (
            "Sáng 20/10, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Helsinki, bắt đầu chuyến "
            "thăm chính thức Phần Lan, sau khi kết thúc chuyến thăm chính thức Thụy Điển từ "
            "ngày 18/10.",
            None,
        ),
        (
            "Ngày 19/10, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã kết thúc chuyến thăm chính "
            "thức Thụy Điển.",
            date(2015, 10, 19),
        ),
        # "từ" with no later day: when the move was (review)
        (
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã kết thúc chuyến thăm chính thức Thụy Điển "
            "từ ngày 20/10, sớm hơn dự kiến.",
            date(2015, 10, 20),
        ),
    ],
)
def test_the_day_a_visit_ran_from_is_not_its_end(sentence: str, ended: date | None) -> None:
    facts = read_article(sentence, "vi", date(2015, 10, 20))
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions] == [("SE", ended)]


@pytest.mark.parametrize(
    ("written", "joined"),
    [
        ("Bra-xin", "Braxin"),
        ("Ác-hen-ti-na", "Áchentina"),
        ("Mát-xcơ-va", "Mátxcơva"),
        ("Ghi-nê Bít-xao", "Ghinê Bítxao"),
        ("Guinea-Bissau", "Guinea-Bissau"),  # two names joined, not one name's syllables
    ],
)
def test_run_together_joins_only_syllables(written: str, joined: str) -> None:
    assert run_together(written) == joined


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tổng thống tới Braxin hôm qua.", [("Braxin", "BR")]),
        ("Đoàn đã tới Mátxcơva chiều 12/5.", [("Mátxcơva", "RU")]),
        ("Ông sẽ thăm Áchentina và Urugoay.", [("Áchentina", "AR"), ("Urugoay", "UY")]),
    ],
)
def test_a_transliteration_run_together_is_found(text: str, found: list[tuple[str, str]]) -> None:
    got = [(m.text, m.place.country_code) for m in find_places(text, "vi")]
    assert got == found


def test_a_country_run_together_after_a_title_is_whom_the_title_serves() -> None:
    """ "Tổng thống Braxin Dilma Rousseff": the President of Brazil, not a Mr Braxin."""
    assert "Braxin" in written_names()
    body = (
        "Chiều 17/10, Tổng thống Braxin Dilma Rousseff đã tới Stockholm, bắt đầu chuyến "
        "thăm chính thức Thụy Điển."
    )
    facts = read_article(body, "vi", date(2015, 10, 18))
    assert facts.principal is not None
    assert (facts.principal.value.name, facts.home) == ("Dilma Rousseff", "BR")


@pytest.mark.parametrize(
    ("part", "start"),
    [
        # landed at dusk on the eve of the day the visit was due: the programme's day
        ("chiều tối", date(2015, 10, 18)),
        ("tối", date(2015, 10, 18)),
        # an afternoon landing is a day of the stay
        ("chiều", date(2015, 10, 17)),
    ],
)
def test_a_landing_at_dusk_on_the_eve_is_the_programmes_day(part: str, start: date) -> None:
    announced = "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ tới Stockholm ngày 18/10."
    arrived = (
        f"Tổng thống Ru-ri-ta-ni-a Ivan Petrov và đoàn đã tới Stockholm vào {part} 17/10, "
        "bắt đầu chuyến thăm chính thức Thụy Điển."
    )
    trip = fold_articles((announced, "vi", date(2015, 10, 14)), (arrived, "vi", date(2015, 10, 18)))
    [leg] = trip.legs
    assert leg.start_date == start


@pytest.mark.parametrize(
    ("sentence", "measured"),
    [
        # the journey's length, whatever is said of where it goes between
        (
            "Ngày 12/11, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Tokyo, điểm dừng chân đầu "
            "tiên trong chuyến công du 4 nước châu Á - Thái Bình Dương kéo dài một tuần.",
            [(None, 7)],
        ),
        (
            "Ngày 12/11, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Tokyo, bắt đầu chuyến thăm "
            "Nhật Bản kéo dài ba ngày.",
            [("JP", 3)],
        ),
        # a trip to visit one country, its length (review)
        (
            "Ngày 12/11, Tổng thống Ru-ri-ta-ni-a Ivan Petrov bắt đầu chuyến đi thăm chính thức "
            "Nhật Bản kéo dài 3 ngày, sau đó sẽ sang Hàn Quốc.",
            [("JP", 3)],
        ),
    ],
)
def test_a_journeys_length_is_no_legs(
    sentence: str, measured: list[tuple[str | None, int]]
) -> None:
    facts = read_article(sentence, "vi", date(2018, 11, 12))
    assert [d.value for d in facts.leg_durations] == measured
