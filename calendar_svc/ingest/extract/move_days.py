"""Which of a sentence's days is a movement's: "who reached Apulia late on Thursday, flew
out of Italy late on Friday", "tới Bru-nây tối 10/3 ...; ngày 12/3, ông rời Bru-nây".

Apart from `movements` because every movement reader asks it, and whose day is whose is
one concern with its own reach.
"""

from __future__ import annotations

import re

from calendar_svc.ingest.dates import DateMention
from calendar_svc.ingest.lexicon import Lexicon

#: Movements told with a day that the lexicon's verbs leave out, for `day_of` to know
#: whose day is whose ("who reached the Apulia region late on Thursday").
_MOVED = {
    "en": re.compile(r"(?i)\b(?:reached|reaches|flew in|flown in|came to|got to)\b"),
    "vi": re.compile(r"(?i)(?<!\w)(?:đến|tới)(?=\s+(?:sân\s+bay|thủ\s+đô|[A-ZĐ]))"),
}


def day_of(verb: tuple[int, int], days: list[DateMention], lex: Lexicon, text: str) -> DateMention:
    """The day a movement is told on, when the sentence tells several ("who reached Apulia
    late on Thursday, flew out of Italy late on Friday"; "đến Brindisi vào đêm 13/6 và rời
    I-ta-li-a vào cuối ngày 14/6"): each day belongs to the movement told nearest before
    it in its clause (else the first after it: "...; ngày 12/3, ông rời Bru-nây"); of the
    days that belong to this verb, the nearest
    within `_DAY_REACH`; else the sentence's first day."""
    if len(days) == 1:
        return days[0]
    verbs = sorted(
        {
            m.span()
            for rx in (lex.departure, lex.arrival, _MOVED[lex.language])
            for m in rx.finditer(text)
        }
        | {verb}
    )

    def owner(day: DateMention) -> tuple[int, int] | None:
        if _NEW_CLAUSE.search(text[max(0, day.span[0] - 20) : day.span[0]]):
            # a day after "and" opens what comes next ("tới Bru-nây và ngày hôm sau hội
            # đàm"): a movement's only if one follows
            ahead = [v for v in verbs if v[0] >= day.span[1]]
            return ahead[0] if ahead else None
        # a day opening a clause after ";" is the clause's ("...; ngày 12/3, ông rời A")
        before = [v for v in verbs if v[1] <= day.span[0]]
        clause = [v for v in before if ";" not in text[v[1] : day.span[0]]]
        after = [v for v in verbs if v[0] >= day.span[1]]
        return clause[-1] if clause else (after or before)[0 if after else -1]

    def distance(day: DateMention) -> int:
        return day.span[0] - verb[1] if day.span[0] >= verb[1] else verb[0] - day.span[1]

    def owned(by: tuple[int, int]) -> list[DateMention]:
        return [d for d in days if owner(d) == by and distance(d) <= _DAY_REACH]

    own = owned(verb)
    if own:
        return min(own, key=distance)
    # none of its own, right after another movement in its clause ("tới Ca-ta tối hôm
    # trước sau khi rời Riyadh"): told as part of that move, on its day (one near this
    # verb too: `distance` counts from it)
    prior = [v for v in verbs if v[1] <= verb[0] and ";" not in text[v[1] : verb[0]]]
    theirs = owned(prior[-1]) if prior else []
    return theirs[-1] if theirs else days[0]


#: "and" or "then" right before a day: it opens the next clause ("and the next day held
#: talks", "và ngày hôm sau hội đàm").
_NEW_CLAUSE = re.compile(
    r"(?i)(?:\band(?:\s+then)?|\bthen|(?<!\w)(?:và|rồi|sau\s+đó))(?:\s+(?:on|vào))?\s*$"
)

#: How far from its verb a movement's day is told ("flew out of Italy late on Friday");
#: a day further on is another clause's ("... a visit in which he met Xi on Friday").
_DAY_REACH = 50
