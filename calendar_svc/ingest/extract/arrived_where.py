"""Arrivals told in a clause after their place: "flew in from New Delhi, where he had
arrived on Friday" (`arrived_before`, a leg told in retrospect) and "In New Zealand, where
he arrived on Saturday, ..." (`arrived_where`): stated starts of those legs.

Apart from `movements` because they are read off a place and the clause after it, not
off the sentence's own movement verb.
"""

from __future__ import annotations

import re

from calendar_svc.ingest.dates import DateMention
from calendar_svc.ingest.extract.facts import (
    Arrival,
    ArticleFacts,
    Sourced,
    moment,
    place_ref,
    provenance,
)
from calendar_svc.ingest.extract.views import View, single_days
from calendar_svc.ingest.lexicon import Lexicon
from calendar_svc.ingest.places import PlaceMention

#: After "flew in from A": "where he had arrived on Friday", "nơi ông đã tới hôm 8/9".
_ARRIVED_THERE = re.compile(
    r"[^.;]{0,40}?(?:\bwhere\s+(?:he|she|they)\s+had\s+(?:arrived|landed)\b|"
    r"(?<!\w)nơi\s+(?:ông|bà|họ)\s+(?:đã\s+)?(?:tới|đến)(?!\w))",
    re.IGNORECASE,
)


def arrived_before(facts: ArticleFacts, view: View, lex: Lexicon, came: tuple[int, str]) -> None:
    """The arrival at a leg told in retrospect with its day ("flew in from New Delhi,
    where he had arrived on Friday for the summit"): a stated start of that leg."""
    text = view.sentence.text
    at = next((m for m in view.places if m.span[0] == came[0]), None)
    if at is None:
        return
    hit = _ARRIVED_THERE.match(text, at.span[1])
    if hit is None:
        return
    end = _clause_end(text, hit.end())
    days = [d for d in single_days(view) if hit.end() <= d.span[0] < end + 12]
    if days:
        _arrived_on(facts, view, at, came[1], days[0], (f"{lex.language}.arrival.before", end))


def _clause_end(text: str, start: int) -> int:
    """Where the clause that goes on at `start` ends: a full stop, a semicolon, a comma."""
    stop = _CLAUSE_STOP.search(text, start)
    return stop.start() if stop else len(text)


_CLAUSE_STOP = re.compile(r"[.;]|,\s")


def _arrived_on(
    facts: ArticleFacts,
    view: View,
    at: PlaceMention,
    code: str,
    day: DateMention,
    told: tuple[str, int],
) -> None:
    """An arrival at the place named at `at`, for the leg `code`, on `day`, told by the
    rule `told[0]` in the words from the place to `told[1]`."""
    place = place_ref(at.place)
    rule, end = told
    prov = provenance(facts.article_id, view.sentence, rule, (at.span[0], end))
    facts.arrivals.append(Sourced(Arrival(code, place, moment(day, place)), prov))


#: Right after a place: the traveller's arrival there told in a clause ("In New Zealand,
#: where he arrived on Saturday from Port Moresby, ...", "tại Xít-ni, nơi ông đã tới ngày").
_WHERE_ARRIVED = re.compile(
    r",\s+(?:where\s+(?:he|she|they)\s+(?:had\s+)?(?:arrived|landed)\b|"
    r"nơi\s+(?:ông|bà|họ)\s+(?:đã\s+)?(?:tới|đến)(?!\w))",
    re.IGNORECASE,
)


def arrived_where(
    facts: ArticleFacts, view: View, lex: Lexicon, home: str | None, destinations: set[str]
) -> None:
    """A leg's arrival told in a clause after its place, the day the first in the clause: a
    stated start, as `arrived_before` reads one after "flew in from A"."""
    text = view.sentence.text
    for at in view.places:
        code = at.place.country_code
        hit = _WHERE_ARRIVED.match(text, at.span[1])
        if (
            hit is None
            or code == home
            or code not in destinations
            or _FROM_BEFORE.search(text, 0, at.span[0])
        ):
            continue
        end = _clause_end(text, hit.end())
        days = [d for d in single_days(view) if hit.end() <= d.span[0] < end]
        if not days or _ANOTHER_YEAR.search(text, hit.end(), end):
            continue  # "where he arrived on June 9 last year for his first visit": then
        _arrived_on(facts, view, at, code, days[0], (f"{lex.language}.arrival.where", end))


#: In the clause of an arrival: last year's ("last year", "năm ngoái"); a day with its
#: year is another year's by its date.
_ANOTHER_YEAR = re.compile(r"(?i)\b(?:last|previous)\s+year\b|(?<!\w)năm\s+(?:ngoái|trước)(?!\w)")


#: Right before the place: it is where the traveller came from ("flew in from A, where he
#: had arrived on Friday": `arrived_before` reads it).
_FROM_BEFORE = re.compile(r"(?i)(?:\bfrom|(?<!\w)từ)\s+(?:the\s+)?$")
