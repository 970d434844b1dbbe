"""Finding places in text: the longest indexed name at each token, and the rules that
keep a word that merely looks like a place out.

Language choice: both the English and the Vietnamese tables are consulted for either
``lang``, because Vietnamese outlets write "Kazakhstan" and "Belarus" and English ones
write "Hà Nội" and "Việt Nam". ``lang`` only matters for the short Vietnamese country
names that double as given names ("Nga", "Anh", "Đức", "Mỹ"...): they are ignored in
English text, where they are almost always part of a person's name. A leading "the" is
never part of a mention ("the Kremlin" -> "Kremlin"), except in names that carry it
("The Hague"). Scanning a 20 KB article takes about 7 ms.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from calendar_svc.domain.language import LANGUAGES, Language
from calendar_svc.ingest.budget import check
from calendar_svc.ingest.places.airports import airport_mentions
from calendar_svc.ingest.places.index import PRI_CITY, Hit, Index, index, key
from calendar_svc.ingest.places.place import Place, PlaceMention
from calendar_svc.ingest.places.tables import SENTENCE_START_SENSITIVE
from calendar_svc.reference.countries import demonym_country


@dataclass(frozen=True)
class Text:
    """NFC text, its tokens, and a map back to offsets in the caller's string."""

    norm: str
    starts: list[int]
    ends: list[int]
    toks: list[str]
    low: list[str]  # case-folded tokens
    joins: list[bool]  # token i is followed by token i+1 on the same line
    to_orig: list[int] | None  # offset in norm -> offset in original; None if same


def prepare(text: str) -> Text:
    """The text as `scan` reads it: NFC tokens, with offsets back into ``text``."""
    norm = unicodedata.normalize("NFC", text)
    to_orig: list[int] | None = None
    if norm != text:
        # Normalise cluster by cluster (a base char and its combining marks) so that
        # every normalised offset maps back to the start of its cluster.
        parts: list[str] = []
        to_orig = []
        i = 0
        while i < len(text):
            j = i + 1
            while j < len(text) and unicodedata.combining(text[j]):
                j += 1
            piece = unicodedata.normalize("NFC", text[i:j])
            parts.append(piece)
            to_orig.extend([i] * len(piece))
            i = j
        norm = "".join(parts)
        to_orig.append(len(text))
    # split() alternates gap, token, gap, ..., gap; offsets are running lengths.
    parts = _SPLIT_RE.split(norm)
    offsets = list(itertools.accumulate(map(len, parts)))
    toks = parts[1::2]
    joins = [_NEWLINE_RE.search(gap) is None for gap in parts[2:-1:2]]
    joins.append(False)
    low = [w.casefold() for w in toks]
    return Text(norm, offsets[0::2], offsets[1::2], toks, low, joins, to_orig)


_SPLIT_RE = re.compile(r"(\w+|[^\w\s])")
_NEWLINE_RE = re.compile(r"[\n\r\u2028\u2029]")
#: Tokens after which a short name stands at the start of a sentence or clause.
_SENTENCE_END = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "—", "–", "-", "(", "«"})


def _lookup_at(idx: Index, t: Text, i: int) -> tuple[int, Hit] | None:
    """Longest direct name starting at token i: (end token index, hit)."""
    first = t.toks[i]
    n_max = min(idx.first_max.get(first, 0), len(t.toks) - i)
    n = 1
    while n < n_max and t.joins[i + n - 1]:
        n += 1
    for length in range(n, 0, -1):
        hit = idx.exact.get((first, *t.low[i + 1 : i + length]))
        if hit is None:
            window = t.toks[i : i + length]
            if all(w.upper() == w for w in window):
                hit = idx.caps.get(tuple(window))
        if hit is not None:
            return i + length, hit
    return None


def _match_prefix(t: Text, i: int, prefixes: list[tuple[str, ...]]) -> int | None:
    """If one of the (case-folded) prefixes starts at token i on one line, return the
    token index just after the longest one."""
    best: int | None = None
    for p in prefixes:
        end = i + len(p)
        if end >= len(t.toks) or not all(t.joins[i:end]):
            continue
        if all(w.casefold() == q for w, q in zip(t.toks[i:end], p, strict=True)):
            best = end if best is None else max(best, end)
    return best


def _accept_short_vi(t: Text, i: int, lang: Language, name: str) -> bool:
    """Context rules for short Vietnamese names that double as given names."""
    if lang == "en":
        return False
    if i > 0 and t.joins[i - 1]:
        prev = t.toks[i - 1]
        if prev[:1].isupper() and prev.isalpha():
            return False  # "Thúy Nga", "Tuấn Anh": part of a person's name
    if name in SENTENCE_START_SENSITIVE:
        at_start = i == 0 or not t.joins[i - 1] or t.toks[i - 1] in _SENTENCE_END
        nxt = t.toks[i + 1] if i + 1 < len(t.toks) and t.joins[i] else ""
        if at_start and nxt[:1].islower():
            return False
    return True


def _prefixed_match(idx: Index, t: Text, i: int) -> tuple[int, Hit] | None:
    """Prefix patterns: "Cộng hòa X", "Republic of (the) X", "TP Hồ Chí Minh"."""
    if not t.toks[i][:1].isupper() and t.toks[i] != "thành":  # lower-case "thành phố X"
        return None
    best: tuple[int, Hit] | None = None
    first = t.toks[i].casefold()
    for kind, table in (("country", idx.country_prefixes), ("city", idx.city_prefixes)):
        j = _match_prefix(t, i, table.get(first, []))
        if j is None or not t.joins[j - 1]:
            continue
        if kind == "country" and t.toks[j] in ("the", "THE") and t.joins[j]:
            j += 1
        cand: tuple[int, Hit] | None = None
        inner = _lookup_at(idx, t, j)
        if inner and inner[1].place is not None and inner[1].place.kind == kind:
            cand = (inner[0], Hit(inner[1].place, inner[1].priority))
        elif kind == "city":
            for length in range(min(3, len(t.toks) - j), 0, -1):
                k = key(t.toks[j : j + length])
                if k in idx.prefix_only and all(t.joins[j : j + length - 1]):
                    cand = (j + length, Hit(idx.prefix_only[k], PRI_CITY))
                    break
        if cand and (best is None or cand[0] > best[0]):
            best = cand
    return best


def scan(t: Text, lang: Language, strict: bool = True) -> Iterator[tuple[int, int, Hit]]:
    """Yield (start token, end token, hit) for every non-overlapping longest match."""
    idx = index()
    i = 0
    n = len(t.toks)
    while i < n:
        if t.toks[i] not in idx.first_tokens:
            i += 1
            continue
        check()
        best = _lookup_at(idx, t, i)
        pre = _prefixed_match(idx, t, i)
        if pre and (best is None or pre[0] > best[0]):
            best = pre
        if best is None:
            i += 1
            continue
        end, hit = best
        if hit.ambiguous_vi and strict and not _accept_short_vi(t, i, lang, t.toks[i]):
            i += 1
            continue
        yield i, end, hit
        i = end


def _resolve_context(spans: list[tuple[int, int, Hit]], t: Text) -> list[tuple[int, int, Place]]:
    """Resolve context landmarks against other mentions on the same line."""
    out: list[tuple[int, int, Place]] = []
    line_of = [t.norm.count("\n", 0, t.starts[s]) for s, _, _ in spans]
    for k, (s, e, hit) in enumerate(spans):
        if hit.place is not None:
            out.append((s, e, hit.place))
            continue
        if not hit.context:
            continue  # a NOT_PLACES phrase
        best: tuple[int, Place] | None = None
        for m, (s2, _e2, h2) in enumerate(spans):
            p2 = h2.place
            if m == k or p2 is None or line_of[m] != line_of[k]:
                continue
            for cand in hit.context:
                if p2.kind == "country":
                    same = [c for c in hit.context if c.country_code == p2.country_code]
                    ok = same == [cand]
                else:
                    ok = cand.city in (p2.name, p2.city) and cand.country_code == p2.country_code
                if ok and (best is None or abs(s2 - s) < best[0]):
                    best = (abs(s2 - s), cand)
        if best is not None:
            out.append((s, e, best[1]))
    return out


def find_places(text: str, lang: Language) -> list[PlaceMention]:
    """Every place named in ``text``, sorted by start, non-overlapping, longest first.

    Context landmarks ("Tomb of the Unknown Soldier") are reported only when the same
    line names their city or country; short Vietnamese names ("Nga", "Anh") only in
    ``lang="vi"`` and not when they follow a capitalised word (a person's name).
    """
    check_language(lang)
    t = prepare(text)
    spans = _resolve_context(list(scan(t, lang)), t)
    out = []
    for s, e, place in spans:
        a, b = t.starts[s], t.ends[e - 1]
        if t.to_orig is not None:
            a, b = t.to_orig[a], t.to_orig[b]
        if place.kind == "country" and _names_a_sea(text, a, b):
            continue  # "Ấn Độ Dương", "the Sea of Japan", "South China Sea": water, not a leg
        if place.kind == "country" and _names_an_airline(text, a, b):
            continue  # "on an Air China jet", "Vietnam Airlines": the carrier, not a leg
        if _NAMES_A_BODY_AFTER.match(text, b) or _NAMES_A_BODY_BEFORE.search(text, 0, a):
            continue  # "Shanghai Cooperation Organisation", "Tổ chức Hợp tác Thượng Hải"
        if text[b : b + 1] == "+" or text[b : b + 4] == "Plus":
            continue  # "TTXVN/Vietnam+", "VietnamPlus": a news outlet
        if place.kind == "country" and _WORD_AFTER_NHAT.match(text, b) and text[a:b] == "Nhật":
            continue  # "Nhân dân Nhật báo" (a daily), "nhật ký": a word, not Japan
        if text[a:b] == "Mỹ" and (_LATIN.match(text, b) or _CONTINENT_BEFORE.search(text, 0, a)):
            continue  # "Mỹ Latinh", "Nam Mỹ", "châu Mỹ": a part of the world, not the US
        if place.kind == "city" and _OF_A_COUNTRY.match(text, b):
            continue  # "Xan-ti-a-gô đơ Cu-ba": a city of the country named next, not Santiago
        if place.kind == "city" and (
            _BUILDING_AFTER.match(text, b) or _BUILDING_BEFORE.search(text, max(0, a - 20), a)
        ):
            continue  # "Belem Palace" (in Lisbon), "Dinh Belem": a palace's name, not the city
        out.append(PlaceMention(place=place, span=(a, b), text=text[a:b]))
    if lang == "en":
        taken = [m.span for m in out]
        out += [m for m in _capitals_by_demonym(text) if not _overlaps(m.span, taken)]
    taken = [m.span for m in out]
    out += [m for m in airport_mentions(text) if not _overlaps(m.span, taken)]
    out.sort(key=lambda m: m.span)
    return out


#: Right after a city's name: "de", "đơ", "đê" and a country ("Santiago de Cuba", "Xan-ti-a-gô
#: đơ Cu-ba"): the whole is another city, in that country, which the country names.
_OF_A_COUNTRY = re.compile(r"\s+(?:de|đơ|đê)\s+(?=[A-ZĐ])")


#: A city's name as a palace's: "Belem Palace" stands in Lisbon, not in Belém, Brazil. Not a
#: castle's: "Prague Castle", "Lâu đài Praha" stand in their cities.
_BUILDING_AFTER = re.compile(r"\s+Palace\b")
_BUILDING_BEFORE = re.compile(r"(?<!\w)(?:[Cc]ung\s+điện|[Dd]inh)\s+$")


#: "in the Indonesian capital", "the Chinese capital": the wires' way of naming a capital.
_DEMONYM_CAPITAL = re.compile(r"\bthe\s+(?P<d>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+capital\b")


def _capitals_by_demonym(text: str) -> list[PlaceMention]:
    out = []
    for m in _DEMONYM_CAPITAL.finditer(text):
        code = demonym_country(m["d"])
        place = index().capitals.get(code) if code is not None else None
        if place is not None:
            a, b = m.start("d"), m.end()
            out.append(PlaceMention(place=place, span=(a, b), text=text[a:b]))
    return out


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < y and x < span[1] for x, y in taken)


#: A country's name inside the name of a sea, gulf or ocean (in either language).
_SEA_BEFORE = re.compile(
    r"(?:\b(?:[Bb]iển|[Vv]ịnh)|\b(?:Sea|Gulf|Bay) of(?: the)?|\bSouth|\bEast)\s+$"
)
_SEA_AFTER = re.compile(r"^(?:\s+(?:Sea|Ocean)\b|\s*Dương\b)")


#: A country's name inside an airline's ("Air China", "Air India", "Vietnam Airlines",
#: "Korean Air", "hãng hàng không Air China"): how the traveller flew, not where.
_AIRLINE_BEFORE = re.compile(r"\bAir\s+$")
_AIRLINE_AFTER = re.compile(r"^\s+(?:Airlines|Airways|Air(?!\s+(?:Force|Base)))\b")


#: A place in the name of an organisation: "Shanghai Cooperation Organisation", "Tổ chức
#: Hợp tác Thượng Hải", "Peking University", "Đại học Bắc Kinh".
_NAMES_A_BODY_AFTER = re.compile(r"\s+(?:Cooperation\s+Organi[sz]ation|University)\b")
_NAMES_A_BODY_BEFORE = re.compile(r"(?:Tổ\s+chức\s+Hợp\s+tác|Đại\s+học)\s+$")


#: "Mỹ" in the names of the Americas: "Mỹ Latinh" / "Mỹ La-tinh" (Latin America), "Nam Mỹ"
#: (South America), "Bắc Mỹ", "châu Mỹ".
_LATIN = re.compile(r"\s+La(?:tinh|-tinh|\s+tinh)(?!\w)", re.IGNORECASE)
_CONTINENT_BEFORE = re.compile(r"(?<!\w)(?:Nam|Bắc|[Cc]hâu)\s+$")


#: "Nhật" read as Japan only when no syllable makes it another word: "Nhật báo" is "daily".
_WORD_AFTER_NHAT = re.compile(r"\s+(?:báo|ký|kí|trình|thực)(?!\w)", re.IGNORECASE)


def _names_an_airline(text: str, start: int, end: int) -> bool:
    return bool(
        _AIRLINE_BEFORE.search(text[max(0, start - 5) : start])
        or _AIRLINE_AFTER.match(text[end : end + 10])
    )


def _names_a_sea(text: str, start: int, end: int) -> bool:
    before = _SEA_BEFORE.search(text[max(0, start - 16) : start])
    after = _SEA_AFTER.match(text[end : end + 8])
    if after is not None:
        return True
    # "South China Sea" / "East China Sea" need the sea after them; "biển Nhật Bản",
    # "Sea of Japan" are water whatever follows.
    return before is not None and before.group(0).strip() not in ("South", "East")


def check_language(lang: str) -> None:
    """Refuse a language the tables do not know, with a clear error."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected 'en' or 'vi'")
