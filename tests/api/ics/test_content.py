"""What the feed says: calendar properties, one event per dated leg and engagement, stable
UIDs, SEQUENCE and stamps from the log, STATUS, texts, filters, Last-Modified."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import icalendar
import msgspec
import pytest

from calendar_svc.api.feeds import feed_last_modified, item_uid, render_calendar
from calendar_svc.domain.events import (
    ArticleRecorded,
    DelegationDeparted,
    EngagementReported,
    ScheduleRevised,
    VisitAnnounced,
    VisitCancelled,
)
from calendar_svc.domain.values import (
    Certainty,
    DateWindow,
    EngagementKind,
    Moment,
    PersonRef,
    PlaceRef,
    Provenance,
    VisitType,
)
from calendar_svc.domain.views import LegView, Schedule
from calendar_svc.projections.fold import ScheduleFold
from calendar_svc.projections.replay import replay
from calendar_svc.store import EventStore
from tests.api.ics.conftest import SPEC
from tests.api.ics.schedules import LC, PMC, engagement, leg, small_schedule, trip
from tests.api.ics.wire import assert_wire_format, components, properties


def _events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def _lines(data: bytes, uid: str) -> list[str]:
    for name, lines in components(assert_wire_format(data)):
        if name == "VEVENT" and f"UID:{uid}" in lines:
            return lines
    raise AssertionError(f"no VEVENT {uid}")


def _leg_uid(trip_id: str, code: str) -> str:
    return f"leg.{trip_id}.{code}@calendar-svc"


FR = _leg_uid(PMC, "fr")
DE = _leg_uid(PMC, "de")
BE = _leg_uid(PMC, "be")
US = _leg_uid(LC, "us")
TALKS = f"engagement.{PMC}.fr.talks-francois-bayrou@calendar-svc"
BANQUET = f"engagement.{PMC}.fr.banquet-elysee@calendar-svc"
WREATH = f"engagement.{PMC}.fr.wreath-laying-arc-de-triomphe@calendar-svc"
FORUM = f"engagement.{PMC}.de.forum-business@calendar-svc"
SPEECH = f"engagement.{LC}.us.speech-general-debate@calendar-svc"


# -- the calendar ---------------------------------------------------------------------------


def test_calendar_properties() -> None:
    logical = assert_wire_format(render_calendar(small_schedule(), SPEC))
    head = logical[: logical.index("BEGIN:VTIMEZONE")]
    assert head == [
        "BEGIN:VCALENDAR",
        "PRODID:-//calendar-svc//calendar-svc 0.1//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",  # no METHOD: not an iTIP message (see test_itip.py)
        "NAME:Việt Nam: leaders' trips abroad",
        "X-WR-CALNAME:Việt Nam: leaders' trips abroad",
        "DESCRIPTION:Visits and engagements\\, from news articles\\; with sources\\, "
        "dates inferred where none is stated",
        "X-WR-CALDESC:Visits and engagements\\, from news articles\\; with sources\\, "
        "dates inferred where none is stated",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
    ]


@pytest.mark.parametrize(
    ("refresh", "wire"),
    [
        (timedelta(hours=1), "PT1H"),
        (timedelta(minutes=90), "PT1H30M"),
        (timedelta(days=1), "P1D"),
        # dur-hour = 1*DIGIT "H" [dur-minute]: no seconds straight after hours
        (timedelta(days=1, hours=2, seconds=5), "P1DT2H0M5S"),
    ],
)
def test_refresh_is_an_rfc_5545_duration(refresh: timedelta, wire: str) -> None:
    spec = msgspec.structs.replace(SPEC, refresh=refresh)
    logical = assert_wire_format(render_calendar(small_schedule(), spec))
    assert properties(logical, "REFRESH-INTERVAL") == [wire]
    assert properties(logical, "X-PUBLISHED-TTL") == [wire]


@pytest.mark.parametrize("refresh", [timedelta(0), timedelta(hours=-6), timedelta(seconds=0.5)])
def test_a_refresh_that_is_no_duration_is_refused(refresh: timedelta) -> None:
    with pytest.raises(ValueError, match="refresh"):
        render_calendar(small_schedule(), msgspec.structs.replace(SPEC, refresh=refresh))


# -- legs -----------------------------------------------------------------------------------


def test_one_all_day_event_per_dated_leg_with_an_exclusive_end() -> None:
    data = render_calendar(small_schedule(), SPEC)
    lines = _lines(data, FR)
    assert "DTSTART;VALUE=DATE:20250329" in lines
    assert "DTEND;VALUE=DATE:20250402" in lines  # 29 March to 1 April inclusive
    assert "TRANSP:TRANSPARENT" in lines
    assert "DTEND;VALUE=DATE:20250403" in _lines(data, DE)  # 1-2 April
    assert "DTEND;VALUE=DATE:20250927" in _lines(data, US)  # 21-26 September
    legs = [uid for uid in _events(data) if uid.startswith("leg.")]
    # CH has no dates yet: not in the feed. BE is cancelled: in the feed.
    assert sorted(legs) == sorted([FR, DE, BE, US])


def test_a_leg_with_one_known_day_is_a_one_day_event() -> None:
    base = small_schedule()
    only_start = leg(PMC, "IT", 5, start_date=date(2025, 4, 5), revision=1)
    only_end = leg(PMC, "ES", 6, end_date=date(2025, 4, 9), revision=1)
    schedule = msgspec.structs.replace(
        base, trips=[trip(PMC, base.trips[0].principal, [only_start, only_end])]
    )
    data = render_calendar(schedule, SPEC)
    italy, spain = _lines(data, _leg_uid(PMC, "it")), _lines(data, _leg_uid(PMC, "es"))
    assert {"DTSTART;VALUE=DATE:20250405", "DTEND;VALUE=DATE:20250406"} <= set(italy)
    assert {"DTSTART;VALUE=DATE:20250409", "DTEND;VALUE=DATE:20250410"} <= set(spain)


def test_leg_texts() -> None:
    event = _events(render_calendar(small_schedule(), SPEC))[FR]
    assert event["SUMMARY"] == "Phạm Minh Chính: official visit to France"
    assert event["LOCATION"] == "Paris, France"
    assert event.decoded("GEO") == pytest.approx((48.85341, 2.3488))
    assert event["URL"] == f"http://127.0.0.1:8000/ui/trips/{PMC}#{PMC}/fr"
    assert event["CATEGORIES"].cats == ["Diplomatic visit", "Official visit"]
    description = str(event["DESCRIPTION"])
    assert description.splitlines()[:3] == [
        "Prime Minister Phạm Minh Chính: official visit to France.",
        "At the invitation of Prime Minister François Bayrou.",
        "Dates: 29 March – 1 April 2025 (confirmed).",
    ]
    # how sure, in words; the rules' names only in the X- property, for programs
    assert description.splitlines()[3] == "Dates stated by VnExpress, 20 March 2025."
    assert "rule" not in description and "2025-03-20" not in description
    basis = _lines(render_calendar(small_schedule(), SPEC), FR)
    assert "X-CALENDAR-SVC-CERTAINTY:stated" in basis
    assert any(
        line.startswith("X-CALENDAR-SVC-DATE-BASIS:starts 2025-03-29: dates stated by")
        and "(rule stated)" in line
        for line in basis
    )
    assert "Status: in progress." in description
    assert (
        "- VnExpress International, “PM Chính to visit France, Germany and Belgium”, "
        "20 March 2025, "
        "https://e.vnexpress.net/news/politics/pm-chinh-to-visit-france?utm=a&b=c,d"
    ) in description
    assert "- Nhân Dân, “Thủ tướng Phạm Minh Chính hội đàm" in description
    germany = _events(render_calendar(small_schedule(), SPEC))[DE]
    assert germany["SUMMARY"] == "Phạm Minh Chính: working visit to Germany"
    assert "GEO" not in germany
    assert "Dates: 1–2 April 2025 (not confirmed: partly inferred)." in str(germany["DESCRIPTION"])
    assert str(germany["DESCRIPTION"]).splitlines()[2:4] == [
        "Start inferred: the previous leg concluded that day.",
        "End inferred: the last leg ends with the trip.",
    ]
    assert "(rule previous_concluded)" in str(germany["X-CALENDAR-SVC-DATE-BASIS"])
    un = _events(render_calendar(small_schedule(), SPEC))[US]
    assert un["SUMMARY"] == "Lương Cường: attending an event in United States"
    assert un["CATEGORIES"].cats == ["Diplomatic visit", "Attending an event"]
    assert "- article c3c3c3c3c3c3" in str(un["DESCRIPTION"])  # a source with no metadata


# -- engagements ----------------------------------------------------------------------------


def test_a_timed_engagement_has_its_zone_and_lasts_an_hour() -> None:
    data = render_calendar(small_schedule(), SPEC)
    lines = _lines(data, TALKS)
    assert "DTSTART;TZID=Europe/Paris:20250331T100000" in lines
    assert "DTEND;TZID=Europe/Paris:20250331T110000" in lines
    assert "TRANSP:OPAQUE" in lines
    event = _events(data)[TALKS]
    assert event["SUMMARY"] == "Talks with Prime Minister François Bayrou"
    assert event["LOCATION"] == "Hôtel de Matignon, Paris, France"
    assert event["CATEGORIES"].cats == ["Diplomatic engagement", "Talks"]
    assert event["URL"] == f"http://127.0.0.1:8000/ui/trips/{PMC}#{PMC}/fr/talks-francois-bayrou"
    description = str(event["DESCRIPTION"])
    assert "With: Prime Minister François Bayrou." in description
    assert "When: 31 March 2025, morning, 10:00 local time (Europe/Paris)" in description
    assert "Day stated by Nhân Dân, 31 March 2025." in description
    assert "X-CALENDAR-SVC-DATE-BASIS:date stated" in lines
    speech = _lines(data, SPEECH)
    assert "DTSTART;TZID=America/New_York:20250923T090000" in speech


def test_engagements_without_a_time_are_all_day() -> None:
    data = render_calendar(small_schedule(), SPEC)
    wreath = _lines(data, WREATH)  # a day and a part of it, no time
    assert {"DTSTART;VALUE=DATE:20250330", "DTEND;VALUE=DATE:20250331"} <= set(wreath)
    assert "TRANSP:TRANSPARENT" in wreath


def _description(data: bytes, uid: str) -> str:
    return str(_events(data)[uid]["DESCRIPTION"])


def test_an_engagement_whose_day_is_unknown_is_listed_in_its_leg() -> None:
    data = render_calendar(small_schedule(), SPEC)
    uids = _events(data)
    assert FORUM not in uids  # "during the visit": the leg's two days, no day of its own
    assert f"engagement.{PMC}.de.meeting-chancellor@calendar-svc" not in uids  # no date
    germany = _description(data, DE).splitlines()
    listed = germany[germany.index("Engagements on days not reported:") + 1 :]
    assert listed[:2] == ["- Việt Nam–Germany business forum", "- Meeting chancellor"]
    assert "Việt Nam–Germany" not in _description(data, FR)  # listed in its own leg only
    assert "Engagements" not in _description(data, FR)  # its engagements are events


def test_engagements_none_lists_every_engagement_in_its_leg() -> None:
    data = render_calendar(small_schedule(), msgspec.structs.replace(SPEC, engagements="none"))
    assert set(_events(data)) == {FR, DE, BE, US}
    france = _description(data, FR).splitlines()
    dated = france[france.index("Engagements:") + 1 :][:3]  # by day
    assert dated[0].startswith("- 29 March 2025, 19:30: State banquet at the Élysée")
    assert dated[1].startswith("- 30 March 2025, morning: ")  # the wreath: a part of the day
    assert dated[2].startswith("- 31 March 2025, 10:00: Talks with Prime Minister")
    assert "(with Prime Minister François Bayrou" in dated[2]
    assert "Engagements on days not reported:" in _description(data, DE)


def test_an_unknown_engagements_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="engagements must be one of"):
        render_calendar(small_schedule(), msgspec.structs.replace(SPEC, engagements="all"))


def test_an_unknown_zone_falls_back_to_all_day() -> None:
    base = small_schedule()
    odd = engagement(
        PMC,
        None,
        "meeting-somewhere",
        start_date=date(2025, 3, 30),
        end_date=date(2025, 3, 30),
        local_time=time(9),
        timezone="Mars/Olympus_Mons",
        date_basis="date stated",
    )
    schedule = msgspec.structs.replace(
        base, trips=[trip(PMC, base.trips[0].principal, [], engagements=[odd])]
    )
    data = render_calendar(schedule, SPEC)
    lines = _lines(data, f"engagement.{PMC}.meeting-somewhere@calendar-svc")
    assert "DTSTART;VALUE=DATE:20250330" in lines
    assert "BEGIN:VTIMEZONE" not in assert_wire_format(data)


def test_on_the_night_clocks_go_back_an_engagement_still_lasts() -> None:
    """01:30 on 2 November 2025 happens twice in New York; the end is 02:30, never a
    second 01:30 that clients would read as the first one (a zero-length event)."""
    base = small_schedule()
    night = engagement(
        LC,
        None,
        "reception-night",
        start_date=date(2025, 11, 2),
        end_date=date(2025, 11, 2),
        local_time=time(1, 30),
        timezone="America/New_York",
        date_basis="date stated",
    )
    schedule = msgspec.structs.replace(
        base, trips=[trip(LC, base.trips[1].principal, [], engagements=[night])]
    )
    data = render_calendar(schedule, SPEC)
    lines = _lines(data, f"engagement.{LC}.reception-night@calendar-svc")
    assert "DTSTART;TZID=America/New_York:20251102T013000" in lines
    assert "DTEND;TZID=America/New_York:20251102T023000" in lines
    event = _events(data)[f"engagement.{LC}.reception-night@calendar-svc"]
    assert event.decoded("DTEND") > event.decoded("DTSTART")


# -- identity, versions, stamps ----------------------------------------------------------


def test_uid_is_derived_from_the_item_id_only() -> None:
    assert item_uid("leg", "to-lam-2025-05-05/kz") == "leg.to-lam-2025-05-05.kz@calendar-svc"
    tricky = ["a/b.c", "a.b/c", "a/b/c", "a%2Eb/c", "a b,c;d", "tô-lâm/kz"]
    uids = [item_uid("leg", x) for x in tricky]
    assert len(set(uids)) == len(tricky)  # different ids never share a UID
    for uid in uids:
        assert uid.isascii() and not set(uid) & set(' ,;:\\"')
    assert item_uid("engagement", "a/b") != item_uid("leg", "a/b")
    with pytest.raises(ValueError):
        item_uid("leg", "")


def test_uids_do_not_depend_on_what_else_is_in_the_feed() -> None:
    schedule = small_schedule()
    everything = _events(render_calendar(schedule, SPEC))
    reordered = msgspec.structs.replace(schedule, trips=list(reversed(schedule.trips)))
    assert _events(render_calendar(reordered, SPEC)).keys() == everything.keys()
    for spec in (
        msgspec.structs.replace(SPEC, trip_id=PMC),
        msgspec.structs.replace(SPEC, country="FR"),
    ):
        assert set(_events(render_calendar(schedule, spec))) < set(everything)


def test_sequence_and_stamps_come_from_the_item_never_the_clock() -> None:
    data = render_calendar(small_schedule(), SPEC)
    fr = _lines(data, FR)
    assert "SEQUENCE:3" in fr
    # updated_at 2025-03-29 09:15:42.123456 UTC: whole seconds, UTC, "Z"
    assert "DTSTAMP:20250329T091542Z" in fr and "LAST-MODIFIED:20250329T091542Z" in fr
    assert "SEQUENCE:1" in _lines(data, DE) and "DTSTAMP:20250325T091542Z" in _lines(data, DE)


def test_an_item_without_a_stamp_takes_its_trips_then_the_epoch() -> None:
    base = small_schedule()
    first = base.trips[0]
    unstamped = msgspec.structs.replace(first.legs[0], updated_at=None)
    with_trip = msgspec.structs.replace(first, legs=[unstamped], engagements=[])
    schedule = msgspec.structs.replace(base, trips=[with_trip])
    assert "DTSTAMP:20250320T091542Z" in _lines(render_calendar(schedule, SPEC), FR)
    bare = msgspec.structs.replace(with_trip, updated_at=None)
    schedule = msgspec.structs.replace(base, trips=[bare])
    assert "DTSTAMP:19700101T000000Z" in _lines(render_calendar(schedule, SPEC), FR)


def test_events_are_ordered_by_start_date_then_uid() -> None:
    data = render_calendar(small_schedule(), SPEC)
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    keys = []
    for e in events:
        start = e.decoded("DTSTART")
        keys.append((start.date() if isinstance(start, datetime) else start, str(e["UID"])))
    assert keys == sorted(keys)
    assert [k[1] for k in keys][:2] == [BANQUET, FR]  # 29 March


# -- status ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "confirmed", "expected"),
    [
        ("announced", False, "TENTATIVE"),
        ("announced", True, "TENTATIVE"),
        ("in_progress", False, "TENTATIVE"),
        ("in_progress", True, "CONFIRMED"),
        ("concluded", False, "TENTATIVE"),
        ("concluded", True, "CONFIRMED"),
        ("postponed", True, "TENTATIVE"),
        ("cancelled", True, "CANCELLED"),
        ("cancelled", False, "CANCELLED"),
    ],
)
def test_leg_status(status: str, confirmed: bool, expected: str) -> None:
    base = small_schedule()
    sure = Certainty.STATED if confirmed else Certainty.INFERRED
    fr = msgspec.structs.replace(
        base.trips[0].legs[0],
        status=status,
        dates_confirmed=confirmed,
        start_certainty=sure,
        end_certainty=sure,
        certainty=sure,
    )
    schedule = msgspec.structs.replace(base, trips=[trip(PMC, base.trips[0].principal, [fr])])
    event = _events(render_calendar(schedule, SPEC))[FR]
    assert event["STATUS"] == expected
    prefix = {"cancelled": "Cancelled: ", "postponed": "Postponed: "}.get(status, "")
    assert event["SUMMARY"] == f"{prefix}Phạm Minh Chính: official visit to France"


@pytest.mark.parametrize(
    ("certainty", "expected", "words"),
    [
        (Certainty.CORROBORATED, "CONFIRMED", "confirmed by more than one source"),
        (Certainty.STATED, "CONFIRMED", "confirmed"),
        (Certainty.INFERRED, "TENTATIVE", "not confirmed: partly inferred"),
        (Certainty.DISPUTED, "TENTATIVE", "not confirmed: sources disagree"),
    ],
)
def test_the_feed_maps_the_certainty_never_the_date_basis(
    certainty: Certainty, expected: str, words: str
) -> None:
    """STATUS and the wording follow the certainty the rules decided; the date basis is
    text for people (here it says "stated" whatever the certainty)."""
    base = small_schedule()
    fr = msgspec.structs.replace(
        base.trips[0].legs[0],
        status="in_progress",
        date_basis="date stated",
        start_certainty=certainty,
        end_certainty=certainty,
        certainty=certainty,
        status_as_of=date(2025, 5, 11),
    )
    talks = next(e for e in base.trips[0].engagements if "talks" in e.engagement_id)
    talks = msgspec.structs.replace(talks, date_basis="date stated", certainty=certainty)
    one = trip(PMC, base.trips[0].principal, [fr], engagements=[talks])
    events = _events(render_calendar(msgspec.structs.replace(base, trips=[one]), SPEC))
    assert events[FR]["STATUS"] == expected
    assert events[TALKS]["STATUS"] == expected
    description = str(events[FR]["DESCRIPTION"])
    assert f"({words})." in description
    assert "Status: in progress (last reported 11 May 2025)." in description


def test_a_status_without_a_dated_source_says_nothing_of_when() -> None:
    fr = msgspec.structs.replace(small_schedule().trips[0].legs[0], status_as_of=None)
    assert fr.status == "in_progress"
    schedule = msgspec.structs.replace(
        small_schedule(), trips=[trip(PMC, small_schedule().trips[0].principal, [fr])]
    )
    description = str(_events(render_calendar(schedule, SPEC))[FR]["DESCRIPTION"])
    assert "Status: in progress." in description and "last reported" not in description


def test_cancelled_items_stay_in_the_feed_as_cancelled() -> None:
    data = render_calendar(small_schedule(), SPEC)
    belgium = _events(data)[BE]
    assert belgium["STATUS"] == "CANCELLED"
    assert belgium["SUMMARY"] == "Cancelled: Phạm Minh Chính: state visit to Belgium"
    assert int(belgium["SEQUENCE"]) == 2
    assert "DTEND;VALUE=DATE:20250404" in _lines(data, BE)


def test_engagement_status() -> None:
    events = _events(render_calendar(small_schedule(), SPEC))
    assert events[TALKS]["STATUS"] == "CONFIRMED"  # a stated day
    assert events[WREATH]["STATUS"] == "CONFIRMED"  # a stated day, no time


# -- filters and Last-Modified --------------------------------------------------------------


def test_filter_by_trip() -> None:
    schedule = small_schedule()
    uids = set(_events(render_calendar(schedule, msgspec.structs.replace(SPEC, trip_id=LC))))
    assert uids == {US, SPEECH}
    nothing = render_calendar(schedule, msgspec.structs.replace(SPEC, trip_id="no-such-trip"))
    logical = assert_wire_format(nothing)
    assert not [n for n, _ in components(logical)]  # a valid calendar with no events
    assert "X-WR-CALNAME:Việt Nam: leaders' trips abroad" in logical


def test_filter_by_country() -> None:
    schedule = small_schedule()
    for code in ("FR", "fr", " Fr "):
        uids = set(_events(render_calendar(schedule, msgspec.structs.replace(SPEC, country=code))))
        assert uids == {FR, TALKS, BANQUET, WREATH}
    germany = set(_events(render_calendar(schedule, msgspec.structs.replace(SPEC, country="DE"))))
    assert germany == {DE}  # the forum ("during the visit") is listed in its leg
    # An engagement held elsewhere than its leg's country follows its place.
    moved = msgspec.structs.replace(
        schedule.trips[0].engagements[0], place=PlaceRef("MC", "Monaco", timezone="Europe/Monaco")
    )
    first = msgspec.structs.replace(
        schedule.trips[0], engagements=[moved, *schedule.trips[0].engagements[1:]]
    )
    schedule = msgspec.structs.replace(schedule, trips=[first])
    monaco = set(_events(render_calendar(schedule, msgspec.structs.replace(SPEC, country="MC"))))
    assert monaco == {BANQUET}
    both = msgspec.structs.replace(SPEC, country="FR", trip_id=LC)
    assert _events(render_calendar(schedule, both)) == {}


def test_feed_last_modified_is_the_latest_stamp_in_the_feed() -> None:
    schedule = small_schedule()
    assert feed_last_modified(schedule, SPEC) == datetime(2025, 9, 27, 9, 15, 42, tzinfo=UTC)
    france = msgspec.structs.replace(SPEC, country="FR")
    assert feed_last_modified(schedule, france) == datetime(2025, 3, 31, 12, 15, 42, tzinfo=UTC)
    stamps = [
        e.decoded("LAST-MODIFIED") for e in _events(render_calendar(schedule, france)).values()
    ]
    assert feed_last_modified(schedule, france) == max(stamps)
    assert feed_last_modified(schedule, msgspec.structs.replace(SPEC, trip_id="none")) is None
    # An item not in the feed (a leg with no date yet) does not move it, however recent.
    first = schedule.trips[0]
    late = datetime(2026, 1, 1, tzinfo=UTC)
    ch = [
        msgspec.structs.replace(x, updated_at=late) if x.country_code == "CH" else x
        for x in first.legs
    ]
    quiet = msgspec.structs.replace(schedule, trips=[msgspec.structs.replace(first, legs=ch)])
    pmc = msgspec.structs.replace(SPEC, trip_id=PMC)
    assert feed_last_modified(quiet, pmc) == datetime(2025, 3, 31, 12, 15, 42, tzinfo=UTC)
    # An engagement a leg lists (no day of its own) moves that leg's LAST-MODIFIED.
    undated = [
        msgspec.structs.replace(e, updated_at=late) if e.start_date is None else e
        for e in first.engagements
    ]
    listed = msgspec.structs.replace(
        schedule, trips=[msgspec.structs.replace(first, engagements=undated)]
    )
    assert feed_last_modified(listed, pmc) == late
    assert _events(render_calendar(listed, pmc))[DE].decoded("LAST-MODIFIED") == late


# -- through the real fold: revisions and statuses as the log tells them ---------------------

T = "pham-minh-chinh-2025-03-28"
LEG = f"{T}/fr"


def _p(article: str) -> list[Provenance]:
    return [Provenance(article, 0, (0, 10), "A sentence.", "test")]


def _at(day: int, hour: int) -> datetime:
    return datetime(2025, 3, day, hour, 0, 0, 500000, tzinfo=UTC)


def _fold_steps() -> list[Schedule]:
    pmc = PersonRef("Phạm Minh Chính", "Prime Minister")
    paris = PlaceRef("FR", "Paris", timezone="Europe/Paris", latitude=48.85, longitude=2.35)
    events = [
        ArticleRecorded(
            article_id="art-1",
            text="…",
            language="en",
            language_detected=False,
            published_on=date(2025, 3, 20),
            outlet="VnExpress",
        ),
        VisitAnnounced(
            trip_id=T,
            provenance=_p("art-1"),
            principal=pmc,
            leg_id=LEG,
            country_code="FR",
            sequence=1,
            visit_type=VisitType.OFFICIAL,
            city="Paris",
            trip_window=DateWindow(date(2025, 3, 29), date(2025, 4, 1)),
        ),
        EngagementReported(
            trip_id=T,
            provenance=_p("art-1"),
            engagement_id=f"{LEG}/talks",
            leg_id=LEG,
            kind=EngagementKind.TALKS,
            title="Talks with Prime Minister François Bayrou",
            place=paris,
            at=Moment(date(2025, 3, 31), "morning", time(10), "Europe/Paris"),
        ),
        EngagementReported(
            trip_id=T,
            provenance=_p("art-1"),
            engagement_id=f"{LEG}/forum",
            leg_id=LEG,
            kind=EngagementKind.FORUM,
            title="Business forum",
        ),
        # set off, not yet there: a call-off once there would cut the visit short instead
        DelegationDeparted(
            trip_id=T,
            provenance=_p("art-1"),
            place=PlaceRef("VN", "Hanoi"),
            at=Moment(date(2025, 3, 28)),
            next_leg_id=LEG,
        ),
        ScheduleRevised(
            trip_id=T,
            provenance=_p("art-1"),
            leg_id=LEG,
            previous=None,
            revised=DateWindow(date(2025, 3, 29), date(2025, 4, 1)),
        ),
        VisitCancelled(trip_id=T, provenance=_p("art-1"), leg_id=LEG),
    ]
    fold = ScheduleFold()
    steps = []
    for position, event in enumerate(events, 1):
        fold.apply(event, position, _at(20 + position, position))
        steps.append(fold.schedule())
    return steps


def test_through_the_fold_tentative_becomes_confirmed_then_cancelled() -> None:
    steps = _fold_steps()
    uid = f"leg.{T}.fr@calendar-svc"
    talks = f"engagement.{T}.fr.talks@calendar-svc"
    seen = []
    for schedule in steps[3:]:  # announced (+ engagements), set off, stated, cancelled
        events = _events(render_calendar(schedule, SPEC))
        seen.append(
            (
                str(events[uid]["STATUS"]),
                int(events[uid]["SEQUENCE"]),
                events[uid].decoded("DTSTAMP"),
                str(events[talks]["STATUS"]),
                str(events[uid]["DESCRIPTION"]),
            )
        )
    statuses = [s[0] for s in seen]
    assert statuses == ["TENTATIVE", "TENTATIVE", "CONFIRMED", "CANCELLED"]
    sequences = [s[1] for s in seen]
    assert sequences == sorted(sequences) and len(set(sequences)) == 4  # rises each change
    stamps = [s[2] for s in seen]
    assert stamps[1:] == [
        _at(25, 5).replace(microsecond=0),
        _at(26, 6).replace(microsecond=0),
        _at(27, 7).replace(microsecond=0),
    ]
    # The engagement with a stated day is CONFIRMED (the fold writes "date stated"), and
    # CANCELLED with its leg; the one "during the visit" is listed in the leg, and
    # flagged when cancelled.
    assert [s[3] for s in seen] == ["CONFIRMED", "CONFIRMED", "CONFIRMED", "CANCELLED"]
    assert [s[4].count("\n- Business forum") for s in seen] == [1, 1, 1, 0]
    assert "\n- Cancelled: Business forum" in seen[-1][4]
    assert "DTSTART;TZID=Europe/Paris:20250331T100000" in _lines(
        render_calendar(steps[-1], SPEC), talks
    )


def test_seed_log_russia_rises_in_sequence_under_the_same_uid(
    seed_store: EventStore, seed_positions: list[int]
) -> None:
    before = replay(seed_store, seed_positions[1])  # after the departure article
    after = replay(seed_store, seed_positions[-1])
    uid = "leg.to-lam-2025-05-05.ru@calendar-svc"

    def russia(schedule: Schedule) -> tuple[LegView, icalendar.Event]:
        (leg_view,) = [x for t in schedule.trips for x in t.legs if x.country_code == "RU"]
        return leg_view, _events(render_calendar(schedule, SPEC))[uid]

    then_view, then = russia(before)
    now_view, now = russia(after)
    assert then_view.revision < now_view.revision
    assert int(then["SEQUENCE"]) == then_view.revision < int(now["SEQUENCE"]) == now_view.revision
    assert then["STATUS"] == "TENTATIVE" and now["STATUS"] == "CONFIRMED"
    # Seeds are ingested within a second or so: whole-second stamps may tie; SEQUENCE,
    # which clients compare first, is what always rises.
    assert then.decoded("DTSTAMP") <= now.decoded("DTSTAMP")
    assert then.decoded("DTSTAMP") == then_view.updated_at.replace(microsecond=0)  # type: ignore[union-attr]
    assert now.decoded("DTSTAMP") == now_view.updated_at.replace(microsecond=0)  # type: ignore[union-attr]
    assert now.decoded("DTSTART") == date(2025, 5, 8) and now.decoded("DTEND") == date(2025, 5, 12)


@pytest.mark.parametrize(
    ("basis", "start", "end", "expected"),
    [
        (
            "starts 2025-05-08: dates stated by Nhân Dân (2025-05-11) (rule stated); "
            "ends 2025-05-11: the delegation left home that day (rule trip_end)",
            Certainty.STATED,
            Certainty.INFERRED,
            [
                "Start: dates stated by Nhân Dân, 11 May 2025.",
                "End inferred: the delegation left home that day.",
            ],
        ),
        (
            "starts 2025-05-08: the delegation arrived that day, and 1 more source(s) "
            "(rule arrival); ends 2025-05-09: a 2-day visit (rule duration)",
            Certainty.CORROBORATED,
            Certainty.INFERRED,
            [
                "Start: the delegation arrived that day, and 1 more source(s).",
                "End inferred: a 2-day visit.",
            ],
        ),
        (
            "starts 2025-05-08: dates stated by VNS (2025-05-04); disputed: also "
            "2025-05-09 (1 source(s)) (rule stated)",
            Certainty.DISPUTED,
            None,
            [
                "Start disputed: dates stated by VNS, 4 May 2025; disputed: also 9 May 2025 "
                "(1 source(s))."
            ],
        ),
        ("no dates known yet", None, None, []),
    ],
)
def test_how_sure_each_date_is_in_plain_words(
    basis: str, start: Certainty | None, end: Certainty | None, expected: list[str]
) -> None:
    from calendar_svc.api.feeds.wording.english import how_sure

    fr = small_schedule().trips[0].legs[0]
    leg = msgspec.structs.replace(fr, date_basis=basis, start_certainty=start, end_certainty=end)
    assert how_sure(leg) == expected
