"""Legs that days at home set apart: another journey told in the same article.

A trip is one absence from home, so its legs follow one another with no more than a
travel day between them. When the days an article gives its legs fall into runs with a
gap of several days between them ("a four-day state visit to Japan from May 25 ... He
leaves again at the weekend for Britain, where the Queen will host him from June 3 to
5"), the leader went home in between: the run the article shows the traveller moving in,
else the one it tells most of, is the trip, and the other runs are other journeys (the
next trip, or the last one).
"""

from __future__ import annotations

from datetime import date, timedelta

from calendar_svc.ingest.extract.facts import ArticleFacts
from calendar_svc.ingest.lexicon import LEXICONS

#: More days than this between one leg's last day and the next leg's first: home between.
GAP = timedelta(days=2)


#: A leg's days as an article tells them: its first and last, and whether it tells the
#: first as the day it began and the last as the day it ended.
Span = tuple[date, date, bool, bool]


def leg_spans(facts: ArticleFacts) -> dict[str, Span]:
    """Each leg's days as the article states them: its own range, arrivals and plans to
    arrive say when it began; its range, departures and plans to leave when it ended; a
    summit's days are only days there. Legs called off are left out, and so are places
    that are no leg (home, left at the start)."""
    legs = {s.value for s in facts.itinerary}
    legs -= {p.value for p in (*facts.postponements, *facts.cancellations) if p.value}
    days: dict[str, list[date]] = {}
    began: dict[str, list[date]] = {}
    ended: dict[str, list[date]] = {}
    for window in facts.leg_windows:
        code, span = window.value
        began.setdefault(code, []).append(span.start)
        ended.setdefault(code, []).append(span.end)
    for window in facts.event_windows:
        code, span = window.value
        days.setdefault(code, []).extend((span.start, span.end))
    for arrival in facts.arrivals:
        began.setdefault(arrival.value.country_code, []).append(arrival.value.at.day)
    for departure in facts.departures:
        ended.setdefault(departure.value.place.country_code, []).append(departure.value.at.day)
    for plan in facts.plans:
        (began if plan.value.edge == "start" else ended).setdefault(plan.value.leg, []).append(
            plan.value.day
        )
    spans: dict[str, Span] = {}
    for code in legs:
        told = days.get(code, []) + began.get(code, []) + ended.get(code, [])
        if told:
            first, last = min(told), max(told)
            spans[code] = (
                first,
                last,
                first in began.get(code, []),
                last in ended.get(code, []),
            )
    return spans


def _runs(spans: dict[str, Span]) -> list[list[str]]:
    """The legs in runs: a leg starts a new run only when the day it began is more than
    `GAP` after the day the run's last leg is said to have ended. A leg whose first day
    told is not its beginning (a summit it attends) may have begun up to `GAP` before, and
    one whose last day is not its end may go on for any time."""
    runs: list[list[str]] = []
    last, ended = date.min, False
    for code in sorted(spans, key=lambda c: spans[c]):
        first, end, told_start, told_end = spans[code]
        begun = first if told_start else first - GAP  # at a summit: may have come before
        if not runs or (ended and begun > last + GAP):
            runs.append([])
            last, ended = end, told_end
        elif end > last:
            last, ended = end, told_end
        elif not told_end:
            ended = False  # begun by the run's last day, its end untold: it may go on
        runs[-1].append(code)
    return runs


def _told(facts: ArticleFacts, run: list[str]) -> int:
    """How many of the article's facts name a leg of the run."""
    told = [(s.value, s.provenance) for s in facts.itinerary]
    told += [(w.value[0], w.provenance) for w in (*facts.leg_windows, *facts.event_windows)]
    told += [(v.value[0], v.provenance) for v in facts.visit_types]
    told += [(a.value.country_code, a.provenance) for a in facts.arrivals]
    told += [(p.value.leg, p.provenance) for p in facts.plans]
    sentences = {where.sentence_index for code, where in told if code in run}
    return len(sentences)


def _moved(facts: ArticleFacts, run: list[str]) -> bool:
    """Whether the article tells the traveller arriving in or leaving a leg of the run: a
    journey under way or done, beside one only planned."""
    return any(a.value.country_code in run for a in facts.arrivals) or any(
        d.value.place.country_code in run for d in facts.departures
    )


def _one_journey_told(facts: ArticleFacts, kept: list[str], gone: set[str]) -> bool:
    """Whether a sentence dating one of the legs `gone` tells it as the next stop of this
    journey ("fly on to", "then travel to", "sau đó"), or dates a leg kept as well (one
    itinerary: "ở Tây Ban Nha từ ngày 27 đến 29/11, rồi thăm Pa-na-ma từ ngày 2 đến 3/12")."""
    onward = LEXICONS[facts.language].onward
    dated = [
        *((w.value[0], w.provenance) for w in (*facts.leg_windows, *facts.event_windows)),
        *((p.value.leg, p.provenance) for p in facts.plans),
    ]
    mine = {where.sentence_index for code, where in dated if code in kept}
    return any(
        where.sentence_index in mine or onward.search(where.sentence)
        for code, where in dated
        if code in gone
    )


def drop_legs_of_other_journeys(facts: ArticleFacts) -> None:
    """Keep the run of legs the article tells the traveller moving in, else the one it
    tells most of, else the one nearest the day the article was read against; forget the
    other runs' legs. A leg the article gives no days may fill a gap, so with one the
    runs stand apart only when it comes after a later run's leg in the itinerary ("He
    leaves again at the weekend for Britain ... From Britain, he is expected to travel to
    Ireland"): it is that journey's."""
    spans = leg_spans(facts)
    runs = _runs(spans)
    if len(runs) < 2:
        return
    ref = facts.reference

    def distance(run: list[str]) -> int:
        first = min(spans[c][0] for c in run)
        last = max(spans[c][1] for c in run)
        return (
            0
            if ref is None or first <= ref <= last
            else min(abs((first - ref).days), abs((ref - last).days))
        )

    kept = max(runs, key=lambda run: (_moved(facts, run), _told(facts, run), -distance(run)))
    gone = {code for run in runs if run is not kept for code in run}
    if _one_journey_told(facts, kept, gone):
        return  # "On Saturday evening he will fly on to Siem Reap for the summit": this trip
    order = [s.value for s in facts.itinerary]
    undated = [i for i, code in enumerate(order) if code not in spans]
    if undated:
        mine = [i for i, c in enumerate(order) if c in kept]
        if kept is not runs[0]:
            # the run kept is a later one: legs with no days told after all of its own
            # go on from it ("rời Shannon sang Pháp"), and bridge nothing to the run before
            if min(undated) < max(mine):
                return
            facts.forget_legs(gone)
            return
        later = [
            i
            for i, c in enumerate(order)
            if c in gone and spans[c][0] > max(spans[k][1] for k in kept)
        ]
        if not later or min(undated) < max(min(later), *mine):
            return
        gone |= {order[i] for i in undated}
    facts.forget_legs(gone)
