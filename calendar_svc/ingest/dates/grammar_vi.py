"""The Vietnamese date grammar: "từ ngày 5-12/5/2025", "ngày 5 tháng 5 năm 2025", "thứ Hai,
ngày 5/5", "thứ Ba tuần tới", with the day parts, clock times and "giờ địa phương" read
around them; the words that make a bare "d-m" or "thứ 2" a date or a weekday, or not ("lần
thứ Hai", "khoảng 1/3"); and the stated lengths of a visit ("chuyến thăm 3 ngày").
"""

from __future__ import annotations

import re

from calendar_svc.ingest.dates.rules import ISO_RULE, WD_CLOSE, DurationRule, Grammar, rule

__all__ = [
    "DATE_CONTEXT_BEFORE",
    "DATE_WORD",
    "FRACTION_AFTER",
    "FRACTION_BEFORE",
    "MONTH_WORD",
    "ORDINAL_BEFORE",
    "VIETNAMESE",
    "WEEKDAY_CONTEXT_AFTER",
    "WEEKDAY_CONTEXT_BEFORE",
]

# ---------------------------------------------------------------------------
# Pattern fragments.  Rules repeat a fragment with numbered group names
# (d1/m1/y1 for the start, d2/m2/y2 for the end), hence the small builders.
# ---------------------------------------------------------------------------

_VI_MONTH_WORD_ALT = "giêng|chạp|mười\\s+một|mười\\s+hai|mười|hai|ba|tư|năm|sáu|bảy|tám|chín"


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

_RULES = (
    ISO_RULE,
    # "từ ngày 28-6 đến 1-7", "từ ngày 30/6 đến ngày 2/7/2025", "5/5-6/5":
    # both ends carry their month.
    rule(
        "vi.range.d_m_d_m",
        "vi",
        "range",
        rf"{_VI_PRE}{_VI_CTX}{_vi_day('d1', first=True)}{_vi_month('m1')}{_vi_year('y1')}"
        rf"{_VI_CONN}{_VI_CTX}{_vi_day('d2', first=False)}{_vi_month('m2')}"
        rf"{_vi_year('y2')}{_VI_END}",
    ),
    # "từ ngày 5-12/5/2025", "từ 5 - 12/5", "từ ngày 5 đến ngày 12/5/2025",
    # "từ ngày 26 đến 28-6", "ngày 5 và 6/5", "5 đến 12 tháng 5 năm 2025".
    rule(
        "vi.range.d_d_m",
        "vi",
        "range",
        rf"{_VI_PRE}{_VI_CTX}{_vi_day('d1', first=True)}{_VI_CONN}{_VI_CTX}"
        rf"{_vi_day('d2', first=False)}{_vi_month('m2')}{_vi_year('y2')}{_VI_END}",
    ),
    # "ngày 5/5", "5/5/2025", "Sáng 26-6", "mùng 2/9", "thứ Hai, ngày 5/5/2025".
    rule(
        "vi.d_m",
        "vi",
        "single",
        rf"{_VI_WD_PREFIX}(?P<ctx>(?:ngày|mùng|mồng)\s+)?{_vi_day('d1', first=True)}"
        rf"(?:/|-)(?P<m1>1[0-2]|0?[1-9])(?!\d)(?:(?:/|-|\s+năm\s+)(?P<y1>[12]\d{{3}})(?!\d))?"
        rf"{_VI_END}{WD_CLOSE}",
    ),
    # "ngày 5.5.2025": dotted form, only with a written year ("1.5" is a version).
    rule(
        "vi.d_m_dotted",
        "vi",
        "single",
        rf"(?P<ctx>(?:ngày|mùng|mồng)\s+)?{_vi_day('d1', first=True)}\.(?P<m1>1[0-2]|0?[1-9])"
        rf"\.(?P<y1>[12]\d{{3}})(?!\d){_VI_END}",
    ),
    # "ngày 5 tháng 5 năm 2025", "mùng 2 tháng Chín".
    rule(
        "vi.d_thang_m",
        "vi",
        "single",
        rf"{_VI_WD_PREFIX}(?P<ctx>(?:ngày|mùng|mồng)\s+)?{_vi_day('d1', first=True)}"
        rf"\s+tháng\s+(?P<m1w>\d{{1,2}}(?!\d)|(?:{_VI_MONTH_WORD_ALT})(?!\w))"
        rf"(?:(?:\s+năm\s+|/)(?P<y1>[12]\d{{3}})(?!\d))?{_VI_END}{WD_CLOSE}",
    ),
    # "thứ Hai", "thứ 2", "Chủ nhật", "thứ Ba tuần tới": resolved against the reference.
    rule(
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

_VI_DP = (
    r"(?P<dp>rạng\s+sáng|sáng\s+sớm|chiều\s+tối|chiều\s+muộn|tối\s+muộn|đêm\s+khuya|nửa\s+đêm"
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


# ---------------------------------------------------------------------------
# Whether a bare match is a date at all
# ---------------------------------------------------------------------------

# Words that make a bare Vietnamese "d-m" a date.
DATE_CONTEXT_BEFORE = re.compile(r"(?<!\w)(?:vào|hôm|ngày|mùng|mồng)\s+\Z", re.IGNORECASE)
# Words that make "thứ 2" / lowercase "thứ hai" a weekday rather than "second".
WEEKDAY_CONTEXT_BEFORE = re.compile(r"(?<!\w)(?:vào|hôm|ngày|từ|đến|tới|sang)\s+\Z", re.IGNORECASE)
WEEKDAY_CONTEXT_AFTER = re.compile(r"\s*[,(]\s*(?:ngày\s+)?\d{1,2}\s*[/-]\s*\d", re.IGNORECASE)
# Ordinals: "lần thứ Hai", "đứng thứ 2".
ORDINAL_BEFORE = re.compile(
    r"(?<!\w)(?:lần|hạng|khóa|khoá|kỳ|kì|vòng|phiên|người|vị\s+trí|đứng|xếp|đợt|năm|thế\s+hệ"
    r"|bậc|cấp|điều|phần|chương|mục)\s+\Z",
    re.IGNORECASE,
)
# Fractions and document numbers: "khoảng 1/3", "số 12/5".
FRACTION_BEFORE = re.compile(
    r"(?<!\w)(?:khoảng|gần|hơn|trên|dưới|chiếm|tỷ\s+lệ|tỉ\s+lệ|số|no\.?)\s*\Z", re.IGNORECASE
)
FRACTION_AFTER = re.compile(r"\s*(?:%|số(?!\w)|dân\s+số)", re.IGNORECASE)

# A day or month word inside a match: it is a date whatever surrounds it.
DATE_WORD = re.compile(r"ngày|mùng|mồng", re.IGNORECASE)
MONTH_WORD = re.compile(r"tháng", re.IGNORECASE)


# ---------------------------------------------------------------------------
# Durations
# ---------------------------------------------------------------------------

_VI_NUM = (
    r"(?P<n>(?i:mười\s+(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín)"
    r"|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)|\d{1,3})"
)
# Words after "N ngày" that make it an offset ("ba ngày sau"), not a length.
_VI_OFFSET = r"(?!\s+(?:sau|trước|nữa|kia|nào)(?!\w))"

_DURATIONS = (
    # "trong ba ngày", "trong vòng 3 ngày".
    DurationRule(
        "vi.duration.trong_n_ngay",
        1,
        re.compile(rf"(?<!\w)(?i:trong)(?:\s+(?:vòng|suốt))?\s+{_VI_NUM}\s+ngày(?!\w){_VI_OFFSET}"),
    ),
    # "chuyến thăm 3 ngày", "hai ngày"; not "thứ Hai ngày 19/11" (Monday, the 19th) nor
    # "lần thứ hai ngày 19/11" (the second, on the 19th): after "thứ" it is an ordinal
    DurationRule(
        "vi.duration.n_ngay",
        1,
        re.compile(rf"(?<![\w/.,:-])(?<!(?i:thứ)\s){_VI_NUM}\s+ngày(?!\w){_VI_OFFSET}"),
    ),
    # "vài giờ dừng chân tại A", "chuyến thăm chỉ kéo dài vài giờ": the same day
    DurationRule(
        "vi.duration.gio",
        1,
        re.compile(
            r"(?i)(?<!\w)(?:vài|mấy|\d{1,2})\s+giờ\s+dừng\s+chân(?!\w)|"
            r"(?<!\w)(?:chuyến\s+thăm|dừng\s+chân)\s+(?:chỉ\s+)?(?:kéo\s+dài\s+)?"
            r"(?:vài|mấy|\d{1,2})\s+giờ(?!\w)"
        ),
    ),
    # "một tuần", "hai tuần".
    DurationRule(
        "vi.duration.n_tuan",
        7,
        re.compile(
            rf"(?<![\w/.,:-]){_VI_NUM}\s+tuần(?!\w)(?!\s+(?:sau|trước|tới|này|qua|nữa)(?!\w))"
        ),
    ),
)

VIETNAMESE = Grammar(
    rules=_RULES,
    prefix=_VI_PREFIX,
    suffix_day_part=_VI_SUFFIX_DP,
    suffix_clock=_VI_SUFFIX_CLOCK,
    suffix_local=_VI_SUFFIX_LOCAL,
    durations=_DURATIONS,
)
