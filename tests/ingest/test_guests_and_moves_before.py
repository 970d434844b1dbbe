"""Who travels, and which day is whose (issue 12, items 1 and 4). The guest a headline
names is the traveller: "... as Sato hosts Petrov" makes Petrov the visitor even when the
body's only travel sentence is the host's next journey; "is received by B" makes B the
host. The one a headline names by office ("Chile's president") travels, unless it hosts.
"when the flight carrying B landed" is the flight's clause; "tuần tới" (next week) moves
no one; "Before arriving in Lima" dates no arrival; "chuyến công du tới Nga" is where a
tour goes; "paid tribute" and "to make an appeal" are no journeys. Invented articles; each
row fails without its rule."""

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


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "vi",
            "Trước khi tới Lima, Tổng thống Chi-lê Ivan Petrov đã dừng chân tại Niu Oóc, nơi "
            "ông gặp Tổng thống đắc cử Mỹ chiều 17/11.",
        ),
        (
            "en",
            "Before arriving in Lima, President Ivan Petrov of Chile stopped in New York, where "
            "he met the U.S. president-elect on Thursday.",
        ),
        (
            "en",
            "Prior to landing in Lima, President Ivan Petrov of Chile stopped in New York, where "
            "he met the U.S. president-elect on Thursday.",
        ),
    ],
)
def test_a_move_something_came_before_is_not_dated_by_it(lang: str, body: str) -> None:
    """ "Before arriving in Lima, he stopped in New York ... on Thursday": Thursday is New
    York's day; the leg in Peru comes after, with no arrival told."""
    facts = read_article(body, lang, date(2016, 11, 19))
    assert [s.value for s in facts.itinerary] == ["US", "PE"]
    assert facts.arrivals == []


def test_where_a_tour_goes_is_no_arrival() -> None:
    """ "rời thủ đô ..., bắt đầu chuyến công du tới Nga và Trung Quốc": "tới" after the
    tour names where it goes; the evening is the departure's, not an arrival in Russia."""
    body = (
        "Tối 6/5, Tổng thống Chi-lê Ivan Petrov đã rời thủ đô Santiago, bắt đầu chuyến công du "
        "tới Nga và Trung Quốc."
    )
    facts = read_article(body, "vi", date(2025, 5, 7))
    assert [s.value for s in facts.itinerary] == ["RU", "CN"]
    assert facts.arrivals == []
    assert [d.value.at.day for d in facts.departures] == [date(2025, 5, 6)]


def test_where_a_tour_of_a_week_went_is_no_arrival() -> None:
    """ "kết thúc chuyến công du một tuần tới Pê-ru và Bra-xin": the tour's length, then
    where it went; the dateline's day is no arrival in Peru."""
    body = (
        "Xít-ni, 20/11 - Thủ tướng Chi-lê Ivan Petrov đã rời Ri-ô đê Gia-nê-rô chiều 19/11, "
        "kết thúc chuyến công du một tuần tới Pê-ru và Bra-xin."
    )
    facts = read_article(body, "vi", date(2024, 11, 20))
    assert facts.arrivals == []


@pytest.mark.parametrize(
    "visit", ["chuyến thăm", "chuyến thăm cấp Nhà nước", "chuyến thăm chính thức"]
)
def test_where_a_visit_went_is_no_arrival_and_the_return_is_read(visit: str) -> None:
    """ "đã trở về Niu Đê-li, kết thúc chuyến thăm cấp Nhà nước tới Phi-gi ...": "tới"
    after the visit names where it went; the dateline's day was read as a landing in
    Fiji, and the return home it told was lost."""
    body = (
        "Niu Đê-li, 12/8 - Tổng thống Ấn Độ Droupadi Murmu đã trở về Niu Đê-li, kết thúc "
        f"{visit} tới Phi-gi và Niu Di-lân."
    )
    facts = read_article(body, "vi", date(2024, 8, 12))
    assert facts.arrivals == []
    # the dateline's 12/8 is the day the report was filed, not a day the lead gives
    assert [s.value for s in facts.returns] == [None]


def test_the_occasion_of_talks_is_no_arrival() -> None:
    """ "chiều 30/10, ... đã hội đàm với ... nhân dịp tới Hàn Quốc dự APEC": the talks are
    on the 30th; "tới" gives their occasion, not a landing that day (the landing was told
    apart, a day earlier)."""
    body = (
        "Chiều 30/10, tại thành phố Gyeongju, Tổng thống Chi-lê Ivan Petrov đã hội đàm với "
        "Tổng thống Hàn Quốc Lee Jae Myung nhân dịp tới Hàn Quốc dự Tuần lễ Cấp cao APEC."
    )
    facts = read_article(body, "vi", date(2025, 10, 31))
    assert [s.value for s in facts.itinerary] == ["KR"]
    assert facts.arrivals == []


def test_a_journey_not_made_is_no_arrival() -> None:
    """ "lấy làm tiếc vì không thể tới Ba Lan": he could not come."""
    body = (
        "Ngày 2/9, Phó Tổng thống Ru-ri-ta-ni-a Ivan Petrov cho biết Tổng thống Paul Girard "
        "lấy làm tiếc vì không thể tới Ba Lan và hy vọng sẽ thăm vào mùa Thu."
    )
    facts = read_article(body, "vi", date(2019, 9, 3))
    assert facts.arrivals == []


def test_one_who_came_named_by_a_relative_is_someone_else() -> None:
    """ "... gặp ông B, Vụ trưởng ..., người tới Kiev theo đề nghị": B came to Kyiv."""
    body = (
        "Tổng thống Chi-lê Ivan Petrov đã rời Ulan Bator hôm 3/9. Ngày 12/9, Bộ Ngoại giao "
        "Ukraine đã trao công hàm cho ông Gankhuurai Battungalag, Vụ trưởng Vụ châu Âu của Bộ "
        "Ngoại giao Mông Cổ, người tới Kiev theo đề nghị của phía Ukraine."
    )
    facts = read_article(body, "vi", date(2024, 9, 13))
    assert all(a.value.country_code != "UA" for a in facts.arrivals)


@pytest.mark.parametrize(
    ("body", "landed"),
    [
        # the day is the summit's, told of the place flown from
        (
            "President Ivan Petrov of Ruritania arrived in Angola overnight from Johannesburg, "
            "where the Group of 20 summit wrapped up on Sunday.",
            [],
        ),
        (
            "President Ivan Petrov of Ruritania arrived in Angola on Monday from Johannesburg, "
            "where the Group of 20 summit wrapped up on Sunday.",
            [date(2025, 11, 24)],
        ),
        (
            "Chiều 24/11, Tổng thống Chi-lê Ivan Petrov đã tới Lu-an-đa từ Giô-han-nết-xbớc, nơi "
            "Hội nghị thượng đỉnh G20 bế mạc ngày 23/11.",
            [date(2025, 11, 24)],
        ),
    ],
)
def test_a_day_told_of_the_place_flown_from_is_not_the_landing(
    body: str, landed: list[date]
) -> None:
    lang = "en" if body.startswith("President") else "vi"
    facts = read_article(body, lang, date(2025, 11, 24))
    assert [a.value.at.day for a in facts.arrivals] == landed


@pytest.mark.parametrize(
    ("headline", "body", "traveller"),
    [
        # "when the flight carrying B landed": the flight's clause, not the host's verb
        (
            "Red carpet in Dhaka",
            "Bangladesh gave Chilean President Ivan Petrov a 21-gun salute at Dhaka airport on "
            "Sunday afternoon as he began a state visit. President Abdul Hamid was at the foot "
            "of the steps when the flight carrying Petrov landed.",
            "Ivan Petrov",
        ),
        # the headline names the traveller by office and country, the body another's trip
        (
            "From Dhaka to Delhi, Chile's president widens his Asian net",
            "When Bangladesh's prime minister sat down with Chilean President Ivan Petrov in "
            "Dhaka on Monday, trade topped the list. French President Jean Dupont arrives in "
            "New Delhi on Friday evening for a state visit.",
            "Ivan Petrov",
        ),
        # ... unless the headline makes that office the host
        (
            "Chile's president welcomes French leader",
            "French President Jean Dupont arrived in Santiago on Sunday for a state visit. "
            "Chilean President Ivan Petrov will fly to Lima next week.",
            "Jean Dupont",
        ),
    ],
)
def test_the_traveller_a_headline_names_by_office(headline: str, body: str, traveller: str) -> None:
    facts = read_article(body, "en", date(2018, 3, 9), headline=headline)
    assert facts.principal is not None
    assert facts.principal.value.name == traveller


@pytest.mark.parametrize(
    "body",
    [
        "COLLEVILLE-SUR-MER, France — French President Jean Dupont used the anniversary on "
        "Thursday to make a direct appeal to Chilean President Ivan Petrov. Petrov arrived in "
        "Normandy on Thursday morning from Ireland.",
        "COLLEVILLE-SUR-MER, France — French President Jean Dupont paid tribute to the fallen "
        "on Thursday beside Chilean President Ivan Petrov. Petrov arrived in Normandy on "
        "Thursday morning from Ireland.",
    ],
)
def test_making_an_appeal_or_paying_tribute_is_no_journey(body: str) -> None:
    """ "to make a direct appeal", "paid tribute": only a visit, a trip, a call or a stop
    is paid or made by the one who travels."""
    facts = read_article(body, "en", date(2019, 6, 6), headline="Leaders honour the fallen")
    assert facts.principal is not None
    assert facts.principal.value.name == "Ivan Petrov"


def test_paying_a_visit_is_a_journey() -> None:
    facts = read_article(
        "Chilean President Ivan Petrov will pay a state visit to France next week.",
        "en",
        date(2019, 6, 6),
    )
    assert facts.principal is not None
    assert [s.value for s in facts.itinerary] == ["FR"]


@pytest.mark.parametrize(
    ("headline", "body", "traveller"),
    [
        # the traveller named by office and country when travelling, another's guest later
        (
            "Petrov says his country will answer in kind",
            "ASHGABAT, June 29 - Chilean President Ivan Petrov said on Wednesday that his "
            "country would answer in kind, speaking to reporters after a regional summit. The "
            "Chilean leader arrived in Ashgabat from Dushanbe, where he had held talks with "
            "Tajik President Emomali Rahmon. On Thursday he is due to receive French President "
            "Jean Dupont, who visited Kyiv on Wednesday, in Santiago.",
            "Ivan Petrov",
        ),
        # named by office when not travelling: no traveller
        (
            "Trade talks in Paris",
            "French President Jean Dupont spoke on Monday. The French leader said trade was "
            "growing. Chilean President Ivan Petrov arrived in Paris on Sunday for a state "
            "visit.",
            "Ivan Petrov",
        ),
        # one only invited to come is not the headline's traveller
        (
            "Petrov and France's Dupont back energy deals",
            "MOSCOW, May 10 - Chilean President Ivan Petrov and French President Jean Dupont "
            "agreed on Saturday to widen energy cooperation. Dupont invited Petrov to visit "
            "France again. The French leader arrived in Santiago on Thursday evening for an "
            "official visit.",
            "Jean Dupont",
        ),
    ],
)
def test_the_traveller_the_wires_name_by_office(headline: str, body: str, traveller: str) -> None:
    facts = read_article(body, "en", date(2022, 6, 29), headline=headline)
    assert facts.principal is not None
    assert facts.principal.value.name == traveller


def test_another_s_conclusion_ends_no_leg() -> None:
    """The departure is Kim's, and so is the 'khép lại' that follows it."""
    body = (
        "Chiều 28/2, Tổng thống Mỹ Donald Trump lên chuyên cơ rời Hà Nội, kết thúc chuyến "
        "thăm Việt Nam. Sáng 2/3, Chủ tịch Triều Tiên Kim Jong-un rời ga Đồng Đăng, khép "
        "lại chuỗi hoạt động tại Việt Nam."
    )
    facts = read_article(body, "vi", date(2019, 3, 3))
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions] == [
        ("VN", date(2019, 2, 28))
    ]


@pytest.mark.parametrize("when", ["Lúc 20h53 tối 26/2", "Tối 26/2"])
def test_a_landing_takes_the_hour_the_sentence_gives_its_day(when: str) -> None:
    """A dateline's bare '26/2' and the landing's 'Lúc 20h53 tối 26/2': the evening's."""
    body = (
        f"Hà Nội, 26/2 - {when}, chuyên cơ Không lực Một chở Tổng thống Mỹ Donald "
        "Trump đã hạ cánh xuống Sân bay quốc tế Nội Bài, bắt đầu các hoạt động tham dự Hội "
        "nghị thượng đỉnh Mỹ - Triều Tiên lần thứ hai tại Hà Nội."
    )
    facts = read_article(body, "vi", date(2019, 2, 27))
    (arrival,) = facts.arrivals
    assert arrival.value.at.day_part == "evening"


def test_going_to_a_site_in_a_city_is_no_landing() -> None:
    """ "ngày 1/4, Thủ tướng I-xra-en ... đã cùng Tổng thống Bra-xin B tới Bức tường Than
    khóc ở khu Phố cổ Giê-ru-xa-lem": a visit to a site on the second day (it had moved the
    Israeli leg's start to that day, confirmed)."""
    body = (
        "Giê-ru-xa-lem, 1/4 (TTXVN) - Ngày 1/4, Thủ tướng I-xra-en Ben-gia-min Nê-ta-ni-a-hu đã "
        "cùng Tổng thống Bra-xin Ivan Petrov tới Bức tường Than khóc ở khu Phố cổ Giê-ru-xa-lem. "
        "Ông Petrov đang có chuyến thăm chính thức I-xra-en."
    )
    facts = read_article(body, "vi", date(2019, 4, 1))
    assert facts.arrivals == []


def test_an_arrival_days_before_an_election_is_an_arrival() -> None:
    """ "arrived in Israel on Sunday ... nine days before a closely fought Israeli
    election": no journey is set against the election, so the arrival stands (it had been
    read as background, and a later report dated the leg)."""
    body = (
        "JERUSALEM, March 31 - Brazilian President Ivan Petrov arrived in Israel on Sunday on a "
        "four-day official visit, as Prime Minister Benjamin Netanyahu greeted him at Ben Gurion "
        "airport nine days before a closely fought Israeli election."
    )
    facts = read_article(body, "en", date(2019, 3, 31))
    assert [a.value.at.day for a in facts.arrivals if a.value.at] == [date(2019, 3, 31)]


def test_landing_at_a_base_in_a_city_is_a_landing() -> None:
    """ "tới Căn cứ Không quân Hickam ở Honolulu, bắt đầu chuyến thăm": no one goes along
    with a host, so it is the landing, not a site on the programme."""
    body = (
        "Ngày 26/9, Tổng thống Chi-lê Ivan Petrov tới Căn cứ Không quân Hickam ở Honolulu, bắt "
        "đầu chuyến thăm chính thức Hoa Kỳ."
    )
    facts = read_article(body, "vi", date(2019, 9, 27))
    assert [a.value.country_code for a in facts.arrivals] == ["US"]
