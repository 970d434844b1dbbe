"""Which leg a range written beside a country dates: the one named right before it ("a
state visit to Chile from October 30 to November 1"), or the one visited in the clause a
range opens ("Từ ngày 9-11/10, ... thăm cấp Nhà nước Triều Tiên"). Apart from `windows`,
which decides whose days every range gives, because these read where the words stand.
"""

from __future__ import annotations

import re

from calendar_svc.ingest.dates import DateMention
from calendar_svc.ingest.extract.views import View
from calendar_svc.ingest.lexicon import Lexicon, visit_type_cues

#: Between a country and the range that dates it: nothing, or the name in brackets.
_RANGE_GAP = re.compile(
    r"^\)?\s*(?:\([^()]{1,40}\)\s*)?"
    # "in the United States on a state visit from June 20 to 23", "Egypt on June 24 and 25"
    r"(?:(?:on|for)\s+(?:an?\s+)?(?:(?:state|official|working|[\w-]+-day)\s+)?"
    r"(?:visit|trip)\s*)?(?:on\s*)?"
    # "an official visit to Singapore that ran from March 10 to 12"
    r"(?:,?\s*(?:that|which)\s+(?:ran|runs|will\s+run|lasted|lasts|will\s+last|"
    r"took\s+place|takes\s+place|is\s+scheduled)\s*)?"
    # "from New Zealand, where he had spent June 13 to 15", "từ Niu Di-lân, nơi ông thăm từ ngày"
    r"(?:,\s*(?:where|nơi)\s+(?:he|she|ông|bà)\s+(?:had\s+|đã\s+)?(?:spent|stayed|visited|was|"
    r"thăm|ở|lưu\s+lại|dừng\s+chân)\s*)?"
    # "Japan (Oct 6-7)", "Hàn Quốc trong hai ngày 3 và 4/10", "Nhật Bản trong các ngày 6 và 7/10"
    r"(?:(?:trong\s+(?:hai|ba|bốn|các)|vào(?:\s+các)?)\s*(?:ngày\s*)?|ngày\s*)?\(?"
    # "in Peru from the evening of November 14": "from" outside the range's own words
    r"(?:(?:from|từ)\s*)?$",
    re.IGNORECASE,
)


def countries_visited(view: View, visits: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """The countries named right after a visit cue ("thăm chính thức Ba Lan"), with where."""
    text = view.sentence.text
    return [
        (m.place.country_code, m.span[0])
        for m in view.places
        if m.place.kind == "country"
        and not view.in_person(m.span)
        and any(b <= m.span[0] and _CUE_TO_PLACE.fullmatch(text, b, m.span[0]) for _, b in visits)
    ]


#: Between a visit cue and the country it is to: "to", "tới", "the", "Cộng hòa" is the name's
_CUE_TO_PLACE = re.compile(r"(?i)\s*(?:to\s+|tới\s+|đến\s+)?(?:the\s+)?")


def range_leg(
    view: View, mention: DateMention, home: str | None, destinations: set[str]
) -> str | None:
    """The leg a range written right after its country dates ("a state visit to Chile
    from October 30 to November 1, then ... Peru from November 1 to 3", "ở Ca-ta từ
    ngày 14-15/5"): the one destination named since the previous range, when nothing but
    its name in brackets stands between. A range after a list of countries ("Saudi
    Arabia, Qatar and the UAE from May 13 to 16") is the trip's."""
    previous = max((d.span[1] for d in view.dates if d.span[1] <= mention.span[0]), default=0)
    named: dict[str, int] = {}
    for place in view.places:
        code = place.place.country_code
        if place.span[0] < previous or place.span[1] > mention.span[0]:
            continue
        if code == home or view.in_person(place.span) or place.place.kind != "country":
            continue
        named[code] = place.span[1]
    if len(named) != 1:
        return None
    ((code, end),) = named.items()
    if code not in destinations or not _RANGE_GAP.match(view.sentence.text[end : mention.span[0]]):
        return None
    return code


#: Before a range that opens its sentence: "Từ ngày", "Trong hai ngày", "From".
_FRONTED = re.compile(
    r"(?i)^\W*(?:(?:từ|trong(?:\s+(?:hai|ba|bốn|năm|các))?|from|between)\s+)?(?:ngày\s*)?$"
)


def fronted_leg(
    view: View, mention: DateMention, lex: Lexicon, home: str | None, destinations: set[str]
) -> str | None:
    """The leg a range opening its sentence dates when the clause is a visit to one country
    and names no other ("Từ ngày 9-11/10, Tổng Bí thư ... thăm cấp Nhà nước Triều Tiên"):
    as stated as the same range written after the country."""
    text = view.sentence.text
    if not _FRONTED.match(text, 0, mention.span[0]) or len(view.countries(home)) != 1:
        return None
    visits = [(a, b) for a, b, _ in visit_type_cues(lex, text) if a >= mention.span[1]]
    visited = {code for code, _ in countries_visited(view, visits)}
    return visited.pop() if len(visited) == 1 and visited <= destinations else None
