"""What the rules read and what they give: the evidence of a leg and of a trip, a shown
date (`Dated`) and the other results, with the tables of reading kinds and the reasons
dates are given for. Apart from the rule functions so that each of those reads as its
steps, with the words and strengths it uses named here once.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from calendar_svc.domain.values import Certainty, DateWindow, Moment, Status

#: What a reading is, weakest first: an arrival or a conclusion (or a departure from the
#: leg), a stated range (`window`), a range revised (`revised`). Stronger kinds win ties
#: of sources and publication.
TIERS: tuple[tuple[str, ...], ...] = (
    ("arrival", "arrival_eve", "arrival_night", "concluded"),
    ("window",),
    ("revised",),
)
#: The reading kinds that say the delegation arrived, and those of them told as late.
ARRIVED = ("arrival", "arrival_eve", "arrival_night")
LANDED_LATE = ("arrival_eve", "arrival_night")
_SAYS = {
    "arrival": ("arrival", "the delegation arrived that day"),
    "arrival_eve": ("arrival", "the delegation arrived the evening before"),
    "arrival_night": ("arrival", "the delegation landed late the night before"),
    "concluded": ("concluded", "the leg was reported concluded"),
    "window": ("stated", "dates stated by {label}"),
    "revised": ("stated", "dates stated by {label}"),
}
#: kind: (strength, rule, reason)
KINDS: dict[str, tuple[int, str, str]] = {
    kind: (strength, *_SAYS[kind]) for strength, tier in enumerate(TIERS) for kind in tier
}

ENTERED = "the delegation left the previous leg for this one that day"
EVENING_ONLY = "; it landed that evening, and its programme may begin the next day"
EVE_OF_SUMMIT = "; it landed the evening before, and the summit it came for opened that day"
EVE_OF_PROGRAMME = "; it landed the evening before, and its first dated engagement was that day"
NIGHT_BEFORE = "; it landed late at night, so its programme began the next day"
PREVIOUS = "the previous leg concluded that day"
OVERNIGHT = "; the flight there lands after midnight, local time, so the next day"
LEFT_HOME = "the delegation left home that day"
TRIP_START = "the trip starts that day"
TRIP_END = "the last leg ends with the trip"
FLEW_HOME = (
    "the last leg ends the day the delegation flew home: counted back from its landing "
    "home, less the flight and the change of clock"
)
ENGAGED = "no source states it; its first dated engagement there was that day"
EVENT_END = "no source states it; the summit it attends there closes that day"
EVENT_START = "no source states it; the summit it attends there opens that day"
WITHIN_START = "no source states it; the summit it attends during the visit opens that day"
ENCLAVED = (
    "no source states it; a stop within the stay in the country around it, on the day of "
    "its engagements there"
)
STAYED_ON = (
    "no source states it; the delegation stayed on in the country after the visit there "
    "for the summit, which opens that day"
)
PLANNED_START = "no source states it; the delegation was to arrive that day (a plan)"
PLANNED_END = "no source states it; the delegation was to leave that day (a plan)"
BEFORE = "no source states it; bounded by the legs before it"
AFTER = "no source states it; bounded by the legs after it"
FLEW_ON_OVERNIGHT = "; the flight to the next leg is overnight, so the day before it starts"
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
    planned_start: date | None = None  # the day a plan gave for arriving
    planned_end: date | None = None  # the day a plan gave for leaving
    country: str = ""  # where it is (a summit leg shares its visit's country)
    summit: bool = False  # a summit leg beside a visit in the same country
    #: the flight in from the leg before: its hours and the change of clock (this leg's
    #: UTC offset less that leg's), when both places are known
    flight_in: tuple[float, float] | None = None


class TripFacts(NamedTuple):
    """What the log says of the trip as a whole."""

    starts: tuple[Reading, ...] = ()  # the stated trip window's first day, per source
    ends: tuple[Reading, ...] = ()
    left_home: date | None = None
    returned_on: date | None = None
    returned: bool = False
    #: the landing home a source told, and what the flight from the last stop took: its
    #: hours in the air and the clock change (home's UTC offset less the stop's)
    landed: Moment | None = None
    flight_hours: float | None = None
    clock_change: float | None = None
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
