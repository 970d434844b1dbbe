"""Stays in one country beside or within one another: a summit leg inside a visit's days
(rule 8, `within`), a stop in an enclave inside a stay in the country around it, and a
visit's range that is the whole stay, summit and visit (rule 10,
`stay_windows_to_summit`), and a visit's conclusion that is the stay's, after the summit
there (rule 11, `conclusions_to_summit`).

Apart from `dates` (rules 1-9), which dates the legs these decide the shape of.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from calendar_svc.domain.rules.evidence import ARRIVED, LANDED_LATE, Dated, LegEvidence, Reading

#: Countries that lie wholly inside another: a stop there during a stay in the country
#: around it is a visit within that stay (the Holy See during a state visit to Italy),
#: not a leg after it.
ENCLAVED_IN = {"VA": "IT", "SM": "IT", "LS": "ZA"}


def within(
    legs: Sequence[LegEvidence], window: tuple[Dated | None, Dated | None] = (None, None)
) -> dict[int, int]:
    """Summit legs within a visit (rule 8), each with the visit it lies in: a summit
    leg whose summit's days lie inside the stated days of a visit to the same country
    ("working visit to Japan, December 15-18; the ASEAN-Japan summit in Tokyo, December
    16-17"); in a trip to one country, the trip's stated `window` is the visit's."""
    one_country = len({leg.country for leg in legs}) == 1
    first, last = window
    trip_stay = (
        (first.day, last.day) if one_country and first is not None and last is not None else None
    )
    found: dict[int, int] = {}
    for i, leg in enumerate(legs):
        if not leg.summit or leg.event is None:
            continue
        for j, other in enumerate(legs):
            if other.summit or other.country != leg.country:
                continue
            stay = _stated_stay(other) or trip_stay
            if stay is not None and stay[0] <= leg.event.start and leg.event.end <= stay[1]:
                found.setdefault(i, j)
    for i in range(len(legs)):
        around = _stay_around(legs, i)
        if around is not None:
            found.setdefault(i, around)
    return found


def _stay_around(legs: Sequence[LegEvidence], i: int) -> int | None:
    """The leg next to an enclave's whose stated stay in the country around it holds
    every day told of the enclave (its readings, else its engagements), if any."""
    leg = legs[i]
    around = ENCLAVED_IN.get(leg.country)
    if around is None:
        return None
    days = [r.day for r in (*leg.starts, *leg.ends)] or list(leg.engaged)
    for j in (i - 1, i + 1):
        if not 0 <= j < len(legs) or legs[j].country != around or legs[j].summit:
            continue
        stay = _stated_stay(legs[j])
        if stay is not None and all(stay[0] <= day <= stay[1] for day in days):
            return j
    return None


def _stated_stay(leg: LegEvidence) -> tuple[date, date] | None:
    """The first and last day sources state for a leg: its ranges, else its arrival and
    its conclusion ("arrived in Tashkent on June 21 ... left on Friday once the summit
    had closed" holds the summit of June 23-24)."""
    stated = _stated_range(leg)
    if stated is not None:
        return stated
    arrived = [r.day for r in leg.starts if r.kind in ARRIVED]
    left = [r.day for r in leg.ends if r.kind == "concluded"]
    return (min(arrived), max(left)) if arrived and left else None


def stay_windows_to_summit(legs: Sequence[LegEvidence]) -> list[LegEvidence]:
    """A summit leg and a visit leg in one country, the visit with a stated range from the
    summit's last day on ("an official visit on June 30 and July 1") and another that
    opens by the summit's first day ("in Japan from June 27 to July 1, for the G20 in
    Osaka and an official visit"): the second is the whole stay, which began with the
    summit; its first day is the summit leg's (rule 10)."""
    out = list(legs)
    for i, summit in enumerate(out):
        if not summit.summit or summit.event is None:
            continue
        for j, visit in enumerate(out):
            if visit.summit or visit.country != summit.country:
                continue
            ranges = [r for r in visit.starts if r.kind in ("window", "revised")]
            if not any(r.day >= summit.event.end for r in ranges):
                continue  # no days of the visit's own after the summit
            stay = [r for r in ranges if r.day <= summit.event.start]
            if stay:
                summit = summit._replace(starts=summit.starts + tuple(stay))
                out[i] = summit
                out[j] = visit._replace(starts=tuple(r for r in visit.starts if r not in stay))
    return out


def conclusions_to_summit(legs: Sequence[LegEvidence]) -> list[LegEvidence]:
    """A visit and then a summit in one country, the visit with no stated range that holds
    the summit: its conclusion on or after the summit's last day is the stay's in that
    country, and so the summit leg's ("concluded his visit to China" on the 10th, after
    talks in Beijing on the 8th and the summit in Qingdao on the 9th-10th) (rule 11)."""
    out = list(legs)
    for i, summit in enumerate(out):
        if not summit.summit or summit.event is None:
            continue
        close = summit.event.end
        for j, visit in enumerate(out):
            if visit.summit or visit.country != summit.country:
                continue
            stay = _stated_range(visit)
            if stay is not None and stay[1] >= summit.event.start:
                continue  # the visit's own days reach the summit's: rule 8
            if not any(_before(r, summit.event.start) for r in visit.starts):
                continue  # no visit before the summit
            moved = tuple(r for r in visit.ends if r.kind == "concluded" and r.day >= close)
            if not moved:
                continue
            kept = tuple(r for r in visit.ends if r not in moved)
            on = min(r.day for r in moved)
            gone = visit.concluded_on in {r.day for r in moved}
            out[j] = visit._replace(ends=kept, concluded_on=None if gone else visit.concluded_on)
            summit = summit._replace(
                ends=summit.ends + moved,
                concluded=True,
                concluded_on=min(on, summit.concluded_on or on),
            )
            out[i] = summit
    return out


def _before(reading: Reading, opens: date) -> bool:
    """Whether a start reading is of a stay before a summit that `opens` that day: not an
    evening landing on its eve, which is the summit's arrival."""
    eve = opens - timedelta(days=1)
    return reading.day < eve or (reading.day == eve and reading.kind not in LANDED_LATE)


def _stated_range(leg: LegEvidence) -> tuple[date, date] | None:
    """The first and last day of the ranges sources state for a leg, if any."""
    starts = [r.day for r in leg.starts if r.kind in ("window", "revised")]
    ends = [r.day for r in leg.ends if r.kind in ("window", "revised")]
    return (min(starts), max(ends)) if starts and ends else None
