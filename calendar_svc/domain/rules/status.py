"""A leg's status, and the trip's summary (its start, end and status, from its legs):
what is decided once the legs are dated, apart from how they are dated.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from calendar_svc.domain.rules.evidence import (
    Dated,
    LegEvidence,
    LegStatus,
    TripFacts,
    TripSummary,
)
from calendar_svc.domain.rules.stays import within
from calendar_svc.domain.values import Certainty, Status

# -- status -----------------------------------------------------------------------------


def _latest(*groups: Iterable[date]) -> date | None:
    return max((day for group in groups for day in group), default=None)


def leg_status(
    leg: LegEvidence,
    first: bool,
    previous: LegEvidence | None,
    later: Sequence[LegEvidence],
    trip: TripFacts,
    end: Dated | None = None,
) -> LegStatus:
    """A leg's status, the rule that gave it, and the publication day it stands as of.
    `end`: the leg's shown last day."""
    as_of = _latest(leg.reported, trip.status_reported)
    if leg.cancelled or trip.cancelled:
        return LegStatus("cancelled", "cancelled", as_of)
    if leg.postponed or trip.postponed:
        return LegStatus("postponed", "postponed", as_of)
    if leg.concluded:
        return LegStatus("concluded", "concluded", as_of)
    if trip.returned:
        return LegStatus("concluded", "trip_concluded", as_of)
    begun = [other for other in later if other.started]
    if begun:
        return LegStatus(
            "concluded", "later_leg_begun", _latest(leg.reported, *(o.reported for o in begun))
        )
    under_way = _under_way(leg, first, previous, trip)
    if under_way is None:
        return LegStatus("announced", "announced", as_of)
    news = _latest(trip.reported)
    if end is not None and news is not None and news > end.day:
        # its last day was over when a later source was written: no source need say it
        # ended ("a state visit from May 3 to 5", then a summary on the 9th)
        return LegStatus("concluded", "days_over", news)
    return LegStatus("in_progress", under_way[0], under_way[1] or as_of)


def _under_way(
    leg: LegEvidence, first: bool, previous: LegEvidence | None, trip: TripFacts
) -> tuple[str, date | None] | None:
    """Why a leg not reported over is under way (the rule, and as of when if not its own
    reports), or None if nothing says it has begun."""
    if leg.started:
        return "begun", None
    if first and trip.left_home is not None:
        return "departure_from_home", None
    if previous is not None and previous.concluded:
        return "previous_concluded", _latest(leg.reported, previous.reported)
    return None


def leg_statuses(
    legs: Sequence[LegEvidence],
    trip: TripFacts,
    window: tuple[Dated | None, Dated | None],
    dates: Sequence[tuple[Dated | None, Dated | None]] = (),
) -> list[LegStatus]:
    """Every leg's status, legs in order. A summit leg within a visit (`stays.within`)
    stands as its visit does, unless it was itself called off or reported: the visit
    around it is what moves."""
    inside = within(legs, window)
    outer = [i for i in range(len(legs)) if i not in inside]
    shown: dict[int, LegStatus] = {}
    for n, i in enumerate(outer):
        before = legs[outer[n - 1]] if n else None
        later = [legs[j] for j in outer[n + 1 :]]
        end = dates[i][1] if i < len(dates) else None
        shown[i] = leg_status(legs[i], n == 0, before, later, trip, end)
    for i, visit in inside.items():
        own = leg_status(legs[i], False, None, (), trip)
        shown[i] = shown[visit] if own.status == "announced" else own
    return [shown[i] for i in range(len(legs))]


# -- the trip ------------------------------------------------------------------------------


def _extreme(
    candidates: Sequence[tuple[date, Certainty]], window: Dated | None, latest: bool
) -> Dated | None:
    """The earliest (or latest) day of the candidates, as sure as the surest that gives it
    (the stated window included when it gives the same day); the window alone if none."""
    if not candidates:
        return window
    day = max(c[0] for c in candidates) if latest else min(c[0] for c in candidates)
    sure = [c for d, c in candidates if d == day]
    if window is not None and window.day == day:
        sure.append(window.certainty)
    certainty = max(sure, key=lambda c: c.rank)
    what = "latest leg end or return home" if latest else "earliest leg start or departure"
    return Dated(day, "legs", f"the {what}", certainty)


def trip_summary(
    dates: Sequence[tuple[Dated | None, Dated | None]],
    statuses: Sequence[str],
    trip: TripFacts,
    window: tuple[Dated | None, Dated | None],
) -> TripSummary:
    """The trip's start and end from its legs (or its stated window: `trip_window(trip)`),
    and its status."""
    starts = [(s.day, s.certainty) for s, _ in dates if s is not None]
    ends = [(e.day, e.certainty) for _, e in dates if e is not None]
    if trip.left_home is not None:
        starts.append((trip.left_home, Certainty.STATED))
    if trip.returned_on is not None:
        ends.append((trip.returned_on, Certainty.STATED))
    start = _extreme(starts, window[0], latest=False)
    end = _extreme(ends, window[1], latest=True)
    status: Status
    if trip.cancelled:
        status = "cancelled"
    elif trip.postponed:
        status = "postponed"
    elif statuses and all(s in ("postponed", "cancelled") for s in statuses):
        # every leg called off, one by one: so is the trip ("the state visit to Việt Nam,
        # set for May 25 to 27, has been postponed", in a trip of that one leg)
        status = "cancelled" if all(s == "cancelled" for s in statuses) else "postponed"
    elif trip.returned or (statuses and statuses[-1] == "concluded"):
        status = "concluded"
    elif trip.left_home is not None or any(s in ("in_progress", "concluded") for s in statuses):
        status = "in_progress"
    else:
        status = "announced"
    return TripSummary(start, end, status, _latest(trip.reported))
