"""Plans: the days a future-tense sentence gives for moves still to come ("On Friday he
will fly on to Canberra before returning home on Saturday", "sẽ rời Nhật Bản ngày 24/5").

Movements (`movements`) are read from sentences that report what happened; a plan is not
a movement (it changes nothing of a trip's status) but it is the best guess of a leg's
days when nothing that happened gives them, so it is read apart, clause by clause (each
move of a planned itinerary has its own day), and the schedule shows it as inferred.
"""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

import msgspec

from calendar_svc.ingest.budget import check
from calendar_svc.ingest.dates import DateMention
from calendar_svc.ingest.extract.classify import background, someone_else
from calendar_svc.ingest.extract.facts import ArticleFacts, Plan, Sourced, provenance
from calendar_svc.ingest.extract.history import told_on
from calendar_svc.ingest.extract.views import FROM_DAY, View, single_days
from calendar_svc.ingest.lexicon import Lexicon
from calendar_svc.ingest.lexicon.plans import PLAN_WORDS, PlanWords

#: How far after a move's verb the place it names may stand ("will fly on to Canberra").
_PLACE_REACH = 40

#: A plan for the day before the article was published is still read as a plan ("Theo kế
#: hoạch, ông rời Praha ngay trong đêm 24/6", filed on the 25th): the place's night may
#: be the publisher's next morning, and nothing reports the move instead.
_GRACE = timedelta(days=1)

#: A plan told as then changed: "sẽ rời Praha ngày 24/6 nhưng đã phải lùi chuyến bay".
_BUT = re.compile(r"(?i)\b(?:but|however)\b|(?<!\w)(?:nhưng|song)(?!\w)")


def _too_late(view: View, lex: Lexicon, day: DateMention, published: date) -> bool:
    """Whether a planned day is no plan for the reader: before publication, less a day's
    `_GRACE` when the sentence does not tell the plan as replaced (`lex.superseded`,
    "theo kế hoạch ban đầu") or changed."""
    if day.start >= published:
        return False
    text = view.sentence.text
    return (
        day.start < published - _GRACE
        or lex.superseded.search(text) is not None
        or _BUT.search(text) is not None
    )


#: A leaving word that names where it heads, not what it leaves: "sang", "đi".
_GOES_TO = re.compile(r"(?i)sang|đi")


#: Between a leaving verb and where it heads: "for", "to", "sang", "tới".
_HEADING = re.compile(r"(?i)\s*(?:[\w-]+\s+){0,10}?(?P<to>for|to|tới|đến|sang|thăm)(?!\w)")


def add_plans(
    facts: ArticleFacts,
    views: list[View],
    lex: Lexicon,
    destinations: set[str],
    published: date | None,
) -> None:
    """Each future-tense sentence's planned moves, clause by clause: a clause with one
    day and one move of the traveller's (leaving a leg, heading on to one, arriving,
    coming home) gives that leg's planned start or end. Days before publication (less a
    day's `_GRACE`) are no plans (a plan told after the fact is a report, read by
    `movements`)."""
    words = PLAN_WORDS[lex.language]
    legs = [stop.value for stop in facts.itinerary]
    for view in views:
        check()
        # a report whose last words plan ("landed in Paris on Tuesday, beginning a tour that
        # will take him to Berlin on Thursday"): its clauses from the future on
        ahead = 0 if view.future else plans_after_a_report(view)
        if ahead is None or background(view, lex):
            continue
        latest: date | None = None  # the sentence's moves come in order
        heading_on = False  # the previous clause heads on to a leg
        earlier: list[DateMention] = []  # the previous clause's day
        prev_start = 0  # where the previous clause began
        last = legs[-1] if legs else None  # the leg the sentence's moves have reached
        for start, end in _clauses(view.sentence.text, words, view.dates):
            if end <= ahead:
                continue
            # (not the day it was said on: "said on Friday he will travel to Israel on Feb. 5")
            days = [
                d
                for d in single_days(view)
                if start <= d.span[0] and d.span[1] <= end and not told_on(view.sentence.text, d)
            ]
            if not days and words.before.match(view.sentence.text, start):
                days = earlier  # "speak to reporters on Sunday morning before flying home"
            elif not days and _only_a_day(view.sentence.text, (prev_start, start), earlier):
                days = earlier  # "Ngày 22/5, Tổng thống sẽ rời Ri-át tới I-xra-en"
            earlier, prev_start = days, start
            # "flies on to Hanoi on Thursday for a visit that runs until Saturday": the
            # move's day, and the end of the leg it reaches
            until = _until(view.sentence.text, days)
            if until is not None:
                days = days[:1]
            if len(days) != 1 or (
                published is not None and _too_late(view, lex, days[0], published)
            ):
                continue
            day = _after(days[0], latest)
            plans = _plan(facts, view, words, (start, end), day, destinations, last)
            if not plans and heading_on:
                plans = _and_then(view, (start, end), day, destinations)
            heading_on = any(p.edge == "start" for p in plans)
            if until is not None:
                plans += [Plan(p.leg, "end", until.start) for p in plans if p.edge == "start"]
            prov = provenance(facts.article_id, view.sentence, f"{lex.language}.plan", day.span)
            facts.plans.extend(Sourced(p, prov) for p in plans)
            # "will travel on to Poland on Wednesday ... and be back in Tokyo on Thursday":
            # coming home then ends Poland, whatever order the legs were named in
            last = next((p.leg for p in plans if p.edge == "start"), last)
            latest = max(latest or day.start, day.start) if plans else latest


def _and_then(view: View, clause: tuple[int, int], day: DateMention, to: set[str]) -> list[Plan]:
    """A clause with no verb after one heading on: the same move, to the place it names
    ("will take him to Berlin on Thursday and London on Saturday")."""
    start, end = clause
    text = view.sentence.text
    first = next((m for m in view.places if start <= m.span[0] < end), None)
    if first is None or not _JUST_AND.fullmatch(text, start, first.span[0]):
        return []  # "and will stay in China until Thursday": a clause of its own
    code = first.place.country_code
    return [Plan(code, "start", day.start)] if code in to else []


#: All a clause may hold before its place to go on with the move before it: "and", "then".
_JUST_AND = re.compile(r"(?i)[\s,]*(?:and|then|và|rồi)?\s*")


def plans_after_a_report(view: View) -> int | None:
    """Where a sentence not told in the future goes on to plan ("that will take him to",
    "runs until", "đến U-lan Ba-to tối 29/9 và sẽ rời Mông Cổ chiều 2/10"), or None: the
    moves told from there on are plans, not reports."""
    text = view.sentence.text
    takes = _TAKES.search(text) or _RUNS_UNTIL.search(text) or _AND_WILL.search(text)
    return takes.start() if takes is not None else None


#: A clause joined to a report that plans: "and will leave for Beijing on Thursday", "và
#: sẽ rời Mông Cổ chiều 2/10", "rồi dự kiến sẽ tới".
_AND_WILL = re.compile(
    r"(?i)\b(?:and|but)\s+(?:then\s+)?(?:will|is\s+(?:due|scheduled|expected)\s+to)\b|"
    r"(?<!\w)(?:và|rồi|nhưng)\s+(?:sau\s+đó\s+)?(?:sẽ|dự\s+kiến)(?!\w)"
)


#: A journey that takes the traveller on: "a tour that will take him to Berlin".
_TAKES = re.compile(r"(?i)\bwill\s+(?:also\s+)?take\s+(?:him|her|them)\b")
#: A stay told as lasting until a day, in a sentence told in the present or the past, a
#: plan all the same: "the Kenya visit runs until Thursday", "who is in Việt Nam on an
#: official visit until Friday", "who arrived on Thursday, will stay in Việt Nam until
#: Sunday", "chuyến thăm Kenya kéo dài đến ngày 16/11".
_RUNS_UNTIL = re.compile(
    r"(?i)\b(?:runs?|lasts?|continues?|stays?|remains?|(?:is|are)\s+in)\b[^.;]{0,50}?"
    r"\b(?:until|till|through)\b|(?<!\w)(?:kéo\s+dài\s+(?:đến|tới)|đến\s+hết)(?!\w)|"
    # a stay made longer or shorter: "will now end on Thursday", "thêm một ngày, đến ngày 15/8"
    r"\bwill\s+now\s+end\b|(?<!\w)thêm\s+(?:một|hai|ba|\d+)\s+ngày,?\s+(?:đến|tới)(?!\w)"
)


_UNTIL = re.compile(r"(?i)(?:\buntil|\btill|\bthrough|(?<!\w)đến\s+hết)\s+(?:\w+\s+){0,1}$")


def _until(text: str, days: list[DateMention]) -> DateMention | None:
    """The second of a clause's two days when "until" comes right before it."""
    if len(days) != 2 or not _UNTIL.search(text, 0, days[1].span[0]):
        return None
    end = _after(days[1], days[0].start)  # a weekday after the move ("until Saturday")
    return end if end.start > days[0].start else None


def _after(day: DateMention, latest: date | None) -> DateMention:
    """A weekday read forward from publication that falls before a move the sentence
    told earlier is the next one ("leave on Monday ... and return on Saturday", written
    on a Wednesday: the Saturday after that Monday)."""
    if latest is None or not day.weekday_resolved or day.start >= latest:
        return day
    weeks = (latest - day.start).days // 7 + 1
    shift = timedelta(days=7 * weeks)
    return msgspec.structs.replace(day, start=day.start + shift, end=day.end + shift)


#: What a clause that only dates the next may hold besides its day: "Ngày", a part of the
#: day ("Sáng", "Chiều 23/5"), "On", "Then", commas.
_DAY_OPENER = re.compile(
    r"(?i)[\s,]*(?:(?:on|then|and|và|sau\s+đó|ngày|sáng|chiều|trưa|tối|đêm|rạng\s+sáng)\b[\s,]*)*"
)


def _only_a_day(text: str, clause: tuple[int, int], days: list[DateMention]) -> bool:
    """Whether a clause is a day and nothing else ("Ngày 22/5,", "Chiều 23/5,", "On
    Monday,"): a sentence's opening that dates the clause after it."""
    if len(days) != 1:
        return False
    start, end = clause
    day = days[0]
    before, after = text[start : day.span[0]], text[day.span[1] : end]
    return bool(_DAY_OPENER.fullmatch(before) and _DAY_OPENER.fullmatch(after))


def _clauses(text: str, words: PlanWords, dates: list[DateMention]) -> list[tuple[int, int]]:
    """The sentence cut where one planned move's clause ends and the next begins; never
    inside a date ("on Saturday, April 13")."""
    cuts = [
        m.start()
        for m in words.clause.finditer(text)
        if not any(d.span[0] < m.start() < d.span[1] for d in dates)
    ]
    bounds = [0, *cuts, len(text)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _plan(
    facts: ArticleFacts,
    view: View,
    words: PlanWords,
    clause: tuple[int, int],
    day: DateMention,
    destinations: set[str],
    last: str | None,
) -> list[Plan]:
    """The plan one clause gives: coming home (the end of `last`, the leg the moves have
    reached), leaving a leg (its end, and the start of the one it heads for), or
    reaching one (its start)."""
    text = view.sentence.text
    start, end = clause
    back = words.back.search(text, start, end)
    if back is not None and not someone_else(view, back.start(), facts):
        place = _place_after(view, back.end(), end)
        if place is not None and place != facts.home:
            return []
        leaving = _left_for_home(view, words, (start, back.start()), destinations, facts.home)
        if leaving is not None:
            return [Plan(leaving, "end", day.start)]
        return [Plan(last, "end", day.start)] if last is not None else []
    left = words.leave.search(text, start, end)
    if left is not None and not someone_else(view, left.start(), facts):
        if _GOES_TO.fullmatch(left.group()):  # "sẽ sang Argentina": where it goes
            goes = _place_after(view, left.end(), end)
            return [Plan(goes, "start", day.start)] if goes and goes in destinations else []
        heading = _HEADING.match(text, left.end())
        place = _place_after(view, left.end(), heading.start("to") if heading else end)
        if place is None:  # "leaves on Friday for Hiroshima", "will fly on to Canberra"
            if heading is None:
                return []
            goes = _place_after(view, heading.end(), end)
            return [Plan(goes, "start", day.start)] if goes and goes in destinations else []
        # "will leave Australia on May 24", "rời Việt Nam sang Nhật Bản ngày 25/5"
        plans = [Plan(place, "end", day.start)] if place in destinations else []
        onward = _place_after(view, left.end(), end, skip=1)
        if onward is not None and onward in destinations and onward != place:
            plans.append(Plan(onward, "start", day.start))
        return plans
    came = words.arrive.search(text, start, end)
    if came is not None and not someone_else(view, came.start(), facts):
        place = _place_after(view, came.end(), end)
        if place is not None:
            return [Plan(place, "start", day.start)] if place in destinations else []
        # "kéo dài đến ngày 16/11": "đến" is "until" there, not "arrive"
    return (
        _opens_on(facts, view, (start, end), day, destinations)
        or _ends_on(facts, view, (start, end), day, destinations)
        or _visits_on(facts, view, (start, end), day, destinations)
    )


def _left_for_home(
    view: View,
    words: PlanWords,
    span: tuple[int, int],
    destinations: set[str],
    home: str | None,
) -> str | None:
    """The stop a plan to go home leaves from, when the sentence names it before the way
    home: the place left ("rời Praha ngay trong đêm 24/6 để về nước"), else the last stop
    named ("Sau khi làm việc tại London, ông dự kiến về nước muộn ngày 7/6")."""
    start, back = span
    left = words.leave.search(view.sentence.text, start, back)
    leaving = _place_after(view, left.end(), back) if left is not None else None
    if leaving is not None and leaving in destinations:
        return leaving
    named = [code for pos, code in view.countries(home) if pos < back and code in destinations]
    return named[-1] if named else None


def _opens_on(
    facts: ArticleFacts,
    view: View,
    clause: tuple[int, int],
    day: DateMention,
    destinations: set[str],
) -> list[Plan]:
    """A visit said to begin on a day, with no end given ("sẽ thăm cấp nhà nước Ấn Độ
    trong một tuần, bắt đầu từ ngày 17/2", "a state visit to India starting on Feb. 17"):
    the one destination the sentence names before the day starts then."""
    if not FROM_DAY.search(view.sentence.text, clause[0], day.span[0]):
        return []
    return _visit_begins(facts, view, day, destinations, 0)


def _visits_on(
    facts: ArticleFacts,
    view: View,
    clause: tuple[int, int],
    day: DateMention,
    destinations: set[str],
) -> list[Plan]:
    """A visit said to fall on one day, in a sentence told ahead ("will visit Japan on Jan.
    18", "sẽ có chuyến thăm Nhật Bản trong ngày 18/1"): the day it begins, a one-day visit's
    or the first of several, so a plan (inferred) and not the visit's window."""
    return _visit_begins(facts, view, day, destinations, clause[0]) if view.future else []


def _visit_begins(
    facts: ArticleFacts, view: View, day: DateMention, destinations: set[str], since: int
) -> list[Plan]:
    """The start on `day` of the one destination named before it, when the traveller's
    visit word stands between `since` and the day."""
    named = _named_before(view, day, destinations)
    visit = _VISIT.finditer(view.sentence.text, since, day.span[0])
    verb = next((m.start() for m in visit), None)
    if len(named) != 1 or facts.principal is None or verb is None:
        return []
    return [] if someone_else(view, verb, facts) else [Plan(named.pop(), "start", day.start)]


def _named_before(view: View, day: DateMention, destinations: set[str]) -> set[str]:
    """The destinations the sentence names before a day, not in a person's title: the
    place, and the visit, may be in the clause before ("thăm ... Ấn Độ trong một tuần, bắt
    đầu từ ngày 17/2")."""
    return {
        m.place.country_code
        for m in view.places
        if m.span[0] < day.span[0] and not view.in_person(m.span)
    } & destinations


def _ends_on(
    facts: ArticleFacts,
    view: View,
    clause: tuple[int, int],
    day: DateMention,
    destinations: set[str],
) -> list[Plan]:
    """A stay said to last until a day ("chuyến thăm Kenya kéo dài đến ngày 16/11", "the
    Kenya visit runs until Thursday", "Chặng cuối tại Xê-nê-gan dự kiến kết thúc ngày
    23/11", "will stay in China until Thursday"): the planned end of the one destination
    the sentence names before the day."""
    text = view.sentence.text
    # (from a little before the clause: "thêm một ngày, đến ngày 15/8" is cut at the comma)
    if not _UNTIL_DAY.search(text, max(0, clause[0] - _CUE_BEFORE_CLAUSE), day.span[0]):
        return []
    said_of = [m.group(0).lower() for m in _STAY_OR_EVENT.finditer(text, 0, day.span[0])]
    if not said_of or _EVENT_WORD.fullmatch(said_of[-1]):
        return []  # "through the leaders' meeting, which ends on Saturday": the event's end
    named = _named_before(view, day, destinations)
    if not named and len(destinations) == 1 and _VISIT.search(text, 0, day.span[0]):
        named = set(destinations)  # "Chuyến thăm kéo dài đến ngày 13/8": the one visit's
    if len(named) != 1 or facts.principal is None or someone_else(view, day.span[0], facts):
        return []
    return [Plan(named.pop(), "end", day.start)]


#: Right before the day a stay lasts until: "until", "runs until", "ends on", "kéo dài đến
#: ngày", "dự kiến kết thúc ngày", "ở lại đến".
_UNTIL_DAY = re.compile(
    r"(?i)(?:\b(?:until|till|through|ends?\s+on|end\s+on|ending\s+on)|(?<!\w)(?:kéo\s+dài|"
    r"ở\s+lại|lưu\s+lại)\s+(?:đến|tới)(?:\s+hết)?|(?<!\w)đến\s+hết|(?<!\w)kết\s+thúc(?:\s+vào)?|"
    r"(?<!\w)thêm\s+(?:một|hai|ba|\d+)\s+ngày,?\s+(?:đến|tới))"
    r"\s+(?:(?:on|the|ngày)\s+)?$"
)


#: How far before its clause the cue of a stay's end may begin.
_CUE_BEFORE_CLAUSE = 20


#: What a sentence says lasts until a day: the stay ("visit", "stage", "chặng", "ở lại")
#: or an event it attends ("meeting", "hội nghị"), whichever it names last.
_STAY_OR_EVENT = re.compile(
    r"(?i)\b(?:visits?|trips?|tours?|stays?|stages?|legs?|summits?|meetings?|conferences?|"
    r"forums?|sessions?|talks|games)\b|(?<!\w)(?:chuyến|chặng|ở\s+lại|lưu\s+lại|hội\s+nghị|"
    r"hội\s+thảo|diễn\s+đàn|kỳ\s+họp|phiên|cuộc\s+họp)(?!\w)"
)
_EVENT_WORD = re.compile(
    r"(?i)summits?|meetings?|conferences?|forums?|sessions?|talks|games|hội\s+nghị|"
    r"hội\s+thảo|diễn\s+đàn|kỳ\s+họp|phiên|cuộc\s+họp"
)


#: A visit told as such: "visit", "thăm", "trip", "chuyến thăm".
_VISIT = re.compile(r"(?i)\b(?:visits?|trips?|tours?)\b|(?<!\w)(?:thăm|công\s+du)(?!\w)")


def _place_after(view: View, offset: int, end: int, skip: int = 0) -> str | None:
    """The country of the place named within reach after `offset` in the clause (the
    `skip`-th after the first), not in a person's title."""
    found = [
        m.place.country_code
        for m in view.places
        if offset <= m.span[0] < end
        and m.span[0] - offset <= _PLACE_REACH * (skip + 1)
        and not view.in_person(m.span)
    ]
    distinct = list(dict.fromkeys(found))
    return distinct[skip] if len(distinct) > skip else None
