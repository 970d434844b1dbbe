"""Engagements: what the principal did during a visit, one claim per item of a sentence.

News reports a leader's programme as lists hanging off action verbs: "the General Secretary
attended A, B, and C", "Tô Lâm and Putin held talks, witnessed the signing of cooperation
documents, and met with the press", "Tổng Bí thư hội kiến Thủ tướng A, Chủ tịch B và Chủ tịch
C". :func:`find_engagements` turns one sentence into one :class:`EngagementClaim` per item.

How a sentence is read:

1. **Action verbs** are found with a per-language verb table (:data:`_VERBS`). Each verb has
   a default kind, whether its kind beats the cue words of its object ("laid flowers" is a
   wreath-laying whatever follows), whether it needs an engagement noun to count at all
   ("held talks" yes, "held the view" no) and how a title is made from it. Verbs used as
   adjectives or passives ("the visiting President", "the banquet hosted by ...") and verbs
   of relative clauses ("experts who had attended ...") are not action verbs.
2. **The actor**: the first action verb counts only when the text before it has the
   principal as subject: one of ``principal_names`` (or its short form), a pronoun, or a role
   phrase ("the Party chief", "the two leaders", "Tổng Bí thư", "Ông"), not governed by a
   preposition ("trips *by* Tô Lâm", "lời mời *của* ...") and not followed by another
   person who is not coordinated with it ("Lâm said *Putin* attended"). Later verbs keep the
   actor unless a new subject stands right before them.
3. **Items**: the words after a verb up to the next verb (cut before participial tails such
   as ", commemorating ...", "as guests of ...") are split with the lexicon's list separators
   (never inside a person's mention). An item's kind is its earliest cue word (the lexicon's
   table plus :data:`_EXTRA_CUES`), else the verb's kind, else the previous item's kind.
   A list header ("several high-level leaders, including A; B") is dropped; meeting-like
   items naming several people become one claim per person; items that are really a leg
   of the trip ("a state visit to Belarus", "thăm chính thức Liên bang Nga") end the list.
4. **Counterparts** are the named people of the item (never the principal, the spouse or the
   honoured dead of a wreath-laying) plus people coordinated with the principal as subject
   ("Tô Lâm *and Putin* held talks") for joint engagements, and hosts named in the cut tail
   ("as guests of President Putin"). **Places** are the cities, landmarks and airports of
   the gazetteer inside the item. **planned** is set by a future marker before the verb.
5. **The host as subject.** News often tells the principal's engagement from the host's
   side. When the subject of a hosting verb is a host (another named person, or a role
   phrase of another country: "the Russian President", "phía Nga", "Tổng thống Nga") and the
   principal is its object, the sentence gives one claim with the hosts as counterparts
   (rule ``<lang>.engagement.hosted``):

   - the principal as direct object of receive / welcome / greet / host, or of tiếp, tiếp
     đón, đón tiếp, đón, chào đón ("President Putin received [the visiting] General
     Secretary Tô Lâm at the Kremlin", "Tổng thống Tokayev đón Tổng Bí thư tại sân bay"):
     a reception, titled "Received by <host>" / "Được <host> đón";
   - an event in the principal's honour, the object of host / hold / give / offer /
     organise, chủ trì, mở, tổ chức, thết: "hosted a state banquet in honour of Macron",
     "held an official welcome ceremony for ...", "chủ trì tiệc chiêu đãi trọng thể chào
     mừng Tổng Bí thư", "phía Lào tổ chức lễ đón chính thức Tổng Bí thư": the event's kind
     (banquet, reception or ceremony), titled "<event> hosted by <host>" / "<event> do
     <host> chủ trì";
   - passives with the principal as subject ("the delegation was received by President
     Putin", "Tổng Bí thư được Tổng thống Putin đón tiếp"; rule ``<lang>.engagement.
     hosted_passive``).

   Refused: a subject that includes the principal or that is reported ("Putin said Xi had
   received ..."); an object that is not the principal's mention right after the verb or
   its event ("received a phone call from Macron", "received Chinese President Xi
   Jinping", "welcomed Macron's proposal", "received him"); "the visit was warmly
   received"; a role phrase of another country, or a bare title, as object ("received the
   Chinese leader", "received the Prime Minister": the visiting one, the Vietnamese one, the
   guest or the delegation is the principal).
   A mention that is the object of one verb is never the subject of the next ("received
   Tô Lâm and hosted ...", "met Putin and attended ...").
6. **Sides.** With ``principal_country`` known, a role phrase that names a country by its
   demonym or name ("the Kazakh leader", "the Russian side", "Tổng thống Nga", "phía Nga",
   "người đồng cấp Kazakhstan") is the principal's when the country is the principal's and
   a possible host otherwise. Demonyms come from the gazetteer; they never become places,
   so they never make a leg of the trip.

Cues the shared lexicon lacks are kept here, in :data:`_EXTRA_CUES` and :data:`_VERBS`.
Pure: text in, claims out; never raises on any string.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import msgspec

from calendar_svc.domain.language import Language
from calendar_svc.domain.values import EngagementKind
from calendar_svc.ingest.budget import check
from calendar_svc.ingest.lexicon import LEXICONS, Lexicon
from calendar_svc.ingest.people import Person, find_people
from calendar_svc.ingest.places import PlaceMention, find_places
from calendar_svc.reference.countries import demonym_country

__all__ = ["EngagementClaim", "find_engagements"]

K = EngagementKind


class EngagementClaim(msgspec.Struct, frozen=True):
    """One engagement of the principal, as one sentence states it.

    ``span`` indexes into the sentence given to :func:`find_engagements`; the spans of
    ``counterparts`` and ``places`` do too.
    """

    kind: EngagementKind
    title: str
    span: tuple[int, int]
    counterparts: list[Person]
    places: list[PlaceMention]
    planned: bool
    rule: str


# --------------------------------------------------------------------------------------------
# Verb tables
# --------------------------------------------------------------------------------------------

Style = Literal["object", "prefix", "keep"]
"""How a title is made: ``object``: the object noun phrase ("attended the forum" -> "Forum");
``prefix``: a fixed noun prefix plus the object ("met with X" -> "Meeting with X");
``keep``: the verb phrase as written (Vietnamese: "hội kiến Thủ tướng X")."""


@dataclass(frozen=True)
class _Verb:
    name: str
    pattern: re.Pattern[str]
    kind: EngagementKind | None
    forced: bool = False
    #: what the object must contain for the verb to count: an engagement cue word ("held
    #: talks"), people ("received business leaders"), either, or nothing
    needs: Literal["", "cue", "people", "cue_or_people"] = ""
    style: Style = "object"
    prefix: str = ""


_F = re.IGNORECASE | re.UNICODE
_W = r"[^\W_]"  # a word character that is not "_"


def _rx(pattern: str, flags: int = _F) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_EN_ENGAGEMENT_NOUN = (
    r"(?:talks|meetings?|conferences?|banquets?|receptions?|dinners?|luncheons?|lunch|"
    r"ceremon(?:y|ies)|forums?|summits?|dialogues?|discussions?|tête-à-tête|roundtables?)"
)

_EN_VERBS: tuple[_Verb, ...] = (
    _Verb(
        "lay",
        _rx(
            r"\b(?:laid|lay|lays|laying|placed|places|placing)\s+(?:a\s+|floral\s+|the\s+)?"
            r"(?:wreaths?|flowers|floral\s+tributes?)\b"
            r"|\b(?:paid|pay|pays|paying)\s+(?:a\s+)?(?:floral\s+)?(?:tributes?|respects?)\b"
            r"|\b(?:offered|offers?|offering)\s+incense\b"
        ),
        K.WREATH_LAYING,
        forced=True,
        style="prefix",
    ),
    _Verb(
        "hold",
        _rx(
            r"\b(?:held|holds?|holding|had|has|have|having)\b(?=\s+(?:[\w-]+\s+){0,3}?"
            + _EN_ENGAGEMENT_NOUN
            + r"\b)"
        ),
        None,
        needs="cue",
    ),
    _Verb(
        "meet",
        _rx(
            r"\b(?:met|meets|meet|talked|conversed)\s+with\b|\b(?:met|meets|meet)\b"
            r"|\b(?:called|calls|calling)\s+on\b"
            r"|\b(?:paid|pays|pay|paying)\s+(?:a\s+)?courtesy\s+(?:call|visit)s?\s+(?:on|to)\b"
        ),
        K.MEETING,
        forced=True,
        style="prefix",
        prefix="Meeting with",
    ),
    _Verb(
        "receive",
        _rx(r"\b(?:received|receives|receiving|welcomed|welcomes|welcoming|greeted|greets)\b"),
        K.RECEPTION,
        forced=True,
        style="prefix",
        prefix="Receiving",
        needs="people",
    ),
    _Verb(
        "attend",
        _rx(
            r"\b(?:attend(?:s|ed|ing)?|observ(?:ed|es|e|ing)|witness(?:ed|es|ing)?|"
            r"(?:took|takes?|taking)\s+part\s+in|participat(?:ed|es|e|ing)\s+in|"
            r"join(?:ed|s|ing)?|(?:was|were|is|are)\s+present\s+at|graced)\b"
            r"(?!\s+(?:by|that|hands|forces)\b)"
        ),
        K.OTHER,
    ),
    _Verb(
        "begin",
        _rx(
            r"\b(?:began|begins|begin|started|starts|start|opened|opens|kicked\s+off|kicks\s+off)"
            r"\b[^,.;:]{0,100}?\bwith\b(?=\s+(?:[\w-]+\s+){0,4}?" + _EN_ENGAGEMENT_NOUN + r"\b)"
        ),
        None,
        needs="cue",
    ),
    _Verb(
        "deliver",
        _rx(
            r"\b(?:delivered|delivers?|delivering|gave|gives?|giving|made|makes?|making)\b"
            r"(?=\s+(?:[\w-]+\s+){0,3}?(?:speech|address|lecture|remarks|keynote)\b)"
        ),
        K.SPEECH,
        needs="cue",
    ),
    _Verb(
        "speak",
        _rx(r"\b(?:spoke|speaks?|speaking)\b(?=\s+(?:at|to|before)\b)"),
        K.SPEECH,
        forced=True,
        style="prefix",
        prefix="Speech",
    ),
    _Verb(
        "address",
        _rx(r"\baddress(?:ed|es|ing)\b(?!\s+by\b)"),
        K.SPEECH,
        forced=True,
        style="prefix",
        prefix="Address to",
        needs="cue_or_people",
    ),
    _Verb(
        "visit",
        _rx(
            r"\b(?:visited|toured|touring)\b|(?<![Tt]he\s)(?<![Aa]\s)\bvisiting\b"
            r"|(?:(?<=\bwill\s)|(?<=\bto\s)|(?<=\balso\s)|(?<=\bthen\s)|(?<=\band\s))"
            r"(?:visit|tour)\b(?!\s+(?:of|to|by)\b)"
        ),
        K.SITE_VISIT,
        forced=True,
        style="prefix",
        prefix="Visit to",
    ),
    _Verb(
        "inaugurate",
        _rx(r"\b(?:inaugurated|inaugurates?|inaugurating|cut the ribbon (?:to open|at|for))\b"),
        K.CEREMONY,
        forced=True,
        style="prefix",
        prefix="Inauguration of",
    ),
    _Verb(
        "chair",
        _rx(
            r"\b(?:co-chaired|co-chairs|co-chair|co-chairing|chaired|chairing|"
            r"presided\s+over|presides\s+over|presiding\s+over)\b"
        ),
        K.MEETING,
    ),
    _Verb(
        "host",
        _rx(
            r"(?<![Tt]he\s)\b(?:hosted|hosts|hosting)\b(?!\s+by\b)"
            r"|(?:(?<=\bwill\s)|(?<=\bto\s)|(?<=\balso\s))host\b"
        ),
        K.RECEPTION,
        style="prefix",
        prefix="Hosting",
        needs="cue_or_people",
    ),
    _Verb(
        "give",
        _rx(
            r"\b(?:gave|gives?|giving|threw|throws?|throwing|offered|offers?|offering|"
            r"organi[sz]ed|organi[sz]es?|organi[sz]ing|arranged|arranges?|arranging)\b"
            r"(?!\s+by\b)(?=\s+(?:[\w-]+\s+){0,3}?(?:banquets?|receptions?|dinners?|"
            r"luncheons?|lunch|gala|welcom(?:e|ing)\s+ceremony)\b)"
        ),
        None,
        needs="cue",
    ),
    _Verb(
        "sign",
        _rx(r"\b(?:signed|signs)\b(?!\s+by\b)"),
        K.SIGNING,
        forced=True,
        style="prefix",
        prefix="Signing of",
    ),
    _Verb(
        "adopt",
        _rx(r"\b(?:adopted|adopts|adopting)\b(?!\s+by\b)"),
        K.OTHER,
        style="prefix",
        prefix="Adoption of",
    ),
)

_VI_VERBS: tuple[_Verb, ...] = (
    _Verb(
        "lay",
        _rx(r"(?<!\w)(?:đặt vòng hoa|dâng hoa|đặt hoa|dâng hương|viếng)(?!\w)"),
        K.WREATH_LAYING,
        forced=True,
        style="keep",
    ),
    _Verb(
        "talks",
        _rx(r"(?<!\w)(?<!sau )(?<!trước )(?<!cuộc )(?<!buổi )(?<!các )hội đàm(?!\w)"),
        K.TALKS,
        forced=True,
        style="keep",
    ),
    _Verb(
        "meet",
        _rx(r"(?<!\w)(?<!cuộc )(?<!buổi )(?:hội kiến|gặp gỡ|gặp mặt|gặp|chào xã giao)(?!\w)"),
        K.MEETING,
        forced=True,
        style="keep",
    ),
    _Verb(
        "receive",
        _rx(
            r"(?<!\w)(?<!đón )(?:tiếp đón|tiếp)(?!\w)"
            r"(?!\s+(?:tục|theo|nhận|cận|thu|tế|xúc|đó|sau|tới|đến|diễn|nối|sức|giáp|"
            r"tuyến|thị|quản|viện|liền|nữa)(?!\w))"
        ),
        K.RECEPTION,
        forced=True,
        style="keep",
        needs="people",
    ),
    _Verb(
        "welcome",
        _rx(
            r"(?<!\w)(?<!lễ )(?<!Lễ )(?<!buổi )(?<!đưa )(?<!săn )(?<!được )"
            r"(?:đón tiếp|chào đón|đón)(?!\w)"
            r"(?!\s+(?:nhận|đầu|xem|đợi|chờ|năm|Tết|tết|giao thừa|mừng)(?!\w))"
        ),
        K.RECEPTION,
        forced=True,
        style="keep",
        needs="people",
    ),
    _Verb(
        "give",
        _rx(
            r"(?<!\w)(?:mở|tổ chức|thết)(?!\w)(?=\s+(?:(?:một|bữa|buổi)\s+)*"
            r"(?:tiệc|quốc yến|lễ đón|lễ chào đón|chiêu đãi)(?!\w))"
        ),
        None,
        needs="cue",
        style="keep",
    ),
    _Verb(
        "attend",
        _rx(
            r"(?<!\w)(?<!việc )(?<!Việc )(?:tham dự|chứng kiến|dự"
            r"(?!\s+(?:kiến|án|thảo|báo|định|toán|trữ|luật|đoán|phòng|bị|tính|thính|"
            r"khuyết|đoạn)(?!\w)))(?!\w)"
        ),
        K.OTHER,
    ),
    _Verb(
        "speak",
        _rx(
            r"(?<!\w)(?:có bài phát biểu|đọc diễn văn|phát biểu"
            r"(?=\s+(?:tại|trước|ở|chào mừng|khai mạc|bế mạc|chính sách|quan trọng))"
            r")(?!\w)"
        ),
        K.SPEECH,
        forced=True,
        style="keep",
    ),
    _Verb(
        "visit",
        _rx(
            r"(?<!\w)(?<!chuyến )(?<!cuộc )(?<!các )(?:tham quan|thăm quan|thăm)(?!\w)"
            r"(?!\s+(?:hỏi|dò|khám)(?!\w))"
        ),
        K.SITE_VISIT,
        forced=True,
        style="keep",
    ),
    _Verb(
        "inaugurate",
        _rx(r"(?<!\w)(?<!lễ )(?<!Lễ )(?:khánh thành|cắt băng khánh thành|cắt băng)(?!\w)"),
        K.CEREMONY,
        forced=True,
        style="keep",
    ),
    _Verb(
        "chair",
        _rx(r"(?<!\w)(?:đồng chủ trì|chủ trì)(?!\w)"),
        K.MEETING,
        style="keep",
    ),
    _Verb(
        "sign",
        _rx(r"(?<!\w)(?<!đăng )(?<!thư )(?<!lễ )(?<!Lễ )(?:ký kết|ký)(?!\w)(?!\s+ức)"),
        K.SIGNING,
        forced=True,
        style="keep",
    ),
)

_VERBS: dict[str, tuple[_Verb, ...]] = {"en": _EN_VERBS, "vi": _VI_VERBS}

# Cue words the lexicon's engagement table lacks (kept here: the lexicon is shared).
_EXTRA_CUES: dict[str, tuple[tuple[EngagementKind, re.Pattern[str]], ...]] = {
    "en": (
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
    "vi": (
        (K.SIGNING, _rx(r"(?<!\w)trao (?:đổi )?(?:các )?văn kiện(?!\w)")),
        (K.CEREMONY, _rx(r"(?<!\w)(?:mít tinh|kỷ niệm)(?!\w)")),
        (K.BANQUET, _rx(r"(?<!\w)tiệc(?!\w)")),
        (K.PRESS, _rx(r"(?<!\w)(?:báo chí|phóng viên)(?!\w)")),
    ),
}

# The host as subject: verbs whose object may be the principal ("received Tô Lâm", "đón Tổng
# Bí thư") and verbs whose object is an event in the principal's honour ("hosted a banquet
# for ...", "chủ trì lễ đón ..."), with what may stand between the verb and the principal.
_HOST_DIRECT = {"en": frozenset({"receive", "host"}), "vi": frozenset({"receive", "welcome"})}
_HOST_EVENT = {"en": frozenset({"host", "hold", "give"}), "vi": frozenset({"chair", "give"})}
_HOSTED_KINDS = frozenset({K.BANQUET, K.RECEPTION, K.CEREMONY})
_HOST_DIRECT_GAP = {
    "en": _rx(
        r"\s*(?:(?:warmly|officially|cordially|solemnly|formally)\s+)?(?:the\s+)?"
        r"(?:visiting\s+)?"
    ),
    "vi": _rx(r"\s*(?:(?:trọng thể|long trọng|nồng nhiệt|thân mật|chính thức)\s+)?"),
}
_HOST_EVENT_GAP = {
    "en": _rx(
        r"\s*(?P<np>[^,;:.()]{1,80}?)\s+(?:for|in\s+honou?r\s+of|to\s+(?:welcome|honou?r|greet)|"
        r"welcoming|honou?ring)\s+(?:the\s+)?(?:visiting\s+)?"
    ),
    "vi": _rx(
        r"\s*(?P<np>(?:(?:một|bữa|buổi)\s+)*(?:lễ|tiệc|quốc yến|chiêu đãi)"
        r"(?:\s+[^\s,;:.()]+){0,8}?)(?:\s+(?:để\s+|nhằm\s+)?(?:chào mừng|chào đón|đón tiếp|"
        r"tiếp đón|đón|thết đãi|mừng|tiếp))?\s+"
    ),
}
# A bare title as the object of a host: not the principal for sure ("Putin received the
# Prime Minister"), unlike "the visiting Prime Minister", "the Vietnamese leader", "the guest".
_EN_BARE_TITLE = _rx(
    r"the\s+(?:President|Prime\s+Minister|Premier|PM|Chairman|Chairwoman|Chancellor|King|"
    r"Queen|Emperor)"
)
# Reported speech before a host: "Putin said President Xi had received ...".
_REPORTED = {
    "en": _rx(
        r"\b(?:said|says|told|tells|stated|states|noted|notes|added|adds|announced|"
        r"recalled|recalls|stressed|affirmed|reported|according\s+to)\b"
    ),
    "vi": _rx(r"(?<!\w)(?:cho biết|nói|khẳng định|nhấn mạnh|thông báo|theo)(?!\w)"),
}
# Passive: "the delegation was received by ...", "Tổng Bí thư được Tổng thống Putin đón".
_EN_PASSIVE_HOST = _rx(
    r"\b(?:was|were|is|are|been|be|being|get|gets|got)\s+(?:(?:[a-z]+ly|also|then|later|first)\s+)*"
    r"(?P<verb>received|welcomed|greeted|hosted)\s+by\s+"
)
_VI_PASSIVE_HOST = _rx(r"(?<!\w)được\s+$")
_VI_PASSIVE_BRIDGE = _rx(r"\s*(?:(?:đã|sẽ|cũng|trọng thể|long trọng|nồng nhiệt|thân mật)\s+)*")
# A participle after the noun it qualifies is no verb: "a banquet welcoming ...", "tiệc
# chiêu đãi trọng thể đón Tổng Bí thư".
_AFTER_EVENT_NOUN = {
    "en": _rx(r"\b(?:banquets?|receptions?|dinners?|luncheons?|lunch|ceremon(?:y|ies)|gala)\s+$"),
    "vi": _rx(r"(?<!\w)(?:tiệc|chiêu đãi|quốc yến|lễ|trọng thể|long trọng|buổi)\s+$"),
}
_HOST_LEAD = (
    ("receiv", "Received"),
    ("welcom", "Welcomed"),
    ("greet", "Greeted"),
    ("host", "Hosted"),
)

# Kinds for which the honoured people of the item are not counterparts.
_NO_ITEM_COUNTERPARTS = frozenset({K.WREATH_LAYING})
# Kinds for which people sharing the subject with the principal are counterparts.
_JOINT_KINDS = frozenset(
    {K.TALKS, K.MEETING, K.SIGNING, K.PRESS, K.RECEPTION, K.BANQUET, K.FORUM, K.OTHER}
)
# Kinds whose items naming several people become one claim per person.
_PER_PERSON_KINDS = frozenset({K.TALKS, K.MEETING, K.RECEPTION})

# --------------------------------------------------------------------------------------------
# Actor: principal names, pronouns, role phrases
# --------------------------------------------------------------------------------------------

_EN_ROLE = re.compile(
    r"\b(?:[Hh]e|[Ss]he)\b"
    r"|\b(?:[Tt]he|[Bb]oth)\s+(?:two\s+)?(?:leaders|sides|presidents|prime\s+ministers|"
    r"heads\s+of\s+(?:state|government)|delegations)\b"
    r"|\b[Tt]he\s+(?:(?:[A-Z][\w’'-]*|top|visiting|high-ranking|senior|two)\s+){0,3}"
    r"(?:General\s+Secretary|Party\s+(?:chief|leader|head)|leader|[Pp]resident|"
    r"Prime\s+Minister|Premier|PM|[Cc]hairman|[Cc]hairwoman|[Cc]hancellor|[Kk]ing|[Qq]ueen|"
    r"[Ee]mperor|delegation|guest|couple)\b(?!['’]s)"
)
_VI_ROLE = re.compile(
    r"(?<!\w)(?:Tổng Bí thư|Chủ tịch nước|Chủ tịch Quốc hội|Thủ tướng|Tổng thống|Nhà vua|"
    r"Quốc vương|[Hh]ai nhà lãnh đạo|[Ll]ãnh đạo hai nước|[Hh]ai bên|Đoàn đại biểu|Đoàn|"
    r"Ông|Bà)(?!\w)"
)
_ROLE = {"en": _EN_ROLE, "vi": _VI_ROLE}
# A side named by its country: "the Russian side", "phía Nga", "người đồng cấp Kazakhstan"
# (the country follows the Vietnamese forms, see _Reader._vi_side_country).
_EN_SIDE = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w’'-]*\s+){1,2})side\b(?!['’]s)")
_VI_SIDE = re.compile(r"(?<!\w)(?:[Pp]hía|[Nn]gười đồng cấp)(?!\w)")
_ROLE_WORD = re.compile(r"[A-Z][\w’'-]*")
_GROUP = re.compile(r"\b(?:two|both)\b|(?<!\w)(?:hai|Hai)(?!\w)")
_PRONOUN = re.compile(r"[Hh]e|[Ss]he|Ông|Bà")

# A mention right after one of these is an object, not the subject.
_EN_GOVERNED = re.compile(
    r"\b(?:of|by|with|for|to|from|on|at|invited|welcomed|received|met|hosted|"
    r"accompanying)\s*$",
    re.IGNORECASE,
)
_VI_GOVERNED = re.compile(
    r"(?<!\w)(?:của|với|cho|bởi|mời|tiếp|đón|gặp|hội kiến|hội đàm|việc)\s*$", re.IGNORECASE
)
_GOVERNED = {"en": _EN_GOVERNED, "vi": _VI_GOVERNED}
_COORDINATED = re.compile(
    r"^[\s,]*(?:and|và|cùng(?:\s+với)?|together\s+with|along\s+with)?[\s,]*$", re.IGNORECASE
)
# What may stand between a subject and its verb.
_EN_BRIDGE = re.compile(
    r"^(?:\s*,?\s*(?:also|then|later|later on|subsequently|will|would|shall|had|has|have|"
    r"is|are|was|were|to|be|scheduled|expected|set|due|going|plans?|planned|jointly|"
    r"together|separately|both|all|each|personally|briefly|and|at|on|in)\b)*\s*,?\s*$",
    re.IGNORECASE,
)
_VI_BRIDGE = re.compile(
    r"^(?:\s*,?\s*(?:đã|sẽ|cũng|tiếp tục|sau đó|cùng|cùng với|đồng thời|dự kiến|sắp|đến|tới|"
    r"và|đi|ra|chuẩn bị)(?!\w))*\s*,?\s*$",
    re.IGNORECASE,
)
_BRIDGE = {"en": _EN_BRIDGE, "vi": _VI_BRIDGE}
_RELATIVE = {
    "en": re.compile(
        r"\b(?:who|which|that|whom|whose)\s+(?:(?:also|had|has|have|will|would|then|"
        r"directly|jointly|later|personally)\s+)*$",
        re.IGNORECASE,
    ),
    "vi": re.compile(r"(?<!\w)(?:mà|người|những người|đã từng)\s+(?:(?:đã|sẽ|cũng)\s+)*$"),
}
_EN_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|be|is|are|get|gets|got)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE
)
_WISH = {
    "en": re.compile(
        r"\b(?:hop(?:e|es|ed|ing)|wants?|wanted|wanting|wish(?:es|ed|ing)?|seeks?|seeking|"
        r"sought|aims?|aimed|aiming|intends?|intended|intending|would\s+like|looks?\s+forward)"
        r"\s+to\s+(?:also\s+)?$",
        re.IGNORECASE,
    ),
    "vi": re.compile(r"(?<!\w)(?:mong muốn|hy vọng|nhằm|để)\s+(?:được\s+)?$", re.IGNORECASE),
}
# Participle or adjective: "the visiting President", "a welcoming ceremony".
_EN_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.IGNORECASE)

# Future markers; the English lexicon's "ahead of"/"upcoming" say nothing about the verb.
_EN_FUTURE_EXTRA = re.compile(
    r"\b(?:would|(?:is|are)\s+(?:also\s+)?(?:scheduled|set|due|expected|slated|going|"
    r"planning)\s+to)\b",
    re.IGNORECASE,
)
_EN_SET_OFF = re.compile(
    r"\b(?:left|leaves|leaving|departed|departs|heading|headed|bound|set\s+off|sets\s+off|"
    r"flew|flies|travell?ed|travels|arrived|arrives)\b",
    re.IGNORECASE,
)
_EN_NOT_FUTURE = frozenset({"ahead of", "upcoming", "forthcoming"})

# --------------------------------------------------------------------------------------------
# Items
# --------------------------------------------------------------------------------------------

_TAIL = {
    "en": re.compile(
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
    "vi": re.compile(
        r",\s*(?:nhằm|góp phần|qua đó|thể hiện|khẳng định|để|trong đó|theo lời mời|khi|"
        r"sau khi|trước khi|đồng thời|nhưng)(?!\w)"
        r"|\s+(?:nhằm|để)\s|\s+theo lời mời(?!\w)|\s*[.!?…]+[\s\"”’)]*$",
        re.IGNORECASE,
    ),
}
# In the tail of an item, the people after these are the hosts.
_HOSTED_BY = re.compile(
    r"\bguests?\s+of\b|\binvitation\s+of\b|\b(?:hosted|organi[sz]ed|chaired|given|offered|"
    r"thrown)\s+by\b|(?<!\w)(?:lời mời|do)(?!\w)",
    re.IGNORECASE,
)
_EXTRA_SEPARATORS = {
    "en": re.compile(r"\s+and\s+(?=(?:at|to|in|on)\s+the\b)|\s+and\s+then\s+", re.IGNORECASE),
    "vi": re.compile(r"\s+và\s+(?=(?:tại|ở)\s)|\s+và\s+(?=(?:Lễ|lễ)\s)"),
}
_HEADER_NEXT = {
    "en": re.compile(r"^\s*(?:including|such\s+as|namely|among\s+them)\b[\s:]*", re.IGNORECASE),
    "vi": re.compile(r"^\s*(?:bao gồm|gồm có|gồm|trong đó có|như|là)(?!\w)[\s:]*", re.IGNORECASE),
}
_LEADING_JUNK = {
    "en": re.compile(
        r"^(?:\s|[,;:]|\b(?:and|also|then|as well as|both|including|such as|namely)\b)+",
        re.IGNORECASE,
    ),
    "vi": re.compile(r"^(?:\s|[,;:]|(?<!\w)(?:và|cũng|sau đó|cùng)(?!\w))+", re.IGNORECASE),
}
_TRAILING_JUNK = {
    "en": re.compile(
        r"(?:\s|[,;:.!?…]|\b(?:and|as well as|also|then|later|is|are|was|were|will|would|"
        r"shall|to|be|scheduled|expected|set|due|slated|going|planned|plans|has|have|had)\b)+$",
        re.IGNORECASE,
    ),
    "vi": re.compile(
        r"(?:\s|[,;:.!?…]|(?<!\w)(?:và|cùng|sẽ|đã|cũng|dự kiến|sau đó|tiếp đó)(?!\w))+$",
        re.IGNORECASE,
    ),
}
_EN_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_VI_CONNECTOR = re.compile(r"^(?:với|cùng)(?!\w)\s*", re.IGNORECASE)

# A trip leg, not an engagement: "a state visit to Belarus", "thăm chính thức Liên bang Nga".
_LEG = {
    "en": re.compile(r"\b(?:visits?|trips?|tours?)\s+(?:to|of)\b", re.IGNORECASE),
    "vi": re.compile(r"(?<!\w)(?:chuyến thăm|chuyến công du)(?!\w)", re.IGNORECASE),
}
_PLACE_LEAD = {
    "en": re.compile(r"^(?:\s|\b(?:the|to|also|then)\b)*", re.IGNORECASE),
    "vi": re.compile(r"^(?:\s|(?<!\w)(?:tới|đến|thủ đô|nước|tỉnh|thành phố)(?!\w))*"),
}

# Meetings "with the leaders of these countries": a summary, not an engagement.
_VAGUE = {
    "en": re.compile(r"\b(?:these|those|various|several|many|other|some)\b", re.IGNORECASE),
    "vi": re.compile(r"(?<!\w)(?:các nước|các quốc gia|nhiều|những)(?!\w)", re.IGNORECASE),
}
# Who can be received or hosted, when nobody is named.
_PEOPLE_NOUN = {
    "en": re.compile(
        r"\b(?:leaders?|delegations?|representatives?|executives?|CEOs?|business\w*|"
        r"students?|communit(?:y|ies)|ambassadors?|experts?|intellectuals?|veterans?|"
        r"members?|heads?|officials?|chairm[ae]n|presidents?|ministers?|governors?|"
        r"mayors?|people|friends|scholars|scientists|investors|enterprises|companies|"
        r"firms|groups?|guests|diaspora|youth|workers|staff|officers|soldiers)\b",
        re.IGNORECASE,
    ),
    "vi": re.compile(
        r"(?<!\w)(?:lãnh đạo|đại diện|doanh nghiệp|doanh nhân|đại sứ|chuyên gia|trí thức|"
        r"cựu chiến binh|bà con|cộng đồng|sinh viên|Chủ tịch|Bộ trưởng|Thống đốc|"
        r"Thị trưởng|đoàn|Đoàn|kiều bào|nhà khoa học|tập đoàn|công ty)(?!\w)",
    ),
}
_REMOTE = re.compile(
    r"\b(?:phone|telephone|video|online|virtual)\b|(?<!\w)(?:điện đàm|trực tuyến)(?!\w)",
    re.IGNORECASE,
)
_SPOUSE_TITLE = re.compile(r"spouse|wife|husband|phu nhân|phu quân", re.IGNORECASE)
_GERUND = {
    "laid": "Laying",
    "lay": "Laying",
    "lays": "Laying",
    "laying": "Laying",
    "placed": "Placing",
    "places": "Placing",
    "placing": "Placing",
    "paid": "Paying",
    "pay": "Paying",
    "pays": "Paying",
    "paying": "Paying",
    "offered": "Offering",
    "offers": "Offering",
    "offer": "Offering",
    "offering": "Offering",
}
_MAX_TITLE = 200


# --------------------------------------------------------------------------------------------
# Internal records
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _VerbHit:
    verb: _Verb
    start: int
    end: int


@dataclass
class _Item:
    start: int
    end: int
    hit: _VerbHit
    first: bool  # the first item after its verb (its span then starts at the verb)
    kind: EngagementKind | None = None
    header: bool = False
    person: Person | None = None


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def _is_vietnamese_name(name: str) -> bool:
    return any(unicodedata.decomposition(c) for c in name if c.isalpha()) or "đ" in name.lower()


def _principal_forms(principal_names: Sequence[str]) -> list[str]:
    """Full names and short forms: the last word ("Putin", "Lâm"), and the first word of a
    two-word non-Vietnamese name ("Xi" of "Xi Jinping")."""
    forms: set[str] = set()
    for raw in principal_names:
        if not isinstance(raw, str):
            continue
        name = _norm(raw)
        toks = name.split()
        if not toks:
            continue
        forms.add(name)
        if len(toks) > 1 and len(toks[-1]) > 1:
            forms.add(toks[-1])
        if len(toks) == 2 and not _is_vietnamese_name(name) and len(toks[0]) > 1:
            forms.add(toks[0])
    return sorted((f for f in forms if f[:1].isupper() or not f[:1].isalpha()), key=len)[::-1]


def _is_principal_name(name: str, forms: Sequence[str], full: Sequence[str]) -> bool:
    n = _norm(name)
    if not n:
        return False
    if n in forms:
        return True
    toks = n.split()
    for f in full:
        ft = f.split()
        if len(toks) <= len(ft) and ft[-len(toks) :] == toks:
            return True
        if len(ft) < len(toks) and toks[-len(ft) :] == ft:
            return True
    return False


def _capitalise(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _mask(text: str, start: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` (which starts at ``start`` in the sentence) with ``spans`` blanked out."""
    chars = list(text)
    for a, b in spans:
        for i in range(max(a - start, 0), min(b - start, len(chars))):
            chars[i] = " "
    return "".join(chars)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    principal: bool
    person: Person | None
    #: the country a role phrase names ("the Russian side", "Tổng thống Nga")
    side: str | None = None
    #: may host the principal: another named person, or the side of another country
    host: bool = False
    #: the principal beyond doubt: not a role phrase naming a country when the principal's
    #: country is unknown ("the Chinese leader" may be anyone's)
    sure: bool = True


#: What a hosting verb's object says: the kind, the principal's mention, the event's span.
_HostObject = tuple[EngagementKind, _Mention, tuple[int, int] | None]


class _Reader:
    """Everything :func:`find_engagements` needs about one sentence."""

    def __init__(
        self,
        sentence: str,
        lang: Language,
        principal_names: Sequence[str],
        principal_country: str | None = None,
    ) -> None:
        self.s = sentence
        self.lang: Language = lang
        self.lex: Lexicon = LEXICONS[lang]
        self.full = [_norm(n) for n in principal_names if isinstance(n, str) and _norm(n)]
        self.forms = _principal_forms(self.full)
        self.country = principal_country
        self.people = [p for p in find_people(sentence, lang) if p.span[0] < p.span[1]]

    @functools.cached_property
    def places(self) -> list[PlaceMention]:
        return [pm for pm in find_places(self.s, self.lang) if pm.span[0] < pm.span[1]]

    @functools.cached_property
    def mentions(self) -> list[_Mention]:
        return self._mentions()

    # -- people ------------------------------------------------------------------------------

    def is_principal(self, p: Person) -> bool:
        return _is_principal_name(p.name, self.forms, self.full)

    def is_other(self, p: Person) -> bool:
        """A named person who is neither the principal nor a spouse."""
        if not p.is_named or self.is_principal(p):
            return False
        return not (p.title and _SPOUSE_TITLE.search(p.title))

    def _mentions(self) -> list[_Mention]:
        """People mentions (principal or not), bare name forms, pronouns and role phrases."""
        out: list[_Mention] = []
        taken: list[tuple[int, int]] = []
        for p in self.people:
            if not p.is_named or (p.title and _SPOUSE_TITLE.search(p.title)):
                continue
            ours = self.is_principal(p)
            out.append(_Mention(p.span[0], p.span[1], ours, p, host=not ours))
            taken.append(p.span)
        if self.forms:
            alt = "|".join(re.escape(f) for f in self.forms)
            for m in re.finditer(r"(?<![^\W_])(?:" + alt + r")(?![^\W_])", self.s):
                if not any(_overlaps((m.start(), m.end()), t) for t in taken):
                    out.append(_Mention(m.start(), m.end(), True, None))
                    taken.append((m.start(), m.end()))
        sides: list[tuple[int, int, str]] = []
        if self.lang == "en":
            for m in _EN_SIDE.finditer(self.s):
                code = self._side_code(m.start(1), m.end(1))
                if code is not None:
                    sides.append((m.start(), m.end(), code))
        else:
            for m in _VI_SIDE.finditer(self.s):
                country = self._country_at(m.end())
                if country is not None:
                    sides.append((m.start(), country.span[1], country.place.country_code))
        for a, b, code in sides:
            if not any(_overlaps((a, b), t) for t in taken):
                out.append(self._side_mention(a, b, code, legacy=False))
                taken.append((a, b))
        for m in _ROLE[self.lang].finditer(self.s):
            span = (m.start(), m.end())
            if any(_overlaps(span, t) for t in taken):
                continue
            if self._role_names_someone(m.end()):
                # "Tổng thống Nga" with no name after it: the Russian side.
                country = self._country_at(m.end()) if self.lang == "vi" else None
                if country is not None:
                    b = country.span[1]
                    if not any(_overlaps((m.start(), b), t) for t in taken):
                        code = country.place.country_code
                        out.append(self._side_mention(m.start(), b, code, legacy=False))
                        taken.append((m.start(), b))
                continue
            code = self._side_code(m.start(), m.end()) if self.lang == "en" else None
            if code is not None:
                out.append(self._side_mention(m.start(), m.end(), code, legacy=True))
            else:
                out.append(_Mention(m.start(), m.end(), True, None))
            taken.append(span)
        out.sort(key=lambda x: x.start)
        return out

    def _side_mention(self, a: int, b: int, code: str, legacy: bool) -> _Mention:
        """A role phrase naming a country. Ours when the principal's country is known and
        the same, another side's when known and different; unknown, a role phrase counts
        as the principal only where it always did (English "the Russian leader")."""
        if self.country is None:
            return _Mention(a, b, legacy, None, side=code, host=False, sure=False)
        ours = code == self.country
        return _Mention(a, b, ours, None, side=code, host=not ours, sure=ours)

    def _side_code(self, a: int, b: int) -> str | None:
        """The one country named by the capitalised words of s[a:b], as a demonym
        ("Russian", "South Korean") or a name; None for none or several."""
        words = [(m.start() + a, m.end() + a, m.group(0)) for m in _ROLE_WORD.finditer(self.s[a:b])]
        codes: set[str] = set()
        i = 0
        while i < len(words):
            for size in (2, 1):
                if i + size > len(words):
                    continue
                text = " ".join(w[2] for w in words[i : i + size])
                code = demonym_country(text)
                if code is not None:
                    codes.add(code)
                    i += size
                    break
            else:
                i += 1
        for pm in self.places:
            if pm.place.kind == "country" and _inside(pm.span, (a, b)):
                codes.add(pm.place.country_code)
        return codes.pop() if len(codes) == 1 else None

    def _country_at(self, end: int) -> PlaceMention | None:
        """A country named right after position ``end`` ("phía *Nga*")."""
        m = re.match(r"\s+", self.s[end:])
        if m is None:
            return None
        at = end + m.end()
        for pm in self.places:
            if pm.span[0] == at and pm.place.kind == "country":
                return pm
        # Read alone: the gazetteer takes a short name after a capitalised word for part of
        # a person's name ("Phía Nga" at the start of a sentence).
        for pm in find_places(self.s[at : at + 60], self.lang)[:1]:
            if pm.span[0] == 0 and pm.place.kind == "country":
                return PlaceMention(pm.place, (at, at + pm.span[1]), pm.text)
        return None

    def _role_names_someone(self, end: int) -> bool:
        """A role phrase directly followed by a name or country is someone's title."""
        rest = self.s[end:]
        m = re.match(r"\s+(?:of\s+)?(\S)", rest)
        if m is None:
            return False
        return m.group(1).isupper()

    # -- actor -------------------------------------------------------------------------------

    def _ungoverned(self, region_start: int, m: _Mention) -> bool:
        before = self.s[region_start : m.start]
        if _GOVERNED[self.lang].search(before):
            return False
        return re.match(r"['’]s\b", self.s[m.end :]) is None

    def subject_ok(
        self, start: int, verb_start: int, govern_from: int | None = None
    ) -> tuple[bool, list[Person]]:
        """Is the principal the subject of a verb at ``verb_start``, given the words from
        ``start``? Returns the verdict and the people coordinated with the principal.
        Mentions governed by a verb at ``govern_from`` (the previous one) are its objects."""
        gov = start if govern_from is None else govern_from
        inside = [
            m
            for m in self.mentions
            if start <= m.start and m.end <= verb_start and self._ungoverned(gov, m)
        ]
        first_p = next((i for i, m in enumerate(inside) if m.principal), None)
        if first_p is None:
            return False, []
        # A pronoun after someone else in the same stretch is theirs ("Putin said he ...").
        pronoun = _PRONOUN.fullmatch(self.s[inside[first_p].start : inside[first_p].end])
        if pronoun and any(not m.principal for m in inside[:first_p]):
            return False, []
        co: list[Person] = []
        head = inside[first_p]
        if _GROUP.search(self.s[head.start : head.end]):
            # "the two leaders": the other one is named earlier in the sentence.
            co = [p for p in self.people if p.span[1] <= head.start and self.is_other(p)]
        prev_end = inside[first_p].end
        for m in inside[first_p + 1 :]:
            gap = self.s[prev_end : m.start]
            if m.principal:
                prev_end = m.end
                continue
            if _COORDINATED.match(gap) or re.fullmatch(
                r"[\s,]*(?:his|her|their)?\s*(?:spouse|wife|husband)?[\s,]*(?:and|và)\s*",
                gap,
                re.IGNORECASE,
            ):
                if m.person is not None:
                    co.append(m.person)
                prev_end = m.end
                continue
            return False, []
        return True, co

    def new_subject(
        self, gap_start: int, verb_start: int, govern_from: int | None = None
    ) -> bool | None:
        """For a later verb: True if the principal stands right before it, False if someone
        else does, None if no subject is written (the verb shares the earlier subject).
        A mention governed by the previous verb (``govern_from`` is where it starts: "met
        *Putin* and attended ...", "received *Tô Lâm* and hosted ...") is its object."""
        last: _Mention | None = None
        for m in self.mentions:
            if gap_start <= m.start and m.end <= verb_start:
                last = m
        if last is None:
            return None
        if not _BRIDGE[self.lang].match(self.s[last.end : verb_start]):
            return None
        if not self._ungoverned(gap_start if govern_from is None else govern_from, last):
            return None
        return last.principal

    # -- the host as subject -----------------------------------------------------------------

    def host_subject(self, start: int, verb_start: int) -> list[_Mention]:
        """The hosts, when the subject of a verb at ``verb_start`` is someone who may host
        the principal (another named person, or another country's side) and the principal
        is not in the subject: "President Putin received ...", "Tổng thống Nga đón ...".
        People coordinated with the first host are hosts too; anything else, none."""
        inside = [
            m
            for m in self.mentions
            if start <= m.start and m.end <= verb_start and self._ungoverned(start, m)
        ]
        if not inside or any(m.principal for m in inside) or not inside[0].host:
            return []
        if _REPORTED[self.lang].search(self.s[start : inside[0].start]):
            return []  # "Putin said Xi had received ...": told, not seen
        hosts = [inside[0]]
        for m in inside[1:]:
            if not (m.host and _COORDINATED.match(self.s[hosts[-1].end : m.start])):
                return []
            hosts.append(m)
        return hosts

    def host_object(self, hit: _VerbHit, limit: int) -> _HostObject | None:
        """The principal as the object of a hosting verb, with the kind and, for an event
        hosted in the principal's honour, the span of its noun phrase: "received [the
        visiting] General Secretary Tô Lâm" (direct), "hosted a state banquet in honour of
        Macron", "chủ trì tiệc chiêu đãi trọng thể chào mừng Tổng Bí thư" (event)."""
        name = hit.verb.name
        direct = name in _HOST_DIRECT[self.lang]
        event = name in _HOST_EVENT[self.lang]
        if not (direct or event):
            return None
        first = next((m for m in self.mentions if hit.end <= m.start and m.end <= limit), None)
        if first is None or not (first.principal and first.sure):
            return None
        text = self.s[first.start : first.end]
        if _PRONOUN.fullmatch(text) or _GROUP.search(text):
            return None  # "him"/"he" may be anyone; "the two leaders" include the host
        if re.match(r"['’]s\b", self.s[first.end :]):
            return None  # "welcomed Tô Lâm's proposal"
        if first.person is None and first.side is None and _EN_BARE_TITLE.fullmatch(text):
            return None  # "received the Prime Minister": whose? maybe the host's own
        gap = self.s[hit.end : first.start]
        if direct and _HOST_DIRECT_GAP[self.lang].fullmatch(gap):
            return K.RECEPTION, first, None
        m = _HOST_EVENT_GAP[self.lang].fullmatch(gap) if event else None
        if m is None:
            return None
        np = (hit.end + m.start("np"), hit.end + m.end("np"))
        kind = self.cue_kind(*np)
        if kind not in _HOSTED_KINDS:
            return None
        return kind, first, np

    # -- verbs -------------------------------------------------------------------------------

    def verb_hits(self) -> list[_VerbHit]:
        hits: list[_VerbHit] = []
        for verb in _VERBS[self.lang]:
            for m in verb.pattern.finditer(self.s):
                if m.start() == m.end():
                    continue
                hits.append(_VerbHit(verb, m.start(), m.end()))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[_VerbHit] = []
        for h in hits:
            check()
            if out and h.start < out[-1].end:
                continue
            if any(_overlaps((h.start, h.end), p.span) for p in self.people):
                continue
            if (
                self.lang == "en"
                and h.verb.name in ("attend", "receive", "visit", "host")
                and _EN_DETERMINER.search(self.s[: h.start])
            ):
                continue
            if _RELATIVE[self.lang].search(self.s[: h.start]):
                continue
            if h.verb.name in ("receive", "welcome") and _AFTER_EVENT_NOUN[self.lang].search(
                self.s[: h.start]
            ):
                continue
            if _WISH[self.lang].search(self.s[: h.start]):
                continue  # "hoping to meet": an intention, not an engagement
            if (
                self.lang == "en"
                and _EN_PASSIVE.search(self.s[: h.start])
                and not self.s[h.start : h.end].split()[0].lower().endswith("ing")
            ):
                continue  # "were welcomed by", "was received"
            out.append(h)
        return out

    def planned(self, start: int, verb_start: int) -> bool:
        window = self.s[start:verb_start]
        if (
            self.lang == "en"
            and re.search(r"\bto\s+(?:also\s+)?$", window)
            and _EN_SET_OFF.search(window)
        ):
            return True  # "left Santiago for Lima to attend ...": not yet happened
        for m in self.lex.future.finditer(window):
            if self.lang == "en" and m.group(0).lower() in _EN_NOT_FUTURE:
                continue
            return True
        return self.lang == "en" and _EN_FUTURE_EXTRA.search(window) is not None

    # -- items -------------------------------------------------------------------------------

    def region_end(self, start: int, limit: int) -> tuple[int, int]:
        """Where a verb's object ends (before a participial tail), and where the tail ends."""
        text = self.s[start:limit]
        m = _TAIL[self.lang].search(text)
        if m is None:
            return limit, limit
        return start + m.start(), limit

    def split(self, start: int, end: int) -> list[tuple[int, int]]:
        """Item spans of a verb's object: the lexicon's separators and our extra ones, never
        inside a person's mention or inside brackets."""
        text = self.s[start:end]
        cuts: list[tuple[int, int]] = []
        depth = 0
        brackets: list[tuple[int, int]] = []
        open_at = 0
        for i, c in enumerate(text):
            if c in "([":
                if depth == 0:
                    open_at = i
                depth += 1
            elif c in ")]" and depth:
                depth -= 1
                if depth == 0:
                    brackets.append((open_at, i + 1))
        for pattern in (self.lex.list_separator, _EXTRA_SEPARATORS[self.lang]):
            for m in pattern.finditer(text):
                a, b = start + m.start(), start + m.end()
                if a == b:
                    continue
                if any(p.span[0] < b and a < p.span[1] for p in self.people):
                    continue
                if any(x <= m.start() < y for x, y in brackets):
                    continue
                if self.lang == "en" and re.match(r"\s*\d", text[m.end() :]):
                    continue  # "May 9, 2025"
                cuts.append((a, b))
        cuts.sort()
        spans: list[tuple[int, int]] = []
        pos = start
        for a, b in cuts:
            if a < pos:
                continue
            spans.append((pos, a))
            pos = b
        spans.append((pos, end))
        return [t for t in (self._trim(a, b) for a, b in spans) if t[0] < t[1]]

    def _trim(self, a: int, b: int) -> tuple[int, int]:
        text = self.s[a:b]
        lead = _LEADING_JUNK[self.lang].match(text)
        if lead:
            a += lead.end()
            text = text[lead.end() :]
        trail = _TRAILING_JUNK[self.lang].search(text)
        if trail:
            b -= len(text) - trail.start()
        return a, b

    def cue_kind(self, a: int, b: int) -> EngagementKind | None:
        """The kind named by the earliest cue word of an item (people's titles masked)."""
        text = _mask(self.s[a:b], a, [p.span for p in self.people])
        found: list[tuple[int, int, int, EngagementKind]] = []
        tables = (*self.lex.engagements, *_EXTRA_CUES[self.lang])
        for order, (kind, pattern) in enumerate(tables):
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    found.append((m.start(), -(m.end() - m.start()), order, kind))
        if not found:
            return None
        found.sort()
        start, _, _, kind = found[0]
        if kind is K.CEREMONY:
            for s2, _, _, k2 in found[1:]:
                if k2 in (K.WREATH_LAYING, K.SIGNING) and s2 - start <= 25:
                    return k2
        return kind

    def named_others(self, a: int, b: int) -> list[Person]:
        return [p for p in self.people if _inside(p.span, (a, b)) and self.is_other(p)]


# --------------------------------------------------------------------------------------------
# Titles
# --------------------------------------------------------------------------------------------


def _person_label(p: Person, lang: Language) -> str:
    """A readable label: the mention, keeping only the last of joint titles ("Party General
    Secretary and President of China Xi Jinping" -> "President of China Xi Jinping")."""
    text = _norm(p.text)
    joiner = " and " if lang == "en" else " kiêm "
    if joiner in text:
        tail = text.rsplit(joiner, 1)[1]
        if p.name and p.name in tail and tail[:1].isupper():
            text = tail
    return text


def _object_text(text: str, lang: Language) -> str:
    text = _norm(text)
    if lang == "en":
        text = _EN_ARTICLE.sub("", text)
    return text


def _title(reader: _Reader, item: _Item, kind: EngagementKind, with_people: list[Person]) -> str:
    s = reader.s
    lang = reader.lang
    verb = item.hit.verb
    verb_text = _norm(s[item.hit.start : item.hit.end])
    obj = _norm(s[item.start : item.end])
    if item.person is not None:
        label = _person_label(item.person, lang)
        if lang == "vi":
            head = verb_text
            m = _VI_CONNECTOR.match(_norm(s[item.hit.end : item.hit.end + 8]))
            if m:
                head += " " + m.group(0).strip()
            return _capitalise(f"{head} {label}")
        lead = {K.TALKS: "Talks with", K.RECEPTION: "Receiving"}.get(kind, "Meeting with")
        return f"{lead} {label}"
    if lang == "vi":
        if verb.name == "attend":
            title = obj
        elif item.first:
            title = _norm(s[item.hit.start : item.end])
        else:
            title = f"{verb_text} {obj}"
        return _capitalise(title)
    # English
    obj_np = _object_text(obj, lang)
    if verb.name == "lay":
        words = verb_text.split()
        gerund = _GERUND.get(words[0].lower(), _capitalise(words[0]))
        title = " ".join([gerund, *words[1:], obj])
    elif verb.style == "prefix" and not (
        verb.name in ("host", "adopt") and reader.cue_kind(item.start, item.end) is not None
    ):
        rest = obj
        if verb.name == "meet":
            rest = re.sub(r"^with\s+", "", rest, flags=re.IGNORECASE)
        elif verb.name == "visit":
            rest = re.sub(r"^to\s+", "", rest, flags=re.IGNORECASE)
        title = f"{verb.prefix} {rest}"
    else:
        title = _capitalise(obj_np)
    if kind in (K.TALKS, K.MEETING) and with_people and not re.search(r"\bwith\b", title):
        title += " with " + ", ".join(_person_label(p, lang) for p in with_people)
    return _capitalise(title)


def _shorten(title: str) -> str:
    title = _norm(title)
    if len(title) <= _MAX_TITLE:
        return title
    cut = title.rfind(" ", 0, _MAX_TITLE - 1)
    return title[: cut if cut > 0 else _MAX_TITLE - 1].rstrip(" ,;:") + "…"


# --------------------------------------------------------------------------------------------
# Public entry point
# --------------------------------------------------------------------------------------------


def find_engagements(
    sentence: str,
    lang: Language,
    principal_names: Sequence[str] = (),
    principal_country: str | None = None,
) -> list[EngagementClaim]:
    """The principal's engagements stated by one sentence, one claim per list item.

    ``principal_names`` are the principal's full names; short forms (the last word, e.g.
    "Lâm" or "Putin") are derived. Without names, only pronouns and role phrases ("He",
    "the Party chief", "Tổng Bí thư") make the principal the actor. ``principal_country``
    (ISO code) tells whose side a role phrase naming a country is ("the Russian leader",
    "phía Nga", "Tổng thống Nga"); without it such phrases are never taken for a host, and
    an English one is taken for the principal as before. Returns ``[]`` for a sentence in
    which the principal does nothing, for recaps and commentary, and for any input that is
    not a string in a supported language.
    """
    if not isinstance(sentence, str) or not isinstance(lang, str) or lang not in _VERBS:
        return []
    if not sentence.strip():
        return []
    if isinstance(principal_names, str):
        principal_names = (principal_names,)
    elif not isinstance(principal_names, Sequence):
        principal_names = ()
    if not isinstance(principal_country, str) or not principal_country.strip():
        principal_country = None
    reader = _Reader(sentence, lang, principal_names, principal_country)
    hits = reader.verb_hits()
    if not hits and not (lang == "en" and _EN_PASSIVE_HOST.search(sentence)):
        return []
    places = [pm for pm in reader.places if pm.place.kind in ("city", "landmark", "airport")]

    claims: list[EngagementClaim] = []
    if lang == "en":
        claims.extend(_passive_claims(reader, hits, places))
    actor_ok = False
    co_subjects: list[Person] = []
    hosts: list[_Mention] = []  # the subject, when it is a host
    own_subject = False  # the hosts are written right before this verb
    for i, hit in enumerate(hits):
        next_start = hits[i + 1].start if i + 1 < len(hits) else len(sentence)
        if i == 0:
            actor_ok, co_subjects = reader.subject_ok(0, hit.start)
            hosts = [] if actor_ok else reader.host_subject(0, hit.start)
            own_subject = bool(hosts)
        else:
            prev = hits[i - 1]
            verdict = reader.new_subject(prev.end, hit.start, prev.start)
            own_subject = False
            if verdict is not None:
                actor_ok = verdict
                hosts = []
                if verdict:
                    _, co = reader.subject_ok(prev.end, hit.start, prev.start)
                    co_subjects = co or co_subjects
                else:
                    hosts = reader.host_subject(prev.end, hit.start)
                    own_subject = bool(hosts)
        if lang == "vi" and hit.verb.name in _HOST_DIRECT["vi"]:
            passive = _vi_passive_claim(reader, hit, next_start, places)
            if passive is not None:
                claims.append(passive)
                actor_ok, hosts = True, []  # the principal is the subject of what follows
                continue
        if hosts:
            claim = _hosted_claim(reader, hit, next_start, hosts, own_subject, places)
            if claim is not None:
                claims.append(claim)
            continue
        if not actor_ok:
            continue
        obj_end, tail_end = reader.region_end(hit.end, next_start)
        planned = reader.planned(0, hit.start)
        named_hosts = [
            p
            for p in reader.people
            if obj_end <= p.span[0]
            and p.span[1] <= tail_end
            and reader.is_other(p)
            and _HOSTED_BY.search(sentence[obj_end : p.span[0]])
        ]
        claims.extend(
            _claims_for_verb(reader, hit, obj_end, planned, co_subjects, named_hosts, places)
        )
    claims.sort(key=lambda c: c.span[0])
    return claims


# --------------------------------------------------------------------------------------------
# The host as subject
# --------------------------------------------------------------------------------------------


def _host_label(reader: _Reader, m: _Mention) -> str:
    if m.person is not None:
        return _person_label(m.person, reader.lang)
    text = _norm(reader.s[m.start : m.end])
    if text.startswith(("The ", "Phía ", "Người ")):
        return text[:1].lower() + text[1:]  # "the Russian side", "phía Nga" mid-title
    return text


def _host_people(reader: _Reader, hosts: Sequence[_Mention]) -> list[Person]:
    out: list[Person] = []
    for m in hosts:
        if m.person is not None and reader.is_other(m.person) and m.person not in out:
            out.append(m.person)
    return out


def _host_end(reader: _Reader, end: int, limit: int, places: list[PlaceMention]) -> int:
    """Where a hosted claim ends: after the last person it names (``end``), or after the
    places that follow in the same clause ("... Tô Lâm at the Kremlin", "tại sân bay Nội
    Bài"), never over a participial tail or the next clause ("before the two leaders ...")."""
    stop, _ = reader.region_end(end, limit)
    for pm in places:
        if end <= pm.span[0] and pm.span[1] <= stop:
            if re.search(r"[,;:(]", reader.s[end : pm.span[0]]) or pm.span[0] - end > 60:
                break
            end = pm.span[1]
    return end


def _host_places(
    reader: _Reader, span: tuple[int, int], places: list[PlaceMention]
) -> list[PlaceMention]:
    """Places of the claim, not those inside someone's title ("Mayor of Moscow")."""
    return [
        pm
        for pm in places
        if _inside(pm.span, span) and not any(_overlaps(pm.span, p.span) for p in reader.people)
    ]


def _hosted_claim(
    reader: _Reader,
    hit: _VerbHit,
    next_start: int,
    hosts: list[_Mention],
    own_subject: bool,
    places: list[PlaceMention],
) -> EngagementClaim | None:
    """The principal received, welcomed or honoured by a host who is the subject."""
    s = reader.s
    lang = reader.lang
    found = reader.host_object(hit, next_start)
    if found is None:
        return None
    kind, principal, np = found
    end = _host_end(reader, principal.end, next_start, places)
    start = hosts[0].start if own_subject else hit.start
    start, end = reader._trim(start, end)
    if start >= end or _REMOTE.search(s[hit.start : end]):
        return None
    label = _host_label(reader, hosts[0])
    verb_text = _norm(s[hit.start : hit.end])
    if np is None:
        if lang == "vi":
            title = f"Được {label} {verb_text}"
        else:
            low = verb_text.lower()
            lead = next((t for stem, t in _HOST_LEAD if low.startswith(stem)), "Received")
            title = f"{lead} by {label}"
    else:
        event = _object_text(s[np[0] : np[1]], lang)
        title = f"{event} do {label} {verb_text}" if lang == "vi" else f"{event} hosted by {label}"
    span = (start, end)
    return EngagementClaim(
        kind=kind,
        title=_shorten(_capitalise(_norm(title))),
        span=span,
        counterparts=_host_people(reader, hosts),
        places=_host_places(reader, span, places),
        planned=reader.planned(0, hit.start),
        rule=f"{lang}.engagement.hosted",
    )


def _passive_claims(
    reader: _Reader, hits: list[_VerbHit], places: list[PlaceMention]
) -> list[EngagementClaim]:
    """English passives with the principal as subject: "Macron was welcomed by Prime
    Minister Phạm Minh Chính at the airport"."""
    s = reader.s
    out: list[EngagementClaim] = []
    for m in _EN_PASSIVE_HOST.finditer(s):
        ok, _ = reader.subject_ok(0, m.start())
        if not ok:
            continue
        first = next((x for x in reader.mentions if x.start >= m.end()), None)
        if first is None or first.start != m.end() or not first.host:
            continue
        hosts = [first]
        for x in reader.mentions:
            if x.start <= hosts[-1].end:
                continue
            if not (x.host and _COORDINATED.match(s[hosts[-1].end : x.start])):
                break
            hosts.append(x)
        next_start = next((h.start for h in hits if h.start >= hosts[-1].end), len(s))
        end = _host_end(reader, hosts[-1].end, next_start, places)
        start, end = reader._trim(m.start("verb"), end)
        if start >= end or _REMOTE.search(s[start:end]):
            continue
        lead = next((t for stem, t in _HOST_LEAD if m.group("verb").lower().startswith(stem)))
        span = (start, end)
        out.append(
            EngagementClaim(
                kind=K.RECEPTION,
                title=_shorten(f"{lead} by {_host_label(reader, first)}"),
                span=span,
                counterparts=_host_people(reader, hosts),
                places=_host_places(reader, span, places),
                planned=reader.planned(0, m.start()),
                rule="en.engagement.hosted_passive",
            )
        )
    return out


def _vi_passive_claim(
    reader: _Reader, hit: _VerbHit, next_start: int, places: list[PlaceMention]
) -> EngagementClaim | None:
    """Vietnamese passives: in "Tổng Bí thư được Tổng thống Putin đón tại sân bay" the
    principal is the subject and the host stands between "được" and the verb."""
    s = reader.s
    host = None
    for m in reader.mentions:
        if m.end <= hit.start:
            host = m
    if host is None or not host.host:
        return None
    if not _VI_PASSIVE_BRIDGE.fullmatch(s[host.end : hit.start]):
        return None
    before = _VI_PASSIVE_HOST.search(s[: host.start])
    if before is None:
        return None
    ok, _ = reader.subject_ok(0, before.start())
    if not ok:
        return None
    end = _host_end(reader, hit.end, next_start, places)
    start, end = reader._trim(before.start(), end)
    if start >= end or _REMOTE.search(s[start:end]):
        return None
    span = (start, end)
    verb_text = _norm(s[hit.start : hit.end])
    return EngagementClaim(
        kind=K.RECEPTION,
        title=_shorten(f"Được {_host_label(reader, host)} {verb_text}"),
        span=span,
        counterparts=_host_people(reader, [host]),
        places=_host_places(reader, span, places),
        planned=reader.planned(0, before.start()),
        rule="vi.engagement.hosted_passive",
    )


def _claims_for_verb(
    reader: _Reader,
    hit: _VerbHit,
    obj_end: int,
    planned: bool,
    co_subjects: list[Person],
    hosts: list[Person],
    places: list[PlaceMention],
) -> list[EngagementClaim]:
    s = reader.s
    lang = reader.lang
    verb = hit.verb
    spans = reader.split(hit.end, obj_end)
    if not spans:
        return []
    if _REMOTE.search(s[hit.start : obj_end]):
        return []
    items: list[_Item] = []
    for n, (a, b) in enumerate(spans):
        items.append(_Item(a, b, hit, first=n == 0))
    # List headers: "several leaders, including A; B" -> A, B.
    for n in range(len(items) - 1):
        nxt = items[n + 1]
        m = _HEADER_NEXT[lang].match(s[nxt.start : nxt.end])
        if m is not None:
            items[n].header = True
            nxt.start += m.end()
    # Kinds: own cue, else the verb's, else the previous item's.
    prev: EngagementKind | None = verb.kind
    cue_seen = False
    for n, item in enumerate(items):
        cue = reader.cue_kind(item.start, item.end)
        if n == 0 and verb.forced:
            kind: EngagementKind | None = cue if cue is K.PRESS else verb.kind
        elif cue is not None:
            kind = cue
        else:
            kind = prev
        if cue is not None:
            cue_seen = True
        if kind is K.OTHER and cue is None and prev is not None and prev is not K.OTHER:
            kind = prev
        item.kind = kind
        prev = kind
    has_people = bool(reader.named_others(hit.end, obj_end)) or bool(
        _PEOPLE_NOUN[lang].search(s[hit.end : obj_end])
    )
    if verb.needs == "cue" and not cue_seen:
        return []
    if verb.needs == "cue_or_people" and not (cue_seen or has_people):
        return []
    # Trip legs end the list.
    kept: list[_Item] = []
    for item in items:
        if _is_leg(reader, item):
            break
        kept.append(item)
    # One claim per named person in meeting-like items.
    expanded: list[_Item] = []
    for item in kept:
        if item.header:
            continue
        others = reader.named_others(item.start, item.end)
        if item.kind in _PER_PERSON_KINDS and others:
            for k, p in enumerate(others):
                a = item.start if k == 0 else p.span[0]
                b = others[k + 1].span[0] if k + 1 < len(others) else item.end
                a2, b2 = reader._trim(a, b)
                if a2 >= b2:
                    a2, b2 = p.span
                expanded.append(
                    _Item(a2, b2, hit, first=item.first and k == 0, kind=item.kind, person=p)
                )
        else:
            expanded.append(item)

    is_list = len(expanded) > 1
    out: list[EngagementClaim] = []
    for item in expanded:
        kind = item.kind or K.OTHER
        others = [item.person] if item.person else reader.named_others(item.start, item.end)
        if kind in _NO_ITEM_COUNTERPARTS:
            others = []
        others = [p for p in others if not any(_inside(p.span, pm.span) for pm in places)]
        if item.person is None and kind in _PER_PERSON_KINDS | {K.PRESS}:
            obj = s[item.start : item.end]
            if not others and not co_subjects and _VAGUE[lang].search(obj):
                continue
        if verb.needs == "people" and (
            not others and not _PEOPLE_NOUN[lang].search(s[item.start : item.end])
        ):
            continue
        joint = co_subjects if kind in _JOINT_KINDS else []
        counterparts: list[Person] = []
        for p in [*others, *joint, *(hosts if kind is not K.WREATH_LAYING else [])]:
            if p not in counterparts and reader.is_other(p):
                counterparts.append(p)
        # The verb's words belong to the first item, unless they are a whole clause
        # ("began the first day of the visit with ...").
        start = hit.start if item.first and verb.name != "begin" else item.start
        span = (start, item.end)
        title = _shorten(_title(reader, item, kind, joint if item.person is None else []))
        if not title:
            continue
        out.append(
            EngagementClaim(
                kind=kind,
                title=title,
                span=span,
                counterparts=counterparts,
                places=[pm for pm in places if _inside(pm.span, span)],
                planned=planned,
                rule=f"{lang}.engagement.list_item" if is_list else f"{lang}.engagement.{kind}",
            )
        )
    return out


def _is_leg(reader: _Reader, item: _Item) -> bool:
    """An item that is a leg of the trip rather than an engagement."""
    s = reader.s
    lang = reader.lang
    with_verb = item.first and item.hit.verb.name == "visit"
    text = s[item.hit.start : item.end] if with_verb else s[item.start : item.end]
    if any(p.search(text) for _, p in reader.lex.visit_types):
        return True
    if _LEG[lang].search(s[item.start : item.end]):
        return True
    if item.kind is not K.SITE_VISIT and item.hit.verb.name != "visit":
        return False
    # "visited Moscow in 2025", "thăm Liên bang Nga": the object is a country or city, not
    # a site in it ("Moscow's Red Square").
    obj = s[item.start : item.end]
    lead = _PLACE_LEAD[lang].match(obj)
    offset = lead.end() if lead else 0
    found = find_places(obj, lang)
    if not found or found[0].span[0] != offset or found[0].place.kind == "landmark":
        return False
    # "Moscow's Red Square", "the Vietnam National Museum": the place names only part of it.
    return not re.match(r"\s*['’]s\b|\s+[^\W\d_]*[^\W\d_a-zà-ỹ]", obj[found[0].span[1] :])
