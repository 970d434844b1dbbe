"""Subjects that are someone else though no name says so: a deputy, a group or the
leaders at large, a leader named by office and another country.

Apart from `classify` because each is a reading of a clause's subject alone.
"""

from __future__ import annotations

import re

from calendar_svc.ingest.extract.facts import ArticleFacts
from calendar_svc.reference.countries import demonym_country


def deputy_subject(text: str, verb: int, facts: ArticleFacts) -> bool:
    """Whether the clause of the verb opens on a deputy's title and no name ("Chiều cùng
    ngày, Phó Tổng thống Mỹ rời Vác-sa-va tới Ai-len", "The vice president flew on to
    Ireland"): the deputy's move, unless the traveller is a deputy too."""
    if facts.principal is None or _DEPUTY.match(facts.principal.value.title or ""):
        return False
    clause = re.split(r"[;.]", text[:verb])[-1]
    return _DEPUTY_OPENS.match(clause) is not None


def described_other(text: str, verb: int, home: str | None) -> bool:
    """Whether the verb's subject is a leader named by office and another country ("...
    because the U.S. president flew home early", in a report on Lee's trip)."""
    clause = re.split(r"[,;]|\b(?:and|but|because|as|while)\b", text[:verb])[-1]
    said = _DESCRIBED_SUBJECT.search(clause)
    if said is None or home is None:
        return False
    country = said["country"]
    code = "US" if country in ("U.S.", "US") else demonym_country(country)
    return code is not None and code != home


#: A leader named by office and country, closing the clause before a verb: "the U.S.
#: president", "the Russian leader".
_DESCRIBED_SUBJECT = re.compile(
    r"\b[Tt]he\s+(?P<country>U\.S\.|US|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
    r"(?:leader|president|prime\s+minister|premier|chancellor|king|emperor)\s+"
    r"(?:(?:has|had|will|would|then|also|later)\s+)?$"
)


def group_subject(text: str, verb: int) -> bool:
    """Whether the verb's clause has a group, a machine or an aide for its subject, not
    the traveller ("a Russian advance party of 35 officials landed in Cairo", "những máy
    bay chiến đấu đầu tiên của Nga đã rời Xy-ri về nước", "cố vấn đặc biệt của ông ... đã
    tới Moskva"): they move, the traveller does not."""
    clause = re.split(r"[,;.]|\b(?:and|but)\b|(?<!\w)(?:và|nhưng)(?!\w)", text[:verb])[-1]
    if _GROUP.search(clause) is not None or _AIDE_HEADS.match(clause) is not None:
        return True
    # the leaders, not one of them: "các đoàn lãnh đạo lần lượt tới Đà Nẵng", "world leaders
    # flew in"; "Abe and other leaders" names the traveller among them; but the summit's
    # leaders closing it close it for the traveller too ("Leaders ... wrapped up their summit")
    return (
        _LEADERS.match(re.split(r"[,;.]", text[:verb])[-1]) is not None
        and _CLOSE.match(text, verb) is None
    )


#: An aide heading the clause, sent ahead ("his special adviser Celso Amorim went to
#: Moscow", "Đầu tháng 4, cố vấn đặc biệt của ông ... đã tới Moskva"); not one travelling
#: with the traveller ("Petrov with his special envoy arrived", "cùng cố vấn").
_AIDE_HEADS = re.compile(
    r"(?i)\s*(?:(?:his|her|the\s+president['’]s|the\s+prime\s+minister['’]s)\s+)"
    r"(?:[\w-]+\s+){0,3}?(?:adviser|advisor|envoy|emissary)\b|"
    r"\s*(?:cố\s+vấn|đặc\s+phái\s+viên|đặc\s+sứ)(?!\w)"
)

#: Groups and machines that move without the traveller.
_GROUP = re.compile(
    r"(?i)\badvance\s+(?:party|team)\b|\b(?<!his\s)(?<!her\s)(?:troops|soldiers|servicemen|"
    r"forces|jets|warplanes|bombers|fighter\s+planes|refugees|migrants|tourists|fishermen)\b|"
    # "A plane carrying Chilean workers evacuated from Ukraine left for Santiago"
    r"\b(?:plane|aircraft|flight)\s+carrying\s+(?:[\w-]+\s+){0,3}?(?:workers|citizens|"
    r"nationals|evacuees|passengers|students|troops|aid|supplies)\b|"
    # "Two French military aircraft left Paris on Wednesday carrying rescuers": a fleet
    r"\b(?:two|three|four|five|six|several|\d+)\s+(?:[\w-]+\s+){0,2}?(?:aircraft|planes|"
    r"ships|vessels)\b|\bmilitary\s+(?:transport\s+)?(?:aircraft|planes)\b|"
    r"(?<!\w)(?:hai|ba|bốn|năm|sáu|nhiều|\d+)\s+(?:chiếc\s+)?máy\s+bay(?!\w)|"
    r"(?<!\w)(?:đoàn\s+tiền\s+trạm|(?:chiếc\s+|các\s+|những\s+)?máy\s+bay\s+(?:chiến\s+đấu|"
    r"ném\s+bom|quân\s+sự|tiêm\s+kích)|binh\s+sĩ|quân\s+nhân|ngư\s+dân|du\s+khách|"
    r"người\s+tị\s+nạn)(?!\w)"
)


#: Leaders and delegations as a clause's whole subject.
_LEADERS = re.compile(
    r"(?i)\s*(?:(?:the|other|world|foreign|visiting|many)\s+)*(?:leaders|delegations|heads\s+of\s+"
    r"(?:state|government))\b|\s*(?:các|những)\s+(?:đoàn|nhà\s+lãnh\s+đạo|lãnh\s+đạo|nguyên\s+thủ)(?!\w)"
)


_CLOSE = re.compile(r"(?i)wrap|conclud|end|clos|(?:kết\s+thúc|bế\s+mạc|khép\s+lại)(?!\w)")


#: A deputy's title ("Phó Tổng thống", "Vice President", "Deputy Prime Minister").
_DEPUTY = re.compile(r"(?i)\s*(?:the\s+)?(?:(?:U\.S\.|US|[A-Z]\w+)\s+)?(?:vice|deputy)\b|\s*phó\s")
#: A clause that opens on one, after a time phrase at most: "Chiều cùng ngày, Phó Tổng
#: thống Mỹ rời ...".
_DEPUTY_OPENS = re.compile(
    r"(?i)^\s*(?:[^,]{0,30},\s*)?(?:the\s+)?(?:(?:U\.S\.|US|[A-Z]\w+)\s+)?(?:vice|deputy)\s+"
    r"(?:president|prime\s+minister|premier|chancellor)\b(?:\s+(?-i:[a-z])\S*){0,2}\s*$|"
    r"^\s*(?:[^,]{0,30},\s*)?(?-i:Phó)\s+(?:Tổng\s+thống|Thủ\s+tướng|Chủ\s+tịch(?:\s+nước)?)"
    r"(?:\s+(?-i:[A-ZĐ][\w-]*)(?:\s+(?-i:[A-ZĐ][\w-]*))*)?(?:\s+(?-i:[a-zđà-ỹ])\S*){0,2}\s*$"
)
