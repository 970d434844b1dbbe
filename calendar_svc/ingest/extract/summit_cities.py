"""Two legs in one country told apart by city: a summit in one city and a visit in
another ("the G20 summit in Rio de Janeiro", then "a state visit in Brasília"; the summit
in Busan, then the official visit in Seoul).

A movement keyed by country lands on the visit's leg unless something moves it; the
city it names says which stay it belongs to: an arrival in the summit's city, or a
departure from it, is the summit leg's; one in another city of that country is the
visit's. Apart from `summit_legs` (which decides that there are two legs) because
assembly uses the same rule with the summit's city the log already holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from calendar_svc.domain.ids import SUMMIT_LEG, is_summit_leg
from calendar_svc.domain.values import PlaceRef, VisitType
from calendar_svc.ingest.extract.facts import ArticleFacts, Sourced
from calendar_svc.ingest.extract.summit_legs import leg_country
from calendar_svc.ingest.extract.views import View


def apart_by_city(facts: ArticleFacts, views: list[View]) -> None:
    """With a summit leg and a visit leg in one country, and the summit's city told, each
    movement that names a city of that country goes to that city's leg."""
    for country, city in summit_cities(facts, views).items():
        route_by_city(facts, country, city.value, views)
        key = country + SUMMIT_LEG
        if not any(c.value[0] == key for c in facts.cities):
            facts.cities.append(Sourced((key, city.value), city.provenance))


def to_known_summit_cities(
    facts: ArticleFacts, cities_of: Callable[[str], tuple[str, str | None] | None]
) -> None:
    """A later article on a trip whose log holds, in a country, a summit leg of a known city
    besides the visit (`cities_of(country)`: the summit's city and the visit's, if known):
    its movements there that name a city go to that city's leg; the summit's leg joins
    the article's itinerary when one goes there."""
    for stop in list(facts.itinerary):
        country = stop.value
        key = country + SUMMIT_LEG
        cities = cities_of(country) if not is_summit_leg(country) else None
        if cities is None:
            continue
        route_by_city(facts, country, cities[0], visit_city=cities[1])
        moved = any(a.value.country_code == key for a in facts.arrivals) or any(
            key in (d.value.concluded_country, d.value.next_country) for d in facts.departures
        )
        if moved and not any(s.value == key for s in facts.itinerary):
            facts.itinerary.insert(facts.itinerary.index(stop) + 1, Sourced(key, stop.provenance))


def event_ends_to_summit_legs(facts: ArticleFacts) -> None:
    """ "Leaders ... wrapped up a two-day special summit in Sydney on Sunday": where the
    article (or the log, `_to_known_summit_legs`) has a summit leg in the country, the end
    of an event is that leg's, not the visit's."""
    stops = {s.value for s in facts.itinerary}
    facts.conclusions = [
        Sourced(replace(c.value, country_code=key), c.provenance)
        if c.value.of_event and (key := c.value.country_code + SUMMIT_LEG) in stops
        else c
        for c in facts.conclusions
    ]


def summit_cities(facts: ArticleFacts, views: list[View]) -> dict[str, Sourced[str]]:
    """Per country with both a summit leg and a visit leg in the article, the summit's
    city: the one city of that country named in a sentence that tells the summit (its
    type or its days), with that sentence."""
    found: dict[str, Sourced[str]] = {}
    stops = {s.value for s in facts.itinerary}
    for key in dict.fromkeys(s.value for s in facts.itinerary if is_summit_leg(s.value)):
        country = leg_country(key)
        if country not in stops:
            continue
        told = [t.provenance for t in facts.visit_types if t.value == (key, VisitType.EVENT)]
        told += [e.provenance for e in facts.event_windows if e.value[0] == key]
        for prov in told:
            cities = _cities_in(views[prov.sentence_index], country)
            if len(cities) == 1:
                found[country] = Sourced(cities[0], prov)
                break
    return found


def route_by_city(
    facts: ArticleFacts,
    country: str,
    city: str,
    views: list[View] | None = None,
    visit_city: str | None = None,
) -> None:
    """Move the article's arrivals and departures in `country` that name a city to the leg
    of that city: the summit's (`city`) or the visit's (any other); the summit's city
    becomes that leg's city."""
    key = country + SUMMIT_LEG
    ours = (country, key)
    named = _movement_cities(facts, ours)
    if views is not None:
        for d in facts.departures:
            named.update(_cities_in(views[d.provenance.sentence_index], country))
    if visit_city == city or (visit_city is None and not named - {city}):
        return  # one city for both (a summit in Paris during the visit to Paris): no telling

    def leg_of(place: PlaceRef) -> str | None:
        if place.country_code != country or place.city is None:
            return None
        return key if place.city == city else country

    arrivals = []
    for a in facts.arrivals:
        leg = leg_of(a.value.place) if a.value.country_code in ours else None
        arrivals.append(
            a if leg is None else Sourced(replace(a.value, country_code=leg), a.provenance)
        )
    facts.arrivals = arrivals
    departures = []
    for d in facts.departures:
        leg = leg_of(d.value.place)
        if leg is None:
            departures.append(d)
            continue
        other = country if leg == key else key
        concluded, onward = d.value.concluded_country, d.value.next_country
        within = views is not None and _names_other_city(
            views[d.provenance.sentence_index], country, d.value.place.city
        )
        if concluded in ours or concluded is None:
            concluded = leg  # leaving the city ends the stay there
        if onward in ours or (onward is None and within):
            onward = other
        departures.append(
            Sourced(
                replace(d.value, concluded_country=concluded, next_country=onward), d.provenance
            )
        )
    facts.departures = departures
    facts.cities = [
        Sourced((key, c.value[1]), c.provenance) if c.value == (country, city) else c
        for c in facts.cities
    ]


def _movement_cities(facts: ArticleFacts, legs: tuple[str, str]) -> set[str]:
    """The cities the article's arrivals, departures and stays in those legs name."""
    named = {a.value.place.city for a in facts.arrivals if a.value.country_code in legs}
    named |= {d.value.place.city for d in facts.departures if d.value.place.country_code == legs[0]}
    named |= {c.value[1] for c in facts.cities if c.value[0] in legs}
    return {c for c in named if c}


def _cities_in(view: View, country: str) -> list[str]:
    """The cities of `country` a sentence names, once each, in text order."""
    names = [
        m.place.name if m.place.kind == "city" else m.place.city
        for m in view.places
        if m.place.country_code == country and m.place.kind != "country"
    ]
    return list(dict.fromkeys(n for n in names if n))


def _names_other_city(view: View, country: str, city: str | None) -> bool:
    """Whether a departure's sentence names a second city of the country it leaves from
    ("rời Rio de Janeiro và tới thủ đô Bra-xi-li-a"): a move between its two stays."""
    return any(c != city for c in _cities_in(view, country))
