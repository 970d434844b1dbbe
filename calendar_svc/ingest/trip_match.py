"""Which known trip an article reports on.

Identity: a trip is its principal and its dates. An article joins a known trip of the
same principal (`identity.same_person`: "Macron" ~ "Emmanuel Macron", "Tập Cận Bình" ~
"Xi Jinping") when the days it names fall within that trip's span (two days' slack);
or when the known trip was postponed (and none of it went ahead) and the article takes the
traveller to one of its countries within months after (`_rescheduled`); or when it reports
from the same country days after the trip's known days (`_goes_on`), or days before them
(`_came_early`). A match by the trip's course counts half a day the article names within
the trip's span, so the trip its days fall in wins. Otherwise the article starts a new
trip.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from calendar_svc.domain import facts as fact_keys
from calendar_svc.domain.trip import TripState
from calendar_svc.domain.values import DateWindow
from calendar_svc.ingest.extract import ArticleFacts
from calendar_svc.reference.identity import same_person

#: How far outside a known trip's span an article's dates may fall and still belong to it.
SLACK = timedelta(days=2)
#: With no date in the text, how close the publication date must be to a known trip.
UNDATED_SLACK = timedelta(days=14)


def match_trip(facts: ArticleFacts, trips: Mapping[str, TripState]) -> TripState | None:
    """The known trip this article reports on, if any (same principal, overlapping days)."""
    if facts.principal is None:
        return None
    who = facts.principal.value.name
    days = facts.known_days()
    destinations = {s.value for s in facts.itinerary}
    best: tuple[float, TripState] | None = None
    for trip in trips.values():
        if trip.principal is None or not same_person(trip.principal.name, who):
            continue
        span = trip.span()
        if span is None:
            continue
        hits: float = 0
        if days:
            hits = sum(span.start - SLACK <= d <= span.end + SLACK for d in days)
        elif facts.reference is not None and set(trip.legs.values()) & destinations:
            near = span.start - UNDATED_SLACK <= facts.reference <= span.end + UNDATED_SLACK
            hits = 1 if near else 0
        if not hits:
            hits = _WEAK * _near_by_course(facts, trip, span, days, destinations)
        if hits and (best is None or hits > best[0]):
            best = (hits, trip)
    return best[1] if best else None


#: What a match by the trip's course (not by its days) counts against a day it covers: a
#: trip the article's days fall in is surer than one it may have moved or begun early (a
#: homecoming on the 21st is the Brunei and China trip's, whose window is its first leg's
#: "16-18/10", not the Japan trip's of the 25th that named Beijing before it).
_WEAK = 0.5


def _near_by_course(
    facts: ArticleFacts,
    trip: TripState,
    span: DateWindow,
    days: list[date],
    destinations: set[str],
) -> bool:
    """Whether the article's days, outside the trip's, still fit its course: rescheduled,
    replaced, going on (past every day the trip is known by), or begun early."""
    if days and _rescheduled(trip, span, days, destinations):
        return True
    if _replaces(facts, span, set(trip.legs.values()) & destinations):
        return True
    return bool(days) and (
        _goes_on(trip, trip.reach() or span, days, destinations)
        or _came_early(trip, span, days, destinations)
    )


def _replaces(facts: ArticleFacts, span: DateWindow, shared: set[str]) -> bool:
    """Whether the article gives new days for the trip, naming its old ones as replaced
    ("originally planned for March 20 to 22, has been rescheduled to April 10 to 12")."""
    return bool(shared) and any(
        w.start <= span.end + SLACK and span.start - SLACK <= w.end for w in facts.replaced
    )


#: How far past the days a trip is known by, to the same country, it may still run: news
#: of a start ("leaves on Monday") is followed by news of the days after it.
GOES_ON_WITHIN = timedelta(days=10)


def _goes_on(trip: TripState, span: DateWindow, days: list[date], to: set[str]) -> bool:
    """A report from the same country days after the trip's known days is the same
    trip going on ("arrived on April 8", then "talks on April 10, flies home on the 13th")."""
    if not set(trip.legs.values()) & to:
        return False
    return all(span.start - SLACK <= d <= span.end + GOES_ON_WITHIN for d in days)


#: How long before the days a trip was announced for the traveller may land there for it.
COMES_EARLY = timedelta(days=7)


def _came_early(trip: TripState, span: DateWindow, days: list[date], to: set[str]) -> bool:
    """A report of the traveller in one of a trip's countries days before the dates it was
    announced for is that trip begun early ("the first leader to land in Delhi, days
    before the summit" he was to attend on September 9 and 10)."""
    if not set(trip.legs.values()) & to:
        return False
    return all(span.start - COMES_EARLY <= d <= span.end + SLACK for d in days)


#: Fact keys that say a leg took place: an arrival or a conclusion reported.
_WENT_AHEAD = (fact_keys.arrival(""), fact_keys.concluded(""))

#: How long after its first dates a postponed trip can still take place as the same trip
#: (a pope's African journey put off in June for July took place the next January).
RESCHEDULE_WITHIN = timedelta(days=366)


def _rescheduled(trip: TripState, span: DateWindow, days: list[date], to: set[str]) -> bool:
    """A postponed trip is the one a later article about the same traveller going to the
    same country reports ("put off in March, the visit took place in April")."""
    postponed = any(fact_keys.is_status(key, "postponed") for key in trip.facts)
    if not postponed or not set(trip.legs.values()) & to:
        return False
    if any(key.startswith(_WENT_AHEAD) for key in trip.facts):
        # the rest of the trip took place ("France postponed, the Berlin leg went ahead"):
        # the postponed leg's visit months later is a journey of its own
        return False
    return all(span.start < d <= span.end + RESCHEDULE_WITHIN for d in days)
