"""Rendering: a trip's views built from its state. The rules (`calendar_svc.domain.rules`)
decide each date, status and certainty from the evidence gathered here; this module
hands them that evidence and puts what they decide into `LegView`, `EngagementView` and
`TripView`. Each date shown names its rule in the leg's `date_basis` and carries a
`Certainty`.

Views come bare (no revision, no sources: what a revision is raised on) or finished
(stamped with their revisions and sources); which one is the fold's choice (`engine`).
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar
from zoneinfo import ZoneInfo

import msgspec

from calendar_svc.domain import rules
from calendar_svc.domain.ids import is_summit_leg
from calendar_svc.domain.rules import Dated, LegEvidence, Reading, TripFacts
from calendar_svc.domain.values import EngagementStatus, PersonRef, PlaceRef
from calendar_svc.domain.views import DisputeView, EngagementView, LegView, TripView
from calendar_svc.projections.fold.stamping import finish
from calendar_svc.projections.fold.state import FoldedLeg, FoldedTrip, Said, Stamp, moment
from calendar_svc.projections.fold.tables import Tables
from calendar_svc.reference import geography
from calendar_svc.reference.geography import Point
from calendar_svc.reference.identity import english_name

#: A leg's view in stamping order: its id, the view, its sources (article numbers).
LegItem = tuple[str, LegView, list[int]]
#: An engagement's, sorted by date and id: its first day, id, view and sources.
EngagementItem = tuple[date, str, EngagementView, list[int]]

#: Publication days as the rules read them, parsed once (a trip's sources are read on
#: every render of it).
_iso_day = lru_cache(maxsize=4096)(date.fromisoformat)

_Dates = tuple[Dated | None, Dated | None]
_replace = msgspec.structs.replace

# Views are built in two calls, what they show and then how sure it is (`_certain`): a
# call with more than 15 keywords goes through a dict in CPython (2-3 times slower), and
# the fold renders every trip a batch touches.


class Decision(NamedTuple):
    """What the rules decide of a trip: the legs on the schedule (in order), its stated
    window, each leg's dates and status, the trip's summary, and the countries named in
    passing (rule 0: no legs)."""

    order: list[tuple[str, FoldedLeg]]
    window: _Dates
    dates: list[_Dates]
    statuses: list[rules.LegStatus]
    summary: rules.TripSummary
    passing: list[str]


def build(
    trip: FoldedTrip,
    order: list[tuple[str, FoldedLeg]],
    texts: list[str],
    tables: Tables,
    stamps: dict[str, Stamp] | None = None,
) -> tuple[list[LegItem], list[EngagementItem], TripView]:
    """The views of a trip's legs, engagements and the trip itself, in stamping order
    (legs by sequence, engagements by date); `texts` name the sources of the legs'
    stated dates. Without `stamps`, bare: no revision, no sources (what a revision is
    raised on). With them, finished: revisions, last changes and sources filled in."""
    decision = decide(trip, order, texts, tables.articles.names, tables.values)
    disputes = list(trip.disputes)
    legs = _leg_views(trip, decision, tables.values, disputes)
    by_leg = {leg_id: view for leg_id, view, _ in legs}
    engagements = _engagement_views(trip, by_leg, tables.values)
    view = _trip_view(trip, decision, disputes, tables.values)
    if stamps is None:
        return legs, engagements, view
    return _finished(trip, legs, engagements, view, stamps, tables)


def _finished(
    trip: FoldedTrip,
    legs: list[LegItem],
    engagements: list[EngagementItem],
    view: TripView,
    stamps: dict[str, Stamp],
    tables: Tables,
) -> tuple[list[LegItem], list[EngagementItem], TripView]:
    """Bare views stamped as they were last (nothing is raised: see `stamping`)."""
    legs = [(i, finish(v, stamps[i], sources, tables), sources) for i, v, sources in legs]
    engagements = [
        (day, i, finish(v, stamps[i], sources, tables), sources)
        for day, i, v, sources in engagements
    ]
    view = _replace(
        finish(view, stamps[f"trip:{trip.trip_id}"], trip.sources, tables),
        legs=[leg for _, leg, _ in legs],
        engagements=[engagement for _, _, engagement, _ in engagements],
    )
    return legs, engagements, view


def _leg_views(
    trip: FoldedTrip,
    decision: Decision,
    values: list[Any],
    disputes: list[DisputeView],
) -> list[LegItem]:
    """The legs' bare views, in order; readings their dates did not show join `disputes`."""
    legs: list[LegItem] = []
    for i, (leg_id, leg) in enumerate(decision.order):
        start, end = decision.dates[i]
        status = decision.statuses[i]
        place: PlaceRef | None = None if leg.place is None else values[leg.place]
        shown = LegView(
            leg_id=leg_id,
            trip_id=trip.trip_id,
            sequence=i + 1,
            country_code=leg.country,
            city=leg.city,
            visit_type=leg.visit_type,
            inviter=None if leg.inviter is None else values[leg.inviter],
            start_date=None if start is None else start.day,
            end_date=None if end is None else end.day,
            dates_confirmed=_confirmed(start, end),
            date_basis=rules.date_basis(start, end),
            status=status.status,
            timezone=None if place is None else place.timezone,
            latitude=None if place is None else place.latitude,
            longitude=None if place is None else place.longitude,
        )
        legs.append((leg_id, _certain(shown, start, end, status.as_of), leg.sources))
        for what, dated in ((f"{leg.country} start", start), (f"{leg.country} end", end)):
            disputes += _disputes(what, dated)
    return legs


def _engagement_views(
    trip: FoldedTrip, by_leg: dict[str, LegView], values: list[Any]
) -> list[EngagementItem]:
    """The engagements' bare views, by date (then id); each is dated within its leg."""
    engagements: list[EngagementItem] = []
    for engagement_id, e in trip.engagements.items():
        held_in = by_leg.get(e.leg_id) if e.leg_id else None
        place = None if e.place is None else values[e.place]
        timezone = None if place is None else place.timezone
        local_time: time | None = None
        day_part: str | None = None
        at = e.at
        if at is not None:
            local_time, day_part = at.local_time, at.day_part
            timezone = at.timezone or timezone
        day = rules.engagement_dates(
            None if at is None else at.day,
            e.window,
            e.title,
            None if held_in is None else held_in.country_code,
            None if held_in is None else held_in.start_date,
            None if held_in is None else held_in.end_date,
        )
        if timezone is None and held_in is not None:
            timezone = held_in.timezone
        status: EngagementStatus = (
            "cancelled" if held_in is not None and held_in.status == "cancelled" else "reported"
        )
        shown = EngagementView(
            engagement_id=engagement_id,
            trip_id=trip.trip_id,
            leg_id=e.leg_id,
            kind=e.kind,
            title=e.title,
            counterparts=list(values[e.counterparts]),
            place=place,
            start_date=day.first,
            end_date=day.final,
            local_time=local_time,
            day_part=day_part,
            timezone=timezone,
            date_basis=day.basis,
            status=status,
        )
        sure = day.certainty
        view = _replace(shown, start_certainty=sure, end_certainty=sure, certainty=sure)
        engagements.append((day.first or date.max, engagement_id, view, e.sources))
    engagements.sort()  # ids are unique: views are never compared
    return engagements


def _known_as(principal: PersonRef) -> PersonRef:
    """The traveller under the office-holder table's English name when the table knows
    them: "Giô-cô Wi-đô-đô" and "Joko Widodo" head one person's trips alike."""
    name = english_name(principal.name)
    if name is None or name == principal.name:
        return principal
    return msgspec.structs.replace(principal, name=name)


def _trip_view(
    trip: FoldedTrip, decision: Decision, disputes: list[DisputeView], values: list[Any]
) -> TripView:
    """The trip's own bare view: no legs or engagements (they are stamped on their own);
    the readings its stated window did not show join `disputes`."""
    summary = decision.summary
    start, end = summary.start, summary.end
    disputes += _disputes("trip start", decision.window[0])
    disputes += _disputes("trip end", decision.window[1])
    shown = TripView(
        trip_id=trip.trip_id,
        principal=_known_as(values[trip.principal]),
        spouse=trip.spouse,
        members=list(map(values.__getitem__, trip.members)),
        start_date=None if start is None else start.day,
        end_date=None if end is None else end.day,
        dates_confirmed=_confirmed(start, end),
        status=summary.status,
        legs=[],
        engagements=[],
        disputes=disputes,
        sources=[],
        named_in_passing=decision.passing,
    )
    return _certain(shown, start, end, summary.as_of)


_View = TypeVar("_View", LegView, TripView)


def _certain(view: _View, start: Dated | None, end: Dated | None, as_of: date | None) -> _View:
    """A leg's or a trip's view with how sure its dates are, and the day its status is
    as of."""
    return _replace(
        view,
        start_certainty=None if start is None else start.certainty,
        end_certainty=None if end is None else end.certainty,
        certainty=rules.overall(start, end),
        status_as_of=as_of,
    )


# -- what the rules decide -------------------------------------------------------------

#: What the rules read of an article: how a date basis names it, and its publication day.
_About = dict[int, tuple[str, date | None]]
_UNKNOWN: tuple[str, date | None] = ("a source", None)


def decide(
    trip: FoldedTrip,
    order: list[tuple[str, FoldedLeg]],
    texts: list[str] | None,
    names: list[str],
    values: list[Any],
) -> Decision:
    """What the rules decide from the trip's evidence: which legs are on the schedule
    (rule 0) and in what order (`rules.time_order`), its stated window, each leg's dates
    and status, and the trip's summary. `texts`: see `Tables.texts`."""
    about = _about(trip, texts)
    engaged: dict[str, tuple[date, ...]] = {}
    linked: set[str] = set()
    for e in trip.engagements.values():
        if e.leg_id is not None:
            linked.add(e.leg_id)
            if e.at is not None:
                engaged[e.leg_id] = (*engaged.get(e.leg_id, ()), e.at.day)
    evidence = [
        LegEvidence(
            starts=_readings(leg.starts, about, names),
            ends=_readings(leg.ends, about, names),
            duration=leg.duration,
            entered_on=leg.entered_on,
            concluded_on=leg.concluded_on,
            concluded=leg.concluded,
            started=leg.arrived is not None or leg.entered_on is not None or leg.concluded,
            postponed=leg.postponed,
            cancelled=leg.cancelled,
            reported=_reported(about, leg.sources, leg.told),
            engaged=engaged.get(leg_id, ()),
            event=leg.event,
            planned_start=leg.planned_start,
            planned_end=leg.planned_end,
            country=leg.country,
            summit=is_summit_leg(leg_id),
        )
        for leg_id, leg in order
    ]
    passing = [
        rules.named_in_passing(told, len(leg.sources), len(trip.sources), leg_id in linked)
        for told, (leg_id, leg) in zip(evidence, order, strict=True)
    ]
    named = sorted({leg.country for (_, leg), bare in zip(order, passing, strict=True) if bare})
    if named:
        evidence = [told for told, bare in zip(evidence, passing, strict=True) if not bare]
        order = [item for item, bare in zip(order, passing, strict=True) if not bare]
    evidence = rules.conclusions_to_summit(rules.stay_windows_to_summit(evidence))
    timed = rules.time_order(evidence)
    if timed != sorted(timed):
        evidence, order = [evidence[i] for i in timed], [order[i] for i in timed]
    # the flights between the legs as travelled, once they are in that order
    flights = _flights_in(order, values)
    evidence = [
        told._replace(flight_in=flights.get(leg_id))
        for told, (leg_id, _) in zip(evidence, order, strict=True)
    ]
    facts = _trip_facts(trip, about, names)
    if trip.landed is not None:
        facts = facts._replace(**_flight_home(trip, order, values))
    window = rules.trip_window(facts)
    dates = rules.date_legs(evidence, facts, window)
    statuses = rules.leg_statuses(evidence, facts, window, dates)
    summary = rules.trip_summary(dates, [s.status for s in statuses], facts, window)
    return Decision(
        order=order,
        window=window,
        dates=dates,
        statuses=statuses,
        summary=summary,
        passing=named,
    )


def _about(trip: FoldedTrip, texts: list[str] | None) -> _About:
    about: _About = {}
    if texts is not None:
        for k, article in enumerate(trip.sources):
            label, published = texts[2 * k], texts[2 * k + 1]
            about[article] = (label, _iso_day(published) if published else None)
    return about


def _trip_facts(trip: FoldedTrip, about: _About, names: list[str]) -> TripFacts:
    return TripFacts(
        starts=_readings(trip.starts, about, names),
        ends=_readings(trip.ends, about, names),
        left_home=None if trip.left_home is None else trip.left_home.day,
        returned_on=trip.returned_on,
        returned=trip.returned,
        postponed=trip.postponed,
        cancelled=trip.cancelled,
        reported=_reported(about, trip.sources),
        status_reported=_reported(about, trip.told),
    )


def _flight_home(
    trip: FoldedTrip, order: list[tuple[str, FoldedLeg]], values: list[Any]
) -> dict[str, Any]:
    """The landing home and the flight to it from the last leg that went ahead (from its
    city when one is known, else its capital): what `rules.homeward_day` counts back."""
    landed = moment(trip.landed)
    assert landed is not None
    going = [leg for _, leg in order if not (leg.postponed or leg.cancelled)]
    home: PlaceRef | None = None if trip.landed_place is None else values[trip.landed_place]
    found: dict[str, Any] = {"landed": landed}
    if not going or home is None:
        return found
    last = going[-1]
    stop = _point(None if last.place is None else values[last.place], last.country)
    back = _point(home, home.country_code, landed.timezone)
    if stop is None or back is None:
        return found
    noon = datetime.combine(landed.day, time(12, 0))
    change = _utc_hours(back.timezone, noon) - _utc_hours(stop.timezone, noon)
    distance = rules.great_circle_km(stop[:2], back[:2])
    found.update(flight_hours=rules.flight_hours(distance), clock_change=change)
    return found


def _flights_in(
    order: list[tuple[str, FoldedLeg]], values: list[Any]
) -> dict[str, tuple[float, float]]:
    """The flight into each leg from the leg that went ahead before it, when a day the
    delegation left that one or landed is known (from city to city when known, else
    capital to capital): its hours and the change of clock that day."""
    flights: dict[str, tuple[float, float]] = {}
    before: tuple[Point | None, FoldedLeg] | None = None
    for leg_id, leg in order:
        if leg.postponed or leg.cancelled:
            continue
        here = _point(None if leg.place is None else values[leg.place], leg.country)
        left = leg.entered_on or (None if before is None else before[1].concluded_on)
        left = left or min((said.day for said in leg.starts), default=None)
        if here is not None and before is not None and before[0] is not None and left:
            there, noon = before[0], datetime.combine(left, time(12, 0))
            change = _utc_hours(here.timezone, noon) - _utc_hours(there.timezone, noon)
            hours = rules.flight_hours(rules.great_circle_km(there[:2], here[:2]))
            flights[leg_id] = (hours, change)
        before = (here, leg)
    return flights


def _point(place: PlaceRef | None, country: str, zone: str | None = None) -> Point | None:
    """Where a place is and its zone: its own, else its country's capital's."""
    capital = geography.capital(country)
    if place is not None and place.latitude is not None and place.longitude is not None:
        timezone = zone or place.timezone or (capital.timezone if capital else None)
        return None if timezone is None else Point(place.latitude, place.longitude, timezone)
    if capital is None:
        return None
    return capital if zone is None else capital._replace(timezone=zone)


def _utc_hours(zone: str, at: datetime) -> float:
    offset = at.replace(tzinfo=ZoneInfo(zone)).utcoffset()
    return 0.0 if offset is None else offset.total_seconds() / 3600


def _readings(said: list[Said], about: _About, names: list[str]) -> tuple[Reading, ...]:
    found = []
    for x in said:
        label, published = about.get(x.source, _UNKNOWN)
        found.append(
            Reading(
                day=x.day, kind=x.kind, source=names[x.source], published=published, label=label
            )
        )
    return tuple(found)


def _reported(about: _About, *groups: list[int]) -> tuple[date, ...]:
    days = []
    for group in groups:
        for article in group:
            published = about.get(article, _UNKNOWN)[1]
            if published is not None:
                days.append(published)
    return tuple(days)


def _confirmed(start: Dated | None, end: Dated | None) -> bool:
    """`dates_confirmed`: both dates stated by sources (derived from their certainty)."""
    return (
        start is not None
        and end is not None
        and start.certainty.confirmed
        and end.certainty.confirmed
    )


def _disputes(what: str, dated: Dated | None) -> list[DisputeView]:
    """The readings a disputed date did not show, each with its sources."""
    return [
        DisputeView(
            fact=fact,
            held=held,
            claimed=claimed,
            sources=sources,
            held_sources=list(dated.sources if dated else ()),
        )
        for fact, held, claimed, sources in rules.disputed_readings(what, dated)
    ]
