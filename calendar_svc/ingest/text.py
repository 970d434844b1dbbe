"""Article parsing: find the article proper inside a scraped page and split it into sentences.

Every span in the result indexes into the original text, byte-for-byte as received, so each
fact extracted later can be traced back to the exact characters that stated it. Nothing here
downloads models or depends on the network: the heuristics are plain regular expressions over
what Vietnamese and English news pages actually look like (date header, breadcrumbs, captions,
datelines, agency sign-offs and "related news" tails).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

import msgspec

from calendar_svc.domain.language import Language

__all__ = [
    "ParsedArticle",
    "Sentence",
    "detect_language",
    "parse_article",
    "split_sentences",
]


def _words(text: str) -> frozenset[str]:
    """A word list written as prose, so long vocabularies stay readable."""
    return frozenset(text.split())


class Sentence(msgspec.Struct, frozen=True):
    """One sentence of the article body; ``text == article.text[span[0]:span[1]]``."""

    index: int
    span: tuple[int, int]
    text: str
    paragraph: int


class ParsedArticle(msgspec.Struct, frozen=True):
    """The article proper, located inside the page it was scraped from.

    ``published_at_text`` is the page's own timestamp line (e.g. "May 05, 2025 - 13:35") as a
    naive datetime: the page does not say which time zone it is in. ``title_span`` and
    ``dateline_span`` index into ``text`` so the title and dateline stay traceable too.
    """

    text: str
    language: Language
    language_detected: bool
    published_on: date | None
    title: str | None
    dateline: str | None
    body_span: tuple[int, int]
    sentences: list[Sentence]
    published_at_text: datetime | None = None
    title_span: tuple[int, int] | None = None
    dateline_span: tuple[int, int] | None = None


# --------------------------------------------------------------------------------------------
# Language detection
# --------------------------------------------------------------------------------------------

# Letters that only Vietnamese uses among the two languages (tone marks and the extra vowels).
_VI_ONLY_CHARS = frozenset("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóõùúýĩũ")
_VI_WORDS = _words(
    "của và các những là được trong với cho người không này đã sẽ có một về tại từ đến "
    "theo khi để cùng nhiều năm ngày nước việc chuyến thăm đồng chí ông bà"
)
_EN_WORDS = _words(
    "the of and to in a is for on with that by was were will as at from his her their "
    "has have be this an are it which said visit"
)
_WORD_RE = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> Language:
    """Guess English or Vietnamese from function words, falling back to diacritics.

    English articles about Việt Nam are full of Vietnamese names, so diacritics alone would
    mislead; function words are counted first and diacritics only break ties.
    """
    sample = unicodedata.normalize("NFC", text[:20000]).lower()
    words = _WORD_RE.findall(sample)
    vi = sum(1 for w in words if w in _VI_WORDS)
    en = sum(1 for w in words if w in _EN_WORDS)
    if vi != en:
        return "vi" if vi > en else "en"
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "en"
    vi_chars = sum(1 for c in letters if c in _VI_ONLY_CHARS)
    return "vi" if vi_chars / len(letters) > 0.08 else "en"


# --------------------------------------------------------------------------------------------
# Page furniture
# --------------------------------------------------------------------------------------------

_DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})(?!\d)[ \t]*")

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

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
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
_SIGN_OFF = re.compile(r"(?<=[.!?\"”’)\]])\s*[—–-]{1,2}\s*" + _AGENCY + r"\s*$")
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
_AGENCY_ONLY_DATELINE = re.compile(r"\((?P<agency>[^()\n]{2,30})\)\s*(?:—|–|--|-)\s+")


@dataclass(frozen=True)
class _Line:
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


def _parse_timestamp(s: str) -> tuple[bool, datetime | None]:
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
    if _parse_timestamp(s)[0]:
        return "timestamp"
    if _is_caption(s):
        return "caption"
    if _is_nav(s):
        return "nav"
    return "content"


def _lines(text: str, start: int) -> list[_Line]:
    out: list[_Line] = []
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
        out.append(_Line(a, b, s, _classify(s)))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _title_like(s: str) -> bool:
    return (
        len(s) <= 250
        and len(s.split()) >= 3
        and not re.search(r"[.;,:]$", s)
        and any(c.isupper() for c in s[:3])
    )


def _match_dateline(s: str) -> re.Match[str] | None:
    m = _DATELINE.match(s)
    if m:
        place = m.group("place")
        letters = [c for c in place if c.isalpha()]
        all_caps = bool(letters) and all(c.isupper() for c in letters)
        if (all_caps and len(letters) >= 2) or m.group("agency"):
            if m.group("dash") == "-" and not m.group("agency") and not all_caps:
                return None
            return m
    return None


# --------------------------------------------------------------------------------------------
# Sentence splitting
# --------------------------------------------------------------------------------------------

_ALWAYS_ABBR = _words(
    "mr mrs ms dr prof st gen lt col maj capt sgt cpl adm rev hon sen rep gov pres supt messrs "
    "mt ft ave blvd vs v cf e.g i.e eg ie approx dept est jan feb mar apr jun jul aug sep sept "
    "oct nov dec tp ths ts pgs gs bs ks th.s mme mlle sr.a"
)
_NUM_ABBR = _words("no nos p pp vol art fig ch sec tr para op")
_AMBIG_ABBR = _words("inc ltd co corp jr sr etc a.m p.m am pm bros plc llc jsc")
_STARTERS = _words(
    "the a an he she it they we i you this that these those his her their its our in on at "
    "but and however meanwhile also according after before during while when if as for with "
    "there both mr ms mrs dr prof other some many "
    "earlier later then thus so yet since on"
)
#: Longest sentence the extractors see; real ones stay far below (the seeds' longest is 751).
MAX_SENTENCE = 2000
#: How far back from a full stop an abbreviation is looked for ("Messrs", "U.S.A").
_TOKEN_REACH = 64
_TOKEN_BEFORE = re.compile(r"[^\s(\"“‘'\[]+$")
_NEXT_WORD = re.compile(r"\s*(\S*)")
_END_PUNCT = re.compile(r"(?:\.{2,}|…|[.!?])+[\"'”’»)\]]*(?=\s|$)")


def _is_boundary(text: str, m: re.Match[str], next_word: str) -> bool:
    punct = m.group(0)
    if not next_word:
        return True
    first = next_word[0]
    if not (first.isupper() or first.isdigit() or first in "\"“‘«(['"):
        return False
    core = punct.rstrip("\"'”’»)]")
    if core != ".":
        return True
    # Only the token right before the stop matters; look back a bounded window so that a
    # long run of stops costs linear time (abbreviations are far shorter than the window).
    lo = max(0, m.start() - _TOKEN_REACH)
    tm = _TOKEN_BEFORE.search(text, lo, m.start())
    if tm is None:
        return True
    if tm.start() == lo and lo > 0 and _TOKEN_BEFORE.match(text, lo - 1, lo):
        return True  # a token longer than any abbreviation
    tok = tm.group(0)
    tok_l = tok.lower()
    if len(tok) == 1 and tok.isalpha() and tok.isupper():
        return False  # an initial: "George W. Bush"
    if tok_l in _ALWAYS_ABBR:
        return False
    if tok_l in _NUM_ABBR and first.isdigit():
        return False
    bare_word = re.sub(r"[\"“”'’]", "", next_word).lower()
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", tok) or tok_l in _AMBIG_ABBR:
        return bare_word in _STARTERS
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentence spans (absolute offsets, whitespace-trimmed)."""
    stop = len(text) if end is None else end
    segment = text[start:stop]
    cuts: list[int] = [0]
    for m in _END_PUNCT.finditer(segment):
        nw = _NEXT_WORD.match(segment, m.end())
        next_word = nw.group(1) if nw else ""
        if _is_boundary(segment, m, next_word):
            cuts.append(m.end())
    cuts.append(len(segment))
    spans: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(cuts):
        while a < b and segment[a].isspace():
            a += 1
        while b > a and segment[b - 1].isspace():
            b -= 1
        for x, y in _bounded(segment, a, b):
            if any(c.isalnum() for c in segment[x:y]):
                spans.append((start + x, start + y))
    return spans


def _bounded(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut a run with no sentence break longer than ``MAX_SENTENCE`` into chunks (at the
    last space that keeps each chunk in bounds, else hard), so no later step that is
    quadratic in one sentence can be made slow by a text that never stops."""
    out: list[tuple[int, int]] = []
    while b - a > MAX_SENTENCE:
        limit = a + MAX_SENTENCE
        cut = max(text.rfind(" ", a + MAX_SENTENCE // 2, limit), -1)
        cut = cut if cut > a else limit
        end = cut
        while end > a and text[end - 1].isspace():
            end -= 1
        if end > a:
            out.append((a, end))
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if a < b:
        out.append((a, b))
    return out


# --------------------------------------------------------------------------------------------
# parse_article
# --------------------------------------------------------------------------------------------


def parse_article(text: str, language: Language | None = None) -> ParsedArticle:
    """Locate the article proper, its metadata and its sentences.

    Header: an optional leading ``date YYYY-MM-DD`` prefix (the article may continue on the
    same line), then breadcrumbs, a headline, a timestamp line, a lead and photo captions.
    When an all-caps dateline paragraph ("HÀ NỘI — ...") appears near the top, the body
    starts there and everything before it is header; otherwise the body starts after the
    headline. The body ends at the first "related news" style marker, social-icon line,
    outlet signature line, interview closing, or agency sign-off ("... — VNS").
    """
    published_on: date | None = None
    pos = 0
    hm = _DATE_HEADER.match(text)
    if hm:
        try:
            published_on = date(int(hm.group(1)), int(hm.group(2)), int(hm.group(3)))
        except ValueError:
            published_on = None
        pos = hm.end()

    lines = _lines(text, pos)
    published_at: datetime | None = None
    for ln in lines[:12]:
        if ln.kind == "timestamp":
            when = _parse_timestamp(ln.text)[1]
            if when is not None:
                published_at = when
                break

    # Where does the body start?
    nonblank = [i for i, ln in enumerate(lines) if ln.kind != "blank"]
    body_first: int | None = None
    dateline: str | None = None
    dateline_span: tuple[int, int] | None = None
    dateline_cut = 0  # characters of the first body line taken by the dateline
    for i in nonblank[:8]:
        ln = lines[i]
        if ln.kind != "content":
            continue
        dm = _match_dateline(ln.text)
        am = None if dm else _AGENCY_ONLY_DATELINE.match(ln.text)
        if dm or am:
            body_first = i
            match = dm or am
            assert match is not None
            dateline_cut = match.end()
            dateline_span = (ln.start, ln.start + match.end())
            if dm:
                place = dm.group("place")
                dateline = place.strip()
            break

    title: str | None = None
    title_span: tuple[int, int] | None = None
    content_idx = [i for i in nonblank if lines[i].kind == "content"]
    limit = body_first if body_first is not None else len(lines)
    for i in content_idx:
        if i >= limit:
            break
        if _title_like(lines[i].text) and any(j > i for j in content_idx):
            title = lines[i].text
            title_span = (lines[i].start, lines[i].end)
            if body_first is None:
                later = [j for j in content_idx if j > i]
                body_first = later[0] if later else None
        break
    if body_first is None:
        body_first = content_idx[0] if content_idx else None

    sentences: list[Sentence] = []
    if body_first is None:
        return ParsedArticle(
            text=text,
            language=language or detect_language(text),
            language_detected=language is None,
            published_on=published_on,
            title=title,
            dateline=dateline,
            body_span=(pos, pos),
            sentences=[],
            published_at_text=published_at,
            title_span=title_span,
            dateline_span=dateline_span,
        )

    body_start = lines[body_first].start
    body_end = body_start
    paragraph = 0
    prev_text: str | None = None
    for i in range(body_first, len(lines)):
        ln = lines[i]
        kind = ln.kind
        if kind in {"tail", "social"}:
            break
        if kind == "signature":
            break
        if kind in {"blank", "nav", "timestamp", "caption", "inline"}:
            continue
        if ln.text == prev_text:
            continue  # the same caption or headline printed twice
        prev_text = ln.text
        a = ln.start + (dateline_cut if i == body_first else 0)
        b = ln.end
        so = _SIGN_OFF.search(text, a, b)
        content_end = so.start() if so else b
        spans = split_sentences(text, a, content_end)
        for s, e in spans:
            sentences.append(Sentence(len(sentences), (s, e), text[s:e], paragraph))
        if spans:
            paragraph += 1
        body_end = b
        if kind == "closing" or so is not None:
            break

    body_text = " ".join(s.text for s in sentences)
    lang = language or detect_language(body_text or text)
    return ParsedArticle(
        text=text,
        language=lang,
        language_detected=language is None,
        published_on=published_on,
        title=title,
        dateline=dateline,
        body_span=(body_start, max(body_start, body_end)),
        sentences=sentences,
        published_at_text=published_at,
        title_span=title_span,
        dateline_span=dateline_span,
    )
