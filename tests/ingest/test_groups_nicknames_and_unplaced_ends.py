"""Who moves, who is named, and which visit ends (issue 12, batch J on arrival): an
advance party or the first jets home move without the traveller; a nickname in quotes
('Joko "Jokowi" Widodo') is no part of the name and later stands for the person; a
visit ended with no place named is the article's one visit; capitals the press spells
apart from GeoNames are places. Invented articles; each row fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.language import Language
from calendar_svc.ingest.people.roles import travel_after
from calendar_svc.ingest.places import find_places
from calendar_svc.reference.identity import english_name
from tests.support.reading import fold_articles, read_article

MONDAY = date(2023, 3, 20)


@pytest.mark.parametrize(
    ("lang", "body", "arrived"),
    [
        pytest.param(
            "en",
            "President Ivan Petrov of Chile will pay an official visit to Peru on Monday, "
            "March 27. An advance party of 30 officials landed in Lima on Sunday to prepare it.",
            False,
            id="advance-party-landed",
        ),
        pytest.param(
            "en",
            "President Ivan Petrov of Chile will pay an official visit to Peru on Monday, "
            "March 27. The president landed in Lima on Sunday to prepare it.",
            True,
            id="the-traveller-landed",
        ),
    ],
)
def test_a_group_that_lands_is_not_the_traveller(lang: str, body: str, arrived: bool) -> None:
    facts = read_article(body, lang, MONDAY)
    assert bool(facts.arrivals) is arrived


@pytest.mark.parametrize(
    ("subject", "returned"),
    [
        pytest.param("những máy bay chiến đấu đầu tiên của Nga", False, id="fighter-jets"),
        pytest.param("các binh sĩ Nga", False, id="soldiers"),
        pytest.param("Tổng thống Ivan Petrov", True, id="the-traveller"),
    ],
)
def test_jets_that_fly_home_do_not_end_the_trip(subject: str, returned: bool) -> None:
    body = (
        "Chiều 20/3, Tổng thống Nga Ivan Petrov đã tới căn cứ Hmeimim ở Xy-ri trong chuyến thăm "
        f"không báo trước. Ngày 21/3, {subject} đã rời Xy-ri về nước."
    )
    facts = read_article(body, "vi", date(2023, 3, 22))
    assert bool(facts.returns) is returned


def test_a_nickname_in_quotes_is_no_part_of_the_name_and_later_stands_for_them() -> None:
    body = (
        'President Joko "Jokowi" Widodo is back in Jakarta after a four-day swing. '
        "At his summit with President Lee Min-ho in Seoul, the two leaders agreed on trade. "
        "Jokowi then flew to Hanoi for a state visit to Vietnam on March 21-22. "
        "Jokowi spoke at the forum. In Seoul, attention has shifted to Lee's planned trip to "
        "Tokyo next week."
    )
    facts = read_article(body, "en", date(2023, 3, 23))
    assert facts.principal is not None
    assert facts.principal.value.name == "Joko Widodo"


@pytest.mark.parametrize(
    ("name", "known_as"),
    [
        pytest.param("Giô-cô Wi-đô-đô", "Joko Widodo", id="vietnamese-transliteration"),
        pytest.param("V. Pu-tin", "Vladimir Putin", id="initial-and-transliteration"),
        pytest.param("Kishida Fumio", "Fumio Kishida", id="family-name-first"),
        pytest.param("Lula", "Luiz Inácio Lula da Silva", id="a-listed-one-word-form"),
        pytest.param("Kim", None, id="a-lone-family-name-is-anyone"),
        pytest.param("Ivan Petrov", None, id="not-in-the-table"),
    ],
)
def test_the_english_name_a_trip_is_shown_under(name: str, known_as: str | None) -> None:
    assert english_name(name) == known_as


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        pytest.param("Giô-cô Wi-đô-đô", "Joko Widodo", id="table-form-shown-in-english"),
        pytest.param("Ivan Petrov", "Ivan Petrov", id="unknown-name-as-written"),
    ],
)
def test_a_trip_founded_by_a_transliterated_name_is_shown_under_the_english_one(
    name: str, shown: str
) -> None:
    body = (
        f"Chiều 11/9, Tổng thống In-đô-nê-xi-a {name} đã tới Hà Nội, bắt đầu chuyến thăm Việt Nam."
    )
    view = fold_articles((body, "vi", date(2018, 9, 11)))
    assert view.principal.name == shown


@pytest.mark.parametrize(
    ("lang", "body", "ended"),
    [
        pytest.param(
            "en",
            "China and Peru signed 20 agreements on Saturday as Chinese President Ivan Petrov "
            "ended a two-day state visit that began on Friday.",
            ["PE"],
            id="ended-a-two-day-state-visit",
        ),
        pytest.param(
            "en",
            "China and Peru signed 20 agreements on Saturday as Chinese President Ivan Petrov "
            "ended a two-day state visit, and Foreign Minister Oleg Ivanov ended his visit.",
            ["PE"],
            id="one-leg-however-many-say-ended",
        ),
        pytest.param(
            "en",
            "Chinese President Ivan Petrov, who flies on to Chile for a state visit on Sunday, "
            "ended a two-day state visit to the region on Saturday.",
            [],
            id="not-the-next-stop-the-article-names-alone",
        ),
        pytest.param(
            "en",
            "Chinese President Ivan Petrov arrived in Chile on Sunday for a state visit after "
            "signing 20 agreements with Peru as he ended a two-day state visit on Saturday.",
            [],
            id="not-a-place-named-before-the-verb",
        ),
        pytest.param(
            "en",
            "Chinese President Ivan Petrov began a two-day state visit on Saturday. Foreign "
            "Minister Oleg Ivanov ended a three-day visit on Saturday.",
            [],
            id="not-someone-elses-visit",
        ),
        pytest.param(
            "en",
            "Chinese President Ivan Petrov began a two-day state visit on Saturday, and the two "
            "sides ended a long dispute over fishing.",
            [],
            id="not-a-dispute-ended",
        ),
    ],
)
def test_a_visit_ended_with_no_place_named_is_the_one_visit_told(
    lang: str, body: str, ended: list[str]
) -> None:
    facts = read_article(f"LIMA, March 25 - {body}", lang, date(2023, 3, 25))
    assert [c.value.country_code for c in facts.conclusions] == ended


@pytest.mark.parametrize(
    ("written", "city", "country"),
    [
        pytest.param("Naypyitaw", "Nay Pyi Taw", "MM", id="naypyitaw"),
        pytest.param("NAYPYIDAW", "Nay Pyi Taw", "MM", id="naypyidaw-dateline"),
        pytest.param("Xi'an", "Xi’an", "CN", id="xian-straight-apostrophe"),
        pytest.param("Siem Reap", "Siem Reap", "KH", id="siem-reap"),
        pytest.param("Putrajaya", "Putrajaya", "MY", id="putrajaya"),
    ],
)
def test_capitals_spelt_as_the_press_spells_them(written: str, city: str, country: str) -> None:
    found = find_places(f"He arrived in {written} on Monday.", "en")
    assert [(p.place.name, p.place.country_code) for p in found] == [(city, country)]


@pytest.mark.parametrize(
    ("text", "lang", "travels"),
    [
        pytest.param(
            "Giáo hoàng Phanxicô nói có thể thăm Triều Tiên nếu nhận được lời mời.",
            "vi",
            False,
            id="co-the-tham-is-a-possibility",
        ),
        pytest.param("Giáo hoàng Phanxicô sẵn sàng tới Triều Tiên.", "vi", False, id="san-sang"),
        pytest.param("Giáo hoàng Phanxicô từng thăm Hàn Quốc năm 2014.", "vi", False, id="tung"),
        pytest.param("Giáo hoàng Phanxicô sẽ thăm Triều Tiên.", "vi", True, id="se-tham-is-a-plan"),
        pytest.param(
            "President Ivan Petrov, on Sept. 13, will visit India.", "en", True, id="sept-abbrev"
        ),
        pytest.param("President Ivan Petrov may visit India.", "en", False, id="may-visit"),
        pytest.param(
            "President Ivan Petrov signed four agreements and promised to visit Israel again.",
            "en",
            False,
            id="a-promise-is-no-plan",
        ),
        pytest.param(
            "President Ivan Petrov, a former army chief who led a 2014 coup, welcomed the pope.",
            "en",
            False,
            id="leading-a-coup-is-no-journey",
        ),
        pytest.param(
            "President Ivan Petrov led a business delegation to India.",
            "en",
            True,
            id="leading-a-delegation-is",
        ),
        pytest.param(
            "Giáo hoàng Phanxicô ký bốn văn kiện và hứa sẽ sớm thăm lại I-xra-en.",
            "vi",
            False,
            id="hua-is-a-promise",
        ),
        pytest.param(
            "Giáo hoàng Phanxicô công bố hiệp định đầu tiên nước này ký kể từ khi rời Liên minh "
            "châu Âu.",
            "vi",
            False,
            id="ke-tu-khi-roi-is-what-has-held-since",
        ),
        pytest.param(
            "President Ivan Petrov hailed the first deal Britain has struck since leaving the "
            "European Union.",
            "en",
            False,
            id="since-leaving-is-what-has-held-since",
        ),
        pytest.param(
            "President Ivan Petrov hailed the deal and flew to Paris, his first trip since May.",
            "en",
            True,
            id="since-after-the-verb-is-no-matter",
        ),
        pytest.param(
            "Theo báo chí, Giáo hoàng Phanxicô đã nhận lời mời thăm Thái Lan trong năm nay.",
            "vi",
            False,
            id="nhan-loi-moi-tham-is-an-invitation-taken-up",
        ),
        pytest.param(
            "President Ivan Petrov has accepted an invitation to visit Thailand this year.",
            "en",
            False,
            id="accepted-an-invitation-is-no-plan",
        ),
        pytest.param(
            "President Ivan Petrov, who accepted an invitation to visit, arrived on Monday.",
            "en",
            True,
            id="who-accepted-then-arrived-travels",
        ),
        pytest.param(
            "Bà A đã gặp Giáo hoàng Phanxicô, điều mà phía Thái Lan cho là hiếm có với một "
            "chuyến thăm cấp Thủ tướng.",
            "vi",
            False,
            id="dieu-ma-opens-a-clause-of-its-own",
        ),
        pytest.param(
            "She met President Ivan Petrov, which Bangkok called rare for a visit at that level.",
            "en",
            False,
            id="which-opens-a-clause-of-its-own",
        ),
    ],
)
def test_who_travels_not_who_may(text: str, lang: Language, travels: bool) -> None:
    named = "Phanxicô" if lang == "vi" else "Ivan Petrov"
    assert travel_after(text, text.index(named) + len(named), lang) is travels


LEAD_VI = (
    "Chiều 3/7, Chủ tịch Trung Quốc Ivan Petrov đã tới Mát-xcơ-va, bắt đầu chuyến thăm cấp "
    "Nhà nước Liên bang Nga. "
)


@pytest.mark.parametrize(
    ("body", "published", "legs"),
    [
        pytest.param(
            LEAD_VI + "Trả lời phỏng vấn trước chuyến đi, Chủ tịch Ivan Petrov khẳng định hai "
            "nước phản đối việc triển khai tên lửa tại Hàn Quốc, gây tổn hại tới lợi ích an ninh "
            "của khu vực.",
            date(2017, 7, 3),
            ["RU"],
            id="what-is-affirmed-is-no-leg",
        ),
        pytest.param(
            LEAD_VI + "Nếu thành hiện thực, đây sẽ là chuyến thăm Triều Tiên đầu tiên của một "
            "giáo hoàng.",
            date(2017, 7, 3),
            ["RU"],
            id="neu-a-journey-that-may-come",
        ),
        pytest.param(
            LEAD_VI + "Ngày 21/6, ông đã có cuộc gặp với Tổng thống Mỹ tại Oa-sinh-tơn; từ ngày "
            "25-28/6, ông thăm In-đô-nê-xi-a và Ma-lai-xi-a. Cuộc gặp tại Mát-xcơ-va diễn ra "
            "chưa đầy sáu tuần sau hội nghị tại Vũ Hán ngày 20-21/5.",
            date(2017, 7, 3),
            ["RU"],
            id="a-stay-told-as-done-a-week-before",
        ),
    ],
)
def test_what_a_trip_report_tells_that_is_no_leg(
    body: str, published: date, legs: list[str]
) -> None:
    facts = read_article(body, "vi", published)
    assert [s.value for s in facts.itinerary] == legs


def test_the_last_day_of_a_visit_is_not_the_day_of_arrival() -> None:
    body = (
        "VIENTIANE, April 10 - President Ivan Petrov held talks with his Lao counterpart on "
        "Monday. Petrov had landed at Wattay International Airport earlier in the morning, "
        "opening a two-day official visit that ends on Tuesday."
    )
    facts = read_article(body, "en", date(2023, 4, 10))
    assert all(a.value.at is None or a.value.at.day >= date(2023, 4, 10) for a in facts.arrivals)


def test_he_after_another_leader_is_that_leader() -> None:
    body = (
        "SEOUL, Aug 13 - Vietnamese leader Ivan Petrov left Busan on Wednesday, ending a state "
        "visit to South Korea that began with talks with President Lee Jae-myung in Seoul. Lee "
        "now turns to a heavier round: his office said on Wednesday "
        "that he will visit Japan on Aug. 23-24."
    )
    facts = read_article(body, "en", date(2025, 8, 13))
    assert [s.value for s in facts.itinerary] == ["KR"]


@pytest.mark.parametrize(
    ("body", "lang", "types"),
    [
        pytest.param(
            "Chiều 3/9, Tổng thống Nga Ivan Petrov đã hội đàm tại Ulan Bator trong chuyến thăm "
            "chính thức Mông Cổ. Tổng thống Petrov mời người đồng cấp Mông Cổ tham dự Hội nghị "
            "thượng đỉnh BRICS tại thành phố Kazan (Nga) vào tháng 10 tới và lễ kỷ niệm Chiến "
            "thắng tại Moskva năm 2025.",
            "vi",
            [("MN", "official")],
            id="the-guest-invited-to-a-summit",
        ),
        pytest.param(
            "Sáng 5/7, Tổng thống Hàn Quốc Ivan Petrov đã tới Berlin, bắt đầu chuyến thăm chính "
            "thức Đức. Ông sẽ dự Hội nghị thượng đỉnh G20 tại Hamburg, trong bối cảnh Bình "
            "Nhưỡng vừa phóng tên lửa.",
            "vi",
            [("DE", "official"), ("DE", "attending_event")],
            id="a-summit-named-before-the-aside",
        ),
    ],
)
def test_a_summit_is_attended_only_outside_an_aside(
    body: str, lang: str, types: list[tuple[str, str]]
) -> None:
    facts = read_article(body, lang, date(2024, 9, 4))
    assert [(t.value[0], t.value[1].value) for t in facts.visit_types] == types


def test_the_king_and_queen_travel_under_the_king() -> None:
    body = (
        "Hà Nội, 24/2 (TTXVN) - Nhận lời mời của Chủ tịch nước Trần Đại Quang và Phu nhân, Nhà "
        "vua Nhật Bản Akihito và Hoàng hậu Michiko sẽ thăm cấp Nhà nước Việt Nam từ ngày 28/2 "
        "đến ngày 5/3/2017."
    )
    facts = read_article(body, "vi", date(2017, 2, 24))
    assert facts.principal is not None
    assert facts.principal.value.name == "Akihito"


def test_a_trip_the_sentence_sets_before_this_one_makes_no_traveller() -> None:
    body = (
        "Ngày 7/6, Tổng thống Mỹ Barack Obama đã hội đàm với Thủ tướng Ấn Độ Narendra Modi tại "
        "Nhà Trắng. Thủ tướng Modi cảm ơn Tổng thống Obama. Đây là lần thứ tư ông Modi tới Mỹ, "
        "sau chuyến thăm Mỹ của ông Modi tháng 9/2014 và chuyến thăm Ấn Độ của Tổng thống "
        "Obama năm 2015."
    )
    facts = read_article(body, "vi", date(2016, 6, 8), headline="Tổng thống Obama ủng hộ Ấn Độ")
    assert facts.principal is not None
    assert facts.principal.value.name == "Narendra Modi"


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        pytest.param(
            "Thủ tướng Canada Ivan Petrov sẽ thăm cấp nhà nước Ấn Độ trong một tuần, bắt đầu "
            "từ ngày 17/2.",
            "vi",
            id="bat-dau-tu-ngay",
        ),
        pytest.param(
            "Canadian Prime Minister Ivan Petrov will pay a state visit to India starting on "
            "Feb. 17.",
            "en",
            id="starting-on",
        ),
    ],
)
def test_a_visit_said_to_begin_on_a_day_plans_its_start(body: str, lang: str) -> None:
    facts = read_article(body, lang, date(2018, 2, 15))
    assert [(p.value.leg, p.value.edge, p.value.day) for p in facts.plans] == [
        ("IN", "start", date(2018, 2, 17))
    ]


def test_a_tour_said_to_begin_on_a_day_does_not_say_which_leg_begins() -> None:
    body = (
        "Canadian Prime Minister Ivan Petrov will pay state visits to India and Pakistan "
        "starting on Feb. 17."
    )
    facts = read_article(body, "en", date(2018, 2, 15))
    assert [p.value for p in facts.plans] == []


def test_followed_by_visits_are_the_legs_after() -> None:
    body = (
        "HANOI, Jan 11 - Prime Minister Ivan Petrov will head to Europe next week for the World "
        "Economic Forum's annual meeting in Davos, Switzerland, followed by official visits to "
        "Hungary and Romania."
    )
    facts = read_article(body, "en", date(2024, 1, 11))
    assert [s.value for s in facts.itinerary] == ["CH", "HU", "RO"]


def test_the_headline_owner_of_the_trip_is_the_traveller() -> None:
    body = (
        "HANOI, Aug 12 - When President Ivan Petrov boarded his plane for his first foreign "
        "outing as head of state, the destination was never much in doubt. His two-day official "
        "visit to Laos ended on Tuesday. U.S. Vice President Anna Novak is due in Vietnam from "
        "Aug. 24-26 after a stop in Singapore."
    )
    facts = read_article(
        body, "en", date(2021, 8, 12), headline="ANALYSIS-Petrov's first trip as president"
    )
    assert facts.principal is not None
    assert facts.principal.value.name == "Ivan Petrov"


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Indian Prime Minister Ivan Petrov arrived in Tokyo on Monday for a state visit to "
            "Japan. He also promised to visit Vietnam soon.",
            "en",
        ),
        (
            "Thủ tướng Ấn Độ Ivan Petrov tới Tô-ky-ô ngày 15/5, bắt đầu chuyến thăm cấp Nhà nước "
            "Nhật Bản. Ông cũng hứa sẽ sớm thăm Việt Nam.",
            "vi",
        ),
    ],
)
def test_a_visit_promised_is_no_leg(body: str, lang: Language) -> None:
    facts = read_article(body, lang, date(2023, 5, 15), "5" * 64)
    assert [s.value for s in facts.itinerary] == ["JP"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "en",
            "President Ivan Petrov of Chile arrived in Lima on Tuesday for a visit to Peru. Two "
            "Chilean military aircraft had left Santiago on Monday carrying rescuers and "
            "medical supplies.",
            id="a-fleet-left",
        ),
        pytest.param(
            "vi",
            "Tổng thống Chile Ivan Petrov đã tới Li-ma sáng 21/3, bắt đầu chuyến thăm Pê-ru. Trước "
            "đó, ngày 20/3, Chile đã điều ba máy bay chở lực lượng cứu hộ, thiết bị y tế và một "
            "bệnh viện dã chiến tới Li-ma.",
            id="planes-dispatched",
        ),
    ],
)
def test_aircraft_sent_ahead_do_not_move_the_traveller(lang: str, body: str) -> None:
    """Planes a government sends with rescuers or supplies the day before the visit: their
    flight is not the traveller's (it set a visit to Beirut a day early)."""
    facts = read_article(body, lang, date(2023, 3, 21))
    assert [a.value.at.day for a in facts.arrivals] == [date(2023, 3, 21)]
    assert facts.departures == []


def test_one_who_once_sent_delegations_still_lands_himself() -> None:
    """ "người từng cử nhiều đoàn công tác sang Việt Nam, đã tới Hà Nội": the sending is
    a clause on him; "đã tới" is his own landing."""
    facts = read_article(
        "Tổng thống Chile Ivan Petrov, người từng cử nhiều đoàn công tác sang Việt Nam, đã tới "
        "Hà Nội sáng 21/3, bắt đầu chuyến thăm chính thức.",
        "vi",
        date(2023, 3, 21),
    )
    assert [a.value.at.day for a in facts.arrivals] == [date(2023, 3, 21)]
