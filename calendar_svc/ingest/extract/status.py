"""Whether the trip, or some of its legs, was postponed or cancelled.

Apart because plans count here (a future sentence can call a visit off) while they do not
for movements, and a meeting called off is not the visit.
"""

from __future__ import annotations

import re
from datetime import date

from calendar_svc.ingest.extract.classify import anothers_plans
from calendar_svc.ingest.extract.facts import ArticleFacts, Sourced, provenance
from calendar_svc.ingest.extract.views import View, listed_after
from calendar_svc.ingest.lexicon import Lexicon

#: Words that make the places named after a postponement parts of the trip, not all of it.
_PARTS = re.compile(
    r"(?i)(?<![^\W_])(?:legs?|stops?|stopovers?|portions?|chặng(?!\s+đường)(?:\s+dừng\s+chân)?|"
    r"điểm\s+dừng)(?![^\W_])"
)


#: What a postponement may name that is a visit, not a meeting in it.
_VISIT_NOUN = re.compile(
    r"(?i)\b(?:visit|trip|tour|journey|legs?|stops?)\b|(?<!\w)(?:chuyến|chặng)(?!\w)"
)


#: A meeting named as what was called off (with the summit cues of the lexicon), a day's
#: programme ("Chương trình ngày thứ hai ... đã bị hủy", "các hoạt động dự kiến trong
#: ngày 21/11 ... đã bị hủy", "the second day of his programme was cancelled") or one
#: engagement of it ("bài phát
#: biểu tại Quốc hội ... đã bị hủy", "his speech to parliament was cancelled"): the visit
#: went on, or was cut short, but was not called off.
_MEETING_NOUN = re.compile(
    r"(?i)\b(?:meeting|forum|conference|talks|speech|address|programme|program|schedule|"
    r"activities|engagements)\b"
    r"|(?<!\w)(?:hội\s+nghị|hội\s+đàm|hội\s+kiến|cuộc\s+gặp|diễn\s+đàn|chương\s+trình|hoạt\s+động|"
    r"bài\s+phát\s+biểu|buổi\s+phát\s+biểu)(?!\w)"
)


def _an_event_called_off(text: str, hit: re.Match[str], lex: Lexicon) -> bool:
    """Whether what the postponement or cancellation names is a summit or meeting ("the
    Quad leaders' summit that was to crown his visit has been called off", "Hội nghị Bộ
    Tứ ... đã bị hủy", "called off the Quad summit"), not the visit or a leg of it."""
    meetings = [
        m
        for pattern in (lex.summit, _MEETING_NOUN)
        for m in pattern.finditer(text)
        if hit.start() - 120 <= m.start() < hit.start() or hit.end() <= m.start() <= hit.end() + 25
    ]
    for m in meetings:
        between = (
            text[m.end() : hit.start()] if m.start() < hit.start() else text[hit.end() : m.start()]
        )
        # "the summit that was to crown his visit": the visit is named in a clause about
        # the summit; the subject of the verb is still the summit
        if m.start() < hit.start() and not re.search(r"[.;]", between):
            if not _VISIT_NOUN.match(text, hit.end()) and not re.search(
                r"(?i)\b(?:and|và)\b", between
            ):
                return True
        elif (
            m.start() >= hit.end()
            and not _VISIT_NOUN.search(between)
            # "sẽ không tham dự Diễn đàn", "would not attend the forum": the attending
            and not _ATTENDING.search(text, hit.start(), m.start())
        ):
            return True
    return False


#: Between a call-off and the meeting: the traveller's going to it is what was called off
#: ("hủy tham dự Hội nghị thượng đỉnh Kuala Lumpur", "dropped plans to go on to a summit").
_ATTENDING = re.compile(
    r"(?i)\b(?:attend\w*|go(?:ing)?|travel\w*|fly(?:ing)?)\b|(?<!\w)(?:tham\s+)?dự(?!\w)"
)


#: Right after a verb of putting off: the days it is put off to ("to", "until", "sang").
_TO_DAYS = re.compile(r"(?i)\s+(?:to|until|sang|đến|tới|vào)\s+(?:the\s+)?")


def _new_days_given(view: View, end: int) -> bool:
    """Whether a putting off is to days the sentence gives: a visit set again, not one put
    off with no new days ("has been postponed to April 10 to 12", "lùi sang ngày 18-19/11")."""
    to = _TO_DAYS.match(view.sentence.text, end)
    return to is not None and any(to.end() <= d.span[0] <= to.end() + 5 for d in view.dates)


def postponed_or_cancelled(
    facts: ArticleFacts, view: View, lex: Lexicon, article_id: str, named_here: list[str]
) -> None:
    if not (view.travel or named_here):
        return
    elsewhere = [m for m in view.places if m.place.country_code != facts.home]
    if not named_here and any(not view.in_person(m.span) for m in elsewhere):
        return  # "urged people planning trips to Iran to cancel them": another journey
    code = named_here[0] if len(named_here) == 1 else None
    for pattern, target, name in (
        (lex.postponed, facts.postponements, "postponed"),
        (lex.cancelled, facts.cancellations, "cancelled"),
    ):
        # "scrapped the two-term limit", "thuế quan ... đang được tạm hoãn": not a journey
        hit = next(
            (
                h
                for h in pattern.finditer(view.sentence.text)
                if _calls_off_a_journey(view, h, _name_words(facts))
            ),
            None,
        )
        if hit and _not_this_journey(facts, view, lex, hit, name):
            continue
        if hit:
            # "called off the A and B legs", "hoãn chặng dừng chân tại A và B": those legs;
            # otherwise the one leg named, or the whole trip
            # ("the Pakistan leg ... had been dropped and he would return from Jakarta": the
            # leg named as the passive's subject, not a place named after)
            # ("dropped the Saudi Arabia leg ... and will return from Doha": the leg the
            # words of the call-off name, not the place named after them)
            after = hit.start() if _A_LEG_DROPPED.match(hit.group(0)) else hit.end()
            legs = _named_before(view, hit) or listed_after(view, after, None, set(named_here))
            every = {stop.value for stop in facts.itinerary}
            # The legs named are the trip's all, as far as read yet: the whole trip, unless
            # the sentence says they are parts of it ("the A and B legs of his tour").
            parts = _PARTS.search(view.sentence.text, hit.end()) is not None
            if not legs and code is None and _a_part(view.sentence.text, hit):
                continue  # "chặng dừng chân tại Xê-vi-a bị hủy": a stop, in no leg known
            for leg in legs if legs and (parts or set(legs) != every) else [code]:
                target.append(
                    Sourced(
                        leg,
                        provenance(article_id, view.sentence, f"{lex.language}.{name}", hit.span()),
                    )
                )


def _not_this_journey(
    facts: ArticleFacts, view: View, lex: Lexicon, hit: re.Match[str], name: str
) -> bool:
    """Whether what a call-off word says is no postponement or cancellation of this trip
    or its legs, though said of a journey."""
    text = view.sentence.text
    return (
        # "dropped a planned stop at the Shanghai fair": a part of the stay
        (_A_LEG_DROPPED.match(hit.group(0)) is not None and not _drops_a_country(view, hit))
        # "the Quad summit ... has been called off": a meeting, not the leg
        or _an_event_called_off(text, hit, lex)
        # "Trump called off a planned trip to North Korea by Pompeo"
        or anothers_plans(view, hit.start(), facts)
        # "it had been postponed from 2014": this trip's history
        or _years_ago(text, hit.end(), facts.reference)
        # "Kế hoạch này nhiều lần bị hoãn", "scrapped plans to open an embassy"
        or _not_this_time(text, hit)
        # "đã được lùi sang ngày 18-19/11", "postponed to April 10 to 12": set again
        or (name == "postponed" and _new_days_given(view, hit.end()))
    )


#: What a journey is called: "trip", "visit", "leg", "plans to visit", "chuyến", "chặng".
_JOURNEY = re.compile(
    r"(?i)\b(?:trips?|visits?|tours?|travel|journey|legs?|stops?|stopover|portion|"
    r"plans?\s+to\s+(?:visit|travel|go|fly|come|attend))\b|"
    r"(?<!\w)(?:chuyến|chặng|hành\s+trình|lịch\s+trình)(?!\w)"
)
#: Right after a call-off: the traveller's attending ("hủy tham dự Hội nghị", "cancelled
#: his attendance at the summit"), a journey to it ("hủy dự án", a project, is
#: `_NOT_THE_VISIT`).
_ATTENDANCE = re.compile(
    r"(?i)\s+(?:(?:his|her|their)\s+)?attend(?:ing|ance)?\b|"
    r"\s+(?:việc\s+)?(?:tham\s+)?dự(?!\w)"
)
#: The plan just told, as the subject of a passive call-off ("Kế hoạch này đã bị hoãn",
#: "The plan was put off"): the journey the sentence before announced.
_THE_PLAN = re.compile(
    r"(?i)\b(?:the|this|that)\s+plans?\b|(?<!\w)kế\s+hoạch\s+(?:này|đó|trên)(?!\w)"
)
#: Right before a call-off told in the passive: "was called off", "bị hủy", "đã được hoãn".
_PASSIVE = re.compile(
    r"(?i)(?:\b(?:was|were|is|are|be|been|being)|(?<!\w)(?:bị|được))\s+(?:\w+\s+)?$"
)
#: How far before the word the journey it calls off, told in the passive, may be named
#: ("Chuyến thăm cấp Nhà nước ... của Nhà vua A và Hoàng hậu B, dự kiến diễn ra từ ngày 19
#: đến 22/3, đã được hoãn lại").
_CALLED_OFF_REACH = 160
#: Before a journey noun that is its clause's subject: the clause's opening and at most a
#: determiner and two words ("The Brunei visit", ", nhưng chặng Jordan", "cho biết chuyến
#: thăm"), not "Chương trình nghị sự của chuyến thăm" (the agenda is the subject).
_OPENS_CLAUSE = re.compile(
    r"(?i)(?:^|[,;:(]|\b(?:but|and|while|as|that|said|says|announced)\b|"
    r"(?<!\w)(?:nhưng|và|còn|khi|rằng|cho\s+biết|thông\s+báo)(?!\w))\s*"
    r"(?:(?:the|his|her|its|their|this|that|a|an|việc|các|những)\s+)?(?:[\w-]+\s+){0,2}$"
)
#: The words right after it, up to a comma or the end of the clause: its object ("his
#: weekend trip", "vô thời hạn chuyến thăm", "the Papua New Guinea and Australia legs").
_OBJECT = re.compile(r"(?:\s+[^\s,.;:]+){1,7}")


def _name_words(facts: ArticleFacts) -> frozenset[str]:
    """The words of the traveller's name ("Macron" of "Emmanuel Macron")."""
    if facts.principal is None:
        return frozenset()
    return frozenset(w for w in facts.principal.value.name.split() if len(w) > 2)


def _calls_off_a_journey(view: View, hit: re.Match[str], owner: frozenset[str]) -> bool:
    """Whether a postponing or cancelling word is said of a journey: one named after it
    ("scrapped his visit to Denmark", "hoãn chặng dừng chân tại A", "called off the A
    leg"), or, told in the passive, before it ("the Brunei visit ... was called off",
    "chặng Jordan bị hủy"). Not "scrapped the two-term limit", "fuel subsidies", nor
    tariffs "đang được tạm hoãn 90 ngày" in a sentence about a visit."""
    text = view.sentence.text
    words = _OBJECT.match(text, hit.end())
    end = words.end() if words else hit.end()
    passive = _PASSIVE.search(text, max(0, hit.start() - 20), hit.start()) is not None
    # told in the passive, a place after the verb is where, not what ("More than 50
    # flights were cancelled at Brussels airport")
    if (
        _JOURNEY.search(text, hit.start(), end)
        or _ATTENDANCE.match(text, hit.end())
        or _ATTENDING.search(hit.group())  # "sẽ không tham dự", "would not attend"
        or (
            not passive
            and any(
                hit.end() <= m.span[0] <= end and not view.in_person(m.span) for m in view.places
            )
        )
    ):
        return True
    if not passive:
        return False
    start = max(0, hit.start() - _CALLED_OFF_REACH)
    return any(
        _OPENS_CLAUSE.search(text, 0, m.start()) or _owned_by(text, m.start(), owner)
        for pattern in (_JOURNEY, _THE_PLAN)
        for m in pattern.finditer(text, start, hit.start())
    )


def _owned_by(text: str, at: int, owner: frozenset[str]) -> bool:
    """Whether the journey noun at `at` is the traveller's by name ("Emmanuel Macron's
    state visit"), not another's ("the emperor's trip", "his wife's trip")."""
    whose = _WHOSE.search(text, 0, at)
    return whose is not None and whose["name"] in owner


#: Before a journey noun: whose it is ("Emmanuel Macron's state visit to Việt Nam, set
#: for May 25 to 27, has been postponed"), the subject of the passive all the same.
_WHOSE = re.compile(r"(?P<name>[\w-]+)['’]s\s+(?:[\w-]+\s+){0,2}$")


def _a_part(text: str, hit: re.Match[str]) -> bool:
    """Whether what is called off is a part of the journey, named right after the word or,
    told in the passive, right before it ("dropped the Seville stop", "chặng dừng chân tại
    Xê-vi-a bị hủy"): a part whose place is no leg is a stop within one, not the trip."""
    before = text.rfind(";", 0, hit.start()) + 1
    words = _OBJECT.match(text, hit.end())
    if _PASSIVE.search(text, max(0, hit.start() - 20), hit.start()):
        start, end = max(before, hit.start() - _CALLED_OFF_REACH), hit.start()
    else:
        start, end = hit.end(), words.end() if words else hit.end()
    # the first journey word said is what is called off: "Chuyến công du ... gồm các
    # chặng ... đã bị hủy" calls off the tour
    said = [m for rx in (_PARTS, _JOURNEY) for m in rx.finditer(text, start, end)]
    if not said:
        return False
    first = min(said, key=lambda m: m.start())
    return bool(
        _PARTS.fullmatch(first.group())
        and not _ALL_OF.search(text, max(0, first.start() - 12), first.start())
        and not _A_JOURNEY_AFTER.match(text, first.end())
    )


#: Before a part: every part, the whole journey ("cancelled all the stops", "hủy toàn bộ
#: các chặng").
_ALL_OF = re.compile(
    r"(?i)(?:\ball(?:\s+the|\s+of\s+the)?|every|toàn\s+bộ(?:\s+các)?|các|những)\s+$"
)
#: After a part: a journey made of parts ("a planned three-leg tour").
_A_JOURNEY_AFTER = re.compile(r"(?i)\s+(?:tours?|trips?|journeys?|visits?)\b")


def _drops_a_country(view: View, hit: re.Match[str]) -> bool:
    """Whether a leg or stop dropped is a country's: named as the passive's subject ("the
    Pakistan leg ... had been dropped") or after the verb ("dropped the Pakistan leg",
    "dropping planned stops in Papua New Guinea and Australia"); not a city's stop ("at the
    Shanghai import fair"), nor a programme ("the programme drawn up for Wednesday ... has
    been dropped")."""
    before = _named_before(view, hit)
    after = [
        m
        for m in view.places
        if hit.start() <= m.span[0] <= hit.end() + _DROPPED_REACH and not view.in_person(m.span)
    ]
    named = [m for m in view.places if m.place.country_code in before and m.span[1] <= hit.start()]
    return any(m.place.kind == "country" for m in (named[-1:] if before else after[:1]))


#: A leg or a stop dropped, not plans ("dropped plans to go on to a summit" is the going).
_A_LEG_DROPPED = re.compile(
    r"(?i)dropp(?:ed|ing|s)\b(?!\s+(?:(?:his|her|their|the)\s+)?plans?\s+to\b)"
)
#: How far after "dropped ... stops in" the country it names may stand.
_DROPPED_REACH = 40


def _named_before(view: View, hit: re.Match[str]) -> list[str]:
    """The leg named right before a passive call-off ("chặng Jordan bị hủy", "the Jordan
    leg of the trip was called off"): that one, not the whole trip."""
    before = [m for m in view.places if m.span[1] <= hit.start() and not view.in_person(m.span)]
    if not before:
        return []
    last = before[-1]
    gap = view.sentence.text[last.span[1] : hit.start()]
    return [last.place.country_code] if _PASSIVE_GAP.fullmatch(gap) else []


#: Between a leg and the word that calls it off: "leg was", "stop has been", "bị".
_PASSIVE_GAP = re.compile(
    r"(?i)\s*(?:(?:leg|stop|stopover|visit|portion)\s+)?"
    r"(?:of\s+(?:the|his|her|their)\s+(?:[\w-]+\s+)?(?:trip|tour|journey)\s+)?"
    r"(?:(?:was|were|is|has|had|have|been|being|now|also|đã|cũng|bị|đã\s+bị)\s+)*"
)


#: Right after a postponement: the year it was put off from or in ("postponed from
#: 2014", "bị hoãn từ năm 2014", "put off in 2019").
_FROM_YEAR = re.compile(r"(?i)\s+(?:(?:from|in|since|từ|vào)\s+)?(?:năm\s+)?((?:19|20)\d\d)\b")


def _years_ago(text: str, end: int, reference: date | None) -> bool:
    """Whether the postponement is dated to a year before the article's: history."""
    m = _FROM_YEAR.match(text, end)
    return m is not None and reference is not None and int(m.group(1)) < reference.year


#: Right before a postponement: it happened before, not now ("nhiều lần bị hoãn", "từng
#: bị hoãn", "repeatedly postponed").
_BEFORE_NOW = re.compile(r"(?i)(?:\b(?:repeatedly|once)|(?<!\w)(?:nhiều\s+lần|từng))\s+(?:bị\s+)?$")
#: Shortly before one: a time long past ("Last December he dropped plans to ...", "năm
#: ngoái, chuyến thăm đã bị hoãn").
_LONG_AGO = re.compile(
    r"(?i)\blast\s+(?:year|month|(?:jan|febr)uary|march|april|may|june|july|august|"
    r"september|october|november|december)\b|\ba\s+year\s+ago\b|"
    r"(?<!\w)(?:năm\s+ngoái|năm\s+trước|hồi\s+tháng)(?!\w)"
)
#: Right after one: what is called off is another plan ("scrapped plans to open the new
#: embassy").
_NOT_THE_VISIT = re.compile(
    r"(?i)\s+(?:(?:a|the|his|her|its)\s+)?plans?\s+to\s+(?!(?:visit|travel|go|fly|come|"
    r"attend|make|pay|tour)\b)|"
    # "hủy dự án cảng biển tại Am-man", "hủy hợp đồng": a project or a contract
    r"\s+(?:các\s+)?(?:dự\s+án|hợp\s+đồng|thỏa\s+thuận|thoả\s+thuận)(?!\w)"
)


def _not_this_time(text: str, hit: re.Match[str]) -> bool:
    """Whether a postponement or cancellation is of the past or of something else."""
    before = _BEFORE_NOW.search(text, max(0, hit.start() - 20), hit.start())
    if before is not None or _LONG_AGO.search(text, max(0, hit.start() - 60), hit.start()):
        return True  # "Last December he dropped plans to attend the climate conference"
    return _NOT_THE_VISIT.match(text, hit.end()) is not None


def forget_old_postponements(facts: ArticleFacts) -> None:
    """The trip is under way (the article reports it moving): a postponement of it, or of a
    leg it reached, is its history ("the visit, put off in March after ...") and not news."""
    moved = (
        {a.value.country_code for a in facts.arrivals}
        | {
            d.value.place.country_code
            for d in facts.departures
            if d.value.place.country_code != facts.home
        }
        # "wrapped up his state visit to Germany on Friday": it took place
        | {c.value.country_code for c in facts.conclusions}
        # "held about three hours of talks with Abe in Nagato on Thursday": so did that
        | {
            e.value.country_code
            for e in facts.engagements
            if e.value.country_code is not None
            and e.value.at is not None
            and facts.reference is not None
            and e.value.at.day <= facts.reference
        }
    )
    if moved:
        facts.postponements = [
            p for p in facts.postponements if p.value is not None and p.value not in moved
        ]
