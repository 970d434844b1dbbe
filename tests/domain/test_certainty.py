"""What went wrong on unseen articles (issue 13), replayed through the fold: each test is
one of the failures the issue saw, with the certainty, dates and status the rules now give.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from calendar_svc.domain import events as ev
from calendar_svc.domain.values import (
    Certainty,
    DateWindow,
    Moment,
    PersonRef,
    PlaceRef,
)
from calendar_svc.domain.views import LegView, TripView
from calendar_svc.projections.fold import ScheduleFold
from tests.support.folding import by

TRIP = "t-2025-05-05"
KZ, RU = f"{TRIP}/kz", f"{TRIP}/ru"
T0 = datetime(2025, 6, 1, tzinfo=UTC)


def d(day: int) -> date:
    return date(2025, 5, day)


def article(name: str, published: int) -> ev.ArticleRecorded:
    return ev.ArticleRecorded(
        article_id=name * 64,
        text="text",
        language="en",
        language_detected=False,
        published_on=d(published),
        outlet=f"Outlet {name.upper()}",
    )


def announce(name: str, leg: str, sequence: int, **fields: object) -> ev.VisitAnnounced:
    return ev.VisitAnnounced(
        trip_id=TRIP,
        provenance=by(name),
        principal=PersonRef(name="T"),
        leg_id=leg,
        country_code=leg[-2:].upper(),
        sequence=sequence,
        **fields,  # type: ignore[arg-type]
    )


def fold(*events: ev.DomainEvent) -> TripView:
    folding = ScheduleFold()
    for position, event in enumerate(events, start=1):
        folding.apply(event, position, T0 + timedelta(seconds=position))
    return folding.view(TRIP)


def leg(view: TripView, leg_id: str) -> LegView:
    return next(x for x in view.legs if x.leg_id == leg_id)


def test_a_stated_departure_confirms_an_end_a_duration_gave() -> None:
    """The end came from 'a two-day visit'; another article reports the delegation
    leaving on that very day: the end is stated, and the leg confirmed."""
    arrived = ev.DelegationArrived(
        trip_id=TRIP,
        provenance=by("a"),
        leg_id=KZ,
        place=PlaceRef(country_code="KZ"),
        at=Moment(day=d(5)),
    )
    left = ev.DelegationDeparted(
        trip_id=TRIP,
        provenance=by("b"),
        place=PlaceRef(country_code="KZ"),
        at=Moment(day=d(6)),
        concluded_leg_id=KZ,
    )
    base = [article("a", 5), article("b", 6), announce("a", KZ, 1, duration_days=2), arrived]
    before = leg(fold(*base), KZ)
    assert (before.end_date, before.end_certainty, before.dates_confirmed) == (
        d(6),
        Certainty.INFERRED,
        False,
    )
    after = leg(fold(*base, left), KZ)
    assert (after.end_date, after.end_certainty) == (d(6), Certainty.STATED)
    assert after.dates_confirmed and after.certainty is Certainty.STATED
    assert "(rule concluded)" in after.date_basis


def test_a_misread_revision_never_silently_overwrites_a_stated_date() -> None:
    """A later article's different window is a reading against the first: the later one
    is shown on a tie, as disputed (never confirmed), with both readings among the
    disputes; once a third source agrees with the first, the first is shown again."""
    first = announce("a", RU, 1, window=DateWindow(d(8), d(11)))
    misread = ev.ScheduleRevised(
        trip_id=TRIP, provenance=by("b"), leg_id=RU, previous=None, revised=DateWindow(d(9), d(11))
    )
    agrees = ev.FactCorroborated(
        trip_id=TRIP,
        provenance=by("c"),
        fact=f"leg:{RU}.window",
        value="2025-05-08/2025-05-11",
        corroborates="x",
    )
    base = [article("a", 1), article("b", 6), article("c", 7), first, misread]
    tie = fold(*base)
    shown = leg(tie, RU)
    assert (shown.start_date, shown.start_certainty) == (d(9), Certainty.DISPUTED)
    assert (shown.end_date, shown.end_certainty) == (d(11), Certainty.CORROBORATED)
    assert not shown.dates_confirmed and shown.certainty is Certainty.DISPUTED
    dispute = next(x for x in tie.disputes if x.fact == "RU start")
    assert (dispute.held, dispute.claimed) == ("2025-05-09", "2025-05-08")
    assert (dispute.held_sources, dispute.sources) == (["b" * 64], ["a" * 64])
    majority = leg(fold(*base, agrees), RU)
    assert (majority.start_date, majority.start_certainty) == (d(8), Certainty.DISPUTED)
    assert majority.end_certainty is Certainty.CORROBORATED


def test_the_trip_spans_its_legs_not_a_later_legs_arrival() -> None:
    """The trip's start is its earliest leg's start, even when its stated window or a
    later leg's arrival says otherwise."""
    view = fold(
        article("a", 1),
        announce("a", KZ, 1, window=DateWindow(d(5), d(7)), trip_window=DateWindow(d(6), d(12))),
        announce("a", RU, 2, window=DateWindow(d(8), d(12))),
        ev.DelegationArrived(
            trip_id=TRIP,
            provenance=by("a"),
            leg_id=RU,
            place=PlaceRef(country_code="RU"),
            at=Moment(day=d(8)),
        ),
    )
    assert (view.start_date, view.end_date) == (d(5), d(12))
    assert view.start_certainty is Certainty.STATED  # the KZ leg's stated start
    assert view.end_certainty is Certainty.STATED  # the RU leg's end and the trip's window
    assert view.dates_confirmed


def test_a_status_says_when_it_was_last_reported() -> None:
    """A trip last reported in progress on 11 May says so, not merely 'in progress'."""
    view = fold(
        article("a", 1),
        article("b", 11),
        announce("a", KZ, 1),
        announce("a", RU, 2, window=DateWindow(d(12), d(14))),
        ev.DelegationArrived(
            trip_id=TRIP,
            provenance=by("b"),
            leg_id=KZ,
            place=PlaceRef(country_code="KZ"),
            at=Moment(day=d(10)),
        ),
    )
    assert (view.status, view.status_as_of) == ("in_progress", d(11))
    kazakhstan, russia = leg(view, KZ), leg(view, RU)
    assert (kazakhstan.status, kazakhstan.status_as_of) == ("in_progress", d(11))
    assert (russia.status, russia.status_as_of) == ("announced", d(1))


def test_two_sources_stating_a_window_corroborate_it() -> None:
    view = fold(
        article("a", 1),
        article("b", 2),
        announce("a", RU, 1, window=DateWindow(d(8), d(11))),
        ev.FactCorroborated(
            trip_id=TRIP,
            provenance=by("b"),
            fact=f"leg:{RU}.window",
            value="2025-05-08/2025-05-11",
            corroborates="x",
        ),
    )
    russia = leg(view, RU)
    assert russia.certainty is Certainty.CORROBORATED and russia.dates_confirmed
    assert "and 1 more source(s)" in russia.date_basis


def test_a_postponed_visit_that_went_ahead_is_not_postponed() -> None:
    """A visit put off, then reported under way (or given new dates): the postponement is
    history. Without that later report it stays postponed."""
    postponed = ev.VisitPostponed(trip_id=TRIP, provenance=by("a"))
    arrived = ev.DelegationArrived(
        trip_id=TRIP,
        provenance=by("b"),
        leg_id=KZ,
        place=PlaceRef(country_code="KZ"),
        at=Moment(day=d(20)),
    )
    revised = ev.ScheduleRevised(
        trip_id=TRIP,
        provenance=by("b"),
        leg_id=None,
        previous=None,
        revised=DateWindow(d(20), d(22)),
    )
    base = [article("a", 1), article("b", 20), announce("a", KZ, 1), postponed]
    assert leg(fold(*base), KZ).status == "postponed"
    assert fold(*base).status == "postponed"
    went = fold(*base, arrived)
    assert leg(went, KZ).status == "in_progress"
    assert went.status == "in_progress"
    assert fold(*base, revised).status == "announced"
    leg_postponed = ev.VisitPostponed(trip_id=TRIP, provenance=by("a"), leg_id=KZ)
    assert leg(fold(*base[:3], leg_postponed, arrived), KZ).status == "in_progress"


def _landed_on_the_7th(part: str) -> ev.DelegationArrived:
    """Source "b" reports the delegation landing in Russia on the 7th, at `part` of day."""
    return ev.DelegationArrived(
        trip_id=TRIP,
        provenance=by("b"),
        leg_id=RU,
        place=PlaceRef(country_code="RU"),
        at=Moment(day=d(7), day_part=part),
    )


def test_an_evening_arrival_on_the_eve_of_the_planned_day_counts_from_that_day() -> None:
    """A plan has the delegation arrive on the 8th (the summit's day, "will fly to Moscow
    for the summit on 8 May"); it landed on the evening of the 7th: the leg starts on the
    8th. Landing that morning, it starts on the 7th."""
    planned = announce("a", RU, 1, planned_start=d(8))

    base = [article("a", 1), article("b", 7), planned]
    assert leg(fold(*base, _landed_on_the_7th("evening")), RU).start_date == d(8)
    assert leg(fold(*base, _landed_on_the_7th("morning")), RU).start_date == d(7)


def test_an_arrival_on_the_eve_of_the_programme_corroborates_its_first_day() -> None:
    """Announced for 8-11 May, the delegation landed on the evening of the 7th: the visit
    starts on the 8th, which two sources now support; landing on the 7th in the morning
    would be another start (disputed)."""
    announced = announce("a", RU, 1, window=DateWindow(d(8), d(11)))

    base = [article("a", 1), article("b", 7), announced]
    eve = leg(fold(*base, _landed_on_the_7th("evening")), RU)
    assert (eve.start_date, eve.start_certainty) == (d(8), Certainty.CORROBORATED)
    morning = leg(fold(*base, _landed_on_the_7th("morning")), RU)
    assert morning.start_certainty is Certainty.DISPUTED
