"""Rule 0: which legs are on the schedule. A country one of a trip's several sources
names, and nothing more (no arrival, day, range, length, plan, summit, engagement,
conclusion, postponement), is a mention, not a leg: the other places such an article
names are mostly others' journeys, earlier or later trips, or context ("the reactions
in Kyiv and Washington", "he skipped Ramallah", "due in Brussels next week"). Measured
on the development corpus (`make accuracy`): 27 such legs were not in the gold, 4 were.
A trip told by one article keeps every leg that article gives: nothing corroborates or
contradicts it.
"""

from __future__ import annotations

from calendar_svc.domain.rules.evidence import LegEvidence


def named_in_passing(leg: LegEvidence, sources: int, trip_sources: int, linked: bool) -> bool:
    """Whether a leg is a bare mention: named by one source (`sources`) of a trip several
    sources tell (`trip_sources`), with none of its own evidence and no engagement filed
    under it (`linked`)."""
    if sources != 1 or trip_sources < 2 or linked:
        return False
    told = (
        leg.starts
        or leg.ends
        or leg.engaged
        or leg.started
        or leg.postponed
        or leg.cancelled
        or leg.concluded_on
        or leg.entered_on
    )
    planned = leg.duration or leg.event or leg.planned_start or leg.planned_end
    return not (told or planned)
