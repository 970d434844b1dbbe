"""What each line of a scraped page is: breadcrumbs, timestamp lines, photo captions, "related
news" tails, social icons, outlet signatures, interview closings, or content; and which
content line is a headline or opens with a dateline ("HÀ NỘI — ..."). Heuristics are plain
regular expressions over what Vietnamese and English news pages actually look like. Kept apart
from :mod:`calendar_svc.ingest.text`, which uses these verdicts to find the article proper,
so the page's boilerplate is recognised in one place and the parsing steps read on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from calendar_svc.ingest.lexicon.dates import DATE_WORDS

__all__ = [
    "AGENCY_ONLY_DATELINE",
    "SIGN_OFF",
    "Line",
    "dateline_place",
    "match_dateline",
    "page_lines",
    "parse_timestamp",
    "title_like",
]


def _words(text: str) -> frozenset[str]:
    """A word list written as prose, so long vocabularies stay readable."""
    return frozenset(text.split())


# Lines that end the article: everything from here on is page furniture.
_TAIL_MARKERS = frozenset(
    {
        # Vietnamese
        "có thể bạn quan tâm",
        "tin cùng chuyên mục",
        "tin liên quan",
        "bài liên quan",
        "tin bài liên quan",
        "bài viết liên quan",
        "xem thêm",
        "đọc thêm",
        "tin khác",
        "các tin khác",
        "tin mới nhất",
        "tin mới",
        "tin đọc nhiều",
        "đọc nhiều nhất",
        "từ khóa",
        "từ khoá",
        "bình luận",
        # English
        "related news",
        "related articles",
        "related stories",
        "related coverage",
        "related content",
        "related links",
        "related reading",
        "more coverage",
        "further reading",
        "read also",
        "see more",
        "related",
        "read more",
        "see also",
        "most read",
        "most popular",
        "more news",
        "more stories",
        "latest news",
        "you may also like",
        "you might also like",
        "recommended",
        "tags",
        "comments",
    }
)
_SOCIAL_TOKENS = _words(
    "fb yt zl tw ig tt li in x facebook twitter youtube zalo linkedin instagram tiktok "
    "telegram email e-mail print rss share messenger"
)
# Section names that appear as breadcrumbs/navigation above a headline.
_NAV_WORDS = _words(
    "home politics law economy economic society life style world sports sport opinion "
    "environment business travel culture health education news national international "
    "video photo photos multimedia features feature sci-tech science technology "
    "trang chủ thời sự chính trị kinh tế xã hội thế giới văn hóa văn hoá pháp luật giáo dục "
    "thể thao du lịch sức khỏe sức khoẻ đối ngoại tin tức quốc tế trong nước"
)
_NAV_JOINERS = frozenset({"&", "and", "và", "-", "|", ">", "»", "›", "/", "•", ","})

#: English month names and abbreviations: the date lexicon's, the one home of month words
_MONTHS = DATE_WORDS["en"].months
_TS_EN = re.compile(
    r"^(?:[A-Za-z]+day,?\s+)?(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})"
    r"(?:\s*(?:[-–—|,@]|at)?\s*(?P<h>\d{1,2}):(?P<mi>\d{2})(?:\s*(?P<ap>[AaPp]\.?[Mm]\.?))?)?"
    r"(?:\s*\(?\s*(?:GMT|UTC|ICT)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)?)?$"
)
_TS_VI = re.compile(
    r"^(?:(?:Thứ\s+[^\W\d_]+|Chủ\s+nhật|[Tt][2-7]|CN),?\s*)?"
    r"(?:(?P<h1>\d{1,2}):(?P<m1>\d{2})\s*(?:[-|,]\s*)?)?"
    r"(?:ngày\s+)?(?P<d>\d{1,2})/(?P<mo>\d{1,2})/(?P<y>\d{4})"
    r"(?:\s*(?:[-|,]\s*)?(?P<h2>\d{1,2}):(?P<m2>\d{2}))?"
    r"(?:\s*\(?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}\s*\)?)?$"
)
_CAPTION = re.compile(
    r"(?:[—–-]\s*|\b)[A-Z]{2,8}(?:/[A-Z]{2,8})?\s+Photo\.?\)?$"
    r"|\b(?:Photo|Ảnh|Nguồn ảnh)\s*:\s*[^.!?]{1,60}[.)]?$"
    r"|^\(?\s*(?:Photo|Ảnh)\s*:",
)
_CAPTION_PAREN = re.compile(r"\((?:Photo|Ảnh)\b[^)]*\)\.?$")


def _is_caption(s: str) -> bool:
    """A photo credit; "(Photo ...)" is looked for only after the line's second-to-last ")",
    since its text cannot hold one (else a line of "(Photo (Photo ..." costs its square)."""
    if _CAPTION.search(s):
        return True
    close = s.rfind(")")
    return close >= 0 and _CAPTION_PAREN.search(s, s.rfind(")", 0, close) + 1) is not None


_AGENCY = r"(?:[A-Z][A-Za-z]{1,7}|[A-Z]{2,8})(?:/[A-Z]{2,8})?"
#: an agency sign-off ending the article's last line ("... — VNS")
SIGN_OFF = re.compile(r"(?<=[.!?\"”’)\]])\s*[—–-]{1,2}\s*" + _AGENCY + r"\s*$")
_DOMAIN_LINE = re.compile(
    r"^\(?(?:(?:theo|nguồn|source)\s*:?\s*)?"
    r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:vn|com|net|org|gov|info|int)"
    r"(?:\.[a-z]{2})?\)?$",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"^\(?\s*(?:Theo|Nguồn|Source)\s*:?\s+[^.!?\n]{1,40}\)?$|^[—–-]?\s*[A-Z]{2,8}(?:/[A-Z]{2,8})?$"
)
_INTERVIEW_CLOSING = re.compile(
    r"^(?:Phóng viên|PV|P\.V|Reporter|Interviewer|Q)\s*[:.-]\s*"
    r"(?:(?:xin|trân trọng|chân thành|rất|xin chân thành)\s+)*(?:cảm ơn|cám ơn|thank)",
    re.IGNORECASE,
)
_INLINE_MORE = re.compile(
    r"^(?:xem thêm|đọc thêm|read more|see also|related)\s*(?::|>>|»)", re.IGNORECASE
)

_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][^\W\d_.'’]*(?:[ .'’-]{1,2}[^\W\d_][^\W\d_.'’]*){0,4}\.?)"
    r"(?P<extra>,[^—–\n()]{1,30}?)?\s*(?P<agency>\([^()\n]{1,30}\))?\s*(?P<dash>—|–|--|-)\s+"
)
#: a place's day after its comma ("Lima, 19/11 –", "Kyiv, Nov. 8 -"): a dateline however
#: the place is cased
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATED = re.compile(
    rf",\s*(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|(?i:{_MONTH_NAMES})\.?\s+\d{{1,2}})\s*"
)
#: a dateline of the agency alone ("(VNA) — ...")
AGENCY_ONLY_DATELINE = re.compile(r"\((?P<agency>[^()\n]{2,30})\)\s*(?:—|–|--|-)\s+")


@dataclass(frozen=True)
class Line:
    """One line of the page, trimmed, with what it is."""

    start: int  # first non-space character
    end: int  # one past the last non-space character
    text: str
    kind: str  # blank|nav|timestamp|caption|tail|social|signature|closing|inline|content


def _norm_marker(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().rstrip(":>»").strip()).lower()


def _is_nav(s: str) -> bool:
    """Breadcrumbs and section names: short, unpunctuated, made of section vocabulary."""
    if re.search(r"[.!?:;\"“”]$", s) or len(s) > 80:
        return False
    low = s.lower()
    tokens = low.replace("&", " & ").split()
    if not tokens or len(tokens) > 8:
        return False
    if low.startswith(("home ", "trang chủ")):
        return True
    words = [t for t in tokens if t not in _NAV_JOINERS]
    return bool(words) and all(w in _NAV_WORDS for w in words)


def parse_timestamp(s: str) -> tuple[bool, datetime | None]:
    """Return (is a bare timestamp line, datetime if it carried a time of day)."""
    m = _TS_EN.match(s)
    if m and m.group("mon").lower() in _MONTHS:
        if m.group("h") is None:
            return True, None
        hour = int(m.group("h"))
        ap = (m.group("ap") or "").lower().replace(".", "")
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        try:
            when = datetime(
                int(m.group("y")),
                _MONTHS[m.group("mon").lower()],
                int(m.group("d")),
                hour,
                int(m.group("mi")),
            )
        except ValueError:
            return True, None
        return True, when
    m = _TS_VI.match(s)
    if m:
        h = m.group("h1") or m.group("h2")
        mi = m.group("m1") or m.group("m2")
        if h is None or mi is None:
            return True, None
        try:
            when = datetime(
                int(m.group("y")), int(m.group("mo")), int(m.group("d")), int(h), int(mi)
            )
        except ValueError:
            return True, None
        return True, when
    return False, None


def _classify(s: str) -> str:
    if not s:
        return "blank"
    marker = _norm_marker(s)
    if marker in _TAIL_MARKERS:
        return "tail"
    tokens = s.lower().split()
    if len(tokens) >= 2 and all(t in _SOCIAL_TOKENS for t in tokens):
        return "social"
    if _INTERVIEW_CLOSING.match(s):
        return "closing"
    if _DOMAIN_LINE.match(s) or _SOURCE_LINE.match(s):
        return "signature"
    if _INLINE_MORE.match(s):
        return "inline"
    if parse_timestamp(s)[0]:
        return "timestamp"
    if _is_caption(s):
        return "caption"
    if _is_nav(s):
        return "nav"
    return "content"


def page_lines(text: str, start: int) -> list[Line]:
    """Every line of ``text`` from ``start`` on, trimmed and classified."""
    out: list[Line] = []
    pos = start
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl
        a, b = pos, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        s = text[a:b]
        out.append(Line(a, b, s, _classify(s)))
        if nl < 0:
            break
        pos = nl + 1
    return out


def title_like(s: str) -> bool:
    """Could this content line be the headline?"""
    return (
        len(s) <= 250
        and len(s.split()) >= 3
        and not re.search(r"[.;,:]$", s)
        and any(c.isupper() for c in s[:3])
    )


#: the day closing a dateline's extra (", India, Oct 15"): what is left names the place
_DAY_AT_END = re.compile(_DATED.pattern + "$")


def dateline_place(m: re.Match[str]) -> str:
    """The place a dateline names, with the country it adds before its day: "BENAULIM,
    India, Oct 15 -" is "BENAULIM, India" (a small town the gazetteer may not know)."""
    place = m.group("place").strip()
    extra = m.group("extra")
    if extra:
        where = _DAY_AT_END.sub("", extra).strip(" ,")
        if where and not any(c.isdigit() for c in where):
            place = f"{place}, {where}"
    return place


def match_dateline(s: str) -> re.Match[str] | None:
    """The dateline opening a line ("HÀ NỘI — ", "Moscow (VNA) - "), if any."""
    m = _DATELINE.match(s)
    if m:
        place = m.group("place")
        letters = [c for c in place if c.isalpha()]
        all_caps = bool(letters) and all(c.isupper() for c in letters)
        dated = m.group("extra") is not None and _DATED.fullmatch(m.group("extra")) is not None
        if (all_caps and len(letters) >= 2) or m.group("agency") or dated:
            if m.group("dash") == "-" and not m.group("agency") and not (all_caps or dated):
                return None
            return m
    return None
