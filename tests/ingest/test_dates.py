"""Tests for the date grammar, in sentences written for the tests (not copied from seeds)."""

import itertools
from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_svc.ingest.dates import (
    DateMention,
    DayPart,
    find_dates,
    find_durations,
    infer_reference,
)

REF = date(2025, 5, 4)  # a Sunday


def only(text: str, lang: str = "en", ref: date | None = REF, **kw: str) -> DateMention:
    found = find_dates(text, lang, ref, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, found
    mention = found[0]
    assert text[mention.span[0] : mention.span[1]] == mention.text
    return mention


def span_of(text: str, lang: str = "en", ref: date | None = REF) -> list[tuple[date, date]]:
    return [(m.start, m.end) for m in find_dates(text, lang, ref)]  # type: ignore[arg-type]


# --------------------------------------------------------------------------- English ranges


@pytest.mark.parametrize(
    ("text", "start", "end", "rule", "needle"),
    [
        (
            "The president travels abroad from May 5 to 12 on a tour.",
            date(2025, 5, 5),
            date(2025, 5, 12),
            "en.range.month_day_to_day",
            "from May 5 to 12",
        ),
        (
            "Talks are set for May 8-11 in the capital.",
            date(2025, 5, 8),
            date(2025, 5, 11),
            "en.range.month_day_to_day",
            "May 8-11",
        ),
        (
            "Talks are set for May 8–11 in the capital.",
            date(2025, 5, 8),
            date(2025, 5, 11),
            "en.range.month_day_to_day",
            "May 8–11",
        ),
        (
            "She will be in Hanoi from May 8-11, officials said.",
            date(2025, 5, 8),
            date(2025, 5, 11),
            "en.range.month_day_to_day",
            "from May 8-11",
        ),
        (
            "A visit from May 11-12 closes the tour.",
            date(2025, 5, 11),
            date(2025, 5, 12),
            "en.range.month_day_to_day",
            "from May 11-12",
        ),
        (
            "The forum runs Dec. 12 to 13 in Tokyo.",
            date(2024, 12, 12),
            date(2024, 12, 13),
            "en.range.month_day_to_day",
            "Dec. 12 to 13",
        ),
        (
            "He tours the region May 30 to June 2 with ministers.",
            date(2025, 5, 30),
            date(2025, 6, 2),
            "en.range.month_day_to_month_day",
            "May 30 to June 2",
        ),
        (
            "He tours the region May 30 to June 2, 2026 with ministers.",
            date(2026, 5, 30),
            date(2026, 6, 2),
            "en.range.month_day_to_month_day_y",
            "May 30 to June 2, 2026",
        ),
        (
            "The summit is held from 5 to 12 May 2025 in Kazan.",
            date(2025, 5, 5),
            date(2025, 5, 12),
            "en.range.day_to_day_month_y",
            "from 5 to 12 May 2025",
        ),
        (
            "Delegates meet 5-12 May at the palace.",
            date(2025, 5, 5),
            date(2025, 5, 12),
            "en.range.day_to_day_month",
            "5-12 May",
        ),
        (
            "The fair lasts from 28 December to 2 January.",
            date(2024, 12, 28),
            date(2025, 1, 2),
            "en.range.day_month_to_day_month",
            "from 28 December to 2 January",
        ),
        (
            "Elections take place between June 3 and 9.",
            date(2025, 6, 3),
            date(2025, 6, 9),
            "en.range.month_day_to_day",
            "between June 3 and 9",
        ),
    ],
)
def test_english_ranges(text: str, start: date, end: date, rule: str, needle: str) -> None:
    m = only(text)
    assert (m.start, m.end, m.rule, m.text) == (start, end, rule, needle)


def test_english_and_connects_only_consecutive_days() -> None:
    assert span_of("He speaks on June 3 and 4.") == [(date(2025, 6, 3), date(2025, 6, 4))]
    # "June 3 and 9" without "between" names two days; the 9 alone is not a date.
    assert span_of("He speaks on June 3 and 9.") == [(date(2025, 6, 3), date(2025, 6, 3))]


# --------------------------------------------------------------------------- English single days


@pytest.mark.parametrize(
    ("text", "when", "inferred", "needle"),
    [
        ("The minister arrives on May 7 for talks.", date(2025, 5, 7), True, "May 7"),
        ("Classes resume Sept. 3 nationwide.", date(2025, 9, 3), True, "Sept. 3"),
        ("The accord was signed May 5, 2025 in Baku.", date(2025, 5, 5), False, "May 5, 2025"),
        ("The accord was signed 5 May 2025 in Baku.", date(2025, 5, 5), False, "5 May 2025"),
        (
            "Independence was proclaimed on September 2, 1945 in the square.",
            date(1945, 9, 2),
            False,
            "September 2, 1945",
        ),
        ("It opens on the 9th of May.", date(2025, 5, 9), True, "the 9th of May"),
        ("It opened on Friday, May 2, 2025.", date(2025, 5, 2), False, "Friday, May 2, 2025"),
        ("The page is dated 2025-05-04 at the top.", date(2025, 5, 4), False, "2025-05-04"),
    ],
)
def test_english_single_days(text: str, when: date, inferred: bool, needle: str) -> None:
    m = only(text)
    assert (m.start, m.end, m.year_inferred, m.text) == (when, when, inferred, needle)
    assert not m.weekday_resolved


@pytest.mark.parametrize(
    ("text", "when", "part", "needle"),
    [
        (
            "Talks were held on the afternoon of May 7 in Astana.",
            date(2025, 5, 7),
            DayPart.AFTERNOON,
            "on the afternoon of May 7",
        ),
        (
            "A banquet followed on the evening of May 8.",
            date(2025, 5, 8),
            DayPart.EVENING,
            "on the evening of May 8",
        ),
        (
            "Crowds gathered May 7 morning outside.",
            date(2025, 5, 7),
            DayPart.MORNING,
            "May 7 morning",
        ),
        ("They land at noon on May 6.", date(2025, 5, 6), DayPart.NOON, "at noon on May 6"),
    ],
)
def test_english_day_parts(text: str, when: date, part: DayPart, needle: str) -> None:
    m = only(text)
    assert (m.start, m.day_part, m.text) == (when, part, needle)


def test_english_clock_and_local_time() -> None:
    m = only("The plane lands on May 6 at 10.30 am (local time), aides said.")
    assert m.clock_time == time(10, 30)
    assert m.local_time
    assert m.text == "May 6 at 10.30 am (local time)"
    m = only("The ceremony starts at 3 p.m. on May 9 in the square.")
    assert m.clock_time == time(15, 0)
    assert m.text == "at 3 p.m. on May 9"
    m = only("It ends May 9 at 21:15.")
    assert m.clock_time == time(21, 15)


# --------------------------------------------------------------------------- English weekdays


@pytest.mark.parametrize(
    ("text", "tense", "when", "part", "local"),
    [
        # REF is Sunday 2025-05-04.
        (
            "The delegation left the capital on Monday noon.",
            "unknown",
            date(2025, 5, 5),
            "noon",
            False,
        ),
        (
            "The delegation left the capital on Monday noon.",
            "past",
            date(2025, 4, 28),
            "noon",
            False,
        ),
        (
            "They flew out on Sunday afternoon (local time) for Minsk.",
            "past",
            date(2025, 5, 4),
            "afternoon",
            True,
        ),
        (
            "A dinner was given in the evening of Monday.",
            "future",
            date(2025, 5, 5),
            "evening",
            False,
        ),
        ("He will speak on Tuesday to lawmakers.", "future", date(2025, 5, 6), None, False),
        ("He spoke on Tuesday to lawmakers.", "past", date(2025, 4, 29), None, False),
        ("Leaders meet on Wednesday morning.", "unknown", date(2025, 5, 7), "morning", False),
        ("Leaders met on Thursday morning.", "unknown", date(2025, 5, 1), "morning", False),
        ("The vote was held last Sunday.", "unknown", date(2025, 4, 27), None, False),
        ("The vote is next Sunday.", "unknown", date(2025, 5, 11), None, False),
        # the day it was said is past, though the plan is to come
        ("His office said on Thursday he would go.", "future", date(2025, 5, 1), None, False),
    ],
)
def test_english_weekdays(text: str, tense: str, when: date, part: str | None, local: bool) -> None:
    m = only(text, tense=tense)
    assert m.start == m.end == when
    assert m.weekday_resolved and m.year_inferred
    assert m.day_part == (DayPart(part) if part else None)
    assert m.local_time is local
    assert m.rule == "en.weekday"


@pytest.mark.parametrize(
    ("text", "lang", "days"),
    [
        # REF is Sunday 4 May 2025; a plan's weekdays lie ahead
        ("He will visit China on Wednesday and Thursday.", "en", [(7, 8)]),
        ("He will be in Paris from Monday to Wednesday.", "en", [(5, 7)]),
        ("Ông sẽ thăm Pháp từ thứ Hai đến thứ Tư.", "vi", [(5, 7)]),
        ("Ông sẽ thăm Pháp vào thứ Tư và thứ Năm.", "vi", [(7, 8)]),
        # days apart joined by "and" are two days, not a stay
        ("He will meet Xi on Monday and Wednesday.", "en", [(5, 5), (7, 7)]),
    ],
)
def test_two_weekdays_bounding_a_stay_are_one_range(
    text: str, lang: str, days: list[tuple[int, int]]
) -> None:
    found = find_dates(text, lang, REF, tense="future")  # type: ignore[arg-type]
    assert [(m.start.day, m.end.day) for m in found] == days
    assert all(text[m.span[0] : m.span[1]] == m.text for m in found)


def test_weekday_without_reference_yields_nothing() -> None:
    assert find_dates("He left on Monday noon.", "en", None) == []
    assert find_dates("Đoàn rời Hà Nội chiều thứ Hai.", "vi", None) == []


def test_unknown_tense_picks_nearest_weekday_within_three_days() -> None:
    ref = date(2025, 5, 7)  # Wednesday
    for offset in range(-3, 4):
        target = date.fromordinal(ref.toordinal() + offset)
        name = target.strftime("%A")
        m = only(f"It happens on {name}.", ref=ref)
        assert m.start == target


# --------------------------------------------------------------------------- Vietnamese ranges


@pytest.mark.parametrize(
    ("text", "start", "end", "rule", "needle"),
    [
        (
            "Đoàn sẽ thăm ba nước từ ngày 5-12/5/2025 theo lời mời.",
            date(2025, 5, 5),
            date(2025, 5, 12),
            "vi.range.d_d_m_y",
            "từ ngày 5-12/5/2025",
        ),
        (
            "Chuyến công du diễn ra từ 5 - 12/5 tới các nước.",
            date(2025, 5, 5),
            date(2025, 5, 12),
            "vi.range.d_d_m",
            "từ 5 - 12/5",
        ),
        (
            "Hội nghị kéo dài từ ngày 5 đến ngày 12/5/2025 tại thủ đô.",
            date(2025, 5, 5),
            date(2025, 5, 12),
            "vi.range.d_d_m_y",
            "từ ngày 5 đến ngày 12/5/2025",
        ),
        (
            "Triển lãm mở cửa từ ngày 26 đến 28-6 tại Hà Nội.",
            date(2025, 6, 26),
            date(2025, 6, 28),
            "vi.range.d_d_m",
            "từ ngày 26 đến 28-6",
        ),
        (
            "Đoàn công tác từ ngày 28-6 đến 1-7 ở nước ngoài.",
            date(2025, 6, 28),
            date(2025, 7, 1),
            "vi.range.d_m_d_m",
            "từ ngày 28-6 đến 1-7",
        ),
        (
            "Diễn đàn họp từ ngày 30/6 đến ngày 2/7/2025 tại Đà Nẵng.",
            date(2025, 6, 30),
            date(2025, 7, 2),
            "vi.range.d_m_d_m_y",
            "từ ngày 30/6 đến ngày 2/7/2025",
        ),
        (
            "Lễ hội từ ngày 5 đến ngày 12 tháng 5 năm 2025 ở Huế.",
            date(2025, 5, 5),
            date(2025, 5, 12),
            "vi.range.d_d_m_y",
            "từ ngày 5 đến ngày 12 tháng 5 năm 2025",
        ),
        (
            "Hai bên hội đàm trong hai ngày 6 và 7/5 tại Moskva.",
            date(2025, 5, 6),
            date(2025, 5, 7),
            "vi.range.d_d_m",
            "ngày 6 và 7/5",
        ),
    ],
)
def test_vietnamese_ranges(text: str, start: date, end: date, rule: str, needle: str) -> None:
    m = only(text, "vi")
    assert (m.start, m.end, m.rule, m.text) == (start, end, rule, needle)


def test_year_written_at_the_end_applies_to_both_ends() -> None:
    m = only("Kỳ nghỉ từ 28/12 đến 2/1/2026 theo thông báo.", "vi")
    assert (m.start, m.end, m.year_inferred) == (date(2025, 12, 28), date(2026, 1, 2), False)


def test_range_end_before_start_rolls_into_next_year() -> None:
    m = only("Kỳ nghỉ từ 28/12 đến 2/1 theo thông báo.", "vi", ref=date(2025, 12, 1))
    assert (m.start, m.end, m.year_inferred) == (date(2025, 12, 28), date(2026, 1, 2), True)


def test_same_month_range_that_runs_backwards_is_not_a_range() -> None:
    assert all(m.start <= m.end for m in find_dates("từ ngày 12-5/5", "vi", REF))
    assert span_of("Thi đấu từ ngày 12-5/5.", "vi") != [(date(2025, 5, 12), date(2026, 5, 5))]


def test_far_apart_dates_are_two_anniversaries_not_a_range() -> None:
    found = find_dates("kỷ niệm 95 năm (3/2/1930 – 3/2/2025)", "vi", REF)
    assert [(m.start, m.text) for m in found] == [
        (date(1930, 2, 3), "3/2/1930"),
        (date(2025, 2, 3), "3/2/2025"),
    ]


# --------------------------------------------------------------------------- Vietnamese single days


@pytest.mark.parametrize(
    ("text", "when", "part", "needle"),
    [
        ("Ngày 5/5 đoàn lên đường.", date(2025, 5, 5), None, "Ngày 5/5"),
        (
            "Hiệp định ký ngày 5 tháng 5 năm 2025.",
            date(2025, 5, 5),
            None,
            "ngày 5 tháng 5 năm 2025",
        ),
        ("Hai bên hội đàm chiều 7/5 tại Astana.", date(2025, 5, 7), DayPart.AFTERNOON, "chiều 7/5"),
        ("Sáng 26-6, hội nghị khai mạc.", date(2025, 6, 26), DayPart.MORNING, "Sáng 26-6"),
        ("Tối 3/2, nhà hát kín chỗ.", date(2025, 2, 3), DayPart.EVENING, "Tối 3/2"),
        ("Đoàn ăn trưa cùng nhau trưa 5/5.", date(2025, 5, 5), DayPart.NOON, "trưa 5/5"),
        (
            "Máy bay hạ cánh rạng sáng 6/5.",
            date(2025, 5, 6),
            DayPart.EARLY_MORNING,
            "rạng sáng 6/5",
        ),
        ("Pháo hoa bắn lúc đêm 30/4.", date(2025, 4, 30), DayPart.NIGHT, "đêm 30/4"),
        ("Ngày 2/9/1945, bản Tuyên ngôn được đọc.", date(1945, 9, 2), None, "Ngày 2/9/1945"),
        ("Mừng Quốc khánh 2/9 năm nay.", date(2025, 9, 2), None, "2/9"),
        (
            "Thứ Hai, ngày 5/5/2025, đoàn khởi hành.",
            date(2025, 5, 5),
            None,
            "Thứ Hai, ngày 5/5/2025",
        ),
    ],
)
def test_vietnamese_single_days(text: str, when: date, part: DayPart | None, needle: str) -> None:
    m = only(text, "vi")
    assert (m.start, m.end, m.day_part, m.text) == (when, when, part, needle)


def test_vietnamese_late_afternoon_and_local_time() -> None:
    m = only("Đoàn đến sân bay chiều tối 8/5 (theo giờ địa phương) trong mưa.", "vi")
    assert m.start == date(2025, 5, 8)
    assert m.day_part is DayPart.LATE_AFTERNOON
    assert m.local_time
    assert m.text == "chiều tối 8/5 (theo giờ địa phương)"


@pytest.mark.parametrize(
    ("text", "clock", "part"),
    [
        ("Lễ đón diễn ra lúc 14h30 ngày 7/5 tại dinh.", time(14, 30), None),
        ("Lễ đón diễn ra ngày 7/5 lúc 9 giờ 15 phút tại dinh.", time(9, 15), None),
        ("Lễ đón diễn ra vào 8 giờ tối ngày 7/5 tại dinh.", time(20, 0), DayPart.EVENING),
        ("Lễ đón diễn ra 14 giờ 30 ngày 7/5 giờ địa phương.", time(14, 30), None),
    ],
)
def test_vietnamese_clock_times(text: str, clock: time, part: DayPart | None) -> None:
    m = only(text, "vi")
    assert m.start == date(2025, 5, 7)
    assert m.clock_time == clock
    assert m.day_part == part


def test_vietnamese_this_morning_with_date_in_brackets() -> None:
    m = only("Sáng nay (5/5), đoàn rời Hà Nội.", "vi")
    assert (m.start, m.day_part, m.text) == (date(2025, 5, 5), DayPart.MORNING, "Sáng nay (5/5)")
    m = only("Chiều nay 6/5 đoàn tới Baku.", "vi")
    assert (m.start, m.day_part) == (date(2025, 5, 6), DayPart.AFTERNOON)


@pytest.mark.parametrize(
    ("text", "lang", "needle"),
    [
        ("Đoàn tới nơi Thứ Bảy (10/5) trong nắng.", "vi", "Thứ Bảy (10/5)"),
        ("They arrive on Saturday (May 10) at dawn.", "en", "Saturday (May 10)"),
        ("They arrive on Saturday, 10 May, at dawn.", "en", "Saturday, 10 May"),
    ],
)
def test_weekday_next_to_a_written_date_takes_the_date(text: str, lang: str, needle: str) -> None:
    # The written date wins over the weekday, which alone would resolve to 3 May.
    m = only(text, lang)
    assert (m.start, m.text, m.weekday_resolved) == (date(2025, 5, 10), needle, False)


def test_vietnamese_dotted_date_needs_a_year() -> None:
    m = only("Văn bản ký ngày 5.5.2025 tại Hà Nội.", "vi")
    assert (m.start, m.rule) == (date(2025, 5, 5), "vi.d_m_dotted_y")
    assert find_dates("Phiên bản 5.5 ra mắt.", "vi", REF) == []


# --------------------------------------------------------------------------- Vietnamese weekdays


@pytest.mark.parametrize(
    ("text", "tense", "when", "part"),
    [
        # REF is Sunday 2025-05-04.
        ("Đoàn sẽ khởi hành vào thứ Hai.", "future", date(2025, 5, 5), None),
        ("Đoàn sẽ khởi hành vào thứ 2.", "future", date(2025, 5, 5), None),
        ("Lễ thượng cờ diễn ra Chủ nhật.", "unknown", date(2025, 5, 4), None),
        ("Đoàn rời Moskva chiều Chủ nhật.", "past", date(2025, 5, 4), DayPart.AFTERNOON),
        # Weeks start on Monday: on Sunday 4 May, "next week" is 5-11 May.
        ("Hội nghị khai mạc sáng thứ Ba tuần tới.", "unknown", date(2025, 5, 6), DayPart.MORNING),
        ("Hội nghị khai mạc thứ Ba tuần trước.", "unknown", date(2025, 4, 22), None),
        ("Hội nghị bế mạc hôm thứ sáu.", "past", date(2025, 5, 2), None),
    ],
)
def test_vietnamese_weekdays(text: str, tense: str, when: date, part: DayPart | None) -> None:
    m = only(text, "vi", tense=tense)
    assert m.start == when
    assert m.weekday_resolved
    assert m.day_part == part


@pytest.mark.parametrize(
    "text",
    [
        "Đây là lần thứ Hai hai nước ký hiệp định.",
        "Việt Nam đứng thứ 2 trong khu vực.",
        "Thứ hai, cần đẩy mạnh hợp tác kinh tế.",
        "Thứ trưởng Ngoại giao trả lời phỏng vấn.",
    ],
)
def test_vietnamese_ordinals_are_not_weekdays(text: str) -> None:
    assert find_dates(text, "vi", REF) == []


# --------------------------------------------------------------------------- years


def test_year_nearest_to_reference() -> None:
    m = only("Đoàn trở về ngày 3/1.", "vi", ref=date(2025, 12, 20))
    assert m.start == date(2026, 1, 3)
    assert m.year_inferred
    m = only("The report covered Dec. 28 events.", ref=date(2026, 1, 5))
    assert m.start == date(2025, 12, 28)


def test_explicit_year_wins_over_reference() -> None:
    m = only("Đoàn trở về ngày 3/1/2024.", "vi", ref=date(2025, 12, 20))
    assert m.start == date(2024, 1, 3)
    assert not m.year_inferred


def test_no_year_and_no_reference_is_dropped() -> None:
    assert find_dates("He arrives on May 7.", "en", None) == []
    assert find_dates("Đoàn đến Hà Nội ngày 5/5.", "vi", None) == []
    assert [m.start for m in find_dates("He arrived on May 7, 2025.", "en", None)] == [
        date(2025, 5, 7)
    ]


def test_infer_reference_takes_first_fully_written_date() -> None:
    text = "Hôm nay, ngày 5/5, rồi đến ngày 7/5/2025 và 9/5/2026."
    assert infer_reference(text, "vi") == date(2025, 5, 7)
    assert infer_reference("Talks open May 5, 2025 and end May 7.", "en") == date(2025, 5, 5)
    assert infer_reference("No year in May 5 at all.", "en") is None
    assert infer_reference("Chuyến thăm từ ngày 5-12/5/2025.", "vi") == date(2025, 5, 5)


# --------------------------------------------------------------------------- negatives


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Delegates gathered for the 13th National Party Congress.", "en"),
        ("They marked the 80th anniversary of the victory.", "en"),
        ("The army sent 86 officers to the parade.", "en"),
        ("Leaders met at the G20 in 1941 terms.", "en"),
        ("The pandemic of Covid-19 slowed trade.", "en"),
        ("Version 1.5 of the plan was adopted.", "en"),
        ("The match ended 3-2 after extra time.", "en"),
        ("The Party may 5 times revise it.", "en"),
        ("Kỷ niệm 75 năm quan hệ ngoại giao.", "vi"),
        ("Kế hoạch giai đoạn 2026 - 2030 được thông qua.", "vi"),
        ("Thực hiện Nghị định số 46/2026/NĐ-CP của Chính phủ.", "vi"),
        ("Thủ tướng ký Công điện số 08/CĐ-TTg về việc này.", "vi"),
        ("Đại dịch Covid-19 ảnh hưởng kinh tế.", "vi"),
        ("Hội nghị G20 diễn ra tại Ấn Độ.", "vi"),
        ("Phiên bản 1.5 đã được phát hành.", "vi"),
        ("Năm 1941, Bác Hồ về nước.", "vi"),
        ("Đội tuyển thắng 3-2 trong trận chung kết.", "vi"),
        ("Mỗi nhóm có 5-6 người tham gia.", "vi"),
        ("Khoảng 1/3 số đại biểu tán thành.", "vi"),
        ("Ngày 31/2 không tồn tại.", "vi"),
        ("Sau 3 tháng 10 ngày đàm phán.", "vi"),
    ],
)
def test_no_date(text: str, lang: str) -> None:
    assert find_dates(text, lang, REF) == []  # type: ignore[arg-type]


def test_invalid_english_date() -> None:
    assert find_dates("The order is dated February 30, 2025.", "en", REF) == []


def test_bare_dash_date_needs_context_but_slash_does_not() -> None:
    assert find_dates("Tỷ số 3-2 nghiêng về đội khách.", "vi", REF) == []
    assert [m.start for m in find_dates("Dự kiến vào 3-2 đoàn tới.", "vi", REF)] == [
        date(2025, 2, 3)
    ]
    assert [m.start for m in find_dates("Lễ kỷ niệm 3/2 năm nay.", "vi", REF)] == [date(2025, 2, 3)]


# --------------------------------------------------------------------------- ordering


def test_results_sorted_and_non_overlapping() -> None:
    text = (
        "Sáng 5/5, đoàn rời Hà Nội; từ ngày 8-11/5 thăm Nga; tối 11/5 tới Minsk "
        "và về nước ngày 13/5."
    )
    found = find_dates(text, "vi", REF)
    assert [m.text for m in found] == ["Sáng 5/5", "từ ngày 8-11/5", "tối 11/5", "ngày 13/5"]
    for a, b in itertools.pairwise(found):
        assert a.span[1] <= b.span[0]


# --------------------------------------------------------------------------- durations


@pytest.mark.parametrize(
    ("text", "lang", "days", "needle"),
    [
        ("He began a three-day state visit to Laos.", "en", 3, "three-day"),
        ("It is a two-day trip.", "en", 2, "two-day"),
        ("A four-day programme awaits.", "en", 4, "four-day"),
        ("Their 3-day stay ends today.", "en", 3, "3-day"),
        ("Leaders talked for three days in Baku.", "en", 3, "for three days"),
        ("Her five-day tour of Europe begins.", "en", 5, "five-day"),
        ("A week-long festival followed.", "en", 7, "week-long"),
        # hours are the same day, however many ("a three-hour stop" is no three-day stay)
        ("He was to make a three-hour stop there.", "en", 1, "three-hour stop"),
        ("It was a visit of only a few hours.", "en", 1, "visit of only a few hours"),
        ("Tổng thống có chuyến thăm 3 ngày tới Hà Nội.", "vi", 3, "3 ngày"),
        ("Hội nghị diễn ra trong ba ngày tại Huế.", "vi", 3, "trong ba ngày"),
        ("Đoàn làm việc hai ngày ở Đà Nẵng.", "vi", 2, "hai ngày"),
        ("Chuyến thăm kéo dài mười ngày.", "vi", 10, "mười ngày"),
        ("Chuyến thăm kéo dài mười hai ngày.", "vi", 12, "mười hai ngày"),
        # a stay of less than a day is a one-day stay
        ("Chuyến thăm kéo dài chưa đầy một ngày.", "vi", 1, "một ngày"),
    ],
)
def test_durations(text: str, lang: str, days: int, needle: str) -> None:
    found = find_durations(text, lang)  # type: ignore[arg-type]
    assert [(d.days, d.text) for d in found] == [(days, needle)]
    assert text[found[0].span[0] : found[0].span[1]] == needle


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kỷ niệm 80 năm Ngày Chiến thắng.", "vi"),
        ("Kỷ niệm 50 năm ngày Giải phóng miền Nam.", "vi"),
        ("Ba ngày sau, đoàn về nước.", "vi"),
        ("Three days later they left.", "en"),
        ("Một ngày nào đó hai nước sẽ gặp lại.", "vi"),
        ("The 13th Congress ended.", "en"),
        # a bound on the time between things, not a stay's length
        ("It is his second trip abroad in less than two weeks.", "en"),
        ("Đây là chuyến công du thứ hai trong chưa đầy hai tuần.", "vi"),
        ("Talks are due within three days.", "en"),
        # after "thứ", an ordinal or a weekday, then a date: "the second (summit), on the
        # 19th", "Monday the 19th"
        ("Hội nghị thượng đỉnh thường niên lần thứ hai ngày 19/11.", "vi"),
        ("Thứ Hai ngày 19/11, ông tới Hà Nội.", "vi"),
    ],
)
def test_not_durations(text: str, lang: str) -> None:
    assert find_durations(text, lang) == []  # type: ignore[arg-type]


# --------------------------------------------------------------------------- robustness

_TOKENS = st.sampled_from(
    [
        "May", "June", "Dec.", "Sept.", "from", "to", "and", "between", "on", "the",
        "afternoon", "of", "Monday", "Sunday", "noon", "(local time)", "at", "10:30", "am",
        "ngày", "từ", "đến", "và", "tháng", "năm", "chiều", "tối", "chiều tối", "Sáng", "nay",
        "thứ", "Hai", "2", "Chủ nhật", "lúc", "14h30", "giờ", "(theo giờ địa phương)",
        "trong", "ba", "hai", "three-day", "5", "12", "31", "0", "99", "2025", "1945",
        "/", "-", "–", "(", ")", ",", ".", " ", "  ", "\n", "số", "lần",
    ]
)  # fmt: skip


def _check(text: str, lang: str, ref: date | None, tense: str) -> None:
    for m in find_dates(text, lang, ref, tense=tense):  # type: ignore[arg-type]
        assert text[m.span[0] : m.span[1]] == m.text
        assert m.start <= m.end
    found = find_dates(text, lang, ref)  # type: ignore[arg-type]
    for a, b in itertools.pairwise(found):
        assert a.span[1] <= b.span[0]
    for d in find_durations(text, lang):  # type: ignore[arg-type]
        assert text[d.span[0] : d.span[1]] == d.text
        assert d.days >= 1


_LANGS = st.sampled_from(["en", "vi"])
_REFS = st.one_of(st.none(), st.dates())
_TENSES = st.sampled_from(["past", "future", "unknown"])


@settings(max_examples=300, deadline=None)
@given(text=st.text(), lang=_LANGS, ref=_REFS, tense=_TENSES)
def test_never_raises_on_arbitrary_text(text: str, lang: str, ref: date | None, tense: str) -> None:
    _check(text, lang, ref, tense)


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(_TOKENS, max_size=25),
    seps=st.lists(st.sampled_from(["", " "]), min_size=25, max_size=25),
    lang=_LANGS,
    ref=_REFS,
    tense=_TENSES,
)
def test_never_raises_on_date_like_text(
    parts: list[str], seps: list[str], lang: str, ref: date | None, tense: str
) -> None:
    text = "".join(p + s for p, s in zip(parts, seps, strict=False))
    _check(text, lang, ref, tense)


def test_a_plans_day_near_the_first_representable_year_does_not_overflow() -> None:
    """Found by the property test above: a reference in year 1 has no day two weeks
    earlier; the plan's day is still read, from the first day there is."""
    found = find_dates("sẽ dự hội nghị ngày 5/5", "vi", date(1, 1, 1), tense="future")
    assert [m.start for m in found] == [date(1, 5, 5)]


@pytest.mark.parametrize(
    ("text", "lang", "tense", "start"),
    [
        # told as done: a day without its year lies before the reference
        ("an official visit to Laos on April 10-11", "en", "done", date(2023, 4, 10)),
        ("đã thăm Lào ngày 10/4", "vi", "done", date(2023, 4, 10)),
        # not told as done: the nearest such day, here the next April
        ("an official visit to Laos on April 10-11", "en", "past", date(2024, 4, 10)),
    ],
)
def test_a_day_told_as_done_lies_before_the_reference(
    text: str, lang: str, tense: str, start: date
) -> None:
    """Written on 21 October 2023, "April 10-11" is nearer next April than last."""
    m = only(text, lang, ref=date(2023, 10, 21), tense=tense)
    assert m.start == start


def test_vietnamese_day_inside_a_name_is_no_date() -> None:
    # "Sân vận động Ngày 1/5" is the May Day Stadium; a sentence opening "Ngày 20/6" is a day
    named = find_dates(
        "Hai ông dự buổi đồng diễn tại Sân vận động Ngày 1/5.", "vi", date(2019, 6, 21)
    )
    opening = find_dates("Ngày 20/6, ông tới Bình Nhưỡng.", "vi", date(2019, 6, 21))
    assert named == []
    assert [d.start for d in opening] == [date(2019, 6, 20)]
