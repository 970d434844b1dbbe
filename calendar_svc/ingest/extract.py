"""From one parsed article to the trip facts it states, each with the sentence that said it.

Pure: text in, `ArticleFacts` out; no log, no clock. Which trip the facts belong to, and
whether they are new, corroborating or contradicting, is decided later (`assemble.py`).
Language differences live in `lexicon.py`; this module is written once for both.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from typing import Generic, TypeVar

from calendar_svc.domain.language import Language
from calendar_svc.domain.values import (
    DateWindow,
    EngagementKind,
    Moment,
    PersonRef,
    PlaceRef,
    Provenance,
    VisitType,
    slug,
)
from calendar_svc.ingest.budget import check
from calendar_svc.ingest.dates import DateMention, DayPart, find_dates, find_durations
from calendar_svc.ingest.dates import infer_reference as infer_reference_date
from calendar_svc.ingest.engagements import EngagementClaim, find_engagements
from calendar_svc.ingest.lexicon import LEXICONS, Lexicon, visit_type_cues
from calendar_svc.ingest.people import (
    Person,
    extract_people,
    find_people,
    looks_vietnamese,
    same_person,
    title_forms,
)
from calendar_svc.ingest.places import Place, PlaceMention, find_places
from calendar_svc.ingest.text import ParsedArticle, Sentence
from calendar_svc.reference.countries import demonym_country
from calendar_svc.reference.identity import home_country

T = TypeVar("T")

#: When a day part is all that is said, the clock time a subscriber should see, if any.
_DAY_PART_TIMES: dict[str, time] = {DayPart.NOON.value: time(12, 0)}

#: How far after a visit-type cue its first country may be ("state visit to the Republic of").
_CUE_REACH = 40
#: A destination list must follow its travel cue closely to give the itinerary's order.
_ORDER_WINDOW = 160


@dataclass(frozen=True)
class Sourced(Generic[T]):
    value: T
    provenance: Provenance


@dataclass(frozen=True)
class Departure:
    place: PlaceRef
    at: Moment
    concluded_country: str | None
    next_country: str | None


@dataclass(frozen=True)
class Arrival:
    country_code: str
    place: PlaceRef
    at: Moment


@dataclass(frozen=True)
class Conclusion:
    country_code: str
    on: date | None


@dataclass(frozen=True)
class Engagement:
    key: str  # stable within a leg: the same engagement told twice has the same key
    kind: EngagementKind
    title: str
    country_code: str | None
    counterparts: list[PersonRef]
    place: PlaceRef | None
    at: Moment | None


_PLACE_TAIL = re.compile(r"\s+(?:at|in|on|tại|ở)\s+(?:the\s+)?[A-ZÀ-Ỹ].*$")
_PERSONAL = {EngagementKind.MEETING, EngagementKind.TALKS, EngagementKind.RECEPTION}


def engagement_key(kind: EngagementKind, title: str, counterparts: list[PersonRef]) -> str:
    """Meetings are who was met; other engagements are what happened, without the place
    ("ceremony ... at the Red Square" and "ceremony ..." are one engagement)."""
    if kind in _PERSONAL and counterparts:
        return f"{kind.value}-{slug(counterparts[0].name)}"
    core = _PLACE_TAIL.sub("", title)
    words = slug(core).split("-")[:8]
    return f"{kind.value}-{'-'.join(words)}"


@dataclass
class ArticleFacts:
    """What one article says about one trip; empty lists when it says nothing of that."""

    article_id: str
    language: str
    reference: date | None
    principal: Sourced[PersonRef] | None = None
    spouse: Sourced[str] | None = None
    members: list[Sourced[PersonRef]] = field(default_factory=list)
    itinerary: list[Sourced[str]] = field(default_factory=list)
    trip_window: Sourced[DateWindow] | None = None
    visit_types: list[Sourced[tuple[str, VisitType]]] = field(default_factory=list)
    inviters: list[Sourced[tuple[str, PersonRef]]] = field(default_factory=list)
    leg_windows: list[Sourced[tuple[str, DateWindow]]] = field(default_factory=list)
    leg_durations: list[Sourced[tuple[str | None, int]]] = field(default_factory=list)
    #: the dates of a summit or meeting held in a leg's country (see `VisitAnnounced`)
    event_windows: list[Sourced[tuple[str, DateWindow]]] = field(default_factory=list)
    cities: list[Sourced[tuple[str, str]]] = field(default_factory=list)
    departures: list[Sourced[Departure]] = field(default_factory=list)
    arrivals: list[Sourced[Arrival]] = field(default_factory=list)
    conclusions: list[Sourced[Conclusion]] = field(default_factory=list)
    returns: list[Sourced[date | None]] = field(default_factory=list)
    engagements: list[Sourced[Engagement]] = field(default_factory=list)
    postponements: list[Sourced[str | None]] = field(default_factory=list)
    cancellations: list[Sourced[str | None]] = field(default_factory=list)
    #: the principal's own country (never a leg) and what said so ("title", "name", ...)
    home: str | None = None
    home_basis: str = "unknown"

    @property
    def about_a_trip(self) -> bool:
        """A trip needs a traveller and somewhere to go (or a report of coming home, which
        can only join a trip already known); anything else is another story."""
        return self.principal is not None and bool(self.itinerary or self.returns)

    def known_days(self) -> list[date]:
        days: list[date] = []
        if self.trip_window is not None:
            days += [self.trip_window.value.start, self.trip_window.value.end]
        days += [d for w in self.leg_windows for d in (w.value[1].start, w.value[1].end)]
        days += [d.value.at.day for d in self.departures]
        days += [a.value.at.day for a in self.arrivals]
        days += [c.value.on for c in self.conclusions if c.value.on is not None]
        days += [r.value for r in self.returns if r.value is not None]
        return days


@dataclass
class _View:
    """One sentence with everything found in it (spans relative to the sentence)."""

    sentence: Sentence
    places: list[PlaceMention]
    dates: list[DateMention]
    people: list[Person]
    future: bool
    travel: bool
    #: told of an earlier journey, months back ("Chinh, who visited Australia in March")
    history: bool = False

    def in_person(self, span: tuple[int, int]) -> bool:
        return any(p.span[0] <= span[0] and span[1] <= p.span[1] for p in self.people)

    @functools.cached_property
    def not_destinations(self) -> frozenset[tuple[int, int]]:
        """Spans of countries named for their leaders, people, firms or situation, not as
        places gone to ("with the leaders of Japan, Australia and India", "cùng lãnh đạo
        Nhật Bản, Ô-xtrây-li-a và Ấn Độ", "reliance on China"); see `_NOT_GONE_TO`."""
        text = self.sentence.text
        out: set[tuple[int, int]] = set()
        for clause in _WHO_VISITED.finditer(text):
            # "Chinh, who visited Australia and New Zealand in March, ...": their past
            out.update(m.span for m in self.places if clause.start() <= m.span[0] < clause.end())
        for stop in _ON_THE_WAY.finditer(text):
            # "after a refuelling stop in Alaska, United States", "flying via Dubai in the
            # UAE", "quá cảnh tại A", "since Bachelet travelled to Japan and China": no leg
            out.update(m.span for m in self.places if stop.end() <= m.span[0] <= stop.end() + 40)
        for cue in _NOT_GONE_TO.finditer(text):
            end = cue.end()
            for mention in sorted(self.places, key=lambda m: m.span):
                if mention.span[0] < end:
                    continue
                if not _LIST_OF_PLACES.fullmatch(text[end : mention.span[0]]):
                    break
                if mention.place.kind == "country":
                    out.add(mention.span)
                end = mention.span[1]
        return frozenset(out)

    def countries(self, home: str | None, after: int = 0) -> list[tuple[int, str]]:
        """Distinct countries named outside people's titles, with where, from `after` on."""
        seen: dict[str, int] = {}
        elsewhere = self.not_destinations
        for mention in self.places:
            code = mention.place.country_code
            if mention.span[0] < after or code == home or self.in_person(mention.span):
                continue
            if mention.span in elsewhere:
                continue
            seen.setdefault(code, mention.span[0])
        return sorted((pos, code) for code, pos in seen.items())


#: Words before a country that make it someone's or something's, not a place the
#: traveller goes: its leaders ("with the leaders of A, B and C", "cùng lãnh đạo A"), its
#: people and firms ("doanh nghiệp Hàn Quốc", "companies from Japan"), a relation with it
#: ("reliance on China", "quan hệ với Mỹ") or a situation there ("the war in Ukraine",
#: "xung đột ở U-crai-na", "tình hình Mi-an-ma").
_NOT_GONE_TO = re.compile(
    r"(?i)\b(?:(?:leaders?|heads?\s+of\s+(?:state|government)|counterparts?|prime\s+ministers|"
    r"presidents)\s+(?:of|from)|(?:companies|businesses|firms|investors|officials|"
    r"delegations?|exports?|imports?)\s+(?:from|to)|(?:relations|ties|tensions|rivalry|"
    r"disputes?|trade)\s+with|(?:reliance|dependence|pressure|sanctions)\s+on|against|"
    r"(?:war|conflict|situation|crisis|fighting)\s+in)\s+(?:the\s+)?|"
    r"(?<!\w)(?:lãnh\s+đạo|nguyên\s+thủ|người\s+đứng\s+đầu(?:\s+nhà\s+nước)?|doanh\s+nghiệp|"
    r"công\s+ty|tập\s+đoàn|nhà\s+đầu\s+tư|hàng\s+hóa|quan\s+hệ\s+với|căng\s+thẳng\s+với|"
    r"xung\s+đột\s+(?:ở|tại)|chiến\s+sự\s+(?:ở|tại)|tình\s+hình|vấn\s+đề)\s+"
    r"(?:các\s+nước\s+)?"
)
#: A relative clause on the traveller's past journeys: its countries are not this trip's.
_WHO_VISITED = re.compile(
    r",\s*who\s+(?:had\s+|has\s+|also\s+)*(?:visited|travell?ed\s+to|went\s+to|toured|"
    r"was\s+in)\b[^,;.]*",
    re.IGNORECASE,
)
#: A stop on the way, or another leader's earlier journey: the places named right after
#: it are no legs of this trip.
_ON_THE_WAY = re.compile(
    r"(?i)\b(?:(?:refuel(?:l)?ing|technical|transit)\s+stop(?:over)?\s+(?:in|at)|"
    r"stopover\s+(?:in|at)|via|since\s+(?:\w+\s+){0,4}?(?:visited|travell?ed\s+to|went\s+to|"
    r"came\s+to))\b|(?<!\w)(?:quá\s+cảnh|dừng\s+chân\s+kỹ\s+thuật)(?:\s+(?:tại|ở))?(?!\w)"
)
#: A month named alone ("in March", "hồi tháng 3"): (month name or number) as the group.
_MONTH_ALONE = re.compile(
    r"(?i)\b(?:in|last|since|hồi|vào|trong)\s+(?:tháng\s+(?P<num>\d{1,2})(?!\s*/)|"
    r"(?P<name>January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?!\s+\d))"
)
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


#: What may stand between the countries of one list: commas, "and", a gloss in brackets.
_LIST_OF_PLACES = re.compile(r"(?:\s|,|\(|\)|\band\b|(?<!\w)và(?!\w))*", re.IGNORECASE)


def _provenance(
    article_id: str, sentence: Sentence, rule: str, local: tuple[int, int] | None = None
) -> Provenance:
    start, end = (0, len(sentence.text)) if local is None else local
    return Provenance(
        article_id=article_id,
        sentence_index=sentence.index,
        span=(sentence.span[0] + start, sentence.span[0] + end),
        sentence=sentence.text,
        rule=rule,
    )


def _place_ref(place: Place) -> PlaceRef:
    if place.kind == "country":
        return PlaceRef(country_code=place.country_code, timezone=place.timezone)
    city = place.name if place.kind == "city" else place.city
    return PlaceRef(
        country_code=place.country_code,
        city=city,
        place=place.name if place.kind in ("airport", "landmark") else None,
        timezone=place.timezone,
        latitude=place.latitude,
        longitude=place.longitude,
    )


def _moment(mention: DateMention, place: PlaceRef | None) -> Moment:
    part = mention.day_part.value if mention.day_part is not None else None
    clock = mention.clock_time or (_DAY_PART_TIMES.get(part) if part else None)
    return Moment(
        day=mention.start,
        day_part=part,
        local_time=clock,
        timezone=place.timezone if place is not None else None,
    )


class _Countries:
    """The gazetteer's answers to `people.Countries`."""

    def __init__(self, lang: Language) -> None:
        self.lang: Language = lang

    def of_person(self, person: Person) -> str | None:
        return _person_country(person, self.lang)

    def in_text(self, text: str) -> set[str]:
        return {m.place.country_code for m in find_places(text, self.lang)}


def _person_country(person: Person, lang: str) -> str | None:
    """The country a titled person speaks for, from "of Kazakhstan", "Belarusian" or
    "South African" (demonyms of several words are tried before their last word)."""
    for text in (person.organisation_or_country, person.title_text):
        if not text:
            continue
        for mention in find_places(text, "en") + find_places(text, "vi"):
            if mention.place.kind == "country":
                return mention.place.country_code
        words = text.replace("-", " ").split()
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                code = demonym_country(" ".join(words[i : i + size]))
                if code:
                    return code
    return None


#: Words before a title-only reference that make it someone met or named, not the subject.
_NOT_SUBJECT = re.compile(
    r"(?i)\b(?:with|of|and|to|by|met|meet|received|welcomed|hosted|invited|told|"
    r"với|của|và|cùng|gặp|tiếp|đón|hội\s+đàm|hội\s+kiến|mời)\b"
)


def _home(principal: Person, views: list[_View], lang: str) -> tuple[str | None, str]:
    """The principal's own country, and what said so. A country never counts as a leg of
    its own people's trip: there it is the departure or the return home.

    In order: the title of any mention of them ("Russian President", "Tổng thống Hàn
    Quốc X"); the office-holder table (`identity.home_country`); a Vietnamese name; a
    title-only reference that is a sentence's subject ("the
    US President said", "Tổng thống Mỹ sẽ ..."); the place they go back to ("returned to
    Washington"). None when the article does not tell."""
    mentions = [principal] + [
        p for v in views for p in v.people if p.is_named and same_person(p.name, principal.name)
    ]
    for person in mentions:
        code = _person_country(person, lang)
        if code is not None:
            return code, "title"
    for person in mentions:
        code = home_country(person.name)
        if code is not None:
            return code, "office holders"
    if looks_vietnamese(principal.name):
        return "VN", "name"
    forms = title_forms(principal.title, "vi" if lang == "vi" else "en") if principal.title else []
    if forms:
        alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len)[::-1])
        title_re = re.compile(r"(?<![^\W_])(?:" + alt + r")(?![^\W_])", re.IGNORECASE)
        for view in views:
            text = view.sentence.text
            for tm in title_re.finditer(text):
                if view.in_person(tm.span()):
                    continue  # someone named: their country is their own
                clause = re.split(r"[,;:.]", text[: tm.start()])[-1]
                if _NOT_SUBJECT.search(clause):
                    continue
                code = _adjacent_country(view, tm.start(), tm.end(), lang)
                if code is not None:
                    return code, "title reference"
    for view in views:
        for back in _GOING_HOME.finditer(view.sentence.text):
            place = _first_place_after(view, back.end())
            if place is not None and place.span[0] - back.end() <= 4:
                return place.place.country_code, "return"
    return None, "unknown"


#: Going back to a place: where the traveller lives ("will return to Washington", "trở
#: về Hà Nội"), whatever the tense.
_GOING_HOME = re.compile(
    r"(?i)\b(?:return(?:ed|s|ing)?\s+(?:home\s+)?to|(?:flew|flies|fly|headed|heads)\s+"
    r"(?:back|home)\s+to|back\s+to)\s+(?:the\s+)?|(?<!\w)(?:trở\s+về|về\s+(?:đến|tới|lại))\s+"
)


def _adjacent_country(view: _View, start: int, end: int, lang: str) -> str | None:
    """The country written right after a Vietnamese title ("Tổng thống Mỹ") or right
    before an English one ("the US President", "the Chinese President")."""
    text = view.sentence.text
    for mention in view.places:
        if mention.place.kind != "country":
            continue
        if lang == "vi" and mention.span[0] >= end and not text[end : mention.span[0]].strip():
            return mention.place.country_code
        if lang != "vi" and mention.span[1] <= start and not text[mention.span[1] : start].strip():
            return mention.place.country_code
    if lang != "vi":
        words = text[:start].split()
        for size in (2, 1):
            if len(words) >= size and words[-size][:1].isupper():
                code = demonym_country(" ".join(words[-size:]))
                if code is not None:
                    return code
    return None


#: How far from the publication date a day can lie and still be this trip's: news of a
#: visit is published from months before it (announcements) to weeks after (summaries).
#: A day outside ("the victims of the attacks of 11/9/2001", "the last such visit, on
#: May 2, 2016") is history, and read as a trip's day it would start a trip years off.
_BEFORE_PUBLICATION = timedelta(days=120)
_AFTER_PUBLICATION = timedelta(days=400)


def _this_trip(dates: list[DateMention], published: date | None) -> list[DateMention]:
    """The date mentions that can be this trip's days, given the publication date."""
    if published is None:
        return dates
    low, high = published - _BEFORE_PUBLICATION, published + _AFTER_PUBLICATION
    return [d for d in dates if d.end >= low and d.start <= high]


def _background(view: _View, lex: Lexicon) -> bool:
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
_HISTORY = timedelta(days=45)
#: How near publication another sentence's date must be for the article to be about now.
_NOW = timedelta(days=7)


def _mark_history(views: list[_View], lex: Lexicon, published: date) -> None:
    """Sentences telling, in the past tense, of a visit whose dates all end months before
    an article that is about the present ("Chinh, who visited Australia and New Zealand in
    March, ..."; "Trước đó, hồi tháng 3, Thủ tướng đã thăm ...")."""
    now = [
        i
        for i, view in enumerate(views)
        if any(abs((d.start - published).days) <= _NOW.days for d in view.dates)
    ]
    if not now:
        return
    for i, view in enumerate(views):
        if not lex.past_visit.search(view.sentence.text):
            continue
        ends = [d.end for d in view.dates] + _month_ends(view.sentence.text, published)
        if ends and all(end < published - _HISTORY for end in ends) and any(j != i for j in now):
            view.history = True


def _month_ends(text: str, published: date) -> list[date]:
    """Last days of the months named alone in `text`, in the year before publication."""
    ends = []
    for m in _MONTH_ALONE.finditer(text):
        month = int(m["num"]) if m["num"] else _MONTHS.index(m["name"].lower()) + 1
        if not 1 <= month <= 12:
            continue
        year = published.year if month <= published.month else published.year - 1
        first_of_next = date(year + month // 12, month % 12 + 1, 1)
        ends.append(first_of_next - timedelta(days=1))
    return ends


def _single_days(view: _View) -> list[DateMention]:
    return [d for d in view.dates if d.start == d.end]


def _ranges(view: _View) -> list[DateMention]:
    return [d for d in view.dates if d.start < d.end]


def _whole_trip(text: str, span: tuple[int, int], lex: Lexicon) -> bool:
    """Whether a duration measures the whole journey ("a week-long tour", "a four-day
    working trip", "chuyến công du 4 ngày") rather than one visit."""
    return bool(lex.whole_trip.search(text[span[1] :]) or lex.whole_trip.search(text[: span[0]]))


def _retrospective(
    view: _View, lex: Lexicon, home: str | None, destinations: set[str]
) -> tuple[str, str] | None:
    """A leg told in retrospect ("Before arriving in A, he had visited B", "Trước khi
    tới A, ... đã có mặt tại B"): B, the one other destination the sentence names, and
    A, the leg it came before."""
    hit = lex.before_leg.search(view.sentence.text)
    if hit is None:
        return None
    later = _first_place_after(view, hit.end())
    if later is None or later.span[0] - hit.end() > 4:
        return None
    after = later.place.country_code
    others = {c for _, c in view.countries(home) if c in destinations and c != after}
    if after not in destinations or len(others) != 1:
        return None
    return others.pop(), after


def _compared(view: _View, lex: Lexicon) -> set[str]:
    """Countries listed for comparison ("raise ties to its highest tier, alongside China
    and Russia"): not places the traveller goes."""
    found: set[str] = set()
    text = view.sentence.text
    for hit in lex.compared.finditer(text):
        last_end = hit.end()
        for mention in view.places:
            if mention.span[0] < last_end:
                continue
            if not _LIST_GAP.match(text[last_end : mention.span[0]]):
                break
            found.add(mention.place.country_code)
            last_end = mention.span[1]
    return found


def _came_from(view: _View, lex: Lexicon, home: str | None) -> tuple[int, str] | None:
    """The place a traveller came from, told as a stop of this trip ("flew in from
    Jakarta, where he had attended the summit"): where it is named, and its country."""
    text = view.sentence.text
    for mention in view.places:
        code = mention.place.country_code
        if code == home or view.in_person(mention.span):
            continue
        if not re.search(r"(?i)(?:\bfrom|(?<!\w)từ)\s+(?:the\s+)?$", text[: mention.span[0]]):
            continue
        if lex.came_from.match(text[mention.span[1] :]):
            return mention.span[0], code
    return None


#: After "flew in from A": "where he had arrived on Friday", "nơi ông đã tới hôm 8/9".
_ARRIVED_THERE = re.compile(
    r"[^.;]{0,40}?(?:\bwhere\s+(?:he|she|they)\s+had\s+(?:arrived|landed)\b|"
    r"(?<!\w)nơi\s+(?:ông|bà|họ)\s+(?:đã\s+)?(?:tới|đến)(?!\w))",
    re.IGNORECASE,
)


def _arrived_before(
    facts: ArticleFacts, view: _View, lex: Lexicon, came: tuple[int, str], article_id: str
) -> None:
    """The arrival at a leg told in retrospect with its day ("flew in from New Delhi,
    where he had arrived on Friday for the summit"): a stated start of that leg."""
    text = view.sentence.text
    at = next((m for m in view.places if m.span[0] == came[0]), None)
    if at is None:
        return
    hit = _ARRIVED_THERE.match(text, at.span[1])
    if hit is None:
        return
    stop = re.compile(r"[.;]|,\s").search(text, hit.end())
    end = stop.start() if stop else len(text)
    days = [d for d in _single_days(view) if hit.end() <= d.span[0] < end + 12]
    if not days:
        return
    place = _place_ref(at.place)
    facts.arrivals.append(
        Sourced(
            Arrival(came[1], place, _moment(days[0], place)),
            _provenance(
                article_id, view.sentence, f"{lex.language}.arrival.before", (at.span[0], end)
            ),
        )
    )


def _dates_an_event(view: _View, mention: DateMention, lex: Lexicon) -> bool:
    """Whether the nearest thing a range follows is a summit, not a visit or a journey ("a
    Group of 20 summit, which is being held on September 4 and 5", "dự Hội nghị thượng
    đỉnh G7 tại Hiroshima từ ngày 19-21/5"): it dates the meeting, and the traveller may
    come before it or leave after."""
    text, end = view.sentence.text, mention.span[0]
    summits = [m.end() for m in lex.summit.finditer(text, 0, end)]
    if not summits:
        return False
    others = [m.end() for m in lex.travel.finditer(text, 0, end)]
    others += [
        cue_end
        for _, cue_end, kind in visit_type_cues(lex, text)
        if cue_end <= end and kind is not VisitType.EVENT
    ]
    return max(summits) > max(others, default=-1)


#: Between a country and the range that dates it: nothing, or the name in brackets.
_RANGE_GAP = re.compile(
    r"^\)?\s*(?:\([^()]{1,40}\)\s*)?"
    # "in the United States on a state visit from June 20 to 23", "Egypt on June 24 and 25"
    r"(?:(?:on|for)\s+(?:an?\s+)?(?:(?:state|official|working|[\w-]+-day)\s+)?"
    r"(?:visit|trip)\s*)?(?:on\s*)?"
    # "an official visit to Singapore that ran from March 10 to 12"
    r"(?:,?\s*(?:that|which)\s+(?:ran|runs|will\s+run|lasted|lasts|will\s+last|"
    r"took\s+place|takes\s+place|is\s+scheduled)\s*)?"
    # "Japan (Oct 6-7)", "Hàn Quốc trong hai ngày 3 và 4/10", "Nhật Bản trong các ngày 6 và 7/10"
    r"(?:(?:trong\s+(?:hai|ba|bốn|các)|vào(?:\s+các)?)\s*(?:ngày\s*)?|ngày\s*)?\(?$",
    re.IGNORECASE,
)


def _range_leg(
    view: _View, mention: DateMention, home: str | None, destinations: set[str]
) -> str | None:
    """The leg a range written right after its country dates ("a state visit to Chile
    from October 30 to November 1, then ... Peru from November 1 to 3", "ở Ca-ta từ
    ngày 14-15/5"): the one destination named since the previous range, when nothing but
    its name in brackets stands between. A range after a list of countries ("Saudi
    Arabia, Qatar and the UAE from May 13 to 16") is the trip's."""
    previous = max((d.span[1] for d in view.dates if d.span[1] <= mention.span[0]), default=0)
    named: dict[str, int] = {}
    for place in view.places:
        code = place.place.country_code
        if place.span[0] < previous or place.span[1] > mention.span[0]:
            continue
        if code == home or view.in_person(place.span) or place.place.kind != "country":
            continue
        named[code] = place.span[1]
    if len(named) != 1:
        return None
    ((code, end),) = named.items()
    if code not in destinations or not _RANGE_GAP.match(view.sentence.text[end : mention.span[0]]):
        return None
    return code


def _first_place_after(view: _View, offset: int) -> PlaceMention | None:
    for mention in view.places:
        if mention.span[0] >= offset and not view.in_person(mention.span):
            return mention
    return None


def _is_grouped_by_type(view: _View, lex: Lexicon) -> bool:
    """A sentence listing countries by visit type ("state visits to A, B and C, and an
    official visit to D") gives no travel order; one that alternates types does."""
    kinds = [kind for _, _, kind in visit_type_cues(lex, view.sentence.text)]
    return len(kinds) >= 2 and len(set(kinds)) == len(kinds)


def _in_time_order(stops: list[Sourced[str]], before: list[tuple[str, str]]) -> list[Sourced[str]]:
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


def _onward(
    views: list[_View], lex: Lexicon, home: str | None, facts: ArticleFacts
) -> list[tuple[str, str]]:
    """(earlier leg, later leg) pairs that onward moves tell: the country named right after
    "fly on to", "then", "sau đó" comes after the countries named before the cue in its
    sentence and after the leg this article reports an arrival in (the leg under way);
    the one after "ends the trip in" comes after every other leg; the one after "after
    attending ... in" / "sau khi tham dự ... tại" comes before those named before it."""
    here = [a.value.country_code for a in facts.arrivals if a.value.country_code != home]
    destinations = {s.value for s in facts.itinerary}
    pairs: list[tuple[str, str]] = []
    for view in views:
        if _background(view, lex):
            continue
        text = view.sentence.text
        named = [(pos, c) for pos, c in view.countries(home) if c in destinations]
        after = lex.after_leg.search(text)
        if after is not None:
            was = [c for pos, c in named if after.end() <= pos <= after.end() + 150][:1]
            now = [c for pos, c in named if c not in was]
            pairs += [(a, b) for a in was for b in dict.fromkeys(now) if a != b]
        first = lex.first_leg.search(text)
        if first is not None and named:
            # "Việt Nam là điểm dừng chân đầu tiên", "the first stop is Hanoi": it leads
            near = min(named, key=lambda pc: abs(pc[0] - first.start()))[1]
            pairs += [(near, c) for c in destinations if c != near]
        left = lex.departure.search(text)
        if left is not None:
            # "Rời Hà Nội, ông sẽ thăm A và B", "After leaving Tokyo he flies to B": the place
            # left comes before the places named after it
            origin = _first_place_after(view, left.end())
            if origin is not None and origin.span[0] - left.end() <= 30:
                gone = origin.place.country_code
                if gone in destinations and not _HEADING.match(text, left.end()):
                    pairs += [(gone, c) for p, c in named if p > origin.span[1] and c != gone]
        cue = lex.onward.search(text)
        if cue is None:
            continue
        later = [c for pos, c in named if cue.end() <= pos <= cue.end() + 60][:1]
        if lex.final_leg.search(cue.group(0)):
            earlier = [c for c in destinations if c not in later]  # "ends the trip in B"
        else:
            earlier = [c for pos, c in named if pos < cue.start()] + here
        pairs += [(a, b) for a in dict.fromkeys(earlier) for b in dict.fromkeys(later) if a != b]
    return pairs


def _itinerary(
    views: list[_View], lex: Lexicon, home: str | None, facts: ArticleFacts
) -> list[tuple[_View, str]]:
    """Destinations in travel order: from the sentence that lists the most of them right
    after a travel cue, preferring one not grouped by visit type; then any others. A
    sentence whose traveller is someone else ("Foreign Minister B flew to Seoul") names
    none of them."""
    views = [v for v in views if not _others_journey(v, lex, facts)]
    best: tuple[int, bool, int] | None = None
    best_list: list[tuple[_View, str]] = []
    for position, view in enumerate(views):
        if not view.travel or _background(view, lex):
            continue
        cue = lex.travel.search(view.sentence.text)
        type_cues = visit_type_cues(lex, view.sentence.text)
        starts = [c[0] for c in type_cues] + ([cue.start()] if cue else [])
        if not starts:
            continue
        first_cue = min(starts)
        compared = _compared(view, lex)
        listed = [
            (pos, code)
            for pos, code in view.countries(home, after=first_cue)
            if (pos - first_cue <= _ORDER_WINDOW or len(starts) > 1) and code not in compared
        ]
        if not listed:
            continue
        score = (len(listed), not _is_grouped_by_type(view, lex), -position)
        if best is None or score > best:
            best = score
            best_list = [(view, code) for _, code in listed]
    ordered = list(best_list)
    named = {code for _, code in ordered}
    for view in views:
        # "arrived in Vientiane to attend the summit": a city's country is a leg even when
        # the article never names the country; so is a planned one ("is expected to land
        # in Hanoi on May 23")
        arrived = lex.arrival.search(view.sentence.text)
        if arrived is None or _background(view, lex):
            continue
        place = _first_place_after(view, arrived.end())
        if place is None or place.span[0] - arrived.end() > 40:
            continue
        code = place.place.country_code
        if code != home and code not in named:
            named.add(code)
            ordered.append((view, code))
    for view in views:
        if not (view.travel or visit_type_cues(lex, view.sentence.text)):
            continue
        if _background(view, lex):
            continue  # "His previous trip took him to A", "The visit comes as B ..."
        compared = _compared(view, lex)
        cue = lex.travel.search(view.sentence.text)
        # Before the cue, a country is where someone comes from ("Tourists from Japan fly
        # to Malaysia") unless the traveller is the one named there ("In Japan, he ...")
        after = (
            cue.start()
            if cue is not None and not _traveller_before(view, cue.start(), facts)
            else 0
        )
        for pos, code in view.countries(home):
            if pos >= after and code not in named and code not in compared:
                named.add(code)
                ordered.append((view, code))
    return ordered


#: Words that refer back to the traveller ("he", "ông", "the President").
_REFERS_BACK = re.compile(
    r"(?i)\b(?:he|she|they|his|her)\b|(?<!\w)(?:ông|bà|Thủ tướng|Tổng thống|Chủ tịch|"
    r"Tổng Bí thư|đoàn)(?!\w)|\bthe\s+(?:president|prime\s+minister|premier|king|queen|"
    r"chancellor|leader|delegation)\b"
)


def _traveller_before(view: _View, at: int, facts: ArticleFacts) -> bool:
    """Whether the traveller (by name or a word that refers back) is named before `at`."""
    text = view.sentence.text[:at]
    if facts.principal is not None and any(
        p.span[1] <= at and same_person(p.name, facts.principal.value.name) for p in view.people
    ):
        return True
    return _REFERS_BACK.search(text) is not None


def _visit_types(view: _View, lex: Lexicon, home: str | None) -> list[tuple[str, VisitType, int]]:
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
        moving_on = lex.onward.search(text, end, stop)
        if moving_on is not None:
            # "to A on Thursday for a three-day state visit, then fly on to B": the cue
            # qualifies A, named before it; B's visit is another
            stop = moving_on.start()
        if kind == VisitType.EVENT:
            # "dự Hội nghị ... tại Melbourne": the city the cue ends on hosts it
            host = _first_place_after(view, end)
            if (
                host is not None
                and host.place.kind == "city"
                and host.span[0] - end <= 2
                and host.place.country_code != home
            ):
                found.append((host.place.country_code, kind, start))
                continue
        last_end: int | None = None
        for mention in countries:
            if mention.span[0] < end or mention.span[0] >= stop:
                continue
            gap = text[end if last_end is None else last_end : mention.span[0]]
            if last_end is None and len(gap) > _CUE_REACH:
                break
            if last_end is not None and not _LIST_GAP.match(gap):
                break
            found.append((mention.place.country_code, kind, start))
            last_end = mention.span[1]
    if not found and len(cues) == 1:
        # "For A and B, these are state visits"; "due in Tokyo on Thursday for a three-day
        # official visit": a city's country
        before = [m.place.country_code for m in countries if m.span[0] < cues[0][0]]
        if not before:
            before = list(
                dict.fromkeys(
                    m.place.country_code
                    for m in view.places
                    if m.place.kind == "city"
                    and m.span[0] < cues[0][0]
                    and m.place.country_code != home
                    and not view.in_person(m.span)
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
#: How far after a summit's name the place it is held in may be named ("G7 ở Hiroshima").
_SUMMIT_HOST_REACH = 30
#: ... or, after "in", "held in", "tại", "diễn ra tại", at the end of a long name.
_SUMMIT_NAME_REACH = 160
_HELD_IN = re.compile(r"(?i)(?:\b(?:in|at)|(?<!\w)(?:tại|ở))\s+(?:the\s+)?(?:\w+\s+){0,2}$")


def _named_meeting(hit: re.Match[str]) -> bool:
    """A summit with a name ("G20", "APEC", "ASEAN summit", "Hội nghị thượng đỉnh"),
    not a bare "summit", which news also uses for two leaders' talks."""
    word = hit.group(0)
    if word.lower() != "summit":
        return True
    before = hit.string[max(0, hit.start() - 30) : hit.start()].split()
    return bool(before) and before[-1][:1].isupper() and before[-1].lower() != "the"


def _summit_legs(
    view: _View,
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
    # Cities count as their country: "arrived in Rio de Janeiro to attend the G20 summit"
    places = [
        m for m in view.places if m.place.kind in ("country", "city") and not view.in_person(m.span)
    ]
    allowed = {m.place.country_code for m in places} - {home}
    found: list[tuple[str, VisitType, int]] = []
    for hit in lex.summit.finditer(text):
        held = [
            m.place.country_code
            for m in places
            if hit.end() <= m.span[0] <= hit.end() + _SUMMIT_HOST_REACH
        ]
        # where it is held, said so: "the G20 summit in New Delhi", "diễn ra tại New Delhi"
        held_in = [
            m.place.country_code
            for m in places
            if hit.end() <= m.span[0] <= hit.end() + _SUMMIT_NAME_REACH
            and _HELD_IN.search(text, hit.end(), m.span[0])
        ]
        # A city before it counts only for a named meeting ("Rio de Janeiro ... the G20
        # summit"), not for "heading to Hyderabad House for the summit" (a bilateral one)
        before = [
            m
            for m in places
            if m.span[1] <= hit.start() and (m.place.kind == "country" or _named_meeting(hit))
        ]
        last = before[-1] if before else None
        if (
            last is None
            or hit.start() - last.span[1] > _SUMMIT_REACH
            or any(last.span[1] <= c[0] < hit.start() for c in cues)
            # "tới Hà Nội ngày 10/9, ngay sau khi tham dự Hội nghị G20": the summit
            # came before the place named
            or lex.after_leg.search(text, last.span[1], hit.start())
        ):
            # nothing the traveller goes to for it before it ("a state visit to A, then
            # the summit": A's visit is its own): where it is held, if said right after
            if held_in and held_in[0] in allowed and not any(c[0] < hit.start() for c in cues):
                found.append((held_in[0], VisitType.EVENT, hit.start()))
            continue
        if held and held[0] != last.place.country_code:
            continue  # "what he saw in A ... at the summit in Hiroshima": held elsewhere
        if last.place.country_code in allowed:
            found.append((last.place.country_code, VisitType.EVENT, hit.start()))
    return found


def _tense(text: str, lex: Lexicon) -> str:
    """Future only when a future marker comes before the first movement verb: "left Hà
    Nội ... where he will attend" reports a departure; "will leave on Monday" plans one."""
    if lex.scheduled_move.search(text):
        return "future"  # "He leaves Hanoi on Monday evening": the schedule, not a report
    future = lex.future.search(text)
    if future is None:
        return "past"
    moves = [
        m.start()
        for m in (
            lex.departure.search(text),
            lex.arrival.search(text),
            lex.returned.search(text),
            lex.conclusion.search(text),
        )
        if m is not None
    ]
    return "future" if not moves or future.start() < min(moves) else "past"


def _countries_in(text: str, lang: str) -> list[str]:
    return [
        m.place.country_code
        for m in find_places(text, "vi" if lang == "vi" else "en")
        if m.place.kind == "country"
    ]


def extract(
    article: ParsedArticle, article_id: str, *, reference: date | None = None
) -> ArticleFacts:
    """Read every sentence of the article body once and collect the trip facts.

    Dates without a year are read against the publication date, else the `reference`
    the caller knows (a trip of the same principal), else the first full date written.
    """
    lang = article.language
    lex = LEXICONS[lang]
    body = article.text[article.body_span[0] : article.body_span[1]]
    reference = article.published_on or reference or infer_reference_date(body, lang)
    facts = ArticleFacts(article_id=article_id, language=lang, reference=reference)
    people = extract_people(article, _Countries(lang))
    if people.principal is None or not people.principal.is_named:
        return facts
    principal = people.principal

    def sentence_at(offset: int) -> Sentence | None:
        for s in article.sentences:
            if s.span[0] <= offset < s.span[1]:
                return s
        return None

    home_sentence = sentence_at(principal.span[0])
    if home_sentence is not None:
        facts.principal = Sourced(
            PersonRef(name=principal.name, title=principal.title),
            _provenance(
                article_id,
                home_sentence,
                f"{lang}.people.principal",
                (
                    principal.span[0] - home_sentence.span[0],
                    principal.span[1] - home_sentence.span[0],
                ),
            ),
        )

    views: list[_View] = []
    for sentence in article.sentences:
        check()
        future = _tense(sentence.text, lex) == "future"
        views.append(
            _View(
                sentence=sentence,
                places=find_places(sentence.text, lang),
                dates=_this_trip(
                    find_dates(
                        sentence.text, lang, reference, tense="future" if future else "past"
                    ),
                    article.published_on,
                ),
                people=find_people(sentence.text, lang),
                future=future,
                # "is expected to land in Hanoi": a planned arrival names a leg as well
                travel=bool(
                    lex.travel.search(sentence.text)
                    or (future and lex.arrival.search(sentence.text))
                ),
            )
        )

    if article.published_on is not None:
        _mark_history(views, lex, article.published_on)
    home, facts.home_basis = _home(principal, views, lang)
    facts.home = home
    for view, code in _itinerary(views, lex, home, facts):
        facts.itinerary.append(
            Sourced(code, _provenance(article_id, view.sentence, f"{lang}.itinerary"))
        )
    for view in views:
        came = _came_from(view, lex, home)
        if came is None:
            continue
        _arrived_before(facts, view, lex, came, article_id)
        # "flew in from A, where he had ...": A is the leg before the one named here, or,
        # with none named here and one other leg, before that one; else where it was told
        code = came[1]
        codes = [s.value for s in facts.itinerary]
        was = codes.index(code) if code in codes else len(codes)
        stop = (
            facts.itinerary.pop(was)
            if code in codes
            else Sourced(code, _provenance(article_id, view.sentence, f"{lang}.came_from"))
        )
        codes = [s.value for s in facts.itinerary]
        named_after = [c for _, c in view.countries(home) if c != code and c in codes]
        if named_after:
            was = min(was, codes.index(named_after[0]))
        elif len(codes) == 1:
            was = 0
        facts.itinerary.insert(was, stop)
    destinations = {s.value for s in facts.itinerary}
    many_legs = len(destinations) > 1
    claims: list[tuple[_View, EngagementClaim]] = []
    one_day: Sourced[DateWindow] | None = None
    retrospect: list[tuple[str, str]] = []  # (an earlier leg, the leg it came before)

    for view in views:
        check()
        s = view.sentence
        text = s.text
        # Visit types, per country.
        for code, kind, at in _visit_types(view, lex, home):
            if code in destinations:
                facts.visit_types.append(
                    Sourced(
                        (code, kind),
                        _provenance(article_id, s, f"{lang}.visit_type.{kind}", (at, len(text))),
                    )
                )
        named_here = [c for _, c in view.countries(home) if c in destinations]
        # Dates stated as ranges: the trip's, or one leg's when one destination is named
        # in a multi-leg trip (or the trip has one leg and the sentence names it).
        if (
            one_day is None
            and named_here
            and not _ranges(view)
            and len(_single_days(view)) == 1
            and visit_type_cues(lex, text)
            and not any(p.search(text) for p in (lex.departure, lex.arrival, lex.returned))
            # "began a state visit on Tuesday", "a three-day visit starting Thursday", "on
            # a visit until Thursday": one end of a longer stay, not a one-day visit
            and not _BOUND.search(text)
            and not lex.conclusion.search(text)
            and not find_durations(text, lang)
        ):
            day = _single_days(view)[0]
            one_day = Sourced(
                DateWindow(day.start, day.start),
                _provenance(article_id, s, f"{lang}.dates.one_day_visit", day.span),
            )
        earlier = _retrospective(view, lex, home, destinations)
        if earlier is not None:
            retrospect.append(earlier)
        if (view.travel or named_here) and not lex.superseded.search(text):
            for mention in _ranges(view):
                window = DateWindow(mention.start, mention.end)
                prov = _provenance(article_id, s, f"{lang}.dates.{mention.rule}", mention.span)
                if _dates_an_event(view, mention, lex):
                    # "the summit, held on September 4 and 5": not the leg's own range; for
                    # a trip to the summit alone, the best guess of the trip's days; the
                    # days the leg in the country named last before it is inferred from
                    if len(destinations) == 1 and facts.trip_window is None:
                        facts.trip_window = Sourced(window, prov)
                    held = [
                        c
                        for pos, c in view.countries(home)
                        if c in destinations and pos < mention.span[0]
                    ]
                    if not held:
                        # "diễn ra trong hai ngày 5-6/3 tại Melbourne": where, said after it
                        there = _first_place_after(view, mention.span[1])
                        if (
                            there is not None
                            and there.place.country_code in destinations
                            and there.span[0] - mention.span[1] <= _CUE_REACH
                            and _HELD_IN.search(text, mention.span[1], there.span[0])
                        ):
                            held = [there.place.country_code]
                    if held:
                        facts.event_windows.append(Sourced((held[-1], window), prov))
                    continue
                # A range written right after its country is that leg's, in an article
                # naming one destination too ("sẽ thăm chính thức Nhật Bản từ ngày 27 -
                # 30/11"): stated for the leg, and the trip's window while it has no other
                owner = _range_leg(view, mention, home, destinations)
                if owner is None and earlier is not None and len(_ranges(view)) == 1:
                    owner = earlier[0]  # "Before coming to A, from May 2 to 3, he was in B"
                if owner is not None:
                    facts.leg_windows.append(Sourced((owner, window), prov))
                    if not many_legs and facts.trip_window is None:
                        facts.trip_window = Sourced(window, prov)
                elif len(_ranges(view)) > 1:
                    continue  # one of several legs' ranges, but whose is not clear
                elif len(named_here) == 1 and (many_legs or not view.travel):
                    if not (
                        view.travel
                        or visit_type_cues(lex, text)
                        or _range_leg(view, mention, home, destinations)
                    ):
                        continue  # days of some activities there, not the visit's own
                    facts.leg_windows.append(Sourced((named_here[0], window), prov))
                elif facts.trip_window is None:
                    facts.trip_window = Sourced(window, prov)
            for duration in find_durations(text, lang):
                # "a three-day state visit to Chile and ... Peru": the country it qualifies.
                # "to A for a three-day state visit, then on to B": A's, named before it
                moving_on = lex.onward.search(text, duration.span[1])
                following = [
                    c
                    for pos, c in view.countries(home, after=duration.span[1])
                    if c in destinations
                    and pos - duration.span[1] <= 60
                    and (moving_on is None or pos < moving_on.start())
                ]
                preceding = [
                    c
                    for pos, c in view.countries(home)
                    if c in destinations and pos < duration.span[0]
                ]
                dur_code = (
                    following[0]
                    if following
                    else preceding[-1]
                    if moving_on is not None and preceding
                    else (named_here[0] if len(named_here) == 1 else None)
                )
                if _whole_trip(text, duration.span, lex):
                    dur_code = None  # "a week-long tour of A, B and C": not A's length
                facts.leg_durations.append(
                    Sourced(
                        (dur_code, duration.days),
                        _provenance(article_id, s, f"{lang}.duration", duration.span),
                    )
                )
        if not view.future:
            for claim in find_engagements(text, lang, [principal.name], home):
                if not claim.planned:
                    claims.append((view, claim))
        if view.future:
            # Plans: postponements and cancellations still count, movements do not.
            _postponed_or_cancelled(facts, view, lex, article_id, named_here)
            continue
        if _background(view, lex):
            continue  # another journey, or the context of this one: no movement of it
        _movements(facts, view, lex, article_id, home, destinations)
        _postponed_or_cancelled(facts, view, lex, article_id, named_here)

    _engagements(facts, claims, lex, article_id, home, destinations)
    if article.published_on is not None:
        # A movement dated after the article was written is a plan, however it is worded
        # ("Theo Nhà Trắng, ông Biden ... sau đó trở về Mỹ ngay trong ngày 21/5"); a day's
        # grace, as the place's calendar may be a day ahead of the publisher's.
        _drop_later_than(facts, article.published_on + timedelta(days=1))
    moved = (
        {a.value.country_code for a in facts.arrivals}
        | {
            d.value.place.country_code
            for d in facts.departures
            if d.value.place.country_code != home
        }
        # "wrapped up his state visit to Germany on Friday": it took place
        | {c.value.country_code for c in facts.conclusions}
    )
    if moved:
        # The trip is under way: a postponement of it, or of a leg it reached, is its
        # history ("the visit, put off in March after ...") and not news.
        facts.postponements = [
            p for p in facts.postponements if p.value is not None and p.value not in moved
        ]
    # Time order, not text order: a leg told in retrospect goes before the leg it
    # preceded; "flying on to B" puts B after the leg under way.
    facts.itinerary = _in_time_order(facts.itinerary, retrospect + _onward(views, lex, home, facts))
    # Legs called off while the rest goes ahead: where they fell is rarely said, and the
    # legs that go ahead keep the sequence (and inferred days) of a trip without them.
    off = {p.value for p in (*facts.postponements, *facts.cancellations) if p.value}
    if off and any(stop.value not in off for stop in facts.itinerary):
        facts.itinerary.sort(key=lambda stop: stop.value in off)
    if facts.trip_window is None and len(destinations) == 1:
        # One country: the leg's dates are the trip's; a lone day is a one-day visit.
        if facts.leg_windows:
            facts.trip_window = Sourced(
                facts.leg_windows[0].value[1], facts.leg_windows[0].provenance
            )
        elif one_day is not None:
            facts.trip_window = one_day

    # Inviters: each speaks for a country; only destinations count.
    for inviter in people.inviters:
        inviter_code = _person_country(inviter, lang)
        said = sentence_at(inviter.span[0])
        if said is None or not inviter.is_named:
            continue
        if inviter_code is None:
            here = [c for c in _countries_in(said.text, lang) if c in destinations]
            inviter_code = here[0] if len(set(here)) == 1 else None
        if inviter_code is not None and inviter_code in destinations:
            local = (inviter.span[0] - said.span[0], inviter.span[1] - said.span[0])
            facts.inviters.append(
                Sourced(
                    (inviter_code, PersonRef(name=inviter.name, title=inviter.title)),
                    _provenance(article_id, said, f"{lang}.people.inviter", local),
                )
            )
    # The delegation.
    if people.spouse is not None and people.spouse.is_named:
        said = sentence_at(people.spouse.span[0])
        if said is not None:
            facts.spouse = Sourced(
                people.spouse.name, _provenance(article_id, said, f"{lang}.people.spouse")
            )
    for member in people.delegation:
        said = sentence_at(member.span[0])
        if said is not None and member.is_named:
            facts.members.append(
                Sourced(
                    PersonRef(name=member.name, title=member.title),
                    _provenance(article_id, said, f"{lang}.people.delegation"),
                )
            )
    _summit_legs_apart(facts)
    return facts


#: The key of a summit leg in a country the trip also visits ("dự Hội nghị APEC tại Lima
#: và thăm chính thức Peru"): two legs, the country's code plus this suffix for the
#: summit's. Facts name legs by key; `leg_country` gives a key's country.
SUMMIT_LEG = "+summit"
_BILATERAL = frozenset({VisitType.STATE, VisitType.OFFICIAL, VisitType.WORKING})


def leg_country(key: str) -> str:
    """The country of a leg key (see `SUMMIT_LEG`)."""
    return key.removesuffix(SUMMIT_LEG)


def _summit_legs_apart(facts: ArticleFacts) -> None:
    """One article that says a country hosts both a summit the traveller attends, on days
    it gives, and a state, official or working visit, not on those days, makes two legs
    there: the summit's (key `<code>+summit`) and the visit's, in the order their dates
    (else their words) give.
    The summit's type and days, and the arrival (summit first) or the departure (summit
    last) at its end of the stay, move to the summit's leg; the rest stays with the visit."""
    for country in dict.fromkeys(t.value[0] for t in facts.visit_types):
        kinds = [t for t in facts.visit_types if t.value[0] == country]
        event = next((t for t in kinds if t.value[1] == VisitType.EVENT), None)
        visit = next((t for t in kinds if t.value[1] in _BILATERAL), None)
        at = next((i for i, stop in enumerate(facts.itinerary) if stop.value == country), None)
        if event is None or visit is None or at is None:
            continue
        key = country + SUMMIT_LEG
        days = next((e.value[1] for e in facts.event_windows if e.value[0] == country), None)
        own = next((w.value[1] for w in facts.leg_windows if w.value[0] == country), None)
        if days is None or (own is not None and own.start <= days.end and days.start <= own.end):
            # a summit during the visit ("on a state visit to A from June 10 to 12; on June
            # 12 he attends a summit in Tokyo"), or of days unknown: one leg
            continue
        if own is not None:
            summit_first = days.start < own.start
        else:
            where = (event.provenance.sentence_index, event.provenance.span[0])
            summit_first = where < (visit.provenance.sentence_index, visit.provenance.span[0])
        facts.itinerary.insert(at if summit_first else at + 1, Sourced(key, event.provenance))
        # the stay there began with the summit (arriving, moving in from the leg before), or
        # ended with it (leaving for the next leg; "concluded the official visit" still ends
        # the visit's leg)
        move_to_summit_leg(
            facts, country, arrivals=summit_first, entering=summit_first, leaving=not summit_first
        )


def move_to_summit_leg(
    facts: ArticleFacts, country: str, *, arrivals: bool, entering: bool, leaving: bool
) -> None:
    """Give the summit's leg in `country` (key `<code>+summit`) what the article says of the
    summit: its type and days, and, as asked, the arrivals there, the moves into the
    country, and the moves out of it."""
    key = country + SUMMIT_LEG

    def summit(code: str | None) -> str | None:
        return key if code == country else code

    facts.visit_types = [
        Sourced((key, t.value[1]), t.provenance)
        if t.value[0] == country and t.value[1] == VisitType.EVENT
        else t
        for t in facts.visit_types
    ]
    facts.event_windows = [
        Sourced((key, e.value[1]), e.provenance) if e.value[0] == country else e
        for e in facts.event_windows
    ]
    if arrivals:
        facts.arrivals = [
            Sourced(replace(a.value, country_code=key), a.provenance)
            if a.value.country_code == country
            else a
            for a in facts.arrivals
        ]
    if entering or leaving:
        facts.departures = [
            Sourced(
                replace(
                    d.value,
                    next_country=summit(d.value.next_country) if entering else d.value.next_country,
                    concluded_country=summit(d.value.concluded_country)
                    if leaving
                    else d.value.concluded_country,
                ),
                d.provenance,
            )
            for d in facts.departures
        ]


def _focus(facts: ArticleFacts) -> str | None:
    """The leg an article is about: the one it reports ending, arriving in or dating."""
    for items in (
        [c.value.country_code for c in facts.conclusions],
        [a.value.country_code for a in facts.arrivals],
        [w.value[0] for w in facts.leg_windows],
    ):
        if len(set(items)) == 1:
            return items[0]
    codes = {s.value for s in facts.itinerary}
    return next(iter(codes)) if len(codes) == 1 else None


def _engagements(
    facts: ArticleFacts,
    claims: list[tuple[_View, EngagementClaim]],
    lex: Lexicon,
    article_id: str,
    home: str | None,
    destinations: set[str],
) -> None:
    """Each reported engagement, in the leg where it happened, merged by key."""
    focus = _focus(facts)
    merged: dict[str, Sourced[Engagement]] = {}
    for view, claim in claims:
        place: PlaceRef | None = None
        country: str | None = None
        for mention in sorted(claim.places, key=lambda m: m.place.kind == "city"):
            if mention.place.country_code in destinations:
                place, country = _place_ref(mention.place), mention.place.country_code
                break
        if country is None:
            during = lex.during.search(view.sentence.text)
            if during is not None:
                near = [c for _, c in view.countries(home, after=during.end()) if c in destinations]
                country = near[0] if near else None
        if country is None:
            # "Ngày 22/3, tại Vác-sa-va (Warsaw), ... hội đàm với ...": the one destination
            # the sentence places it in, though outside the engagement's own words
            there = {
                m.place.country_code
                for m in view.places
                if m.place.country_code in destinations and not view.in_person(m.span)
            }
            if len(there) == 1:
                country = there.pop()
                place = next(
                    _place_ref(m.place)
                    for m in view.places
                    if m.place.country_code == country and not view.in_person(m.span)
                )
        if country is None:
            # talks with the Polish prime minister happen in Poland, when it is a leg
            theirs = {
                code
                for p in claim.counterparts
                if (code := _person_country(p, lex.language)) in destinations
            }
            if len(theirs) == 1:
                country = theirs.pop()
        country = country or focus
        days = _single_days(view)
        at = _moment(days[0], place) if len(days) == 1 else None
        people = [PersonRef(name=p.name, title=p.title) for p in claim.counterparts if p.name]
        key = engagement_key(claim.kind, claim.title, people)
        held = merged.get(key)
        if held is not None:
            old = held.value
            merged[key] = Sourced(
                Engagement(
                    key,
                    old.kind,
                    old.title,
                    old.country_code or country,
                    old.counterparts or people,
                    old.place or place,
                    old.at or at,
                ),
                held.provenance,
            )
            continue
        merged[key] = Sourced(
            Engagement(key, claim.kind, claim.title, country, people, place, at),
            _provenance(article_id, view.sentence, claim.rule, claim.span),
        )
    facts.engagements.extend(merged.values())


#: After a place: it owns what follows ("the U.S. military's base", "Japan's capital").
_POSSESSOR = re.compile(
    r"(?:['’]s\b|\s+(?:military|army|navy|air\s+force|embassy|consulate)\b)", re.IGNORECASE
)


def _others_journey(view: _View, lex: Lexicon, facts: ArticleFacts) -> bool:
    """Whether the sentence's journey is another named person's: the subject of its first
    travel, arrival or departure verb is someone other than the traveller."""
    text = view.sentence.text
    verbs = [m.start() for p in (lex.arrival, lex.departure) if (m := p.search(text))]
    verbs += [m.start() for m in lex.travel.finditer(text) if m.group(0).lower() not in _NOUNS]
    return bool(verbs) and _someone_else(view, min(verbs), facts)


#: Travel cues that are nouns ("on the second day of a state visit"): no one's verb.
_NOUNS = frozenset({"visit", "visits", "trip", "trips", "tour", "chuyến thăm", "chuyến công tác"})


def _someone_else(view: _View, verb: int, facts: ArticleFacts) -> bool:
    """Whether the subject of a movement verb at `verb` is a named person other than the
    traveller: the last person named before it in the same clause, with nothing but an
    aside (", vừa tuyên thệ nhậm chức sáng 23/5,") between."""
    if facts.principal is None:
        return False
    before = [p for p in view.people if p.span[1] <= verb and p.is_named]
    if not before:
        return False
    subject = before[-1]
    gap = view.sentence.text[subject.span[1] : verb]
    if len(gap) > 120 or re.search(r"[;:]|\b(?:and|và|while|khi|trong khi)\b", gap):
        return False
    if len(before) > 1 and same_person(before[-2].name, facts.principal.value.name):
        # "Vua Charles III và Hoàng hậu Camilla đã hạ cánh": the traveller and a companion
        joined = view.sentence.text[before[-2].span[1] : subject.span[0]]
        if re.fullmatch(r"(?i)\s*(?:and|và|cùng|with)\s*", joined):
            return False
    return not same_person(subject.name, facts.principal.value.name)


def _moves_between(lex: Lexicon, gap: str) -> bool:
    """Whether another movement or visit verb stands between a departure and a place."""
    return bool(
        lex.departure.search(gap)
        or lex.arrival.search(gap)
        or re.search(r"(?i)(?<!\w)(?:thăm|visit\w*|tour|to attend|dự)(?!\w)", gap)
    )


#: Between a departure verb and a place: the place is the destination ("left for",
#: "lên đường tới", "khởi hành đi").
_HEADING = re.compile(
    r"\s*(?:for|to|tới|đến|sang|đi|thăm(?:\s+(?:chính\s+thức|cấp\s+nhà\s+nước|làm\s+việc))?)"
    r"(?!\w)",
    re.IGNORECASE,
)


def _drop_later_than(facts: ArticleFacts, day: date) -> None:
    """Keep only movements on or before `day` (the publication date)."""
    facts.departures = [d for d in facts.departures if d.value.at.day <= day]
    facts.arrivals = [a for a in facts.arrivals if a.value.at.day <= day]
    facts.conclusions = [c for c in facts.conclusions if c.value.on is None or c.value.on <= day]
    facts.returns = [r for r in facts.returns if r.value is None or r.value <= day]


def _set_off(
    facts: ArticleFacts,
    view: _View,
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
    done = _listed_after(view, ended.end(), home, destinations) if ended else []
    # Legs called off are not where the trip begins ("put off the A and B stops; he still
    # leaves for C on Wednesday": C is the first leg)
    off = {p.value for p in (*facts.postponements, *facts.cancellations)}
    codes = [stop.value for stop in facts.itinerary if stop.value not in off]
    if len(done) == 1 and done[0] != to:
        # "after wrapping up the visit to A, he left for B": it left A
        origin, concluded = PlaceRef(country_code=done[0]), done[0]
    elif home is not None and (not codes or codes[0] == to):
        origin, concluded = PlaceRef(country_code=home), None
    else:
        return  # heading on from one leg to the next: which one it left is not said
    facts.departures.append(
        Sourced(
            Departure(
                place=origin,
                at=_moment(days[0], None),
                concluded_country=concluded,
                next_country=to,
            ),
            _provenance(article_id, view.sentence, f"{lang}.departure.heading", heading.span),
        )
    )


def _movements(
    facts: ArticleFacts,
    view: _View,
    lex: Lexicon,
    article_id: str,
    home: str | None,
    destinations: set[str],
) -> None:
    """Departures, arrivals, conclusions and returns reported in one sentence."""
    s = view.sentence
    lang = lex.language
    days = _single_days(view)
    went_home = False
    departed = lex.departure.search(s.text)
    if departed and _someone_else(view, departed.start(), facts):
        departed = None  # "New PM Albanese ... set off for Japan": not the traveller's move
    if departed:
        origin = _first_place_after(view, departed.end())
        if origin is not None and _HEADING.match(s.text, departed.end(), origin.span[0]):
            # "left for Tokyo", "lên đường tới Nhật Bản": where it goes, not where it left
            _set_off(facts, view, lex, origin, days, home, destinations, article_id)
            origin = None
        if origin is not None and _moves_between(lex, s.text[departed.end() : origin.span[0]]):
            # "rời Ulan Bato, lên đường thăm Ireland": the place named is where it goes next
            # (the one it left was not recognised), never where it left
            origin = None
        if origin is not None and origin.span[0] - departed.end() <= 40 and days:
            place = _place_ref(origin.place)
            concluded = place.country_code if place.country_code in destinations else None
            onward = [
                c
                for pos, c in view.countries(home, after=origin.span[1])
                if c in destinations and c != concluded
            ]
            prov = _provenance(article_id, s, f"{lang}.departure.city", origin.span)
            if concluded and place.city:
                facts.cities.append(Sourced((concluded, place.city), prov))
            if onward:
                # "heading to Minsk for a state visit to Belarus": the next leg's city.
                for mention in view.places:
                    if (
                        mention.span[0] > origin.span[1]
                        and mention.place.kind == "city"
                        and mention.place.country_code == onward[0]
                    ):
                        facts.cities.append(
                            Sourced(
                                (onward[0], mention.place.name),
                                _provenance(article_id, s, f"{lang}.onward.city", mention.span),
                            )
                        )
                        break
            facts.departures.append(
                Sourced(
                    Departure(
                        place=place,
                        at=_moment(days[0], place),
                        concluded_country=concluded,
                        next_country=onward[0] if onward else None,
                    ),
                    _provenance(
                        article_id, s, f"{lang}.departure", (departed.start(), origin.span[1])
                    ),
                )
            )
    arrived = lex.arrival.search(s.text)
    if arrived and _someone_else(view, arrived.start(), facts):
        arrived = None
    if arrived:
        target = _first_place_after(view, arrived.end())
        while target is not None and _POSSESSOR.match(s.text, target.span[1]):
            # "touched down at the U.S. military's Yokota Air Base": the base, not the U.S.
            target = _first_place_after(view, target.span[1])
        if target is not None and _ATTENDS_FIRST.match(s.text, arrived.end(), target.span[0]):
            # "tới dự lễ khai mạc Tuần lễ văn hóa Nhật Bản": a name in the event attended
            target = None
        if target is not None and target.span[0] - arrived.end() <= 40:
            place = _place_ref(target.place)
            prov = _provenance(article_id, s, f"{lang}.arrival", (arrived.start(), target.span[1]))
            if place.country_code == home:
                went_home = True
                facts.returns.append(Sourced(days[0].start if days else None, prov))
            elif place.country_code in destinations:
                if place.city:
                    facts.cities.append(Sourced((place.country_code, place.city), prov))
                at = _moment(days[0], place) if days else None
                if at is not None:
                    facts.arrivals.append(Sourced(Arrival(place.country_code, place, at), prov))
    began = lex.began.search(s.text)
    if began and not arrived and len(days) == 1 and not _someone_else(view, began.start(), facts):
        # "began a state visit to A on Tuesday": the leg starts that day, as an arrival
        started = _listed_after(view, began.end(), home, destinations)
        if len(started) == 1:
            place = PlaceRef(country_code=started[0])
            prov = _provenance(article_id, s, f"{lang}.began", began.span())
            facts.arrivals.append(
                Sourced(Arrival(started[0], place, _moment(days[0], place)), prov)
            )
    returned = lex.returned.search(s.text)
    if returned and not arrived:
        went_home = True
        # "left for A on May 17 ..., then back home on May 21": the day after the verb
        later = [d for d in days if d.span[0] >= returned.end()]
        back = later[0].start if later else (days[0].start if len(days) == 1 else None)
        facts.returns.append(
            Sourced(
                back,
                _provenance(article_id, s, f"{lang}.return", returned.span()),
            )
        )
    ended = lex.conclusion.search(s.text)
    if ended:
        listed = _listed_after(view, ended.end(), home, destinations)
        # Ending the whole journey (several legs, or on the way home) says each leg is
        # over, not the day it ended: that day is the homecoming's.
        on = days[0].start if days and len(listed) == 1 and not went_home else None
        for code in listed:
            facts.conclusions.append(
                Sourced(
                    Conclusion(code, on),
                    _provenance(article_id, s, f"{lang}.conclusion", ended.span()),
                )
            )


_LIST_GAP = re.compile(
    r"^(?:\s*\([^()]{1,30}\))?[\s,()]*(?:and|và|cùng)?[\s,()]*(?:the\s+)?"
    r"(?:Cộng hòa|Cộng hoà|Vương quốc|Republic of)?\s*$",
    re.IGNORECASE,
)


def _listed_after(view: _View, offset: int, home: str | None, destinations: set[str]) -> list[str]:
    """The destination named first after `offset` and any listed right after it
    ("kết thúc chuyến thăm Lào và Campuchia" ends both legs)."""
    listed: list[str] = []
    last_end: int | None = None
    for mention in view.places:
        code = mention.place.country_code
        if mention.span[0] < offset or view.in_person(mention.span) or code == home:
            continue
        if code not in destinations:
            if listed:
                break
            continue
        if last_end is not None and not _LIST_GAP.match(
            view.sentence.text[last_end : mention.span[0]]
        ):
            break
        if code not in listed:
            listed.append(code)
        last_end = mention.span[1]
    return listed


#: Words that make the places named after a postponement parts of the trip, not all of it.
_PARTS = re.compile(
    r"(?i)(?<![^\W_])(?:legs?|stops?|stopovers?|portions?|chặng(?!\s+đường)(?:\s+dừng\s+chân)?|"
    r"điểm\s+dừng)(?![^\W_])"
)


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


#: What a postponement may name that is a visit, not a meeting in it.
_VISIT_NOUN = re.compile(
    r"(?i)\b(?:visit|trip|tour|journey|legs?|stops?)\b|(?<!\w)(?:chuyến|chặng)(?!\w)"
)
#: A meeting named as what was called off (with the summit cues of the lexicon).
_MEETING_NOUN = re.compile(r"(?i)\b(?:meeting|forum|conference|talks)\b|(?<!\w)hội\s+nghị(?!\w)")


#: Between an arrival verb and a place: the event it is for, so the place is in its name
#: ("tới dự lễ kỷ niệm quan hệ Việt Nam - Nhật Bản"), unless "at/in/tại/ở" says where.
_ATTENDS_FIRST = re.compile(
    r"(?i)\s*(?:để\s+)?(?:dự|tham\s+dự|attend|to\s+attend)\b(?!.*\b(?:tại|ở|in|at)\s*$)"
)


def _an_event_called_off(text: str, hit: re.Match[str], lex: Lexicon) -> bool:
    """Whether what the postponement or cancellation names is a summit or meeting ("the
    Quad leaders' summit that was to crown his visit has been called off", "Hội nghị Bộ
    Tứ ... đã bị hủy", "called off the Quad summit"), not the visit or a leg of it."""
    meetings = [
        m
        for pattern in (lex.summit, _MEETING_NOUN)
        for m in pattern.finditer(text)
        if hit.start() - 100 <= m.start() < hit.start() or hit.end() <= m.start() <= hit.end() + 25
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
        elif m.start() >= hit.end() and not _VISIT_NOUN.search(between):
            return True
    return False


def _postponed_or_cancelled(
    facts: ArticleFacts, view: _View, lex: Lexicon, article_id: str, named_here: list[str]
) -> None:
    if not (view.travel or named_here):
        return
    code = named_here[0] if len(named_here) == 1 else None
    for pattern, target, name in (
        (lex.postponed, facts.postponements, "postponed"),
        (lex.cancelled, facts.cancellations, "cancelled"),
    ):
        hit = pattern.search(view.sentence.text)
        if hit and _an_event_called_off(view.sentence.text, hit, lex):
            continue  # "the Quad summit ... has been called off": a meeting, not the leg
        if hit:
            # "called off the A and B legs", "hoãn chặng dừng chân tại A và B": those legs;
            # otherwise the one leg named, or the whole trip
            legs = _listed_after(view, hit.end(), None, set(named_here))
            every = {stop.value for stop in facts.itinerary}
            # The legs named are the trip's all, as far as read yet: the whole trip, unless
            # the sentence says they are parts of it ("the A and B legs of his tour").
            parts = _PARTS.search(view.sentence.text, hit.end()) is not None
            for leg in legs if legs and (parts or set(legs) != every) else [code]:
                target.append(
                    Sourced(
                        leg,
                        _provenance(
                            article_id, view.sentence, f"{lex.language}.{name}", hit.span()
                        ),
                    )
                )
