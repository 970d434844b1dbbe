"""Ministers named after "cùng" go along with the leader named before it ("Thủ tướng A
cùng Bộ trưởng Ngoại giao B và Bộ trưởng Thương mại C đã tới Phnôm Pênh"): the leader
travels, and the trip is not filed under a minister (issue 12). Invented articles; each
test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import read_article

FRIDAY = date(2022, 11, 11)


@pytest.mark.parametrize(
    "along",
    [
        "cùng Bộ trưởng Ngoại giao Anna Berg",
        "cùng Bộ trưởng Ngoại giao Anna Berg và Bộ trưởng Thương mại quốc tế Mary Lind",
    ],
)
def test_those_named_after_cung_go_along(along: str) -> None:
    body = (
        f"Ngày 11/11, Thủ tướng Canada Ivan Petrov {along} đã tới Thủ đô Phnôm Pênh, bắt "
        "đầu tham dự Hội nghị Cấp cao ASEAN."
    )
    facts = read_article(body, "vi", FRIDAY)
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"


def test_one_who_comes_with_the_leader_named_first_still_travels() -> None:
    """ "Cùng ..." opening the sentence names no one before it: the leader after it travels."""
    body = (
        "Cùng Phu nhân, Thủ tướng Canada Ivan Petrov đã tới Thủ đô Phnôm Pênh, bắt đầu tham "
        "dự Hội nghị Cấp cao ASEAN."
    )
    facts = read_article(body, "vi", FRIDAY)
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"


@pytest.mark.parametrize(
    "who",
    [
        "Bộ trưởng Ngoại giao Anna Berg đi cùng",
        "Phu nhân Maria Petrova cùng",
        "Nhà vua Nhật Bản cùng Hoàng hậu và",
    ],
)
def test_the_leader_named_after_cung_still_travels(who: str) -> None:
    """(review) Only a minister after "cùng" goes along: a leader there still travels."""
    body = (
        f"Ngày 10/6, {who} Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Tokyo, bắt đầu chuyến "
        "thăm cấp Nhà nước Nhật Bản."
    )
    facts = read_article(body, "vi", date(2024, 6, 10))
    assert facts.principal is not None and facts.principal.value.name.endswith("Ivan Petrov")
