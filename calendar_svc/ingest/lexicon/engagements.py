"""Engagement cues per language: the words around an action verb that tell who acts, whether
the principal is hosted, and where a list of engagements ends ("who had attended", "the two
leaders", "hosted a banquet in honour of", "phía Nga", "nhằm ..."). One table per language with
the same fields, like :mod:`calendar_svc.ingest.lexicon`, so :mod:`calendar_svc.ingest.
engagements` is written once and a language is added by adding a table (and its verbs, in
:mod:`calendar_svc.ingest.lexicon.verbs`). A cue a language does not have never matches.

Kept apart from the travel lexicon because only the engagement reader uses these cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from calendar_svc.domain.language import Language
from calendar_svc.domain.values import EngagementKind
from calendar_svc.ingest.lexicon.verbs import ENGLISH_VERBS, VIETNAMESE_VERBS, Verb

__all__ = ["ENGAGEMENT_LEXICONS", "ENGLISH", "VIETNAMESE", "EngagementLexicon"]

K = EngagementKind
_F = re.IGNORECASE | re.UNICODE
#: a cue the language does not have (Vietnamese verbs have no participles or passives)
_NEVER = re.compile(r"(?!)")


def _rx(pattern: str, flags: int = _F) -> re.Pattern[str]:
    return re.compile(pattern, flags)


@dataclass(frozen=True)
class EngagementLexicon:
    language: Language
    # -- action verbs ------------------------------------------------------------------------
    #: the action verbs, in the order they are tried
    verbs: tuple[Verb, ...]
    #: cue words of engagement kinds that the travel lexicon's table lacks
    extra_cues: tuple[tuple[EngagementKind, re.Pattern[str]], ...]
    #: right before a verb: it is the verb of a relative clause ("experts who had attended")
    relative: re.Pattern[str]
    #: right before a verb: an intention or a commitment, not an engagement ("hoping to
    #: meet", "agreed to meet every year")
    wish: re.Pattern[str]
    #: right before attend, receive, visit or host: a participle or adjective ("the visiting
    #: President", "a welcoming ceremony")
    determiner: re.Pattern[str]
    #: right before a verb: a passive ("were welcomed by", "was received")
    passive: re.Pattern[str]
    #: A participle after the noun it qualifies is no verb: "a banquet welcoming ...", "tiệc
    #: chiêu đãi trọng thể đón Tổng Bí thư".
    after_event_noun: re.Pattern[str]
    # -- planned -----------------------------------------------------------------------------
    #: future markers the travel lexicon lacks ("would", "is scheduled to")
    future_extra: re.Pattern[str]
    #: the travel lexicon's future markers that say nothing about the verb ("ahead of")
    not_future: frozenset[str]
    #: right before a verb, with a departure before it: a purpose ("left Santiago for Lima
    #: to attend ..."), not yet happened
    purpose: re.Pattern[str]
    set_off: re.Pattern[str]
    # -- the actor ---------------------------------------------------------------------------
    #: pronouns and role phrases that may be the principal ("the Party chief", "Tổng Bí thư")
    role: re.Pattern[str]
    #: A mention right after one of these is an object, not the subject.
    governed: re.Pattern[str]
    #: What may stand between a subject and its verb.
    bridge: re.Pattern[str]
    # -- the host as subject -----------------------------------------------------------------
    #: The host as subject: verbs whose object may be the principal ("received Tô Lâm", "đón
    #: Tổng Bí thư") and verbs whose object is an event in the principal's honour ("hosted a
    #: banquet for ...", "chủ trì lễ đón ..."), with what may stand between the verb and the
    #: principal.
    host_direct: frozenset[str]
    host_event: frozenset[str]
    host_direct_gap: re.Pattern[str]
    host_event_gap: re.Pattern[str]
    #: The host as subject of a verb done together, the principal after "with" ("Putin
    #: held talks with King Salman", "Chủ tịch nước hội đàm với Tổng thống ..."): the
    #: verbs, and what may stand between the verb and the principal (`noun`: what was
    #: held, which "held" needs).
    joint: frozenset[str]
    joint_gap: re.Pattern[str]
    #: Reported speech before a host: "Putin said President Xi had received ...".
    reported: re.Pattern[str]
    # -- items -------------------------------------------------------------------------------
    #: where a verb's object ends: a participial tail (", commemorating ...", "nhằm ...")
    tail: re.Pattern[str]
    #: list separators the travel lexicon lacks ("and at the ...", "và tại ...")
    extra_separators: re.Pattern[str]
    #: the item after a list header ("several leaders, including A; B")
    header_next: re.Pattern[str]
    leading_junk: re.Pattern[str]
    trailing_junk: re.Pattern[str]
    #: A trip leg, not an engagement: "a state visit to Belarus", "thăm chính thức Liên bang
    #: Nga".
    leg: re.Pattern[str]
    #: what may come before the place a visit's object names ("to the", "thủ đô")
    place_lead: re.Pattern[str]
    #: Meetings "with the leaders of these countries": a summary, not an engagement.
    vague: re.Pattern[str]
    #: Who can be received or hosted, when nobody is named.
    people_noun: re.Pattern[str]


ENGLISH = EngagementLexicon(
    language="en",
    verbs=ENGLISH_VERBS,
    extra_cues=(
        (
            K.SIGNING,
            _rx(
                r"\bexchange of (?:[\w-]+\s+){0,3}?(?:documents|agreements|memorand\w*|"
                r"MoUs?|instruments)\b"
            ),
        ),
        (K.PRESS, _rx(r"\b(?:reporters|journalists|media)\b")),
        (K.BANQUET, _rx(r"\b(?:dinner|lunch|gala)\b")),
        (K.FORUM, _rx(r"\b(?:roundtable|symposium|dialogue)\b")),
        (K.CEREMONY, _rx(r"\b(?:celebrations?|commemorations?|festival|inaugurat\w*)\b")),
    ),
    relative=re.compile(
        r"\b(?:who|which|that|whom|whose)\s+(?:(?:also|had|has|have|will|would|then|"
        r"directly|jointly|later|personally)\s+)*$",
        re.IGNORECASE,
    ),
    wish=re.compile(
        r"\b(?:hop(?:e|es|ed|ing)|wants?|wanted|wanting|wish(?:es|ed|ing)?|seeks?|seeking|"
        r"sought|aims?|aimed|aiming|intends?|intended|intending|would\s+like|looks?\s+forward|"
        # a commitment: "the leaders agreed to meet every year"
        r"agree(?:s|d)?|pledg(?:e|es|ed)|vow(?:s|ed)?|promis(?:e|es|ed)|commit(?:s|ted)?)"
        r"\s+to\s+(?:also\s+)?$",
        re.IGNORECASE,
    ),
    determiner=re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.IGNORECASE),
    passive=re.compile(
        r"\b(?:was|were|been|being|be|is|are|get|gets|got)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE
    ),
    after_event_noun=_rx(
        r"\b(?:banquets?|receptions?|dinners?|luncheons?|lunch|ceremon(?:y|ies)|gala)\s+$"
    ),
    future_extra=re.compile(
        r"\b(?:would|(?:is|are)\s+(?:also\s+)?(?:scheduled|set|due|expected|slated|going|"
        r"planning)\s+to)\b",
        re.IGNORECASE,
    ),
    not_future=frozenset({"ahead of", "upcoming", "forthcoming"}),
    purpose=re.compile(r"\bto\s+(?:also\s+)?$"),
    set_off=re.compile(
        r"\b(?:left|leaves|leaving|departed|departs|heading|headed|bound|set\s+off|sets\s+off|"
        r"flew|flies|travell?ed|travels|arrived|arrives)\b",
        re.IGNORECASE,
    ),
    role=re.compile(
        r"\b(?:[Hh]e|[Ss]he)\b"
        r"|\b(?:[Tt]he|[Bb]oth)\s+(?:two\s+)?(?:leaders|sides|presidents|prime\s+ministers|"
        r"heads\s+of\s+(?:state|government)|delegations)\b"
        r"|\b[Tt]he\s+(?:(?:[A-Z][\w’'-]*|top|visiting|high-ranking|senior|two)\s+){0,3}"
        r"(?:General\s+Secretary|Party\s+(?:chief|leader|head)|leader|[Pp]resident|"
        r"Prime\s+Minister|Premier|PM|[Cc]hairman|[Cc]hairwoman|[Cc]hancellor|[Kk]ing|[Qq]ueen|"
        r"[Ee]mperor|delegation|guest|couple)\b(?!['’]s)"
    ),
    governed=re.compile(
        r"\b(?:of|by|with|for|to|from|on|at|invited|welcomed|received|met|hosted|"
        r"accompanying)\s*$",
        re.IGNORECASE,
    ),
    bridge=re.compile(
        r"^(?:\s*,?\s*(?:also|then|later|later on|subsequently|will|would|shall|had|has|have|"
        r"is|are|was|were|to|be|scheduled|expected|set|due|going|plans?|planned|jointly|"
        r"together|separately|both|all|each|personally|briefly|and|at|on|in)\b)*\s*,?\s*$",
        re.IGNORECASE,
    ),
    host_direct=frozenset({"receive", "host"}),
    host_event=frozenset({"host", "hold", "give"}),
    host_direct_gap=_rx(
        r"\s*(?:(?:warmly|officially|cordially|solemnly|formally)\s+)?(?:the\s+)?"
        r"(?:visiting\s+)?"
    ),
    host_event_gap=_rx(
        r"\s*(?P<np>[^,;:.()]{1,80}?)\s+(?:for|in\s+honou?r\s+of|to\s+(?:welcome|honou?r|greet)|"
        r"welcoming|honou?ring)\s+(?:the\s+)?(?:visiting\s+)?"
    ),
    joint=frozenset({"meet", "hold"}),
    joint_gap=_rx(
        r"\s*(?:(?P<noun>(?:[\w-]+\s+){0,3}?(?:talks|meetings?|discussions?|tête-à-tête))"
        r"\s+with\s+)?(?:the\s+)?(?:visiting\s+)?"
    ),
    reported=_rx(
        r"\b(?:said|says|told|tells|stated|states|noted|notes|added|adds|announced|"
        r"recalled|recalls|stressed|affirmed|reported|according\s+to)\b"
    ),
    tail=re.compile(
        r",\s*(?:commemorating|helping|marking|reflecting|demonstrating|showing|underlining|"
        r"underscoring|affirming|contributing|aiming|highlighting|expressing|which|where|"
        r"while|when|whereas|as|after|before|during|thereby|thus|so|but)\b"
        r"|,\s*(?!(?:including|following|regarding|concerning|during|according)\b)[a-z]+ing\b"
        r"|\s+as\s+(?:the\s+)?guests?\s+of\b|\s+at\s+the\s+invitation\s+of\b"
        r"|,\s*(?:co-)?(?:hosted|organi[sz]ed|chaired|given|offered|thrown)\s+by\b"
        r"|\s+(?:in order\s+)?to\s+(?:discuss|promote|mark|celebrate|commemorate|strengthen|"
        r"review|exchange|seek|boost|enhance|affirm|express|honour|honor|shape|create|help|"
        r"deepen|foster|further|explore|learn|pay|bid|see|watch)\b"
        r"|\s+(?:on|during)\s+(?:this|that|the)\s+occasion\b"
        r"|\s+(?:before|after)\s+(?:flying|leaving|departing|returning|heading|arriving|"
        r"landing|concluding|wrapping)\b"
        r"|\s*[.!?…]+[\s\"”’)]*$",
        re.IGNORECASE,
    ),
    extra_separators=re.compile(
        r"\s+and\s+(?=(?:at|to|in|on)\s+the\b)|\s+and\s+then\s+", re.IGNORECASE
    ),
    header_next=re.compile(
        r"^\s*(?:including|such\s+as|namely|among\s+them)\b[\s:]*", re.IGNORECASE
    ),
    leading_junk=re.compile(
        r"^(?:\s|[,;:]|\b(?:and|also|then|as well as|both|including|such as|namely)\b)+",
        re.IGNORECASE,
    ),
    trailing_junk=re.compile(
        r"(?:\s|[,;:.!?…]|\b(?:and|as well as|also|then|later|is|are|was|were|will|would|"
        r"shall|to|be|scheduled|expected|set|due|slated|going|planned|plans|has|have|had)\b)+$",
        re.IGNORECASE,
    ),
    leg=re.compile(r"\b(?:visits?|trips?|tours?)\s+(?:to|of)\b", re.IGNORECASE),
    place_lead=re.compile(r"^(?:\s|\b(?:the|to|also|then)\b)*", re.IGNORECASE),
    vague=re.compile(r"\b(?:these|those|various|several|many|other|some)\b", re.IGNORECASE),
    people_noun=re.compile(
        r"\b(?:leaders?|delegations?|representatives?|executives?|CEOs?|business\w*|"
        r"students?|communit(?:y|ies)|ambassadors?|experts?|intellectuals?|veterans?|"
        r"members?|heads?|officials?|chairm[ae]n|presidents?|ministers?|governors?|"
        r"mayors?|people|friends|scholars|scientists|investors|enterprises|companies|"
        r"firms|groups?|guests|diaspora|youth|workers|staff|officers|soldiers)\b",
        re.IGNORECASE,
    ),
)

VIETNAMESE = EngagementLexicon(
    language="vi",
    verbs=VIETNAMESE_VERBS,
    extra_cues=(
        (K.SIGNING, _rx(r"(?<!\w)trao (?:đổi )?(?:các )?văn kiện(?!\w)")),
        (K.CEREMONY, _rx(r"(?<!\w)(?:mít tinh|kỷ niệm)(?!\w)")),
        (K.BANQUET, _rx(r"(?<!\w)tiệc(?!\w)")),
        (K.PRESS, _rx(r"(?<!\w)(?:báo chí|phóng viên)(?!\w)")),
    ),
    relative=re.compile(r"(?<!\w)(?:mà|người|những người|đã từng)\s+(?:(?:đã|sẽ|cũng)\s+)*$"),
    wish=re.compile(r"(?<!\w)(?:mong muốn|hy vọng|nhằm|để)\s+(?:được\s+)?$", re.IGNORECASE),
    determiner=_NEVER,
    passive=_NEVER,  # "được" before the host: see `engagements.hosted`
    after_event_noun=_rx(r"(?<!\w)(?:tiệc|chiêu đãi|quốc yến|lễ|trọng thể|long trọng|buổi)\s+$"),
    future_extra=_NEVER,
    not_future=frozenset(),
    purpose=_NEVER,
    set_off=_NEVER,
    role=re.compile(
        r"(?<!\w)(?:Tổng Bí thư|Chủ tịch nước|Chủ tịch Quốc hội|Thủ tướng|Tổng thống|Nhà vua|"
        r"Quốc vương|[Hh]ai nhà lãnh đạo|[Ll]ãnh đạo hai nước|[Hh]ai bên|Đoàn đại biểu|Đoàn|"
        r"Ông|Bà)(?!\w)"
    ),
    governed=re.compile(
        r"(?<!\w)(?:của|với|cho|bởi|mời|tiếp|đón|gặp|hội kiến|hội đàm|việc)\s*$", re.IGNORECASE
    ),
    bridge=re.compile(
        r"^(?:\s*,?\s*(?:đã|sẽ|cũng|tiếp tục|sau đó|cùng|cùng với|đồng thời|dự kiến|sắp|đến|tới|"
        r"và|đi|ra|chuẩn bị)(?!\w))*\s*,?\s*$",
        re.IGNORECASE,
    ),
    host_direct=frozenset({"receive", "welcome"}),
    host_event=frozenset({"chair", "give"}),
    host_direct_gap=_rx(r"\s*(?:(?:trọng thể|long trọng|nồng nhiệt|thân mật|chính thức)\s+)?"),
    host_event_gap=_rx(
        r"\s*(?P<np>(?:(?:một|bữa|buổi)\s+)*(?:lễ|tiệc|quốc yến|chiêu đãi)"
        r"(?:\s+[^\s,;:.()]+){0,8}?)(?:\s+(?:để\s+|nhằm\s+)?(?:chào mừng|chào đón|đón tiếp|"
        r"tiếp đón|đón|thết đãi|mừng|tiếp))?\s+"
    ),
    joint=frozenset({"talks", "meet"}),
    joint_gap=_rx(r"\s*(?:(?:chính thức|riêng|song phương|thân mật)\s+)?(?:với\s+)?"),
    reported=_rx(r"(?<!\w)(?:cho biết|nói|khẳng định|nhấn mạnh|thông báo|theo)(?!\w)"),
    tail=re.compile(
        r",\s*(?:nhằm|góp phần|qua đó|thể hiện|khẳng định|để|trong đó|theo lời mời|khi|"
        r"sau khi|trước khi|đồng thời|nhưng)(?!\w)"
        r"|\s+(?:nhằm|để)\s|\s+theo lời mời(?!\w)|\s*[.!?…]+[\s\"”’)]*$",
        re.IGNORECASE,
    ),
    extra_separators=re.compile(r"\s+và\s+(?=(?:tại|ở)\s)|\s+và\s+(?=(?:Lễ|lễ)\s)"),
    header_next=re.compile(
        r"^\s*(?:bao gồm|gồm có|gồm|trong đó có|như|là)(?!\w)[\s:]*", re.IGNORECASE
    ),
    leading_junk=re.compile(r"^(?:\s|[,;:]|(?<!\w)(?:và|cũng|sau đó|cùng)(?!\w))+", re.IGNORECASE),
    trailing_junk=re.compile(
        r"(?:\s|[,;:.!?…]|(?<!\w)(?:và|cùng|sẽ|đã|cũng|dự kiến|sau đó|tiếp đó)(?!\w))+$",
        re.IGNORECASE,
    ),
    leg=re.compile(r"(?<!\w)(?:chuyến thăm|chuyến công du)(?!\w)", re.IGNORECASE),
    place_lead=re.compile(r"^(?:\s|(?<!\w)(?:tới|đến|thủ đô|nước|tỉnh|thành phố)(?!\w))*"),
    vague=re.compile(r"(?<!\w)(?:các nước|các quốc gia|nhiều|những)(?!\w)", re.IGNORECASE),
    people_noun=re.compile(
        r"(?<!\w)(?:lãnh đạo|đại diện|doanh nghiệp|doanh nhân|đại sứ|chuyên gia|trí thức|"
        r"cựu chiến binh|bà con|cộng đồng|sinh viên|Chủ tịch|Bộ trưởng|Thống đốc|"
        r"Thị trưởng|đoàn|Đoàn|kiều bào|nhà khoa học|tập đoàn|công ty)(?!\w)",
    ),
)

ENGAGEMENT_LEXICONS: dict[str, EngagementLexicon] = {"en": ENGLISH, "vi": VIETNAMESE}
