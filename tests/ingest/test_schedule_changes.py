"""A visit extended, cut short, brought forward or moved (issue 12: "visits get postponed,
dates get revised"): the days an earlier report stated no longer hold, so they must not
stay the leg's stated (confirmed) days; the new days are read where the report gives them.
Sentences that only look like a change ("extended an invitation", "thúc đẩy chuyến thăm",
"rút ngắn thời gian vận chuyển", another leader cutting short his own trip) change nothing.
Invented articles and people; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import fold_articles, read_article

ANNOUNCED_EN = (
    "Philippine President Marco Vell will pay an official visit to Japan from Feb. 8 to 10, "
    "his office said on Monday.",
    "en",
    date(2025, 2, 3),
)
ANNOUNCED_VI = (
    "Tổng thống Phi-líp-pin Mác-cô Ven sẽ thăm cấp Nhà nước Việt Nam từ ngày 12-14/8.",
    "vi",
    date(2025, 8, 5),
)


def _dates(*articles: tuple[str, str, date]) -> tuple[date | None, date | None, str | None]:
    view = fold_articles(*articles)
    (leg,) = view.legs
    return leg.start_date, leg.end_date, leg.end_certainty


@pytest.mark.parametrize(
    ("first", "change", "end"),
    [
        (
            ANNOUNCED_EN,
            (
                "Philippine President Marco Vell has extended his official visit to Japan by a "
                "day and will now return home on Feb. 11, his office said on Sunday.",
                "en",
                date(2025, 2, 9),
            ),
            date(2025, 2, 11),
        ),
        (
            ANNOUNCED_VI,
            (
                "Tổng thống Phi-líp-pin Mác-cô Ven đã quyết định kéo dài chuyến thăm cấp Nhà "
                "nước Việt Nam thêm một ngày, đến ngày 15/8, để thăm Thành phố Hồ Chí Minh.",
                "vi",
                date(2025, 8, 13),
            ),
            date(2025, 8, 15),
        ),
    ],
)
def test_a_stay_made_longer_ends_on_its_new_day_not_the_old_one_stated(
    first: tuple[str, str, date], change: tuple[str, str, date], end: date
) -> None:
    """The announced end had stayed the leg's stated end: a wrong day shown confirmed."""
    start, got, _ = _dates(first, change)
    assert start == first[2].replace(day=8 if first[1] == "en" else 12)
    assert got == end


def test_a_visit_cut_short_does_not_keep_its_planned_end() -> None:
    change = (
        "Philippine President Marco Vell cut short his visit to Japan and flew home on "
        "Sunday, a day earlier than planned, his office said.",
        "en",
        date(2025, 2, 9),
    )
    _, end, certainty = _dates(ANNOUNCED_EN, change)
    assert (end, certainty) != (date(2025, 2, 10), "stated")


def test_a_visit_cut_short_in_vietnamese_ends_on_the_day_it_ended() -> None:
    """ "kết thúc chuyến thăm vào chiều 7/3" names no place after the verb: the visit named
    before it in the sentence is the one that ended."""
    first = ("Thủ tướng Phạm Minh Chính sẽ thăm chính thức Niu Di-lân từ ngày 6-8/3.", "vi")
    change = (
        "Thủ tướng Phạm Minh Chính đã rút ngắn chuyến thăm chính thức Niu Di-lân, kết thúc "
        "chuyến thăm vào chiều 7/3 thay vì ngày 8/3 như kế hoạch.",
        "vi",
    )
    _, end, _ = _dates((*first, date(2025, 2, 25)), (*change, date(2025, 3, 8)))
    assert end == date(2025, 3, 7)


@pytest.mark.parametrize(
    ("first", "change", "new"),
    [
        (
            (
                "Swiss President Anna Keller will pay an official visit to Vietnam from June 2 "
                "to 4, the foreign ministry said.",
                "en",
                date(2025, 5, 19),
            ),
            (
                "Swiss President Anna Keller's official visit to Vietnam has been brought "
                "forward by a day and will now take place from June 1 to 3, the ministry said.",
                "en",
                date(2025, 5, 21),
            ),
            (date(2025, 6, 1), date(2025, 6, 3)),
        ),
        (
            (
                "Tổng thống Phi-líp-pin Mác-cô Ven sẽ thăm cấp Nhà nước Việt Nam từ ngày 14-16/10.",
                "vi",
                date(2025, 10, 1),
            ),
            (
                "Chuyến thăm cấp Nhà nước Việt Nam của Tổng thống Phi-líp-pin Mác-cô Ven sẽ "
                "diễn ra từ ngày 4-6/11 thay vì từ ngày 14-16/10 như thông báo trước đó.",
                "vi",
                date(2025, 10, 8),
            ),
            (date(2025, 11, 4), date(2025, 11, 6)),
        ),
    ],
)
def test_a_visit_moved_shows_its_new_days(
    first: tuple[str, str, date], change: tuple[str, str, date], new: tuple[date, date]
) -> None:
    """The old range had stayed stated beside the new one (one more reading)."""
    start, end, _ = _dates(first, change)
    assert (start, end) == new


def test_a_change_keeps_the_days_it_agrees_with() -> None:
    """A report of the change that restates the days still held keeps them stated."""
    change = (
        "Philippine President Marco Vell, who is on an official visit to Japan from Feb. 8 "
        "to 10, will now leave Tokyo on Feb. 10 instead of Feb. 11 morning, his office said.",
        "en",
        date(2025, 2, 9),
    )
    _, end, certainty = _dates(ANNOUNCED_EN, change)
    assert end == date(2025, 2, 10)
    assert certainty in ("stated", "corroborated")


@pytest.mark.parametrize(
    ("body", "lang", "moved"),
    [
        (
            "Philippine President Marco Vell has extended his official visit to Japan by a day.",
            "en",
            "end",
        ),
        (
            "Philippine President Marco Vell will cut short his visit to Japan and fly home "
            "on Monday.",
            "en",
            "end",
        ),
        ("Tổng thống Mác-cô Ven đã rút ngắn chuyến thăm Nhật Bản.", "vi", "end"),
        (
            "Philippine President Marco Vell will leave Japan on Feb. 10 instead of Feb. 11.",
            "en",
            "end",
        ),
        (
            "Tổng thống Phi-líp-pin Mác-cô Ven đang thăm chính thức Nhật Bản. Ông sẽ ở lại "
            "Nhật Bản thêm một ngày.",
            "vi",
            "end",
        ),
        (
            "Tổng thống Mác-cô Ven sẽ rời Nhật Bản vào tối 9/2, sớm hơn dự kiến một ngày.",
            "vi",
            "end",
        ),
        (
            "Philippine President Marco Vell's visit to Japan has been pushed back by a week.",
            "en",
            "both",
        ),
        ("Chuyến thăm Nhật Bản của Tổng thống Mác-cô Ven được dời sang tháng sau.", "vi", "both"),
    ],
)
def test_what_a_change_moved(body: str, lang: str, moved: str) -> None:
    facts = read_article(body, lang, date(2025, 2, 9))
    assert [c.value for c in facts.changes] == [("JP", moved)]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Philippine President Marco Vell extended an invitation to visit Japan.", "en"),
        (
            "Philippine President Marco Vell, on a visit to Japan, said trade talks had been "
            "pushed back until after the election.",
            "en",
        ),
        ("Hai bên nhất trí thúc đẩy chuyến thăm Nhật Bản của Tổng thống Mác-cô Ven.", "vi"),
        (
            "Tổng thống Mác-cô Ven thăm Nhật Bản; cảng mới sẽ rút ngắn thời gian vận chuyển "
            "hàng hóa.",
            "vi",
        ),
        (
            "Tổng thống Mác-cô Ven thăm Nhật Bản, cho rằng cần hợp tác thay vì đối đầu.",
            "vi",
        ),
        (
            "Philippine President Marco Vell arrived in Japan as Prime Minister Ito Sato cut "
            "short his trip to Korea.",
            "en",
        ),
    ],
)
def test_sentences_that_only_look_like_a_change(body: str, lang: str) -> None:
    facts = read_article(body, lang, date(2025, 2, 9))
    assert facts.changes == []


def test_the_new_last_day_of_a_stay_made_longer_is_no_one_day_visit() -> None:
    """ "has extended his visit by a day and will now return home on Feb. 11" had been read
    as a one-day visit on the 11th (a revision of the trip's days to that one day)."""
    facts = read_article(
        "Philippine President Marco Vell has extended his official visit to Japan by a day and "
        "will now return home on Feb. 11, his office said on Sunday.",
        "en",
        date(2025, 2, 9),
    )
    assert facts.trip_window is None


def test_a_first_leg_moved_keeps_the_trips_stated_end() -> None:
    """Only the trip's start is its first leg's: moving the first leg had also dropped the
    trip's stated last day."""
    first = (
        "Party General Secretary Tran Van Hoa will visit Laos and Cambodia from July 9 to 12, "
        "the foreign ministry said.",
        "en",
        date(2025, 7, 1),
    )
    change = (
        "Party General Secretary Tran Van Hoa's visit to Laos has been brought forward by a "
        "day, the foreign ministry said.",
        "en",
        date(2025, 7, 3),
    )
    view = fold_articles(first, change)
    assert (view.end_date, view.end_certainty) == (date(2025, 7, 12), "stated")
