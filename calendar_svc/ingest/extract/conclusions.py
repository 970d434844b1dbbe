"""What a verb of ending ends ("wrapped up his visit to A and B", "kết thúc tốt đẹp chuyến
thăm chính thức Lào"): the legs named after it, on the day the sentence gives, unless the
day is when something began, the journey ended as a whole, or the thing ended is an event
(a summit's end is its own leg's, `summit_cities.event_ends_to_summit_legs`).

Apart from `movements`, which calls it once per reported sentence, as one concept.
"""

from __future__ import annotations

import re

from calendar_svc.ingest.dates import DateMention
from calendar_svc.ingest.extract.classify import someone_else
from calendar_svc.ingest.extract.facts import ArticleFacts, Conclusion, Sourced, provenance
from calendar_svc.ingest.extract.views import View, listed_after
from calendar_svc.ingest.lexicon import Lexicon

#: After a conclusion verb: a journey told by a clause of its own ("ending a four-day
#: European trip that opened with a stop in Warsaw", "a brief trip in which he attended the
#: G20 summit in India"): the country is the clause's, and the day is the whole journey's
#: end, not that country's.
_ENDS_A_TRIP = re.compile(
    r"(?i)\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[\w-]+\s+){0,3}?(?:trip|tour|journey)"
    r"\s*,?\s+(?:(?:in|during|on)\s+which|that|which|where)\b"
)


def _the_one_visit(
    view: View, ended: re.Match[str], facts: ArticleFacts, lex: Lexicon
) -> list[str]:
    """ "as Xi ended a two-day state visit that began on Friday", in an article that names
    no destination but is filed from Myanmar's capital (`add_dateline_leg`): a visit ended
    with no place named is the visit the dateline places. Elsewhere a lone destination may
    be the next stop ("He flies on to Chile on Sunday"), not the visit ending."""
    if not _A_VISIT.match(view.sentence.text, ended.end()) or someone_else(
        view, ended.start(), facts
    ):
        return []
    placed = [s.value for s in facts.itinerary if s.provenance.rule.endswith(".dateline")]
    if placed:
        return placed
    # "đã rút ngắn chuyến thăm chính thức Niu Di-lân, kết thúc chuyến thăm vào chiều 7/3":
    # the one destination the sentence named before is the visit it ends; not where it
    # went ("đã tới Hen-xin-ki tối 9/9, sau khi kết thúc chuyến thăm ...")
    text = view.sentence.text
    if any(p.search(text) for p in (lex.arrival, lex.departure)):
        return []
    legs = {s.value for s in facts.itinerary}
    before = {
        m.place.country_code
        for m in view.places
        if m.span[0] < ended.start()
        and m.place.country_code in legs
        and _VISIT_OF.search(text, max(0, m.span[0] - _VISIT_OF_REACH), m.span[0])
    }
    return sorted(before) if len(before) == 1 else []


#: Right before a place: the visit it is of ("chuyến thăm chính thức Niu Di-lân", "his state
#: visit to Japan"), within one clause.
_VISIT_OF = re.compile(r"(?i)(?:\bvisit\s+to|(?<!\w)chuyến\s+(?:thăm|công\s+du))[^,;.]*$")
_VISIT_OF_REACH = 40


#: The events a verb of ending may end, in each language (one list for the two uses below).
_EVENTS_EN = r"summit|conference|meeting|forum|gathering|session|congress"
_EVENTS_VI = r"hội\s+nghị|diễn\s+đàn|phiên\s+họp|đại\s+hội"

#: An event as the subject of the verb of ending, in its clause: "as a two-day summit
#: marking 30 years of ties ended in Busan", "Hội nghị ... đã bế mạc", "as talks ended":
#: the event is over, the traveller may stay on.
_EVENT_ENDS = re.compile(
    rf"(?i)(?:\b(?:{_EVENTS_EN}|talks)\b|(?<!\w)(?:{_EVENTS_VI})(?!\w))"
    r"[^,;:.()]{0,60}?\s+(?:has\s+|had\s+|đã\s+)?$"
)


#: Right after the verb, an event it ends: "wrapped up a two-day special summit in Sydney"
#: (not "wrapped up talks with B", which a visit holds).
_AN_EVENT = re.compile(
    rf"(?i)\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_EVENTS_EN})\b"
    rf"|\s+(?:{_EVENTS_VI})(?!\w)"
)


#: Right after the verb, the visit it ends: "a two-day state visit", "chuyến thăm".
_A_VISIT = re.compile(
    r"(?i)\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[\w-]+\s+){0,3}?visit\b"
    r"|\s+(?:tốt\s+đẹp\s+)?chuyến\s+(?:thăm|công\s+du)(?!\w)"
)


#: Before a day: it is when something began ("kết thúc chuỗi hoạt động tại Bu-san, bắt đầu
#: từ chiều 24/11"; "a visit that began on Friday"; "kết thúc chuyến thăm chính thức Thụy
#: Điển từ ngày 18/10", the visit since the 18th), not the day it ended.
_BEGAN = re.compile(
    r"(?i)(?:bắt\s+đầu(?:\s+từ)?|kể\s+từ|began|begun|beginning|starting|since)"
    r"\s+(?:(?:on|ngày|từ|sáng|chiều|tối|trưa)\s+){0,2}$"
)
#: A bare "từ" before a day: the visit since then, when the sentence tells a later day
#: for the move ("Sáng 20/10, ... tới Helsinki, sau khi kết thúc chuyến thăm Thụy Điển
#: từ ngày 18/10"); alone it is when the move happened ("rời Stockholm từ sáng sớm 20/10").
_SINCE = re.compile(r"(?i)(?<!\w)từ\s+(?:(?:ngày|sáng|chiều|tối|trưa)\s+){0,2}$")


#: Between a verb of ending and a place: a move on to it ("The official visit ended on
#: Wednesday, when she flew on to Tokyo", "kết thúc chuyến thăm, lên đường tới Tô-ky-ô"):
#: the place is the next leg, not the one that ended.
_MOVES_ON = re.compile(
    r"(?i)\b(?:(?:fly|flies|flew|flying|travel\w*|head(?:s|ed|ing)?|go(?:es|ing)?|went|"
    r"mov(?:e|es|ed|ing)|press(?:es|ed|ing)?|continu(?:e|es|ed|ing))\s+(?:on\s+)?to|"
    r"(?:left|leaves?|leaving|bound)\s+for)\b|(?<!\w)lên\s+đường(?!\w)"
)


#: How far after "wrapped up" / "kết thúc" the leg it ends is named ("kết thúc tốt đẹp
#: chuyến thăm chính thức Cộng hòa Dân chủ Nhân dân Lào" is 50 characters).
_CONCLUDED_REACH = 90


def _another_legs_day(
    view: View, day: DateMention, verb: int, listed: list[str], legs: set[str]
) -> bool:
    """Whether a day is another leg's: told before the verb, the place it follows is another
    country, or another country comes between it and the verb ("... Djibouti on Monday and
    Tuesday, continued with a state visit to Ethiopia on Tuesday and Wednesday, ... and
    ended in Kenya": none of those days is the end in Kenya); told after it, the place named
    last before it is another leg. Only the trip's other legs count: "after discussing the
    war in Ukraine ..., he concluded his visit" keeps its day."""
    # (not a title's country, "Tổng thống Mỹ Donald Trump ... rời Hà Nội")
    places = [m for m in view.places if not view.in_person(m.span)]
    others = [m for m in places if m.place.country_code in legs - set(listed)]
    if day.span[0] >= verb:
        # "kết thúc ... COP21 tại Paris và bắt đầu chuyến thăm làm việc tại Vương quốc Bỉ
        # và Liên minh châu Âu (EU) ngày 2/12": the day of the leg named just before it
        after = [m for m in places if verb <= m.span[0] and m.span[1] <= day.span[0]]
        return (
            bool(after)
            and after[-1] in others
            and day.span[0] - after[-1].span[1] <= _NEXT_DAY_REACH
        )
    before = [m for m in places if m.span[1] <= day.span[0]]
    if before and before[-1] in others and day.span[0] - before[-1].span[1] <= _OWN_DAY_REACH:
        return True
    return any(day.span[1] <= m.span[0] < verb for m in others)


#: How far after a place its day may stand ("Ethiopia on Tuesday and Wednesday").
_OWN_DAY_REACH = 30
#: ... after the verb, past the next leg's other names ("Bỉ và Liên minh châu Âu (EU)").
_NEXT_DAY_REACH = 60


def add_conclusion(
    facts: ArticleFacts,
    view: View,
    lex: Lexicon,
    article_id: str,
    home: str | None,
    destinations: set[str],
    days: list[DateMention],
    went_home: bool,
) -> None:
    """The end of the legs named after the verb ("wrapped up his visit to A and B")."""
    ended = lex.conclusion.search(view.sentence.text)
    if not ended or someone_else(view, ended.start(), facts):
        return  # "Chủ tịch Kim Jong-un rời ga Đồng Đăng, khép lại chuỗi ...": his
    if _EVENT_ENDS.search(view.sentence.text, 0, ended.start()):
        return  # "as a two-day summit marking 30 years of ties ended in Busan": the summit's
    listed = listed_after(view, ended.end(), home, destinations) or _the_one_visit(
        view, ended, facts, lex
    )
    near = [m for m in view.places if m.place.country_code in listed and m.span[0] >= ended.end()]
    if near and _MOVES_ON.search(view.sentence.text, ended.end(), near[0].span[0]):
        return  # "The official visit ended on Wednesday, when she flew on to Tokyo"
    if near and near[0].span[0] - ended.end() > _CONCLUDED_REACH:
        return  # "Kết thúc cuộc gặp, hai nhà lãnh đạo ký ..., Washington cam kết": no leg
    # Ending the whole journey (several legs, on the way home, or a trip told by a clause
    # of its own) says each leg is over, not the day it ended: that day is the homecoming's.
    whole = _ENDS_A_TRIP.match(view.sentence.text, ended.end()) is not None
    text = view.sentence.text
    days = [d for d in days if not _BEGAN.search(text, max(0, d.span[0] - 30), d.span[0])]
    days = [
        d
        for d in days
        if not _SINCE.search(text, max(0, d.span[0] - 30), d.span[0])
        or not any(o.start > d.start for o in days)
    ]
    days = [d for d in days if not _another_legs_day(view, d, ended.start(), listed, destinations)]
    on = days[0].start if days and len(listed) == 1 and not went_home and not whole else None
    for code in listed:
        facts.conclusions.append(
            Sourced(
                Conclusion(code, on, _AN_EVENT.match(view.sentence.text, ended.end()) is not None),
                provenance(article_id, view.sentence, f"{lex.language}.conclusion", ended.span()),
            )
        )
