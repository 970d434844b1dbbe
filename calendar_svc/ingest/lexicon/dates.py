"""Date words per language: month and weekday names, small numbers written as words and the
parts of the day ("Sept.", "thứ Hai", "three-day", "chiều tối"). One table per language with
the same fields, like :mod:`calendar_svc.ingest.lexicon`, so the date grammar
(:mod:`calendar_svc.ingest.dates`) reads every language's words the same way and a language
is added by adding a table. Kept apart from the travel lexicon because only dates use them.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from calendar_svc.domain.language import Language

__all__ = [
    "DATE_WORDS",
    "ENGLISH",
    "VIETNAMESE",
    "DateWords",
    "DayPart",
    "Placement",
    "word_key",
]


class DayPart(enum.StrEnum):
    EARLY_MORNING = "early_morning"
    MORNING = "morning"
    NOON = "noon"
    AFTERNOON = "afternoon"
    LATE_AFTERNOON = "late_afternoon"
    EVENING = "evening"
    NIGHT = "night"


#: Where a modifier places a weekday: strictly before or after the reference day, or in the
#: reference's week, the next or the last.
Placement = Literal["strict_past", "strict_future", "this_week", "next_week", "last_week"]


def word_key(word: str) -> str:
    """How the tables below are keyed: lower case, one space between words."""
    return " ".join(word.lower().split())


@dataclass(frozen=True)
class DateWords:
    language: Language
    #: month names and abbreviations (without their dot) and the month's number
    months: Mapping[str, int]
    #: weekday names, Monday = 0
    weekdays: Mapping[str, int]
    #: numbers written as words, as a length is ("a three-day visit", "mười lăm ngày")
    numbers: Mapping[str, int]
    #: the words for a part of the day
    day_parts: Mapping[str, DayPart]
    #: the words that place a weekday ("last Sunday", "thứ Ba tuần tới")
    weekday_modifiers: Mapping[str, Placement]
    #: a day told by its distance from the day named before it ("landed on May 3 and held
    #: talks the next day", "tối hôm trước"): the words, as a pattern, and the days to add
    relative_days: Mapping[str, int]


ENGLISH = DateWords(
    language="en",
    months={
        "january": 1,
        "february": 2,
        "march": 3,
        "april": 4,
        "may": 5,
        "june": 6,
        "july": 7,
        "august": 8,
        "september": 9,
        "october": 10,
        "november": 11,
        "december": 12,
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    },
    weekdays={
        "monday": 0,
        "tuesday": 1,
        "wednesday": 2,
        "thursday": 3,
        "friday": 4,
        "saturday": 5,
        "sunday": 6,
    },
    numbers={
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
    },
    day_parts={
        "early morning": DayPart.EARLY_MORNING,
        "morning": DayPart.MORNING,
        "noon": DayPart.NOON,
        "midday": DayPart.NOON,
        "afternoon": DayPart.AFTERNOON,
        "late afternoon": DayPart.LATE_AFTERNOON,
        "evening": DayPart.EVENING,
        "late evening": DayPart.NIGHT,
        "night": DayPart.NIGHT,
        "late night": DayPart.NIGHT,
        "late": DayPart.NIGHT,  # "late Tuesday": before a single day only (parse)
        "early": DayPart.EARLY_MORNING,
        "midnight": DayPart.NIGHT,
    },
    weekday_modifiers={
        "last": "strict_past",
        "past": "strict_past",
        "next": "strict_future",
        "coming": "strict_future",
        "this coming": "strict_future",
    },
    relative_days={
        # (not "the day before the summit": a day told by an event, not by a date)
        r"the\s+(?:next|following)\s+(?:day|morning|afternoon|evening)|a\s+day\s+later": 1,
        r"a\s+day\s+earlier|the\s+previous\s+(?:day|morning|afternoon|evening|night)|"
        r"the\s+(?:day|night|evening)\s+before(?!\s+(?:the|his|her|its|their|a|an)\b)": -1,
    },
)

VIETNAMESE = DateWords(
    language="vi",
    # after "tháng": "tháng Chín", "tháng Giêng", "tháng Chạp"
    months={
        "giêng": 1,
        "hai": 2,
        "ba": 3,
        "tư": 4,
        "năm": 5,
        "sáu": 6,
        "bảy": 7,
        "tám": 8,
        "chín": 9,
        "mười": 10,
        "mười một": 11,
        "mười hai": 12,
        "chạp": 12,
    },
    # "thứ 2" is written as often as "thứ Hai"
    weekdays={
        "thứ hai": 0,
        "thứ 2": 0,
        "thứ ba": 1,
        "thứ 3": 1,
        "thứ tư": 2,
        "thứ 4": 2,
        "thứ năm": 3,
        "thứ 5": 3,
        "thứ sáu": 4,
        "thứ 6": 4,
        "thứ bảy": 5,
        "thứ 7": 5,
        "chủ nhật": 6,
    },
    # 11 to 19 are "mười" and a unit; "lăm" is "năm" (5) after a ten
    numbers={
        "một": 1,
        "hai": 2,
        "ba": 3,
        "bốn": 4,
        "năm": 5,
        "lăm": 5,
        "sáu": 6,
        "bảy": 7,
        "tám": 8,
        "chín": 9,
        "mười": 10,
        "mười một": 11,
        "mười hai": 12,
        "mười ba": 13,
        "mười bốn": 14,
        "mười lăm": 15,
        "mười năm": 15,
        "mười sáu": 16,
        "mười bảy": 17,
        "mười tám": 18,
        "mười chín": 19,
    },
    day_parts={
        "rạng sáng": DayPart.EARLY_MORNING,
        "sáng sớm": DayPart.EARLY_MORNING,
        "sáng": DayPart.MORNING,
        "trưa": DayPart.NOON,
        "chiều": DayPart.AFTERNOON,
        "chiều tối": DayPart.LATE_AFTERNOON,
        "chiều muộn": DayPart.LATE_AFTERNOON,
        "tối": DayPart.EVENING,
        "đêm": DayPart.NIGHT,
        "đêm khuya": DayPart.NIGHT,
        "tối muộn": DayPart.NIGHT,
        "nửa đêm": DayPart.NIGHT,
        "khuya": DayPart.NIGHT,
    },
    weekday_modifiers={
        "tới": "strict_future",
        "vừa qua": "strict_past",
        "tuần này": "this_week",
        "tuần tới": "next_week",
        "tuần sau": "next_week",
        "tuần trước": "last_week",
        "tuần qua": "last_week",
    },
    relative_days={
        # (not "một ngày sau khi ..." nor "một ngày trước khi ...": a day told by an event)
        r"(?:(?:ngày|sáng|trưa|chiều|tối)\s+)?hôm\s+sau|ngày\s+tiếp\s+theo|"
        r"một\s+ngày\s+sau(?!\s+khi)": 1,
        r"(?:(?:ngày|sáng|trưa|chiều|tối|đêm)\s+)?hôm\s+trước|một\s+ngày\s+trước(?!\s+khi)": -1,
    },
)

DATE_WORDS: dict[str, DateWords] = {"en": ENGLISH, "vi": VIETNAMESE}
