"""Date grammar for English and Vietnamese press copy about leaders' trips.

dateparser handles one date at a time and cannot read ranges such as
"từ ngày 5-12/5/2025" or "May 30 to June 2", which is how trips are announced,
so the grammar is a table of hand-written, named regular expressions.  Each
match becomes a *core* mention; a second pass then widens it with the day part,
clock time and "(local time)" words around it, so those modifiers need not be
repeated in every rule.  Everything here is pure: text in, mentions out.

Judgement calls (see also the tests):

* Vietnamese numbers are day/month.  A bare "d/m" counts as a date when both
  numbers are a valid day and month (press copy writes "Quốc khánh 2/9"), unless
  fraction or document-number words surround it ("khoảng 1/3", "số 12/5").
  A bare "d-m" (dash) is a score or a count ("3-2", "5-6 người") unless
  something says it is a date: "ngày"/"mùng", a day part ("Sáng 26-6"), a
  clock time, "vào"/"hôm", "giờ địa phương", or a written year.
* English numeric dates ("5/5/2025") are not read: US and UK order differ.
* Vague dates ("mid-May", "đầu tháng 5") and relative words ("today",
  "hôm nay") are not dates here; callers decide what they mean.
"""

import bisect
import enum
import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Literal, TypeVar

import msgspec

from calendar_svc.domain.language import Language as Lang

__all__ = [
    "DateMention",
    "DayPart",
    "DurationMention",
    "find_dates",
    "find_durations",
    "infer_reference",
]

Tense = Literal["past", "future", "unknown"]
_T = TypeVar("_T")


class DayPart(enum.StrEnum):
    EARLY_MORNING = "early_morning"
    MORNING = "morning"
    NOON = "noon"
    AFTERNOON = "afternoon"
    LATE_AFTERNOON = "late_afternoon"
    EVENING = "evening"
    NIGHT = "night"


class DateMention(msgspec.Struct, frozen=True):
    """One date or inclusive date range found in a text, with its provenance."""

    start: date
    end: date
    span: tuple[int, int]
    text: str
    rule: str
    year_inferred: bool
    day_part: DayPart | None = None
    clock_time: time | None = None
    local_time: bool = False
    weekday_resolved: bool = False


class DurationMention(msgspec.Struct, frozen=True):
    """A stated length ("a three-day visit"), kept apart because it has no anchor date."""

    days: int
    span: tuple[int, int]
    text: str
    rule: str


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

_EN_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EN_NUMBERS = {
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
}
_VI_MONTH_WORDS = {
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
}
_VI_WEEKDAYS = {
    "hai": 0,
    "2": 0,
    "ba": 1,
    "3": 1,
    "tư": 2,
    "4": 2,
    "năm": 3,
    "5": 3,
    "sáu": 4,
    "6": 4,
    "bảy": 5,
    "7": 5,
}
_VI_UNITS = {
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
}
_DAY_PARTS = {
    # English
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
    "midnight": DayPart.NIGHT,
    # Vietnamese
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
    "nửa đêm": DayPart.NIGHT,
    "khuya": DayPart.NIGHT,
}


def _norm(word: str) -> str:
    return " ".join(word.lower().split())


# ---------------------------------------------------------------------------
# Pattern fragments.  Rules repeat a fragment with numbered group names
# (d1/m1/y1 for the start, d2/m2/y2 for the end), hence the small builders.
# ---------------------------------------------------------------------------

_EN_MONTH_ALT = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?"
)
_EN_WEEKDAY_ALT = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_VI_MONTH_WORD_ALT = "giêng|chạp|mười\\s+một|mười\\s+hai|mười|hai|ba|tư|năm|sáu|bảy|tám|chín"


def _en_month(g: str) -> str:
    # Case-sensitive on purpose: "may" is a verb, "May" before a day number is not.
    return rf"\b(?P<{g}>{_EN_MONTH_ALT})(?![A-Za-z])"


def _en_day(g: str) -> str:
    return rf"(?<![\d.,:])(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?![.:]\d)"


def _en_year(g: str) -> str:
    return rf"(?:,?\s+(?P<{g}>[12]\d{{3}})(?!\d))?"


_EN_PRE = r"(?:\b(?P<pre>(?i:from|between))\s+)?"
_EN_CONN = r"\s*(?P<conn>[-–—]|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|\band\b)\s*"
_EN_WD_PREFIX = rf"(?:\b(?:{_EN_WEEKDAY_ALT})(?:,?\s+|\s*(?P<wdopen>\()\s*))?"
_WD_CLOSE = r"(?(wdopen)\s*\))"


def _vi_day(g: str, *, first: bool) -> str:
    guard = r"(?<![\w/.,-])" if first else r"(?<!\d)"
    return rf"{guard}(?P<{g}>[0-3]?\d)(?!\d)"


def _vi_month(g: str) -> str:
    """Numeric months follow "/" or "-"; month words only follow "tháng"."""
    return (
        rf"(?:(?:/|-)(?P<{g}>1[0-2]|0?[1-9])(?!\d)"
        rf"|\s+tháng\s+(?P<{g}w>1[0-2](?!\d)|0?[1-9](?!\d)|(?:{_VI_MONTH_WORD_ALT})(?!\w)))"
    )


def _vi_year(g: str) -> str:
    return rf"(?:(?:/|-|\s+năm\s+)(?P<{g}>[12]\d{{3}})(?!\d))?"


_VI_CTX = r"(?:(?:ngày|mùng|mồng)\s+)?"
_VI_PRE = r"(?:(?P<pre>từ)\s+)?"
_VI_CONN = r"\s*(?P<conn>[-–—]|\bđến(?:\s+hết)?\b|\btới\b|\bvà\b)\s*"
_VI_WD_ALT = r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật"
_VI_WD_PREFIX = rf"(?:(?<!\w)(?:{_VI_WD_ALT})(?:\s*,?\s*|\s*(?P<wdopen>\()\s*))?"
# Stops "12/5/NĐ-CP", "5/5/20251" or "3/2.5" from yielding a date.
_VI_END = r"(?![\w/])(?![.,-]\d)"


# ---------------------------------------------------------------------------
# Rule table
# ---------------------------------------------------------------------------

_Kind = Literal["single", "range", "weekday"]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    lang: Literal["en", "vi", "any"]
    kind: _Kind
    pattern: re.Pattern[str]


def _rule(name: str, lang: Literal["en", "vi", "any"], kind: _Kind, pattern: str) -> _Rule:
    flags = re.IGNORECASE if lang == "vi" else 0
    return _Rule(name, lang, kind, re.compile(pattern, flags))


_RULES: tuple[_Rule, ...] = (
    # "2025-05-04": machine dates in page headers and datelines.
    _rule(
        "iso.ymd",
        "any",
        "single",
        r"(?<![\d/.-])(?P<y1>[12]\d{3})-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)(?![\d-])",
    ),
    # "May 30 to June 2", "from May 30 - June 2, 2025": range across months.
    _rule(
        "en.range.month_day_to_month_day",
        "en",
        "range",
        rf"{_EN_PRE}{_en_month('m1')}\s+{_en_day('d1')}{_en_year('y1')}"
        rf"{_EN_CONN}{_en_month('m2')}\s+{_en_day('d2')}{_en_year('y2')}",
    ),
    # "from May 5 to 12", "May 8-11", "May 8–11, 2025", "Dec. 12 to 13".
    _rule(
        "en.range.month_day_to_day",
        "en",
        "range",
        rf"{_EN_PRE}{_en_month('m1')}\s+{_en_day('d1')}{_EN_CONN}{_en_day('d2')}{_en_year('y2')}",
    ),
    # "from 5 to 12 May 2025", "5-12 May", "from the 5th to the 12th of May".
    _rule(
        "en.range.day_to_day_month",
        "en",
        "range",
        rf"{_EN_PRE}(?:the\s+)?{_en_day('d1')}{_EN_CONN}(?:the\s+)?{_en_day('d2')}"
        rf"\s+(?:of\s+)?{_en_month('m2')}{_en_year('y2')}",
    ),
    # "30 May to 2 June 2025": day-first range across months.
    _rule(
        "en.range.day_month_to_day_month",
        "en",
        "range",
        rf"{_EN_PRE}(?:the\s+)?{_en_day('d1')}\s+(?:of\s+)?{_en_month('m1')}{_en_year('y1')}"
        rf"{_EN_CONN}(?:the\s+)?{_en_day('d2')}\s+(?:of\s+)?{_en_month('m2')}{_en_year('y2')}",
    ),
    # "May 7", "Sept. 3", "May 5, 2025", "September 2, 1945", "Monday, May 5".
    _rule(
        "en.month_day",
        "en",
        "single",
        rf"{_EN_WD_PREFIX}{_en_month('m1')}\s+{_en_day('d1')}{_en_year('y1')}{_WD_CLOSE}",
    ),
    # "5 May 2025", "the 5th of May", "Monday, 5 May".
    _rule(
        "en.day_month",
        "en",
        "single",
        rf"{_EN_WD_PREFIX}(?:the\s+)?{_en_day('d1')}\s+(?:of\s+)?{_en_month('m1')}{_en_year('y1')}"
        rf"{_WD_CLOSE}",
    ),
    # "Monday", "last Sunday", "next Tuesday": resolved against the reference date.
    _rule(
        "en.weekday",
        "en",
        "weekday",
        rf"(?:\b(?P<mod>(?i:last|next|this\s+coming|coming|this|past))\s+)?"
        rf"\b(?P<wd>{_EN_WEEKDAY_ALT})\b",
    ),
    # "từ ngày 28-6 đến 1-7", "từ ngày 30/6 đến ngày 2/7/2025", "5/5-6/5":
    # both ends carry their month.
    _rule(
        "vi.range.d_m_d_m",
        "vi",
        "range",
        rf"{_VI_PRE}{_VI_CTX}{_vi_day('d1', first=True)}{_vi_month('m1')}{_vi_year('y1')}"
        rf"{_VI_CONN}{_VI_CTX}{_vi_day('d2', first=False)}{_vi_month('m2')}"
        rf"{_vi_year('y2')}{_VI_END}",
    ),
    # "từ ngày 5-12/5/2025", "từ 5 - 12/5", "từ ngày 5 đến ngày 12/5/2025",
    # "từ ngày 26 đến 28-6", "ngày 5 và 6/5", "5 đến 12 tháng 5 năm 2025".
    _rule(
        "vi.range.d_d_m",
        "vi",
        "range",
        rf"{_VI_PRE}{_VI_CTX}{_vi_day('d1', first=True)}{_VI_CONN}{_VI_CTX}"
        rf"{_vi_day('d2', first=False)}{_vi_month('m2')}{_vi_year('y2')}{_VI_END}",
    ),
    # "ngày 5/5", "5/5/2025", "Sáng 26-6", "mùng 2/9", "thứ Hai, ngày 5/5/2025".
    _rule(
        "vi.d_m",
        "vi",
        "single",
        rf"{_VI_WD_PREFIX}(?P<ctx>(?:ngày|mùng|mồng)\s+)?{_vi_day('d1', first=True)}"
        rf"(?:/|-)(?P<m1>1[0-2]|0?[1-9])(?!\d)(?:(?:/|-|\s+năm\s+)(?P<y1>[12]\d{{3}})(?!\d))?"
        rf"{_VI_END}{_WD_CLOSE}",
    ),
    # "ngày 5.5.2025": dotted form, only with a written year ("1.5" is a version).
    _rule(
        "vi.d_m_dotted",
        "vi",
        "single",
        rf"(?P<ctx>(?:ngày|mùng|mồng)\s+)?{_vi_day('d1', first=True)}\.(?P<m1>1[0-2]|0?[1-9])"
        rf"\.(?P<y1>[12]\d{{3}})(?!\d){_VI_END}",
    ),
    # "ngày 5 tháng 5 năm 2025", "mùng 2 tháng Chín".
    _rule(
        "vi.d_thang_m",
        "vi",
        "single",
        rf"{_VI_WD_PREFIX}(?P<ctx>(?:ngày|mùng|mồng)\s+)?{_vi_day('d1', first=True)}"
        rf"\s+tháng\s+(?P<m1w>\d{{1,2}}(?!\d)|(?:{_VI_MONTH_WORD_ALT})(?!\w))"
        rf"(?:(?:\s+năm\s+|/)(?P<y1>[12]\d{{3}})(?!\d))?{_VI_END}{_WD_CLOSE}",
    ),
    # "thứ Hai", "thứ 2", "Chủ nhật", "thứ Ba tuần tới": resolved against the reference.
    _rule(
        "vi.weekday",
        "vi",
        "weekday",
        rf"(?<!\w)(?P<wd>{_VI_WD_ALT})(?!\w)"
        r"(?:\s+(?P<mod>tuần\s+(?:này|tới|sau|trước|qua)|tới|vừa\s+qua)(?!\w))?",
    ),
)


# ---------------------------------------------------------------------------
# Modifiers around a core mention: day part, clock time, local time.
# ---------------------------------------------------------------------------

_EN_DP = (
    r"(?P<dp>early\s+morning|late\s+afternoon|late\s+evening|late\s+night"
    r"|morning|midday|noon|afternoon|evening|night)"
)
_EN_AP = r"[ap]\.?m\.?(?![a-z])"
_EN_CLOCK = (
    rf"(?P<hh>\d{{1,2}})(?:[:.](?P<mm>[0-5]\d)(?:\s*(?P<ap>{_EN_AP}))?|\s*(?P<ap2>{_EN_AP}))"
)
_EN_LOCAL = r"(?P<loc>\(\s*local\s+time\s*\)|,?\s*local\s+time\b)"

# "at 10:30 am on", "on the afternoon of", "in the evening of", "at noon on".
_EN_PREFIX = re.compile(
    rf"(?:\bat\s+{_EN_CLOCK}(?:\s*{_EN_LOCAL})?\s*,?\s+(?:on\s+)?)?"
    rf"(?:\b(?:(?:on|in|during)\s+)?the\s+{_EN_DP}\s+of\s+"
    rf"|\bat\s+(?P<dpn>noon|midday|midnight)\s+(?:on\s+)?)?\Z",
    re.IGNORECASE,
)
# "May 7 morning", "Monday noon", "Sunday afternoon".
_EN_SUFFIX_DP = re.compile(rf"\s+{_EN_DP}(?![\w-])", re.IGNORECASE)
# ", at 10:30 a.m.", "at noon".
_EN_SUFFIX_CLOCK = re.compile(
    rf"\s*,?\s+at\s+(?:{_EN_CLOCK}|(?P<dpn>noon|midday|midnight))(?!\w)", re.IGNORECASE
)
# "(local time)", ", local time".
_EN_SUFFIX_LOCAL = re.compile(rf"\s*{_EN_LOCAL}", re.IGNORECASE)

_VI_DP = (
    r"(?P<dp>rạng\s+sáng|sáng\s+sớm|chiều\s+tối|chiều\s+muộn|đêm\s+khuya|nửa\s+đêm"
    r"|sáng|trưa|chiều|tối|đêm|khuya)"
)
_VI_CLOCK = (
    r"(?P<hh>\d{1,2})(?:\s*(?:h|giờ)\s*(?P<mm>[0-5]\d)?(?:\s*phút)?|:(?P<mm2>[0-5]\d))(?!\w)"
)
_VI_LOCAL = r"(?P<loc>\(\s*(?:theo\s+)?giờ\s+địa\s+phương\s*\)|,?\s*(?:theo\s+)?giờ\s+địa\s+phương)"
_VI_CLOCK_DP = r"(?P<dp2>sáng|trưa|chiều|tối|đêm)"

# "lúc 14h30", "9 giờ sáng", "chiều", "chiều tối", "Sáng nay (".
_VI_PREFIX = re.compile(
    rf"(?:(?<!\w)(?:vào\s+)?(?:lúc\s+)?{_VI_CLOCK}(?:\s+{_VI_CLOCK_DP})?(?:\s*{_VI_LOCAL})?"
    rf"\s*,?\s+)?"
    rf"(?:(?<!\w)(?:vào\s+)?(?:buổi\s+)?{_VI_DP}(?:\s+nay\s*(?:(?P<open>\()\s*|,?\s+)|\s+))?\Z",
    re.IGNORECASE,
)
# "ngày 5/5 lúc 14h30", "14 giờ 30 phút".
_VI_SUFFIX_CLOCK = re.compile(
    rf"\s*,?\s*(?:vào\s+)?lúc\s+{_VI_CLOCK}(?:\s+{_VI_CLOCK_DP}(?!\w))?", re.IGNORECASE
)
# "ngày 5/5, vào buổi sáng".
_VI_SUFFIX_DP = re.compile(rf"\s*,?\s*(?:vào\s+)?buổi\s+{_VI_DP}(?!\w)", re.IGNORECASE)
# "(theo giờ địa phương)", "giờ địa phương".
_VI_SUFFIX_LOCAL = re.compile(rf"\s*{_VI_LOCAL}", re.IGNORECASE)
_CLOSE_PAREN = re.compile(r"\s*\)")

# Words that make a bare Vietnamese "d-m" a date.
_VI_DATE_CONTEXT_BEFORE = re.compile(r"(?<!\w)(?:vào|hôm|ngày|mùng|mồng)\s+\Z", re.IGNORECASE)
# Words that make "thứ 2" / lowercase "thứ hai" a weekday rather than "second".
_VI_WEEKDAY_CONTEXT_BEFORE = re.compile(
    r"(?<!\w)(?:vào|hôm|ngày|từ|đến|tới|sang)\s+\Z", re.IGNORECASE
)
_VI_WEEKDAY_CONTEXT_AFTER = re.compile(r"\s*[,(]\s*(?:ngày\s+)?\d{1,2}\s*[/-]\s*\d", re.IGNORECASE)
# Ordinals: "lần thứ Hai", "đứng thứ 2".
_VI_ORDINAL_BEFORE = re.compile(
    r"(?<!\w)(?:lần|hạng|khóa|khoá|kỳ|kì|vòng|phiên|người|vị\s+trí|đứng|xếp|đợt|năm|thế\s+hệ"
    r"|bậc|cấp|điều|phần|chương|mục)\s+\Z",
    re.IGNORECASE,
)
# Fractions and document numbers: "khoảng 1/3", "số 12/5".
_VI_FRACTION_BEFORE = re.compile(
    r"(?<!\w)(?:khoảng|gần|hơn|trên|dưới|chiếm|tỷ\s+lệ|tỉ\s+lệ|số|no\.?)\s*\Z", re.IGNORECASE
)
_VI_FRACTION_AFTER = re.compile(r"\s*(?:%|số(?!\w)|dân\s+số)", re.IGNORECASE)

_VI_DATE_WORD = re.compile(r"ngày|mùng|mồng", re.IGNORECASE)
_VI_MONTH_WORD = re.compile(r"tháng", re.IGNORECASE)

_WINDOW = 80


# ---------------------------------------------------------------------------
# Resolution helpers
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    rule: str
    first: date
    last: date
    year_inferred: bool
    weekday_resolved: bool = False
    context: Literal["none", "date", "weekday"] = "none"
    day_part: DayPart | None = None
    clock_time: time | None = None
    local_time: bool = False


#: How far before the reference a day of a plan may lie ("will stay until May 2",
#: written on May 5 of a trip that began earlier, is rare; a plan months back is not one).
PLAN_LOOKBACK = timedelta(days=14)


def _nearest_year(month: int, day: int, ref: date, tense: Tense = "unknown") -> date | None:
    """Pick the year that puts an undated day closest to the reference date; a plan's day
    ("sẽ dự Hội nghị G20 từ ngày 18-19/11", written in March) is the next such day."""
    best: date | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if tense == "future":
            if candidate >= ref - PLAN_LOOKBACK and (best is None or candidate < best):
                best = candidate
        elif best is None or abs((candidate - ref).days) < abs((best - ref).days):
            best = candidate
    return best


def _month_number(raw: str | None, lang: Lang) -> int | None:
    if raw is None:
        return None
    if raw.isdigit():
        return int(raw)
    key = _norm(raw).rstrip(".")
    if lang == "en":
        return _EN_MONTHS.get(key[:3])
    return _VI_MONTH_WORDS.get(key)


def _int(raw: str | None) -> int | None:
    return int(raw) if raw is not None else None


def _resolve_single(
    groups: dict[str, str | None], lang: Lang, ref: date | None, tense: Tense = "unknown"
) -> _Hit | None:
    day = _int(groups.get("d1"))
    month = _month_number(groups.get("m1") or groups.get("m1w"), lang)
    year = _int(groups.get("y1"))
    if day is None or month is None:
        return None
    try:
        if year is not None:
            when = date(year, month, day)
        elif ref is None:
            return None
        else:
            found = _nearest_year(month, day, ref, tense)
            if found is None:
                return None
            when = found
    except ValueError:
        return None
    return _Hit(0, 0, "", when, when, year_inferred=year is None)


def _resolve_range(
    groups: dict[str, str | None], lang: Lang, ref: date | None, tense: Tense = "unknown"
) -> _Hit | None:
    d1, d2 = _int(groups.get("d1")), _int(groups.get("d2"))
    m1 = _month_number(groups.get("m1") or groups.get("m1w"), lang)
    m2 = _month_number(groups.get("m2") or groups.get("m2w"), lang)
    m1, m2 = m1 or m2, m2 or m1  # "May 5 to 12" / "5 to 12 May" write the month once
    y1, y2 = _int(groups.get("y1")), _int(groups.get("y2"))
    if d1 is None or d2 is None or m1 is None or m2 is None:
        return None
    if (m2, d2) < (m1, d1) and m2 >= m1:
        return None  # "12-5/5": the end precedes the start within one month
    crosses_year = (m2, d2) < (m1, d1)
    try:
        if y1 is not None and y2 is not None:
            first, last = date(y1, m1, d1), date(y2, m2, d2)
        elif y2 is not None:
            last = date(y2, m2, d2)
            first = date(y2 - 1 if crosses_year else y2, m1, d1)
        elif y1 is not None:
            first = date(y1, m1, d1)
            last = date(y1 + 1 if crosses_year else y1, m2, d2)
        elif ref is None:
            return None
        else:
            found = _nearest_year(m1, d1, ref, tense)
            if found is None:
                return None
            first = found
            last = date(first.year + 1 if crosses_year else first.year, m2, d2)
    except (ValueError, OverflowError):
        return None
    days = (last - first).days
    if days < 0 or days > 366:
        return None  # "3/2/1930 – 3/2/2026" is two anniversaries, not a stay
    conn = _norm(groups.get("conn") or "")
    if conn in ("and", "và") and _norm(groups.get("pre") or "") != "between" and days != 1:
        return None  # "May 5 and 9" names two days, not a span
    return _Hit(0, 0, "", first, last, year_inferred=y1 is None and y2 is None)


def _resolve_weekday(weekday: int, ref: date, mode: str) -> date:
    """Place a weekday relative to the reference, as the tense or modifier implies."""
    today = ref.weekday()
    monday = ref - timedelta(days=today)
    if mode == "this_week":
        return monday + timedelta(days=weekday)
    if mode == "next_week":
        return monday + timedelta(days=weekday + 7)
    if mode == "last_week":
        return monday + timedelta(days=weekday - 7)
    if mode == "strict_past":
        return ref - timedelta(days=(today - weekday) % 7 or 7)
    if mode == "strict_future":
        return ref + timedelta(days=(weekday - today) % 7 or 7)
    if mode == "past":
        return ref - timedelta(days=(today - weekday) % 7)
    if mode == "future":
        return ref + timedelta(days=(weekday - today) % 7)
    delta = (weekday - today) % 7
    return ref + timedelta(days=delta - 7 if delta > 3 else delta)


_WEEKDAY_MODES = {
    "last": "strict_past",
    "past": "strict_past",
    "next": "strict_future",
    "coming": "strict_future",
    "this coming": "strict_future",
    "tới": "strict_future",
    "vừa qua": "strict_past",
    "tuần này": "this_week",
    "tuần tới": "next_week",
    "tuần sau": "next_week",
    "tuần trước": "last_week",
    "tuần qua": "last_week",
}


#: "until Thursday", "cho đến thứ Năm": a weekday that bounds a stay (see `_weekday_hit`).
_UNTIL_BEFORE = re.compile(r"(?i)(?<![^\W_])(?:until|till|through|đến|tới)\s+$")


def _weekday_hit(
    groups: dict[str, str | None],
    lang: Lang,
    ref: date | None,
    tense: Tense,
    text: str,
    start: int,
    end: int,
) -> _Hit | None:
    raw = groups.get("wd")
    if raw is None or ref is None:
        return None
    key = _norm(raw)
    context: Literal["none", "weekday"] = "none"
    if lang == "en":
        weekday = _EN_WEEKDAYS.index(key)
    elif key == "chủ nhật":
        weekday = 6
    else:
        word = raw.split()[-1]
        weekday = _VI_WEEKDAYS[word.lower()]
        if _VI_ORDINAL_BEFORE.search(text, max(0, start - _WINDOW), start):
            return None
        if not word[0].isupper() and groups.get("mod") is None:
            context = "weekday"  # "thứ 2", "thứ hai": also mean "second"
    mode = _WEEKDAY_MODES.get(_norm(groups.get("mod") or ""), tense)
    if groups.get("mod") is None and _UNTIL_BEFORE.search(text, max(0, start - 12), start):
        # "is on a state visit until Thursday": the bound of a stay under way, whatever
        # the sentence's tense reads as; the nearest such weekday
        mode = "nearest"
    try:
        when = _resolve_weekday(weekday, ref, mode)
    except OverflowError:
        return None
    return _Hit(start, end, "", when, when, True, weekday_resolved=True, context=context)


# Hours that a day part turns into p.m.: "3 giờ chiều" is 15:00, "2 giờ đêm" stays 02:00.
_PM_HOURS: dict[DayPart, range] = {
    DayPart.NOON: range(1, 6),
    DayPart.AFTERNOON: range(1, 12),
    DayPart.LATE_AFTERNOON: range(1, 12),
    DayPart.EVENING: range(1, 12),
    DayPart.NIGHT: range(6, 12),
}


def _clock(hh: str | None, mm: str | None, ap: str | None, part: DayPart | None) -> time | None:
    """Read a clock time, using am/pm or the Vietnamese day part for 12-hour readings."""
    if hh is None:
        return None
    hour, minute = int(hh), int(mm or 0)
    if ap:
        if not 1 <= hour <= 12:
            return None
        if ap[0] in "pP" and hour < 12:
            hour += 12
        elif ap[0] in "aA" and hour == 12:
            hour = 0
    elif part is not None and hour in _PM_HOURS.get(part, ()):
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _part(raw: str | None) -> DayPart | None:
    return _DAY_PARTS.get(_norm(raw)) if raw else None


def _read_clock(m: re.Match[str]) -> tuple[time | None, DayPart | None]:
    g = m.groupdict()
    part = _part(g.get("dp2")) or _part(g.get("dpn"))
    minute = g.get("mm") or g.get("mm2")
    clock = _clock(g.get("hh"), minute, g.get("ap") or g.get("ap2"), part or _part(g.get("dp")))
    return clock, part


def _extend(hit: _Hit, text: str, lang: Lang) -> bool:
    """Widen a core mention over the modifiers around it; False if it is not a date after all."""
    prefix_re = _EN_PREFIX if lang == "en" else _VI_PREFIX
    found_context = False
    pm = prefix_re.search(text, max(0, hit.start - _WINDOW), hit.start)
    if pm is not None and pm.start() < hit.start:
        opened = pm.groupdict().get("open") is not None
        close = _CLOSE_PAREN.match(text, hit.end) if opened else None
        if not opened or close is not None:
            clock, part = _read_clock(pm)
            hit.day_part = _part(pm.group("dp")) or part
            hit.clock_time = clock
            hit.local_time = pm.group("loc") is not None
            hit.start = pm.start()
            if close is not None:
                hit.end = close.end()
            found_context = True

    if lang == "en":
        suffixes = (_EN_SUFFIX_DP, _EN_SUFFIX_CLOCK, _EN_SUFFIX_LOCAL)
    else:
        suffixes = (_VI_SUFFIX_DP, _VI_SUFFIX_CLOCK, _VI_SUFFIX_LOCAL)
    dp_re, clock_re, local_re = suffixes
    if hit.day_part is None and (sm := dp_re.match(text, hit.end)):
        hit.day_part = _part(sm.group("dp"))
        hit.end = sm.end()
        found_context = True
    if hit.clock_time is None and (sm := clock_re.match(text, hit.end)):
        clock, part = _read_clock(sm)
        hit.clock_time = clock
        hit.day_part = hit.day_part or part
        hit.end = sm.end()
        found_context = True
    if not hit.local_time and (sm := local_re.match(text, hit.end)):
        hit.local_time = True
        hit.end = sm.end()
        found_context = True

    lo = max(0, hit.start - _WINDOW)
    if hit.context == "date":
        return found_context or bool(_VI_DATE_CONTEXT_BEFORE.search(text, lo, hit.start))
    if hit.context == "weekday":
        return (
            found_context
            or bool(_VI_WEEKDAY_CONTEXT_BEFORE.search(text, lo, hit.start))
            or bool(_VI_WEEKDAY_CONTEXT_AFTER.match(text, hit.end))
        )
    return True


def _core(
    rule: _Rule, m: re.Match[str], lang: Lang, ref: date | None, tense: Tense, text: str
) -> _Hit | None:
    groups = m.groupdict()
    start, end = m.span()
    if rule.kind == "weekday":
        hit = _weekday_hit(groups, lang, ref, tense, text, start, end)
        if hit is not None:
            hit.rule = rule.name
        return hit
    hit = (
        _resolve_single(groups, lang, ref, tense)
        if rule.kind == "single"
        else _resolve_range(groups, lang, ref, tense)
    )
    if hit is None:
        return None
    hit.start, hit.end = start, end
    written_year = not hit.year_inferred
    hit.rule = rule.name + ("_y" if written_year and rule.name != "iso.ymd" else "")
    if rule.name.startswith("vi."):
        # A bare "26-6" or "3 tháng 10" (also "3 months 10 ...") is only a date when
        # something around it says so; "/" is the press's unambiguous date mark.
        core = m.group(0)
        strong = written_year or _VI_DATE_WORD.search(core) is not None
        if "/" in core:
            if not strong and (
                _VI_FRACTION_BEFORE.search(text, max(0, start - _WINDOW), start)
                or _VI_FRACTION_AFTER.match(text, end)
            ):
                return None
            strong = True
        elif rule.kind == "range" and groups.get("pre") and _VI_MONTH_WORD.search(core):
            strong = True  # "từ 5 đến 12 tháng 5"
        if not strong:
            hit.context = "date"
    return hit


def _select(items: list[tuple[int, int, int, _T]]) -> list[_T]:
    """Longest match wins; ties go to the earlier start, then to the earlier rule."""
    starts: list[int] = []  # accepted spans, kept sorted; they never overlap
    ends: list[int] = []
    chosen: dict[int, _T] = {}
    for start, end, _, item in sorted(items, key=lambda t: (t[0] - t[1], t[0], t[2])):
        if end <= start:
            continue
        i = bisect.bisect_right(starts, start)
        if i > 0 and ends[i - 1] > start:
            continue  # overlaps the accepted span that starts at or before this one
        if i < len(starts) and starts[i] < end:
            continue  # overlaps the accepted span that starts after this one
        starts.insert(i, start)
        ends.insert(i, end)
        chosen[start] = item
    return [chosen[s] for s in starts]


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def find_dates(
    text: str,
    lang: Lang,
    reference: date | None,
    *,
    tense: Tense = "unknown",
) -> list[DateMention]:
    """Every date and date range in ``text``, sorted, non-overlapping, longest match first.

    Dates without a written year, and weekdays, need ``reference`` (usually the
    publication date); without one they are dropped rather than guessed.
    """
    if lang not in ("en", "vi"):
        return []
    candidates: list[tuple[int, int, int, _Hit]] = []
    for priority, rule in enumerate(_RULES):
        if rule.lang not in (lang, "any"):
            continue
        for m in rule.pattern.finditer(text):
            hit = _core(rule, m, lang, reference, tense, text)
            if hit is None or not _extend(hit, text, lang):
                continue
            candidates.append((hit.start, hit.end, priority, hit))
    return [
        DateMention(
            start=hit.first,
            end=hit.last,
            span=(hit.start, hit.end),
            text=text[hit.start : hit.end],
            rule=hit.rule,
            year_inferred=hit.year_inferred,
            day_part=hit.day_part,
            clock_time=hit.clock_time,
            local_time=hit.local_time,
            weekday_resolved=hit.weekday_resolved,
        )
        for hit in _select(candidates)
    ]


def infer_reference(text: str, lang: Lang) -> date | None:
    """First date written with its year: a stand-in publication date for undated pages."""
    for mention in find_dates(text, lang, None):
        if not mention.year_inferred:
            return mention.start
    return None


# ---------------------------------------------------------------------------
# Durations
# ---------------------------------------------------------------------------

_EN_NUM = r"(?P<n>(?i:one|two|three|four|five|six|seven|eight|nine|ten)|\d{1,3})"
_VI_NUM = (
    r"(?P<n>(?i:mười\s+(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín)"
    r"|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)|\d{1,3})"
)
# Words after "N ngày" that make it an offset ("ba ngày sau"), not a length.
_VI_OFFSET = r"(?!\s+(?:sau|trước|nữa|kia|nào)(?!\w))"

_DURATION_RULES: tuple[tuple[str, Lang, int, re.Pattern[str]], ...] = (
    # "a three-day state visit", "3-day", "two day", "four-day-long".
    ("en.duration.n_day", "en", 1, re.compile(rf"(?<![\w-]){_EN_NUM}[-\s]day(?:-long)?(?![\w-])")),
    # "for three days", "over two days", "lasting 4 days".
    (
        "en.duration.for_n_days",
        "en",
        1,
        re.compile(rf"\b(?i:for|over|lasting)\s+(?:the\s+next\s+)?{_EN_NUM}\s+days\b"),
    ),
    # "a one-week tour", "two-week".
    (
        "en.duration.n_week",
        "en",
        7,
        re.compile(rf"(?<![\w-]){_EN_NUM}[-\s]week(?:-long)?(?![\w-])"),
    ),
    # "a week-long visit".
    ("en.duration.week_long", "en", 7, re.compile(r"(?<![\w-])(?i:week-?long)(?![\w-])")),
    # "trong ba ngày", "trong vòng 3 ngày".
    (
        "vi.duration.trong_n_ngay",
        "vi",
        1,
        re.compile(rf"(?<!\w)(?i:trong)(?:\s+(?:vòng|suốt))?\s+{_VI_NUM}\s+ngày(?!\w){_VI_OFFSET}"),
    ),
    # "chuyến thăm 3 ngày", "hai ngày".
    (
        "vi.duration.n_ngay",
        "vi",
        1,
        re.compile(rf"(?<![\w/.,:-]){_VI_NUM}\s+ngày(?!\w){_VI_OFFSET}"),
    ),
    # "một tuần", "hai tuần".
    (
        "vi.duration.n_tuan",
        "vi",
        7,
        re.compile(
            rf"(?<![\w/.,:-]){_VI_NUM}\s+tuần(?!\w)(?!\s+(?:sau|trước|tới|này|qua|nữa)(?!\w))"
        ),
    ),
)
_DIGIT_BEFORE = re.compile(r"\d\s*\Z")
# "extended by one day", "kéo dài thêm một ngày": a change to a length, not a length.
_CHANGE_BEFORE = re.compile(r"(?i:(?<!\w)(?:by|thêm))\s+\Z")
_CAPITALISED_NEXT = re.compile(r"\s+(?P<c>\w)")


def _number(raw: str) -> int | None:
    word = _norm(raw)
    if word.isdigit():
        return int(word)
    if word in _EN_NUMBERS:
        return _EN_NUMBERS[word]
    if word == "mười":
        return 10
    if word.startswith("mười "):
        unit = _VI_UNITS.get(word.split()[1])
        return 10 + unit if unit else None
    return _VI_UNITS.get(word)


def find_durations(text: str, lang: Lang) -> list[DurationMention]:
    """Stated lengths of a visit in days, which pin a trip's end when only its start is given."""
    candidates: list[tuple[int, int, int, DurationMention]] = []
    for priority, (name, rule_lang, unit, pattern) in enumerate(_DURATION_RULES):
        if rule_lang != lang:
            continue
        for m in pattern.finditer(text):
            raw = m.groupdict().get("n")
            count = 1 if raw is None else _number(raw)
            if count is None:
                continue
            if lang == "vi":
                if _norm(raw or "") == "năm" and _DIGIT_BEFORE.search(
                    text, max(0, m.start("n") - 8), m.start("n")
                ):
                    continue  # "80 năm ngày Chiến thắng": "năm" is "years", not "five"
                nxt = _CAPITALISED_NEXT.match(text, m.end())
                if nxt is not None and nxt.group("c").isupper() and m.group(0).endswith("ngày"):
                    continue  # "năm Ngày Chiến thắng": a named day, not a count of days
            days = count * unit
            if not 1 <= days <= 366:
                continue
            if _CHANGE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue
            start, end = m.span()
            mention = DurationMention(days=days, span=(start, end), text=m.group(0), rule=name)
            candidates.append((start, end, priority, mention))
    return _select(candidates)
