"""Stated lengths of a visit ("a three-day visit", "chuyến thăm 3 ngày"), which pin a trip's
end when only its start is given. Apart from the dates because a length has no anchor day:
its grammar and its refusals ("80 năm ngày Chiến thắng", "extended by one day") are its own.
"""

from __future__ import annotations

import re

from calendar_svc.domain.language import Language
from calendar_svc.ingest.dates.mentions import DurationMention
from calendar_svc.ingest.dates.parse import GRAMMARS, select
from calendar_svc.ingest.lexicon.dates import DATE_WORDS, word_key

_DIGIT_BEFORE = re.compile(r"\d\s*\Z")
# "extended by one day", "kéo dài thêm một ngày": a change to a length, not a length.
_CHANGE_BEFORE = re.compile(r"(?i:(?<!\w)(?:by|thêm))\s+\Z")
# "the second trip in less than two weeks", "trong chưa đầy hai tuần": a bound on a time
# between things, not the length of a stay ("well under a day", "chưa đầy một ngày" is a
# stay within one day).
_BOUND_BEFORE = re.compile(
    r"(?i:(?<!\w)(?:less\s+than|more\s+than|under|within|chưa\s+đầy|chưa\s+tới|hơn))\s+\Z"
)
_CAPITALISED_NEXT = re.compile(r"\s+(?P<c>\w)")


def _number(raw: str, lang: Language) -> int | None:
    word = word_key(raw)
    if word.isdigit():
        return int(word)
    return DATE_WORDS[lang].numbers.get(word)


def find_durations(text: str, lang: Language) -> list[DurationMention]:
    """Stated lengths of a visit in days, which pin a trip's end when only its start is given."""
    if lang not in GRAMMARS:
        return []
    candidates: list[tuple[int, int, int, DurationMention]] = []
    for priority, rule in enumerate(GRAMMARS[lang].durations):
        for m in rule.pattern.finditer(text):
            raw = m.groupdict().get("n")
            count = 1 if raw is None else _number(raw, lang)
            if count is None:
                continue
            if lang == "vi" and _vi_not_a_count(text, m, raw):
                continue
            days = count * rule.unit
            if not 1 <= days <= 366:
                continue
            if _CHANGE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue
            if days > 1 and _BOUND_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue
            start, end = m.span()
            mention = DurationMention(days=days, span=(start, end), text=m.group(0), rule=rule.name)
            candidates.append((start, end, priority, mention))
    return select(candidates)


def _vi_not_a_count(text: str, m: re.Match[str], raw: str | None) -> bool:
    if word_key(raw or "") == "năm" and _DIGIT_BEFORE.search(
        text, max(0, m.start("n") - 8), m.start("n")
    ):
        return True  # "80 năm ngày Chiến thắng": "năm" is "years", not "five"
    nxt = _CAPITALISED_NEXT.match(text, m.end())
    # "năm Ngày Chiến thắng": a named day, not a count of days
    return nxt is not None and nxt.group("c").isupper() and m.group(0).endswith("ngày")
