"""Engagements named after a fixed-date commemoration get that date, when it falls in the
leg's window and the country matches; otherwise nothing is invented."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain.rules import commemoration_day
from calendar_svc.domain.values import DateWindow


def test_known_days_inside_the_window() -> None:
    may = DateWindow(date(2025, 5, 8), date(2025, 5, 11))
    day, why = commemoration_day("Parade for Victory Day", "RU", may)  # type: ignore[misc]
    assert day == date(2025, 5, 9) and "9 May" in why
    september = DateWindow(date(2026, 9, 1), date(2026, 9, 3))
    found = commemoration_day("Lễ kỷ niệm Quốc khánh", "VN", september)
    assert found is not None and found[0] == date(2026, 9, 2)
    july = DateWindow(date(2025, 7, 13), date(2025, 7, 15))
    found = commemoration_day("Bastille Day military parade", "FR", july)
    assert found is not None and found[0] == date(2025, 7, 14)


def test_nothing_is_invented_outside_the_window_or_the_country() -> None:
    may = DateWindow(date(2025, 5, 1), date(2025, 5, 3))
    assert commemoration_day("Victory Day parade", "RU", may) is None
    assert (
        commemoration_day(
            "Victory Day parade", "KZ", DateWindow(date(2025, 5, 8), date(2025, 5, 11))
        )
        is None
    )
    assert commemoration_day("Talks with the President", "RU", may) is None
    assert commemoration_day("Victory Day parade", "RU", None) is None
