"""The trip's legs in travel order: the destinations a sentence lists after a travel cue,
the places arrived in, a stop the traveller came from, and the order that onward moves and
legs told in retrospect give.

Apart because the other readers only ask which countries are destinations; how they are
found and ordered is one concern.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from calendar_svc.domain.rules.stays import ENCLAVED_IN
from calendar_svc.domain.values import EngagementKind
from calendar_svc.ingest.extract.arrived_where import arrived_before
from calendar_svc.ingest.extract.classify import (
    background,
    compared_countries,
    others_clauses,
    others_journey,
    others_journeys,
    said_clauses,
    traveller_before,
    visited_by_others,
)
from calendar_svc.ingest.extract.facts import ArticleFacts, Sourced, provenance
from calendar_svc.ingest.extract.gaps import leg_spans
from calendar_svc.ingest.extract.gone_to import goes_to, governed, sends_only
from calendar_svc.ingest.extract.movements import HEADING
from calendar_svc.ingest.extract.views import CAME_FROM, View, first_place_after
from calendar_svc.ingest.lexicon import Lexicon, visit_type_cues
from calendar_svc.ingest.places import find_places
from calendar_svc.reference.countries import demonym_country

#: A destination list must follow its travel cue closely to give the itinerary's order.
_ORDER_WINDOW = 160

#: The rule of a country named only in passing: in a travel sentence, not as a stop of a
#: list, an arrival or a place left (`drop_passing_mentions`).
PASSING = "itinerary.passing"


def destinations_in_order(
    views: list[View], lex: Lexicon, home: str | None, facts: ArticleFacts
) -> list[tuple[View, str, bool]]:
    """Destinations in travel order: from the sentence that lists the most of them right
    after a travel cue, preferring one not grouped by visit type; then any others. A
    sentence whose traveller is someone else ("Foreign Minister B flew to Seoul") names
    none of them."""
    views = [
        v for v, theirs in zip(views, others_journeys(views, lex, facts), strict=True) if not theirs
    ]
    ordered = [(view, code, False) for view, code in _longest_list(views, lex, home, facts)]
    named = {code for _, code, _ in ordered}
    found = [
        *((view, code, False) for view, code in _arrival_places(views, lex)),
        *((view, code, not near) for view, code, near in _other_mentions(views, lex, home, facts)),
        *((view, code, False) for view, code in _places_left(views, lex, facts)),
    ]
    for view, code, passing in found:
        if code != home and code not in named:
            named.add(code)
            ordered.append((view, code, passing))
    return ordered


def _longest_list(
    views: list[View], lex: Lexicon, home: str | None, facts: ArticleFacts
) -> list[tuple[View, str]]:
    """The countries of the sentence listing the most of them right after a travel or
    visit-type cue, preferring a list not grouped by visit type, then the earliest."""
    best: tuple[int, bool, int] | None = None
    best_list: list[tuple[View, str]] = []
    for position, view in enumerate(views):
        if not view.travel or background(view, lex):
            continue
        cue = lex.travel.search(view.sentence.text)
        type_cues = visit_type_cues(lex, view.sentence.text)
        starts = [c[0] for c in type_cues] + ([cue.start()] if cue else [])
        if not starts:
            continue
        first_cue = min(starts)
        compared = compared_countries(view, lex)
        elsewhere = _not_theirs(view, lex, facts)
        listed = [
            (pos, code)
            for pos, code in view.countries(home, after=first_cue)
            if (pos - first_cue <= _ORDER_WINDOW or len(starts) > 1)
            and code not in compared
            and not elsewhere(pos)
            and goes_to(view, code)
        ]
        if not listed:
            continue
        score = (len(listed), not _is_grouped_by_type(view, lex), -position)
        if best is None or score > best:
            best = score
            best_list = [(view, code) for _, code in listed]
    return list(best_list)


def _arrival_places(views: list[View], lex: Lexicon) -> list[tuple[View, str]]:
    """ "arrived in Vientiane to attend the summit": a city's country is a leg even when
    the article never names the country; so is a planned one ("is expected to land in
    Hanoi on May 23")."""
    found = []
    for view in views:
        arrived = lex.arrival.search(view.sentence.text)
        if arrived is None or background(view, lex):
            continue
        place = first_place_after(view, arrived.end())
        if place is None or place.span[0] - arrived.end() > 40:
            continue
        if place.span in view.not_destinations:
            continue  # "landing at 8 p.m. (0700 Hanoi time)"
        if not governed(view, place.span[0]):
            continue  # "một thông điệp gửi tới Washington": bare "tới" moves no one
        found.append((view, place.place.country_code))
    return found


def _places_left(views: list[View], lex: Lexicon, facts: ArticleFacts) -> list[tuple[View, str]]:
    """ "Putin rời Geneva, trở về Moscow", "he left Hanoi for home": where the traveller,
    named before the verb, leaves from was a stop of the trip, unless it is home (the
    caller drops that). "Before leaving Lima, the minister said" is the minister's."""
    found = []
    for view in views:
        left = lex.departure.search(view.sentence.text)
        if left is None or background(view, lex) or not traveller_before(view, left.start(), facts):
            continue
        place = first_place_after(view, left.end())
        if place is None or place.span[0] - left.end() > 30 or place.span in view.not_destinations:
            continue
        found.append((view, place.place.country_code))
        onward = first_place_after(view, place.span[1])
        if onward is not None and _ON_TO.fullmatch(_undated(view, place.span[1], onward.span[0])):
            # "rời Li-ma sang Bra-xin", "rời Pê-ru đi Bra-xin": and where it went next
            # ("rời Luân Đôn trong ngày 15/6 để sang Pa-ri")
            found.append((view, onward.place.country_code))
    return found


#: Between the place left and the next, its days taken out (`_undated`): "sang", "đi"
#: (to), after "để" (so as to) and the day it left: "rời Luân Đôn trong ngày 15/6 để sang
#: Pa-ri".
_ON_TO = re.compile(
    r",?\s+(?:trong\s+)?,?\s*(?:để\s+)?(?:sang|đi)\s+(?:thủ\s+đô\s+|thành\s+phố\s+)?"
)


def _undated(view: View, start: int, end: int) -> str:
    """The sentence's text from `start` to `end`, with the days the date grammar read in
    it left out."""
    text = view.sentence.text
    kept, at = [], start
    for d in view.dates:
        if start <= d.span[0] and d.span[1] <= end:
            kept.append(text[at : d.span[0]])
            at = d.span[1]
    return "".join(kept) + text[at:end]


def _other_mentions(
    views: list[View], lex: Lexicon, home: str | None, facts: ArticleFacts
) -> list[tuple[View, str, bool]]:
    """Countries in any other travel or visit-type sentence, after its cue, each with
    whether a word of travel goes right before it (else it is named in passing)."""
    found = []
    for view in views:
        if not (view.travel or visit_type_cues(lex, view.sentence.text)):
            continue
        if background(view, lex):
            continue  # "His previous trip took him to A", "The visit comes as B ..."
        compared = compared_countries(view, lex)
        cue = lex.travel.search(view.sentence.text)
        sent = cue is not None and sends_only(view.sentence.text, cue)
        if sent and not visit_type_cues(lex, view.sentence.text):
            continue  # "gửi lời chia buồn tới UAE sau vụ tấn công ở Mogadishu"
        owned = cue is not None and _OWNED.search(view.sentence.text, 0, cue.start())
        if others_journey(view, lex, facts, noun=cue.start() if cue and owned else None):
            continue  # "Zelenskyy ... said he was calling off all his foreign trips"
        # Before the cue, a country is where someone comes from ("Tourists from Japan fly
        # to Malaysia") unless the traveller is the one named there ("In Japan, he ...")
        after = (
            cue.start() if cue is not None and not traveller_before(view, cue.start(), facts) else 0
        )
        elsewhere = _not_theirs(view, lex, facts)
        found += [
            (view, code, _moved_to(view, lex, pos))
            for pos, code in view.countries(home)
            if pos >= after and code not in compared and not elsewhere(pos) and goes_to(view, code)
        ]
    return found


#: How close after a word of travel a country is that word's destination ("will finish the
#: trip in Oman", "flew on to Washington", "travel to France and Britain").
_NEAR_CUE = 50


#: Coming from a place: "who arrived from Tokyo", "flew in from Jakarta", "bay từ A".
_CAME_FROM = re.compile(
    r"(?i)(?:\b(?:arriv\w*|fl[eoi]\w*|came|com(?:es|ing)|travel\w*)\s+(?:in\s+|back\s+)?from|"
    r"(?<!\w)(?:bay|đến|tới|sang)\s+từ)\s+(?:the\s+)?$"
)
#: A sentence opening on a place or a stay there: "In Japan, he ...", "After three days in
#: Japan, ...", "Tại Nhật Bản, ông ...".
_OPENING = re.compile(r"^[^,;]{0,60}$")


def _moved_to(view: View, lex: Lexicon, pos: int) -> bool:
    """Whether the place at `pos` is where a word of travel, arrival, leaving or a visit
    type sends the traveller, or one they came from, or the place a sentence opens on; a
    country the sentence names otherwise is named in passing."""
    text = view.sentence.text
    if _CAME_FROM.search(text, 0, pos) or (_OPENING.match(text, 0, pos) and "," in text[pos:]):
        return True
    ends = [m.end() for rx in (lex.travel, lex.arrival, lex.departure) for m in rx.finditer(text)]
    ends += [end for _, end, _ in visit_type_cues(lex, text)]
    return any(0 <= pos - end <= _NEAR_CUE for end in ends)


#: A travel noun owned by someone: "all his upcoming foreign trips".
_OWNED = re.compile(r"(?i)\b(?:his|her|their)\s+(?:[\w-]+\s+){0,3}$")


#: The way home from somewhere: the place named after it was left at the end of an
#: earlier journey ("told reporters on his plane home from Vilnius", "trên chuyến bay về
#: nước từ Vin-nhút").
_HOME_FROM = re.compile(
    r"(?i)\b(?:plane|flight|journey|way|trip)\s+(?:back\s+)?home\s+from\b"
    r"|(?<!\w)(?:chuyến\s+bay|đường)\s+(?:trở\s+)?về(?:\s+nước)?\s+từ(?!\w)"
)


_CLAUSE_STOP = re.compile(r"[,;.]")


def _clause_end(text: str, start: int) -> int:
    """Where the clause that goes on at `start` ends: the next comma, semicolon or stop."""
    m = _CLAUSE_STOP.search(text, start)
    return len(text) if m is None else m.start()


def _not_theirs(view: View, lex: Lexicon, facts: ArticleFacts) -> Callable[[int], bool]:
    """Whether a place starting at a position is no stop of the traveller's: in another's
    moving clause, in what is said, or a place someone else visited."""
    spans = others_clauses(view, lex, facts) + said_clauses(view, lex)
    text = view.sentence.text
    # "on his plane home from the NATO summit in Vilnius": where a journey before came from
    spans += [(m.end(), _clause_end(text, m.end())) for m in _HOME_FROM.finditer(text)]
    visited = visited_by_others(view, facts)
    return lambda pos: pos in visited or any(a <= pos < b for a, b in spans)


def _is_grouped_by_type(view: View, lex: Lexicon) -> bool:
    """A sentence listing countries by visit type ("state visits to A, B and C, and an
    official visit to D") gives no travel order; one that alternates types does."""
    kinds = [kind for _, _, kind in visit_type_cues(lex, view.sentence.text)]
    return len(kinds) >= 2 and len(set(kinds)) == len(kinds)


def retrospective(
    view: View, lex: Lexicon, home: str | None, destinations: set[str]
) -> tuple[str, str] | None:
    """A leg told in retrospect ("Before arriving in A, he had visited B", "Trước khi
    tới A, ... đã có mặt tại B"): B, the one other destination the sentence names, and
    A, the leg it came before."""
    hit = lex.before_leg.search(view.sentence.text)
    if hit is None:
        return None
    later = first_place_after(view, hit.end())
    if later is None or later.span[0] - hit.end() > 4:
        return None
    after = later.place.country_code
    others = {c for _, c in view.countries(home) if c in destinations and c != after}
    if after not in destinations or len(others) != 1:
        return None
    return others.pop(), after


def came_from(view: View, lex: Lexicon, home: str | None) -> tuple[int, str] | None:
    """The place a traveller came from, told as a stop of this trip ("flew in from
    Jakarta, where he had attended the summit"): where it is named, and its country."""
    text = view.sentence.text
    for mention in view.places:
        code = mention.place.country_code
        if code == home or view.in_person(mention.span):
            continue
        if not CAME_FROM.search(text, 0, mention.span[0]):
            continue
        if lex.came_from.match(text[mention.span[1] :]):
            return mention.span[0], code
    return None


def onward_pairs(
    views: list[View], lex: Lexicon, home: str | None, facts: ArticleFacts
) -> list[tuple[str, str]]:
    """(earlier leg, later leg) pairs that onward moves tell: the country named right after
    "fly on to", "then", "sau đó" comes after the countries named before the cue in its
    sentence and after the leg this article reports an arrival in (the leg under way);
    the one after "ends the trip in" comes after every other leg; the one after "after
    attending ... in" / "sau khi tham dự ... tại" comes before those named before it."""
    here = [a.value.country_code for a in facts.arrivals if a.value.country_code != home]
    destinations = {s.value for s in facts.itinerary}
    pairs: list[tuple[str, str]] = []
    told_before: list[str] = []  # the legs the sentence before names
    for view in views:
        if background(view, lex):
            continue
        text = view.sentence.text
        named = [(pos, c) for pos, c in view.countries(home) if c in destinations]
        just_before, told_before = told_before, [c for _, c in named]
        after = lex.after_leg.search(text)
        if after is not None:
            was = [c for pos, c in named if after.end() <= pos <= after.end() + 150][:1]
            now = [c for pos, c in named if c not in was]
            pairs += [(a, b) for a in was for b in dict.fromkeys(now) if a != b]
        first = lex.first_leg.search(text)
        if first is not None and named:
            # "Việt Nam là điểm dừng chân đầu tiên", "the first stop is Hanoi": it leads;
            # the place named nearest it, by any of its names ("arrived in Tokyo for a
            # visit to Japan, his first stop on a tour that also takes him to Korea")
            candidates = [
                (m.span[0], m.place.country_code)
                for m in view.places
                if m.place.country_code in {c for _, c in named}
                and m.span not in view.not_destinations
                and not view.in_person(m.span)
            ]
            # "arrived in Beijing ..., the first stop on a swing that will also take him
            # to Washington": the stop named before the cue, unless the cue names the
            # one after it ("the first stop is Hanoi", "điểm đến đầu tiên là Hà Nội")
            ahead = _NAMES_NEXT.match(text, first.end()) is not None
            told = [pc for pc in candidates if (pc[0] > first.start()) == ahead] or candidates
            near = min(told, key=lambda pc: abs(pc[0] - first.start()))[1]
            pairs += [(near, c) for c in destinations if c != near]
        left = lex.departure.search(text)
        if left is not None:
            # "Rời Hà Nội, ông sẽ thăm A và B", "After leaving Tokyo he flies to B": the place
            # left comes before the places named after it
            origin = first_place_after(view, left.end())
            if origin is not None and origin.span[0] - left.end() <= 30:
                gone = origin.place.country_code
                if gone in destinations and not HEADING.match(text, left.end()):
                    pairs += [(gone, c) for p, c in named if p > origin.span[1] and c != gone]
        cue = lex.onward.search(text)
        if cue is None:
            continue
        later = [c for pos, c in named if cue.end() <= pos <= cue.end() + 60][:1]
        final = lex.final_leg.search(cue.group(0)) is not None
        if later and not final:
            # "then travel to Lima for APEC and to Rio de Janeiro for the G20, before ...
            # London": the rest of the list it heads comes after too (not the rest after
            # "will end his tour in Japan, after state visits to Korea and Mongolia")
            later += [c for pos, c in named if pos > cue.end() and c not in later]
        if final:
            earlier = [c for c in destinations if c not in later]  # "ends the trip in B"
        else:
            earlier = [c for pos, c in named if pos < cue.start()] + here
            if not any(pos < cue.start() for pos, _ in named):
                # "... arrive in Washington on Sunday. He will then travel to Lima": after
                # the legs the sentence before names
                earlier += just_before
        pairs += [(a, b) for a in dict.fromkeys(earlier) for b in dict.fromkeys(later) if a != b]
    return pairs


#: After "the first stop": it names the stop that follows ("is Hanoi", "là Hà Nội").
_NAMES_NEXT = re.compile(r"(?i)\s*(?:(?:is|was|will\s+be)\b|:|(?:sẽ\s+)?là(?!\w))")


def dated_pairs(facts: ArticleFacts) -> list[tuple[str, str]]:
    """(earlier leg, later leg) pairs that the legs' own days tell: a leg whose stated
    days (its range, the summit's it attends, an arrival or a departure there) all fall
    before another's first day comes before it, whatever order the text names them in
    ("He is due in Sydney from May 22 to 24" after "the summit in Hiroshima, May 19-21").
    Dates of legs called off say nothing of the order of the trip that goes ahead."""
    known = {code: (first, last) for code, (first, last, _, _) in leg_spans(facts).items()}
    # ... or ends on the day the other begins and that one goes on after it (a one-day
    # stop in Port Moresby on May 22, then Sydney from May 22 to 24)
    return [
        (a, b)
        for a, (a_first, a_last) in known.items()
        for b, (b_first, b_last) in known.items()
        if a != b and (a_last < b_first or (a_last == b_first and a_first < b_last))
    ]


def in_time_order(stops: list[Sourced[str]], before: list[tuple[str, str]]) -> list[Sourced[str]]:
    """The stops sorted so that each (a, b) in ``before`` has a ahead of b, otherwise
    keeping the order they had (a stable topological sort); a pair that contradicts
    the others is dropped rather than followed round a cycle."""
    remaining = list(stops)
    pairs = {(a, b) for a, b in before if a != b}
    out: list[Sourced[str]] = []
    while remaining:
        left = {stop.value for stop in remaining}
        free = [s for s in remaining if not any(b == s.value and a in left for a, b in pairs)]
        pick = free[0] if free else remaining[0]
        out.append(pick)
        remaining.remove(pick)
    return out


def add_itinerary(facts: ArticleFacts, views: list[View], lex: Lexicon) -> None:
    """The destinations in the order the text gives them (`destinations_in_order`), then
    each stop the traveller is said to have come from, put before the leg it preceded."""
    passed = _passed_through(views)
    around_home = ENCLAVED_IN.get(facts.home or "")
    for view, code, passing in destinations_in_order(views, lex, facts.home, facts):
        if code in passed and not _visited(view, lex, code):
            continue  # "crossed into China ... through Chinese territory": on the way
        if code == around_home:
            continue  # "cất cánh từ Rô-ma": the Pope leaving Rome is leaving home
        rule = f"{lex.language}.{PASSING if passing else 'itinerary'}"
        facts.itinerary.append(Sourced(code, provenance(facts.article_id, view.sentence, rule)))
    for view in views:
        came = came_from(view, lex, facts.home)
        if came is None or background(view, lex):
            # "The tour comes only days after Moon returned from Washington, where he met
            # Trump": a journey before this one
            continue
        arrived_before(facts, view, lex, came)
        _insert_came_from(facts, view, lex, came[1])


def add_dateline_leg(
    facts: ArticleFacts, views: list[View], lex: Lexicon, dateline: str | None
) -> None:
    """An article that never places the visit it tells of ("on the second day of a
    three-day state visit that Xi began on Monday"), filed from a foreign city ("MOSCOW,
    March 21"): the visit is where the dateline is."""
    if facts.itinerary or not dateline:
        return
    named = find_places(dateline, lex.language)
    if not named or named[0].place.country_code == facts.home:
        return
    mine = [not theirs for theirs in others_journeys(views, lex, facts)]
    for view, own in zip(views, mine, strict=True):
        text = view.sentence.text
        told = visit_type_cues(lex, text) or lex.summit.search(text) or _met_there(view, lex)
        # "told leaders gathered in Kazan ..., making his country's debut at a summit of the
        # bloc": a summit the traveller is at, in the dateline's city
        if own and not background(view, lex) and told:
            rule = f"{lex.language}.itinerary.dateline"
            code = named[0].place.country_code
            facts.itinerary.append(Sourced(code, provenance(facts.article_id, view.sentence, rule)))
            return


def _met_there(view: View, lex: Lexicon) -> bool:
    """A meeting, talks or a signing told as done on a day, not by telephone ("BENAULIM,
    India, Oct 15 - Modi and Putin signed off on defence deals on Saturday"): the
    traveller was where the dateline is."""
    text = view.sentence.text
    if view.future or not view.dates or _REMOTE.search(text):
        return False
    return any(kind in _MET and rx.search(text) for kind, rx in lex.engagements)


_MET = frozenset({EngagementKind.TALKS, EngagementKind.MEETING, EngagementKind.SIGNING})
#: Talks at a distance: "by phone", "a video call", "điện đàm", "trực tuyến".
_REMOTE = re.compile(
    r"(?i)\b(?:phone|telephone|video|virtual(?:ly)?|online|call)\b|"
    r"(?<!\w)(?:điện\s+đàm|trực\s+tuyến|gọi\s+điện|qua\s+điện\s+thoại)(?!\w)"
)


#: Crossing a country on the way ("travel through Chinese territory", "across China",
#: "đi qua lãnh thổ Trung Quốc", "bay qua Greenland"): the place or demonym after it names
#: no leg.
_THROUGH = re.compile(
    r"(?i)\b(?:through|across|transit(?:ing|ed)?|(?:fl(?:y|ies|ying|ew)\s+)over)\s+(?:the\s+)?|"
    r"(?<!\w)(?:(?:đi|băng|xuyên|bay)\s+qua(?:\s+lãnh\s+thổ)?|qua\s+lãnh\s+thổ)\s+"
)
#: A tour before "through" / "across": the countries after it are visited, not crossed.
_A_TOUR = re.compile(r"(?i)\b(?:swing|tour|trip|journey|sweep|visits?)\s+$")
_DEMONYM_TERRITORY = re.compile(r"(?P<demonym>[A-Z][a-z]+)\s+(?:territory|soil)\b")


def _passed_through(views: list[View]) -> set[str]:
    """Countries the article says the traveller crosses on the way, by name or by a
    demonym before "territory"."""
    passed: set[str] = set()
    for view in views:
        text = view.sentence.text
        for cue in _THROUGH.finditer(text):
            if _A_TOUR.search(text, 0, cue.start()):
                continue  # "a six-day swing through Saudi Arabia, Britain and Germany": visits
            place = first_place_after(view, cue.end())
            if place is not None and place.span[0] == cue.end() and place.place.kind == "country":
                passed.add(place.place.country_code)
            named = _DEMONYM_TERRITORY.match(text, cue.end())
            if named and (code := demonym_country(named["demonym"])) is not None:
                passed.add(code)
    return passed


def _visited(view: View, lex: Lexicon, code: str) -> bool:
    """Whether the sentence names a visit to the country ("a state visit to China")."""
    for _, end, _ in visit_type_cues(lex, view.sentence.text):
        place = first_place_after(view, end)
        if place is not None and place.place.country_code == code and place.span[0] - end <= 60:
            return True
    return False


def _insert_came_from(facts: ArticleFacts, view: View, lex: Lexicon, code: str) -> None:
    """ "flew in from A, where he had ...": A is the leg before the one named here, or,
    with none named here and one other leg, before that one; else where it was told."""
    codes = [s.value for s in facts.itinerary]
    was = codes.index(code) if code in codes else len(codes)
    stop = (
        facts.itinerary.pop(was)
        if code in codes
        else Sourced(code, provenance(facts.article_id, view.sentence, f"{lex.language}.came_from"))
    )
    codes = [s.value for s in facts.itinerary]
    named_after = [c for _, c in view.countries(facts.home) if c != code and c in codes]
    if named_after:
        was = min(was, codes.index(named_after[0]))
    elif len(codes) == 1:
        was = 0
    facts.itinerary.insert(was, stop)


def order_in_time(
    facts: ArticleFacts, views: list[View], lex: Lexicon, retrospect: list[tuple[str, str]]
) -> None:
    """Put the legs in time order, not text order: a leg told in retrospect (`retrospect`:
    (earlier leg, the leg it came before)) goes before the leg it preceded; "flying on to B"
    puts B after the leg under way."""
    facts.itinerary = in_time_order(
        facts.itinerary,
        dated_pairs(facts) + retrospect + onward_pairs(views, lex, facts.home, facts),
    )
    # Legs called off while the rest goes ahead: where they fell is rarely said, and the
    # legs that go ahead keep the sequence (and inferred days) of a trip without them.
    off = {p.value for p in (*facts.postponements, *facts.cancellations) if p.value}
    if off and any(stop.value not in off for stop in facts.itinerary):
        facts.itinerary.sort(key=lambda stop: stop.value in off)


def drop_passing_mentions(facts: ArticleFacts) -> None:
    """A country named only in passing, of which the article says nothing else (no visit
    type, no days, no city, no arrival, no move to or from it, no engagement there, not
    called off), is no stop: "bracing for U.S. tariffs", "Kyiv and Washington" in a
    travel sentence. On the corpus's dev split: 9 extra legs gone, no leg lost."""
    said: set[str] = {v.value[0] for v in facts.visit_types}
    said |= {w.value[0] for w in (*facts.leg_windows, *facts.event_windows)}
    said |= {c.value[0] for c in facts.cities}
    said |= {d.value[0] for d in facts.leg_durations if d.value[0] is not None}
    said |= {a.value.country_code for a in facts.arrivals}
    said |= {c.value.country_code for c in facts.conclusions}
    said |= {p.value.leg for p in facts.plans}
    said |= {c.value for c in (*facts.postponements, *facts.cancellations) if c.value is not None}
    for d in facts.departures:
        said |= {c for c in (d.value.concluded_country, d.value.next_country) if c is not None}
    said |= {e.value.country_code for e in facts.engagements if e.value.country_code is not None}
    gone = {
        s.value
        for s in facts.itinerary
        if s.provenance.rule.endswith(PASSING) and s.value not in said
    }
    facts.forget_legs(gone)
