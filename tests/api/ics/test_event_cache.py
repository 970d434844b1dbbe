"""Rendered VEVENTs kept per trip: after a change, only the trips it touched are written
again, the joined feed is byte for byte the feed rendered from scratch, and the caches
keep to their bounds."""

from __future__ import annotations

from datetime import UTC, datetime

import msgspec
import pytest
from litestar import Litestar
from litestar.testing import TestClient

from calendar_svc.api.app import create_app
from calendar_svc.api.feeds import EventCache, feed_last_modified, render_calendar
from calendar_svc.api.feeds.events import Form
from calendar_svc.api.feeds.serving import FeedCache, RenderedFeed
from calendar_svc.config import PROJECT_ROOT, Settings
from calendar_svc.domain.views import Schedule, SourceRef
from calendar_svc.services.ingestion import ingest
from calendar_svc.store import EventStore
from tests.api.conftest import AUTH
from tests.api.ics.conftest import SPEC
from tests.api.ics.schedules import BAOCHINHPHU, LC, PMC, small_schedule
from tests.api.ics.test_writer import SPECS

ARTICLES = PROJECT_ROOT / "tests/fixtures/articles"


def _with_engagement_title(schedule: Schedule, trip_id: str, title: str) -> Schedule:
    trips = []
    for view in schedule.trips:
        if view.trip_id == trip_id:
            first = msgspec.structs.replace(view.engagements[0], title=title)
            view = msgspec.structs.replace(view, engagements=[first, *view.engagements[1:]])
        trips.append(view)
    return msgspec.structs.replace(schedule, trips=trips, position=schedule.position + 1)


def test_a_cached_render_is_the_render_from_scratch() -> None:
    cache = EventCache()
    for spec in SPECS.values():
        assert render_calendar(small_schedule(), spec, cache=cache) == render_calendar(
            small_schedule(), spec
        )
        assert feed_last_modified(small_schedule(), spec, cache=cache) == feed_last_modified(
            small_schedule(), spec
        )
    # Two base URLs (their URL properties differ), two trips each: four renders in all,
    # every other feed of the same schedule joined from them.
    assert cache.rendered == 4 and len(cache) == 4


def test_only_the_changed_trip_is_rendered_again() -> None:
    cache = EventCache()
    before = small_schedule()
    render_calendar(before, SPEC, cache=cache)
    assert (cache.rendered, cache.reused) == (2, 0)

    after = _with_engagement_title(before, LC, "Address to the 80th General Assembly")
    data = render_calendar(after, SPEC, cache=cache)
    assert (cache.rendered, cache.reused) == (3, 1)  # LC again; PMC found rendered
    assert data == render_calendar(after, SPEC)
    assert b"Address to the 80th General Assembly" in data

    # The same schedule again, even as another object (decoded afresh): nothing rendered.
    again = msgspec.json.decode(msgspec.json.encode(after), type=Schedule)
    assert render_calendar(again, SPEC, cache=cache) == data
    assert cache.rendered == 3


def test_a_changed_source_renders_the_trips_citing_it() -> None:
    cache = EventCache()
    before = small_schedule()
    render_calendar(before, SPEC, cache=cache)
    # A source's title becomes known: no revision changes, but DESCRIPTION does.
    sources = dict(before.sources)
    sources[BAOCHINHPHU] = SourceRef(BAOCHINHPHU, outlet="Báo Chính phủ", title="Phát biểu")
    after = msgspec.structs.replace(before, sources=sources, position=before.position + 1)
    data = render_calendar(after, SPEC, cache=cache)
    assert (cache.rendered, cache.reused) == (3, 1)  # only LC cites it
    assert data == render_calendar(after, SPEC)
    assert "Báo Chính phủ".encode() in data


def test_the_cache_keeps_to_its_budget_and_still_renders_the_same_bytes() -> None:
    schedule = small_schedule()
    expected = render_calendar(schedule, SPEC)
    sizes = []
    for view in schedule.trips:
        probe = EventCache()
        render_calendar(schedule, msgspec.structs.replace(SPEC, trip_id=view.trip_id), cache=probe)
        sizes.append(probe.bytes)
    # Room for the larger trip only: each render evicts the other.
    cache = EventCache(max_bytes=max(sizes))
    for _ in range(3):
        assert render_calendar(schedule, SPEC, cache=cache) == expected
        assert cache.bytes <= cache.max_bytes and len(cache) == 1
        changed = _with_engagement_title(schedule, PMC, "x")
        assert render_calendar(changed, SPEC, cache=cache) == render_calendar(changed, SPEC)
        assert cache.bytes <= cache.max_bytes and len(cache) == 1
    # No room at all: every trip is rendered each time, the bytes are the same.
    empty = EventCache(max_bytes=0)
    assert render_calendar(schedule, SPEC, cache=empty) == expected
    assert render_calendar(schedule, SPEC, cache=empty) == expected
    assert len(empty) == 0 and empty.bytes == 0


def test_duplicate_uids_are_refused_with_a_cache_too() -> None:
    base = small_schedule()
    twice = msgspec.structs.replace(base, trips=[*base.trips, base.trips[1]])
    with pytest.raises(ValueError, match="share the UID"):
        render_calendar(twice, SPEC, cache=EventCache())


def test_the_feed_cache_keeps_to_its_count_and_bytes() -> None:
    def feed(size: int) -> RenderedFeed:
        stamp = datetime(2025, 1, 1, tzinfo=UTC)
        return RenderedFeed(b"x" * size, '"t"', stamp, {})

    cache = FeedCache(size=3, max_bytes=250)
    for position in range(1, 6):
        cache.put((position, "all", ""), feed(100))
        assert len(cache) <= 3 and cache.bytes <= 250
        assert cache.get((position, "all", "")) is not None  # the latest is kept
    assert cache.get((1, "all", "")) is None
    cache.put((9, "all", ""), feed(1000))  # larger than the budget: kept alone
    assert len(cache) == 1 and cache.bytes == 1000
    cache.put((9, "all", ""), feed(10))  # replaced, not counted twice
    assert cache.bytes == 10


def test_after_a_new_article_only_the_trip_it_changed_is_rendered_again(
    app: Litestar, client: TestClient[Litestar], seeded_store: EventStore, sqlite_url: str
) -> None:
    for name in ("ingest_en_pm_japan_announce.txt", "ingest_en_president_india_announce.txt"):
        ingest(seeded_store, (ARTICLES / name).read_bytes())
    readside = app.state["readside"]
    events: EventCache = app.state["feeds"].events
    first = client.get("/calendar.ics")
    before = readside.current()
    assert len(before.trips) >= 3
    assert (events.rendered, events.reused) == (len(before.trips), 0)
    # Other feeds of the same position reuse the trips' VEVENTs.
    client.get("/trips/to-lam-2025-05-05/calendar.ics")
    client.get("/countries/KZ/calendar.ics")
    assert (events.rendered, events.reused) == (len(before.trips), 0)

    report = (ARTICLES / "feeds_kazakhstan_leg_report_en.txt").read_text("utf-8")
    assert client.post("/articles", json={"text": report}, headers=AUTH).status_code == 201
    second = client.get("/calendar.ics")
    after = readside.current()
    changed = [view.trip_id for view in after.trips if view not in before.trips]
    assert changed == ["to-lam-2025-05-05"]
    assert events.rendered == len(before.trips) + 1
    assert events.reused == len(after.trips) - 1
    assert second.content != first.content
    assert second.headers["etag"] != first.headers["etag"]

    # A fresh app (nothing cached) serves the same bytes, tag and date.
    fresh = create_app(Settings(database_url=sqlite_url), store=seeded_store)
    with TestClient(app=fresh) as other:
        scratch = other.get("/calendar.ics")
    assert scratch.content == second.content
    for header in ("etag", "last-modified"):
        assert scratch.headers[header] == second.headers[header]
    # The old tag is stale; the new one gets a 304.
    assert (
        client.get("/calendar.ics", headers={"If-None-Match": first.headers["etag"]}).status_code
        == 200
    )
    assert (
        client.get("/calendar.ics", headers={"If-None-Match": second.headers["etag"]}).status_code
        == 304
    )


def test_as_of_a_time_or_the_head_position(client: TestClient[Litestar], app: Litestar) -> None:
    current = client.get("/calendar.ics")
    head = app.state["readside"].head()
    assert client.get("/calendar.ics", params={"as_of": head}).content == current.content
    before_anything = client.get("/calendar.ics", params={"as_of": "2000-01-01T00:00:00"})
    assert before_anything.status_code == 200
    assert b"BEGIN:VEVENT" not in before_anything.content
    assert before_anything.headers["etag"] != current.headers["etag"]
    country = client.get("/countries/kz/calendar.ics", params={"as_of": "2000-01-01T00:00:00Z"})
    assert country.status_code == 200 and b"BEGIN:VEVENT" not in country.content
    assert client.get("/countries/zz/calendar.ics").status_code == 404


def test_a_trip_decoded_again_is_known_by_its_id() -> None:
    """A stored schedule decodes its trips on demand, so one trip of it may come as two
    objects (and a freed one's id() may be another trip's): the VEVENTs a schedule's
    trip was rendered to are remembered by the trip's id, not by the object."""
    cache = EventCache()
    schedule = small_schedule()
    trip = schedule.trips[0]
    form = Form("https://x.test", "dated", "en")
    first = cache.trip(schedule, trip, form)
    again = msgspec.json.decode(msgspec.json.encode(trip), type=type(trip))
    assert again is not trip and cache.trip(schedule, again, form) is first
    assert (cache.rendered, cache.reused) == (1, 0)  # not even looked up by digest
