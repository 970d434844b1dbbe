"""A date is shown as confirmed only when a source states it for that item: over random
event sequences, every confirmed leg date is a day some event states for that leg (its
window, a revision of it, the arrival, the conclusion, a corroboration of one), and every
confirmed trip date one stated for the trip or for one of its legs (the trip spans its
legs), or the day it left or came home. Inference (neighbours, durations, the trip's
window, clamps) may fill a date in, never confirm it.

The same for the certainty enum: `stated`/`corroborated` only on such days,
`corroborated` only when two articles state that day, `disputed` only when sources give
another day (or a stated end falls before the start), `dates_confirmed` exactly when
both dates are stated or corroborated; and a later event never turns a date sources
stated back into an inferred one."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calendar_svc.domain import events as ev
from calendar_svc.domain.trip import window_text
from calendar_svc.domain.values import Certainty, DateWindow, Moment, PersonRef, PlaceRef
from calendar_svc.domain.views import LegView
from calendar_svc.projections.fold import ScheduleFold
from tests.projections.test_incremental_property import (
    ARTICLES,
    BASE,
    _prov,
    article_event,
    trip_event,
)

T0 = datetime(2025, 5, 1, tzinfo=UTC)


Said = dict[str, dict[date, set[str]]]  # item -> day -> articles stating it


def _note(into: Said, item: str, day: date, event: ev.TripEvent) -> None:
    into.setdefault(item, {}).setdefault(day, set()).update(
        p.article_id for p in event.provenance[:1]
    )


def _stated(events: list[ev.DomainEvent]) -> tuple[Said, Said, Said, Said]:
    """Days stated for each leg's start and end, for each trip's start and end."""
    starts: Said = {}
    ends: Said = {}
    trip_starts: Said = {}
    trip_ends: Said = {}
    left_home: set[str] = set()
    legs: dict[str, set[str]] = {}
    founded: set[str] = set()  # the fold ignores a trip's events until it is founded
    for e in events:
        if not isinstance(e, ev.TripEvent):
            continue
        if isinstance(e, ev.VisitAnnounced | ev.DelegationNamed):
            founded.add(e.trip_id)
        if e.trip_id not in founded:
            continue
        if isinstance(e, ev.VisitAnnounced):
            legs.setdefault(e.trip_id, set()).add(e.leg_id)
            if e.window is not None:
                _note(starts, e.leg_id, e.window.start, e)
                _note(ends, e.leg_id, e.window.end, e)
            if e.trip_window is not None:
                _note(trip_starts, e.trip_id, e.trip_window.start, e)
                _note(trip_ends, e.trip_id, e.trip_window.end, e)
        elif isinstance(e, ev.ScheduleRevised):
            if e.leg_id is None:
                _note(trip_starts, e.trip_id, e.revised.start, e)
                _note(trip_ends, e.trip_id, e.revised.end, e)
            else:
                _note(starts, e.leg_id, e.revised.start, e)
                _note(ends, e.leg_id, e.revised.end, e)
        elif isinstance(e, ev.DelegationArrived):
            _note(starts, e.leg_id, e.at.day, e)
        elif isinstance(e, ev.LegConcluded):
            if e.on is not None:
                _note(ends, e.leg_id, e.on, e)
            if e.window is not None:
                _note(starts, e.leg_id, e.window.start, e)
                _note(ends, e.leg_id, e.window.end, e)
        elif isinstance(e, ev.DelegationDeparted):
            if e.concluded_leg_id is not None:
                _note(ends, e.concluded_leg_id, e.at.day, e)
            if e.concluded_leg_id not in legs.get(e.trip_id, set()) and e.trip_id not in left_home:
                left_home.add(e.trip_id)
                _note(trip_starts, e.trip_id, e.at.day, e)
        elif isinstance(e, ev.TripConcluded) and e.on is not None:
            _note(trip_ends, e.trip_id, e.on, e)
        elif isinstance(e, ev.FactCorroborated | ev.ClaimDisputed):
            value = e.value if isinstance(e, ev.FactCorroborated) else e.claimed
            kind, _, rest = e.fact.partition(":")
            if e.fact.endswith(".window") and "/" in value:
                first, last = (date.fromisoformat(v) for v in value.split("/"))
                if kind == "leg":
                    _note(starts, rest[: -len(".window")], first, e)
                    _note(ends, rest[: -len(".window")], last, e)
            elif isinstance(e, ev.FactCorroborated) and kind in ("arrival", "concluded"):
                _note(starts if kind == "arrival" else ends, rest, date.fromisoformat(value), e)
    for trip_id, leg_ids in legs.items():  # the trip spans its legs
        for leg_id in leg_ids:
            for day, articles in starts.get(leg_id, {}).items():
                trip_starts.setdefault(trip_id, {}).setdefault(day, set()).update(articles)
            for day, articles in ends.get(leg_id, {}).items():
                trip_ends.setdefault(trip_id, {}).setdefault(day, set()).update(articles)
    return starts, ends, trip_starts, trip_ends


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
    kind = draw(st.integers(0, 7))
    if kind == 6:  # another article states a leg's window, arrival or conclusion again
        fact, value = draw(
            st.sampled_from(
                [
                    (f"leg:{leg}.window", window_text(window)),
                    (f"arrival:{leg}", day.isoformat()),
                    (f"concluded:{leg}", day.isoformat()),
                ]
            )
        )
        return ev.FactCorroborated(**common, fact=fact, value=value, corroborates="x")
    if kind == 7:  # one article gives the leg two windows
        return ev.ClaimDisputed(
            **common,
            fact=f"leg:{leg}.window",
            held="2025-05-01/2025-05-02",
            claimed=window_text(window),
            held_since="x",
        )
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


CONFIRMED = (Certainty.STATED, Certainty.CORROBORATED)


def _check_date(
    shown: date | None, certainty: Certainty | None, said: dict[date, set[str]], what: object
) -> None:
    """What a date's certainty claims holds of the sources."""
    if shown is None:
        assert certainty is None, what
        return
    assert certainty is not None, what
    if certainty in CONFIRMED:
        assert shown in said, what
    if certainty is Certainty.CORROBORATED:
        assert len(said[shown]) >= 2, what
    if certainty is Certainty.DISPUTED:
        assert said, what  # a source gave a day: another day, or one after the start


def _check_leg(leg: LegView, starts: Said, ends: Said) -> None:
    _check_date(leg.start_date, leg.start_certainty, starts.get(leg.leg_id, {}), leg)
    _check_date(leg.end_date, leg.end_certainty, ends.get(leg.leg_id, {}), leg)
    if leg.dates_confirmed:
        assert leg.start_date in starts.get(leg.leg_id, {}), leg
        assert leg.end_date in ends.get(leg.leg_id, {}), leg
    both = (leg.start_certainty, leg.end_certainty)
    assert leg.dates_confirmed == all(c in CONFIRMED for c in both), leg
    if None not in both:
        assert leg.certainty == min(both, key=lambda c: c.rank), leg  # type: ignore[union-attr]


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
    starts, ends, trip_starts, trip_ends = _stated(events)
    engagement_days: dict[str, set[date]] = {}
    for e in events:
        if isinstance(e, ev.EngagementReported) and e.at is not None:
            engagement_days.setdefault(e.engagement_id, set()).add(e.at.day)
    for trip in fold.schedule().trips:
        said_start = trip_starts.get(trip.trip_id, {})
        said_end = trip_ends.get(trip.trip_id, {})
        if trip.dates_confirmed:
            assert trip.start_date in said_start and trip.end_date in said_end, trip
        for shown, certainty in (
            (trip.start_date, trip.start_certainty),
            (trip.end_date, trip.end_certainty),
        ):
            if certainty in CONFIRMED:
                assert shown in said_start or shown in said_end, trip
        for leg in trip.legs:
            _check_leg(leg, starts, ends)
        for engagement in trip.engagements:
            if engagement.certainty in CONFIRMED:
                said = engagement_days.get(engagement.engagement_id, set())
                assert engagement.start_date in said, engagement


@settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(events=announced_then_dated())
def test_a_later_event_never_turns_a_stated_date_into_an_inferred_one(
    events: list[ev.DomainEvent],
) -> None:
    fold = ScheduleFold()
    for position, event in enumerate([article_event(a) for a in ARTICLES], start=1):
        fold.apply(event, position, T0)
    sourced: set[tuple[str, str]] = set()
    for position, event in enumerate(events, start=len(ARTICLES) + 1):
        fold.apply(event, position, T0 + timedelta(seconds=position))
        for trip in fold.schedule().trips:
            for leg in trip.legs:
                for side, certainty in (("start", leg.start_certainty), ("end", leg.end_certainty)):
                    key = (leg.leg_id, side)
                    if key in sourced:
                        assert certainty not in (None, Certainty.INFERRED), (key, leg)
                    elif certainty not in (None, Certainty.INFERRED):
                        sourced.add(key)
