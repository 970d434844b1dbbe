"""Per-language cue words: how English and Vietnamese news say "left", "arrived", "state
visit", "held talks". One table per language with the same fields, so the extractor is
written once and a language is added by adding a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from calendar_svc.domain.language import Language
from calendar_svc.domain.values import EngagementKind, VisitType
from calendar_svc.ingest.lexicon.background import BACKGROUND_EN, BACKGROUND_VI

_F = re.IGNORECASE | re.UNICODE


def _rx(pattern: str, flags: int = _F) -> re.Pattern[str]:
    return re.compile(pattern, flags)


#: Leading something ("will lead a business delegation to A"): who leads it goes.
_LEAD_A = r"\b(?:lead|leads|led|leading)\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,3}?"
#: The same, right before "delegation to": the countries after it are the leader's stops.
LEADS = _rx(_LEAD_A + "$")


@dataclass(frozen=True)
class Lexicon:
    language: Language
    #: the delegation leaves a place ("left Hà Nội", "rời Mát-xcơ-va")
    departure: re.Pattern[str]
    #: the delegation arrives ("arrived in", "đã đến")
    arrival: re.Pattern[str]
    #: back home ("returned to Hà Nội", "về đến Hà Nội")
    returned: re.Pattern[str]
    #: a leg ends ("concluding their official visit", "kết thúc chuyến thăm")
    conclusion: re.Pattern[str]
    #: words that make a sentence about travel to the countries it names
    travel: re.Pattern[str]
    #: future or plan ("will", "sẽ"): the sentence announces rather than reports
    future: re.Pattern[str]
    #: a visit told as done ("visited", "was an official visit", "đã thăm"): a day without
    #: its year lies before publication (`Tense` "done")
    done: re.Pattern[str]
    postponed: re.Pattern[str]
    cancelled: re.Pattern[str]
    #: each visit type and the cue that names it, in the order they are tried
    visit_types: tuple[tuple[VisitType, re.Pattern[str]], ...]
    #: "at the invitation of", "theo lời mời"
    invitation: re.Pattern[str]
    #: the list of delegation members follows
    delegation: re.Pattern[str]
    #: engagement kinds, most specific first
    engagements: tuple[tuple[EngagementKind, re.Pattern[str]], ...]
    #: separators inside a list of engagements ("…, the wreath-laying ceremony …, and …")
    list_separator: re.Pattern[str]
    #: the reporting context of a sentence ("While in Russia", "during the visit")
    during: re.Pattern[str]
    #: a sentence that quotes or paraphrases a spokesperson: no travel facts about them
    reported_speech: re.Pattern[str]
    #: right after a duration, the whole journey ("a week-long tour", "chuyến công du 4
    #: ngày" has it before): its length is the trip's, never the first leg's
    whole_trip: re.Pattern[str]
    #: the later leg of a leg told in retrospect ("Before arriving in A, he visited B",
    #: "Trước khi tới A, ... đã thăm B"): the place named right after it
    before_leg: re.Pattern[str]
    #: a movement in the simple present, which news uses for what is scheduled ("He
    #: leaves Hanoi on Monday"): a plan, and its weekday lies ahead
    scheduled_move: re.Pattern[str]
    #: a move on to the next leg ("will fly on to B", "then travels to B", "ends the trip
    #: in B", "sau đó thăm B"): B comes after the legs named before it and the leg the
    #: article reports an arrival in, whatever order the text names them
    onward: re.Pattern[str]
    #: "after attending the summit in B", "sau khi tham dự ... tại B": B is the leg before
    #: the one the sentence is about, though named after it
    after_leg: re.Pattern[str]
    #: the plan a change replaced ("had originally announced that the visit would run from
    #: May 22 to 25", "theo kế hoạch ban đầu"): its dates are no reading of the visit
    superseded: re.Pattern[str]
    #: a visit told in the past ("who visited", "had visited", "đã thăm", "hồi tháng"):
    #: with dates months back, another journey (see `extract.history.mark_history`)
    past_visit: re.Pattern[str]
    #: the leg a journey opens with ("the first stop", "điểm dừng chân đầu tiên")
    first_leg: re.Pattern[str]
    #: within an onward cue, one that names the last leg ("ends the trip in", "final stop")
    final_leg: re.Pattern[str]
    #: a summit or multilateral meeting: where the traveller goes for it is a leg of
    #: type attending_event
    summit: re.Pattern[str]
    #: a sentence of background: another journey or the context of this one ("His
    #: previous trip ...", "The visit comes as ...", "trong bối cảnh"); no legs in it
    background: re.Pattern[str]
    #: after a place the traveller came from, what says they were there on this trip
    #: ("flew in from A, where he had attended ...", "từ A, nơi ông đã dự ..."): an
    #: earlier leg
    came_from: re.Pattern[str]
    #: the start of a visit told without an arrival ("began a state visit to A on
    #: Tuesday", "bắt đầu chuyến thăm chính thức A"): the day the leg starts
    began: re.Pattern[str]
    #: a list of countries named for comparison, not as places to go ("alongside China
    #: and Russia", "such as A and B")
    compared: re.Pattern[str]
    #: right before a day, an event of someone's life, not a day of the journey ("King
    #: Bhumibol, who died on Oct. 13", "người qua đời hôm 13/10")
    life_event: re.Pattern[str]


ENGLISH = Lexicon(
    language="en",
    departure=_rx(
        r"\b(?:left|leaves|leave|leaving|departed|departs|depart|set off from|"
        r"set out from|flew out of|took off from|takes off from|"
        # "will set off on Saturday", "sets out for Tokyo" (not "set off protests")
        r"set(?:s|ting)?\s+(?:off|out)(?=\s+(?:for|on|early|late|at|this|today|tomorrow)\b))\b"
    ),
    arrival=_rx(
        r"\b(?:arrived (?:in|at)|arrives (?:in|at)|arrive (?:in|at)|landed (?:in|at)|"
        r"lands? (?:in|at)|landing (?:in|at)|touch(?:ed|es)? down (?:in|at)|arriving (?:in|at)|"
        # "had flown into Tehran's Mehrabad airport on Monday afternoon from Istanbul"
        r"flew into|flies into|fly into|flying into|flown into)\b"
    ),
    returned=_rx(
        # ("returned to the presidency on Jan. 1" is no homecoming)
        r"\b(?:(?:returned|returns) (?:home|to(?!\s+(?:the\s+)?(?:presidency|power|office|"
        r"politics|government)\b))|arrived back (?:in|home)|"
        r"(?:arrived|arrives|arriving|landed|got|came|comes)\s+(?:back\s+)?home|"
        r"(?:headed|heads|flew|flies|flying|went|left for|leaves for)\s+(?:back\s+)?home|"
        r"(?<!way )back home)\b"
    ),
    # ("after the summit ended, he ..." ends what came before it, no leg named after it)
    conclusion=_rx(
        r"\b(?:conclud(?:ed|ing|es)|wrapp(?:ed|ing) up|wound up|end(?:ed|ing)|"
        r"complet(?:ed|ing))\b(?!\s*[,.;:)])"
    ),
    travel=_rx(
        r"\b(?:visits?|visiting|trips?|tour|travel(?:s|led|ling)?|heading to|bound for|"
        # "returned from the ASEAN Summit in Indonesia": the stay it ends is a leg
        r"(?:returned|returns|returning)\s+from|"
        r"for (?:a|an) (?:state|official|working)|leaves? for|left for|"
        r"(?:fly|flies|flew|flying|go|goes|went|going|head|heads|headed) on to|"
        r"(?:will|to|would)\s+(?:also\s+)?go\s+to|goes\s+to|went\s+to|"
        # "will spend six days in South Korea from Friday", "spent Friday in Madrid"
        r"(?:spend|spends|spending)\s+(?:[\w-]+\s+){0,2}(?:days?|nights?|weeks?)\s+in|"
        # a day of this trip, not years of a life ("spent two weeks in Cuba as a student")
        r"(?:spend|spends|spending|spent)\s+(?:the\s+)?(?:weekend|"
        r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+in|"
        # "and will continue to Rome" (not "continue to work", nor "exports would continue to
        # China"): the traveller's next move, a place after it
        r"(?:and|then|before)\s+(?:will\s+|would\s+)?(?:then\s+)?continu(?:e|es|ing)\s+(?:on\s+)?"
        r"to\s+(?=(?-i:[A-Z]))|"
        # "will fly to Japan", "heads to Hanoi", "jetted into Delhi"; "leave on Wednesday
        # for Hiroshima"
        r"(?:fly|flies|flew|flying|head|heads|headed|heading|jet(?:s|ted|ting)?)\s+"
        r"(?:(?:off|out|straight)\s+)?(?:to|for)|jet(?:s|ted|ting)?\s+into|"
        # "left Santiago by train on Saturday afternoon for Vietnam"
        r"(?:leave|leaves|leaving|left|depart|departs|departed|(?:fly|flies|flew|flying)\s+out)"
        r"\s+(?:\w+\s+){1,6}?for|"
        # "his departure for China", "he will stop in Abu Dhabi on his way home", "is due
        # in Sydney from May 22 to 24"
        r"departure\s+for|stop(?:s|ped|ping)?\s+(?:off\s+|over\s+)?in|"
        r"(?:is|are|was|were)\s+(?:also\s+)?(?:due|expected)\s+in|"
        # "Biden will be in Sharm el-Sheikh on Nov. 11", "He will then be in Bali"
        r"(?:will|to)\s+(?:then\s+|also\s+|next\s+)?be\s+in|"
        # "will lead a business delegation to Singapore and Japan"
        rf"{_LEAD_A}(?:delegation|mission)\s+to)\b"
    ),
    future=_rx(
        r"\b(?:will|shall|is to|are to|is set to|are set to|is scheduled|"
        r"are scheduled|plans? to|is due to|ahead of|upcoming|forthcoming|"
        r"(?:is|are)\s+(?:now\s+|also\s+)?expected\s+(?:to|in)\b|"
        # a plan reported: "the ministry said he would travel to Kunming"
        r"would\s+(?:also\s+)?(?:travel|visit|fly|go|head|attend|leave|arrive|pay|make)|"
        # a plan told in the past: "was due to speak on Sunday before flying home"
        r"(?:was|were|had\s+been)\s+(?:due|scheduled|expected|set)\s+to|"
        # "the president was to make a three-hour stop in Port Moresby on May 22"
        r"(?:was|were)\s+to\s+(?:make|visit|travel|fly|go|attend|arrive|stop|address|meet))\b"
    ),
    done=_rx(
        r"\b(?:visited|toured|(?:travell?ed|went|flew|came)\s+to|"
        r"(?:was|were)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour))\b"
    ),
    postponed=_rx(
        r"\b(?:postponed|postpones?|postponing|put off|puts off|putting off|delayed|"
        r"rescheduled|push(?:ed|es|ing)?\s+back|deferred|defers?|put\s+on\s+(?:ice|hold))\b"
    ),
    # ("was nearly called off", "had almost been scrapped": it went ahead)
    cancelled=_rx(
        r"(?<!nearly )(?<!almost )(?<!nearly been )(?<!almost been )"
        r"\b(?:cancell?ed|cancell?ing|called off|calling off|calls off|scrapped|scrapping|"
        r"scraps|cancels?|"
        # "dropped plans to go on to a summit", "pulled out of the summit"
        r"dropp(?:ed|ing)\s+(?:(?:his|her|their|the)\s+)?plans?\s+to|pull(?:ed|s)?\s+out\s+of|"
        # "dropped the Pakistan leg", "the Pakistan leg ... had been dropped" (a leg or a
        # stop only: "dropped a visit to the town of Raanana" is a part of a stay)
        r"dropp(?:ed|ing)\s+(?:(?:the|a|its|his|her|their|planned)\s+){0,2}(?:[\w-]+\s+){0,3}?"
        r"(?:legs?|stops?|stopovers?)\b|(?:(?<=been\s)|(?<=was\s)|(?<=were\s))dropped|"
        # "would not attend the World Economic Forum", "will skip the summit"
        r"(?:will|would)\s+(?:not|no\s+longer)\s+attend|won't\s+attend|"
        # "and would no longer travel to France": the traveller's leg given up (not
        # "visitors would no longer travel to ...", nor "to summits abroad")
        r"(?:(?<=\bhe\s)|(?<=\bshe\s)|(?<=\band\s)|"
        # "Kenyan President William Ruto will no longer travel to China next week"
        r"(?-i:[A-Z])[\w'’-]+\s+)(?:will|would)\s+no\s+longer\s+(?:travel|go|fly)\s+to"
        r"(?=\s+(?:the\s+)?(?-i:[A-Z]))|"
        r"(?:will|would)\s+skip|skipp(?:ed|ing)\s+the)\b"
    ),
    visit_types=(
        (VisitType.STATE, _rx(r"\bstate visits?\b")),
        (VisitType.OFFICIAL, _rx(r"\bofficial (?:friendship )?visits?\b")),
        # "a working visit" is a protocol grade; "a working trip" is any official journey
        # (the Vietnamese press's "chuyến công tác"), which says nothing of the grade
        (VisitType.WORKING, _rx(r"\bworking visits?\b")),
        # "attend the APEC Economic Leaders' Meeting in Peru": the country after "in".
        (
            VisitType.EVENT,
            _rx(
                r"\battend(?:s|ing|ed)?\s+(?:\S+\s+){0,8}?(?:summit|meeting|conference|"
                r"forum|congress|assembly|week|session)s?\s+(?:in|held in|at)\s+"
            ),
        ),
    ),
    invitation=_rx(
        r"\b(?:at the invitation of|invited by|as (?:the )?guests? of|"
        r"on the invitation of)\b"
    ),
    delegation=_rx(
        r"\b(?:delegation (?:also )?(?:includes|included|comprises|comprised)|"
        r"accompanied by|(?:is|was) joined by)\b"
    ),
    engagements=(
        (
            EngagementKind.WREATH_LAYING,
            _rx(
                r"\b(?:wreath|laid flowers|flower[- ]laying|"
                r"floral tribute|paid tribute)\w*"
            ),
        ),
        (
            EngagementKind.TALKS,
            _rx(
                r"\b(?:held talks|hold talks|holds talks|talks with|"
                r"talks)\b"
            ),
        ),
        (EngagementKind.SIGNING, _rx(r"\b(?:signing|signed)\b")),
        (
            EngagementKind.PRESS,
            _rx(
                r"\b(?:the press|press conference|joint statement to the"
                r" press|press briefing)\b"
            ),
        ),
        (EngagementKind.BANQUET, _rx(r"\b(?:banquet|state dinner|luncheon)\b")),
        (EngagementKind.FORUM, _rx(r"\b(?:forum|conference|summit)\b")),
        (EngagementKind.SPEECH, _rx(r"\b(?:speech|lecture|address(?:ed)?|remarks)\b")),
        (EngagementKind.CEREMONY, _rx(r"\b(?:ceremon(?:y|ies)|parade|inauguration)\b")),
        (EngagementKind.RECEPTION, _rx(r"\b(?:receiv(?:ed|ing)|reception|welcomed)\b")),
        (
            EngagementKind.MEETING,
            _rx(
                r"\b(?:met|meets|meet|meetings?|received|"
                r"talked with)\b"
            ),
        ),
        (EngagementKind.SITE_VISIT, _rx(r"\b(?:visited|toured|tour of)\b")),
    ),
    list_separator=_rx(
        r",\s*(?:and\s+|as well as\s+)?|\s+and\s+(?=the\b|a\b|an\b)|"
        r";\s*|\s+as well as\s+"
    ),
    during=_rx(
        r"\b(?:while in|during (?:the|his|her|their) (?:visit|stay|trip)|"
        r"on this occasion|also during the visit|in the framework of the visit)\b"
    ),
    reported_speech=_rx(r"\b(?:told the press|told reporters|said|stated|according to)\b"),
    # "a week-long tour", "a nine-day, four-nation tour"
    whole_trip=_rx(r"^,?\s+(?:[\w-]+,?\s+){0,2}?(?:tour|trip|journey|swing)s?\b"),
    # a meeting of leaders: "summit", "G7", "the Group of Seven", and a gathering told in a
    # clause ("Japan, where leaders of the Group of Seven nations meet on May 26-27")
    summit=_rx(
        # ("Japan's Group of Seven partners": the group, no meeting of it)
        r"\b(?:summit|(?:G20|G7|G-20|G-7|Group\s+of\s+(?:Seven|Twenty|20|7)|(?-i:APEC))"
        r"(?!\s+(?:partners|allies|members|economies|countries|ministers)\b)|(?-i:COP)\s?\d{1,2}|"
        # "the 25th APEC Economic Leaders' Meeting", "the Leaders' Meeting"
        # "the Commonwealth Heads of Government Meeting (CHOGM)"
        r"(?:Economic\s+)?Leaders[’']?\s+Meeting|Heads\s+of\s+(?:State\s+and\s+)?Government"
        r"\s+Meeting|(?-i:CHOGM))\b|"
        # events a leader flies in for: "the U.N. General Assembly", "the Victory Day parade",
        # "the emperor's enthronement", "the state funeral", "the new president's inauguration"
        r"\b(?:(?:UN|U\.N\.|United\s+Nations)\s+General\s+Assembly|Victory\s+Day|"
        r"enthronement|coronation|(?:state\s+)?funeral|inauguration(?=\s+of\s+(?:President|"
        r"Prime|the\s+new)))\b|"
        # "where leaders of the Shanghai Cooperation Organisation (SCO) will meet"
        # (not "where he is due to meet President B", "where the prime minister will meet
        # senior Iranian leaders": a talk of one with others)
        r"\bwhere\s+(?!(?:he|she)\b|the\s+(?:[\w-]+\s+){0,2}?(?:minister|president|premier|"
        r"chancellor|king|queen|emperor|sultan|pope|prince|secretary|chairman|chairwoman|"
        r"leader|monarch)\b)(?:(?:\w+|\([\w-]+\))\s+){0,10}?(?:meet|meets|gather|"
        r"gathers|convene|convenes)\b"
    ),
    compared=_rx(r"\b(?:alongside|such\s+as|like|compared\s+with|as\s+with)\s+(?:the\s+)?"),
    life_event=_rx(r"\b(?:died|passed\s+away|(?:was|were)\s+born)\s+(?:on\s+|in\s+)?$"),
    came_from=_rx(
        r"^(?:\s*\([^()]{1,40}\))?,\s+where\s+(?:he|she|they)\s+(?:had|held|attended|met|"
        r"visited|spent|signed|stayed|took\s+part|was|were)\b"
    ),
    began=_rx(
        r"\b(?:began|begins|started|starts|kicked\s+off|kicks\s+off|opened|opens)\s+"
        r"(?:(?:his|her|their|a|an|the)\s+)?(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\b"
    ),
    background=_rx(BACKGROUND_EN),
    scheduled_move=_rx(
        r"\b(?:leaves|departs|flies\s+(?:to|on|out|home)|heads\s+(?:to|for|home|on)|"
        # "He travels on Wednesday to Changwon": the weekday before the place
        r"arrives\s+in|travels\s+(?:to|on\s+(?-i:[A-Z])[a-z]*day\b)|"
        # "is due in Riyadh on Wednesday", "his British program opens on Friday"
        r"(?:is|are)\s+due\s+(?:in|at)|(?:opens|begins|starts)\s+(?:on|with))\b"
    ),
    before_leg=_rx(
        r"\bbefore\s+(?:arriving\s+in|coming\s+to|travell?ing\s+to|heading\s+to|"
        r"flying\s+to|reaching|visiting)\s+(?:the\s+)?"
    ),
    onward=_rx(
        r"\b(?:(?:fly|flies|flying|flew|travel(?:s|led|ling)?|head(?:s|ed|ing)?|go(?:es|ing)?|"
        r"move[sd]?|moving|press(?:es|ed|ing)?|continu(?:e|es|ed|ing))\s+on\s+to|"
        r"then\s+(?:fly|flies|travel|travels|head|heads|go|goes|visit|visits|move|moves)|"
        r"(?:next|final|last)\s+(?:stop|leg)|"
        r"(?:ends?|ending|wrap(?:s|ping)?\s+up|conclud(?:es?|ing))\s+(?:the|his|her|its)\s+"
        r"(?:\w+\s+){0,2}?(?:trip|tour|journey|swing)\s+(?:in|with))\b"
    ),
    final_leg=_rx(r"\b(?:final|last|end|ends|ending|wrap|wraps|wrapping|conclud\w*)\b"),
    first_leg=_rx(r"\b(?:first|opening)\s+(?:stop|leg)\b"),
    superseded=_rx(
        r"\b(?:originally|initially)\s+(?:been\s+)?(?:announced|planned|scheduled|set|due|"
        r"expected|said)\b|\binstead\s+of\b"
    ),
    past_visit=_rx(
        r"\b(?:who\s+|had\s+|has\s+)?(?:visited|travell?ed\s+to|went\s+(?:on\s+)?to|toured|"
        r"was\s+in|attended|flew\s+to|took\s+(?:him|her|them)\s+(?:\w+\s+)?to)\b|"
        # "following his official visit to the country in September 2023", "he paid a state
        # visit there in 2019" (another visit only when its dates are long past: `history`)
        r"\b(?:has|have|had)\s+(?:already\s+)?(?:made|paid)\s+(?:[\w-]+\s+){0,2}?(?:visits|trips)\b|"
        r"\b(?:(?:following|after)\s+(?:his|her|their)|(?:paid|made|was|were)\s+(?:a|an|his|her))\s+"
        r"(?:[\w-]+\s+){0,2}?(?:visit|trip|tour)\b|"
        # "after trips to the United States and France earlier this year"
        r"\b(?:trips|visits|tours)\s+to\b"
    ),
    after_leg=_rx(
        r"\b(?:right\s+|just\s+|immediately\s+|shortly\s+)?after\s+(?:attending|visiting|"
        r"stopping|wrapping\s+up|concluding|ending|leaving|a\s+(?:stop|visit|summit)|(?:his|her)\s+"
        r"(?:stop|visit|trip|attendance))\b|"
        # "After three days in Japan", "after a two-day stop in Laos"
        r"\bafter\s+(?:(?:a|an|his|her)\s+)?(?:[\w-]+\s+){0,2}?(?:days?|stay|stop)\s+in\b|"
        # "who arrived from Tokyo", "arrived in Seoul on Tuesday from Tokyo": where the
        # traveller came from was the leg before
        r"\b(?:arrived|arriving|arrives|flew\s+in|came)\s+(?:in\s+[^,.;]{1,40}?\s+)?from\b"
    ),
)

VIETNAMESE = Lexicon(
    language="vi",
    departure=_rx(r"(?<!\w)(?:rời|lên đường|khởi hành|cất cánh(?= từ))(?!\w)"),
    # Bare "đến"/"tới" counts only right before a capitalised place ("đến Hà Nội, bắt
    # đầu ..."), never in a date range ("từ ngày 5 đến ngày 12/5").
    arrival=_rx(
        r"(?<!\w)(?:đã đến|đã tới|đến sân bay|tới sân bay|đặt chân (?:đến|tới|lên)|"
        r"hạ cánh (?:xuống|tại)|"
        # "đã dừng chân tại La Ha-ba-na": a stopover is a stay there (not the noun, "chặng
        # dừng chân tại Kenya")
        r"(?<!chặng )(?<!điểm )dừng chân (?:(?:ngắn|vài|giờ|ít|một|hai|ba|tiếng)\s+){0,3}"
        r"(?:tại|ở)(?=\s+(?-i:[A-ZĐÀ-Ỹ]))|"
        # "lên đường tới thủ đô Washington", "rời ... để đến thủ đô": where it heads
        r"(?<!lên đường )(?<!khởi hành )(?<!để )(?:đến|tới) thủ đô|"
        # "có mặt tại Tô-ky-ô từ tối muộn 20/4": a stay there counted from its first day
        r"có mặt (?:tại|ở)(?=\s+(?-i:[A-ZĐÀ-Ỹ])[^,.;]{0,40}?\stừ\s)|"
        # "lên đường tới Nhật Bản": where a departure is headed, not an arrival
        # "rời Washington để tới Hà Lan": where the departure heads, too; "bắt đầu chuyến
        # công du tới Nga": where the tour goes
        r"(?<!lên đường )(?<!khởi hành )(?<!để )(?<!công du )(?<!công tác )(?<!chuyến đi )"
        # "kết thúc chuyến thăm cấp Nhà nước tới Phi-gi": where the visit went, no landing
        r"(?<!chuyến thăm )(?<!thăm cấp Nhà nước )(?<!chính thức )"
        # "chuyến công du một tuần tới Pê-ru và Bra-xin": the tour's length, then where
        # (not "ngày": "chiều cùng ngày tới Bắc Kinh" arrives)
        r"(?<!tuần )"
        # "hội đàm ... nhân dịp tới Hàn Quốc dự APEC": the occasion of the talks, no landing;
        # "ông B, Vụ trưởng ..., người tới Kiev": who came is the one just named
        r"(?<!nhân dịp )(?<!người )"
        # "lấy làm tiếc vì không thể tới Ba Lan": a journey not made
        r"(?<!không thể )(?<!không )(?<!chưa thể )"
        r"(?:đến|tới)(?=\s+(?-i:[A-ZĐÀ-Ỹ])))(?!\w)"
    ),
    # "trên đường về nước" is "on the way home": where a stop lies, not a homecoming
    returned=_rx(r"(?<!\w)(?<!đường )(?:về đến|về tới|trở về|về nước)(?!\w)"),
    # ("sau khi hội nghị kết thúc, Thủ tướng ..." ends what came before it)
    conclusion=_rx(r"(?<!\w)(?:kết thúc|hoàn thành|khép lại)(?!\w)(?!\s*[,.;:)])"),
    travel=_rx(
        r"(?<!\w)(?:thăm|chuyến thăm|công du|chuyến công tác|lên đường|"
        # "cho tới khi" is "until", not a move; "tuần tới", "năm tới", "sắp tới", "thời gian
        # tới" are "next week", "next year", "coming": no one moves
        r"(?<!cho\s)(?<!tận\s)(?<!tuần\s)(?<!tháng\s)(?<!năm\s)(?<!sắp\s)(?<!gian\s)(?<!kỳ\s)"
        r"(?:tới|đến)(?!\s+khi(?!\w))|"
        # "chặng dừng chân tại A", "chặng thứ hai"; never "chặng đường" (a stretch of time)
        r"dừng chân|chặng(?!\s+đường)|"
        # "nhà lãnh đạo Trung Quốc sẽ ở Tây Ban Nha từ ngày 27 đến 29/11", "sẽ có mặt tại"
        r"(?:(?:sẽ|đã|đang)\s+(?:có\s+mặt\s+)?|có\s+mặt\s+)(?:ở|tại)(?=\s+(?-i:[A-ZĐÀ-Ỹ])))(?!\w)"
    ),
    future=_rx(r"(?<!\w)(?:sẽ|sắp|chuẩn bị|dự kiến|theo kế hoạch)(?!\w)"),
    done=_rx(r"(?<!\w)(?:đã|từng|vừa)\s+(?:thăm|tới|đến|sang|dự|tham\s+dự)(?!\w)"),
    postponed=_rx(r"(?<!\w)(?:hoãn|lùi)(?!\w)"),
    # ("tiêu hủy vũ khí hạt nhân", "phá hủy", "hủy diệt" destroy, and call nothing off)
    # ("suýt bị hủy", "gần như bị hủy": nearly called off, so it went ahead)
    cancelled=_rx(
        r"(?<!\w)(?<!tiêu )(?<!phá )(?<!suýt bị )(?<!suýt )(?<!gần như bị )"
        r"(?:hủy|huỷ|hủy bỏ|huỷ bỏ)(?!\w)(?!\s+diệt)"
        # "thông báo sẽ không tham dự Diễn đàn Kinh tế thế giới"
        r"|(?<!\w)sẽ\s+không\s+(?:tham\s+)?dự(?!\w)"
        # "sẽ không thăm Việt Nam từ ngày 8 đến 9/9 như dự kiến": a plan given up (not "sẽ
        # không thăm Đài Loan", which says no more than that there is no such plan)
        r"|(?<!\w)sẽ\s+không\s+(?:còn\s+)?(?:thăm|sang|tới|đến)(?!\w)"
        r"(?=[^.;]{0,80}?(?<!\w)(?:như\s+(?:dự\s+kiến|kế\s+hoạch)|nữa)(?!\w))"
    ),
    visit_types=(
        (VisitType.STATE, _rx(r"(?<!\w)thăm (?:cấp )?Nhà nước(?!\w)")),
        (VisitType.OFFICIAL, _rx(r"(?<!\w)thăm (?:hữu nghị )?chính thức(?!\w)")),
        # "thăm làm việc", and "làm việc tại Nhật Bản", "thăm, làm việc tại Hoa Kỳ" (a stay
        # of work in a country: a working visit; "làm việc với B" is a meeting)
        (
            VisitType.WORKING,
            # not people's work there: "người Việt Nam đang sinh sống, làm việc tại Nga",
            # "lao động, học tập và làm việc ở Nhật Bản"
            _rx(
                # nor a meal: "dự tiệc tối làm việc tại Điện Élysée", "ăn trưa làm việc"
                r"(?<!\w)(?:thăm làm việc|(?<!sống, )(?<!sống và )(?<!tập và )(?<!tập, )"
                r"(?<!tối )(?<!trưa )(?<!sáng )(?<!tiệc )"
                r"(?:thăm\s*(?:,|và)\s*)?làm việc (?:tại|ở))(?!\w)"
            ),
        ),
        (
            VisitType.EVENT,
            _rx(
                r"(?<!\w)(?:dự|tham dự)\s+(?:\S+\s+){0,8}?(?:Hội nghị|Thượng đỉnh|Tuần lễ|"
                r"Diễn đàn)(?:\s+\S+){0,8}?\s+(?:tại|ở)\s+"
            ),
        ),
        (
            # "dự Hội nghị Cấp cao kỷ niệm 50 năm quan hệ ASEAN - Nhật Bản, diễn ra tại Tokyo":
            # a long name, then where it is held
            VisitType.EVENT,
            _rx(
                r"(?<!\w)(?:dự|tham dự)\s+(?:Hội nghị|Thượng đỉnh|Diễn đàn)[^.;]{0,160}?,?\s*"
                r"(?:diễn ra|được tổ chức|tổ chức)\s+(?:tại|ở)\s+"
            ),
        ),
    ),
    invitation=_rx(r"(?<!\w)(?:theo lời mời|nhận lời mời)(?!\w)"),
    delegation=_rx(r"(?<!\w)(?:đoàn gồm(?: có)?|cùng đi có|cùng đi với|tháp tùng)(?!\w)"),
    engagements=(
        (
            EngagementKind.WREATH_LAYING,
            _rx(
                r"(?<!\w)(?:đặt vòng hoa|dâng hoa|đặt hoa|viếng)"
                r"(?!\w)"
            ),
        ),
        (EngagementKind.TALKS, _rx(r"(?<!\w)hội đàm(?!\w)")),
        (EngagementKind.SIGNING, _rx(r"(?<!\w)(?:ký kết|lễ ký|chứng kiến (?:lễ )?ký|ký)(?!\w)")),
        (EngagementKind.PRESS, _rx(r"(?<!\w)(?:họp báo|gặp gỡ báo chí)(?!\w)")),
        (EngagementKind.BANQUET, _rx(r"(?<!\w)(?:chiêu đãi|quốc yến)(?!\w)")),
        (EngagementKind.FORUM, _rx(r"(?<!\w)(?:diễn đàn|hội nghị|hội thảo)(?!\w)")),
        (EngagementKind.SPEECH, _rx(r"(?<!\w)(?:phát biểu|bài phát biểu|diễn văn)(?!\w)")),
        (EngagementKind.CEREMONY, _rx(r"(?<!\w)(?:lễ|duyệt binh|khánh thành)(?!\w)")),
        (
            EngagementKind.MEETING,
            _rx(
                r"(?<!\w)(?:hội kiến|gặp|hội đàm|tiếp|gặp gỡ|"
                r"tiếp xúc)(?!\w)"
            ),
        ),
        (EngagementKind.SITE_VISIT, _rx(r"(?<!\w)(?:thăm|tham quan)(?!\w)")),
    ),
    list_separator=_rx(
        r",\s*(?:và\s+)?|;\s*|\s+và\s+(?=(?:dự|tham dự|chứng kiến|gặp|"
        r"hội kiến|tiếp|thăm|phát biểu)\b)"
    ),
    during=_rx(
        r"(?<!\w)(?:trong (?:thời gian|khuôn khổ|dịp)|nhân dịp này|trong chuyến thăm)"
        r"(?!\w)"
    ),
    reported_speech=_rx(
        r"(?<!\w)(?:cho biết|phát biểu|trả lời phỏng vấn|nhấn mạnh|khẳng định)"
        r"(?!\w)"
    ),
    # "chuyến công du 4 ngày", "Chuyến công du kéo dài gần một tuần"
    whole_trip=_rx(
        # "chuyến công du châu Phi kéo dài một tuần", "chuyến công du 4 nước châu Á - Thái
        # Bình Dương kéo dài một tuần": where it goes may come between
        # (not "chuyến đi thăm Nhật Bản kéo dài 3 ngày": the visit's length)
        r"(?<!\w)(?:chuyến\s+(?:công\s+du|công\s+tác|đi))(?:\s+(?!thăm(?!\w))[^\s.,;:()]+){0,8}?"
        r"(?:\s+kéo\s+dài)?"
        r"(?:\s+(?:gần|hơn|khoảng|trong))?\s*$"
    ),
    # a named conference or forum, capitalised ("Hội nghị thường niên các nhà tiên phong
    # của WEF ... trong hai ngày 27-28/6") is dated as a summit is: its days, not the
    # visit's; "diễn đàn an ninh" (a forum, as a common noun) names none
    summit=_rx(
        r"(?<!\w)(?:Hội nghị (?:thượng đỉnh|cấp cao)|(?-i:Hội nghị|Diễn đàn)|Thượng đỉnh|"
        # ("5 nước thành viên G7", "các nước G20": the group, no meeting of it)
        r"(?<!thành viên )(?<!nước )(?:G7|G20|APEC)|WEF|(?-i:COP)\s?\d{1,2}|"
        # "Đại hội đồng Liên hợp quốc", "lễ duyệt binh Ngày Chiến thắng", "lễ đăng quang"
        r"Đại\s+hội\s+đồng\s+(?:Liên\s+hợp\s+quốc|LHQ)|"
        r"lễ\s+(?:duyệt\s+binh|đăng\s+quang|quốc\s+tang|tang|nhậm\s+chức))(?!\w)"
    ),
    compared=_rx(r"(?<!\w)(?:các nước như|những nước như|giống như|ngang hàng với)\s+"),
    life_event=_rx(
        r"(?<!\w)(?:(?:qua\s+đời|từ\s+trần|tạ\s+thế|băng\s+hà)(?:\s+(?:hôm|vào))?|sinh)"
        r"(?:\s+ngày)?\s+$"
    ),
    came_from=_rx(r"^(?:\s*\([^()]{1,40}\))?,\s+nơi\s+(?:ông|bà|họ)\s+(?:vừa\s+|đã\s+)+"),
    began=_rx(r"(?<!\w)bắt đầu\s+(?:chuyến\s+)?(?:thăm|công du|chuyến công du)(?!\w)"),
    background=_rx(BACKGROUND_VI),
    scheduled_move=re.compile(r"(?!)"),  # Vietnamese verbs do not tell the tense
    before_leg=_rx(r"(?<!\w)trước\s+khi\s+(?:tới|đến|sang|thăm|lên\s+đường\s+(?:tới|đến))\s+"),
    onward=_rx(
        r"(?<!\w)(?:sau\s+đó|tiếp\s+đó|tiếp\s+theo|tiếp\s+tục\s+(?:lên\s+đường|hành\s+trình)|"
        r"điểm\s+dừng\s+chân\s+(?:tiếp\s+theo|cuối\s+cùng))(?!\w)"
    ),
    final_leg=_rx(r"(?<!\w)cuối\s+cùng(?!\w)"),
    first_leg=_rx(r"(?<!\w)(?:điểm\s+dừng\s+chân|chặng|điểm\s+đến)\s+đầu\s+tiên(?!\w)"),
    superseded=_rx(
        r"(?<!\w)(?:kế\s+hoạch\s+ban\s+đầu|ban\s+đầu\s+(?:được\s+)?(?:dự\s+kiến|thông\s+báo|"
        r"công\s+bố|cho\s+biết)|thay\s+vì)(?!\w)"
    ),
    past_visit=_rx(
        r"(?<!\w)(?:đã\s+(?:lần\s+lượt\s+|từng\s+)?(?:thăm|tới|đến|sang|dự|tham\s+dự)|hồi\s+tháng|"
        r"từng\s+(?:thăm|tới|đến)|vừa\s+(?:thăm|tới|đến|dự|tham\s+dự)|"
        # "sau các chuyến công du Mỹ và Pháp hồi đầu năm" (another only when long past)
        r"chuyến\s+(?:công\s+du|thăm))(?!\w)"
    ),
    after_leg=_rx(
        r"(?<!\w)(?:ngay\s+)?sau\s+(?:khi\s+(?:tham\s+dự|dự|thăm|kết\s+thúc|rời)(?!\w)|"
        # "sau chặng dừng chân tại Nhật Bản", "sau chuyến thăm A", "chặng thứ hai, sau A"
        r"chặng\s+(?:dừng\s+chân\s+)?(?:tại|ở)(?!\w)|chuyến\s+thăm(?!\w)|(?=(?-i:[A-ZĐÀ-Ỹ])))"
    ),
)

LEXICONS: dict[str, Lexicon] = {"en": ENGLISH, "vi": VIETNAMESE}


def visit_type_cues(lexicon: Lexicon, sentence: str) -> list[tuple[int, int, VisitType]]:
    """Every visit-type cue in a sentence, as (start, end, type), in order."""
    found = [
        (m.start(), m.end(), kind)
        for kind, pattern in lexicon.visit_types
        for m in pattern.finditer(sentence)
    ]
    return sorted(found)
