"""A trip restored from its snapshot keeps everything its dates are decided from: the
summit a leg attends (`event`) and the days a plan gave (`planned_start`/`planned_end`),
so a restored trip renders as the full fold does once more news arrives; a snapshot of a
leg without them is the bytes it was before those fields existed."""

from __future__ import annotations

from datetime import UTC, date, datetime

from calendar_svc.domain import events as ev
from calendar_svc.domain.values import DateWindow, Moment, PersonRef, PlaceRef, Provenance
from calendar_svc.projections.fold import ScheduleFold

AT = datetime(2023, 5, 17, tzinfo=UTC)
TRIP = "petrov-2023-05-17"
PROVENANCE = [
    Provenance(article_id="a" * 64, sentence_index=0, span=(0, 4), sentence="s", rule="test")
]


def _events() -> list[ev.TripEvent]:
    common = {"trip_id": TRIP, "provenance": PROVENANCE}
    who = PersonRef(name="Ivan Petrov", title="President")
    return [
        ev.VisitAnnounced(
            **common,  # type: ignore[arg-type]
            principal=who,
            leg_id=f"{TRIP}/jp",
            country_code="JP",
            sequence=0,
            event_window=DateWindow(date(2023, 5, 19), date(2023, 5, 21)),
            planned_start=date(2023, 5, 18),
        ),
        ev.VisitAnnounced(
            **common,  # type: ignore[arg-type]
            principal=who,
            leg_id=f"{TRIP}/au",
            country_code="AU",
            sequence=1,
            planned_start=date(2023, 5, 22),
            planned_end=date(2023, 5, 24),
        ),
        ev.DelegationNamed(**common, principal=who, spouse="Anna Petrova"),  # type: ignore[arg-type]
    ]


def _legs(fold: ScheduleFold) -> list[tuple[str, date | None, date | None]]:
    (trip,) = fold.schedule().trips
    return [(leg.country_code, leg.start_date, leg.end_date) for leg in trip.legs]


def test_a_restored_trip_renders_as_the_full_fold() -> None:
    *first, last = _events()
    full = ScheduleFold()
    for position, event in enumerate(_events(), 1):
        full.apply(event, position, AT)
    restored = ScheduleFold()
    warm = ScheduleFold()
    for position, event in enumerate(first, 1):
        warm.apply(event, position, AT)
    restored.restore(warm.snapshot(TRIP))
    restored.apply(last, len(first) + 1, AT)  # news after the restore renders the trip anew
    assert (
        _legs(restored)
        == _legs(full)
        == [
            ("JP", date(2023, 5, 18), date(2023, 5, 21)),
            ("AU", date(2023, 5, 22), date(2023, 5, 24)),
        ]
    )


def test_a_leg_without_them_writes_no_such_keys() -> None:
    fold = ScheduleFold()
    fold.apply(_events()[2], 1, AT)  # a trip known by its delegation only
    fold.apply(
        ev.VisitAnnounced(
            trip_id=TRIP,
            provenance=PROVENANCE,
            principal=PersonRef(name="Ivan Petrov"),
            leg_id=f"{TRIP}/kr",
            country_code="KR",
            sequence=0,
        ),
        2,
        AT,
    )
    blob = fold.snapshot(TRIP)
    assert b'"planned_start"' not in blob and b'"event"' not in blob
    assert b'"landed"' not in blob and b'"landed_place"' not in blob


def test_a_restored_trip_keeps_its_landing_home() -> None:
    """The landing home (`TripConcluded.landed`) is what the last leg's end is counted
    back from: a trip restored from its snapshot still counts it."""
    common = {"trip_id": TRIP, "provenance": PROVENANCE}
    who = PersonRef(name="Pham Van A", title="Prime Minister")
    hanoi = PlaceRef(
        country_code="VN",
        city="Hanoi",
        timezone="Asia/Ho_Chi_Minh",
        latitude=21.0245,
        longitude=105.84117,
    )
    events: list[ev.TripEvent] = [
        ev.VisitAnnounced(
            **common,  # type: ignore[arg-type]
            principal=who,
            leg_id=f"{TRIP}/fr",
            country_code="FR",
            sequence=0,
        ),
        ev.DelegationArrived(
            **common,  # type: ignore[arg-type]
            leg_id=f"{TRIP}/fr",
            place=PlaceRef(country_code="FR", city="Paris", timezone="Europe/Paris"),
            at=Moment(day=date(2023, 5, 21)),
        ),
        ev.TripConcluded(
            **common,  # type: ignore[arg-type]
            on=date(2023, 5, 26),
            landed=Moment(day=date(2023, 5, 26), day_part="afternoon"),
            place=hanoi,
        ),
        ev.DelegationNamed(**common, principal=who, spouse="Tran Thi B"),  # type: ignore[arg-type]
    ]
    full = ScheduleFold()
    for position, event in enumerate(events, 1):
        full.apply(event, position, AT)
    warm = ScheduleFold()
    for position, event in enumerate(events[:3], 1):
        warm.apply(event, position, AT)
    restored = ScheduleFold()
    restored.restore(warm.snapshot(TRIP))
    restored.apply(events[3], 4, AT)
    # Paris (no coordinates told: its capital's) to Hanoi lands the afternoon after it left
    assert _legs(restored) == _legs(full) == [("FR", date(2023, 5, 21), date(2023, 5, 25))]
    (trip,) = restored.schedule().trips
    assert trip.end_date == date(2023, 5, 26)  # the trip ends when they are home
