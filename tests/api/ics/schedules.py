"""Hand-built schedules for the ICS tests, and what a feed of them must contain, worked out
here from the Schedule itself (never from the renderer's own helpers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from calendar_svc.domain.values import Certainty, PersonRef, PlaceRef
from calendar_svc.domain.views import (
    EngagementView,
    LegView,
    Schedule,
    SourceRef,
    TripView,
)

PMC = "pham-minh-chinh-2025-03-28"
CONFIRMED = (Certainty.STATED, Certainty.CORROBORATED)  # what a feed calls CONFIRMED
LC = "luong-cuong-2025-09-21"

VNEXPRESS = "a1" * 32
NHANDAN = "b2" * 32
BAOCHINHPHU = "c3" * 32


def _at(day: int, month: int = 3, hour: int = 9) -> datetime:
    return datetime(2025, month, day, hour, 15, 42, 123456, tzinfo=UTC)


def leg(trip_id: str, code: str, sequence: int, **fields: object) -> LegView:
    values: dict[str, object] = {
        "leg_id": f"{trip_id}/{code.lower()}",
        "trip_id": trip_id,
        "sequence": sequence,
        "country_code": code,
        "city": None,
        "visit_type": "official",
        "inviter": None,
        "start_date": None,
        "end_date": None,
        "dates_confirmed": False,
        "date_basis": "no dates known yet",
        "status": "announced",
    }
    values.update(fields)
    if "certainty" not in fields:  # as the rules give it: stated when confirmed, else inferred
        sure = Certainty.STATED if values["dates_confirmed"] else Certainty.INFERRED
        start = sure if values["start_date"] is not None else None
        end = sure if values["end_date"] is not None else None
        values["start_certainty"], values["end_certainty"] = start, end
        if start is not None or end is not None:
            both = start is not None and end is not None
            values["certainty"] = sure if both else Certainty.INFERRED
    return LegView(**values)  # type: ignore[arg-type]


def engagement(trip_id: str, leg_code: str | None, key: str, **fields: object) -> EngagementView:
    held_in = f"{trip_id}/{leg_code.lower()}" if leg_code else trip_id
    values: dict[str, object] = {
        "engagement_id": f"{held_in}/{key}",
        "trip_id": trip_id,
        "leg_id": held_in if leg_code else None,
        "kind": "meeting",
        "title": key.replace("-", " ").capitalize(),
        "counterparts": [],
        "place": None,
        "start_date": None,
        "end_date": None,
        "local_time": None,
        "day_part": None,
        "timezone": None,
        "date_basis": "no date known yet",
        "status": "reported",
    }
    values.update(fields)
    if "certainty" not in fields and values["start_date"] is not None:
        sure = Certainty.STATED if values["date_basis"] == "date stated" else Certainty.INFERRED
        values["start_certainty"] = values["end_certainty"] = values["certainty"] = sure
    return EngagementView(**values)  # type: ignore[arg-type]


def trip(trip_id: str, principal: PersonRef, legs: list[LegView], **fields: object) -> TripView:
    values: dict[str, object] = {
        "trip_id": trip_id,
        "principal": principal,
        "spouse": None,
        "members": [],
        "start_date": min((x.start_date for x in legs if x.start_date), default=None),
        "end_date": max((x.end_date for x in legs if x.end_date), default=None),
        "dates_confirmed": False,
        "status": "announced",
        "legs": legs,
        "engagements": [],
        "disputes": [],
        "sources": sorted({s for x in legs for s in x.sources}),
        "revision": 1,
        "updated_at": _at(20),
    }
    values.update(fields)
    return TripView(**values)  # type: ignore[arg-type]


PARIS = PlaceRef("FR", "Paris", "Hôtel de Matignon", "Europe/Paris", 48.8543, 2.3207)
NEW_YORK = PlaceRef("US", "New York", "United Nations Headquarters", "America/New_York")


def small_schedule() -> Schedule:
    """Two trips, four time zones' worth of trouble, every status and kind of date.

    - FR leg: stated, in progress -> CONFIRMED; spans the end of March, when Paris moves
      to summer time (30 March 2025), and two timed engagements either side of it.
    - DE leg: inferred dates, announced -> TENTATIVE; a multi-day all-day forum.
    - BE leg: cancelled -> CANCELLED, kept. CH leg: no dates -> not in the feed.
    - US leg (second trip): attending an event; a timed engagement in New York (EDT),
      text that needs escaping, a long Vietnamese source title that needs folding.
    """
    pmc = PersonRef("Phạm Minh Chính", "Prime Minister")
    lc = PersonRef("Lương Cường", "President")
    fr = leg(
        PMC,
        "FR",
        1,
        city="Paris",
        inviter=PersonRef("François Bayrou", "Prime Minister"),
        start_date=date(2025, 3, 29),
        end_date=date(2025, 4, 1),
        dates_confirmed=True,
        date_basis="starts 2025-03-29: dates stated by VnExpress (2025-03-20) (rule stated); "
        "ends 2025-04-01: dates stated by VnExpress (2025-03-20) (rule stated)",
        status="in_progress",
        timezone="Europe/Paris",
        latitude=48.85341,
        longitude=2.3488,
        revision=3,
        updated_at=_at(29),
        updated_position=17,
        sources=[VNEXPRESS, NHANDAN],
    )
    de = leg(
        PMC,
        "DE",
        2,
        city="Berlin",
        visit_type="working",
        start_date=date(2025, 4, 1),
        end_date=date(2025, 4, 2),
        date_basis="starts 2025-04-01: the previous leg concluded that day (rule "
        "previous_concluded); ends 2025-04-02: the last leg ends with the trip (rule trip_end)",
        revision=1,
        updated_at=_at(25),
        updated_position=9,
        sources=[VNEXPRESS],
    )
    be = leg(
        PMC,
        "BE",
        3,
        city="Brussels",
        visit_type="state",
        inviter=PersonRef("Philippe", "King"),
        start_date=date(2025, 4, 2),
        end_date=date(2025, 4, 3),
        dates_confirmed=True,
        date_basis="dates stated (rule stated)",
        status="cancelled",
        revision=2,
        updated_at=_at(27),
        updated_position=12,
        sources=[NHANDAN],
    )
    ch = leg(PMC, "CH", 4, visit_type=None, revision=0, updated_at=_at(20), sources=[NHANDAN])
    talks = engagement(
        PMC,
        "FR",
        "talks-francois-bayrou",
        kind="talks",
        title="Talks with Prime Minister François Bayrou",
        counterparts=[PersonRef("François Bayrou", "Prime Minister")],
        place=PARIS,
        start_date=date(2025, 3, 31),
        end_date=date(2025, 3, 31),
        local_time=time(10, 0),
        day_part="morning",
        timezone="Europe/Paris",
        date_basis="date stated",
        revision=1,
        updated_at=_at(31, hour=12),
        sources=[NHANDAN],
    )
    banquet = engagement(
        PMC,
        "FR",
        "banquet-elysee",
        kind="banquet",
        title='State banquet at the Élysée; toasts, music \\ "Hà Nội – Paris"',
        place=PlaceRef("FR", "Paris", "Élysée Palace", "Europe/Paris"),
        start_date=date(2025, 3, 29),
        end_date=date(2025, 3, 29),
        local_time=time(19, 30),
        day_part="evening",
        timezone="Europe/Paris",
        date_basis="date stated",
        updated_at=_at(29, hour=20),
        sources=[VNEXPRESS],
    )
    wreath = engagement(
        PMC,
        "FR",
        "wreath-laying-arc-de-triomphe",
        kind="wreath_laying",
        title="Wreath laying at the Arc de Triomphe",
        place=PlaceRef("FR", "Paris", "Arc de Triomphe"),
        start_date=date(2025, 3, 30),
        end_date=date(2025, 3, 30),
        day_part="morning",
        timezone="Europe/Paris",
        date_basis="date stated",
        updated_at=_at(30),
        sources=[VNEXPRESS],
    )
    forum = engagement(
        PMC,
        "DE",
        "forum-business",
        kind="forum",
        title="Việt Nam–Germany business forum",
        start_date=date(2025, 4, 1),
        end_date=date(2025, 4, 2),
        date_basis="during the visit; the day is not stated (rule leg_window)",
        updated_at=_at(25),
        sources=[VNEXPRESS],
    )
    undated = engagement(PMC, "DE", "meeting-chancellor", updated_at=_at(25))
    first = trip(
        PMC,
        pmc,
        [fr, de, be, ch],
        engagements=[banquet, wreath, talks, forum, undated],
        status="in_progress",
        dates_confirmed=True,
    )
    us = leg(
        LC,
        "US",
        1,
        city="New York",
        visit_type="attending_event",
        start_date=date(2025, 9, 21),
        end_date=date(2025, 9, 26),
        dates_confirmed=True,
        date_basis="dates stated (rule stated)",
        status="concluded",
        revision=2,
        updated_at=_at(27, month=9),
        sources=[BAOCHINHPHU],
    )
    speech = engagement(
        LC,
        "US",
        "speech-general-debate",
        kind="speech",
        title="Address to the General Debate of the 80th UN General Assembly",
        place=NEW_YORK,
        start_date=date(2025, 9, 23),
        end_date=date(2025, 9, 23),
        local_time=time(9, 0),
        timezone="America/New_York",
        date_basis="date stated",
        revision=2,
        updated_at=_at(23, month=9),
        sources=[BAOCHINHPHU],
    )
    second = trip(LC, lc, [us], engagements=[speech], status="concluded", updated_at=None)
    sources = {
        VNEXPRESS: SourceRef(
            VNEXPRESS,
            outlet="VnExpress International",
            url="https://e.vnexpress.net/news/politics/pm-chinh-to-visit-france?utm=a&b=c,d",
            published_on=date(2025, 3, 20),
            title="PM Chính to visit France, Germany and Belgium",
        ),
        NHANDAN: SourceRef(
            NHANDAN,
            outlet="Nhân Dân",
            url="https://nhandan.vn/thu-tuong-pham-minh-chinh-hoi-dam-post1.html",
            published_on=date(2025, 3, 31),
            title="Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Cộng hòa Pháp "
            "François Bayrou; hai bên nhất trí nâng cấp quan hệ",
        ),
        BAOCHINHPHU: SourceRef(BAOCHINHPHU),
    }
    return Schedule(
        position=42,
        recorded_at=_at(27, month=9),
        trips=[first, second],
        sources=sources,
    )


@dataclass(frozen=True)
class Expected:
    """One VEVENT as every parser must see it."""

    uid: str
    sequence: int
    status: str
    summary_contains: str
    all_day: bool
    start: date | datetime  # a date, or an aware datetime in UTC
    end: date | datetime  # exclusive for all-day events
    tzid: str | None
    stamp: datetime


def _uid(kind: str, item_id: str) -> str:
    assert "." not in item_id, "ids of these tests have no dots"
    return f"{kind}.{item_id.replace('/', '.')}@calendar-svc"


def _stamp(value: datetime | None, fallback: datetime | None) -> datetime:
    chosen = value or fallback or datetime(1970, 1, 1, tzinfo=UTC)
    return chosen.astimezone(UTC).replace(microsecond=0)


def _on(t: TripView, e: EngagementView, x: LegView) -> bool:
    """Whether leg `x` lists engagement `e`: its own leg, else the first leg in the
    country of its place, else the trip's first leg."""
    if any(leg.leg_id == e.leg_id for leg in t.legs):
        return e.leg_id == x.leg_id
    code = e.place.country_code if e.place else None
    same = [leg for leg in t.legs if code and leg.country_code == code]
    return (same or t.legs)[0].leg_id == x.leg_id


def expected_events(
    schedule: Schedule, trip_id: str | None = None, country: str | None = None
) -> list[Expected]:
    """What the feed must hold, from the schedule, by the rules of the brief."""
    out: list[Expected] = []
    for t in schedule.trips:
        if trip_id is not None and t.trip_id != trip_id:
            continue
        countries = {x.leg_id: x.country_code for x in t.legs}
        # An engagement whose day is unknown (no day, or a span of days) is no event: its
        # leg lists it, so the leg's LAST-MODIFIED is the latest of their changes.
        undated = [e for e in t.engagements if e.start_date is None or e.start_date != e.end_date]
        for x in t.legs:
            if country is not None and x.country_code != country:
                continue
            if x.start_date is None and x.end_date is None:
                continue
            start = x.start_date or x.end_date
            end = x.end_date or x.start_date
            assert start is not None and end is not None
            if x.status == "cancelled":
                status = "CANCELLED"
            elif x.status in ("in_progress", "concluded") and x.certainty in CONFIRMED:
                status = "CONFIRMED"
            else:
                status = "TENTATIVE"
            out.append(
                Expected(
                    _uid("leg", x.leg_id),
                    x.revision,
                    status,
                    t.principal.name,
                    True,
                    start,
                    end + timedelta(days=1),
                    None,
                    max(
                        [_stamp(x.updated_at, t.updated_at)]
                        + [_stamp(e.updated_at, t.updated_at) for e in undated if _on(t, e, x)]
                    ),
                )
            )
        for e in t.engagements:
            held = e.place.country_code if e.place else countries.get(e.leg_id or "")
            if country is not None and held != country:
                continue
            if e.start_date is None or e.start_date != e.end_date:
                continue
            assert e.end_date is not None
            if e.status == "cancelled":
                status = "CANCELLED"
            elif e.status == "reported" and e.certainty in CONFIRMED:
                status = "CONFIRMED"
            else:
                status = "TENTATIVE"
            tzid = e.timezone if e.local_time is not None else None
            if tzid is not None:
                assert e.local_time is not None
                local = datetime.combine(e.start_date, e.local_time, ZoneInfo(tzid))
                start_at: date | datetime = local.astimezone(UTC)
                end_at: date | datetime = (local + timedelta(hours=1)).astimezone(UTC)
            else:
                start_at, end_at = e.start_date, e.end_date + timedelta(days=1)
            out.append(
                Expected(
                    _uid("engagement", e.engagement_id),
                    e.revision,
                    status,
                    e.title.split(";")[0],
                    tzid is None,
                    start_at,
                    end_at,
                    tzid,
                    _stamp(e.updated_at, t.updated_at),
                )
            )
    return sorted(out, key=lambda x: x.uid)
