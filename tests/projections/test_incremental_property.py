"""Applying events one page at a time gives exactly the schedule a full rebuild gives."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calendar_svc.domain import events as ev
from calendar_svc.domain.values import (
    DateWindow,
    EngagementKind,
    Moment,
    PersonRef,
    PlaceRef,
    Provenance,
    VisitType,
)
from calendar_svc.projections.schedule import ScheduleProjection
from calendar_svc.store import NewEvent, migrate, open_store

COUNTRIES = ["KZ", "AZ", "RU", "BY", "JP"]
ARTICLES = [f"{i:064x}" for i in range(1, 5)]
BASE = date(2025, 5, 1)


def _prov(article: str) -> list[Provenance]:
    return [
        Provenance(article_id=article, sentence_index=0, span=(0, 4), sentence="text", rule="test")
    ]


@st.composite
def trip_event(draw: st.DrawFn) -> ev.DomainEvent:
    trip = draw(st.sampled_from(["a-2025-05-01", "b-2025-05-03"]))
    article = draw(st.sampled_from(ARTICLES))
    country = draw(st.sampled_from(COUNTRIES))
    leg = f"{trip}/{country.lower()}"
    day = BASE + timedelta(days=draw(st.integers(0, 12)))
    length = draw(st.integers(0, 4))
    window = DateWindow(day, day + timedelta(days=length))
    common = {"trip_id": trip, "provenance": _prov(article)}
    kind = draw(st.integers(0, 9))
    if kind <= 2:
        return ev.VisitAnnounced(
            **common,
            principal=PersonRef(name=trip[0].upper()),
            leg_id=leg,
            country_code=country,
            sequence=COUNTRIES.index(country) + 1,
            visit_type=draw(st.none() | st.sampled_from(list(VisitType))),
            window=draw(st.none() | st.just(window)),
            trip_window=draw(st.none() | st.just(DateWindow(BASE, BASE + timedelta(days=12)))),
            duration_days=draw(st.none() | st.integers(1, 4)),
        )
    if kind == 3:
        return ev.DelegationDeparted(
            **common,
            place=PlaceRef(country_code=country),
            at=Moment(day=day),
            concluded_leg_id=draw(st.none() | st.just(leg)),
            next_leg_id=draw(
                st.none() | st.sampled_from([f"{trip}/{c.lower()}" for c in COUNTRIES])
            ),
        )
    if kind == 4:
        return ev.DelegationArrived(
            **common, leg_id=leg, place=PlaceRef(country_code=country), at=Moment(day=day)
        )
    if kind == 5:
        return ev.LegConcluded(
            **common, leg_id=leg, country_code=country, on=draw(st.none() | st.just(day))
        )
    if kind == 6:
        return ev.ScheduleRevised(
            **common, leg_id=draw(st.none() | st.just(leg)), previous=None, revised=window
        )
    if kind == 7:
        return ev.EngagementReported(
            **common,
            engagement_id=f"{leg}/e{draw(st.integers(0, 2))}",
            leg_id=leg,
            kind=draw(st.sampled_from(list(EngagementKind))),
            title="Talks",
            at=draw(st.none() | st.just(Moment(day=day))),
        )
    if kind == 8:
        return ev.ClaimDisputed(
            **common, fact=f"leg:{leg}.visit_type", held="state", claimed="official", held_since="x"
        )
    return draw(
        st.sampled_from(
            [
                ev.TripConcluded(**common, on=day),
                ev.VisitCancelled(**common, leg_id=leg),
                ev.ScheduleChanged(**common, leg_id=leg, moved="end"),
                ev.ScheduleChanged(**common, leg_id=None, moved="both"),
                ev.FactCorroborated(
                    **common, fact=f"leg:{leg}.country", value=country, corroborates="x"
                ),
            ]
        )
    )


def article_event(article: str) -> ev.ArticleRecorded:
    return ev.ArticleRecorded(
        article_id=article,
        text="text",
        language="en",
        language_detected=False,
        published_on=BASE,
        outlet="Test",
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    events=st.lists(trip_event(), min_size=1, max_size=40),
    batch_sizes=st.lists(st.integers(1, 8), min_size=1, max_size=12),
    cuts=st.lists(st.integers(0, 12), max_size=6),
    page=st.integers(1, 7),
)
def test_incremental_equals_rebuild(
    events: list[ev.DomainEvent], batch_sizes: list[int], cuts: list[int], page: int
) -> None:
    """Appends of several events (one transaction each), caught up at random moments in
    pages that may end inside an append: the same schedule, revisions included. A reader
    that reloads only the trips written since its last load sees the same as a full load."""
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'p.sqlite3'}"
        migrate.upgrade(url)
        store = open_store(url)
        projection = ScheduleProjection(store)
        everything = [article_event(a) for a in ARTICLES] + events
        batches: list[list[ev.DomainEvent]] = []
        sizes = iter(batch_sizes * 40)
        while everything:
            size = next(sizes)
            batches.append(everything[:size])
            everything = everything[size:]
        count = 0
        reader = None
        for number, batch in enumerate(batches):
            appended = []
            for event in batch:
                kind, version, data = ev.encode(event)
                stream = (
                    f"trip-{event.trip_id}"
                    if isinstance(event, ev.TripEvent)
                    else f"article-{count}"
                )
                appended.append(
                    NewEvent(
                        event_id=f"e{count}",
                        stream_id=stream,
                        event_type=kind,
                        schema_version=version,
                        data=data,
                    )
                )
                count += 1
            store.append(appended)
            if number in cuts:
                projection.catch_up(page_size=page)
                reader = projection.load(reader)
                assert reader == projection.load()
        projection.catch_up(page_size=page)
        incremental = projection.load()
        assert projection.load(reader) == incremental
        projection.rebuild()
        assert projection.load() == incremental
        assert projection.load(reader) == incremental
        store.close()


def test_a_leg_hidden_for_a_while_keeps_its_revision_when_stored() -> None:
    """Found by the property above: a leg named by one of two sources with nothing of its
    own is hidden (rule 0), then shown again once it has an arrival. A fold that stored
    the trip meanwhile must go on from the leg's stamp, as a rebuild does."""
    trip = "a-2025-05-01"

    events: list[ev.DomainEvent] = [
        ev.VisitAnnounced(
            trip_id=trip,
            provenance=_prov(ARTICLES[0]),
            principal=PersonRef(name="A"),
            leg_id=f"{trip}/kz",
            country_code="KZ",
            sequence=1,
        ),
        ev.DelegationArrived(
            trip_id=trip,
            provenance=_prov(ARTICLES[1]),
            leg_id=f"{trip}/az",
            place=PlaceRef(country_code="AZ"),
            at=Moment(day=BASE),
        ),
        ev.DelegationArrived(
            trip_id=trip,
            provenance=_prov(ARTICLES[0]),
            leg_id=f"{trip}/kz",
            place=PlaceRef(country_code="KZ"),
            at=Moment(day=BASE),
        ),
    ]
    test_incremental_equals_rebuild.hypothesis.inner_test(  # type: ignore[attr-defined]
        events=events, batch_sizes=[1], cuts=[], page=1
    )


def test_a_leg_hidden_when_first_stamped_is_new_when_shown() -> None:
    """Found by the property above: a trip first stamped without rendering (a rebuild's
    lazy path) stamps only the legs a render would show; a leg named in passing then is
    new when it is shown, as in a fold that rendered every step."""
    a, b = "a-2025-05-01", "b-2025-05-03"

    events: list[ev.DomainEvent] = [
        ev.DelegationDeparted(
            trip_id=a,
            provenance=_prov(ARTICLES[0]),
            place=PlaceRef(country_code="KZ"),
            at=Moment(day=BASE),
        ),
        ev.LegConcluded(
            trip_id=a, provenance=_prov(ARTICLES[0]), leg_id=f"{a}/kz", country_code="KZ"
        ),
        ev.VisitAnnounced(
            trip_id=b,
            provenance=_prov(ARTICLES[0]),
            principal=PersonRef(name="B"),
            leg_id=f"{b}/jp",
            country_code="JP",
            sequence=5,
        ),
        ev.DelegationArrived(
            trip_id=b,
            provenance=_prov(ARTICLES[1]),
            leg_id=f"{b}/kz",
            place=PlaceRef(country_code="KZ"),
            at=Moment(day=BASE),
        ),
        ev.VisitAnnounced(
            trip_id=b,
            provenance=_prov(ARTICLES[0]),
            principal=PersonRef(name="B"),
            leg_id=f"{b}/jp",
            country_code="JP",
            sequence=5,
            window=DateWindow(BASE, BASE),
        ),
    ]
    test_incremental_equals_rebuild.hypothesis.inner_test(  # type: ignore[attr-defined]
        events=events, batch_sizes=[1, 3], cuts=[], page=1
    )


def test_a_reader_notices_trips_removed_by_a_rebuild(sqlite_url: str) -> None:
    """Rows are only replaced by catch-up; a rebuild may drop a trip (say, after an upcaster
    fix): the count check sends the reader back to a full load."""
    from sqlalchemy import delete

    from calendar_svc.projections import schema

    store = open_store(sqlite_url)
    projection = ScheduleProjection(store)
    batch = [article_event(ARTICLES[0])]
    for trip in ("a-2025-05-01", "b-2025-05-03"):
        batch.append(
            ev.VisitAnnounced(
                trip_id=trip,
                provenance=_prov(ARTICLES[0]),
                principal=PersonRef(name=trip[0].upper()),
                leg_id=f"{trip}/kz",
                country_code="KZ",
                sequence=1,
            )
        )
    rows = []
    for i, event in enumerate(batch):
        kind, version, data = ev.encode(event)
        stream = f"trip-{event.trip_id}" if isinstance(event, ev.TripEvent) else "article-0"
        rows.append(
            NewEvent(
                event_id=f"e{i}",
                stream_id=stream,
                event_type=kind,
                schema_version=version,
                data=data,
            )
        )
    store.append(rows)
    projection.catch_up()
    reader = projection.load()
    assert len(reader.trips) == 2
    with store.exclusive() as conn:  # what a rebuild without trip b would leave
        conn.execute(delete(schema.trips).where(schema.trips.c.trip_id == "b-2025-05-03"))
    assert [t.trip_id for t in projection.load(reader).trips] == ["a-2025-05-01"]
    store.close()
