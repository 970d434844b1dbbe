"""Titles: how a mention starts, and the English title it stands for.

People in diplomatic news are almost always introduced by a title ("President", "Tổng Bí
thư"); the per-language title tables are in `lexicon.people`, and this module turns them
into the patterns a mention is found by and the normalised English title it reports
("Bộ trưởng Bộ Ngoại giao" -> "Minister of Foreign Affairs"). Military ranks, which may
come between a title and a name in either language, are one table for both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from calendar_svc.domain.language import Language
from calendar_svc.ingest.lexicon.people import ENGLISH, PEOPLE_LEXICONS
from calendar_svc.reference.countries import written_names
from calendar_svc.reference.orthography import nfc

RANKS: tuple[tuple[str, str], ...] = (
    ("Senior Lieutenant General", "Senior Lieutenant General"),
    ("Lieutenant General", "Lieutenant General"),
    ("Major General", "Major General"),
    ("General", "General"),
    ("Admiral", "Admiral"),
    ("Colonel", "Colonel"),
    ("Đại tướng", "General"),
    ("Thượng tướng", "Senior Lieutenant General"),
    ("Trung tướng", "Lieutenant General"),
    ("Thiếu tướng", "Major General"),
    ("Đô đốc", "Admiral"),
)
_EN_PORTFOLIO_TITLES = {"Minister", "Deputy Minister", "Permanent Deputy Minister"}
#: Honorifics that come between a title and a name, as ranks do ("Prime Minister Datuk Seri
#: Ismail Sabri Yaakob", "Thủ tướng Dato' Sri Ismail Sabri"): read past, never part of the
#: name. Kept out of `TITLE_WORDS`: "Sri" alone is a name's ("Sri Mulyani").
HONORIFICS: tuple[str, ...] = (
    "Dato' Sri",
    "Dato’ Sri",
    "Dato' Seri",
    "Dato’ Seri",
    "Dato Sri",
    "Dato Seri",
    "Datuk Seri",
    "Datuk Sri",
    "Tan Sri",
    "Dato'",
    "Dato’",
    "Datuk",
    "Dr.",
    # Cambodia's: "Thủ tướng Samdech Techo Hun Sen", "Xam-đéc Tê-chô Hun Xen"
    "Samdech Akka Moha Sena Padei Techo",
    "Samdech Techo",
    "Samdech",
    "Xam-đéc Tê-chô",
    "Xam-đéc",
)


def _title_regex(entries: Iterable[tuple[str, str]]) -> re.Pattern[str]:
    forms = sorted({e[0] for e in entries}, key=len, reverse=True)
    alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(r"(?<![^\W_])(?:" + alt + r")(?![^\W_])", re.IGNORECASE)


#: A title of the language, anywhere ("President", "Tổng thống").
TITLE_RE: dict[Language, re.Pattern[str]] = {
    lang: _title_regex(lexicon.titles) for lang, lexicon in PEOPLE_LEXICONS.items()
}
RANK_RE = _title_regex(RANKS)
HONORIFIC_RE = _title_regex((h, h) for h in HONORIFICS)
#: Lower-cased title as written (either language) -> normalised English title.
TITLE_NORM: dict[str, str] = {
    nfc(k).lower(): v for lexicon in PEOPLE_LEXICONS.values() for k, v in lexicon.titles
}
RANK_NORM: dict[str, str] = {nfc(k).lower(): v for k, v in RANKS}
#: The words of English titles and ranks, lower-cased: never part of a personal name.
TITLE_WORDS = frozenset(
    w.lower()
    for k, _ in ENGLISH.titles + RANKS
    for w in k.split()
    if w[0].isupper() and w.lower() not in {"party", "state", "national"}
) | frozenset({"president", "minister", "chairman", "secretary", "premier"})


def title_forms(title: str, lang: Language) -> list[str]:
    """How a normalised title is written in a language ("President" -> "Tổng thống", ...)."""
    return [surface for surface, norm in PEOPLE_LEXICONS[lang].titles if norm == title]


def normalise_title(
    first_title: str, lang: Language, org: str | None
) -> tuple[str | None, str | None]:
    """The normalised title and the organisation or country left of what followed it:
    a portfolio joins the title ("Minister of Foreign Affairs"), a country stays apart."""
    key = nfc(re.sub(r"\s+", " ", first_title)).lower()
    title = TITLE_NORM.get(key)
    if title is None:
        return None, org
    if org is None:
        return title, None
    org_clean = re.sub(r"^(?:the|of)\s+", "", org, flags=re.IGNORECASE).strip()
    if lang == "vi":
        low = nfc(org_clean).lower()
        low = re.sub(r"^bộ\s+", "", low)
        portfolios = PEOPLE_LEXICONS[lang].portfolios
        if title in _EN_PORTFOLIO_TITLES and low in portfolios:
            return f"{title} of {portfolios[low]}", None
        if title == "Chairman" and nfc(org_clean) in written_names():
            return "President", org_clean
        return title, org_clean
    if title in _EN_PORTFOLIO_TITLES:
        country = None
        m = re.match(r"(.+?)\s+of\s+(?:the\s+)?(.+)$", org_clean)
        portfolio = org_clean
        if m and nfc(m.group(2)) in written_names():
            portfolio, country = m.group(1), m.group(2)
        return f"{title} of {portfolio}", country
    if title in {"Chairman", "President", "Speaker"} and re.match(
        r"national assembly\b", org_clean, re.IGNORECASE
    ):
        rest = re.sub(r"^national assembly(?:\s+of\s+(?:the\s+)?)?", "", org_clean, flags=re.I)
        return "Chairman of the National Assembly", rest or org_clean
    return title, org_clean
