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
