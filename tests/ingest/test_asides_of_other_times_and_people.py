"""Sentences of a trip report that name a country the traveller is not going to (issue
12): "he" opening a sentence after one that opened on another leader, an aide who went
ahead, an earlier visit recalled with what was signed there, months named at a clause's
head ("Tháng 5 vừa qua, ...; tháng 11, ..."), a visit made days before a trip still ahead,
a summit the traveller is only weighing, and a meeting counted among earlier ones.
Invented articles; each row fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.values import VisitType
from calendar_svc.ingest.people import same_in_article
from tests.support.reading import MOSCOW_DAY as MONDAY
from tests.support.reading import MOSCOW_LEAD_EN as EN_LEAD
from tests.support.reading import MOSCOW_LEAD_VI as VI_LEAD
from tests.support.reading import moscow_legs as _legs
from tests.support.reading import read_article

#: A trip still ahead on MONDAY, told first.
EN_AHEAD = "Chilean President Ivan Petrov will fly to Russia on Thursday for a state visit. "


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "en",
            EN_LEAD + "Turkish President Mehmet Yilmaz, another guest of the Kremlin this "
            "week, spoke at the forum on Monday. He is due in Cairo on Wednesday on his first "
            "visit to Egypt in a decade.",
            id="he-after-another-leader",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Cố vấn đặc biệt của ông là Carlos Ruiz đã tới Bắc Kinh hôm 17/3.",
            id="co-van-went-ahead",
        ),
        pytest.param(
            "en",
            EN_LEAD + "Earlier, his foreign policy adviser flew to Beijing to prepare the ground.",
            id="his-envoy-went-ahead",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Tháng 5 vừa qua, tại Xô-chi, ông nêu một kế hoạch kinh tế; tháng 9, ông "
            "tới Vla-đi-vô-xtốc dự một diễn đàn; tháng 11, hai nhà lãnh đạo lại gặp nhau bên lề "
            "Hội nghị cấp cao APEC tại Li-ma.",
            id="months-heading-clauses",
        ),
        pytest.param(
            "en",
            EN_AHEAD + "On Saturday he made a one-day working visit to Vienna, holding talks "
            "with the Austrian chancellor.",
            id="visit-made-before-a-trip-ahead",
        ),
        pytest.param(
            "en",
            EN_LEAD + "Officials say Petrov is weighing whether to attend the NATO summit in "
            "The Hague next week.",
            id="weighing-whether",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Ông Petrov đang cân nhắc việc có tham dự Hội nghị NATO tại La Hay vào "
            "tuần tới hay không.",
            id="can-nhac-co-tham-du",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Chuyến thăm là lần thứ ba ông Petrov gặp Tổng thống Nga trong một tháng, "
            "sau cuộc gặp bên lề Đại hội đồng Liên hợp quốc và cuộc hội đàm tại Nhà Trắng.",
            id="lan-thu-ba-sau-cuoc-gap",
        ),
    ],
)
def test_no_leg_from_others_or_other_times(lang: str, body: str) -> None:
    assert _legs(body, lang) == ["RU"]


def test_what_was_signed_on_an_earlier_visit_is_no_engagement_now() -> None:
    body = (
        VI_LEAD + "Tháng 1/2016, ông Petrov đã thăm I-ta-li-a và Pháp, ký kết các hợp đồng kinh "
        "tế trị giá hàng tỷ euro."
    )
    assert read_article(body, "vi", MONDAY).engagements == []


def test_an_arrival_before_a_trip_ahead_is_its_first_stop() -> None:
    """ "He arrived in Beijing on Saturday" beside "will fly to Russia on Thursday": there
    already, not on an earlier journey."""
    body = EN_AHEAD + "He arrived in Beijing on Saturday and attended a summit there."
    assert set(_legs(body, "en")) == {"CN", "RU"}


def test_the_end_of_a_name_is_the_same_person() -> None:
    assert same_in_article("Al Sisi", "Abdel Fattah Al Sisi")
    assert not same_in_article("Abdel Fattah", "Abdel Fattah Al Sisi")
    assert not same_in_article("Fattah Al", "Abdel Fattah Al Sisi")


def test_a_form_the_table_gives_the_same_holder_is_the_same_person_in_an_article() -> None:
    """ "Giô-cô Uy-đô-đô (Joko Widodo)" is read as Joko Widodo; "Uy-đô-đô" is him after."""
    assert same_in_article("Uy-đô-đô", "Joko Widodo")
    assert same_in_article("Joko Widodo", "Uy-đô-đô")
    assert not same_in_article("Uy-đô-đô", "Ivan Petrov")


def test_the_lead_of_a_traveller_named_in_both_spellings_is_his() -> None:
    body = (
        "Trưa 25/10, Tổng thống In-đô-nê-xi-a Giô-cô Uy-đô-đô (Joko Widodo) đã tới Oa-sinh-tơn, "
        "bắt đầu chuyến thăm cấp nhà nước tới Mỹ. Chiều cùng ngày, Tổng thống Uy-đô-đô gặp "
        "kiều bào In-đô-nê-xi-a tại Mỹ."
    )
    facts = read_article(body, "vi", date(2015, 10, 26))
    assert facts.principal is not None and facts.principal.value.name == "Joko Widodo"
    assert [t.value for t in facts.visit_types] == [("US", VisitType.STATE)]


@pytest.mark.parametrize(
    ("lang", "body", "legs"),
    [
        pytest.param(
            "en",
            "Chilean President Ivan Petrov with his special envoy Carlos Ruiz arrived in Moscow "
            "on Monday for a state visit to Russia.",
            ["RU"],
            id="with-his-envoy",
        ),
        pytest.param(
            "vi",
            "Chiều 20/3, Tổng thống Chi-lê Ivan Petrov cùng cố vấn an ninh quốc gia đã tới "
            "Mát-xcơ-va, bắt đầu chuyến thăm cấp Nhà nước Liên bang Nga.",
            ["RU"],
            id="cung-co-van",
        ),
        pytest.param(
            "en",
            EN_LEAD.replace(". ", ", as Washington weighs whether to impose new sanctions."),
            ["RU"],
            id="weighs-whether-not-to-go",
        ),
        pytest.param(
            "en",
            EN_LEAD + "Russian President Vladimir Putin hosted him at the Kremlin on Monday "
            "evening. He is due in Minsk on Wednesday for talks.",
            ["RU", "BY"],
            id="he-after-the-host",
        ),
        pytest.param(
            "en",
            EN_LEAD + "Russian President Vladimir Putin hosted a state dinner at the Kremlin on "
            "Monday evening. He is due in Minsk on Wednesday for talks.",
            ["RU", "BY"],
            id="he-after-a-hosting-sentence",
        ),
        pytest.param(
            "en",
            EN_LEAD + "Russian President Vladimir Putin said the talks with him had gone well. "
            "He is due in Minsk on Wednesday for talks.",
            ["RU", "BY"],
            id="he-after-a-sentence-about-him",
        ),
        pytest.param(
            "en",
            "Chilean President Ivan Petrov will arrive in Moscow on Thursday, the last leg of "
            "his tour. He paid a state visit to Kazakhstan on Saturday and Sunday before flying "
            "on to Uzbekistan.",
            ["KZ", "UZ", "RU"],
            id="a-tours-earlier-legs",
        ),
        pytest.param(
            "en",
            "Chilean President Ivan Petrov will arrive in Moscow on Thursday, the last leg of "
            "his tour. He paid a state visit to Kazakhstan on Saturday and Sunday.",
            ["KZ", "RU"],
            id="a-tours-earlier-leg-told-alone",
        ),
        pytest.param(
            "en",
            "Chilean President Ivan Petrov will arrive in Moscow on Thursday. He paid a state "
            "visit to Kazakhstan on Saturday and Sunday before flying on to Uzbekistan.",
            ["KZ", "UZ", "RU"],
            id="a-leg-told-with-the-move-on",
        ),
        pytest.param(
            "en",
            EN_AHEAD.replace(". ", ", his office said on Sunday. ") + "On Saturday he made a "
            "one-day working visit to Vienna, holding talks with the Austrian chancellor.",
            ["RU"],
            id="visit-before-a-trip-ahead-said-the-day-before",
        ),
    ],
)
def test_the_travellers_own_legs_stay(lang: str, body: str, legs: list[str]) -> None:
    """What the rules above must not take: the traveller moving with an aide, a choice
    weighed by others, "he" after a host who received him, a tour's legs before its last."""
    assert _legs(body, lang) == legs
