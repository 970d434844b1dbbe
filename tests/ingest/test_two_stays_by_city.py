"""A summit in one city and a visit in another of the same country are two legs, and the
city a movement names says which: an arrival in the visit's city is the visit's even when
its sentence names the summit; a departure from the summit's city ends the summit's stay.
One city for both tells nothing. Each test fails without its rule."""

from __future__ import annotations

from datetime import date

from calendar_svc.ingest.extract.summit_cities import route_by_city
from tests.support.reading import corpus_body, fold_articles, read_article

XI = "world/2024-11-xi-peru-brazil"

TWO_STAYS_VI = (
    "Chiều 17/11, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Rio de Janeiro, bắt đầu chuyến "
    "công du Bra-xin, dự Hội nghị thượng đỉnh G20 diễn ra trong hai ngày 18-19/11, sau đó "
    "thăm cấp Nhà nước Bra-xin từ ngày 20-21/11. Sáng 20/11, ông Petrov rời Rio de Janeiro "
    "đi Bra-xi-li-a."
)


def test_a_later_arrival_in_the_visits_city_is_the_visits() -> None:
    """The announcement gives the summit in Rio and a state visit; the talks report says
    he reached Brasília on the 19th "right after the G20's closing session in Rio": that
    arrival starts the visit, not the summit's stay."""
    trip = fold_articles(
        (corpus_body(XI, "01_en_announcement.txt"), "en", date(2024, 11, 8)),
        (corpus_body(XI, "04_vi_talks.txt"), "vi", date(2024, 11, 21)),
    )
    legs = [(leg.leg_id.rsplit("/", 1)[1], leg.city, leg.start_date) for leg in trip.legs]
    assert legs[1:] == [
        ("br+summit", "Rio de Janeiro", date(2024, 11, 17)),
        ("br", "Brasília", date(2024, 11, 19)),
    ]


def test_an_article_tells_its_two_stays_apart_by_city() -> None:
    facts = read_article(TWO_STAYS_VI, "vi", date(2024, 11, 21))
    assert [s.value for s in facts.itinerary] == ["BR+summit", "BR"]
    assert [(d.value.concluded_country, d.value.next_country) for d in facts.departures] == [
        ("BR+summit", "BR")
    ]
    cities = [c.value for c in facts.cities]
    assert ("BR+summit", "Rio de Janeiro") in cities
    assert ("BR", "Rio de Janeiro") not in cities  # the visit's city is not the summit's


def test_one_city_for_both_tells_nothing() -> None:
    """A summit in the city of the visit (or an article that names no other city of the
    country) gives no city to tell the stays apart by."""
    facts = read_article(TWO_STAYS_VI, "vi", date(2024, 11, 21))
    before = [d.value for d in facts.departures]
    route_by_city(facts, "BR", "Brasília", visit_city="Brasília")
    assert [d.value for d in facts.departures] == before
    route_by_city(facts, "BR", "Brasília", visit_city="Rio de Janeiro")
    assert [(d.value.concluded_country, d.value.next_country) for d in facts.departures] == [
        ("BR", "BR+summit")  # leaving the visit's city, for the summit's
    ]


def test_the_day_a_string_of_events_began_is_not_its_end() -> None:
    began = read_article(
        "Chiều 27/11, Thủ tướng Nguyễn Xuân Phúc tới Xơ-un, bắt đầu thăm chính thức Hàn Quốc. "
        "Như vậy, Thủ tướng đã kết thúc chuỗi hoạt động tại Hàn Quốc, bắt đầu từ chiều 24/11.",
        "vi",
        date(2019, 11, 28),
    )
    assert [c.value.on for c in began.conclusions] == [None]
    ended = read_article(
        "Như vậy, chiều 24/11, Thủ tướng Nguyễn Xuân Phúc đã kết thúc chuyến thăm Hàn Quốc.",
        "vi",
        date(2019, 11, 28),
    )
    assert [c.value.on for c in ended.conclusions] == [date(2019, 11, 24)]


PHUC = "vn-outbound/2018-03-nguyen-xuan-phuc-new-zealand-australia"


def test_the_end_of_a_summit_is_the_summit_legs() -> None:
    """ "Leaders of Southeast Asia and Australia wrapped up a two-day special summit in
    Sydney on Sunday": the summit's stay ended then, not the official visit in Canberra
    before it (which the talks report ended on the Friday, moving on to Sydney)."""
    articles = [
        ("01_en_announcement.txt", "en", date(2018, 3, 8)),
        ("04_vi_talks.txt", "vi", date(2018, 3, 15)),
        ("05_en_leg_concluded.txt", "en", date(2018, 3, 18)),
    ]
    trip = fold_articles(*[(corpus_body(PHUC, name), lang, on) for name, lang, on in articles])
    ends = {leg.leg_id.rsplit("/", 1)[1]: leg.end_date for leg in trip.legs}
    assert ends["au+summit"] == date(2018, 3, 18)
    assert ends["au"] != date(2018, 3, 18)


def test_what_a_conclusion_ends() -> None:
    summit = read_article(
        "Leaders of Southeast Asia and Australia wrapped up a two-day special summit in Sydney "
        "on Sunday with a pledge to fight militant groups. Prime Minister Nguyen Xuan Phuc of "
        "Vietnam had arrived in Sydney on Friday.",
        "en",
        date(2018, 3, 18),
    )
    visit = read_article(
        "Prime Minister Nguyen Xuan Phuc of Vietnam wrapped up an official visit to Australia "
        "on Sunday.",
        "en",
        date(2018, 3, 18),
    )
    assert [c.value.of_event for c in summit.conclusions] == [True]
    assert [c.value.of_event for c in visit.conclusions] == [False]
    # in an article that tells the two stays apart, the summit's end is its leg's
    both = read_article(
        TWO_STAYS_VI + " Các nhà lãnh đạo G20 đã kết thúc hội nghị thượng đỉnh tại Rio de "
        "Janeiro chiều 19/11.",
        "vi",
        date(2024, 11, 21),
    )
    assert [(c.value.country_code, c.value.on) for c in both.conclusions] == [
        ("BR+summit", date(2024, 11, 19))
    ]


PHUC_JAPAN = "vn-outbound/2019-06-nguyen-xuan-phuc-japan"


def test_the_stays_range_starts_the_summit_not_the_visit() -> None:
    """The announcement and the arrival report give the stay in Japan, 27 June to 1 July;
    the departure report the G20 in Osaka, then an official visit on June 30 and July 1
    (rule 10)."""
    trip = fold_articles(
        (corpus_body(PHUC_JAPAN, "01_vi_announcement.txt"), "vi", date(2019, 6, 20)),
        (corpus_body(PHUC_JAPAN, "02_en_departure.txt"), "en", date(2019, 6, 27)),
        (corpus_body(PHUC_JAPAN, "03_vi_arrival.txt"), "vi", date(2019, 6, 27)),
    )
    starts = {leg.leg_id.rsplit("/", 1)[1]: leg.start_date for leg in trip.legs}
    assert starts == {"jp+summit": date(2019, 6, 27), "jp": date(2019, 6, 30)}
