"""Airports named beside an airport word: "touched down at Zurich airport", "hạ cánh
xuống sân bay quốc tế Ben Gurion", "landed at Soekarno-Hatta International Airport".

Arrival reports name the airport more often than the country, and most airports are
named after a person, a district or a city too small for the city index
(`tables.CITY_MIN_POPULATION`), so without this the arrival has no place. The names come
from the `airportsdata` package (MIT; about 7,900 airports with an IATA code, each with
its city, country, zone and position). A name is read as an airport's only right before
"airport" / "International Airport" or right after "sân bay" / "sân bay quốc tế": a
surname or a word that happens to name an airfield is never a place on its own.

Each airport is known by its name without the "(International) Airport" suffix ("Ben
Gurion"), the parts of a double name ("Leonardo Da Vinci (Fiumicino)", "Bari / Palese"),
that name less its city ("London Heathrow" -> "Heathrow", "Paris-Orly" -> "Orly") and its
city ("Zurich"). A name is an airport's own before it is a city's, and a city's before it
is part of a longer name ("Bole" is Addis Ababa's, not part of China's "Alashankou Bole");
one that airports in two countries share equally is no one's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from calendar_svc.ingest.places.place import Place, PlaceMention
from calendar_svc.reference.orthography import fold

_SUFFIX = re.compile(
    r"\s+(?:(?:International|Intercontinental|Regional|Domestic|Municipal)\s+)?Airport$"
)
_PARENS = re.compile(r"\s*\(([^)]*)\)")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015/'’.]+")


def normal(name: str) -> str:
    """A name as keys are compared: accents and case folded, hyphens and dashes are spaces,
    a possessive "'s" and full stops are dropped ("Tokyo's" -> "tokyo", "O.R. Tambo" -> "or
    tambo")."""
    name = re.sub(r"['’]s\b", "", name).replace(".", " ")
    words = [w for w in _SEPARATORS.split(fold(name).casefold()) if w]
    # initials are one word however they are spaced: "O. R. Tambo", "OR Tambo"
    return re.sub(r"\b(\w) (?=\w\b)", r"\1", " ".join(words))


def aliases(name: str, city: str) -> dict[str, int]:
    """The names an airport is known by (see the module's docstring), normalised, each
    with its rank: 0 its own name, 1 its city, 2 a part of its name."""
    base = _SUFFIX.sub("", name.strip())
    head, _, tail = base.partition(" Airport ")  # "Amsterdam Airport Schiphol"
    parts = [p.strip() for p in _PARENS.findall(base)] + ([head, tail] if tail else [])
    base = _PARENS.sub("", base).strip()
    parts += [p.strip() for p in re.split(r"\s+/\s+|\s*[\u2013\u2014]\s*", base)]
    town = normal(city)
    found = {normal(p): 2 for p in parts}
    found[town] = 1
    found[normal(base)] = 0
    for part, rank in list(found.items()):
        if town and part.startswith(town + " "):
            found.setdefault(part[len(town) + 1 :], max(rank, 2))
    return {f: rank for f, rank in found.items() if len(f) >= 3}


@functools.cache
def airports() -> dict[str, Place]:
    """Every airport alias with its airport's Place; names shared across countries are
    left out."""
    import airportsdata  # deferred: reading the table costs ~0.1 s

    table = airportsdata.load("IATA")
    found: dict[str, tuple[int, Place]] = {}
    shared: set[str] = set()
    for row in table.values():
        place = Place(
            kind="airport",
            country_code=str(row["country"]).upper(),
            name=str(row["name"]),
            city=str(row["city"]) or None,
            timezone=str(row["tz"]) or None,
            latitude=float(row["lat"]),
            longitude=float(row["lon"]),
        )
        known = aliases(place.name, place.city or "")
        known.update({normal(n): 0 for n in PRESS_NAMES.get(str(row["iata"]), ())})
        # run together too: the table's "Leon M Ba" is the press's "Léon Mba" (M'ba)
        known.update({a.replace(" ", ""): r for a, r in known.items() if " " in a})
        for alias, rank in known.items():
            old = found.get(alias)
            if old is None or rank < old[0]:
                found[alias] = (rank, place)
                shared.discard(alias)
            elif rank == old[0] and old[1].country_code != place.country_code:
                shared.add(alias)
    return {alias: place for alias, (_, place) in found.items() if alias not in shared}


#: The name the press uses for an airport the table lists under another (IATA code ->
#: names): the leaders' planes land at "Clark", which the table calls Diosdado Macapagal,
#: while a Texan "Stephenville Clark Regional Airport" would otherwise own the word.
PRESS_NAMES: dict[str, tuple[str, ...]] = {"CRK": ("Clark", "Clark International")}


#: A capitalised word of a name ("Ben", "Soekarno-Hatta", "Tokyo's", "José", "Đa-vao").
_WORD = r"[^\W\d_a-zđ](?:[\w'’\-]|\.(?=\w))*"
_NAME = re.compile(rf"{_WORD}(?:[ \t]+(?:{_WORD}|da|de|del|di|do|dos|von|van|al|el))*")
_VI_CUE = re.compile(r"\b[Ss]ân\s+bay(?:\s+quốc\s+tế)?\s+")
_EN_CUE = re.compile(r"[ \t]+(?:(?:International|Intercontinental)[ \t]+)?[Aa]irport\b")
_MAX_WORDS = 6


def airport_mentions(text: str) -> Iterator[PlaceMention]:
    """Airports named beside an airport word, each spanning name and word."""
    table = airports()
    for cue in _VI_CUE.finditer(text):  # "sân bay (quốc tế) X": the longest X first
        name = _NAME.match(text, cue.end())
        after = list(re.finditer(r"\S+", name.group()))[:_MAX_WORDS] if name else []
        for word in reversed(after):
            end = cue.end() + word.end()
            place = _lookup(table, text[cue.end() : end])
            if place is not None:
                yield _mention(text, place, cue.start(), end)
                break
    for cue in _EN_CUE.finditer(text):  # "X (International) Airport": the longest X first
        offset = max(0, cue.start() - 80)
        before: list[re.Match[str]] = []
        for word in reversed(list(re.finditer(rf"{_WORD}|\S+", text[offset : cue.start()]))):
            if not re.fullmatch(_WORD, word.group()):
                break
            before.insert(0, word)
        for word in before[-_MAX_WORDS:]:
            place = _lookup(table, text[offset + word.start() : cue.start()])
            if place is not None:
                yield _mention(text, place, offset + word.start(), cue.end())
                break


def _lookup(table: dict[str, Place], name: str) -> Place | None:
    """An airport by a name as written, or by the name run together ("Léon Mba")."""
    key = normal(name)
    return table.get(key) or (table.get(key.replace(" ", "")) if " " in key else None)


def _mention(text: str, place: Place, start: int, end: int) -> PlaceMention:
    return PlaceMention(place=place, span=(start, end), text=text[start:end])
