"""Engagements reported (meetings, talks, ceremonies), each put in the leg where it
happened and merged by key.

Apart because finding an engagement's words is `ingest.engagements`; placing it in a leg
needs the trip's destinations and movements, known only here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from calendar_svc.domain.values import PersonRef, PlaceRef
from calendar_svc.ingest.budget import check
from calendar_svc.ingest.engagements import EngagementClaim, find_engagements
from calendar_svc.ingest.extract.facts import (
    ArticleFacts,
    Engagement,
    Sourced,
    engagement_key,
    moment,
    place_ref,
    provenance,
)
from calendar_svc.ingest.extract.home import person_country
from calendar_svc.ingest.extract.views import View, single_days
from calendar_svc.ingest.lexicon import Lexicon


def _focus(facts: ArticleFacts) -> str | None:
    """The leg an article is about: the one it reports ending, arriving in or dating."""
    for items in (
        [c.value.country_code for c in facts.conclusions],
        [a.value.country_code for a in facts.arrivals],
        [w.value[0] for w in facts.leg_windows],
    ):
        if len(set(items)) == 1:
            return items[0]
    codes = {s.value for s in facts.itinerary}
    return next(iter(codes)) if len(codes) == 1 else None


def add_engagements(
    facts: ArticleFacts,
    claims: list[tuple[View, EngagementClaim]],
    lex: Lexicon,
    article_id: str,
    home: str | None,
    destinations: set[str],
) -> None:
    """Each reported engagement, in the leg where it happened, merged by key."""
    focus = _focus(facts)
    merged: dict[str, Sourced[Engagement]] = {}
    for view, claim in claims:
        place: PlaceRef | None = None
        country: str | None = None
        for mention in sorted(claim.places, key=lambda m: m.place.kind == "city"):
            if mention.place.country_code in destinations:
                place, country = place_ref(mention.place), mention.place.country_code
                break
        if country is None:
            during = lex.during.search(view.sentence.text)
            if during is not None:
                near = [c for _, c in view.countries(home, after=during.end()) if c in destinations]
                country = near[0] if near else None
        if country is None:
            # "Ngày 22/3, tại Vác-sa-va (Warsaw), ... hội đàm với ...": the one destination
            # the sentence places it in, though outside the engagement's own words
            there = {
                m.place.country_code
                for m in view.places
                if m.place.country_code in destinations and not view.in_person(m.span)
            }
            if len(there) == 1:
                country = there.pop()
                place = next(
                    place_ref(m.place)
                    for m in view.places
                    if m.place.country_code == country and not view.in_person(m.span)
                )
        if country is None:
            # talks with the Polish prime minister happen in Poland, when it is a leg
            theirs = {
                code
                for p in claim.counterparts
                if (code := person_country(p, lex.language)) in destinations
            }
            if len(theirs) == 1:
                country = theirs.pop()
        country = country or focus
        days = single_days(view)
        at = moment(days[0], place) if len(days) == 1 else None
        people = [PersonRef(name=p.name, title=p.title) for p in claim.counterparts if p.name]
        key = engagement_key(claim.kind, claim.title, people)
        held = merged.get(key)
        if held is not None:
            old = held.value
            merged[key] = Sourced(
                Engagement(
                    key,
                    old.kind,
                    old.title,
                    old.country_code or country,
                    old.counterparts or people,
                    old.place or place,
                    old.at or at,
                ),
                held.provenance,
            )
            continue
        merged[key] = Sourced(
            Engagement(key, claim.kind, claim.title, country, people, place, at),
            provenance(article_id, view.sentence, claim.rule, claim.span),
        )
    facts.engagements.extend(merged.values())


#: How far outside the days an article gives its trip an engagement may be dated and still
#: be one of the trip's.
_OUTSIDE_THE_TRIP = timedelta(days=10)


def drop_engagements_of_other_times(facts: ArticleFacts) -> None:
    """An engagement dated well outside the days the article gives its trip is another
    occasion's ("told Sheikh Mohamed he would attend the conference, which opens in Dubai
    on Nov. 30", in a report of a July visit): no engagement of this trip's legs."""
    days = facts.known_days()
    if not days:
        return
    first, last = min(days) - _OUTSIDE_THE_TRIP, max(days) + _OUTSIDE_THE_TRIP
    facts.engagements = [
        e for e in facts.engagements if e.value.at is None or first <= e.value.at.day <= last
    ]


def undate_engagements_on_the_way_home(facts: ArticleFacts) -> None:
    """An engagement named in the sentence that tells the landing home ("Rạng sáng 20/11,
    Thủ tướng ... đã về đến Hà Nội, kết thúc chuyến công tác tham dự Hội nghị Thượng đỉnh
    G20 tại Ri-ô"): the day is the homecoming's, not the engagement's (it had dated a
    one-day stay abroad on the day of the landing at home)."""
    home_days = {(r.provenance.sentence_index, r.value) for r in facts.returns}
    facts.engagements = [
        e
        if e.value.at is None or (e.provenance.sentence_index, e.value.at.day) not in home_days
        else Sourced(replace(e.value, at=None), e.provenance)
        for e in facts.engagements
    ]


def engagement_claims(
    views: list[View], lex: Lexicon, principal: str, home: str | None
) -> list[tuple[View, EngagementClaim]]:
    """Engagements the sentences report as done (not planned), each with its sentence."""
    claims: list[tuple[View, EngagementClaim]] = []
    for view in views:
        check()
        if view.future or view.history:
            continue  # a plan, or an earlier journey's ("đã thăm I-ta-li-a và Pháp, ký kết")
        for claim in find_engagements(view.sentence.text, lex.language, [principal], home):
            if not claim.planned:
                claims.append((view, claim))
    return claims
