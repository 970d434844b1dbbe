"""From a rule's match to days: the year of a date written without one (the nearest to the
reference, or the next for a plan), the two ends of a range, and the day a weekday names.
Apart from the grammar, which only says what was written, and from :mod:`.parse`, which
widens a match and picks among overlapping ones, so how a day is placed reads on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Literal

from calendar_svc.domain.language import Language
from calendar_svc.ingest.dates.grammar_vi import ORDINAL_BEFORE
from calendar_svc.ingest.dates.mentions import Tense
from calendar_svc.ingest.dates.rules import WINDOW
from calendar_svc.ingest.lexicon.dates import DATE_WORDS, DayPart, word_key


@dataclass(slots=True)
class Hit:
    """A match read as days, widened later by :mod:`.parse` over the words around it."""

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
#: How far past the reference a day told as done may lie (a publisher a time zone behind).
DONE_GRACE = timedelta(days=2)


def _nearest_year(month: int, day: int, ref: date, tense: Tense = "unknown") -> date | None:
    """Pick the year that puts an undated day closest to the reference date; a plan's day
    ("sẽ dự Hội nghị G20 từ ngày 18-19/11", written in March) is the next such day."""
    best: date | None = None
    # A reference in year 1 has no earlier day to look back to (date.min, not an overflow).
    earliest = ref - PLAN_LOOKBACK if ref - date.min >= PLAN_LOOKBACK else date.min
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if tense == "done" and candidate > ref + DONE_GRACE:
            continue  # told as done: not months ahead ("was a visit to Laos on April 10-11")
        if tense == "future":
            if candidate >= earliest and (best is None or candidate < best):
                best = candidate
        elif best is None or abs((candidate - ref).days) < abs((best - ref).days):
            best = candidate
    return best


def _month_number(raw: str | None, lang: Language) -> int | None:
    if raw is None:
        return None
    if raw.isdigit():
        return int(raw)
    return DATE_WORDS[lang].months.get(word_key(raw).rstrip("."))


def _int(raw: str | None) -> int | None:
    return int(raw) if raw is not None else None


def resolve_single(
    groups: dict[str, str | None], lang: Language, ref: date | None, tense: Tense = "unknown"
) -> Hit | None:
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
    return Hit(0, 0, "", when, when, year_inferred=year is None)


def resolve_range(
    groups: dict[str, str | None], lang: Language, ref: date | None, tense: Tense = "unknown"
) -> Hit | None:
    d1, d2 = _int(groups.get("d1")), _int(groups.get("d2"))
    m1 = _month_number(groups.get("m1") or groups.get("m1w"), lang)
    m2 = _month_number(groups.get("m2") or groups.get("m2w"), lang)
    m1, m2 = m1 or m2, m2 or m1  # "May 5 to 12" / "5 to 12 May" write the month once
    y1, y2 = _int(groups.get("y1")), _int(groups.get("y2"))
    if d1 is None or d2 is None or m1 is None or m2 is None:
        return None
    if (m2, d2) < (m1, d1) and m2 >= m1:
        return None  # "12-5/5": the end precedes the start within one month
    ends = _range_ends(d1, m1, y1, d2, m2, y2, ref, tense)
    if ends is None:
        return None
    first, last = ends
    days = (last - first).days
    if days < 0 or days > 366:
        return None  # "3/2/1930 – 3/2/2026" is two anniversaries, not a stay
    conn = word_key(groups.get("conn") or "")
    if conn in ("and", "và") and word_key(groups.get("pre") or "") != "between" and days != 1:
        return None  # "May 5 and 9" names two days, not a span
    return Hit(0, 0, "", first, last, year_inferred=y1 is None and y2 is None)


def _range_ends(
    d1: int,
    m1: int,
    y1: int | None,
    d2: int,
    m2: int,
    y2: int | None,
    ref: date | None,
    tense: Tense,
) -> tuple[date, date] | None:
    """The first and last day of a range; a year written at one end serves both, the end
    a year later when the range crosses the new year."""
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
    return first, last


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


#: "said on Thursday", "announced on Monday": the day something was said, always past.
_SAID_ON = re.compile(
    r"(?i)\b(?:said|announced|told\s+\w+|confirmed|stated)\s+(?:late\s+|early\s+)?on\s+$"
)


#: "until Thursday", "cho đến thứ Năm": a weekday that bounds a stay (see `weekday_hit`).
_UNTIL_BEFORE = re.compile(r"(?i)(?<![^\W_])(?:until|till|through|đến|tới)\s+$")


def weekday_hit(
    groups: dict[str, str | None],
    lang: Language,
    ref: date | None,
    tense: Tense,
    text: str,
    start: int,
    end: int,
) -> Hit | None:
    raw = groups.get("wd")
    if raw is None or ref is None:
        return None
    words = DATE_WORDS[lang]
    key = word_key(raw)
    weekday = words.weekdays[key]
    context: Literal["none", "weekday"] = "none"
    if lang == "vi" and key != "chủ nhật":
        word = raw.split()[-1]
        if ORDINAL_BEFORE.search(text, max(0, start - WINDOW), start):
            return None
        if not word[0].isupper() and groups.get("mod") is None:
            context = "weekday"  # "thứ 2", "thứ hai": also mean "second"
    told: str = "past" if tense == "done" else tense
    mode: str = words.weekday_modifiers.get(word_key(groups.get("mod") or ""), told)
    if groups.get("mod") is None and _UNTIL_BEFORE.search(text, max(0, start - 12), start):
        # "is on a state visit until Thursday": the bound of a stay under way, whatever
        # the sentence's tense reads as; the nearest such weekday
        mode = "nearest"
    elif groups.get("mod") is None and _SAID_ON.search(text, max(0, start - 30), start):
        # "Yoon's office said on Thursday he would leave on Tuesday": the day it was said is
        # past, whatever the plan's tense
        mode = "past"
    try:
        when = _resolve_weekday(weekday, ref, mode)
    except OverflowError:
        return None
    return Hit(start, end, "", when, when, True, weekday_resolved=True, context=context)
