"""What the pages show, computed from the schedule and the log, kept out of templates.

- `leg_certainty`: the one word a leg's bar is coloured by.
- `date_evidence`: for each date shown, the sentences that state that very day for that
  item, read from the trip's events on the log (their provenance), so a reader can open
  the sentence behind a date. A date no event states (a rule inferred it) has none, and
  the page says so with the rule's reason.
- `timeline`: one row per leader, legs as bars placed on a day axis, in lanes so that
  overlapping legs never hide each other; `timeline_trips`: which trips it shows.
- `by_day`, `article_pieces`, `fact_summary`, `shown`: a trip's days, an article's text
  and facts, and a diff's values, as the trip, article and audit pages lay them out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import msgspec

from calendar_svc.domain import facts as fact_keys
from calendar_svc.domain.events import (
    DelegationArrived,
    DelegationDeparted,
    EngagementReported,
    FactCorroborated,
    LegConcluded,
    ScheduleRevised,
    TripConcluded,
    VisitAnnounced,
    decode_for_fold,
)
from calendar_svc.domain.values import DateWindow, slug
from calendar_svc.domain.views import EngagementView, LegView, Schedule, TripView
from calendar_svc.services.articles import SentenceReading
from calendar_svc.services.people import Person
from calendar_svc.services.schedule_query import hosted_by, overlaps
from calendar_svc.store import StoredEvent

#: The words a bar can be coloured by, in the legend's order.
CERTAINTIES = ("corroborated", "stated", "inferred", "disputed", "postponed", "cancelled")


def leg_certainty(leg: LegView) -> str:
    """Postponed and cancelled first (what a reader must not miss), else how sure the
    dates are: the schedule's own certainty when it has one, else derived from whether
    a source confirms them."""
    if leg.status in ("postponed", "cancelled"):
        return leg.status
    certainty = getattr(leg, "certainty", None)
    if certainty is not None:
        return str(certainty)
    return "stated" if leg.dates_confirmed else "inferred"


class Evidence(msgspec.Struct, frozen=True):
    """A sentence that states a shown day, and where it is."""

    article_id: str
    sentence_index: int
    sentence: str
    rule: str
    position: int  # of the event that carries it


Side = str  # "start" or "end"
EvidenceMap = dict[tuple[str, Side, date], list[Evidence]]
TRIP = "trip"  # the key of trip-level dates (the trip's window, leaving and coming home)


#: Readings that give an event its place, people or kind, never its day: an event's
#: sentences read by these are not offered as the sentence behind a date, unless the
#: event has no other (the rule names are `<lang>.<reading>...`).
_NOT_DAYS = frozenset({"itinerary", "visit_type", "people", "onward"})


def _reading(rule: str) -> str:
    parts = rule.split(".")
    return parts[1] if len(parts) > 1 else rule


def _dating(prov: list[Any]) -> list[Any]:
    """The provenance entries that can state a day, date readings first."""
    dating = [p for p in prov if _reading(p.rule) not in _NOT_DAYS] or list(prov)
    return sorted(dating, key=lambda p: _reading(p.rule) != "dates")


def _add(
    found: EvidenceMap, item: str, side: Side, day: date | None, row: StoredEvent, prov: Any
) -> None:
    if day is None:
        return
    bucket = found.setdefault((item, side, day), [])
    for p in _dating(prov):
        ev = Evidence(p.article_id, p.sentence_index, p.sentence, p.rule, row.position)
        if all(
            (e.article_id, e.sentence_index) != (ev.article_id, ev.sentence_index) for e in bucket
        ):
            bucket.append(ev)
    bucket.sort(key=lambda e: _reading(e.rule) != "dates")  # stable: log order within


def _parse_window(value: str) -> DateWindow | None:
    first, sep, last = value.partition("/")
    try:
        return DateWindow(date.fromisoformat(first), date.fromisoformat(last)) if sep else None
    except ValueError:
        return None


def date_evidence(rows: Iterable[StoredEvent], trip: TripView) -> EvidenceMap:
    """(item id or `TRIP`, side, day) -> the sentences that state that day for it."""
    found: EvidenceMap = {}
    legs = {leg.country_code: leg.leg_id for leg in trip.legs}
    for row in rows:
        event = decode_for_fold(row.event_type, row.schema_version, row.data)
        prov = getattr(event, "provenance", None)
        if not prov:
            continue
        for item, side, day in _stated_days(event, legs):
            _add(found, item, side, day, row, prov)
    return found


#: What one event states: (item id or `TRIP`, side, day).
Stated = list[tuple[str, Side, date | None]]


def _stated_days(event: object, legs: dict[str, str]) -> Stated:
    """(item, side, day) each event states: a window both its ends, a movement one."""
    if isinstance(event, VisitAnnounced):
        return _ends(event.leg_id, event.window) + _ends(TRIP, event.trip_window)
    if isinstance(event, DelegationArrived):
        return [(event.leg_id, "start", event.at.day)]
    if isinstance(event, DelegationDeparted):
        return _departure_days(event, legs)
    if isinstance(event, LegConcluded):
        return [(event.leg_id, "end", event.on), *_ends(event.leg_id, event.window)]
    if isinstance(event, ScheduleRevised):
        return _ends(event.leg_id or TRIP, event.revised)
    if isinstance(event, TripConcluded):
        return [(TRIP, "end", event.on)]
    if isinstance(event, EngagementReported):
        day = event.at.day if event.at is not None else None
        at: Stated = [(event.engagement_id, "start", day), (event.engagement_id, "end", day)]
        return (at if day is not None else []) + _ends(event.engagement_id, event.window)
    if isinstance(event, FactCorroborated) and fact_keys.parse(event.fact).name == "window":
        key = fact_keys.parse(event.fact)
        item = key.subject if key.kind == "leg" else TRIP
        return _ends(item, _parse_window(event.value))
    return []


def _departure_days(event: DelegationDeparted, legs: dict[str, str]) -> Stated:
    ended = event.concluded_leg_id or legs.get(event.place.country_code)
    days: Stated = []
    if ended is not None:
        days.append((ended, "end", event.at.day))
    else:  # leaving a place that is no leg: home
        days.append((TRIP, "start", event.at.day))
    if event.next_leg_id is not None:
        days.append((event.next_leg_id, "start", event.at.day))
    return days


def _ends(item: str, window: DateWindow | None) -> Stated:
    if window is None:
        return []
    return [(item, "start", window.start), (item, "end", window.end)]


def evidence_for(
    found: EvidenceMap, trip: TripView, item: str, side: Side, day: date | None
) -> list[Evidence]:
    """The sentences behind an item's shown start or end: those stating that day for the
    item itself; for the first leg's start and the last leg's end, those stating it for
    the whole trip (the day the delegation left home or came back)."""
    if day is None:
        return []
    own = found.get((item, side, day), [])
    if own:
        return own
    legs = sorted(trip.legs, key=lambda leg: leg.sequence)
    edge = legs and (
        (side == "start" and legs[0].leg_id == item) or (side == "end" and legs[-1].leg_id == item)
    )
    return found.get((TRIP, side, day), []) if edge or item == trip.trip_id else []


# -- the timeline ------------------------------------------------------------------------


@dataclass
class Bar:
    trip: TripView
    leg: LegView
    start: date
    end: date
    lane: int = 0
    left: float = 0.0  # percent of the axis
    width: float = 0.0


@dataclass
class Row:
    name: str
    title: str | None
    slug: str
    bars: list[Bar] = field(default_factory=list)
    lanes: int = 1


@dataclass
class Timeline:
    first: date
    last: date
    rows: list[Row]
    ticks: list[tuple[date, float]]  # (day, percent) for the axis labels

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def _ticks(first: date, last: date) -> list[tuple[date, float]]:
    days = (last - first).days + 1
    step = 1 if days <= 14 else 7 if days <= 45 else 14 if days <= 120 else 0
    ticks: list[tuple[date, float]] = []
    if step:
        day = first
        while day <= last:
            ticks.append((day, 100.0 * (day - first).days / days))
            day += timedelta(days=step)
        return ticks
    month = date(first.year, first.month, 1)
    while month <= last:  # month starts
        if month >= first:
            ticks.append((month, 100.0 * (month - first).days / days))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return ticks


#: Who a row is: (slug, name, title) of a trip's traveller.
RowOf = Callable[[TripView], tuple[str, str, str | None]]


def by_principal(trip: TripView) -> tuple[str, str, str | None]:
    """A row per traveller's name as written (callers that know people pass their own)."""
    return slug(trip.principal.name), trip.principal.name, trip.principal.title


def timeline(
    trips: list[TripView], lo: date | None, hi: date | None, row_of: RowOf = by_principal
) -> Timeline | None:
    """Rows of bars between `lo` and `hi` (by default the trips' own span), one row per
    person `row_of` names; None when no leg has a date to place."""
    spans = [
        (trip, leg, leg.start_date or leg.end_date, leg.end_date or leg.start_date)
        for trip in trips
        for leg in sorted(trip.legs, key=lambda leg: leg.sequence)
        if leg.start_date or leg.end_date
    ]
    if not spans:
        return None
    first = lo or min(s for _t, _l, s, _e in spans if s)
    last = hi or max(e for _t, _l, _s, e in spans if e)
    if last < first:
        return None
    days = (last - first).days + 1
    rows: dict[str, Row] = {}
    for trip, leg, start, end in spans:
        assert start is not None and end is not None
        if end < first or start > last:
            continue
        key, name, title = row_of(trip)
        row = rows.setdefault(key, Row(name, title, key))
        shown_start, shown_end = max(start, first), min(end, last)
        bar = Bar(trip, leg, start, end)
        bar.left = 100.0 * (shown_start - first).days / days
        bar.width = max(100.0 * ((shown_end - shown_start).days + 1) / days, 0.8)
        row.bars.append(bar)
    for row in rows.values():
        ends: list[date] = []  # the last day taken in each lane
        for bar in sorted(row.bars, key=lambda b: (b.start, b.leg.sequence)):
            for lane, taken in enumerate(ends):
                if taken < bar.start:
                    bar.lane, ends[lane] = lane, bar.end
                    break
            else:
                bar.lane = len(ends)
                ends.append(bar.end)
        row.lanes = max(1, len(ends))
    ordered = sorted(rows.values(), key=lambda r: (-len(r.bars), r.name))
    return Timeline(first, last, ordered, _ticks(first, last))


# -- the timeline's trips ---------------------------------------------------------------------

#: The longest period the timeline shows unless asked for another: a year of visits
#: would be thousands of bars no one can read.
DEFAULT_DAYS = 92


def default_period(trips: list[TripView]) -> tuple[date | None, date | None]:
    """All the trips' days when they fit in `DEFAULT_DAYS`, else the last `DEFAULT_DAYS`
    up to the latest day any trip reaches (what the news is about); (None, None) when no
    trip has a date."""
    days = [d for t in trips for d in (t.start_date, t.end_date) if d is not None]
    if not days:
        return None, None
    first, last = min(days), max(days)
    if (last - first).days < DEFAULT_DAYS:
        return None, None
    return last - timedelta(days=DEFAULT_DAYS - 1), last


def rows_by_person(people: list[Person]) -> RowOf:
    """A timeline row per person, however each article wrote their name."""
    travellers = {
        trip.trip_id: (person.slug, person.name, person.title)
        for person in people
        for trip in person.trips
    }
    return lambda trip: travellers.get(trip.trip_id) or by_principal(trip)


def timeline_trips(
    schedule: Schedule,
    person: Person | None,
    who: str | None,
    code: str | None,
    lo: date | None,
    hi: date | None,
) -> tuple[list[TripView], date | None, date | None]:
    """The trips the timeline shows, in date order, and its period: `person`'s (found by
    `who`), else a principal's whose slug contains `who`, hosted by `code`, in [lo, hi]
    (`default_period` when neither end is given)."""
    theirs = {t.trip_id for t in person.trips} if person else None
    chosen = [
        trip
        for trip in schedule.trips
        if (who is None or (trip.trip_id in theirs if theirs else who in slug(trip.principal.name)))
        and hosted_by(trip, code)
        and overlaps(trip.start_date, trip.end_date, lo, hi)
    ]
    if lo is None and hi is None:
        lo, hi = default_period(chosen)
        if lo is not None:
            chosen = [t for t in chosen if overlaps(t.start_date, t.end_date, lo, hi)]
    chosen.sort(key=lambda t: (t.start_date or date.max, t.trip_id))
    return chosen, lo, hi


# -- a trip's days, an article's facts and text, a diff's values ------------------------------


def by_day(trip: TripView) -> list[tuple[date | None, LegView | None, list[EngagementView]]]:
    """Engagements on their day, in order; those whose day is unknown last, by leg."""
    dated: dict[date, list[EngagementView]] = {}
    undated: dict[str, list[EngagementView]] = {}
    for engagement in trip.engagements:
        if engagement.start_date is not None and engagement.start_date == engagement.end_date:
            dated.setdefault(engagement.start_date, []).append(engagement)
        else:
            undated.setdefault(engagement.leg_id or "", []).append(engagement)
    ordered: list[tuple[date | None, LegView | None, list[EngagementView]]] = [
        (day, None, sorted(items, key=lambda e: (e.local_time is None, e.local_time, e.title)))
        for day, items in sorted(dated.items())
    ]
    legs = {leg.leg_id: leg for leg in trip.legs}
    for leg_id, items in undated.items():
        ordered.append((None, legs.get(leg_id), sorted(items, key=lambda e: e.title)))
    return ordered


def fact_summary(event_type: str, data: dict[str, Any]) -> str:
    """A fact in a few words, from the fields a reader checks against the sentence."""
    parts: list[str] = []
    for key in ("country_code", "leg_id", "engagement_id", "fact", "value", "claimed"):
        value = data.get(key)
        if isinstance(value, str) and value and key != "engagement_id":
            parts.append(value)
    for key in ("window", "trip_window", "revised"):
        window = data.get(key)
        if isinstance(window, dict):
            parts.append(f"{window.get('start')} – {window.get('end')}")
    for key in ("at",):
        moment = data.get(key)
        if isinstance(moment, dict) and moment.get("day"):
            parts.append(str(moment["day"]))
    if isinstance(data.get("on"), str):
        parts.append(data["on"])
    if isinstance(data.get("title"), str):
        parts.append(data["title"])
    return " · ".join(dict.fromkeys(parts))


def shown(value: Any) -> str:
    """A diff's before/after value, short: an added item by its few telling fields."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        keys = ("country_code", "title", "start_date", "end_date", "status")
        picked = [str(value[k]) for k in keys if value.get(k) not in (None, "")]
        return " · ".join(picked) or "…"
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value[:6]) + (" …" if len(value) > 6 else "")
    return str(value)


def article_pieces(text: str, sentences: list[SentenceReading]) -> list[tuple[str, Any]]:
    """An article's text as ("gap", text) and ("sentence", reading) pieces, in order."""
    pieces: list[tuple[str, Any]] = []
    cursor = 0
    for reading in sentences:
        start, end = reading.span
        if start > cursor:
            pieces.append(("gap", text[cursor:start]))
        pieces.append(("sentence", reading))
        cursor = max(cursor, end)
    if cursor < len(text):
        pieces.append(("gap", text[cursor:]))
    return pieces
