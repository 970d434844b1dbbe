"""A landing told with no place the gazetteer knows, in an article filed from a
destination: "MANILA, April 17 - ... Fiala landed at Villamor Air Base late on Sunday" is
the arrival in the Philippines. Apart from `movements`, which reads the place after the
verb, because here the place is the dateline's and only once nothing else placed it.
"""

from __future__ import annotations

import re

from calendar_svc.ingest.extract.classify import background, someone_else
from calendar_svc.ingest.extract.facts import (
    Arrival,
    ArticleFacts,
    Sourced,
    moment,
    place_ref,
    provenance,
)
from calendar_svc.ingest.extract.move_days import day_of
from calendar_svc.ingest.extract.views import View, first_place_after, single_days
from calendar_svc.ingest.lexicon import Lexicon
from calendar_svc.ingest.places import find_places

#: A landing, with or without its place: "landed", "touched down", "hạ cánh" (not a bare
#: "arrived": measured on the corpus, it placed more landings wrongly than rightly)
_LANDED = re.compile(
    r"(?i)\b(?:landed|touched\s+down)\b|"
    r"(?<!\w)(?:đã\s+)?hạ\s+cánh(?!\w)"
)

#: How far after the verb a place named is the one landed at.
_PLACE_REACH = 40


def add_dateline_arrival(
    facts: ArticleFacts, views: list[View], lex: Lexicon, dateline: str | None
) -> None:
    """The traveller's first landing with no known place, told as done, when the dateline
    names a destination of the trip that no arrival dates yet."""
    if not dateline:
        return
    named = find_places(dateline, lex.language)
    if not named:
        return
    place = place_ref(named[0].place)
    code = place.country_code
    destinations = {s.value for s in facts.itinerary}
    if code == facts.home or code not in destinations:
        return
    if any(a.value.country_code == code for a in facts.arrivals):
        return
    for view in views:
        if view.history or view.future or background(view, lex):
            continue
        landed = _LANDED.search(view.sentence.text)
        if landed is None or someone_else(view, landed.start(), facts):
            continue
        there = first_place_after(view, landed.end())
        if there is not None and there.span[0] - landed.end() <= _PLACE_REACH:
            continue  # landed at a place named: `movements` reads it ("landed back in Prague")
        if any(
            m.place.country_code not in (code, facts.home) and not view.in_person(m.span)
            for m in view.places
        ):
            # a place named is where ("The tour began in Tokyo, where Marrero landed on Sept
            # 26"), read or not by `movements`; home is where the flight came from
            continue
        days = single_days(view)
        if not days:
            continue
        at = moment(day_of(landed.span(), days, lex, view.sentence.text), place)
        rule = f"{lex.language}.arrival.dateline"
        prov = provenance(facts.article_id, view.sentence, rule, landed.span())
        facts.arrivals.append(Sourced(Arrival(code, place, at), prov))
        return
