"""The type of each visit (state, official, working, a summit attended): which countries
a visit-type cue governs, and where a summit the traveller goes to is held.

Apart because the cue-to-country rules are their own small grammar.
"""

from __future__ import annotations

import re

from calendar_svc.domain.values import VisitType
from calendar_svc.ingest.budget import check
from calendar_svc.ingest.extract.classify import others_clauses
from calendar_svc.ingest.extract.facts import ArticleFacts, Sourced, provenance
from calendar_svc.ingest.extract.gone_to import SINCE_EVENT
from calendar_svc.ingest.extract.home import person_country
from calendar_svc.ingest.extract.views import LIST_GAP, View, first_place_after
from calendar_svc.ingest.lexicon import Lexicon, visit_type_cues
from calendar_svc.ingest.places import PlaceMention
from calendar_svc.reference.identity import home_country

#: How far after a visit-type cue its first country may be ("state visit to the Republic of").
CUE_REACH = 40


#: Between "in" and a city, the wire's way of placing it: "in the central Vietnamese city
#: of Da Nang", "in the port city of Qingdao", "tại thành phố Thanh Đảo".
_CITY_OF = re.compile(
    r"(?i)\s*(?:(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:city|capital|port|town|resort)\s+of|"
    r"thành\s+phố|thủ\s+đô)?\s*"
)


def _event_city(view: View, end: int, home: str | None) -> str | None:
    """ "dự Hội nghị ... tại Melbourne", "attend the meeting in the Vietnamese city of Da
    Nang": the country of the city the event cue ends on."""
    host = first_place_after(view, end)
    if (
        host is not None
        and host.place.kind == "city"
        and _CITY_OF.fullmatch(view.sentence.text, end, host.span[0])
        and host.place.country_code != home
    ):
        return host.place.country_code
    return None


def _listed_after(text: str, countries: list[PlaceMention], end: int, stop: int) -> list[str]:
    """The countries listed closely after a cue ending at `end`, before `stop`."""
    listed: list[str] = []
    last_end: int | None = None
    for mention in countries:
        if mention.span[0] < end or mention.span[0] >= stop:
            continue
        gap = text[end if last_end is None else last_end : mention.span[0]]
        if last_end is None and len(gap) > CUE_REACH:
            break
        if last_end is not None and not LIST_GAP.match(gap):
            break
        listed.append(mention.place.country_code)
        last_end = mention.span[1]
    return listed


def _since(text: str, at: int) -> bool:
    """Whether the cue at `at` names the event a time runs from ("his first visit to Italy
    since the G7 summit in Taormina"): an earlier journey's, not this one's."""
    since = SINCE_EVENT.search(text, max(0, at - 60))
    return since is not None and since.start() <= at


def visit_types_in(view: View, lex: Lexicon, home: str | None) -> list[tuple[str, VisitType, int]]:
    """A cue governs the list of countries that follows it closely ("state visits to A and
    B, an official visit to C"); a lone cue with no country after it governs the countries
    named before it ("For A and B, these are state visits"). Only country names count: a
    city on the way ("heading to Minsk for a state visit to Belarus") is not qualified;
    but the city a summit is said to be held in ("attend the summit in Melbourne") is."""
    cues = visit_type_cues(lex, view.sentence.text)
    if not cues and not lex.summit.search(view.sentence.text):
        return []
    text = view.sentence.text
    countries = [
        m
        for m in view.places
        if m.place.kind == "country" and m.place.country_code != home and not view.in_person(m.span)
    ]
    found: list[tuple[str, VisitType, int]] = []
    for i, (start, end, kind) in enumerate(cues):
        stop = cues[i + 1][0] if i + 1 < len(cues) else len(text) + 1
        moving_on = lex.onward.search(text, end, stop) or lex.after_leg.search(text, end, stop)
        if moving_on is not None:
            # "to A on Thursday for a three-day state visit, then fly on to B": the cue
            # qualifies A, named before it; B's visit is another
            stop = moving_on.start()
        host = _event_city(view, end, home) if kind == VisitType.EVENT else None
        if host is not None:
            found.append((host, kind, start))
            continue
        found += [(code, kind, start) for code in _listed_after(text, countries, end, stop)]
    if not found and len(cues) == 1:
        # "For A and B, these are state visits"; "due in Tokyo on Thursday for a three-day
        # official visit": a city's country
        # not a country the journey moves on from before the cue ("to Turkey for the G20
        # summit and then fly on to the Philippines for a state visit"; "to the G20 summit
        # in Turkey and to the Philippines, where he made a state visit")
        cut = _moved_on_before(text, lex, countries, cues[0][0])
        before = [
            m.place.country_code
            for m in countries
            if cut <= m.span[0] < cues[0][0] and not _LEFT.search(text, 0, m.span[0])
        ]
        if not before:
            before = list(
                dict.fromkeys(
                    m.place.country_code
                    for m in view.places
                    if m.place.kind == "city"
                    and m.span[0] < cues[0][0]
                    and m.place.country_code != home
                    and not view.in_person(m.span)
                    and not _FROM.search(text, 0, m.span[0])
                )
            )
        found = [(code, cues[0][2], cues[0][0]) for code in before]
    found += _summit_legs(view, lex, countries, cues, home)
    unique: dict[tuple[str, VisitType], tuple[str, VisitType, int]] = {}
    for item in found:
        unique.setdefault((item[0], item[1]), item)
    return list(unique.values())


#: How far before a summit the country the traveller goes to for it may be named.
_SUMMIT_REACH = 80


#: The end of a clause between a summit's name and a place: the place is not its host.
_CLAUSE_BREAK = re.compile(r"[,;.:]")


#: How far after a summit's name the place it is held in may be named ("G7 ở Hiroshima").
_SUMMIT_HOST_REACH = 30


#: ... or, after "in", "held in", "tại", "diễn ra tại", at the end of a long name.
_SUMMIT_NAME_REACH = 160


#: Staying away from a meeting: "will not attend the summit", "skipped the G20", "không dự
#: Hội nghị APEC", "vắng mặt tại": the event the words name is no leg of the traveller's.
NOT_ATTENDING = re.compile(
    r"(?i)\b(?:(?:not|never|n['’]t)\s+(?!only\b)(?:\w+\s+)?(?:attend|join|take\s+part|go\s+to)|"
    r"skip(?:s|ped|ping)?|without\s+attending|instead\s+of\s+attending|stay(?:s|ed|ing)?\s+away\s+from)\b|"
    r"(?<!\w)(?:không|chưa|sẽ\s+không|bỏ\s+qua|vắng\s+mặt(?:\s+tại)?)\s+(?:tham\s+)?dự(?!\w)"
)


HELD_IN = re.compile(r"(?i)(?:\b(?:in|at)|(?<!\w)(?:tại|ở))\s+(?:the\s+)?(?:\w+\s+){0,2}$")


#: Right after "summit", the body whose meeting it is: "of the Shanghai Cooperation
#: Organization", "of BRICS leaders".
_OF_A_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?-i:[A-Z])")


def _named_meeting(hit: re.Match[str]) -> bool:
    """A summit with a name ("G20", "APEC", "ASEAN summit", "a summit of the Shanghai
    Cooperation Organization", "Hội nghị thượng đỉnh"), not a bare "summit", which news
    also uses for two leaders' talks."""
    word = hit.group(0)
    if word.lower() != "summit" or _OF_A_BODY.match(hit.string, hit.end()):
        return True
    before = hit.string[max(0, hit.start() - 30) : hit.start()].split()
    return bool(before) and before[-1][:1].isupper() and before[-1].lower() != "the"


_WITH = re.compile(r"(?i)\s+(?:[\w-]+\s+){0,2}?(?:with|với)\s+")


def _met_from(view: View, hit: re.Match[str], lang: str) -> str | None:
    """The country of the one a summit is "with" ("a summit with U.S. President B", "cuộc
    gặp thượng đỉnh đầu tiên với Tổng thống B")."""
    joined = _WITH.match(view.sentence.text, hit.end())
    if joined is None:
        return None
    met = next((p for p in view.people if p.span[0] >= joined.end()), None)
    if met is None or met.span[0] - joined.end() > 5:
        return None
    return person_country(met, lang) or home_country(met.name)


def _with_outsider(view: View, hit: re.Match[str], local: set[str | None], lang: str) -> bool:
    """ "flew to Geneva for a summit with U.S. President B": a summit with someone from
    neither the traveller's country nor the host's is a meeting held in a third country,
    which the traveller attends (with the host's leader it is the visit itself)."""
    country = _met_from(view, hit, lang)
    return country is not None and country not in local


def _summit_legs(
    view: View,
    lex: Lexicon,
    countries: list[PlaceMention],
    cues: list[tuple[int, int, VisitType]],
    home: str | None,
) -> list[tuple[str, VisitType, int]]:
    """Going somewhere for a summit ("leaves for Japan ... ahead of a Group of Seven
    summit", "lên đường sang A dự Hội nghị thượng đỉnh"): the country named last before
    the summit, in a sentence about travel, with no other visit named between them."""
    text = view.sentence.text
    if not (view.travel or lex.departure.search(text) or lex.arrival.search(text)):
        return []
    # Cities count as their country: "arrived in Rio de Janeiro to attend the G20 summit",
    # and so do venues ("will arrive in Bali on Sunday for the G20 summit")
    # (not the traveller's own country joined to a summit's name: Modi at "the ASEAN-India
    # summit" in Vientiane; the host's may be, "the ASEAN-Australia Special Summit")
    places = [
        m
        for m in view.places
        if m.place.kind in ("country", "city", "landmark")
        and not view.in_person(m.span)
        and not (m.place.country_code == home and _joined(text, m.span))
    ]
    allowed = {m.place.country_code for m in places} - {home}
    came_from = places_left_behind(view, lex)
    found: list[tuple[str, VisitType, int]] = []
    for hit in lex.summit.finditer(text):
        if _since(text, hit.start()):
            continue  # "his first visit to Italy since the G7 summit in Taormina in 2017"
        held = [
            m.place.country_code
            for m in places
            if hit.end() <= m.span[0] <= hit.end() + _SUMMIT_HOST_REACH
            # not past the clause's end: "dự Hội nghị thượng đỉnh G20, trong bối cảnh Bình
            # Nhưỡng vừa ..." is no G20 in Pyongyang
            and not _CLAUSE_BREAK.search(text, hit.end(), m.span[0])
        ]
        # where it is held, said so: "the G20 summit in New Delhi", "diễn ra tại New Delhi"
        held_in = [
            m.place.country_code
            for m in places
            if hit.end() <= m.span[0] <= hit.end() + _SUMMIT_NAME_REACH
            and HELD_IN.search(text, hit.end(), m.span[0])
        ]
        last = _gone_to_for(view, lex, places, hit, home, came_from)
        if (
            last is None
            or hit.start() - last.span[1] > _SUMMIT_REACH
            or any(last.span[1] <= c[0] < hit.start() for c in cues)
            # "sẽ ở Tây Ban Nha từ ngày 27 đến 29/11, dự hội nghị G20 ...": A has its own
            # days, so the summit is not what A is for
            or any(last.span[1] <= d.span[0] < hit.start() and d.start < d.end for d in view.dates)
            # "tới Hà Nội ngày 10/9, ngay sau khi tham dự Hội nghị G20": the summit
            # came before the place named
            or lex.after_leg.search(text, last.span[1], hit.start())
        ):
            # nothing the traveller goes to for it before it ("a state visit to A, then
            # the summit": A's visit is its own): where it is held, if said right after
            if (
                held_in
                and held_in[0] in allowed
                and not any(c[0] < hit.start() for c in cues)
                # "a summit with President Trump at the White House": the visit itself
                and _met_from(view, hit, lex.language) != held_in[0]
            ):
                found.append((held_in[0], VisitType.EVENT, hit.start()))
            continue
        if held and held[0] != last.place.country_code:
            continue  # "what he saw in A ... at the summit in Hiroshima": held elsewhere
        if _met_from(view, hit, lex.language) == last.place.country_code:
            continue  # "tới thủ đô Mỹ ... cuộc gặp thượng đỉnh với Tổng thống Trump": the visit
        if last.place.country_code in allowed:
            found.append((last.place.country_code, VisitType.EVENT, hit.start()))
    return found


def _joined(text: str, span: tuple[int, int]) -> bool:
    """Whether a name is joined to another by a hyphen ("ASEAN-India")."""
    return "-" in text[max(0, span[0] - 1) : span[0]] + text[span[1] : span[1] + 1]


def _gone_to_for(
    view: View,
    lex: Lexicon,
    places: list[PlaceMention],
    hit: re.Match[str],
    home: str | None,
    came_from: set[tuple[int, int]],
) -> PlaceMention | None:
    """The place named last before the summit that the traveller goes to for it. A city
    counts only for a named meeting ("Rio de Janeiro ... the G20 summit"), not for
    "heading to Hyderabad House for the summit" (a bilateral one); a place left behind
    (`came_from`: "sau chuyến thăm Ác-hen-ti-na") never."""
    text = view.sentence.text
    before = [
        m
        for m in places
        if m.span[1] <= hit.start()
        and m.span not in came_from
        # "leaves Britain on Sunday for Hanover, where he will open the trade fair": held
        # where he goes, not where he leaves ("left Rio, where he attended the G20")
        and not (
            _LEFT.search(text, 0, m.span[0]) and _GOES_WHERE.search(text, m.span[1], hit.end())
        )
        and (
            m.place.kind == "country"
            or _named_meeting(hit)
            or _with_outsider(view, hit, {m.place.country_code, home}, lex.language)
        )
    ]
    last = before[-1] if before else None
    told_where = [
        m for m in places if m.span[1] <= hit.start() and lex.came_from.match(text[m.span[1] :])
    ]
    if told_where and (last is None or told_where[-1].span[0] > last.span[0]):
        # "arrived in Paris from St Petersburg, where he had held an annual summit": the
        # summit was where he came from
        return None
    if last is not None and lex.conclusion.search(text, last.span[1], hit.start()):
        # "left Rio de Janeiro for London on Tuesday, wrapping up two days at the G20
        # summit": the summit wrapped up is where he leaves, not where he goes
        left = [m for m in before if _LEFT.search(text, 0, m.span[0])]
        last = left[-1] if left else last
    return last


def places_left_behind(view: View, lex: Lexicon) -> set[tuple[int, int]]:
    """Spans of the places an "after" clause names ("đã tới Rio vào tối 5/7, sau chuyến
    thăm Ác-hen-ti-na, và tham dự Hội nghị BRICS", "after visiting Argentina"): the stop
    before, not where what follows is held."""
    text = view.sentence.text
    out: set[tuple[int, int]] = set()
    for cue in lex.after_leg.finditer(text):
        place = first_place_after(view, cue.end())
        if place is not None and _PLAIN_GAP.fullmatch(text, cue.end(), place.span[0]):
            out.add(place.span)
    return out


#: Between an "after" cue and the place it names: words, no clause break.
_PLAIN_GAP = re.compile(r"[^,;.]{0,40}")


#: After a place left: the place gone to and what happens there ("for Hanover, where he
#: will open the fair", "tới Hannover, nơi ông sẽ khai mạc hội chợ").
_GOES_WHERE = re.compile(
    r"(?i)(?:\bfor|\bto|(?<!\w)(?:tới|đến|sang))\s+[^,;.]{1,40},\s+(?:where\b|nơi(?!\w))"
)


#: Right before a place: the traveller leaves it ("leave South Africa on Thursday night and
#: arrive in Athens for a day-long official visit"): the visit is not there.
#: ... or the stay before ("After China, Sisi will head to Hanoi for an official visit").
_LEFT = re.compile(
    r"(?i)(?:\bleav(?:e|es|ing)|\bleft|(?<!\w)rời|^\s*(?:after|following)|^\s*sau(?:\s+khi\s+rời)?)"
    r"\s+(?:the\s+)?$"
)
#: Before a city: where the traveller comes from ("From Dubai he will travel on to Cairo").
#: A clause on the place just named: ", where he made a state visit", ", nơi ông thăm".
_WHERE = re.compile(r"(?i),\s+(?:where|nơi)(?!\w)")


def _moved_on_before(text: str, lex: Lexicon, countries: list[PlaceMention], cue: int) -> int:
    """Where the countries a lone cue may qualify begin: after a move on to another that
    is named before the cue ("then fly on to the Philippines for a state visit"), or at
    the country a ", where" clause is on ("to Turkey and to the Philippines, where he made
    a state visit")."""
    cut = 0
    for rx in (lex.onward, lex.after_leg):
        for m in rx.finditer(text, 0, cue):
            if any(m.end() <= c.span[0] < cue for c in countries):
                cut = max(cut, m.start())
    for m in _WHERE.finditer(text, 0, cue):
        prior = [c for c in countries if c.span[1] <= m.start()]
        if prior:
            cut = max(cut, prior[-1].span[0])
    return cut


_FROM = re.compile(r"(?i)(?:\bleav(?:e|es|ing)|\bleft|\bfrom|(?<!\w)(?:rời|từ))\s+(?:the\s+)?$")
#: An invitation, and a visit it names with no date yet: not this trip's type.
_INVITED = re.compile(r"(?i)\binvit\w*|(?<!\w)mời(?!\w)")
_UNSCHEDULED = re.compile(
    r"(?i)\bat\s+a\s+(?:later\s+|future\s+)?date\s+(?:still\s+)?to\s+be\s+(?:fixed|agreed|set|"
    r"determined|announced|decided)\b|\bat\s+a\s+(?:mutually\s+)?convenient\s+time\b|"
    r"\bin\s+the\s+near\s+future\b|(?<!\w)(?:vào\s+)?thời\s+(?:điểm|gian)\s+(?:thích|phù)\s+hợp(?!\w)|"
    r"(?<!\w)trong\s+thời\s+gian\s+sớm(?!\w)"
)


def add_visit_types(
    facts: ArticleFacts, views: list[View], lex: Lexicon, destinations: set[str]
) -> None:
    """The visit types each sentence gives its destinations (`visit_types_in`)."""
    for view in views:
        check()
        if view.history:
            continue  # "following his official visit there in September 2023": another one
        text = view.sentence.text
        theirs = others_clauses(view, lex, facts)
        # "mời người đồng cấp Mông Cổ tham dự Hội nghị thượng đỉnh BRICS": the guest's summit
        # (a summit named before the aside opens, "... dự G20, trong bối cảnh ...", stays)
        aside = lex.background.search(text)
        if _INVITED.search(text) and _UNSCHEDULED.search(text):
            continue  # "accepted an invitation ... for a state visit at a date to be fixed"
        for code, kind, at in visit_types_in(view, lex, facts.home):
            if kind == VisitType.EVENT and (
                (aside is not None and aside.start() <= at)
                or NOT_ATTENDING.search(text, max(0, at - 30), at + 12)
            ):
                continue  # "không dự Hội nghị APEC diễn ra tại Gyeongju ngày 31/10"
            if any(a <= at < b for a, b in theirs):
                continue  # "B dự kiến tới Johannesburg, kết hợp ... với chuyến thăm cấp Nhà nước"
            if code in destinations:
                facts.visit_types.append(
                    Sourced(
                        (code, kind),
                        provenance(
                            facts.article_id,
                            view.sentence,
                            f"{lex.language}.visit_type.{kind}",
                            (at, len(text)),
                        ),
                    )
                )
