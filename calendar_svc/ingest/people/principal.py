"""Who travels: the principal of an article.

The principal is the first subject of a travel verb, or the person a trip is "by"
("chuyến thăm ... của"). When no sentence says so, weaker readings are tried in turn,
each only when the ones before it found nobody: the one whose journey the lead names by a
possessive ("A's week-long tour"), the most mentioned person, the owner of a
visit ("Chinh's official visit"), the one a host of another country welcomes on a visit,
the one hosted on a visit or brought to a place, and the one from abroad at a meeting on
a visit. Hosts, inviters and residents (see `article`) are never the principal.
"""

from __future__ import annotations

import re

from calendar_svc.domain.language import Language
from calendar_svc.ingest.lexicon.people import PEOPLE_LEXICONS
from calendar_svc.ingest.people.described import described_traveller
from calendar_svc.ingest.people.headline import (
    headline_guest,
    headline_office,
    headline_person,
    headline_traveller,
    lead_places,
    located,
    not_at_home,
)
from calendar_svc.ingest.people.mentions import Mention, lookback
from calendar_svc.ingest.people.names import same_in_article
from calendar_svc.ingest.people.past_journeys import (
    AFTER_TRIPS,
    AFTER_TRIPS_OF,
    DONE_BEFORE,
    PAST_RELATIVE,
    RECALLED_VISIT,
)
from calendar_svc.ingest.people.roles import (
    Countries,
    NotTraveller,
    SentMentions,
    accompanied,
    from_elsewhere,
    is_object,
    places_named,
    travel_after,
    welcomed_visitor,
)

#: Extra look-back for "chuyến thăm ... của" (its gap is at most 200 characters).
_TRIP_REACH = 200
#: A relative clause that makes the one just named the visitor: ", who is on an official
#: visit to Vietnam", ", người đang thăm chính thức Nhật Bản".
_VISITING_CLAUSE = re.compile(
    r"\s*,\s*(?:(?:who|người)\s+(?:is|was|will\s+be|has\s+been|đang|đã|sẽ)\s+"
    r"(?:(?:on|paying|making|in\s+\w+\s+(?:on|for))\s+(?:an?\s+)?(?:\w+\s+){0,2}?"
    r"(?:visit|trip|tour)|có\s+chuyến\s+thăm|thăm)\b|"
    # ", đang thăm chính thức Việt Nam", ", đang ở thăm cấp nhà nước Ấn Độ": the one named
    r"(?:người\s+)?đang\s+(?:ở\s+)?(?:có\s+chuyến\s+)?thăm(?!\w))",
    re.IGNORECASE,
)
#: "visiting" as an adjective right before the one named: "hosted a welcome for visiting
#: Vietnamese National Assembly Chairwoman A" (the object of the welcome travels); not the
#: verb ("Albanese is visiting Prime Minister Modi": Modi hosts).
_VISITING_BEFORE = re.compile(
    r"\b(?:the|for|welcomed|welcoming|hosted|hosting|received|receiving|greeted|told|telling|"
    r"with|and)\s+visiting\s+(?:(?-i:[A-Z])[\w-]*\s+){0,5}$",
    re.IGNORECASE,
)
#: "Biden invited Prime Minister Chính (and the ASEAN leaders) to attend", "gửi thư mời
#: Thủ tướng ... dự Hội nghị": the one invited to come is the traveller.
_INVITE_VERB = re.compile(r"(?i)(?:\binvited|\binviting|(?<!\w)mời)\s+(?:\w+\s+){0,4}$")
_INVITED_TO = re.compile(
    r"(?i)\s*(?:,?\s*(?:and|cùng|và)\s+[^.;]{0,80}?)?\s*(?:to\s+(?:visit|attend|pay|make|come)\b|"
    r"(?:sang\s+)?(?:thăm|tham\s+dự|dự)(?!\w))"
)
#: Right after a name, the journey is theirs: "Vice President A's week-long tour of southern
#: Africa", "Xi's state visit to Spain".
_OWN_TRIP = r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:visits?|trips?|tours?|journey)\b"
#: A visit owned by a name: "during Chinh's official visit to Japan".
_VISIT_OF = re.compile(rf"(?P<who>[A-ZÀ-Ỹ][\w-]+){_OWN_TRIP}")
#: A visit named in the sentence: the welcome is of a visitor, not of a caller at home.
_VISIT_WORD = re.compile(
    r"(?i)\bvisit\b|(?<!\w)chuyến\s+thăm(?!\w)|(?<!\w)thăm\s+(?:chính\s+thức|cấp)"
)


#: A host verb right before a mention: "will host President B", "welcomed B".
_HOSTED_BEFORE = re.compile(
    r"(?i)(?<![^\W_])(?:host|hosts|hosted|hosting|welcome[sd]?|welcoming|greeted|"
    r"received|đón|tiếp\s+đón|chào\s+đón)\s+(?:[^\W\d_]+\s+){0,4}?$"
)
#: "welcomed B to Tokyo", "đón B tới Hà Nội": brought to a place.
_TO_PLACE = re.compile(r"\s*(?:to|tới|đến)\s+(?-i:[A-ZÀ-Ỹ])")


#: "on the second day of a state visit", "during his official visit", "trong chuyến thăm".
_ON_A_VISIT = re.compile(
    r"(?i)\b(?:on|during|at\s+the\s+(?:start|end)\s+of|on\s+the\s+\w+\s+day\s+of)\s+"
    r"(?:a|an|his|her|the)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\b|"
    r"(?<!\w)trong\s+(?:khuôn\s+khổ\s+)?chuyến\s+(?:thăm|công\s+du|công\s+tác)(?!\w)"
)
#: A meeting: "met", "held talks with", "hội đàm", "hội kiến".
_MEETING = re.compile(
    r"(?i)\b(?:met|meets|held\s+talks|holds\s+talks)\b|(?<!\w)(?:hội\s+đàm|hội\s+kiến)(?!\w)"
)


def find_principal(
    sents: list[SentMentions],
    lang: Language,
    not_traveller: NotTraveller,
    countries: Countries | None,
    headline: str | None = None,
    dateline: str | None = None,
) -> Mention | None:
    """The principal: the first subject of a travel verb, else the first of the weaker
    readings (see the module docstring) that finds someone."""
    # A traveller named with a title outranks one named by a bare word ("Trump will fly to
    # Hanoi" in an article whose "Chairman Kim Jong Un arrived"): bare names only count
    # when no titled mention travels (the full name was the object of a welcome).
    principal = (
        headline_traveller(sents, lang, not_traveller, headline)
        or headline_guest(sents, lang, not_traveller, headline)
        or headline_office(sents, lang, not_traveller, headline, countries)
        if headline
        else None
    )
    if principal is None:
        principal = _first_traveller(
            sents,
            lang,
            not_traveller,
            bare=False,
            headline=headline,
            countries=countries,
            dateline=dateline,
        )
        guest = _received_in_the_lead(sents, not_traveller, countries)
        if guest is not None and (
            principal is None
            or not _in_lead(sents, principal)
            or (
                _host_of_the_lead(sents, principal, guest, countries)
                # "Thủ tướng Pa-ki-xtan I.Khan đã rời thủ đô Hoa Kỳ ... I.Khan đã tiếp Ngoại
                # trưởng Hoa Kỳ": a visitor who receives someone abroad stays the visitor
                and not _abroad_in_own_sentence(sents, principal, countries)
            )
        ):
            principal = guest  # the lead's guest, not one the lead never names
        elif principal is not None and not _in_lead(sents, principal):
            # the lead's subject, abroad where the lead is, before one it never names
            principal = _lead_subject_abroad(sents, not_traveller, countries) or principal
    if principal is None:
        principal = _weaker_readings(sents, lang, not_traveller, countries, headline, dateline)
    return principal


def _weaker_readings(
    sents: list[SentMentions],
    lang: Language,
    not_traveller: NotTraveller,
    countries: Countries | None,
    headline: str | None,
    dateline: str | None,
) -> Mention | None:
    """When no one is the subject of a travel verb: the weaker readings, in order."""
    principal = _bare_traveller(sents, lang, not_traveller, countries, headline, dateline)
    if principal is None:
        principal = _lead_trip_owner(sents, not_traveller)
    if principal is None:
        # Fall back to the most mentioned non-inviter (the article is about them), unless
        # the lead follows someone abroad whom the body names less ("U.N. chief Antonio
        # Guterres ... Guterres' presence in Kazan", in a report on the Vietnamese prime
        # minister's day there)
        principal = _most_mentioned(sents, not_traveller)
        if principal is not None and headline and countries is not None:
            principal = _headline_guest_over_host(
                sents, not_traveller, countries, headline, dateline, principal
            )
        if principal is not None and not _in_lead(sents, principal):
            principal = _lead_subject_abroad(sents, not_traveller, countries) or principal
    if principal is None:
        principal = _visit_owner(sents, not_traveller)
    if principal is None:
        principal = _welcomed_on_a_visit(sents, lang, not_traveller)
    if principal is None:
        principal = _hosted_visitor(sents, not_traveller, countries)
    if principal is None and countries is not None:
        principal = _met_on_a_visit(sents, countries, not_traveller)
    if principal is None:
        principal = _lead_visitor(sents, not_traveller, countries, dateline)
    return principal


def _headline_guest_over_host(
    sents: list[SentMentions],
    not_traveller: NotTraveller,
    countries: Countries,
    headline: str,
    dateline: str | None,
    most: Mention,
) -> Mention:
    """Of a headline naming people at home and away, the one away ("Xi offers Africa $60
    billion as Sisi, other leaders gather in Beijing", from Beijing: Xi is the host): the
    most mentioned of those away, else the headline's; `most` when no one is at home."""
    everyone = [m for sm in sents for m in sm.mentions]
    away = not_at_home(sents, everyone, headline, countries, dateline)
    if len(away) == len(everyone):
        # "Sisi becomes first Arab leader to address Japan's parliament", from Tokyo, where
        # Abe, named more often, hosts him: the headline's one from elsewhere
        led = headline_person(everyone, headline)
        places = lead_places(sents, countries, dateline)
        if (
            led is not None
            and not same_in_article(led.person.name, most.person.name)
            and not not_traveller(led)
            and countries.of_person(most.person) in places
            and (theirs := countries.of_person(led.person)) is not None
            and theirs not in places
        ):
            return led
        return most
    return _most_mentioned(sents, not_traveller, away) or headline_person(away, headline) or most


def _bare_traveller(
    sents: list[SentMentions],
    lang: Language,
    not_traveller: NotTraveller,
    countries: Countries | None,
    headline: str | None,
    dateline: str | None,
) -> Mention | None:
    """The first traveller named by a bare word too; but one only invited to come ("Lam
    invited Putin to visit Vietnam again", in a report from Moscow) makes a visit some
    day, and the lead's visitor, abroad now, goes before them."""
    found = _first_traveller(
        sents,
        lang,
        not_traveller,
        bare=True,
        headline=headline,
        countries=countries,
        dateline=dateline,
    )
    if found is not None and _only_invited(sents, found, lang):
        return _lead_visitor(sents, not_traveller, countries, dateline) or found
    return found


def _lead_visitor(
    sents: list[SentMentions],
    not_traveller: NotTraveller,
    countries: Countries | None,
    dateline: str | None = None,
) -> Mention | None:
    """The first person the lead names who is of another country than the places it
    names, when nothing else tells the traveller ("SYDNEY - Malcolm Turnbull and his
    Japanese counterpart Shinzo Abe have agreed ...", "Pope Francis urged Indonesia's
    leaders ..., as President Joko Widodo received him"): the one who is abroad."""
    if countries is None:
        return None
    lead = next((sm for sm in sents if any(m.person.is_named for m in sm.mentions)), None)
    if lead is None:
        return None
    # the places the lead names, else the dateline's ("SYDNEY, Jan 14 - Malcolm Turnbull and
    # his Japanese counterpart Shinzo Abe have agreed ...")
    places = places_named(lead, countries) or (countries.in_text(dateline) if dateline else set())
    if not places:
        return None
    return next(
        (
            m
            for m in lead.mentions
            if m.person.is_named
            and not not_traveller(m)
            and not _past_visit_owner(lead, m)
            and (theirs := countries.of_person(m.person)) is not None
            and theirs not in places
        ),
        None,
    )


#: How many of the sentences that name people make the lead.
_LEAD = 2
#: A receiving verb right before a mention: "tiếp Tổng thống Nga B", "received B", "hội
#: kiến B" (said of either side of a courtesy call: the guest is told by the place).
_RECEIVES = re.compile(
    r"(?i)(?<![^\W_])(?:received|receives|hosted|hosts|welcomed|welcomes|(?<!trực\s)tiếp(?!\s+(?:tục|theo|"
    r"đó|xúc|nhận|cận|sau))|đón|hội\s+kiến)\s+$"
)


def _lead_subject_abroad(
    sents: list[SentMentions], not_traveller: NotTraveller, countries: Countries | None
) -> Mention | None:
    """The first person the first sentence names, when they are of another country than
    the places it names ("Tổng thống Brazil Lula cùng Tổng thống Mỹ Biden công bố ... tại
    New York"): the one the article follows there."""
    if countries is None:
        return None
    for sm in sents[:_LEAD]:
        first = next((m for m in sm.mentions if m.person.is_named), None)
        if first is None:
            continue  # a headline naming no one
        if not_traveller(first) or not places_named(sm, countries):
            return None
        # where the lead has things happen ("in Frankfurt"), before any country it names
        # otherwise ("make Vietnam a place where investors stay")
        there = located(sm, countries) or places_named(sm, countries)
        theirs = countries.of_person(first.person)
        return first if theirs is not None and theirs not in there else None
    return None


def _host_of_the_lead(
    sents: list[SentMentions], m: Mention, guest: Mention, countries: Countries | None
) -> bool:
    """Whether `m` receives the lead's guest at home: of the country of the places the
    sentence that receives the guest names ("Chủ tịch Trung Quốc A hội kiến Thủ tướng Nhật
    Bản B tại Bắc Kinh": A is at home, whatever else the article has A do)."""
    if countries is None:
        return False
    for sm in sents[:_LEAD]:
        if guest not in sm.mentions:
            continue
        named = [o for o in sm.mentions if same_in_article(o.person.name, m.person.name)]
        homes = {countries.of_person(o.person) for o in [m, *named]} - {None}
        if homes & places_named(sm, countries):
            return True
    return False


def _abroad_in_own_sentence(
    sents: list[SentMentions], m: Mention, countries: Countries | None
) -> bool:
    """Whether the sentence that makes `m` a traveller places them outside their country
    (their country known, the places it names all others)."""
    if countries is None:
        return False
    own = next((sm for sm in sents if m in sm.mentions), None)
    return (
        own is not None and bool(places_named(own, countries)) and from_elsewhere(own, m, countries)
    )


def _in_lead(sents: list[SentMentions], m: Mention) -> bool:
    """Whether the lead names the person at all (by any mention of theirs)."""
    return any(
        same_in_article(other.person.name, m.person.name)
        for sm in sents[:_LEAD]
        for other in sm.mentions
    )


def _received_in_the_lead(
    sents: list[SentMentions], not_traveller: NotTraveller, countries: Countries | None
) -> Mention | None:
    """ "Chủ tịch Trung Quốc A tiếp Tổng thống Nga B tại Đại lễ đường Nhân dân": the one the
    lead has received, of another country than the places it names, is the visitor, ahead
    of someone the body has travel later ("Cùng ngày, Ngoại trưởng C tới Bình Nhưỡng")."""
    if countries is None:
        return None
    return next(
        (
            m
            for sm in sents[:_LEAD]
            for m in sm.mentions
            if m.person.is_named
            and not not_traveller(m)
            and _RECEIVES.search(
                sm.text, max(0, m.person.span[0] - sm.start - 40), m.person.span[0] - sm.start
            )
            and from_elsewhere(sm, m, countries)
            and places_named(sm, countries)
        ),
        None,
    )


def _first_traveller(
    sents: list[SentMentions],
    lang: Language,
    not_traveller: NotTraveller,
    *,
    bare: bool,
    headline: str | None = None,
    countries: Countries | None = None,
    dateline: str | None = None,
) -> Mention | None:
    """The first subject of a travel verb, the person a trip is "by" (among bare-word
    mentions too when `bare`), or the one named by office and country (`described`); of
    several, the one the headline leads with ("Ông Obama hủy gặp Tổng thống Phi-líp-pin
    ...": not Duterte, who "rời Đa-vao sang Lào" in the body first)."""
    every: list[Mention] = []
    for sm in sents:
        told = [m for m in sm.mentions if not not_traveller(m) and _travels(sm, m, lang)]
        every += told or described_traveller(sents, sm, lang, not_traveller, countries)
    found = [m for m in every if bare or not m.bare]
    if not found:
        return None
    # the headline's traveller, even named by a bare word ("... as Xi greets Silk Road
    # freight train": not Putin, whose state visit to China the body reports in passing)
    # one only invited to come is no headline's traveller ("Lam invited Putin to visit")
    going = [m for m in every if not _only_invited(sents, m, lang)]
    if headline and countries is not None:
        # a host the headline leads with ("Scholz presses China's Li on Russia", from
        # Berlin) is at home: the headline's other traveller, from elsewhere, is the one
        going = not_at_home(sents, going, headline, countries, dateline)
    led = headline_person(going, headline) if headline else None
    return led or found[0]


def _invited(sm: SentMentions, m: Mention) -> bool:
    """Whether the sentence invites the mention to come ("invited Putin to visit")."""
    a, b = m.person.span[0] - sm.start, m.person.span[1] - sm.start
    return (
        _INVITE_VERB.search(sm.text, max(0, a - 40), a) is not None
        and _INVITED_TO.match(sm.text, b) is not None
    )


def _only_invited(sents: list[SentMentions], m: Mention, lang: Language) -> bool:
    """Whether every sentence that makes the person a traveller only invites them."""
    return all(
        _invited(sm, o)
        for sm in sents
        for o in sm.mentions
        if same_in_article(o.person.name, m.person.name) and _travels(sm, o, lang)
    )


def _travels(sm: SentMentions, m: Mention, lang: Language) -> bool:
    """Does the sentence make the mention a traveller: the subject of a travel verb, the
    one a trip is "by", the visitor of a relative clause or the one invited to come?"""
    a, b = m.person.span[0] - sm.start, m.person.span[1] - sm.start
    visiting = (
        _VISITING_CLAUSE.match(sm.text, b) is not None
        or accompanied(sm.text, a, b)
        or (
            m.person.title is not None and bool(_VISITING_BEFORE.search(sm.text, max(0, a - 80), a))
        )
        or _invited(sm, m)
    )
    if is_object(sm.text, a) and not visiting:
        return False
    lo = max(0, lookback(sm.text, a) - _TRIP_REACH)
    by = PEOPLE_LEXICONS[lang].trip_by.search(sm.text, lo, a)
    # "sau chuyến thăm Mỹ của ông Modi tháng 9/2014 và chuyến thăm Ấn Độ của Tổng thống
    # Obama": a journey the sentence sets before this one is no traveller's now
    trip_by = by is not None and not AFTER_TRIPS.search(sm.text, lo, by.start())
    if re.match(r"\s*(?:told|said|stated|:)", sm.text[b : b + 80]):
        return False
    if DONE_BEFORE.search(sm.text) or PAST_RELATIVE.match(sm.text, b):
        return False  # "kết quả chuyến thăm ... của Tổng thống Macron hồi tháng 5": past
    return travel_after(sm.text, b, lang) or trip_by or visiting


def _lead_trip_owner(sents: list[SentMentions], not_traveller: NotTraveller) -> Mention | None:
    """The first one whose journey the lead names by a possessive ("Vice President A's
    week-long tour of southern Africa has helped ..., a deputy minister said"), when no
    sentence has anyone travel: a weaker reading than a verb's, since a body also names
    others' journeys in passing ("B's state visit to Japan next spring")."""
    for sm in sents[:_LEAD]:
        for m in sm.mentions:
            a = m.person.span[0] - sm.start
            if (
                _owns_a_visit(sm, m)
                and not _past_visit_owner(sm, m)
                and not not_traveller(m)
                and not AFTER_TRIPS_OF.search(sm.text, 0, a)
            ):
                return m
    return None


def _owns_a_visit(sm: SentMentions, m: Mention) -> bool:
    """Whether a possessive journey follows the name ("Vo Thi Anh Xuan's tour")."""
    last = _LAST_WORD.search(sm.text, 0, m.person.span[1] - sm.start)  # "Xuan" of "... Xuan's"
    return last is not None and _VISIT_OF.match(sm.text, last.start()) is not None


def _past_visit_owner(sm: SentMentions, m: Mention) -> bool:
    """ "recalled Prime Minister B's official visit to the Netherlands in July 2017": B's
    visit is past, so B is not who is abroad now."""
    end = m.person.span[1] - sm.start
    recalled = any(r.start() <= end <= r.end() for r in RECALLED_VISIT.finditer(sm.text))
    return recalled and _owns_a_visit(sm, m)


_LAST_WORD = re.compile(r"[\w-]+$")


def _most_mentioned(
    sents: list[SentMentions], not_traveller: NotTraveller, among: list[Mention] | None = None
) -> Mention | None:
    """The person mentioned most often (at least twice), as first mentioned; only those
    `among` when given."""
    counts: dict[str, tuple[int, Mention]] = {}
    for sm in sents:
        for m in sm.mentions:
            if not_traveller(m) or is_object(sm.text, m.person.span[0] - sm.start):
                continue  # hosts, inviters and the people met are not what it is about
            if among is not None and m not in among:
                continue
            key = next((k for k in counts if same_in_article(k, m.person.name)), m.person.name)
            c, first = counts.get(key, (0, m))
            counts[key] = (c + 1, first)
    if counts:
        best = max(counts.values(), key=lambda cm: cm[0])
        if best[0] >= 2:
            return best[1]
    return None


def _visit_owner(sents: list[SentMentions], not_traveller: NotTraveller) -> Mention | None:
    """ "during Chinh's official visit to Japan": the owner of the visit travels."""
    owners = [
        o["who"]
        for sm in sents
        for o in _VISIT_OF.finditer(sm.text)
        # not "recalled Prime Minister B's official visit ... in July 2017"
        if not any(r.start() <= o.start() < r.end() for r in RECALLED_VISIT.finditer(sm.text))
    ]
    return next(
        (
            m
            for sm in sents
            for m in sm.mentions
            if m.person.is_named
            and not not_traveller(m)
            and any(same_in_article(o, m.person.name) for o in owners)
        ),
        None,
    )


def _welcomed_on_a_visit(
    sents: list[SentMentions], lang: Language, not_traveller: NotTraveller
) -> Mention | None:
    """ "Vietnamese PM A welcomed Japanese PM B ... at the start of an official visit":
    B, of another country than the host who welcomes them on a visit, is the visitor."""
    return next(
        (
            m
            for sm in sents
            if _VISIT_WORD.search(sm.text)
            for m in sm.mentions
            if m.person.is_named and not not_traveller(m) and welcomed_visitor(sm, m, lang)
        ),
        None,
    )


def _hosted_visitor(
    sents: list[SentMentions], not_traveller: NotTraveller, countries: Countries | None
) -> Mention | None:
    """ "Japan will host Chilean President B for a state visit", "A welcomed B to Tokyo":
    the one hosted, on a visit or to a place, is the visitor."""
    return next(
        (
            m
            for sm in sents
            for m in sm.mentions
            if m.person.is_named
            and not not_traveller(m)
            and _HOSTED_BEFORE.search(
                sm.text, max(0, m.person.span[0] - sm.start - 40), m.person.span[0] - sm.start
            )
            and (
                _VISIT_WORD.search(sm.text) or _TO_PLACE.match(sm.text, m.person.span[1] - sm.start)
            )
            and (countries is None or from_elsewhere(sm, m, countries))
        ),
        None,
    )


def _met_on_a_visit(
    sents: list[SentMentions], countries: Countries, not_traveller: NotTraveller
) -> Mention | None:
    """ "A met B in Tokyo on the second day of a state visit", "Thủ tướng Nhật Bản A hội
    đàm với Tổng thống Chile B trong khuôn khổ chuyến thăm ...": of the people at a
    meeting on a visit, the one from another country than the places named (which the
    host belongs to) is the visitor; when that is not one person, nobody is guessed."""
    for sm in sents:
        if not (_ON_A_VISIT.search(sm.text) and _MEETING.search(sm.text)):
            continue
        people = [m for m in sm.mentions if m.person.is_named and not not_traveller(m)]
        places = places_named(sm, countries)
        if not places:
            continue
        foreign = [m for m in people if (c := countries.of_person(m.person)) and c not in places]
        if len(foreign) == 1:
            return foreign[0]
    return None
