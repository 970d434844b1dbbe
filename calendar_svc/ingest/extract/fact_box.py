"""Fact-box itineraries: the list a wire story or a Vietnamese round-up closes with, one
line per stop ("- Peru, Nov. 13-16: APEC summit in Lima", "- Tại Campuchia (từ ngày
12-13/11): ...", "- Nam Phi (21-24/8): dự Hội nghị BRICS").

Apart because such a line has no verb for the other readers to go by: its head (a place,
then its days, then a colon) is what says the traveller was there on those days. A line
headed by a day ("- Saturday, Aug. 23: lunch ...") or by a year gives nothing here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from calendar_svc.domain.values import DateWindow
from calendar_svc.ingest.dates import DateMention
from calendar_svc.ingest.extract.facts import ArticleFacts, Sourced, provenance
from calendar_svc.ingest.extract.views import View
from calendar_svc.ingest.lexicon import Lexicon

#: A list item's bullet, then "In" / "Tại" before the place it is headed by.
_BULLET = re.compile(r"(?i)\s*[-–•*]\s+(?:(?:in|at|tại|ở)\s+)?")
#: Between the place and its days: a comma, a dash or an opening bracket ("từ ngày" and
#: "from" are part of the date's own span).
_PLACE_TO_DAYS = re.compile(r"\s*(?:,|–|-|\()\s*")
#: After the days, the line's colon: closing the bracket, perhaps a visit type in
#: brackets between ("Nov. 8-10 (state visit):").
_DAYS_TO_COLON = re.compile(r"\s*\)?\s*(?:\([^()]{1,40}\)\s*)?:")


@dataclass(frozen=True, slots=True)
class Stop:
    """One fact-box line: the country it is headed by and the days it gives."""

    country: str
    days: DateMention


def fact_box_stop(view: View) -> Stop | None:
    """The stop a list item is headed by: a place right after the bullet, its days right
    after it, then the colon; `None` for any other sentence. (A line of home, or of a
    past year's visit, is dropped with the other facts of such days.)"""
    text = view.sentence.text
    bullet = _BULLET.match(text)
    if bullet is None:
        return None
    head = next((p for p in view.places if p.span[0] == bullet.end()), None)
    gap = None if head is None else _PLACE_TO_DAYS.match(text, head.span[1])
    if head is None or gap is None:
        return None
    days = next((d for d in view.dates if d.span[0] == gap.end()), None)
    if days is None or not _DAYS_TO_COLON.match(text, days.span[1]):
        return None
    return Stop(head.place.country_code, days)


def add_fact_box_legs(facts: ArticleFacts, views: list[View], lex: Lexicon) -> frozenset[int]:
    """Each fact-box line's country as a leg, its days as the leg's stated window; the
    indices of the sentences read so, which say nothing of the whole trip's days."""
    read: set[int] = set()
    named = {s.value for s in facts.itinerary}
    for index, view in enumerate(views):
        stop = fact_box_stop(view)
        if stop is None:
            continue
        read.add(index)
        rule = f"{lex.language}.fact_box"
        if stop.country not in named:
            named.add(stop.country)
            facts.itinerary.append(
                Sourced(stop.country, provenance(facts.article_id, view.sentence, rule))
            )
        window = DateWindow(stop.days.start, stop.days.end)
        facts.leg_windows.append(
            Sourced(
                (stop.country, window),
                provenance(facts.article_id, view.sentence, rule, stop.days.span),
            )
        )
    return frozenset(read)
