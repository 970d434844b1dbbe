"""Moves beside a place the gazetteer does not know: "hạ cánh xuống thành phố Gim-hê, Hàn
Quốc" lands in Korea; "Rời Gôn-đa ..., tới Xít-ni" and "left Nortown for Sydney" leave
the unknown town, not Sydney; and a report whose legs with days come after an earlier
journey's keeps its own run, with the leg it names without days after it ("rời Shannon
sang Đức"). Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import read_article


def _facts(body: str, lang: str, published: date) -> ArticleFacts:
    return read_article(body, lang, published)


def test_landing_in_an_unknown_city_of_a_named_country_is_an_arrival_there() -> None:
    facts = _facts(
        "Chiều 24/11, chuyên cơ chở Thủ tướng Nguyễn Văn Hải đã hạ cánh xuống thành phố "
        "Gim-hê, Hàn Quốc.",
        "vi",
        date(2019, 11, 24),
    )
    assert [s.value for s in facts.itinerary] == ["KR"]
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("KR", date(2019, 11, 24))
    ]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "vi",
            "Thủ tướng Nhật Bản Shinzo Abe đang công du châu Á. Rời Gôn-đa chiều 13/1, ông Abe "
            "tới Xít-ni vào tối cùng ngày.",
        ),
        ("en", "Prime Minister Shinzo Abe left Nortown for Sydney on Friday, Jan. 13."),
    ],
)
def test_the_town_left_unknown_the_place_named_after_it_is_not_the_one_left(
    lang: str, body: str
) -> None:
    facts = _facts(body, lang, date(2017, 1, 14))
    assert "AU" in [s.value for s in facts.itinerary]
    assert [d.value.place.country_code for d in facts.departures] == []


def test_a_report_keeps_its_own_run_of_legs_and_the_one_named_after_it() -> None:
    facts = _facts(
        "Chiều 7/6, Tổng thống Pháp Jean Dupont đã về tới Pa-ri, kết thúc chuyến công du "
        "châu Âu. Chuyến công du bắt đầu bằng chuyến thăm cấp nhà nước Vương quốc Anh từ ngày "
        "3-5/6. Chiều 5/6, ông Dupont tới Ai-len và hội đàm với Thủ tướng Ai-len. Sáng 6/6, "
        "ông Dupont rời Shannon sang Đức. Đây là chuyến công du thứ hai của ông trong chưa đầy "
        "hai tuần, sau chuyến thăm cấp nhà nước Nhật Bản từ ngày 25-28/5.",
        "vi",
        date(2019, 6, 8),
    )
    assert [s.value for s in facts.itinerary] == ["GB", "IE", "DE"]
