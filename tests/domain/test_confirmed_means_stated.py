"""A date is shown as confirmed only when a source states it for that item: over random
event sequences, every confirmed leg date is a day some event states for that leg (its
window, a revision of it, the arrival, the conclusion), and every confirmed trip date
one stated for the trip. Inference (neighbours, durations, the trip's window, clamps)
may fill a date in, never confirm it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calendar_svc.domain import events as ev
from calendar_svc.domain.schedule import ScheduleFold
from calendar_svc.domain.values import DateWindow, Moment, PersonRef, PlaceRef
from tests.projections.test_incremental_property import (
    ARTICLES,
    BASE,
    _prov,
    article_event,
    trip_event,
)

T0 = datetime(2025, 5, 1, tzinfo=UTC)


def _stated(events: list[ev.DomainEvent]) -> tuple[dict[str, set], dict[str, set], dict[str, set]]:
    starts: dict[str, set] = {}
    ends: dict[str, set] = {}
    trip_days: dict[str, set] = {}
    for e in events:
        if isinstance(e, ev.VisitAnnounced):
            if e.window is not None:
                starts.setdefault(e.leg_id, set()).add(e.window.start)
                ends.setdefault(e.leg_id, set()).add(e.window.end)
            if e.trip_window is not None:
                trip_days.setdefault(e.trip_id, set()).update(
                    {e.trip_window.start, e.trip_window.end}
                )
        elif isinstance(e, ev.ScheduleRevised):
            if e.leg_id is None:
                trip_days.setdefault(e.trip_id, set()).update({e.revised.start, e.revised.end})
            else:
                starts.setdefault(e.leg_id, set()).add(e.revised.start)
                ends.setdefault(e.leg_id, set()).add(e.revised.end)
        elif isinstance(e, ev.DelegationArrived):
            starts.setdefault(e.leg_id, set()).add(e.at.day)
        elif isinstance(e, ev.LegConcluded) and e.on is not None:
            ends.setdefault(e.leg_id, set()).add(e.on)
        elif isinstance(e, ev.DelegationDeparted) and e.concluded_leg_id is not None:
            ends.setdefault(e.concluded_leg_id, set()).add(e.at.day)
    return starts, ends, trip_days


LEGS = ["t/kz", "t/az", "t/ru"]


@st.composite
def dating_event(draw: st.DrawFn) -> ev.DomainEvent:
    """Only what dates legs, on three legs of one trip over a week: the combinations
    (a conclusion without an arrival, an arrival after the stated end, ...) come up often."""
    i = draw(st.integers(0, 2))
    leg = LEGS[i]
    day = BASE + timedelta(days=draw(st.integers(0, 6)))
    window = DateWindow(day, day + timedelta(days=draw(st.integers(0, 2))))
    common = {"trip_id": "t", "provenance": _prov(ARTICLES[draw(st.integers(0, 3))])}
    kind = draw(st.integers(0, 5))
    if kind == 5:  # leaving home, or a leg, for the next one
        return ev.DelegationDeparted(
            **common,
            place=PlaceRef(country_code=draw(st.sampled_from(["VN", leg[2:].upper()]))),
            at=Moment(day=day),
            concluded_leg_id=None,
            next_leg_id=draw(st.none() | st.sampled_from(LEGS)),
        )
    if kind == 0:
        return ev.VisitAnnounced(
            **common,
            principal=PersonRef(name="T"),
            leg_id=leg,
            country_code=leg[2:].upper(),
            sequence=i + 1,
            window=draw(st.none() | st.just(window)),
            trip_window=draw(st.none() | st.just(window)),
            duration_days=draw(st.none() | st.integers(1, 3)),
        )
    if kind == 1:
        return ev.DelegationArrived(
            **common, leg_id=leg, place=PlaceRef(country_code=leg[2:].upper()), at=Moment(day=day)
        )
    if kind == 2:
        return ev.LegConcluded(**common, leg_id=leg, country_code=leg[2:].upper(), on=day)
    if kind == 3:
        return ev.DelegationDeparted(
            **common,
            place=PlaceRef(country_code=leg[2:].upper()),
            at=Moment(day=day),
            concluded_leg_id=leg,
        )
    return ev.ScheduleRevised(
        **common, leg_id=draw(st.none() | st.just(leg)), previous=None, revised=window
    )


@st.composite
def announced_then_dated(draw: st.DrawFn) -> list[ev.DomainEvent]:
    """A trip of three announced legs (some with stated windows), then dating news."""
    announced: list[ev.DomainEvent] = []
    for i, leg in enumerate(LEGS):
        day = BASE + timedelta(days=2 * i + draw(st.integers(0, 1)))
        announced.append(
            ev.VisitAnnounced(
                trip_id="t",
                provenance=_prov(ARTICLES[0]),
                principal=PersonRef(name="T"),
                leg_id=leg,
                country_code=leg[2:].upper(),
                sequence=i + 1,
                window=draw(st.none() | st.just(DateWindow(day, day + timedelta(days=1)))),
                trip_window=draw(st.none() | st.just(DateWindow(BASE, BASE + timedelta(days=6)))),
                duration_days=draw(st.none() | st.integers(1, 3)),
            )
        )
    return announced + draw(st.lists(dating_event(), max_size=10))


@settings(
    max_examples=1000, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    events=st.lists(trip_event(), min_size=1, max_size=40) | announced_then_dated(),
    batch=st.integers(1, 5),
)
def test_every_confirmed_date_is_one_a_source_states(
    events: list[ev.DomainEvent], batch: int
) -> None:
    fold = ScheduleFold()
    everything: list[ev.DomainEvent] = [article_event(a) for a in ARTICLES] + events
    for position, event in enumerate(everything, start=1):
        fold.apply(event, position, T0 + timedelta(seconds=position // batch))
    starts, ends, trip_days = _stated(events)
    for trip in fold.schedule().trips:
        if trip.dates_confirmed:
            assert {trip.start_date, trip.end_date} <= trip_days.get(trip.trip_id, set()), trip
        for leg in trip.legs:
            if leg.dates_confirmed:
                assert leg.start_date in starts.get(leg.leg_id, set()), leg
                assert leg.end_date in ends.get(leg.leg_id, set()), leg
