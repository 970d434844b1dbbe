"""Which countries of a trip report are stops: a place is one only where a word of place or
travel governs it, or it names a part of the journey or its host (issue 12, item 4);
what is said, pledged or announced is no move; another's journey told with "sau khi" /
"trước khi" stays theirs. Invented articles; each row fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import TOKYO_LEAD_EN, TOKYO_LEAD_VI, legs_of, read_article

EN_LEAD, VI_LEAD = TOKYO_LEAD_EN, TOKYO_LEAD_VI


_legs = legs_of


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "en",
            EN_LEAD + "The trip produced a truce with China and a pledge from Mongolia.",
            id="partner-and-source-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "He used the visit to rally Asian partners over Russia's invasion of "
            "Ukraine.",
            id="object-of-a-deed-en",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Trong chuyến thăm, hai bên nhất trí Ca-dắc-xtan sẽ làm chủ nhà hội nghị "
            "lần tới.",
            id="country-as-subject-vi",
        ),
    ],
)
def test_a_country_no_word_of_travel_governs_is_no_stop(lang: str, body: str) -> None:
    assert _legs(body, lang) == ["JP"]


@pytest.mark.parametrize(
    ("lang", "body", "legs"),
    [
        pytest.param(
            "en",
            EN_LEAD + "The tour, which began on June 8, took him first to Mongolia, "
            "Kazakhstan and Kyrgyzstan.",
            ["JP", "MN", "KZ", "KG"],
            id="list-after-a-governed-place-en",
        ),
        pytest.param(
            "en",
            "Ruritanian President Ivan Petrov is on an Asian tour. On Tuesday Petrov called "
            "off the Malaysia and Singapore legs of his tour.",
            ["MY", "SG"],
            id="place-naming-a-part-of-the-journey-en",
        ),
        pytest.param(
            "en",
            "Ruritanian President Ivan Petrov returned home on Wednesday morning after talks "
            "with Mexican President Juan Ortega in Singapore, state media said. Petrov's convoy "
            "left the hotel late on Tuesday and his flight took off from Changi shortly before "
            "midnight, some hours after Ortega's plane left for Mexico.",
            ["SG"],
            id="taking-off-from-a-place-en",
        ),
        pytest.param(
            "vi",
            "Chiều 10/6, Tổng thống Ru-ri-ta-ni-a Ivan Petrov rời Hà Nội, kết thúc chuyến "
            "thăm Việt Nam. Trong chuyến công du, ông sẽ dự diễn đàn tại một khách sạn ở ngoại "
            "ô Gia-các-ta.",
            ["VN", "ID"],
            id="outskirts-of-a-city-vi",
        ),
        pytest.param(
            "vi",
            "Rạng sáng 16/1, Thủ tướng Ru-ri-ta-ni-a Ivan Petrov rời thủ đô, bắt đầu chuyến "
            "công tác châu Âu, gồm tham dự diễn đàn kinh tế tại Davos, Thụy Sĩ và thăm chính "
            "thức Hungary.",
            ["CH", "HU"],
            id="unknown-city-then-its-country-vi",
        ),
        pytest.param(
            "vi",
            "Chiều 10/6, Tổng thống Ru-ri-ta-ni-a Ivan Petrov tới Li-ma. Trước đó, ông đã "
            "thăm Hy Lạp từ ngày 5-6/6 và Đức từ ngày 6-9/6.",
            ["GR", "DE", "PE"],  # Li-ma is Lima, Peru
            id="list-with-dates-between-vi",
        ),
        pytest.param(
            "vi",
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ đặt chân tới thủ đô Xa-na-a của Y-ê-men "
            "ngày 20/5.",
            ["YE"],
            id="a-capital-the-tables-lack-of-its-country-vi",
        ),
    ],
)
def test_a_governed_place_is_a_stop(lang: str, body: str, legs: list[str]) -> None:
    assert sorted(_legs(body, lang)) == sorted(legs)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "en",
            EN_LEAD + "During the visit he explained that Ruritania would open an embassy in "
            "Brazil.",
            id="explained-that-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "During the visit he announced new aid for flood relief in Bangladesh.",
            id="announced-en",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Trong chuyến thăm, ông giải thích rằng Ru-ri-ta-ni-a sẽ mở đại sứ quán "
            "tại Bra-xin.",
            id="rang-vi",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Trong chuyến thăm, ông tuyên bố tăng cường hiện diện quân sự tại Ba Lan.",
            id="tuyen-bo-vi",
        ),
    ],
)
def test_what_is_said_or_announced_is_no_stop(lang: str, body: str) -> None:
    assert _legs(body, lang) == ["JP"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "vi",
            VI_LEAD + "Cũng trong hôm nay, Tổng thống Mê-hi-cô Juan Ortega có mặt tại Tokyo, "
            "trước khi sang thăm Ai Cập ngày 14/6.",
            id="truoc-khi-another-leader-vi",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Trong tuần này, Tổng thống Mê-hi-cô Juan Ortega, sau khi dự hội nghị tại "
            "Tokyo, đã tới Ai Cập ngày 13/6.",
            id="sau-khi-another-leader-vi",
        ),
    ],
)
def test_another_leaders_journey_stays_theirs(lang: str, body: str) -> None:
    assert "EG" not in _legs(body, lang)


def test_the_one_met_is_not_the_subject_of_the_visit() -> None:
    body = (
        "Sáng 13/10, tại thủ đô Ca-tơ-man-đu, Chủ tịch Ru-ri-ta-ni-a Ivan Petrov đã hội đàm với "
        "Thủ tướng Nê-pan Ram Sharma Oli trong khuôn khổ chuyến thăm cấp nhà nước tới Nê-pan từ "
        "ngày 12-13/10."
    )
    headline = "Chủ tịch Ru-ri-ta-ni-a Ivan Petrov thăm Nê-pan"
    facts = read_article(body, "vi", date(2024, 10, 13), "6" * 64, headline)
    assert [s.value for s in facts.itinerary] == ["NP"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "vi",
            "Thủ tướng Ru-ri-ta-ni-a Ivan Petrov đến Australia chiều 15/6, hạ cánh xuống sân bay "
            "Adelaide trên chuyến bay từ New Zealand, nơi ông thăm từ ngày 13 đến 15/6.",
            id="noi-ong-tham-vi",
        ),
        pytest.param(
            "en",
            "Ruritanian Prime Minister Ivan Petrov landed in Australia on June 15, flying in "
            "from New Zealand, where he had spent June 13 to 15.",
            id="where-he-had-spent-en",
        ),
    ],
)
def test_a_range_after_where_the_traveller_came_from_dates_that_stop(lang: str, body: str) -> None:
    facts = read_article(body, lang, date(2024, 6, 17), "6" * 64)
    assert "NZ" in [s.value for s in facts.itinerary]
    windows = [(code, str(w.start), str(w.end)) for code, w in (s.value for s in facts.leg_windows)]
    assert windows == [("NZ", "2024-06-13", "2024-06-15")]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "vi",
            VI_LEAD + "Chuyến thăm được coi là một thông điệp gửi tới Ai Cập.",
            id="message-sent-to-vi",
        ),
        pytest.param(
            "en",
            EN_LEAD + "It is his first trip abroad since Ruritania ordered troops into Egypt.",
            id="troops-into-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "The trip was meant to keep Tokyo from drifting into Egypt's embrace.",
            id="a-countrys-thing-en",
        ),
    ],
)
def test_what_is_sent_or_a_countrys_own_is_no_stop(lang: str, body: str) -> None:
    assert _legs(body, lang) == ["JP"]


@pytest.mark.parametrize(
    ("lang", "body", "legs"),
    [
        pytest.param(
            "vi",
            "Chiều 10/6, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới đảo Ba-li của In-đô-nê-xi-a, "
            "mở đầu chuyến công du.",
            ["ID"],
            id="island-of-a-country-vi",
        ),
        pytest.param(
            "en",
            "Ruritanian President Ivan Petrov flew into Singapore's Changi Airport on June 10 "
            "for a summit.",
            ["SG"],
            id="a-countrys-airport-en",
        ),
        pytest.param(
            "en",
            "Ruritanian President Ivan Petrov will attend the G7 summit at Schloss Elmau in "
            "Germany's Bavarian Alps from June 26 to 28.",
            ["DE"],
            id="a-named-part-of-a-country-en",
        ),
        pytest.param(
            "en",
            "Ruritanian President Ivan Petrov will fly on June 26 to Japan's west coast for "
            "a state visit.",
            ["JP"],
            id="a-countrys-coast-en",
        ),
    ],
)
def test_a_place_of_a_country_is_a_stop(lang: str, body: str, legs: list[str]) -> None:
    assert _legs(body, lang) == legs


def test_a_country_spoken_of_is_no_stop() -> None:
    body = VI_LEAD + "Liên quan tới Ai Cập, ông Petrov cho biết cần can dự thay vì cô lập."
    assert _legs(body, "vi") == ["JP"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "en",
            EN_LEAD + "The visit is his first summit since his February meeting with U.S. "
            "President Juan Ortega in Cairo ended without a deal.",
            id="since-his-meeting-en",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Đây là chuyến thăm đầu tiên của ông kể từ cuộc gặp với Tổng thống Mỹ tại "
            "Ai Cập.",
            id="ke-tu-cuoc-gap-vi",
        ),
        pytest.param(
            "en",
            EN_LEAD + "It will be the first trip of its kind since they held talks on the "
            "sidelines of a summit in Cairo a year ago.",
            id="since-they-held-talks-en",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Đây là chuyến đi dài nhất của ông kể từ tháng 7/2015, khi nhà lãnh đạo "
            "Ru-ri-ta-ni-a thăm Ai Cập và 5 nước châu Phi.",
            id="ke-tu-thang-nam-khi-vi",
        ),
        pytest.param(
            "en",
            EN_LEAD + "The visit to Japan is the first since 2016, when Petrov went to Egypt "
            "for talks.",
            id="since-a-year-when-en",
        ),
    ],
)
def test_the_place_of_an_event_a_time_runs_from_is_no_stop(lang: str, body: str) -> None:
    assert _legs(body, lang) == ["JP"]


def test_a_part_of_the_country_between_the_verb_and_the_country_still_governs() -> None:
    body = (
        "Prime Minister Ivan Petrov of Ruritania will fly to southern Italy on Thursday to "
        "take part in the Group of Seven summit, officials said."
    )
    assert legs_of(body, "en", date(2024, 6, 12)) == ["IT"]


def test_vi_a_part_of_the_country_between_the_word_of_place_and_the_country() -> None:
    body = (
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới dự hội nghị thượng đỉnh G7 ở miền nam Italy."
    )
    assert legs_of(body, "vi", date(2024, 6, 14)) == ["IT"]


def test_a_us_visit_names_a_place_though_us_reads_as_an_adjective() -> None:
    body = (
        "Indian Prime Minister Ivan Petrov flew home on Monday at the end of a three-day U.S. "
        "visit."
    )
    assert legs_of(body, "en", date(2024, 9, 23)) == ["US"]


def test_a_country_in_a_persons_title_names_no_stop_for_another_mention() -> None:
    """ "for U.S. President Juan Ortega" is governed but is a title; the bare "Washington"
    after "ties with" is no stop, so the US is none."""
    body = (
        "Ruritanian President Ivan Petrov will pay a state visit to Japan on June 10-12, both "
        "governments said on Thursday, a month after Tokyo rolled out the red carpet for U.S. "
        "President Joe Biden and lifted ties with Washington to its highest tier."
    )
    assert _legs(body, "en") == ["JP"]
