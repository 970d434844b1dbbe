"""The English date grammar: "May 30 to June 2", "from 5 to 12 May 2025", "Monday, May 5",
"last Sunday", with the day parts, clock times and "(local time)" read around them, and the
stated lengths of a visit ("a three-day visit", "a week-long tour"). English numeric dates
("5/5/2025") are not read: US and UK order differ.
"""

from __future__ import annotations

import re

from calendar_svc.ingest.dates.rules import ISO_RULE, WD_CLOSE, DurationRule, Grammar, rule

__all__ = ["ENGLISH"]

# ---------------------------------------------------------------------------
# Pattern fragments.  Rules repeat a fragment with numbered group names
# (d1/m1/y1 for the start, d2/m2/y2 for the end), hence the small builders.
# ---------------------------------------------------------------------------

_EN_MONTH_ALT = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?"
)
_EN_WEEKDAY_ALT = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"


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


# ---------------------------------------------------------------------------
# Rule table
# ---------------------------------------------------------------------------

_RULES = (
    ISO_RULE,
    # "May 30 to June 2", "from May 30 - June 2, 2025": range across months.
    rule(
        "en.range.month_day_to_month_day",
        "en",
        "range",
        rf"{_EN_PRE}{_en_month('m1')}\s+{_en_day('d1')}{_en_year('y1')}"
        rf"{_EN_CONN}{_en_month('m2')}\s+{_en_day('d2')}{_en_year('y2')}",
    ),
    # "from May 5 to 12", "May 8-11", "May 8–11, 2025", "Dec. 12 to 13".
    rule(
        "en.range.month_day_to_day",
        "en",
        "range",
        rf"{_EN_PRE}{_en_month('m1')}\s+{_en_day('d1')}{_EN_CONN}{_en_day('d2')}{_en_year('y2')}",
    ),
    # "from 5 to 12 May 2025", "5-12 May", "from the 5th to the 12th of May".
    rule(
        "en.range.day_to_day_month",
        "en",
        "range",
        rf"{_EN_PRE}(?:the\s+)?{_en_day('d1')}{_EN_CONN}(?:the\s+)?{_en_day('d2')}"
        rf"\s+(?:of\s+)?{_en_month('m2')}{_en_year('y2')}",
    ),
    # "30 May to 2 June 2025": day-first range across months.
    rule(
        "en.range.day_month_to_day_month",
        "en",
        "range",
        rf"{_EN_PRE}(?:the\s+)?{_en_day('d1')}\s+(?:of\s+)?{_en_month('m1')}{_en_year('y1')}"
        rf"{_EN_CONN}(?:the\s+)?{_en_day('d2')}\s+(?:of\s+)?{_en_month('m2')}{_en_year('y2')}",
    ),
    # "May 7", "Sept. 3", "May 5, 2025", "September 2, 1945", "Monday, May 5".
    rule(
        "en.month_day",
        "en",
        "single",
        rf"{_EN_WD_PREFIX}{_en_month('m1')}\s+{_en_day('d1')}{_en_year('y1')}{WD_CLOSE}",
    ),
    # "5 May 2025", "the 5th of May", "Monday, 5 May".
    rule(
        "en.day_month",
        "en",
        "single",
        rf"{_EN_WD_PREFIX}(?:the\s+)?{_en_day('d1')}\s+(?:of\s+)?{_en_month('m1')}{_en_year('y1')}"
        rf"{WD_CLOSE}",
    ),
    # "Monday", "last Sunday", "next Tuesday": resolved against the reference date.
    rule(
        "en.weekday",
        "en",
        "weekday",
        rf"(?:\b(?P<mod>(?i:last|next|this\s+coming|coming|this|past))\s+)?"
        rf"\b(?P<wd>{_EN_WEEKDAY_ALT})\b",
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

# "at 10:30 am on", "on the afternoon of", "in the evening of", "at noon on", "late on".
_EN_PREFIX = re.compile(
    rf"(?:\bat\s+{_EN_CLOCK}(?:\s*{_EN_LOCAL})?\s*,?\s+(?:on\s+)?)?"
    rf"(?:\b(?:(?:on|in|during)\s+)?the\s+{_EN_DP}\s+of\s+"
    rf"|\bat\s+(?P<dpn>noon|midday|midnight)\s+(?:on\s+)?"
    # "touched down in Madrid late Tuesday", "landed late on Jan. 10": one day's evening
    rf"|\b(?P<dpl>late|early)\s+(?:on\s+)?)?\Z",
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


# ---------------------------------------------------------------------------
# Durations
# ---------------------------------------------------------------------------

_EN_NUM = r"(?P<n>(?i:one|two|three|four|five|six|seven|eight|nine|ten)|\d{1,3})"

_DURATIONS = (
    # "a three-day state visit", "3-day", "two day", "four-day-long".
    DurationRule(
        "en.duration.n_day", 1, re.compile(rf"(?<![\w-]){_EN_NUM}[-\s]day(?:-long)?(?![\w-])")
    ),
    # "for three days", "over two days", "lasting 4 days".
    DurationRule(
        "en.duration.for_n_days",
        1,
        re.compile(rf"\b(?i:for|over|lasting)\s+(?:the\s+next\s+)?{_EN_NUM}\s+days\b"),
    ),
    # "a one-week tour", "two-week".
    DurationRule(
        "en.duration.n_week",
        7,
        re.compile(rf"(?<![\w-]){_EN_NUM}[-\s]week(?:-long)?(?![\w-])"),
    ),
    # "a week-long visit".
    DurationRule("en.duration.week_long", 7, re.compile(r"(?<![\w-])(?i:week-?long)(?![\w-])")),
    # "a visit of only a few hours", "a six-hour stop": the same day
    DurationRule(
        "en.duration.hours",
        1,
        re.compile(
            r"(?i)\b(?:visit|stop|stopover|stay)\s+of\s+(?:only\s+|just\s+|barely\s+)?"
            r"(?:a\s+few|several|a\s+couple\s+of|\d{1,2})\s+hours\b|"
            # (the count of hours is no count of days: no "n" group)
            rf"(?<![\w-])(?:few|several|{_EN_NUM.replace('?P<n>', '')})[-\s]hour\s+"
            r"(?:visit|stop|stopover|stay)\b"
        ),
    ),
)

ENGLISH = Grammar(
    rules=_RULES,
    prefix=_EN_PREFIX,
    suffix_day_part=_EN_SUFFIX_DP,
    suffix_clock=_EN_SUFFIX_CLOCK,
    suffix_local=_EN_SUFFIX_LOCAL,
    durations=_DURATIONS,
)
