"""Who comes along and whom they meet: the spouse, the delegation and the counterparts
of an article's principal.

Delegation lists ("The delegation includes", "Đoàn gồm có", "cùng đi có") make delegation
members, also in a bulleted list after the cue; the spouse is named right after a mention
of the principal ("X, his spouse Y", "X và Phu nhân"); other named leaders in sentences
about meetings ("held talks", "hội đàm") are counterparts, unless they only brief the
press.
"""

from __future__ import annotations

import re

from calendar_svc.domain.language import Language
from calendar_svc.ingest.lexicon.people import PEOPLE_LEXICONS
from calendar_svc.ingest.people.mentions import Mention
from calendar_svc.ingest.people.names import (
    COUNTRIES,
    ORG_WORDS,
    name_start,
    same_in_article,
    tokens,
)
from calendar_svc.ingest.people.person import UNNAMED, Person
from calendar_svc.ingest.people.roles import SentMentions
from calendar_svc.ingest.people.titles import TITLE_RE, TITLE_WORDS
from calendar_svc.reference.orthography import nfc

_DELEGATION = re.compile(
    r"(?:\bdelegation\s+(?:also\s+)?(?:includes|included|comprises|comprised|consists\s+of)"
    r"|\baccompanying\s+(?:him|her|them)\s+(?:are|were|is|was)"
    r"|\bmembers\s+of\s+the\s+delegation\s+(?:include|included|are|were)"
    r"|\baccompanied\s+by"
    r"|[Đđ]oàn\s+(?:gồm\s+có|gồm|có)|[Cc]ùng\s+đi\s+(?:với\s+[^:]{0,80}?)?có"
    r"|[Tt]ham\s+gia\s+[Đđ]oàn\s+(?:có|gồm)|tháp\s+tùng)",
)
_MEET = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|talks|talk|received|receives|hosted|hosts|"
    r"welcomed|welcomes|called\s+on|phone\s+call|held\s+(?:a\s+)?(?:bilateral\s+)?meeting|"
    r"banquet|hội\s+đàm|hội\s+kiến|tiếp(?!\s+(?:tục|theo|nhận|cận|thu|tế|xúc))|gặp|"
    r"điện\s+đàm|chào\s+xã\s+giao|đón)\b",
    re.IGNORECASE,
)
_SPOKESPERSON = re.compile(
    r"\s*(?::|(?:has\s+|had\s+)?(?:told|briefed)\s+(?:the\s+)?(?:press|reporters|media|journalists)"
    r"|(?:đã\s+)?trả\s+lời\s+phỏng\s+vấn|(?:đã\s+)?thông\s+tin\s+với\s+báo\s+chí)",
    re.IGNORECASE,
)
_TOLD = re.compile(r"\s*(?:told|said|stated)\b")
_LIST_ITEM = re.compile(r"\s*(?:[Đđ]ồng chí|Ông|Bà|Mr\.?|Ms\.?|Mrs\.?)\s+[^\W\d_]")
_BULLET = re.compile(r"^\s*(?:[-–—+•*]|\d+[.)])\s+")


def find_spouse(sents: list[SentMentions], text: str, lang: Language, pname: str) -> Person | None:
    """The principal's spouse, right after a mention of them ("X, his spouse Y", "X và Phu
    nhân"): the first one named, else the first one said to be present."""
    spouse: Person | None = None
    for sm in sents:
        pms = [m for m in sm.mentions if same_in_article(m.person.name, pname)]
        if not pms and not re.search(r"\b(?:he|she|his|her)\b", sm.text, re.I):
            continue
        for sp in PEOPLE_LEXICONS[lang].spouse.finditer(sm.text):
            if not _after_principal(sm, sp, pms, lang):
                continue
            cand = _spouse(sm, sp, text)
            if spouse is None or (not spouse.is_named and cand.is_named):
                spouse = cand
        if spouse is not None and spouse.is_named:
            break
    return spouse


def _after_principal(
    sm: SentMentions, sp: re.Match[str], pms: list[Mention], lang: Language
) -> bool:
    """The spouse cue follows a mention of the principal closely, with no other title
    between, or says "his"/"her" in a sentence that names the principal."""
    near = any(
        0 <= sp.start() - (m.person.span[1] - sm.start) <= 80
        and not TITLE_RE[lang].search(sm.text[m.person.span[1] - sm.start : sp.start()])
        for m in pms
    )
    possessive = lang == "en" and re.match(r"(?i)his|her", sp.group(0))
    return near or bool(possessive and pms)


def _spouse(sm: SentMentions, sp: re.Match[str], text: str) -> Person:
    name = _spouse_name(sp.group("name"))
    a = sm.start + sp.start()
    b = sm.start + (sp.end("name") if name else sp.end("role"))
    return Person(
        name=re.sub(r"\s+", " ", name) if name else UNNAMED,
        title="Spouse",
        title_text=sp.group("role"),
        organisation_or_country=None,
        span=(a, b),
        text=text[a:b],
    )


def _spouse_name(name: str | None) -> str | None:
    """The capitalised words after the spouse cue, when they are a person's name (not a
    title, an organisation or a country)."""
    if name is None:
        return None
    toks = tokens(name)
    if not toks or toks[0].low in TITLE_WORDS or toks[0].low in ORG_WORDS or nfc(name) in COUNTRIES:
        return None
    return name if name_start(toks, allow_single=False) == 0 else None


def find_delegation(
    sents: list[SentMentions],
    pname: str,
    spouse: Person | None,
    inviter_spans: set[tuple[int, int]],
) -> list[Person]:
    """People after a delegation cue, or in a bulleted list after it."""
    delegation: list[Person] = []
    in_list = False

    def add_member(p: Person) -> None:
        if same_in_article(p.name, pname) or (spouse and same_in_article(p.name, spouse.name)):
            return
        if p.span in inviter_spans:
            return
        if not any(same_in_article(d.name, p.name) for d in delegation):
            delegation.append(p)

    for sm in sents:
        cue = _DELEGATION.search(sm.text)
        if cue and not re.match(r"(?i)accompanied\s+by\s+(?:his|her)\s+", sm.text[cue.start() :]):
            for m in sm.mentions:
                if m.person.span[0] - sm.start >= cue.end():
                    add_member(m.person)
            in_list = sm.text.rstrip().endswith(":")
            continue
        if in_list and (_BULLET.match(sm.text) or _LIST_ITEM.match(sm.text)):
            for m in sm.mentions:
                add_member(m.person)
            continue
        in_list = False
    return delegation


def find_counterparts(
    sents: list[SentMentions], pname: str, spouse: Person | None, delegation: list[Person]
) -> list[Person]:
    """Other named leaders in sentences about meetings, each once (in its longest form)."""
    counterparts: list[Person] = []
    excluded = [pname, *(d.name for d in delegation)]
    for sm in sents:  # spokespeople and interviewees brief the press, they are not met
        for m in sm.mentions:
            b = m.person.span[1] - sm.start
            if _SPOKESPERSON.match(sm.text, b):
                excluded.append(m.person.name)
    if spouse and spouse.is_named:
        excluded.append(spouse.name)
    for sm in sents:
        if not _MEET.search(sm.text):
            continue
        for m in sm.mentions:
            p = m.person
            if any(same_in_article(p.name, e) for e in excluded):
                continue
            b = p.span[1] - sm.start
            if _TOLD.match(sm.text, b):
                continue
            existing = next(
                (i for i, c in enumerate(counterparts) if same_in_article(c.name, p.name)), None
            )
            if existing is None:
                counterparts.append(p)
            elif len(p.name.split()) > len(counterparts[existing].name.split()):
                counterparts[existing] = p
    return counterparts
