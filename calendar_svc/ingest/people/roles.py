"""Roles in one sentence: is a mention the subject of a travel verb, of a welcome, the
object of a meeting, someone invited?

Roles come from cue phrases around the mentions: travel verbs ("left", "will pay", "dẫn
đầu", "thăm") make a traveller, welcome verbs ("welcomed", "đón") a host, invitation
phrases ("at the invitation of", "theo lời mời của") inviters, and meeting verbs ("held
talks", "hội đàm") the people met. The per-language verbs are in `lexicon.people`; the
cues here are read in either language. Who of them the article is about is decided from
these answers by `principal` and `article`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from calendar_svc.domain.language import Language
from calendar_svc.ingest.lexicon.background import ACCEPTED_INVITATION
from calendar_svc.ingest.lexicon.people import PEOPLE_LEXICONS
from calendar_svc.ingest.people.mentions import Mention
from calendar_svc.ingest.people.person import Person
from calendar_svc.ingest.people.titles import TITLE_RE

_SAY = re.compile(
    r"\b(?:told|tells|said|says|stated|noted|affirmed|stressed|emphasised|emphasized|added|"
    r"announced|briefed|explained|welcomed|received|hosted|met|chaired|presided|"
    r"held\s+talks|invited|cho\s+biết|trả\s+lời|phát\s+biểu|khẳng\s+định|nhấn\s+mạnh|"
    r"thông\s+báo|đón|tiếp|hội\s+đàm|hội\s+kiến|chủ\s+trì|mời|hoan\s+nghênh|chào\s+mừng)\b",
    re.IGNORECASE,
)
#: A word of announcing directly before the travel verb (see `travel_after`).
#: Right after a name, a journey it owns: "Prabowo's first trip abroad", "Phuc's first trip
#: as president".
TRIP_OWNED = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:trip|tour|visit|journey)\b")


#: A word shortened with a full stop that ends no clause: "Abe's Sept. 13-14 official
#: visit to India".
_ABBREVIATED = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|St|Mr|Mrs|Ms|Dr)\."
)


#: Right before the travel verb, a possibility, a willingness or a record, not this
#: journey ("may visit", "ready to travel to", "once visited", "có thể thăm", "sẵn sàng
#: tới", "từng thăm Hàn Quốc năm 2014"): as `background` reads them.
_MAYBE = re.compile(
    r"(?i)(?:\b(?:could|might|may|(?:ready|willing|open)\s+to|once|previously|"
    r"(?:promised|promises|pledged|vowed|hopes?|hoped)(?:\s+to)?)|"
    r"(?<![^\W_])(?:có\s+thể|sẵn\s+sàng|mong\s+muốn|muốn|hy\s+vọng|hứa|(?:đã\s+)?từng)"
    r"(?:\s+sẽ)?(?:\s+sớm)?"
    r"(?:\s+(?:được\s+)?(?:đến|sang|tới))?)\s*$"
)
#: A clause of what has held since, not of a move: "the first trade deal Britain has
#: negotiated since leaving the European Union", "kể từ khi rời Liên minh châu Âu".
_EVER_SINCE = re.compile(r"(?i)(?:\bsince|(?<![^\W_])kể\s+từ\s+khi)\s*$")
#: An invitation taken up, the visit's time not yet set (`ACCEPTED_INVITATION`): "has
#: accepted an invitation to visit Thailand this year", "đã nhận lời mời thăm Thái Lan".
_ACCEPTED = re.compile(
    r"(?i)(?:" + ACCEPTED_INVITATION + r"(?:\s+to)?|"
    r"(?<![^\W_])nhận\s+lời(?:\s+mời)?(?:\s+sớm)?(?:\s+(?:sang|tới|đến))?)\s*$"
)
_SAY_THEN = re.compile(r"(?i)(?<![^\W_])(?:announced|thông\s+báo|quyết\s+định)\s*$")
INVITE = re.compile(
    r"(?:\b(?:at|upon|on|following|accepting)\s+the\s+invitations?\s+(?:extended\s+)?(?:of|by|from)"
    r"|\b(?:an|the)\s+invitations?\s+(?:extended\s+)?(?:from|by)"
    r"|\binvited\s+by|\bas\s+(?:the\s+)?guests?\s+of|\b(?:theo|nhận)\s+lời\s+mời\s+của"
    r"|\blời\s+mời\s+của)",
    re.IGNORECASE,
)


@dataclass
class SentMentions:
    """One sentence and its mentions; ``start`` is where it starts in the article, whose
    offsets the mentions' spans are."""

    index: int
    start: int
    text: str
    mentions: list[Mention]


#: Right before a verb: it is made a noun ("sự tham dự của", "sự có mặt của").
_NOMINAL = re.compile(r"(?i)(?<!\w)sự\s+$")


def travel_after(text: str, end: int, lang: Language, strict: bool = False) -> bool:
    """Is a mention ending at ``end`` the subject of a travel verb in the same clause?

    ``strict``: the verb follows with no comma between ("Sultan X, before returning home"
    is an inviter followed by the traveller's verb). Otherwise a person joined by "and"
    ("King A and Queen B will visit") leaves the first the subject."""
    if text[end - 2 : end] in ("Jr", "Sr") and text[end : end + 1] == ".":
        end += 1  # "Ferdinand Marcos Jr. và Phu nhân ... đã tới": the name's own full stop
    window = text[end : end + 240]
    regex = PEOPLE_LEXICONS[lang].travel
    vm = regex.search(window)
    if vm is None or _VISITING_SOMEONE.match(window, vm.start()):
        return False  # "telling visiting Chancellor Olaf Scholz": his journey
    gap = window[: vm.start()]
    if _NOMINAL.search(gap):
        # "Lễ nhậm chức của ông Milei có sự tham dự của nhiều nguyên thủ": the verb made a
        # noun is the attendance of those named after it, not the subject's
        return False
    # "Nguyen Phu Trong, General Secretary of the Communist Party of Vietnam, touched
    # down": the title set off by commas is the subject's own
    gap = _APPOSITIVE_TITLE[lang].sub("", gap, count=1)
    # "Biden announced postponing the stops", "ông Biden thông báo hoãn ...": a word of
    # saying right before the travel verb says what the subject does, not who speaks.
    gap = _SAY_THEN.sub("", gap)
    if _MAYBE.search(gap) or _EVER_SINCE.search(gap) or _ACCEPTED.search(gap):
        # "Giáo hoàng Phanxicô nói có thể thăm Triều Tiên", "since leaving the EU": not
        # this journey
        return False
    if _SAY.search(gap) or INVITE.search(gap) or re.search(r"[;:.?!]", _ABBREVIATED.sub("", gap)):
        return False
    if strict and "," in gap:
        return False
    if _NEW_SUBJECT.search(gap):
        return False  # "meets Macron and Scholz as Zelenskiy flies in": Zelenskiy's move
    if _THEIR_RELATIVE.search(gap):
        # "talks between A and his counterpart B, who is on an official visit": B's
        return False
    if _TRIP_NOUN_END.search(gap) and _OF_SOMEONE.match(window, vm.end()):
        return False  # "... trong chuyến thăm của ông Macron tới Trung Quốc": Macron's move
    if _ACCOMPANY.match(window, vm.end()):
        return False  # "will travel with the president": a companion, not the traveller
    gap = re.sub(_SPOUSE_WORDS, "", gap)
    if not strict:
        gap = _COORDINATED.sub("", gap)
    return not TITLE_RE[lang].search(gap)


#: A relative clause on someone joined after the mention ("A and his counterpart B, who
#: is on ..."): the verb in it is theirs.
_THEIR_RELATIVE = re.compile(
    r"(?i)(?:\b(?:and|with)|(?<!\w)(?:và|với))\s+[^,;]{1,80},\s*(?:who|người)\s+$"
)


#: "visiting" that qualifies the one named after it ("telling visiting Chancellor Olaf
#: Scholz", "the visiting Japanese leader"): their journey, not the subject's.
_VISITING_SOMEONE = re.compile(
    r"visiting\s+(?=(?:[A-Z][\w-]*\s+){0,2}(?:[Ll]eader|[Pp]resident|[Pp]rime\s+[Mm]inister|"
    r"[Cc]hancellor|[Kk]ing|[Qq]ueen|[Ee]mperor|[Pp]remier|[Ss]ecretary|[Dd]elegation|"
    r"[Gg]uests?|[Cc]ounterpart)\b)"
)


#: A clause of its own, with a subject of its own, before the verb ("as Zelenskiy flies
#: in", "missed B meeting left him upset as he wraps up", "khi Tổng thống B tới", "was at
#: the foot of the steps when the flight carrying B landed").
_NEW_SUBJECT = re.compile(
    r"\b(?:as|while|when|whereas)\s+(?:(?-i:[A-Z])|(?:he|she|they|the|his|her|their)\b)|"
    r"(?<!\w)(?:khi|trong\s+khi)\s+(?:(?-i:[A-ZĐÀ-Ỹ])|(?:ông|bà)\s)|"
    # a clause on what was just told ("met Xi, Li and Zhao, which Bangkok called rare for a
    # prime minister's visit", ", điều mà phía Thái Lan cho là hiếm có với một chuyến thăm")
    r",\s*(?:which\b|(?<!\w)điều\s+(?:mà|này|đó)(?!\w))",
    re.IGNORECASE,
)


#: "and Queen B" right after a subject: B goes along, the first named leads.
#: Others named with the subject: "and B", ", B and C" ("Thủ tướng Pakistan A, Tổng thống
#: Thổ Nhĩ Kỳ B và Tổng thống Azerbaijan C đã dự": the first of the list is a subject too).
_COORDINATED = re.compile(
    r"^(?:\s*,\s*[^,;.]{1,80}?)*\s*(?:,\s*)?(?:and|và)\s+.*$", re.IGNORECASE | re.DOTALL
)
_APPOSITIVE_TITLE = {
    lang: re.compile(rf"^\s*,\s*(?:the\s+)?(?:{TITLE_RE[lang].pattern})[^,;.]*,\s*")
    for lang in ("en", "vi")
}
#: "chuyến thăm [cấp Nhà nước] của ông B": a visit whose owner is named after it.
_TRIP_NOUN_END = re.compile(r"(?<!\w)chuyến\s+$", re.IGNORECASE)
_OF_SOMEONE = re.compile(
    r"[^,;.]{0,60}?(?<!\w)của\s+(?:ông|bà|(?:Tổng|Thủ|Chủ|Nữ|Quốc)\s+\w+)\s+(?-i:[A-ZĐÀ-Ỹ])"
)
_ACCOMPANY = re.compile(r"\s+(?:with|alongside|cùng|với)\s", re.IGNORECASE)

#: What a host verb is done to: a titled person, or the visitor as a pronoun.
_HOSTED_OBJECT = re.compile(
    r"\s*(?:him|her|them|ông|bà|đoàn|(?:vị\s+)?khách|"
    # "welcomed his guest" ("the visiting leader", "their counterpart": titles, read apart)
    r"(?:his|her|their|the)\s+(?:[\w-]+\s+)?(?:guests?|visitors?))(?![^\W_])",
    re.IGNORECASE,
)

#: Words right before a mention that make it someone met ("met President X", "hội đàm
#: với"): a counterpart. (The one welcomed or received is the visitor: not listed here.)
_OBJECT_BEFORE = re.compile(
    r"(?<![^\W_])(?:meet|met|meets|meeting|with|invited|thanked|called\s+on|joined|với|"
    # the one pressed or urged ("Scholz pressed Ethiopian Prime Minister Abiy Ahmed on
    # Thursday to ..., opening a three-day trip"): not the one whose trip it is
    r"pressed|urged|praised|congratulated|courtesy\s+call\s+on|"
    # "sẽ chào (xã giao) Tổng Bí thư A": a courtesy call on A, the host (not "đón chào")
    r"(?<!đón\s)chào(?:\s+xã\s+giao)?|"
    r"gặp|hội\s+đàm|hội\s+kiến|mời|viếng|cảm\s+ơn|thúc\s+giục|chúc\s+mừng)"
    r"(?:\s+(?:the|his|her))?\s*$",
    re.IGNORECASE,
)


#: "A was received at the airport by B", "A được đón": A is welcomed, B hosts.
_PASSIVE = re.compile(
    r"(?i)(?:\b(?:was|were|is|are|be|been|being)|(?<!\w)(?:được|đã\s+được|sẽ\s+được))"
    r"\s+(?:\w+ly\s+)?$"
)


def host_after(text: str, end: int, lang: Language) -> bool:
    """Is a mention ending at ``end`` the subject of a welcome/receive/see-off verb done
    to someone (a titled person or "him")? Then it is the host, never the traveller."""
    window = text[end : end + 160]
    hm = PEOPLE_LEXICONS[lang].host.search(window)
    if hm is None:
        return False
    gap = re.sub(_SPOUSE_WORDS, "", window[: hm.start()])
    if re.search(r"[,;:.?!]", gap) or TITLE_RE[lang].search(gap):
        return False
    if PEOPLE_LEXICONS[lang].travel.search(gap) or _PASSIVE.search(gap):
        return False
    rest = window[hm.end() :]
    obj = re.split(r"[,;:.]", rest, maxsplit=1)[0]
    return bool(TITLE_RE[lang].search(obj) or _HOSTED_OBJECT.match(rest))


def welcomed_visitor(sm: SentMentions, m: Mention, lang: Language) -> bool:
    """Is the mention the one a host of another country welcomes in this clause ("A
    welcomed Japanese PM B", "A chủ trì lễ đón Thủ tướng Nhật Bản B")? Both must say
    their country; the host is a mention ending right before the welcome verb."""
    mine = m.person.organisation_or_country
    if mine is None:
        return False
    a = m.person.span[0] - sm.start
    for host in sm.mentions:
        b = host.person.span[1] - sm.start
        if b > a or not host_after(sm.text, b, lang):
            continue
        between = sm.text[b:a]
        if re.search(r"[;.]", between):
            continue
        theirs = host.person.organisation_or_country
        if theirs != mine:
            return True
    return False


def is_object(text: str, start: int) -> bool:
    """Is a mention starting at ``start`` the object of a meeting or welcome verb?"""
    return (
        _OBJECT_BEFORE.search(text, max(0, start - 40), start) is not None
        or _OBJECT_LISTED.search(text, max(0, start - 100), start) is not None
        or _LEADS_THE_RECEIVED.search(text, max(0, start - 160), start) is not None
        or (
            _MINISTER.match(text, start) is not None
            and _ALONG.search(text, max(0, start - 120), start) is not None
        )
    )


#: Ministers named after "cùng" go along: "Thủ tướng A cùng Bộ trưởng Ngoại giao B và Bộ trưởng
#: C đã tới". Not "Phu nhân B cùng Tổng thống A", nor "B đi cùng Tổng thống A": A travels.
_ALONG = re.compile(r"(?<=\w\s)cùng\s+(?:[^,;.]{0,100}?\s(?:và|cùng)\s+)?$")
_MINISTER = re.compile(r"(?:Phó\s+)?(?:Bộ|Thứ)\s+trưởng(?!\w)")


#: The head of a delegation received ("tiếp Đoàn Hội Hữu nghị ... do Phó Thủ tướng A dẫn
#: đầu"): met, though "dẫn đầu" (led) makes its subject a traveller.
_LEADS_THE_RECEIVED = re.compile(
    r"(?i)(?<![^\W_])(?:tiếp|đón|hội\s+kiến)\s+(?:các\s+)?đoàn\b[^.;]{0,120}?\s+do\s+$"
)


#: The second of the people met ("meetings with President Xi Jinping and Premier Li Qiang,
#: before heading to ...": Li is met, not the one heading on; "hội kiến Chủ tịch Quốc hội
#: A và Chủ tịch Hội đồng B, sau đó tới thăm ...": B is met, not the one going on).
_OBJECT_LISTED = re.compile(
    r"(?i)(?<![^\W_])(?:meet|met|meets|meetings?|talks|with|called\s+on|với|gặp|hội\s+(?:đàm|kiến))\s+"
    r"(?-i:[A-ZĐ])[^,.;]{0,60}?\s+(?:and|và)\s+"
    # "met President A and Assembly President B": the body the second one heads
    r"(?:(?-i:[A-Z])[\w-]*\s+){0,2}$"
)


_SPOUSE_WORDS = re.compile(
    r"(?i)spouse|wife|husband|queen|empress|phu\s+nhân|phu\s+quân|hoàng\s+hậu"
)


class Invitations:
    """The invitation cues, stops and travel verbs of one sentence, found once: asking
    about each of its mentions is then a look-up, not a rescan of everything before it."""

    def __init__(self, text: str, lang: Language) -> None:
        regex = PEOPLE_LEXICONS[lang].travel
        self.cue_ends = [m.end() for m in INVITE.finditer(text)]
        self.stops = [m.start() for m in _STOPS.finditer(text)]
        travel = [(m.start(), m.end()) for m in regex.finditer(text)]
        self.travel_starts = [a for a, _ in travel]
        self.travel_ends = [b for _, b in travel]

    def invited(self, start: int) -> bool:
        """Mention starting at ``start`` follows an invitation cue, with only other invited
        people (and list punctuation) in between."""
        i = bisect.bisect_right(self.cue_ends, start) - 1
        if i < 0:
            return False
        gap_start = self.cue_ends[i]
        j = bisect.bisect_left(self.stops, gap_start)
        if j < len(self.stops) and self.stops[j] < start:
            return False
        # The principal of "Nhận lời mời của A, B, <principal> dẫn đầu ..." is not invited.
        k = bisect.bisect_left(self.travel_starts, gap_start)
        return not (k < len(self.travel_ends) and self.travel_ends[k] <= start)


_STOPS = re.compile(r"[;.]")


#: Whether a mention is someone who cannot be the traveller (a host, an inviter, ...).
NotTraveller = Callable[[Mention], bool]


class Countries(Protocol):
    """Where people and places belong (the place reader's knowledge, given by the caller
    so that this package stays free of it)."""

    def of_person(self, person: Person) -> str | None: ...

    def in_text(self, text: str) -> set[str]: ...


def places_named(sm: SentMentions, countries: Countries) -> set[str]:
    """The countries of the places a sentence names, not those in people's titles."""
    return countries.in_text(without_people(sm))


def without_people(sm: SentMentions) -> str:
    """The sentence with every person mention blanked out (same length, so spans hold)."""
    text = sm.text
    for m in sm.mentions:
        a, b = m.person.span[0] - sm.start, m.person.span[1] - sm.start
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def from_elsewhere(sm: SentMentions, m: Mention, countries: Countries) -> bool:
    """Whether the person is of a known country other than every place the sentence names
    (a visitor there), never a host at home."""
    theirs = countries.of_person(m.person)
    return theirs is not None and theirs not in places_named(sm, countries)


def accompanied(text: str, start: int, end: int) -> bool:
    """Whether the one named at `start`..`end` is accompanied on a journey ("Deputy Prime
    Minister B, who is accompanying Prime Minister A on an official visit to Japan"): A
    travels, and B goes along."""
    return (
        _ACCOMPANIED.search(text, max(0, start - 60), start) is not None
        and _ON_A_JOURNEY.match(text, end) is not None
    )


#: Right before a name: the one accompanied.
#: (Not "accompanied by": the one named after it goes along.)
_ACCOMPANIED = re.compile(r"(?i)\baccompan(?:ying|ies|y)\s+(?:\w+\s+){0,5}?$")
#: After the one accompanied: the journey ("on an official visit to Japan").
_ON_A_JOURNEY = re.compile(
    r"(?i)\s+on\s+(?:an?|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|tour)\b"
)
