"""A plan to leave a named stop on the way home ends that stop, not the last one the text
listed ("rời Praha ngay trong đêm 24/6 để về nước"), and a plan for the day before the
article was filed is still read (issue 12). Invented articles; each test fails without
its rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import read_article

BODY = (
    "Ngày 24/6, Tổng thống Chi-lê Ivan Petrov đã tới Praha, điểm dừng chân cuối cùng trong "
    "chuyến công du châu Âu. Trước khi tới Séc, ông đã ở Madrid (Tây Ban Nha) ngày 21/6, rồi "
    "tới Berlin ngày 23/6. Theo kế hoạch, ông Petrov rời Praha ngay trong đêm 24/6 để về nước."
)


@pytest.mark.parametrize(
    ("published", "read"),
    [(date(2024, 6, 24), True), (date(2024, 6, 25), True), (date(2024, 6, 26), False)],
)
def test_leaving_a_stop_to_go_home_ends_that_stop(published: date, read: bool) -> None:
    facts = read_article(BODY, "vi", published)
    plans = [(p.value.leg, p.value.edge, p.value.day) for p in facts.plans]
    assert plans == ([("CZ", "end", date(2024, 6, 24))] if read else [])


@pytest.mark.parametrize(
    ("later", "leg"),
    [
        ("Sau khi làm việc tại London, ông dự kiến về nước muộn ngày 7/6.", "GB"),
        # a stop named after the way home is not where it starts
        (
            "Sau khi làm việc tại London, ông dự kiến về nước muộn ngày 7/6, rồi tháng sau sẽ "
            "sang Đức.",
            "GB",
        ),
        # no stop named before the way home: the last one listed
        ("Ông dự kiến về nước muộn ngày 7/6.", "FR"),
    ],
)
def test_the_stop_named_before_the_way_home_ends(later: str, leg: str) -> None:
    body = f"Thủ tướng Chi-lê Ivan Petrov sẽ thăm Anh, Đức và Pháp vào tuần tới. {later}"
    facts = read_article(body, "vi", date(2018, 6, 1))
    plans = [(p.value.leg, p.value.edge, p.value.day) for p in facts.plans]
    assert plans == [(leg, "end", date(2018, 6, 7))]


@pytest.mark.parametrize(
    "changed",
    [
        "Theo kế hoạch ban đầu, ông sẽ rời Praha ngày 24/6, nhưng chuyến bay bị hoãn do bão.",
        "Theo lịch trình, ông sẽ rời Praha ngày 24/6 nhưng đã phải lùi chuyến bay một ngày.",
        "Theo kế hoạch ban đầu, ông sẽ rời Praha ngày 24/6.",
    ],
)
def test_a_plan_told_as_changed_the_day_before_is_no_plan(changed: str) -> None:
    """(review) The day's grace is for a plan still standing, not one called off."""
    body = (
        "Ngày 23/6, Tổng thống Chi-lê Ivan Petrov đã tới Praha, bắt đầu chuyến thăm chính "
        f"thức Cộng hòa Séc. {changed}"
    )
    facts = read_article(body, "vi", date(2024, 6, 25))
    assert facts.plans == []
