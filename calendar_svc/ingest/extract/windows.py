"""The days of the trip and of its legs: date ranges (the trip's, a leg's, or a summit's
own), a lone day of a one-day visit, and stated durations.

Apart because deciding whose days a range gives (the trip's, one leg's, an event's) is
one set of rules, read from the same sentences as the legs but independent of them.
"""

from __future__ import annotations

import re

from calendar_svc.domain.values import DateWindow, PlaceRef, VisitType
from calendar_svc.ingest.budget import check
from calendar_svc.ingest.dates import DateMention, find_durations
from calendar_svc.ingest.extract.changes import tells_a_change
from calendar_svc.ingest.extract.classify import others_clauses, others_journeys
from calendar_svc.ingest.extract.facts import (
    Arrival,
    ArticleFacts,
    Conclusion,
    Sourced,
    moment,
    provenance,
)
from calendar_svc.ingest.extract.history import LATER_JOURNEY, told_on
from calendar_svc.ingest.extract.range_legs import countries_visited, fronted_leg, range_leg
from calendar_svc.ingest.extract.respectively import pair_ranges
from calendar_svc.ingest.extract.views import (
    View,
    date_ranges,
    first_place_after,
    single_days,
)
from calendar_svc.ingest.extract.visit_types import (
    CUE_REACH,
    HELD_IN,
    NOT_ATTENDING,
    places_left_behind,
)
from calendar_svc.ingest.lexicon import Lexicon, visit_type_cues
from calendar_svc.ingest.lexicon.dates import DayPart

#: Words that make a sentence's day one end of a stay (see the one-day rule).
_BOUND = re.compile(
    r"(?i)(?<![^\W_])(?:beg[ia]n|begins|beginning|start(?:s|ed|ing)?|kick(?:s|ed|ing)?\s+off|"
    r"open(?:s|ed|ing)?|launch(?:es|ed|ing)?|from|since|until|till|through|"
    # "met B on Tuesday on the second day of a state visit": a day within the stay
    r"day\s+of|during|ngày\s+thứ\s+\w+|trong\s+(?:khuôn\s+khổ\s+)?chuyến|"
    # "đang thăm chính thức", "is on a state visit", "is visiting": a day of a stay under way
    r"đang|is\s+on|are\s+on|is\s+visiting|are\s+visiting|currently|"
    r"bắt\s+đầu|khởi\s+đầu|từ|đến|tới|kết\s+thúc)(?![^\W_])"
)


#: Right before a range: what a place hosts on those days is an event (a visit "takes
#: place" or "diễn ra" on its days too).
_HOSTED_ON = re.compile(r"(?i)\b(?:hosts?|hosted|hosting|convenes?)\s+(?:on\s+|from\s+)?$")


#: Right after a range at the head of its clause: the traveller attends ("23-24/6, ông Tập
#: sẽ dự"), and what follows is what the days are of. Not after "và" / "and": a range
#: ending one part of the journey ("chuyến thăm chính thức Campuchia từ ngày 8-9/11 và
#: chuyến tham dự Hội nghị Cấp cao ASEAN") is that part's.
_ATTENDS = re.compile(
    r"(?i),?\s*(?!(?:và|and|then|rồi)\s)(?:[^\W\d_]+\s+){0,4}?(?:sẽ\s+|will\s+)?"
    r"(?:tham\s+dự|dự|attend|attends)\s+(?:the\s+)?"
)


#: How far after the days a summit attended may be placed ("tại Tashkent" after its name).
_ATTEND_REACH = 120


#: Right before a range: the journey it dates ("chuyến công tác từ ngày", "chuyến công du
#: ba nước Tây Phi từ ngày", "a six-day trip from", "the tour, from", "a three-nation tour
#: of Southeast Asia from").
_JOURNEY_BEFORE = re.compile(
    r"(?i)(?:(?<!\w)chuyến\s+(?:công\s+tác|công\s+du)(?:\s+\S+){0,4}?"
    # "chuyến công du Mỹ Latinh kéo dài sáu ngày từ 16-21/11"; "chuyến công du ba ngày
    # (26-28/7)"; "chuyến công du 4 nước châu Phi kéo dài từ ngày 14-23/11"
    r"(?:\s+kéo\s+dài(?:\s+\S+\s+(?:ngày|tuần))?)?|"
    r"\b(?:trip|tour|journey)\b[^,.;]{0,30}?)\s*,?\s*\(?\s*(?:from|từ)?\s*(?:ngày\s*)?$"
)


def _dates_an_event(view: View, mention: DateMention, lex: Lexicon) -> bool:
    """Whether the nearest thing a range follows is a summit, not a visit or a journey ("a
    Group of 20 summit, which is being held on September 4 and 5", "dự Hội nghị thượng
    đỉnh G7 tại Hiroshima từ ngày 19-21/5"): it dates the meeting, and the traveller may
    come before it or leave after."""
    text, end = view.sentence.text, mention.span[0]
    if _JOURNEY_BEFORE.search(text, max(0, end - 40), end):
        return False  # "chuyến công tác từ ngày 21-27/9 để tham dự Hội nghị ...": the trip's
    if _HOSTED_ON.search(text, max(0, end - 40), end):
        return True  # "the bloc's annual meeting, which Tashkent hosts on June 23-24"
    attends = _ATTENDS.match(text, mention.span[1])
    if attends is not None and lex.summit.match(text, attends.end()):
        return True  # "Trong hai ngày 23-24/6, ông Tập sẽ dự hội nghị thượng đỉnh SCO"
    summits = [m.end() for m in lex.summit.finditer(text, 0, end)]
    if not summits:
        return False
    visits = [
        (cue_start, cue_end)
        for cue_start, cue_end, kind in visit_type_cues(lex, text)
        if cue_end <= end and kind is not VisitType.EVENT
    ]
    earlier = [d for d in date_ranges(view) if d.span[1] <= mention.span[0]]
    visited = {code for code, _ in countries_visited(view, visits)}
    hosts = {
        m.place.country_code
        for m in view.places
        if max(summits) <= m.span[0] < end and not view.in_person(m.span)
    }
    if not earlier and (len(visited) > 1 or (visited and hosts - visited)):
        # "thăm chính thức Ba Lan, thăm chính thức Czech, dự Hội nghị WEF tại Davos ... từ
        # ngày 15-23/1", "a state visit to Chile and the APEC Economic Leaders' Meeting in
        # Peru from November 10 to 17": the one range after visits to two countries, or a
        # visit and a summit held elsewhere, is the whole journey's (with a range per
        # part, each is its part's)
        return False
    others = [m.end() for m in lex.travel.finditer(text, 0, end)]
    others += [cue_end for _, cue_end in visits]
    return max(summits) > max(others, default=-1)


def dated(view: View, lex: Lexicon, named_here: list[str]) -> bool:
    """Whether a sentence's ranges and durations can be this trip's: it speaks of travel or
    names a destination, and does not tell of dates that no longer hold (unless it gives
    the new ones too: `replaced_range`)."""
    text = view.sentence.text
    return bool(view.travel or named_here) and (
        not lex.superseded.search(text) or _MOVED_TO.search(text) is not None or _new_first(view)
    )


#: Old days given after the new ones: "from November 4 to 6 instead of October 14 to 16".
_INSTEAD = re.compile(r"(?i)\binstead\s+of\b|(?<!\w)thay\s+vì(?!\w)")


def _new_first(view: View) -> bool:
    """Whether a range comes before "instead of" / "thay vì": the new days, the old ones
    after the cue ("sẽ diễn ra từ ngày 4-6/11 thay vì từ ngày 14-16/10")."""
    cue = _INSTEAD.search(view.sentence.text)
    return cue is not None and any(m.span[1] <= cue.start() for m in date_ranges(view))


def replaced_range(view: View, lex: Lexicon, mention: DateMention) -> bool:
    """Whether a range is the one a sentence says no longer holds: right after "originally
    planned for", "instead of", "thay vì", in a sentence that gives the new dates ("...,
    originally planned for March 20 to 22, has been rescheduled to April 10 to 12", "lùi
    sang ngày 18-19/11 thay vì ngày 28-29/10")."""
    text = view.sentence.text
    cues = list(lex.superseded.finditer(text))
    if _MOVED_TO.search(text):
        # "which had been scheduled for March 20 to 22, has been postponed to April 10 to
        # 12"; without new days, the days a visit put off had been planned for are its own
        cues += _HAD_BEEN_SET.finditer(text)
    # (the range may open with the cue's own word: "from March 20 to 22")
    return any(cue.start() <= mention.span[0] <= cue.end() + _REPLACED_REACH for cue in cues)


#: New dates given in place of old ones: "rescheduled to", "pushed back to", "will now",
#: "lùi sang", "dời sang", "điều chỉnh sang", "chuyển sang".
_MOVED_TO = re.compile(
    r"(?i)\b(?:rescheduled|moved|pushed\s+back|put\s+back|postponed|put\s+off|brought\s+"
    r"forward|delayed|changed|shifted)\s+(?:to|until)\b|\bwill\s+now\b|"
    r"(?<!\w)(?:lùi|dời|hoãn|chuyển|điều\s+chỉnh|đổi)\s+(?:lại\s+)?(?:sang|đến|tới|vào)(?!\w)"
)
#: Days a visit had been set for: "which had been scheduled for", "vốn dự kiến".
_HAD_BEEN_SET = re.compile(
    # "moved to April 10 to 12 from March 20 to 22": the days after "from", after new days
    r"(?i)(?<=\d)\s+from\b|"
    r"\b(?:which|that)\s+had\s+been\s+(?:planned|scheduled|set)\s+for\b|"
    r"(?<!\w)vốn\s+(?:được\s+)?(?:dự\s+kiến|lên\s+kế\s+hoạch)(?!\w)"
)
#: How far after a cue of replaced dates their range may begin ("originally planned for").
_REPLACED_REACH = 30


def one_day_visit(
    views: list[View], lex: Lexicon, home: str | None, destinations: set[str], article_id: str
) -> Sourced[DateWindow] | None:
    """The first sentence that dates a visit to a destination by one day and nothing else:
    a one-day visit, the trip's window if nothing better is said (`settle_trip_window`)."""
    for view in views:
        text = view.sentence.text
        named_here = [c for _, c in view.countries(home) if c in destinations]
        # not the day the news came ("South Korean media reported on Wednesday")
        days = [d for d in single_days(view) if not told_on(text, d)]
        if (
            named_here
            and not date_ranges(view)
            and len(days) == 1
            and visit_type_cues(lex, text)
            and not any(p.search(text) for p in (lex.departure, lex.arrival, lex.returned))
            # "began a state visit on Tuesday", "a three-day visit starting Thursday", "on
            # a visit until Thursday": one end of a longer stay, not a one-day visit
            and not _BOUND.search(text)
            and not lex.conclusion.search(text)
            and not find_durations(text, lex.language)
            # "has extended his visit by a day and will now return on Feb. 11": the new end
            and not tells_a_change(view, lex)
        ):
            day = days[0]
            return Sourced(
                DateWindow(day.start, day.start),
                provenance(
                    article_id, view.sentence, f"{lex.language}.dates.one_day_visit", day.span
                ),
            )
    return None


def add_windows(
    facts: ArticleFacts,
    views: list[View],
    retrospect: list[tuple[str, str] | None],
    lex: Lexicon,
    destinations: set[str],
    boxed: frozenset[int] = frozenset(),
) -> None:
    """Dates stated as ranges: the trip's, or one leg's when one destination is named in a
    multi-leg trip (or the trip has one leg and the sentence names it), or a summit's.
    `retrospect` gives, sentence by sentence, a leg told in retrospect (see
    `itinerary.retrospective`): a lone range there is that leg's. The sentences in
    `boxed` are fact-box lines, their days read as their legs' (`fact_box`)."""
    theirs = others_journeys(views, lex, facts)
    for index, (view, earlier, other) in enumerate(zip(views, retrospect, theirs, strict=True)):
        check()
        named_here = [c for _, c in view.countries(facts.home) if c in destinations]
        if index in boxed or other or view.history or not dated(view, lex, named_here):
            # "Harris will ... stand in at APEC in Bangkok on Nov. 18-19": hers; "... and
            # meet again at the G20 in Osaka on June 28-29": a later journey's
            continue
        if pair_ranges(facts, view, lex, destinations):
            continue  # "Laos and Cambodia from July 9 to 10 and 11 to 12, respectively"
        clauses = others_clauses(view, lex, facts)
        for mention in date_ranges(view):
            if any(a <= mention.span[0] < b for a, b in clauses):
                continue
            if replaced_range(view, lex, mention):
                # "originally planned for March 20 to 22": no longer the days
                facts.replaced.append(DateWindow(mention.start, mention.end))
                continue
            if _next_journeys(view, lex, mention):
                continue  # "left on Sunday hours after announcing he will visit China Nov 4-7"
            window = DateWindow(mention.start, mention.end)
            prov = provenance(
                facts.article_id,
                view.sentence,
                f"{lex.language}.dates.{mention.rule}",
                mention.span,
            )
            if _after_background(view, mention, lex):
                # "comes only a week after Biden's state visit to Hà Nội on 10-11", "comes a
                # week after A put off a summit planned for Dec. 15-17": the other event's
                continue
            if _dates_an_event(view, mention, lex):
                _event_window(
                    facts, view, lex, mention, Sourced(window, prov), destinations, earlier
                )
            else:
                held = len(facts.leg_windows)
                _range_window(
                    facts, view, mention, Sourced(window, prov), lex, destinations, earlier
                )
                for leg_window in facts.leg_windows[held:]:
                    _landed_that_evening(facts, view, mention, leg_window)


def _next_journeys(view: View, lex: Lexicon, mention: DateMention) -> bool:
    """Whether a range is a later journey's, told beside a move of this one: the sentence
    reports the traveller leaving or arriving on a day, and the range begins weeks after
    it ("Albanese left Australia on Sunday hours after announcing that he will travel to
    China from Nov. 4 to 7")."""
    text = view.sentence.text
    if view.future or not (lex.departure.search(text) or lex.arrival.search(text)):
        return False
    moved = [d.end for d in single_days(view)]
    return bool(moved) and mention.start > max(moved) + LATER_JOURNEY


def _after_background(view: View, mention: DateMention, lex: Lexicon) -> bool:
    """A range told after a background cue is the other event's ("comes a week after B's
    visit on September 10-11"); before it, it is this visit's ("The March 25-28 visit
    comes as trade ...")."""
    cue = lex.background.search(view.sentence.text)
    return view.history or (cue is not None and mention.span[0] >= cue.end())


def _event_window(
    facts: ArticleFacts,
    view: View,
    lex: Lexicon,
    mention: DateMention,
    window: Sourced[DateWindow],
    destinations: set[str],
    earlier: tuple[str, str] | None = None,
) -> None:
    """ "the summit, held on September 4 and 5": not the leg's own range; for a trip to the
    summit alone, the best guess of the trip's days; the days the leg in the country named
    last before it is inferred from. `earlier`: (the leg told in retrospect, the one it came
    before): the summit is not in the latter ("Trước khi tới Đức, từ ngày 10-11/7, ... dự
    Hội nghị thượng đỉnh NATO tại Oa-sinh-tơn")."""
    later = earlier[1] if earlier is not None else None
    named = {c for _, c in view.countries(facts.home)}
    if named and not named & destinations:
        return  # "the SCO summit in Astana on July 3-4", in a report of a trip to Italy
    if NOT_ATTENDING.search(view.sentence.text, 0, mention.span[0]):
        return  # "flew home, not attending the APEC leaders' meeting in Gyeongju on Oct 31"
    if _hosted_by_the_traveller(facts, view.sentence.text, mention.span[0]):
        return  # "invited to the G7 summit Scholz will host in Elmau June 26-28": at home
    if len(destinations) == 1 and facts.trip_window is None:
        facts.trip_window = window
    # the country named last before the range, by any mention ("sau đó trở lại Pháp dự
    # Hội nghị G7 tại Biarritz từ ngày 25-26/8": France, though first named earlier)
    came_from = places_left_behind(view, lex)
    held = [
        m.place.country_code
        for m in view.places
        if m.place.country_code in destinations
        and m.place.country_code != facts.home
        and m.span[0] < mention.span[0]
        and m.span not in view.not_destinations
        and m.span not in came_from
        and not view.in_person(m.span)
        and m.place.country_code != later
    ]
    if not held:
        # "diễn ra trong hai ngày 5-6/3 tại Melbourne": where, said after it
        there = first_place_after(view, mention.span[1])
        reach = CUE_REACH
        if _ATTENDS.match(view.sentence.text, mention.span[1]):
            reach = _ATTEND_REACH  # "23-24/6, ông Tập sẽ dự hội nghị thượng đỉnh ... tại Tashkent"
        if (
            there is not None
            and there.place.country_code in destinations
            and there.span[0] - mention.span[1] <= reach
            and HELD_IN.search(view.sentence.text, mention.span[1], there.span[0])
        ):
            held = [there.place.country_code]
    if held:
        facts.event_windows.append(Sourced((held[-1], window.value), window.provenance))


def _hosted_by_the_traveller(facts: ArticleFacts, text: str, before: int) -> bool:
    """Whether the traveller hosts the summit a range dates ("the G7 summit Scholz will
    host in Elmau", "hội nghị do Thủ tướng Chính chủ trì"): it is held at home, no leg's."""
    if facts.principal is None:
        return False
    names = {w for w in facts.principal.value.name.split() if len(w) > 2}
    return any(
        (host["who"] or host["vwho"]) in names
        for host in _HOST_VERB.finditer(text, max(0, before - 60), before)
    )


#: A named host of what follows: "Scholz will host", "do Thủ tướng Chính chủ trì".
_HOST_VERB = re.compile(
    r"(?P<who>[^\W\d_][\w-]*)\s+(?:will\s+|is\s+to\s+)?host(?:s|ed|ing)?\b|"
    r"(?<!\w)do\s+(?:[\w-]+\s+){0,3}?(?P<vwho>[^\W\d_][\w-]*)\s+"
    r"(?:chủ\s+trì|đăng\s+cai)(?!\w)"
)


def _range_window(
    facts: ArticleFacts,
    view: View,
    mention: DateMention,
    window: Sourced[DateWindow],
    lex: Lexicon,
    destinations: set[str],
    earlier: tuple[str, str] | None,
) -> None:
    """A range of the trip's or of one leg's days."""
    home, many_legs = facts.home, len(destinations) > 1
    ranges = [m for m in date_ranges(view) if not replaced_range(view, lex, m)]
    # A range written right after its country is that leg's, in an article
    # naming one destination too ("sẽ thăm chính thức Nhật Bản từ ngày 27 -
    # 30/11"): stated for the leg, and the trip's window while it has no other
    owner = range_leg(view, mention, home, destinations)
    if (
        owner is not None
        and _JOURNEY_BEFORE.search(view.sentence.text, 0, mention.span[0])
        and any(t.value == (owner, VisitType.EVENT) for t in facts.visit_types)
    ):
        # "Trong chuyến công du Trung Quốc từ ngày 8-10/6, ông đã thăm cấp nhà nước ... sau
        # đó dự Hội nghị SCO tại Thanh Đảo": the journey's days, the visit's and the summit's
        if facts.trip_window is None:
            facts.trip_window = window
        return
    if owner is None and len(ranges) == 1:
        owner = fronted_leg(view, mention, lex, home, destinations)
    if owner is None and earlier is not None and len(ranges) == 1:
        owner = earlier[0]  # "Before coming to A, from May 2 to 3, he was in B"
    if owner is not None:
        facts.leg_windows.append(Sourced((owner, window.value), window.provenance))
        if not many_legs and facts.trip_window is None:
            facts.trip_window = window
    elif len(ranges) > 1:
        return  # one of several legs' ranges, but whose is not clear
    elif many_legs and _JOURNEY_BEFORE.search(view.sentence.text, 0, mention.span[0]):
        # "điểm kết thúc chuyến công du Mỹ Latinh kéo dài sáu ngày từ 16-21/11": the
        # journey's days, though the sentence names only its last country
        if facts.trip_window is None:
            facts.trip_window = window
    else:
        _range_of_one_named(facts, view, mention, window, lex, destinations)


def _landed_that_evening(
    facts: ArticleFacts,
    view: View,
    mention: DateMention,
    window: Sourced[tuple[str, DateWindow]],
) -> None:
    """A stay told, once over, as running from an evening ("có mặt tại Li-ma từ tối 14/11
    đến 17/11", "in Lima from the evening of November 14 to 17"): not the leg's stated
    days but a landing that evening, which the schedule weighs as any evening landing (the
    programme may open the next day), and the day the stay ended."""
    if view.future or mention.day_part not in (DayPart.EVENING, DayPart.NIGHT):
        return
    facts.leg_windows.remove(window)
    owner, days = window.value
    place = PlaceRef(country_code=owner)
    facts.arrivals.append(Sourced(Arrival(owner, place, moment(mention, place)), window.provenance))
    facts.conclusions.append(Sourced(Conclusion(owner, days.end), window.provenance))


def _range_of_one_named(
    facts: ArticleFacts,
    view: View,
    mention: DateMention,
    window: Sourced[DateWindow],
    lex: Lexicon,
    destinations: set[str],
) -> None:
    """A lone range no leg owns by its place: the one destination the sentence names, if it
    speaks of that visit; else the trip's."""
    home, many_legs = facts.home, len(destinations) > 1
    named_here = [c for _, c in view.countries(home) if c in destinations]
    if after_another_place(view, mention, named_here):
        return  # "sẽ ở Dili đến ngày 11/9, sau đó đi Singapore ... từ ngày 11 đến 13/9"
    if len(named_here) == 1 and (many_legs or not view.travel):
        if not (
            view.travel
            or visit_type_cues(lex, view.sentence.text)
            or range_leg(view, mention, home, destinations)
        ):
            return  # days of some activities there, not the visit's own
        facts.leg_windows.append(Sourced((named_here[0], window.value), window.provenance))
    elif (
        many_legs
        and visit_type_cues(lex, view.sentence.text)
        and (code := _one_named(view, destinations)) is not None
    ):
        # "Senegal's presidency has described the stay as an official visit ..., running on
        # Aug. 29 and 30": the one destination the sentence names at all, if only as its
        # government's; not the whole journey's days
        facts.leg_windows.append(Sourced((code, window.value), window.provenance))
    elif facts.trip_window is None and not (many_legs and _attended_after(view, mention, lex)):
        # "Trong hai ngày 9-10/9, ông dự các phiên họp của G20": the summit's days, in a
        # country the sentence does not name; not the journey's
        facts.trip_window = window


def _attended_after(view: View, mention: DateMention, lex: Lexicon) -> bool:
    """Whether the clause a range opens tells of attending a summit ("Trong hai ngày
    9-10/9, ông dự các phiên họp của G20"), its verb within a few words of the days (not
    "from Oct. 22 to 28, visiting Indonesia and Vietnam before he attends the summit")."""
    text = view.sentence.text
    head = _ATTENDING_SOON.match(text, mention.span[1])
    return head is not None and lex.summit.search(text, head.end()) is not None


#: A range's clause going on to attend: "he attended", ", ông dự", ", Petrov took part".
_ATTENDING_SOON = re.compile(
    r"(?i)[\s,]*(?:[^\W\d_]+\s+){0,3}?(?:\b(?:attend(?:s|ed|ing)?|took\s+part|joined)\b|"
    r"(?<!\w)(?:tham\s+)?dự(?!\w))"
)


def _one_named(view: View, destinations: set[str]) -> str | None:
    """The one destination a sentence names by any mention (a person's title aside)."""
    named = {
        m.place.country_code
        for m in view.places
        if m.place.country_code in destinations and not view.in_person(m.span)
    }
    return named.pop() if len(named) == 1 else None


def after_another_place(view: View, mention: DateMention, named_here: list[str]) -> bool:
    """Whether the place named last before a range is of another country than the one
    leg the sentence names (a stop the article does not count as a leg, or the next one);
    not a country in a title ("Thủ tướng Thái Lan Xôm-chai ... lùi sang ngày 18-19/11")."""
    before = [m for m in view.places if m.span[1] <= mention.span[0] and not view.in_person(m.span)]
    return bool(before) and len(named_here) == 1 and before[-1].place.country_code != named_here[0]


def settle_trip_window(
    facts: ArticleFacts, destinations: set[str], one_day: Sourced[DateWindow] | None
) -> None:
    """One country: the leg's dates are the trip's; a lone day is a one-day visit."""
    if facts.trip_window is None and len(destinations) == 1:
        if facts.leg_windows:
            facts.trip_window = Sourced(
                facts.leg_windows[0].value[1], facts.leg_windows[0].provenance
            )
        elif one_day is not None:
            facts.trip_window = one_day


def drop_legs_before_trip(facts: ArticleFacts) -> None:
    """A leg whose own days begin before the trip's stated window is another journey
    ("chuyến công tác từ ngày 17-26/9 ... Trước khi sang Mỹ, Thủ tướng tới Nam Ninh ... trong
    hai ngày 16-17/9": he went home in between), and names none of this trip's facts."""
    trip = facts.trip_window
    if trip is None:
        return
    gone = {
        w.value[0]
        for w in facts.leg_windows
        if w.value[1].start < trip.value.start
        and w.value[1].end <= trip.value.start
        and w.provenance.sentence_index != trip.provenance.sentence_index
    }
    facts.forget_legs(gone)
