"""Moving on, and the leaders at large (issue 12, item 4).

"Ngày 17/11, ông rời Li-ma sang Bra-xin" names the next leg with no other word of travel;
"rời Buê-nốt Ai-rét đi Ri-ô" leaves the first city, not the second; and "các đoàn lãnh
đạo lần lượt tới Đà Nẵng" is every delegation's arrival, not the traveller's, while the
leaders closing their summit close it for the traveller too. Invented articles; each test
fails without its rule.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import read_article

_LANDED = "Tối 14/11, Tổng thống Hàn Quốc Kim Min-jun đã tới thủ đô Li-ma của Pê-ru. "


@pytest.mark.parametrize(
    "move",
    [
        "Ngày 17/11, ông rời Pê-ru sang Bra-xin.",
        "Ngày 17/11, Tổng thống Kim rời Li-ma đi Bra-xin để dự Hội nghị thượng đỉnh G20.",
        # the day it left, and "để" (so as to), between the place left and the next
        "Tổng thống Kim rời Li-ma trong ngày 17/11 để sang Bra-xin, nơi ông được đón.",
        "Tổng thống Kim rời Li-ma chiều 17/11 sang Bra-xin.",
    ],
)
def test_leaving_for_the_next_country_names_the_next_leg(move: str) -> None:
    facts = read_article(_LANDED + move, "vi", date(2024, 11, 20))
    assert [s.value for s in facts.itinerary] == ["PE", "BR"]


def test_leaving_an_unknown_city_for_a_known_one_leaves_neither() -> None:
    facts = read_article(
        "Chiều 17/11, Tổng thống Pháp Jean Dupont rời Pu-ê-tô Ma-đê-rô đi Ri-ô đê Gia-nê-rô "
        "(Bra-xin) để dự Hội nghị thượng đỉnh G20.",
        "vi",
        date(2024, 11, 18),
    )
    assert [d.value.place.country_code for d in facts.departures] == []


def test_the_delegations_arriving_are_not_the_traveller() -> None:
    facts = read_article(
        "Tối 9/11, Thủ tướng Nhật Bản Sato Kenji đã tới Đà Nẵng dự Tuần lễ Cấp cao APEC. "
        "Trong hai ngày 9 và 10/11, các đoàn lãnh đạo lần lượt tới Đà Nẵng.",
        "vi",
        date(2017, 11, 10),
    )
    assert ["Sato" in a.provenance.sentence for a in facts.arrivals] == [True]
    assert facts.leg_windows == [] and facts.trip_window is None


def test_the_leaders_closing_their_summit_close_it_for_the_traveller() -> None:
    facts = read_article(
        "President Li Wei arrived in Brasilia on Tuesday for the summit. Leaders of the five "
        "nations wrapped up their annual summit in the Brazilian capital on Thursday.",
        "en",
        date(2019, 11, 14),
    )
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions] == [
        ("BR", date(2019, 11, 14))
    ]
