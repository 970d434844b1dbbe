"""Resolving a name one holds: a whole name, a country or a capital to its Place.

Apart from `scan` because these answer a caller that already holds a name ("Liên bang
Nga", "the Kremlin", a country code), not a text to search.
"""

from __future__ import annotations

from calendar_svc.domain.language import Language
from calendar_svc.ingest.places.index import index, tokens
from calendar_svc.ingest.places.place import Place
from calendar_svc.ingest.places.scan import check_language, prepare, scan
from calendar_svc.reference.orthography import nfc


def preload() -> None:
    """Build the tables now (about 0.6 s, mostly GeoNames) instead of on first use."""
    index()


def country(code: str) -> Place:
    """The country Place for an ISO code; KeyError if unknown."""
    return index().countries[code.strip().upper()]


def capital(code: str) -> Place | None:
    """The capital city of a country, or None when GeoNames has none (Antarctica)."""
    idx = index()
    code = code.strip().upper()
    if code not in idx.countries:
        raise KeyError(code)
    return idx.capitals.get(code)


def lookup(name: str, lang: Language) -> Place | None:
    """Resolve a whole name ("Liên bang Nga", "the Kremlin", "moscow") to a Place."""
    check_language(lang)
    s = " ".join(nfc(name).split())
    if s[:4].casefold() == "the " and not _lookup_whole(s, lang):
        s = s[4:]
    return _lookup_whole(s, lang) or _lookup_folded(s)


def _lookup_whole(s: str, lang: Language) -> Place | None:
    if not s:
        return None
    t = prepare(s)
    spans = list(scan(t, lang, strict=False))
    if len(spans) == 1 and spans[0][0] == 0 and spans[0][1] == len(t.toks):
        return spans[0][2].place  # None for context landmarks: no context here
    return None


def _lookup_folded(s: str) -> Place | None:
    hit = index().folded.get(tuple(t.casefold() for t in tokens(s)))
    return hit.place if hit else None
