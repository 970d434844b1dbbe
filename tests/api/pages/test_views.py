"""The pages' pure parts: language choice, a leg's colour, timeline lanes, and which
sentence a shown day is linked to."""

from __future__ import annotations

from datetime import date

from calendar_svc.api.pages.i18n import country, day, negotiate, span
from calendar_svc.api.pages.views import TRIP, Evidence, evidence_for, leg_certainty, timeline
from calendar_svc.domain.values import Certainty, PersonRef
from calendar_svc.domain.views import LegView, TripView


def _leg(code: str, seq: int, start: date | None, end: date | None, **kw: object) -> LegView:
    fields: dict[str, object] = {
        "leg_id": f"t/{code.lower()}",
        "trip_id": "t",
        "sequence": seq,
        "country_code": code,
        "city": None,
        "visit_type": None,
        "inviter": None,
        "start_date": start,
        "end_date": end,
        "dates_confirmed": False,
        "date_basis": "",
        "status": "announced",
    }
    fields.update(kw)
    return LegView(**fields)  # type: ignore[arg-type]


def _trip(legs: list[LegView], who: str = "Tô Lâm") -> TripView:
    return TripView(
        trip_id="t",
        principal=PersonRef(who),
        spouse=None,
        members=[],
        start_date=None,
        end_date=None,
        dates_confirmed=False,
        status="announced",
        legs=legs,
        engagements=[],
        disputes=[],
        sources=[],
    )


def test_negotiate_follows_the_browsers_preferences() -> None:
    assert negotiate(None) == "en"
    assert negotiate("vi-VN,vi;q=0.9") == "vi"
    assert negotiate("en-GB,en;q=0.9,vi;q=0.8") == "en"
    assert negotiate("fr,vi;q=0.5,en;q=0.4") == "vi"
    assert negotiate("vi;q=0,en") == "en"
    assert negotiate("de,fr") == "en"


def test_country_names_and_days_come_from_cldr() -> None:
    assert country("RU", "vi") == "Nga" and country("ru", "en") == "Russia"
    assert country("XX", "vi") == "XX"
    assert day(date(2025, 5, 8), "en") == "8 May 2025"
    assert day(date(2025, 5, 8), "vi") == "8 thg 5, 2025"
    assert span(date(2025, 5, 8), date(2025, 5, 8), "en") == "8 May 2025"


def test_a_leg_is_coloured_by_its_status_first_then_its_certainty() -> None:
    d = date(2025, 5, 8)
    assert leg_certainty(_leg("RU", 1, d, d, status="cancelled", dates_confirmed=True)) == (
        "cancelled"
    )
    assert leg_certainty(_leg("RU", 1, d, d, status="postponed")) == "postponed"
    assert leg_certainty(_leg("RU", 1, d, d, certainty=Certainty.DISPUTED)) == "disputed"
    assert leg_certainty(_leg("RU", 1, d, d, certainty=Certainty.CORROBORATED)) == ("corroborated")
    assert leg_certainty(_leg("RU", 1, d, d, dates_confirmed=True)) == "stated"
    assert leg_certainty(_leg("RU", 1, d, d)) == "inferred"


def test_overlapping_legs_take_separate_lanes() -> None:
    legs = [
        _leg("KZ", 1, date(2025, 5, 5), date(2025, 5, 8)),
        _leg("AZ", 2, date(2025, 5, 5), date(2025, 5, 8)),
        _leg("RU", 3, date(2025, 5, 8), date(2025, 5, 11)),
        _leg("BY", 4, date(2025, 5, 12), date(2025, 5, 12)),
        _leg("CN", 5, None, None),  # no date: not placed
    ]
    tl = timeline([_trip(legs)], None, None)
    assert tl is not None and tl.first == date(2025, 5, 5) and tl.last == date(2025, 5, 12)
    (row,) = tl.rows
    lanes = {b.leg.country_code: b.lane for b in row.bars}
    assert lanes == {"KZ": 0, "AZ": 1, "RU": 2, "BY": 0}
    assert row.lanes == 3
    by = next(b for b in row.bars if b.leg.country_code == "BY")
    assert round(by.left, 1) == 87.5 and round(by.width, 1) == 12.5
    clipped = timeline([_trip(legs)], date(2025, 5, 10), date(2025, 5, 11))
    assert clipped is not None
    assert {b.leg.country_code for b in clipped.rows[0].bars} == {"RU"}
    assert timeline([_trip(legs[4:])], None, None) is None


def test_a_trip_level_day_links_only_the_first_legs_start_and_the_last_legs_end() -> None:
    legs = [
        _leg("KZ", 1, date(2025, 5, 5), date(2025, 5, 8)),
        _leg("AZ", 2, date(2025, 5, 5), date(2025, 5, 8)),
    ]
    trip = _trip(legs)
    left = Evidence("a", 0, "He left Hanoi on May 5.", "departure", 3)
    found = {(TRIP, "start", date(2025, 5, 5)): [left]}
    assert evidence_for(found, trip, "t/kz", "start", date(2025, 5, 5)) == [left]
    assert evidence_for(found, trip, "t/az", "start", date(2025, 5, 5)) == []
    own = Evidence("b", 2, "In Baku from May 5.", "stated", 9)
    found[("t/az", "start", date(2025, 5, 5))] = [own]
    assert evidence_for(found, trip, "t/az", "start", date(2025, 5, 5)) == [own]
    assert evidence_for(found, trip, "t/az", "start", date(2025, 5, 6)) == []


def test_a_long_log_shows_its_latest_quarter_unless_asked() -> None:
    from calendar_svc.api.pages.views import DEFAULT_DAYS, default_period

    def trip(start: date, end: date) -> TripView:
        legs = [_leg("FR", 1, start, end)]
        return msgspec_replace(_trip(legs), start_date=start, end_date=end)

    short = [trip(date(2025, 5, 1), date(2025, 5, 3)), trip(date(2025, 6, 1), date(2025, 6, 2))]
    assert default_period(short) == (None, None)
    long = [*short, trip(date(2025, 12, 30), date(2026, 1, 2))]
    first, last = default_period(long)
    assert last == date(2026, 1, 2) and first is not None
    assert (last - first).days == DEFAULT_DAYS - 1
    assert default_period([_trip([])]) == (None, None)


def msgspec_replace(trip: TripView, **changes: object) -> TripView:
    import msgspec

    return msgspec.structs.replace(trip, **changes)


def test_one_row_per_person_however_their_name_was_written() -> None:
    from calendar_svc.api.pages.views import rows_by_person
    from calendar_svc.domain.views import Schedule
    from calendar_svc.services.people import people_of

    a = msgspec_replace(
        _trip([_leg("VN", 1, date(2025, 4, 14), date(2025, 4, 15))], "Tập Cận Bình"),
        trip_id="a",
    )
    b = msgspec_replace(
        _trip([_leg("FR", 1, date(2025, 5, 5), date(2025, 5, 7))], "Xi Jinping"), trip_id="b"
    )
    schedule = Schedule(position=1, recorded_at=None, trips=[a, b], sources={})
    tl = timeline([a, b], None, None, rows_by_person(people_of(schedule)))
    assert tl is not None and [(r.slug, len(r.bars)) for r in tl.rows] == [("xi-jinping", 2)]
    apart = timeline([a, b], None, None)  # by the names as written
    assert apart is not None and len(apart.rows) == 2


def test_a_status_says_when_it_was_last_reported() -> None:
    from datetime import date

    from calendar_svc.api.pages import i18n

    assert i18n.reported("in_progress", date(2025, 5, 11), "en") == (
        "in progress (last reported 11 May 2025)"
    )
    assert i18n.reported("in_progress", date(2025, 5, 11), "vi").startswith("đang diễn ra (")
    assert i18n.reported("concluded", date(2025, 5, 11), "en") == "concluded"
    assert i18n.reported("announced", None, "en") == "announced"
