"""Engagement verbs per language: the action verbs a leader's programme hangs off ("held
talks", "attended", "hội kiến", "dự"), each with the kind it gives, what its object must hold
and how a title is made from it. Part of the lexicon (see :mod:`calendar_svc.ingest.lexicon`):
kept in a module of its own because the two tables alone are half the size of a module, and
:mod:`calendar_svc.ingest.lexicon.engagements` holds them in each language's table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from calendar_svc.domain.values import EngagementKind

__all__ = ["ENGLISH_VERBS", "VIETNAMESE_VERBS", "Style", "Verb"]

K = EngagementKind
_F = re.IGNORECASE | re.UNICODE


def _rx(pattern: str, flags: int = _F) -> re.Pattern[str]:
    return re.compile(pattern, flags)


Style = Literal["object", "prefix", "keep"]
"""How a title is made: ``object``: the object noun phrase ("attended the forum" -> "Forum");
``prefix``: a fixed noun prefix plus the object ("met with X" -> "Meeting with X");
``keep``: the verb phrase as written (Vietnamese: "hội kiến Thủ tướng X")."""


@dataclass(frozen=True)
class Verb:
    """An action verb: its name (the code reads some by name), the pattern of its forms,
    the kind it gives and whether that kind beats the cue words of its object."""

    name: str
    pattern: re.Pattern[str]
    kind: EngagementKind | None
    forced: bool = False
    #: what the object must contain for the verb to count: an engagement cue word ("held
    #: talks"), people ("received business leaders"), either, or nothing
    needs: Literal["", "cue", "people", "cue_or_people"] = ""
    style: Style = "object"
    prefix: str = ""


_EN_ENGAGEMENT_NOUN = (
    r"(?:talks|meetings?|conferences?|banquets?|receptions?|dinners?|luncheons?|lunch|"
    r"ceremon(?:y|ies)|forums?|summits?|dialogues?|discussions?|tête-à-tête|roundtables?)"
)

ENGLISH_VERBS: tuple[Verb, ...] = (
    Verb(
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
    Verb(
        "hold",
        _rx(
            r"\b(?:held|holds?|holding|had|has|have|having)\b(?=\s+(?:[\w-]+\s+){0,3}?"
            + _EN_ENGAGEMENT_NOUN
            + r"\b)"
        ),
        None,
        needs="cue",
    ),
    Verb(
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
    Verb(
        "receive",
        _rx(r"\b(?:received|receives|receiving|welcomed|welcomes|welcoming|greeted|greets)\b"),
        K.RECEPTION,
        forced=True,
        style="prefix",
        prefix="Receiving",
        needs="people",
    ),
    Verb(
        "attend",
        _rx(
            r"\b(?:attend(?:s|ed|ing)?|observ(?:ed|es|e|ing)|witness(?:ed|es|ing)?|"
            r"(?:took|takes?|taking)\s+part\s+in|participat(?:ed|es|e|ing)\s+in|"
            r"join(?:ed|s|ing)?|(?:was|were|is|are)\s+present\s+at|graced)\b"
            r"(?!\s+(?:by|that|hands|forces)\b)"
        ),
        K.OTHER,
    ),
    Verb(
        "begin",
        _rx(
            r"\b(?:began|begins|begin|started|starts|start|opened|opens|kicked\s+off|kicks\s+off)"
            r"\b[^,.;:]{0,100}?\bwith\b(?=\s+(?:[\w-]+\s+){0,4}?" + _EN_ENGAGEMENT_NOUN + r"\b)"
        ),
        None,
        needs="cue",
    ),
    Verb(
        "deliver",
        _rx(
            r"\b(?:delivered|delivers?|delivering|gave|gives?|giving|made|makes?|making)\b"
            r"(?=\s+(?:[\w-]+\s+){0,3}?(?:speech|address|lecture|remarks|keynote)\b)"
        ),
        K.SPEECH,
        needs="cue",
    ),
    Verb(
        "speak",
        _rx(r"\b(?:spoke|speaks?|speaking)\b(?=\s+(?:at|to|before)\b)"),
        K.SPEECH,
        forced=True,
        style="prefix",
        prefix="Speech",
    ),
    Verb(
        "address",
        _rx(r"\baddress(?:ed|es|ing)\b(?!\s+by\b)"),
        K.SPEECH,
        forced=True,
        style="prefix",
        prefix="Address to",
        needs="cue_or_people",
    ),
    Verb(
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
    Verb(
        "inaugurate",
        _rx(r"\b(?:inaugurated|inaugurates?|inaugurating|cut the ribbon (?:to open|at|for))\b"),
        K.CEREMONY,
        forced=True,
        style="prefix",
        prefix="Inauguration of",
    ),
    Verb(
        "chair",
        _rx(
            r"\b(?:co-chaired|co-chairs|co-chair|co-chairing|chaired|chairing|"
            r"presided\s+over|presides\s+over|presiding\s+over)\b"
        ),
        K.MEETING,
    ),
    Verb(
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
    Verb(
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
    Verb(
        "sign",
        _rx(r"\b(?:signed|signs)\b(?!\s+by\b)"),
        K.SIGNING,
        forced=True,
        style="prefix",
        prefix="Signing of",
    ),
    Verb(
        "adopt",
        _rx(r"\b(?:adopted|adopts|adopting)\b(?!\s+by\b)"),
        K.OTHER,
        style="prefix",
        prefix="Adoption of",
    ),
)

VIETNAMESE_VERBS: tuple[Verb, ...] = (
    Verb(
        "lay",
        _rx(r"(?<!\w)(?:đặt vòng hoa|dâng hoa|đặt hoa|dâng hương|viếng)(?!\w)"),
        K.WREATH_LAYING,
        forced=True,
        style="keep",
    ),
    Verb(
        "talks",
        _rx(r"(?<!\w)(?<!sau )(?<!trước )(?<!cuộc )(?<!buổi )(?<!các )hội đàm(?!\w)"),
        K.TALKS,
        forced=True,
        style="keep",
    ),
    Verb(
        "meet",
        _rx(r"(?<!\w)(?<!cuộc )(?<!buổi )(?:hội kiến|gặp gỡ|gặp mặt|gặp|chào xã giao)(?!\w)"),
        K.MEETING,
        forced=True,
        style="keep",
    ),
    Verb(
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
    Verb(
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
    Verb(
        "give",
        _rx(
            r"(?<!\w)(?:mở|tổ chức|thết)(?!\w)(?=\s+(?:(?:một|bữa|buổi)\s+)*"
            r"(?:tiệc|quốc yến|lễ đón|lễ chào đón|chiêu đãi)(?!\w))"
        ),
        None,
        needs="cue",
        style="keep",
    ),
    Verb(
        "attend",
        _rx(
            r"(?<!\w)(?<!việc )(?<!Việc )(?:tham dự|chứng kiến|dự"
            r"(?!\s+(?:kiến|án|thảo|báo|định|toán|trữ|luật|đoán|phòng|bị|tính|thính|"
            r"khuyết|đoạn)(?!\w)))(?!\w)"
        ),
        K.OTHER,
    ),
    Verb(
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
    Verb(
        "visit",
        _rx(
            r"(?<!\w)(?<!chuyến )(?<!cuộc )(?<!các )(?:tham quan|thăm quan|thăm)(?!\w)"
            r"(?!\s+(?:hỏi|dò|khám)(?!\w))"
        ),
        K.SITE_VISIT,
        forced=True,
        style="keep",
    ),
    Verb(
        "inaugurate",
        _rx(r"(?<!\w)(?<!lễ )(?<!Lễ )(?:khánh thành|cắt băng khánh thành|cắt băng)(?!\w)"),
        K.CEREMONY,
        forced=True,
        style="keep",
    ),
    Verb(
        "chair",
        _rx(r"(?<!\w)(?:đồng chủ trì|chủ trì)(?!\w)"),
        K.MEETING,
        style="keep",
    ),
    Verb(
        "sign",
        _rx(r"(?<!\w)(?<!đăng )(?<!thư )(?<!lễ )(?<!Lễ )(?:ký kết|ký)(?!\w)(?!\s+ức)"),
        K.SIGNING,
        forced=True,
        style="keep",
    ),
)
