"""Which sentences tell of this trip: not another journey (months back, or someone
else's), not the context of this one, not a meeting attended from afar; and which of their
countries are only compared or named before the traveller is.

Apart because every reader asks these questions before it takes a fact from a sentence.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from calendar_svc.ingest.dates import DateMention
from calendar_svc.ingest.extract.facts import ArticleFacts
from calendar_svc.ingest.extract.views import LIST_GAP, View, first_place_after
from calendar_svc.ingest.lexicon import Lexicon
from calendar_svc.ingest.people import Person, same_in_article


def background(view: View, lex: Lexicon) -> bool:
    """Another journey, or the context of this one: no legs, no movements of this trip;
    nor a meeting attended from afar ("attend the G20 summit virtually", "trực tuyến")."""
    text = view.sentence.text
    return (
        view.history or lex.background.search(text) is not None or _REMOTE.search(text) is not None
    )


#: Taking part without going: "virtually", "by video link", "trực tuyến".
_REMOTE = re.compile(
    r"(?i)\b(?:virtually|by\s+video(?:\s*(?:link|conference))?|via\s+video(?:\s*link)?|"
    r"online|remotely)\b|(?<!\w)(?:trực\s+tuyến|qua\s+cầu\s+truyền\s+hình)(?!\w)"
)


#: How long before publication a past visit's dates must end to be another journey.
_HISTORY = timedelta(days=30)


#: How near publication another sentence's date must be for the article to be about now.
_NOW = timedelta(days=7)


#: A month named alone ("in March", "hồi tháng 3"): (month name or number) as the group.
_MONTH_ALONE = re.compile(
    r"(?i)(?:\b(?:in|last|since|hồi|vào|trong)\s+|(?<!\w)(?=(?:đầu|giữa|cuối)\s+tháng))"
    r"(?P<part>(?:early|mid-?|late|đầu|giữa|cuối)\s*)?"
    r"(?:tháng\s+(?P<num>\d{1,2})(?!\s*/|\s+năm\s+\d)|"
    r"(?P<name>January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?!\s+\d))"
)
#: The last day of the part of a month ("early July", "đầu tháng 7") a visit ended in.
_PART_ENDS = {"early": 10, "đầu": 10, "mid": 20, "mid-": 20, "giữa": 20}


_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def mark_history(views: list[View], lex: Lexicon, published: date, home: str | None = None) -> None:
    """Sentences telling, in the past tense, of a visit whose dates all end months before
    an article that is about the present ("Chinh, who visited Australia and New Zealand in
    March, ..."; "Trước đó, hồi tháng 3, Thủ tướng đã thăm ...")."""
    now = [
        i
        for i, view in enumerate(views)
        if any(abs((d.start - published).days) <= _NOW.days for d in view.dates)
    ]
    # An article on a trip still ahead (every day it names is to come, told as plans): a
    # visit it tells as done is another one ("Giữa tháng 11, Chủ tịch ... vừa dự APEC tại
    # Port Moresby")
    ahead = all(d.start >= published for view in views for d in view.dates) and any(
        view.future and view.dates for view in views
    )
    for view in views:
        done = lex.past_visit.search(view.sentence.text) and not view.future
        if ahead and done and not view.dates:
            view.history = True
    _mark_later_journeys(views, lex, home)
    _mark_dated_later_journeys(views)
    _mark_coarse_later_journeys(views, published)
    _mark_earlier_homecomings(views, lex, published)
    if not now:
        return
    # the first day the article's trip is dated by: a visit told by its month alone that
    # ends before it is another journey ("sau chuyến ... thăm chính thức Bra-xin hồi tháng
    # 9", in a report of an October trip)
    starts = [d.start for i in now for d in views[i].dates if not views[i].history]
    begins = min(starts) if starts else published
    for i, view in enumerate(views):
        # a day range said outright beats the month it is in ("Hồi tháng 7, ... ngày 8-9/7"),
        # and dates a past stay whatever its verb ("held talks with B in Moscow on July 8-9")
        ends = [d.end for d in view.dates] + view.far_ends
        told = lex.past_visit.search(view.sentence.text) or _when_past(view, published)
        if not (ends or told):
            continue
        coarse = not ends
        ends = ends or _month_ends(view.sentence.text, published)
        ends += _dated_by_month_or_year(view.sentence.text)
        ends += _relative_past(view.sentence.text, published)
        before = begins - timedelta(days=1) if coarse else published - _HISTORY
        if ends and all(end < before for end in ends) and any(j != i for j in now):
            view.history = True


#: How long after the lead's last day a sentence's days may begin and still be this trip's.
_LATER_JOURNEY = timedelta(days=10)


def _when_past(view: View, published: date) -> bool:
    """Whether a sentence not about the future is dated by a month ("In July he stopped in
    Cape Verde", "Đầu tháng 12/2023, Thủ tướng có mặt tại Dubai"): `mark_history` then
    weighs it like a past visit, whatever its verb. "since March" dates nothing."""
    if view.future:
        return False
    text = view.sentence.text
    named = [m for m in (*_MONTH_ALONE.finditer(text), *_MONTH_YEAR.finditer(text))]
    return any(not _SINCE.search(text, max(0, m.start() - 12), m.start() + 1) for m in named)


#: "since", "kể từ": a period that runs to now.
_SINCE = re.compile(r"(?i)\bsince\b|(?<!\w)(?:kể\s+)?từ(?!\w)")


def _mark_dated_later_journeys(views: list[View]) -> None:
    """A sentence whose days all begin weeks after the days the article opens with tells
    of the next journey ("will fly to Europe on Saturday for five days ... The White House
    said last week he would travel to Israel and Saudi Arabia from July 13 to 16"). The
    days it opens with are the trip's, not the day it was said on."""
    days = [[d for d in v.dates if not _told_on(v.sentence.text, d)] for v in views]
    lead = next((i for i, v in enumerate(views) if v.travel and not v.history and days[i]), None)
    if lead is None:
        return
    last = max(d.end for d in days[lead])
    for i, view in enumerate(views):
        if i != lead and view.travel and days[i]:
            view.history |= all(d.start > last + _LATER_JOURNEY for d in days[i])


def _mark_coarse_later_journeys(views: list[View], published: date) -> None:
    """A plan told by a month or "next month" that begins well after the days the article
    opens with is the next journey ("The Japan trip will be followed by a visit to
    Washington next month", "He is also due in Portugal in April", "Tháng 11 tới, ... dự
    kiến tới Bra-xin"). The opening days are the lead's dates, else its own coarse time
    (an announcement of a trip "next month" keeps its later sentences on that month)."""
    lead = next((i for i, v in enumerate(views) if v.travel and not v.history), None)
    if lead is None:
        return
    told = [d for d in views[lead].dates if not _told_on(views[lead].sentence.text, d)]
    if told:
        last = max(d.end for d in told)
    else:
        periods = _coarse_ahead(views[lead].sentence.text, published)
        last = max((end for _, end in periods), default=published)
    for view in views:
        if not view.future or view.dates:
            continue
        periods = _coarse_ahead(view.sentence.text, published)
        if periods and all(start > last + _LATER_JOURNEY for start, _ in periods):
            view.history = True


#: A time to come named coarsely: "next month", "in the coming weeks", "tháng tới", "in
#: April", "in late April", "cuối tháng 4 tới".
_NEXT_MONTH = re.compile(r"(?i)\bnext\s+month\b|(?<!\w)tháng\s+(?:tới|sau)(?!\w)")
_COMING_WEEKS = re.compile(
    r"(?i)\bin\s+the\s+coming\s+(?:weeks|months)\b|"
    r"(?<!\w)trong\s+(?:những|vài|các)\s+(?:tuần|tháng)\s+tới(?!\w)"
)
_MONTH_AHEAD = re.compile(
    r"(?i)\bin\s+(?P<part>early\s+|mid-?\s*|late\s+)?(?P<name>January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\b(?!\s+\d)|"
    r"(?<!\w)(?P<vpart>đầu\s+|giữa\s+|cuối\s+)?tháng\s+(?P<num>\d{1,2})\s+tới(?!\w)"
)
_PART_STARTS = {"early": 1, "đầu": 1, "mid": 11, "mid-": 11, "giữa": 11, "late": 21, "cuối": 21}


def _coarse_ahead(text: str, published: date) -> list[tuple[date, date]]:
    """The periods to come that `text` names coarsely, as (first day, last day)."""
    out = []
    after = published.replace(day=1) + timedelta(days=32)
    next_month = after.replace(day=1)
    if _NEXT_MONTH.search(text):
        out.append((next_month, (next_month + timedelta(days=32)).replace(day=1) - timedelta(1)))
    if _COMING_WEEKS.search(text):
        out.append((published + timedelta(days=14), published + timedelta(days=90)))
    for m in _MONTH_AHEAD.finditer(text):
        month = _MONTHS.index(m["name"].lower()) + 1 if m["name"] else int(m["num"])
        if not 1 <= month <= 12 or month == published.month:
            continue  # this month: too near to tell
        year = published.year + (month < published.month)
        part = (m["part"] or m["vpart"] or "").strip().lower()
        first = date(year, month, _PART_STARTS.get(part, 1))
        out.append((first, date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)))
    return out


def _mark_earlier_homecomings(views: list[View], lex: Lexicon, published: date) -> None:
    """In the announcement of a trip still to begin, a homecoming told later and dated
    before its days ends an earlier journey ("Nhà lãnh đạo này vừa trở về nước hôm 28/6
    sau chuyến công du Bồ Đào Nha, Mỹ và Hà Lan", of a trip from July 4): its countries
    are not this trip's. (A report's own homecoming may be told in any words.)"""
    days = [[d for d in v.dates if not _told_on(v.sentence.text, d)] for v in views]
    back = [lex.returned.search(v.sentence.text) is not None for v in views]
    leads = (i for i, v in enumerate(views) if v.travel and not v.history and days[i])
    lead = next((i for i in leads if not back[i]), None)  # a homecoming leads no trip
    if lead is None or min(d.start for d in days[lead]) < published:
        return
    first = min(d.start for d in days[lead])
    for i, view in enumerate(views):
        if i != lead and days[i] and back[i] and not view.future:
            view.history |= all(d.end < first for d in days[i])


def _told_on(text: str, day: DateMention) -> bool:
    """A day the news was said on, not one of a trip ("the White House said on Friday")."""
    return _SAID_ON.search(text[: day.span[0]]) is not None


#: A saying before a date: "said on Friday", "cho biết ngày".
_SAID_ON = re.compile(
    r"(?i)\b(?:said|says|announced|confirmed|told\s+\w+)\s+(?:on\s+)?$|"
    r"(?<!\w)(?:cho\s+biết|thông\s+báo|công\s+bố)\s+(?:ngày\s+|hôm\s+)?$"
)


def _mark_later_journeys(views: list[View], lex: Lexicon, home: str | None) -> None:
    """Once an article has brought the traveller home, a plan is the next journey, not a
    leg of this one ("Tuần tới, ông Yoon dự kiến sang New York dự Đại hội đồng Liên hợp
    quốc", "He leaves on Tuesday for a three-day visit to Japan"). Landing at home ("hạ
    cánh xuống căn cứ không quân Seoul") brings them home too."""
    back = False
    for view in views:
        text = view.sentence.text
        if back and view.future:
            view.history = True
        if _AFTER_HOMECOMING.search(text) and lex.future.search(text):
            view.history = True  # "Sau khi về nước, ông dự kiến thăm Nhật Bản vào tuần tới"
        if view.future:
            continue
        landed = lex.arrival.search(text)
        there = first_place_after(view, landed.end()) if landed is not None else None
        at_home = there is not None and there.place.country_code == home
        if lex.returned.search(text) or at_home:
            back = True


#: A plan told as coming after the homecoming: "after returning home", "sau khi về nước".
_AFTER_HOMECOMING = re.compile(
    r"(?i)\bafter\s+(?:returning|(?:he|she)\s+returns|(?:his|her)\s+return)\s+home\b|"
    r"(?<!\w)sau\s+khi\s+(?:trở\s+)?về\s+nước(?!\w)"
)


#: A month with its year ("in September 2023", "tháng 9/2023", "tháng 9 năm 2023") or a
#: year alone ("in 2019", "năm 2019"): when another visit took place.
_MONTH_YEAR = re.compile(
    r"(?i)\b(?P<name>January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+(?P<year>(?:19|20)\d\d)\b|"
    r"(?<!\w)tháng\s+(?P<num>\d{1,2})(?:\s*/\s*|\s+năm\s+)(?P<vyear>(?:19|20)\d\d)\b"
)
_EARLY_BEFORE = re.compile(r"(?i)(?:\bearly\s*$|(?<!\w)đầu\s*$)")
#: ("since 2016" starts a period that runs to now: no date of a past visit.)
_YEAR_ALONE = re.compile(r"(?i)(?:\bin|(?<!\w)(?:năm|hồi))\s+(?P<year>(?:19|20)\d\d)\b")


def _dated_by_month_or_year(text: str) -> list[date]:
    """Last days of the months named with their year, and of the years named alone, in
    `text` ("following his official visit ... in September 2023": over by October)."""
    ends = []
    for m in _MONTH_YEAR.finditer(text):
        month = _MONTHS.index(m["name"].lower()) + 1 if m["name"] else int(m["num"])
        year = int(m["year"] or m["vyear"])
        if 1 <= month <= 12:
            ends.append(date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
    for m in _YEAR_ALONE.finditer(text):
        early = _EARLY_BEFORE.search(text, max(0, m.start() - 20), m.start())
        # "trong những tháng đầu năm 2023", "early 2023": over by the spring
        ends.append(date(int(m["year"]), 3 if early else 12, 31))
    return ends  # one still ahead keeps the sentence about now (`mark_history` needs all past)


#: A time told relative to publication ("last year", "earlier this year", "năm ngoái",
#: "hồi đầu năm"): when another visit took place.
_LAST_YEAR = re.compile(
    r"(?i)\blast\s+year\b|(?<!\w)năm\s+(?:ngoái|trước|rồi)(?!\w)|(?<!\w)hồi\s+năm\s+ngoái(?!\w)"
)
_LAST_MONTH = re.compile(r"(?i)\blast\s+month\b|(?<!\w)(?:hồi\s+)?tháng\s+trước(?!\w)")
_EARLY_THIS_YEAR = re.compile(
    r"(?i)\b(?:earlier\s+this\s+year|early\s+this\s+year|at\s+the\s+start\s+of\s+the\s+year)\b|"
    r"(?<!\w)(?:hồi\s+)?đầu\s+năm(?:\s+nay)?(?!\w)"
)


def _relative_past(text: str, published: date) -> list[date]:
    """Last days of the periods that "last year" and "earlier this year" name."""
    ends = []
    if _LAST_YEAR.search(text):
        ends.append(date(published.year - 1, 12, 31))
    if _LAST_MONTH.search(text):
        ends.append(published.replace(day=1) - timedelta(days=1))
    if _EARLY_THIS_YEAR.search(text):
        ends.append(date(published.year, 3, 31))
    return ends


def _month_ends(text: str, published: date) -> list[date]:
    """Last days of the months named alone in `text` (or of their early or middle part),
    in the year the sentence names, else the year before publication."""
    ends = []
    named = _YEAR_ALONE.search(text)  # "Riêng trong năm 2023, ... hồi tháng 4"
    for m in _MONTH_ALONE.finditer(text):
        month = int(m["num"]) if m["num"] else _MONTHS.index(m["name"].lower()) + 1
        if not 1 <= month <= 12:
            continue
        year = published.year if month <= published.month else published.year - 1
        if named is not None:
            year = int(named["year"])
        part = _PART_ENDS.get((m["part"] or "").strip().lower())
        first_of_next = date(year + month // 12, month % 12 + 1, 1)
        ends.append(date(year, month, part) if part else first_of_next - timedelta(days=1))
    return ends


def others_journey(view: View, lex: Lexicon, facts: ArticleFacts, noun: int | None = None) -> bool:
    """Whether the sentence's journey is another named person's: the subject of its first
    travel, arrival or departure verb (else of the travel noun at `noun`: "Zelenskyy said
    he was calling off his foreign trips") is someone other than the traveller."""
    verb = _first_verb(view, lex)
    at = verb if verb is not None else noun
    return at is not None and someone_else(view, at, facts)


def others_journeys(views: list[View], lex: Lexicon, facts: ArticleFacts) -> list[bool]:
    """`others_journey` for each sentence, where "he" / "ông" opening a clause goes on
    with the one whose journey the sentence before told ("Chủ tịch Tập Cận Bình tới Bali
    chiều 14/11. Theo Bộ Ngoại giao Trung Quốc, ông dự G20 ..., sau đó thăm Thái Lan")."""
    out: list[bool] = []
    before = False  # the last journey told was someone else's
    for view in views:
        verb = _first_verb(view, lex)
        if verb is None:
            out.append(False)
            continue
        theirs = not _owned_trip_before(view, verb, facts) and (
            someone_else(view, verb, facts) or (before and _pronoun_subject(view, verb))
        )
        out.append(theirs)
        before = theirs
    return out


def _owned_trip_before(view: View, verb: int, facts: ArticleFacts) -> bool:
    """Whether, before the verb, the sentence names a journey of the traveller's ("Chuyến
    thăm Triều Tiên từ ngày 18-20/9 của Tổng thống Moon ..."): the sentence is theirs,
    whoever moves later in it."""
    if facts.principal is None:
        return False
    text = view.sentence.text
    mine = facts.principal.value.name
    for trip in _TRIP_OF.finditer(text, 0, verb):
        owner = next((p for p in view.people if p.span[0] >= trip.end() - 1), None)
        if owner is not None and owner.span[0] < verb and same_in_article(owner.name, mine):
            return trip.end() - 1 <= owner.span[0] <= trip.end() + 20
    return False


#: A journey named as someone's: "chuyến thăm ... của", up to where the owner is named.
_TRIP_OF = re.compile(r"(?i)(?<!\w)chuyến\s+(?:thăm|công\s+du)\b[^,;.]{0,80}?\bcủa\s")


def _first_verb(view: View, lex: Lexicon) -> int | None:
    text = view.sentence.text
    verbs = [m.start() for p in (lex.arrival, lex.departure) if (m := p.search(text))]
    verbs += [m.start() for m in lex.travel.finditer(text) if m.group(0).lower() not in _NOUNS]
    return min(verbs) if verbs else None


#: A clause whose subject is a bare pronoun: "He will then ...", ", ông dự ...".
_PRONOUN_SUBJECT = re.compile(
    r"(?i)(?:^|[,;])\s*(?:(?:then|later|also|sau\s+đó)\s*,?\s*)?(?:he|she|ông|bà)\s"
)


def _pronoun_subject(view: View, verb: int) -> bool:
    """Whether a clause before the verb opens on "he" / "ông", no one being named."""
    if any(p.span[0] < verb for p in view.people):
        return False
    return _PRONOUN_SUBJECT.search(view.sentence.text, 0, verb) is not None


def said_clauses(view: View, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of what is said or argued, to the end of the sentence, when no travel verb
    of its own is in it ("with a pledge that the United States would stay engaged rather
    than cede ground to China, Russia or Iran"): its countries are what the words are
    about, not where anyone goes."""
    text = view.sentence.text
    out = []
    for said in _SAYS_THAT.finditer(text):
        rest = text[said.end() :]
        moves = (lex.travel, lex.arrival, lex.departure, lex.returned)
        if not any(p.search(rest) for p in moves):
            out.append((said.end(), len(text)))
    return out


#: A verb or noun of saying followed by what is said: "said that", "a pledge that",
#: "warned that", "cho rằng", "khẳng định".
_SAYS_THAT = re.compile(
    r"(?i)\b(?:said|says|saying|told\s+\w+|warned|argued|stressed|insisted|added|noted|"
    r"explained|believes?|declared|reiterated|acknowledged|"
    r"pledge|pledged|promise|promised|vowed)\s+(?:to\s+(?:\w+\s+){1,2})?that\b|\bannounced\b|"
    r"(?<!\w)(?:rằng|tuyên\s+bố|cam\s+kết)(?!\w)"
)


def others_clauses(view: View, lex: Lexicon, facts: ArticleFacts) -> list[tuple[int, int]]:
    """Spans from a movement verb whose subject is someone else to the end of its clause
    ("..., some hours after Trump's Air Force One left for Washington"): the places named
    there are that person's, not the traveller's."""
    text = view.sentence.text
    out: list[tuple[int, int]] = []
    for pattern in (lex.arrival, lex.departure, lex.travel, lex.returned):
        for m in pattern.finditer(text):
            if m.group(0).lower() in _NOUNS:
                # "as B made an unannounced trip to Kyiv": the noun is B's, by its verb
                made = _MADE.search(text, 0, m.start())
                if made is None or not someone_else(view, made.start(), facts):
                    continue
            elif not someone_else(view, m.start(), facts):
                continue
            stop = _CLAUSE_END.search(text, m.end())
            out.append((m.start(), stop.start() if stop else len(text)))
    return out


#: Where a clause ends: a semicolon, a full stop, or a new clause with its own subject.
_CLAUSE_END = re.compile(r"[;.]|,\s*(?:while|but|and|as)\b|\s(?:while|whereas)\b")


#: A verb that makes a travel noun its subject's journey: "made an unannounced trip",
#: "is on a state visit", "có chuyến thăm".
_MADE = re.compile(
    r"(?i)(?:\b(?:made|makes|making|paid|pays|paying|began|begins|is\s+on|was\s+on)\s+"
    r"(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}|(?<!\w)có\s+(?:\w+\s+){0,2})$"
)


#: Travel cues that are nouns ("on the second day of a state visit"): no one's verb.
_NOUNS = frozenset({"visit", "visits", "trip", "trips", "tour", "chuyến thăm", "chuyến công tác"})


#: "and" before a second verb of the same subject ("Trump left Quebec on Saturday and is
#: expected to land in Singapore"): no new subject comes in. Only for a subject that heads
#: its clause: in "A met B and then flew to Tokyo" the one who flies is A.
_COORDINATED = re.compile(
    r"\band\s+(?=(?:is|was|are|were|will|would|has|had|then|later|also|is\s+due|"
    r"is\s+expected)\b)"
)


#: "and" right before the verb joins a second verb to the clause's subject: "Tổng thống B
#: sẽ tiếp tục các cuộc gặp ... và thăm Lầu Năm Góc trước khi trở về Manila".
_AND_THEN = re.compile(r"(?i)\b(?:and|và)\s*$")


#: Right before a person, words that make them no subject: "Harris sẽ thay ông Biden dự
#: APEC", "standing in for President B", "on behalf of B".
_STANDS_FOR = re.compile(
    r"(?i)(?:\b(?:in\s+place\s+of|instead\s+of|on\s+behalf\s+of|standing\s+in\s+for|"
    r"stands\s+in\s+for|representing)|(?<!\w)(?:thay\s+mặt|thay(?!\s+đổi)|thay\s+cho))\s+$"
)


#: What may come before a clause's subject: capitalised words and "the" ("The U.S.").
_HEADS_CLAUSE = re.compile(r"[\s\W]*(?:(?:the|[^\W\d_a-zà-ỹ][\w.'’-]*)[\s\W]*)*")


#: A relative clause set off by commas: an aside about someone, not the main clause.
_ASIDE = re.compile(r",\s*(?:who|(?-i:người))\s[^,;]*,")
#: Between a subject and its verb, a companion joined on: "và Đoàn đại biểu cấp cao ...
#: cũng", "and his delegation".
_JOINED = re.compile(r"(?i)\s*(?:and|và|cùng)\s+[^,;.]{0,80}?\s*")


_PRONOUN = re.compile(r"(?i)\b(?:he|she|his|her)\b|(?<!\w)(?:ông|bà)(?!\w)(?!\s+[A-ZĐ])")


def _names_traveller(people: list[Person], text: str, verb: int, facts: ArticleFacts) -> bool:
    """Whether the clause before the verb names the traveller (or "he"/"ông")."""
    assert facts.principal is not None
    start = max(text.rfind(",", 0, verb), text.rfind(";", 0, verb)) + 1
    mine = facts.principal.value.name
    if any(p.span[1] > start and same_in_article(p.name, mine) for p in people):
        return True
    return _PRONOUN.search(text, start, verb) is not None  # not titles ("Thủ tướng A")


def someone_else(view: View, verb: int, facts: ArticleFacts) -> bool:
    """Whether the subject of a movement verb at `verb` is a named person other than the
    traveller: the last person named before it in the same clause, with nothing but an
    aside (", vừa tuyên thệ nhậm chức sáng 23/5,") between."""
    if facts.principal is None:
        return False
    text = view.sentence.text
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text) if m.end() <= verb]
    before = [
        p
        for p in view.people
        if p.span[1] <= verb
        and p.is_named
        and not _STANDS_FOR.search(text, 0, p.span[0])
        # "Biden, người ngồi cạnh ông Yoon tại tiệc chiêu đãi, đã ... tới Hà Nội"
        and not any(a <= p.span[0] < b for a, b in asides)
    ]
    if not before:
        return False
    subject = before[-1]
    gap = view.sentence.text[subject.span[1] : verb]
    if _WITH_BEFORE.search(text, 0, subject.span[0]) and not _RELATIVE.search(gap):
        return False  # "hội đàm với Thủ tướng B trong khuôn khổ chuyến thăm": B is met
    reach = 120
    heads = _HEADS_CLAUSE.fullmatch(re.split(r"[,;]", text[: subject.span[0]])[-1]) is not None
    if heads:
        # the clause's subject, not some verb's object: its later verbs are its own
        # ("Harris will make her own trip ..., standing in for ... before going on to")
        gap, reach = _AND_THEN.sub(" ", _COORDINATED.sub(" ", gap)), 240
    if heads and _JOINED.fullmatch(gap) and not _names_traveller(before, text, verb, facts):
        return True  # "Thủ tướng A và Đoàn đại biểu ... cũng đã tới Viêng Chăn"
    if len(gap) > reach or re.search(r"[;:]|\b(?:and|và|while|(?<!sau )(?<!trước )khi)\b", gap):
        return False
    if len(before) > 1 and same_in_article(before[-2].name, facts.principal.value.name):
        # "Vua Charles III và Hoàng hậu Camilla đã hạ cánh": the traveller and a companion
        joined = view.sentence.text[before[-2].span[1] : subject.span[0]]
        if re.fullmatch(r"(?i)\s*(?:and|và|cùng|with)\s*", joined):
            return False
    return not same_in_article(subject.name, facts.principal.value.name)


#: Right before a person: the one met, not a subject ("talks with B", "hội đàm với B").
_WITH_BEFORE = re.compile(r"(?i)(?:\bwith|(?<!\w)với)\s+$")
#: A relative clause that makes the one met the subject after all ("with B, who flew in").
_RELATIVE = re.compile(r"(?i)\bwho\b|(?<!\w)người\s+(?:đang|đã|sẽ|vừa|từng)\b")


#: Words that refer back to the traveller ("he", "ông", "the President").
_REFERS_BACK = re.compile(
    r"(?i)\b(?:he|she|they|his|her)\b|(?<!\w)(?:ông|bà|Thủ tướng|Tổng thống|Chủ tịch|"
    r"Tổng Bí thư|đoàn)(?!\w)|\bthe\s+(?:president|prime\s+minister|premier|king|queen|"
    r"chancellor|leader|delegation)\b"
)


def traveller_before(view: View, at: int, facts: ArticleFacts) -> bool:
    """Whether the traveller (by name or a word that refers back) is named before `at`."""
    text = view.sentence.text[:at]
    if facts.principal is not None and any(
        p.span[1] <= at and same_in_article(p.name, facts.principal.value.name) for p in view.people
    ):
        return True
    if facts.principal is not None and _short_form_in(facts.principal.value.name, text):
        return True  # "Petrov is in Japan on an official visit"
    return _REFERS_BACK.search(text) is not None


def _short_form_in(name: str, text: str) -> bool:
    """Whether `text` names the traveller by one word of their name ("Petrov", "Lâm")."""
    words = name.split()
    if len(words) < 2:
        return False
    forms = "|".join(re.escape(w) for w in {words[0], words[-1]} if len(w) > 1)
    return bool(forms) and re.search(rf"(?<![^\W_])(?:{forms})(?![^\W_])", text) is not None


def visited_by_others(view: View, facts: ArticleFacts) -> set[int]:
    """Where the places another named person visited start ("after a visit to Taipei by
    U.S. House Speaker Nancy Pelosi"); "a state visit to Vietnam by King B" stays B's."""
    if facts.principal is None:
        return set()
    text, mine = view.sentence.text, facts.principal.value.name
    out: set[int] = set()
    for place in view.places:
        by = _BY.match(text, place.span[1])
        if by is None or not _VISIT_TO.search(text, max(0, place.span[0] - 20), place.span[0]):
            continue
        who = next((p for p in view.people if by.end() <= p.span[1] <= by.end() + 60), None)
        if who is not None and not same_in_article(who.name, mine):
            # the place, and those in the visitor's description ("by U.S. House Speaker B")
            out.add(place.span[0])
            out.update(p.span[0] for p in view.places if by.end() <= p.span[0] < who.span[1])
    for owned in _THEIR_VISIT_TO.finditer(text):
        # "after Russian President Vladimir Putin's visit to Pyongyang on June 19"
        if not same_in_article(owned["who"], mine):
            out.update(p.span[0] for p in view.places if p.span[0] == owned.end())
    return out


#: "<Name>'s visit to <place>": a visit its owner made.
_THEIR_VISIT_TO = re.compile(
    r"(?P<who>[A-ZĐÀ-Ỹ][\w-]+)['’]s\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|journey)\s+to\s+(?:the\s+)?"
)


#: "a visit to <place> by <someone>".
_VISIT_TO = re.compile(r"(?i)\b(?:visit|trip|journey)\s+to\s+(?:the\s+)?$")
_BY = re.compile(r"\s+(?:(?:last|this)\s+\w+\s+)?by\s+")


def compared_countries(view: View, lex: Lexicon) -> set[str]:
    """Countries listed for comparison ("raise ties to its highest tier, alongside China
    and Russia"): not places the traveller goes."""
    found: set[str] = set()
    text = view.sentence.text
    for hit in lex.compared.finditer(text):
        last_end = hit.end()
        for mention in view.places:
            if mention.span[0] < last_end:
                continue
            if not LIST_GAP.match(text[last_end : mention.span[0]]):
                break
            found.add(mention.place.country_code)
            last_end = mention.span[1]
    return found
