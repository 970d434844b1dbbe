"""Movements of the traveller: departures, arrivals, the start or end of a leg, and the
return home, each with its day and place.

Apart because movements are reported, never planned: they come from sentences in the past
tense, and are dropped when dated after publication.
"""

from __future__ import annotations

import re
from datetime import date

import msgspec

from calendar_svc.domain.values import PlaceRef
from calendar_svc.ingest.dates import DateMention
from calendar_svc.ingest.extract.arrived_where import arrived_where
from calendar_svc.ingest.extract.classify import before_the_move, someone_else, superseded_move
from calendar_svc.ingest.extract.conclusions import add_conclusion
from calendar_svc.ingest.extract.facts import (
    Arrival,
    ArticleFacts,
    Departure,
    Sourced,
    moment,
    place_ref,
    provenance,
)
from calendar_svc.ingest.extract.homeward import add_return
from calendar_svc.ingest.extract.leg_began import add_leg_began
from calendar_svc.ingest.extract.move_days import day_of
from calendar_svc.ingest.extract.plans import plans_after_a_report
from calendar_svc.ingest.extract.views import (
    View,
    first_place_after,
    listed_after,
    place_within,
    single_days,
)
from calendar_svc.ingest.lexicon import Lexicon
from calendar_svc.ingest.places import PlaceMention

#: After a place: it owns what follows ("the U.S. military's base", "Japan's capital").
_POSSESSOR = re.compile(
    r"(?:['’]s\b|\s+(?:military|army|navy|air\s+force|embassy|consulate)\b)", re.IGNORECASE
)


def _moves_between(lex: Lexicon, gap: str) -> bool:
    """Whether another movement or visit verb stands between a departure and a place."""
    return bool(
        lex.departure.search(gap)
        or lex.arrival.search(gap)
        or re.search(r"(?i)(?<!\w)(?:thăm|visit\w*|tour|to attend|dự)(?!\w)", gap)
        # "Rời Đa-vao chiều 13/1, Thủ tướng Abe tới Xít-ni", "left Davao for Sydney", "rời
        # Buê-nốt Ai-rét đi Ri-ô": the place named is where it went (the one left was not
        # recognised)
        or re.search(r"(?i)(?<!\w)(?:tới|đến|sang|đi|for)(?!\w)", gap)
    )


#: Between a departure verb and a place: the place is the destination ("left for",
#: "lên đường tới", "khởi hành đi").
HEADING = re.compile(
    r"\s*(?:for|to|tới|đến|sang|đi|thăm(?:\s+(?:chính\s+thức|cấp\s+nhà\s+nước|làm\s+việc))?)"
    r"(?!\w)",
    re.IGNORECASE,
)


#: Between an arrival verb and a place: the event it is for, so the place is in its name
#: ("tới dự lễ kỷ niệm quan hệ Việt Nam - Nhật Bản"), unless "at/in/tại/ở" says where.
_ATTENDS_FIRST = re.compile(
    r"(?i)\s*(?:để\s+)?(?:dự|tham\s+dự|attend|to\s+attend)\b(?!.*\b(?:tại|ở|in|at)\s*$)"
)


def drop_moves_inside(facts: ArticleFacts) -> None:
    """Drop the moves between two cities of a country visited that no stay was told apart
    by (`summit_cities`): leaving Hanoi for Ho Chi Minh City ends no leg, and a departure
    that ends none reads as leaving home."""
    visited = {stop.value.split("+")[0] for stop in facts.itinerary} - {facts.home}
    facts.departures = [
        d
        for d in facts.departures
        if d.value.concluded_country is not None
        or d.value.next_country is not None
        or d.value.place.country_code not in visited
    ]


def drop_later_than(facts: ArticleFacts, day: date) -> None:
    """Keep only movements on or before `day` (the publication date)."""
    facts.departures = [d for d in facts.departures if d.value.at.day <= day]
    facts.arrivals = [a for a in facts.arrivals if a.value.at.day <= day]
    facts.conclusions = [c for c in facts.conclusions if c.value.on is None or c.value.on <= day]
    facts.returns = [r for r in facts.returns if r.value is None or r.value <= day]
    facts.homecomings = [h for h in facts.homecomings if h.value.at.day <= day]


def _set_off(
    facts: ArticleFacts,
    view: View,
    lex: Lexicon,
    heading: PlaceMention,
    days: list[DateMention],
    home: str | None,
    destinations: set[str],
    article_id: str,
) -> None:
    """A departure told by where it heads: from the leg the sentence says it ended, or
    from home when it heads to the trip's first leg."""
    lang = lex.language
    to = heading.place.country_code
    if not days or to not in destinations or to == home:
        return
    ended = lex.conclusion.search(view.sentence.text)
    done = listed_after(view, ended.end(), home, destinations) if ended else []
    if ended and done in ([], [to]):
        # nothing ended after the verb but where it heads: the leg ended is named before
        done = _ended_in(view, ended.start(), home, destinations)
    # Legs called off are not where the trip begins ("put off the A and B stops; he still
    # leaves for C on Wednesday": C is the first leg)
    off = {p.value for p in (*facts.postponements, *facts.cancellations)}
    codes = [stop.value for stop in facts.itinerary if stop.value not in off]
    if len(done) == 1 and done[0] != to:
        # "after wrapping up the visit to A, he left for B": it left A
        origin, concluded = PlaceRef(country_code=done[0]), done[0]
    elif (
        home is not None
        and (not codes or codes[0] == to)
        and not _away_already(view, heading, home, destinations)
    ):
        # (not "visited a school on Thursday in Nairobi before leaving for Tanzania": the
        # traveller was away already, though the text named Tanzania first)
        origin, concluded = PlaceRef(country_code=home), None
    else:
        return  # heading on from one leg to the next: which one it left is not said
    facts.departures.append(
        Sourced(
            Departure(
                place=origin,
                at=moment(days[0], None),
                concluded_country=concluded,
                next_country=to,
            ),
            provenance(article_id, view.sentence, f"{lang}.departure.heading", heading.span),
        )
    )


def _away_already(
    view: View, heading: PlaceMention, home: str | None, destinations: set[str]
) -> bool:
    """Whether the sentence names another leg than the one headed for before it (not in a
    person's title): the traveller was there when it left, not at home."""
    return any(
        m.span[1] <= heading.span[0]
        and not view.in_person(m.span)
        and m.place.country_code in destinations - {heading.place.country_code, home or ""}
        for m in view.places
    )


def _ended_in(view: View, at: int, home: str | None, destinations: set[str]) -> list[str]:
    """The leg named in the clause before the verb that ends it ("Chương trình tại
    In-đô-nê-xi-a kết thúc ..., trước khi ông lên đường sang Niu Đê-li")."""
    text = view.sentence.text
    clause = max(text.rfind(mark, 0, at) for mark in ",;:") + 1
    return [
        code
        for pos, code in view.countries(home, after=clause)
        if pos < at and code in destinations
    ]


#: Right before a place reached: the route, not an arrival ("trên đường từ Rôma tới
#: Mê-hi-cô, Giáo hoàng đã dừng chân tại La Ha-ba-na", "on his way from Rome to Mexico").
_ON_THE_WAY = re.compile(
    r"(?i)(?:(?<!\w)trên\s+đường|\bon\s+(?:his|her|their|the)\s+way)(?:\s+từ\s+[^,;]{1,30}?|"
    r"\s+from\s+[^,;]{1,30}?)?\s+$"
)


def add_movements(
    facts: ArticleFacts,
    view: View,
    lex: Lexicon,
    article_id: str,
    home: str | None,
    destinations: set[str],
) -> None:
    """Departures, arrivals, conclusions and returns reported in one sentence."""
    # "bắt đầu chuyến thăm kéo dài đến ngày 5/9", "a visit lasting until Friday": the day
    # the stay ends, not the day of the move told
    text = view.sentence.text
    if superseded_move(text, lex):
        return  # "had originally been scheduled to leave Canada on Saturday": not the move
    # "đến Bắc Kinh ngày 18/8 và sẽ rời Trung Quốc ngày 20/8": the days from the plan on are
    # the plan's (`article._no_moves_planned` drops its moves)
    planned = plans_after_a_report(view)
    days = _timed(
        [
            d
            for d in single_days(view)
            if (planned is None or d.span[0] < planned)
            and not _UNTIL.search(text, 0, d.span[0])
            and not _WHERE.search(text, 0, d.span[0])
            # "skipping Sunday's primaries at home": that event's day, not the move's
            and not _POSSESSIVE.match(text, d.span[1])
        ]
    )
    _departure(facts, view, lex, article_id, home, destinations, days)
    arrived_where(facts, view, lex, home, destinations)
    arrived = next(
        (a for a in lex.arrival.finditer(text) if not _ON_THE_WAY.search(text, 0, a.start())),
        None,
    )
    if arrived and (
        someone_else(view, arrived.start(), facts)
        or before_the_move(text, arrived.start())
        # "Pháp đã điều ba máy bay chở lực lượng cứu hộ tới Beirut": what was sent goes
        or _SENT.search(text, 0, arrived.end())
    ):
        arrived = None
    went_home = False
    if arrived:
        went_home = _arrival(facts, view, lex, arrived, article_id, home, destinations, days)
    else:
        _began(facts, view, lex, article_id, home, destinations, days)
        add_leg_began(facts, view, lex, article_id, home, destinations, days)
        went_home = add_return(facts, view, lex, article_id, home, days)
    add_conclusion(facts, view, lex, article_id, home, destinations, days, went_home)


#: Right after a day: it is an event's ("Sunday's primaries").
_POSSESSIVE = re.compile(r"['’]s\b")


def _timed(days: list[DateMention]) -> list[DateMention]:
    """Each day with the hour a mention of it tells, if one does ("Hà Nội, 26/2 -
    Lúc 20h53 tối 26/2, ... hạ cánh": the landing was in the evening), where it is told:
    which verb a day goes with is a matter of where it stands ("arrived in South Africa on
    Friday after visiting Rwanda on Thursday and Friday morning")."""
    told = {d.start: d for d in days if d.clock_time is not None or d.day_part is not None}
    return [
        d
        if (hour := told.get(d.start)) is None or hour is d
        else msgspec.structs.replace(
            d, day_part=hour.day_part, clock_time=hour.clock_time, local_time=hour.local_time
        )
        for d in days
    ]


def _departure(
    facts: ArticleFacts,
    view: View,
    lex: Lexicon,
    article_id: str,
    home: str | None,
    destinations: set[str],
    days: list[DateMention],
) -> None:
    """A departure from a place named after the verb ("left Tokyo on Friday"), or one told
    by where it heads ("left for Tokyo": `_set_off`)."""
    s = view.sentence
    hits = list(lex.departure.finditer(s.text))
    # "left the hotel late on Tuesday and his flight took off from Changi ...": the verb
    # with a place right after it tells where the traveller left
    departed = next((h for h in hits if place_within(view, h.end(), 40)), None) or (
        hits[0] if hits else None
    )
    if departed is None or someone_else(view, departed.start(), facts):
        return  # "New PM Albanese ... set off for Japan": not the traveller's move
    origin = first_place_after(view, departed.end())
    if origin is not None and HEADING.match(s.text, departed.end(), origin.span[0]):
        # "left for Tokyo", "lên đường tới Nhật Bản": where it goes, not where it left
        _set_off(facts, view, lex, origin, days, home, destinations, article_id)
        origin = None
    if origin is not None and _moves_between(lex, s.text[departed.end() : origin.span[0]]):
        # "rời Ulan Bato, lên đường thăm Ireland": the place named is where it goes next
        # (the one it left was not recognised), never where it left
        origin = None
    reach = _AIRPORT_REACH if _AIRPORT_FIRST.match(s.text, departed.end()) else 40
    if origin is None or origin.span[0] - departed.end() > reach or not days:
        return
    place = place_ref(origin.place)
    concluded = place.country_code if place.country_code in destinations else None
    if _within_the_country(view, origin) or _reached_inside(view, lex, origin):
        # "rời Washington tới thành phố Raleigh", "rời Hà Nội, vào Thành phố Hồ Chí Minh",
        # "arrived in the Chinese capital after leaving the northeastern city of Dalian":
        # the stay goes on (`drop_moves_inside`)
        concluded = None
    onward = [
        c
        for pos, c in view.countries(home, after=origin.span[1])
        if c in destinations
        and c != place.country_code
        and _headed(s.text[max(origin.span[1], pos - _HEADED_REACH) : pos], lex)
    ]
    prov = provenance(article_id, s, f"{lex.language}.departure.city", origin.span)
    if concluded and place.city:
        facts.cities.append(Sourced((concluded, place.city), prov))
    if onward:
        _onward_city(facts, view, lex, article_id, origin, onward[0])
    facts.departures.append(
        Sourced(
            Departure(
                place=place,
                at=moment(day_of(departed.span(), days, lex, s.text), place),
                concluded_country=concluded,
                next_country=onward[0] if onward else None,
            ),
            provenance(
                article_id, s, f"{lex.language}.departure", (departed.start(), origin.span[1])
            ),
        )
    )


#: Right before a day: the day something lasts to ("kéo dài đến ngày 5/9", "until
#: Friday", "through Sunday").
_UNTIL = re.compile(
    r"(?i)(?:\b(?:until|till|through)|(?<!\w)(?:kéo\s+dài\s+)?(?:đến|tới)\s+(?:hết\s+)?|"
    # "opening a two-day official visit that ends on Tuesday": the visit's last day
    r"\b(?:that|which)\s+(?:ends|ended|will\s+end|is\s+due\s+to\s+end|concludes|wraps\s+up)"
    r"\s+(?:on\s+)?|\bending\s+(?:on\s+)?)"
    r"\s*(?:ngày\s+)?$"
)


#: A day told in a clause about a place named ("from Johannesburg, where the summit wrapped
#: up on Sunday", ", nơi ông dự ... ngày 5/9"): what happened there, not the move's day.
_WHERE = re.compile(r"(?i),\s+(?:where|nơi)\s[^,;()]*$")


#: Where a move comes from: "from Lima", "từ Lima".
_FROM = re.compile(r"(?i)\bfrom\b|(?<!\w)từ(?!\w)")


#: Right after a departure verb, an airport named before its city ("rời sân bay quốc tế
#: O.R. Tambo ở thành phố Giô-han-ne-xbớc, Nam Phi", "left O.R. Tambo International
#: Airport in Johannesburg"): the place left is named further on.
_AIRPORT_FIRST = re.compile(
    r"(?i)\s+(?:(?:the\s+)?(?:[\w.'’-]+\s+){1,4}?(?:international\s+)?airport\b|"
    r"sân\s+bay(?!\w))"
)
_AIRPORT_REACH = 90


def _within_the_country(view: View, origin: PlaceMention) -> bool:
    """ "left Washington for Chicago", "rời Washington tới thành phố Raleigh": heading
    on to a city of the same country, or to a name the gazetteer lacks (a town the
    press names is where the stay goes on; a country it would know), ends no leg."""
    text = view.sentence.text
    heading = _HEADING_NAME.match(text, origin.span[1])
    if heading is None:
        return False
    nxt = first_place_after(view, origin.span[1])
    if nxt is not None and nxt.span[0] <= heading.start("name") < nxt.span[1]:
        # (the place's name may hold the word before it: "Thành phố Hồ Chí Minh")
        return nxt.place.country_code == origin.place.country_code
    return nxt is None or nxt.span[0] > heading.start("name")


#: After the place left: where the traveller heads, by name ("for Chicago", "tới thành
#: phố Raleigh", "vào Thành phố Hồ Chí Minh", "lên đường đi Thượng Hải").
_HEADING_NAME = re.compile(
    r"[\s,]*(?:for|to|(?:lên\s+đường\s+)?(?:tới|đến|sang|đi)|vào)(?:\s+thăm)?\s+(?:the\s+)?(?:(?:city|town|state)\s+of\s+|"
    r"(?:thành\s+phố|thủ\s+phủ|bang|tỉnh|thị\s+trấn)\s+)?(?P<name>(?-i:[^\W\d_a-zà-ỹ]))",
    re.IGNORECASE,
)


#: How far before the next country its heading cue may be ("left Tokyo on Friday
#: afternoon, heading to Seoul").
_HEADED_REACH = 60


def _headed(before: str, lex: Lexicon) -> bool:
    """Whether the words before a country named after the place left say the traveller
    goes there ("for", "to", "on to", "tới", "thăm", "sau đó"), not some other tie ("a
    trip that opened with a stop in Warsaw")."""
    return bool(_HEADING_WORDS.search(before) or lex.onward.search(before))


#: The last words before a country gone to next: "for", "heading to", "on to the", "tới".
_HEADING_WORDS = re.compile(
    r"(?i)(?:\bfor|\bto|\binto|tới|đến|sang|thăm)\s+(?:the\s+)?(?:\S+\s+){0,3}$"
)


def _came_from_inside(view: View, lex: Lexicon, target: PlaceMention) -> bool:
    """Whether the sentence tells the traveller leaving, or coming from, another city of
    the country arrived in ("after leaving the northeastern city of Dalian", "rời Đại Liên
    đến Bắc Kinh", "from Chicago")."""
    text = view.sentence.text
    cues = [m.end() for m in (*lex.departure.finditer(text), *_FROM.finditer(text))]
    return _other_city_after(view, target, cues)


def _reached_inside(view: View, lex: Lexicon, origin: PlaceMention) -> bool:
    """Whether the sentence tells the traveller arriving in another city of the country
    left ("arrived in the Chinese capital ... after leaving Dalian")."""
    cues = [m.end() for m in lex.arrival.finditer(view.sentence.text)]
    return origin.place.kind != "country" and _other_city_after(view, origin, cues)


def _other_city_after(view: View, place: PlaceMention, cues: list[int]) -> bool:
    """Whether a city of `place`'s country, not `place` itself, is named within 40
    characters after one of `cues` (where the verbs end)."""
    here = place.place.city or place.place.name
    return any(
        other.place.kind != "country"
        and other.place.country_code == place.place.country_code
        and (other.place.city or other.place.name) != here
        and any(0 <= other.span[0] - cue <= 40 for cue in cues)
        for other in view.places
    )


def _onward_city(
    facts: ArticleFacts,
    view: View,
    lex: Lexicon,
    article_id: str,
    origin: PlaceMention,
    onward: str,
) -> None:
    """ "heading to Minsk for a state visit to Belarus": the next leg's city."""
    for mention in view.places:
        if (
            mention.span[0] > origin.span[1]
            and mention.place.kind == "city"
            and mention.place.country_code == onward
        ):
            facts.cities.append(
                Sourced(
                    (onward, mention.place.name),
                    provenance(
                        article_id, view.sentence, f"{lex.language}.onward.city", mention.span
                    ),
                )
            )
            break


def _arrival(
    facts: ArticleFacts,
    view: View,
    lex: Lexicon,
    arrived: re.Match[str],
    article_id: str,
    home: str | None,
    destinations: set[str],
    days: list[DateMention],
) -> bool:
    """An arrival at the place named after the verb: at a leg, or back home (then True)."""
    s = view.sentence
    target = first_place_after(view, arrived.end())
    while target is not None and _POSSESSOR.match(s.text, target.span[1]):
        # "touched down at the U.S. military's Yokota Air Base": the base, not the U.S.
        target = first_place_after(view, target.span[1])
    if target is not None and _ATTENDS_FIRST.match(s.text, arrived.end(), target.span[0]):
        # "tới dự lễ khai mạc Tuần lễ văn hóa Nhật Bản": a name in the event attended
        target = None
    if target is None or target.span[0] - arrived.end() > 40:
        return False
    gap = s.text[arrived.end() : target.span[0]]
    if _FROM.search(gap) or lex.departure.search(gap) or _to_a_site(s.text, arrived, gap):
        # "flew into Rio late on Saturday from Lima", "đến sân bay Stansted sáng 20/11, sau
        # khi rời Rio de Janeiro": the place named is the one left (the one reached is a
        # name the gazetteer lacks); or a site gone to with the host (`_to_a_site`)
        return False
    place = place_ref(target.place)
    prov = provenance(article_id, s, f"{lex.language}.arrival", (arrived.start(), target.span[1]))
    if place.country_code != home and _came_from_inside(view, lex, target):
        # "arrived in the Chinese capital after leaving the northeastern city of Dalian",
        # "rời Đại Liên đến Bắc Kinh": a move inside the country, where the stay goes on
        if place.city and place.country_code in destinations:
            facts.cities.append(Sourced((place.country_code, place.city), prov))
        return False
    if home is not None and (
        place.country_code == home or (home, place.country_code, place.city) in _HOME_ABROAD
    ):
        facts.returns.append(Sourced(days[0].start if days else None, prov))
        if days:
            landed = moment(day_of(arrived.span(), days, lex, s.text), place)
            facts.homecomings.append(Sourced(Arrival(home, place, landed), prov))
        return True
    if place.country_code in destinations:
        if place.city:
            facts.cities.append(Sourced((place.country_code, place.city), prov))
        at = moment(day_of(arrived.span(), days, lex, s.text), place) if days else None
        if at is not None:
            facts.arrivals.append(Sourced(Arrival(place.country_code, place, at), prov))
    return False


#: Before "tới/đến" in its clause: a dispatch, whose load or envoys go, not the traveller
#: ("điều ba máy bay ... tới Beirut", "cử đặc phái viên đến").
_SENT = re.compile(
    r"(?i)(?<!\w)(?:điều|gửi|cử)\s+(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các|nhiều|"
    r"\d+|đoàn|đặc\s+phái\s+viên)(?!\w)(?:(?!(?<!\w)(?:đã|sẽ|vừa)(?!\w))[^.;])*$"
)


#: A home in another country's city: the pope comes back to Rome ("Giáo hoàng ... đã về
#: tới Rôma"), home for the Holy See.
_HOME_ABROAD = frozenset({("VA", "IT", "Rome")})


#: Between "tới" and the city: the site gone to is in it ("tới Bức tường Than khóc ở khu
#: Phố cổ Giê-ru-xa-lem"), a visit there, no landing.
_AT_A_SITE = re.compile(r"(?i)\S\s+(?:ở|tại)\s")
#: Before the verb: going along with someone ("Thủ tướng I-xra-en ... đã cùng Tổng thống
#: Bra-xin B tới ..."), as host and guest do on a visit's programme.
_ALONG_WITH = re.compile(r"(?i)(?<!\w)cùng(?!\w)")


def _to_a_site(text: str, arrived: re.Match[str], gap: str) -> bool:
    """ "... đã cùng Tổng thống Bra-xin B tới Bức tường Than khóc ở khu Phố cổ Giê-ru-xa-lem":
    going with the host to a site in a city, not landing there ("đến Căn cứ Không quân
    Hickam ở Ha-oai" is a landing)."""
    return (
        arrived.group().lower() in ("tới", "đến")
        and _AT_A_SITE.search(gap) is not None
        and _ALONG_WITH.search(text, 0, arrived.start()) is not None
    )


def _began(
    facts: ArticleFacts,
    view: View,
    lex: Lexicon,
    article_id: str,
    home: str | None,
    destinations: set[str],
    days: list[DateMention],
) -> None:
    """ "began a state visit to A on Tuesday": the leg starts that day, as an arrival."""
    began = lex.began.search(view.sentence.text)
    if not began or len(days) != 1 or someone_else(view, began.start(), facts):
        return
    if lex.departure.search(view.sentence.text, 0, began.start()):
        return  # "rời căn cứ Andrews, bắt đầu chuyến công du châu Âu": it began at home
    started = listed_after(view, began.end(), home, destinations)
    if len(started) == 1:
        place = PlaceRef(country_code=started[0])
        prov = provenance(article_id, view.sentence, f"{lex.language}.began", began.span())
        facts.arrivals.append(Sourced(Arrival(started[0], place, moment(days[0], place)), prov))
