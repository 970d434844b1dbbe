"""The renderer writes VEVENT content lines itself (icalendar objects cost about a
millisecond per event): its bytes must be the ones icalendar writes for the same events,
escaping, folding, parameters and all. `reference.py` builds the feed the icalendar way;
here the two are compared on the hand-built and seed schedules, on random schedules full
of text that needs escaping and folding, and helper by helper against icalendar's and
urllib's own functions."""

from __future__ import annotations

import difflib
import re
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import quote

import msgspec
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import vText
from icalendar.parser import Contentline
from icalendar.parser_tools import to_unicode

from calendar_svc.api.feeds import (
    EventCache,
    FeedSpec,
    contentlines,
    feed_last_modified,
    render_calendar,
)
from calendar_svc.domain.values import PersonRef, PlaceRef
from calendar_svc.domain.views import EngagementView, LegView, Schedule, SourceRef, TripView
from tests.api.ics.conftest import SPEC
from tests.api.ics.reference import reference_calendar
from tests.api.ics.schedules import LC, PMC, engagement, leg, small_schedule, trip
from tests.api.ics.wire import assert_wire_format

SPECS: dict[str, FeedSpec] = {
    "all": SPEC,
    "trip PMC": msgspec.structs.replace(SPEC, trip_id=PMC),
    "trip LC": msgspec.structs.replace(SPEC, trip_id=LC),
    "no such trip": msgspec.structs.replace(SPEC, trip_id="nope"),
    "country fr": msgspec.structs.replace(SPEC, country="fr"),
    "country DE": msgspec.structs.replace(SPEC, country=" DE "),
    "country US": msgspec.structs.replace(SPEC, country="US"),
    "other base URL": msgspec.structs.replace(SPEC, base_url="https://cal.example.org/ä b/"),
    "other refresh": msgspec.structs.replace(SPEC, refresh=timedelta(days=1, hours=2, seconds=5)),
    "texts": msgspec.structs.replace(
        SPEC, name="a, b; c\\d\nnew line", description="x" * 80 + "ệ" * 40 + "\\N"
    ),
}


def assert_same(rendered: bytes, expected: bytes) -> None:
    if rendered != expected:
        diff = difflib.unified_diff(
            expected.decode().splitlines(), rendered.decode().splitlines(), "icalendar", "ours"
        )
        pytest.fail("the feed differs from icalendar's:\n" + "\n".join(list(diff)[:60]))


@pytest.mark.parametrize("name", sorted(SPECS))
def test_the_small_schedule_is_written_as_icalendar_writes_it(name: str) -> None:
    spec = SPECS[name]
    expected = reference_calendar(small_schedule(), spec)
    assert_same(render_calendar(small_schedule(), spec), expected)
    assert_same(render_calendar(small_schedule(), spec, cache=EventCache()), expected)


def test_the_seed_schedule_is_written_as_icalendar_writes_it(seed_schedule: Schedule) -> None:
    for spec in (SPEC, msgspec.structs.replace(SPEC, country="RU")):
        assert_same(render_calendar(seed_schedule, spec), reference_calendar(seed_schedule, spec))


@pytest.mark.parametrize(
    "zone",
    ["UTC", "Etc/UTC", "Zulu", "GMT", "Etc/GMT+5", "EST5EDT", "Asia/Saigon", "Bogus/Zone", ""],
)
def test_zones_icalendar_writes_in_utc_or_by_another_name(zone: str) -> None:
    # Zones icalendar takes for UTC are written with "Z" and need no VTIMEZONE.
    item = engagement(
        PMC,
        "FR",
        "talks",
        start_date=date(2025, 3, 31),
        local_time=time(23, 30),  # the hour ends the next day
        timezone=zone,
        date_basis="date stated",
    )
    base = small_schedule()
    schedule = msgspec.structs.replace(
        base, trips=[trip(PMC, base.trips[0].principal, [], engagements=[item])]
    )
    assert_same(render_calendar(schedule, SPEC), reference_calendar(schedule, SPEC))


# -- random schedules -------------------------------------------------------------------------

_TRICKY = [
    *"ạảãàáâậầấẩẫăắằặẳẵêếềệểễđĐ ,;:\\\"'^\n\r\tN",
    *("\u0301", "\u0323", "\U0001f1fb", "\x00", "\x1b", "\x7f", "\x85", "\u2028", "\u2029"),
    *("\\N", "\\n", "\r\n", "^^", "中", "é", "€"),
]
TEXT = st.lists(
    st.one_of(st.sampled_from(_TRICKY), st.characters(codec="utf-8")), max_size=120
).map("".join)
# Long runs of one character, so that every alignment of escapes and multi-octet
# characters against the fold comes up.
RUNS = st.builds(
    lambda prefix, char, count: prefix + char * count,
    st.text(alphabet="x", max_size=4),
    st.sampled_from(["\\", ",", ";", "^", "ệ", "🇻🇳", "\n", "a"]),
    st.integers(1, 90),
)
ANY_TEXT = st.one_of(TEXT, RUNS)
IDS = st.text(alphabet="az09-_.~/#% ,;\\:ệ\U0001f1fb\U0001f1f3", min_size=1, max_size=40)
DATES = st.dates(date(1990, 1, 1), date(2040, 12, 31))
ZONES = st.sampled_from(
    [
        *(None, "", "Europe/Paris", "America/New_York", "Asia/Ho_Chi_Minh", "UTC", "Etc/UTC"),
        *("Etc/GMT+5", "Australia/Lord_Howe", "America/Santiago", "Bogus/Zone"),
    ]
)
CODES = st.sampled_from(["FR", "DE", "US", "VN", "XX", "fr", ""])
COORDS = st.one_of(st.none(), st.floats(-90, 90, allow_nan=False), st.integers(-90, 90))
PEOPLE = st.builds(PersonRef, ANY_TEXT, st.one_of(st.none(), ANY_TEXT))
ARTICLES = ["a" * 64, "b" * 64, "c" * 64, "d" * 64]


@st.composite
def legs(draw: st.DrawFn, trip_id: str, number: int) -> LegView:
    return leg(
        trip_id,
        draw(CODES) or "FR",
        number,
        leg_id=f"{trip_id}/{number}{draw(IDS)}",
        city=draw(st.one_of(st.none(), ANY_TEXT)),
        visit_type=draw(
            st.one_of(st.sampled_from([None, "visit", "state", "attending_event"]), TEXT)
        ),
        inviter=draw(st.one_of(st.none(), PEOPLE)),
        start_date=draw(st.one_of(st.none(), DATES)),
        end_date=draw(st.one_of(st.none(), DATES)),
        dates_confirmed=draw(st.booleans()),
        date_basis=draw(ANY_TEXT),
        status_as_of=draw(st.one_of(st.none(), DATES)),
        status=draw(st.sampled_from(["announced", "in_progress", "concluded", "cancelled"])),
        latitude=draw(COORDS),
        longitude=draw(COORDS),
        revision=draw(st.integers(0, 10**6)),
        updated_at=draw(st.one_of(st.none(), st.datetimes())),
        sources=draw(st.lists(st.sampled_from(ARTICLES), max_size=3)),
    )


@st.composite
def engagements(draw: st.DrawFn, trip_id: str, number: int) -> EngagementView:
    place = draw(
        st.one_of(
            st.none(),
            st.builds(
                PlaceRef,
                CODES,
                st.one_of(st.none(), ANY_TEXT),
                st.one_of(st.none(), ANY_TEXT),
                ZONES,
                COORDS,
                COORDS,
            ),
        )
    )
    return engagement(
        trip_id,
        None,
        f"{number}",
        engagement_id=f"{trip_id}#{number}{draw(IDS)}",
        leg_id=draw(st.one_of(st.none(), st.just(f"{trip_id}/1"))),
        kind=draw(st.one_of(st.sampled_from(["talks", "wreath_laying"]), TEXT)),
        title=draw(ANY_TEXT),
        counterparts=draw(st.lists(PEOPLE, max_size=2)),
        place=place,
        start_date=draw(st.one_of(st.none(), DATES)),
        end_date=draw(st.one_of(st.none(), DATES)),
        local_time=draw(st.one_of(st.none(), st.times())),
        day_part=draw(st.one_of(st.none(), ANY_TEXT)),
        timezone=draw(ZONES),
        date_basis=draw(st.one_of(st.just("date stated"), ANY_TEXT)),
        status=draw(st.sampled_from(["reported", "cancelled", "postponed"])),
        revision=draw(st.integers(0, 10**6)),
        updated_at=draw(st.one_of(st.none(), st.datetimes())),
        sources=draw(st.lists(st.sampled_from(ARTICLES), max_size=3)),
    )


@st.composite
def schedules(draw: st.DrawFn) -> Schedule:
    trips: list[TripView] = []
    for number in range(draw(st.integers(1, 3))):
        trip_id = f"t{number}-{draw(IDS)}"
        trip_legs = [draw(legs(trip_id, n)) for n in range(1, draw(st.integers(0, 3)) + 1)]
        trip_engagements = [draw(engagements(trip_id, n)) for n in range(draw(st.integers(0, 3)))]
        trips.append(
            trip(
                trip_id,
                draw(PEOPLE),
                trip_legs,
                engagements=trip_engagements,
                updated_at=draw(st.one_of(st.none(), st.datetimes())),
            )
        )
    sources = {
        article: SourceRef(
            article,
            outlet=draw(st.one_of(st.none(), ANY_TEXT)),
            url=draw(st.one_of(st.none(), TEXT)),
            published_on=draw(st.one_of(st.none(), DATES)),
            title=draw(st.one_of(st.none(), ANY_TEXT)),
        )
        for article in draw(st.lists(st.sampled_from(ARTICLES), unique=True))
    }
    return Schedule(position=1, recorded_at=None, trips=trips, sources=sources)


SPEC_TEXT = st.builds(
    FeedSpec,
    ANY_TEXT,
    ANY_TEXT,
    st.sampled_from(["http://127.0.0.1:8000/", "https://example.org/cal", "http://h/ä ü"]),
    st.none(),
    st.one_of(st.none(), CODES),
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(schedules(), SPEC_TEXT)
def test_any_schedule_is_written_as_icalendar_writes_it(schedule: Schedule, spec: FeedSpec) -> None:
    try:
        expected = reference_calendar(schedule, spec)
    except ValueError:  # two items share a UID: refused either way
        with pytest.raises(ValueError, match="share the UID"):
            render_calendar(schedule, spec)
        return
    cache = EventCache()
    assert_same(render_calendar(schedule, spec), expected)
    assert_same(render_calendar(schedule, spec, cache=cache), expected)
    assert_same(render_calendar(schedule, spec, cache=cache), expected)  # all from the cache
    latest = feed_last_modified(schedule, spec)
    assert feed_last_modified(schedule, spec, cache=cache) == latest
    stamps = re.findall(rb"\r\nLAST-MODIFIED:(\d{8}T\d{6})Z", expected)
    assert latest == max(
        (datetime.strptime(s.decode(), "%Y%m%dT%H%M%S").replace(tzinfo=UTC) for s in stamps),
        default=None,
    )
    assert_wire_format(expected)


# -- the helpers, against icalendar's and urllib's ---------------------------------------------


@given(st.one_of(TEXT, RUNS))
@example("\ufeff: visit to France")  # found by the schedule test: a value opening with a BOM
@example("a\ufeffb\ufeff")
def test_escaping_is_icalendars(text: str) -> None:
    # A property's value is vText's bytes read back with UTF-8-SIG (Contentline.from_parts).
    assert contentlines.escape(text) == to_unicode(vText(text).to_ical())


@given(st.one_of(TEXT, RUNS).map(lambda t: "X-TEST:" + contentlines.escape(t)))
def test_folding_is_icalendars(line: str) -> None:
    assert contentlines.fold(line.encode()) == Contentline(line).to_ical()


@given(st.text(st.characters(codec="utf-8")) | IDS)
def test_quoting_is_urllibs(text: str) -> None:
    assert contentlines.percent_encode(text) == quote(text, safe="/")
