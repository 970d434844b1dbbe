"""Cities from GeoNames, made into Places with the time zone calendars expect.

Apart from the index so that the index's build reads as a list of sources: this module
answers "which GeoNames record is the city the press names, in which country", "what is
its Vietnamese name" and "which zone is it in", and remembers each city it made, so a
capital, a venue and an airport's city are one Place.
"""

from __future__ import annotations

from collections.abc import Iterable

from calendar_svc.ingest.places.place import Place
from calendar_svc.ingest.places.tables import CITY_FORMS
from calendar_svc.reference.geography import Record, country_zone, find_city
from calendar_svc.reference.orthography import is_vietnamese


def _city_place(rec: Record, name_vi: str | None) -> Place:
    code = str(rec["countrycode"])
    return Place(
        kind="city",
        country_code=code,
        name=str(rec["name"]),
        name_vi=name_vi,
        timezone=country_zone(str(rec["timezone"]), code),
        latitude=float(rec["latitude"]),
        longitude=float(rec["longitude"]),
    )


def cldr_city_forms() -> list[tuple[str, str]]:
    """CLDR's exemplar cities of the time zones: (Vietnamese form, English name)."""
    from babel import Locale
    from babel.dates import get_timezone_location

    forms: list[tuple[str, str]] = []
    for zone, data in Locale("vi").time_zones.items():
        vi_name = data.get("city") if hasattr(data, "get") else None
        if not vi_name or "," in vi_name or zone.startswith("Etc/"):
            continue
        en_name = get_timezone_location(zone, "en", return_city=True)
        forms.append((str(vi_name), str(en_name)))
    return forms


class Cities:
    """GeoNames' cities, found by name and made into Places once each."""

    def __init__(self, records: Iterable[Record]) -> None:
        self.records = list(records)
        # Vietnamese names: explicit table first, then CLDR exemplar cities.
        self._vi_city: dict[tuple[str, str], str] = {}
        for en_name, code, form in CITY_FORMS:
            if is_vietnamese(form):
                self._vi_city.setdefault((en_name, code), form)
        self.cldr_forms = cldr_city_forms()
        #: Every city made so far, by (GeoNames name, country).
        self.places: dict[tuple[str, str], Place] = {}

    def find(self, name: str, code: str) -> Record | None:
        """Exact GeoNames name, else accent-folded name or alternate name."""
        return find_city(name, code)

    def _vi_name(self, rec: Record) -> str | None:
        got = self._vi_city.get((rec["name"], rec["countrycode"]))
        if got:
            return got
        for vi_form, en_name in self.cldr_forms:
            if en_name in (rec["name"], rec["name"].removesuffix(" City")) and vi_form != en_name:
                return vi_form
        return None

    def place(self, rec: Record) -> Place:
        """The city's Place, made on first use."""
        key = (rec["name"], rec["countrycode"])
        place = self.places.get(key) or _city_place(rec, self._vi_name(rec))
        self.places[key] = place
        return place

    def place_of(self, name: str, code: str) -> Place | None:
        """The Place of a city already made, by a name `find` resolves."""
        found = self.find(name, code)
        return self.places.get((found["name"], code)) if found else None
