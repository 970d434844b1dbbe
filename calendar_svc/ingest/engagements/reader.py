"""One sentence as the engagement reader sees it: its people and places, the mentions that may
be the principal or a host (names, short forms, pronouns, role phrases, a country's side: step
6 of the package's reading), and the small steps every stage shares (trimming a span, the kind
its cue words name). Apart so that the stages (:mod:`.verbs`, :mod:`.actor`, :mod:`.hosted`,
:mod:`.items`) share one reading of the sentence instead of each finding people again.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from calendar_svc.domain.language import Language
from calendar_svc.domain.values import EngagementKind
from calendar_svc.ingest.lexicon import LEXICONS, Lexicon
from calendar_svc.ingest.lexicon.engagements import ENGAGEMENT_LEXICONS, EngagementLexicon
from calendar_svc.ingest.lexicon.verbs import Verb
from calendar_svc.ingest.people import Person, find_people
from calendar_svc.ingest.places import PlaceMention, find_places
from calendar_svc.reference.countries import demonym_country

K = EngagementKind

# A side named by its country: "the Russian side", "phía Nga", "người đồng cấp Kazakhstan"
# (the country follows the Vietnamese forms, see `Reader._country_at`).
_EN_SIDE = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w’'-]*\s+){1,2})side\b(?!['’]s)")
_VI_SIDE = re.compile(r"(?<!\w)(?:[Pp]hía|[Nn]gười đồng cấp)(?!\w)")
_ROLE_WORD = re.compile(r"[A-Z][\w’'-]*")
#: a phone or video call: no engagement in person
REMOTE = re.compile(
    r"\b(?:phone|telephone|video|online|virtual)\b|(?<!\w)(?:điện đàm|trực tuyến)(?!\w)",
    re.IGNORECASE,
)
_SPOUSE_TITLE = re.compile(r"spouse|wife|husband|phu nhân|phu quân", re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerbHit:
    verb: Verb
    start: int
    end: int


@dataclass
class Item:
    start: int
    end: int
    hit: VerbHit
    first: bool  # the first item after its verb (its span then starts at the verb)
    kind: EngagementKind | None = None
    header: bool = False
    person: Person | None = None


@dataclass(frozen=True)
class Mention:
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


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def norm(s: str) -> str:
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
        name = norm(raw)
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
    n = norm(name)
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


def capitalise(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _mask(text: str, start: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` (which starts at ``start`` in the sentence) with ``spans`` blanked out."""
    chars = list(text)
    for a, b in spans:
        for i in range(max(a - start, 0), min(b - start, len(chars))):
            chars[i] = " "
    return "".join(chars)


class Reader:
    """Everything the engagement reader needs about one sentence."""

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
        self.cues: EngagementLexicon = ENGAGEMENT_LEXICONS[lang]
        self.full = [norm(n) for n in principal_names if isinstance(n, str) and norm(n)]
        self.forms = _principal_forms(self.full)
        self.country = principal_country
        self.people = [p for p in find_people(sentence, lang) if p.span[0] < p.span[1]]

    @functools.cached_property
    def places(self) -> list[PlaceMention]:
        return [pm for pm in find_places(self.s, self.lang) if pm.span[0] < pm.span[1]]

    @functools.cached_property
    def mentions(self) -> list[Mention]:
        return self._mentions()

    # -- people ------------------------------------------------------------------------------

    def is_principal(self, p: Person) -> bool:
        return _is_principal_name(p.name, self.forms, self.full)

    def is_other(self, p: Person) -> bool:
        """A named person who is neither the principal nor a spouse."""
        if not p.is_named or self.is_principal(p):
            return False
        return not (p.title and _SPOUSE_TITLE.search(p.title))

    def _mentions(self) -> list[Mention]:
        """People mentions (principal or not), bare name forms, pronouns and role phrases."""
        out: list[Mention] = []
        taken: list[tuple[int, int]] = []
        self._named_mentions(out, taken)
        for a, b, code in self._sides():
            if not any(overlaps((a, b), t) for t in taken):
                out.append(self._side_mention(a, b, code, legacy=False))
                taken.append((a, b))
        self._role_mentions(out, taken)
        out.sort(key=lambda x: x.start)
        return out

    def _named_mentions(self, out: list[Mention], taken: list[tuple[int, int]]) -> None:
        """Named people (the principal's bare name forms too), added to `out`/`taken`."""
        for p in self.people:
            if not p.is_named or (p.title and _SPOUSE_TITLE.search(p.title)):
                continue
            ours = self.is_principal(p)
            out.append(Mention(p.span[0], p.span[1], ours, p, host=not ours))
            taken.append(p.span)
        if self.forms:
            alt = "|".join(re.escape(f) for f in self.forms)
            for m in re.finditer(r"(?<![^\W_])(?:" + alt + r")(?![^\W_])", self.s):
                if not any(overlaps((m.start(), m.end()), t) for t in taken):
                    out.append(Mention(m.start(), m.end(), True, None))
                    taken.append((m.start(), m.end()))

    def _sides(self) -> list[tuple[int, int, str]]:
        """Phrases naming a country's side ("the Vietnamese side", "phía Nhật Bản")."""
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
        return sides

    def _role_mentions(self, out: list[Mention], taken: list[tuple[int, int]]) -> None:
        """Role phrases with no name after them ("the Russian leader", "Tổng thống Nga")."""
        for m in self.cues.role.finditer(self.s):
            span = (m.start(), m.end())
            if any(overlaps(span, t) for t in taken):
                continue
            if self._role_names_someone(m.end()):
                # "Tổng thống Nga" with no name after it: the Russian side.
                country = self._country_at(m.end()) if self.lang == "vi" else None
                if country is not None:
                    b = country.span[1]
                    if not any(overlaps((m.start(), b), t) for t in taken):
                        side = country.place.country_code
                        out.append(self._side_mention(m.start(), b, side, legacy=False))
                        taken.append((m.start(), b))
                continue
            code = self._side_code(m.start(), m.end()) if self.lang == "en" else None
            if code is not None:
                out.append(self._side_mention(m.start(), m.end(), code, legacy=True))
            else:
                out.append(Mention(m.start(), m.end(), True, None))
            taken.append(span)

    def _side_mention(self, a: int, b: int, code: str, legacy: bool) -> Mention:
        """A role phrase naming a country. Ours when the principal's country is known and
        the same, another side's when known and different; unknown, a role phrase counts
        as the principal only where it always did (English "the Russian leader")."""
        if self.country is None:
            return Mention(a, b, legacy, None, side=code, host=False, sure=False)
        ours = code == self.country
        return Mention(a, b, ours, None, side=code, host=not ours, sure=ours)

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
            if pm.place.kind == "country" and inside(pm.span, (a, b)):
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

    # -- spans -------------------------------------------------------------------------------

    def region_end(self, start: int, limit: int) -> tuple[int, int]:
        """Where a verb's object ends (before a participial tail), and where the tail ends."""
        text = self.s[start:limit]
        m = self.cues.tail.search(text)
        if m is None:
            return limit, limit
        return start + m.start(), limit

    def trim(self, a: int, b: int) -> tuple[int, int]:
        """The span without the joining words and punctuation at its ends."""
        text = self.s[a:b]
        lead = self.cues.leading_junk.match(text)
        if lead:
            a += lead.end()
            text = text[lead.end() :]
        trail = self.cues.trailing_junk.search(text)
        if trail:
            b -= len(text) - trail.start()
        return a, b

    def cue_kind(self, a: int, b: int) -> EngagementKind | None:
        """The kind named by the earliest cue word of an item (people's titles masked)."""
        text = _mask(self.s[a:b], a, [p.span for p in self.people])
        found: list[tuple[int, int, int, EngagementKind]] = []
        tables = (*self.lex.engagements, *self.cues.extra_cues)
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
        return [p for p in self.people if inside(p.span, (a, b)) and self.is_other(p)]
