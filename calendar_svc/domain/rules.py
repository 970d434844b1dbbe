"""The schedule's rules: how a leg's dates, its status and the certainty of each date are
decided from what sources said. Pure functions over plain inputs (no log, no fold, no
I/O); `ScheduleFold` gathers the evidence and calls them, and nothing else decides.

A date is a `Dated`: the day, the rule that gave it, the reason in words, and its
`Certainty` (weakest first: disputed < inferred < stated < corroborated).

Leg dates, in order of precedence (each rule's name appears in a leg's `date_basis`):

1. Readings (`stated`, `arrival`, `concluded`): days sources state for this leg. Starts:
   its stated range (announced, reported at its conclusion, or revised) and the day the
   delegation arrived. Ends: its stated range, and the day it was reported concluded
   (or the delegation left it). The shown day is the one most distinct sources give;
   ties go to the later publication, then to the stronger kind (a revised range over a
   stated range over an arrival or conclusion), then to the later report. Certainty:
   `stated` (one source), `corroborated` (two or more sources, no other day),
   `disputed` (another source gives another day: an article that gives the shown day
   too does not count, it is at odds with itself). An arrival in the evening or at night
   before a stated range's first day counts for that day (`eves`): the eve of the
   programme is not another start. Other readings and their sources
   appear among the trip's disputes. Readings are never dropped, so a later article
   never turns a stated date into an inferred one. (A `ClaimDisputed` event, one
   article giving two values, is no reading: the held value stays and the claim is
   shown beside it.)
2. `previous_concluded`: else a leg starts on the day the delegation left the previous
   leg for it, or the day the previous leg was reported concluded.
3. `departure_from_home`: else the first leg starts when the delegation left home;
   `trip_start`: else on the trip's stated first day; `engagements`: else on the day of
   the leg's first dated engagement (talks in B on the 22nd: it was in B by then; the day
   before, the neighbours' guess, would often be another leg's). (A summit's first day
   is no start: delegations arrive the evening before, on the day the leg before ends.)
4. `duration`: else a leg with a stated duration ends start + duration - 1 (a stated
   conclusion beats it: it is a reading); `event`: else a leg to a summit ends on the
   summit's last day (the summit's days are not the leg's own: never stated), unless it
   is the last leg of a trip whose stated window ends (rule 5 first).
5. `trip_end`: else the last leg ends with the trip (its stated last day, or the day
   the delegation came home).
6. `neighbours`: a leg still without a start starts on the latest day the legs before
   it give (or the trip's first day); without an end, ends on the earliest day the
   legs after it give (or the trip's last day). Only the legs' own dates (rules 1-5)
   bound others.
7. clamp: an end before the start becomes the start (inferred when the end was inferred;
   disputed when a source stated it: then two sources contradict each other).

Rules 2-7 are inference: they never give `stated` or `corroborated`.

Leg status (`leg_status`): `cancelled` (the leg or the trip), else `postponed` (a
postponement that no later movement or new dates overtook: the fold clears it when the
visit is reported under way or rescheduled), else
`concluded` (reported concluded, the trip over, or a later leg begun), else
`in_progress` (arrived, entered or concluded; the first leg once the delegation left
home; a leg whose previous one concluded), else `announced`. `status_as_of` is the
latest publication day of the sources that report on the leg and of the trip-level
news behind its status (departure from home, return, postponement, cancellation); for
a status a neighbour decided (a later leg begun, the previous one concluded), of the
leg's and that neighbour's sources.

Engagement dates (`engagement_dates`): a stated day (`stated`); else, within its own
window ("during the visit") or else its leg's dates, a fixed-date commemoration its
title names in that country (`commemoration`, inferred), or else the whole window
(`leg_window`, inferred); else none.

Trip summary (`trip_summary`): the trip starts on the earliest of its legs' starts and
the day it left home, and ends on the latest of its legs' ends and the day it came
home; with none of these, on its stated window. A start or end is as sure as the
surest thing that gives that day (a leg's date, the departure or return, the stated
window). Status: `cancelled`, `postponed`, `concluded` (came home, or the last leg
concluded), `in_progress` (left home or a leg under way), else `announced`;
`status_as_of` is the latest publication day of any of its sources.

`dates_confirmed` (on views) is derived: both dates `stated` or `corroborated`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from calendar_svc.domain.values import Certainty, DateWindow, Status

__all__ = [
    "Certainty",
    "Dated",
    "EngagementDates",
    "LegEvidence",
    "LegStatus",
    "Reading",
    "TripFacts",
    "TripSummary",
    "bounds",
    "commemoration_day",
    "date_basis",
    "date_legs",
    "disputed_readings",
    "engagement_dates",
    "eves",
    "leg_end",
    "leg_start",
    "leg_status",
    "overall",
    "read",
    "settle",
    "trip_summary",
    "trip_window",
    "weaker",
]

#: What a reading is, weakest first: an arrival or a conclusion (or a departure from the
#: leg), a stated range (`window`), a range revised (`revised`). Stronger kinds win ties
#: of sources and publication.
TIERS: tuple[tuple[str, ...], ...] = (
    ("arrival", "arrival_eve", "concluded"),
    ("window",),
    ("revised",),
)
_SAYS = {
    "arrival": ("arrival", "the delegation arrived that day"),
    "arrival_eve": ("arrival", "the delegation arrived the evening before"),
    "concluded": ("concluded", "the leg was reported concluded"),
    "window": ("stated", "dates stated by {label}"),
    "revised": ("stated", "dates stated by {label}"),
}
#: kind: (strength, rule, reason)
KINDS: dict[str, tuple[int, str, str]] = {
    kind: (strength, *_SAYS[kind]) for strength, tier in enumerate(TIERS) for kind in tier
}

ENTERED = "the delegation left the previous leg for this one that day"
PREVIOUS = "the previous leg concluded that day"
LEFT_HOME = "the delegation left home that day"
TRIP_START = "the trip starts that day"
TRIP_END = "the last leg ends with the trip"
ENGAGED = "no source states it; its first dated engagement there was that day"
EVENT_END = "no source states it; the summit it attends there closes that day"
BEFORE = "no source states it; bounded by the legs before it"
AFTER = "no source states it; bounded by the legs after it"
CLAMPED = " (clamped to the start)"


class Reading(NamedTuple):
    """A day one source states for a leg's (or the trip's) start or end."""

    day: date
    kind: str  # a key of KINDS
    source: str  # the article's id
    published: date | None = None
    label: str = "a source"  # how the date basis names the source


class Dated(NamedTuple):
    """A shown date: the day, the rule, why, and how sure. `others`: for a disputed date,
    the days other sources give, each with its sources; `sources`: those of the day shown."""

    day: date
    rule: str
    reason: str
    certainty: Certainty
    sources: tuple[str, ...] = ()
    others: tuple[tuple[date, tuple[str, ...]], ...] = ()


class LegEvidence(NamedTuple):
    """What the log says of one leg, as plain values."""

    starts: tuple[Reading, ...] = ()  # stated starts and arrivals
    ends: tuple[Reading, ...] = ()  # stated ends and conclusions
    duration: int | None = None  # days, when a source gives the visit's length
    entered_on: date | None = None  # the delegation left the previous leg for this one
    concluded_on: date | None = None  # the first day it was reported concluded
    concluded: bool = False
    started: bool = False  # arrived, entered or concluded
    postponed: bool = False
    cancelled: bool = False
    reported: tuple[date, ...] = ()  # publication days of the sources reporting on it
    engaged: tuple[date, ...] = ()  # days of the engagements sources date in this leg
    event: DateWindow | None = None  # the days of the summit it attends there


class TripFacts(NamedTuple):
    """What the log says of the trip as a whole."""

    starts: tuple[Reading, ...] = ()  # the stated trip window's first day, per source
    ends: tuple[Reading, ...] = ()
    left_home: date | None = None
    returned_on: date | None = None
    returned: bool = False
    postponed: bool = False
    cancelled: bool = False
    reported: tuple[date, ...] = ()  # publication days of all its sources
    status_reported: tuple[date, ...] = ()  # of departure, return, postponement, cancellation


class LegStatus(NamedTuple):
    status: Status
    rule: str
    as_of: date | None


class EngagementDates(NamedTuple):
    first: date | None
    final: date | None
    basis: str
    certainty: Certainty | None


class TripSummary(NamedTuple):
    start: Dated | None
    end: Dated | None
    status: Status
    as_of: date | None


# -- certainty ------------------------------------------------------------------------


def weaker(a: Certainty, b: Certainty) -> Certainty:
    """The less sure of two certainties."""
    return min(a, b, key=lambda certainty: certainty.rank)


def overall(start: Dated | None, end: Dated | None) -> Certainty | None:
    """A leg's certainty: the weaker of its two dates; a missing date counts as inferred
    (half a leg is not confirmed); None when neither is known."""
    if start is None and end is None:
        return None
    first = Certainty.INFERRED if start is None else start.certainty
    last = Certainty.INFERRED if end is None else end.certainty
    return weaker(first, last)


# -- rule 1: readings --------------------------------------------------------------------


class _Day:
    """What the readings of one day add up to, gathered in one pass."""

    __slots__ = ("best", "last", "latest", "sources", "strength")

    def __init__(self, index: int, reading: Reading) -> None:
        self.sources: dict[str, None] = {}  # in order of report
        self.latest = date.min  # the latest publication (unknown counts as earliest)
        self.best = reading  # the first reading of the strongest kind
        self.strength = KINDS[reading.kind][0]
        self.last = index  # the position of its last reading
        self.add(index, reading)

    def add(self, index: int, reading: Reading) -> None:
        self.sources[reading.source] = None
        if reading.published is not None:
            self.latest = max(self.latest, reading.published)
        strength = KINDS[reading.kind][0]
        if strength > self.strength:
            self.best, self.strength = reading, strength
        self.last = index

    def weight(self) -> tuple[int, date, int, int]:
        return len(self.sources), self.latest, self.strength, self.last


def eves(starts: Sequence[Reading], event: DateWindow | None = None) -> list[Reading]:
    """An evening arrival (`arrival_eve`) on the eve of a stated range's first day, or of
    the first day of the summit the leg is for, agrees with that day: the delegation came
    the night before the programme. Any other evening arrival is an arrival on its own
    day."""
    programme = {r.day for r in starts if r.kind in ("window", "revised")}
    if event is not None:
        programme.add(event.start)
    out = []
    for r in starts:
        if r.kind == "arrival_eve":
            eve_of = r.day + timedelta(days=1)
            r = r._replace(day=eve_of) if eve_of in programme else r._replace(kind="arrival")
        out.append(r)
    return out


def read(readings: Sequence[Reading]) -> Dated | None:
    """The day sources state, by majority of distinct sources; ties: the later
    publication, then the stronger kind, then the later report."""
    if not readings:
        return None
    first, *rest = readings
    if not rest:  # one reading, the common case: stated by its source
        _, rule, template = KINDS[first.kind]
        reason = template.format(label=first.label)
        return Dated(first.day, rule, reason, Certainty.STATED, (first.source,))
    days: dict[date, _Day] = {}
    for index, reading in enumerate(readings):
        held = days.get(reading.day)
        if held is None:
            days[reading.day] = _Day(index, reading)
        else:
            held.add(index, reading)
    shown = max(days, key=lambda day: days[day].weight())
    best = days[shown].best
    _, rule, template = KINDS[best.kind]
    reason = template.format(label=best.label)
    sources = tuple(days[shown].sources)
    others = tuple((day, tuple(days[day].sources)) for day in sorted(days) if day != shown)
    # A dispute is between sources: another day given by an article that does not also
    # give the day shown (one article at odds with itself does not make it disputed).
    if any(not set(theirs) <= set(sources) for _, theirs in others):
        told = ", ".join(f"{day.isoformat()} ({len(s)} source(s))" for day, s in others)
        return Dated(
            shown, rule, f"{reason}; disputed: also {told}", Certainty.DISPUTED, sources, others
        )
    if others:
        told = ", ".join(day.isoformat() for day, _ in others)
        reason += f" (the same source also gives {told})"
    if len(sources) > 1:
        reason += f", and {len(sources) - 1} more source(s)"
        return Dated(shown, rule, reason, Certainty.CORROBORATED, sources, others)
    return Dated(shown, rule, reason, Certainty.STATED, sources, others)


# -- rules 2-5: a leg's own dates ---------------------------------------------------------


def _inferred(day: date, rule: str, reason: str) -> Dated:
    return Dated(day, rule, reason, Certainty.INFERRED)


def leg_start(
    leg: LegEvidence,
    first: bool,
    previous: LegEvidence | None,
    left_home: date | None,
    trip_start: date | None,
) -> Dated | None:
    """A leg's start from its own evidence (rules 1-3)."""
    stated = read(eves(leg.starts, leg.event))
    if stated is not None:
        return stated
    if leg.entered_on is not None:
        return _inferred(leg.entered_on, "previous_concluded", ENTERED)
    if previous is not None and previous.concluded_on is not None:
        return _inferred(previous.concluded_on, "previous_concluded", PREVIOUS)
    if first and left_home is not None:
        return _inferred(left_home, "departure_from_home", LEFT_HOME)
    if first and trip_start is not None:
        return _inferred(trip_start, "trip_start", TRIP_START)
    if leg.engaged:
        return _inferred(min(leg.engaged), "engagements", ENGAGED)
    return None


def leg_end(
    leg: LegEvidence,
    start: Dated | None,
    last: bool,
    trip_end: date | None,
    trip_end_stated: bool,
) -> Dated | None:
    """A leg's end from its own evidence (rules 1, 4, 5). `trip_end_stated`: the trip's
    last day is a stated window's, not the homecoming's (which may be a day later)."""
    stated = read(leg.ends)
    if stated is not None:
        return stated
    if leg.duration is not None and start is not None:
        day = start.day + timedelta(days=leg.duration - 1)
        return _inferred(day, "duration", f"a {leg.duration}-day visit")
    if (
        last
        and trip_end is not None
        and trip_end_stated
        and (leg.event is None or trip_end >= leg.event.end)
    ):
        return _inferred(trip_end, "trip_end", TRIP_END)
    if leg.event is not None and (start is None or leg.event.end >= start.day):
        return _inferred(leg.event.end, "event", EVENT_END)
    if last and trip_end is not None:
        return _inferred(trip_end, "trip_end", TRIP_END)
    return None


# -- rules 6-7: neighbours and the clamp --------------------------------------------------


def bounds(
    starts: Sequence[Dated | None], ends: Sequence[Dated | None]
) -> tuple[list[date | None], list[date | None]]:
    """For each leg, the latest day the legs before it give (floor) and the earliest the
    legs after it give (ceiling), from their own dates."""
    count = len(starts)
    floors: list[date | None] = []
    floor: date | None = None
    for i in range(count):
        floors.append(floor)
        for bound in (ends[i], starts[i]):
            if bound is not None:
                floor = bound.day if floor is None else max(floor, bound.day)
    ceilings: list[date | None] = [None] * count
    ceiling: date | None = None
    for i in range(count - 1, -1, -1):
        ceilings[i] = ceiling
        for bound in (starts[i], ends[i]):
            if bound is not None:
                ceiling = bound.day if ceiling is None else min(ceiling, bound.day)
    return floors, ceilings


def settle(
    start: Dated | None,
    end: Dated | None,
    floor: date | None,
    ceiling: date | None,
    trip_start: date | None,
    trip_end: date | None,
) -> tuple[Dated | None, Dated | None]:
    """Fill a missing start or end from the neighbours (or the trip's window), then clamp
    an end before the start (rules 6-7)."""
    if start is None:
        low = floor if floor is not None else trip_start
        if low is not None:
            start = _inferred(low, "neighbours", BEFORE)
    if end is None:
        high = ceiling if ceiling is not None else trip_end
        if high is not None:
            end = _inferred(high, "neighbours", AFTER)
    if start is not None and end is not None and end.day < start.day:
        sure = end.certainty is not Certainty.INFERRED
        end = Dated(
            start.day,
            end.rule,
            end.reason + CLAMPED,
            Certainty.DISPUTED if sure else Certainty.INFERRED,
            end.sources,
            end.others,
        )
    return start, end


def trip_window(trip: TripFacts) -> tuple[Dated | None, Dated | None]:
    """The trip's stated window, read as a leg's dates are (rule 1)."""
    return read(trip.starts), read(trip.ends)


def date_legs(
    legs: Sequence[LegEvidence], trip: TripFacts, window: tuple[Dated | None, Dated | None]
) -> list[tuple[Dated | None, Dated | None]]:
    """Every leg's (start, end), legs in order: rules 1-7. `window`: `trip_window(trip)`."""
    window_start, window_end = window
    trip_start = None if window_start is None else window_start.day
    trip_end = window_end.day if window_end is not None else trip.returned_on
    count = len(legs)
    starts: list[Dated | None] = []
    ends: list[Dated | None] = []
    previous: LegEvidence | None = None
    for i, leg in enumerate(legs):
        start = leg_start(leg, i == 0, previous, trip.left_home, trip_start)
        starts.append(start)
        ends.append(leg_end(leg, start, i == count - 1, trip_end, window_end is not None))
        previous = leg
    floors, ceilings = bounds(starts, ends)
    return [
        settle(starts[i], ends[i], floors[i], ceilings[i], trip_start, trip_end)
        for i in range(count)
    ]


def date_basis(start: Dated | None, end: Dated | None) -> str:
    """The leg's dates in words, with the rule of each."""
    if start is not None:
        basis = f"starts {start.day.isoformat()}: {start.reason} (rule {start.rule})"
        if end is not None:
            basis += f"; ends {end.day.isoformat()}: {end.reason} (rule {end.rule})"
        return basis
    if end is not None:
        return f"ends {end.day.isoformat()}: {end.reason} (rule {end.rule})"
    return "no dates known yet"


def disputed_readings(what: str, dated: Dated | None) -> list[tuple[str, str, str, list[str]]]:
    """(fact, held, claimed, sources) for each day other sources give for a date."""
    if dated is None:
        return []
    return [
        (what, dated.day.isoformat(), day.isoformat(), list(sources))
        for day, sources in dated.others
    ]


# -- status -----------------------------------------------------------------------------


def _latest(*groups: Iterable[date]) -> date | None:
    return max((day for group in groups for day in group), default=None)


def leg_status(
    leg: LegEvidence,
    first: bool,
    previous: LegEvidence | None,
    later: Sequence[LegEvidence],
    trip: TripFacts,
) -> LegStatus:
    """A leg's status, the rule that gave it, and the publication day it stands as of."""
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
    if leg.started:
        return LegStatus("in_progress", "begun", as_of)
    if first and trip.left_home is not None:
        return LegStatus("in_progress", "departure_from_home", as_of)
    if previous is not None and previous.concluded:
        return LegStatus(
            "in_progress", "previous_concluded", _latest(leg.reported, previous.reported)
        )
    return LegStatus("announced", "announced", as_of)


# -- engagements ---------------------------------------------------------------------------

_COMMEMORATIONS: list[tuple[re.Pattern[str], frozenset[str], int, int, str]] = [
    (
        re.compile(r"Great Patriotic War|Victory Day|Chiến tranh Vệ quốc", re.IGNORECASE),
        frozenset({"RU", "BY"}),
        5,
        9,
        "Victory Day in the Great Patriotic War is marked on 9 May",
    ),
    (
        re.compile(r"\bNational Day\b|Quốc khánh", re.IGNORECASE),
        frozenset({"VN"}),
        9,
        2,
        "Việt Nam's National Day is 2 September",
    ),
    (
        re.compile(r"\bNational Day\b|Quốc khánh", re.IGNORECASE),
        frozenset({"CN"}),
        10,
        1,
        "China's National Day is 1 October",
    ),
    (
        re.compile(r"Bastille Day|Fête nationale|\bNational Day\b|Quốc khánh", re.IGNORECASE),
        frozenset({"FR"}),
        7,
        14,
        "France's national day is 14 July",
    ),
    (
        re.compile(r"Independence Day|Quốc khánh", re.IGNORECASE),
        frozenset({"US"}),
        7,
        4,
        "Independence Day in the United States is 4 July",
    ),
]

#: Countries with a commemoration above: only their engagements' titles are searched.
COMMEMORATED = frozenset().union(*(countries for _, countries, _, _, _ in _COMMEMORATIONS))


def commemoration_day(
    title: str, country: str | None, window: DateWindow | None
) -> tuple[date, str] | None:
    """The day of a fixed-date commemoration the title names, in that country, within
    the window (world knowledge, not a source)."""
    if window is None:
        return None
    for pattern, countries, month, day, why in _COMMEMORATIONS:
        if country in countries and pattern.search(title):
            for year in {window.start.year, window.end.year}:
                candidate = date(year, month, day)
                if window.contains(candidate):
                    return candidate, why
    return None


def engagement_dates(
    stated: date | None,
    window: DateWindow | None,
    title: str,
    country: str | None,
    leg_start_day: date | None,
    leg_end_day: date | None,
) -> EngagementDates:
    """An engagement's days: stated, a commemoration within the leg, the leg's window."""
    if stated is not None:
        return EngagementDates(stated, stated, "date stated", Certainty.STATED)
    during = window
    if (
        during is None
        and leg_start_day is not None
        and leg_end_day is not None
        and leg_start_day <= leg_end_day
    ):
        during = DateWindow(leg_start_day, leg_end_day)
    known = commemoration_day(title, country, during) if country in COMMEMORATED else None
    if known is not None:
        basis = f"inferred: {known[1]} (rule commemoration)"
        return EngagementDates(known[0], known[0], basis, Certainty.INFERRED)
    if during is not None:
        basis = "during the visit; the day is not stated (rule leg_window)"
        return EngagementDates(during.start, during.end, basis, Certainty.INFERRED)
    return EngagementDates(None, None, "no date known yet", None)


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
    elif trip.returned or (statuses and statuses[-1] == "concluded"):
        status = "concluded"
    elif trip.left_home is not None or any(s in ("in_progress", "concluded") for s in statuses):
        status = "in_progress"
    else:
        status = "announced"
    return TripSummary(start, end, status, _latest(trip.reported))
