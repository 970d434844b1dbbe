"""Events for fold tests, built by article and leg: one article's provenance, a leg
announced, an arrival, a conclusion, and the trip's view after folding them in order.
A leg id is `<trip>/<code>`; its country is the code."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from calendar_svc.domain import events as ev
from calendar_svc.domain.values import Moment, PersonRef, PlaceRef, Provenance
from calendar_svc.domain.views import TripView
from calendar_svc.projections.fold import ScheduleFold

T0 = datetime(2030, 1, 1, tzinfo=UTC)


def trip_of(leg: str) -> str:
    return leg.rsplit("/", 1)[0]


def code_of(leg: str) -> str:
    return leg[-2:].upper()


def article(name: str, published: date) -> ev.ArticleRecorded:
    return ev.ArticleRecorded(
        article_id=name * 64,
        text="text",
        language="en",
        language_detected=False,
        published_on=published,
        outlet=f"Outlet {name.upper()}",
    )


def by(name: str) -> list[Provenance]:
    """Provenance in article `name`."""
    return [
        Provenance(
            article_id=name * 64, sentence_index=0, span=(0, 4), sentence="text", rule="test"
        )
    ]


def announce(name: str, leg: str, sequence: int, **fields: object) -> ev.VisitAnnounced:
    return ev.VisitAnnounced(
        trip_id=trip_of(leg),
        provenance=by(name),
        principal=PersonRef(name="P"),
        leg_id=leg,
        country_code=code_of(leg),
        sequence=sequence,
        **fields,  # type: ignore[arg-type]
    )


def arrived(name: str, leg: str, day: date, local_time: time | None = None) -> ev.DelegationArrived:
    return ev.DelegationArrived(
        trip_id=trip_of(leg),
        provenance=by(name),
        leg_id=leg,
        place=PlaceRef(country_code=code_of(leg)),
        at=Moment(day=day, local_time=local_time),
    )


def leg_concluded(name: str, leg: str, day: date) -> ev.LegConcluded:
    return ev.LegConcluded(
        trip_id=trip_of(leg), provenance=by(name), leg_id=leg, country_code=code_of(leg), on=day
    )


def fold(trip: str, *events: ev.DomainEvent) -> TripView:
    """The trip's view after the events, one log position each."""
    folding = ScheduleFold()
    for position, event in enumerate(events, start=1):
        folding.apply(event, position, T0 + timedelta(seconds=position))
    return folding.view(trip)
