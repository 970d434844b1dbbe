"""A trip restored from its snapshot keeps everything its dates are decided from: the
summit a leg attends (`event`) and the days a plan gave (`planned_start`/`planned_end`),
so a restored trip renders as the full fold does once more news arrives; a snapshot of a
leg without them is the bytes it was before those fields existed."""

from __future__ import annotations

from datetime import UTC, date, datetime

from calendar_svc.domain import events as ev
from calendar_svc.domain.values import DateWindow, PersonRef, Provenance
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
