"""What a headline tells of the traveller: the one it has travel, host or name by office,
and which of the people it names is at home where the lead is.

Apart from `principal` because a headline is read by its own rules (a present tense, no
articles, the subject first) and they are one concern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from calendar_svc.domain.language import Language
from calendar_svc.ingest.lexicon.people import PEOPLE_LEXICONS
from calendar_svc.ingest.people.mentions import Mention
from calendar_svc.ingest.people.names import same_in_article
from calendar_svc.ingest.people.roles import (
    TRIP_OWNED,
    Countries,
    NotTraveller,
    SentMentions,
    travel_after,
    without_people,
)
from calendar_svc.ingest.people.titles import TITLE_NORM
from calendar_svc.reference.countries import demonym_country

#: A host verb before a name in a headline, titles and countries between ("đón Tổng
#: thống Chi-lê B").
_HOSTS = re.compile(
    r"(?i)(?<![^\W_])(?:host|hosts|hosted|hosting|welcome[sd]?|welcoming|greet(?:s|ed)?|"
    r"receive[sd]?|đón|tiếp\s+đón|chào\s+đón)\s+(?:[^\W\d_]+(?:[-'’][^\W\d_]+)*\s+){0,5}?$"
)
#: The passive's agent: "is received by B", "được B đón" (B is the host).
_BY = re.compile(r"(?i)\bby\b|(?<!\w)(?:bởi|được)(?!\w)")


#: A headline's subject saying what they will do: "Putin says he will go to China", "Thủ
#: tướng cho biết sẽ thăm".
_SAYS_HE = re.compile(r"(?i)\s+(?:says|said)\s+(?:that\s+)?(?:he|she)(?=\s)|\s+cho\s+biết(?=\s)")


#: Right before a name in a headline: a side clause opens ("as Zelenskiy flies in", "khi
#: Tổng thống B tới"); the headline's own subject is named before it.
_AS_CLAUSE = re.compile(r"(?i)(?:\b(?:as|while|when)|(?<!\w)khi)\s+(?:[\w.-]+\s+){0,3}$")


#: Right before a name: the one a meeting is with ("lỡ cuộc gặp với Trump", "talks with
#: Xi"); not "hosts Xi", whose object is the guest.
_MET_BEFORE = re.compile(r"(?i)(?:\bwith|(?<!\w)với)\s+(?:[\w.-]+\s+){0,2}$")


#: Before a name: what it owns ("sắc lệnh nhập cư của ông Trump"). A trip owned is the
#: traveller's ("chuyến thăm của ông A").
_OWNER_BEFORE = re.compile(r"(?i)(?<!\w)(?P<thing>[^,:;]{0,40}?)\s+của\s+(?:[\w.-]+\s+){0,2}$")
_TRIP_OWNED = re.compile(r"(?i)(?<!\w)(?:chuyến|thăm|công\s+du|chặng)(?!\w)")


def _owns_something_else(headline: str, start: int) -> bool:
    """Whether the headline names the person only as the owner of something other than a
    journey ("Thủ tướng Anh về nước giữa làn sóng chỉ trích về sắc lệnh của ông Trump")."""
    hit = _OWNER_BEFORE.search(headline, 0, start)
    return hit is not None and not _TRIP_OWNED.search(hit["thing"])


def headline_traveller(
    sents: list[SentMentions], lang: Language, not_traveller: NotTraveller, headline: str
) -> Mention | None:
    """The one the headline makes the subject of a travel verb ("Suga heads home from
    Southeast Asia", "Thủ tướng Chính tới Bắc Kinh"), by a word of a name the body gives:
    the body may name a traveller only in passing ("as he wrapped up a trip")."""
    people = [m for sm in sents for m in sm.mentions if not not_traveller(m)]
    best: tuple[int, Mention] | None = None
    for m in people:
        for hit in _name_hits(m, lang, headline):
            if hit.start() > 0 and _AS_CLAUSE.search(headline, 0, hit.start()):
                continue  # "Lula ... meets Macron as Zelenskiy flies in": a side clause
            says = _SAYS_HE.match(headline, hit.end())  # "Putin says he will go to China"
            end = says.end() if says else hit.end()
            owns = TRIP_OWNED.match(headline, hit.end()) is not None  # "Phuc's first trip"
            if (owns or travel_after(headline, end, lang, strict=True)) and (
                best is None or hit.start() < best[0]
            ):
                best = (hit.start(), m)
    if best is None:
        return None
    return next(m for m in people if same_in_article(m.person.name, best[1].person.name))


def _name_hits(m: Mention, lang: Language, headline: str) -> Iterator[re.Match[str]]:
    """Where the headline gives a word of the mention's name (Vietnamese syllables are
    common words, "Tổng", "Minh": the whole name there)."""
    words = m.person.name.split() if lang == "en" else [m.person.name]
    for word in {w for w in words if len(w) > 1 and w[0].isupper()}:
        yield from re.finditer(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", headline)


def headline_guest(
    sents: list[SentMentions], lang: Language, not_traveller: NotTraveller, headline: str
) -> Mention | None:
    """The one the headline has hosted or welcomed ("... as Abe hosts Quang", "Thủ tướng
    Nhật Bản đón Chủ tịch nước Trần Đại Quang"), by a word of a name the body gives: the
    guest is the traveller, whoever the body's travel sentences follow."""
    for m in (m for sm in sents for m in sm.mentions if m.person.is_named):
        if not_traveller(m):
            continue
        for hit in _name_hits(m, lang, headline):
            host = _HOSTS.search(headline, max(0, hit.start() - 60), hit.start())
            if host and not _BY.search(host.group(0)):  # "is received by B": B hosts
                return m
    return None


def headline_office(
    sents: list[SentMentions],
    lang: Language,
    not_traveller: NotTraveller,
    headline: str,
    countries: Countries | None,
) -> Mention | None:
    """The one the headline names by office and country, not by name ("Bangladesh rolls
    out red carpet for Vietnam's president", "From Dhaka to Delhi, Vietnam's president
    widens ..."): the body's first person of that title from that country, unless the
    headline makes them the host ("Vietnam's president welcomes B")."""
    if countries is None:
        return None
    for office in _OFFICE.finditer(headline):
        if PEOPLE_LEXICONS[lang].host.match(headline, office.end() + 1):
            continue
        demonym = demonym_country(office["country"])
        code = countries.in_text(office["country"]) or ({demonym} if demonym else set())
        if not code:
            continue
        title = TITLE_NORM.get(re.sub(r"\s+", " ", office["title"]).lower())
        if title is None:
            continue
        for m in (m for sm in sents for m in sm.mentions if m.person.is_named):
            if (
                not not_traveller(m)
                and m.person.title == title
                and countries.of_person(m.person) in code
            ):
                return m
    return None


#: An office named by its country in a headline: "Vietnam's president", "Vietnamese
#: President", "Indian PM".
_OFFICE = re.compile(
    r"(?P<country>(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?)(?:['’]s)?\s+"
    r"(?P<title>president|prime\s+minister|premier|PM|chancellor|king|emperor|pope)\b",
    re.IGNORECASE,
)


#: An Arabic article or particle before a family name ("al-Sisi", "el-Sisi", "bin-Salman"
#: is rarer): headlines drop it.
_PARTICLE = re.compile(r"(?:al|el|ad|an|as|ash|at|az|ud|ul)-(?P<rest>[^\W\d_a-z][^\W\d_]+)$")


def headline_person(travellers: list[Mention], headline: str) -> Mention | None:
    """Of the travellers, the first mention of the one whose name (or a word of it) the
    headline gives first."""
    best: tuple[int, Mention] | None = None
    for m in travellers:
        words = [w for w in m.person.name.split() if len(w) > 1]
        # "Sisi" in the headline, "Abdel Fattah al-Sisi" in the body
        words += [p["rest"] for w in words if (p := _PARTICLE.match(w))]
        hits = [
            h.start()
            for w in words
            if (h := re.search(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])", headline))
            # "... lỡ cuộc gặp đầu tiên với Trump": the one met, not the one the headline follows
            and not _MET_BEFORE.search(headline, 0, h.start())
            and not _owns_something_else(headline, h.start())
        ]
        if hits and (best is None or min(hits) < best[0]):
            best = (min(hits), m)
    if best is None:
        return None
    return next(m for m in travellers if same_in_article(m.person.name, best[1].person.name))


def not_at_home(
    sents: list[SentMentions],
    travellers: list[Mention],
    headline: str,
    countries: Countries,
    dateline: str | None,
) -> list[Mention]:
    """The travellers less those at home where the lead is (the places it names, else the
    dateline's), when the headline names both kinds."""
    lead = next((sm for sm in sents if any(m.person.is_named for m in sm.mentions)), None)
    if lead is None:
        return travellers
    places = lead_places(sents, countries, dateline)
    named = [m for m in travellers if headline_person([m], headline) is not None]
    # one the lead brings home ("Kishida returned to Tokyo", "a day after flying home") is
    # at home from the trip, not a host
    back = _BACK_HOME.search(lead.text) is not None
    home = {m.person.name for m in named if countries.of_person(m.person) in places and not back}
    if not home or all(m.person.name in home for m in named):
        return travellers
    return [m for m in travellers if not any(same_in_article(m.person.name, h) for h in home)]


def lead_places(sents: list[SentMentions], countries: Countries, dateline: str | None) -> set[str]:
    """Where the lead says things happen (the first sentence naming someone), else the
    dateline's country."""
    lead = next((sm for sm in sents if any(m.person.is_named for m in sm.mentions)), None)
    places = located(lead, countries) if lead is not None else set()
    return places or (countries.in_text(dateline) if dateline else set())


def located(sm: SentMentions, countries: Countries) -> set[str]:
    """The countries of the places a sentence says something happens in or goes to ("in
    Brasilia", "tại Đại Liên", "tới thủ đô Li-ma"), not those of titles or of things ("U.S.
    President", "British voters")."""
    text = without_people(sm)
    return countries.in_text(" ; ".join(m.group(1) for m in _AT_PLACE.finditer(text)))


#: A homecoming in the lead.
_BACK_HOME = re.compile(
    r"(?i)\b(?:back\s+(?:home|in)|returned|returning|home\s+from|flying\s+home|flew\s+home)\b|"
    r"(?<!\w)(?:về\s+(?:nước|tới|đến)|trở\s+về)(?!\w)"
)
#: A place after "in", "at", "to", "visit", "tại", "ở", "tới", "đến", "thăm" (and "the
#: capital", "thủ đô", "thành phố"): its capitalised words.
_AT_PLACE = re.compile(
    r"(?:\b(?:in|at|to|visit)|(?<!\w)(?:tại|ở|tới|đến|thăm))\s+(?:the\s+|thủ\s+đô\s+|thành\s+phố\s+)?"
    r"((?:[A-ZĐÀ-Ỹ][\w'’.-]*\s*){1,4})"
)
