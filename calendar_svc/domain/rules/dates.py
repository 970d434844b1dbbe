"""The date rules (1-7 of the package docstring): how a leg's start and end, and their
certainty, are read from what sources state or inferred from the rest of the trip.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from calendar_svc.domain.rules.evidence import (
    AFTER,
    ARRIVED,
    BEFORE,
    CLAMPED,
    ENCLAVED,
    ENGAGED,
    ENTERED,
    EVE_OF_PROGRAMME,
    EVE_OF_SUMMIT,
    EVENING_ONLY,
    EVENT_END,
    EVENT_START,
    FLEW_HOME,
    FLEW_ON_OVERNIGHT,
    KINDS,
    LANDED_LATE,
    LEFT_HOME,
    NIGHT_BEFORE,
    OVERNIGHT,
    PLANNED_END,
    PLANNED_START,
    PREVIOUS,
    STAYED_ON,
    TRIP_END,
    TRIP_START,
    WITHIN_START,
    Dated,
    LegEvidence,
    Reading,
    TripFacts,
)
from calendar_svc.domain.rules.flight import (
    homeward_day,
    landing_day,
    left_the_eve,
    window_is_the_trips,
)
from calendar_svc.domain.rules.stays import within
from calendar_svc.domain.values import Certainty, DateWindow

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


def eves(
    starts: Sequence[Reading], event: DateWindow | None = None, *known: date | None
) -> list[Reading]:
    """An evening arrival (`arrival_eve`) on the eve of a stated range's first day, of
    the first day of the summit the leg is for, or of a day `known` for the programme's
    start (a plan for arriving: "will fly to Brussels for the NATO summit on 14 June",
    landed late on the 13th; the day the trip's stated window opens, for its first leg;
    the leg's first dated engagement, when the landing is all that dates it) agrees with
    that day: the delegation came the night before the programme. Any other
    evening arrival is an arrival on its own day. A landing late at night
    (`arrival_night`) is the eve of the next day, unless a stated range opens on its own."""
    stated = {r.day for r in starts if r.kind in ("window", "revised")}
    programme = stated | {day for day in (event.start if event else None, *known) if day}
    out = []
    for r in starts:
        if r.kind == "arrival_night" and r.day not in stated:
            # landed late at night ("gần nửa đêm 13/7", "late on Tuesday", "at 23:27"): the
            # programme begins the next day, whether or not a source dates it; a range the
            # sources state from the landing day is the hosts' count, and stands
            r = r._replace(day=r.day + timedelta(days=1))
        elif r.kind == "arrival_night":
            r = r._replace(kind="arrival")
        elif r.kind == "arrival_eve":
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
    # told only as an evening landing: the first dated engagement is the programme's day
    # (landed late on Wednesday, the talks on Thursday); none that evening
    only_eves = all(r.kind in LANDED_LATE for r in leg.starts)
    programme = min(leg.engaged, default=None) if only_eves else None
    # a night landing on a day the leg is also said to have ended ("arrived on Tuesday
    # ... will leave later tonight") is no stay begun the next day
    ended = {r.day for r in leg.ends}
    landed = [
        r._replace(kind="arrival") if r.kind == "arrival_night" and r.day in ended else r
        for r in leg.starts
    ]
    starts = eves(landed, leg.event, leg.planned_start, trip_start if first else None, programme)
    stated = read(starts)
    if stated is not None:
        return _evening_only(leg, _came_before(starts, stated))
    if (
        leg.summit
        and leg.event is not None
        and previous is not None
        and previous.country == leg.country
        and not previous.summit
    ):
        # the visit, then the summit in the same country ("thăm chính thức Campuchia
        # 8-9/11 và dự Hội nghị Cấp cao ASEAN 10-13/11"): no move between them, so
        # the summit's leg begins with the summit, whatever ended the visit
        return _inferred(leg.event.start, "stayed_on", STAYED_ON)
    if leg.entered_on is not None:
        return _flown_in(leg, leg.entered_on, ENTERED)
    if previous is not None and previous.concluded_on is not None:
        planned = leg.planned_start
        if planned is not None and planned == previous.concluded_on + timedelta(days=1):
            # "wrapped up the visit to Tanzania on Sunday ... is due in Praia on Monday":
            # the flight's day after, as the plan tells it
            return _inferred(planned, "planned", PLANNED_START)
        return _flown_in(leg, previous.concluded_on, PREVIOUS)
    if first and left_home is not None:
        return _inferred(left_home, "departure_from_home", LEFT_HOME)
    if first and trip_start is not None:
        return _inferred(trip_start, "trip_start", TRIP_START)
    if leg.planned_start is not None:
        return _inferred(leg.planned_start, "planned", PLANNED_START)
    if leg.engaged:
        return _inferred(min(leg.engaged), "engagements", ENGAGED)
    return None


def _flown_in(leg: LegEvidence, left: date, reason: str) -> Dated:
    """A leg begun when the delegation left the one before: on the day its flight lands."""
    day = landing_day(left, leg.flight_in)
    return _inferred(day, "previous_concluded", reason + (OVERNIGHT if day != left else ""))


def _came_before(starts: Sequence[Reading], stated: Dated) -> Dated:
    """A stated range's first day that a source of it also says the delegation arrived
    the day before, not in the evening (`eves` gave those the range's day): the leg starts
    with the arrival ("landed at Schiphol at 5 p.m. on the 10th ... the official visit,
    11-13 December")."""
    if stated.rule != "stated":
        return stated
    eve = stated.day - timedelta(days=1)
    came = [
        r for r in starts if r.kind == "arrival" and r.day == eve and r.source in stated.sources
    ]
    if not came:
        return stated
    return read(came) or stated


def _evening_only(leg: LegEvidence, start: Dated) -> Dated:
    """A start no source gives but as an evening arrival, with no programme day after it
    known (`eves`): the day is the landing's, and the programme may open the next day
    (Helsinki at 9 p.m. on the 15th, the summit on the 16th), so it is shown as inferred."""
    told = [r.kind for r in leg.starts if r.day == start.day]
    if start.certainty is Certainty.INFERRED:
        return start
    if not told and _landed_the_eve(leg, start) is not None:
        # moved to the summit's (or the first engagement's) day by `eves`, no range of the
        # leg's own saying so: the stay may count from the landing ("lưu lại Rio từ tối 5/7")
        summit = leg.event is not None and leg.event.start == start.day
        eve = start.day - timedelta(days=1)
        night = any(r.kind == "arrival_night" and r.day == eve for r in leg.starts)
        why = EVE_OF_SUMMIT if summit else NIGHT_BEFORE if night else EVE_OF_PROGRAMME
        return start._replace(reason=start.reason + why, certainty=Certainty.INFERRED)
    if not told or any(k != "arrival_eve" for k in told):
        return start
    return start._replace(reason=start.reason + EVENING_ONLY, certainty=Certainty.INFERRED)


def leg_end(
    leg: LegEvidence,
    start: Dated | None,
    last: bool,
    trip_end: date | None,
    trip_end_stated: bool,
    flew_home_reason: str | None = None,
    homeward: date | None = None,
) -> Dated | None:
    """A leg's end from its own evidence (rules 1, 4, 5). `trip_end_stated`: the trip's
    last day is a stated window's, not the homecoming's; `homeward`: the day the
    delegation left for home (`homeward_day`), no leg's end after it; `flew_home_reason`:
    why, when that day was counted back from a landing."""
    stated = read(leg.ends)
    if stated is not None:
        return stated
    window_ends = (
        last
        and trip_end is not None
        and trip_end_stated
        and (leg.event is None or leg.event.start <= trip_end <= leg.event.end)
    )
    if leg.duration is not None and start is not None and not window_ends:
        # (a stated window's last day is surer than a count: "six days in South Korea from
        # Friday", "the visit runs from May 31 to June 6")
        day = start.day + timedelta(days=leg.duration - 1)
        # a stay that would end before the summit it is for does: the number is more likely
        # the summit's ("hội nghị diễn ra trong hai ngày 26-27/11", the delegation there
        # from the 24th) than a leader leaving mid-summit, which the sources would state.
        # Nor does a stay run past the day the delegation left for home: "a week-long
        # trip" counts the flights.
        if (leg.event is None or day >= leg.event.end) and (homeward is None or day <= homeward):
            return _inferred(day, "duration", f"a {leg.duration}-day visit")
    came_home = last and trip_end is not None and not trip_end_stated
    planned = leg.planned_end
    if planned is not None and (start is None or planned >= start.day) and not came_home:
        # this leg's own plan ("will leave Abu Dhabi on Sunday"), surer than the trip's
        # window (often another leg's) or the summit's close; the homecoming beats it
        return _inferred(planned, "planned", PLANNED_END)
    if (
        last
        and trip_end is not None
        and trip_end_stated
        and (leg.event is None or leg.event.start <= trip_end <= leg.event.end)
    ):
        # a stated window that ends while the summit is on: the delegation left early
        # ("dự WEF Davos 20-24/1", the trip "từ 15-23/1"); one that ends after it counts
        # the flight home ("in the region May 21-28", the G7 closing on the 27th), and one
        # that ends before it was another leg's: the summit's close is the leg's end
        return _inferred(trip_end, "trip_end", TRIP_END)
    if leg.event is not None and (start is None or leg.event.end >= start.day):
        return _inferred(leg.event.end, "event", EVENT_END)
    if last and trip_end is not None:
        return _inferred(trip_end, "trip_end", flew_home_reason or TRIP_END)
    return None


# -- rules 6-7: neighbours and the clamp --------------------------------------------------


def bounds(
    starts: Sequence[Dated | None],
    ends: Sequence[Dated | None],
    landed: Sequence[date | None] | None = None,
) -> tuple[list[date | None], list[date | None]]:
    """For each leg, the latest day the legs before it give (floor) and the earliest the
    legs after it give (ceiling), from their own dates. `landed`: a leg's evening landing
    on the eve of its start (`eves`), the day the leg before ended, whatever day its
    programme opened."""
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
        days = [b.day for b in (starts[i], ends[i]) if b is not None]
        eve = landed[i] if landed is not None else None
        days += [eve] if eve is not None else []
        for day in days:
            ceiling = day if ceiling is None else min(ceiling, day)
    return floors, ceilings


def _landed_the_eve(leg: LegEvidence, start: Dated | None) -> date | None:
    """The evening landing the day before the leg's start, if one moved it (`eves`)."""
    if start is None:
        return None
    eve = start.day - timedelta(days=1)
    return eve if any(r.kind in LANDED_LATE and r.day == eve for r in leg.starts) else None


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
    elif end.rule in ("planned", "event") and ceiling is not None and ceiling < end.day:
        # a plan told before a later leg was known ("returning home on Saturday"), or the
        # close of a summit the traveller left early (the ASEAN summit runs to the 28th,
        # Tokyo from the 27th): the leg after it begins first
        end = _inferred(ceiling, "neighbours", AFTER)
    return start, _clamped(start, end)


def _clamped(start: Dated | None, end: Dated | None) -> Dated | None:
    """An end before the start is moved to the start's day: no leg ends before it begins
    (a stated end so moved is disputed; an inferred one stays inferred)."""
    if start is None or end is None or end.day >= start.day:
        return end
    sure = end.certainty is not Certainty.INFERRED
    return Dated(
        start.day,
        end.rule,
        end.reason + CLAMPED,
        Certainty.DISPUTED if sure else Certainty.INFERRED,
        end.sources,
        end.others,
    )


def trip_window(trip: TripFacts) -> tuple[Dated | None, Dated | None]:
    """The trip's stated window, read as a leg's dates are (rule 1)."""
    return read(trip.starts), read(trip.ends)


def date_legs(
    legs: Sequence[LegEvidence], trip: TripFacts, window: tuple[Dated | None, Dated | None]
) -> list[tuple[Dated | None, Dated | None]]:
    """Every leg's (start, end), legs in order: rules 1-7, and rule 8 for a summit leg
    within a visit (`within`). `window`: `trip_window(trip)`."""
    legs = _summit_then_visit(legs)
    inside = within(legs, window)
    if not inside:
        return _date_sequence(legs, trip, window)
    outer = [i for i in range(len(legs)) if i not in inside]
    sequence = iter(_date_sequence([legs[i] for i in outer], trip, window))
    return [_inside(leg) if i in inside else next(sequence) for i, leg in enumerate(legs)]


def _summit_then_visit(legs: Sequence[LegEvidence]) -> list[LegEvidence]:
    """A stay in one country that holds a summit and a visit (APEC in Da Nang, then a state
    visit in Hanoi from the 12th; an official visit to Berlin on the 5th-6th, then the G20
    in Hamburg): a source that tells of the whole stay files its arrival and its leaving
    under the visit. Those outside the visit's stated days, on the summit's side, are the
    summit leg's: before the visit, an arrival before its first day and a leaving on or
    before it; after it, a leaving or an arrival after its last day (rule 9)."""
    out = list(legs)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.country != b.country or a.summit == b.summit:
            continue
        visit = b if a.summit else a
        stated = read([r for r in visit.starts if r.kind in ("window", "revised")])
        last = read([r for r in visit.ends if r.kind in ("window", "revised")])
        if stated is None or last is None or last.day <= stated.day:
            continue  # no stay of the visit's own, or one of a day: nothing tells them apart
        if a.summit:  # the summit first
            came = [r for r in visit.starts if r.kind in ARRIVED and r.day < stated.day]
            left = [r for r in visit.ends if r.kind == "concluded" and r.day <= stated.day]
        else:
            came = [r for r in visit.starts if r.kind in ARRIVED and r.day > last.day]
            left = [r for r in visit.ends if r.kind == "concluded" and r.day > last.day]
        if not came and not left:
            continue
        kept = [r for r in visit.ends if r not in left]
        concluded = [r.day for r in kept if r.kind == "concluded"]
        summit = a if a.summit else b
        moved = summit._replace(starts=summit.starts + tuple(came), ends=summit.ends + tuple(left))
        stays = visit._replace(
            starts=tuple(r for r in visit.starts if r not in came),
            ends=tuple(kept),
            concluded_on=min(concluded, default=None) if left else visit.concluded_on,
        )
        out[i], out[i + 1] = (moved, stays) if a.summit else (stays, moved)
    return out


def _inside(leg: LegEvidence) -> tuple[Dated | None, Dated | None]:
    """A leg within another's stay: a summit's (`_summit_within`) or an enclave's, dated
    by its own readings, else by the days of its engagements there."""
    if leg.summit and leg.event is not None:
        start, end = _summit_within(leg)
        return start, _clamped(start, end)
    engaged = sorted(leg.engaged)
    first = _inferred(engaged[0], "within", ENCLAVED) if engaged else None
    last = _inferred(engaged[-1], "within", ENCLAVED) if engaged else None
    start = read(eves(leg.starts, leg.event)) or first
    return start, _clamped(start, read(leg.ends) or last)


def _summit_within(leg: LegEvidence) -> tuple[Dated | None, Dated | None]:
    """A summit leg within a visit: its own readings, else the summit's days; it bounds
    no other leg (the visit around it goes on)."""
    assert leg.event is not None
    start = read(eves(leg.starts, leg.event)) or _inferred(leg.event.start, "within", WITHIN_START)
    end = read(leg.ends) or _inferred(leg.event.end, "within", EVENT_END)
    return start, end


def _date_sequence(
    legs: Sequence[LegEvidence], trip: TripFacts, window: tuple[Dated | None, Dated | None]
) -> list[tuple[Dated | None, Dated | None]]:
    """Legs one after another: rules 1-7. A leg called off (postponed or cancelled) is
    dated by its own evidence only and bounds no other: the trip that goes ahead has its
    first and last legs, its neighbours and its window without it."""
    window_start, window_end = window
    ahead = [i for i, leg in enumerate(legs) if not (leg.postponed or leg.cancelled)]
    if window_end is not None and any(
        r.day > window_end.day for i in ahead for r in legs[i].starts
    ):
        # a leg a source says began after the window's last day: that window was a leg's
        # ("thăm Thái Lan 1-2/5" filed as the trip's by an article naming no other leg)
        window_end = None
    trip_start = None if window_start is None else window_start.day
    homeward = homeward_day(trip)
    if window_end is not None and not window_is_the_trips(window_end.day, trip, homeward):
        # the window's last day is the landing's, after a night in the air, or it ends
        # before the flight home left: the last stop ends with the flight
        window_end = None
    trip_end = window_end.day if window_end is not None else homeward
    flew_home = FLEW_HOME if window_end is None and homeward != trip.returned_on else None
    first = min(ahead, default=None)
    last = max(ahead, default=None)
    starts: list[Dated | None] = []
    ends: list[Dated | None] = []
    previous: LegEvidence | None = None
    for i, leg in enumerate(legs):
        going = i in ahead  # a leg called off has its own evidence only
        start = leg_start(
            leg,
            i == first,
            previous if going else None,
            trip.left_home if going else None,
            trip_start if going else None,
        )
        starts.append(start)
        stated_end = window_end is not None and going
        ends.append(
            leg_end(
                leg,
                start,
                i == last,
                trip_end if going else None,
                stated_end,
                flew_home,
                homeward if going else None,
            )
        )
        previous = leg if going else previous
    floors, ceilings = bounds(
        [s if i in ahead else None for i, s in enumerate(starts)],
        [e if i in ahead else None for i, e in enumerate(ends)],
        [_landed_the_eve(leg, starts[i]) if i in ahead else None for i, leg in enumerate(legs)],
    )
    ceilings, overnight = left_the_eve(legs, ahead, starts, ends, ceilings)
    dated = [
        _opens_with_summit(
            legs[i],
            settle(starts[i], ends[i], floors[i], ceilings[i], trip_start, trip_end)
            if i in ahead
            else settle(starts[i], ends[i], None, None, None, None),
        )
        for i in range(len(legs))
    ]
    for i in overnight:  # ended by the ceiling `left_the_eve` moved: say why
        start, end = dated[i]
        if end is not None:
            dated[i] = start, end._replace(reason=end.reason + FLEW_ON_OVERNIGHT)
    return dated


def _opens_with_summit(
    leg: LegEvidence, dated: tuple[Dated | None, Dated | None]
) -> tuple[Dated | None, Dated | None]:
    """A leg that nothing else dates the start of (its sources, its neighbours, the trip's
    window) but the summit it is for: it starts with the summit, as it ends with it."""
    start, end = dated
    if start is not None or leg.event is None or (end is not None and end.day < leg.event.start):
        return dated
    return _inferred(leg.event.start, "event", EVENT_START), end


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
