"""A summit and a visit in one country as two legs (`SUMMIT_LEG`): how one article's facts
are split between them, and how a later article's summit facts move to a known summit leg.

Apart because assembly uses it too (`move_to_summit_leg`, `leg_country`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from calendar_svc.domain.ids import SUMMIT_LEG
from calendar_svc.domain.values import VisitType
from calendar_svc.ingest.extract.facts import ArticleFacts, Sourced

# Facts name legs by key (`SUMMIT_LEG`: a summit leg's); `leg_country` gives a key's country.


_BILATERAL = frozenset({VisitType.STATE, VisitType.OFFICIAL, VisitType.WORKING})


def leg_country(key: str) -> str:
    """The country of a leg key (see `SUMMIT_LEG`)."""
    return key.removesuffix(SUMMIT_LEG)


def summit_legs_apart(facts: ArticleFacts) -> None:
    """One article that says a country hosts both a summit the traveller attends, on days
    it gives, and a state, official or working visit, not on those days, makes two legs
    there: the summit's (key `<code>+summit`) and the visit's, in the order their dates
    (else their words) give.
    The summit's type and days, and the arrival (summit first) or the departure (summit
    last) at its end of the stay, move to the summit's leg; the rest stays with the visit."""
    for country in dict.fromkeys(t.value[0] for t in facts.visit_types):
        kinds = [t for t in facts.visit_types if t.value[0] == country]
        event = next((t for t in kinds if t.value[1] == VisitType.EVENT), None)
        visit = next((t for t in kinds if t.value[1] in _BILATERAL), None)
        at = next((i for i, stop in enumerate(facts.itinerary) if stop.value == country), None)
        if event is None and visit is not None:
            event = _summit_apart(facts, country)
            if event is not None:
                facts.visit_types.append(event)
        if event is None or visit is None or at is None:
            continue
        key = country + SUMMIT_LEG
        days = next((e.value[1] for e in facts.event_windows if e.value[0] == country), None)
        own = next((w.value[1] for w in facts.leg_windows if w.value[0] == country), None)
        if days is None:
            continue  # a summit of days unknown: one leg
        if own is not None and own.start <= days.end and days.start <= own.end:
            if own.start <= days.start and days.end <= own.end and own != days:
                # a summit during the visit ("làm việc tại Nhật Bản từ ngày 15 đến 18/12 ...
                # dự Hội nghị Cấp cao ... trong hai ngày 16-17/12"): a leg within the
                # visit's, after it, with the summit's type and days; the movements stay
                # with the visit (the rules date a leg within another by its summit)
                facts.itinerary.insert(at + 1, Sourced(key, event.provenance))
                move_to_summit_leg(facts, country, arrivals=False, entering=False, leaving=False)
            continue
        if own is not None:
            summit_first = days.start < own.start
        else:
            where = (event.provenance.sentence_index, event.provenance.span[0])
            summit_first = where < (visit.provenance.sentence_index, visit.provenance.span[0])
        facts.itinerary.insert(
            at if summit_first else _after_legs_before(facts, at, days.start),
            Sourced(key, event.provenance),
        )
        # the stay there began with the summit (arriving, moving in from the leg before), or
        # ended with it (leaving for the next leg; "concluded the official visit" still ends
        # the visit's leg)
        if summit_first or own is None:
            move_to_summit_leg(
                facts,
                country,
                arrivals=summit_first,
                entering=summit_first,
                leaving=not summit_first,
            )
        else:
            # with the visit's days known: an arrival on its last day or later, after a
            # first day, is in the summit's city ("arrived in Hamburg around midday
            # Thursday" after the Berlin state visit of July 4-6, for the G20 of July 7-8),
            # and a departure by its last day ends the visit ("Sáng 6/7, trước khi rời thủ
            # đô nước Đức")
            move_to_summit_leg(
                facts,
                country,
                arrivals=True,
                entering=False,
                leaving=True,
                since=max(own.end, own.start + timedelta(days=1)),
                left_after=own.end,
            )


def _summit_apart(facts: ArticleFacts, country: str) -> Sourced[tuple[str, VisitType]] | None:
    """A summit the article dates in a country it also visits, with another leg's days
    between the visit's and the summit's ("France on August 22-23, the UAE on 23-24,
    Bahrain on 24-25, then the G7 summit in Biarritz on August 25-26"): attending it is
    a stay of its own, whether or not a word says "attend"."""
    days = next((e for e in facts.event_windows if e.value[0] == country), None)
    own = next((w.value[1] for w in facts.leg_windows if w.value[0] == country), None)
    if days is None or own is None:
        return None
    first, last = sorted([own, days.value[1]], key=lambda w: w.start)
    if first.end > last.start:
        return None
    between = any(
        w.value[0] != country and first.end <= w.value[1].start and w.value[1].end <= last.start
        for w in facts.leg_windows
    )
    return Sourced((country, VisitType.EVENT), days.provenance) if between else None


def _after_legs_before(facts: ArticleFacts, at: int, day: date) -> int:
    """Where a summit after the visit at `at` goes in the itinerary: after the visit and
    after every later leg whose own days begin before the summit's ("France on August
    22-23, the UAE, Bahrain on August 24-25, then the G7 summit in Biarritz on 25-26")."""
    begins = {w.value[0]: w.value[1].start for w in facts.leg_windows}
    place = at + 1
    for i in range(at + 1, len(facts.itinerary)):
        start = begins.get(facts.itinerary[i].value)
        if start is not None and start < day:
            place = i + 1
    return place


def move_to_summit_leg(
    facts: ArticleFacts,
    country: str,
    *,
    arrivals: bool,
    entering: bool,
    leaving: bool,
    since: date | None = None,
    left_after: date | None = None,
) -> None:
    """Give the summit's leg in `country` (key `<code>+summit`) what the article says of the
    summit: its type and days, and, as asked, the arrivals there, the moves into the
    country, and the moves out of it; with `since` (the summit's eve), only the arrivals
    and moves in from that day on ("began the tour in France on Thursday", days before
    the G7 in Biarritz, is the visit's); with `left_after` (the visit's last day), only the
    moves out after it."""
    key = country + SUMMIT_LEG

    def summit(code: str | None) -> str | None:
        return key if code == country else code

    def in_time(day: date) -> bool:
        return since is None or day >= since

    def out_in_time(day: date) -> bool:
        return leaving and (left_after is None or day > left_after)

    facts.visit_types = [
        Sourced((key, t.value[1]), t.provenance)
        if t.value[0] == country and t.value[1] == VisitType.EVENT
        else t
        for t in facts.visit_types
    ]
    facts.event_windows = [
        Sourced((key, e.value[1]), e.provenance) if e.value[0] == country else e
        for e in facts.event_windows
    ]
    if arrivals:
        facts.arrivals = [
            Sourced(replace(a.value, country_code=key), a.provenance)
            if a.value.country_code == country and in_time(a.value.at.day)
            else a
            for a in facts.arrivals
        ]
    if entering or leaving:
        facts.departures = [
            Sourced(
                replace(
                    d.value,
                    next_country=summit(d.value.next_country)
                    if entering and in_time(d.value.at.day)
                    else d.value.next_country,
                    concluded_country=summit(d.value.concluded_country)
                    if out_in_time(d.value.at.day)
                    else d.value.concluded_country,
                ),
                d.provenance,
            )
            for d in facts.departures
        ]
