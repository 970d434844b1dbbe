"""Which sentences tell of this trip: not someone else's journey, not the context of this
one, not a meeting attended from afar; and which of their countries are only compared,
said, or named before the traveller is. (Journeys told apart by their time are
`extract.history`'s.)

Apart because every reader asks these questions before it takes a fact from a sentence.
"""

from __future__ import annotations

import re

from calendar_svc.ingest.extract.facts import ArticleFacts
from calendar_svc.ingest.extract.subjects import deputy_subject, described_other, group_subject
from calendar_svc.ingest.extract.views import LIST_GAP, View, place_within
from calendar_svc.ingest.lexicon import Lexicon
from calendar_svc.ingest.lexicon.people import PEOPLE_LEXICONS
from calendar_svc.ingest.people import Person, same_in_article
from calendar_svc.ingest.people.roles import TRIP_OWNED


def background(view: View, lex: Lexicon) -> bool:
    """Another journey, or the context of this one: no legs, no movements of this trip;
    nor a meeting attended from afar ("attend the G20 summit virtually", "trực tuyến")."""
    text = view.sentence.text
    told = view.remember(
        "background",
        lambda: int(lex.background.search(text) is not None or _REMOTE.search(text) is not None),
    )
    return view.history or bool(told)


#: Taking part without going: "virtually", "by video link", "trực tuyến".
def superseded_move(text: str, lex: Lexicon) -> bool:
    """Whether the sentence's move is the plan that was dropped: a departure or arrival
    verb right after "originally scheduled to", "ban đầu dự kiến", or after the one who
    was to move ("had initially said the king would depart on Thursday")."""
    cue = lex.superseded.search(text)
    if cue is None:
        return False
    verb = [m.start() for rx in (lex.departure, lex.arrival) if (m := rx.search(text, cue.end()))]
    if not verb:
        return False
    gap = text[cue.end() : min(verb)]
    return len(gap) <= 12 or (len(gap) <= _SUPERSEDED_REACH and not _CLAUSE_BREAK.search(gap))


#: How far after a superseded plan's cue its move may be told, within one clause.
_SUPERSEDED_REACH = 30
_CLAUSE_BREAK = re.compile(r"[,;:()]")


def before_the_move(text: str, verb: int) -> bool:
    """Whether the move at `verb` is what something came before ("Before arriving in
    Lima, he stopped in New York on the 17th", "Trước khi tới Lima, ông ... chiều 17/11"):
    the sentence's day is the earlier stop's, not the move's."""
    return _BEFORE_MOVE.search(text, max(0, verb - 30), verb) is not None


_BEFORE_MOVE = re.compile(r"(?i)(?:\bbefore|\bprior\s+to|(?<!\w)trước\s+khi)\s+(?:\w+\s+)?$")


_REMOTE = re.compile(
    r"(?i)\b(?:virtually|by\s+video(?:\s*(?:link|conference))?|via\s+video(?:\s*link)?|"
    r"online|remotely)\b|(?<!\w)(?:trực\s+tuyến|qua\s+cầu\s+truyền\s+hình)(?!\w)"
)


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
        # "Lima là chặng thứ ba trong chuyến công du ... của ông Prabowo": the journey told
        # is another's, and "Ông mở đầu hành trình bằng chuyến thăm ..." goes on with it
        named = _anothers_trip_named(view, facts)
        if verb is None:
            # "Blinken is first accompanying President Joe Biden on a visit to Britain": no
            # verb moves anyone, and the visit is the one named before it
            noun = _travel_word(view, lex)
            theirs = (
                named
                or (before and _PRONOUN_SUBJECT.match(view.sentence.text) is not None)
                or (
                    noun is not None
                    and not _names_principal_before(view, noun, facts)
                    and someone_else(view, noun, facts)
                )
            )
        else:
            theirs = not _owned_trip_before(view, verb, facts) and (
                someone_else(view, verb, facts)
                or named
                or (before and _pronoun_subject(view, verb))
            )
        out.append(theirs)
        before = theirs or _opens_on_another(view, facts)
    return out


def _opens_on_another(view: View, facts: ArticleFacts) -> bool:
    """Whether the sentence opens on someone else by name, and neither names the traveller
    nor refers back to them ("Turkish President Tayyip Erdogan ... addressed the summit on
    Tuesday."): a "he" that opens the next sentence is theirs ("He is due in Cairo on
    Wednesday"). Not a host's ("Putin hosted him at the Kremlin. He is due in Minsk ..."):
    the one hosted goes on."""
    if facts.principal is None or not view.people:
        return False
    mine = facts.principal.value.name
    if any(same_in_article(p.name, mine) for p in view.people):
        return False
    first = min(view.people, key=lambda p: p.span[0])
    text = view.sentence.text
    # "welcomed", "hosted", "chủ trì lễ đón"
    hosts = PEOPLE_LEXICONS["vi" if facts.language == "vi" else "en"].host
    if _OBJECT_PRONOUN.search(text, first.span[1]) or hosts.search(text, first.span[1]):
        return False
    return first.is_named and _HEADS_CLAUSE.fullmatch(text[: first.span[0]]) is not None


#: After the subject: the traveller as an object ("hosted him", "đón ông", "tiếp bà").
_OBJECT_PRONOUN = re.compile(r"(?i)\b(?:him|her)\b|(?<!\w)(?:ông|bà)(?!\w)(?!\s+[A-ZĐ])")


def _travel_word(view: View, lex: Lexicon) -> int | None:
    """Where the sentence's first travel word is, if any (remembered per sentence)."""
    return view.remember("travel_word", lambda: _start(lex.travel.search(view.sentence.text)))


def _start(match: re.Match[str] | None) -> int | None:
    return match.start() if match is not None else None


def _names_principal_before(view: View, at: int, facts: ArticleFacts) -> bool:
    """Whether the traveller is named before `at` ("A met B in Tokyo on the second day of
    a state visit": A's visit, whoever is named nearer it)."""
    mine = facts.principal.value.name if facts.principal is not None else None
    return mine is not None and any(
        p.span[1] <= at and same_in_article(p.name, mine) for p in view.people
    )


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


def _anothers_trip_named(view: View, facts: ArticleFacts) -> bool:
    """Whether the sentence names a journey as someone else's ("chuyến công du nước ngoài
    đầu tiên của ông Prabowo", "Prabowo's first trip abroad") and not the traveller."""
    if facts.principal is None:
        return False
    text, mine = view.sentence.text, facts.principal.value.name
    if any(same_in_article(p.name, mine) for p in view.people):
        return False
    owners = [
        next((p for p in view.people if p.span[0] >= trip.end() - 1), None)
        for trip in _TRIP_OF.finditer(text)
    ]
    owners += [
        next((p for p in view.people if p.span[0] <= m.start() < p.span[1] + 1), None)
        for m in TRIP_OWNED.finditer(text)
    ]
    return any(o is not None and not same_in_article(o.name, mine) for o in owners)


#: A journey named as someone's: "chuyến thăm ... của", up to where the owner is named.
_TRIP_OF = re.compile(
    r"(?i)(?<!\w)chuyến\s+(?:thăm|công\s+du|công\s+tác)\b[^,;.]{0,80}?"
    r"(?<!mời\s)\bcủa\s"
)


def _first_verb(view: View, lex: Lexicon) -> int | None:
    return view.remember("first_verb", lambda: _find_first_verb(view, lex))


def _find_first_verb(view: View, lex: Lexicon) -> int | None:
    text = view.sentence.text
    verbs = [m.start() for p in (lex.arrival, lex.departure) if (m := p.search(text))]
    verbs += [
        m.start()
        for m in lex.travel.finditer(text)
        if m.group(0).lower() not in _NOUNS or _INFINITIVE.search(text, 0, m.start())
    ]
    # "tại Riyadh, Thủ tướng Phạm Minh Chính dự Hội nghị ...": attending is going there
    verbs += [m.start() for m in _ATTEND.finditer(text)]
    return min(verbs) if verbs else None


#: Attending, as a verb: "B is expected to attend and to combine the summit with a state
#: visit" (not "dự kiến", expected).
_ATTEND = re.compile(r"(?i)\battend(?:s|ed|ing)?\b|(?<!\w)(?:tham\s+)?dự(?!\s+kiến)(?!\w)")
#: Before a travel noun, what makes it a verb: "is due to visit", "will visit".
_INFINITIVE = re.compile(r"(?i)\b(?:to|will|would|may|might|must|should|could)\s+$")
#: Being somewhere, as a verb: "Li Keqiang is in Manila", "vẫn ở Ma-ni-la".
_IS_IN = re.compile(
    r"(?i)\b(?:is|was|remains|stays|stayed|(?:will|would)\s+be)\s+(?:back\s+)?in\b|"
    r"(?<!\w)(?:vẫn|đang)\s+ở(?!\w)|"
    r"(?<!\w)có\s+mặt\s+(?:tại|ở)(?!\w)"
    # being a guest: "Xi, who is being received on state visits by both Peru and Brazil"
    r"|\b(?:is|was|are|were)\s+(?:being\s+)?(?:received|hosted|welcomed)\b"
)


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
    moves = (lex.travel, lex.arrival, lex.departure, lex.returned)
    for said in _SAYS_THAT.finditer(text):
        # a move with a place right after it ("said he would fly to Tokyo"); not a word of
        # moving used of something else ("gây tổn hại ... tới lợi ích an ninh")
        if not any(
            place_within(view, m.end(), 40) for p in moves for m in p.finditer(text, said.end())
        ):
            out.append((said.end(), len(text)))
    return out


#: A verb or noun of saying followed by what is said: "said that", "a pledge that",
#: "warned that", "cho rằng", "khẳng định".
_SAYS_THAT = re.compile(
    r"(?i)\b(?:said|says|saying|told\s+\w+|warned|argued|stressed|insisted|added|noted|"
    r"explained|believes?|declared|reiterated|acknowledged|"
    r"pledge|pledged|promise|promised|vowed)\s+(?:to\s+(?:\w+\s+){1,2})?that\b|\bannounced\b|"
    r"(?<!\w)(?:rằng|tuyên\s+bố|cam\s+kết|khẳng\s+định|nhấn\s+mạnh)(?!\w)"
)


def others_clauses(view: View, lex: Lexicon, facts: ArticleFacts) -> list[tuple[int, int]]:
    """Spans from a movement verb whose subject is someone else to the end of its clause
    ("..., some hours after Trump's Air Force One left for Washington"): the places named
    there are that person's, not the traveller's."""
    text = view.sentence.text
    out: list[tuple[int, int]] = []
    for pattern in (lex.arrival, lex.departure, lex.travel, lex.returned, _IS_IN, _ATTEND):
        for m in pattern.finditer(text):
            if m.group(0).lower() in _NOUNS:
                # "as B made an unannounced trip to Kyiv": the noun is B's, by its verb
                made = _MADE.search(text, 0, m.start())
                if made is None or not someone_else(view, made.start(), facts):
                    continue
            elif not someone_else(view, m.start(), facts):
                continue
            stop = _CLAUSE_END.search(text, m.end())
            end = stop.start() if stop else len(text)
            out.append((m.start(), end))
            goes_on = _GOES_ON.match(text, end)
            if goes_on is not None and not _names_principal(goes_on["name"], facts):
                # "B đã tới Nam Phi ...; ông Tập kết hợp dự hội nghị với chuyến thăm cấp Nhà
                # nước": the next clause's "ông" / "he" is still B
                after = _CLAUSE_END.search(text, goes_on.end())
                out.append((end, after.start() if after else len(text)))
    fronted = _FRONTED.match(text)
    if fronted is not None and any(
        a >= fronted.end() and not _names_principal_before(view, a, facts) for a, _ in out
    ):
        # "Sau chuyến thăm cấp nhà nước Pê-ru, ông Tập Cận Bình cũng sẽ dự ...": the
        # opening clause is the same person's
        out.append((0, fronted.end()))
    return out


#: A sentence's opening clause of time ("Sau chuyến thăm ... ,", "After his visit to A,").
_FRONTED = re.compile(r"(?i)(?:sau|trước|after|before)\s[^,.;]{1,120},")


#: A semicolon and a clause led by a pronoun or "ông <name>": the same subject goes on.
_GOES_ON = re.compile(
    r";\s*(?:he|she|(?:ông|bà)(?:\s+(?P<name>[A-ZĐÀ-Ỹ][\w-]*))?)\s", re.IGNORECASE
)


def _names_principal(word: str | None, facts: ArticleFacts) -> bool:
    """Whether a word names the traveller ("ông Chính" in an article on Phạm Minh Chính)."""
    if word is None or facts.principal is None:
        return False
    return word in facts.principal.value.name.split()


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


def _unnamed_other(view: View, verb: int, facts: ArticleFacts) -> bool:
    """Whether the verb's subject is someone else told without their full name: a deputy,
    a group, a short name or "he" of another, a leader named by office and country."""
    text = view.sentence.text
    return (
        deputy_subject(text, verb, facts)
        or group_subject(text, verb)
        or _short_name_of_another(view, verb, facts)
        or _he_for_another(view, verb, facts)
        or described_other(text, verb, facts.home)
    )


def _he_for_another(view: View, verb: int, facts: ArticleFacts) -> bool:
    """ "Lee now turns to a heavier round: his office said that he will visit Japan": the
    verb's subject is "he", and everyone the sentence named before it is someone else."""
    assert facts.principal is not None
    if not _HE_THEN.search(view.sentence.text, 0, verb):
        return False
    named = [p for p in view.people if p.span[1] <= verb and p.is_named]
    mine = facts.principal.value.name
    return bool(named) and not any(same_in_article(p.name, mine) for p in named)


def _short_name_of_another(view: View, verb: int, facts: ArticleFacts) -> bool:
    """ "the Kremlin said Kim would visit Russia later this month": the word right before
    the verb (or its auxiliaries) is part of the name of someone else named earlier in the
    sentence, and of no name of the traveller's."""
    assert facts.principal is not None
    named = _BARE_NAME.search(view.sentence.text, 0, verb)
    if named is None:
        return False
    word = named["name"]
    if word in facts.principal.value.name.split():
        return False
    return any(
        p.span[1] <= named.start() and word in p.name.split() and p.is_named for p in view.people
    )


#: A capitalised word and at most two auxiliaries right before a verb ("Kim would ").
_BARE_NAME = re.compile(r"\b(?P<name>[A-ZĐ][\w'’-]+)\s+(?:[a-z]+\s+){0,2}$")


def someone_else(view: View, verb: int, facts: ArticleFacts) -> bool:
    """Whether the subject of a movement verb at `verb` is a named person other than the
    traveller: the last person named before it in the same clause, with nothing but an
    aside (", vừa tuyên thệ nhậm chức sáng 23/5,") between."""
    if facts.principal is None:
        return False
    text = view.sentence.text
    if _unnamed_other(view, verb, facts):
        return True
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
    if _INVITED_BY.search(text, max(0, subject.span[0] - 40), subject.span[0]):
        # "thăm Trung Quốc theo lời mời của Chủ tịch B, sau đó tham dự ...": B invites
        return False
    if _ADJUNCT.search(gap) and _names_traveller(before, text, subject.span[0], facts):
        # "he met Chancellor B in Berlin before flying to Prague": a "before"/"after" verb
        # goes with the clause's subject, and B is the one met
        return False
    reach = 120
    heads = _HEADS_CLAUSE.fullmatch(re.split(r"[,;]", text[: subject.span[0]])[-1]) is not None
    if heads:
        # the clause's subject, not some verb's object: its later verbs are its own
        # ("Harris will make her own trip ..., standing in for ... before going on to")
        gap, reach = _AND_THEN.sub(" ", _COORDINATED.sub(" ", gap)), 240
    if heads and _JOINED.fullmatch(gap) and not _names_traveller(before, text, verb, facts):
        return True  # "Thủ tướng A và Đoàn đại biểu ... cũng đã tới Viêng Chăn"
    # an aside on the subject is theirs ("Lavrov, who flew in on Monday and met Wang Yi, is
    # due to visit North Korea"): its words are not the clause's
    bare_gap = _ASIDE.sub(" ", gap) if gap.startswith(",") else gap
    if len(gap) > reach or re.search(
        r"[;:]|\b(?:and|và|while|(?<!sau )(?<!trước )khi)\b", bare_gap
    ):
        return False
    if len(before) > 1 and same_in_article(before[-2].name, facts.principal.value.name):
        # "Vua Charles III và Hoàng hậu Camilla đã hạ cánh": the traveller and a companion
        joined = view.sentence.text[before[-2].span[1] : subject.span[0]]
        if re.fullmatch(r"(?i)\s*(?:and|và|cùng|with)\s*", joined):
            return False
    return not same_in_article(subject.name, facts.principal.value.name)


#: Right before the verb, a pronoun for its subject: "that he will", "ông sẽ".
_HE_THEN = re.compile(
    r"(?i)(?:\b(?:he|she)\s+(?:will\s+|would\s+|is\s+to\s+|plans\s+to\s+)?|"
    r"(?<!\w)(?:ông|bà)\s+(?:sẽ\s+)?)$"
)
#: Right before a movement verb: an adjunct that takes the clause's subject ("before
#: flying to", "after arriving in", "trước khi bay sang").
_ADJUNCT = re.compile(r"(?i)(?:\b(?:before|after)|(?<!\w)(?:trước|sau)\s+khi)\s+$")
#: Right before a person: the one met, not a subject ("talks with B", "hội đàm với B").
_WITH_BEFORE = re.compile(r"(?i)(?:\bwith|(?<!\w)với)\s+$")
#: Right before a person: the inviter ("at the invitation of B", "theo lời mời của B").
_INVITED_BY = re.compile(
    r"(?i)(?:\b(?:at|on)\s+the\s+invitation\s+of|\binvited\s+by|"
    r"(?<!\w)(?:theo|nhận)\s+lời\s+mời\s+của)\s+(?:[\w-]+\s+){0,3}$"
)
#: A relative clause that makes the one met the subject after all ("with B, who flew in").
_RELATIVE = re.compile(r"(?i)\bwho\b|(?<!\w)người\s+(?:đang|đã|sẽ|vừa|từng)\b")


def anothers_plans(view: View, at: int, facts: ArticleFacts) -> bool:
    """Whether the plans a word at `at` calls off or changes are another named person's
    journey, one the traveller is not named in after it ("Trump called off a planned trip
    to North Korea by Secretary of State Pompeo", "Abbas cut short his trip to Jordan")."""
    if facts.principal is None or not someone_else(view, at, facts):
        return False
    mine = facts.principal.value.name
    return not any(same_in_article(p.name, mine) for p in view.people if p.span[0] >= at)


#: Words that refer back to the traveller ("he", "ông", "the President").
_REFERS_BACK = re.compile(
    r"(?i)\b(?:he|she|they|his|her)\b|(?<!\w)(?:ông|bà|Thủ tướng|Tổng thống|Chủ tịch|"
    r"Tổng Bí thư|đoàn)(?!\w)|\bthe\s+(?:president|prime\s+minister|premier|king|queen|"
    r"chancellor|leader|delegation)\b"
)


def traveller_before(view: View, at: int, facts: ArticleFacts) -> bool:
    """Whether the traveller (by name or a word that refers back) is named before `at`."""
    text = view.sentence.text[:at]
    if _names_principal_before(view, at, facts):
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
