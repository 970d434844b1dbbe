"""The schedule's rules: how a leg's dates, its status and the certainty of each date are
decided from what sources said. Pure functions over plain inputs (no log, no fold, no
I/O); `ScheduleFold` gathers the evidence and calls them, and nothing else decides.

A date is a `Dated`: the day, the rule that gave it, the reason in words, and its
`Certainty` (weakest first: disputed < inferred < stated < corroborated).

Legs are taken in time order (`time_order`): by the start sources state (else the end),
a leg with neither right after the one it followed, not in the order sources told them.

Which legs are on the schedule (`named_in_passing`, rule 0): a country one of a trip's
several sources names with nothing of its own (no day, plan, summit, engagement,
arrival, conclusion or postponement) is a mention, listed on the trip, not a leg.

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
   programme is not another start; one at another hour the day before, told by a source
   of the range, is the start (`_came_before`). A leg dated by nothing but an evening
   landing starts on its first dated engagement when that is the next day (landed late
   on Wednesday, the talks on Thursday), shown `inferred`. Other readings and their sources
   appear among the trip's disputes. Readings are never dropped, so a later article
   never turns a stated date into an inferred one. (A `ClaimDisputed` event, one
   article giving two values, is no reading: the held value stays and the claim is
   shown beside it.)
2. `stayed_on`: else a summit leg right after a visit to the same country starts on the
   summit's first day (the delegation stayed on; no move ends the visit for it);
   `previous_concluded`: else a leg starts on the day the delegation left the previous
   leg for it, or the day the previous leg was reported concluded; the next day when the
   flight between them, taken at `FLIES_ON_AT` (after the day's programme), lands after
   midnight local time (`landing_day`: Brasilia to London, Niamey to Johannesburg), or
   when a plan says it arrives the day after (`planned`: "wrapped up the visit on Sunday
   ... is due in Praia on Monday").
3. `departure_from_home`: else the first leg starts when the delegation left home;
   `trip_start`: else on the trip's stated first day; `engagements`: else on the day of
   the leg's first dated engagement (talks in B on the 22nd: it was in B by then; the day
   before, the neighbours' guess, would often be another leg's). (A summit's first day
   is no start: delegations arrive the evening before, on the day the leg before ends.)
   `planned` (before `engagements`): the day a plan gave for arriving there ("will fly
   on to Canberra on Friday"): inferred, as plans change.
4. `duration`: else a leg with a stated duration ends start + duration - 1 (a stated
   conclusion beats it: it is a reading), unless that is before the close of the summit
   the leg is for (the number is then the summit's) or after the trip's end ("a
   week-long trip" counts the flights); `planned`: else the day a plan gave for
   leaving it ("will leave Australia on May 24", or "before returning home on Saturday"
   for the leg the article names last), unless before the leg's start, never after
   the next leg's start (a plan told before a later leg was known), and for the last
   leg not when the day the delegation came home is known; `event`: else a leg to a
   summit ends on the summit's last day (the summit's days are not the leg's own: never
   stated), unless it is the last leg of a trip whose stated window ends (rule 5 first).
5. `trip_end`: else the last leg ends with the trip (its stated last day, unless a
   source says a leg began after it, or the flight home from a landing a source told
   left after it: that window was a leg's; else the day
   the delegation left for home: as a source says, or counted back from a landing home
   it told, less the flight from the last stop and the change of clock, a morning
   landing being an overnight flight: `homeward_day`).
6. `neighbours`: a leg still without a start starts on the latest day the legs before
   it give (or the trip's first day); without an end, ends on the earliest day the
   legs after it give (or the trip's last day), the day before when the next leg's
   start is that day and the flight to it is overnight however late it left
   (`overnight`: Geneva to New Delhi). Only the legs' own dates (rules 1-5)
   bound others. `event`: a summit leg still without a start starts on the summit's
   first day.
7. clamp: an end before the start becomes the start (inferred when the end was inferred;
   disputed when a source stated it: then two sources contradict each other).
8. `within`: a summit leg inside a visit to the same country (the summit's days lie
   within the visit's stated days, else between its stated arrival and conclusion) is
   dated by its own readings, else by the summit's days (inferred), clamped as in rule 7,
   and takes no part in rules 2-6: the visit around it goes on, so it neither starts
   after nor bounds its neighbours. So is a stop in an enclave (the Holy See, San
   Marino, Lesotho) next to a stated stay in the country around it that holds every day
   told of the stop: dated by its own readings, else by the days of its engagements
   there (inferred), else not.
9. A summit and a visit to the same country, next to each other, the visit with a stated
   range of days: what is filed under the visit outside that range, on the summit's side,
   is the summit leg's. Summit first: an arrival before the range's first day, a leaving
   on or before it (APEC in Da Nang, then a state visit in Hanoi from the 12th: "arrived
   in Da Nang on the 10th" is the summit's arrival). Visit first: an arrival or a leaving
   after the range's last day (Berlin on the 5th-6th, then the G20 in Hamburg: "left
   Hamburg on the 9th" ends the summit's leg).
10. `stay_windows_to_summit`: a summit and a visit to the same country, the visit with a
   stated range from the summit's last day on and another opening by the summit's first
   day ("from June 27 to July 1", for the G20 in Osaka and an official visit in Tokyo on
   June 30 and July 1): the wider range is the whole stay, and its first day is the
   summit leg's. Applied before the legs are put in time order.
11. `conclusions_to_summit`: a visit and then a summit in one country, the visit with no
   stated range that reaches the summit: a conclusion told on or after the summit's last
   day is the whole stay's, so the summit leg's ("ended his visit to China" on the 10th,
   after talks in Beijing on the 8th and the summit in Qingdao on the 9th-10th). An
   evening landing on the summit's eve is no visit before it.

Rules 2-7 are inference: they never give `stated` or `corroborated`.

Leg status (`leg_status`): `cancelled` (the leg or the trip), else `postponed` (a
postponement that no later movement or new dates overtook: the fold clears it when the
visit is reported under way or rescheduled), else
`concluded` (reported concluded, the trip over, or a later leg begun; or under way, as
below, with its shown last day before the trip's latest source was published:
`days_over`), else `in_progress` (arrived, entered or concluded; the first leg once the
delegation left home; a leg whose previous one concluded), else `announced`. `status_as_of` is the
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

Where each lives: `passing` (rule 0), `order` (time order), `evidence` (what the rules
read and give, the reading kinds and the reasons), `dates` (certainty and rules 1-9),
`flight` (rule 5's flight home, and the flight between legs), `status` (leg status, trip
summary) and `engagements` (engagement dates, the commemorations).
This package's names are the rules' interface; `RULES_VERSION` versions them all.
"""

from __future__ import annotations

from calendar_svc.domain.rules.dates import (
    bounds,
    date_basis,
    date_legs,
    disputed_readings,
    eves,
    leg_end,
    leg_start,
    overall,
    read,
    settle,
    trip_window,
    weaker,
)
from calendar_svc.domain.rules.engagements import (
    COMMEMORATED,
    commemoration_day,
    engagement_dates,
)
from calendar_svc.domain.rules.evidence import (
    AFTER,
    BEFORE,
    CLAMPED,
    ENCLAVED,
    ENGAGED,
    ENTERED,
    EVENT_END,
    EVENT_START,
    FLEW_HOME,
    KINDS,
    LEFT_HOME,
    PLANNED_END,
    PLANNED_START,
    PREVIOUS,
    STAYED_ON,
    TIERS,
    TRIP_END,
    TRIP_START,
    WITHIN_START,
    Dated,
    EngagementDates,
    LegEvidence,
    LegStatus,
    Reading,
    TripFacts,
    TripSummary,
)
from calendar_svc.domain.rules.flight import (
    flight_hours,
    great_circle_km,
    homeward_day,
    landing_day,
    left_for_home,
)
from calendar_svc.domain.rules.order import time_order
from calendar_svc.domain.rules.passing import named_in_passing
from calendar_svc.domain.rules.status import leg_status, leg_statuses, trip_summary
from calendar_svc.domain.rules.stays import (
    conclusions_to_summit,
    stay_windows_to_summit,
    within,
)
from calendar_svc.domain.values import Certainty

__all__ = [
    "AFTER",
    "BEFORE",
    "CLAMPED",
    "COMMEMORATED",
    "ENCLAVED",
    "ENGAGED",
    "ENTERED",
    "EVENT_END",
    "EVENT_START",
    "FLEW_HOME",
    "KINDS",
    "LEFT_HOME",
    "PLANNED_END",
    "PLANNED_START",
    "PREVIOUS",
    "RULES_VERSION",
    "STAYED_ON",
    "TIERS",
    "TRIP_END",
    "TRIP_START",
    "WITHIN_START",
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
    "conclusions_to_summit",
    "date_basis",
    "date_legs",
    "disputed_readings",
    "engagement_dates",
    "eves",
    "flight_hours",
    "great_circle_km",
    "homeward_day",
    "landing_day",
    "left_for_home",
    "leg_end",
    "leg_start",
    "leg_status",
    "leg_statuses",
    "named_in_passing",
    "overall",
    "read",
    "settle",
    "stay_windows_to_summit",
    "time_order",
    "trip_summary",
    "trip_window",
    "weaker",
    "within",
]

#: The version of the rules that decide what a view shows (dates, certainty, status,
#: wording). Bump it with any change to them: a stored schedule folded by other rules
#: is rebuilt from the log instead of being served (see projections/schedule.py).
RULES_VERSION = 44  # 44: a stay under way is cut short by a cancellation, not called off
