"""Days told by their distance from a day named before them: "landed on May 3 and held
talks the next day", "Ngày 15/2 ... tới Ca-ta tối hôm trước". Each is read against the
last single day written before it in the sentence or, when the sentence names none
before it, against the last one of the sentence before. A range or no day before: no
reading, rather than a guess.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cache

from calendar_svc.domain.language import Language
from calendar_svc.ingest.dates.mentions import DateMention
from calendar_svc.ingest.lexicon.dates import DATE_WORDS, DayPart


@cache
def _patterns(lang: Language) -> tuple[tuple[re.Pattern[str], int], ...]:
    return tuple(
        (re.compile(rf"(?i)(?<![^\W_])(?:{words})(?![^\W_])"), offset)
        for words, offset in DATE_WORDS[lang].relative_days.items()
    )


def _part(phrase: str, lang: Language) -> DayPart | None:
    """The part of the day the phrase names ("the next morning", "tối hôm trước")."""
    said = phrase.lower().split()
    for word, part in DATE_WORDS[lang].day_parts.items():
        if word in said and " " not in word:
            return part
    return None


def relative_days(
    text: str, lang: Language, found: list[DateMention], before: DateMention | None = None
) -> list[DateMention]:
    """`found` (the sentence's dates, in order) with the days its relative words tell;
    `before`: the last day of the sentence before."""
    if lang not in DATE_WORDS:
        return found
    out = list(found)
    for pattern, offset in _patterns(lang):
        for m in pattern.finditer(text):
            earlier = [d for d in found if d.span[1] <= m.start()]
            base = earlier[-1] if earlier else before
            if base is None or base.start != base.end:
                continue
            day = base.start + timedelta(days=offset)
            out.append(
                DateMention(
                    start=day,
                    end=day,
                    span=m.span(),
                    text=m.group(),
                    rule=f"{lang}.relative",
                    year_inferred=base.year_inferred,
                    day_part=_part(m.group(), lang),
                )
            )
    return sorted(out, key=lambda d: d.span)
