"""Which sentences tell of another journey by their time: a visit dated months back or by an
earlier month, the traveller's record, a plan for a later month, a homecoming before an
announced trip, and where the one announcing a journey spoke before it. `mark_history`
sets `View.history` on them (and calls `extract.next_journey` for the journeys told by
their course: a plan after the homecoming), so that no reader takes a leg, a date or a
movement of this trip from them.

Apart from `extract.classify` (whose journey a sentence tells) because the time of a
sentence against the article's lead is one concern, with its own calendar arithmetic.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from calendar_svc.ingest.dates import DateMention
from calendar_svc.ingest.extract.next_journey import (
    mark_later_journeys,
    mark_next_journey_paragraphs,
)
from calendar_svc.ingest.extract.views import View
from calendar_svc.ingest.lexicon import Lexicon

#: How long before publication a past visit's dates must end to be another journey.
_HISTORY = timedelta(days=30)


#: How near publication another sentence's date must be for the article to be about now.
_NOW = timedelta(days=7)


#: A month named alone ("in March", "hồi tháng 3"): (month name or number) as the group.
_MONTH_ALONE = re.compile(
    r"(?i)(?:\b(?:in|last|since|hồi|vào|trong)\s+|(?<!\w)(?=(?:đầu|giữa|cuối)\s+tháng)|"
    # a month opening a clause: "Tháng 5 vừa qua, tại Xô-chi, ông ...; tháng 9, ông tới ..."
    r"(?:^|(?<=[;,]\s))(?=tháng\s+\d{1,2}(?:\s+vừa\s+qua)?\s*,)|"
    # a month naming a journey: "Modi's July visit to Moscow", "his March trip"
    r"(?:['’]s|\b(?:his|her|their))\s+(?=[A-Z][a-z]+\s+(?:visit|trip|tour|journey|summit)\b))"
    r"(?P<part>(?:early|mid-?|late|đầu|giữa|cuối)\s*)?"
    r"(?:tháng\s+(?P<num>\d{1,2})(?!\d)(?!\s*/|\s+năm\s+\d)|"
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
    announced = _announced(views, published)
    for view in views:
        done = lex.past_visit.search(view.sentence.text) and not view.future
        if ahead and done and not view.dates:
            view.history = True
        if (
            announced
            and done
            and view.dates
            and all(d.end < published for d in view.dates)
            # "Ông tới Hạ Môn hôm 3/9" before "sẽ thăm Việt Nam từ ngày 6": there already;
            # "... on Saturday and Sunday before flying on to Uzbekistan": a tour's leg
            and not lex.arrival.search(view.sentence.text)
            and not lex.onward.search(view.sentence.text)
        ):
            view.history = True
        if ahead and not view.future and not view.dates and _SPOKE_AT.search(view.sentence.text):
            view.history = True  # "Speaking after an EU summit in Brussels, he said the trip ..."
    mark_later_journeys(views, lex, home)
    mark_next_journey_paragraphs(views)
    days = [[d for d in v.dates if not told_on(v.sentence.text, d)] for v in views]
    _mark_dated_later_journeys(views, days, lex, published)
    _mark_coarse_later_journeys(views, days, published, lex)
    _mark_earlier_homecomings(views, days, lex, published)
    if now:
        _mark_dated_history(views, lex, published, now)
    # after the stays dated months back are marked: their days are not this trip's first
    _mark_separate_stays(views, days, lex)


def _announced(views: list[View], published: date) -> bool:
    """Whether the lead announces a trip still to come ("Putin to pay state visit to
    China"): a visit then told as made days before the article was written is an earlier
    journey ("On Tuesday he made a one-day working visit to Vienna"). Not a tour's last
    stop ("will arrive in Moscow on Thursday, the last leg of his tour"): its earlier legs
    are done. The day it was written on (a dateline, "said on Monday") dates no trip."""

    def trip_days(view: View) -> list[DateMention]:
        text = view.sentence.text
        return [d for d in view.dates if not told_on(text, d) and not d.start == d.end == published]

    lead = next((v for v in views if trip_days(v)), None)
    return (
        lead is not None
        and lead.future
        and all(d.start > published for d in trip_days(lead))
        and _A_LEG.search(lead.sentence.text) is None
    )


#: The lead calls the trip ahead one stop of a tour under way.
_A_LEG = re.compile(r"(?i)\b(?:leg|stop|stage)\s+of\b|(?<!\w)chặng(?!\w)")


def _mark_dated_history(views: list[View], lex: Lexicon, published: date, now: list[int]) -> None:
    """A visit dated (by days, a month or a year) to end well before the trip the article
    is about, which `now` (the sentences dated near publication) shows is current."""
    # the first day the article's trip is dated by: a visit told by its month alone that
    # ends before it is another journey ("sau chuyến ... thăm chính thức Bra-xin hồi tháng
    # 9", in a report of an October trip)
    starts = [d.start for i in now for d in views[i].dates if not views[i].history]
    begins = min(starts) if starts else published
    for i, view in enumerate(views):
        # "A year earlier, he combined the forum with visits to Hungary and Romania, also
        # returning to Hanoi on Jan. 23": days without a year there are last year's
        back = _LAST_YEAR.match(view.sentence.text)  # opening the sentence: "A year earlier,"
        if (
            back is not None
            # no days needed: "Năm ngoái, ông A đã dự Hội nghị G20 tại Niu Đê-li vào tháng 9"
            and any(j != i for j in now)
            and all(d.year_inferred and d.span[0] > back.end() for d in view.dates)
        ):
            view.history = True
            continue
        # a day range said outright beats the month it is in ("Hồi tháng 7, ... ngày 8-9/7"),
        # and dates a past stay whatever its verb ("held talks with B in Moscow on July 8-9")
        ends = [d.end for d in view.dates] + view.far_ends
        told = lex.past_visit.search(view.sentence.text) or _when_past(view, published)
        if not (ends or told):
            continue
        coarse = not ends
        ends = ends or _month_ends(view.sentence.text, published)
        this_year = date(published.year, 12, 31)
        ends += [
            end
            for end in _dated_by_month_or_year(view.sentence.text)
            # "chuyến thăm thứ hai trong năm 2017 ..., sau chuyến thăm Trung Quốc hồi tháng
            # 1": this year is the one the month named alone is in, not a later time
            if not (coarse and ends and end == this_year)
        ]
        ends += _relative_past(view.sentence.text, published)
        before = begins - timedelta(days=1) if coarse else published - _HISTORY
        if ends and all(end < before for end in ends) and any(j != i for j in now):
            view.history = True


#: Where the one announcing a journey spoke, before it: "Speaking to reporters after a
#: two-day summit of EU leaders in Brussels, ...", "Phát biểu bên lề Hội nghị ... tại ...".
_SPOKE_AT = re.compile(
    r"(?i)^speaking\s+(?:to\s+(?:[\w-]+\s+){1,3}?)?(?:after|at|following|on\s+the\s+sidelines\s+of)\b|"
    r"^phát\s+biểu\s+(?:với\s+(?:báo\s+chí|phóng\s+viên)\s+)?(?:sau|tại|bên\s+lề)(?!\w)"
)


#: How long after the lead's last day (or a move told beside a range) a sentence's days may
#: begin and still be this trip's.
LATER_JOURNEY = timedelta(days=10)


def _when_past(view: View, published: date) -> bool:
    """Whether a sentence not about the future is dated by a month or by one before now
    ("In July he stopped in Cape Verde", "Đầu tháng 12/2023, Thủ tướng có mặt tại Dubai",
    "Tháng trước, Thủ tướng dự Hội nghị ... tại Phnôm Pênh"): `mark_history` then
    weighs it like a past visit, whatever its verb. "since March" dates nothing."""
    if view.future:
        return False
    text = view.sentence.text
    named = [
        m
        for m in (
            *_MONTH_ALONE.finditer(text),
            *_MONTH_YEAR.finditer(text),
            *_YEAR_ALONE.finditer(text),
        )
    ]
    if any(not _SINCE.search(text, max(0, m.start() - 12), m.start() + 1) for m in named):
        return True
    # "Tháng trước, Thủ tướng vừa dẫn đầu đoàn ... tại Phnôm Pênh", "last year he ..."
    return any(rx.search(text) for rx in (_LAST_WEEK, _LAST_MONTH, _LAST_YEAR, _EARLY_THIS_YEAR))


#: "since", "kể từ": a period that runs to now.
_SINCE = re.compile(r"(?i)\bsince\b|(?<!\w)(?:kể\s+)?từ(?!\w)")


def _mark_dated_later_journeys(
    views: list[View], days: list[list[DateMention]], lex: Lexicon, published: date
) -> None:
    """A sentence whose days all begin weeks after the days the article opens with tells
    of the next journey ("will fly to Europe on Saturday for five days ... The White House
    said last week he would travel to Israel and Saudi Arabia from July 13 to 16"). The
    days it opens with are the trip's, not the day it was said on (`days`: each sentence's
    days but those it was said on)."""
    lead = next((i for i, v in enumerate(views) if v.travel and not v.history and days[i]), None)
    if lead is None:
        return
    first, last = min(d.start for d in days[lead]), max(d.end for d in days[lead])
    # an announcement's trip is weeks ahead: a plan dated between now and then is another
    # journey still to come ("is also due to visit Malta on April 2-3", in March, of a
    # trip to Congo in July); what happened by now is news of this one ("On Tuesday the
    # host called off the visit")
    sooner = first - _EARLIER_PLAN if views[lead].future and first > published else None
    # a lead that gives a range gives a stay's last day: a leg of the same journey follows
    # within days ("thăm Mỹ từ 22-26/10 ... sẽ thăm Trung Quốc từ 4-7/11" is the next one)
    ranged = any(d.start < d.end for d in days[lead])
    margin = _AFTER_A_RANGE if ranged else LATER_JOURNEY
    for i, view in enumerate(views):
        # a plan's days, not the day it was made public ("Cũng trong ngày 22/10, Văn phòng
        # Thủ tướng thông báo ông sẽ thăm Trung Quốc từ ngày 4-7/11")
        told = [d for d in days[i] if not (view.future and d.end <= last)]
        # "On Saturday he will fly on to Siem Reap": an onward leg, days away or not
        gap = LATER_JOURNEY if lex.onward.search(view.sentence.text) else margin
        if i != lead and view.travel and told:
            view.history |= all(d.start > last + gap for d in told)
        if i != lead and view.travel and days[i] and sooner is not None:
            view.history |= all(published < d.start and d.end < sooner for d in days[i])
            # "He returned on Tuesday from a state visit to Japan", a week before the trip
            # announced: the journey just ended, not this one
            view.history |= _BACK_FROM.search(view.sentence.text) is not None and all(
                d.end <= published for d in days[i]
            )


#: Back from a journey: "returned on Tuesday from a visit to Japan", "vừa trở về sau chuyến
#: thăm Nhật Bản", "trở về từ Nhật Bản".
_BACK_FROM = re.compile(
    r"(?i)\b(?:returned|came\s+back|got\s+back|flew\s+back|arrived\s+back)\b[^.;]{0,40}?\bfrom\b|"
    r"(?<!\w)(?:vừa\s+)?(?:trở\s+về|về\s+nước|về\s+tới\s+\w+)\s+(?:sau|từ)(?!\w)"
)
#: How long before the days an announcement's lead gives a plan's days must end to be
#: another journey's (a leg told before the lead is days before it, not weeks).
_EARLIER_PLAN = timedelta(days=14)


#: How long after the range the lead gives a sentence's days may begin and still be this
#: journey's (legs follow each other day by day; a night or two between is a long way).
_AFTER_A_RANGE = timedelta(days=3)


def _mark_coarse_later_journeys(
    views: list[View], days: list[list[DateMention]], published: date, lex: Lexicon
) -> None:
    """A plan told by a month or "next month" that begins well after the days the article
    opens with is the next journey ("The Japan trip will be followed by a visit to
    Washington next month", "He is also due in Portugal in April", "Tháng 11 tới, ... dự
    kiến tới Bra-xin"). The opening days are the lead's dates, else its own coarse time
    (an announcement of a trip "next month" keeps its later sentences on that month)."""
    lead = next((i for i, v in enumerate(views) if v.travel and not v.history), None)
    if lead is None:
        return
    margin = LATER_JOURNEY
    # the lead's days, else those a report opens with before it ("returned from the summit
    # ... from May 9 to 11", then "the second is due in September": the lead, undated)
    opening = days[lead] or [
        d for v, own in zip(views[:lead], days, strict=False) if not v.future for d in own
    ]
    if opening:
        last = max(d.end for d in opening)
        if not (views[lead].future and days[lead]) and last <= published:
            # a report from the road: its days are the trip's latest, so "next week" is
            # past them ("Netherlands day ... Next week he is scheduled to visit Israel")
            margin = _NEXT_WEEK_MARGIN
    else:
        periods = _coarse_ahead(views[lead].sentence.text, published)
        last = max((end for _, end in periods), default=published)
    for view, own in zip(views, days, strict=True):
        if not view.future or own:
            continue  # (a day the news was told on is no day of the plan: "said on Friday")
        periods = _coarse_ahead(view.sentence.text, published)
        # "Next week he will travel on to Ukraine": an onward leg of this journey
        onward = lex.onward.search(view.sentence.text) is not None
        gap = LATER_JOURNEY if onward else margin
        if periods and all(start > last + gap for start, _ in periods):
            view.history = True


#: How far after a report's own days "next week" must begin to be another journey.
_NEXT_WEEK_MARGIN = timedelta(days=3)


#: A time to come named coarsely: "next month", "in the coming weeks", "tháng tới", "in
#: April", "in late April", "cuối tháng 4 tới".
_NEXT_MONTH = re.compile(r"(?i)\bnext\s+month\b|(?<!\w)tháng\s+(?:tới|sau)(?!\w)")
_NEXT_WEEK = re.compile(r"(?i)\bnext\s+week\b|(?<!\w)tuần\s+(?:tới|sau)(?!\w)")
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
    if _NEXT_WEEK.search(text):
        monday = published + timedelta(days=7 - published.weekday())
        out.append((monday, monday + timedelta(days=6)))
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


def _mark_earlier_homecomings(
    views: list[View], days: list[list[DateMention]], lex: Lexicon, published: date
) -> None:
    """In the announcement of a trip still to begin, a homecoming told later and dated
    before its days ends an earlier journey ("Nhà lãnh đạo này vừa trở về nước hôm 28/6
    sau chuyến công du Bồ Đào Nha, Mỹ và Hà Lan", of a trip from July 4): its countries
    are not this trip's. (A report's own homecoming may be told in any words.)"""
    back = [lex.returned.search(v.sentence.text) is not None for v in views]
    leads = (i for i, v in enumerate(views) if v.travel and not v.history and days[i])
    lead = next((i for i in leads if not back[i]), None)  # a homecoming leads no trip
    if lead is None or min(d.start for d in days[lead]) < published:
        return
    first = min(d.start for d in days[lead])
    for i, view in enumerate(views):
        # told later: a report that opens on the homecoming ("Tối 15/7, ... đã về tới New
        # Delhi") is of that journey, whatever trip someone begins further down
        if i > lead and days[i] and back[i] and not view.future:
            view.history |= all(d.end < first for d in days[i])


def _mark_separate_stays(views: list[View], days: list[list[DateMention]], lex: Lexicon) -> None:
    """A visit told as before the one reported ("Trước đó, trong hai ngày 12-13/10, Tổng
    thống đã thăm chính thức Cư-rơ-gư-xtan", "Last week he travelled to Kyrgyzstan ... on
    Oct. 12") whose days all end two days or more before the earliest day the rest of the
    article gives is another journey: the legs of one trip follow each other day by day,
    so a stay told in retrospect that is this trip's ends the day the next begins, or the
    day before."""
    told_done = [
        bool(days[i])
        and not v.history
        and not v.future
        and (
            _before_that(v.sentence.text, lex)
            # "Từ ngày 28/6 đến 2/7, ông Moon đã thăm Washington": a stay told as done (not
            # "Chiều 10/6, ông đã tới Tokyo", the report's own arrival)
            or _DONE_VISIT.search(v.sentence.text) is not None
        )
        for i, v in enumerate(views)
    ]
    rest = [
        d.start for i, v in enumerate(views) if not v.history and not told_done[i] for d in days[i]
    ]
    if not rest:
        return
    first = min(rest)
    for i, view in enumerate(views):
        if told_done[i] and all(
            d.end < first - timedelta(days=1) and not _open_from(view.sentence.text, d)
            for d in days[i]
        ):
            view.history = True


def _before_that(text: str, lex: Lexicon) -> bool:
    """Whether the sentence tells a stay as before the one reported, and not as what the
    arrival it reports came right after ("đã tới ... Rô-ma, ngay sau khi kết thúc chuyến
    thăm chính thức I-xra-en từ ngày 6-9/2": the report's own move on)."""
    cue = _BEFORE_THAT.search(text)
    if cue is None:
        return False
    arrived = lex.arrival.search(text, 0, cue.start())
    return arrived is None


def _open_from(text: str, day: DateMention) -> bool:
    """A stay told from a day on, with no last day ("Trước khi sang Ấn Độ, từ ngày 5/9,
    Thủ tướng có mặt tại Gia-các-ta"): it may run up to the next leg."""
    return _FROM_ON.search(text, 0, day.span[0]) is not None


#: Right before a day: a stay counted from it ("from", "từ"; a range's "from ... to" is
#: inside its own mention, so never before it).
_FROM_ON = re.compile(r"(?i)(?:\bfrom|(?<!\w)từ)\s+(?:the\s+)?$")


#: A stay told as done in Vietnamese, whose verbs have no tense but "đã": "đã thăm", "đã
#: dự", "đã có cuộc gặp" (English past tenses are read as such by `lex.past_visit`).
_DONE_VISIT = re.compile(
    r"(?i)(?<!\w)đã\s+(?:lần\s+lượt\s+)?(?:thăm|dự|tham\s+dự|"
    # a meeting held there ("Ngày 21/5, ông đã có cuộc gặp không chính thức với Tổng thống
    # Nga tại Xô-chi; từ ngày 29/5-2/6, ông thăm ...")
    r"có\s+cuộc\s+(?:gặp|hội\s+đàm)|gặp|hội\s+đàm|hội\s+kiến)(?!\w)"
)


#: A stay told as before the one reported: "Trước đó", "Đầu tháng", "Last week", "sau
#: khi ông dự ..." (this one comes after it).
_BEFORE_THAT = re.compile(
    r"(?i)^(?:trước\s+đó|before\s+that|earlier|đầu\s+tháng(?!\s+\d))\b|\blast\s+week\b|"
    # "Trước chặng dừng chân tại Jeddah, từ ngày 13-15/5, ông đã ...", "Before the Jeddah
    # stop, ...": told as before the leg named
    r"^(?:trước\s+(?:khi|chặng|chuyến)|before\s+(?:arriving|coming|flying|heading|the|his|her))\b|"
    r"(?<!\w)tuần\s+trước(?!\w)|"
    # "... chuyến công tác thứ hai trong hai tuần, sau khi ông dự WEF tại Đại Liên từ 24-27/6"
    r"(?<!\w)sau\s+khi(?!\w)|\bafter\s+(?:attending|visiting|(?:his|her)\s+(?:visit|trip|attendance))\b"
)


def told_on(text: str, day: DateMention) -> bool:
    """A day the news was said on, not one of a trip ("the White House said on Friday",
    "Người phát ngôn ... ngày 22/11 xác nhận", "the ministry on Monday said")."""
    return (
        _SAID_ON.search(text[: day.span[0]]) is not None
        or _SAID_AFTER.match(text, day.span[1]) is not None
    )


#: A saying before a date: "said on Friday", "cho biết ngày".
_SAID_ON = re.compile(
    r"(?i)\b(?:said|says|announced|confirmed|reported|told\s+\w+)\s+(?:on\s+)?$|"
    r"(?<!\w)(?:cho\s+biết|thông\s+báo|công\s+bố)\s+(?:ngày\s+|hôm\s+)?$"
)


#: A saying right after a date, with no comma between (", thông báo cho biết" after a
#: trip's day is the statement's, not the day's): "ngày 22/11 xác nhận", "on Monday said".
_SAID_AFTER = re.compile(
    r"(?i)\s+(?:said|announced|confirmed|told)\b|"
    r"\s+(?:cho\s+biết|thông\s+báo|công\s+bố|xác\s+nhận|tuyên\s+bố|khẳng\s+định)(?!\w)"
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
    r"(?i)\blast\s+year\b|\ba\s+year\s+(?:earlier|ago|before)\b|"
    r"(?<!\w)năm\s+(?:ngoái|trước|rồi)(?!\w)|(?<!\w)hồi\s+năm\s+ngoái(?!\w)|"
    r"(?<!\w)(?:một|1)\s+năm\s+trước(?!\w)"
)
_LAST_MONTH = re.compile(r"(?i)\blast\s+month\b|(?<!\w)(?:hồi\s+)?tháng\s+trước(?!\w)")
#: "last week", "last weekend", "tuần trước": over by the Sunday before this week.
_LAST_WEEK = re.compile(r"(?i)\blast\s+week(?:end)?\b|(?<!\w)(?:cuối\s+)?tuần\s+trước(?!\w)")
_EARLY_THIS_YEAR = re.compile(
    r"(?i)\b(?:earlier\s+this\s+year|early\s+this\s+year|at\s+the\s+start\s+of\s+the\s+year)\b|"
    r"(?<!\w)(?:hồi\s+)?đầu\s+năm(?:\s+nay)?(?!\w)"
)


def _relative_past(text: str, published: date) -> list[date]:
    """Last days of the periods that "last year", "last week" and "earlier this year" name."""
    ends = []
    if _LAST_YEAR.search(text):
        ends.append(date(published.year - 1, 12, 31))
    if _LAST_MONTH.search(text):
        ends.append(published.replace(day=1) - timedelta(days=1))
    if _LAST_WEEK.search(text):
        ends.append(published - timedelta(days=published.weekday() + 1))
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
