"""Article parsing: find the article proper inside a scraped page and split it into sentences.

Every span in the result indexes into the original text, byte-for-byte as received, so each
fact extracted later can be traced back to the exact characters that stated it. Nothing here
downloads models or depends on the network: the heuristics are plain regular expressions over
what Vietnamese and English news pages actually look like (date header, breadcrumbs, captions,
datelines, agency sign-offs and "related news" tails); what each line of the page is, is told
by :mod:`calendar_svc.ingest.page`.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

import msgspec

from calendar_svc.domain.language import Language
from calendar_svc.ingest.page import (
    AGENCY_ONLY_DATELINE,
    SIGN_OFF,
    Line,
    dateline_place,
    match_dateline,
    page_lines,
    parse_timestamp,
    title_like,
)

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
    if len(tok) == 1 and tok.isalpha() and tok.isupper() and tok.isascii():
        return False  # an initial: "George W. Bush" ("châu Á.", "thăm Ý." end sentences)
    # "Nov. 30-Dec. 2": the abbreviation after a range's dash
    if tok_l in _ALWAYS_ABBR or re.split(r"[-–—/]", tok_l)[-1] in _ALWAYS_ABBR:
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

_DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})(?!\d)[ \t]*")


@dataclass(frozen=True)
class _Dateline:
    """The dateline opening the body's first line."""

    line: int  # the index of that line
    place: str | None  # None for an agency alone ("(VNA) — ...")
    span: tuple[int, int]
    cut: int  # characters of the line the dateline takes


@dataclass(frozen=True)
class _Header:
    """What the page says about the article before its body."""

    published_on: date | None
    published_at: datetime | None
    title: str | None
    title_span: tuple[int, int] | None
    dateline: _Dateline | None


def parse_article(text: str, language: Language | None = None) -> ParsedArticle:
    """Locate the article proper, its metadata and its sentences.

    Header: an optional leading ``date YYYY-MM-DD`` prefix (the article may continue on the
    same line), then breadcrumbs, a headline, a timestamp line, a lead and photo captions.
    When an all-caps dateline paragraph ("HÀ NỘI — ...") appears near the top, the body
    starts there and everything before it is header; otherwise the body starts after the
    headline. The body ends at the first "related news" style marker, social-icon line,
    outlet signature line, interview closing, or agency sign-off ("... — VNS").
    """
    published_on, pos = _date_header(text)
    lines = page_lines(text, pos)
    nonblank = [i for i, ln in enumerate(lines) if ln.kind != "blank"]
    dateline = _find_dateline(lines, nonblank)
    title, title_span, body_first = _find_title(
        lines, nonblank, dateline.line if dateline is not None else None
    )
    header = _Header(published_on, _published_at(lines), title, title_span, dateline)
    if body_first is None:
        lang = language or detect_language(text)
        return _article(text, language, lang, header, (pos, pos), [])
    cut = dateline.cut if dateline is not None else 0
    sentences, body_end = _body_sentences(text, lines, body_first, cut)
    body_start = lines[body_first].start
    body_text = " ".join(s.text for s in sentences)
    lang = language or detect_language(body_text or text)
    body_span = (body_start, max(body_start, body_end))
    return _article(text, language, lang, header, body_span, sentences)


def _date_header(text: str) -> tuple[date | None, int]:
    """The date of a leading ``date YYYY-MM-DD`` prefix, and where the page goes on."""
    hm = _DATE_HEADER.match(text)
    if not hm:
        return None, 0
    try:
        published_on: date | None = date(int(hm.group(1)), int(hm.group(2)), int(hm.group(3)))
    except ValueError:
        published_on = None
    return published_on, hm.end()


def _published_at(lines: list[Line]) -> datetime | None:
    """The time of day of the first timestamp line near the top that has one."""
    for ln in lines[:12]:
        if ln.kind == "timestamp":
            when = parse_timestamp(ln.text)[1]
            if when is not None:
                return when
    return None


def _find_dateline(lines: list[Line], nonblank: list[int]) -> _Dateline | None:
    """A dateline near the top: the body starts at its line."""
    for i in nonblank[:8]:
        ln = lines[i]
        if ln.kind != "content":
            continue
        dm = match_dateline(ln.text)
        match = dm or AGENCY_ONLY_DATELINE.match(ln.text)
        if match is not None:
            place = dateline_place(dm) if dm else None
            return _Dateline(i, place, (ln.start, ln.start + match.end()), match.end())
    return None


def _find_title(
    lines: list[Line], nonblank: list[int], body_first: int | None
) -> tuple[str | None, tuple[int, int] | None, int | None]:
    """The headline (the first content line, when it looks like one and more content
    follows) and the body's first line: after the headline unless a dateline said."""
    title: str | None = None
    title_span: tuple[int, int] | None = None
    content_idx = [i for i in nonblank if lines[i].kind == "content"]
    limit = body_first if body_first is not None else len(lines)
    for i in content_idx:
        if i >= limit:
            break
        if title_like(lines[i].text) and any(j > i for j in content_idx):
            title = lines[i].text
            title_span = (lines[i].start, lines[i].end)
            if body_first is None:
                later = [j for j in content_idx if j > i]
                body_first = later[0] if later else None
        break
    if body_first is None:
        body_first = content_idx[0] if content_idx else None
    return title, title_span, body_first


def _body_sentences(
    text: str, lines: list[Line], body_first: int, dateline_cut: int
) -> tuple[list[Sentence], int]:
    """The body's sentences, from ``body_first`` to the first line that ends the article,
    and where the body ends."""
    sentences: list[Sentence] = []
    body_end = lines[body_first].start
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
        so = SIGN_OFF.search(text, a, b)
        content_end = so.start() if so else b
        spans = split_sentences(text, a, content_end)
        for s, e in spans:
            sentences.append(Sentence(len(sentences), (s, e), text[s:e], paragraph))
        if spans:
            paragraph += 1
        body_end = b
        if kind == "closing" or so is not None:
            break
    return sentences, body_end


def _article(
    text: str,
    language: Language | None,
    lang: Language,
    header: _Header,
    body_span: tuple[int, int],
    sentences: list[Sentence],
) -> ParsedArticle:
    dateline = header.dateline
    return ParsedArticle(
        text=text,
        language=lang,
        language_detected=language is None,
        published_on=header.published_on,
        title=header.title,
        dateline=dateline.place if dateline is not None else None,
        body_span=body_span,
        sentences=sentences,
        published_at_text=header.published_at,
        title_span=header.title_span,
        dateline_span=dateline.span if dateline is not None else None,
    )
