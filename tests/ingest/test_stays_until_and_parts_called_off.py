"""A stay's planned last day told on its own ("the Kenya visit runs until Thursday",
"chuyến thăm Kenya kéo dài đến ngày 16/11"), a tour's range told beside its first visit,
a day's programme called off (the visit cut short, not called off), and a move told by
where it heads from a sentence already set abroad (issue 12, the itinerary model).
Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.values import Certainty
from tests.support.reading import fold_articles, read_article

TUESDAY = date(2023, 11, 14)


def _plans(body: str, lang: str, published: date = TUESDAY) -> list[tuple[str, str, date]]:
    facts = read_article(body, lang, published)
    return [(p.value.leg, p.value.edge, p.value.day) for p in facts.plans]


_OPENING_EN = (
    "NAIROBI -- Chilean President Ivan Petrov held talks with Kenyan President William "
    "Ruto in Nairobi on Tuesday, opening a state visit to Kenya. He will then travel to "
    "Tanzania and Senegal. "
)
_OPENING_VI = (
    "Nai-rô-bi (TTXVN) - Ngày 14/11, Tổng thống Chi-lê Ivan Petrov đã hội đàm với Tổng "
    "thống Kenya William Ruto tại Nai-rô-bi, mở đầu chuyến thăm cấp Nhà nước Kenya. Sau Kenya, "
    "ông sẽ lần lượt thăm Tanzania và Xê-nê-gan. "
)


@pytest.mark.parametrize(
    ("body", "lang", "plan"),
    [
        ("The Kenya visit runs until Thursday.", "en", ("KE", "end", date(2023, 11, 16))),
        ("He will stay in Kenya until Thursday.", "en", ("KE", "end", date(2023, 11, 16))),
        (
            "The final stage, in Senegal, is due to end on Nov. 23.",
            "en",
            ("SN", "end", date(2023, 11, 23)),
        ),
        (
            "Theo chương trình, chuyến thăm Kenya kéo dài đến ngày 16/11.",
            "vi",
            ("KE", "end", date(2023, 11, 16)),
        ),
        (
            "Chặng cuối tại Xê-nê-gan dự kiến kết thúc ngày 23/11.",
            "vi",
            ("SN", "end", date(2023, 11, 23)),
        ),
    ],
)
def test_a_stay_said_to_last_until_a_day_plans_its_end(
    body: str, lang: str, plan: tuple[str, str, date]
) -> None:
    opening = _OPENING_EN if lang == "en" else _OPENING_VI
    assert plan in _plans(opening + body, lang)


def test_an_event_that_ends_on_a_day_is_not_the_stay() -> None:
    """ "He will stay in Kenya through the forum, which ends on Thursday": the forum's
    last day, not the stay's (the delegation may leave the day after)."""
    plans = _plans(
        _OPENING_EN + "He will stay in Kenya through the business forum, which ends on Thursday.",
        "en",
    )
    assert not [p for p in plans if p[1] == "end"]


def test_a_tours_range_beside_its_first_visit_is_the_tours() -> None:
    """ "mở đầu chuyến thăm cấp Nhà nước Kenya và chuyến công du 4 nước châu Phi kéo dài từ
    ngày 14-23/11": the four-nation tour's days, not Kenya's."""
    facts = read_article(
        "Ngày 14/11, Tổng thống Chi-lê Ivan Petrov đã hội đàm với Tổng thống Kenya William "
        "Ruto tại Nai-rô-bi, mở đầu chuyến thăm cấp Nhà nước Kenya và chuyến công du 4 nước châu "
        "Phi kéo dài từ ngày 14-23/11. Sau Kenya, ông sẽ lần lượt thăm Tanzania, Cáp Ve và "
        "Xê-nê-gan.",
        "vi",
        TUESDAY,
    )
    assert [w.value for w in facts.leg_windows] == []
    assert facts.trip_window is not None
    assert facts.trip_window.value.end == date(2023, 11, 23)


@pytest.mark.parametrize(
    ("body", "lang", "published"),
    [
        (
            "Ngày 20/11, Tổng thống Chi-lê Ivan Petrov đã tới Praia, bắt đầu chuyến thăm cấp "
            "Nhà nước Cáp Ve. Phủ Tổng thống Cáp Ve ngày 21/11 cho biết các hoạt động dự kiến "
            "trong ngày 21/11 thuộc chuyến thăm cấp Nhà nước của Tổng thống Chi-lê Ivan Petrov "
            "đã bị hủy và chuyến thăm kết thúc sớm hơn kế hoạch.",
            "vi",
            date(2023, 11, 21),
        ),
        (
            "Chilean President Ivan Petrov was in Cabo Verde on Nov. 20, where the "
            "presidency said the second day of his programme was cancelled and the visit ended "
            "early.",
            "en",
            date(2023, 11, 24),
        ),
        (
            "Chilean President Ivan Petrov arrived in Praia on Monday for a state visit to Cabo "
            "Verde. His activities planned for Tuesday were cancelled and the visit ended early.",
            "en",
            date(2023, 11, 21),
        ),
    ],
)
def test_a_days_programme_called_off_is_no_visit_called_off(
    body: str, lang: str, published: date
) -> None:
    assert read_article(body, lang, published).cancellations == []


def test_heading_on_from_a_place_abroad_is_no_leaving_home() -> None:
    """ "toured Nairobi National Park on Wednesday and visited a school on Thursday before
    leaving for Tanzania", in an article that named Tanzania first: the traveller left
    Kenya, not home."""
    facts = read_article(
        "DAR ES SALAAM -- Chilean President Ivan Petrov wrapped up his visit to Tanzania on "
        "Sunday. The tour began on Tuesday in Kenya. He held talks with President William "
        "Ruto, toured Nairobi National Park on Wednesday and visited a girls' school on "
        "Thursday before leaving for Tanzania.",
        "en",
        date(2023, 11, 19),
    )
    assert [d.value.place.country_code for d in facts.departures] == []


def test_a_plan_to_arrive_the_day_after_the_last_leg_ended_starts_the_next() -> None:
    """ "wrapped up his visit to Tanzania on Sunday ... On Monday he is due in Praia": Cabo
    Verde starts on Monday (inferred), not on the Sunday the flight left."""
    trip = fold_articles(
        (
            "DAR ES SALAAM -- Chilean President Ivan Petrov wrapped up his visit to Tanzania "
            "on Sunday and set off for the next stage of his tour. On Monday Petrov is due in "
            "Praia for a state visit to Cabo Verde.",
            "en",
            date(2023, 11, 19),
        ),
    )
    cabo_verde = next(leg for leg in trip.legs if leg.country_code == "CV")
    assert cabo_verde.start_date == date(2023, 11, 20)
    assert cabo_verde.start_certainty == Certainty.INFERRED


@pytest.mark.parametrize(
    ("body", "lang", "published", "plan"),
    [
        # told in a report, not as a plan: the stay's end is planned all the same
        (
            "HANOI -- Japanese Prime Minister Ivan Petrov arrived in Hanoi on Sunday night, "
            "beginning an official visit to Vietnam that will last until Tuesday.",
            "en",
            date(2025, 6, 2),
            ("VN", "end", date(2025, 6, 3)),
        ),
        (
            "HANOI -- German Chancellor Ivan Petrov, who is in Vietnam on an official visit "
            "until Friday, met Party General Secretary To Lam in Hanoi on Tuesday.",
            "en",
            date(2025, 11, 4),
            ("VN", "end", date(2025, 11, 7)),
        ),
        # the one visit of the article, not named in the sentence
        (
            "Tổng thống Hàn Quốc Ivan Petrov đã tới Hà Nội tối 10/8, bắt đầu chuyến thăm cấp Nhà "
            "nước Việt Nam. Chuyến thăm kéo dài đến ngày 13/8.",
            "vi",
            date(2025, 8, 11),
            ("VN", "end", date(2025, 8, 13)),
        ),
        (
            "Tổng thống Lào Ivan Petrov sẽ tới Hà Nội chiều 16/9, bắt đầu chuyến thăm hữu nghị "
            "chính thức Việt Nam đến hết ngày 18/9.",
            "vi",
            date(2025, 9, 15),
            ("VN", "end", date(2025, 9, 18)),
        ),
    ],
)
def test_a_stay_until_a_day_told_in_a_report_or_of_the_one_visit(
    body: str, lang: str, published: date, plan: tuple[str, str, date]
) -> None:
    assert plan in _plans(body, lang, published)


def test_a_summits_day_in_a_clause_of_its_own_is_ahead_and_not_the_arrivals() -> None:
    """ "arrived in The Hague on the eve of the NATO summit, which opens on Wednesday"
    (written on Tuesday): Wednesday is the summit's, ahead; read backward it dated the
    arrival a week early."""
    facts = read_article(
        "THE HAGUE -- Chilean President Ivan Petrov arrived in The Hague on the eve of the NATO "
        "summit, which opens on Wednesday, for a two-day visit to the Netherlands.",
        "en",
        date(2025, 6, 24),
    )
    assert [a.value.at.day for a in facts.arrivals if a.value.at.day < date(2025, 6, 23)] == []


def test_a_tour_of_a_region_from_one_day_to_another_is_the_tours() -> None:
    """ "a three-nation tour of Southeast Asia from Oct. 22 to 28, opening with a state
    visit to Indonesia ... before he attends the ASEAN summit": the tour's days, though a
    summit is attended after them."""
    facts = read_article(
        "PRETORIA -- Chilean President Ivan Petrov will make a three-nation tour of Southeast "
        "Asia from Oct. 22 to 28, opening with a state visit to Indonesia and taking in Vietnam "
        "before he attends the ASEAN summit in Kuala Lumpur, his spokesman said on Monday.",
        "en",
        date(2025, 10, 13),
    )
    assert facts.trip_window is not None
    assert (facts.trip_window.value.start, facts.trip_window.value.end) == (
        date(2025, 10, 22),
        date(2025, 10, 28),
    )


def test_a_summit_attended_at_the_end_of_a_range_clause_leaves_the_journeys_days() -> None:
    """ "will be away from Oct. 22 to 28, visiting Indonesia and Vietnam before he attends
    the ASEAN summit": the journey's days; only a clause the range opens with attending
    ("Trong hai ngày 9-10/9, ông dự ...") gives the summit's."""
    facts = read_article(
        "PRETORIA -- Chilean President Ivan Petrov will be away from Oct. 22 to 28, visiting "
        "Indonesia and Vietnam before he attends the ASEAN summit in Kuala Lumpur, his "
        "spokesman said on Monday.",
        "en",
        date(2025, 10, 13),
    )
    assert facts.trip_window is not None
    assert facts.trip_window.value.end == date(2025, 10, 28)
