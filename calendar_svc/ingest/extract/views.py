"""One sentence as the readers see it (`View`): its places, this trip's dates, its people,
its tense, and which of its countries are not places gone to; with the helpers that walk
a sentence's places (the first after a cue, a list of them).

Every reader works on views, so they are made once per article (`read_sentences`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from calendar_svc.domain.language import Language
from calendar_svc.ingest.budget import check
from calendar_svc.ingest.dates import DateMention, Tense, find_dates, find_days_of_writing
from calendar_svc.ingest.dates.relative import relative_days
from calendar_svc.ingest.extract.hanoi_time import day_there, in_hanoi_time
from calendar_svc.ingest.lexicon import LEADS, Lexicon
from calendar_svc.ingest.people import Person, people_per_sentence
from calendar_svc.ingest.people.titles import TITLE_RE
from calendar_svc.ingest.places import PlaceMention, find_places
from calendar_svc.ingest.text import ParsedArticle, Sentence
from calendar_svc.reference.identity import person_id


@dataclass
class View:
    """One sentence with everything found in it (spans relative to the sentence)."""

    sentence: Sentence
    places: list[PlaceMention]
    dates: list[DateMention]
    people: list[Person]
    future: bool
    travel: bool
    #: told of an earlier journey, months back ("Chinh, who visited Australia in March")
    history: bool = False
    #: the last days of the dates too far from publication to be this trip's
    far_ends: list[date] = field(default_factory=list)
    #: answers about the text alone that several readers ask (`remember`)
    _memo: dict[str, int | None] = field(default_factory=dict, repr=False)

    def remember(self, key: str, compute: Callable[[], int | None]) -> int | None:
        """`compute()` once per sentence: a question of the text alone (with the article's
        lexicon), asked by several readers, costs one regex scan, not one per reader."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def in_person(self, span: tuple[int, int]) -> bool:
        return any(p.span[0] <= span[0] and span[1] <= p.span[1] for p in self.people)

    @functools.cached_property
    def not_destinations(self) -> frozenset[tuple[int, int]]:
        """Spans of countries named for their leaders, people, firms or situation, not as
        places gone to ("with the leaders of Japan, Australia and India", "cùng lãnh đạo
        Nhật Bản, Ô-xtrây-li-a và Ấn Độ", "reliance on China"); see `_NOT_GONE_TO`."""
        text = self.sentence.text
        out: set[tuple[int, int]] = set()
        for clause in _WHO_CLAUSE.finditer(text):
            # "Kim travels with aide B, who took a letter to the White House": a clause on
            # someone named after the verb is theirs ("Petrov, who is on a visit to
            # Japan, ..." is on the subject, and stays)
            if not _SUBJECT_ONLY.fullmatch(text[: clause.start()]):
                inside = [m for m in self.places if clause.start() <= m.span[0] < clause.end()]
                out.update(m.span for m in inside)
                if inside:  # "..., who chose Vietnam, Thailand and Indonesia for his trip"
                    out.update(m.span for m in self._listed_from(inside[-1].span[1]))
        for clause in _WHO_VISITED.finditer(text):
            # "Chinh, who visited Australia and New Zealand in March, ...": their past; and
            # the rest of its list ("who had just returned from New Zealand, Australia and
            # Malaysia")
            inside = [m for m in self.places if clause.start() <= m.span[0] < clause.end()]
            out.update(m.span for m in inside)
            last = max((m.span[1] for m in inside), default=clause.end())
            out.update(m.span for m in self._listed_from(max(last, clause.end())))
        for aim in _TARGET.finditer(text):
            # "aiming to capture Ukraine's second city, Kharkiv": the rest of the clause
            closed = _CLAUSE_STOP.search(text, aim.end())
            stop_at = closed.start() if closed else len(text)
            out.update(m.span for m in self.places if aim.end() <= m.span[0] < stop_at)
        for stop in _ON_THE_WAY.finditer(text):
            # "after a refuelling stop in Alaska, United States", "flying via Dubai in the
            # UAE", "quá cảnh tại A", "since Bachelet travelled to Japan and China": no leg
            out.update(m.span for m in self.places if stop.end() <= m.span[0] <= stop.end() + 40)
        out.update(m.span for m in self.places if _for_someone(text, m, self.people))
        # "was expected to stop in Britain to refuel on the way back": a stop on the way
        out.update(m.span for m in self.places if _ON_THE_WAY_AFTER.match(text, m.span[1]))
        # "sau Nhật Bản hồi tháng 4", "sau Ma-đrít (2022)": a stay dated to the past
        out.update(m.span for m in self.places if _DATED_PAST.match(text, m.span[1]))
        for cue in _SKIPPED.finditer(text):
            out.update(m.span for m in self._listed_from(cue.end()))  # cities too
        for cue in _NOT_GONE_TO.finditer(text):
            if LEADS.search(text, max(0, cue.start() - 60), cue.start()):
                continue  # "will lead a business delegation to Singapore": the one who goes
            out.update(m.span for m in self._listed_from(cue.end()) if m.place.kind == "country")
        return frozenset(out)

    def _listed_from(self, end: int) -> list[PlaceMention]:
        """The places of the list that starts at `end` ("Japan, Australia and India")."""
        found: list[PlaceMention] = []
        for mention in sorted(self.places, key=lambda m: m.span):
            if mention.span[0] < end:
                continue
            if not _LIST_OF_PLACES.fullmatch(self.sentence.text[end : mention.span[0]]):
                break
            found.append(mention)
            end = mention.span[1]
        return found

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


#: Right before a place: the one the traveller came from ("flew in from Jakarta, where
#: ...", "flying in from Tokyo", "từ Bra-xin bay sang").
CAME_FROM = re.compile(r"(?i)(?:\bfrom|(?<!\w)từ)\s+(?:the\s+)?$")
#: Right before a day: the day a stay begins on or counts from ("from", "starting on",
#: "running from", "bắt đầu từ ngày": "a state visit to India starting on Feb. 17",
#: "kéo dài 4 ngày, từ 31/10").
FROM_DAY = re.compile(
    r"(?i)(?:\b(?:from|starting(?:\s+on)?|beginning(?:\s+on)?|running\s+from)|"
    r"(?<!\w)(?:bắt\s+đầu\s+)?từ(?:\s+ngày)?)\s*$"
)


#: Words before a country that make it someone's or something's, not a place the
#: traveller goes: its leaders ("with the leaders of A, B and C", "cùng lãnh đạo A"), its
#: people and firms ("doanh nghiệp Hàn Quốc", "companies from Japan"), a relation with it
#: ("reliance on China", "quan hệ với Mỹ") or a situation there ("the war in Ukraine",
#: "xung đột ở U-crai-na", "tình hình Mi-an-ma").
_NOT_GONE_TO = re.compile(
    r"(?i)\b(?:(?:leaders?|heads?\s+of\s+(?:state|government)|counterparts?|prime\s+ministers|"
    r"presidents)\s+(?:of|from)|(?:companies|businesses|firms|investors|officials|"
    r"delegations?|exports?|imports?)\s+(?:from|to)|(?:relations|ties|tensions|rivalry|"
    r"disputes?|trade|coordination|cooperation|partnership|alliance|standoff|stand-off|row|"
    r"clash(?:es)?)\s+with|"
    r"(?:reliance|dependence|pressure|sanctions)\s+on|against|between|"
    # those urged or asked: "urged Ukraine and Russia to sit down", "kêu gọi Nga"
    r"(?:urged|urges|urging|called\s+on|calls\s+on|calling\s+on|appealed\s+to|pressed|"
    r"pressing|encouraged|encouraging)|"
    r"(?:war|conflict|situation|crisis|fighting|unrest|protests|violence|elections?|tariffs|"
    r"(?:election\s+)?(?:victory|win|defeat)|vote|referendum|"
    r"duties|curbs|restrictions|bans?|blast|explosion|attacks?|strikes?|bombing|shooting|"
    r"earthquake|floods?|storms?|typhoon|crash)\s+in|"
    r"(?:business\s+leaders|executives|businesspeople|citizens|nationals)\s+(?:from|of)|"
    # others' travel: "urged people planning trips to Iran to cancel them"
    r"(?:people|citizens|nationals|tourists|travell?ers|residents)\s+(?:\w+\s+){0,3}?"
    r"(?:trips?|travel)\s+to|"
    # "conveyed Biden's invitation to visit Vietnam": a visit some day, not this trip's
    r"(?:extended|conveyed|renewed|passed\s+on)\s+(?:an?\s+|the\s+|\w+['’]s\s+)?"
    r"invitation\s+(?:\w+\s+){0,3}?to\s+visit)\s+(?:the\s+)?|"
    r"(?<!\w)(?:chuyển|gửi|trao|nhắc\s+lại)\s+lời\s+mời\s+(?:\w+\s+){0,3}?(?:sang\s+)?thăm\s+|"
    # an institution of a country speaks for it: "Theo Bộ Ngoại giao Trung Quốc", "phía
    # Nhật Bản", "the embassy of Japan", "China's foreign ministry said" (see `_SPEAKS`)
    r"\b(?:(?:foreign|defence|defense)\s+ministry|embassy|government|state\s+media)\s+of\s+"
    r"(?:the\s+)?|"
    r"(?<!\w)(?:Bộ\s+Ngoại\s+giao|Bộ\s+Quốc\s+phòng|Đại\s+sứ\s+quán|Sứ\s+quán|"
    r"Thông\s+tấn\s+xã|hãng\s+thông\s+tấn|truyền\s+thông|Chính\s+phủ|phía|"
    # a country's delegation: "dẫn đầu đoàn Việt Nam dự Hội nghị", "đoàn đại biểu cấp cao Lào"
    r"(?:(?-i:đoàn)|(?-i:Đoàn)(?=\s+đại\s+biểu))(?:\s+đại\s+biểu)?(?:\s+cấp\s+cao)?)\s+|"
    r"(?<!\w)(?:lãnh\s+đạo(?:\s+cấp\s+cao|\s+chủ\s+chốt)?|nguyên\s+thủ|người\s+đứng\s+đầu(?:\s+nhà\s+nước)?|doanh\s+nghiệp|"
    r"công\s+ty|tập\s+đoàn|nhà\s+đầu\s+tư|doanh\s+nhân|công\s+dân|người\s+dân|kiều\s+bào|hàng\s+hóa|quan\s+hệ\s+với|"
    r"căng\s+thẳng(?:\s+(?:với|giữa))?|"
    # a country's people and troops: "trẻ em Ukraine", "quân Italy", "binh sĩ Nga"
    r"trẻ\s+em|quân(?:\s+đội)?|binh\s+sĩ|lính|"
    # a language: "Cộng đồng các quốc gia nói tiếng Bồ Đào Nha"
    r"tiếng|"
    r"xung\s+đột\s+(?:ở|tại)|chiến\s+sự\s+(?:ở|tại)|chiến\s+dịch(?:\s+quân\s+sự)?\s+(?:ở|tại)|"
    # "cuộc chiến ở Ukraine", "chiến tranh tại Gaza", "hòa bình tại Ukraine"
    r"(?:cuộc\s+chiến|chiến\s+tranh|khủng\s+hoảng|hòa\s+bình|hoà\s+bình)\s+(?:ở|tại)|"
    r"tình\s+hình|vấn\s+đề|kêu\s+gọi|"
    r"thúc\s+giục|giữa|"
    # the members of a group: "lãnh đạo 6 nước thành viên GCC gồm A, B, C"
    r"(?:lãnh\s+đạo|thành\s+viên)\s+[^,.;]{0,60}?(?:bao\s+)?gồm|"
    # a group named with a country: "the Group of 77 and China", "G77 và Trung Quốc"
    r"(?:G-?77|Group\s+of\s+77|Nhóm\s+77)\s*(?:\+|and|và|cộng)\s*)\s*"
    r"(?:các\s+nước\s+)?"
)


#: Right after a place: a past time it is dated by ("sau Nhật Bản hồi tháng 4", "Ấn Độ năm
#: ngoái"); in a sentence about now, so history does not take the whole of it. (English
#: "after India last year" makes the sentence history already.)
_DATED_PAST = re.compile(
    r"(?i)\s*(?:\([^()]{1,30}\)\s*)?(?:(?<!\w)hồi\s+(?:tháng|năm|đầu|giữa|cuối)(?!\w)|"
    r"(?<!\w)(?:năm|tháng)\s+(?:ngoái|trước)(?!\w))"
    # "sau Ma-đrít (2022) và Vin-ni-út (2023)", "Madrid (2022)": an earlier year's
    r"|\s*\(\s*(?:năm\s+|in\s+)?(?:19|20)\d\d\s*\)"
)


#: A place not gone to: "He skipped Ramallah", "bỏ qua Ramallah".
_SKIPPED = re.compile(
    r"(?i)\b(?:skipped|skips|skip|bypassed|bypasses|avoided|avoids)\s+|(?<!\w)bỏ\s+qua\s+"
)


#: A capital that speaks or commits is its government ("Washington pledged security
#: guarantees", "Bình Nhưỡng cam kết"), not a place anyone goes.
_SPEAKS = re.compile(
    r"['’]s\s+(?:foreign|defence|defense)\s+ministry\b|['’]s\s+(?:state\s+media|embassy)\b|"
    r"\s+(?:(?:has|have|had)\s+)?(?:said|says|pledged|pledges|committed|commits|insisted|"
    r"insists|warned|warns|accused|accuses|demanded|demands|vowed|vows|invaded|invades|"
    r"attacked|attacks|annexed)\b|"
    r"\s+(?:đã\s+|sẽ\s+)?(?:cam\s+kết|khẳng\s+định|tuyên\s+bố|cáo\s+buộc|yêu\s+cầu|"
    r"phản\s+đối|cho\s+biết)(?!\w)"
)


#: A country that acts: "Russia invaded", "China has accused".
_ACTS = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:invaded|invades|attacked|annexed|accused|warned|vowed|"
    r"pledged|insisted|demanded)\b"
)


_POSSESSIVE = re.compile(r"['’]s\s+(?P<run>(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)")


def _for_someone(text: str, mention: PlaceMention, people: list[Person]) -> bool:
    """A place named for whom it belongs to or who speaks for it, or for its clock:
    "with China's Xi Jinping", "China's foreign ministry said", "Washington pledged",
    "Bình Nhưỡng cam kết", "announced by the White House", "8 a.m. Hanoi time"."""
    a, b = mention.span
    if _whose(text, b, people):
        return True
    if text[b : b + 1] in ("'", "’") and _SPEAKS.match(text, b):
        return True
    if _CLOCK_VI.search(text, max(0, a - 8), a):
        return True  # "8h10 sáng 3/12 giờ Hà Nội"
    if _OWNS_A_THING.match(text, b) and not _GOING_BEFORE.search(text, max(0, a - 20), a):
        return True  # "compared Israel's offensive in Gaza to ...": its deed, not a place
    if (
        mention.text in ("U.S.", "US", "U.S")
        and _NOUN_AFTER.match(text, b)
        and not _GOING_BEFORE.search(text, max(0, a - 20), a)
    ):
        return True  # "as U.S. tariffs rattle trade": an adjective, not a place
    if _ACTS.match(text, b):
        return True  # "since Russia invaded Ukraine": the country acts, no one goes there
    return mention.place.kind != "country" and bool(
        _SPEAKS.match(text, b)
        or _SAID_BY.search(text, max(0, a - 40), a)
        or _CLOCK.match(text, b)  # "8:10 a.m. Hanoi time"
    )


def _whose(text: str, end: int, people: list[Person]) -> bool:
    """Whether the country ending at `end` owns the person after it ("China's Xi Jinping",
    "Japan's Prime Minister Kishida"): a mention, a title or a known office holder."""
    hit = _POSSESSIVE.match(text, end)
    if hit is None:
        return False
    at = hit.start("run")
    return (
        any(p.span[0] == at for p in people)
        or TITLE_RE["en"].match(text, at) is not None
        or person_id(hit["run"]) is not None
    )


_CLOCK = re.compile(r"\s+time\b")
_OWNS_A_THING = re.compile(r"['’]s\s+[a-z]")
#: ("a three-day U.S. visit", "as U.S. trip ends" name the journey's part: a place)
_NOUN_AFTER = re.compile(r"\s+(?!(?:visit|trip|tour|leg|stop|stay|swing)s?\b)[a-z]")
_GOING_BEFORE = re.compile(
    r"(?i)\b(?:to|in|into|for|from|visit|visits|visiting|visited)\s+(?:the\s+)?$"
)
_CLOCK_VI = re.compile(r"(?<!\w)giờ\s+$")
_SAID_BY = re.compile(
    r"(?i)\b(?:announced|confirmed|said|stated|released|issued)\s+by\s+(?:the\s+)?$"
)


#: A target, not a destination: "aiming to capture Ukraine's second city, Kharkiv", "a
#: new Russian push around Kharkiv", "strikes on Kyiv".
_TARGET = re.compile(
    r"(?i)\b(?:capture|seize|invade|invaded|attack|attacks\s+on|strikes\s+on|bombing\s+of|"
    r"push\s+(?:around|into|on)|offensive\s+(?:\w+\s+){0,4}?(?:in|on|against))\s+"
)
_CLAUSE_STOP = re.compile(r"[;.]|,\s*(?:and|but|while|as)\b")


#: A relative clause on a person, to its end.
_WHO_CLAUSE = re.compile(
    r",\s*(?:(?i:who)\s|người\s+(?:đang|đã|sẽ|vừa|từng)\s)[^,;.]*"  # not ", Người phát ngôn"
)
#: Nothing but a subject: capitalised words, "the", "of" ("President B of Chile") and
#: punctuation.
_SUBJECT_ONLY = re.compile(
    r"[\s\W]*(?:(?:the|of|de|da|van|von|bin|[^\W\d_a-zà-ỹ][\w.'’-]*)[\s\W]*)*"
)


#: A relative clause on the traveller's past journeys: its countries are not this trip's.
_WHO_VISITED = re.compile(
    r",\s*who\s+(?:had\s+|has\s+|also\s+|just\s+|recently\s+)*(?:visited|travell?ed\s+to|"
    r"went\s+to|toured|was\s+in|returned\s+from|came\s+back\s+from)\b[^,;.]*",
    re.IGNORECASE,
)


#: A stop on the way, or another leader's earlier journey: the places named right after
#: it are no legs of this trip.
_ON_THE_WAY = re.compile(
    r"(?i)\b(?:(?:refuel(?:l)?ing|technical|transit)\s+stop(?:over)?s?\s+(?:in|at)|"
    r"refuel(?:s|l?ed|l?ing)?\s+(?:in|at)|"
    r"stopover\s+(?:in|at)|via|since\s+(?:\w+\s+){0,4}?(?:visited|travell?ed\s+to|went\s+to|"
    r"came\s+to))\b|(?<!\w)(?:quá\s+cảnh|dừng(?:\s+chân)?\s+kỹ\s+thuật|tiếp\s+nhiên\s+liệu)"
    r"(?:\s+(?:tại|ở))?(?!\w)|"
    # a stop on the flight: "sau hơn một ngày bay từ Santiago với điểm dừng tại Cape Town",
    # "a long flight from Santiago with a stop in Cape Town"
    r"\b(?:flight|flying|flew)\s+[^.;]{0,40}?with\s+a\s+(?:brief\s+)?stop(?:over)?\s+(?:in|at)\b|"
    r"(?<!\w)bay\s+[^.;]{0,40}?(?:với|có)\s+(?:một\s+)?điểm\s+dừng\s+(?:tại|ở)(?!\w)"
)


#: Right after a place: it is a stop on the way ("stop in Britain to refuel", "on the way
#: home"), not a leg.
_ON_THE_WAY_AFTER = re.compile(
    r"(?i)\s*(?:,\s*)?(?:to\s+refuel|for\s+(?:a\s+)?refuel(?:l)?ing|on\s+(?:the|his|her|its)\s+"
    r"way\s+(?:back|home)|(?:để\s+)?tiếp\s+nhiên\s+liệu|trên\s+đường\s+về)\b"
)


#: What may stand between the countries of one list: commas, "and", a gloss in brackets.
_LIST_OF_PLACES = re.compile(
    r"(?:\s|,|\(|\)|\s[-–]\s|\band\b|(?<!\w)(?:và|cùng)(?!\w))*", re.IGNORECASE
)


LIST_GAP = re.compile(
    r"^(?:\s*\([^()]{1,30}\))?[\s,()]*(?:and|và|cùng)?[\s,()]*(?:the\s+)?"
    r"(?:Cộng hòa|Cộng hoà|Vương quốc|Republic of)?\s*$",
    re.IGNORECASE,
)


#: How far from the publication date a day can lie and still be this trip's: news of a
#: visit is published from months before it (announcements) to weeks after (summaries).
#: A day outside ("the victims of the attacks of 11/9/2001", "the last such visit, on
#: May 2, 2016") is history, and read as a trip's day it would start a trip years off.
_BEFORE_PUBLICATION = timedelta(days=120)


_AFTER_PUBLICATION = timedelta(days=400)


def _of_a_life(text: str, day: DateMention, lex: Lexicon) -> bool:
    """A day of someone's life, told beside the journey ("to pay respects to the king,
    who died on Oct. 13"): never a day of the trip."""
    return lex.life_event.search(text, max(0, day.span[0] - 30), day.span[0]) is not None


def _this_trip(dates: list[DateMention], published: date | None) -> list[DateMention]:
    """The date mentions that can be this trip's days, given the publication date."""
    if published is None:
        return dates
    low, high = published - _BEFORE_PUBLICATION, published + _AFTER_PUBLICATION
    return [d for d in dates if d.end >= low and d.start <= high]


def _tense(text: str, lex: Lexicon) -> Tense:
    """Future only when a future marker comes before the first movement verb: "left Hà
    Nội ... where he will attend" reports a departure; "will leave on Monday" plans one.
    "done" when a past is told outright ("was an official visit to Laos on April 10-11"),
    so a day without its year is read backward."""
    main = _main_clause(text, lex)
    moves = [
        m.start()
        for m in (
            lex.departure.search(text, main),
            lex.arrival.search(text, main),
            lex.returned.search(text, main),
            lex.conclusion.search(text, main),
        )
        if m is not None
    ]
    scheduled = lex.scheduled_move.search(text)
    if scheduled is None and lex.future.search(text):
        # "He lands in Beijing on Sunday morning and will stay until Thursday": a landing in
        # the present beside a plan is the schedule ("lands in Paris on Thursday evening"
        # alone reports one, as South Asian outlets write)
        scheduled = _LANDS.search(text)
    # "He leaves Hanoi on Monday evening": the schedule, not a report; but "arrived in
    # Johannesburg on Friday for a summit that opens on Saturday" reports the arrival
    if scheduled and not _reported_before(text, scheduled.start(), lex):
        return "future"
    future = lex.future.search(text)
    if future is None:
        return "done" if lex.done.search(text) else "past"
    return "future" if not moves or future.start() < min(moves) else "past"


#: A landing told in the present: "lands in", "lands at".
_LANDS = re.compile(r"\blands\s+(?:in|at)\b")


#: What may open a sentence before its leading clause's verb: "After leaving", "Sau khi rời".
_SUBORDINATOR = re.compile(r"(?i)\s*(?:(?:after|before|upon|on|sau\s+khi|trước\s+khi)\s+)?")

#: How long a leading clause ("Rời Mỹ,", "Leaving Washington,") may be.
_LEADING_CLAUSE = 60


def _main_clause(text: str, lex: Lexicon) -> int:
    """Where the main clause starts, after a leading clause that opens on a movement verb
    and has no subject ("Rời Mỹ, Thủ tướng Anh sẽ tới Thổ Nhĩ Kỳ vào thứ Bảy", "Leaving
    Washington, she will fly to Ankara"): that verb takes the main clause's tense, so it
    does not make a plan a report."""
    at = _SUBORDINATOR.match(text)
    start = at.end() if at else 0
    comma = text.find(",", start, start + _LEADING_CLAUSE)
    if comma < 0:
        return 0
    verbs = (lex.departure, lex.arrival, lex.returned, lex.conclusion)
    opens = any((m := rx.search(text, start, comma)) and m.start() == start for rx in verbs)
    return comma + 1 if opens else 0


def first_place_after(view: View, offset: int) -> PlaceMention | None:
    for mention in view.places:
        if mention.span[0] >= offset and not view.in_person(mention.span):
            return mention
    return None


def place_within(view: View, at: int, reach: int) -> bool:
    """Whether a place (not in a person's title) starts within `reach` after `at`."""
    place = first_place_after(view, at)
    return place is not None and place.span[0] - at <= reach


def single_days(view: View) -> list[DateMention]:
    return [d for d in view.dates if d.start == d.end]


def date_ranges(view: View) -> list[DateMention]:
    return [d for d in view.dates if d.start < d.end]


def listed_after(view: View, offset: int, home: str | None, destinations: set[str]) -> list[str]:
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
        if last_end is not None and not LIST_GAP.match(
            view.sentence.text[last_end : mention.span[0]]
        ):
            break
        if code not in listed:
            listed.append(code)
        last_end = mention.span[1]
    return listed


def _reported_before(text: str, at: int, lex: Lexicon) -> bool:
    """Whether a move in the past tense ("arrived", "landed", "left") comes before `at`."""
    verbs = (lex.departure, lex.arrival, lex.returned, lex.conclusion)
    return any(_PAST.search(m.group()) for rx in verbs for m in rx.finditer(text, 0, at))


#: A verb in the past tense, as movement verbs are: "arrived", "left", "flew", "came".
_PAST = re.compile(r"(?i)\b(?:\w+ed|left|flew|came|went|set|began|made|took)\b")


def _dates(text: str, lang: Language, reference: date | None, tense: Tense) -> list[DateMention]:
    """The sentence's dates read in its tense, except those in a relative clause on someone's
    past journey, read backward: "It will be their fourth meeting since Modi, who visited
    Buenos Aires for the G20 from Nov. 30 to Dec. 1, ..." (written in February); and those
    after a future told after a past move, read forward: "landed in Paris on Tuesday,
    beginning a tour that will take him to Berlin on Thursday"."""
    found = find_dates(text, lang, reference, tense=tense)
    ahead = _WILL.search(text) if tense == "past" else None
    if ahead is not None:
        found = _reread(found, text, lang, reference, "future", [(ahead.end() + 1, len(text))])
    if tense == "past":
        upcoming = [c.span() for c in _UPCOMING.finditer(text)]
        found = _reread(found, text, lang, reference, "future", upcoming)
    if tense != "done":
        past = [c.span() for c in _WHO_VISITED.finditer(text)]
        found = _reread(found, text, lang, reference, "done", past)
    return found


def _reread(
    found: list[DateMention],
    text: str,
    lang: Language,
    reference: date | None,
    tense: Tense,
    spans: list[tuple[int, int]],
) -> list[DateMention]:
    """`found`, the mentions that begin inside `spans` read again in `tense`."""
    inside = [any(a <= d.span[0] < b for a, b in spans) for d in found]
    if not any(inside):
        return found
    again = {d.span: d for d in find_dates(text, lang, reference, tense=tense)}
    return [again.get(d.span, d) if i else d for d, i in zip(found, inside, strict=True)]


#: A clause on an event to come, told in the present inside a report: "arrived in The
#: Hague on the eve of the NATO summit, which opens on Wednesday" (a day ahead, and the
#: summit's, not the arrival's).
_UPCOMING = re.compile(
    r"(?i)\b(?:which|that)\s+(?:opens|begins|starts|kicks\s+off|gets\s+under\s+way|runs|"
    r"ends|closes|(?:is|are)\s+(?:due|set|scheduled)\s+to\s+(?:open|begin|start))\b[^,;.]*"
)


#: A modal of the future ("that will take him to Berlin on Thursday", "sẽ"), not a cue
#: of time before ("ahead of the summit's opening on Tuesday").
_WILL = re.compile(r"(?i)\b(?:will|shall)\b|(?<!\w)sẽ(?!\w)")


def read_sentences(article: ParsedArticle, lex: Lexicon, reference: date | None) -> list[View]:
    """Every sentence of the article, once, with its places, this trip's dates (years read
    against `reference`), its people, its tense and whether it speaks of travel."""
    lang = article.language
    views: list[View] = []
    people = people_per_sentence([s.text for s in article.sentences], lang)
    for sentence, named in zip(article.sentences, people, strict=True):
        check()
        tense = _tense(sentence.text, lex)
        future = tense == "future"
        places = find_places(sentence.text, lang)
        found = [
            there
            for d in _dates(sentence.text, lang, reference, tense)
            if not in_hanoi_time(sentence.text, d)
            and (there := day_there(sentence.text, d, places)) is not None
        ]
        taken = [d.span for d in found]
        found += [
            d
            for d in find_days_of_writing(sentence.text, lang, article.published_on)
            if not any(d.span[0] < b and a < d.span[1] for a, b in taken)
        ]
        found = [d for d in found if not _of_a_life(sentence.text, d, lex)]
        found.sort(key=lambda d: d.span)
        last = [d for d in views[-1].dates if d.start == d.end][-1:] if views else []
        found = relative_days(sentence.text, lang, found, last[0] if last else None)
        dates = _this_trip(found, article.published_on)
        views.append(
            View(
                sentence=sentence,
                places=places,
                dates=dates,
                far_ends=[d.end for d in found if d not in dates],
                people=named,
                future=future,
                # "is expected to land in Hanoi": a planned arrival names a leg as well
                travel=bool(
                    lex.travel.search(sentence.text)
                    or (future and lex.arrival.search(sentence.text))
                ),
            )
        )
    return views
