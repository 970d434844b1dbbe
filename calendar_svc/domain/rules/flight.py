"""The flight home (rule 5): the day the delegation left its last stop, counted back from
a landing home that a source told, less the flight and the change of clock.

Apart from `dates` because it is arithmetic on clocks and distances, not on readings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from itertools import pairwise

from calendar_svc.domain.rules.evidence import Dated, LegEvidence, TripFacts
from calendar_svc.domain.values import Moment

#: A government plane's average speed over the ground, km/h, and the hours a flight adds
#: on the ground (to the airport, boarding, taxiing): a long-haul flight home is 12-15 h.
CRUISE_KMH = 800.0
GROUND_HOURS = 1.0

#: The clock a landing told by its part of the day is taken at; "early morning" is the
#: small hours ("rạng sáng", "before dawn").
LANDING_CLOCK = {
    "early_morning": time(3, 0),
    "morning": time(8, 0),
    "noon": time(12, 0),
    "afternoon": time(15, 0),
    "late_afternoon": time(17, 0),
    "evening": time(20, 0),
    "night": time(23, 0),
}
#: When a delegation flies on from a stop whose end is told by its day alone: after the
#: day's programme. A flight from it landing after midnight, local time, starts the next
#: leg the next day (Brasilia to London, 12 h and 3 h of clock: the morning after).
FLIES_ON_AT = time(16, 0)

#: A flight whose hours and change of clock add up to this or more is overnight whenever
#: it left: the stop before it ended the day before the landing (on the development split,
#: 30 of 32 such moves between legs, against 20 of 46 from 8 to 12 hours).
OVERNIGHT_HOURS = 12.0

#: A landing told by its day alone is taken at midday.
UNTOLD_CLOCK = time(12, 0)
#: A landing before this is an overnight flight, however short: visits do not end
#: before dawn ("returned to Manila before dawn on Wednesday" left Hanoi on Tuesday).
OVERNIGHT_BEFORE = time(11, 0)


def flight_hours(distance_km: float) -> float:
    """The hours a flight of that great-circle distance takes, door to door."""
    return distance_km / CRUISE_KMH + GROUND_HOURS


def great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The distance between two (latitude, longitude) points, by the haversine formula."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def left_for_home(landed: Moment, hours: float | None, clock_change: float | None) -> date:
    """The day the delegation left its last stop, from when it landed home: the landing's
    local clock less the flight and the change of clock (home's UTC offset less the
    stop's). A landing in the morning was an overnight flight. Without the flight's
    length, a later landing is taken as the same day's."""
    clock = landed.local_time or LANDING_CLOCK.get(landed.day_part or "")
    day = (
        landed.day - timedelta(days=1)
        if clock is not None and clock < OVERNIGHT_BEFORE
        else landed.day
    )
    if hours is None or clock_change is None:
        return day
    took_off = datetime.combine(landed.day, clock or UNTOLD_CLOCK) - timedelta(
        hours=hours + clock_change
    )
    return min(day, took_off.date())


def homeward_day(trip: TripFacts) -> date | None:
    """The last stop's last day a homecoming gives: the day a source says the delegation
    left for home, or, when the source told the landing, the day counted back from it."""
    landed = trip.landed
    if landed is None or trip.returned_on != landed.day:
        return trip.returned_on
    return left_for_home(landed, trip.flight_hours, trip.clock_change)


def window_is_the_trips(last: date, trip: TripFacts, homeward: date | None) -> bool:
    """Whether a stated window's last day is the last stop's, given a landing home a source
    told and the day the flight home left (`homeward_day`). Not when the window ends on the
    landing day and the flight left a day or more before ("chuyến công tác từ ngày
    15-23/1", home at noon on the 23rd after a night in the air: the stop ended with the
    flight), nor when the flight left after the window's last day (a state visit "từ 28/2
    đến 5/3", then Bangkok, home on the evening of 6/3: the window was a leg's)."""
    if trip.landed is None or homeward is None:
        return True
    if trip.landed.day == last and homeward < last:
        return False
    return homeward <= last


def landing_day(left: date, flight: tuple[float, float] | None) -> date:
    """The day a delegation that left a stop on `left` lands at the next one, its flight
    taken at `FLIES_ON_AT` (`flight`: hours and change of clock; unknown: the same day)."""
    if flight is None:
        return left
    hours, change = flight
    clock = FLIES_ON_AT.hour + FLIES_ON_AT.minute / 60 + hours + change
    return left + timedelta(days=max(0, math.floor(clock / 24)))


def overnight(flight: tuple[float, float] | None) -> bool:
    """Whether a flight (hours and change of clock) lands a day after it left, whatever
    the hour it took off (`OVERNIGHT_HOURS`)."""
    return flight is not None and sum(flight) >= OVERNIGHT_HOURS


def left_the_eve(
    legs: Sequence[LegEvidence],
    ahead: Sequence[int],
    starts: Sequence[Dated | None],
    ends: Sequence[Dated | None],
    ceilings: list[date | None],
) -> tuple[list[date | None], set[int]]:
    """A leg no source ends, bounded by the next leg's start after an overnight flight
    (`overnight`: Geneva to New Delhi, the clock 12 hours on): it ended the day before.
    The ceilings, and the legs whose ceiling that moved."""
    out, moved = list(ceilings), set()
    for i, j in pairwise(ahead):
        start, following = starts[i], starts[j]
        if ends[i] is not None or following is None or ceilings[i] != following.day:
            continue
        eve = following.day - timedelta(days=1)
        if overnight(legs[j].flight_in) and (start is None or start.day <= eve):
            out[i] = eve
            moved.add(i)
    return out, moved
