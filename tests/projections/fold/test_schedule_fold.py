"""The fold keeps each trip compactly, and all but the recently touched ones encoded (hot
and cold trips): none of that shows. Views, revisions, changes and snapshots are what the
fold made before (golden files written by it), whatever the number of trips kept decoded.

`fixtures/seed_log.jsonl` is the seed log (the events of `seeds/`, one append per
article); `fixtures/seed_expected.json` is what the previous fold made of it with the
recorded times used here: the schedule, a digest of `changes`, every trip's snapshot at
the end, and the snapshots and sources as a projection stored them after the third append.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calendar_svc.domain import events as ev
from calendar_svc.domain.events import DomainEvent, decode
from calendar_svc.domain.values import (
    DateWindow,
    EngagementKind,
    Moment,
    PersonRef,
    PlaceRef,
    Provenance,
    VisitType,
)
from calendar_svc.domain.views import SourceRef
from calendar_svc.projections.fold import HOT_TRIPS, ScheduleFold

FIXTURES = Path(__file__).parent / "fixtures"
BASE = datetime(2025, 5, 1, tzinfo=UTC)
EXPECTED: dict[str, Any] = msgspec.json.decode(FIXTURES.joinpath("seed_expected.json").read_bytes())
HOT_SIZES: list[int | None] = [None, 0, 1, HOT_TRIPS]

Logged = tuple[DomainEvent, int, datetime]


def _seed_log() -> list[Logged]:
    """The seed log's events, each append at its own minute."""
    log = []
    lines = FIXTURES.joinpath("seed_log.jsonl").read_bytes().splitlines()
    for position, line in enumerate(lines, 1):
        row = msgspec.json.decode(line)
        event = decode(row["type"], row["version"], row["data"])
        log.append((event, position, BASE + timedelta(minutes=row["batch"])))
    return log


def _digest(changes: list[tuple[str, int]]) -> str:
    return hashlib.sha256(msgspec.json.encode(changes)).hexdigest()


@pytest.mark.parametrize("track", [True, False])
@pytest.mark.parametrize("retain_views", [False, True])
@pytest.mark.parametrize("hot_trips", HOT_SIZES)
def test_the_seed_log_folds_as_before(
    retain_views: bool, hot_trips: int | None, track: bool
) -> None:
    fold = ScheduleFold(retain_views=retain_views, hot_trips=hot_trips)
    fold.track_changes = track  # untracked and lean, new trips are stamped unrendered
    for event, position, at in _seed_log():
        fold.apply(event, position, at)
    assert msgspec.json.encode(fold.schedule()).decode() == EXPECTED["schedule"]
    if track:
        changes = {"count": len(fold.changes), "sha256": _digest(fold.changes)}
        assert changes == EXPECTED["changes"]
    snapshots = {trip_id: fold.snapshot(trip_id).decode() for trip_id in sorted(fold.trips)}
    assert snapshots == EXPECTED["snapshots"]


def test_articles_decoded_without_their_text_fold_the_same() -> None:
    """Replays decode an article as its ArticleSource (no text): nothing they show changes."""
    lines = FIXTURES.joinpath("seed_log.jsonl").read_bytes().splitlines()
    fold = ScheduleFold(retain_views=False)
    lean = 0
    for position, line in enumerate(lines, 1):
        row = msgspec.json.decode(line)
        event = ev.decode_for_fold(row["type"], row["version"], row["data"])
        lean += isinstance(event, ev.ArticleSource)
        fold.apply(event, position, BASE + timedelta(minutes=row["batch"]))
    assert lean == 5
    assert msgspec.json.encode(fold.schedule()).decode() == EXPECTED["schedule"]


@pytest.mark.parametrize("hot_trips", HOT_SIZES)
def test_stored_snapshots_restore_and_catch_up_as_before(hot_trips: int | None) -> None:
    """What a projection stored before restores to the same bytes, and catching up from
    it ends where folding the whole log does."""
    midway = EXPECTED["midway"]
    fold = ScheduleFold(hot_trips=hot_trips)  # as a projection's catch-up page does
    for article_id, view in midway["sources"].items():
        fold.articles[article_id] = msgspec.json.decode(view, type=SourceRef)
    for blob in midway["snapshots"].values():
        fold.restore(blob)
    for trip_id, blob in midway["snapshots"].items():
        assert fold.snapshot(trip_id).decode() == blob
    for event, position, at in _seed_log()[midway["position"] :]:
        fold.apply(event, position, at)
    assert msgspec.json.encode(fold.schedule()).decode() == EXPECTED["schedule"]
    snapshots = {trip_id: fold.snapshot(trip_id).decode() for trip_id in sorted(fold.trips)}
    assert snapshots == EXPECTED["snapshots"]


def test_trips_beyond_the_hot_set_are_kept_encoded() -> None:
    log = _seed_log()
    fold = ScheduleFold(retain_views=False, hot_trips=0)
    for event, position, at in log:
        fold.apply(event, position, at)
    fold.flush()
    assert all(isinstance(held, bytes) for held in fold.trips.values())
    before = fold.trips["to-lam-2025-05-05"]
    fold.schedule()  # reading a trip renders it from its encoded state, and leaves it so
    assert fold.trips["to-lam-2025-05-05"] == before


# -- random logs: every hot-set size gives the same answers, read at any moment ------------

TRIPS = ["a-2025-05-01", "b-2025-05-03", "c-2025-05-05", "d-2025-05-07"]
COUNTRIES = ["KZ", "AZ", "RU", "BY"]
ARTICLES = [f"{i:064x}" for i in range(1, 6)]
DAY = date(2025, 5, 1)


def _provenance(articles: list[str]) -> list[Provenance]:
    return [
        Provenance(article_id=a, sentence_index=0, span=(0, 4), sentence="text", rule="test")
        for a in articles
    ]


@st.composite
def trip_events(draw: st.DrawFn) -> DomainEvent:
    trip = draw(st.sampled_from(TRIPS))
    country = draw(st.sampled_from(COUNTRIES))
    leg = f"{trip}/{country.lower()}"
    day = DAY + timedelta(days=draw(st.integers(0, 12)))
    window = DateWindow(day, day + timedelta(days=draw(st.integers(0, 4))))
    place = PlaceRef(
        country_code=country,
        city=draw(st.sampled_from([None, "Capital"])),
        timezone=draw(st.sampled_from([None, "Europe/Moscow"])),
        latitude=draw(st.sampled_from([None, 1.5, 0.0, -0.0])),
    )
    moment = Moment(day=day, day_part=draw(st.sampled_from([None, "morning"])))
    common: dict[str, Any] = {
        "trip_id": trip,
        "provenance": _provenance(
            draw(st.lists(st.sampled_from(ARTICLES), min_size=1, max_size=2))
        ),
    }
    kind = draw(st.integers(0, 12))
    if kind <= 2:
        return ev.VisitAnnounced(
            **common,
            principal=PersonRef(name=trip[0].upper()),
            leg_id=leg,
            country_code=country,
            sequence=COUNTRIES.index(country) + draw(st.integers(0, 1)),
            visit_type=draw(st.none() | st.sampled_from(list(VisitType))),
            inviter=draw(st.none() | st.just(PersonRef(name="Host", title="President"))),
            city=draw(st.sampled_from([None, "", "Capital"])),
            window=draw(st.none() | st.just(window)),
            trip_window=draw(st.none() | st.just(DateWindow(DAY, DAY + timedelta(days=12)))),
            duration_days=draw(st.none() | st.integers(1, 4)),
            event_window=draw(st.none() | st.just(window)),
            planned_start=draw(st.none() | st.just(day)),
            planned_end=draw(st.none() | st.just(window.end)),
        )
    if kind == 3:
        return ev.DelegationDeparted(
            **common,
            place=place,
            at=moment,
            concluded_leg_id=draw(st.none() | st.just(leg)),
            next_leg_id=draw(
                st.none() | st.sampled_from([f"{trip}/{c.lower()}" for c in COUNTRIES])
            ),
        )
    if kind == 4:
        return ev.DelegationArrived(**common, leg_id=leg, place=place, at=moment)
    if kind == 5:
        return ev.LegConcluded(
            **common,
            leg_id=leg,
            country_code=country,
            on=draw(st.none() | st.just(day)),
            window=draw(st.none() | st.just(window)),
        )
    if kind == 6:
        return ev.ScheduleRevised(
            **common, leg_id=draw(st.none() | st.just(leg)), previous=None, revised=window
        )
    if kind in (7, 8):
        return ev.EngagementReported(
            **common,
            # an id may even be a leg's: such items share their stamps
            engagement_id=draw(st.sampled_from([f"{leg}/e0", f"{leg}/e1", leg])),
            leg_id=draw(st.none() | st.just(leg)),
            kind=draw(st.sampled_from(list(EngagementKind))),
            title=draw(st.sampled_from(["Talks", "Victory Day parade"])),
            counterparts=draw(st.lists(st.just(PersonRef(name="Host")), max_size=2)),
            place=draw(st.none() | st.just(place)),
            at=draw(st.none() | st.just(moment)),
            window=draw(st.none() | st.just(window)),
        )
    if kind == 9:
        return ev.ClaimDisputed(
            **common,
            fact=draw(st.sampled_from([f"leg:{leg}.visit_type", "trip.window"])),
            held="state",
            claimed="official",
            held_since="x",
        )
    if kind == 10:
        return ev.DelegationNamed(
            **common,
            principal=PersonRef(name=trip[0].upper()),
            spouse=draw(st.none() | st.just("Spouse")),
            members=draw(st.lists(st.sampled_from([PersonRef("M1"), PersonRef("M2")]))),
        )
    return draw(
        st.sampled_from(
            [
                ev.TripConcluded(**common, on=day),
                ev.VisitCancelled(**common, leg_id=draw(st.none() | st.just(leg))),
                ev.VisitPostponed(**common, leg_id=draw(st.none() | st.just(leg))),
                ev.FactCorroborated(
                    **common, fact=f"leg:{leg}.country", value="x", corroborates="x"
                ),
                ev.FactCorroborated(
                    **common, fact=f"engagement:{leg}/e0", value="x", corroborates="x"
                ),
            ]
        )
    )


def _article(article_id: str, outlet: str | None) -> ev.ArticleRecorded:
    return ev.ArticleRecorded(
        article_id=article_id,
        text="text",
        language="en",
        language_detected=False,
        published_on=DAY,
        outlet=outlet,
        title="A title",
    )


operations = st.lists(
    st.one_of(
        st.tuples(st.just("event"), trip_events()),
        # articles come before or after the facts that cite them, and again changed
        st.tuples(st.just("article"), st.sampled_from(ARTICLES), st.sampled_from([None, "A", "B"])),
        st.tuples(st.just("commit")),  # the events after this are another append
        st.tuples(st.just("view"), st.sampled_from(TRIPS)),
        st.tuples(st.just("schedule")),
        st.tuples(st.just("snapshot"), st.sampled_from(TRIPS)),
        st.tuples(st.just("restore"), st.sampled_from(TRIPS)),  # a snapshot, back in place
    ),
    max_size=80,
)


READS: dict[str, Callable[[ScheduleFold, str], Any]] = {
    "view": lambda fold, trip_id: msgspec.json.encode(fold.view(trip_id)),
    "snapshot": lambda fold, trip_id: fold.snapshot(trip_id),
    "restore": lambda fold, trip_id: fold.restore(fold.snapshot(trip_id)),
}


def _run(fold: ScheduleFold, ops: list[tuple[Any, ...]], track: bool = True) -> list[Any]:
    """Apply the operations; what every read answered, and the fold's end state."""
    fold.track_changes = track
    answers: list[Any] = []
    position = 0
    batch = 0
    for op in ops:
        if op[0] == "commit":
            batch += 1
        elif op[0] in ("event", "article"):
            position += 1
            event = op[1] if op[0] == "event" else _article(op[1], op[2])
            fold.apply(event, position, BASE + timedelta(seconds=batch))
        elif op[0] == "schedule":
            answers.append(msgspec.json.encode(fold.schedule()))
        elif op[1] not in fold.trips:
            with pytest.raises(KeyError):
                READS[op[0]](fold, op[1])
        else:
            answers.append(READS[op[0]](fold, op[1]))
    answers.append(msgspec.json.encode(fold.schedule()))
    answers.append(sorted(fold.trips))
    answers.append({trip_id: fold.snapshot(trip_id) for trip_id in fold.trips})
    answers.append(fold.changes)
    return answers


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=operations, retain_views=st.booleans(), track=st.booleans())
def test_any_hot_set_size_gives_the_same_answers(
    ops: list[tuple[Any, ...]], retain_views: bool, track: bool
) -> None:
    """Lean or retaining, tracking changes or not (a lean untracked fold stamps a trip's
    first batch without rendering it): the same answers with every trip decoded as with
    at most 0, 1 or 2."""
    unbounded = _run(ScheduleFold(retain_views=retain_views, hot_trips=None), ops, track)
    for hot_trips in (0, 1, 2):
        fold = ScheduleFold(retain_views=retain_views, hot_trips=hot_trips)
        assert _run(fold, ops, track) == unbounded


@pytest.mark.parametrize("hot_trips", [None, 0, 1])
def test_an_event_that_fails_half_way_leaves_the_same_state(hot_trips: int | None) -> None:
    """A stated window without a source fails after the leg was added: the trip is not
    rendered for it, and later renders compare with what was shown before."""
    answers = []
    for size in (None, hot_trips):
        fold = ScheduleFold(retain_views=False, hot_trips=size)
        fold.track_changes = True
        common: dict[str, Any] = {"trip_id": TRIPS[0], "provenance": _provenance(ARTICLES[:1])}
        announce = ev.VisitAnnounced(
            **common,
            principal=PersonRef(name="A"),
            leg_id=f"{TRIPS[0]}/kz",
            country_code="KZ",
            sequence=1,
        )
        other = msgspec.structs.replace(announce, trip_id=TRIPS[1])
        fold.apply(announce, 1, BASE)
        fold.apply(other, 2, BASE + timedelta(seconds=1))  # the first trip is rendered
        broken = msgspec.structs.replace(
            announce,
            provenance=[],
            leg_id=f"{TRIPS[0]}/ru",
            country_code="RU",
            window=DateWindow(DAY, DAY),
        )
        with pytest.raises(IndexError):
            fold.apply(broken, 3, BASE + timedelta(seconds=2))
        fold.apply(other, 4, BASE + timedelta(seconds=3))  # the second trip's append...
        fold.apply(announce, 5, BASE + timedelta(seconds=4))  # ...then the first's again
        answers.append(
            (msgspec.json.encode(fold.schedule()), fold.changes, fold.snapshot(TRIPS[0]))
        )
    assert answers[0] == answers[1]
