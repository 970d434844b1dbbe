"""The place index: every name a place is written with, keyed by its tokens.

Matching is token based: a name is NFC-normalised and split into word tokens and single
punctuation marks, and looked up in one dictionary keyed by token tuples. That gives
word boundaries for free ("Nga" never matches inside "Ngày") and makes "longest match
wins" a simple loop (see `scan`). The index is built once, lazily, on first use (see
`preload`), from the sources in turn: the countries of `reference.countries` with their
capitals, the press's country forms, GeoNames' big cities and the venues and forms of
`tables`, then airports, landmarks and the phrases that block a short name.

Case: a name's first word must be capitalised as in the tables ("Nga", not "nga"); later
words may differ in case ("Liên Bang Nga"). ALL-CAPS runs such as the datelines "HÀ NỘI
—" and "MOSCOW —" match the upper-cased names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from calendar_svc.ingest.places.cities import Cities
from calendar_svc.ingest.places.place import Kind, Place
from calendar_svc.ingest.places.tables import (
    CITY_FORMS,
    CITY_MIN_POPULATION,
    CITY_PREFIXES,
    CITY_STOPLIST,
    CONTEXT_SITES,
    COUNTRY_PREFIXES,
    NOT_PLACES,
    PREFIX_ONLY_CITIES,
    SITES,
    UNMARKED_VI_NAMES,
    VENUE_CITIES,
)
from calendar_svc.reference import countries, geography
from calendar_svc.reference.geography import Record
from calendar_svc.reference.orthography import (
    fold,
    is_vietnamese,
    nfc,
    run_together,
    tone_variants,
)

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")

# Priority when two sources give the same name: explicit sites, then countries, then
# capitals, then other cities; blockers (NOT_PLACES) are strongest of all.
PRI_BLOCK, PRI_SITE, PRI_COUNTRY, PRI_CAPITAL, PRI_CITY = 5, 4, 3, 2, 1


def tokens(name: str) -> tuple[str, ...]:
    """The name's word tokens and punctuation marks, NFC."""
    return tuple(_TOKEN_RE.findall(nfc(name)))


def key(toks: Iterable[str]) -> tuple[str, ...]:
    """Index key: first token exact (so names must be capitalised), rest case-folded."""
    it = iter(toks)
    first = next(it, "")
    return (first, *(t.casefold() for t in it))


@dataclass(frozen=True)
class Hit:
    """What a key resolves to; ``place is None`` marks a non-place phrase."""

    place: Place | None
    priority: int
    ambiguous_vi: bool = False  # short Vietnamese name that doubles as a given name
    context: tuple[Place, ...] = ()  # candidate places for context landmarks


@dataclass
class Index:
    exact: dict[tuple[str, ...], Hit] = field(default_factory=dict)
    caps: dict[tuple[str, ...], Hit] = field(default_factory=dict)
    folded: dict[tuple[str, ...], Hit] = field(default_factory=dict)
    first_tokens: set[str] = field(default_factory=set)
    first_max: dict[str, int] = field(default_factory=dict)  # longest name per first token
    # case-folded prefixes, keyed by their case-folded first token
    country_prefixes: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    city_prefixes: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    prefix_only: dict[tuple[str, ...], Place] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)
    capitals: dict[str, Place | None] = field(default_factory=dict)

    def add(self, name: str, hit: Hit) -> None:
        written = nfc(name.strip())
        for variant in tone_variants(written) | tone_variants(run_together(written)):
            toks = tokens(variant)
            if not toks or not toks[0][:1].isupper():
                continue
            k = key(toks)
            old = self.exact.get(k)
            if old is None or hit.priority > old.priority:
                self.exact[k] = hit
            self._first(toks[0], len(toks))
            if hit.place is not None:
                fkey = tuple(t.casefold() for t in toks)
                old = self.folded.get(fkey)
                if old is None or hit.priority > old.priority:
                    self.folded[fkey] = hit
            letters = sum(c.isalpha() for c in variant)
            if hit.place is not None and not hit.ambiguous_vi and letters >= 4:
                ukey = tuple(t.upper() for t in toks)
                if ukey != toks:  # acronyms are already exact
                    old = self.caps.get(ukey)
                    if old is None or hit.priority > old.priority:
                        self.caps[ukey] = hit
                        self._first(ukey[0], len(toks))

    def _first(self, tok: str, length: int) -> None:
        self.first_tokens.add(tok)
        self.first_max[tok] = max(self.first_max.get(tok, 0), length)


@functools.cache
def index() -> Index:
    """The index, built on first use."""
    cities = Cities(geography.cities())
    idx = Index()
    _add_countries(idx, cities)
    _add_press_forms(idx)
    _add_cities(idx, cities)
    _add_sites(idx, cities)
    for phrase in NOT_PLACES:
        idx.add(phrase, Hit(None, PRI_BLOCK))
    _add_prefixes(idx, cities)
    return idx


def _add_city(
    idx: Index, cities: Cities, rec: Record, priority: int, extra: Iterable[str] = ()
) -> Place:
    """Index a city under its GeoNames name, its ASCII and "St." spellings, its
    Vietnamese name and ``extra`` names."""
    place = cities.place(rec)
    names = {place.name, *extra}
    folded = fold(place.name)
    if folded not in CITY_STOPLIST:
        names.add(folded)
    if place.name.startswith("Saint "):
        names |= {"St. " + place.name[6:], "St " + place.name[6:]}
    if place.name_vi:
        names.add(place.name_vi)
    hit = Hit(place, priority)
    for n in names:
        if n not in CITY_STOPLIST and not any(ch.isdigit() for ch in n):
            idx.add(n, hit)
    return place


def _add_countries(idx: Index, cities: Cities) -> None:
    """Every country of `reference.countries`, under CLDR's names in both languages, placed
    at its capital (which is indexed too)."""
    english, vietnamese = countries.names("en"), countries.names("vi")
    english_names = set(english.values())
    gn_countries = geography.country_records()
    for code in [c for c in countries.codes() if c in gn_countries]:
        cap_name = str(gn_countries[code].get("capital") or "").strip()
        found = geography.capital_record(code)
        cap = _add_city(idx, cities, found, PRI_CAPITAL, [cap_name]) if found else None
        idx.capitals[code] = cap
        zone = cap.timezone if cap else next(iter(geography.zone_table().get(code, [])), None)
        place = Place(
            kind="country",
            country_code=code,
            name=english[code],
            name_vi=vietnamese.get(code),
            timezone=zone,
            latitude=cap.latitude if cap else None,
            longitude=cap.longitude if cap else None,
        )
        idx.countries[code] = place
        for n in countries.cldr_variants(place.name):
            idx.add(n, Hit(place, PRI_COUNTRY))
        if place.name_vi:
            for n in countries.cldr_variants(place.name_vi):
                idx.add(n, Hit(place, PRI_COUNTRY, ambiguous_vi=_short_vi(n, english_names)))


def _short_vi(name: str, english_names: set[str]) -> bool:
    """A one-word Vietnamese-only country name ("Nga", "Đức", "Lào") short enough to
    double as a given name or a word; such names get the stricter context rules."""
    toks = tokens(name)
    return len(toks) == 1 and len(name) <= 5 and name not in english_names


def _add_press_forms(idx: Index) -> None:
    """The country names the press uses beside CLDR's (`reference.countries.PRESS_FORMS`)."""
    for code, form in countries.PRESS_FORMS:
        place = idx.countries[code]
        amb = is_vietnamese(form) or form in UNMARKED_VI_NAMES
        idx.add(form, Hit(place, PRI_COUNTRY, ambiguous_vi=amb and len(tokens(form)) == 1))


def _add_cities(idx: Index, cities: Cities) -> None:
    """Other cities: big ones, venues, and names from the tables and from CLDR."""
    for rec in cities.records:
        if rec["countrycode"] not in idx.countries:
            continue
        if rec["population"] >= CITY_MIN_POPULATION or _names_its_country(rec):
            _add_city(idx, cities, rec, PRI_CITY)
    for name, code in VENUE_CITIES:
        found = cities.find(name, code)
        if found:
            _add_city(idx, cities, found, PRI_CITY)
    for en_name, code, form in CITY_FORMS:
        found = cities.find(en_name, code)
        if found:
            _add_city(idx, cities, found, PRI_CAPITAL, [form])
    for vi_form, en_name in cities.cldr_forms:
        for (name, _code), place in list(cities.places.items()):
            if en_name in (name, name.removesuffix(" City")) and vi_form != name:
                idx.add(vi_form, Hit(place, PRI_CITY))


def _names_its_country(rec: Record) -> bool:
    """A smaller city whose name carries its country's ("Santiago de Cuba", "Kuwait
    City"): it cannot be another country's city of the first word ("Santiago")."""
    city = str(rec["name"])
    try:
        country = countries.name(str(rec["countrycode"]))
    except KeyError:
        return False
    return city != country and f" {country}" in f" {city}" and " " in city


def _site_place(
    cities: Cities, kind: Kind, name: str, city: str, code: str, forms: Iterable[str]
) -> Place:
    """An airport or landmark: it takes its city's zone and coordinates."""
    cp = cities.place_of(city, code)
    name_vi = next((f for f in forms if is_vietnamese(f) or f.startswith("Sân bay")), None)
    return Place(
        kind=kind,
        country_code=code,
        name=name,
        name_vi=name_vi,
        city=cp.name if cp else city,
        timezone=cp.timezone if cp else None,
        latitude=cp.latitude if cp else None,
        longitude=cp.longitude if cp else None,
    )


def _add_sites(idx: Index, cities: Cities) -> None:
    """Airports and landmarks, and the landmarks several capitals have (resolved by the
    context they are named in, see `scan`)."""
    for kind, name, city, code, forms in SITES:
        place = _site_place(cities, kind, name, city, code, forms)
        for n in (re.sub(r"\s*\(.*\)$", "", name), *forms):
            idx.add(n, Hit(place, PRI_SITE))
    for name, forms, cands in CONTEXT_SITES:
        places = tuple(_site_place(cities, "landmark", name, c, cc, forms) for c, cc in cands)
        for n in (name, *forms):
            idx.add(n, Hit(None, PRI_SITE, context=places))


def _add_prefixes(idx: Index, cities: Cities) -> None:
    """The prefixes that make a longer mention ("Cộng hòa X", "TP X") and the city names
    valid only after one."""
    for table, prefixes in (
        (idx.country_prefixes, [v for p in COUNTRY_PREFIXES for v in tone_variants(p)]),
        (idx.city_prefixes, list(CITY_PREFIXES)),
    ):
        for p in prefixes:
            toks = tuple(w.casefold() for w in tokens(p))
            table.setdefault(toks[0], []).append(toks)
            for first in tokens(p)[0], tokens(p)[0].upper():
                idx.first_tokens.add(first)
    for en_name, code, form in PREFIX_ONLY_CITIES:
        found = cities.find(en_name, code)
        if found:
            idx.prefix_only[key(tokens(form))] = cities.places[(found["name"], code)]
