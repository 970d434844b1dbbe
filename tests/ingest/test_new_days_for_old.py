"""New days given for old ones (issue 12: "dates get revised"): a sentence that names the
days that no longer hold ("originally planned for March 20 to 22", "thay vì ngày 28-29/10")
and gives the new ones ("has been rescheduled to April 10 to 12", "lùi sang ngày 18-19/11")
reads the new ones, joins the trip it revises, and retires the old days; it does not put
the visit off. Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.values import DateWindow
from tests.support.reading import fold_articles, read_article

ANNOUNCED_EN = (
    "Thai Prime Minister Somchai Rattana will pay an official visit to Japan from March 20 to "
    "22, Government House said on Monday. Somchai is expected to meet Prime Minister "
    "Hiroshi Tanabe in Tokyo.",
    "en",
    date(2025, 3, 3),
)
ANNOUNCED_VI = (
    "Thủ tướng Thái Lan Xôm-chai Rát-ta-na sẽ thăm chính thức Việt Nam từ ngày 28-29/10.",
    "vi",
    date(2025, 10, 20),
)

REVISED_EN = [
    "Thai Prime Minister Somchai Rattana's official visit to Japan, originally planned for "
    "March 20 to 22, has been rescheduled to April 10 to 12, Government House said.",
    "Thai Prime Minister Somchai Rattana's official visit to Japan, which had been scheduled "
    "for March 20 to 22, has been postponed to April 10 to 12, Government House said.",
    "Thai Prime Minister Somchai Rattana will now visit Japan from April 10 to 12 instead of "
    "March 20 to 22, Government House said.",
    "Thai Prime Minister Somchai Rattana's official visit to Japan has been moved to April 10 "
    "to 12 from March 20 to 22, Government House said.",
]
REVISED_VI = [
    "Chuyến thăm chính thức Việt Nam của Thủ tướng Thái Lan Xôm-chai Rát-ta-na đã được lùi "
    "sang ngày 18-19/11 thay vì ngày 28-29/10 như dự kiến ban đầu.",
    "Chuyến thăm chính thức Việt Nam của Thủ tướng Thái Lan Xôm-chai Rát-ta-na đã được điều "
    "chỉnh sang ngày 18-19/11, thay vì ngày 28-29/10 như thông báo trước đó.",
]


@pytest.mark.parametrize("body", REVISED_EN)
def test_the_new_days_are_read_and_the_old_named_as_replaced_en(body: str) -> None:
    facts = read_article(body, "en", date(2025, 3, 15))
    windows = [facts.trip_window.value] if facts.trip_window else []
    windows += [w.value[1] for w in facts.leg_windows]
    assert windows and set(windows) == {DateWindow(date(2025, 4, 10), date(2025, 4, 12))}
    assert facts.replaced == [DateWindow(date(2025, 3, 20), date(2025, 3, 22))]
    assert facts.postponements == []


@pytest.mark.parametrize("body", REVISED_VI)
def test_the_new_days_are_read_and_the_old_named_as_replaced_vi(body: str) -> None:
    """ "Thủ tướng Thái Lan" before the range is the traveller's title, no other stop."""
    facts = read_article(body, "vi", date(2025, 10, 26))
    assert facts.trip_window is not None
    assert facts.trip_window.value == DateWindow(date(2025, 11, 18), date(2025, 11, 19))
    assert facts.replaced == [DateWindow(date(2025, 10, 28), date(2025, 10, 29))]
    assert facts.postponements == []


@pytest.mark.parametrize(
    ("first", "body", "lang", "published", "new"),
    [
        *[
            (ANNOUNCED_EN, body, "en", date(2025, 3, 15), (date(2025, 4, 10), date(2025, 4, 12)))
            for body in REVISED_EN
        ],
        *[
            (ANNOUNCED_VI, body, "vi", date(2025, 10, 26), (date(2025, 11, 18), date(2025, 11, 19)))
            for body in REVISED_VI
        ],
    ],
)
def test_the_trip_shows_the_new_days_and_never_the_old_as_confirmed(
    first: tuple[str, str, date], body: str, lang: str, published: date, new: tuple[date, date]
) -> None:
    """The revision joins the announced trip (its old days named) and retires them: they
    had stayed the trip's stated days, shown confirmed, and the new ones a trip of their
    own."""
    view = fold_articles(first, (body, lang, published))
    (leg,) = view.legs
    assert (leg.start_date, leg.end_date) == new
    assert leg.status == "announced"
    assert len(view.sources) == 2
